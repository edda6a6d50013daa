"""Save-to-page latency of `newsroom serve`: save one article, time until its page is served with the change.

Runs the real server on a generated site (bench/sites.py) and prints the
seconds from each save to the first response of that article's page that
carries the edit, best and median. Between saves it waits for the background
regeneration to settle, as an editor's next save would come seconds later.
Usage: .venv/bin/python bench/rebuild.py [--articles 2000] [--saves 7]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from sites import make_site  # noqa: E402


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def wait_until(predicate, limit: float = 600, step: float = 0.005):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except (OSError, urllib.error.HTTPError):
            pass
        time.sleep(step)
    raise TimeoutError("no change seen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--saves", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        project = make_site(args.articles, Path(scratch) / "site")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        base = f"http://127.0.0.1:{port}"
        started = time.perf_counter()
        server = subprocess.Popen([sys.executable, "-m", "newsroom.cli", "serve", "--port", str(port)],
                                  cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until(lambda: fetch(base + "/"), step=0.1)
            first_build = time.perf_counter() - started
            article = next((project / "content/articles").rglob("van-phong-tinh-uy-*.md"))
            page = base + "/tin-tuc/2026/01/van-phong-tinh-uy-trien-khai-nhiem-vu-nam-2026/"
            original = article.read_text(encoding="utf-8")
            timings = []
            for save in range(args.saves):
                marker = f"Đoạn sửa lần {save} lúc {time.time_ns()}."
                started = time.perf_counter()
                article.write_text(original + f"\n{marker}\n", encoding="utf-8")
                wait_until(lambda: marker in fetch(page))
                timings.append(time.perf_counter() - started)
                wait_until(lambda: fetch(base + "/__newsroom/status") == "idle", step=0.1)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"site: {args.articles} articles + sample; first build {first_build:.1f} s; save -> page served with the "
          f"change, {args.saves} saves: best {min(timings):.2f} s, median {statistics.median(timings):.2f} s")


if __name__ == "__main__":
    main()
