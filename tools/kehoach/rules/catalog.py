"""The catalogue of rules: every code a finding can carry, with its default
severity and a one-line Vietnamese summary. Codes are stable: never reuse one.

KH0xx reading the file, KH1xx the record's fields, KH2xx identity and layout,
KH3xx references between records, KH4xx document numbers."""

from __future__ import annotations

from ..findings import Rule, Severity

E, W = Severity.ERROR, Severity.WARNING

_RULES = [
    # Reading the file (load stage)
    Rule("KH001", E, "Không đọc được tệp (không tồn tại, là thư mục, quá lớn hoặc trỏ ra ngoài kho)."),
    Rule("KH002", E, "Tệp không phải UTF-8 (thường do lưu bằng bảng mã cũ TCVN3, VNI, Windows-1258)."),
    Rule("KH003", W, "Tệp bắt đầu bằng BOM; hãy lưu ở dạng UTF-8 không BOM."),
    Rule("KH004", W, "Văn bản chưa ở dạng Unicode dựng sẵn (NFC); công cụ đã tự chuẩn hóa khi đọc."),
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
    # References (graph stage)
    Rule("KH301", E, "Tham chiếu tới bản ghi không tồn tại."),
    Rule("KH302", E, "Tham chiếu tới bản ghi sai loại (ví dụ ghi văn bản vào chỗ đơn vị)."),
    Rule("KH303", E, "Nhiệm vụ ghi thuộc một mục không có trong kế hoạch."),
    # Document numbers
    Rule("KH401", E, "Loại trong số hiệu mâu thuẫn với loại văn bản."),
]

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}
