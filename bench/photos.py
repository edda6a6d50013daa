"""Photo derivatives: seconds to size camera photos the first time and from the cache, and bytes saved.

Makes N camera-like 4000 px JPEGs (tests/photo_samples.py), sizes them cold,
then again from the cache, and prints the figures.
Usage: .venv/bin/python bench/photos.py [--photos 10]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from photo_samples import camera_photo  # noqa: E402

from newsroom.site.photos import PhotoCache  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        sources = [camera_photo(folder / f"anh-{i}.jpg", seed=i) for i in range(args.photos)]
        cache = PhotoCache(folder / "cache")
        started = time.perf_counter()
        sized = [cache.sized(source) for source in sources]
        cold = time.perf_counter() - started
        started = time.perf_counter()
        for source in sources:
            cache.sized(source)
        warm = time.perf_counter() - started
        original = sum(s.stat().st_size for s in sources) / len(sources)
        phone = sum((p.folder / next(d.name for d in p.derivatives if d.width == 480 and d.extension == "webp")).stat().st_size
                    for p in sized) / len(sized)
        print(f"{args.photos} photos of 4000x2667 px, {original / 1024:.0f} KB each on average")
        print(f"first build: {cold:.2f} s ({cold / args.photos * 1000:.0f} ms a photo, 3 widths x WebP+JPEG)")
        print(f"from the cache: {warm:.3f} s ({warm / args.photos * 1000:.1f} ms a photo: hashing the source)")
        print(f"480 px WebP a phone loads: {phone / 1024:.0f} KB on average ({phone / original:.1%} of the original)")


if __name__ == "__main__":
    main()
