"""Realistic synthetic sites for the benchmarks: news items naming units and awards, with photos.

The same articles are written twice: for the portal (units and awards found in
the text) and for plain Pelican 4.12 (the same names as tags, default theme).
"""

from __future__ import annotations

import datetime
import random
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PLAIN_SETTINGS = '''AUTHOR = "Biên tập"
SITENAME = "Cổng thông tin"
SITEURL = ""
PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
DEFAULT_PAGINATION = 10
'''


def _names(file: str) -> list[str]:
    entries = yaml.safe_load((ROOT / "content/registry" / file).read_text(encoding="utf-8"))
    entries = entries.get("units") or entries.get("awards") if isinstance(entries, dict) else entries
    return [e["name"] for e in entries if isinstance(e, dict) and e.get("name") and not e.get("parent")]


def _paragraphs() -> list[str]:
    paragraphs = []
    for seed in sorted((ROOT / "content/articles").rglob("*.md")):
        body = seed.read_text(encoding="utf-8").split("\n\n", 1)[1]
        paragraphs += [p for p in body.split("\n\n") if p.strip() and not p.startswith("![")]
    return paragraphs


def articles(count: int, seed: int = 2026):
    """(relative path, title, date, body, names) of `count` articles, the same for every call."""
    rng = random.Random(seed)
    units, awards, paragraphs = _names("units.yml"), _names("awards.yml"), _paragraphs()
    photos = sorted(p.name for p in (ROOT / "content/images/2026/01").glob("*.jpg"))
    start = datetime.datetime(2016, 1, 1, 8, 0)
    for number in range(count):
        date = start + datetime.timedelta(hours=7 * number + rng.randrange(6))
        unit, other, award = rng.choice(units), rng.choice(units), rng.choice(awards)
        photo = rng.choice(photos)
        body = [
            f"Ngày {date.day}/{date.month}, {unit} tổ chức hội nghị sơ kết công tác, có sự tham dự của đại diện {other}.",
            f"![Ảnh hội nghị của {unit}]({{static}}/images/2026/01/{photo} \"Quang cảnh hội nghị của {unit}.\")",
            *rng.sample(paragraphs, 3),
            f"Dịp này, {rng.randrange(2, 30)} cá nhân thuộc {unit} được tặng {award}.",
        ]
        yield (f"articles/{date:%Y/%m}/tin-{number:05d}.md", f"{unit}: hội nghị số {number}", date,
               "\n\n".join(body) + "\n", [unit, other, award])


def make_site(count: int, folder: Path, plain: bool = False) -> Path:
    """A project folder: the portal's (a copy of this project's site files) or plain Pelican's."""
    folder.mkdir(parents=True, exist_ok=True)
    content = folder / "content"
    if plain:
        (folder / "pelicanconf.py").write_text(PLAIN_SETTINGS, encoding="utf-8")
        shutil.copytree(ROOT / "content/images", content / "images")
        shutil.copytree(ROOT / "content/pages", content / "pages")
        shutil.copytree(ROOT / "content/articles", content / "articles")
    else:
        for name in ("theme", "plugins"):
            shutil.copytree(ROOT / name, folder / name)
        shutil.copy(ROOT / "pelicanconf.py", folder / "pelicanconf.py")
        shutil.copytree(ROOT / "content", content)
    for relative, title, date, body, names in articles(count):
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        extra = f"Tags: {'; '.join(names)}\n" if plain else ""
        path.write_text(f"Title: {title}\nDate: {date:%Y-%m-%dT%H:%M}\nAuthor: Biên tập\n{extra}\n{body}", encoding="utf-8")
    return folder
