"""Award and unit phrases the registry does not name exactly.

"Bằng khen" without its authority is resolved from the sentence ("Chủ tịch
UBND tỉnh tặng bằng khen"). "Phòng X", "Sở X", "Trung tâm X", "Ban X",
"Bằng khen của X", "Huân chương X" that are not registered become candidates
for the editors, never invented units or awards. Capitalisation delimits a
name: "các phòng, đơn vị" is no candidate, "Phòng Tông hợp" is.
"""

from __future__ import annotations

from newsroom.core.matching import Match, Sentence, scan_authorities

UNIT_HEADS = {("phòng",), ("sở",), ("trung", "tâm"), ("ban",), ("chi", "cục")}
# Award heads; the bare ones are resolved from an authority in the sentence.
AWARD_HEADS = {("bằng", "khen"), ("cờ", "thi", "đua"), ("huân", "chương"), ("huy", "chương"), ("giải", "thưởng"), ("kỷ", "niệm", "chương")}
BARE_HEADS = {("bằng", "khen"), ("cờ", "thi", "đua")}
LOWER_NAME_HEADS = {("huân", "chương"), ("huy", "chương")}  # "Huân chương lao động"
# Words that end a name when written in lower case (verbs, prepositions).
STOP = frozenset(
    "cho tặng trao và vì do đã đang sẽ được bị có là năm tại trong về với của các những đạt nhằm để theo từ đến "
    "phát tổ tham thực triển chủ báo đề nhận đón ký tiếp làm cần phải hoàn cùng khi sau trước này đó đây như thì "
    "mà nên vào ra lên gồm thuộc trực chúc yêu nêu đánh ghi biểu quyết đồng lần đợt".split()
)
SURNAMES = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh lương trịnh đào mai cao lâm hà tạ "
    "chu kiều quách đoàn vương thái triệu phùng tô lại la hứa tống lò lưu mạc khổng nông ma giang vi hoàng".split()
)
# "Ban Giám đốc", "Ban Tổ chức hội thi": boards of a meeting, not units.
NOT_UNIT_AFTER_BAN = {"giám", "lãnh", "chấp", "tổ", "chỉ", "biên", "thường", "cán", "giám khảo"}
ROLE_PREFIXES = frozenset("trưởng phó chánh giám đốc chủ tịch nhiệm bí thư".split())
MAX_NAME = 10
# After "và", these start another name rather than continue this one.
NEW_NAME_WORDS = frozenset("phòng sở trung ban chi văn ông bà đồng huân huy bằng giấy cờ".split())


HEAD_WORDS = frozenset(head[0] for head in UNIT_HEADS | AWARD_HEADS)


def _head(sentence: Sentence, index: int, heads: set[tuple[str, ...]]) -> int:
    tokens = sentence.tokens
    if tokens[index].norm not in HEAD_WORDS:  # the common case, checked in O(1)
        return 0
    for head in heads:
        if tuple(t.norm for t in tokens[index : index + len(head)]) == head:
            return len(head)
    return 0


def name_end(sentence: Sentence, start: int, blocked: list[bool], lower_start: bool = False) -> int:
    """End of the name written from `start`: capitalised words, a few lower-case ones, "và" before a capital."""
    tokens, caps = sentence.tokens, sentence.all_caps
    if start >= len(tokens) or blocked[start] or not tokens[start].is_word:
        return start
    if not (lower_start or tokens[start].is_capitalised) or _stops(tokens[start], caps):
        return start
    end, lower = start, 0
    while end < len(tokens) and end - start < MAX_NAME and not blocked[end] and tokens[end].is_word:
        token = tokens[end]
        if _stops(token, caps):
            following = tokens[end + 1] if end + 1 < len(tokens) else None
            if (token.norm == "và" and following is not None and following.is_capitalised and not caps
                    and following.norm not in NEW_NAME_WORDS):
                end, lower = end + 1, 0
                continue
            break
        lower = 0 if token.is_capitalised else lower + 1
        if lower > 5:
            break
        end += 1
    return end


def _stops(token, caps: bool) -> bool:
    return token.norm in STOP and (caps or not token.is_capitalised)


def find_heads(sentence: Sentence, matches: list[Match], authorities: dict) -> tuple[list[Match], list[tuple[str, str]]]:
    """Bare award heads resolved to awards, and unregistered (kind, text) candidates."""
    tokens = sentence.tokens
    covered = [False] * len(tokens)
    awarded = [False] * len(tokens)
    for match in matches:
        for index in range(match.first, match.last):
            covered[index] = True
            awarded[index] = match.kind == "award"
    resolved: list[Match] = []
    candidates: list[tuple[str, str]] = []
    index = 0
    while index < len(tokens):
        if covered[index] or not tokens[index].is_word:
            index += 1
            continue
        length = _head(sentence, index, AWARD_HEADS)
        if length:
            index = _award_head(sentence, index, length, matches, covered, awarded, authorities, resolved, candidates)
            continue
        length = _head(sentence, index, UNIT_HEADS)
        if length and not sentence.all_caps:
            end = _unit_candidate(sentence, index, length, covered)
            if end > index + length:
                candidates.append(("unit", _capitalise(sentence.slice(index, end))))
                index = end
                continue
        index += 1
    return resolved, candidates


def _award_head(sentence, index, length, matches, covered, awarded, authorities, resolved, candidates) -> int:
    tokens = sentence.tokens
    head = tuple(t.norm for t in tokens[index : index + length])
    after = index + length
    of = after < len(tokens) and tokens[after].norm == "của"
    end = name_end(sentence, after + 1 if of else after, awarded, lower_start=head in LOWER_NAME_HEADS and not of)
    named = end > (after + 1 if of else after)
    if named:
        candidates.append(("award", _capitalise(sentence.slice(index, end))))
        return end
    if head in BARE_HEADS:
        found = _authority_before(sentence, index, matches, authorities, " ".join(head))
        if found is not None:
            award, first, last = found
            resolved.append(Match("award", index, after, (award,), award, authority=sentence.slice(first, last)))
            return after
        candidates.append(("award", _capitalise(sentence.slice(index, after))))
    return after


def _authority_before(sentence, index, matches, authorities, head):
    """The nearest authority before `index` that confers this head, not inside a longer unit name."""
    best = None
    for first, last, heads in scan_authorities(authorities, sentence.tokens, index):
        if head not in heads:
            continue
        inside = any(
            m.first <= first and last <= m.last and (m.first, m.last) != (first, last) and m.kind == "unit"
            or m.kind == "award" and first < m.last and m.first < last
            for m in matches
        )
        if not inside:
            best = (heads[head], first, last)
    return best


def _unit_candidate(sentence: Sentence, index: int, length: int, covered: list[bool]) -> int:
    tokens = sentence.tokens
    start = index + length
    if start >= len(tokens) or not tokens[start].is_capitalised or tokens[start].norm in SURNAMES:
        return index
    if tokens[index].norm == "ban" and (tokens[start].norm in NOT_UNIT_AFTER_BAN):
        return index
    previous = tokens[index - 1] if index else None
    if (previous is not None and previous.is_word and previous.is_capitalised and tokens[index].is_capitalised
            and previous.norm not in ROLE_PREFIXES and index > 1):
        return index  # "Nguyễn Văn Sở Hùng": part of a person's name
    return name_end(sentence, start, covered)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
