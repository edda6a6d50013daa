"""Build-time benchmark: the sample site and synthetic sites, with and without our plugin.

Prints seconds (best of N) and ratios measured in the same run, so the
figures survive a noisy shared machine. Usage:
    .venv/bin/python bench/build.py [--repeat 3] [--sizes 100,200,400]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import io
import logging
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsroom.sitebuild import BuildOptions, build_site  # noqa: E402


def make_project(articles: int, folder: Path) -> Path:
    """A copy of the project whose content holds `articles` news items made from the seed articles."""
    for name in ("theme", "plugins"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copy(ROOT / "pelicanconf.py", folder / "pelicanconf.py")
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    if articles:
        seeds = sorted((ROOT / "content/articles").rglob("*.md"))
        bodies = [seed.read_text(encoding="utf-8").split("\n\n", 1)[1] for seed in seeds]
        start = datetime.datetime(2024, 1, 1, 8, 0)
        for number in range(articles):
            date = start + datetime.timedelta(days=number)
            path = content / f"articles/{date:%Y/%m}/tin-so-{number}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                f"Title: Tin tổng hợp số {number}\nDate: {date:%Y-%m-%dT%H:%M}\nAuthor: Biên tập\n\n"
                + bodies[number % len(bodies)],
                encoding="utf-8",
            )
    return folder


def time_build(project: Path, plugins: bool, repeat: int) -> float:
    """Best wall time of `build_site` in a fresh process each run (Pelican's signals are process-global)."""
    best = float("inf")
    for _ in range(repeat):
        result = subprocess.run(
            [sys.executable, __file__, "--child", str(project), "1" if plugins else "0"],
            cwd=project, capture_output=True, text=True, check=True,
        )
        best = min(best, float(result.stdout.strip().splitlines()[-1]))
    return best


def child(project: Path, plugins: bool) -> None:
    logging.getLogger("pelican").setLevel(logging.WARNING)
    options = BuildOptions(content=project / "content", output=project / "output",
                           settings=project / "pelicanconf.py", overrides={} if plugins else {"PLUGINS": []})
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        build_site(options)
    print(time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="100,200,400")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(Path(args.child[0]), args.child[1] == "1")
    sizes = [0] + [int(s) for s in args.sizes.split(",")]
    print(f"{'articles':>8} {'with plugin':>12} {'without':>10} {'ratio':>6} {'ms/article':>11}")
    per_article = []
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            project = make_project(size, Path(scratch) / f"site-{size}")
            with_plugin = time_build(project, True, args.repeat)
            without = time_build(project, False, args.repeat)
            total = size + 2
            per_article.append(with_plugin / total)
            label = "sample" if size == 0 else str(total)
            print(f"{label:>8} {with_plugin:>11.2f}s {without:>9.2f}s {with_plugin / without:>6.2f} {1000 * with_plugin / total:>10.1f}")
    if len(per_article) > 2:
        print(f"time per article, largest vs smallest synthetic site: {per_article[-1] / per_article[1]:.2f}x (1.0 = linear)")


if __name__ == "__main__":
    main()
