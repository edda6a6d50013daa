"""The editor's word on an article's honours: one `Honours:` metadata line, applied after recognition.

    Honours: - Bằng khen của Chủ tịch UBND tỉnh – Sở Nội vụ; + Huân chương Lao động hạng Ba – Nguyễn Văn A (đề nghị)

Entries are separated by ";". Each is an award, optionally " – " and who
received it, optionally a status in brackets:
    - <award>[ – <recipient>]            remove the honours the recogniser read (a misreading)
    + <award> – <recipient>[ (status)]   add one it missed, or confirm one it was unsure of
    <award>[ – <recipient>] (status)     correct the status of the honours it read
Statuses: "tặng" (conferred), "đề nghị" (proposed), "truy tặng" (posthumous).
The recipient matches when it is part of what the article says of the honour
(name, position, unit), as in `Revoked:`. Plain Python: no Pelican.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from newsroom.core.honours import Honour
from newsroom.core.registry import Award, Registry, award_keys
from newsroom.core.text import normalise

KEY = "honours"
REMOVE, ADD, STATUS = "remove", "add", "status"
# What an editor writes in brackets -> the status honours carry. English words too, as `extract --json` prints them.
STATUS_WORDS = {
    "tặng": "conferred", "trao tặng": "conferred", "đã tặng": "conferred", "tặng thưởng": "conferred",
    "đề nghị": "proposed", "đề nghị tặng": "proposed",
    "truy tặng": "posthumous",
    "conferred": "conferred", "proposed": "proposed", "posthumous": "posthumous",
}
STATUS_LABELS = {"conferred": "tặng", "proposed": "đề nghị (chưa tính vào bảng khen thưởng)", "posthumous": "truy tặng",
                 "earlier": "khen thưởng trước đây (không tính là của bài này)"}
# "Huân chương Lao động hạng Ba – bà Nguyễn Thị Minh": an en or em dash, or a hyphen with spaces around it.
_RECIPIENT_SEPARATOR = re.compile(r"\s+[–—-]\s+")
_SIGN = re.compile(r"^(?P<sign>[+\-−–])\s*")
_STATUS = re.compile(r"\s*\((?P<status>[^()]*)\)\s*$")


@dataclass(frozen=True)
class HonourEdit:
    action: str  # REMOVE | ADD | STATUS
    award: Award
    recipient: str  # as written; "" for every honour of the award in the article
    status: str | None  # conferred | proposed | posthumous, when the entry gives one
    text: str  # the entry as written, for messages and as the "sentence" of an added honour


@dataclass(frozen=True)
class EditProblem:
    """An entry the line cannot be read by (an error at the line of `Honours:`)."""

    text: str
    vietnamese: str
    english: str


def read_edits(value: str, registry: Registry) -> tuple[list[HonourEdit], list[EditProblem]]:
    edits, problems = [], []
    for entry in (value or "").split(";"):
        entry = " ".join(entry.split())
        if not entry:
            continue
        edit = _read_entry(entry, registry)
        (problems if isinstance(edit, EditProblem) else edits).append(edit)
    return edits, problems


def _read_entry(entry: str, registry: Registry) -> HonourEdit | EditProblem:
    sign = _SIGN.match(entry)
    rest = entry[sign.end():] if sign else entry
    action = {"+": ADD, None: STATUS}.get(sign["sign"] if sign else None, REMOVE)
    status = None
    bracket = _STATUS.search(rest)
    if bracket:
        word = normalise(bracket["status"])
        status = next((code for name, code in STATUS_WORDS.items() if normalise(name) == word), None)
        if status is None:
            return EditProblem(entry, f'trạng thái "{bracket["status"]}" trong "{entry}" không rõ; dùng (tặng), (đề nghị) '
                                      f'hoặc (truy tặng)',
                               f'unknown status "{bracket["status"]}" in "{entry}"; use (tặng), (đề nghị) or (truy tặng)')
        rest = rest[:bracket.start()]
    award_text, *recipient = _RECIPIENT_SEPARATOR.split(rest.strip(), maxsplit=1)
    recipient_text = recipient[0].strip() if recipient else ""
    if not award_text.strip():
        return _malformed(entry)
    award = registry.find_award(award_text)
    if award is None:
        return EditProblem(entry, f'khen thưởng "{award_text}" trong "{entry}" không có trong danh mục '
                                  f'(content/registry/awards.yml)',
                           f'award "{award_text}" in "{entry}" is not registered (content/registry/awards.yml)')
    if action == ADD and not recipient_text:
        return EditProblem(entry, f'"{entry}": thêm khen thưởng cần ghi người hoặc đơn vị nhận, dạng '
                                  f'"+ {award_text} – <người/đơn vị nhận>"',
                           f'"{entry}": an added honour needs who received it, as "+ {award_text} – <recipient>"')
    if action == STATUS and status is None:
        return _malformed(entry)
    if action == REMOVE and status is not None:
        return _malformed(entry)
    return HonourEdit(action, award, recipient_text, status, entry)


def _malformed(entry: str) -> EditProblem:
    return EditProblem(
        entry,
        f'không hiểu "{entry}"; viết "- <khen thưởng> – <người nhận>" để bỏ, "+ <khen thưởng> – <người nhận> (đề nghị)" '
        f'để thêm, "<khen thưởng> – <người nhận> (tặng)" để sửa trạng thái',
        f'cannot read "{entry}"; write "- <award> – <recipient>" to remove, "+ <award> – <recipient> (đề nghị)" '
        f'to add, "<award> – <recipient> (tặng)" to correct the status',
    )


def names(honour: Honour, award: Award, recipient: str) -> bool:
    """Whether an entry naming `award` and `recipient` ("" for any) means `honour`."""
    if not (award_keys(award) & award_keys(honour.award)) and award.slug != honour.award.slug:
        return False
    if not recipient:
        return True
    wanted = normalise(recipient)
    described = normalise(" ".join(filter(None, [honour.recipient, honour.role, honour.unit.name if honour.unit else None])))
    return wanted in described or (bool(honour.recipient) and normalise(honour.recipient) in wanted)


def apply_edits(honours: list[Honour], edits: list[HonourEdit], registry: Registry) -> tuple[list[Honour], list[HonourEdit]]:
    """The honours after the editor's entries, and the entries that named none of them (remove, status)."""
    result = list(honours)
    unmatched = []
    for edit in edits:
        matched = [i for i, honour in enumerate(result) if names(honour, edit.award, edit.recipient)]
        if edit.action == REMOVE:
            result = [h for i, h in enumerate(result) if i not in matched]
        elif edit.action == STATUS or (edit.action == ADD and matched):
            for i in matched:  # a status set, or an honour the recogniser was unsure of confirmed
                result[i] = confirmed(result[i], edit.status or result[i].status)
        else:
            result.append(_added(edit, registry))
        if not matched and edit.action != ADD:
            unmatched.append(edit)
    return result, unmatched


def confirmed(honour: Honour, status: str) -> Honour:
    changes = {"status": status}
    if hasattr(honour, "uncertain"):  # the recogniser marks what it could read two ways (newsroom.core.honours)
        changes["uncertain"] = False
    return dataclasses.replace(honour, **changes)


def _added(edit: HonourEdit, registry: Registry) -> Honour:
    units = registry.find_units(edit.recipient)
    unit = units[0] if len(units) == 1 else None
    return Honour(edit.award, unit.name if unit else edit.recipient, "unit" if unit else "person", unit, None, None,
                  None, f"Honours: {edit.text}", edit.status or "conferred", None)


def is_uncertain(honour) -> bool:
    return bool(getattr(honour, "uncertain", False))


def edit_recognition(recognition, value: str, registry: Registry) -> None:
    """Apply an article's `Honours:` line to its recognition: honours, and the awards and units they name."""
    edits, _ = read_edits(value, registry)
    if not edits:
        return
    recognition.read_honours = list(recognition.honours)
    recognition.honours, _ = apply_edits(recognition.honours, edits, registry)
    for honour in recognition.honours:
        if honour.award.registered and honour.award not in recognition.awards:
            recognition.awards.append(honour.award)
        if honour.unit is not None and honour.unit.registered and honour.unit not in recognition.units:
            recognition.units.append(honour.unit)
