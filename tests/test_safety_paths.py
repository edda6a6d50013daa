"""Links resolve inside the content folder; symbolic links and other non-files are refused (issue 9, items 3, 4, 11)."""

from __future__ import annotations

import os
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsroom.checks.paths import (
    link_target_problems,
    resolve_link_target,
    site_link_problems,
    site_path,
    special_file_problems,
)


@pytest.fixture
def content(tmp_path) -> Path:
    root = tmp_path / "project" / "content"
    (root / "articles/2026/02").mkdir(parents=True)
    (root / "images/2026/02").mkdir(parents=True)
    (root / "images/2026/02/anh.jpg").write_bytes(b"jpeg")
    (root / "images/2026/02/anh cu.jpg").write_bytes(b"jpeg")
    (root / "articles/2026/02/bai-khac.md").write_text("Title: Khác\n", encoding="utf-8")
    (tmp_path / "project/secret.txt").write_text("bí mật", encoding="utf-8")
    return root


def article(content: Path) -> Path:
    return content / "articles/2026/02/bai.md"


@pytest.mark.parametrize("target", [
    "{static}/images/2026/02/anh.jpg",
    "{static}/images/2026/02/anh%20cu.jpg",
    "{static}/images/2026/02/anh.jpg#top",
    "|static|/images/2026/02/anh.jpg",
    "{static}../../../images/2026/02/anh.jpg",
    "{filename}bai-khac.md",
    "{filename}/articles/2026/02/bai-khac.md",
    "{attach}/images/2026/02/anh.jpg",
])
def test_targets_inside_the_content_folder_pass(content, target):
    resolved = resolve_link_target(content, article(content), target)
    assert resolved is not None and not resolved.escapes and resolved.exists, resolved
    assert link_target_problems(content, article(content), 7, target) == []


@pytest.mark.parametrize("target", [
    "{static}/../secret.txt",                 # the reproduction: a file of the project
    "{static}/../../../../etc/passwd",        # the build would write over it
    "{static}/images/../../secret.txt",
    "{static}../../../../secret.txt",         # relative to the article's folder
    "{static}/./images/../../secret.txt",
    "{static}/%2E%2E/secret.txt",
    "{static}/&#46;&#46;/secret.txt",
    "{filename}/../secret.txt",
])
def test_targets_leaving_the_content_folder_are_errors_at_their_line(content, target):
    problems = link_target_problems(content, article(content), 9, target)
    assert len(problems) == 1 and problems[0].is_error and problems[0].line == 9
    assert problems[0].path == article(content)
    assert "outside the content folder" in problems[0].english and "ngoài thư mục nội dung" in problems[0].vietnamese


def test_missing_targets_are_errors(content):
    problems = link_target_problems(content, article(content), 4, "{static}/images/2026/02/khong-co.jpg")
    assert [p.line for p in problems] == [4] and 'no file "images/2026/02/khong-co.jpg"' in problems[0].english
    relative = link_target_problems(content, article(content), 5, "{static}images/2026/02/anh.jpg")
    assert relative and "did you mean {static}/" in relative[0].english
    folder = link_target_problems(content, article(content), 6, "{static}/images/2026/02")
    assert folder and folder[0].is_error


def test_a_symlink_on_the_way_out_is_an_escape(content, tmp_path):
    os.symlink(tmp_path / "project", content / "images/ra-ngoai")
    problems = link_target_problems(content, article(content), 3, "{static}/images/ra-ngoai/secret.txt")
    assert problems and "outside the content folder" in problems[0].english


def test_plain_links_are_not_pelican_links(content):
    assert resolve_link_target(content, article(content), "https://chinhphu.vn/") is None
    assert link_target_problems(content, article(content), 1, "../khong-co/") == []


# --- item 4: symbolic links anywhere in content ------------------------------------------------------------------

def test_symlinks_anywhere_in_content_are_errors(content, tmp_path):
    os.symlink("/etc/passwd", content / "images/2026/02/x.jpg")                      # a file of the machine
    os.symlink("/etc", content / "images/etc")                                       # a whole folder
    outside = tmp_path / "bai-ngoai.md"
    outside.write_text("Title: Ngoài\n", encoding="utf-8")
    os.symlink(outside, content / "articles/2026/02/bai-ngoai.md")                   # an article from outside
    os.symlink("anh.jpg", content / "images/2026/02/ban-sao.jpg")                    # even inside
    problems = special_file_problems(content)
    assert sorted(p.path.relative_to(content).as_posix() for p in problems) == [
        "articles/2026/02/bai-ngoai.md", "images/2026/02/ban-sao.jpg", "images/2026/02/x.jpg", "images/etc"]
    assert all(p.is_error and p.line == 1 and "symbolic link" in p.english for p in problems)


def test_a_pipe_in_content_is_an_error_and_never_read(content):
    os.mkfifo(content / "articles/2026/02/ong.md")
    problems = special_file_problems(content)
    assert [p.path.name for p in problems] == ["ong.md"] and "not a regular file" in problems[0].english


def test_clean_content_has_no_special_files(content):
    assert special_file_problems(content) == []


# --- item 11: links on the site ----------------------------------------------------------------------------------

PUBLISHED = {
    "index.html", "tin-tuc/2026/02/bai/index.html", "tin-tuc/2026/02/bai-khac/index.html",
    "images/2026/02/anh.jpg", "don-vi/so-y-te/index.html",
}
PAGE = "tin-tuc/2026/02/bai/"


@pytest.mark.parametrize("href, path", [
    ("../bai-khac/", "tin-tuc/2026/02/bai-khac/index.html"),
    ("../khong-co/", "tin-tuc/2026/02/khong-co/index.html"),
    ("/don-vi/so-y-te/", "don-vi/so-y-te/index.html"),
    ("/don-vi/so-y-te", "don-vi/so-y-te"),
    ("/images/2026/02/anh.jpg?v=2#x", "images/2026/02/anh.jpg"),
    ("https://tintuc.example.gov.vn/don-vi/", "don-vi/index.html"),
    ("../../../../../../etc/passwd", "etc/passwd"),
])
def test_site_path(href, path):
    assert site_path(PAGE, href, "https://tintuc.example.gov.vn") == path


@pytest.mark.parametrize("href", ["https://chinhphu.vn/", "mailto:a@b.vn", "#muc-1", "", "{static}/images/a.jpg", "//cdn.example/x"])
def test_site_path_ignores_what_is_not_a_page_of_the_site(href):
    assert site_path(PAGE, href) is None


def test_broken_site_links_are_errors_at_their_line():
    source = Path("content/articles/2026/02/bai.md")
    assert site_link_problems(source, 8, PAGE, "../bai-khac/", PUBLISHED) == []
    assert site_link_problems(source, 8, PAGE, "/don-vi/so-y-te", PUBLISHED) == []
    broken = site_link_problems(source, 8, PAGE, "../khong-co/", PUBLISHED)
    assert [(p.line, p.is_error) for p in broken] == [(8, True)]
    assert "/tin-tuc/2026/02/khong-co/" in broken[0].english
    image = site_link_problems(source, 9, PAGE, "/images/2026/02/mat.jpg", PUBLISHED)
    assert image and "broken link" in image[0].english


# --- property: whatever Pelican would open for a target we pass lies inside the content folder -----------------

SEGMENTS = ["..", ".", "images", "2026", "02", "anh.jpg", "%2E%2E", "&#46;&#46;", "%2e.", "", "articles", "secret.txt",
            "ra-ngoai"]


def pelican_opens(content: Path, source: Path, value: str) -> list[str]:
    """Every file path Pelican 4.12 may open for {static}value written in `source` (contents.py, _link_replacer)."""
    opened = []
    for spelling in (value, unquote(value), unescape(value)):
        path = urlsplit(spelling).path
        if path.startswith("/"):
            relative = path[1:]
        else:
            relative = os.path.relpath(os.path.abspath(os.path.join(source.parent, path)), os.path.abspath(content))
        opened.append(os.path.join(content, relative.replace("%20", " ")))
    return opened


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=7), st.booleans())
def test_no_accepted_target_leads_outside(content, segments, rooted):
    if not (content / "images/ra-ngoai").is_symlink():
        os.symlink(content.parent, content / "images/ra-ngoai")
    value = ("/" if rooted else "") + "/".join(segments)
    if link_target_problems(content, article(content), 1, "{static}" + value):
        return
    root = os.path.realpath(content)
    for opened in pelican_opens(content, article(content), value):
        if os.path.exists(opened):
            assert os.path.commonpath([root, os.path.realpath(opened)]) == root, (value, opened)


def test_a_photo_replaced_by_a_link_outside_is_seen_at_once(content, tmp_path):
    from newsroom.site.photos import local_photo

    photo = content / "images/2026/02/anh.jpg"
    assert local_photo("{static}/images/2026/02/anh.jpg", content, article(content)) == photo.resolve()
    photo.unlink()
    os.symlink(tmp_path / "project/secret.txt", photo)  # as `serve` keeps running
    assert local_photo("{static}/images/2026/02/anh.jpg", content, article(content)) is None
