"""The directive record: any document cited by a plan that is not one of the
office's own plans (Nghị quyết, Chỉ thị, Kết luận, other bodies' plans, laws).
One file per document in ``records/directives/``."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from .common import IsoDate, LabelledEnum, Record, RefId, Text
from .doctype import DocType
from .fields import DocNumberText


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
    type: DocType = Field(title="Loại văn bản")
    issuer: RefId = Field(title="Cơ quan ban hành", description="Mã đơn vị ban hành văn bản.")
    co_issuers: list[RefId] = Field(
        default_factory=list,
        title="Cơ quan cùng ban hành",
        description="Mã các đơn vị cùng ký ban hành (văn bản liên tịch).",
    )
    date: IsoDate | None = Field(
        default=None,
        title="Ngày ban hành",
        description="Ngày ký ban hành (YYYY-MM-DD); bỏ trống nếu văn bản trích dẫn không ghi ngày.",
    )
    title: Text = Field(title="Trích yếu", description="Trích yếu nội dung, như văn bản trích dẫn ghi.")
    status: DirectiveStatus = Field(
        default=DirectiveStatus.UNKNOWN,
        title="Hiệu lực",
        description="Văn bản còn hiệu lực, đã bị thay thế hay chưa rõ; mặc định chưa rõ.",
    )
    supersedes: list[RefId] = Field(
        default_factory=list, title="Thay thế văn bản", description="Mã các văn bản mà văn bản này thay thế."
    )
