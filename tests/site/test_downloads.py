"""Take-away files built with the site: iCalendar feeds read back by a strict
RFC 5545 reader written here (line folding, escaping, UID, DTSTAMP), and the
task sheet as CSV and Excel."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from docx import Document
from openpyxl import load_workbook
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from kehoach.check import load_repository
from kehoach.site.calendar import escape, fold
from kehoach.site.records import build_site

TODAY = dt.date(2021, 7, 1)


def _unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            nxt = next(chars)
            assert nxt in "\\;,nN", f"bad escape \\{nxt}"
            out.append("\n" if nxt in "nN" else nxt)
        else:
            assert char not in ";,", "TEXT values escape ; and ,"
            out.append(char)
    return "".join(out)


def read_ics(data: bytes) -> list[dict[str, str]]:
    """Events of a calendar, checked strictly: CRLF lines of at most 75 octets,
    folds that never split a character, balanced BEGIN/END, the required properties."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    physical = text[:-2].split("\r\n")
    for line in physical:
        assert len(line.encode("utf-8")) <= 75, line
    logical: list[str] = []
    for line in physical:
        if line.startswith(" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    assert logical[0] == "BEGIN:VCALENDAR" and logical[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in logical and any(line.startswith("PRODID:") for line in logical)
    events, current = [], None
    for line in logical[1:-1]:
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            assert current is None
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            events.append(current)
            current = None
        elif current is not None:
            current[name] = _unescape(value) if name in ("SUMMARY", "DESCRIPTION") else value
    assert current is None
    for event in events:
        assert re.fullmatch(r"\d{8}T\d{6}Z", event["DTSTAMP"])
        assert re.fullmatch(r"\d{8}", event["DTSTART;VALUE=DATE"])
        start = dt.datetime.strptime(event["DTSTART;VALUE=DATE"], "%Y%m%d").date()
        end = dt.datetime.strptime(event["DTEND;VALUE=DATE"], "%Y%m%d").date()
        assert end == start + dt.timedelta(days=1)
    uids = [e["UID"] for e in events]
    assert len(uids) == len(set(uids))
    return events


def test_folding_never_splits_a_character_and_escaping_round_trips() -> None:
    line = "SUMMARY:" + escape("Hạn: “Dân vận khéo”; tổ chức, sơ kết\\tổng kết\nđợt 2") * 4
    folded = fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    unfolded = folded.replace("\r\n ", "")
    assert unfolded == line
    assert _unescape(unfolded.partition(":")[2]) == "Hạn: “Dân vận khéo”; tổ chức, sơ kết\\tổng kết\nđợt 2" * 4


def test_feeds_for_the_office_and_each_lead_unit(base_repo: Path) -> None:
    index, _ = load_repository(base_repo, TODAY)
    files = build_site(index, TODAY)
    office = read_ics(files["tai-ve/han-nhiem-vu.ics"])  # type: ignore[arg-type]
    assert [e["UID"] for e in office] == ["tinh-a-2021-12-kh-bdvtu-nv01@kehoach"]  # nv02 is continuous
    assert office[0]["DTSTART;VALUE=DATE"] == "20210930"  # quý III/2021
    assert office[0]["SUMMARY"].startswith("Hạn: Tiếp tục quán triệt Nghị quyết số 25-NQ/TW")
    unit = read_ics(files["tai-ve/don-vi/tinh-a-ban-dan-van.ics"])  # type: ignore[arg-type]
    assert [e["UID"] for e in unit] == [e["UID"] for e in office]
    assert "tai-ve/don-vi/tinh-a-ban-dan-toc.ics" not in files  # leads nothing
    assert 'href="../tai-ve/don-vi/tinh-a-ban-dan-van.ics"' in files["don-vi/tinh-a-ban-dan-van.md"].html  # type: ignore[union-attr]


def test_the_task_sheet_comes_as_csv_and_excel(base_repo: Path) -> None:
    index, _ = load_repository(base_repo, TODAY)
    files = build_site(index, TODAY)
    rows = list(csv.reader(io.StringIO(files["tai-ve/nhiem-vu.csv"].decode("utf-8-sig"))))  # type: ignore[union-attr]
    assert len(rows) == 1 + len(index.tasks)
    sheet = load_workbook(io.BytesIO(files["tai-ve/nhiem-vu.xlsx"])).active  # type: ignore[arg-type]
    assert [c.value for c in sheet[1]] == rows[0]
    assert sheet.max_row == 1 + len(index.tasks)


PLAN = "tinh-a-2021-12-kh-bdvtu"


def _words(document: object) -> str:
    """All the text of a Word document, its header table included, spaces evened."""
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]  # type: ignore[attr-defined]
    return " ".join(" ".join([*(p.text for p in document.paragraphs), *cells]).split())  # type: ignore[attr-defined]


def test_each_plan_comes_as_word_and_its_page_links_it(base_repo: Path) -> None:
    index, _ = load_repository(base_repo, TODAY)
    files = build_site(index, TODAY)
    document = Document(io.BytesIO(files[f"tai-ve/ke-hoach/{PLAN}.docx"]))  # type: ignore[arg-type]
    text = _words(document)
    assert index.plans[PLAN].number in text
    for task in index.tasks.values():
        assert " ".join(task.text.split())[:60] in text
    assert f'href="../tai-ve/ke-hoach/{PLAN}.docx">Tải văn bản (.docx)' in files[f"ke-hoach/{PLAN}.md"].html  # type: ignore[union-attr]


def test_above_the_limit_plans_come_without_word_documents(base_repo: Path) -> None:
    index, _ = load_repository(base_repo, TODAY)
    files = build_site(index, TODAY, docx_limit=len(index.plans) - 1)
    assert not [path for path in files if path.endswith(".docx")]
    assert "Tải văn bản (.docx)" not in files[f"ke-hoach/{PLAN}.md"].html  # type: ignore[union-attr]


def test_the_built_plan_page_offers_its_word_document(built: Path, server: str, browser: WebDriver) -> None:
    browser.get(server + "ke-hoach/binh-thuan-2022-54-kh-bdvtu.html")
    address = browser.find_element(By.LINK_TEXT, "Tải văn bản (.docx)").get_attribute("href")
    assert address == server + "tai-ve/ke-hoach/binh-thuan-2022-54-kh-bdvtu.docx"
    document = Document(str(built / "tai-ve" / "ke-hoach" / "binh-thuan-2022-54-kh-bdvtu.docx"))
    assert "54-KH/BDVTU" in _words(document)
