"""Suppression comments read from a file, and the one object shared by every file without any."""

from __future__ import annotations

import pickle

from kehoach.load.suppress import NONE, Suppressions, read_suppressions

KNOWN = {"KH701", "KH702"}


def test_a_file_without_suppressions_shares_the_empty_one_also_from_the_cache() -> None:
    plain = read_suppressions("id: a\ntitle: b\n", KNOWN)
    mentioned = read_suppressions("id: a\n# kehoach: ghi chú không phải lệnh tắt\n", KNOWN)
    assert plain is NONE and mentioned is NONE
    assert not plain and plain == Suppressions()
    assert pickle.loads(pickle.dumps([plain, Suppressions()])) == [NONE, NONE]
    assert all(s is NONE for s in pickle.loads(pickle.dumps([plain, Suppressions()])))


def test_suppressions_are_read_and_kept_through_the_cache() -> None:
    text = "id: a  # kehoach: disable=KH701\n# kehoach: disable-file=KH702, KH999\nlead: []\n"
    found = read_suppressions(text, KNOWN)
    assert found is not NONE and found
    assert found.covers("KH701", 1) and found.covers("KH702", 3) and not found.covers("KH701", 3)
    assert found.unknown == [(2, 1, "KH999")]
    again = pickle.loads(pickle.dumps(found))
    assert again == found and again is not NONE
    assert Suppressions() == NONE  # never changed by reading
