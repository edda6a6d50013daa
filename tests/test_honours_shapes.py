"""Conferment shapes as data (issue 17, items 1–4): every pattern's invented sentences, roles, scope of status,
names with counts. No sentence here comes from a real article."""

import unicodedata
from pathlib import Path

import pytest

from newsroom.core.grammar import grammar
from newsroom.core.recognition import Recogniser
from newsroom.core.registry import Registry

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def recogniser():
    return Recogniser(Registry.load(ROOT / "content" / "registry"))


def read(recogniser, text, title=""):
    return {(h.award.name, h.recipient, h.status) for h in recogniser.recognise(title, text).honours}


def full(recogniser, text, title=""):
    return {(h.award.name, h.recipient, h.recipient_kind, h.count, h.status)
            for h in recogniser.recognise(title, text).honours}


# 1. Shapes are data, each with invented sentences


EXAMPLES = [(p.name, text, honours) for p in grammar().patterns for text, honours in p.examples]


def test_every_pattern_has_an_example():
    assert all(p.examples for p in grammar().patterns)


@pytest.mark.parametrize(("pattern", "text", "expected"), EXAMPLES, ids=[f"{p}: {t[:40]}" for p, t, _ in EXAMPLES])
def test_pattern_examples(recogniser, pattern, text, expected):
    got = read(recogniser, text)
    assert got == {tuple(h) for h in expected}, pattern


def test_a_pattern_is_data_the_engine_compiles():
    names = [p.name for p in grammar().patterns]
    assert len(names) == len(set(names))
    assert all("award" in p.slots for p in grammar().patterns)


# 2. Roles, not proximity


@pytest.mark.parametrize(
    "text",
    [
        "Thừa ủy quyền Chủ tịch nước, đồng chí Hoàng Văn Tâm trao Huân chương Lao động hạng Ba cho Trường THCS Văn Lang.",
        "Thay mặt lãnh đạo tỉnh, ông Hoàng Văn Tâm trao tặng Huân chương Lao động hạng Ba cho Trường THCS Văn Lang.",
        "Đồng chí Hoàng Văn Tâm trao tặng Huân chương Lao động hạng Ba cho Trường THCS Văn Lang.",
        "UBND tỉnh tổ chức lễ trao Huân chương Lao động hạng Ba cho Trường THCS Văn Lang.",
    ],
)
def test_presenters_and_organisers_are_never_recipients(recogniser, text):
    assert read(recogniser, text) == {("Huân chương Lao động hạng Ba", "Trường THCS Văn Lang", "conferred")}


def test_a_presenter_with_no_recipient_gives_nothing(recogniser):
    text = "Thừa ủy quyền Chủ tịch nước, đồng chí Hoàng Văn Tâm trao Huân chương Lao động hạng Ba."
    assert read(recogniser, text) == set()


def test_relatives_receive_on_behalf(recogniser):
    text = "Chủ tịch UBND tỉnh trao danh hiệu Bà mẹ Việt Nam anh hùng cho thân nhân 4 mẹ."
    assert full(recogniser, text) == {("Bà mẹ Việt Nam anh hùng", "mẹ", "individuals", 4, "conferred")}
    family = read(recogniser, "Ông Lê Văn Đức, đại diện gia đình, nhận Huân chương Độc lập hạng Ba truy tặng bà Hà Thị Sen.")
    assert ("Huân chương Độc lập hạng Ba", "Lê Văn Đức", "conferred") not in family


def test_signers_and_proposers_are_not_recipients(recogniser):
    text = "Chủ tịch UBND tỉnh ký Quyết định tặng Bằng khen của Chủ tịch UBND tỉnh cho Sở Y tế."
    assert read(recogniser, text) == {("Bằng khen của Chủ tịch UBND tỉnh", "Sở Y tế", "conferred")}
    text = "Sở Nội vụ đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho Sở Y tế."
    assert read(recogniser, text) == {("Bằng khen của Chủ tịch UBND tỉnh", "Sở Y tế", "proposed")}


def test_a_place_qualifying_a_name_is_no_recipient(recogniser):
    text = "Chủ tịch UBND tỉnh tặng Cờ thi đua của UBND tỉnh cho Trường Tiểu học Hòa Bình (huyện Yên Lập)."
    assert {r for _, r, _ in read(recogniser, text)} == {"Trường Tiểu học Hòa Bình"}
    text = "Chủ tịch UBND tỉnh tặng Cờ thi đua của UBND tỉnh cho Trường Tiểu học Hòa Bình, huyện Yên Lập."
    assert {r for _, r, _ in read(recogniser, text)} == {"Trường Tiểu học Hòa Bình"}


# 3. Status from the clause's scope


@pytest.mark.parametrize("word", ["đề nghị", "trình", "xét đề nghị", "bình xét", "dự kiến"])
def test_proposal_words_govern_their_clause(recogniser, word):
    text = f"Hội đồng {word} tặng Bằng khen của Chủ tịch UBND tỉnh cho Sở Y tế."
    assert read(recogniser, text) == {("Bằng khen của Chủ tịch UBND tỉnh", "Sở Y tế", "proposed")}


def test_each_clause_keeps_its_own_status(recogniser):
    text = ("Chủ tịch UBND tỉnh tặng Bằng khen của Chủ tịch UBND tỉnh cho Sở Y tế; "
            "đề nghị Thủ tướng Chính phủ tặng Bằng khen của Thủ tướng Chính phủ cho Sở Nội vụ.")
    got = read(recogniser, text)
    assert ("Bằng khen của Chủ tịch UBND tỉnh", "Sở Y tế", "conferred") in got
    assert ("Bằng khen của Thủ tướng Chính phủ", "Sở Nội vụ", "proposed") in got


def test_a_proposal_governs_the_lines_of_its_list(recogniser):
    text = ("Hội đồng thống nhất đề nghị khen thưởng như sau:\n"
            "- Huân chương Lao động hạng Ba cho Sở Y tế;\n- Bằng khen của Thủ tướng Chính phủ cho Sở Nội vụ.")
    assert read(recogniser, text) == {("Huân chương Lao động hạng Ba", "Sở Y tế", "proposed"),
                                      ("Bằng khen của Thủ tướng Chính phủ", "Sở Nội vụ", "proposed")}


def test_a_consultation_title_makes_the_article_proposals(recogniser):
    got = read(recogniser, "Theo đó, tặng Huân chương Lao động hạng Ba cho Sở Y tế.",
               title="Lấy ý kiến nhân dân về khen thưởng Huân chương")
    assert got == {("Huân chương Lao động hạng Ba", "Sở Y tế", "proposed")}


def test_history_is_earlier(recogniser):
    text = ("Năm 2026, Sở Y tế được tặng Bằng khen của Thủ tướng Chính phủ. "
            "Trước đó, Sở Y tế đã từng được tặng Huân chương Lao động hạng Ba.")
    assert read(recogniser, text) == {("Bằng khen của Thủ tướng Chính phủ", "Sở Y tế", "conferred"),
                                      ("Huân chương Lao động hạng Ba", "Sở Y tế", "earlier")}
    dated = read(recogniser, "Năm 2026, Sở Y tế tổ chức lễ kỷ niệm. Sở Y tế đã được tặng Huân chương Lao động hạng Ba năm 2010.")
    assert dated == {("Huân chương Lao động hạng Ba", "Sở Y tế", "earlier")}


# 4. Names and counts together


def test_a_count_and_its_members(recogniser):
    text = ("Chủ tịch UBND tỉnh tặng Bằng khen của Chủ tịch UBND tỉnh cho 6 cá nhân gồm: ông Lê Văn An, "
            "bà Trần Thị Bích, ông Phạm Quốc Cường.")
    got = full(recogniser, text)
    assert ("Bằng khen của Chủ tịch UBND tỉnh", "cá nhân", "individuals", 6, "conferred") in got
    assert {h[1] for h in got} == {"cá nhân", "Lê Văn An", "Trần Thị Bích", "Phạm Quốc Cường"}


def test_a_named_list_goes_on_across_paragraphs(recogniser):
    text = ("Chủ tịch nước truy tặng danh hiệu Bà mẹ Việt Nam anh hùng cho 3 mẹ gồm:\n\n"
            "Cụ thể, xã Hòa Bình có 2 trường hợp: bà Lý Thị Na (SN 1901, xã Hòa Bình), bà Hà Thị Mơ.\n\n"
            "Xã Yên Lạc có bà Đàm Thị Nụ.")
    names = {h[1] for h in full(recogniser, text)}
    assert {"Lý Thị Na", "Hà Thị Mơ"} <= names


def test_for_a_person(recogniser):
    text = "Hội đồng đề nghị tặng Huân chương Lao động hạng Ba đối với ông Nguyễn Văn Bình."
    assert read(recogniser, text) == {("Huân chương Lao động hạng Ba", "Nguyễn Văn Bình", "proposed")}


def test_a_name_with_its_post_then_the_verb(recogniser):
    text = "Ông Trần Văn Hải - Trưởng phòng Tổng hợp, Sở Y tế được trao tặng Huân chương Lao động hạng Ba."
    result = recogniser.recognise("", text)
    assert [(h.recipient, h.unit.slug if h.unit else None) for h in result.honours] == [("Trần Văn Hải", "so-y-te")]


def test_collectives_and_individuals_are_two_honours(recogniser):
    text = "Chủ tịch UBND tỉnh tặng Bằng khen của Chủ tịch UBND tỉnh cho 12 tập thể và 30 cá nhân."
    assert full(recogniser, text) == {
        ("Bằng khen của Chủ tịch UBND tỉnh", "tập thể", "collectives", 12, "conferred"),
        ("Bằng khen của Chủ tịch UBND tỉnh", "cá nhân", "individuals", 30, "conferred"),
    }


# Variants and uncertainty


SENTENCES = [
    "Thừa ủy quyền Chủ tịch nước, đồng chí Hoàng Văn Tâm trao Huân chương Lao động hạng Ba cho bà Lý Thị Mai.",
    "Hội đồng thống nhất đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho 12 tập thể và 30 cá nhân.",
]


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize(
    "transform",
    [lambda t: unicodedata.normalize("NFD", t), lambda t: t.replace("ủy", "uỷ")],
    ids=["nfd", "old-tones"],
)
def test_variants_give_the_same_honours(recogniser, text, transform):
    def nfc(honours):
        return {tuple(unicodedata.normalize("NFC", v).replace("uỷ", "ủy") if isinstance(v, str) else v for v in h)
                for h in honours}
    assert nfc(full(recogniser, transform(text))) == nfc(full(recogniser, text))


def test_a_title_in_capitals_gives_the_same_honours_and_no_extra_units(recogniser):
    title = "Sở Y tế được tặng Huân chương Lao động hạng Ba"
    plain, upper = recogniser.recognise(title, ""), recogniser.recognise(title.upper(), "")
    assert {(h.award.slug, h.recipient_kind, h.status) for h in upper.honours} == \
        {(h.award.slug, h.recipient_kind, h.status) for h in plain.honours} != set()
    assert [u.slug for u in upper.units] == [u.slug for u in plain.units]


def test_an_honour_carries_its_evidence_and_a_doubt(recogniser):
    text = ("Sở Nội vụ đề nghị Chủ tịch UBND tỉnh khen thưởng Sở Tài chính, "
            "đồng thời Sở Y tế được tặng Bằng khen của Chủ tịch UBND tỉnh.")
    [honour] = [h for h in recogniser.recognise("", text).honours if h.recipient == "Sở Y tế"]
    assert honour.sentence == text and honour.offset == 0
    assert honour.uncertain == "status"


def test_a_counted_subject_keeps_its_description(recogniser):
    text = "Có 6 đồng chí nguyên là cán bộ của các đơn vị trong tỉnh được trao tặng Huân chương Lao động hạng Ba."
    assert full(recogniser, text) == {("Huân chương Lao động hạng Ba", "đồng chí", "individuals", 6, "conferred")}


def test_a_count_shared_by_several_awards_counts_none_of_them(recogniser):
    text = ("Phó Chủ tịch UBND tỉnh trao Huân chương Lao động hạng Nhì, Huân chương Lao động hạng Ba "
            "cho 2 cá nhân của Sở Y tế.")
    assert {(h[0], h[3]) for h in full(recogniser, text)} == {
        ("Huân chương Lao động hạng Nhì", None), ("Huân chương Lao động hạng Ba", None)}


def test_a_named_subject_of_a_proposal_is_uncertain(recogniser):
    text = "Sở Văn hóa đề nghị khen thưởng Huân chương Lao động hạng Ba."
    [honour] = recogniser.recognise("", text).honours
    assert (honour.recipient, honour.status, honour.uncertain) == ("Sở Văn hóa", "proposed", "recipient")


def test_a_group_named_in_the_next_sentence(recogniser):
    text = ("Chủ tịch UBND tỉnh ký Quyết định tặng Bằng khen của Chủ tịch UBND tỉnh cho các tập thể có thành tích. "
            "Theo đó, có 3 tập thể có thành tích xuất sắc trong năm học gồm: Trường THCS Văn Lang; "
            "Trường THPT Hùng Vương; Sở Y tế.")
    names = {h[1] for h in full(recogniser, text)}
    assert {"Trường THCS Văn Lang", "Trường THPT Hùng Vương", "Sở Y tế"} <= names


def test_a_list_after_la_stops_before_the_next_clause(recogniser):
    text = ("Trong đó, 1 tập thể đề nghị tặng Huân chương Lao động hạng Nhất là Sở Y tế; "
            "2 cá nhân đề nghị tặng Huân chương Lao động hạng Nhì.")
    got = full(recogniser, text)
    assert ("Huân chương Lao động hạng Nhất", "Sở Y tế", "unit", None, "proposed") in got
    assert ("Huân chương Lao động hạng Nhì", "cá nhân", "individuals", 2, "proposed") in got
    assert not any(h[0] == "Huân chương Lao động hạng Nhất" and h[3] == 2 for h in got)


def test_earlier_honours_are_listed_apart_by_extract(tmp_path):
    from tests.conftest import run_newsroom

    article = tmp_path / "bai.txt"
    article.write_text("Sở Y tế làm việc năm 2026\n\nTừ khi thành lập đến nay, Sở Y tế đã được tặng "
                       "Huân chương Lao động hạng Ba.\n", encoding="utf-8")
    import json
    result = run_newsroom("extract", "--json", str(article), cwd=ROOT)
    [entry] = json.loads(result.stdout)
    assert entry["honours"] == [] and [h["status"] for h in entry["earlier"]] == ["earlier"]
