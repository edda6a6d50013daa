"""Photos as readers get them: responsive derivatives made (or taken from the cache) per article, copied at the end."""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from newsroom.site.photos import PhotoCache, local_photo, responsive_photos

# Photos each build uses, by output folder, copied once every page is written
# (Pelican empties the output folder between reading and writing).
_used: dict[str, dict[str, object]] = {}


def cache_folder(settings) -> Path:
    configured = settings.get("PHOTO_CACHE_PATH")
    if configured:
        return Path(configured)
    # Beside the output folder, so it outlives the output's replacement between builds.
    return Path(settings["OUTPUT_PATH"]).resolve().parent / ".newsroom-cache" / "photos"


def size_photos(content) -> None:
    if not content._content or "<img" not in content._content:
        return
    settings = content.settings
    cache = PhotoCache(cache_folder(settings))
    source_path = Path(content.source_path) if content.source_path else None

    def resolve(src: str):
        target = local_photo(src, Path(settings["PATH"]), source_path)
        return cache.sized(target) if target is not None else None

    content._content, used = responsive_photos(content._content, resolve, settings.get("SITEURL", ""))
    pending = _used.setdefault(str(settings["OUTPUT_PATH"]), {})
    for photo in used:
        pending[str(photo.folder)] = photo


def copy_photos(pelican) -> None:
    cache = PhotoCache(cache_folder(pelican.settings))
    for photo in _used.pop(str(pelican.settings["OUTPUT_PATH"]), {}).values():
        cache.copy_into(Path(pelican.output_path), photo)


def connect() -> None:
    signals.content_object_init.connect(size_photos)
    signals.finalized.connect(copy_photos)
