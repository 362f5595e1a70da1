"""The site's own search index, folded (no diacritics, lower case) so that
'dan van' finds 'dân vận' and 'hoà' finds 'hòa', and split so that a first
search at 100k records loads a small part of it:

- ``assets/search/index.js``: the list of word groups (shards) and entry count;
- ``assets/search/s/<first 3 letters>.js``: for each word, the entries that hold
  it (delta-coded ids; the low bit says the word is in the entry's key words);
- ``assets/search/d/<n>.js``: what a result shows (address, title, kind, date,
  province, status), 64 entries a file, loaded for the results shown only;
- ``assets/search/v.js``: every word by frequency, for the "có phải" suggestion.

Every file is a script calling ``KEHOACH_SEARCH`` (not JSON fetched), so the
search works from a folder (file://) too. Words are indexed with their
common alternatives: document kinds and their codes (nghị quyết = NQ),
upper-case Roman numerals and their value (XIII = 13)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass

from ..derived import Situation, assess
from ..index import Index
from ..model import Directive, Plan
from ..model.directive import UNTITLED
from ..model.doctype import TYPE_CODES
from ..text import clip, fold_words, vn_date
from .context import directive_page, plan_page, unit_page
from .html import page_url

INDEX_PATH = "assets/search/index.js"
FOLDER = "assets/search"
CHUNK = 64  # entries per display file
SNIPPET = 160  # characters of a task's text shown as its title in the results
SEARCHED = 400  # characters of a task's text that can be found (keeps the index small)
PREFIX = 3  # a word is filed under its first letters

_ROMAN = re.compile(r"\b[IVXLC]{2,7}\b")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


# The form both the index and the typed query are compared in (the page's
# script does the same): no diacritics, lower case, punctuation as spaces, so
# '“Dân vận khéo”' and 'dan van kheo' or '308-CV/TU' and '308 cv' meet.
search_fold = fold_words


def roman_value(numeral: str) -> int | None:
    """13 for 'XIII'; None when the letters are not a well-formed numeral."""
    total, previous = 0, 0
    for char in reversed(numeral):
        value = _ROMAN_VALUES[char]
        total += -value if value < previous else value
        previous = max(previous, value)
    return total if total > 0 and _to_roman(total) == numeral else None


def _to_roman(value: int) -> str:
    out = ""
    for number, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV")):
        while value >= number:
            out, value = out + letters, value - number
    return out + "I" * value


def _kind_names() -> dict[str, list[str]]:
    """Folded code -> folded kind names, and each kind name -> its codes: 'nq' <-> 'nghi quyet'."""
    pairs: dict[str, list[str]] = defaultdict(list)
    for code, kinds in TYPE_CODES.items():
        for kind in kinds:
            name = search_fold(kind.label.split(" (")[0])
            pairs[search_fold(code)].append(name)
            pairs[name].append(search_fold(code))
    return pairs


KIND_NAMES = _kind_names()


def _by_first_word() -> dict[str, list[tuple[str, list[str]]]]:
    """KIND_NAMES by the name's first word: (' name ', the words of its alternatives)."""
    found: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for name, others in KIND_NAMES.items():
        found[name.partition(" ")[0]].append((f" {name} ", [word for other in others for word in other.split()]))
    return dict(found)


_BY_FIRST = _by_first_word()


def words(text: str) -> set[str]:
    """The folded words of ``text`` with their alternatives (codes, kind names, Roman values)."""
    folded = search_fold(text)
    found = set(folded.split())
    for numeral in _ROMAN.findall(text):
        value = roman_value(numeral)
        if value:
            found.add(str(value))
    padded = f" {folded} "
    # a name's first word among the text's words, then the whole name in the text (a
    # whole name in the text has its first word among the text's words from the start)
    for first in found & _BY_FIRST.keys():
        for name, others in _BY_FIRST[first]:
            if name in padded:
                found.update(others)
    return found


@dataclass
class Entry:
    show: list[str]  # url, title, kind, date, province, status
    keys: set[str]  # words of the number, title, name
    rest: set[str]  # words of the text, units, signer, year


def _document_entry(index: Index, record: Plan | Directive, today_status: str) -> Entry:
    if isinstance(record, Plan):
        page, kind = plan_page(record.id), "Kế hoạch"
        name = record.heading
    else:
        page, kind = directive_page(record.id), "Văn bản"
        name = record.type.label.split(" (")[0]
    number = record.number or ""
    title = f"{name} {number}: {record.title or UNTITLED}".replace(" :", ":")
    issuer = index.units.get(record.issuer or "")
    signer = " ".join(filter(None, [getattr(record, "signer", None), getattr(record, "signer_title", None)]))
    year = str(record.date.year) if record.date else ""
    province = issuer.province or "" if issuer else ""
    return Entry(
        [page_url(page), title, kind, vn_date(record.date), province, today_status],
        words(f"{name} {number} {getattr(record, 'partial_number', None) or ''} {record.title or ''}"),
        words(f"{issuer.name if issuer else ''} {signer} {year} {province}"),
    )


def search_entries(index: Index, today: dt.date, situations: dict[str, Situation] | None = None) -> list[Entry]:
    """One entry per record: documents and units first (they rank first on a tie), then tasks.
    ``situations``: each task's, when already worked out (the site's pages need them too)."""
    units = index.units
    entries: list[Entry] = []
    for record in sorted(index.plans.values(), key=lambda p: p.id):
        entries.append(_document_entry(index, record, ""))
    for directive in sorted(index.directives.values(), key=lambda d: d.id):
        entries.append(_document_entry(index, directive, directive.status.label))
    for unit in sorted(units.values(), key=lambda u: u.id):
        names = " ".join([unit.name, *unit.short_names, *unit.aliases, *unit.codes])
        entries.append(
            Entry(
                [page_url(unit_page(unit.id)), unit.name, "Đơn vị", "", unit.province or "", ""],
                words(names),
                words(unit.province or ""),
            )
        )
    for task in sorted(index.tasks.values(), key=lambda t: (t.plan, t.order)):
        plan = index.plans.get(task.plan)
        text = " ".join(task.text.split())
        short = task.title or clip(text, SNIPPET + 1)
        leads = [units[u] for u in task.lead if u in units]
        province = next((u.province for u in leads if u.province), "")
        state = situations[task.id] if situations and task.id in situations else assess(index, task, today)
        years = " ".join(sorted({str(d.year) for d in (state.deadline, plan.date if plan else None) if d}))
        entries.append(
            Entry(
                [
                    page_url(plan_page(task.plan)) + "#" + task.id,
                    short,
                    f"Nhiệm vụ, {plan.number}" if plan else "Nhiệm vụ",
                    vn_date(state.deadline),
                    province or "",
                    state.label,
                ],
                words(short),
                words(f"{text[:SEARCHED]} {' '.join(u.name for u in leads)} {plan.number if plan else ''} {years}"),
            )
        )
    return entries


def shard_key(word: str) -> str:
    return word[:PREFIX]


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_SMALL = [  # every value below 36 ** 3, written
    *_DIGITS,
    *(a + b for a in _DIGITS[1:] for b in _DIGITS),
    *(a + b + c for a in _DIGITS[1:] for b in _DIGITS for c in _DIGITS),
]


def _b36(value: int) -> str:
    if value < len(_SMALL):  # most values in an index (gaps between entries) are small
        return _SMALL[value]
    digits = _DIGITS
    out = ""
    while True:
        value, rest = divmod(value, 36)
        out = digits[rest] + out
        if not value:
            return out


def _script(call: str, *args: object) -> str:
    payload = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in args)
    # "</" never appears inside the script text, whatever a record holds
    return f"KEHOACH_SEARCH.{call}({payload});\n".replace("</", "<\\/")


def search_files(index: Index, today: dt.date, situations: dict[str, Situation] | None = None) -> dict[str, str]:
    """{site path: script} of the whole split index."""
    entries = search_entries(index, today, situations)
    postings: dict[str, list[int]] = defaultdict(list)  # word -> id*2 + in-keys
    for number, entry in enumerate(entries):
        keys = entry.keys
        for word in keys | entry.rest:
            postings[word].append(number * 2 + (word in keys))
    shards: dict[str, dict[str, str]] = defaultdict(dict)
    small, many = _SMALL, len(_SMALL)
    for word in sorted(postings):
        coded, previous = [], 0
        for value in postings[word]:
            gap = (((value >> 1) - previous) << 1) | (value & 1)
            coded.append(small[gap] if gap < many else _b36(gap))  # _b36, without a call for each
            previous = value >> 1
        shards[shard_key(word)][word] = ",".join(coded)
    files = {f"{FOLDER}/s/{key}.js": _script("shard", key, words) for key, words in shards.items()}
    for start in range(0, len(entries), CHUNK):
        files[f"{FOLDER}/d/{start // CHUNK}.js"] = _script(
            "docs", start // CHUNK, [e.show for e in entries[start : start + CHUNK]]
        )
    # each entry holds a word once: its frequency is its number of postings; words of equal
    # frequency in alphabetical order (first-seen order would follow the sets' hash seed,
    # and two builds of the same records would differ)
    vocabulary = sorted(postings, key=lambda word: (-len(postings[word]), word))
    files[f"{FOLDER}/v.js"] = _script("vocabulary", " ".join(vocabulary))
    # how many key words each entry has: on a tie the more specific entry comes first
    sizes = "".join(_b36(min(len(e.keys), 35)) for e in entries)
    manifest = {"count": len(entries), "chunk": CHUNK, "prefix": PREFIX, "shards": sorted(shards), "sizes": sizes}
    files[INDEX_PATH] = _script("init", manifest)
    return files


def search_page() -> str:
    return "\n".join(
        [
            "# Tìm kiếm",
            "",
            '<form class="kh-search" role="search" action="tim-kiem.html" onsubmit="return false">',
            '<label for="kh-q" class="kh-label">Tìm kế hoạch, nhiệm vụ, văn bản, đơn vị</label>',
            '<input id="kh-q" name="q" type="search" autocomplete="off" '
            'placeholder="Số hiệu, trích yếu, tên đơn vị, người ký, năm... (có dấu hoặc không dấu)">',
            "</form>",
            '<p id="kh-suggest" class="kh-suggest" hidden></p>',
            '<p id="kh-count" class="kh-asof" aria-live="polite">'
            "Gõ từ khóa để tìm kế hoạch, nhiệm vụ, văn bản, đơn vị.</p>",
            '<ol id="kh-results" class="kh-results"></ol>',
            '<script src="assets/kehoach-search.js"></script>',
            f'<script src="{INDEX_PATH}"></script>',
            "",
        ]
    )
