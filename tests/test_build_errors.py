"""A build that fails says which file is wrong and leaves the last good site untouched."""

from __future__ import annotations

from conftest import run_newsroom

GOOD = "Title: Tin thử\nDate: 2026-02-03T08:00\nAuthor: Biên tập viên\n\nNội dung bài.\n"


def write_article(project, name: str, text: str):
    path = project / "content/articles/2026/02" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def build(project):
    return run_newsroom("build", "--output", str(project / "output"), cwd=project)


def test_new_article_is_published(project_copy):
    write_article(project_copy, "tin-thu.md", GOOD)
    result = build(project_copy)
    assert result.returncode == 0, result.stderr
    assert (project_copy / "output/tin-tuc/2026/02/tin-thu/index.html").is_file()


def test_invalid_date_fails_naming_the_file_and_line(project_copy):
    write_article(project_copy, "sai-ngay.md", GOOD.replace("2026-02-03T08:00", "ngày 3 tháng 2"))
    result = build(project_copy)
    assert result.returncode != 0
    assert "sai-ngay.md:2:" in result.stderr
    assert "error" in result.stderr


def test_ambiguous_day_month_order_is_an_error(project_copy):
    write_article(project_copy, "mo-ho.md", GOOD.replace("2026-02-03T08:00", "05/01/2026"))
    result = build(project_copy)
    assert result.returncode != 0
    assert "mo-ho.md:2:" in result.stderr and "2026-01-05" in result.stderr


def test_missing_title_fails_naming_the_file(project_copy):
    write_article(project_copy, "khong-tieu-de.md", GOOD.replace("Title: Tin thử\n", ""))
    result = build(project_copy)
    assert result.returncode != 0
    assert "khong-tieu-de.md" in result.stderr


def test_failed_build_leaves_the_last_good_site(project_copy):
    assert build(project_copy).returncode == 0
    before = snapshot(project_copy / "output")
    write_article(project_copy, "sai.md", GOOD.replace("2026-02-03T08:00", "2026-13-45"))
    assert build(project_copy).returncode != 0
    assert snapshot(project_copy / "output") == before


def test_refuses_to_replace_a_folder_that_is_not_a_site(project_copy):
    precious = project_copy / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("do not delete")
    result = run_newsroom("build", "--output", str(precious), cwd=project_copy)
    assert result.returncode != 0
    assert (precious / "notes.txt").read_text() == "do not delete"


def test_broken_photo_link_fails_the_build(project_copy):
    write_article(project_copy, "anh.md", GOOD + '\n![Ảnh](images/khong-co.jpg "Chú thích.")\n'.replace("images/", "{static}/images/"))
    result = build(project_copy)
    assert result.returncode != 0
    assert "khong-co.jpg" in result.stderr
