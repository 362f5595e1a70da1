"""The task record: one work item of a plan, with who leads it, who supports
it, when it is due and how it is going. Stored as
``records/plans/<plan-id>/tasks/<task-id>.yaml``."""

from pydantic import ConfigDict, Field

from .common import IsoDate, LabelledEnum, Record, RefId, Strict, Text, empty_list
from .fields import TimeFrameText


class TaskStatus(LabelledEnum):
    """Tình trạng nhiệm vụ. 'Quá hạn' không ghi tay: công cụ tự tính từ hạn và ngày hiện tại."""

    PLANNED = "planned", "Theo kế hoạch (chưa có báo cáo tiến độ)"
    IN_PROGRESS = "in-progress", "Đang thực hiện"
    DONE = "done", "Đã hoàn thành"
    CANCELLED = "cancelled", "Dừng, hủy hoặc không thực hiện"


class ProgressEntry(Strict):
    """Một lần cập nhật tiến độ."""

    model_config = ConfigDict(title="Cập nhật tiến độ")

    date: IsoDate = Field(title="Ngày cập nhật", description="Ngày của lần cập nhật này, dạng YYYY-MM-DD.")
    note: Text = Field(title="Nội dung", description="Kết quả, tiến độ hoặc vướng mắc.")
    evidence: Text | None = Field(
        default=None,
        title="Minh chứng",
        description="Văn bản hoặc đường dẫn chứng minh (ví dụ 'Báo cáo số 15-BC/BDVTU').",
    )


class LevelTimeFrame(Strict):
    """Thời gian của một cấp hoặc một giai đoạn khi văn bản ghi mỗi cấp một hạn."""

    model_config = ConfigDict(title="Thời gian theo cấp, giai đoạn")

    level: Text = Field(
        title="Cấp, giai đoạn", description="Cấp hoặc giai đoạn như văn bản ghi: 'cấp tỉnh', 'cấp huyện', 'đợt 1'."
    )
    timeframe: TimeFrameText = Field(title="Thời gian", description="Thời gian của cấp, giai đoạn này: 'quý III/2023'.")


class Task(Record):
    """Nhiệm vụ trong một kế hoạch."""

    model_config = ConfigDict(title="Nhiệm vụ")

    plan: RefId = Field(title="Kế hoạch", description="Mã kế hoạch chứa nhiệm vụ này.")
    section: Text = Field(
        title="Thuộc mục",
        description=(
            "Mục chứa nhiệm vụ, ghi bằng số các mục nối bằng dấu chấm từ mục lớn nhất: "
            "'I', 'II.1', 'II.6.2' (mục '6.2' trong mục '6' của phần II)."
        ),
    )
    number: Text | None = Field(
        default=None,
        title="Số thứ tự trong văn bản",
        description="Số của nhiệm vụ nếu văn bản đánh số (ví dụ '2.2'); bỏ trống với gạch đầu dòng.",
    )
    order: int = Field(ge=1, title="Thứ tự", description="Thứ tự của nhiệm vụ trong toàn kế hoạch, bắt đầu từ 1.")
    title: Text | None = Field(
        default=None, title="Tên ngắn", description="Tên ngắn để hiển thị trong danh sách (không bắt buộc)."
    )
    text: Text = Field(title="Nội dung", description="Nội dung nhiệm vụ, nguyên văn.")
    lead: list[RefId] = Field(
        default_factory=empty_list,
        title="Chủ trì",
        description="Mã đơn vị chủ trì ('Chủ trì', 'Cơ quan chủ trì', 'Đơn vị chủ trì').",
    )
    lead_implied: bool = Field(
        default=False,
        title="Chủ trì suy ra",
        description="true nếu văn bản không ghi đơn vị chủ trì và 'lead' được suy ra (thường là cơ quan ban hành).",
    )
    coordinating: list[RefId] = Field(
        default_factory=empty_list, title="Phối hợp", description="Mã đơn vị phối hợp ('Phối hợp', 'Cơ quan phối hợp')."
    )
    advising: list[RefId] = Field(
        default_factory=empty_list,
        title="Tham mưu",
        description="Mã đơn vị, phòng chịu trách nhiệm tham mưu ('Chịu trách nhiệm tham mưu', '... tham mưu').",
    )
    executing: list[RefId] = Field(
        default_factory=empty_list, title="Thực hiện", description="Mã đơn vị, nhóm người 'chịu trách nhiệm thực hiện'."
    )
    method: Text | None = Field(
        default=None, title="Cách thức thực hiện", description="Nguyên văn phần 'Cách thức thực hiện' (nếu có)."
    )
    implements: list[RefId] = Field(
        default_factory=empty_list,
        title="Văn bản liên quan",
        description="Mã các văn bản mà nhiệm vụ triển khai, sơ kết hoặc tổng kết.",
    )
    timeframe: TimeFrameText | None = Field(
        default=None,
        title="Thời gian thực hiện",
        description="Thời gian thực hiện như văn bản ghi; bỏ trống nếu văn bản không ghi.",
    )
    timeframe_by_level: list[LevelTimeFrame] = Field(
        default_factory=empty_list,
        title="Thời gian theo cấp, giai đoạn",
        description=(
            "Khi văn bản ghi mỗi cấp, mỗi giai đoạn một hạn ('cấp tỉnh quý III/2023; cấp huyện quý IV/2023'): "
            "từng cấp với hạn của nó; 'timeframe' vẫn ghi nguyên văn cả cụm."
        ),
    )
    product: Text | None = Field(
        default=None,
        title="Sản phẩm dự kiến",
        description=(
            "Sản phẩm nhiệm vụ phải có ('rõ sản phẩm'): văn bản ban hành, hội nghị tổ chức, chỉ tiêu đạt được..."
        ),
    )
    status: TaskStatus = Field(
        default=TaskStatus.PLANNED,
        title="Tình trạng",
        description="Tình trạng hiện tại; 'kehoach status' cập nhật cùng nhật ký tiến độ.",
    )
    completed: IsoDate | None = Field(
        default=None,
        title="Ngày hoàn thành",
        description=(
            "Ngày nhiệm vụ hoàn thành, dạng YYYY-MM-DD; bắt buộc khi tình trạng là done, bỏ trống khi chưa "
            "xong. Dùng để tính hoàn thành đúng hạn hay trễ hạn."
        ),
    )
    progress: list[ProgressEntry] = Field(
        default_factory=empty_list, title="Tiến độ", description="Nhật ký tiến độ, cũ trước mới sau."
    )
