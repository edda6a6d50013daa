"""Light photos: sized WebP and JPEG derivatives, responsive markup, and the size check.

Editors upload photos as they come from the camera (often 6000 px, several MB,
rotated by an EXIF tag, with GPS in the EXIF). Readers get a <picture> with a
WebP `srcset` and a JPEG fallback in a few widths, width/height so the page
does not jump while photos load, and no EXIF at all (location included).

Derivatives are kept in a cache folder keyed by the source bytes' hash and the
widths, so an unchanged photo is never resized twice; each build copies the
ones it uses into the output.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml.html import HtmlElement
from PIL import Image, ImageOps, UnidentifiedImageError

from newsroom.content.links import IMAGE, LINK_PREFIX, body_lines, photo_file
from newsroom.problems import Problem, error, warning
from newsroom.core.source import MarkdownSource
from newsroom.site.htmltree import new_element, parse_fragment, replace, serialise
from newsroom.site.static_files import PHOTO_FORMATS, PhotoRefused, inspect_bytes, photo_on_disk

WIDTHS = (480, 800, 1200)
FORMATS = (("webp", "image/webp", "WEBP", {"quality": 78, "method": 4}),
           ("jpg", "image/jpeg", "JPEG", {"quality": 80, "optimize": True, "progressive": True}))
# Bump when the recipe changes, so cached derivatives are made again.
RECIPE = "3"  # 3: nothing of the camera's info (XMP, IPTC) kept
OUTPUT_FOLDER = "images/co-anh"
# The article column is 46rem with 1rem gutters on a phone.
SIZES = "(max-width: 48rem) calc(100vw - 2rem), 46rem"
RESIZABLE = set(PHOTO_FORMATS)

WARN_BYTES = 5 * 1024 * 1024
REFUSE_BYTES = 25 * 1024 * 1024
MIN_WIDTH = 400


@dataclass(frozen=True)
class Derivative:
    width: int
    height: int
    extension: str
    name: str  # file name, also its name in OUTPUT_FOLDER


@dataclass(frozen=True)
class SizedPhoto:
    width: int  # of the largest derivative: the <img> width/height give the aspect ratio
    height: int
    derivatives: tuple[Derivative, ...]
    folder: Path  # where the cache keeps them

    def of(self, extension: str) -> list[Derivative]:
        return [d for d in self.derivatives if d.extension == extension]


class PhotoCache:
    """Derivatives on disk, one folder per source hash and recipe."""

    def __init__(self, folder: Path, widths: tuple[int, ...] = WIDTHS):
        self.folder = Path(folder)
        self.widths = widths
        # Many articles show the same photo: hash it once per version of the file seen by this process.
        self._known: dict[tuple, SizedPhoto] = {}

    def sized(self, source: Path) -> SizedPhoto | None:
        """The derivatives of `source`, made now unless cached; None for a file Pillow cannot read."""
        stat = source.stat()
        version = (str(source), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
        known = self._known.get(version)
        if known is None or not is_whole(known):  # the cache folder may have been cleared meanwhile
            known = self._sized(source)
            if known is not None:
                self._known[version] = known
        return known

    def _sized(self, source: Path) -> SizedPhoto | None:
        data = source.read_bytes()
        digest = hashlib.sha256(data).hexdigest()[:16]
        key = f"{digest}-{RECIPE}-{'-'.join(map(str, self.widths))}"
        folder = self.folder / key
        stem = _ascii_stem(source)
        kept = _read_manifest(folder / MANIFEST)
        if kept is not None:
            return kept
        # Made in a private folder and renamed into place whole: parallel analyses may size the same photo.
        self.folder.mkdir(parents=True, exist_ok=True)
        making = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=self.folder))
        try:
            derivatives = _make(data, source.suffix, making, f"{stem}-{digest[:10]}", self.widths)
            (making / MANIFEST).write_text(
                "".join(f"{d.width} {d.height} {d.extension} {d.name}\n" for d in derivatives), encoding="utf-8")
            making.chmod(0o755)
            _put_in_place(making, folder)
        except (UnidentifiedImageError, Image.DecompressionBombError, ValueError, SyntaxError, EOFError):
            shutil.rmtree(making, ignore_errors=True)
            return None
        except OSError:
            shutil.rmtree(making, ignore_errors=True)
        # Another process may have won the race: its folder is as good as ours; none at all: unreadable.
        return _read_manifest(folder / MANIFEST)

    def prune(self, keep: set[Path]) -> None:
        """Remove the derivatives of every photo but `keep` (folders the last build's pages show)."""
        keep = {Path(folder).name for folder in keep}
        try:
            children = list(self.folder.iterdir())
        except OSError:
            return
        for child in children:
            if child.name in keep or (child.name.startswith(".") and _recent(child)):
                continue  # another command may be making this one now
            if child.is_dir() and not child.is_symlink():
                _retire(child)


# A derivative's name as the cache writes it: nothing else is ever read from a manifest.
DERIVATIVE_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,80}-[0-9]{1,5}\.(?:webp|jpg)")
MANIFEST = "manifest.txt"


def is_whole(photo: SizedPhoto) -> bool:
    """Whether every derivative of `photo` is still in its cache folder (folders may be deleted at any time)."""
    return all((photo.folder / d.name).is_file() for d in photo.derivatives)


def _recent(path: Path) -> bool:
    import time

    try:
        return time.time() - path.stat().st_mtime < 3600
    except OSError:
        return False


def _put_in_place(made: Path, folder: Path) -> None:
    """Rename `made` to `folder`. A whole folder another process put there meanwhile is kept (the pages it made
    name it); one that is damaged or incomplete (a manifest naming what is not there) is replaced."""
    try:
        os.rename(made, folder)
        return
    except OSError:
        if _read_manifest(folder / MANIFEST) is not None:
            shutil.rmtree(made, ignore_errors=True)
            return
    _retire(folder)
    os.rename(made, folder)


def _retire(folder: Path) -> None:
    """Remove a cache folder: renamed away first, so no reader ever sees it half removed."""
    if not os.path.lexists(folder):
        return
    try:
        retired = Path(tempfile.mkdtemp(prefix=".retired-", dir=folder.parent))
    except OSError:
        return
    try:
        os.rename(folder, retired / "x")
    except OSError:
        pass  # gone meanwhile, or another command retired it
    shutil.rmtree(retired, ignore_errors=True)


def copy_derivatives(output: Path, photo: SizedPhoto) -> None:
    """The photo's derivatives into the site, from the cache folder they were made in."""
    target = Path(output) / OUTPUT_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for derivative in photo.derivatives:
        if not DERIVATIVE_NAME.fullmatch(derivative.name):
            raise ValueError(f"not a derivative's name: {derivative.name!r}")
        destination = target / derivative.name
        if not destination.exists():
            shutil.copyfile(photo.folder / derivative.name, destination)


def _ascii_stem(source: Path) -> str:
    stem = re.sub(r"[^a-z0-9]+", "-", source.stem.lower()).strip("-")
    return stem[:60] or "anh"


def _make(data: bytes, suffix: str, folder: Path, base: str, widths: tuple[int, ...]) -> list[Derivative]:
    from io import BytesIO

    inspect_bytes(data, suffix)  # type, pixel count and whole file, before a single pixel is decoded
    with Image.open(BytesIO(data)) as opened:
        # JPEG can decode straight at 1/2, 1/4 or 1/8 scale: a 6000 px photo need not be decoded whole.
        largest = max(widths)
        opened.draft("RGB", (largest, largest))
        # Turned upright as the camera meant; the pixels carry the orientation from here on.
        image = ImageOps.exif_transpose(opened)
        if image.mode in ("RGBA", "LA", "P", "PA"):
            # Transparent parts of a PNG would turn black in JPEG: lay the photo on the page's white.
            image = image.convert("RGBA")
            background = Image.new("RGB", image.size, (255, 255, 255))
            background.paste(image, mask=image.getchannel("A"))
            image = background
        elif image.mode != "RGB":
            image = image.convert("RGB")
        image.load()
    # Resizing copies `info`, where the camera's EXIF, XMP and IPTC wait for a saver that writes them: none is kept.
    image.info = {}
    folder.mkdir(parents=True, exist_ok=True)
    # Never enlarge: a small photo gets one derivative at its own width.
    chosen = sorted({min(w, image.width) for w in widths})
    derivatives = []
    for width in chosen:
        height = max(1, round(image.height * width / image.width))
        resized = image if width == image.width else image.resize((width, height), Image.LANCZOS)
        for extension, _mime, pillow_format, options in FORMATS:
            name = f"{base}-{width}.{extension}"
            # No exif= argument: Pillow then writes no EXIF, so no GPS, no camera serial.
            resized.save(folder / name, pillow_format, **options)
            derivatives.append(Derivative(width, height, extension, name))
    return derivatives


def _read_manifest(manifest: Path) -> SizedPhoto | None:
    """The kept derivatives, or None when the manifest is missing, damaged or names a file that is not there.

    A manifest holds names, never paths: a line naming `../x` (or anything but a derivative's name) is damage.
    """
    try:
        lines = manifest.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    derivatives = []
    for line in lines:
        fields = line.split(" ")
        if len(fields) != 4 or not fields[0].isdigit() or not fields[1].isdigit() or fields[2] not in ("webp", "jpg"):
            return None
        width, height, extension, name = fields
        if not DERIVATIVE_NAME.fullmatch(name) or not name.endswith("." + extension):
            return None
        derivatives.append(Derivative(int(width), int(height), extension, name))
    if not any(d.extension == "jpg" for d in derivatives) or not any(d.extension == "webp" for d in derivatives):
        return None
    largest = max(derivatives, key=lambda d: d.width)
    photo = SizedPhoto(largest.width, largest.height, tuple(derivatives), manifest.parent)
    return photo if is_whole(photo) else None


def local_photo(src: str, content: Path, article: Path | None) -> Path | None:
    """The content file an <img src> points to ({static}/x, {static}x, /images/x), or None."""
    parts = urlsplit(LINK_PREFIX.sub("", src))
    if parts.scheme or parts.netloc:
        return None
    link_path = unquote(parts.path)
    target = photo_file(link_path, src, article or Path(content) / "x", Path(content))
    if target is None or not target.is_file() or target.suffix.lower() not in RESIZABLE:
        return None
    return target


def responsive_photos(html: str, resolve, site_url: str, first_eager: bool = True) -> tuple[str, list[SizedPhoto]]:
    """Every local <img> becomes <picture> with WebP and JPEG srcsets; returns the photos used.

    `resolve(src)` gives the SizedPhoto of a src, or None to leave that image as written.
    """
    root = parse_fragment(html)
    used = size_images(root, resolve, site_url, first_eager)
    return (serialise(root) if next(root.iter("img"), None) is not None else html), used


def size_images(root: HtmlElement, resolve, site_url: str, first_eager: bool = True) -> list[SizedPhoto]:
    """`responsive_photos` on a parsed tree, in place (the article analysis parses each body once)."""
    used: list[SizedPhoto] = []
    for position, image in enumerate(list(root.iter("img"))):
        eager = first_eager and position == 0
        image.set("loading", "eager" if eager else "lazy")
        image.set("decoding", "async")
        if eager:
            image.set("fetchpriority", "high")
        photo = resolve(image.get("src", ""))
        parent = image.getparent()
        if photo is None or (parent is not None and parent.tag == "picture"):
            continue
        used.append(photo)
        _to_picture(image, photo, site_url)
    return used


def _to_picture(image: HtmlElement, photo: SizedPhoto, site_url: str) -> None:
    def srcset(extension: str) -> str:
        return ", ".join(f"{site_url}/{OUTPUT_FOLDER}/{d.name} {d.width}w" for d in photo.of(extension))

    jpegs = photo.of("jpg")
    fallback = next((d for d in jpegs if d.width >= 800), jpegs[-1])
    picture = new_element("picture")
    replace(image, picture)
    picture.append(new_element("source", type="image/webp", srcset=srcset("webp"), sizes=SIZES))
    image.set("src", f"{site_url}/{OUTPUT_FOLDER}/{fallback.name}")
    image.set("srcset", srcset("jpg"))
    image.set("sizes", SIZES)
    image.set("width", str(photo.width))
    image.set("height", str(photo.height))
    picture.append(image)


# The check editors see in `newsroom check` and before every build.

def check_photo_files(source: MarkdownSource, content: Path) -> list[Problem]:
    """Photos too heavy to publish, heavy enough to warn about, or too narrow to look sharp."""
    problems: list[Problem] = []
    seen: set[Path] = set()
    for number, line in body_lines(source):
        if "![" not in line:
            continue
        for match in IMAGE.finditer(line):
            target = local_photo(match["src"], Path(content), source.path)
            if target is None or target in seen:
                continue
            seen.add(target)
            problems += _check_file(source.path, number, match["src"], target)
    return problems


def _check_file(path: Path, number: int, src: str, target: Path) -> list[Problem]:
    size = target.stat().st_size
    megabytes = f"{size / 1024 / 1024:.1f}".replace(".", ",")
    if size > REFUSE_BYTES:
        return [error(
            path, number,
            f"ảnh {src} nặng {megabytes} MB, quá giới hạn 25 MB; hãy xuất lại ảnh nhỏ hơn (ví dụ rộng 2000 px)",
            f"photo {src} is {size / 1024 / 1024:.1f} MB, over the 25 MB limit; export it smaller (e.g. 2000 px wide)",
        )]
    problems = []
    if size > WARN_BYTES:
        problems.append(warning(
            path, number,
            f"ảnh {src} nặng {megabytes} MB (trên 5 MB); nên xuất lại ảnh nhỏ hơn",
            f"photo {src} is {size / 1024 / 1024:.1f} MB (over 5 MB); consider exporting it smaller",
        ))
    facts = photo_on_disk(target)
    if isinstance(facts, PhotoRefused):
        problems.append(error(path, number, f"ảnh {src}: {facts.vietnamese}", f"photo {src}: {facts.english}"))
        return problems
    width = facts.width
    if width < MIN_WIDTH:
        problems.append(warning(
            path, number,
            f"ảnh {src} chỉ rộng {width} px (dưới {MIN_WIDTH} px), sẽ mờ trên màn hình; nên dùng ảnh gốc lớn hơn",
            f"photo {src} is only {width} px wide (under {MIN_WIDTH} px) and will look blurred; use a larger original",
        ))
    return problems


_IMG_SRC = re.compile(r"<img\b[^>]*?\ssrc=\"([^\"]+)\"")


def first_photo(html: str) -> str:
    """The address of an article's first photo (its JPEG), for og:image and JSON-LD; '' when none."""
    match = _IMG_SRC.search(html or "")
    return match[1] if match else ""
