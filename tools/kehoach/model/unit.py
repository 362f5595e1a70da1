"""The unit (organisation) record: who issues documents and who leads or
supports tasks. One file per unit in ``records/units/``."""

from pydantic import ConfigDict, Field

from .common import IsoDate, LabelledEnum, Record, RefId, Text, empty_list


class UnitKind(LabelledEnum):
    """Loại đơn vị."""

    PARTY_COMMITTEE = "party-committee", "Cấp ủy đảng (Ban Chấp hành Trung ương, Tỉnh ủy, Huyện ủy, Đảng ủy)"
    PARTY_LEADERSHIP = "party-leadership", "Bộ Chính trị, Ban Bí thư, Ban Thường vụ, Thường trực cấp ủy"
    PARTY_BOARD = "party-board", "Cơ quan tham mưu của cấp ủy (Ban Dân vận, Ban Tổ chức, Văn phòng, Ủy ban Kiểm tra...)"
    PARTY_GROUP = "party-group", "Đảng đoàn, Ban cán sự đảng"
    PARTY_CELL = "party-cell", "Chi bộ, chi ủy"
    DEPARTMENT = "department", "Phòng, bộ phận thuộc một cơ quan"
    LEADERSHIP = "leadership", "Lãnh đạo cơ quan (Lãnh đạo Ban, Thường trực...)"
    STATE_BODY = "state-body", "Cơ quan nhà nước (Quốc hội, HĐND, UBND, sở, ngành)"
    ARMED_FORCES = "armed-forces", "Lực lượng vũ trang (Quân sự, Công an, Biên phòng)"
    FRONT = "front", "Mặt trận Tổ quốc Việt Nam"
    MASS_ORGANISATION = "mass-organisation", "Tổ chức chính trị - xã hội, hội quần chúng, công đoàn"
    STEERING_COMMITTEE = "steering-committee", "Ban Chỉ đạo"
    SCHOOL = "school", "Trường chính trị, cơ sở đào tạo"
    GROUP = "group", "Nhóm đơn vị hoặc cá nhân (các ngành liên quan, toàn thể cán bộ...)"


class Unit(Record):
    """Đơn vị (tổ chức): cơ quan ban hành văn bản, chủ trì hoặc phối hợp thực hiện nhiệm vụ."""

    model_config = ConfigDict(title="Đơn vị")

    name: Text = Field(title="Tên chính thức", description="Tên đầy đủ, chính thức của đơn vị.")
    short_names: list[Text] = Field(
        default_factory=empty_list,
        title="Tên ngắn",
        description="Tên gọi ngắn thường dùng trong văn bản (ví dụ 'Ban Dân vận Tỉnh ủy').",
    )
    aliases: list[Text] = Field(
        default_factory=empty_list,
        title="Cách viết khác",
        description="Các cách viết khác đã gặp trong văn bản, kể cả viết tắt và viết sai (ví dụ 'Bân Dân tộc tỉnh').",
    )
    codes: list[Text] = Field(
        default_factory=empty_list,
        title="Ký hiệu trong số văn bản",
        description="Ký hiệu cơ quan ban hành dùng trong số và ký hiệu văn bản (ví dụ BDVTU, TU, TW).",
    )
    kind: UnitKind = Field(title="Loại đơn vị")
    generic: bool = Field(
        default=False,
        title="Đơn vị chung",
        description=(
            "true nếu đây là cách gọi chung, không phải một tổ chức cụ thể "
            "(ví dụ 'UBND cùng cấp', 'các ngành liên quan')."
        ),
    )
    parent: RefId | None = Field(default=None, title="Đơn vị cấp trên", description="Mã của đơn vị trực tiếp quản lý.")
    other_parents: list[RefId] = Field(
        default_factory=empty_list,
        title="Đơn vị cấp trên khác",
        description=(
            "Mã các đơn vị cấp trên theo đường khác khi đơn vị thuộc hai hệ thống (ví dụ Đảng ủy UBND tỉnh: "
            "'parent' là Tỉnh ủy về đảng, ở đây là UBND tỉnh về nhà nước)."
        ),
    )
    province: Text | None = Field(
        default=None,
        title="Tỉnh, thành phố",
        description="Tỉnh, thành phố của đơn vị; bỏ trống với cơ quan Trung ương và đơn vị chung.",
    )
    valid_from: IsoDate | None = Field(
        default=None, title="Hoạt động từ ngày", description="Ngày thành lập hoặc bắt đầu dùng tên này."
    )
    valid_to: IsoDate | None = Field(
        default=None, title="Hoạt động đến ngày", description="Ngày giải thể, hợp nhất hoặc đổi tên."
    )
    succeeded_by: list[RefId] = Field(
        default_factory=empty_list,
        title="Đơn vị kế tục",
        description="Đơn vị tiếp nhận chức năng khi đơn vị này hợp nhất, đổi tên hoặc giải thể.",
    )
