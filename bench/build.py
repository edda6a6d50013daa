"""Build cost: `newsroom build` beside plain Pelican 4.12, on the same realistic sites, in one run.

For each size: plain Pelican (a separate venv, units and awards as tags,
default theme), then newsroom cold (no analysis cache; photo derivatives,
made once per photo, stay cached), then newsroom again with nothing changed. Each figure is the median of --repeat runs, in CPU
seconds (user + system of the build and every process it started) and peak
memory (the largest process). Usage:
    .venv/bin/python bench/build.py [--sizes 250,1000,4000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from sites import make_site  # noqa: E402

PLAIN_VENV = ROOT / ".cache/bench/pelican-4.12"
NEWSROOM = Path(sys.executable).parent / "newsroom"


def plain_pelican() -> Path:
    """Plain Pelican 4.12 in a venv of its own, made once."""
    pelican = PLAIN_VENV / "bin/pelican"
    if not pelican.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PLAIN_VENV)], check=True)
        subprocess.run([str(PLAIN_VENV / "bin/pip"), "install", "--quiet", "--disable-pip-version-check",
                        "pelican[markdown]>=4.12,<4.13"], check=True)
    return pelican


def measure(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """(CPU seconds, wall seconds, peak MiB) of one run of `command` and its descendants."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


def median_of(runs: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    return tuple(statistics.median(run[i] for run in runs) for i in range(3))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="250,1000,4000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pelican = plain_pelican()
    print(f"{'articles':>8} | {'plain Pelican':>20} | {'newsroom cold':>20} | {'newsroom unchanged':>20} | cold/plain  again/plain")
    print(f"{'':>8} | {'CPU s   wall   MiB':>20} | {'CPU s   wall   MiB':>20} | {'CPU s   wall   MiB':>20} |")
    per_article = {}
    with tempfile.TemporaryDirectory() as scratch:
        for size in [int(s) for s in args.sizes.split(",")]:
            plain_site = make_site(size, Path(scratch) / f"plain-{size}", plain=True)
            site = make_site(size, Path(scratch) / f"site-{size}")
            plain_runs, cold_runs, again_runs = [], [], []
            build = [str(NEWSROOM), "build", "--output", "output"]
            measure(build, site)  # not counted: makes the photo derivatives, which every later build finds cached
            for _ in range(args.repeat):
                shutil.rmtree(plain_site / "output", ignore_errors=True)
                plain_runs.append(measure([str(pelican), "content", "-o", "output", "-s", "pelicanconf.py", "-q"], plain_site))
                # Cold: no analysis remembered. Photo derivatives stay cached (made once per photo ever;
                # bench/photos.py measures them), so both columns compare the same work on articles.
                shutil.rmtree(site / ".cache/analysis", ignore_errors=True)
                (site / ".cache/last-build.json").unlink(missing_ok=True)
                cold_runs.append(measure(build, site))
                again_runs.append(measure(build, site))
            plain, cold, again = median_of(plain_runs), median_of(cold_runs), median_of(again_runs)
            per_article[size] = cold[0] / size
            cells = " | ".join(f"{c:6.2f} {w:6.2f} {m:5.0f}" for c, w, m in (plain, cold, again))
            print(f"{size:>8} | {cells} | {cold[0] / plain[0]:9.2f}  {again[0] / plain[0]:10.2f}", flush=True)
            shutil.rmtree(plain_site)
            shutil.rmtree(site)
    sizes = sorted(per_article)
    for small, large in zip(sizes, sizes[1:]):
        print(f"CPU per article at {large} / at {small}: {per_article[large] / per_article[small]:.2f} (1.00 = linear)")


if __name__ == "__main__":
    main()
