"""Shared fixtures: the sample site built once, helpers to parse what readers see."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
NEWSROOM = [sys.executable, "-m", "newsroom.cli"]


def run_newsroom(*args: str, cwd: Path = ROOT, check: bool = False) -> subprocess.CompletedProcess:
    result = subprocess.run([*NEWSROOM, *args], cwd=cwd, capture_output=True, text=True, timeout=300)
    if check and result.returncode != 0:
        raise AssertionError(f"newsroom {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The sample site, built by `newsroom build --output DIR` as a reader gets it."""
    output = tmp_path_factory.mktemp("site") / "output"
    run_newsroom("build", "--output", str(output), check=True)
    return output


def copy_project(target: Path) -> Path:
    """A copy of the project's content, theme, plugins and settings in `target`."""
    for name in ("content", "theme", "plugins"):
        shutil.copytree(ROOT / name, target / name)
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, target / name)
    return target


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project's content, theme, plugins and settings."""
    return copy_project(tmp_path)


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(site: Path, url: str) -> BeautifulSoup:
    target = site / url.strip("/") / "index.html" if not url.endswith(".html") else site / url.strip("/")
    assert target.is_file(), f"no page at {url}"
    return soup_of(target)


@contextlib.contextmanager
def serving(folder: Path):
    """A built site over HTTP on a free loopback port: its address."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def served_site(site):
    """The built site over HTTP on a free loopback port."""
    with serving(site) as address:
        yield address


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Real Chromium (Debian's package) driven by Playwright. Missing Chromium fails, never skips."""
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("NEWSROOM_CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).is_file():
        pytest.fail(f"Chromium not found at {executable}: run `make test` (it installs Debian's chromium)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def readers_site(tmp_path_factory) -> Path:
    """The sample site with test articles for the reading experience (tests/readers_site.py), built."""
    from readers_site import make_readers_project

    project = make_readers_project(tmp_path_factory.mktemp("readers"))
    run_newsroom("build", "--output", str(project / "output"), cwd=project, check=True)
    return project / "output"


@pytest.fixture(scope="session")
def served_readers_site(readers_site):
    with serving(readers_site) as address:
        yield address
