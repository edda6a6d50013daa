"""`newsroom extract`: list the units, awards and honours recognised in articles.

Markdown articles (.md) are read exactly as the build reads them (the one
cached analysis, with their Title/Units/Awards/Exclude metadata); any other
file is read as raw text (the seeds' format, with or without its `date`
line). With --json, one object per file for scripts.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from newsroom.checks.site import current_analyser
from newsroom.commands.options import add_content_argument, add_settings_argument, command_settings
from newsroom.core.recognition import Recognition, Recogniser
from newsroom.core.registry import Registry
from newsroom.core.source import SourceError, parse_raw


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="bài viết (.md hoặc văn bản thô) / articles (.md or raw text)")
    parser.add_argument("--json", action="store_true", help="xuất JSON / print JSON")
    add_content_argument(parser)
    add_settings_argument(parser)


def run(args: argparse.Namespace) -> int:
    settings = command_settings(args, required=False)
    if settings is None:
        return 1
    analyser = current_analyser(settings)  # the registry of REGISTRY_DIR, read once, and the build's reading of Markdown
    if analyser.registry is None:
        print("\n".join(map(str, analyser.registry_problems)), file=sys.stderr)
        return 1
    registry = analyser.registry
    paths = [Path(name) for name in args.files]
    analyses = analyser.analyse_files([p for p in paths if p.suffix.lower() == ".md" and p.is_file()])[0]
    results, failed = [], False
    for name, path in zip(args.files, paths):
        try:
            analysis = analyses.get(path)
            results.append((name, analysis.recognition if analysis else recognise_file(analyser.recogniser, path)))
        except SourceError as failure:
            print(failure, file=sys.stderr)
            failed = True
    if args.json:
        print(json.dumps([as_json(name, recognition, registry) for name, recognition in results], ensure_ascii=False, indent=2))
    elif results:
        print("\n\n".join(as_listing(name, recognition, registry) for name, recognition in results))
    return 1 if failed else 0


def recognise_file(recogniser: Recogniser, path: Path) -> Recognition:
    """A raw-text article (Markdown ones come from the build's analysis; an unreadable one fails here too)."""
    if path.exists() and not path.is_file():  # /dev/zero, a pipe, a folder: never read (a device never ends)
        raise SourceError(path, 1, "không phải tệp bài viết thường (thiết bị, ống hay thư mục)", "not a regular file (a device, pipe or folder)")
    if not path.is_file():
        raise SourceError(path, 1, "không tìm thấy tệp", "file not found")
    article = parse_raw(path)
    return recogniser.recognise(article.title, article.body_text)


def as_json(name: str, recognition: Recognition, registry: Registry) -> dict:
    def parent_name(unit):
        parent = registry.units.get(unit.parent) if unit.parent else None
        return parent.name if parent else None

    return {
        "file": name,
        "units": [{"name": name, "slug": u.slug, "parent": parent_name(u), "registered": True}
                  for u in recognition.units for name in recognition.written_names.get(u.slug, [u.name])]
        + [{"name": c.text, "slug": None, "parent": None, "registered": False}
           for c in recognition.unregistered if c.kind == "unit"],
        "awards": [{"name": a.name, "slug": a.slug, "kind": a.kind, "registered": True} for a in recognition.awards]
        + [{"name": c.text, "slug": None, "kind": None, "registered": False}
           for c in recognition.unregistered if c.kind == "award" and c.named],
        # This article's honours; what it says was received before ("earlier") is listed apart, as on the site.
        "honours": [honour_json(h) for h in recognition.honours if h.status != "earlier"],
        "earlier": [honour_json(h) for h in recognition.honours if h.status == "earlier"],
        "unregistered": [{"kind": c.kind, "text": c.text} for c in recognition.unregistered],
    }


def honour_json(h) -> dict:
    return {"award": h.award.name, "recipient": h.recipient, "unit": h.unit.name if h.unit else None, "count": h.count,
            "status": h.status, "recipient_kind": h.recipient_kind,
            "decision": asdict(h.decision) if h.decision else None, "uncertain": h.uncertain}


def as_listing(name: str, recognition: Recognition, registry: Registry) -> str:
    lines = [name]

    def section(title: str, rows: list[str]) -> None:
        lines.append(f"  {title}:" + ("" if rows else " —"))
        lines.extend(f"    - {row}" for row in rows)

    def unit_label(unit) -> str:
        parent = registry.units.get(unit.parent) if unit.parent else None
        return f"{unit.name}, {parent.name}" if parent and unit.kind == "division" else unit.name

    section("Đơn vị / Units", [f"{unit_label(u)} ({u.slug})" for u in recognition.units])
    section("Khen thưởng / Awards", [f"{a.name} ({a.slug})" for a in recognition.awards])
    rows = []
    statuses = {"proposed": " [đề nghị / proposed]", "posthumous": " [truy tặng / posthumous]",
                "earlier": " [đã nhận trước đây / earlier]"}
    for h in recognition.honours:
        who = f"{h.count} {h.recipient}" if h.count is not None else h.recipient
        if h.recipient_kind != "unit" and h.unit is not None:
            who += f" ({unit_label(h.unit)})"
        if h.role:
            who += f", {h.role}"
        row = f"{h.award.name} → {who}{statuses.get(h.status, '')}"
        if h.decision:
            row += f" — QĐ {h.decision.number or ''} {h.decision.date or ''}".rstrip()
        if h.uncertain:
            row += " [chưa chắc / uncertain]"
        rows.append(row)
    section("Khen thưởng cho / Honours", rows)
    kinds = {"unit": "đơn vị / unit", "award": "khen thưởng / award"}
    section("Chưa có trong danh mục / Not in the registry", [f"{kinds[c.kind]}: {c.text}" for c in recognition.unregistered])
    if recognition.unknown_metadata:
        section("Metadata không có trong danh mục / Unknown metadata", recognition.unknown_metadata)
    return "\n".join(lines)
