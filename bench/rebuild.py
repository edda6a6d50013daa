"""Live-rebuild latency of `newsroom serve`: save one article, wait until served pages would reload.

Runs the real server on a copy of the sample site (optionally with N extra
articles) and prints the seconds from the save to the new build id, best and
median of several saves. Usage: .venv/bin/python bench/rebuild.py [--articles 100] [--saves 5]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from build import make_project  # noqa: E402


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def wait_for_change(url: str, old: str, limit: float = 120) -> str:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            current = fetch(url)
            if current != old:
                return current
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=0)
    parser.add_argument("--saves", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        project = make_project(args.articles, Path(scratch) / "site")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "newsroom.cli", "serve", "--port", str(port)],
                                  cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            build_id_url = f"http://127.0.0.1:{port}/__newsroom/build-id"
            build_id = wait_for_change(build_id_url, "")
            article = next((project / "content/articles").rglob("van-phong-tinh-uy-*.md"))
            original = article.read_text(encoding="utf-8")
            timings = []
            for save in range(args.saves):
                started = time.perf_counter()
                article.write_text(original + f"\nĐoạn sửa lần {save}.\n", encoding="utf-8")
                build_id = wait_for_change(build_id_url, build_id)
                timings.append(time.perf_counter() - started)
                time.sleep(0.3)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"site: sample + {args.articles} articles; save -> reload-ready, {args.saves} saves: "
          f"best {min(timings):.2f}s, median {statistics.median(timings):.2f}s")


if __name__ == "__main__":
    main()
