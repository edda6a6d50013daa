"""Peak memory of every process a command starts, not only the largest one.

`/usr/bin/time -v` and `wait4` report one figure: the largest process that
ended. A build forks analysers and runs Pagefind beside the main process, so
this samples /proc while the command runs and keeps each process's own high
water mark (VmHWM, which the kernel keeps: sampling only has to see the
process once before it ends). Usage:
    .venv/bin/python bench/peaks.py -- newsroom build --output output
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def _peak(pid: int) -> tuple[str, int] | None:
    """(command name, VmHWM in KiB) of a live process."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return cmdline[:80], int(line.split()[1])
    return None


def measure(command: list[str], cwd: Path | None = None, quiet: bool = True) -> dict:
    """Run `command`; {"wall": s, "cpu": s, "returncode": n, "peaks": {pid: (command, MiB)}}."""
    started = time.perf_counter()
    output = subprocess.DEVNULL if quiet else None
    process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.PIPE if quiet else None)
    peaks: dict[int, tuple[str, float]] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            pending = [process.pid]
            while pending:
                pid = pending.pop()
                seen = _peak(pid)
                if seen is not None:
                    peaks[pid] = (seen[0], max(seen[1] / 1024, peaks.get(pid, ("", 0.0))[1]))
                pending += _children(pid)
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    done.set()
    sampler.join()
    stderr = process.stderr.read().decode(errors="replace") if quiet else ""
    return {"wall": time.perf_counter() - started, "cpu": usage.ru_utime + usage.ru_stime,
            "returncode": os.waitstatus_to_exitcode(status), "peaks": peaks, "stderr": stderr,
            "maxrss": usage.ru_maxrss / 1024}


def main() -> None:
    command = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else sys.argv[1:]
    result = measure(command, quiet=False)
    print(f"wall {result['wall']:.1f} s, CPU {result['cpu']:.1f} s, exit {result['returncode']}, "
          f"largest child (wait4) {result['maxrss']:.0f} MiB", file=sys.stderr)
    for pid, (name, mib) in sorted(result["peaks"].items(), key=lambda item: -item[1][1]):
        if mib >= 20:
            print(f"  {mib:7.0f} MiB  pid {pid}  {name}", file=sys.stderr)
    sys.exit(result["returncode"])


if __name__ == "__main__":
    main()
