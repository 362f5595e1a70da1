"""Annotated field types that read domain text: document numbers and time
frames are stored as written and validated by their parsers."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from .docnumber import DocNumberError, json_schema_pattern, parse_doc_number
from .timeframe import ACCEPTED_FORMS, TimeFrameError, parse_timeframe_cached


def _check_number(text: str) -> str:
    try:
        parse_doc_number(text)
    except DocNumberError as err:
        raise PydanticCustomError("doc_number", err.message) from None
    return text


def _check_timeframe(text: str) -> str:
    try:
        parse_timeframe_cached(text)
    except TimeFrameError as err:
        raise PydanticCustomError(
            "timeframe", "{reason}; các dạng được chấp nhận: {forms}", {"reason": str(err), "forms": ACCEPTED_FORMS}
        ) from None
    return text


DocNumberText = Annotated[
    str,
    AfterValidator(_check_number),
    Field(
        title="Số và ký hiệu",
        description=(
            "Số và ký hiệu đúng như trên văn bản, không có chữ 'Số': "
            "đảng '12-KH/BDVTU', nhà nước '16/CT-TTg' hoặc '04/2015/NĐ-CP'."
        ),
        examples=["12-KH/BDVTU", "25-NQ/TW", "04/2015/NĐ-CP"],
        json_schema_extra={"pattern": json_schema_pattern()},
    ),
]

TimeFrameText = Annotated[
    str,
    AfterValidator(_check_timeframe),
    Field(
        min_length=1,
        title="Thời gian thực hiện",
        description=(
            "Thời gian ghi đúng như văn bản: 'Thường xuyên', 'quý III/2021', 'Tháng 3/2022', "
            "'trước ngày 09/4/2022', 'Từ tháng 8/2021 đến tháng 12/2021', 'hằng năm', "
            "'Năm 2025 và các năm tiếp theo', nhiều mốc cách nhau bằng dấu ';'. "
            "Công cụ tự đọc ra hạn hoàn thành."
        ),
        examples=["Thường xuyên", "quý III/2021", "trước ngày 09/4/2022"],
    ),
]
