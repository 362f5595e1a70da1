"""Vietnamese text helpers: folding, slugs and alphabetical order."""

from __future__ import annotations

import unicodedata

import pytest

from kehoach.text import fold, is_nfc, nfc, slugify, sort_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hòa", "hoà"),  # tone mark on the other vowel
        ("Ủy ban", "uỷ ban"),
        ("dân vận", "dan van"),
        ("Đảng", "dang"),
        ("quy chế dân chủ", "QUY CHE DAN CHU"),
        (unicodedata.normalize("NFD", "Bân Dân tộc  tỉnh"), "ban dan toc tinh"),
    ],
)
def test_fold_makes_spelling_variants_equal(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_fold_keeps_different_words_apart() -> None:
    assert fold("dân vận") != fold("dân tộc")


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Ban Dân vận Tỉnh ủy", "ban-dan-van-tinh-uy"),
        ("Đảng ủy Khối CQ&DN tỉnh", "dang-uy-khoi-cq-dn-tinh"),
        ("12-KH/BDVTU", "12-kh-bdvtu"),
        ("  Quyết định 23-QĐ/TW ", "quyet-dinh-23-qd-tw"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_nfc_normalises_decomposed_text() -> None:
    decomposed = unicodedata.normalize("NFD", "Một")
    assert not is_nfc(decomposed)
    assert nfc(decomposed) == "Một"


def test_vietnamese_alphabetical_order() -> None:
    names = ["Đồng Nai", "Bình Thuận", "Bình Phước", "Cà Mau", "Điện Biên", "Dak Lak", "An Giang", "Ăn", "Zeta"]
    assert sorted(names, key=sort_key) == [
        "An Giang",
        "Ăn",
        "Bình Phước",
        "Bình Thuận",
        "Cà Mau",
        "Dak Lak",
        "Điện Biên",
        "Đồng Nai",
        "Zeta",
    ]


def test_order_ignores_tone_before_letters_and_uses_it_to_break_ties() -> None:
    assert sorted(["má", "ma", "mà", "mb"], key=sort_key) == ["ma", "mà", "má", "mb"]
    assert sorted(["Ban Dân", "Bana"], key=sort_key) == ["Ban Dân", "Bana"]


def test_one_fold_under_every_form() -> None:
    from kehoach.text import fold, fold_char, fold_words, fold_words_mapped

    written = "Đề án “Dân vận khéo” – 308-CV/TU  Đ"
    assert fold(written) == "de an “dan van kheo” – 308-cv/tu d"
    assert "".join(map(fold_char, written)) == "de an “dan van kheo” - 308-cv/tu  d"
    assert fold_words(written) == fold_words_mapped(written).text == "de an dan van kheo 308 cv tu d"


def test_clip_keeps_short_text_and_cuts_long_text_at_a_word() -> None:
    from kehoach.text import clip

    assert clip("Tuyên truyền   Nghị quyết\n số 25", 80) == "Tuyên truyền Nghị quyết số 25"
    long = "Tổ chức hội nghị sơ kết 5 năm thực hiện Nghị quyết số 25-NQ/TW của Ban Chấp hành Trung ương"
    clipped = clip(long, 40)
    assert len(clipped) <= 40 and clipped.endswith("…")
    assert long.startswith(clipped[:-1])
    assert clipped[-2] != " " and long[len(clipped) - 1] == " "  # cut between words, not inside one
    assert clip("Quyết định " + "x" * 60, 30) == "Quyết định " + "x" * 18 + "…"  # one long word: cut inside it
