"""Where a build may write, and how a new site replaces the old one in one step.

Layout beside the output folder `out`:

    out -> .out.builds/<id>          a symbolic link: the site readers see
    .out.builds/<id>/.newsroom-site  our marker: this folder is a site we built
    .out.builds/lock                 held while a build runs

A build writes into a new `.out.builds/<id>`, then one rename puts a new link
over `out`: at every instant `out` is the old site or the new one, never
missing and never half-written. Anything else in `.out.builds` (a killed
build's folder, a link not yet renamed, a site no longer linked) is removed by
the next build, under the lock.

We only ever delete what carries our marker or lives in our own `.builds`
folder: a folder without the marker is never taken for a site.
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import logging
import os
import shutil
import time
from pathlib import Path
from typing import Iterator

from newsroom.atomic import exchange
from newsroom.errors import BuildFailed

SITE_MARKER = ".newsroom-site"
MARKER_TEXT = "Thư mục này do newsroom build tạo; lần dựng sau sẽ thay thế nó.\nBuilt by newsroom build; the next build replaces it.\n"


def builds_folder(output: Path) -> Path:
    return output.parent / f".{output.name}.builds"


def protected_folders(options) -> dict[str, Path]:
    """Folders the output may neither be nor lie in nor contain: content, theme, plugins; and the project."""
    settings_path = Path(options.settings).resolve()
    # Containing the project is reported as such, before the folders inside it.
    folders = {"project": settings_path.parent, "cwd": Path.cwd(), "content": Path(options.content)}
    logger = logging.getLogger("pelican.settings")
    quiet, logger.disabled = logger.disabled, True  # the build reports the settings' warnings itself
    try:
        from pelican.settings import read_settings

        settings = read_settings(str(settings_path), override={"PATH": str(Path(options.content).resolve())})
        folders["theme"] = Path(settings["THEME"])
        for index, plugins in enumerate(settings.get("PLUGIN_PATHS") or ()):
            folders[f"plugins{index or ''}"] = Path(plugins)
    except Exception:  # a broken settings file is reported by the build itself; guard with the usual names
        folders["theme"] = settings_path.parent / "theme"
        folders["plugins"] = settings_path.parent / "plugins"
    finally:
        logger.disabled = quiet
    return {name: _absolute(path, settings_path.parent) for name, path in folders.items()}


def refuse_unsafe_output(output: Path, protected: dict[str, Path]) -> None:
    """Raise BuildFailed unless `output` is a place a build may replace."""
    where = _absolute(output, Path.cwd())
    for name, folder in protected.items():
        same, inside, contains = where == folder, folder in where.parents, where in folder.parents
        if same or contains or (inside and name not in ("project", "cwd")):  # output/ inside the project is fine
            relation, relation_en = ("là", "is") if same else ("nằm trong", "lies inside") if inside else ("chứa", "contains")
            raise BuildFailed([
                f"{output}: lỗi: thư mục xuất {relation} thư mục {_name_vi(name)} ({folder}); hãy chọn thư mục khác, ví dụ output / "
                f"error: the output folder {relation_en} the {_name_en(name)} folder ({folder}); choose another, e.g. output"
            ])
    _refuse_existing(output)


def _refuse_existing(output: Path, shown: Path | None = None) -> None:
    """What is at `output` now must be nothing, an empty folder, or a site we built; messages name `shown`."""
    shown = output if shown is None else shown
    if output.is_symlink():
        target = output.resolve()
        if _is_our_link(output) and (target / SITE_MARKER).is_file():
            return
        raise BuildFailed([
            f"{shown}: lỗi: đây là liên kết tới {os.readlink(output)}, không phải trang do newsroom dựng; không ghi đè / "
            f"error: this is a link to {os.readlink(output)}, not a site built by newsroom; refusing to replace it"
        ])
    if not output.exists():
        parent = next((p for p in output.parents if p.exists()), None)
        if parent is not None and not parent.is_dir():
            raise BuildFailed([
                f"{shown}: lỗi: {parent} là một tệp, không phải thư mục / error: {parent} is a file, not a folder"
            ])
        return
    if not output.is_dir():
        raise BuildFailed([
            f"{shown}: lỗi: đã có một tệp ở đây, không phải thư mục; không ghi đè / "
            f"error: a file is in the way, not a folder; refusing to replace it"
        ])
    if (output / SITE_MARKER).is_file():
        return
    try:
        empty = not any(output.iterdir())
    except OSError as failure:
        raise BuildFailed([f"{shown}: lỗi: không đọc được thư mục ({failure.strerror}) / error: cannot read the folder ({failure.strerror})"])
    if not empty:
        raise BuildFailed([
            f"{shown}: lỗi: thư mục đã có dữ liệu khác, không phải trang do newsroom dựng (thiếu tệp {SITE_MARKER}); "
            f"không ghi đè. Nếu đó là trang dựng bằng phiên bản cũ, hãy tự xóa rồi dựng lại / "
            f"error: the folder holds something other than a site built by newsroom (no {SITE_MARKER} file); "
            f"refusing to replace it. If it is a site built by an older version, delete it yourself and build again"
        ])


@contextlib.contextmanager
def output_lock(output: Path, wait: bool = False, shared: bool = False) -> Iterator[Path]:
    """Hold the lock of `output`; yields `output` made absolute.

    A build holds it alone (it swaps the site and deletes the one it replaced);
    `shared` holders (a live preview updating pages in place, by renames) may
    be several at once, never beside a build. Without `wait`, raises BuildFailed
    at once when another command holds it; BuildFailed too when the folder
    beside `output` cannot be written.
    """
    shown, output = output, _absolute(output, Path.cwd())  # Pelican needs absolute paths; messages show the user's
    builds = builds_folder(output)
    try:
        builds.mkdir(parents=True, exist_ok=True)
        lock = open(builds / "lock", "a")
    except OSError as failure:
        raise _unwritable(shown, failure) from None
    with lock:
        try:
            fcntl.flock(lock, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise BuildFailed([
                f"{shown}: lỗi: một lệnh newsroom khác (build, serve hoặc publish) đang ghi vào thư mục này; "
                f"hãy đợi lệnh đó xong rồi chạy lại / "
                f"error: another newsroom command (build, serve or publish) is writing into this folder; "
                f"wait for it to finish and run this again"
            ]) from None
        _refuse_existing(output, shown)  # again, under the lock: another build may have just finished
        yield output


def lock_is_held(output: Path) -> bool:
    """Whether a command holds the lock of `output` now (for a message saying why we wait)."""
    lock_file = builds_folder(_absolute(output, Path.cwd())) / "lock"
    try:
        with open(lock_file, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False


@contextlib.contextmanager
def staging_for(output: Path, shown: Path | None = None) -> Iterator[Path]:
    """A fresh folder to build into, for a caller holding `output_lock(output)` (`output` as it yielded it);
    on leaving the block without an error it becomes `output` in one rename."""
    try:
        staging = builds_folder(output) / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6:06d}"
        staging.mkdir(mode=0o755)
    except OSError as failure:
        raise _unwritable(shown or output, failure) from None
    try:
        yield staging
        (staging / SITE_MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        _swap_in(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap_in(staging: Path, output: Path) -> None:
    """Make `output` show `staging` with one rename; the site it showed before is then deleted."""
    staging.chmod(0o755)
    builds = staging.parent
    previous = output.resolve() if _is_our_link(output) else None
    link = builds / f"link-{staging.name}"
    os.symlink(os.path.join(builds.name, staging.name), link)
    if output.is_symlink() or not output.exists():
        os.replace(link, output)  # atomic: readers see the old site or the new one
    else:
        # A real folder (empty, or a site built before output became a link): a
        # symlink cannot be renamed over it, so exchange the two in one step.
        exchange(link, output)
        shutil.rmtree(link, ignore_errors=True)  # `link` now names the old folder
    if previous is not None and previous != staging.resolve():
        shutil.rmtree(previous, ignore_errors=True)


def remove_leftovers(output: Path) -> list[Path]:
    """Delete what killed builds left beside `output`; the site `output` shows is kept. Returns what was removed."""
    builds = builds_folder(output)
    live = output.resolve() if _is_our_link(output) else None
    removed = []
    candidates = list(builds.iterdir()) if builds.is_dir() else []
    # Names used by earlier versions: .out.building-XXXX (mkdtemp) and .out.old-PID-NS.
    for pattern in (f".{glob.escape(output.name)}.building-*", f".{glob.escape(output.name)}.old-*"):
        candidates += [p for p in output.parent.glob(pattern) if p.is_dir() and not p.is_symlink()]
    for path in candidates:
        if path.name == "lock" or (live is not None and path.resolve() == live and not path.is_symlink()):
            continue
        if path.is_symlink() or not path.is_dir():
            path.unlink(missing_ok=True)
        else:
            shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def live_build(output: Path) -> Path | None:
    """The build folder `output` shows, when it is one of ours (never a folder someone else made)."""
    return output.resolve() if _is_our_link(output) else None


def _is_our_link(output: Path) -> bool:
    if not output.is_symlink():
        return False
    target = Path(os.readlink(output))
    return not target.is_absolute() and len(target.parts) == 2 and target.parts[0] == builds_folder(output).name


def _unwritable(output: Path, failure: OSError) -> BuildFailed:
    return BuildFailed([
        f"{output}: lỗi: không ghi được vào {output.parent} ({failure.strerror}); hãy chọn thư mục xuất khác hoặc sửa quyền ghi / "
        f"error: cannot write in {output.parent} ({failure.strerror}); choose another output folder or fix its permissions"
    ])


def _absolute(path: Path, base: Path) -> Path:
    """`path` made absolute with its parent's links resolved, the last part kept as written."""
    path = Path(path)
    if not path.is_absolute():
        path = base / path
    path = Path(os.path.normpath(path))
    if path.is_symlink():
        return path.parent.resolve() / path.name
    return path.resolve()


def _name_vi(name: str) -> str:
    return {"content": "nội dung", "theme": "giao diện", "project": "dự án", "cwd": "đang làm việc"}.get(name.rstrip("0123456789"), "plugin")


def _name_en(name: str) -> str:
    return {"content": "content", "theme": "theme", "project": "project", "cwd": "working"}.get(name.rstrip("0123456789"), "plugins")
