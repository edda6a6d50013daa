"""Photos as readers get them: each article's analysis sized them; their derivatives are copied once pages are written."""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from newsroom.site.photos import copy_derivatives
from newsroom.site.static_files import publishable

# Photos each build uses, by output folder, copied at the end of the run
# (Pelican empties the output folder between reading and writing).
_used: dict[str, dict[str, object]] = {}


def collect_photos(generator) -> None:
    pending = _used.setdefault(str(generator.settings["OUTPUT_PATH"]), {})
    for kind in ("articles", "translations", "hidden_articles", "pages", "hidden_pages"):
        for content in getattr(generator, kind, ()):
            for photo in getattr(getattr(content, "analysis", None), "photos", ()):
                pending[str(photo.folder)] = photo


def copy_photos(pelican) -> None:
    for photo in _used.pop(str(pelican.settings["OUTPUT_PATH"]), {}).values():
        copy_derivatives(Path(pelican.output_path), photo)


def publish_only_documents(generator) -> None:
    """Of the content's own files Pelican would copy, only checked documents: never an original photo (its
    derivatives stand in for it), nor anything check refuses (newsroom.site.static_files)."""
    root = Path(generator.path)
    generator.staticfiles[:] = [f for f in generator.staticfiles if publishable(root / f.source_path)]


def connect() -> None:
    signals.static_generator_finalized.connect(publish_only_documents)
    signals.article_generator_finalized.connect(collect_photos)
    signals.page_generator_finalized.connect(collect_photos)
    signals.finalized.connect(copy_photos)
