"""Publish benchmark: files sent by `newsroom publish` to a folder for the sample site and synthetic sites.

For each site: a first publish, a second with no change, then one after a one-article edit.
Prints files sent and seconds (wall time of the whole command, build included). Usage:
    .venv/bin/python bench/publish.py [--sizes 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from sites import make_site  # noqa: E402


def publish(project: Path) -> tuple[dict, float]:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsroom.cli", "publish", str(project.parent / f"{project.name}-www")], cwd=project, check=True,
                   capture_output=True, env={**os.environ, "NEWSROOM_SITEURL": "https://tintuc.example.gov.vn"})
    seconds = time.perf_counter() - started
    entry = json.loads((project / "publish-log.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    return entry, seconds


def edit_one_article(project: Path) -> None:
    article = sorted((project / "content/articles").rglob("*.md"))[-1]
    article.write_text(article.read_text(encoding="utf-8").rstrip("\n") + "\n\nBài viết được cập nhật thêm thông tin.\n",
                       encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000")
    args = parser.parse_args()
    print(f"{'articles':>8} {'files':>6} {'first':>12} {'no change':>12} {'one edit':>12}")
    with tempfile.TemporaryDirectory() as scratch:
        for size in [0] + [int(s) for s in args.sizes.split(",") if s]:
            project = make_site(size, Path(scratch) / f"site-{size}")
            shutil.copy(ROOT / "publishconf.py", project / "publishconf.py")
            first, t1 = publish(project)
            again, t2 = publish(project)
            edit_one_article(project)
            edited, t3 = publish(project)
            files = first["added"]
            label = "sample" if size == 0 else str(size + 2)
            cells = [f"{entry['added'] + entry['changed']:>5} {seconds:>5.1f}s" for entry, seconds in
                     ((first, t1), (again, t2), (edited, t3))]
            print(f"{label:>8} {files:>6} " + " ".join(f"{cell:>12}" for cell in cells))
            print(f"{'':>8} sent after the edit: {', '.join(edited['sent'][:12])}{' …' if len(edited['sent']) > 12 else ''}")


if __name__ == "__main__":
    main()
