"""Reading document numbers in the party and the state formats."""

from __future__ import annotations

import pytest

from kehoach.model.docnumber import DocNumberError, parse_doc_number


@pytest.mark.parametrize(
    ("text", "serial", "code", "issuers", "year", "system"),
    [
        ("12-KH/BDVTU", "12", "KH", ("BDVTU",), None, "party"),
        ("25-NQ/TW", "25", "NQ", ("TW",), None, "party"),
        ("05-QC/BTCTU-BDVTU", "05", "QC", ("BTCTU", "BDVTU"), None, "party"),
        ("20-CTr/BDVTU-BCSĐUB", "20", "CTr", ("BDVTU", "BCSĐUB"), None, "party"),
        ("05-QĐi/TW", "05", "QĐi", ("TW",), None, "party"),
        ("96-TB/VPTU", "96", "TB", ("VPTU",), None, "party"),
        ("775-CV/ĐUK", "775", "CV", ("ĐUK",), None, "party"),
        ("16/CT-TTg", "16", "CT", ("TTg",), None, "state"),
        ("04/2015/NĐ-CP", "04", "NĐ", ("CP",), 2015, "state"),
        ("77/2017/NQ-HĐND", "77", "NQ", ("HĐND",), 2017, "state"),
        ("34/2007/PL-UBTVQH11", "34", "PL", ("UBTVQH11",), 2007, "state"),
        ("324/CTr-BDVTU-CAT", "324", "CTr", ("BDVTU", "CAT"), None, "state"),
        ("123/UBND-VX", "123", None, ("UBND", "VX"), None, "state"),  # công văn: no type part
        ("25/2018/QH14", "25", None, ("QH14",), 2018, "state"),  # a law
    ],
)
def test_well_formed_numbers(
    text: str, serial: str, code: str | None, issuers: tuple[str, ...], year: int | None, system: str
) -> None:
    number = parse_doc_number(text)
    assert (number.serial, number.type_code, number.issuers, number.year, number.system) == (
        serial,
        code,
        issuers,
        year,
        system,
    )


@pytest.mark.parametrize(
    ("text", "suggestion", "reason"),
    [
        ("36 - KH/BDVTU", "36-KH/BDVTU", "khoảng trắng"),
        ("Số 12-KH/BDVTU", "12-KH/BDVTU", "khoảng trắng"),
        ("1238 – QĐ/TU", "1238-QĐ/TU", "khoảng trắng"),
        ("01–CTr/BDVTW", "01-CTr/BDVTW", "gạch dài"),
        ("65-Ctr/TU", "65-CTr/TU", "chữ hoa/thường"),
        ("72-NQ-TW", "72-NQ/TW", "thiếu dấu '/'"),
    ],
)
def test_miswritten_numbers_are_explained_with_the_likely_form(text: str, suggestion: str, reason: str) -> None:
    with pytest.raises(DocNumberError) as caught:
        parse_doc_number(text)
    assert caught.value.suggestion == suggestion
    assert reason in caught.value.message
    assert repr(suggestion) in caught.value.message


@pytest.mark.parametrize("text", ["", "abc", "12/", "KH/BDVTU", "12-XYZ/TU", "12-KH/", "12-KH/bdvtu"])
def test_unreadable_numbers_list_the_expected_shapes(text: str) -> None:
    with pytest.raises(DocNumberError) as caught:
        parse_doc_number(text)
    assert "12-KH/BDVTU" in caught.value.message and "04/2015/NĐ-CP" in caught.value.message


@pytest.mark.parametrize(
    ("text", "code", "issuers", "system"),
    [
        ("/KH-UBND", "KH", ("UBND",), "state"),
        ("/KH-MTTQ-BTT", "KH", ("MTTQ", "BTT"), "state"),
        ("-KH/TU", "KH", ("TU",), "party"),
    ],
)
def test_a_serial_left_blank_for_the_hand_keeps_the_rest(
    text: str, code: str, issuers: tuple[str, ...], system: str
) -> None:
    number = parse_doc_number(text)
    assert (number.blank, number.type_code, number.issuers, number.system) == (True, code, issuers, system)
    assert not parse_doc_number("12-KH/TU").blank
