"""Corrections, withdrawals and revoked honours, as readers see them in the built site."""

from __future__ import annotations

import datetime
import gzip
import re
from pathlib import Path

import feedparser
import pytest

from conftest import page, run_newsroom
from publish_support import ARTICLE, ARTICLE_URL, OTHER_ARTICLE, OTHER_URL

AWARD_URL = "khen-thuong/bang-khen-cua-thu-tuong-chinh-phu/"
ROLL_URL = "khen-thuong/nam-2026/"


def add_metadata(project: Path, article: str, *lines: str) -> None:
    path = project / article
    head, body = path.read_text(encoding="utf-8").split("\n\n", 1)
    path.write_text(head + "\n" + "\n".join(lines) + "\n\n" + body, encoding="utf-8")


def build(project: Path) -> Path:
    run_newsroom("build", "--output", str(project / "out"), cwd=project, check=True)
    return project / "out"


@pytest.fixture
def corrected_site(project_copy) -> Path:
    add_metadata(project_copy, ARTICLE, "Modified: 2026-02-03T09:00:00+07:00",
                 "Correction: Sửa chức danh của người phát biểu.", "Revoked: Bằng khen của Thủ tướng Chính phủ")
    add_metadata(project_copy, OTHER_ARTICLE, "Modified: 2026-02-05T10:00:00+07:00", "Status: withdrawn",
                 "Reason: Thông tin trong bài chưa được kiểm chứng.")
    return build(project_copy)


def test_a_correction_shows_its_date_and_note_and_updates_the_feed_entry(corrected_site):
    notice = page(corrected_site, ARTICLE_URL).select_one(".notice--updated")
    assert " ".join(notice.get_text().split()) == "Cập nhật ngày 3 tháng 2 năm 2026. Ghi chú sửa đổi: Sửa chức danh của người phát biểu."
    assert notice.time["datetime"] == "2026-02-03T09:00:00+07:00"
    entry = next(e for e in feedparser.parse((corrected_site / "feeds/all.atom.xml").read_bytes()).entries
                 if e.link.endswith(ARTICLE_URL))
    assert datetime.datetime(*entry.updated_parsed[:6]) == datetime.datetime(2026, 2, 3, 2, 0)
    assert datetime.datetime(*entry.published_parsed[:6]) == datetime.datetime(2026, 1, 28, 7, 0)


def test_a_withdrawn_article_keeps_its_page_with_notice_and_reason(corrected_site):
    soup = page(corrected_site, OTHER_URL)
    notice = soup.select_one(".notice--withdrawn")
    assert "Bài viết đã bị gỡ" in notice.get_text() and "ngày 5 tháng 2 năm 2026" in notice.get_text()
    assert notice.find("p", string="Lý do: Thông tin trong bài chưa được kiểm chứng.")
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup.select_one("[data-pagefind-body]") is None


def test_a_withdrawn_article_leaves_lists_feeds_search_and_the_roll(corrected_site):
    for url in ("", "tin-tuc/", "tin-tuc/2026/01/", ROLL_URL, AWARD_URL):
        links = [a["href"] for a in page(corrected_site, url).select("main a[href]")]
        assert not any(href.endswith(OTHER_URL) for href in links), url
        assert any(href.endswith(ARTICLE_URL) for href in links), f"{url}: the corrected article is still listed"
    for feed in (corrected_site / "feeds").rglob("*.atom.xml"):
        assert OTHER_URL not in feed.read_text(encoding="utf-8"), feed
    fragments = [gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
                 for path in (corrected_site / "pagefind/fragment").glob("*.pf_fragment")]
    assert any(ARTICLE_URL in fragment for fragment in fragments)
    assert not any(OTHER_URL in fragment for fragment in fragments)
    roll = page(corrected_site, ROLL_URL).get_text()
    assert "Nâng cao chất lượng tham mưu" not in roll


def from_article(rows) -> list:
    return [row for row in rows if row.find("a", href=lambda href: href and href.endswith(ARTICLE_URL))]


def test_a_revoked_honour_is_shown_as_revoked_on_the_award_page_and_the_roll(corrected_site):
    award_rows = from_article(page(corrected_site, AWARD_URL).select("tbody tr"))
    assert award_rows and all(row.select_one(".revoked").get_text(strip=True) == "(đã thu hồi)" for row in award_rows)

    sections = {section.h2.get_text(strip=True): section for section in page(corrected_site, ROLL_URL).select(".roll")}
    revoked = from_article(sections["Bằng khen của Thủ tướng Chính phủ"].select("li"))
    assert revoked and all(row.select_one(".revoked") for row in revoked)
    kept = [row for name, section in sections.items() if name != "Bằng khen của Thủ tướng Chính phủ"
            for row in from_article(section.select("li"))]
    assert kept and not any(row.select_one(".revoked") for row in kept), "other honours of the article stay as they were"


def test_revoked_naming_no_honour_of_the_article_fails_the_build_with_file_and_line(project_copy):
    add_metadata(project_copy, ARTICLE, "Revoked: Huân chương Độc lập")
    result = run_newsroom("build", "--output", str(project_copy / "out"), cwd=project_copy)
    assert result.returncode == 1
    assert f"{ARTICLE}:5: error: \"Revoked: Huân chương Độc lập\" không khớp" in result.stderr, result.stderr
    check = run_newsroom("check", cwd=project_copy)
    assert check.returncode == 1 and f"{ARTICLE}:5: error: \"Revoked: Huân chương Độc lập\"" in check.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("lines, key, message", [
    (("Status: withdrawn",), "Status", 'a withdrawn article needs a "Reason:" line'),
    (("Correction: Sửa tên đơn vị.",), "Correction", 'a correction note needs a "Modified:" line'),
])
def test_a_withdrawal_without_reason_or_a_note_without_date_fails_the_build(project_copy, lines, key, message):
    add_metadata(project_copy, ARTICLE, *lines)
    result = run_newsroom("build", "--output", str(project_copy / "out"), cwd=project_copy)
    assert result.returncode == 1
    assert re.search(rf"{re.escape(ARTICLE)}:5: error: .* / {re.escape(message)}", result.stderr), result.stderr
    check = run_newsroom("check", cwd=project_copy)
    assert check.returncode == 1 and re.search(rf"{re.escape(ARTICLE)}:5: error: .* / {re.escape(message)}", check.stdout)
    assert not (project_copy / "out").exists()


def test_vietnamese_keys_for_corrections_are_pointed_to_their_english_names(project_copy):
    add_metadata(project_copy, ARTICLE, "Ghi chú sửa đổi: Sửa chức danh.")
    result = run_newsroom("check", cwd=project_copy)
    assert result.returncode == 1
    assert "Correction:" in result.stdout + result.stderr
