"""Every code a finding can carry, declared once: its default severity and a
one-line Vietnamese summary. Codes are stable: never reuse one. A code is a name
(``Code.KH201``), so a mistyped one fails when the module is imported.

KH0xx reading the file, KH1xx the record's fields, KH2xx identity and layout,
KH3xx references between records, KH4xx document numbers, KH5xx dates,
KH6xx status, KH7xx completeness, KH8xx reports (báo cáo kết quả).

This module sits below every stage (the reader reports KH0xx codes, the model
KH1xx); which rule reports which code is declared in ``rules.registry``."""

from __future__ import annotations

from enum import StrEnum

from .findings import Severity

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741


class Code(StrEnum):
    """A rule code; its value is the code as written ('KH201')."""

    severity: Severity
    summary: str  # one Vietnamese line: what the rule checks

    # The defaults only let a type checker accept Code("KH201"), the lookup by value.
    def __new__(cls, value: str, severity: Severity = Severity.ERROR, summary: str = "") -> Code:
        member = str.__new__(cls, value)
        member._value_ = value
        member.severity = severity
        member.summary = summary
        return member

    # Reading the file (load stage)
    KH001 = "KH001", E, "Không đọc được tệp (không tồn tại, là thư mục, quá lớn hoặc trỏ ra ngoài kho)."
    KH002 = "KH002", E, "Tệp không phải UTF-8 (thường do lưu bằng bảng mã cũ TCVN3, VNI, Windows-1258)."
    KH003 = "KH003", E, "Tệp bắt đầu bằng BOM; hãy lưu ở dạng UTF-8 không BOM."
    KH004 = "KH004", E, "Văn bản chưa ở dạng Unicode dựng sẵn (NFC); công cụ đã tự chuẩn hóa khi đọc."
    KH005 = "KH005", E, "Chú thích '# kehoach: disable=...' nêu mã quy tắc không tồn tại."
    KH006 = "KH006", E, "Cấu hình [tool.kehoach] trong pyproject.toml có khóa hoặc mã quy tắc không tồn tại."
    KH007 = "KH007", E, "Không đọc được một thư mục bản ghi (thiếu quyền đọc); các bản ghi trong đó chưa được kiểm tra."
    KH010 = "KH010", E, "Lỗi cú pháp YAML."
    KH011 = "KH011", E, "Một khóa xuất hiện hai lần trong cùng một bảng."
    KH012 = "KH012", E, "Không dùng neo và tham chiếu YAML (&, *): mỗi giá trị ghi trực tiếp."
    KH013 = "KH013", E, "Không dùng thẻ YAML (!!, !tag)."
    KH014 = "KH014", E, "Giá trị mơ hồ khi không đặt trong ngoặc kép (yes/no/on/off, số có số 0 ở đầu như 010)."
    KH015 = "KH015", E, "Tệp phải chứa đúng một bản ghi là một bảng khóa: giá trị."
    KH016 = "KH016", E, "Cấu trúc lồng quá sâu."
    KH017 = "KH017", W, "Giá trị có ký tự vô hình, ký tự đổi hướng chữ hoặc ký tự điều khiển (trông khác thực tế)."
    KH018 = "KH018", W, "Còn chú thích '# KIỂM TRA:' của bản nháp chưa được người xem lại."
    # The record's fields (model stage)
    KH101 = "KH101", E, "Trường không có trong lược đồ (viết sai tên trường?)."
    KH102 = "KH102", E, "Thiếu trường bắt buộc."
    KH103 = "KH103", E, "Giá trị sai kiểu hoặc sai dạng."
    KH104 = "KH104", E, "Ngày không hợp lệ (cần dạng YYYY-MM-DD và có thật trong lịch)."
    KH105 = "KH105", E, "Mã định danh sai dạng (chỉ chữ thường không dấu, số, dấu gạch nối)."
    KH106 = "KH106", E, "Số và ký hiệu văn bản sai dạng."
    KH107 = "KH107", E, "Không đọc được thời gian thực hiện."
    KH108 = "KH108", E, "Giá trị không thuộc danh sách cho phép."
    # Identity and layout (index stage)
    KH201 = "KH201", E, "Mã định danh khác tên tệp."
    KH202 = "KH202", E, "Tệp nằm sai chỗ: không xác định được loại bản ghi từ đường dẫn."
    KH203 = "KH203", E, "Hai bản ghi trùng mã định danh."
    KH204 = "KH204", E, "Nhiệm vụ nằm trong thư mục của một kế hoạch nhưng ghi thuộc kế hoạch khác."
    KH205 = "KH205", E, "Hai nhiệm vụ cùng một kế hoạch trùng thứ tự."
    KH206 = "KH206", E, "Hai tệp chỉ khác nhau chữ hoa, chữ thường (trùng nhau trên Windows, macOS)."
    KH207 = "KH207", E, "Một văn bản được ghi hai lần (cùng cơ quan ban hành, số hiệu và năm) dưới hai mã."
    # References (graph stage)
    KH301 = "KH301", E, "Tham chiếu tới bản ghi không tồn tại."
    KH302 = "KH302", E, "Tham chiếu tới bản ghi sai loại (ví dụ ghi văn bản vào chỗ đơn vị)."
    KH303 = "KH303", E, "Nhiệm vụ ghi thuộc một mục không có trong kế hoạch."
    KH310 = "KH310", E, "Vòng lặp trong quan hệ thay thế giữa các văn bản."
    KH311 = "KH311", E, "Vòng lặp trong quan hệ cấp trên của các đơn vị."
    KH320 = "KH320", W, "Trích dẫn văn bản đã bị thay thế trước ngày của văn bản trích dẫn; nên dẫn văn bản thay thế."
    KH321 = "KH321", W, "Văn bản đã có văn bản thay thế nhưng 'status' không ghi 'superseded'."
    KH322 = "KH322", I, "Văn bản ghi 'status: superseded' nhưng kho chưa có văn bản thay thế nó."
    # Document numbers
    KH401 = "KH401", E, "Loại trong số hiệu mâu thuẫn với loại văn bản."
    KH402 = "KH402", E, "Ký hiệu cơ quan trong số hiệu không khớp cơ quan ban hành."
    # Chronology
    KH501 = "KH501", E, "Kế hoạch căn cứ vào văn bản ban hành sau chính kế hoạch."
    KH502 = "KH502", W, "Nhiệm vụ triển khai văn bản ban hành sau ngày của kế hoạch."
    KH503 = "KH503", E, "Hạn của nhiệm vụ trước ngày ban hành kế hoạch."
    KH504 = "KH504", W, "Hạn của nhiệm vụ nằm xa ngoài thời gian của kế hoạch (quá một năm)."
    KH505 = "KH505", E, "Ngày hoàn thành trước ngày ban hành kế hoạch."
    KH506 = "KH506", E, "Ngày hoàn thành hoặc ngày cập nhật tiến độ ở tương lai."
    KH510 = "KH510", W, "Đơn vị được nêu ngoài thời gian hoạt động của nó (đã hợp nhất, đổi tên hoặc chưa thành lập)."
    # Status
    KH601 = "KH601", E, "Nhiệm vụ 'done' nhưng thiếu ngày hoàn thành."
    KH602 = "KH602", E, "Có ngày hoàn thành nhưng tình trạng không phải 'done'."
    KH603 = "KH603", I, "Nhiệm vụ quá hạn chưa hoàn thành: đã có tiến độ, báo cáo nhưng chưa xong (tính đến --today)."
    KH604 = "KH604", I, "Nhiệm vụ đã qua hạn nhưng chưa có tiến độ, báo cáo nào (chưa có báo cáo, không tính quá hạn)."
    KH701 = "KH701", W, "Nhiệm vụ không có đơn vị chủ trì."
    KH702 = "KH702", I, "Văn bản không được kế hoạch, nhiệm vụ hay văn bản nào trích dẫn."
    KH711 = "KH711", I, "Nhiệm vụ chưa đủ '5 rõ' (rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ sản phẩm)."
    # Reports
    KH801 = "KH801", E, "Báo cáo nêu kết quả của nhiệm vụ thuộc kế hoạch không có trong 'plans' của báo cáo."
    KH802 = "KH802", E, "Kết quả ghi ngày sau ngày của báo cáo."
    KH803 = "KH803", W, "Một nhiệm vụ được hai báo cáo ghi hoàn thành với hai ngày khác nhau."
    KH804 = "KH804", W, "Số liệu thiếu đơn vị tính."
    KH805 = "KH805", E, "Kỳ báo cáo kết thúc trước ngày bắt đầu."
    KH806 = "KH806", E, "Kết quả không gắn với nhiệm vụ hay mục nào, hoặc nêu mục không có trong kế hoạch."


def known(code: str) -> bool:
    """Whether ``code`` (as a user wrote it) is a rule code."""
    return code in Code._value2member_map_
