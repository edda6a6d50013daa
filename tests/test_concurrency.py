"""Commands at once in one project: builds, a publish and `serve` each end with a whole site or a clear refusal.

Real processes, started together; each outcome is compared byte for byte with
the site a lone build of the same content makes. Waiting is for conditions
(a process ending, a page answering), never for a time.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import NEWSROOM, run_newsroom
from newsroom.cache_users import LOCK as USERS_LOCK
from newsroom.commands.serve import RELOAD_SCRIPT
from publish_support import SITE_URL, site_files, tree
from test_safety_caches import ARTICLE as PHOTO_ARTICLE, with_photo
from test_serve import fetch, free_port, wait_for

ARTICLE = "content/articles/2026/01/van-phong-tinh-uy-trien-khai-nhiem-vu-nam-2026.md"
ARTICLE_PAGE = "/tin-tuc/2026/01/van-phong-tinh-uy-trien-khai-nhiem-vu-nam-2026/"
REFUSED = ("lỗi:", "error: another newsroom command")


def snapshot(folder: Path) -> dict[str, bytes]:
    root = folder.resolve()
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def shared_files(folder: Path) -> list[str]:
    """Files of a site that are hard links to some other file (a cache's, another site's)."""
    root = folder.resolve()
    return [p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and p.stat().st_nlink > 1]


def second_content(project: Path) -> None:
    """`content-b`: the same site with one article retitled and another gone."""
    shutil.copytree(project / "content", project / "content-b")
    article = project / "content-b" / ARTICLE.removeprefix("content/")
    article.write_text(article.read_text(encoding="utf-8").replace("Title: ", "Title: Bản B: ", 1), encoding="utf-8")
    other = next(p for p in (project / "content-b/articles").rglob("*.md") if p.name != article.name)
    other.unlink()


def start(project: Path, *args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([*NEWSROOM, *args], cwd=project, env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen) -> tuple[int, str]:
    _, stderr = process.communicate(timeout=600)
    assert "Traceback" not in stderr, stderr
    return process.returncode, stderr


def test_builds_and_a_publish_at_once_while_serve_runs_each_make_the_lone_builds_site(project_copy):
    second_content(project_copy)
    production = {"NEWSROOM_SITEURL": SITE_URL}
    web_root = project_copy.parent / f"{project_copy.name}-www"  # outside the project, as publish requires
    run_newsroom("build", "--output", "ref-a", cwd=project_copy, check=True)
    run_newsroom("build", "--content", "content-b", "--output", "ref-b", cwd=project_copy, check=True)
    lone = subprocess.run([*NEWSROOM, "build", "--settings", "publishconf.py", "--output", "ref-prod"], cwd=project_copy,
                          env={**os.environ, **production}, capture_output=True, text=True, timeout=300)
    assert lone.returncode == 0, lone.stderr
    expected = {"a": snapshot(project_copy / "ref-a"), "b": snapshot(project_copy / "ref-b")}
    assert expected["a"] != expected["b"]

    port = free_port()
    serve = start(project_copy, "serve", "--port", str(port))
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(lambda: fetch(base + ARTICLE_PAGE))
        for round in range(2):
            commands = {
                "output": start(project_copy, "build", "--output", "output"),  # the output serve shows
                "out-b": start(project_copy, "build", "--content", "content-b", "--output", "out-b"),
                "out-a": start(project_copy, "build", "--output", "out-a"),
                "www": start(project_copy, "publish", str(web_root), "--yes", env=production),
            }
            results = {name: finish(process) for name, process in commands.items()}
            for name, (code, stderr) in results.items():
                assert code == 0 or (code == 1 and all(text in stderr for text in REFUSED)), (round, name, stderr)
            for name, content in (("output", "a"), ("out-b", "b"), ("out-a", "a")):
                if (project_copy / name).exists():
                    assert snapshot(project_copy / name) == expected[content], (round, name)
                    assert shared_files(project_copy / name) == [], (round, name)
            assert results["out-b"][0] == results["out-a"][0] == 0, "different outputs never wait on each other"
            if results["www"][0] == 0:
                assert tree(web_root) == site_files(project_copy / "ref-prod"), round
            # serve shows whichever build now stands at `output`: the lone build's pages (with its reload script).
            lone_page = expected["a"][ARTICLE_PAGE.strip("/") + "/index.html"]
            served = re.sub(r'<aside class="newsroom-desk[^"]*".*?</aside>', "", fetch(base + ARTICLE_PAGE), count=1, flags=re.DOTALL)
            assert served == lone_page.replace(b"</body>", RELOAD_SCRIPT + b"</body>", 1).decode(), "the page, with serve's panel"
    finally:
        serve.terminate()
        serve.communicate(timeout=60)


def test_serve_follows_a_build_made_outside_it_and_shows_the_next_edit(project_copy):
    port = free_port()
    serve = start(project_copy, "serve", "--port", str(port))
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(lambda: fetch(base + ARTICLE_PAGE))
        article = project_copy / ARTICLE
        article.write_text(article.read_text(encoding="utf-8") + "\nĐoạn sửa thứ nhất.\n", encoding="utf-8")
        wait_for(lambda: "Đoạn sửa thứ nhất." in fetch(base + ARTICLE_PAGE))
        wait_for(lambda: fetch(base + "/__newsroom/status") == "idle")
        served_by_serve = (project_copy / "output").resolve()
        build_id = fetch(base + "/__newsroom/build-id")

        outside = run_newsroom("build", cwd=project_copy)  # waits for serve's writers, or is refused clearly
        assert outside.returncode == 0 or all(text in outside.stderr for text in REFUSED), outside.stderr
        if outside.returncode == 0:
            assert (project_copy / "output").resolve() != served_by_serve, "a new build replaced serve's"
            wait_for(lambda: fetch(base + "/__newsroom/build-id") != build_id)  # open pages reload

        article.write_text(article.read_text(encoding="utf-8") + "\nĐoạn sửa thứ hai.\n", encoding="utf-8")
        wait_for(lambda: "Đoạn sửa thứ hai." in fetch(base + ARTICLE_PAGE))
        wait_for(lambda: fetch(base + "/__newsroom/status") == "idle")
        page = (project_copy / "output" / ARTICLE_PAGE.strip("/") / "index.html").read_text(encoding="utf-8")
        assert "Đoạn sửa thứ hai." in page, "the edit is in the site `output` shows, not in an orphaned build"
    finally:
        serve.terminate()
        serve.communicate(timeout=60)


def test_a_rebuilt_site_and_the_search_cache_share_no_file(project_copy):
    assert run_newsroom("build", cwd=project_copy).returncode == 0
    article = project_copy / ARTICLE
    article.write_text(article.read_text(encoding="utf-8") + "\nMột đoạn mới.\n", encoding="utf-8")
    assert run_newsroom("build", cwd=project_copy).returncode == 0
    assert run_newsroom("build", "--output", "second", cwd=project_copy).returncode == 0
    for site in ("output", "second"):
        assert shared_files(project_copy / site) == []
    assert snapshot(project_copy / "output") == snapshot(project_copy / "second")


def test_a_build_prunes_the_caches_only_when_no_other_command_uses_them(project_copy):
    with_photo(project_copy)  # an article with a photo of its own, which content-b lacks
    shutil.copytree(project_copy / "content", project_copy / "content-b")
    (project_copy / "content-b" / PHOTO_ARTICLE.removeprefix("content/")).unlink()
    assert run_newsroom("build", cwd=project_copy).returncode == 0
    photos = project_copy / ".cache/photos"
    made = set(photos.iterdir())
    with open(project_copy / ".cache" / USERS_LOCK, "a") as share:  # what a running check, build or serve holds
        fcntl.flock(share, fcntl.LOCK_SH)
        assert run_newsroom("build", "--content", "content-b", "--output", "out-b", cwd=project_copy).returncode == 0
        assert set(photos.iterdir()) == made, "the other command's photo derivatives are kept"
    alone = run_newsroom("build", "--content", "content-b", "--output", "out-b2", cwd=project_copy)
    assert alone.returncode == 0, alone.stderr
    assert set(photos.iterdir()) < made, "alone, the build prunes what its content does not show"
