"""Whether a build would change anything: the inputs of the last good build, remembered.

A build's output depends on the content folder (articles, photos, registry),
the theme, the plugins, the settings and the portal's code. When none of them
changed since the build that made the current output, and that output is
untouched, building again would write the same bytes: `newsroom build` says
so and keeps it, as make does.

A file counts as unchanged only when its size, modification time, change time
and inode are all the same: tools that copy or restore files keep the
modification time (`cp -p`, `rsync -a`, `touch -r`), but any write sets the
change time, which no tool can set back.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from newsroom.codeversion import code_version

RECORD = "last-build.json"


def inputs_fingerprint(folders: list[Path], files: list[Path], extra: str) -> str:
    digest = hashlib.sha256(f"{code_version()}\0{extra}".encode())
    for folder in folders:
        for root, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                path = os.path.join(root, name)
                stat = os.lstat(path)
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ctime_ns}\0{stat.st_ino}\0"
                              f"{stat.st_mode}\n".encode())
    for path in files:
        digest.update(str(path).encode() + b"\0" + (path.read_bytes() if path.is_file() else b"") + b"\n")
    return digest.hexdigest()


def _output_stamp(output: Path) -> str | None:
    try:
        stat = (output / "index.html").stat()
    except OSError:
        return None
    return f"{output.resolve()}:{stat.st_ino}:{stat.st_mtime_ns}"


def is_current(cache: Path, output: Path, fingerprint: str) -> list[str] | None:
    """The warnings of the build that made `output` from these very inputs, or None when it must be built."""
    try:
        record = json.loads((cache / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    entry = record.get(str(output.resolve())) if isinstance(record, dict) else None
    stamp = _output_stamp(output)
    if not stamp or not isinstance(entry, dict) or (entry.get("inputs"), entry.get("output")) != (fingerprint, stamp):
        return None
    warnings = entry.get("warnings", [])
    return warnings if isinstance(warnings, list) and all(isinstance(w, str) for w in warnings) else None


def remember(cache: Path, output: Path, fingerprint: str, warnings: list[str]) -> None:
    path = cache / RECORD
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        record = record if isinstance(record, dict) else {}
    except (OSError, ValueError):
        record = {}
    # One entry per output that still exists: tests and previews build into many folders that go away.
    record = {name: entry for name, entry in record.items() if os.path.isdir(name)}
    record[str(output.resolve())] = {"inputs": fingerprint, "output": _output_stamp(output), "warnings": warnings}
    try:
        cache.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # builds of other outputs write it too
        temporary.write_text(json.dumps(record, indent=1), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass  # without the record the next build is a full one, never a wrong one
