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
    "đại học", "công đoàn", "trạm y tế", "ban chấp hành", "tỉnh đoàn", "huyện đoàn", "thành đoàn",
    "đoàn thanh niên", "bưu điện", "khoa",
    "ban quản lý",
)
# Heads whose name may go on in lower case ("Trung tâm an sinh xã hội", "Công ty cổ phần sữa TH").
LOWER_NAME_HEADS = _words("trung tâm", "công ty", "tổng công ty", "trường", "bệnh viện", "hợp tác xã", "cục", "đảng ủy",
                          "trạm y tế", "ban quản lý")
# The plural word a descriptive name may hold: "Ban Quản lý các khu công nghiệp tỉnh".
NAME_PLURALS = frozenset(("các",))
# Heads of a body's divisions: "Phòng Tổ chức cán bộ Sở Y tế" names the division with its body.
DIVISION_HEADS = _words("phòng", "văn phòng", "ban", "trung tâm", "chi cục", "đội", "khoa",
                        "đảng bộ", "chi bộ", "công đoàn")  # (a body's party and union organisations too)
# Heads of ministries and departments named by their fields, commas between them:
# "Bộ Lao động, Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch".
FIELD_HEADS = _words("bộ", "sở")
# A branch inside a name: "Ngân hàng Chính sách xã hội chi nhánh tỉnh …".
BRANCH_WORDS = ("chi", "nhánh")
# Heads named after the bodies they serve: "Văn phòng HĐND và UBND huyện" is one office, not two bodies.
SERVING_HEADS = _words("văn phòng")
# Heads that name a whole body with just a level after them: "Công an tỉnh", "UBND xã Mai Châu".
PLACED_HEADS = _words(
    "công an", "thanh tra", "ủy ban nhân dân", "hội đồng nhân dân", "đảng ủy", "liên đoàn lao động",
    "bộ chỉ huy quân sự", "ban chỉ huy quân sự", "tòa án nhân dân", "viện kiểm sát nhân dân", "kho bạc",
    "bảo hiểm xã hội", "văn phòng", "trung tâm y tế", "bệnh viện đa khoa", "huyện ủy", "thị ủy", "thành ủy",
    "đảng bộ", "trạm y tế", "hạt kiểm lâm", "bưu điện",
)
# …but only with the place's own name: "Đảng bộ phường Trung Sơn" is a body, "Đảng bộ tỉnh" mostly its congress's topic.
NAMED_PLACE_HEADS = _words("đảng bộ")
# Levels of government before a place name: "tỉnh Phú Thọ", "xã Mai Châu", "thành phố" alone.
PLACE_WORDS = _words("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "trung ương")
# Names that are places, not bodies, when a head is missing ("thành phố Hải Phòng").
PLACE_RECIPIENT_WORDS = _words("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")

# Verbs of a conferment (read backwards from the award: "được trao tặng", "đạt", "truy tặng").
CONFER_WORDS = frozenset(("trao", "tặng", "nhận", "đạt", "thưởng", "phong", "truy", "công", "được", "vinh", "đón", "gắn"))
# Without one of these before the award, "X trao Y" names the giver, not a recipient.
PASSIVE_MARKS = frozenset(("được", "nhận", "đạt", "đón", "vinh"))
# Between the verb and the award: "được tặng danh hiệu vinh dự nhà nước “…”".
PASSIVE_FILLER = frozenset(("danh", "hiệu", "vinh", "dự", "nhà", "nước", "cao", "quý"))
# Between "được" and the verb, the agent: "được UBND tỉnh trình Thủ tướng Chính phủ tặng".
AGENT_WORDS = frozenset((
    "trình", "đề", "nghị", "xét", "và", ",", "thủ", "tướng", "chủ", "tịch", "nước", "chính", "phủ", "bộ", "trưởng",
    "đã", "đang", "sẽ", "cũng", "lần", "này", "đợt", "quyết", "định", "ký", "của", "tỉnh", "ủy", "ban", "nhân", "dân",
))
# After the award, before its recipients: "<award> được trao cho …".
AFTER_AWARD_VERBS = frozenset(("được", "đã", "sẽ", "trao", "tặng", "thưởng", "truy", "phong", "đề", "nghị", "xét"))
# Words of a proposal before the award, with the neighbour that cancels them:
# "theo đề nghị của Giám đốc Sở" tells whose proposal was granted; "chương trình" is no "trình".
PROPOSAL_WORDS = {
    ("đề", "nghị"): ("của", None), ("đề", "xuất"): (None, None), ("trình",): (None, ("chương", "quá", "tờ", "công", "quy", "lộ", "giáo")),
    ("lấy", "ý"): (None, None), ("xét", "tặng"): (None, None), ("xét", "duyệt"): (None, None),
    ("xét", "khen"): (None, None), ("xét", "đề"): (None, None),
}
POSTHUMOUS_WORD = "truy"  # "truy tặng", "truy phong"
# Recipients come after these ("tặng … cho 5 tập thể"), or a list after these ("…, gồm: …").
ACTIVE_MARKERS = frozenset(("cho", "tặng", "đến"))
LIST_MARKERS = frozenset((":", "gồm", "là"))
# Words that end a recipient list: what follows says why or when, not who.
LIST_END = frozenset(("vì", "do", "về", "nhằm", "để", "trong", "tại", "từ", "giai", "với", "theo", "sau", "khi", "đã"))
QUALIFIER_END = frozenset((("có", "thành"), ("đạt", "thành"), ("hoàn", "thành"), ("có", "nhiều"), ("xuất", "sắc"),
                           ("nhân", "dịp")))
# Only dates and these before "được tặng": the subject is the unit the text is about.
TIME_WORDS = frozenset(("năm", "trong", "đó", "ngày", "tháng", "đợt", "lần", "này", "qua", "các", ",", "(", ")", "và",
                        "thời", "kỳ", "giai", "đoạn", "đã", "cũng", "được", "liên", "tục", "nhiều", "từ", "đến", "-"))
# Words a recipient item may start with that are not part of it.
LEADING_FILLER = frozenset(("các", "những", "toàn", "cho", "tặng", "đã", "đến", "trong", "đó", "có", "ngoài", "thêm"))
# "thuộc Sở Y tế", "của Văn phòng": the unit a group belongs to.
OF_WORDS = frozenset(("thuộc", "của"))

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
# The first words of a role after a person's name ("Giám đốc Sở …", "Hiệu trưởng", "Phó Tư lệnh").
ROLE_WORDS = frozenset(
    "trưởng phó giám chánh chủ bí chuyên kế nhân thư ủy tỉnh cán công viên lái văn thanh trợ kiểm phóng hiệu phụ tư "
    "đại tổng quyền nguyên đội đài thành".split()
)
# "Đồng chí Trưởng Ban …": a post, not a person's name nor a group.
POST_WORDS = frozenset("trưởng phó giám chủ bí chánh tổng".split())
