"""Award pages and the yearly roll show proposals apart, totals by kind, decisions and groups as written."""

from tests.conftest import run_newsroom, soup_of

ARTICLE = """Title: Sở Nội vụ tổng kết công tác thi đua
Date: 2026-02-12T08:00
Author: Biên tập

Chủ tịch UBND tỉnh ký Quyết định số 99/QĐ-UBND ngày 02/02/2026 về việc tặng Bằng khen của Chủ tịch UBND tỉnh cho 5 tập thể và 7 cá nhân.

Giám đốc Sở Nội vụ trao Giấy khen cho các phòng, đơn vị trực thuộc và cá nhân có thành tích xuất sắc.

Hội đồng Thi đua - Khen thưởng tỉnh thống nhất đề nghị tặng Huân chương Lao động hạng Ba cho Sở Nội vụ.
"""


def test_pages_use_status_kinds_and_decisions(project_copy):
    (project_copy / "content/articles/2026/02").mkdir(parents=True, exist_ok=True)
    (project_copy / "content/articles/2026/02/so-noi-vu-thi-dua.md").write_text(ARTICLE, encoding="utf-8")
    output = project_copy / "output"
    result = run_newsroom("build", "--output", str(output), cwd=project_copy)
    assert result.returncode == 0, result.stderr

    merit = soup_of(output / "khen-thuong/bang-khen-cua-chu-tich-ubnd-tinh/index.html")
    table = merit.select_one("table").get_text(" ", strip=True)
    assert "5 tập thể" in table and "7 cá nhân" in table
    assert "Quyết định số 99/QĐ-UBND ngày 02/02/2026" in table

    order = soup_of(output / "khen-thuong/huan-chuong-lao-dong-hang-ba/index.html")
    proposals = order.select_one("table.proposals")
    assert proposals is not None and "Sở Nội vụ" in proposals.get_text(" ", strip=True)
    conferred = order.select_one("table:not(.proposals)").get_text(" ", strip=True)
    assert "Sở Nội vụ" not in conferred  # a proposal is not listed as conferred

    roll = soup_of(output / "khen-thuong/nam-2026/index.html")
    text = roll.get_text(" ", strip=True)
    assert "các phòng, đơn vị trực thuộc và cá nhân" in text  # one group, as written
    merit_line = next(s for s in roll.select("section.roll") if s.h2 and s.h2.get_text(strip=True) == "Bằng khen của Chủ tịch UBND tỉnh")
    # Seeds: a group without a number, 2 departments, 9 cá nhân; this article: 5 tập thể, 7 cá nhân.
    assert merit_line.select_one("p.meta").get_text(" ", strip=True) == \
        "6 lượt khen thưởng cho ít nhất 16 cá nhân và 7 tập thể"
    proposed = roll.select_one("section.proposals")
    assert proposed is not None and "Sở Nội vụ" in proposed.get_text(" ", strip=True)
