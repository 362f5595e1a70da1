"""Stage 5 of an import: unit names as written, matched against the registry.

Plans write units many ways ("Ban cán sự đảng UBND tỉnh", "BCSĐ UBND tỉnh"),
misspell them ("Bân Dân tộc tỉnh") and list several in one phrase ("Sở Nội vụ,
các ngành liên quan"). Matching folds accents and case (so most misspellings of
a mark compare equal), expands the usual abbreviations, tries each registry
spelling with and without the province name, and prefers units of the plan's
province, then central and generic ones. A unit of another province only serves
as a model for a proposed unit of this province; a name matching nothing is
proposed as a new unit, always flagged for review.

The stage reads along four modules, each importing only the ones before it:

- ``names``: the words of a name (head words, abbreviations, levels), its matching key and its kind;
- ``name_shape``: whether words are shaped as a body's name or a group's (``odd_name``, ``bare_kinds``);
- ``name_ends``: where a name ends in running text;
- ``registry``: matching against the catalogue, reading a list of names, proposing new units.

This module is their entry: the names the rest of the importer uses.
"""

from __future__ import annotations

from .forms import PERSON_TITLE
from .name_shape import GENERIC_GROUP, bare_kinds, names_members, odd_name, opens_with_head
from .names import BODY_HEADS, COMMITTEE_OF_BLOC, HEADS, ORG_WORDS, guess_kind, norm, org_opening
from .registry import Match, Proposed, Registry

__all__ = [
    "BODY_HEADS",
    "COMMITTEE_OF_BLOC",
    "GENERIC_GROUP",
    "HEADS",
    "ORG_WORDS",
    "PERSON_TITLE",
    "Match",
    "Proposed",
    "Registry",
    "bare_kinds",
    "guess_kind",
    "names_members",
    "norm",
    "odd_name",
    "opens_with_head",
    "org_opening",
]
