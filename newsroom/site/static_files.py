"""What of the content's own files the portal publishes: documents of a few kinds, checked; never an original photo.

A file beside the photos is served from the portal's own address: an HTML
page or an SVG there runs script as the portal. So a file in a static folder
(`STATIC_PATHS`, `content/images/`) is either
- a photo (JPEG, PNG, WebP) whose bytes are what its name says: pages show its
  derivatives (newsroom.site.photos), made without EXIF, GPS, XMP or IPTC; the
  original, with its camera's metadata, is never published, nor is a photo no
  page shows; or
- a document of an allowed kind (PDF, Word, Excel, PowerPoint, OpenDocument)
  whose first bytes are that kind's, published as it is for readers to download;
and anything else is an error naming the file. A photo is judged from its
header and its ends before any pixel is decoded: over MAX_PIXELS, or cut
short, it is refused at once.
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from newsroom.problems import Problem, error

# 50 megapixels: an 8K photo (7680×4320 = 33 MP) and a 45 MP camera's fit; decoding one costs ~150 MB.
MAX_PIXELS = 50_000_000
PHOTO_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
_ZIP, _OLE = (b"PK\x03\x04",), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
DOCUMENT_MAGIC = {
    ".pdf": (b"%PDF-",),
    ".docx": _ZIP, ".xlsx": _ZIP, ".pptx": _ZIP, ".odt": _ZIP, ".ods": _ZIP, ".odp": _ZIP,
    ".doc": _OLE, ".xls": _OLE, ".ppt": _OLE,
}
ALLOWED_VI = "ảnh JPEG, PNG, WebP và tài liệu PDF, Word, Excel, PowerPoint, OpenDocument"
ALLOWED_EN = "JPEG, PNG and WebP photos, and PDF, Word, Excel, PowerPoint and OpenDocument documents"
TAIL = 65536


class PhotoRefused(ValueError):
    """A photo the portal will not decode, with the reason in Vietnamese and English."""

    def __init__(self, vietnamese: str, english: str):
        super().__init__(english)
        self.vietnamese, self.english = vietnamese, english


@dataclass(frozen=True)
class PhotoFacts:
    width: int  # as shown, after the EXIF orientation
    height: int


def is_photo_name(path: Path | str) -> bool:
    return Path(path).suffix.lower() in PHOTO_FORMATS


def is_document_name(path: Path | str) -> bool:
    return Path(path).suffix.lower() in DOCUMENT_MAGIC


def inspect_photo(file, suffix: str) -> PhotoFacts:
    """Size and orientation from the header; refused when not the format its name says, too large, or cut short.

    `file` is a binary file object opened at its start (a photo on disk or its bytes in memory).
    """
    expected = PHOTO_FORMATS.get(suffix.lower())
    if expected is None:
        raise PhotoRefused(f"không phải tệp ảnh được phép ({ALLOWED_VI})", f"not an allowed photo file ({ALLOWED_EN})")
    limit = Image.MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # Pillow's own limit would refuse a bomb without saying its size: the header is read, the size judged here.
            Image.MAX_IMAGE_PIXELS = None
            with Image.open(file) as image:  # reads the header only
                Image.MAX_IMAGE_PIXELS = limit
                found, (width, height) = image.format, image.size
                turned = _orientation(image) in (5, 6, 7, 8)
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning, OSError, SyntaxError,
            ValueError, EOFError):
        raise PhotoRefused("không đọc được như một ảnh (JPEG, PNG, WebP)",
                           "cannot be read as a photo (JPEG, PNG, WebP)") from None
    finally:
        Image.MAX_IMAGE_PIXELS = limit
    if found != expected:
        raise PhotoRefused(f"tên tệp nói là ảnh {expected} nhưng nội dung là {found or 'loại khác'}; hãy xuất lại ảnh đúng loại",
                           f"the name says {expected} but the bytes are {found or 'something else'}; export the photo again")
    if width * height > MAX_PIXELS:
        raise PhotoRefused(
            f"ảnh {width}×{height} điểm ảnh, quá giới hạn {MAX_PIXELS // 1_000_000} triệu điểm ảnh; hãy xuất lại ảnh nhỏ hơn",
            f"the photo is {width}×{height} pixels, over the {MAX_PIXELS // 1_000_000} megapixel limit; export it smaller")
    if not _whole(file, found):
        raise PhotoRefused("tệp ảnh bị cắt cụt (thiếu phần cuối); hãy chép lại ảnh gốc",
                           "the photo file is truncated (its end is missing); copy the original again")
    return PhotoFacts(height, width) if turned else PhotoFacts(width, height)


def _orientation(image: Image.Image) -> int:
    if image.format == "PNG":  # Pillow's PNG getexif() decodes every pixel to look for EXIF after them: the header's only
        exif = Image.Exif()
        if image.info.get("exif"):
            exif.load(image.info["exif"])
        return exif.get(0x0112, 1)
    return image.getexif().get(0x0112, 1)


def _whole(file, kind: str) -> bool:
    """Whether the file ends as its format says it must: JPEG's end-of-image after the scan, PNG's IEND, WebP's size."""
    file.seek(0, os.SEEK_END)
    size = file.tell()
    if kind == "WEBP":
        file.seek(4)
        return int.from_bytes(file.read(4), "little") + 8 <= size
    if kind == "PNG":
        return _found_after(file, 8, size, b"IEND")
    start = _jpeg_scan_start(file)
    return start is not None and _found_after(file, start, size, b"\xff\xd9")


def _found_after(file, start: int, size: int, marker: bytes) -> bool:
    # Usually at the very end; a camera may add data after the image (phone "motion photos"): then look at all.
    file.seek(max(start, size - TAIL))
    if marker in file.read():
        return True
    file.seek(start)
    return marker in file.read()


def _jpeg_scan_start(file) -> int | None:
    """Where the image's entropy-coded data begins (after its SOS header), skipping EXIF and its thumbnail."""
    file.seek(2)
    while True:
        if file.read(1) != b"\xff":
            return None
        marker = file.read(1)
        while marker == b"\xff":  # fill bytes
            marker = file.read(1)
        if not marker:
            return None
        if marker == b"\x01" or b"\xd0" <= marker <= b"\xd8":
            continue  # markers without a length
        length = int.from_bytes(file.read(2), "big")
        if length < 2:
            return None
        if marker == b"\xda":
            return file.tell() + length - 2
        file.seek(length - 2, os.SEEK_CUR)


@lru_cache(maxsize=8192)  # every check looks at every photo: once per version of the file in a process
def _photo_on_disk(path: str, size: int, mtime_ns: int) -> PhotoFacts | PhotoRefused:
    try:
        with open(path, "rb") as file:
            return inspect_photo(file, Path(path).suffix)
    except PhotoRefused as refused:
        return refused
    except OSError as failure:
        return PhotoRefused(f"không đọc được tệp ({failure.strerror})", f"cannot read the file ({failure.strerror})")


def photo_on_disk(path: Path) -> PhotoFacts | PhotoRefused:
    stat = path.stat()
    return _photo_on_disk(str(path), stat.st_size, stat.st_mtime_ns)


def inspect_bytes(data: bytes, suffix: str) -> PhotoFacts:
    return inspect_photo(io.BytesIO(data), suffix)


def document_refusal(path: Path) -> tuple[str, str] | None:
    """Why a document cannot be published, or None when its first bytes are its kind's."""
    try:
        with open(path, "rb") as file:
            head = file.read(8)
    except OSError as failure:
        return f"không đọc được tệp ({failure.strerror})", f"cannot read the file ({failure.strerror})"
    if not any(head.startswith(magic) for magic in DOCUMENT_MAGIC[path.suffix.lower()]):
        kind = path.suffix.lower().lstrip(".").upper()
        return (f"tên tệp nói là tài liệu {kind} nhưng nội dung không phải; hãy xuất lại tệp",
                f"the name says a {kind} document but the bytes are not one; export the file again")
    return None


def publishable(path: Path) -> bool:
    """Whether the build publishes `path` as it is: a document of an allowed kind, checked."""
    return is_document_name(path) and path.is_file() and document_refusal(path) is None


def static_file_problems(content: Path, static_paths: list[str]) -> list[Problem]:
    """Every file of the static folders that is neither a sound photo nor an allowed document, at the file."""
    problems: list[Problem] = []
    for folder in static_paths:
        root = Path(content) / folder
        for base, dirnames, names in os.walk(root) if root.is_dir() else ():
            dirnames[:] = sorted(d for d in dirnames if not os.path.islink(os.path.join(base, d)))
            for name in sorted(names):
                path = Path(base) / name
                if name.startswith(".") or path.is_symlink():
                    continue  # hidden files are never published; links are errors of their own (checks.paths)
                problems += _file_problems(path)
    return problems


def _file_problems(path: Path) -> list[Problem]:
    if is_photo_name(path):
        facts = photo_on_disk(path)
        if isinstance(facts, PhotoRefused):
            return [error(path, 1, facts.vietnamese, facts.english)]
        return []
    if is_document_name(path):
        refusal = document_refusal(path)
        return [error(path, 1, *refusal)] if refusal else []
    return [error(
        path, 1,
        f"loại tệp này không được đăng lên trang (chỉ {ALLOWED_VI}); hãy xóa tệp hoặc đổi sang loại được phép",
        f"this kind of file is not published ({ALLOWED_EN} only); remove it or convert it to an allowed kind",
    )]
