"""Misspelt registered names (newsroom/core/nearnames.py): what is a slip, what is another name."""

from __future__ import annotations

import pytest

from newsroom.core.matching import split_sentences
from newsroom.core.nearnames import NearNames
from newsroom.core.recognition import Recogniser
from newsroom.core.registry import Registry
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def registry():
    return Registry.load(ROOT / "content" / "registry")


@pytest.fixture(scope="module")
def near(registry):
    return NearNames.of_registry(registry)


@pytest.mark.parametrize("written, registered", [
    ("Sở Nôi vụ", "Sở Nội vụ"),  # a tone mark
    ("HĐND tình", "HĐND tỉnh"),
    ("Hội đồng nhân dân tình", "HĐND tỉnh"),  # the abbreviation's long form
    ("Phòng Tông hợp", "Phòng Tổng hợp"),
    ("Phòng Tổg hợp", "Phòng Tổng hợp"),  # a letter missing
    ("Sở Nọi vụ", "Sở Nội vụ"),  # a quality mark
    ("Bằng khen của Thủ tuớng Chính phủ", "Bằng khen của Thủ tướng Chính phủ"),
])
def test_a_slip_names_the_registered_name(near, written, registered):
    assert near.nearest(written) == registered


@pytest.mark.parametrize("written", [
    "Sở Nội vụ",  # registered as written
    "Trường THCS Hùng Vương",  # abbreviations never differ ("THPT"/"THCS")
    "Sở Ngoại vụ",  # a word of its own, not a slip
    "Sở Y tá",  # a short syllable differs in its marks only
    "Câu lạc bộ bóng đá",
])
def test_another_name_is_no_slip(near, written):
    assert near.nearest(written) is None


def test_slips_in_text_are_capitalised_names_differing_in_marks_only(near):
    sentences = split_sentences("Đại biểu HĐND tình dự họp. Đơn vị có thi đua tốt. Sở Nội vụ báo cáo.")
    found = [(number, entry.name) for number, first, last, entry in near.slips(sentences)]
    assert found == [(0, "HĐND tỉnh")]


def test_recognition_keeps_slips_out_of_the_unregistered(registry):
    result = Recogniser(registry).recognise("Hội nghị", "Sở Nôi vụ phối hợp với Thường trực HĐND tình tổ chức hội nghị.")
    assert {(slip.written, slip.name) for slip in result.slips} == {
        ("Sở Nôi vụ", "Sở Nội vụ"), ("Thường trực HĐND tình", "Thường trực HĐND tỉnh")}
    assert not result.unregistered
