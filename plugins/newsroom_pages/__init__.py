"""Pelican glue of the portal: connects signals, the logic lives in `newsroom`."""

from pelican import signals

from .content import enrich_content


def register():
    signals.content_object_init.connect(enrich_content)
