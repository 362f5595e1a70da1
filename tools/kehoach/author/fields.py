"""The fields `kehoach new` asks for, per record kind, with their Vietnamese
prompts. Kept apart from the writing code so that building the command line
(every `kehoach` run) reads this table without importing the models."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str  # key in the record
    prompt: str  # Vietnamese prompt
    required: bool = False
    many: bool = False
    refers: tuple[str, ...] = ()  # record kinds a name here is resolved against
    default: str | None = None


FIELDS: dict[str, list[Field]] = {
    "unit": [
        Field("name", "Tên chính thức", required=True),
        Field("short_names", "Tên ngắn", many=True),
        Field("kind", "Loại đơn vị (party-board, state-body, department...)", required=True),
        Field("codes", "Ký hiệu trong số văn bản (BDVTU, TU...)", many=True),
        Field("parent", "Đơn vị cấp trên", refers=("unit",)),
        Field("province", "Tỉnh, thành phố"),
    ],
    "directive": [
        Field("number", "Số và ký hiệu (ví dụ 25-NQ/TW)"),
        Field("type", "Loại văn bản (nghi-quyet, chi-thi, ket-luan, ke-hoach...)", required=True),
        Field("issuer", "Cơ quan ban hành", required=True, refers=("unit",)),
        Field("date", "Ngày ban hành (YYYY-MM-DD)"),
        Field("title", "Trích yếu", required=True),
    ],
    "plan": [
        Field("number", "Số và ký hiệu (ví dụ 12-KH/BDVTU)", required=True),
        Field("issuer", "Cơ quan ban hành", required=True, refers=("unit",)),
        Field("heading", "Tên loại văn bản", default="Kế hoạch"),
        Field("date", "Ngày ban hành (YYYY-MM-DD)", required=True),
        Field("title", "Trích yếu", required=True),
        Field("period", "Thời gian của kế hoạch (ví dụ Năm 2025)"),
        Field("basis", "Căn cứ (văn bản)", many=True, refers=("directive", "plan")),
    ],
    "task": [
        Field("plan", "Kế hoạch", required=True, refers=("plan",)),
        Field("section", "Thuộc mục (ví dụ II.1)", required=True),
        Field("number", "Số thứ tự trong văn bản"),
        Field("text", "Nội dung nhiệm vụ", required=True),
        Field("lead", "Đơn vị chủ trì", many=True, refers=("unit",)),
        Field("coordinating", "Đơn vị phối hợp", many=True, refers=("unit",)),
        Field("implements", "Văn bản liên quan", many=True, refers=("directive", "plan")),
        Field("timeframe", "Thời gian thực hiện (ví dụ quý III/2025)"),
    ],
    "report": [
        Field("number", "Số và ký hiệu (ví dụ 15-BC/BDVTU)", required=True),
        Field("issuer", "Cơ quan ban hành", required=True, refers=("unit",)),
        Field("heading", "Tên loại văn bản", default="Báo cáo"),
        Field("date", "Ngày ban hành (YYYY-MM-DD)", required=True),
        Field("title", "Trích yếu", required=True),
        Field("period_start", "Kỳ báo cáo từ ngày (YYYY-MM-DD)", required=True),
        Field("period_end", "Kỳ báo cáo đến ngày (YYYY-MM-DD)", required=True),
        Field("plans", "Kế hoạch được báo cáo", many=True, refers=("plan",)),
    ],
}
