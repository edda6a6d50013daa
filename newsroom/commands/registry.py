"""`newsroom registry suggest [--add NAME…]`: organisations the articles name that the registry lacks.

Every article under the content folder (Markdown, or raw text as `newsroom
extract` reads it) is recognised once. Each unregistered organisation is
listed with how many articles name it and which, a proposed slug and a
proposed parent (the registered unit written right after it, "Phòng X, Sở Y").
Only whole names are offered: a registered name misspelt ("Sở Nôi vụ") is no new
organisation (`check` asks "did you mean"), and a name the recogniser had to cut
mid-phrase ("Ban Quản lý dự án đầu" before "tư") is no name at all.
`--add` appends the chosen ones to units.yml as new entries at its end, so the
editors' comments and order stay as they were; `newsroom check` then accepts them.
What the tool knows (how many articles named it) goes in a YAML comment: the
site never shows it.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsroom.commands.options import add_content_argument, add_settings_argument, command_settings
from newsroom.core.candidates import PLACE_LEVELS, STOP, STOP_UNLESS_FOLLOWED
from newsroom.core.recognition import Recogniser
from newsroom.core.registry import Registry, RegistryError
from newsroom.core.source import SourceError, parse_raw
from newsroom.core.text import normalise, slugify
from newsroom.problems import warning
from newsroom.settings import Settings, portal

ARTICLE_SUFFIXES = {".md", ".txt"}
# The kind of a unit by the head of its name; other heads are left for the editor to fill in.
KINDS_BY_HEAD = {
    "sở": "department", "phòng": "division", "trung tâm": "centre", "văn phòng": "office",
    "ủy ban nhân dân": "people_committee", "hội đồng nhân dân": "people_council", "đảng ủy": "party_committee",
    "huyện ủy": "party_committee", "thị ủy": "party_committee", "thành ủy": "party_committee",
    "hội đồng": "council", "ủy ban mặt trận tổ quốc": "front",
}


@dataclass
class Suggestion:
    name: str
    articles: list[str] = field(default_factory=list)
    parents: Counter = field(default_factory=Counter)
    slug: str = ""

    @property
    def parent(self) -> str | None:
        return self.parents.most_common(1)[0][0] if self.parents else None

    @property
    def kind(self) -> str | None:
        key = normalise(self.name)
        return next((kind for head, kind in sorted(KINDS_BY_HEAD.items(), key=lambda item: -len(item[0]))
                     if key == head or key.startswith(head + " ")), None)


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    suggest = sub.add_parser("suggest", help="đơn vị bài viết nêu mà danh mục chưa có / organisations not in the registry",
                             description="đơn vị bài viết nêu mà danh mục chưa có / organisations not in the registry")
    add_content_argument(suggest)
    add_settings_argument(suggest)
    suggest.add_argument("--add", nargs="+", metavar="NAME", default=[],
                         help="thêm các đơn vị này vào units.yml / append these to units.yml")
    suggest.add_argument("--json", action="store_true", help="xuất JSON / print JSON")


def run(args) -> int:
    settings = command_settings(args, required=False)
    if settings is None:
        return 1
    found = portal(settings)
    units_file = found.registry / "units.yml"
    try:
        registry = Registry.load(found.registry)
    except RegistryError as failure:
        print(failure, file=sys.stderr)
        return 1
    suggestions = suggest(args.content, registry, found)
    if args.add:
        return add(units_file, registry, suggestions, args.add)
    if args.json:
        print(json.dumps([{"name": s.name, "slug": s.slug, "parent": s.parent, "kind": s.kind,
                           "count": len(s.articles), "articles": s.articles} for s in suggestions],
                         ensure_ascii=False, indent=2))
        return 0
    for item in suggestions:
        parent = item.parent or "—"
        print(f"{item.name}  ({len(item.articles)} bài / articles)")
        print(f"    slug: {item.slug}   parent: {parent}   kind: {item.kind or '—'}")
        for article in item.articles:
            print(f"    - {article}")
    print(f"{len(suggestions)} đơn vị chưa có trong danh mục / unregistered organisations")
    return 0


def article_paths(content: Path, registry: Path) -> list[Path]:
    registry = registry.resolve()
    return sorted(p for p in content.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                  and registry not in p.resolve().parents)


def suggest(content: Path, registry: Registry, settings: Settings) -> list[Suggestion]:
    recogniser = Recogniser(registry)
    found: dict[str, Suggestion] = {}
    for path in article_paths(content, settings.registry):
        try:
            article = parse_raw(path)
        except SourceError as failure:
            skipped = failure.problem
            print(warning(skipped.path, skipped.line, f"bỏ qua: {skipped.vietnamese}", f"skipped: {skipped.english}"), file=sys.stderr)
            continue
        recognition = recogniser.recognise(article.title, article.body_text)
        text = article.title + "\n\n" + article.body_text
        for candidate in recognition.unregistered:  # (misspelt registered names are not among them)
            if candidate.kind != "unit" or cut_mid_phrase(candidate.text, text):
                continue
            item = found.setdefault(normalise(candidate.text), Suggestion(candidate.text))
            name = str(path.relative_to(content))
            if name not in item.articles:
                item.articles.append(name)
            if candidate.parent:
                item.parents[candidate.parent] += 1
    taken = set(registry.units) | {slug for unit in registry.units.values() for slug in unit.former_slugs}
    ordered = sorted(found.values(), key=lambda s: (-len(s.articles), s.name))
    for item in ordered:
        base = slugify(item.name) or "co-quan"
        slug, number = base, 2
        while slug in taken or settings.addresses.reserved(slug):  # a unit's page must not take an address the portal owns
            slug, number = f"{base}-{number}", number + 1
        item.slug = slug
        taken.add(slug)
    return ordered


# After a name, these words end it; "và" and "của" end it before another name ("Sở Nội vụ và Sở Y tế").
_ENDS_A_NAME = STOP | PLACE_LEVELS | frozenset(STOP_UNLESS_FOLLOWED)
_JOINING = frozenset(("và", "của"))
_NEXT_WORDS = re.compile(r"[ \t]+(\w+)(?:[ \t]+(\w+))?")


def cut_mid_phrase(name: str, text: str) -> bool:
    """Whether every time the article writes `name` a phrase goes on after it: "Ban Quản lý dự án đầu" + "tư",
    "… dân dụng" + "và công nghiệp". A recogniser that stops at a length limit makes such names."""
    words = name.split()
    if not words or not words[-1].islower():
        return False  # a name ending in a capital or a number ended where its proper name did
    first = re.escape(words[0][0])
    pattern = rf"(?<!\w)(?i:{first}){re.escape(words[0][1:])}" + "".join(rf"\s+{re.escape(w)}" for w in words[1:])
    ends = [match.end() for match in re.finditer(pattern + r"(?!\w)", text)]
    return bool(ends) and all(_goes_on(text, end) for end in ends)


def _goes_on(text: str, end: int) -> bool:
    following = _NEXT_WORDS.match(text, end)
    if following is None:
        return False  # punctuation or the end of a line: the name ended
    word, after = following[1], following[2]
    if not word.islower():
        return False  # a capital starts something else (a person, another name)
    if word in _JOINING:
        return after is not None and after.islower()  # "và công nghiệp" goes on; "và Sở Y tế" is another name
    return word not in _ENDS_A_NAME


def add(units_file: Path, registry: Registry, suggestions: list[Suggestion], names: list[str]) -> int:
    by_name = {normalise(s.name): s for s in suggestions}
    chosen, missing = [], []
    for name in names:
        item = by_name.get(normalise(name))
        (chosen if item is not None else missing).append(item or name)
    for name in missing:
        print(f'{units_file}: lỗi: "{name}" không có trong danh sách gợi ý / error: "{name}" is not among the suggestions',
              file=sys.stderr)
    if missing:
        return 1
    text = units_file.read_text(encoding="utf-8") if units_file.exists() else ""
    blocks = []
    for item in chosen:
        named = f"{len(item.articles)} bài, ví dụ {item.articles[0]}" if item.articles else "0 bài"
        lines = [f"# Thêm bằng `newsroom registry suggest` ({named}); hãy kiểm tra tên, loại và đơn vị cấp trên.",
                 f"- slug: {item.slug}", f"  name: {json.dumps(item.name, ensure_ascii=False)}"]
        if item.kind:
            lines.append(f"  kind: {item.kind}")
        if item.parent and item.parent in registry.units:
            lines.append(f"  parent: {item.parent}")
        blocks.append("\n".join(lines))
    separator = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    units_file.parent.mkdir(parents=True, exist_ok=True)
    with units_file.open("a", encoding="utf-8") as handle:
        handle.write(separator + "\n\n".join(blocks) + "\n")
    for item in chosen:
        print(f"{units_file}: đã thêm / added {item.slug} ({item.name})")
    return 0
