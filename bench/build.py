"""Build cost: `newsroom build` beside plain Pelican 4.12, on the same realistic sites, in one run.

For each size: plain Pelican (a separate venv, units and awards as tags,
default theme, into an empty output folder), then newsroom four ways:
  first:     nothing remembered (empty output, no caches) except photo derivatives, made once per photo
             ever (bench/photos.py measures them), so both tools do the same work on articles;
  cold:      as plain Pelican: empty output, no analyses, no compiled templates; only the search bundle
             of the same records stays (plain Pelican builds no search index to compare with);
  reanalyse: the analyses forgotten (the cache cleared or damaged); the previous build, compiled templates
             and search bundle stay, so unchanged pages are linked from the previous build;
  unchanged: again with nothing changed.
Each figure is the median of --repeat runs, in CPU seconds (user + system of
the build and every process it started) and peak memory (the largest process).

Then one cold build (nothing remembered but the photo derivatives) of --large
articles (30,000: ten years of a merged province; 0 skips it), with the wall
time and each process's own peak memory (bench/peaks.py samples /proc: the
main process, the analysers it forks and Pagefind), the figures issue 19 sets
limits on (4 minutes, 1.5 GiB in any one process). Usage:
    .venv/bin/python bench/build.py [--sizes 250,1000,4000] [--repeat 3] [--large 30000]
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

from peaks import measure as measure_peaks  # noqa: E402
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


def forget(site: Path, what: str) -> None:
    """"analyses": the analyses and the record of the last build go; "output": so do the output and the compiled
    templates; "everything": so do all caches but the photo derivatives."""
    shutil.rmtree(site / ".cache/analysis", ignore_errors=True)
    (site / ".cache/last-build.json").unlink(missing_ok=True)
    if what in ("output", "everything"):
        for name in (".cache/templates", ".output.builds"):
            shutil.rmtree(site / name, ignore_errors=True)
        (site / "output").unlink(missing_ok=True)
    if what == "everything":
        shutil.rmtree(site / ".cache/search", ignore_errors=True)


def median_of(runs: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    return tuple(statistics.median(run[i] for run in runs) for i in range(3))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="250,1000,4000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--large", type=int, default=30000)
    args = parser.parse_args()
    pelican = plain_pelican()
    columns = ("plain Pelican", "newsroom first", "newsroom cold", "newsroom reanalyse", "newsroom unchanged")
    print(f"{'articles':>8} | " + " | ".join(f"{c:>20}" for c in columns)
          + " | first/plain cold/plain reanalyse/plain again/plain")
    print(f"{'':>8} | " + " | ".join(f"{'CPU s   wall   MiB':>20}" for _ in columns) + " |")
    per_article = {}
    with tempfile.TemporaryDirectory() as scratch:
        for size in [int(s) for s in args.sizes.split(",")]:
            plain_site = make_site(size, Path(scratch) / f"plain-{size}", plain=True)
            site = make_site(size, Path(scratch) / f"site-{size}")
            runs = {column: [] for column in columns}
            build = [str(NEWSROOM), "build", "--output", "output"]
            measure(build, site)  # not counted: makes the photo derivatives, which every later build finds cached
            for _ in range(args.repeat):
                shutil.rmtree(plain_site / "output", ignore_errors=True)
                runs["plain Pelican"].append(
                    measure([str(pelican), "content", "-o", "output", "-s", "pelicanconf.py", "-q"], plain_site))
                forget(site, "everything")
                runs["newsroom first"].append(measure(build, site))
                forget(site, "output")
                runs["newsroom cold"].append(measure(build, site))
                forget(site, "analyses")
                runs["newsroom reanalyse"].append(measure(build, site))
                runs["newsroom unchanged"].append(measure(build, site))
            plain, first, cold, reanalyse, again = (median_of(runs[column]) for column in columns)
            per_article[size] = cold[0] / size
            cells = " | ".join(f"{c:6.2f} {w:6.2f} {m:5.0f}" for c, w, m in (plain, first, cold, reanalyse, again))
            print(f"{size:>8} | {cells} | {first[0] / plain[0]:11.2f} {cold[0] / plain[0]:10.2f} "
                  f"{reanalyse[0] / plain[0]:15.2f} {again[0] / plain[0]:11.2f}", flush=True)
            shutil.rmtree(plain_site)
            shutil.rmtree(site)
    sizes = sorted(per_article)
    for small, large in zip(sizes, sizes[1:]):
        print(f"CPU per article at {large} / at {small}: {per_article[large] / per_article[small]:.2f} (1.00 = linear)")
    if args.large:
        large_build(args.large)


def large_build(size: int) -> None:
    """One cold build of `size` articles: wall, CPU and every process's peak memory."""
    with tempfile.TemporaryDirectory() as scratch:
        site = make_site(size, Path(scratch) / f"site-{size}")
        build = [str(NEWSROOM), "build", "--output", "output"]
        measure(build, site)  # not counted: the photo derivatives, made once per photo ever
        forget(site, "everything")
        result = measure_peaks(build, site)
        if result["returncode"] != 0:
            raise SystemExit(f"{' '.join(build)} failed:\n{result['stderr']}")
        peaks = sorted(result["peaks"].values(), key=lambda peak: -peak[1])
        print(f"{size} articles, cold: wall {result['wall']:.0f} s, CPU {result['cpu']:.0f} s; peak memory by process:")
        for command, mib in peaks[:4]:
            print(f"  {mib:7.0f} MiB  {'pagefind' if 'pagefind' in command else 'newsroom'}")


if __name__ == "__main__":
    main()
