"""Corrections, withdrawals and revoked honours, as readers must see them (never a silent edit).

Metadata an editor writes:
    Modified: 2026-02-03T09:00      the time of the change
    Correction: <note>              shown as "Cập nhật … Ghi chú sửa đổi: <note>"
    Status: withdrawn               the page stays with a notice; lists, feeds, search and the roll drop it
    Reason: <why>                   shown in the notice ("Lý do")
    Revoked: <award>[ – <recipient>]; …   honours of this article revoked (Luật Thi đua, khen thưởng 2022, ch. VII)
Plain Python; the Pelican glue is plugins/newsroom_pages/corrections.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsroom.core.registry import award_keys
from newsroom.problems import error
from newsroom.core.text import normalise

WITHDRAWN = "withdrawn"
# "Huân chương Lao động hạng Ba – bà Nguyễn Thị Minh": an en or em dash, or a hyphen with spaces around it.
_RECIPIENT_SEPARATOR = re.compile(r"\s+[–—-]\s+")


@dataclass(frozen=True)
class Revocation:
    award: str  # normalised award name or alias
    recipient: str  # normalised recipient text, "" for every honour of the award in the article
    text: str  # as the editor wrote it


def withdraw(content) -> None:
    """Status: withdrawn -> Pelican's hidden: the page is written, never listed."""
    if getattr(content, "status", "") == WITHDRAWN:
        content.withdrawn = True
        content.status = "hidden"


def revocations(value: str) -> list[Revocation]:
    found = []
    for part in (value or "").split(";"):
        if not part.strip():
            continue
        award, *recipient = _RECIPIENT_SEPARATOR.split(part.strip(), maxsplit=1)
        found.append(Revocation(normalise(award), normalise(recipient[0]) if recipient else "", part.strip()))
    return found


def mark_revoked(articles) -> list[tuple[object, Revocation]]:
    """Mark each conferment an article's `Revoked:` names; return revocations that named none."""
    unmatched = []
    for article in articles:
        conferments = getattr(article, "honours", None) or []
        for conferment in conferments:
            conferment.revoked = getattr(conferment, "revoked", False)
        for revocation in revocations(article.metadata.get("revoked", "")):
            matched = [c for c in conferments if _names(c, revocation)]
            for conferment in matched:
                conferment.revoked = True
            if not matched:
                unmatched.append((article, revocation))
    return unmatched


def metadata_line(path: str, key: str) -> int:
    """The line of `Key:` in an article's metadata block, for messages; 1 when not found."""
    try:
        with open(path, encoding="utf-8") as source:
            for number, line in enumerate(source, 1):
                if line.lower().startswith(key.lower() + ":"):
                    return number
    except OSError:
        pass
    return 1


def _names(conferment, revocation: Revocation) -> bool:
    if revocation.award not in award_keys(conferment.award.award):
        return False
    if not revocation.recipient:
        return True
    described = " ".join(filter(None, [conferment.recipient, conferment.role, conferment.unit.full_name if conferment.unit else None]))
    return revocation.recipient in normalise(described) or normalise(conferment.recipient) in revocation.recipient


def check_corrections(source) -> list:
    """What `newsroom check` says of an article's corrections, withdrawal and revocations (its MarkdownSource)."""
    problems = []
    status, reason = source.metadata.get("status"), source.get("reason").strip()
    if status is not None and status.value.lower() == WITHDRAWN and not reason:
        problems.append(error(source.path, status.line, "bài đã gỡ cần dòng \"Reason:\" nêu lý do",
                              'a withdrawn article needs a "Reason:" line saying why'))
    correction = source.metadata.get("correction")
    if correction is not None and correction.value and "modified" not in source.metadata:
        problems.append(error(source.path, correction.line, 'ghi chú sửa đổi cần dòng "Modified:" ghi thời điểm sửa',
                              'a correction note needs a "Modified:" line with the time of the change'))
    return problems


def check_revocations(source, honours) -> list:
    """`Revoked:` entries that name none of the honours recognised in the article."""
    field = source.metadata.get("revoked")
    if field is None:
        return []
    problems = []
    for revocation in revocations(field.value):
        if not any(_names_honour(honour, revocation) for honour in honours):
            problems.append(error(source.path, field.line,
                                  f'"Revoked: {revocation.text}" không khớp lượt khen thưởng nào trong bài',
                                  f'"Revoked: {revocation.text}" names no honour of this article'))
    return problems


def _names_honour(honour, revocation: Revocation) -> bool:
    if revocation.award not in award_keys(honour.award):
        return False
    if not revocation.recipient:
        return True
    described = " ".join(filter(None, [honour.recipient, getattr(honour, "role", None), honour.unit.name if honour.unit else None]))
    return revocation.recipient in normalise(described) or normalise(honour.recipient) in revocation.recipient
