"""Safe by construction, end to end: hostile and careless content through `newsroom check` and `newsroom build`.

Each case is refused by check at its file and line, and build then exits 1
with the previous site byte-identical; or it is built safely. A property test
builds bodies from the hostile grammar and inspects every page written.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, run_newsroom
from hypothesis import HealthCheck, given, settings
from test_safety_sanitise import SITE, assert_harmless, bodies

from newsroom.errors import BuildFailed
from newsroom.sitebuild import BuildOptions, build_site

ARTICLE = "content/articles/2026/02/tin.md"
HEAD = "Title: Tin thử\nDate: 2026-02-03T08:00\nAuthor: Biên tập\n"


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def write(project: Path, text: str, name: str = ARTICLE) -> Path:
    path = project / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# case -> (file, contents, line, words in the check's message); a warning case is built, without what was removed
CASES = {
    "script": (ARTICLE, HEAD + "\nĐoạn một.\n\n<script>alert(1)</script>\n", 7, "đã bỏ thẻ <script>"),
    "iframe-other-host": (ARTICLE, HEAD + "\n<iframe src=\"https://evil.example/\"></iframe>\n", 5, "máy chủ khác"),
    "save-as-home": (ARTICLE, HEAD + "Save_as: index.html\n\nNội dung.\n", 4, 'không được dùng "Save_as:"'),
    "url": (ARTICLE, HEAD + "Url: tin-moi/\n\nNội dung.\n", 4, 'không được dùng "Url:"'),
    "template": (ARTICLE, HEAD + "Template: page\n\nNội dung.\n", 4, 'không được dùng "Template:"'),
    "static-escape": (ARTICLE, HEAD + "\n[tệp]({static}/../../secret.txt)\n", 5, "error"),
    "static-missing": (ARTICLE, HEAD + "\n[tệp]({static}/images/khong-co.pdf)\n", 5, "error"),
    "external-image-ref": (ARTICLE, HEAD + "\n![ảnh][ref]\n\n[ref]: https://evil.example/a.jpg\n", 7, "máy chủ khác"),
    "broken-internal-link": (ARTICLE, HEAD + "\nXem [bài này](../khong-co/).\n", 5, "liên kết hỏng"),
    "raw-img-missing": (ARTICLE, HEAD + "\n<img src=\"/images/khong-co.jpg\" alt=\"a\">\n", 5, "liên kết hỏng"),
    "extension-mdown": ("content/articles/2026/02/tin.mdown", HEAD + "\nNội dung.\n", 1, "không phải bài Markdown"),
    "extension-upper": ("content/articles/2026/02/tin.MD", HEAD + "\nNội dung.\n", 1, "không phải bài Markdown"),
    "page-checked": ("content/pages/trang.md", "Title: Trang\n\n<script>alert(1)</script>\n\nNội dung.\n", 3, "đã bỏ thẻ <script>"),
    "pathological": (ARTICLE, HEAD + "\n" + "![" * 10000 + "\n", 5, "error"),
    "empty-body": (ARTICLE, HEAD + "\n", 6, "chưa có nội dung"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = tmp_path_factory.mktemp("safe")
    for name in ("content", "theme", "plugins"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "pelicanconf.py", project / "pelicanconf.py")
    assert run_newsroom("build", "--output", "output", cwd=project).returncode == 0
    return project


@pytest.mark.parametrize("case", sorted(CASES))
def test_refused_at_its_line_and_the_site_kept(built, case):
    name, text, line, words = CASES[case]
    before = snapshot(built / "output")
    path = write(built, text, name)
    try:
        check = run_newsroom("check", cwd=built)
        lines = [l for l in check.stdout.splitlines() if l.startswith(f"{name}:{line}: ")]
        assert any(words in l for l in lines), f"{name}:{line} … {words} not in:\n{check.stdout}"
        if check.returncode == 1:
            build = run_newsroom("build", "--output", "output", cwd=built)
            assert build.returncode == 1 and "Traceback" not in build.stderr
            assert snapshot(built / "output") == before
        else:  # a warning: built, and safely
            assert run_newsroom("build", "--output", "output", cwd=built).returncode == 0
            page = built / ("output/trang/index.html" if "pages" in name else "output/tin-tuc/2026/02/tin-thu/index.html")
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            assert not soup.select(".article__body script, article script") and "alert(1)" not in soup.get_text()
    finally:
        path.unlink()


def test_symlinks_in_content_are_refused(built):
    before = snapshot(built / "output")
    link = built / "content/images/2026/01/passwd.jpg"
    link.symlink_to("/etc/passwd")
    try:
        check = run_newsroom("check", cwd=built)
        assert check.returncode == 1 and "content/images/2026/01/passwd.jpg:1: error:" in check.stdout
        assert run_newsroom("build", "--output", "output", cwd=built).returncode == 1
        assert snapshot(built / "output") == before
    finally:
        link.unlink()


def test_a_draft_builds_without_its_page_and_check_notes_it(built):
    path = write(built, HEAD + "Status: draft\n\nNội dung nháp.\n")
    try:
        check = run_newsroom("check", cwd=built)
        assert check.returncode == 0 and f"{ARTICLE}:4: warning:" in check.stdout and "bản nháp" in check.stdout
        assert run_newsroom("build", "--output", "output", cwd=built).returncode == 0
        assert not list((built / "output").rglob("tin-thu*")), "a draft is not published"
    finally:
        path.unlink()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(bodies)
def test_no_built_page_carries_a_hostile_fragment_and_nothing_is_written_outside(built, body):
    scratch = Path(tempfile.mkdtemp(dir=built.parent))
    project = scratch / "project"
    for name in ("content", "theme", "plugins"):
        shutil.copytree(built / name, project / name, symlinks=True)
    shutil.copy(built / "pelicanconf.py", project / "pelicanconf.py")
    write(project, HEAD + "\n" + body + "\n")
    outside = {p: os.stat(p).st_mtime_ns for p in scratch.parent.iterdir() if p != scratch}
    project_files = {p.name for p in project.iterdir()}
    try:
        build_site(BuildOptions(content=project / "content", output=scratch / "output",
                                settings=project / "pelicanconf.py", overrides={"SITEURL": SITE}))
    except BuildFailed:
        return  # refused: nothing published
    for page in (scratch / "output").rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for body in soup.select(".article__body"):
            for source in body.select("picture > source"):  # our photo derivatives: on the site only
                assert source["srcset"].startswith(SITE + "/images/"), source
                source.decompose()
            for picture in body.select("picture"):
                picture.unwrap()
            assert_harmless(str(body))
    assert {p: os.stat(p).st_mtime_ns for p in scratch.parent.iterdir() if p in outside} == outside
    assert {p.name for p in scratch.iterdir()} <= {"project", "output", ".output.builds"}
    assert {p.name for p in project.iterdir()} <= project_files | {".cache"}, "only the caches are added to the project"
    shutil.rmtree(scratch)
