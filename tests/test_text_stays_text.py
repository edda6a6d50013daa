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
