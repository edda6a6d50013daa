"""One analysis per article: what the build publishes, check judges and extract lists is the same reading."""

from __future__ import annotations

import json
import pickle

from conftest import page, run_newsroom

from newsroom.analysis import Analyser
from newsroom.analysis.batch import PARALLEL_FROM

ARTICLE = "content/articles/2026/02/tin.md"


def write(project, text: str):
    path = project / ARTICLE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_line_breaks_and_captions_are_read_alike_by_check_extract_and_build(project_copy):
    path = write(project_copy, (
        "Title: Hai sở làm việc\nDate: 2026-02-03T08:00\nAuthor: Biên tập\n\nĐại diện:<br>Sở Y tế<br>Sở Nội vụ\n\n"
        '![Ảnh hội nghị](/images/2026/01/anh-mau-quang-canh-hoi-nghi.jpg "Sở Tài chính dự hội nghị.")\n'
    ))
    output = project_copy / "output"
    assert run_newsroom("build", "--output", str(output), cwd=project_copy).returncode == 0
    built = page(output, "/tin-tuc/2026/02/hai-so-lam-viec/")
    linked = {a["href"] for a in built.select(".article__body a[href*='/don-vi/']")}
    assert {"/don-vi/so-y-te/", "/don-vi/so-noi-vu/"} <= linked
    extracted = json.loads(run_newsroom("extract", "--json", str(path), cwd=project_copy, check=True).stdout)[0]
    names = {unit["name"] for unit in extracted["units"]}
    assert {"Sở Y tế", "Sở Nội vụ", "Sở Tài chính"} <= names
    unit_page = page(output, "/don-vi/so-tai-chinh/")
    assert unit_page.find("a", string="Hai sở làm việc"), "the caption's unit lists the article, as extract says"


def analyser(project) -> Analyser:
    from newsroom.settings import load_settings

    settings = load_settings(project / "pelicanconf.py", {"PATH": str(project / "content")})
    return Analyser(project / "content", settings["MARKDOWN"], cache_dir=project / ".cache/analysis")


def test_a_damaged_cache_is_ignored_and_replaced(project_copy):
    articles = sorted((project_copy / "content/articles").rglob("*.md"))
    fresh, _ = analyser(project_copy).analyse_files(articles)
    entries = sorted((project_copy / ".cache/analysis").rglob("*.pickle"))
    assert len(entries) == len(articles)
    entries[0].write_bytes(b"\x80\x05garbage")
    entries[1].write_bytes(pickle.dumps(("another key", "not an analysis")))
    again, _ = analyser(project_copy).analyse_files(articles)
    assert [a.html for a in again.values()] == [a.html for a in fresh.values()]
    assert pickle.loads(entries[0].read_bytes())[0] != "another key"


def test_parallel_analysis_equals_serial(project_copy, monkeypatch):
    import newsroom.analysis.batch as batch

    seed = next((project_copy / "content/articles").rglob("van-phong-tinh-uy-*.md")).read_text(encoding="utf-8")
    paths = [write(project_copy, seed.replace("Title: ", f"Title: Bài {n} ", 1)).rename(
        project_copy / f"content/articles/2026/02/bai-{n}.md") for n in range(PARALLEL_FROM + 6)]
    parallel, _ = Analyser(project_copy / "content", {}, workers=2).analyse_files(paths)
    monkeypatch.setattr(batch, "PARALLEL_FROM", 10**6)
    serial, _ = Analyser(project_copy / "content", {}, workers=1).analyse_files(paths)
    assert [(a.path, a.html, a.text) for a in parallel.values()] == [(a.path, a.html, a.text) for a in serial.values()]
    assert [sorted(u.slug for u in a.recognition.units) for a in parallel.values()] == \
        [sorted(u.slug for u in a.recognition.units) for a in serial.values()]
