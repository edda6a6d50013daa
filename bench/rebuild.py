"""Save-to-page latency of `newsroom serve`: save one article in place, time until its pages show the change.

Runs the real server on a generated site (bench/sites.py), rewrites the newest
article's Summary in place (the way most editors save) and prints the seconds
from each save to the first response of the article's page that carries it,
to the first response of the home page that carries it, and to the end of the
regeneration of everything else (feeds, unit and award pages, search), best
and median. Between saves it waits for the regeneration to settle, as an
editor's next save would come seconds later.
Usage: .venv/bin/python bench/rebuild.py [--articles 2000] [--saves 7]
"""

from __future__ import annotations

import argparse
import re
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
            timings, home, everything = [], [], []
            for save in range(args.saves):
                marker = f"Tóm tắt sửa lần {save} lúc {time.time_ns()}."
                started = time.perf_counter()
                article.write_text(re.sub(r"^Summary: .*$", f"Summary: {marker}", original, count=1, flags=re.MULTILINE),
                                   encoding="utf-8")
                wait_until(lambda: marker in fetch(page))
                timings.append(time.perf_counter() - started)
                wait_until(lambda: marker in fetch(base + "/"))
                home.append(time.perf_counter() - started)
                wait_until(lambda: fetch(base + "/__newsroom/status") == "idle", step=0.01)
                everything.append(time.perf_counter() - started)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"site: {args.articles} articles + sample; first build {first_build:.1f} s; save -> page served with the "
          f"change, {args.saves} in-place saves of its Summary: best {min(timings):.2f} s, median "
          f"{statistics.median(timings):.2f} s; -> home page: best {min(home):.2f} s, median {statistics.median(home):.2f} s; "
          f"-> everything regenerated (feeds, unit and award pages, search): best {min(everything):.2f} s, "
          f"median {statistics.median(everything):.2f} s")


if __name__ == "__main__":
    main()
