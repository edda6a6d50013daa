"""The editor's `Honours:` line: remove a misread honour, add a missed one, correct a status — checked at its
line, and followed by the build through the honours roll, unit and award pages. Honours the recogniser is unsure
of are warnings and are not published until confirmed."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from conftest import page, run_newsroom

ARTICLE = "content/articles/2026/01/van-phong-tinh-uy-trien-khai-nhiem-vu-nam-2026.md"
ROLL = "khen-thuong/nam-2026/"


def add_honours_line(project: Path, value: str) -> int:
    """Add `Honours: value` to the article's metadata; its line number."""
    path = project / ARTICLE
    head, body = path.read_text(encoding="utf-8").split("\n\n", 1)
    path.write_text(f"{head}\nHonours: {value}\n\n{body}", encoding="utf-8")
    return head.count("\n") + 2


def roll_sections(output: Path) -> tuple[str, str]:
    """The roll's conferred honours and its proposals, as text."""
    roll = page(output, ROLL)
    proposals = roll.select_one("section.proposals")
    conferred = " ".join(s.get_text(" ", strip=True) for s in roll.select("section.roll:not(.proposals)"))
    return conferred, proposals.get_text(" ", strip=True) if proposals else ""


def test_remove_add_and_status_corrections_reach_the_roll_and_the_unit_and_award_pages(project_copy):
    before = project_copy / "before"
    run_newsroom("build", "--output", str(before), cwd=project_copy, check=True)
    conferred, proposals = roll_sections(before)
    assert "Phòng Tổng hợp" in conferred and "Phòng Quản trị" in conferred and "Nguyễn Văn An" not in conferred + proposals

    add_honours_line(project_copy, "- Tập thể Lao động xuất sắc – Phòng Tổng hợp; "
                                   "+ Huân chương Lao động hạng Ba – Nguyễn Văn An (đề nghị); "
                                   "Bằng khen của Chủ tịch UBND tỉnh – Phòng Quản trị (đề nghị); + Giấy khen – Sở Nội vụ")
    check = run_newsroom("check", cwd=project_copy)
    assert check.returncode == 0, check.stdout
    after = project_copy / "after"
    run_newsroom("build", "--output", str(after), cwd=project_copy, check=True)
    conferred, proposals = roll_sections(after)
    assert "Phòng Tổng hợp" not in conferred, "the removed honour is gone from the roll"
    assert "Nguyễn Văn An" in proposals and "Nguyễn Văn An" not in conferred, "the added proposal is a proposal"
    assert "Phòng Quản trị" in proposals and "Phòng Quản trị" not in conferred, "the corrected status is shown"
    assert "Sở Nội vụ" in conferred, "the added honour is on the roll"
    unit = page(after, "don-vi/so-noi-vu/").get_text(" ", strip=True)
    assert "Giấy khen" in unit, "the added honour is on its unit's page"
    assert "Tập thể Lao động xuất sắc" not in page(after, "don-vi/van-phong-tinh-uy-phong-tong-hop/").get_text(" ")
    award = page(after, "khen-thuong/huan-chuong-lao-dong-hang-ba/").get_text(" ", strip=True)
    assert "Nguyễn Văn An" in award


@pytest.mark.parametrize(("value", "vietnamese", "english"), [
    ("+ Bằng khen Bộ Ngoại giao – Nguyễn Văn An", 'khen thưởng "Bằng khen Bộ Ngoại giao"', "is not registered"),
    ("Giấy khen", 'không hiểu "Giấy khen"', 'cannot read "Giấy khen"'),
    ("+ Giấy khen", "cần ghi người hoặc đơn vị nhận", "needs who received it"),
    ("Giấy khen – Phòng Tổng hợp (chắc chắn)", 'trạng thái "chắc chắn"', 'unknown status "chắc chắn"'),
    ("- Huân chương Lao động hạng Ba – Nguyễn Văn An", "không có lượt khen thưởng nào như vậy", "has no such honour"),
])
def test_a_wrong_entry_is_an_error_at_its_line_vietnamese_then_english(project_copy, value, vietnamese, english):
    line = add_honours_line(project_copy, value)
    result = run_newsroom("check", cwd=project_copy)
    assert result.returncode == 1
    found = [text for text in result.stdout.splitlines() if text.startswith(f"{ARTICLE}:{line}: error: ")]
    assert len(found) == 1, result.stdout
    assert vietnamese in found[0] and english in found[0].split(" / ", 1)[1]
    build = run_newsroom("build", "--output", str(project_copy / "out"), cwd=project_copy)
    assert build.returncode == 1, "check fails exactly when the build does"


def uncertain_honour_class():
    """Honours as the recogniser marks those the text reads two ways (newsroom.core.honours adds the field)."""
    from newsroom.core.honours import Honour

    if any(f.name == "uncertain" for f in dataclasses.fields(Honour)):
        return Honour
    return dataclasses.make_dataclass("UncertainHonour", [("uncertain", bool, dataclasses.field(default=False))],
                                      bases=(Honour,), frozen=True)


def test_an_uncertain_honour_is_a_warning_at_its_sentence_and_unpublished_until_confirmed():
    from newsroom.checks.honour_edits import check_honour_edits
    from newsroom.core.catalogue import Catalogue
    from test_catalogue import URLS
    from newsroom.core.honour_edits import edit_recognition
    from newsroom.core.recognition import Recogniser
    from newsroom.core.registry import Registry
    from newsroom.core.source import parse_markdown

    registry = Registry.load(Path(__file__).resolve().parent.parent / "content/registry")
    text = ("Title: Tổng kết\nDate: 2026-02-02\n\nHội nghị tổng kết năm 2025.\n\n"
            "Chủ tịch UBND tỉnh tặng Bằng khen của Chủ tịch UBND tỉnh cho Sở Nội vụ.\n")
    source = parse_markdown(Path("bai.md"), text)
    recognition = Recogniser(registry).recognise("Tổng kết", "Hội nghị tổng kết năm 2025.\n\n"
                                                 "Chủ tịch UBND tỉnh tặng Bằng khen của Chủ tịch UBND tỉnh cho Sở Nội vụ.")
    assert recognition.honours, "the sentence confers an honour"
    honour_class = uncertain_honour_class()
    recognition.honours = [honour_class(**{**{f.name: getattr(h, f.name) for f in dataclasses.fields(h)}, "uncertain": True})
                           for h in recognition.honours]
    warnings = [p for p in check_honour_edits(source, registry, recognition) if not p.is_error]
    assert warnings and warnings[0].line == 6 and "chưa chắc" in warnings[0].vietnamese and "unsure" in warnings[0].english

    class Article:
        date = __import__("datetime").datetime(2026, 2, 2)

    catalogue = Catalogue.build(registry, [(Article(), recognition)], URLS)
    assert not catalogue.roll(2026), "nothing uncertain is published"

    edit_recognition(recognition, "+ Bằng khen của Chủ tịch UBND tỉnh – Sở Nội vụ", registry)
    assert not check_honour_edits(parse_markdown(Path("bai.md"), text), registry, recognition)
    catalogue = Catalogue.build(registry, [(Article(), recognition)], URLS)
    assert [c.recipient for line in catalogue.roll(2026) for c in line.conferments] == ["Sở Nội vụ"], "confirmed, it is"
