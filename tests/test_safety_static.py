"""Only what the portal means to publish is published: checked documents and photo derivatives without metadata;
never an original photo, a photo no page shows, or a page or script put beside the photos."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from conftest import page, run_newsroom
from photo_samples import GPS_IFD, camera_photo

ARTICLE = "content/articles/2026/02/tin.md"
HEAD = "Title: Tin thử\nDate: 2026-02-03T08:00\nAuthor: Biên tập\n\nĐoạn đầu.\n"
IMAGES = "content/images/2026/02"


def write(project: Path, body: str) -> Path:
    path = project / ARTICLE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def check(project: Path):
    return run_newsroom("check", cwd=project)


def huge_png(path: Path, side: int = 13000) -> Path:
    """A 13,000×13,000 PNG of a few hundred KB: every row zero, compressed row by row."""
    compressor, row, data = zlib.compressobj(9), b"\0" * (side + 1), []
    data = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", data) + chunk(b"IEND", b""))
    return path


def test_a_page_or_script_beside_the_photos_is_refused_at_the_file_and_the_link(project_copy):
    folder = project_copy / IMAGES
    folder.mkdir(parents=True)
    (folder / "evil.html").write_text("<script>alert(document.cookie)</script>", encoding="utf-8")
    (folder / "evil.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', encoding="utf-8")
    write(project_copy, "\n[Xem](/images/2026/02/evil.html)\n\n![x]({static}/images/2026/02/evil.svg \"Chú thích.\")\n"
                        "\n[Tải]({static}/images/2026/02/evil.html)\n")
    result = check(project_copy)
    assert result.returncode == 1
    for place in (f"{IMAGES}/evil.html:1: error:", f"{IMAGES}/evil.svg:1: error:",
                  f"{ARTICLE}:7: error:", f"{ARTICLE}:9: error:", f"{ARTICLE}:11: error:"):
        assert place in result.stdout, place
    built = run_newsroom("build", "--output", str(project_copy / "output"), cwd=project_copy)
    assert built.returncode == 1 and not (project_copy / "output").exists()


def test_a_lone_bad_file_is_refused_even_when_no_page_links_it(project_copy):
    (project_copy / IMAGES).mkdir(parents=True)
    (project_copy / IMAGES / "ghi-chu.txt").write_text("ghi chú", encoding="utf-8")
    (project_copy / IMAGES / "bao-cao.pdf").write_text("<html>not a pdf</html>", encoding="utf-8")
    (project_copy / IMAGES / "la-png.jpg").write_bytes(_png_bytes())
    result = check(project_copy)
    assert result.returncode == 1
    assert f"{IMAGES}/ghi-chu.txt:1: error:" in result.stdout
    assert f"{IMAGES}/bao-cao.pdf:1: error:" in result.stdout and "PDF" in result.stdout
    assert f"{IMAGES}/la-png.jpg:1: error:" in result.stdout and "PNG" in result.stdout


def _png_bytes() -> bytes:
    from io import BytesIO

    buffer = BytesIO()
    Image.new("RGB", (800, 600), (200, 10, 10)).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_huge_png_is_refused_at_check_before_decoding(project_copy):
    huge_png(project_copy / IMAGES / "bom.png")
    write(project_copy, '\n![Bom](/images/2026/02/bom.png "Chú thích.")\n')
    result = check(project_copy)
    assert result.returncode == 1
    assert f"{IMAGES}/bom.png:1: error:" in result.stdout and f"{ARTICLE}:7: error:" in result.stdout
    assert "13000×13000" in result.stdout and "50" in result.stdout
    assert "DecompressionBomb" not in result.stdout + result.stderr and "Traceback" not in result.stderr


def test_a_truncated_jpeg_is_an_error_not_a_silent_publish(project_copy):
    whole = camera_photo(project_copy / IMAGES / "cut.jpg", 1600, 1067).read_bytes()
    (project_copy / IMAGES / "cut.jpg").write_bytes(whole[: len(whole) * 2 // 3])
    write(project_copy, '\n![Ảnh](/images/2026/02/cut.jpg "Chú thích.")\n')
    result = check(project_copy)
    assert result.returncode == 1
    assert f"{IMAGES}/cut.jpg:1: error:" in result.stdout and f"{ARTICLE}:7: error:" in result.stdout
    assert "truncated" in result.stdout
    assert run_newsroom("build", "--output", str(project_copy / "output"), cwd=project_copy).returncode == 1


def test_a_link_to_an_original_photo_is_refused_at_its_line(project_copy):
    camera_photo(project_copy / IMAGES / "goc.jpg", 1600, 1067)
    write(project_copy, '\n![Ảnh](/images/2026/02/goc.jpg "Chú thích.")\n\n[Ảnh gốc]({static}/images/2026/02/goc.jpg)\n')
    result = check(project_copy)
    assert result.returncode == 1 and f"{ARTICLE}:9: error:" in result.stdout and "original" in result.stdout


METADATA_MARKERS = (b"Exif\0\0", b"http://ns.adobe.com/xap/", b"<x:xmpmeta", b"Photoshop 3.0\0", b"8BIM")


def test_no_published_file_carries_exif_or_gps_and_an_unshown_photo_is_not_published(project_copy):
    shown = camera_photo(project_copy / IMAGES / "hoi-nghi.jpg", 3000, 2000, orientation=6)
    hidden = camera_photo(project_copy / IMAGES / "chua-dung.jpg", 1600, 1067, seed=11)
    with Image.open(shown) as original:
        assert original.getexif().get_ifd(GPS_IFD), "the sample carries a location"
    pdf = project_copy / IMAGES / "ke-hoach.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    write(project_copy, '\n![Hội nghị](/images/2026/02/hoi-nghi.jpg "Toàn cảnh hội nghị.")\n\n'
                        "[Kế hoạch]({static}/images/2026/02/ke-hoach.pdf)\n")
    output = project_copy / "output"
    result = run_newsroom("build", "--output", str(output), cwd=project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    output = output.resolve()
    files = [p for p in output.rglob("*") if p.is_file()]
    originals = {shown.read_bytes(), hidden.read_bytes()}
    photos = 0
    for path in files:
        data = path.read_bytes()
        assert data not in originals, f"{path} is an original photo"
        for marker in METADATA_MARKERS:
            assert marker not in data, f"{path.relative_to(output)} carries {marker!r}"
        try:
            with Image.open(path) as image:
                image.load()
                photos += 1
                exif = image.getexif()
                assert len(exif) == 0 and not exif.get_ifd(GPS_IFD), path
                assert not {"exif", "xmp", "XML:com.adobe.xmp", "photoshop"} & set(image.info), (path, set(image.info))
        except Image.UnidentifiedImageError:
            continue
    assert photos >= 6, "the shown photo's derivatives are published"
    names = {p.relative_to(output).as_posix() for p in files}
    assert not any("chua-dung" in name for name in names), "a photo no page shows is not published"
    assert not any(name.startswith("images/2026/") and name.endswith(".jpg") for name in names)
    assert "images/2026/02/ke-hoach.pdf" in names and (output / "images/2026/02/ke-hoach.pdf").read_bytes() == pdf.read_bytes()
    body = page(output, "/tin-tuc/2026/02/tin-thu/").select_one(".article__body")
    assert body.select_one("a[href$='ke-hoach.pdf']") and body.select_one("picture img")


def test_photos_are_judged_without_decoding_a_pixel(tmp_path, monkeypatch):
    from PIL import ImageFile

    from newsroom.site.static_files import PhotoRefused, photo_on_disk

    bomb = huge_png(tmp_path / "bom.png")
    whole = camera_photo(tmp_path / "a.jpg", 1600, 1067, orientation=6)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole.read_bytes()[:20000])

    def decoding(*_args, **_kwargs):
        raise AssertionError("a pixel was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", decoding)
    refused = photo_on_disk(bomb)
    assert isinstance(refused, PhotoRefused) and "13000×13000" in refused.english
    assert isinstance(photo_on_disk(cut), PhotoRefused) and "truncated" in photo_on_disk(cut).english
    facts = photo_on_disk(whole)
    assert (facts.width, facts.height) == (1067, 1600), "turned upright from the EXIF orientation"
