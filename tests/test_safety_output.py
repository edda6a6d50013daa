"""`newsroom build` writes only where a site of ours may be replaced, and replaces it in one step (issue 9, items 5, 12, 14)."""

from __future__ import annotations

import fcntl
import functools
import os
import signal
import subprocess
import threading
import time
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import NEWSROOM, run_newsroom

from newsroom.site_output import SITE_MARKER, builds_folder


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def build(project: Path, output: str | Path = "output") -> subprocess.CompletedProcess:
    return run_newsroom("build", "--output", str(output), cwd=project)


def assert_refused(result, *needles):
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    assert "error:" in result.stderr and "lỗi:" in result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


# --- item 5: --output never destroys a folder that is not our site --------------------------------------------

def test_output_onto_the_templates_is_refused_and_they_survive(project_copy):
    before = snapshot(project_copy / "theme")
    result = build(project_copy, "theme/templates")
    assert_refused(result, "theme")
    assert snapshot(project_copy / "theme") == before


@pytest.mark.parametrize("output, folder", [
    ("content/images/site", "content"),
    ("content", "content"),
    ("plugins/newsroom_pages", "plugins"),
    ("theme", "theme"),
    (".", "project"),
    ("..", "project"),
])
def test_output_inside_or_containing_protected_folders_is_refused(project_copy, output, folder):
    before = {name: snapshot(project_copy / name) for name in ("content", "theme", "plugins")}
    result = build(project_copy, output)
    assert_refused(result, folder)
    assert {name: snapshot(project_copy / name) for name in ("content", "theme", "plugins")} == before
    assert not (project_copy / "content/images/site").exists()


def test_a_folder_holding_an_index_html_is_not_taken_for_a_site(project_copy):
    folder = project_copy / "ban-sao"
    folder.mkdir()
    (folder / "index.html").write_text("<p>trang tự viết</p>", encoding="utf-8")
    (folder / "ghi-chu.txt").write_text("giữ lại", encoding="utf-8")
    before = snapshot(folder)
    assert_refused(build(project_copy, folder), SITE_MARKER)
    assert snapshot(folder) == before


def test_an_empty_folder_is_accepted_and_gets_our_marker(project_copy):
    (project_copy / "trong").mkdir()
    result = build(project_copy, "trong")
    assert result.returncode == 0, result.stderr
    assert (project_copy / "trong" / SITE_MARKER).is_file()
    assert (project_copy / "trong/index.html").is_file()


def test_output_onto_an_existing_file_is_refused(project_copy):
    target = project_copy / "tep.txt"
    target.write_text("không được xóa", encoding="utf-8")
    assert_refused(build(project_copy, target), "file")
    assert target.read_text(encoding="utf-8") == "không được xóa"


def test_output_under_a_file_is_refused(project_copy):
    (project_copy / "tep.txt").write_text("x", encoding="utf-8")
    assert_refused(build(project_copy, project_copy / "tep.txt/output"), "tep.txt")


def unwritable_folder(tmp_path: Path) -> Path:
    """A folder this user cannot write in: a read-only folder, or for root (who ignores modes) /sys."""
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    folder.chmod(0o555)
    for candidate in (folder, Path("/sys")):
        probe = candidate / "newsroom-probe"
        try:
            probe.mkdir()
        except OSError:
            return candidate
        probe.rmdir()
    pytest.fail("no unwritable folder on this machine")


def test_unwritable_output_parent_is_a_message(project_copy, tmp_path):
    parent = unwritable_folder(tmp_path)
    result = build(project_copy, parent / "newsroom-output")
    assert_refused(result, "newsroom-output")
    assert not (parent / "newsroom-output").exists()


# --- item 14: one atomic switch, leftovers cleaned ----------------------------------------------------------------

def test_output_is_a_link_switched_by_one_rename_and_old_builds_are_removed(project_copy):
    output = project_copy / "output"
    assert build(project_copy).returncode == 0
    assert output.is_symlink() and (output / SITE_MARKER).is_file() and (output / "index.html").is_file()
    first = output.resolve()
    unchanged = build(project_copy)
    assert unchanged.returncode == 0 and "Nothing changed" in unchanged.stdout and output.resolve() == first
    article = next((project_copy / "content/articles").rglob("*.md"))
    article.write_text(article.read_text(encoding="utf-8") + "\nMột đoạn mới.\n", encoding="utf-8")
    assert build(project_copy).returncode == 0
    assert output.resolve() != first and not first.exists()
    assert sorted(p.name for p in builds_folder(output).iterdir()) == sorted(["lock", output.resolve().name])


def test_a_rebuild_is_exactly_the_site_a_fresh_build_makes(project_copy, tmp_path):
    """Pages that did not change are linked from the previous build: the result must not tell."""
    assert build(project_copy).returncode == 0
    first = snapshot(project_copy / "output")
    article = next((project_copy / "content/articles").rglob("*.md"))
    article.write_text(article.read_text(encoding="utf-8").replace("Title: ", "Title: Sửa: ", 1), encoding="utf-8")
    assert build(project_copy).returncode == 0
    rebuilt = snapshot(project_copy / "output")
    fresh = tmp_path / "fresh"
    assert build(project_copy, fresh).returncode == 0
    assert rebuilt == snapshot(fresh)
    assert rebuilt != first and {path for path in first if first[path] == rebuilt.get(path)}, "most pages stay the same"
    assert all((project_copy / "output" / path).stat().st_nlink == 1 for path in rebuilt if path.suffix == ".html"), \
        "the previous build is gone: no page is still shared with it"


def test_the_site_is_served_through_the_link(project_copy):
    assert build(project_copy).returncode == 0
    handler = functools.partial(Quiet, directory=str(project_copy / "output"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}/", timeout=10) as response:
            assert "<html" in response.read().decode("utf-8")
    finally:
        server.shutdown()


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def test_a_site_built_as_a_real_folder_is_replaced_in_one_step(project_copy):
    output = project_copy / "output"
    output.mkdir()
    (output / SITE_MARKER).write_text("cũ", encoding="utf-8")
    (output / "index.html").write_text("cũ", encoding="utf-8")
    assert build(project_copy).returncode == 0
    assert output.is_symlink() and (output / "index.html").read_text(encoding="utf-8") != "cũ"
    assert sorted(p.name for p in builds_folder(output).iterdir()) == sorted(["lock", output.resolve().name])


def test_leftovers_of_killed_builds_are_removed(project_copy):
    output = project_copy / "output"
    assert build(project_copy).returncode == 0
    builds = builds_folder(output)
    (builds / "20260101-000000-1-000001").mkdir()  # a build killed while writing
    (builds / "20260101-000000-1-000001/index.html").write_text("nửa chừng")
    os.symlink(".output.builds/20260101-000000-1-000001", builds / "link-20260101-000000-1-000001")  # killed before the rename
    (project_copy / ".output.building-abc123").mkdir()  # names of earlier versions
    (project_copy / ".output.old-12-345").mkdir()
    keep = project_copy / ".output.notes"  # not ours: kept
    keep.mkdir()
    assert build(project_copy).returncode == 0
    assert sorted(p.name for p in builds.iterdir()) == sorted(["lock", output.resolve().name])
    assert not (project_copy / ".output.building-abc123").exists() and not (project_copy / ".output.old-12-345").exists()
    assert keep.is_dir()


def wait_for(predicate, seconds: float = 120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.01)
    raise AssertionError("condition not reached")


@pytest.mark.parametrize("stage", ["writing", "indexing"])
def test_a_killed_build_leaves_the_previous_site_and_the_next_build_cleans_up(project_copy, stage):
    output = project_copy / "output"
    assert build(project_copy).returncode == 0
    before = snapshot(output)
    live = output.resolve()
    article = next((project_copy / "content/articles").rglob("*.md"))  # a change, so the build writes a new site
    article.write_text(article.read_text(encoding="utf-8") + "\nMột đoạn mới.\n", encoding="utf-8")
    process = subprocess.Popen([*NEWSROOM, "build"], cwd=project_copy, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def reached():
        staged = [p for p in builds_folder(output).iterdir() if p.is_dir() and p != live]
        marker = "index.html" if stage == "writing" else "pagefind"
        return any((p / marker).exists() for p in staged) or process.poll() is not None

    try:
        wait_for(reached)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    if process.returncode == 0:
        pytest.fail("the build finished before it could be killed")
    assert output.is_symlink() and output.resolve() == live
    assert snapshot(output) == before
    assert build(project_copy).returncode == 0
    assert sorted(p.name for p in builds_folder(output).iterdir()) == sorted(["lock", output.resolve().name])


def test_a_build_while_another_runs_is_refused_with_a_message(project_copy):
    output = project_copy / "output"
    assert build(project_copy).returncode == 0
    before = snapshot(output)
    with open(builds_folder(output) / "lock", "a") as held:  # what a running build holds
        fcntl.flock(held, fcntl.LOCK_EX)
        result = build(project_copy)
    assert_refused(result, "another newsroom command")
    assert snapshot(output) == before


def test_two_builds_racing_into_a_fresh_output(project_copy):
    commands = [subprocess.Popen([*NEWSROOM, "build", "--output", "moi"], cwd=project_copy,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(c.wait(timeout=300), c.stderr.read()) for c in commands]
    for code, stderr in results:
        assert "Traceback" not in stderr
        assert code == 0 or (code == 1 and "another newsroom command" in stderr), stderr
    assert any(code == 0 for code, _ in results)
    assert (project_copy / "moi" / SITE_MARKER).is_file() and (project_copy / "moi/index.html").is_file()
    for command in commands:
        command.stdout.close()
        command.stderr.close()


def test_an_edit_keeping_size_and_modification_time_is_built(project_copy):
    """A restored or copied file keeps its modification time (cp -p, rsync -a, touch -r): its bytes still count."""
    output = project_copy / "output"
    assert build(project_copy).returncode == 0
    article = project_copy / "content/articles/2026/01/van-phong-tinh-uy-trien-khai-nhiem-vu-nam-2026.md"
    text = article.read_text(encoding="utf-8")
    stat = article.stat()
    edited = text.replace("Title: Văn phòng", "Title: Vân phòng", 1)
    assert edited != text and len(edited.encode()) == len(text.encode())
    article.write_text(edited, encoding="utf-8")
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert (article.stat().st_size, article.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)
    rebuilt = build(project_copy)
    assert rebuilt.returncode == 0 and "Nothing changed" not in rebuilt.stdout
    page = (output / "tin-tuc/2026/01/van-phong-tinh-uy-trien-khai-nhiem-vu-nam-2026/index.html").read_text(encoding="utf-8")
    assert "Vân phòng" in page
