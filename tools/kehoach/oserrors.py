"""Why a file could not be read or written, in the words a user reads (Vietnamese): the
operating system's own text (``strerror``) is English."""

from __future__ import annotations

import errno


def write_reason(err: OSError) -> str:
    """Why writing failed, in Vietnamese (the system's text for a cause not listed here)."""
    return _WRITE_REASONS.get(err.errno or 0) or (err.strerror or str(err))


def read_reason(err: OSError) -> str:
    """Why reading failed, in Vietnamese (the system's text for a cause not listed here)."""
    return _READ_REASONS.get(err.errno or 0) or (err.strerror or str(err))


_READ_REASONS = {
    errno.ENOENT: "không có tệp này (hoặc là liên kết tới nơi không có tệp)",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.EACCES: "không có quyền đọc",
    errno.EPERM: "không có quyền đọc",
    errno.EISDIR: "là một thư mục, không phải tệp",
    errno.ELOOP: "là liên kết vòng (liên kết trỏ về chính nó qua các liên kết khác)",
    errno.ENAMETOOLONG: "tên hoặc đường dẫn quá dài",
    errno.EIO: "lỗi đọc đĩa",
    errno.ENXIO: "là thiết bị hoặc ổ cắm không có ai mở",
}

_WRITE_REASONS = {
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "đã hết hạn mức dung lượng",
    errno.EFBIG: "tệp vượt giới hạn kích thước",
    errno.EACCES: "tệp chỉ cho đọc hoặc không có quyền ghi",
    errno.EPERM: "không được phép ghi",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.ENOENT: "thư mục không tồn tại",
    errno.ENOTDIR: "đường dẫn không phải thư mục",
    errno.EISDIR: "đường dẫn là một thư mục",
    errno.EEXIST: "tệp đã tồn tại",
    errno.ENAMETOOLONG: "tên tệp quá dài",
}
