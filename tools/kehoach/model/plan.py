"""The plan record: one of the office's own numbered plans (Kế hoạch), with
its basis, aims and numbered sections. Stored as
``records/plans/<plan-id>/<plan-id>.yaml``; its tasks sit beside it in ``tasks/``."""

from pydantic import ConfigDict, Field

from .common import IsoDate, LabelledEnum, Record, RefId, Strict, Text, empty_list
from .doctype import DocType
from .fields import DocNumberText, TimeFrameText


class PlanType(LabelledEnum):
    """Loại văn bản mang các nhiệm vụ."""

    KE_HOACH = "ke-hoach", "Kế hoạch (KH)"
    CHUONG_TRINH = "chuong-trinh", "Chương trình, chương trình hành động, chương trình công tác (CTr)"
    QUYET_DINH = "quyet-dinh", "Kế hoạch ban hành kèm một quyết định, không có số riêng (mang số của quyết định, QĐ)"
    CONG_VAN = "cong-van", "Công văn giao nhiệm vụ (CV, hoặc số công văn nhà nước không có phần loại)"
    # Other kinds of document that assign work; the importer reads them as plans rather than refuse them.
    DE_AN = "de-an", "Đề án (ĐA)"
    HUONG_DAN = "huong-dan", "Hướng dẫn (HD)"
    CHI_THI = "chi-thi", "Chỉ thị (CT)"
    NGHI_QUYET = "nghi-quyet", "Nghị quyết (NQ)"
    KET_LUAN = "ket-luan", "Kết luận (KL)"
    THONG_BAO = "thong-bao", "Thông báo (TB), ví dụ thông báo kết luận giao việc"
    CONG_DIEN = "cong-dien", "Công điện (CĐ), ví dụ công điện chỉ đạo ứng phó thiên tai"
    PHUONG_AN = "phuong-an", "Phương án (PA), ví dụ phương án ứng phó thiên tai"

    @property
    def doc_type(self) -> DocType:
        return {
            PlanType.CHUONG_TRINH: DocType.CHUONG_TRINH,
            PlanType.QUYET_DINH: DocType.QUYET_DINH,
            PlanType.CONG_VAN: DocType.CONG_VAN,
            PlanType.DE_AN: DocType.DE_AN,
            PlanType.HUONG_DAN: DocType.HUONG_DAN,
            PlanType.CHI_THI: DocType.CHI_THI,
            PlanType.NGHI_QUYET: DocType.NGHI_QUYET,
            PlanType.KET_LUAN: DocType.KET_LUAN,
            PlanType.THONG_BAO: DocType.THONG_BAO,
            PlanType.CONG_DIEN: DocType.CONG_DIEN,
            PlanType.PHUONG_AN: DocType.PHUONG_AN,
        }.get(self, DocType.KE_HOACH)


class Section(Strict):
    """Một mục đánh số của kế hoạch (I., 1., 1.1., ...)."""

    model_config = ConfigDict(title="Mục")

    number: Text = Field(
        title="Số mục",
        description="Số mục như văn bản ghi, không kèm dấu chấm hay gạch cuối: 'II', '1', '6.1'.",
    )
    heading: Text = Field(title="Tên mục", description="Tên của mục, như văn bản ghi sau số mục.")
    text: Text | None = Field(
        default=None,
        title="Nội dung không phải nhiệm vụ",
        description="Đoạn văn của mục không tách thành nhiệm vụ (lời dẫn, yêu cầu chung, tổ chức thực hiện).",
    )
    sections: list["Section"] = Field(
        default_factory=empty_list, title="Mục con", description="Các mục con của mục này, theo thứ tự trong văn bản."
    )


class Plan(Record):
    """Kế hoạch do cơ quan ban hành, gồm căn cứ, mục đích, các mục và nhiệm vụ."""

    model_config = ConfigDict(title="Kế hoạch")

    number: DocNumberText
    number_written: Text | None = Field(
        default=None,
        title="Số hiệu như văn bản ghi",
        description="Số hiệu đúng như in sau chữ 'Số' khi khác dạng chuẩn ở 'number' (ví dụ '36 - KH/BDVTU').",
    )
    type: PlanType = Field(
        default=PlanType.KE_HOACH,
        title="Loại văn bản",
        description=(
            "Kế hoạch (ke-hoach, mặc định), chương trình (chuong-trinh: chương trình hành động, chương trình "
            "công tác), kế hoạch ban hành kèm quyết định (quyet-dinh: mang số của quyết định) hoặc công văn giao "
            "nhiệm vụ (cong-van), hoặc văn bản khác có giao việc (de-an, huong-dan, chi-thi, nghi-quyet, ket-luan, "
            "thong-bao, cong-dien, phuong-an); khớp với phần loại của số hiệu (KH, CTr, QĐ, CV, ĐA, HD, CT, NQ, KL, "
            "TB, CĐ, PA)."
        ),
    )
    issuer: RefId | None = Field(
        title="Cơ quan ban hành",
        description=(
            "Mã đơn vị ban hành kế hoạch. Bắt buộc ghi: 'null' khi văn bản không nêu cơ quan ban hành (ví dụ bản "
            "trích không có phần đầu văn bản), không tự đặt một đơn vị thay thế."
        ),
    )
    co_issuers: list[RefId] = Field(
        default_factory=empty_list,
        title="Cơ quan cùng ban hành",
        description="Mã các đơn vị cùng ký ban hành (kế hoạch liên tịch); bỏ trống nếu không có.",
    )
    heading: Text = Field(
        default="Kế hoạch",
        title="Tên loại văn bản",
        description="Tên loại như in trên văn bản, ví dụ 'Kế hoạch hành động'.",
    )
    place: Text | None = Field(default=None, title="Địa danh", description="Địa danh ghi trước ngày ban hành.")
    date: IsoDate = Field(title="Ngày ban hành", description="Ngày ký ban hành, dạng YYYY-MM-DD.")
    title: Text = Field(title="Trích yếu", description="Trích yếu của kế hoạch, như dòng dưới tên loại văn bản.")
    period: TimeFrameText | None = Field(
        default=None,
        title="Thời gian của kế hoạch",
        description="Khoảng thời gian kế hoạch bao quát, ví dụ 'Năm 2021' hoặc 'Từ năm 2021 đến năm 2025'.",
    )
    basis: list[RefId] = Field(
        default_factory=empty_list,
        title="Căn cứ",
        description="Mã các văn bản nêu ở phần 'Căn cứ...', 'Thực hiện...' (văn bản chỉ đạo hoặc kế hoạch khác).",
    )
    cites: list[RefId] = Field(
        default_factory=empty_list,
        title="Văn bản được nhắc đến",
        description=(
            "Mã các văn bản kế hoạch nhắc đến ngoài phần căn cứ và ngoài nhiệm vụ (ví dụ ở phần mục đích, "
            "tổ chức thực hiện, chú thích cuối trang)."
        ),
    )
    preamble: Text | None = Field(
        default=None,
        title="Đoạn mở đầu",
        description="Nguyên văn đoạn căn cứ ở đầu kế hoạch.",
    )
    aims: list[Text] = Field(
        default_factory=empty_list, title="Mục đích", description="Các ý của phần 'Mục đích', mỗi ý một mục."
    )
    requirements: list[Text] = Field(
        default_factory=empty_list, title="Yêu cầu", description="Các ý của phần 'Yêu cầu', mỗi ý một mục."
    )
    sections: list["Section"] = Field(
        default_factory=empty_list,
        title="Các mục",
        description="Các mục đánh số của kế hoạch theo thứ tự trong văn bản.",
    )
    closing: Text | None = Field(default=None, title="Đoạn kết", description="Nguyên văn đoạn kết (nếu có).")
    signer: Text | None = Field(default=None, title="Người ký", description="Họ tên người ký văn bản.")
    signer_title: Text | None = Field(
        default=None, title="Chức vụ người ký", description="Ví dụ 'Trưởng ban', 'K/T Trưởng ban - Phó Trưởng ban'."
    )
    recipients: list[Text] = Field(
        default_factory=empty_list, title="Nơi nhận", description="Nơi nhận, mỗi dòng một mục, như văn bản ghi."
    )
