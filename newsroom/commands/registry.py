"""`newsroom registry suggest [--add NAME…]`: organisations the articles name that the registry lacks.

Every article under the content folder (Markdown, or raw text as `newsroom
extract` reads it) is recognised once. Each unregistered organisation is
listed with how many articles name it and which, a proposed slug and a
proposed parent (the registered unit written right after it, "Phòng X, Sở Y").
`--add` appends the chosen ones to units.yml as new entries at its end, so the
editors' comments and order stay as they were; `newsroom check` then accepts them.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsroom.commands.extract import recognise_file
from newsroom.commands.options import add_content_argument, add_settings_argument, command_settings
from newsroom.core.recognition import Recogniser
from newsroom.core.registry import Registry, RegistryError
from newsroom.core.source import SourceError
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
            recognition = recognise_file(recogniser, path)
        except SourceError as failure:
            skipped = failure.problem
            print(warning(skipped.path, skipped.line, f"bỏ qua: {skipped.vietnamese}", f"skipped: {skipped.english}"), file=sys.stderr)
            continue
        for candidate in recognition.unregistered:
            if candidate.kind != "unit":
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
        lines = [f"- slug: {item.slug}", f"  name: {json.dumps(item.name, ensure_ascii=False)}"]
        if item.kind:
            lines.append(f"  kind: {item.kind}")
        if item.parent and item.parent in registry.units:
            lines.append(f"  parent: {item.parent}")
        lines.append(f"  description: {json.dumps('Thêm từ gợi ý của newsroom registry suggest.', ensure_ascii=False)}")
        blocks.append("\n".join(lines))
    separator = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    units_file.parent.mkdir(parents=True, exist_ok=True)
    with units_file.open("a", encoding="utf-8") as handle:
        handle.write(separator + "\n\n".join(blocks) + "\n")
    for item in chosen:
        print(f"{units_file}: đã thêm / added {item.slug} ({item.name})")
    return 0
