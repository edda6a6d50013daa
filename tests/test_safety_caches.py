"""Caches that cannot be turned against the project: nothing read from `.cache/` runs code or names a path,
a missing or damaged entry is made again, and the caches keep only what the last build read."""

from __future__ import annotations

import pickle
import shutil
import sqlite3
from pathlib import Path

from conftest import page, run_newsroom

from newsroom.analysis.cache import DATABASE
from photo_samples import camera_photo

PHOTO = "content/images/2026/02/hop.jpg"
ARTICLE = "content/articles/2026/02/co-anh.md"


class WritesMarker:
    """A pickle that, once loaded, has written a file: what a crafted cache entry would do."""

    def __init__(self, marker: Path):
        self.marker = str(marker)

    def __reduce__(self):
        return (Path.write_text, (Path(self.marker), "ran"))


def with_photo(project: Path) -> Path:
    camera_photo(project / PHOTO, 1600, 1067)
    path = project / ARTICLE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("Title: Bài có ảnh\nDate: 2026-02-03T08:00\nAuthor: Biên tập\n\nĐoạn văn.\n\n"
                    '![Toàn cảnh](/images/2026/02/hop.jpg "Toàn cảnh hội nghị.")\n', encoding="utf-8")
    return path


def build(project: Path, output: Path | None = None):
    return run_newsroom("build", "--output", str(output or project / "output"), cwd=project)


def test_a_crafted_analysis_entry_runs_no_code(project_copy, tmp_path):
    assert build(project_copy).returncode == 0
    marker = tmp_path / "marker"
    with sqlite3.connect(project_copy / ".cache/analysis" / DATABASE) as db:
        keys = [key for (key,) in db.execute("SELECT key FROM analyses")]
        assert keys
        # A pickle that writes the marker when loaded, in every entry.
        db.executemany("UPDATE analyses SET payload = ? WHERE key = ?",
                       [(pickle.dumps((key, WritesMarker(marker))), key) for key in keys])
    checked = run_newsroom("check", cwd=project_copy)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert not marker.exists(), "a cache entry was unpickled before it was verified"
    assert build(project_copy, project_copy / "again").returncode == 0
    assert not marker.exists()


def test_a_crafted_template_cache_runs_no_code(project_copy, tmp_path):
    from jinja2.bccache import bc_magic

    assert build(project_copy).returncode == 0
    marker = tmp_path / "marker"
    kept = list((project_copy / ".cache/templates").iterdir())
    assert kept
    for path in kept:  # Jinja unpickles the checksum right after its magic bytes
        path.write_bytes(bc_magic + pickle.dumps(WritesMarker(marker)))
    (project_copy / "content/articles/2026/02").mkdir(parents=True, exist_ok=True)
    result = build(project_copy, project_copy / "again")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists(), "a kept template was loaded before it was verified"


def test_a_photo_manifest_names_files_never_paths(project_copy, tmp_path):
    with_photo(project_copy)
    assert build(project_copy).returncode == 0
    secret = tmp_path / "secret.txt"
    secret.write_text("outside the project", encoding="utf-8")
    manifests = list((project_copy / ".cache/photos").glob("*/manifest.txt"))
    assert manifests
    for manifest in manifests:
        climb = "../" * (len(manifest.parent.parts) + 2)
        manifest.write_text(f"1200 800 jpg {climb}{secret}\n1200 800 webp x-1200.webp\n", encoding="utf-8")
    (project_copy / ".cache/analysis").joinpath(DATABASE).unlink()  # the analysis reads the manifest again
    output = project_copy / "again"
    result = build(project_copy, output)
    assert result.returncode == 0, result.stdout + result.stderr
    published = [p for p in output.resolve().rglob("*") if p.is_file()]
    assert not any(p.read_bytes() == secret.read_bytes() for p in published)
    assert not list(tmp_path.glob("*.jpg")) and not (tmp_path.parent / "secret.txt").exists()
    shown = page(output, "/tin-tuc/2026/02/bai-co-anh/").select_one(".article__body img")
    assert (output / shown["src"].lstrip("/")).is_file(), "the derivatives were made again"


def test_a_missing_or_damaged_photo_cache_is_made_again(project_copy):
    with_photo(project_copy)
    assert build(project_copy).returncode == 0
    photos = project_copy / ".cache/photos"

    def damaged_ways():
        yield "deleted", lambda: shutil.rmtree(photos)
        yield "damaged manifest", lambda: [m.write_bytes(b"\xff\xfe garbage") for m in photos.glob("*/manifest.txt")]
        yield "missing derivative", lambda: [p.unlink() for p in photos.glob("*/*-800.jpg")]

    for number, (how, damage) in enumerate(damaged_ways()):
        damage()
        checked = run_newsroom("check", cwd=project_copy)
        assert checked.returncode == 0, f"{how}: {checked.stdout}{checked.stderr}"
        output = project_copy / f"out-{number}"
        built = build(project_copy, output)
        assert built.returncode == 0, f"{how}: {built.stdout}{built.stderr}"
        shown = page(output, "/tin-tuc/2026/02/bai-co-anh/").select_one(".article__body picture img")
        assert shown is not None, how
        for candidate in shown["srcset"].split(", "):
            assert (output / candidate.split(" ")[0].lstrip("/")).is_file(), f"{how}: {candidate}"


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def test_removing_half_of_a_400_article_site_shrinks_the_cache(project_copy):
    seed = next((project_copy / "content/articles").rglob("van-phong-tinh-uy-*.md")).read_text(encoding="utf-8")
    folder = project_copy / "content/articles/2025/03"
    folder.mkdir(parents=True)
    paragraph = "Văn phòng Tỉnh ủy tổ chức hội nghị tổng kết công tác năm với các sở, ban, ngành. " * 12
    articles = []
    for n in range(400):
        path = folder / f"bai-{n}.md"
        path.write_text(f"Title: Hội nghị số {n}\nDate: 2025-03-{n % 28 + 1:02d}T08:00\nAuthor: Biên tập\n\n"
                        f"{paragraph}Số {n}.\n\n{seed.split(chr(10) * 2, 1)[1]}", encoding="utf-8")
        articles.append(path)
    camera_photo(project_copy / "content/images/2025/03/a.jpg", 1200, 800)
    camera_photo(project_copy / "content/images/2025/03/b.jpg", 1200, 800, seed=9)
    for n, path in enumerate(articles):  # the first half shows one photo, the second half another
        with path.open("a", encoding="utf-8") as file:
            file.write(f'\n![Ảnh](/images/2025/03/{"a" if n < 200 else "b"}.jpg "Chú thích.")\n')
    assert build(project_copy).returncode == 0
    cache = project_copy / ".cache"
    analyses, photos = _size(cache / "analysis"), set((cache / "photos").iterdir())
    for path in articles[200:]:
        path.unlink()
    (project_copy / "content/images/2025/03/b.jpg").unlink()
    result = build(project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    with sqlite3.connect(cache / "analysis" / DATABASE) as db:
        entries = db.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]
    sources = len(list((project_copy / "content").rglob("*.md")))
    assert entries == sources - len(list((project_copy / "content/registry").rglob("*.md")))
    assert _size(cache / "analysis") < analyses * 0.65, (analyses, _size(cache / "analysis"))
    kept = set((cache / "photos").iterdir())
    assert kept < photos and len(photos - kept) == 1, "the derivatives of the photo no page shows are gone"
