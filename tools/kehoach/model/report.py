"""The report record (báo cáo sơ kết, tổng kết): what became of the tasks of
one or more plans over a period, as an office reported it, with the figures it
gave. One file per report in ``records/reports/``."""

from typing import Annotated, Any

from pydantic import BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from .common import IsoDate, LabelledEnum, Record, RefId, Strict, Text, empty_list
from .fields import DocNumberText


class ResultOutcome(LabelledEnum):
    """Kết quả của một nhiệm vụ (hoặc một mục) như báo cáo ghi."""

    DONE = "done", "Hoàn thành"
    PARTIAL = "partial", "Hoàn thành một phần"
    NOT_DONE = "not-done", "Chưa thực hiện"
    STOPPED = "stopped", "Dừng thực hiện"
    CARRIED = "carried", "Chuyển kỳ sau"


class ReportKind(LabelledEnum):
    """Loại báo cáo."""

    PERIODIC = "periodic", "Báo cáo định kỳ (tháng, quý, 6 tháng, năm)"
    INTERIM = "interim", "Báo cáo sơ kết (6 tháng, giữa kỳ, sơ kết N năm)"
    FINAL = "final", "Báo cáo tổng kết (năm, giai đoạn, nhiệm kỳ)"
    THEMATIC = "thematic", "Báo cáo chuyên đề"


class Result(Strict):
    """Kết quả thực hiện một nhiệm vụ, hoặc một mục của kế hoạch khi kết quả không gắn với một nhiệm vụ."""

    model_config = ConfigDict(title="Kết quả")

    task: RefId | None = Field(
        default=None, title="Nhiệm vụ", description="Mã nhiệm vụ được báo cáo; bỏ trống nếu kết quả thuộc cả một mục."
    )
    plan: RefId | None = Field(
        default=None,
        title="Kế hoạch",
        description=(
            "Mã kế hoạch của mục được báo cáo (khi không ghi 'task'); bỏ trống nếu báo cáo chỉ về một kế hoạch."
        ),
    )
    section: Text | None = Field(
        default=None,
        title="Mục",
        description="Mục của kế hoạch được báo cáo khi kết quả không gắn với một nhiệm vụ, ví dụ 'II.1'.",
    )
    outcome: ResultOutcome = Field(title="Kết quả")
    date: IsoDate | None = Field(
        default=None,
        title="Ngày hoàn thành",
        description="Ngày hoàn thành hoặc ngày có kết quả; bỏ trống thì lấy ngày của báo cáo.",
    )
    text: Text = Field(title="Nội dung", description="Kết quả như báo cáo ghi, nguyên văn.")
    delivered: Text | None = Field(
        default=None,
        title="Sản phẩm đã có",
        description="Sản phẩm đã hoàn thành so với sản phẩm dự kiến của nhiệm vụ (văn bản ban hành, hội nghị...).",
    )
    evidence: list[RefId] = Field(
        default_factory=empty_list,
        title="Minh chứng",
        description="Mã các văn bản chứng minh kết quả (văn bản đã ban hành, thường nêu ở chú thích cuối trang).",
    )


def _number(value: Any) -> Any:
    # Text such as "1.234" (a Vietnamese thousands separator) would otherwise be read as 1.234.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PydanticCustomError(
            "number",
            "cần một con số viết không ngoặc kép, không dấu chấm ngăn cách hàng nghìn (ví dụ 1234 hoặc 77.98)",
        )
    return value


Number = Annotated[float, BeforeValidator(_number)]
"""A number written as a YAML number; text is refused rather than converted."""


class Figure(Strict):
    """Một chỉ tiêu, số liệu báo cáo nêu, ví dụ 'xây dựng 1.234 mô hình Dân vận khéo'."""

    model_config = ConfigDict(title="Số liệu")

    name: Text = Field(title="Chỉ tiêu", description="Tên đại lượng, ví dụ 'Mô hình Dân vận khéo được xây dựng'.")
    value: Number = Field(
        title="Giá trị", description="Con số, viết không dấu chấm ngăn cách hàng nghìn: 1234 (không viết 1.234)."
    )
    written: Text | None = Field(
        default=None,
        title="Số như viết",
        description="Con số đúng như văn bản viết, ví dụ '1.234', '98,5%', '04/04'; 'value' là giá trị của nó.",
    )
    unit: Text | None = Field(
        default=None, title="Đơn vị tính", description="Ví dụ 'mô hình', 'hội nghị', 'lượt người'."
    )
    target: Number | None = Field(default=None, title="Chỉ tiêu đặt ra", description="Con số kế hoạch đặt ra (nếu có).")
    task: RefId | None = Field(default=None, title="Nhiệm vụ", description="Mã nhiệm vụ mà số liệu thuộc về (nếu có).")
    section: Text | None = Field(
        default=None, title="Mục", description="Mục của kế hoạch mà số liệu thuộc về (nếu có)."
    )


class Report(Record):
    """Báo cáo sơ kết, tổng kết: kết quả thực hiện các nhiệm vụ của một hoặc nhiều kế hoạch trong một kỳ."""

    model_config = ConfigDict(title="Báo cáo")

    number: DocNumberText
    issuer: RefId | None = Field(
        title="Cơ quan ban hành",
        description=(
            "Mã đơn vị ban hành báo cáo. Bắt buộc ghi: 'null' khi văn bản không nêu cơ quan ban hành (ví dụ bản "
            "trích không có phần đầu văn bản), không tự đặt một đơn vị thay thế."
        ),
    )
    co_issuers: list[RefId] = Field(
        default_factory=empty_list,
        title="Cơ quan cùng ban hành",
        description="Mã các đơn vị cùng ký ban hành báo cáo; bỏ trống nếu không có.",
    )
    kind: ReportKind = Field(default=ReportKind.PERIODIC, title="Loại báo cáo")
    heading: Text = Field(
        default="Báo cáo",
        title="Tên loại văn bản",
        description="Tên loại như in trên văn bản, ví dụ 'Báo cáo sơ kết', 'Báo cáo tổng kết'.",
    )
    place: Text | None = Field(default=None, title="Địa danh", description="Địa danh ghi trước ngày ban hành.")
    date: IsoDate = Field(title="Ngày ban hành", description="Ngày ký ban hành, dạng YYYY-MM-DD.")
    title: Text = Field(title="Trích yếu", description="Trích yếu của báo cáo, như dòng dưới tên loại văn bản.")
    period_start: IsoDate = Field(title="Kỳ báo cáo từ ngày", description="Ngày đầu của kỳ báo cáo.")
    period_end: IsoDate = Field(title="Kỳ báo cáo đến ngày", description="Ngày cuối của kỳ báo cáo.")
    plans: list[RefId] = Field(
        default_factory=empty_list, title="Kế hoạch được báo cáo", description="Mã các kế hoạch mà báo cáo nêu kết quả."
    )
    results: list[Result] = Field(
        default_factory=empty_list,
        title="Kết quả",
        description="Kết quả từng nhiệm vụ hoặc từng mục, theo thứ tự báo cáo.",
    )
    figures: list[Figure] = Field(
        default_factory=empty_list, title="Số liệu", description="Chỉ tiêu, số liệu báo cáo nêu."
    )
    signer: Text | None = Field(default=None, title="Người ký", description="Họ tên người ký văn bản.")
    signer_title: Text | None = Field(
        default=None, title="Chức vụ người ký", description="Ví dụ 'Trưởng ban', 'K/T Trưởng ban - Phó Trưởng ban'."
    )
    recipients: list[Text] = Field(
        default_factory=empty_list, title="Nơi nhận", description="Nơi nhận, mỗi dòng một mục, như văn bản ghi."
    )
