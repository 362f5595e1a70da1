"""The catalogue of rules: every code a finding can carry, with its default
severity and a one-line Vietnamese summary. Codes are stable: never reuse one.

KH0xx reading the file, KH1xx the record's fields, KH2xx identity and layout,
KH3xx references between records, KH4xx document numbers, KH5xx dates,
KH6xx status, KH7xx completeness."""

from __future__ import annotations

from ..findings import Rule, Severity

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741

_RULES = [
    # Reading the file (load stage)
    Rule("KH001", E, "Không đọc được tệp (không tồn tại, là thư mục, quá lớn hoặc trỏ ra ngoài kho)."),
    Rule("KH002", E, "Tệp không phải UTF-8 (thường do lưu bằng bảng mã cũ TCVN3, VNI, Windows-1258)."),
    Rule("KH003", E, "Tệp bắt đầu bằng BOM; hãy lưu ở dạng UTF-8 không BOM."),
    Rule("KH004", E, "Văn bản chưa ở dạng Unicode dựng sẵn (NFC); công cụ đã tự chuẩn hóa khi đọc."),
    Rule("KH005", E, "Chú thích '# kehoach: disable=...' nêu mã quy tắc không tồn tại."),
    Rule("KH006", E, "Cấu hình [tool.kehoach] trong pyproject.toml có khóa hoặc mã quy tắc không tồn tại."),
    Rule("KH010", E, "Lỗi cú pháp YAML."),
    Rule("KH011", E, "Một khóa xuất hiện hai lần trong cùng một bảng."),
    Rule("KH012", E, "Không dùng neo và tham chiếu YAML (&, *): mỗi giá trị ghi trực tiếp."),
    Rule("KH013", E, "Không dùng thẻ YAML (!!, !tag)."),
    Rule("KH014", E, "Giá trị yes/no/on/off không đặt trong ngoặc kép là mơ hồ."),
    Rule("KH015", E, "Tệp phải chứa đúng một bản ghi là một bảng khóa: giá trị."),
    Rule("KH016", E, "Cấu trúc lồng quá sâu."),
    # The record's fields (model stage)
    Rule("KH101", E, "Trường không có trong lược đồ (viết sai tên trường?)."),
    Rule("KH102", E, "Thiếu trường bắt buộc."),
    Rule("KH103", E, "Giá trị sai kiểu hoặc sai dạng."),
    Rule("KH104", E, "Ngày không hợp lệ (cần dạng YYYY-MM-DD và có thật trong lịch)."),
    Rule("KH105", E, "Mã định danh sai dạng (chỉ chữ thường không dấu, số, dấu gạch nối)."),
    Rule("KH106", E, "Số và ký hiệu văn bản sai dạng."),
    Rule("KH107", E, "Không đọc được thời gian thực hiện."),
    Rule("KH108", E, "Giá trị không thuộc danh sách cho phép."),
    # Identity and layout (index stage)
    Rule("KH201", E, "Mã định danh khác tên tệp."),
    Rule("KH202", E, "Tệp nằm sai chỗ: không xác định được loại bản ghi từ đường dẫn."),
    Rule("KH203", E, "Hai bản ghi trùng mã định danh."),
    Rule("KH204", E, "Nhiệm vụ nằm trong thư mục của một kế hoạch nhưng ghi thuộc kế hoạch khác."),
    Rule("KH205", E, "Hai nhiệm vụ cùng một kế hoạch trùng thứ tự."),
    Rule("KH206", E, "Hai tệp chỉ khác nhau chữ hoa, chữ thường (trùng nhau trên Windows, macOS)."),
    Rule("KH207", E, "Một văn bản được ghi hai lần (cùng cơ quan ban hành, số hiệu và năm) dưới hai mã."),
    # References (graph stage)
    Rule("KH301", E, "Tham chiếu tới bản ghi không tồn tại."),
    Rule("KH302", E, "Tham chiếu tới bản ghi sai loại (ví dụ ghi văn bản vào chỗ đơn vị)."),
    Rule("KH303", E, "Nhiệm vụ ghi thuộc một mục không có trong kế hoạch."),
    Rule("KH310", E, "Vòng lặp trong quan hệ thay thế giữa các văn bản."),
    Rule("KH311", E, "Vòng lặp trong quan hệ cấp trên của các đơn vị."),
    Rule("KH320", W, "Trích dẫn văn bản đã bị thay thế trước ngày của văn bản trích dẫn; nên dẫn văn bản thay thế."),
    Rule("KH321", W, "Văn bản đã có văn bản thay thế nhưng 'status' không ghi 'superseded'."),
    Rule("KH322", I, "Văn bản ghi 'status: superseded' nhưng kho chưa có văn bản thay thế nó."),
    # Document numbers
    Rule("KH401", E, "Loại trong số hiệu mâu thuẫn với loại văn bản."),
    Rule("KH402", E, "Ký hiệu cơ quan trong số hiệu không khớp cơ quan ban hành."),
    # Chronology
    Rule("KH501", E, "Kế hoạch căn cứ vào văn bản ban hành sau chính kế hoạch."),
    Rule("KH502", W, "Nhiệm vụ triển khai văn bản ban hành sau ngày của kế hoạch."),
    Rule("KH503", E, "Hạn của nhiệm vụ trước ngày ban hành kế hoạch."),
    Rule("KH504", W, "Hạn của nhiệm vụ nằm xa ngoài thời gian của kế hoạch (quá một năm)."),
    Rule("KH505", E, "Ngày hoàn thành trước ngày ban hành kế hoạch."),
    Rule("KH506", E, "Ngày hoàn thành hoặc ngày cập nhật tiến độ ở tương lai."),
    Rule("KH510", W, "Đơn vị được nêu ngoài thời gian hoạt động của nó (đã hợp nhất, đổi tên hoặc chưa thành lập)."),
    # Status
    Rule("KH601", E, "Nhiệm vụ 'done' nhưng thiếu ngày hoàn thành."),
    Rule("KH602", E, "Có ngày hoàn thành nhưng tình trạng không phải 'done'."),
    Rule("KH603", I, "Nhiệm vụ quá hạn (tính từ hạn và ngày kiểm tra, --today)."),
    Rule("KH701", W, "Nhiệm vụ không có đơn vị chủ trì."),
    Rule("KH702", I, "Văn bản không được kế hoạch, nhiệm vụ hay văn bản nào trích dẫn."),
]

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}
