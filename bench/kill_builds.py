"""Kill `newsroom build` at random moments: is the last site always there, whole, and are leftovers cleaned?

Run: .venv/bin/python bench/kill_builds.py [--kills 36] [--seed 9]

The sample project is copied to a temporary folder and built once. Then,
`--kills` times, a build starts and is killed (SIGKILL, the whole process
group) after a random delay within the time a build takes. After each kill:
does `output` still exist, and is it byte-identical to the last good site?
How many leftovers lie beside it? Finally one more build runs: how many
leftovers remain after it? Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWSROOM = [sys.executable, "-m", "newsroom.cli", "build", "--output", "output"]


def digest(folder: Path) -> str | None:
    if not folder.exists():
        return None
    hashed = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        hashed.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return hashed.hexdigest()


def leftovers(project: Path) -> list[str]:
    output = project / "output"
    live = output.resolve() if output.is_symlink() else None
    builds = project / ".output.builds"
    found = [p for p in builds.iterdir() if p.name != "lock" and p.resolve() != live] if builds.is_dir() else []
    found += [p for p in project.glob(".output.*") if p != builds]
    return sorted(p.name for p in found)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=36)
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    random.seed(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        for name in ("content", "theme", "plugins"):
            shutil.copytree(ROOT / name, project / name)
        for name in ("pelicanconf.py", "publishconf.py"):
            shutil.copy(ROOT / name, project / name)
        started = time.perf_counter()
        subprocess.run(NEWSROOM, cwd=project, check=True, capture_output=True)
        build_seconds = time.perf_counter() - started
        good = digest(project / "output")
        missing = changed = with_leftovers = finished = 0
        for _ in range(args.kills):
            process = subprocess.Popen(NEWSROOM, cwd=project, start_new_session=True,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(random.uniform(0, build_seconds * 1.1))
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            if process.returncode == 0:
                finished += 1
                good = digest(project / "output")
            now = digest(project / "output")
            missing += now is None
            changed += now is not None and now != good
            with_leftovers += bool(leftovers(project))
        subprocess.run(NEWSROOM, cwd=project, check=True, capture_output=True)
        print(f"build: {build_seconds:.2f} s; kills: {args.kills} ({finished} finished before the kill)")
        print(f"output missing after a kill:          {missing}")
        print(f"output not the last good site:        {changed}")
        print(f"kills that left something beside it: {with_leftovers}")
        print(f"leftovers after the next build:       {len(leftovers(project))} {leftovers(project)}")


if __name__ == "__main__":
    main()
