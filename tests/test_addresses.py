"""Addresses declared once (issue 18) and owned by the portal (issue 19, item 5).

`check` knows exactly the pages the build writes; a project may move its
articles and its registry; no content takes an address the portal owns.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, copy_project, run_newsroom
from readers_site import honours_articles

ADDRESS_WORDS = ("tin-tuc", "don-vi", "khen-thuong", "tim-kiem", "bai-viet")
# Where the portal's settings are declared: the only Python that may spell its addresses.
SETTINGS_FILES = {ROOT / "newsroom/settings.py", ROOT / "pelicanconf.py", ROOT / "publishconf.py"}
LINKS_ARTICLE = "content/articles/2026/03/moi-trang.md"


def written_files(output: Path) -> list[str]:
    """Every file a build wrote that a reader may be sent to (not the search bundle's internals, not our marker)."""
    root = output.resolve()
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*")
                  if path.is_file() and not path.name.startswith(".") and not path.relative_to(root).as_posix().startswith("pagefind/"))


def link_of(path: str) -> str:
    return "/" + path.removesuffix("index.html")


def links_article(paths: list[str]) -> str:
    lines = [f"- [trang {number}]({link_of(path)})" for number, path in enumerate(paths)]
    return ("Title: Mọi trang của cổng\nDate: 2026-03-02T08:00\nAuthor: Biên tập\nSummary: Liên kết tới mọi trang.\n\n"
            "Danh sách liên kết:\n\n" + "\n".join(lines) + "\n")


def problem_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if re.search(r":\d+: (error|warning): ", line)]


@pytest.fixture(scope="module")
def long_lists_project(tmp_path_factory) -> Path:
    """The sample site with 25 honours of one department (more than its page's 10) and 25 articles naming one award
    (more than its page's 20), and enough articles for the lists to have several pages; built."""
    project = copy_project(tmp_path_factory.mktemp("long-lists"))
    for relative, text in honours_articles(25).items():
        (project / "content/articles" / relative).parent.mkdir(parents=True, exist_ok=True)
        (project / "content/articles" / relative).write_text(text, encoding="utf-8")
    run_newsroom("build", "--output", str(project / "output"), cwd=project, check=True)
    return project


def test_check_accepts_a_link_to_every_page_the_build_writes(long_lists_project):
    project = long_lists_project
    written = written_files(project / "output")
    # The long lists and the pagination are among them: the kinds of page the link check once refused.
    unit = "don-vi/van-phong-tinh-uy-phong-tong-hop/"
    for expected in (f"{unit}khen-thuong/index.html", "khen-thuong/bang-khen-cua-chu-tich-ubnd-tinh/bai-viet/index.html",
                     "trang/2/index.html", "tin-tuc/trang/2/index.html" if (project / "output/tin-tuc/trang/2").is_dir() else "index.html",
                     f"{unit}trang/2/index.html", "khen-thuong/nam-2025/index.html", "feeds/don-vi/van-phong-tinh-uy-phong-tong-hop.atom.xml"):
        assert expected in written, expected
    article = project / LINKS_ARTICLE
    article.parent.mkdir(parents=True, exist_ok=True)
    article.write_text(links_article(written), encoding="utf-8")
    result = run_newsroom("check", cwd=project)
    assert [line for line in problem_lines(result.stdout) if "moi-trang.md" in line] == []
    assert result.returncode == 0, result.stdout

    # One more line, to a page the build does not write: refused at its line, and the build refuses too.
    text = article.read_text(encoding="utf-8") + f"- [không có]({link_of(f'{unit}khen-thuong/trang/9/index.html')})\n"
    article.write_text(text, encoding="utf-8")
    result = run_newsroom("check", cwd=project)
    line = len(text.rstrip("\n").split("\n"))
    assert problem_lines(result.stdout) == [
        f"{Path(LINKS_ARTICLE)}:{line}: error: liên kết hỏng \"/{unit}khen-thuong/trang/9/\": trang web không có "
        f"/{unit}khen-thuong/trang/9/ / broken link \"/{unit}khen-thuong/trang/9/\": the site has no /{unit}khen-thuong/trang/9/"]
    assert run_newsroom("build", "--output", str(project / "output"), cwd=project).returncode == 1
    article.unlink()


MOVED_SETTINGS = '\nARTICLE_URL = "bai/{date:%Y}/{slug}.html"\nARTICLE_SAVE_AS = ARTICLE_URL\nREGISTRY_DIR = "danh-muc"\n'


@pytest.fixture(scope="module")
def moved_project(tmp_path_factory) -> Path:
    """A project whose settings move the articles (bai/YYYY/slug.html) and the registry (content/danh-muc)."""
    project = copy_project(tmp_path_factory.mktemp("moved"))
    (project / "content/registry").rename(project / "content/danh-muc")
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as settings:
        settings.write(MOVED_SETTINGS)
    article = project / "content/articles/2026/03/lien-ket.md"
    article.parent.mkdir(parents=True, exist_ok=True)
    # An unregistered organisation (for `registry suggest`) and links written as editors write them.
    article.write_text("Title: Liên kết trong bài\nDate: 2026-03-05T08:00\nAuthor: Biên tập\n\n"
                       "Trường THPT Chuyên Hùng Vương phối hợp với Văn phòng Tỉnh ủy.\n\n"
                       "Xem [tin tức](/tin-tuc/), [năm 2026](/tin-tuc/2026/) và [Văn phòng Tỉnh ủy](/don-vi/van-phong-tinh-uy/).\n",
                       encoding="utf-8")
    return project


def test_a_project_moves_its_articles_and_its_registry(moved_project):
    project = moved_project
    checked = run_newsroom("check", cwd=project)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert [line for line in problem_lines(checked.stdout) if ": error: " in line] == []
    run_newsroom("build", "--output", str(project / "output"), cwd=project, check=True)
    output = (project / "output").resolve()
    page = output / "bai/2026/lien-ket-trong-bai.html"
    assert page.is_file()
    assert not (output / "tin-tuc/2026/03/lien-ket-trong-bai").exists()
    # Every link to the site on every page leads to a file the build wrote.
    broken = set()
    for html in output.rglob("*.html"):
        for anchor in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find_all(["a", "link"], href=True):
            href = anchor["href"].split("#")[0].split("?")[0]
            if not href.startswith("/") or href.startswith("//"):
                continue
            target = output / href.lstrip("/")
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.add((html.relative_to(output).as_posix(), href))
    assert broken == set()
    # The articles the lists link to are at the new addresses.
    home = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "/bai/2026/lien-ket-trong-bai.html" in {a["href"] for a in home.find_all("a", href=True)}

    extracted = run_newsroom("extract", "--json", "content/articles/2026/03/lien-ket.md", cwd=project)
    assert extracted.returncode == 0, extracted.stderr
    assert "van-phong-tinh-uy" in {unit["slug"] for unit in json.loads(extracted.stdout)[0]["units"]}
    suggested = run_newsroom("registry", "suggest", "--json", cwd=project)
    assert suggested.returncode == 0, suggested.stderr
    assert "Trường THPT Chuyên Hùng Vương" in {item["name"] for item in json.loads(suggested.stdout)}
    added = run_newsroom("registry", "suggest", "--add", "Trường THPT Chuyên Hùng Vương", cwd=project)
    assert added.returncode == 0, added.stderr
    assert "Trường THPT Chuyên Hùng Vương" in (project / "content/danh-muc/units.yml").read_text(encoding="utf-8")
    assert not (project / "content/registry").exists()


def test_extract_reads_the_registry_the_settings_name(moved_project, tmp_path):
    """Without its registry where REGISTRY_DIR says, extract names the missing file: it never falls back to content/registry."""
    project = copy_project(tmp_path)
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as settings:
        settings.write('REGISTRY_DIR = "danh-muc"\n')
    result = run_newsroom("extract", "content/articles/2026/01/van-phong-tinh-uy-hoi-nghi.md", cwd=project)
    assert result.returncode == 1
    assert f"{(project / 'content/danh-muc/units.yml').resolve()}:1: error: không tìm thấy tệp" in result.stderr


RESERVED_ARTICLE = "Title: Bài thử địa chỉ\nDate: 2026-03-04T08:00\nAuthor: Biên tập\n{extra}\nMột đoạn văn.\n"


@pytest.mark.parametrize("slug", ["tin-tuc", "don-vi", "khen-thuong", "tim-kiem", "bai-viet", "pagefind", "feeds",
                                  "images", "theme", "trang", "nam-2026"])
@pytest.mark.parametrize("kind", ["articles", "pages"])
def test_a_slug_the_portal_owns_is_refused_at_its_line(project_copy, slug, kind):
    path = project_copy / "content" / kind / "2026/03/dia-chi.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(RESERVED_ARTICLE.format(extra=f"Slug: {slug}\n"), encoding="utf-8")
    result = run_newsroom("check", cwd=project_copy)
    shown = Path("content") / kind / "2026/03/dia-chi.md"
    assert f'{shown}:4: error: đường dẫn "{slug}" (từ dòng Slug:) là địa chỉ dành riêng của cổng' in result.stdout
    assert result.returncode == 1
    assert run_newsroom("build", "--output", str(project_copy / "output"), cwd=project_copy).returncode == 1


def test_a_title_that_makes_a_reserved_slug_is_refused_at_the_title(project_copy):
    path = project_copy / "content/pages/tim-kiem.md"
    path.write_text("Title: Tìm kiếm\n\nTrang của tôi.\n", encoding="utf-8")
    result = run_newsroom("check", cwd=project_copy)
    assert 'content/pages/tim-kiem.md:1: error: đường dẫn "tim-kiem" (từ tiêu đề) là địa chỉ dành riêng của cổng' in result.stdout


@pytest.mark.parametrize(("file", "slug"), [("awards.yml", "nam-2026"), ("units.yml", "khen-thuong"), ("units.yml", "pagefind")])
def test_a_unit_or_award_slug_the_portal_owns_is_refused_at_its_line(project_copy, file, slug):
    registry = project_copy / "content/registry" / file
    text = registry.read_text(encoding="utf-8")
    entry = (f"- slug: {slug}\n  name: Giải thưởng thử nghiệm\n  kind: prize\n" if file == "awards.yml"
             else f"- slug: {slug}\n  name: Đơn vị thử nghiệm\n")
    registry.write_text(text.rstrip("\n") + "\n" + entry, encoding="utf-8")
    line = len(text.rstrip("\n").split("\n")) + 1
    result = run_newsroom("check", cwd=project_copy)
    assert f'content/registry/{file}:{line}: error: slug "{slug}" là địa chỉ dành riêng của cổng' in result.stdout
    assert result.returncode == 1
    assert run_newsroom("build", "--output", str(project_copy / "output"), cwd=project_copy).returncode == 1


def test_lang_cannot_move_an_article(project_copy):
    path = project_copy / "content/articles/2026/03/ngon-ngu.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(RESERVED_ARTICLE.format(extra="Lang: en\n"), encoding="utf-8")
    result = run_newsroom("check", cwd=project_copy)
    assert 'content/articles/2026/03/ngon-ngu.md:4: error: "Lang: en" sẽ chuyển bài sang địa chỉ khác' in result.stdout
    assert result.returncode == 1
    path.write_text(RESERVED_ARTICLE.format(extra="Lang: vi\n"), encoding="utf-8")
    assert run_newsroom("check", cwd=project_copy).returncode == 0


def test_address_words_are_spelt_only_where_settings_are_declared():
    """The portal's address words appear in Python as (part of) a path only in the settings files.

    (Search filter names such as "don-vi" are the search form's field names, not addresses.)
    """
    word = re.compile(r"(?:^|/)(?:" + "|".join(ADDRESS_WORDS) + r")(?:/|$)")
    found = []
    for path in [*(ROOT / "newsroom").rglob("*.py"), *(ROOT / "plugins").rglob("*.py")]:
        if path in SETTINGS_FILES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        documented = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                      and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in documented:
                if word.search(node.value) and "/" in node.value:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert found == []
