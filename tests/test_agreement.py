"""`newsroom check` passes exactly when `newsroom build` succeeds: one analysis, one verdict.

Articles are drawn from a grammar of valid and broken metadata and bodies;
for each, the check's verdict (any error?) and the build's (did it publish?)
must agree. The cases that once disagreed are examples the property always runs.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from conftest import ROOT
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsroom.checks.site import check_content
from newsroom.sitebuild import BuildFailed, BuildOptions, build_site

TITLES = ["Hội nghị tổng kết công tác năm", "!!!", "Văn phòng " * 30, "Tin\x07 mới", "<b>Tin</b> đậm", "",
          "Sở Y tế làm việc với Sở Nội vụ", "Đơn vị: Sở Nội vụ"]
DATES = ["2026-01-05", "2026-01-05T09:00", "2026-01-05T09:00:00+07:00", "2026-W05", "05/01/2026", "28/01/2026",
         "ngày 5 tháng 1", "", "2026-02-30", None]
AUTHORS = ["Biên tập", "", None]
EXTRA = ["Status: draft", "Status: hidden", "Status: bản nháp", "Summary: Tóm tắt một câu.", "Summary:",
         "Units: Sở Nội vụ", "Units: Sở Không Có Thật", "Awards: Giấy khen", "Slug: tin-rieng", "Slug: ../tin",
         "    dòng tiếp theo của khóa trước", "Save_as: index.html", "Url: tin-moi/", "Template: page",
         "Tags: một, hai", "Tac gia: Ai đó", "Exclude: Sở Nội vụ"]
BODIES = ["Văn phòng Tỉnh ủy tổ chức hội nghị.", "Sở Y tế<br>Sở Nội vụ", "Dòng có ký tự \x0b lạ.",
          '![Ảnh hội nghị](/images/2026/01/anh-mau-quang-canh-hoi-nghi.jpg "Sở Nội vụ dự hội nghị.")',
          '![Ảnh](/images/khong-co.jpg "Chú thích.")', "![](x.jpg)", "[liên kết](https://example.org/)",
          "# Tiêu đề phụ", "- mục một\n- mục hai", "Tiêu đề: lạc vào nội dung", ""]


@st.composite
def articles(draw) -> str:
    lines = []
    title, date, author = draw(st.sampled_from(TITLES)), draw(st.sampled_from(DATES)), draw(st.sampled_from(AUTHORS))
    lines.append(f"Title: {title}")
    if date is not None:
        lines.append(f"Date: {date}")
    if author is not None:
        lines.append(f"Author: {author}")
    lines += draw(st.lists(st.sampled_from(EXTRA), max_size=3, unique=True))
    body = draw(st.lists(st.sampled_from(BODIES), min_size=0, max_size=4))
    return "\n".join(lines) + "\n\n" + "\n\n".join(body) + "\n"


def verdicts(article: str) -> tuple[bool, bool, str]:
    with tempfile.TemporaryDirectory() as scratch:
        project = Path(scratch) / "project"
        for name in ("content", "theme", "plugins"):
            shutil.copytree(ROOT / name, project / name)
        shutil.copy(ROOT / "pelicanconf.py", project / "pelicanconf.py")
        (project / "content/articles/2026/01/thu.md").write_text(article, encoding="utf-8")
        options = BuildOptions(content=project / "content", output=Path(scratch) / "output", settings=project / "pelicanconf.py")
        settings = {"PATH": str(options.content.resolve())}
        from newsroom.settings import load_settings

        checked = check_content(options.content, load_settings(options.settings, settings))
        try:
            build_site(options)
            built, why = True, ""
        except BuildFailed as failure:
            built, why = False, "\n".join(failure.messages)
        return not checked.errors, built, "\n".join(map(str, checked.errors)) + "\n" + why


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
@example("Title: Tin\nDate: 2026-W05\nAuthor: A\n\nNội dung.\n")
@example("Title: Tin\nDate: 2026-01-05\nAuthor: A\n    B\n\nNội dung.\n")
@example("Title: !!!\nDate: 2026-01-05\nAuthor: A\n\nNội dung.\n")
@example("Title: " + "Văn phòng " * 30 + "\nDate: 2026-01-05\nAuthor: A\n\nNội dung.\n")
@example("Title: Tin\x07 mới\nDate: 2026-01-05\nAuthor: A\n\nNội dung.\n")
@example("Title: Tin\nDate: 2026-01-05\nAuthor: A\nStatus: draft\n\nNội dung.\n")
def test_check_passes_exactly_when_the_build_succeeds(article):
    check_passes, build_succeeds, messages = verdicts(article)
    assert check_passes == build_succeeds, f"check {'passed' if check_passes else 'failed'}, build {'succeeded' if build_succeeds else 'failed'}:\n{messages}"
