"""Document number rules: the type part of a number agrees with the record's type."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..codes import Code
from ..findings import Finding
from ..index import Entry
from ..model import Directive, DocType, Plan
from ..model.docnumber import DocNumber, DocNumberError, parse_doc_number
from ..model.doctype import TYPE_CODES
from .base import Context, at


def _numbered(ctx: Context) -> Iterator[tuple[Entry, Directive | Plan, DocNumber]]:
    """Documents with a readable number (unreadable ones are reported by the model stage)."""
    for entry in ctx.entries():
        record = entry.record
        if isinstance(record, Directive | Plan) and record.number:
            try:
                yield entry, record, parse_doc_number(record.number)
            except DocNumberError:
                continue


def check_type_codes(ctx: Context) -> Iterator[Finding]:
    for entry, record, number in _numbered(ctx):
        doc_type = record.type if isinstance(record, Directive) else record.type.doc_type
        if number.type_code is None:
            if not _untyped(doc_type, number):
                yield at(
                    entry,
                    ("number",),
                    Code.KH401,
                    f"số hiệu '{record.number}' không có phần loại văn bản (chỉ công văn, luật, và nghị quyết, "
                    "pháp lệnh của Quốc hội, Ủy ban Thường vụ Quốc hội viết như vậy, ví dụ 197/2025/QH15), "
                    f"nhưng văn bản có loại '{doc_type.value}' ({doc_type.label})",
                )
            continue
        allowed = TYPE_CODES[number.type_code]
        if isinstance(record, Plan) and DocType.BAO_CAO in allowed:
            continue  # the programme part of a report ('Phần thứ hai: Phương hướng ...') carries the report's number
        if doc_type not in allowed:
            expected = ", ".join(sorted(t.value for t in allowed))
            field = ("type",) if isinstance(record, Directive) else ("number",)
            what = (
                "kế hoạch phải có số dạng '<số>-KH/<cơ quan>', chương trình '<số>-CTr/<cơ quan>', kế hoạch ban "
                "hành kèm quyết định mang số của quyết định (QĐ), công văn giao việc số công văn (CV)"
                if isinstance(record, Plan)
                else f"cần loại {expected}"
            )
            yield at(
                entry,
                field,
                Code.KH401,
                f"số hiệu '{record.number}' mang loại '{number.type_code}' nhưng văn bản ghi loại "
                f"'{doc_type.value}' ({doc_type.label}); {what}",
            )


# The National Assembly (QH15) and its Standing Committee (UBTVQH15), by term: their laws,
# resolutions and ordinances are numbered '<n>/<year>/<issuer><term>' with no type part.
_ASSEMBLY = re.compile(r"(?:UBTV)?QH\d+")
_ASSEMBLY_TYPES = frozenset({DocType.LUAT, DocType.NGHI_QUYET, DocType.PHAP_LENH})


def _untyped(doc_type: DocType, number: DocNumber) -> bool:
    """Whether a document of ``doc_type`` is written with a number without a type part."""
    if doc_type in (DocType.CONG_VAN, DocType.LUAT):
        return True
    return doc_type in _ASSEMBLY_TYPES and len(number.issuers) == 1 and bool(_ASSEMBLY.fullmatch(number.issuers[0]))


def check_issuer_codes(ctx: Context) -> Iterator[Finding]:
    """The issuer part of a number names the issuing unit (when the unit declares its codes)."""
    index = ctx.index
    for entry, record, number in _numbered(ctx):
        issuer = index.units.get(record.issuer) if record.issuer else None
        if issuer is None or not issuer.codes:
            continue  # unknown issuer: reported as a reference; no codes: nothing to compare
        issuing = [index.units[u] for u in (record.issuer, *record.co_issuers) if u in index.units]
        known = {code for unit in issuing for code in unit.codes}
        if not known & set(number.issuers):
            message = foreign_issuer(record.number or "", number, record.issuer, issuer.name, issuer.codes)
            yield at(entry, ("issuer",), Code.KH402, message)


def foreign_issuer(text: str, number: DocNumber, issuer: str | None, name: str, codes: list[str]) -> str:
    """KH402's message: the number ``text`` (read as ``number``) names no code of its issuer."""
    return (
        f"số hiệu '{text}' mang ký hiệu cơ quan '{number.issuer_code}' nhưng cơ quan ban hành "
        f"'{issuer}' ({name}) có ký hiệu {', '.join(codes)}; kiểm tra lại 'issuer' "
        "hoặc thêm ký hiệu vào 'codes' của đơn vị"
    )
