"""Award and unit phrases the registry does not name exactly.

"Bằng khen" without its authority is resolved from the sentence ("Chủ tịch
UBND tỉnh tặng bằng khen"). "Phòng X", "Sở X", "Trung tâm X", "Ban X",
"Bằng khen của X", "Huân chương X" that are not registered become candidates
for the editors, never invented units or awards. Capitalisation delimits a
name: "các phòng, đơn vị" is no candidate, "Phòng Tông hợp" is.
"""

from __future__ import annotations

from newsroom.core.matching import Match, Sentence, scan_authorities
from newsroom.core.registry import Award, Unit
from newsroom.core.shapes import PERSON_TITLES, BRANCH_WORDS, DIVISION_HEADS, FIELD_HEADS, LOWER_NAME_HEADS, NAME_PLURALS, NAMED_PLACE_HEADS, PLACE_WORDS, PLACED_HEADS, SERVING_HEADS, UNIT_HEADS
from itertools import compress, count as counter
from operator import itemgetter

from newsroom.core.text import slugify

_NORM = itemgetter(0)

# Award heads; the bare ones are resolved from an authority in the sentence.
AWARD_HEADS = {("bằng", "khen"), ("cờ", "thi", "đua"), ("huân", "chương"), ("huy", "chương"), ("giải", "thưởng"), ("kỷ", "niệm", "chương")}
BARE_HEADS = {("bằng", "khen"), ("cờ", "thi", "đua")}
LOWER_NAME_AWARD_HEADS = {("huân", "chương"), ("huy", "chương")}  # "Huân chương lao động"
# Words that end a name when written in lower case (verbs, prepositions).
STOP = frozenset(
    "cho tặng trao và vì do đã đang sẽ được bị có là năm tại trong về với của các những đạt nhằm để theo từ đến "
    "phát tổ tham thực triển chủ báo đề nhận đón ký tiếp làm cần phải hoàn cùng khi sau trước này đó đây như thì "
    "mà nên vào ra lên gồm thuộc trực chúc yêu nêu đánh ghi biểu quyết đồng lần đợt long luôn vinh kiêm "
    "vừa tiếp đứng giữ xây hiện gắn ở quê kỷ bố sáng chiều tối ngày tháng nay qua kể lấy gửi xem chú họp thăm "
    "trình phối dẫn nghe giao nhấn khẳng đề cũng vẫn đều".split()
) - frozenset(("triển", "giao", "thực")  # (see STOP_UNLESS_FOLLOWED)
)
# After a dash these start a description of the body, not more of its name.
APPOSITIVE_WORDS = frozenset("cơ đơn nơi một người địa tổ ngôi".split())
# "dự" attends ("… Trung ương dự"), unless a name goes on with it ("Ban Quản lý dự án").
STOP_UNLESS_FOLLOWED = {"dự": frozenset(("án", "toán", "trữ", "báo", "thảo", "bị")),
                        "giao": frozenset(("thông", "dịch", "lưu")),
                        "thực": frozenset(("hành", "phẩm", "nghiệm", "tập"))}
# …or preceded by one of these: "Bộ Ngoại giao" names a ministry, "giao nhiệm vụ" gives a task.
STOP_UNLESS_AFTER = {"giao": frozenset(("ngoại", "bàn", "chuyển")),
                     "trình": frozenset(("công", "chương", "quy", "lộ", "tờ", "giáo", "hành")),
                     "xây": frozenset(("tư", "án"))}  # "dự án đầu tư xây dựng": the project, not the verb
SURNAMES = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh lương trịnh đào mai cao lâm hà tạ "
    "chu kiều quách đoàn vương thái triệu phùng tô lại la hứa tống lò lưu mạc khổng nông ma giang vi hoàng".split()
)
# "Ban Giám đốc", "Ban Tổ chức hội thi": boards of a meeting, not units.
NOT_UNIT_AFTER_BAN = {"giám", "lãnh", "chấp", "tổ", "chỉ", "biên", "thường", "cán", "giám khảo"}
ROLE_PREFIXES = frozenset("trưởng phó chánh giám đốc chủ tịch nhiệm bí thư".split())
MAX_NAME = 16  # words after a head ("Trường Phổ thông dân tộc bán trú Trung học cơ sở …" has 11)
MAX_AWARD_NAME = 10  # words of an award's name after its head
MAX_LOWER = 4  # lower-case words in a row inside a name…
MAX_BRIDGE = 8  # …or this many when a capitalised part of the name follows them
MAX_DESCRIPTION = 12  # …or this many in a descriptive name ending at its level ("Ban Quản lý dự án … tỉnh")
# After "và", these start another name rather than continue this one.
# (a unit's head after "và" starts another name too: "Trường Tiểu học và Trung học cơ sở" is one school,
# "Trường Tiểu học A và Trường THCS B" two; see _new_name)
NEW_NAME_WORDS = frozenset("ông bà đồng huân huy bằng giấy cờ hạng".split())  # ("… hạng Nhì và hạng Ba": two awards)


HEAD_WORDS = frozenset(head[0] for head in UNIT_HEADS | AWARD_HEADS)
_UNIT_HEADS_BY_WORD: dict[str, list[tuple[str, ...]]] = {}
for _head_words in sorted(UNIT_HEADS, key=len, reverse=True):
    _UNIT_HEADS_BY_WORD.setdefault(_head_words[0], []).append(_head_words)
_DIVISION_BY_WORD: dict[str, list[tuple[str, ...]]] = {}
for _head_words in sorted(DIVISION_HEADS, key=len, reverse=True):
    _DIVISION_BY_WORD.setdefault(_head_words[0], []).append(_head_words)
_PLACE_BY_WORD: dict[str, list[tuple[str, ...]]] = {}
for _place in sorted(PLACE_WORDS, key=len, reverse=True):
    _PLACE_BY_WORD.setdefault(_place[0], []).append(_place)
PLACE_FIRST_WORDS = frozenset(_PLACE_BY_WORD)  # place_at is 0 unless the token is one of these
# Before a lower-case head, these make it a body's name all the same: "Chánh văn phòng Thành ủy".
ROLE_BEFORE_HEAD = frozenset("chánh trưởng đốc tịch thư nhiệm".split())
# Schools and companies are often named after people: a personal name does not end their name.
PERSON_HEADS = frozenset((("trường",), ("công", "ty"), ("tổng", "công", "ty"), ("tập", "đoàn"), ("bệnh", "viện"),
                          ("học", "viện"), ("đại", "học"), ("đoàn", "thanh", "niên"),
                          ("hợp", "tác", "xã")))
# "Cục trưởng", "Phó Vụ trưởng", "Đài Trưởng": a rank, not the body.
RANK_AFTER_HEAD = frozenset(("trưởng", "phó"))
PLACE_BEFORE_NAME = frozenset("đảo quần đường phố thôn làng xóm bản ấp sông núi hồ".split())
PLACE_LEVELS = frozenset("tỉnh huyện quận xã phường thị trấn thành phố".split())


_AWARD_HEADS_BY_WORD: dict[str, list[tuple[str, ...]]] = {}
for _award_head_words in sorted(AWARD_HEADS, key=len, reverse=True):
    _AWARD_HEADS_BY_WORD.setdefault(_award_head_words[0], []).append(_award_head_words)


def _head(sentence: Sentence, index: int, heads: set[tuple[str, ...]]) -> int:
    tokens = sentence.tokens
    for head in _AWARD_HEADS_BY_WORD.get(tokens[index].norm, ()):
        if head in heads and len(head) <= len(tokens) - index and all(
                tokens[index + i].norm == word for i, word in enumerate(head)):
            return len(head)
    return 0


def name_end(sentence: Sentence, start: int, blocked: list[bool], lower_start: bool = False) -> int:
    """End of the name written from `start`: capitalised words, a few lower-case ones, "và" before a capital."""
    tokens = sentence.tokens
    if start >= len(tokens) or blocked[start] or not tokens[start].is_word:
        return start
    if not (lower_start or tokens[start].is_capitalised) or _stops(tokens[start], sentence):
        return start
    end, lower = start, 0
    while end < len(tokens) and end - start < MAX_AWARD_NAME and not blocked[end] and tokens[end].is_word:
        token = tokens[end]
        if _stops(token, sentence):
            following = tokens[end + 1] if end + 1 < len(tokens) else None
            if (token.norm == "và" and following is not None and following.is_capitalised
                    and not _new_name(tokens, end + 1) and not sentence.all_caps):
                end, lower = end + 1, 0
                continue
            break
        lower = 0 if token.is_capitalised else lower + 1
        if lower > 5:
            break
        end += 1
    return end


def _new_name(tokens, index: int) -> bool:
    """Whether the word at `index` (after "và") starts another name: a person's title, an award, a unit's head."""
    if tokens[index].norm in NEW_NAME_WORDS or _unit_head(tokens, index):
        return True
    return any(tuple(map(_NORM, tokens[index : index + len(title)])) == title
               for title in _TITLES_BY_WORD.get(tokens[index].norm, ()))


_TITLES_BY_WORD: dict[str, list[tuple[str, ...]]] = {}
for _title in PERSON_TITLES:
    _TITLES_BY_WORD.setdefault(_title[0], []).append(_title)


def bodies_in_award(sentence: Sentence, match: Match) -> list[str]:
    """Bodies named in an award's authority, as written: "Bằng khen của Bộ trưởng Bộ Công an" names "Bộ Công an"
    (the award's name covers it, so the scan for names never reads it)."""
    norms = sentence.norms
    try:
        index = norms.index("của", match.first, match.last) + 1
    except ValueError:
        return []
    tokens, starts, found = sentence.tokens, sentence.starts, []
    covered = [False] * len(tokens)
    while index < match.last:
        end = index
        if (tokens[index].is_capitalised and tokens[index].norm in _UNIT_HEADS_BY_WORD
                and starts[index - 1] != starts[index]):  # (the inside of an abbreviation starts nothing)
            end = _unit_candidate(sentence, index, covered)
        if end > index:
            found.append(_capitalise(sentence.name(index, end)))
            index = end
        else:
            index += 1
    return found


def in_code(sentence: Sentence, index: int) -> bool:
    """The token at `index` is written right after a slash: part of a document's code ("số 12/UBND-VX")."""
    return index > 0 and sentence.norms[index - 1] == "/" and sentence.starts[index - 1] + 1 == sentence.starts[index]


def _division_of(sentence: Sentence, index: int, head: int, end: int, matches: list[Match]) -> int:
    """Where the name of a division (its head `head` words long) ends: past the registered body written right
    after it, which it belongs to ("Phòng Tổ chức cán bộ Sở Y tế", "Văn phòng Sở Giáo dục và Đào tạo"); else `end`."""
    if end >= len(sentence.tokens) or head != _division_head(sentence.tokens, index):
        return end
    for match in matches:
        if match.first == end and match.kind == "unit" and match.target is not None:
            return match.last
    return end


def _division_head(tokens, index: int) -> int:
    for head in _DIVISION_BY_WORD.get(tokens[index].norm, ()):
        if tuple(map(_NORM, tokens[index : index + len(head)])) == head:
            return len(head)
    return 0


def _stops(token, sentence: Sentence) -> bool:
    # (the sentence's capitals are read last: they cost a regex, and most words settle it before)
    return token.norm in STOP and (not token.is_capitalised or sentence.all_caps)


def find_heads(sentence: Sentence, matches: list[Match], authorities: dict) -> tuple[list[Match], list[tuple[str, str]]]:
    """Bare award heads resolved to awards, names found by their head, and unregistered (kind, text) candidates.

    An organisation the registry lacks ("Trường THPT X", "UBND xã
    Y") becomes a match whose target is an unregistered Unit: honours can
    name it as a recipient, pages never list it.
    """
    tokens = sentence.tokens
    heads = list(compress(counter(), map(HEAD_WORDS.__contains__, sentence.norms)))
    if not heads:
        return [], []  # most sentences: no head, nothing to find
    covered = [False] * len(tokens)
    for match in matches:  # (slice assignment: no Python step per covered token)
        covered[match.first : match.last] = [True] * (match.last - match.first)
    awarded = None  # built at the first award head: most sentences have none
    resolved: list[Match] = []
    candidates: list[tuple[str, str]] = []
    done = 0  # tokens before this index belong to a name already read
    norms, starts = sentence.norms, sentence.starts  # (read once: the loop below runs for every head word)
    for index in heads:
        if index < done or covered[index] or index and starts[index - 1] == starts[index]:
            continue  # (the inside of an abbreviation's expansion starts nothing)
        token = tokens[index]
        norm = norms[index]
        if norm in _AWARD_HEADS_BY_WORD:
            length = _head(sentence, index, AWARD_HEADS)
            if length:
                if awarded is None:
                    awarded = [False] * len(tokens)
                    for match in matches:
                        awarded[match.first : match.last] = [match.kind == "award"] * (match.last - match.first)
                done = _award_head(sentence, index, length, matches, covered, awarded, authorities, resolved, candidates)
                continue
        if not token.is_capitalised and (not index or norms[index - 1] not in ROLE_BEFORE_HEAD):
            continue  # "công tác", "thành tích": _unit_candidate refuses a lower-case head first; skip the call
        if norm in _UNIT_HEADS_BY_WORD:
            end = whole = _unit_candidate(sentence, index, covered)
            if norm in _DIVISION_BY_WORD:  # "Văn phòng Sở Giáo dục và Đào tạo": the head, then the body it belongs to
                head = _unit_head(tokens, index)
                whole = _division_of(sentence, index, head, max(end, index + head), matches)
                if end == index and whole > index + head:
                    end = index + head
            if end > index and not (norms[index - 1] == "/" and in_code(sentence, index)) and not sentence.all_caps:
                text = _capitalise(sentence.name(index, max(end, whole)))
                unit = Unit(slugify(text), text, registered=False)
                resolved.append(Match("unit", index, end, (unit,), unit))
                candidates.append(("unit", text))
                for position in range(index, end):
                    covered[position] = True
                done = end
    return resolved, candidates


AWARD_KIND_BY_HEAD = {
    ("bằng", "khen"): "certificate_of_merit", ("cờ", "thi", "đua"): "emulation_flag", ("huân", "chương"): "order",
    ("huy", "chương"): "medal", ("giải", "thưởng"): "prize", ("kỷ", "niệm", "chương"): "commemorative_medal",
}
OPEN_QUOTES = frozenset('"“‘\'«')
CLOSE_QUOTES = frozenset('"”’\'»')


# Look-alikes of state awards: prizes of contests, medals of sports ("Huy chương Vàng").
PRIZE_HEADS = {("giải", "thưởng")}
SPORTS_MEDALS = frozenset(("vàng", "bạc", "đồng"))


def _state_award(head: tuple[str, ...], name_tokens) -> bool:
    """Whether an unregistered award name reads as a state award, not a contest prize or a sports medal."""
    if head in PRIZE_HEADS:
        return False
    words = [t.norm for t in name_tokens if t.is_word]
    return not (head == ("huy", "chương") and words[:1] and words[0] in SPORTS_MEDALS)


def _quoted_end(tokens, index: int) -> int:
    """End (after the closing quote) of a quoted name opening at `index`, or `index`."""
    if index >= len(tokens) or tokens[index].norm not in OPEN_QUOTES:
        return index
    for end in range(index + 1, min(len(tokens), index + 16)):
        if tokens[end].norm in CLOSE_QUOTES:
            return end + 1 if end > index + 1 else index
    return index


def _award_head(sentence, index, length, matches, covered, awarded, authorities, resolved, candidates) -> int:
    tokens = sentence.tokens
    head = tuple(map(_NORM, tokens[index : index + length]))
    after = index + length
    # "Bằng khen của X" names an award; "Huân chương của Chủ tịch nước" only says who confers one.
    of = after < len(tokens) and tokens[after].norm == "của" and head in BARE_HEADS
    end = _quoted_end(tokens, after)
    if end == after:
        end = name_end(sentence, after + 1 if of else after, awarded, lower_start=head in LOWER_NAME_AWARD_HEADS and not of)
    named = end > (after + 1 if of else after)
    if named:
        text = _capitalise(sentence.name(index, end))
        if _state_award(head, tokens[after:end]):
            candidates.append(("award", text))
            award = Award(slugify(text), text, AWARD_KIND_BY_HEAD.get(head, "order"), registered=False)
            resolved.append(Match("award", index, end, (award,), award))
        else:
            candidates.append(("prize", text))  # an editor may still register it; it confers no state award
        return end
    if head in BARE_HEADS:
        found = _authority_before(sentence, index, matches, authorities, " ".join(head))
        if found is not None:
            award, first, last = found
            resolved.append(Match("award", index, after, (award,), award, authority=sentence.slice(first, last)))
            return after
        agent = _agent_before(tokens, index, matches + resolved)
        if agent is not None:
            # "… được Bộ Tư lệnh Quân khu N tặng Bằng khen": the body that confers names the award.
            text = f"{_capitalise(sentence.name(index, after))} của {agent}"
            award = Award(slugify(text), text, AWARD_KIND_BY_HEAD.get(head, "order"), registered=False)
            resolved.append(Match("award", index, after, (award,), award, authority=agent))
            candidates.append(("award", text))
            return after
        candidates.append(("award", _capitalise(sentence.name(index, after))))
    return after


CONFERRING_VERBS = frozenset(("tặng", "trao", "thưởng", "đã", "quyết", "định"))


def _agent_before(tokens, index: int, matches: list[Match]) -> str | None:
    """The body named right before "tặng|trao [tặng] <bare award>", as written; None when there is none."""
    position = index
    while position > 0 and tokens[position - 1].norm in CONFERRING_VERBS:
        position -= 1
    if position == index or not any(t.norm in ("tặng", "trao", "thưởng") for t in tokens[position:index]):
        return None
    for match in matches:
        if match.kind == "unit" and match.target is not None and match.last == position:
            return match.written or match.target.name
    return None


def _authority_before(sentence, index, matches, authorities, head):
    """The nearest authority before `index` that confers this head, not inside a longer unit name."""
    best = None
    for first, last, heads in scan_authorities(authorities, sentence.norms, index):
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


def _unit_head(tokens, index: int) -> int:
    heads = _UNIT_HEAD_SHAPES.get(tokens[index].norm)
    if heads is None:
        return 0
    following = tokens[index + 1].norm if index + 1 < len(tokens) else None
    for length, second, head in heads:
        # (the first word is the key it was found by: a one-word head needs no comparison, a longer one
        # is compared from its second word, which most words following a head's first word already fail)
        if length == 1:
            return 1
        if following == second and (length == 2 or tuple(map(_NORM, tokens[index : index + length])) == head):
            return length
    return 0


# The heads by first word as (length, second word, head): what _unit_head compares, computed once.
_UNIT_HEAD_SHAPES = {word: [(len(head), head[1] if len(head) > 1 else None, head) for head in heads]
                     for word, heads in _UNIT_HEADS_BY_WORD.items()}


def place_at(tokens, index: int) -> int:
    """Length of a level word ("tỉnh", "thị xã") at `index`, or 0.

    Not when a lower-case word goes on from it: "xã hội" is no commune.
    """
    if index >= len(tokens):
        return 0
    for place in _PLACE_BY_WORD.get(tokens[index].norm, ()):
        if len(place) == 1 or tuple(map(_NORM, tokens[index : index + len(place)])) == place:  # (as in _unit_head)
            following = tokens[index + len(place)] if index + len(place) < len(tokens) else None
            if (place == ("xã",) and following is not None and following.is_word and not following.is_capitalised
                    and not following.norm.isdigit() and following.norm not in STOP):
                return 0
            return len(place)
    return 0


def _person_run(tokens, index: int) -> bool:
    """A full personal name starts here: a surname and two more capitalised words."""
    if index + 2 >= len(tokens) or tokens[index].norm not in SURNAMES:
        return False
    return all(tokens[i].is_word and tokens[i].is_capitalised for i in range(index, index + 3))


def place_name_end(tokens, index: int, blocked: list[bool], caps_of: Sentence | None = None) -> int:
    """End of a place's proper name ("Phú Thọ", "Thừa Thiên - Huế") starting at `index`.

    In a sentence written in capitals every word looks like a name: there the
    name also ends at a function word ("TỈNH TUYÊN QUANG TỔ CHỨC"). `caps_of` is
    that sentence; its capitals are read only when a function word is met (they cost a regex).
    """
    end = index
    while (end < len(tokens) and end - index < 3 and not blocked[end] and tokens[end].is_word
           and (tokens[end].is_capitalised or tokens[end].norm.isdigit())
           and not (caps_of is not None and tokens[end].norm in STOP and caps_of.all_caps)
           and not (_unit_head(tokens, end) and end + 1 < len(tokens) and tokens[end + 1].is_capitalised)):
        if _person_run(tokens, end) and not (end < index + 2 and _person_run(tokens, index)
                                             and _person_run(tokens, index + 2)):
            # "UBND tỉnh X Nguyễn Văn A": the place ends where the person's name starts
            # ("tỉnh X Hồ Văn A": a place's first word may be a surname too, when a person follows)
            break
        end += 1
    if (end - index == 3 and end < len(tokens) and not blocked[end] and len(tokens[end].text) == 1
            and tokens[end].text.isupper()):
        end += 1  # "xã X A": a letter tells two places of one name apart
    return end


def place_suffix_end(tokens, index: int, blocked: list[bool], caps_of: Sentence | None = None) -> int:
    """End of "tỉnh Phú Thọ", "thị xã An Khê", "thành phố" after a name; `index` when there is none."""
    length = place_at(tokens, index)
    if not length or any(blocked[index : index + length]):
        return index
    return place_name_end(tokens, index + length, blocked, caps_of)


def _unit_candidate(sentence: Sentence, index: int, covered: list[bool]) -> int:
    """End of an organisation's name that starts with a head at `index`; `index` when there is none."""
    tokens = sentence.tokens
    length = _unit_head(tokens, index)
    if not length:
        return index
    head = tuple(map(_NORM, tokens[index : index + length]))
    start = index + length
    if start >= len(tokens) or covered[start - 1]:
        return index
    previous = tokens[index - 1] if index else None
    if not tokens[index].is_capitalised:
        # "Chánh văn phòng Thành ủy": a role names the body in lower case.
        if previous is None or previous.norm not in ROLE_BEFORE_HEAD:
            return index
    elif (previous is not None and previous.is_word and previous.is_capitalised and previous.norm not in ROLE_PREFIXES
            and not (len(previous.text) > 1 and previous.text.isupper()) and not sentence.all_caps
            and (index > 1 or previous.norm in PLACE_LEVELS)):
        return index  # "Nguyễn Văn Sở B", "Trụ Sở", "Xã Trường X": part of another name
    if head == ("ban",) and tokens[start].norm in NOT_UNIT_AFTER_BAN:
        return index
    if head == ("bộ",) and tokens[start].norm in ("luật", "đội", "môn", "sách", "phim", "trưởng"):
        return index  # "Bộ Luật Lao động", "Bộ đội": no ministry
    if previous is not None and previous.norm in PLACE_BEFORE_NAME:
        return index  # "quần đảo Trường Sa", "đường Trường Chinh": a place named like a body
    if tokens[start].norm in RANK_AFTER_HEAD or len(head) == 1 and tokens[start].norm == head[0] and _unit_head(tokens, start):
        return index  # "Cục trưởng Cục …", "Trưởng ban Ban Công binh": the second head starts the name
    end = _name_words_end(sentence, start, covered, head)
    if end == start and head not in PLACED_HEADS:
        return index
    suffix = place_suffix_end(tokens, end, covered)
    if suffix == end and (end == start or not any(t.is_capitalised or t.norm.isdigit() for t in tokens[start:end])):
        return index  # "Đảng ủy khối phát động": lower-case words alone name nothing
    if end == start and head in NAMED_PLACE_HEADS and suffix == end + place_at(tokens, end):
        return index  # "Đảng bộ tỉnh": a level with no name
    return suffix


def _name_words_end(sentence: Sentence, start: int, covered: list[bool], head: tuple[str, ...]) -> int:
    """The proper name after a head: capitalised words, numbers, a few lower-case words between them."""
    tokens = sentence.tokens
    lower_ok = head in LOWER_NAME_HEADS
    serving = head in SERVING_HEADS and bool(_unit_head(tokens, start))  # "Văn phòng HĐND …"
    end, lower, capitals = start, 0, 0
    run, described = 0, False  # capitalised words in a row; a lower-case word came before them
    while end < len(tokens) and end - start < MAX_NAME and not covered[end]:
        token = tokens[end]
        if not token.is_word:
            # "PT&TH", "GD&ĐT": an ampersand inside an abbreviation.
            if token.norm == "&" and capitals and end + 1 < len(tokens) and tokens[end + 1].is_capitalised:
                end += 1
                continue
            if token.norm == "," and capitals and head in FIELD_HEADS and _fields_go_on(tokens, end + 1, covered):
                end += 1  # "Bộ Lao động, Thương binh và Xã hội"
                continue
            # "Hội đồng Thi đua - Khen thưởng (TĐKT) Trung ương": an abbreviation in brackets inside the name.
            if (token.norm == "(" and capitals and end + 3 < len(tokens) and tokens[end + 2].norm == ")"
                    and tokens[end + 1].text.isupper() and tokens[end + 3].is_capitalised):
                end += 3
                continue
            break
        if token.is_capitalised and token.text.isupper() and place_at(tokens, end):
            break  # "… Việt Nam TP X": an abbreviated level starts the place after the name
        if token.is_capitalised or token.norm.isdigit() and (end == start or tokens[end - 1].is_capitalised):
            if end == start and _dash_before(sentence, end) and _unit_head(tokens, end):
                break  # "HĐND – UBND": two bodies, not one name
            if capitals and head not in PERSON_HEADS and _person_run(tokens, end):
                break  # "Bộ Y tế Trần Thị C": the minister's name
            if end == start and head not in PERSON_HEADS and _person_run(tokens, end):
                break  # "Trưởng phòng Nguyễn Văn Hải"
            capitals += 1
            run = run + 1 if lower == 0 else 1
            described = described or lower > 0
            lower = 0
            end += 1
            continue
        if lower and _branch_at(tokens, end):
            end += len(BRANCH_WORDS)  # "Ngân hàng Chính sách xã hội chi nhánh tỉnh …": the branch is the name's
            lower = 0
            continue
        if token.norm == "và" and end + 1 < len(tokens) and tokens[end + 1].is_capitalised and capitals and (
                not _new_name(tokens, end + 1) or serving and _unit_head(tokens, end + 1)):
            end += 1  # "Sở Giáo dục và Đào tạo"; "Văn phòng HĐND và UBND huyện" (an office serves both)
            continue
        if token.norm not in NAME_PLURALS and _ends_name(tokens, end) or place_at(tokens, end):
            break
        if end > start and token.norm in APPOSITIVE_WORDS and _dash_before(sentence, end):
            break  # "Báo X - cơ quan của …": a description after a dash
        if not (capitals or lower_ok):
            break
        # ("các" after a proper name's lower-case words starts a clause: "Công ty Minh An hỗ trợ các hộ")
        plural_ok = lower_ok and (not capitals or not lower)
        # A proper name after a description ("Trung tâm bảo trợ xã hội Hòa An", "Binh đoàn 15") ends the name:
        # lower-case words after it are the sentence going on ("… Hòa An tổ chức"), unless the name resumes.
        ended = end > start and (tokens[end - 1].norm.isdigit() or lower == 0 and run >= 2 and described)
        if (lower >= MAX_LOWER or token.norm in NAME_PLURALS or ended) and not (
                (capitals or lower_ok) and _bridged(tokens, end, covered, lower, plural_ok)):
            break
        lower += 1
        end += 1
    return end


def _branch_at(tokens, index: int) -> bool:
    return tuple(map(_NORM, tokens[index : index + len(BRANCH_WORDS)])) == BRANCH_WORDS


def _fields_go_on(tokens, index: int, covered: list[bool]) -> bool:
    """After a comma in a ministry's name: more fields, the last after "và" ("…, Thương binh và Xã hội"),
    none of them a body, a person, a place or a clause."""
    joined = False
    for position in range(index, min(len(tokens), index + 8)):
        token = tokens[position]
        if covered[position]:
            return False
        if token.norm == ",":
            if position == index or not tokens[position - 1].is_word:
                return False
            continue
        if not token.is_word or place_at(tokens, position):
            return joined
        starts_part = position == index or tokens[position - 1].norm in (",", "và")
        if token.norm == "và" and position > index:
            joined = False
            following = tokens[position + 1] if position + 1 < len(tokens) else None
            if following is None or not following.is_capitalised or _new_name(tokens, position + 1):
                return False
            joined = None  # (the next word decides)
            continue
        if starts_part and (not token.is_capitalised or _new_name(tokens, position) or _person_run(tokens, position)):
            return False
        if not starts_part and _ends_name(tokens, position):
            return bool(joined)
        if joined is None:
            joined = True
    return bool(joined)


def _ends_name(tokens, index: int) -> bool:
    """A lower-case word that ends a name: a verb or preposition, unless its neighbour makes it a noun."""
    norm = tokens[index].norm
    if index and norm in STOP_UNLESS_AFTER and tokens[index - 1].norm in STOP_UNLESS_AFTER[norm]:
        return False
    if norm in STOP:
        return True
    if norm not in STOP_UNLESS_FOLLOWED:
        return False
    return not (index + 1 < len(tokens) and tokens[index + 1].norm in STOP_UNLESS_FOLLOWED[norm])


def _bridged(tokens, index: int, covered: list[bool], lower: int, descriptive: bool) -> bool:
    """Whether the lower-case words from `index` (after `lower` of them) lead, within MAX_BRIDGE lower-case
    words in all, to a capitalised one that goes on
    with the name ("Trường Phổ thông dân tộc nội trú Na Rì"), not to a person or another body. A name that
    describes (`descriptive`: "Ban Quản lý dự án …", "Đảng ủy Khối các cơ quan tỉnh") may also run on, through
    "các", to the level of government that ends it, where the phrase ends."""
    plural = False
    for position in range(index, min(len(tokens), index + MAX_DESCRIPTION - lower + 1)):
        token = tokens[position]
        if covered[position] or not token.is_word:
            return False
        if token.is_capitalised:
            return index < position <= index + MAX_BRIDGE - lower and not plural \
                and not _person_run(tokens, position) and not _unit_head(tokens, position)
        length = place_at(tokens, position)
        if length:
            after = position + length
            return descriptive and position > index and (
                after >= len(tokens) or not tokens[after].is_word or _ends_name(tokens, after))
        if token.norm in NAME_PLURALS:
            if not descriptive or plural:
                return False
            plural = True
        elif _ends_name(tokens, position):
            return False
    return False


def _dash_before(sentence: Sentence, index: int) -> bool:
    """A dash stands between token `index` and the one before (dashes make no tokens)."""
    if index == 0:
        return False
    base = sentence.starts[0]
    gap = sentence.text[sentence.end(index - 1) - base : sentence.starts[index] - base]
    return any(char in gap for char in "-–—‐‑‒―−")


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
