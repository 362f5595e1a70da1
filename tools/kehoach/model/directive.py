"""The directive record: any document cited by a plan that is not one of the
office's own plans (Nghị quyết, Chỉ thị, Kết luận, other bodies' plans, laws).
One file per document in ``records/directives/``."""

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .common import IsoDate, LabelledEnum, Record, RefId, Text, empty_list
from .doctype import DocType
from .fields import DocNumberText

UNTITLED = "(văn bản dẫn không ghi trích yếu)"
"""What is shown for the title of a directive whose citing text gives none."""


class DirectiveStatus(LabelledEnum):
    """Hiệu lực của văn bản."""

    IN_FORCE = "in-force", "Còn hiệu lực"
    SUPERSEDED = "superseded", "Đã bị thay thế bởi văn bản khác"
    EXPIRED = "expired", "Hết hiệu lực"
    UNKNOWN = "unknown", "Chưa rõ"


class Directive(Record):
    """Văn bản chỉ đạo được trích dẫn (Nghị quyết, Chỉ thị, Kết luận, Quyết định, Công văn...)."""

    model_config = ConfigDict(title="Văn bản chỉ đạo")

    number: DocNumberText | None = Field(
        default=None,
        title="Số và ký hiệu",
        description="Số và ký hiệu đúng như trên văn bản; bỏ trống nếu văn bản không có số (ví dụ Nghị quyết Đại hội).",
    )
    number_written: Text | None = Field(
        default=None,
        title="Số hiệu như văn bản dẫn ghi",
        description=(
            "Số hiệu đúng như văn bản dẫn viết khi khác dạng chuẩn ở 'number' (ví dụ '36 - KH/BDVTU', "
            "'866/QĐ-Tg'); bỏ trống khi giống."
        ),
    )
    partial_number: Text | None = Field(
        default=None,
        title="Số hiệu không đầy đủ",
        description=(
            "Cách văn bản dẫn gọi văn bản khi chỉ ghi một phần số hiệu (ví dụ 'QĐ 290', 'Đề án 1217'); "
            "ghi nguyên văn, không tự điền phần thiếu. Bỏ trống khi có số hiệu đầy đủ."
        ),
    )
    type: DocType = Field(title="Loại văn bản")
    term: Text | None = Field(
        default=None,
        title="Khóa",
        description=(
            "Khóa (nhiệm kỳ) của cơ quan ban hành như văn bản dẫn ghi, chữ số La Mã, ví dụ 'XI' trong "
            "'Nghị quyết số 25-NQ/TW (khóa XI)': phân biệt hai văn bản cùng số của hai khóa."
        ),
    )
    issuer: RefId | None = Field(
        title="Cơ quan ban hành",
        description=(
            "Mã đơn vị ban hành văn bản. Bắt buộc ghi: 'null' khi văn bản dẫn không nêu cơ quan ban hành và "
            "số hiệu không cho biết (không tự đoán)."
        ),
    )
    co_issuers: list[RefId] = Field(
        default_factory=empty_list,
        title="Cơ quan cùng ban hành",
        description="Mã các đơn vị cùng ký ban hành (văn bản liên tịch).",
    )
    date: IsoDate | None = Field(
        default=None,
        title="Ngày ban hành",
        description="Ngày ký ban hành (YYYY-MM-DD); bỏ trống nếu văn bản trích dẫn không ghi ngày.",
    )
    title: Text | None = Field(
        title="Trích yếu",
        description=(
            "Trích yếu nội dung, như văn bản trích dẫn ghi. Bắt buộc ghi: 'null' khi văn bản dẫn không ghi "
            "trích yếu (không tự đặt trích yếu)."
        ),
    )
    status: DirectiveStatus = Field(
        default=DirectiveStatus.UNKNOWN,
        title="Hiệu lực",
        description="Văn bản còn hiệu lực, đã bị thay thế hay chưa rõ; mặc định chưa rõ.",
    )
    supersedes: list[RefId] = Field(
        default_factory=empty_list, title="Thay thế văn bản", description="Mã các văn bản mà văn bản này thay thế."
    )

    @property
    def name(self) -> str:
        """How the document is named in a list: its number, else the partial number, else its title."""
        return self.number or self.partial_number or self.title or self.id

    @property
    def shown_title(self) -> str:
        """The title, or a note that the citing text gives none."""
        return self.title or UNTITLED

    @model_validator(mode="after")
    def _named(self) -> "Directive":
        if self.number is None and self.partial_number is None and self.title is None:
            raise PydanticCustomError(
                "record_rule",
                "văn bản không có số hiệu ('number'), số hiệu không đầy đủ ('partial_number') hay trích yếu "
                "('title'): cần ít nhất một trong ba để nhận ra văn bản",
            )
        return self
