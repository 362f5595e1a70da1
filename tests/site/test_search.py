"""The split search index: folded words with their alternatives, every record
an entry, each part a script that is inert whatever a record holds."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from kehoach.check import load_repository
from kehoach.site.search import INDEX_PATH, roman_value, search_entries, search_files, search_fold, words

TODAY = dt.date(2021, 7, 1)


def test_fold_meets_the_typed_query() -> None:
    assert search_fold("thi đua “Dân vận khéo”") == "thi dua dan van kheo"
    assert search_fold("308-CV/TU") == "308 cv tu"
    assert search_fold("hoà") == search_fold("hòa") == "hoa"
    assert search_fold("Thường trực Tỉnh uỷ") == search_fold("thuong truc tinh ủy")


def test_words_carry_kind_codes_and_roman_values() -> None:
    assert {"nghi", "quyet", "nq", "25"} <= words("Nghị quyết 25")
    assert {"nghi", "quyet", "nq"} <= words("25-NQ/TW")
    assert {"chi", "thi", "ct"} <= words("Chỉ thị số 05")
    assert {"xiii", "13"} <= words("Đại hội XIII của Đảng")
    assert "6" not in words("vì dân")  # a lower-case word that spells a numeral is not one
    assert roman_value("XIV") == 14 and roman_value("IIII") is None


def test_every_record_has_one_entry(base_repo: Path) -> None:
    index, _ = load_repository(base_repo, TODAY)
    entries = search_entries(index, TODAY)
    assert len(entries) == len(index.entries)
    unit = next(e for e in entries if e.show[0] == "don-vi/tinh-a-ban-dan-toc.html")
    assert {"ban", "dan", "toc", "tinh"} <= unit.keys and unit.show[2] == "Đơn vị"
    task = next(e for e in entries if e.show[0].endswith("#tinh-a-2021-12-kh-bdvtu-nv01"))
    assert task.show[3] and task.show[5]  # its due date and situation are shown in the results


def test_index_parts_are_inert_scripts_and_decode_to_the_entries(base_repo: Path) -> None:
    index, _ = load_repository(base_repo, TODAY)
    files = search_files(index, TODAY)
    manifest = json.loads(re.fullmatch(r"KEHOACH_SEARCH\.init\((.*)\);\n", files[INDEX_PATH], re.S).group(1))
    assert manifest["count"] == len(index.entries)
    for path, script in files.items():
        assert script.startswith("KEHOACH_SEARCH.") and "</" not in script, path
    # decode one word's postings the way the page's script does
    entries = search_entries(index, TODAY)
    _key, body = re.fullmatch(r"KEHOACH_SEARCH\.shard\((.*?),(.*)\);\n", files["assets/search/s/dan.js"], re.S).groups()
    postings = json.loads(body)["dan"]
    ids, current = [], 0
    for code in postings.split(","):
        value = int(code, 36)
        current += value >> 1
        ids.append(current)
    assert ids == [n for n, e in enumerate(entries) if "dan" in e.keys | e.rest]


_DIGEST = """
import datetime as dt, hashlib, sys
from pathlib import Path
from kehoach.check import load_repository
from kehoach.site.search import search_files
index, _ = load_repository(Path(sys.argv[1]), dt.date(2021, 7, 1))
for path, script in sorted(search_files(index, dt.date(2021, 7, 1)).items()):
    print(path, hashlib.sha256(script.encode()).hexdigest())
"""


def test_index_is_the_same_bytes_whatever_the_hash_seed(base_repo: Path) -> None:
    # Python orders sets of words by a seed drawn per process: a site built twice from
    # the same records must not differ (words of equal frequency in the suggestions' vocabulary)
    made = [
        subprocess.run(
            [sys.executable, "-c", _DIGEST, str(base_repo)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    ]
    assert "assets/search/v.js" in made[0]
    assert made[0] == made[1] == made[2]
