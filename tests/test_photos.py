"""Photos: derivatives in a few widths, upright, without EXIF, cached; the size check editors see."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from PIL import Image

from newsroom.core.source import parse_markdown
from newsroom.site import photos
from newsroom.site.photos import PhotoCache, check_photo_files, responsive_photos
from photo_samples import GPS_IFD, camera_photo, padded


def test_derivatives_in_three_widths_as_webp_and_jpeg(tmp_path):
    photo = PhotoCache(tmp_path / "cache").sized(camera_photo(tmp_path / "a.jpg", 2400, 1600))
    assert sorted((d.width, d.extension) for d in photo.derivatives) == [
        (480, "jpg"), (480, "webp"), (800, "jpg"), (800, "webp"), (1200, "jpg"), (1200, "webp")]
    assert (photo.width, photo.height) == (1200, 800)
    for derivative in photo.derivatives:
        with Image.open(photo.folder / derivative.name) as image:
            assert image.format == ("WEBP" if derivative.extension == "webp" else "JPEG")
            assert image.size == (derivative.width, derivative.height)


def test_orientation_applied_and_location_stripped(tmp_path):
    # Orientation 6: the camera was turned; the stored pixels are landscape, the photo is portrait.
    source = camera_photo(tmp_path / "turned.jpg", 1600, 1200, orientation=6)
    with Image.open(source) as original:
        assert original.getexif().get_ifd(GPS_IFD), "the sample carries a location"
    photo = PhotoCache(tmp_path / "cache").sized(source)
    assert photo.height > photo.width
    for derivative in photo.derivatives:
        with Image.open(photo.folder / derivative.name) as image:
            exif = image.getexif()
            assert not exif.get_ifd(GPS_IFD)
            assert len(exif) == 0, f"{derivative.name} keeps EXIF {dict(exif)}"


def test_a_small_photo_is_never_enlarged(tmp_path):
    photo = PhotoCache(tmp_path / "cache").sized(camera_photo(tmp_path / "small.jpg", 640, 480))
    assert sorted({d.width for d in photo.derivatives}) == [480, 640]


def test_derivatives_are_remembered_between_builds(tmp_path, monkeypatch):
    source = camera_photo(tmp_path / "a.jpg", 1300, 900)
    first = PhotoCache(tmp_path / "cache").sized(source)

    def must_not_resize(*args, **kwargs):
        raise AssertionError("resized again although the photo did not change")

    monkeypatch.setattr(photos, "_make", must_not_resize)
    assert PhotoCache(tmp_path / "cache").sized(source) == first
    source.write_bytes(source.read_bytes() + b"\0")  # new bytes, new key
    monkeypatch.undo()
    assert PhotoCache(tmp_path / "cache").sized(source).folder != first.folder


def test_a_photo_replaced_while_serving_gets_new_derivatives(tmp_path):
    cache = PhotoCache(tmp_path / "cache")
    source = camera_photo(tmp_path / "a.jpg", 1300, 900)
    first = cache.sized(source)
    assert cache.sized(source) is first  # read once per version of the file
    camera_photo(tmp_path / "b.jpg", 2000, 1000).replace(source)  # the editor saves another photo under the name
    second = cache.sized(source)
    assert second.folder != first.folder and (second.width, second.height) == (1200, 600)


def test_not_a_photo_is_left_alone(tmp_path):
    fake = tmp_path / "fake.jpg"
    fake.write_text("not a photo")
    assert PhotoCache(tmp_path / "cache").sized(fake) is None


def test_markup_picture_with_srcset_sizes_width_height_first_eager(tmp_path):
    photo = PhotoCache(tmp_path / "cache").sized(camera_photo(tmp_path / "a.jpg", 2000, 1000))
    html = '<p><img alt="Một" src="{static}/a.jpg" title="Chú thích."></p><p><img alt="Hai" src="{static}/a.jpg"></p>'
    out, used = responsive_photos(html, lambda src: photo, "https://cong.example")
    soup = BeautifulSoup(out, "html.parser")
    first, second = soup.find_all("img")
    assert first.parent.name == "picture" and first.parent.source["type"] == "image/webp"
    assert first.parent.source["srcset"].count("w,") == 2 and first["srcset"].endswith("1200w")
    assert first["src"].startswith("https://cong.example/images/co-anh/") and first["src"].endswith("-800.jpg")
    assert (first["width"], first["height"]) == ("1200", "600")
    assert first["sizes"] and first["loading"] == "eager" and first["fetchpriority"] == "high"
    assert second["loading"] == "lazy" and "fetchpriority" not in second.attrs
    assert len(used) == 2


def article(tmp_path: Path, photo_name: str) -> Path:
    path = tmp_path / "content/articles/2026/02/tin.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "Title: Tin\nDate: 2026-02-02\nAuthor: A\n\nĐoạn đầu.\n\n"
        f'![Ảnh hội nghị]({{static}}/images/2026/02/{photo_name} "Hội nghị.")\n',
        encoding="utf-8",
    )
    return path


def check(tmp_path: Path, photo_name: str):
    path = article(tmp_path, photo_name)
    return check_photo_files(parse_markdown(path, path.read_text(encoding="utf-8")), tmp_path / "content")


def test_check_refuses_a_photo_over_25_mb(tmp_path):
    padded(camera_photo(tmp_path / "content/images/2026/02/nang.jpg", 800, 600), 26)
    (problem,) = check(tmp_path, "nang.jpg")
    assert problem.is_error and problem.line == 7
    assert "25 MB" in problem.vietnamese and "25 MB" in problem.english
    assert str(problem).startswith(f"{tmp_path / 'content/articles/2026/02/tin.md'}:7: error: ảnh ")


def test_check_warns_over_5_mb(tmp_path):
    padded(camera_photo(tmp_path / "content/images/2026/02/hoi-nang.jpg", 800, 600), 6)
    (problem,) = check(tmp_path, "hoi-nang.jpg")
    assert not problem.is_error and "5 MB" in problem.english and "6,0 MB" in problem.vietnamese


def test_check_warns_under_400_px_wide_after_turning_upright(tmp_path):
    camera_photo(tmp_path / "content/images/2026/02/nho.jpg", 390, 300)
    (problem,) = check(tmp_path, "nho.jpg")
    assert not problem.is_error and "390 px" in problem.english
    # 600x300 stored, orientation 6: shown 300 px wide.
    camera_photo(tmp_path / "content/images/2026/02/xoay.jpg", 600, 300, orientation=6)
    (problem,) = check(tmp_path, "xoay.jpg")
    assert "300 px" in problem.vietnamese


def test_check_passes_a_good_photo_and_names_an_unreadable_one(tmp_path):
    camera_photo(tmp_path / "content/images/2026/02/tot.jpg", 1600, 1000)
    assert check(tmp_path, "tot.jpg") == []
    (tmp_path / "content/images/2026/02/hong.jpg").write_text("không phải ảnh")
    (problem,) = check(tmp_path, "hong.jpg")
    assert problem.is_error and "cannot be read as a photo" in problem.english


def test_transparent_png_lies_on_white_not_black(tmp_path):
    source = tmp_path / "logo.png"
    Image.new("RGBA", (900, 600), (0, 0, 0, 0)).save(source)
    photo = PhotoCache(tmp_path / "cache").sized(source)
    jpeg = next(d for d in photo.derivatives if d.extension == "jpg")
    with Image.open(photo.folder / jpeg.name) as image:
        assert min(image.getpixel((10, 10))) > 240
