"""One analysis per article: what the build publishes, check judges and extract lists is the same reading."""

from __future__ import annotations

import json
import pickle
import sqlite3

from conftest import page, run_newsroom

from newsroom.analysis import Analyser
from newsroom.analysis.batch import PARALLEL_FROM
from newsroom.analysis.cache import DATABASE, PURPOSE
from newsroom.integrity import verified

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


def _entries(project) -> dict[str, bytes]:
    with sqlite3.connect(project / ".cache/analysis" / DATABASE) as db:
        return dict(db.execute("SELECT key, payload FROM analyses"))


def test_a_damaged_entry_is_ignored_and_replaced(project_copy):
    articles = sorted((project_copy / "content/articles").rglob("*.md"))
    fresh, _ = analyser(project_copy).analyse_files(articles)
    entries = _entries(project_copy)
    assert len(entries) == len(articles)
    garbled, foreign = sorted(entries)[:2]
    with sqlite3.connect(project_copy / ".cache/analysis" / DATABASE) as db:
        db.execute("UPDATE analyses SET payload = ? WHERE key = ?", (b"\x80\x05garbage", garbled))
        db.execute("UPDATE analyses SET payload = ? WHERE key = ?", (pickle.dumps(("another key", "not an analysis")), foreign))
    again, _ = analyser(project_copy).analyse_files(articles)
    assert [a.html for a in again.values()] == [a.html for a in fresh.values()]
    assert pickle.loads(verified(PURPOSE, _entries(project_copy)[garbled]))[0] == garbled
    assert pickle.loads(verified(PURPOSE, _entries(project_copy)[foreign]))[0] == foreign


def test_a_damaged_cache_file_is_started_afresh(project_copy):
    articles = sorted((project_copy / "content/articles").rglob("*.md"))
    fresh, _ = analyser(project_copy).analyse_files(articles)
    database = project_copy / ".cache/analysis" / DATABASE
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    database.write_bytes(b"not a database at all " * 200)
    again, _ = analyser(project_copy).analyse_files(articles)
    assert [a.html for a in again.values()] == [a.html for a in fresh.values()]
    assert len(_entries(project_copy)) == len(articles)


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


def test_remembered_analyses_name_the_registrys_own_entries(project_copy):
    articles = sorted((project_copy / "content/articles").rglob("*.md"))
    analyser(project_copy).analyse_files(articles)
    later = analyser(project_copy)  # another run: its own registry, the analyses from the cache
    remembered, _ = later.analyse_files(articles)
    units = [u for a in remembered.values() for u in a.recognition.units if u.registered]
    awards = [a for analysis in remembered.values() for a in analysis.recognition.awards if a.registered]
    assert units and awards
    assert all(later.registry.units[u.slug] is u for u in units)
    assert all(later.registry.awards[a.slug] is a for a in awards)


def test_entries_nobody_reads_for_a_month_are_pruned(project_copy):
    from newsroom.analysis.cache import KEEP_DAYS

    articles = sorted((project_copy / "content/articles").rglob("*.md"))
    analyser(project_copy).analyse_files(articles)
    database = project_copy / ".cache/analysis" / DATABASE
    with sqlite3.connect(database) as db:
        today = db.execute("SELECT MAX(used) FROM analyses").fetchone()[0]
        db.execute("INSERT INTO analyses VALUES ('an edited article, long ago', x'00', ?)", (today - KEEP_DAYS - 1,))
        db.execute("UPDATE analyses SET used = ? WHERE key != 'an edited article, long ago'", (today - KEEP_DAYS - 1,))
    analyser(project_copy).analyse_files(articles)  # reads every article's entry: those stay
    with sqlite3.connect(database) as db:
        kept = dict(db.execute("SELECT key, used FROM analyses"))
    assert "an edited article, long ago" not in kept
    assert len(kept) == len(articles) and set(kept.values()) == {today}
