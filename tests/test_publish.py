"""`newsroom publish` to a folder: only changed files, in order, dry run, deletion limit, log, no link rot."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from publish_support import (
    ARTICLE_URL, OTHER_ARTICLE, OTHER_URL, SITE_URL, changed_between, edit_article, log_entries, newsroom_publish,
    outside, published, retitle_article, site_files, tree,
)


def test_first_publish_puts_the_built_site_in_place_and_a_second_sends_nothing(project_copy):
    web_root = outside(project_copy)
    result = published(project_copy, str(web_root), "--output", "build-1")
    assert tree(web_root) == site_files(project_copy / "build-1")
    assert web_root.is_symlink(), "the web root is switched in one step, by replacing a link"
    first = log_entries(project_copy)[-1]
    assert first["status"] == "ok" and first["destination"] == str(web_root)
    assert first["added"] == len(tree(web_root)) and first["changed"] == first["deleted"] == 0
    assert first["bytes"] == sum((web_root / path).stat().st_size for path in tree(web_root))
    assert f"added {first['added']}" in result.stdout

    result = published(project_copy, str(web_root), "--output", "build-2")
    second = log_entries(project_copy)[-1]
    assert second["sent"] == [] and second["added"] == second["changed"] == second["deleted"] == 0
    assert "added 0, changed 0, deleted 0" in result.stdout
    assert tree(web_root) == site_files(project_copy / "build-2")


def test_one_article_edit_sends_exactly_the_files_whose_bytes_changed(project_copy):
    web_root = outside(project_copy)
    published(project_copy, str(web_root), "--output", "before")
    edit_article(project_copy)
    published(project_copy, str(web_root), "--output", "after")
    before, after = site_files(project_copy / "before"), site_files(project_copy / "after")
    expected = changed_between(before, after)
    assert f"{ARTICLE_URL}index.html" in expected
    assert not any(path.startswith("images/") for path in expected)
    assert set(log_entries(project_copy)[-1]["sent"]) == expected
    assert tree(web_root) == after
    assert "Bài viết được cập nhật thêm thông tin." in (web_root / ARTICLE_URL / "index.html").read_text(encoding="utf-8")


def test_dry_run_prints_the_plan_in_order_and_changes_nothing(project_copy):
    web_root = outside(project_copy)
    published(project_copy, str(web_root))
    link_before, files_before, log_before = os.readlink(web_root), tree(web_root), log_entries(project_copy)
    edit_article(project_copy)
    (project_copy / OTHER_ARTICLE).unlink()

    result = published(project_copy, str(web_root), "--dry-run")
    assert (os.readlink(web_root), tree(web_root), log_entries(project_copy)) == (link_before, files_before, log_before)
    lines = result.stdout.splitlines()
    assert f"     ~ {ARTICLE_URL}index.html" in lines
    assert f"  trang đã gỡ / removal notice: /{OTHER_URL}" in lines
    steps = [line for line in lines if line[:5].strip().rstrip(".").isdigit()]
    order = ["pages", "search index", "feeds", "delete"]
    assert [next(word for word in order if word in step) for step in steps] == order, steps
    assert any(line.startswith("     - ") for line in lines), "deletions are listed"


def test_more_deletions_than_allowed_stop_until_confirmed(project_copy):
    web_root = outside(project_copy)
    published(project_copy, str(web_root))
    (project_copy / OTHER_ARTICLE).unlink()
    files_before = tree(web_root)

    refused = newsroom_publish(project_copy, str(web_root), "--max-deletes", "1")
    assert refused.returncode == 1
    assert "--max-deletes 1" in refused.stderr and "--yes" in refused.stderr
    assert tree(web_root) == files_before
    assert log_entries(project_copy)[-1]["status"] == "refused"

    published(project_copy, str(web_root), "--max-deletes", "1", "--yes", "--output", "after")
    assert log_entries(project_copy)[-1]["deleted"] > 1
    assert set(tree(web_root)) >= set(site_files(project_copy / "after"))


def test_removed_article_leaves_a_removal_page_and_renamed_one_a_redirect(project_copy):
    web_root = outside(project_copy)
    published(project_copy, str(web_root))
    (project_copy / OTHER_ARTICLE).unlink()
    retitle_article(project_copy, "Văn phòng Tỉnh ủy tổng kết công tác năm 2025")
    result = published(project_copy, str(web_root))
    new_url = "tin-tuc/2026/01/van-phong-tinh-uy-tong-ket-cong-tac-nam-2025/"
    assert f"redirect: /{ARTICLE_URL} -> /{new_url}" in result.stdout
    assert f"removal notice: /{OTHER_URL}" in result.stdout

    removed = BeautifulSoup((web_root / OTHER_URL / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert removed.h1.get_text(strip=True) == "Bài viết đã gỡ"
    assert removed.find("meta", attrs={"name": "robots"})["content"] == "noindex"

    moved = BeautifulSoup((web_root / ARTICLE_URL / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert moved.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={SITE_URL}/{new_url}"
    assert (web_root / new_url / "index.html").is_file()

    # Later publishes keep answering at the old URLs, and send nothing new.
    published(project_copy, str(web_root))
    assert (web_root / OTHER_URL / "index.html").is_file() and (web_root / ARTICLE_URL / "index.html").is_file()
    assert log_entries(project_copy)[-1]["sent"] == []


def test_publish_refuses_without_the_site_address(project_copy):
    result = newsroom_publish(project_copy, str(outside(project_copy)), site_url="")
    assert result.returncode == 2
    assert "publishconf.py: lỗi: chưa đặt địa chỉ trang" in result.stderr and "NEWSROOM_SITEURL" in result.stderr
    assert not outside(project_copy).exists()


def test_a_failure_names_the_file_and_changes_nothing(project_copy):
    not_a_folder = outside(project_copy, "not-a-folder")
    not_a_folder.write_text("x", encoding="utf-8")
    result = newsroom_publish(project_copy, str(not_a_folder / "www"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{not_a_folder}" in result.stderr and "error:" in result.stderr
    assert log_entries(project_copy)[-1]["status"] == "failed"


def test_a_web_root_that_was_a_plain_folder_is_replaced_once_by_a_link_when_adopted(project_copy):
    web_root = outside(project_copy)
    (web_root / "cu").mkdir(parents=True)
    (web_root / "index.html").write_text("<p>trang cũ</p>", encoding="utf-8")
    (web_root / "cu" / "index.html").write_text("<p>trang cũ</p>", encoding="utf-8")
    # Another's site: newsroom would overwrite its home page, so it refuses until told to take it over.
    refused = newsroom_publish(project_copy, str(web_root))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"{web_root}: lỗi: 1 tệp ở đích không do newsroom đăng" in refused.stderr and "index.html" in refused.stderr
    assert "--adopt" in refused.stderr
    assert not web_root.is_symlink() and (web_root / "index.html").read_text(encoding="utf-8") == "<p>trang cũ</p>"
    assert log_entries(project_copy)[-1]["status"] == "refused"

    published(project_copy, str(web_root), "--adopt", ".", "--output", "build")
    assert web_root.is_symlink()
    assert set(tree(web_root)) == set(site_files(project_copy / "build")) | {"cu/index.html"}
    assert 'http-equiv="refresh"' in (web_root / "cu" / "index.html").read_text(encoding="utf-8"), "the old URL still answers"
    releases = web_root.with_name(f".{web_root.name}.releases")
    assert [p.name for p in releases.iterdir() if p.name.startswith("before-")], "the old folder is kept aside"


def test_a_folder_that_is_not_a_site_is_never_replaced(project_copy):
    notes = outside(project_copy, "tai-lieu")
    notes.mkdir()
    (notes / "bien-ban.txt").write_text("giữ nguyên", encoding="utf-8")
    result = newsroom_publish(project_copy, str(notes))
    assert result.returncode == 1
    assert f"{notes}: lỗi: thư mục đã có dữ liệu khác" in result.stderr
    assert not notes.is_symlink() and (notes / "bien-ban.txt").read_text(encoding="utf-8") == "giữ nguyên"


VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", re.I)


def test_publishing_the_sample_site_prints_a_short_summary_and_logs_every_file(project_copy):
    web_root = outside(project_copy)
    result = published(project_copy, str(web_root), "--output", "build")
    lines = (result.stdout + result.stderr).splitlines()
    assert 1 <= len(lines) <= 20, lines
    for line in lines:  # Vietnamese first, English after: no line of Pelican's own
        vietnamese, separator, english = line.partition(" / ")
        assert separator and VIETNAMESE.search(vietnamese), line
    summary = lines[-1]
    entry = log_entries(project_copy)[-1]
    assert summary.startswith("Đã xuất bản / published ")
    assert f"thêm {entry['added']}, sửa 0, xoá 0 tệp" in summary and f"{entry['bytes']} bytes sent in " in summary
    assert "\r" not in result.stdout, "no progress bar when the output is not a terminal"
    assert set(entry["sent"]) == set(site_files(project_copy / "build")) and entry["removed"] == []


@pytest.mark.parametrize("scheme", ["", "rsync:"])
def test_a_terminal_gets_a_progress_bar(project_copy, scheme):
    web_root = outside(project_copy)
    master, slave = pty.openpty()
    environment = {**os.environ, "NEWSROOM_SITEURL": SITE_URL}
    process = subprocess.Popen([sys.executable, "-m", "newsroom.cli", "publish", f"{scheme}{web_root}"], cwd=project_copy,
                               env=environment, stdout=slave, stderr=subprocess.PIPE, text=False)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the publish closed its terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert process.wait(timeout=300) == 0, process.stderr.read()
    process.stderr.close()
    shown = b"".join(chunks).decode("utf-8")
    files = log_entries(project_copy)[-1]["added"]
    assert re.search(rf"\r{re.escape(str(web_root))} \[#{{30}}\] {files}/{files} tệp, ", shown), shown
    assert shown.rstrip().splitlines()[-1].split("\r")[-1].lstrip("\x1b[K").startswith("Đã xuất bản / published ")
