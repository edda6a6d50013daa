"""`newsroom serve`: serves the built site, rebuilds after a save, and tells open pages to reload."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.fixture
def server(project_copy):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "newsroom.cli", "serve", "--port", str(port)],
        cwd=project_copy,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(lambda: fetch(base + "/"))
        yield base, project_copy
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serves_both_seed_articles(server):
    base, _ = server
    home = fetch(base + "/")
    assert "Văn phòng Tỉnh ủy triển khai nhiệm vụ năm 2026" in home
    assert "Nâng cao chất lượng tham mưu" in home


def test_rebuilds_after_a_save_and_reloads_open_pages(server):
    base, project = server
    build_id = fetch(base + "/__newsroom/build-id")
    assert "/__newsroom/build-id" in fetch(base + "/"), "served pages carry the reload script"
    article = next((project / "content/articles").rglob("van-phong-tinh-uy-*.md"))
    article.write_text(
        article.read_text(encoding="utf-8").replace("Title: Văn phòng Tỉnh ủy", "Title: ĐÃ SỬA Văn phòng Tỉnh ủy"),
        encoding="utf-8",
    )
    wait_for(lambda: fetch(base + "/__newsroom/build-id") != build_id)
    assert "ĐÃ SỬA Văn phòng Tỉnh ủy" in fetch(base + "/")
    assert not (project / "output/__newsroom").exists(), "the reload script is never written into the site"
