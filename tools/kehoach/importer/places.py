"""The provinces and centrally-run cities of Viet Nam, and the ids an import makes for its records.

A province is read from the header's unit lines ('TỈNH ỦY LÀO CAI'); when a line runs into the next one
(a PDF's columns, a motto on the same line) the words after the province's name are read as part of it,
and every id built on it grows with them. A province's name is checked against this list, and every id
an import makes is capped in one place.
"""

from __future__ import annotations

from ..model.common import ID_MAX_LENGTH
from ..text import fold, slugify

# The 63 provinces and centrally-run cities before the 2025 merger; the 34 after it keep names of these.
PROVINCES: tuple[str, ...] = (
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bạc Liêu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Dương",
    "Bình Định",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Cần Thơ",
    "Đà Nẵng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Nội",
    "Hà Tĩnh",
    "Hải Dương",
    "Hải Phòng",
    "Hậu Giang",
    "Hòa Bình",
    "Hồ Chí Minh",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lạng Sơn",
    "Lào Cai",
    "Lâm Đồng",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Huế",
    "Tiền Giang",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
)


def _key(name: str) -> str:
    # 'Bà Rịa-Vũng Tàu', 'Bà Rịa – Vũng Tàu', 'Thừa Thiên - Huế': one key; tone placement folds away
    return " ".join(fold(name).replace("-", " ").replace("–", " ").split())


_BY_KEY = {_key(p): p for p in PROVINCES}
_LONGEST = max(len(k.split()) for k in _BY_KEY)


def province_named(text: str) -> str | None:
    """The province or centrally-run city ``text`` names, as ``text`` writes it: the whole of it when it is
    one ('Lào Cai'), else the province its first words name ('Lào Cai Đảng Cộng sản Việt Nam': a line
    run into the next one), else None ('Lương Minh': a commune; 'Cộng hòa ...': no place)."""
    words = text.replace("–", "-").split()
    # the words of the text, with a dash written as its own word kept so the prefix can be cut as written
    plain = [w for w in words if w != "-"]
    for size in range(min(_LONGEST, len(plain)), 0, -1):
        if _key(" ".join(plain[:size])) in _BY_KEY:
            seen = 0
            for end, word in enumerate(words, 1):
                seen += word != "-"
                if seen == size:
                    return " ".join(words[:end])
    return None


def record_id(*parts: str | None) -> str:
    """An id made of slugged parts ('lao-cai', 'ban dân vận'), capped at the ids' length on a word
    boundary: the one place an import's ids are cut."""
    slug = "-".join(s for s in (slugify(p) for p in parts if p) if s)
    return cap_id(slug)


def cap_id(slug: str, length: int = ID_MAX_LENGTH) -> str:
    """A slug cut to ``length`` (the ids' length), at a word boundary when one is near."""
    if len(slug) <= length:
        return slug.strip("-")
    cut = slug[:length]
    if slug[length] != "-" and "-" in cut[length // 2 :]:
        cut = cut[: cut.rindex("-")]
    return cut.strip("-")


PLACE_SLUG_LENGTH = 40  # 'ba-ria-vung-tau', 'thanh-pho-ho-chi-minh': a place's slug is short; ids start with it


def place_slug(place: str) -> str:
    """A place's slug as the first part of an id, short enough to leave the id room for the unit's name."""
    return cap_id(slugify(place), PLACE_SLUG_LENGTH)
