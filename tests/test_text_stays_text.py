"""Text stays text in every output: a title, summary or name reads the same on its page, in the feeds (their
`type="html"` parts included), in JSON-LD and in the search records; and odd input gets a clear message."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from html import unescape

import pytest
from bs4 import BeautifulSoup

from conftest import page, run_newsroom

ATOM = "{http://www.w3.org/2005/Atom}"
TITLE = "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; Sở Y tế họp &amp; bàn"
SUMMARY = "Tóm tắt &lt;img src=x onerror=alert(2)&gt; về Sở Y tế"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("text"))
    path = project / "content/articles/2026/02/tin.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Title: {TITLE}\nDate: 2026-02-03T08:00\nAuthor: Biên tập\nSummary: {SUMMARY}\n\n"
                    "Sở Y tế họp bàn.\n", encoding="utf-8")
    result = run_newsroom("build", "--output", str(project / "output"), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return (project / "output").resolve()


def _article(built):
    folder = next((built / "tin-tuc/2026/02").glob("*script*"))
    return "/" + folder.relative_to(built).as_posix() + "/"


def _entry(feed_path, url):
    root = ElementTree.parse(feed_path).getroot()
    return next(e for e in root.iter(f"{ATOM}entry") if e.find(f"{ATOM}link").get("href").endswith(url))


@pytest.mark.parametrize("feed", ["feeds/all.atom.xml", "feeds/don-vi/so-y-te.atom.xml"])
def test_an_entity_encoded_title_is_the_same_text_in_page_feeds_json_ld_and_search(built, feed):
    url = _article(built)
    soup = page(built, url)
    shown = soup.select_one("h1").get_text()
    assert shown == TITLE, "the page shows the title as written"
    entry = _entry(built / feed, url)
    title = entry.find(f"{ATOM}title")
    assert title.get("type", "text") == "text" and title.text == shown
    summary = entry.find(f"{ATOM}summary")
    if summary is not None:  # type="html": its text is HTML, which must show the summary, not make markup
        assert summary.get("type") == "html"
        fragment = BeautifulSoup(summary.text, "html.parser")
        assert not fragment.find(True), f"markup in the feed's summary: {summary.text}"
    content = BeautifulSoup(entry.find(f"{ATOM}content").text, "html.parser")
    assert not content.find("script") and not content.select("[onerror]")
    ld = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert ld["headline"] == shown
    assert "</script" not in soup.select_one('script[type="application/ld+json"]').string.lower()


def test_the_summary_reads_alike_in_the_page_the_feed_and_json_ld(built):
    url = _article(built)
    soup = page(built, url)
    description = soup.select_one('meta[name="description"]')["content"]
    ld = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert ld["description"] == description
    summary = _entry(built / "feeds/all.atom.xml", url).find(f"{ATOM}summary")
    assert BeautifulSoup(summary.text, "html.parser").get_text() == description


def test_search_records_carry_the_title_as_text(built):
    url = _article(built)
    texts = list((built / "pagefind").rglob("*"))
    assert texts
    soup = page(built, url)
    assert soup.select_one("[data-pagefind-meta='title']").get_text() == TITLE


# Odd input the editors' commands meet: each a clear message, never a traceback or a wrong suggestion.

def _metadata_problems(text: str):
    from pathlib import Path

    from zoneinfo import ZoneInfo

    from newsroom.checks.metadata import check_metadata
    from newsroom.core.source import parse_markdown

    return check_metadata(parse_markdown(Path("tin.md"), text), ZoneInfo("Asia/Ho_Chi_Minh"))


def test_a_direction_override_in_a_title_is_an_error_at_its_line():
    problems = _metadata_problems("Title: Tin \u202egpj.exe\nDate: 2026-02-03\nAuthor: A\nSummary: Một câu.\n\nNội dung.\n")
    assert [(p.line, p.is_error) for p in problems if "U+202E" in p.english] == [(1, True)]


@pytest.mark.parametrize("written, absent", [("31/02/2026", "2026-02-31"), ("9999-12-31", None), ("0001-01-01", None)])
def test_impossible_or_far_dates_are_errors_that_suggest_nothing_invalid(written, absent):
    problems = [p for p in _metadata_problems(f"Title: Tin\nDate: {written}\nAuthor: A\nSummary: Một câu.\n\nNội dung.\n")
                if p.line == 2]
    assert problems and all(p.is_error for p in problems), problems
    if absent:
        assert all(absent not in p.english and absent not in p.vietnamese for p in problems)
    else:
        assert "1900" in problems[0].english


def test_new_with_a_900_character_title_writes_an_article_check_accepts(project_copy):
    title = "Hội nghị tổng kết công tác thi đua khen thưởng " * 20
    assert len(title) > 900
    result = run_newsroom("new", title, cwd=project_copy)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    from pathlib import Path

    path = project_copy / result.stdout.splitlines()[0]
    text = path.read_text(encoding="utf-8")
    slug = next(line[len("Slug: "):] for line in text.splitlines() if line.startswith("Slug: "))
    assert len(slug) <= 120 and path.name == f"{slug}.md" and " ".join(title.split()) in text
    checked = run_newsroom("check", cwd=project_copy)
    about_it = [line for line in checked.stdout.splitlines() if path.name in line]
    assert checked.returncode == 0 and not [line for line in about_it if ": error:" in line], about_it
    assert [line for line in about_it if "placeholder" in line], "only the placeholder of newsroom new is left to write"


def test_an_imported_caption_with_a_quote_and_parenthesis_stays_one_caption(project_copy, tmp_path):
    raw = tmp_path / "bai.txt"
    raw.write_text('date 2026-02-03 Hội nghị tổng kết\n\nSở Y tế tổ chức hội nghị.\n\n'
                   'Toàn cảnh "hội nghị") tổng kết\n\nNguyễn Văn A\n', encoding="utf-8")
    result = run_newsroom("import", str(raw), cwd=project_copy)
    assert result.returncode == 0, result.stderr
    from newsroom.checks.figures import IMAGE

    line = next(l for l in (project_copy / result.stdout.strip()).read_text(encoding="utf-8").splitlines() if l.startswith("!["))
    match = IMAGE.search(line)
    assert match and match["title"] == "Toàn cảnh “hội nghị”) tổng kết" and match.end() == len(line)


def test_extract_of_a_device_says_so_and_ends():
    result = run_newsroom("extract", "/dev/zero")
    assert result.returncode == 1 and "/dev/zero:1:" in result.stderr and "not a regular file" in result.stderr
    assert "Traceback" not in result.stderr
