"""The search index: one folded entry per record, small, safe to embed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from kehoach.check import load_repository
from kehoach.site.search import search_entries, search_fold, search_index_script


def test_fold_meets_the_typed_query() -> None:
    assert search_fold("thi đua “Dân vận khéo”") == "thi dua dan van kheo"
    assert search_fold("308-CV/TU") == "308 cv tu"
    assert search_fold("hoà") == search_fold("hòa") == "hoa"
    assert search_fold("Thường trực Tỉnh uỷ") == search_fold("thuong truc tinh ủy")


def test_every_record_has_one_entry(base_repo: Path) -> None:
    index, _ = load_repository(base_repo, dt.date(2021, 7, 1))
    entries = search_entries(index)
    assert len(entries) == len(index.entries)
    urls = {entry[0] for entry in entries}
    assert "ke-hoach/tinh-a-2021-12-kh-bdvtu.html#tinh-a-2021-12-kh-bdvtu-nv01" in urls
    unit = next(e for e in entries if e[0] == "don-vi/tinh-a-ban-dan-toc.html")
    assert "ban dan toc tinh" in unit[3] and unit[2] == "Đơn vị"


def test_index_script_is_inert_json(base_repo: Path) -> None:
    index, _ = load_repository(base_repo, dt.date(2021, 7, 1))
    script = search_index_script(index)
    assert script.startswith("window.KEHOACH_SEARCH=") and script.endswith(";\n")
    assert json.loads(script[len("window.KEHOACH_SEARCH=") : -2]) == search_entries(index)
