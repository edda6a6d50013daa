"""`newsroom publish` touches only its own: another's files at a folder destination, refused destinations, the log."""

from __future__ import annotations

import json
import os
import re

import pytest

from publish_support import (
    ARTICLE_URL, MANIFEST, OTHER_ARTICLE, OTHER_URL, log_entries, manifest_paths, newsroom_publish, outside,
    published, retitle_article, site_files, tree,
)

ANOTHER_PAGE = "<!DOCTYPE html><title>Trang của đơn vị khác</title><p>Không do newsroom đăng.</p>"
NEW_URL = "tin-tuc/2026/01/van-phong-tinh-uy-tong-ket-cong-tac-nam-2025/"


def test_another_sites_pages_and_linked_folder_in_the_web_root_are_kept_untouched(project_copy):
    web_root = outside(project_copy)
    published(project_copy, str(web_root), "--output", "build-1")
    assert manifest_paths((web_root / MANIFEST).read_bytes()) == set(site_files(project_copy / "build-1"))
    # Another unit's pages and a folder linked in by the server's administrator.
    release = web_root.resolve()
    (release / "don-vi-khac").mkdir()
    (release / "don-vi-khac" / "index.html").write_text(ANOTHER_PAGE, encoding="utf-8")
    documents = outside(project_copy, "tai-lieu")
    documents.mkdir()
    (documents / "quy-che.pdf").write_bytes(b"%PDF-1.4 quy che")
    (release / "tai-lieu").symlink_to(documents)
    (project_copy / OTHER_ARTICLE).unlink()

    result = published(project_copy, str(web_root), "--yes", "--output", "build-2")
    assert (web_root / "don-vi-khac" / "index.html").read_text(encoding="utf-8") == ANOTHER_PAGE, "never turned into a redirect"
    assert (web_root / "tai-lieu").is_symlink() and (web_root / "tai-lieu" / "quy-che.pdf").read_bytes() == b"%PDF-1.4 quy che"
    assert "2 not ours kept" in result.stdout
    entry = log_entries(project_copy)[-1]
    assert entry["kept"] == 2 and "don-vi-khac/index.html" not in entry["sent"] + entry["removed"]
    assert not any(path.startswith("don-vi-khac") for path in entry["pages"])
    assert "Bài viết đã gỡ" in (web_root / OTHER_URL / "index.html").read_text(encoding="utf-8")
    manifest = manifest_paths((web_root / MANIFEST).read_bytes())
    assert "don-vi-khac/index.html" not in manifest and "tai-lieu" not in manifest

    # Named by the editor, the linked folder is newsroom's to remove: counted against --max-deletes.
    refused = newsroom_publish(project_copy, str(web_root), "--adopt", "tai-lieu", "--max-deletes", "0")
    assert refused.returncode == 1 and "--max-deletes 0" in refused.stderr
    assert (web_root / "tai-lieu").is_symlink()
    published(project_copy, str(web_root), "--adopt", "tai-lieu", "--max-deletes", "1")
    assert not os.path.lexists(web_root / "tai-lieu") and (documents / "quy-che.pdf").is_file()
    assert log_entries(project_copy)[-1]["removed"] == ["tai-lieu"]


def test_a_file_of_another_where_the_site_needs_to_write_refuses_until_adopted(project_copy):
    web_root = outside(project_copy)
    published(project_copy, str(web_root))
    # Someone else's page at the address a renamed article is about to take.
    taken = web_root.resolve() / NEW_URL
    taken.mkdir(parents=True)
    (taken / "index.html").write_text(ANOTHER_PAGE, encoding="utf-8")
    retitle_article(project_copy, "Văn phòng Tỉnh ủy tổng kết công tác năm 2025")
    link_before, files_before = os.readlink(web_root), tree(web_root, manifest=True)

    dry_run = published(project_copy, str(web_root), "--dry-run")
    assert f"     ! {NEW_URL}index.html" in dry_run.stdout.splitlines()
    refused = newsroom_publish(project_copy, str(web_root))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    message = next(line for line in refused.stderr.splitlines() if "lỗi:" in line)
    assert message.startswith(f"{web_root}: lỗi: 1 tệp ở đích không do newsroom đăng") and f"{NEW_URL}index.html" in message
    assert "--adopt" in message and message.index(" / error: ") > message.index("lỗi:")
    assert (os.readlink(web_root), tree(web_root, manifest=True)) == (link_before, files_before)
    assert log_entries(project_copy)[-1]["status"] == "refused"

    # Adopted, the overwrite counts against --max-deletes like a deletion.
    too_many = newsroom_publish(project_copy, str(web_root), "--adopt", NEW_URL, "--max-deletes", "0")
    assert too_many.returncode == 1 and "1 overwrites" in too_many.stderr and "--max-deletes 0" in too_many.stderr
    published(project_copy, str(web_root), "--adopt", NEW_URL, "--yes")
    assert "<h1" in (web_root / NEW_URL / "index.html").read_text(encoding="utf-8")
    assert log_entries(project_copy)[-1]["adopted"] == [f"{NEW_URL}index.html"]


def test_a_published_file_edited_at_the_destination_counts_as_an_overwrite(project_copy):
    web_root = outside(project_copy)
    published(project_copy, str(web_root), "--output", "build")
    (web_root / "robots.txt").write_text("User-agent: *\nDisallow: /\n", encoding="utf-8")
    refused = newsroom_publish(project_copy, str(web_root), "--max-deletes", "0")
    assert refused.returncode == 1 and "0 deletions and 1 overwrites" in refused.stderr
    published(project_copy, str(web_root), "--max-deletes", "0", "--yes")
    assert tree(web_root) == site_files(project_copy / "build")


def test_a_destination_published_before_manifests_is_known_from_the_log(project_copy):
    web_root = outside(project_copy)
    published(project_copy, str(web_root))
    (web_root / MANIFEST).unlink()
    (project_copy / OTHER_ARTICLE).unlink()
    published(project_copy, str(web_root), "--yes")
    assert "Bài viết đã gỡ" in (web_root / OTHER_URL / "index.html").read_text(encoding="utf-8")
    assert (web_root / MANIFEST).is_file()


def test_a_publish_whose_log_cannot_be_written_changes_nothing(project_copy):
    web_root = outside(project_copy)
    published(project_copy, str(web_root))
    link_before, files_before = os.readlink(web_root), tree(web_root, manifest=True)
    retitle_article(project_copy, "Văn phòng Tỉnh ủy tổng kết công tác năm 2025")
    blocked = project_copy / "not-a-folder"
    blocked.write_text("x", encoding="utf-8")
    result = newsroom_publish(project_copy, str(web_root), "--log", str(blocked / "publish-log.jsonl"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{blocked / 'publish-log.jsonl'}: lỗi: không ghi được nhật ký xuất bản" in result.stderr
    assert (os.readlink(web_root), tree(web_root, manifest=True)) == (link_before, files_before)
    assert not (web_root / NEW_URL).exists()


REFUSED = [
    ("/", "thư mục gốc"),
    ("w:/srv/www", "không phải tên máy chủ"),
    ("C:\\inetpub\\wwwroot", "không phải tên máy chủ"),
    ("www", "không có đích tên \"www\""),
    ("./content/www", "thư mục nội dung"),
    ("./output", "thư mục dự án"),
    ("./theme/css", "thư mục giao diện"),
    ("..", "chứa thư mục"),
    ("-oProxyCommand=touch PWNED:/srv", "không được bắt đầu bằng dấu -"),
    ("user@-oProxyCommand=touch PWNED:/srv", "không hợp lệ"),
    ("127.0.0.1:/", "không phải thư mục gốc"),
    ("s3://bucket/../../x", "\"..\""),
    ("s3://bucket/a?b#c", "không có ?, #"),
    ("s3://Bucket_Name/x", "tên bucket"),
]


@pytest.mark.parametrize(("target", "reason"), REFUSED)
def test_dangerous_destinations_are_refused_before_anything_runs(project_copy, target, reason):
    result = newsroom_publish(project_copy, "--", target)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert result.stderr.startswith(f"{target}: lỗi: ") and reason in result.stderr and " / error: " in result.stderr
    assert not (project_copy / "PWNED").exists() and not log_entries(project_copy)
    assert not [path for path in project_copy.rglob("*") if path.name in ("www", "output") or path.name.endswith(".releases")]


def test_a_named_destination_is_checked_like_a_typed_one(project_copy):
    with (project_copy / "publishconf.py").open("a", encoding="utf-8") as settings:
        settings.write("PUBLISH_DESTINATIONS = {'may-chu': ['-e touch PWNED:/srv']}\n")
    result = newsroom_publish(project_copy, "may-chu")
    assert result.returncode == 2 and result.stderr.startswith("-e touch PWNED:/srv: lỗi: ")
    assert not (project_copy / "PWNED").exists()


@pytest.mark.parametrize("value", ["-5", "nhiều"])
def test_max_deletes_must_be_a_whole_number_of_zero_or_more(project_copy, value):
    result = newsroom_publish(project_copy, str(outside(project_copy)), "--max-deletes", value)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "--max-deletes: cần một số nguyên không âm" in result.stderr
    assert not outside(project_copy).exists()


def test_secrets_never_reach_the_log_or_the_terminal(project_copy):
    import socket

    with socket.socket() as probe:  # a port nothing listens on: the connection fails, with the URL in boto's message
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {"AWS_ENDPOINT_URL": f"http://cong-tin:mat-khau-bi-mat@127.0.0.1:{port}", "AWS_ACCESS_KEY_ID": "NEWSROOMKEY",
           "AWS_SECRET_ACCESS_KEY": "khoa-bi-mat-0123456789", "AWS_MAX_ATTEMPTS": "1",
           "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull}
    result = newsroom_publish(project_copy, "s3://cong-tin-tuc/site", env=env)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    log = (project_copy / "publish-log.jsonl").read_text(encoding="utf-8")
    assert json.loads(log.splitlines()[-1])["status"] == "failed"
    assert "127.0.0.1" in log, "the failure is still described"
    for secret in ("mat-khau-bi-mat", "khoa-bi-mat-0123456789"):
        assert secret not in log and secret not in result.stderr + result.stdout
    assert re.search(r"cong-tin:\*\*\*@127\.0\.0\.1", log)
