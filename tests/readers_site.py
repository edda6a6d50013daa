"""The sample site plus two test articles: a 4000 px camera photo, and news of a department alone."""

from __future__ import annotations

import shutil
from pathlib import Path

from photo_samples import camera_photo

ROOT = Path(__file__).resolve().parent.parent

PHOTO_ARTICLE = "tin-tuc/2026/02/anh-lon-tu-may-anh/"
DEPARTMENT_ARTICLE = "tin-tuc/2026/02/phong-kiem-soat-thu-tuc-hanh-chinh-so-ket-quy-i/"
DEPARTMENT = "van-phong-ubnd-tinh-phong-kiem-soat-thu-tuc-hanh-chinh"
PARENT = "van-phong-ubnd-tinh"

ARTICLES = {
    "2026/02/anh-lon-tu-may-anh.md": """Title: Ảnh lớn từ máy ảnh
Date: 2026-02-03T09:30:00+07:00
Author: Ban biên tập
Summary: Bài thử ảnh chụp từ máy ảnh, rộng 4000 điểm ảnh.

Sáng 3/2, Ban biên tập đăng ảnh chụp từ máy ảnh để thử cách cổng thu nhỏ ảnh cho điện thoại.

![Ảnh thử chụp từ máy ảnh]({static}/images/2026/02/anh-lon-tu-may-anh.jpg "Ảnh thử rộng 4000 điểm ảnh.")

Ảnh gốc nặng vài megabyte; bạn đọc chỉ tải bản vừa với màn hình.
""",
    "2026/02/phong-kiem-soat-thu-tuc-hanh-chinh-so-ket-quy-i.md": """Title: Phòng Kiểm soát thủ tục hành chính sơ kết quý I
Date: 2026-02-10T15:00:00+07:00
Author: Ban biên tập
Summary: Phòng Kiểm soát thủ tục hành chính sơ kết công tác, đề ra nhiệm vụ quý tiếp theo.
Units: Phòng Kiểm soát thủ tục hành chính (Văn phòng UBND tỉnh)

Chiều 10/2, Phòng Kiểm soát thủ tục hành chính tổ chức sơ kết công tác quý I.

Trong quý, phòng đã rà soát các thủ tục hành chính và đề xuất đơn giản hóa nhiều thủ tục.
""",
}


def make_readers_project(target: Path) -> Path:
    for name in ("content", "theme", "plugins"):
        shutil.copytree(ROOT / name, target / name)
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, target / name)
    for relative, text in ARTICLES.items():
        path = target / "content/articles" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    camera_photo(target / "content/images/2026/02/anh-lon-tu-may-anh.jpg")
    return target


def honours_articles(count: int = 25) -> dict[str, str]:
    """`count` articles (five a month from January 2025), each conferring a Bằng khen on Phòng Tổng hợp of
    Văn phòng Tỉnh ủy: enough for its unit page and the award's page to link their whole lists."""
    return {
        f"2025/khen-{n:02d}.md": f"Title: Khen thưởng đợt {n}\nDate: 2025-{(n - 1) // 5 + 1:02d}-{(n - 1) % 5 + 1:02d}T08:00\n"
                                 f"Author: Biên tập\n\nChủ tịch UBND tỉnh tặng Bằng khen cho phòng Tổng hợp, "
                                 f"Văn phòng Tỉnh ủy (đợt {n}).\n"
        for n in range(1, count + 1)
    }
