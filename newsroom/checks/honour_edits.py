"""What `check` says of an article's `Honours:` line and of the honours the recogniser was unsure of.

An entry that cannot be read, names an unregistered award or names no honour
of the article is an error at the line (the build would otherwise publish
what the editor meant to correct). An honour the text allows two readings of
is a warning at its sentence: it is not published until the editor confirms
it with "+ <award> – <recipient>" on the `Honours:` line.
"""

from __future__ import annotations

from newsroom.core.honour_edits import KEY, REMOVE, apply_edits, is_uncertain, read_edits
from newsroom.core.source import MarkdownSource

from newsroom.problems import Problem, error, warning


def check_honour_edits(source: MarkdownSource, registry, recognition) -> list[Problem]:
    problems = []
    recognised = recognition.read_honours
    field = source.metadata.get(KEY)
    if field is not None:
        edits, unreadable = read_edits(field.value, registry)
        problems += [error(source.path, field.line, p.vietnamese, p.english) for p in unreadable]
        if recognised is not None:
            _, unmatched = apply_edits(recognised, edits, registry)
            for edit in unmatched:
                what_vi = "bỏ" if edit.action == REMOVE else "sửa trạng thái"
                what_en = "remove" if edit.action == REMOVE else "correct"
                problems.append(error(
                    source.path, field.line,
                    f'"{edit.text}": không có lượt khen thưởng nào như vậy trong bài để {what_vi}',
                    f'"{edit.text}": the article has no such honour to {what_en}'))
    for honour in recognition.honours:
        if is_uncertain(honour):
            problems.append(warning(
                source.path, sentence_line(source, honour.sentence),
                f'chưa chắc "{honour.award.name}" là của "{honour.recipient}" (câu này hiểu được hai cách) nên chưa đăng; '
                f'nếu đúng, thêm vào dòng Honours: "+ {honour.award.name} – {honour.recipient}"',
                f'unsure that "{honour.award.name}" went to "{honour.recipient}" (the sentence reads two ways), so it is '
                f'not published; if right, add to the Honours: line "+ {honour.award.name} – {honour.recipient}"'))
    return problems


def sentence_line(source: MarkdownSource, sentence: str) -> int:
    """The line of the body where a recognised sentence starts (its first words as written), else the body's first."""
    words = " ".join((sentence or "").split()[:6])
    if words:
        for number, line in enumerate(source.text.split("\n")[source.body_line - 1:], start=source.body_line):
            if words in " ".join(line.split()):
                return number
    return source.body_line
