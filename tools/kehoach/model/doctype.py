"""The kinds of document a plan can cite, and the type codes each kind is
written with in a document number (số và ký hiệu)."""

from __future__ import annotations

from ..text import fold
from .common import LabelledEnum


class DocType(LabelledEnum):
    """Loại văn bản."""

    NGHI_QUYET = "nghi-quyet", "Nghị quyết (NQ)"
    CHI_THI = "chi-thi", "Chỉ thị (CT)"
    KET_LUAN = "ket-luan", "Kết luận (KL)"
    QUYET_DINH = "quyet-dinh", "Quyết định (QĐ)"
    QUY_DINH = "quy-dinh", "Quy định (QĐi; văn bản thực tế cũng ghi QĐ; nhà nước ghi QyĐ)"
    QUY_CHE = "quy-che", "Quy chế (QC)"
    THONG_BAO = "thong-bao", "Thông báo (TB)"
    CONG_DIEN = "cong-dien", "Công điện (CĐ)"
    CONG_VAN = "cong-van", "Công văn (CV; công văn nhà nước không có phần loại)"
    CHUONG_TRINH = "chuong-trinh", "Chương trình (CTr)"
    HUONG_DAN = "huong-dan", "Hướng dẫn (HD)"
    DE_AN = "de-an", "Đề án (ĐA)"
    PHUONG_AN = "phuong-an", "Phương án (PA)"
    TO_TRINH = "to-trinh", "Tờ trình (TTr)"
    BAO_CAO = "bao-cao", "Báo cáo (BC)"
    KE_HOACH = "ke-hoach", "Kế hoạch (KH)"
    LUAT = "luat", "Luật, Bộ luật (số/năm/QHxx)"
    NGHI_DINH = "nghi-dinh", "Nghị định (NĐ)"
    PHAP_LENH = "phap-lenh", "Pháp lệnh (PL)"
    THONG_TU = "thong-tu", "Thông tư (TT)"
    THONG_TU_LIEN_TICH = "thong-tu-lien-tich", "Thông tư liên tịch (TTLT)"
    NGHI_QUYET_DAI_HOI = "nghi-quyet-dai-hoi", "Nghị quyết Đại hội (thường không có số)"
    KHAC = "khac", "Loại khác"


# Type codes as they appear in numbers. A code may stand for several kinds
# (QĐ is written for both Quyết định and Quy định) and a kind may be written
# with several codes; the checker accepts any pair listed here.
TYPE_CODES: dict[str, frozenset[DocType]] = {
    "NQ": frozenset({DocType.NGHI_QUYET, DocType.NGHI_QUYET_DAI_HOI}),
    "CT": frozenset({DocType.CHI_THI}),
    "KL": frozenset({DocType.KET_LUAN}),
    "QĐ": frozenset({DocType.QUYET_DINH, DocType.QUY_DINH}),
    "QĐi": frozenset({DocType.QUY_DINH}),
    "QyĐ": frozenset({DocType.QUY_DINH}),
    "QC": frozenset({DocType.QUY_CHE}),
    "TB": frozenset({DocType.THONG_BAO}),
    "CĐ": frozenset({DocType.CONG_DIEN}),
    "CV": frozenset({DocType.CONG_VAN}),
    "CTr": frozenset({DocType.CHUONG_TRINH}),
    "HD": frozenset({DocType.HUONG_DAN}),
    "ĐA": frozenset({DocType.DE_AN}),
    "PA": frozenset({DocType.PHUONG_AN}),
    "TTr": frozenset({DocType.TO_TRINH}),
    "BC": frozenset({DocType.BAO_CAO}),
    "KH": frozenset({DocType.KE_HOACH}),
    "NĐ": frozenset({DocType.NGHI_DINH}),
    "PL": frozenset({DocType.PHAP_LENH}),
    "TT": frozenset({DocType.THONG_TU}),
    "TTLT": frozenset({DocType.THONG_TU_LIEN_TICH}),
    "NQLT": frozenset({DocType.NGHI_QUYET}),  # nghị quyết liên tịch (102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN)
}

# Case-insensitive lookup, so "Ctr" or "QD" are recognised (and then reported
# as miswritten by the number parser).
_CODE_BY_FOLDED = {code.casefold(): code for code in TYPE_CODES}
_CODE_BY_ASCII = {fold(code): code for code in TYPE_CODES}


def canonical_type_code(code: str) -> str | None:
    """Return the canonical spelling of a type code ('Ctr' -> 'CTr'), or None."""
    folded = code.casefold()
    return _CODE_BY_FOLDED.get(folded) or _CODE_BY_ASCII.get(fold(code))
