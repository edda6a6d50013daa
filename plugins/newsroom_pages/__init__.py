"""Pelican glue of the portal: `register()` connects one object's methods; the logic lives in `newsroom`."""

from .plugin import NewsroomPlugin


def register():
    NewsroomPlugin().connect()
