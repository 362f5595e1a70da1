"""Task tables laid out with spaces (text taken from a PDF with its layout kept): the columns are
found from the header's labels and the gaps the lines share, rows start at a row number, wrapped
lines join their row's cells, cells centred on the row's number are read as well as cells that
start on it, and a page that lays the table out anew gets its own columns."""

from __future__ import annotations

from kehoach.importer import aligned, tables


def _tasks(texts: list[str], pages: frozenset[int] = frozenset()) -> list[list[str]]:
    """Each row of the table as its lines (content first, then '+ Chủ trì: ...' and the rest)."""
    at = next(k for k, t in enumerate(texts) if t.lstrip().startswith(("TT", "STT")))
    layout = aligned.read(texts, at, pages)
    assert layout is not None
    table = tables.read(layout.rows)
    assert table is not None
    out: list[list[str]] = []
    for line in table.lines:
        if line.kind == "label":
            out[-1].append(line.text)
        else:
            out.append([f"{line.kind} {line.number}: {line.text}"])
    return out


def test_rows_start_at_their_number_and_wrapped_lines_join_the_cells() -> None:
    texts = [
        "STT   Nội dung                           Chủ trì           Phối hợp         Thời gian",
        "1     Tổ chức hội nghị quán triệt         Ban Tuyên giáo    Sở Nội vụ        Quý II/2024",
        "      Nghị quyết của Tỉnh ủy              Tỉnh ủy",
        "2     Rà soát quy chế phối hợp            Sở Nội vụ         Các sở, ngành    Năm 2024",
        "      giữa các cơ quan                                      liên quan",
    ]
    assert _tasks(texts) == [
        [
            "row 1: Tổ chức hội nghị quán triệt Nghị quyết của Tỉnh ủy",
            "+ Chủ trì: Ban Tuyên giáo Tỉnh ủy",
            "+ Phối hợp: Sở Nội vụ",
            "+ Thời gian thực hiện: Quý II/2024",
        ],
        [
            "row 2: Rà soát quy chế phối hợp giữa các cơ quan",
            "+ Chủ trì: Sở Nội vụ",
            "+ Phối hợp: Các sở, ngành liên quan",
            "+ Thời gian thực hiện: Năm 2024",
        ],
    ]


def test_another_column_order_and_a_header_over_two_lines() -> None:
    texts = [
        "                                             Thời hạn        Cơ quan",
        "TT    Nhiệm vụ                               hoàn thành      chủ trì",
        "1     Xây dựng đề án chuyển đổi số           2025            Sở Thông tin",
        "                                                             và Truyền thông",
        "2     Tổng kết, đánh giá kết quả             Tháng 12/2025   Văn phòng UBND",
    ]
    assert _tasks(texts) == [
        [
            "row 1: Xây dựng đề án chuyển đổi số",
            "+ Chủ trì: Sở Thông tin và Truyền thông",
            "+ Thời gian thực hiện: 2025",
        ],
        ["row 2: Tổng kết, đánh giá kết quả", "+ Chủ trì: Văn phòng UBND", "+ Thời gian thực hiện: Tháng 12/2025"],
    ]


def test_cells_centred_on_the_row_number_go_to_the_nearer_number() -> None:
    texts = [
        "TT    Nội dung                               Chủ trì          Thời gian",
        "I     Các nhiệm vụ làm ngay",
        "      Tổ chức nghiên cứu, học tập và",
        "1     quán triệt Kết luận đến toàn thể       Ban Tuyên giáo   Quý IV/2026",
        "      cán bộ, đảng viên",
        "      Xây dựng kế hoạch thực hiện            Đảng ủy UBND",
        "2     của Ủy ban nhân dân tỉnh               tỉnh             2026 - 2030",
        "      giai đoạn 2026 - 2030",
    ]
    assert _tasks(texts) == [
        ["group I: Các nhiệm vụ làm ngay"],
        [
            "row 1: Tổ chức nghiên cứu, học tập và quán triệt Kết luận đến toàn thể cán bộ, đảng viên",
            "+ Chủ trì: Ban Tuyên giáo",
            "+ Thời gian thực hiện: Quý IV/2026",
        ],
        [
            "row 2: Xây dựng kế hoạch thực hiện của Ủy ban nhân dân tỉnh giai đoạn 2026 - 2030",
            "+ Chủ trì: Đảng ủy UBND tỉnh",
            "+ Thời gian thực hiện: 2026 - 2030",
        ],
    ]


def test_a_page_break_inside_the_table_gives_the_next_page_its_own_columns() -> None:
    texts = [
        "TT       Nội dung                               Chủ trì             Thời gian",
        "1        Tổ chức hội nghị quán triệt            Ban Tuyên giáo      Quý II/2024",
        "2        Sơ kết việc thực hiện                  Văn phòng           Năm 2025",
        "         Kế hoạch                               Tỉnh ủy",
        # a new page: pdftotext laid the table out narrower, the header is repeated
        "TT       Nội dung                               Chủ trì             Thời gian",
        "3   Tổng kết việc thực hiện Kế hoạch   Ban Dân vận   Năm 2026",
        "4   Báo cáo kết quả lên Trung ương     Văn phòng     Tháng 12/2026",
        "                                       Tỉnh ủy",
    ]
    found = _tasks(texts, frozenset({4}))
    assert [row[0] for row in found] == [
        "row 1: Tổ chức hội nghị quán triệt",
        "row 2: Sơ kết việc thực hiện Kế hoạch",
        "row 3: Tổng kết việc thực hiện Kế hoạch",
        "row 4: Báo cáo kết quả lên Trung ương",
    ]
    assert [row[1:] for row in found[2:]] == [
        ["+ Chủ trì: Ban Dân vận", "+ Thời gian thực hiện: Năm 2026"],
        ["+ Chủ trì: Văn phòng Tỉnh ủy", "+ Thời gian thực hiện: Tháng 12/2026"],
    ]


def test_text_running_into_the_next_column_with_one_space_is_cut_before_the_capital() -> None:
    texts = [
        "TT   Nội dung                                   Chủ trì             Thời gian",
        "1    Xây dựng kế hoạch bảo tồn đa dạng sinh học",
        "     của tỉnh giai đoạn 2031 - 2040 tầm nhìn Đảng ủy UBND tỉnh      2029 - 2030",
        "2    Tổng kết việc thực hiện                    Sở Tài chính        2030",
    ]
    found = _tasks(texts)
    assert found[0][:2] == [
        "row 1: Xây dựng kế hoạch bảo tồn đa dạng sinh học của tỉnh giai đoạn 2031 - 2040 tầm nhìn",
        "+ Chủ trì: Đảng ủy UBND tỉnh",
    ]


def test_a_header_without_a_content_column_is_not_a_task_table() -> None:
    texts = ["TT    Đơn vị            Số lượng", "1     Sở Nội vụ         12"]
    assert aligned.read(texts, 0) is None


def test_a_cut_with_no_capital_near_the_boundary_is_noted_as_a_guess() -> None:
    texts = [
        "TT   Nội dung                                   Chủ trì             Thời gian",
        "1    Rà soát văn bản quy phạm về bảo vệ môi trường các sở ngành      2026",
    ]
    layout = aligned.read(texts, 0)
    assert layout is not None
    assert len(layout.doubts) == 1 and "vắt qua hai cột" in layout.doubts[0]


def test_a_header_whose_number_line_holds_one_label_and_the_others_above_and_below() -> None:
    """A header over three lines: the 'TT' line holds only the content's label, the others are
    wrapped above and below it; the header ends where a row's long text begins, though that text
    starts above its row's number line."""
    texts = [
        "          Tên đơn vị được                                                         Thời gian",
        "  TT                                    Đối tượng kiểm tra",
        "             kiểm tra                                                             thực hiện",
        "                                  Kiểm tra việc sử dụng vật liệu nổ tại",
        "   1     Công ty Xây dựng         công trường đường nối Quốc lộ 32                23/3/2026",
        "                                  Nội Bài - Lào Cai, xã Liên Sơn",
    ]
    assert aligned.is_header(texts, 1)
    assert _tasks(texts) == [
        [
            "row 1: Kiểm tra việc sử dụng vật liệu nổ tại công trường đường nối Quốc lộ 32 Nội Bài - Lào Cai, "
            "xã Liên Sơn",
            # the unit inspected is not the one that leads the work
            "+ Thời gian thực hiện: 23/3/2026",
        ]
    ]


def test_centred_cells_of_different_heights_reach_as_far_below_their_number_as_above() -> None:
    """Cells centred on their row's number: a short cell takes no lines of the tall one below it,
    though they sit nearer its number; the tall one starts right after the short one ends."""
    texts = [
        "TT   Tên đơn vị được kiểm tra   Đối tượng kiểm tra                           Thời gian",
        "     Công ty cổ phần xây        Gói thầu số 13: Thi công công trình nối",
        "1    dựng giao thông            Quốc lộ 32 với cao tốc Nội Bài - Lào Cai       23/3/2026",
        "     Yên Bái                    đoạn thi công từ Km0 - Km2+571",
        "                                Gói thầu số 16 lý trình Km26 - Km30 thuộc",
        "                                dự án đường kết nối Mường La",
        "                                Gói thầu số 23 lý trình Km30 - Km40",
        "     Tổng công ty xây           thuộc dự án đường kết nối Mường La",
        "2    dựng Trường Sơn            và khu tái định cư xã Nậm Có                   25/3/2026",
        "                                Gói thầu số 24 lý trình Km40 - Km45",
        "                                thuộc dự án đường kết nối Mường La",
        "                                và đường nối xã Nậm Có",
        "                                với trung tâm xã Púng Luông",
        "3    Công ty TNHH Hiệp Phú      Gói thầu số 15: Thi công đường kết nối         27/3/2026",
    ]
    found = _tasks(texts)
    assert [row[0] for row in found] == [
        "row 1: Gói thầu số 13: Thi công công trình nối Quốc lộ 32 với cao tốc Nội Bài - Lào Cai đoạn thi "
        "công từ Km0 - Km2+571",
        "row 2: Gói thầu số 16 lý trình Km26 - Km30 thuộc dự án đường kết nối Mường La Gói thầu số 23 lý "
        "trình Km30 - Km40 thuộc dự án đường kết nối Mường La và khu tái định cư xã Nậm Có Gói thầu số 24 lý "
        "trình Km40 - Km45 thuộc dự án đường kết nối Mường La và đường nối xã Nậm Có với trung tâm xã Púng Luông",
        "row 3: Gói thầu số 15: Thi công đường kết nối",
    ]


def test_a_cell_is_cut_where_its_column_starts_on_the_other_lines() -> None:
    """Two cells run together with one space, the second opening with a capital after a name:
    the column's text starts at the same place on most lines, so the cut is there."""
    texts = [
        "TT   Nội dung                           Chủ trì                 Thời gian",
        "1    Rà soát quy chế phối hợp           Sở Nội vụ               2026",
        "2    Tổng kết việc thực hiện            Văn phòng Tỉnh ủy       2027",
        "3    Kiểm tra việc thực hiện            Ủy ban Kiểm tra         2028",
        "4    Xây dựng kế hoạch cho huyện Bắc Hà Sở Tài chính            2029",
    ]
    assert _tasks(texts)[3] == [
        "row 4: Xây dựng kế hoạch cho huyện Bắc Hà",
        "+ Chủ trì: Sở Tài chính",
        "+ Thời gian thực hiện: 2029",
    ]


PEOPLE_HEADER = [
    "                                                   Cơ quan         Cá nhân phụ trách   Thời hạn",
    "TT         Nhiệm vụ cụ thể                         chủ trì         chỉ đạo             thực hiện",
    "I    Các nhiệm vụ thực hiện theo lộ trình",
]


def test_a_post_and_a_time_one_space_apart_are_two_cells() -> None:
    """A column of people centred, the time beside it: pdftotext leaves one space between them. A
    unit or a person is never named with a year, so the time at the end of the run is its cell."""
    texts = [
        *PEOPLE_HEADER,
        "     Xây dựng kế hoạch bảo vệ môi              Sở Tài nguyên       Đồng chí Lê Văn Nam -",
        "1    trường cấp tỉnh giai đoạn 2026 -          và Môi trường       Phó Chủ tịch 2026 - 2030",
        "     2030, tầm nhìn đến năm 2050                                   UBND tỉnh",
        "     Tổng kết việc thực hiện kế                                    Đồng chí Trần Minh -",
        "2    hoạch bảo vệ môi trường                   Văn phòng           Phó Chủ tịch Quý IV/2027",
        "     giai đoạn 2021 - 2025                                         UBND tỉnh",
    ]
    found = _tasks(texts)[1:]
    assert [row[2] for row in found] == ["+ Thời gian thực hiện: 2026 - 2030", "+ Thời gian thực hiện: Quý IV/2027"]
    assert found[0][1:3] == ["+ Chủ trì: Sở Tài nguyên và Môi trường", "+ Thời gian thực hiện: 2026 - 2030"]
    assert found[0][3] == "+ Người thực hiện: Đồng chí Lê Văn Nam - Phó Chủ tịch UBND tỉnh"


def test_a_row_laid_out_left_of_the_others_keeps_its_cells() -> None:
    """A PDF lays out each row anew: a row squeezed to the left puts its unit and its person left of
    where the other rows have them, the unit one space after the work. The lines around it show
    where its cells are: the unit's middle under the middle of the unit below it, the person's
    words in line with the person's other lines."""
    texts = [
        *PEOPLE_HEADER,
        "     Rà soát, hoàn thiện hệ thống văn bản                          Đồng chí Lê Văn Nam -",
        "1    quy phạm về bảo vệ môi trường             Đảng ủy UBND        Phó Chủ tịch UBND      2026",
        "     trên địa bàn tỉnh                             tỉnh            tỉnh",
        "     Đầu tư hạ tầng thu gom, vận                          Đồng chí Lê Văn Nam -",
        "2    chuyển, xử lý chất thải rắn sinh hoạt Đảng ủy UBND   Phó Chủ tịch UBND      2027",
        "     ở các xã, phường                        tỉnh          tỉnh",
    ]
    found = _tasks(texts)[1:]
    assert found[1][:2] == [
        "row 2: Đầu tư hạ tầng thu gom, vận chuyển, xử lý chất thải rắn sinh hoạt ở các xã, phường",
        "+ Chủ trì: Đảng ủy UBND tỉnh",
    ]
    assert found[1][2:] == [
        "+ Thời gian thực hiện: 2027",
        "+ Người thực hiện: Đồng chí Lê Văn Nam - Phó Chủ tịch UBND tỉnh",
    ]


def test_a_row_number_one_space_from_the_margin_is_no_page_break(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Exported text opens a page with one stray space; a table's row number printed one space from
    the margin looks the same, but only a page number or a form feed breaks the page the table's
    columns are measured on."""
    from kehoach.importer import source

    path = tmp_path / "bang.txt"
    path.write_text("Mở đầu\n 1   Rà soát\n\f 2   Tổng kết\n                       3\n 3   Báo cáo\n", encoding="utf-8")
    lines = [line for line in source.read(path).lines if line.text.strip()]
    assert [(line.text.strip()[:1], line.page_start, line.page_break) for line in lines] == [
        ("M", False, False),
        ("1", True, False),
        ("2", True, True),
        ("3", True, True),
    ]


def test_a_guessed_cut_is_carried_by_the_cells_it_made() -> None:
    """A run crossing a boundary with no capital near it is cut by a guess: the two cells it gives
    carry the doubt to the lines of the row (content and lead), the rows cut cleanly carry none."""
    texts = [
        "TT   Nội dung                                   Chủ trì             Thời gian",
        "1    Tổ chức hội nghị quán triệt Nghị quyết     Ban Tuyên giáo      Quý II/2024",
        "2    Rà soát văn bản quy phạm về bảo vệ môi trường các sở ngành      2026",
        "3    Tổng kết việc thực hiện Chỉ thị            Văn phòng           Quý IV/2024",
    ]
    layout = aligned.read(texts, 0)
    assert layout is not None
    assert [sorted(cells) for cells in layout.unsure] == [[], [], [1, 2], []]
    table = tables.read(layout.rows, layout.unsure)
    assert table is not None
    doubtful = [(line.kind, line.text.split(":")[0]) for line in table.lines if line.doubt]
    assert doubtful == [("row", "Rà soát văn bản quy phạm về bảo vệ môi"), ("label", "+ Chủ trì")]
    assert all("vắt qua hai cột" in (line.doubt or "") for line in table.lines if line.doubt)


def test_a_time_after_a_unit_and_a_person_is_found_across_both_columns() -> None:
    """'tỉnh; Đảng uỷ Tỉnh ủy viên, Phó Chủ 2026 - 2027': a unit's cell, a person's and the time one
    space apart. The time is the time column's even when a person's column lies between; the words
    before it are cut between the unit and the person on their own."""
    near = aligned.Near({}, {}, set(), ["number", "content", "lead", "person", "timeframe"])
    for text, time in (
        ("tỉnh; Đảng uỷ Tỉnh ủy viên, Phó Chủ 2026 - 2027", "2026 - 2027"),
        ("UBND tỉnh Phó Chủ tịch UBND tỉnh Quý IV/2027", "Quý IV/2027"),
    ):
        run = aligned.Run(60, 60 + len(text), text)
        at = aligned._time_tail(run, 2, near)
        assert at is not None and text[at - 60 :] == time
    assert aligned._time_tail(aligned.Run(60, 80, "Sở Nội vụ 2026"), 1, near) is None  # content: no


def test_a_row_whose_number_was_left_out_is_a_row_of_its_own() -> None:
    """A line without a number that writes its own work (opening in capitals), unit and time under a
    row that has its time is a row whose number was left out; a line wrapped from the row above
    (lower case, or no time of its own) still joins it."""
    texts = [
        "STT   Nội dung                           Chủ trì           Phối hợp         Thời gian",
        "1     Tổ chức hội nghị quán triệt         Ban Tuyên giáo    Sở Nội vụ        Quý II/2024",
        "      nghị quyết của Tỉnh ủy              Tỉnh ủy",
        "      Rà soát quy chế phối hợp            Văn phòng         Sở Tư pháp       Quý III/2024",
        "3     Kiểm tra việc thực hiện             Ban Dân vận       Sở Nội vụ        Năm 2024",
        "      Tổng kết việc thực hiện             Ban Tổ chức                        Quý IV/2024",
    ]
    found = _tasks(texts)
    assert [row[0] for row in found] == [
        "row 1: Tổ chức hội nghị quán triệt nghị quyết của Tỉnh ủy",
        "row None: Rà soát quy chế phối hợp",
        "row 3: Kiểm tra việc thực hiện",
        "row None: Tổng kết việc thực hiện",
    ]
    assert found[0][1] == "+ Chủ trì: Ban Tuyên giáo Tỉnh ủy"
    assert [row[-1] for row in found] == [
        "+ Thời gian thực hiện: Quý II/2024",
        "+ Thời gian thực hiện: Quý III/2024",
        "+ Thời gian thực hiện: Năm 2024",
        "+ Thời gian thực hiện: Quý IV/2024",
    ]


def test_a_line_of_prose_set_in_right_above_the_header_is_not_part_of_it() -> None:
    """'(Kèm theo Kế hoạch số ...)' set in over the table with no blank line between (a Word file
    converted from PDF keeps no blank line): a line of prose, no column's label, so the header is
    its own lines and the table is read."""
    texts = [
        "      (Kèm theo Kế hoạch số 15-KH/TU ngày 12 tháng 3 năm 2026 của Ban Thường vụ Tỉnh ủy)",
        "                                             Thời hạn        Cơ quan",
        "TT    Nhiệm vụ                               hoàn thành      chủ trì",
        "1     Xây dựng đề án chuyển đổi số           2025            Sở Khoa học",
        "                                                             và Công nghệ",
        "2     Tổng kết, đánh giá kết quả             Tháng 12/2025   Văn phòng UBND",
    ]
    at = 2
    assert aligned.header_extent(texts, at)[0] == 1
    assert aligned.is_header(texts, at)
    assert _tasks(texts[1:]) == _tasks(texts)
    assert _tasks(texts)[0] == [
        "row 1: Xây dựng đề án chuyển đổi số",
        "+ Chủ trì: Sở Khoa học và Công nghệ",
        "+ Thời gian thực hiện: 2025",
    ]
