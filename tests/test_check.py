"""`newsroom check` on bad inputs: each mistake named with file, line and Vietnamese / English words.

Every case is a content folder under tests/fixtures/bad/<case>/content; the
project's registry is copied in so the cases check what the build would see.
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT, run_newsroom

from newsroom.checks.site import check_content
from newsroom.core.text import slugify
from newsroom.settings import load_settings

FIXTURES = ROOT / "tests/fixtures/bad"
A = "articles/2026/02/tin.md"
E, W = "error", "warning"

# case -> every error it must produce (no other error allowed) and the warnings it must produce.
CASES = {
    "date-missing": [(A, 1, E, "thiếu ngày đăng (Date:)")],
    "date-invalid": [(A, 2, E, 'ngày "ngày 3 tháng 2" không hợp lệ')],
    "date-ambiguous": [(A, 2, E, "hãy viết 2026-01-05 (năm-tháng-ngày)")],
    "date-future": [(A, 2, W, "ở tương lai")],
    "title-missing": [(A, 1, E, "thiếu tiêu đề (Title:)")],
    "author-missing": [(A, 1, E, "thiếu tác giả (Author:)")],
    "key-vietnamese": [
        (A, 4, E, '"Đơn vị:" không phải khóa thông tin bài hợp lệ nên dòng này và phần sau thành nội dung bài; hãy viết "Units: Văn phòng Tỉnh ủy"'),
        (A, 5, E, 'dòng "Summary:" nằm sau dòng 4'),
    ],
    "key-tac-gia": [
        (A, 1, E, "thiếu tác giả (Author:)"),
        (A, 3, E, 'hãy viết "Author: Biên tập viên"'),
        (A, 4, E, 'dòng "Summary:" nằm sau dòng 3'),
    ],
    "key-after-blank-line": [
        (A, 1, E, "thiếu tác giả (Author:)"),
        (A, 4, E, 'dòng "Author:" nằm sau một dòng trống'),
        (A, 5, E, 'dòng "Summary:" nằm sau một dòng trống'),
    ],
    "key-unknown": [(A, 5, E, 'khóa "Unit:" không được hỗ trợ nên bị bỏ qua; có phải "Units:"?')],
    "key-duplicate": [(A, 5, E, 'khóa "Title:" bị lặp lại (đã có ở dòng 1)')],
    "registry-unit-unknown": [(A, 5, E, 'đơn vị "Phòng Tông hợp" không có trong danh mục (content/registry/units.yml); có phải "Phòng Tổng hợp"?')],
    "registry-award-unknown": [(A, 5, E, 'có phải "Bằng khen của Thủ tướng Chính phủ"?')],
    "duplicate-title": [
        ("articles/2026/02/tin-hai.md", 1, E, "trùng địa chỉ trang tin-tuc/2026/02/hoi-nghi-tong-ket/index.html với content/articles/2026/02/tin-mot.md"),
        ("articles/2026/02/tin-mot.md", 1, E, "trùng địa chỉ trang tin-tuc/2026/02/hoi-nghi-tong-ket/index.html với content/articles/2026/02/tin-hai.md"),
    ],
    "duplicate-slug": [
        ("articles/2026/02/tin.md", 1, E, 'trùng đường dẫn rút gọn "hoi-nghi-tong-ket" với content/articles/2026/03/tin.md'),
        ("articles/2026/03/tin.md", 1, E, 'trùng đường dẫn rút gọn "hoi-nghi-tong-ket" với content/articles/2026/02/tin.md'),
    ],
    "photo-placeholder": [(A, 8, E, "ảnh chưa có: chép ảnh vào content/images/2026/02/ rồi thay ANH-CHUA-CO.jpg")],
    "photo-file-missing": [(A, 8, E, "không tìm thấy tệp ảnh {static}/images/2026/02/khong-co.jpg")],
    "photo-no-alt": [(A, 8, E, "ảnh thiếu mô tả")],
    "photo-no-caption": [(A, 8, W, "ảnh thiếu chú thích")],
    "unregistered-text": [(A, 8, W, 'đơn vị "Sở Du lịch và Thể thao tỉnh" chưa có trong danh mục')],
    "nfd": [(A, 7, W, "dạng tổ hợp (NFD)")],
    "markup-metadata": [
        (A, 1, E, '"Title:" chứa mã HTML hoặc script'),
        (A, 4, E, '"Summary:" chứa mã HTML hoặc script'),
    ],
    "output-outside": [
        (A, 5, E, 'không được dùng "Save_as:"'),
        (A, 6, E, 'không được dùng "Url:"'),
    ],
    "slug-unsafe": [(A, 5, E, '"Slug: ../tin" chỉ được dùng chữ không dấu')],
    "status-invalid": [(A, 5, E, 'trạng thái "publish" không hợp lệ')],
    "empty-file": [(A, 1, E, "tệp rỗng")],
    "binary-file": [(A, 1, E, "tệp nhị phân")],
    "not-utf8": [(A, 6, E, "không phải văn bản UTF-8")],
    "byte-order-mark": [(A, 2, E, "hãy viết 2026-01-05")],  # the BOM does not hide "Title:" nor shift lines
    "crlf": [(A, 5, E, 'khóa "Unit:"'), (A, 9, E, "ảnh chưa có")],
    "long-line": [(A, 8, W, "đoạn văn dài 108000 ký tự")],
    "empty-body": [(A, 6, E, "bài viết chưa có nội dung")],
}
ERROR_CASES = sorted(case for case, expected in CASES.items() if any(e[2] == E for e in expected))
# What the build test runs: one of each family; the rest share the same check_content.
BUILD_CASES = ["binary-file", "crlf", "date-ambiguous", "duplicate-title", "key-vietnamese", "output-outside", "photo-placeholder", "registry-unit-unknown"]


def case_content(case: str, into: Path, base: Path | None = None) -> Path:
    """The case's content (over a copy of `base` if given) with the project's registry."""
    content = into / "content"
    shutil.copy(ROOT / "pelicanconf.py", into / "pelicanconf.py")  # check reads the project's settings
    if base is not None:
        shutil.copytree(base, content)
    shutil.copytree(FIXTURES / case / "content", content, dirs_exist_ok=True)
    if not (content / "registry").exists():
        shutil.copytree(ROOT / "content/registry", content / "registry")
    return content


def problem_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": error: " in line or ": warning: " in line]


def test_every_fixture_folder_is_a_case():
    folders = {p.name for p in FIXTURES.iterdir() if p.is_dir()}
    assert folders == set(CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_names_file_line_and_problem(case, tmp_path):
    case_content(case, tmp_path)
    result = run_newsroom("check", "--content", "content", cwd=tmp_path)
    assert "Traceback" not in result.stderr, result.stderr
    lines = problem_lines(result.stdout)
    for rel, line, severity, words in CASES[case]:
        prefix = f"content/{rel}:{line}: {severity}: "
        assert any(l.startswith(prefix) and words in l for l in lines), f"{prefix}...{words} not in:\n{result.stdout}"
    expected_errors = {(f"content/{rel}", line) for rel, line, severity, _ in CASES[case] if severity == E}
    errors = {tuple(l.split(":", 2)[:2]) for l in lines if ": error: " in l}
    assert {(path, int(number)) for path, number in errors} == expected_errors, result.stdout
    for line in lines:  # Vietnamese, then English
        assert " / " in line.split(": ", 2)[2], line
    assert result.returncode == (1 if expected_errors else 0)
    assert "bài" in result.stdout.splitlines()[-1] and " article" in result.stdout.splitlines()[-1]


@pytest.fixture(scope="module")
def built_project(tmp_path_factory):
    """A copy of the project with a good site already built in output/."""
    project = tmp_path_factory.mktemp("project")
    for name in ("content", "theme", "plugins"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "pelicanconf.py", project / "pelicanconf.py")
    run_newsroom("build", "--output", str(project / "output"), cwd=project, check=True)
    return project


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("case", BUILD_CASES)
def test_build_refuses_and_keeps_the_last_good_site(case, built_project, tmp_path):
    assert case in ERROR_CASES
    content = case_content(case, tmp_path, base=built_project / "content")
    before = snapshot(built_project / "output")
    result = run_newsroom("build", "--content", str(content), "--output", str(built_project / "output"), cwd=built_project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    rel, line, _, words = next(e for e in CASES[case] if e[2] == E)
    # Messages naming another file name it as given on the command line (absolute here).
    assert f"{content / rel}:{line}: error: " in result.stderr and words.split(" với ")[0] in result.stderr
    assert snapshot(built_project / "output") == before


def test_the_project_content_is_clean():
    result = run_newsroom("check")
    assert result.returncode == 0, result.stdout
    assert problem_lines(result.stdout) == []


def test_problems_are_sorted_by_file_and_line(tmp_path):
    content = case_content("key-tac-gia", tmp_path)
    shutil.copytree(FIXTURES / "duplicate-title/content/articles", content / "articles", dirs_exist_ok=True)
    problems = check_content(content, load_settings(ROOT / "pelicanconf.py", {"PATH": str(content)}, for_pelican=False)).problems
    assert [(str(p.path), p.line) for p in problems] == sorted((str(p.path), p.line) for p in problems)


def test_fix_rewrites_nfd_to_nfc_and_nothing_else(tmp_path):
    content = case_content("nfd", tmp_path)
    article = content / A
    # A byte-order mark and CRLF line ends must survive the fix byte for byte.
    original = b"\xef\xbb\xbf" + article.read_bytes().replace(b"\n", b"\r\n")
    article.write_bytes(original)
    result = run_newsroom("check", "--content", "content", "--fix", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert article.read_bytes() == unicodedata.normalize("NFC", original.decode("utf-8")).encode("utf-8")
    assert article.read_bytes() != original
    assert "NFD" not in "\n".join(problem_lines(result.stdout))
    unchanged = run_newsroom("check", "--content", "content", "--fix", cwd=tmp_path)
    assert "NFC" not in unchanged.stdout.split("\n")[0]


@pytest.mark.parametrize("title", [
    "Văn phòng Tỉnh ủy triển khai nhiệm vụ năm 2026",
    "Nâng cao chất lượng tham mưu, góp phần cùng UBND tỉnh hoàn thành thắng lợi mục tiêu, nhiệm vụ năm 2026",
    "Trao “Huân chương Lao động hạng Ba” – Đồng chí Đinh Anh Tuấn; Phòng Chuyển đổi số - Cơ yếu!",
    "  Hội nghị   Đảng ủy UBND tỉnh: 100% xã, phường <b>đạt</b> &amp; vượt  ",
    "Ứng dụng ﬁ AI ở Sở Khoa học và Công nghệ (KH&CN) ½",
])
def test_slugify_is_pelicans(title):
    from pelican.settings import DEFAULT_CONFIG
    from pelican.utils import slugify as pelican_slugify

    assert slugify(title) == pelican_slugify(title, regex_subs=DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])


def test_unchanged_articles_are_never_analysed_again(tmp_path, monkeypatch):
    """check runs before every rebuild in `newsroom serve`: only changed articles are analysed again."""
    import newsroom.analysis.batch as batch

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content/registry", content / "registry")
    shutil.copytree(ROOT / "content/images", content / "images")
    seeds = sorted((ROOT / "content/articles/2026/01").glob("*.md"))
    folder = content / "articles/2026/01"
    folder.mkdir(parents=True)
    for number in range(30):
        text = seeds[number % len(seeds)].read_text(encoding="utf-8")
        (folder / f"bai-{number}.md").write_text(text.replace("Title: ", f"Title: Bài {number} ", 1), encoding="utf-8")

    settings = load_settings(ROOT / "pelicanconf.py", {"PATH": str(content), "ANALYSIS_CACHE_PATH": str(tmp_path / "cache")})
    analysed = []
    real = batch.analyse
    monkeypatch.setattr(batch, "analyse", lambda path, *rest: analysed.append(path) or real(path, *rest))
    monkeypatch.setattr(batch, "PARALLEL_FROM", 10**6)  # counted in this process
    assert [p for p in check_content(content, settings).problems if p.is_error] == []
    assert len(analysed) == 30
    analysed.clear()
    assert [p for p in check_content(content, settings).problems if p.is_error] == []
    assert analysed == []
    edited = folder / "bai-7.md"
    edited.write_text("Units: Phòng Tông hợp\n" + edited.read_text(encoding="utf-8"), encoding="utf-8")
    # An edited article is checked again, against the cached registry.
    assert [(p.path, p.line) for p in check_content(content, settings).problems if p.is_error] == [(edited, 1)]
    assert analysed == [edited]
