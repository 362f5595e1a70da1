"""Reading record files: sizes, links, encodings, BOM, NFC and empty files."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.load import (
    MAX_FILE_BYTES,
    _characters_allowed,
    _plain,
    decode_text,
    discover,
    load_file,
    new_file,
    text_of,
)
from kehoach.load.encoding import guess_legacy_encoding
from kehoach.load.files import walk
from kehoach.load.review import review_notes


def _write(root: Path, rel: str, data: bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "records/units/big.yaml", b"note: " + b"x" * (MAX_FILE_BYTES + 1))
    loaded = load_file(tmp_path, path)
    assert [f.code for f in loaded.findings] == ["KH001"]
    assert "quá lớn" in loaded.findings[0].message
    assert loaded.data is None


def test_a_link_pointing_outside_the_repository_is_not_followed(tmp_path: Path) -> None:
    outside = _write(tmp_path, "outside/secret.yaml", b"id: secret\n")
    repo = tmp_path / "repo"
    link = repo / "records/units/secret.yaml"
    link.parent.mkdir(parents=True)
    link.symlink_to(outside)
    loaded = load_file(repo, link)
    assert [f.code for f in loaded.findings] == ["KH001"]
    assert "ngoài kho" in loaded.findings[0].message


def test_a_dangling_link_is_reported(tmp_path: Path) -> None:
    link = tmp_path / "records/units/gone.yaml"
    link.parent.mkdir(parents=True)
    link.symlink_to(tmp_path / "records/units/missing.yaml")
    assert [f.code for f in load_file(tmp_path, link).findings] == ["KH001"]


def test_tcvn3_and_vni_are_named() -> None:
    # "Ban Dân vận Tỉnh ủy" in TCVN3 (ABC) and in VNI
    tcvn3 = "Ban D©n vËn TØnh ñy".encode("latin-1")
    vni = b"Ban Da\xe2n va\xe4n T\xe6nh u\xfby"
    assert guess_legacy_encoding(b"name: " + tcvn3) == "TCVN3 (ABC)"
    assert guess_legacy_encoding(b"name: " + vni) == "VNI"


def test_bom_is_reported_and_the_record_still_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "records/units/a.yaml", b"\xef\xbb\xbfid: a\n")
    loaded = load_file(tmp_path, path)
    assert [f.code for f in loaded.findings] == ["KH003"]
    assert loaded.data == {"id": "a"}


def test_decomposed_text_is_reported_and_normalised(tmp_path: Path) -> None:
    path = _write(tmp_path, "records/units/a.yaml", "id: a\nname: Mô\u0323t\n".encode())
    loaded = load_file(tmp_path, path)
    assert [(f.code, f.line) for f in loaded.findings] == [("KH004", 2)]
    assert loaded.data == {"id": "a", "name": "Một"}


def test_a_file_of_only_comments_is_empty(tmp_path: Path) -> None:
    path = _write(tmp_path, "records/units/a.yaml", "# chỉ có ghi chú\n".encode())
    assert [f.code for f in load_file(tmp_path, path).findings] == ["KH015"]


def test_discovery_lists_record_files_in_path_order(tmp_path: Path) -> None:
    units = tmp_path / "records/units"
    for rel in ("b.yaml", "b-c.yaml", "b/x.yaml", ".yaml", "a.yml", "dir.yaml/z.yaml", "notes.txt", "target/t.yaml"):
        _write(units, rel, b"id: x\n")
    (units / "link.yaml").symlink_to(units / "b.yaml")
    (units / "linkdir").symlink_to(units / "target")
    (units / "linkdir.yaml").symlink_to(units / "target")
    (units / "gone.yaml").symlink_to(units / "missing.yaml")
    found = [p.relative_to(units).as_posix() for p in discover(tmp_path)]
    # A folder sorts before a sibling whose name it begins ('b/x.yaml' before 'b-c.yaml'),
    # linked folders are not entered, links named like records are listed whatever they point at;
    # a folder named like a record is not entered (the checker's listing has it, to report it).
    assert found == [
        "a.yml",
        "b/x.yaml",
        "b-c.yaml",
        "b.yaml",
        "gone.yaml",
        "link.yaml",
        "linkdir.yaml",
        "target/t.yaml",
    ]
    assert discover(tmp_path / "elsewhere") == []
    assert ("records/units/dir.yaml", False) in walk(tmp_path)


def test_review_notes_are_found_on_whichever_line_they_sit() -> None:
    assert review_notes("# Kiểm tra: ngày ban hành\nid: a\n") == [(1, 1, "# Kiểm tra: ngày ban hành")]
    assert review_notes("# schema\nid: a  # KIỂM TRA: đoán\n") == [(2, 8, "# KIỂM TRA: đoán")]
    # a line separator (U+2028) ends a line as YAML reads it: the note is on the second line
    assert review_notes("id: a\u2028# kiem tra: x\n") == [(2, 1, "# kiem tra: x")]
    assert review_notes("# yaml-language-server: $schema=x\nid: a\n") == []


def _nfc_whatever_is_next_to_it(ch: str, second_of_a_pair: set[str]) -> bool:
    """A character in NFC whatever stands next to it: unchanged by NFC, not combining,
    not composing with a character before it (the second of a canonical pair)."""
    return unicodedata.normalize("NFC", ch) == ch and unicodedata.combining(ch) == 0 and ch not in second_of_a_pair


def test_every_character_read_with_no_look_is_printable_and_in_nfc() -> None:
    """The one pass over the usual file's bytes (``_plain``) stands in for the NFC check
    and the look for control, invisible and tab characters: every character it lets
    through is printable and in NFC whatever stands next to it."""
    second_of_a_pair = set()
    for point in range(sys.maxunicode + 1):
        decomposition = unicodedata.decomposition(chr(point))
        if decomposition and not decomposition.startswith("<") and len(parts := decomposition.split()) == 2:
            second_of_a_pair.add(chr(int(parts[1], 16)))
    through = []
    for point in range(sys.maxunicode + 1):
        if 0xD800 <= point <= 0xDFFF:
            continue
        ch = chr(point)
        if _plain(f"a{ch}b\n".encode()):
            through.append(ch)
            assert ch == "\n" or ch.isprintable(), f"U+{point:04X}"
            assert _nfc_whatever_is_next_to_it(ch, second_of_a_pair), f"U+{point:04X}"
    assert "ạ" in through and "ư" in through and "“" in through and "\t" not in through
    assert len(through) > 500  # the letters of Vietnamese, and more


_TRICKY = [
    "a",
    "Đ",
    "ữ",
    "ư",
    "\u0323",
    "\u0301",
    "\t",
    "\r",
    "\x1b",
    "\x00",
    "\x85",
    "\u00a0",
    "\u00ad",
    "\u200b",
    "\u202e",
    "\u2028",
    "\u2003",
    "\u2013",
    "“",
    "…",
    "\ufeff",
    "\u1100",
    "\u1161",
    "\u1e9b",
    "\U0001f600",
    "\ud800",
    "\x7f",
    "°",
    "#",
    ":",
    " ",
    "\n",
]


@given(st.lists(st.sampled_from(_TRICKY), max_size=30), st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff", b"\xe1"]))
@settings(max_examples=400, deadline=None)
def test_the_usual_files_one_pass_finds_what_the_full_look_finds(parts: list[str], extra: bytes) -> None:
    """Reading a file's text by the one pass gives the same text and the same findings
    as decoding it and looking at every character (text a few of whose characters may
    be anything: a combining mark, a tab, an invisible space, a broken byte)."""
    data = "id: a\nname: Một “x”\n".encode() + "".join(parts).encode("utf-8", "surrogatepass")
    for where in (len(data), 0):
        sample = data[:where] + extra + data[where:]
        quick, full = new_file(Path("."), Path("a.yaml")), new_file(Path("."), Path("a.yaml"))
        read = text_of(sample, quick)
        text = decode_text(sample, full)
        looked = None if text is None else (text, *_characters_allowed(text, full))
        assert read == looked
        assert quick.findings == full.findings
