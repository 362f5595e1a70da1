"""Building blocks shared by every record model: ids, strict dates, labelled
enumerations (English value, Vietnamese label) and the record base class."""

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from ..dates import out_of_range

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_MAX_LENGTH = 120

RecordId = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        max_length=ID_MAX_LENGTH,
        title="Mã định danh",
        description=(
            "Mã định danh: chữ thường không dấu, số và dấu gạch nối "
            "(ví dụ `binh-thuan-ban-dan-van`); trùng với tên tệp, không đổi theo thời gian."
        ),
    ),
]
"""A record id: an ASCII slug, the file name without `.yaml`."""

RefId = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        max_length=ID_MAX_LENGTH,
        description="Mã định danh của một bản ghi khác trong kho.",
    ),
]
"""A reference to another record by id; resolved by the checker."""

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _strict_iso_date(value: Any) -> Any:
    # The loader keeps YAML dates as text, so anything else here is a wrong type.
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise PydanticCustomError(
            "iso_date",
            "cần một ngày dạng YYYY-MM-DD (ví dụ 2021-02-08), nhận được '{value}'",
            {"value": value},
        )
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("iso_date", "ngày {value} không tồn tại trong lịch", {"value": value}) from None
    if (reason := out_of_range(day)) is not None:
        raise PydanticCustomError("iso_date", reason)
    return day


IsoDate = Annotated[dt.date, BeforeValidator(_strict_iso_date)]
"""A calendar date written as YYYY-MM-DD; impossible dates such as 2021-02-30 are errors."""

Text = Annotated[str, Field(min_length=1)]
"""Non-empty free text (normalised to NFC by the loader)."""


def empty_list() -> list[Any]:
    """The default of a list field: a new empty list. A function of Python rather
    than ``list`` itself: building a model's validator, pydantic reads the
    signature of each default factory, and ``list``'s is a text parsed with
    tokenize (whose expressions, compiled the first time, took 3 ms of every
    check of an edited record)."""
    return []


class LabelledEnum(str, Enum):  # noqa: UP042 - StrEnum would forbid the (value, label) tuple
    """A string enumeration whose members carry a Vietnamese label.

    Members are declared as ``NAME = "value", "Nhãn tiếng Việt"``; the JSON
    Schema lists the labels so editors show them on hover and completion.
    """

    label: str

    # The default only lets a type checker accept TaskStatus("done"), the lookup by value.
    def __new__(cls, value: str, label: str = "") -> "LabelledEnum":
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema = handler.resolve_ref_schema(json_schema)
        json_schema["enumDescriptions"] = [m.label for m in cls]
        json_schema["markdownEnumDescriptions"] = [f"**{m.value}**: {m.label}" for m in cls]
        if cls.__doc__:
            json_schema["description"] = cls.__doc__.strip()
            json_schema["title"] = cls.__doc__.strip().split(".")[0]
        return json_schema


class Strict(BaseModel):
    """Base for every model: unknown keys are errors, values are immutable. A model's
    validator is built when first used (a check of one edited task needs the task's
    alone; building them all took a tenth of a second at every start)."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=False, allow_inf_nan=False, defer_build=True
    )


class Record(Strict):
    """Fields common to every record file."""

    id: RecordId
    note: str | None = Field(
        default=None,
        title="Ghi chú",
        description="Ghi chú của người nhập liệu (nguồn, điểm chưa rõ, mâu thuẫn trong văn bản gốc).",
    )
