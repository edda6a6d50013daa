"""The vocabulary of Vietnamese office prose that the recogniser reads, in one place.

Everything here is data: heads that start an organisation's name, words that
name a level of government, the verbs of a conferment with the status they
give, the nouns of a counted group and whether they count people or
collectives, titles and ranks before a person's name. The rules in
`candidates.py` and `honours.py` only combine these word classes; adding a
shape of prose is usually adding a word here. All entries are matching forms
(`newsroom.core.text.normalise`), as tuples of tokens.
"""

from __future__ import annotations


def _words(*phrases: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(phrase.split()) for phrase in phrases)


# Heads of an organisation's name. "Sở Tư pháp", "Trường THPT Hàm Rồng", "Binh đoàn 15".
UNIT_HEADS = _words(
    "sở", "ban", "phòng", "trung tâm", "chi cục", "cục", "tổng cục", "vụ", "văn phòng", "trường", "bệnh viện",
    "công ty", "tổng công ty", "tập đoàn", "viện", "học viện", "hội đồng", "hội", "báo", "đài", "binh chủng",
    "binh đoàn", "quân khu", "quân đoàn", "lữ đoàn", "sư đoàn", "trung đoàn", "bộ", "ủy ban", "thanh tra",
    "công an", "liên đoàn lao động", "liên đoàn", "kho bạc", "ngân hàng", "hợp tác xã", "nhà xuất bản",
    "đảng ủy", "đảng bộ", "bộ chỉ huy quân sự", "bộ chỉ huy", "ban chỉ huy quân sự", "tòa án nhân dân",
    "viện kiểm sát nhân dân", "ủy ban nhân dân", "hội đồng nhân dân", "huyện ủy", "thị ủy", "thành ủy",
    "quận ủy", "cổng thông tin điện tử", "bảo hiểm xã hội", "chi nhánh", "hạt kiểm lâm", "đồn biên phòng",
)
# Heads whose name may go on in lower case ("Trung tâm an sinh xã hội", "Công ty cổ phần sữa TH").
LOWER_NAME_HEADS = _words("trung tâm", "công ty", "tổng công ty", "trường", "bệnh viện", "hợp tác xã", "cục", "đảng ủy")
# Heads that name a whole body with just a level after them: "Công an tỉnh", "UBND xã Mai Châu".
PLACED_HEADS = _words(
    "công an", "thanh tra", "ủy ban nhân dân", "hội đồng nhân dân", "đảng ủy", "liên đoàn lao động",
    "bộ chỉ huy quân sự", "ban chỉ huy quân sự", "tòa án nhân dân", "viện kiểm sát nhân dân", "kho bạc",
    "bảo hiểm xã hội", "văn phòng", "trung tâm y tế", "bệnh viện đa khoa", "huyện ủy", "thị ủy", "thành ủy",
)
# Levels of government before a place name: "tỉnh Phú Thọ", "xã Mai Châu", "thành phố" alone.
PLACE_WORDS = _words("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "trung ương")
# Names that are places, not bodies, when a head is missing ("thành phố Hải Phòng").
PLACE_RECIPIENT_WORDS = _words("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")

# Verbs of a conferment and the status they give to what follows them.
CONFER_VERBS = _words(
    "trao", "tặng", "trao tặng", "tặng thưởng", "trao thưởng", "khen thưởng", "phong tặng", "nhận", "đón nhận",
    "đạt", "công nhận", "được", "vinh dự", "truy tặng", "gắn",
)
POSTHUMOUS_VERBS = _words("truy tặng", "truy tặng danh hiệu")
PROPOSAL_WORDS = _words(
    "đề nghị", "trình", "xét đề nghị", "lấy ý kiến", "đề xuất", "xét tặng", "dự kiến", "kiến nghị", "đề cử",
)
# "được" then these: passive conferment.
PASSIVE_HEADS = frozenset(("được", "vinh", "đã"))

# Nouns of counted groups, and what they count.
INDIVIDUAL_NOUNS = _words(
    "cá nhân", "đồng chí", "cán bộ", "công chức", "viên chức", "người lao động", "đảng viên", "học sinh",
    "sinh viên", "giáo viên", "đoàn viên", "hội viên", "người", "chiến sĩ", "nhà giáo", "thầy thuốc", "bác sĩ",
    "nghệ sĩ", "nghệ nhân", "công nhân", "liệt sĩ", "mẹ", "bà mẹ", "nhân viên", "cán bộ chiến sĩ", "quân nhân",
    "sĩ quan", "hạ sĩ quan", "y bác sĩ", "trường hợp", "nhân dân", "thí sinh", "gia đình", "hộ gia đình", "hộ",
)
COLLECTIVE_NOUNS = _words(
    "tập thể", "đơn vị", "phòng", "cơ quan", "chi bộ", "doanh nghiệp", "trường", "trường học", "địa phương",
    "xã", "phường", "sở", "ban", "ngành", "tổ chức", "công ty", "hợp tác xã", "khoa", "tổ",
)
# "1.780 lượt": a count of conferments, still of the group that follows.
COUNT_UNITS = frozenset(("lượt", "suất"))
# "gần 1.150", "hơn 200": the number still counts the group.
APPROXIMATE = frozenset(("gần", "hơn", "trên", "khoảng", "gồm", "có", "với", "tổng", "cộng", "số"))
NUMBER_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
    "mươi": 10, "trăm": 100,
}

# Before a person's name.
PERSON_TITLES = _words(
    "ông", "bà", "anh", "chị", "đồng chí", "đ / c", "thầy", "cô", "thầy giáo", "cô giáo", "nhà giáo", "bác sĩ",
    "cá nhân ông", "cá nhân bà", "mẹ", "bà mẹ", "cụ", "liệt sĩ", "nghệ nhân", "nghệ sĩ",
    "thiếu úy", "trung úy", "thượng úy", "đại úy", "thiếu tá", "trung tá", "thượng tá", "đại tá",
    "thiếu tướng", "trung tướng", "thượng tướng", "đại tướng", "binh nhất", "binh nhì", "hạ sĩ", "trung sĩ",
    "thượng sĩ", "đại úy quân nhân chuyên nghiệp", "thiếu tá quân nhân chuyên nghiệp",
    "trung tá quân nhân chuyên nghiệp", "thượng tá quân nhân chuyên nghiệp",
)
# A referring noun phrase: "cho nhà trường" is the school last named.
ANAPHORA = {
    ("nhà", "trường"): ("trường",), ("trường",): ("trường",), ("bệnh", "viện"): ("bệnh", "viện"),
    ("công", "ty"): ("công", "ty"), ("đơn", "vị"): (), ("cơ", "quan"): (),
}
# Words that introduce a list of recipients: "gồm:", "là", "cụ thể:".
LIST_INTRODUCERS = _words("gồm", "bao gồm", "là", "cụ thể", "như")

# Words that start a decision's reference: "Quyết định số 1234/QĐ-UBND ngày 12/3/2026 của Chủ tịch UBND tỉnh".
DECISION_HEADS = _words("quyết định", "qđ")
