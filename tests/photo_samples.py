"""Photos made for tests: camera-like (large, EXIF orientation and GPS), in a few lines of Pillow."""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ORIENTATION, GPS_IFD = 0x0112, 0x8825


def camera_photo(path: Path, width: int = 4000, height: int = 2667, orientation: int = 1, seed: int = 7) -> Path:
    """A JPEG with smooth shapes and fine grain, as a real photo has, plus GPS and an orientation tag."""
    rng = random.Random(seed)
    # Large soft shapes (sky, walls) and many small sharp ones (faces, chairs, leaves) give photo-like detail.
    canvas = Image.new("RGB", (width // 4, height // 4), (90, 120, 160))
    draw = ImageDraw.Draw(canvas)
    for count, largest in ((40, canvas.width // 4), (3000, 12)):
        for _ in range(count):
            x, y, r = rng.randrange(canvas.width), rng.randrange(canvas.height), rng.randrange(2, largest)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(20, 240) for _ in range(3)))
    image = canvas.filter(ImageFilter.GaussianBlur(0.8)).resize((width, height), Image.BICUBIC)
    grain = Image.effect_noise((width, height), 40).convert("RGB")
    image = Image.blend(image, grain, 0.12)
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[GPS_IFD] = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 12.0)}
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=92, exif=exif)
    return path


def padded(path: Path, megabytes: float) -> Path:
    """Make a photo file heavier without changing its pixels (JPEG readers ignore bytes after the image)."""
    with path.open("ab") as handle:
        handle.write(b"\0" * int(megabytes * 1024 * 1024 - path.stat().st_size))
    return path
