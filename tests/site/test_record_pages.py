"""Pages generated from records, tested without MkDocs: content, links,
overdue figures as of a given day, and escaping of hostile record text."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path

import pytest

from kehoach.check import load_repository
from kehoach.site.context import SiteData
from kehoach.site.html import UnsafeUrl, relative, safe_url
from kehoach.site.records import build_pages

PLAN = "ke-hoach/tinh-a-2021-12-kh-bdvtu.md"
HOSTILE = '<script>alert(1)</script> | *đậm* [liên kết](javascript:x) {{ config }} & "ngoặc"'


def _pages(repo: Path, today: dt.date) -> dict[str, str]:
    index, _ = load_repository(repo, today)
    return {path: page.html for path, page in build_pages(index, today).items()}


def test_every_record_has_a_page_and_links_resolve(base_repo: Path) -> None:
    pages = _pages(base_repo, dt.date(2021, 7, 1))
    assert {PLAN, "van-ban/tw-2013-25-nq-tw.md", "don-vi/tinh-a-ban-dan-van.md", "index.md"} <= set(pages)
    built = {path[:-3] + ".html" for path in pages}
    for path, page in pages.items():
        folder = Path(path).parent
        for target in re.findall(r'href="([^"#]+)', page):
            resolved = (folder / target).as_posix()
            parts: list[str] = []
            for part in resolved.split("/"):
                if part == "..":
                    parts.pop()
                elif part not in (".", ""):
                    parts.append(part)
            assert "/".join(parts) in built, (path, target)


def test_plan_page_lists_tasks_in_document_order_with_anchor_and_status(base_repo: Path) -> None:
    page = _pages(base_repo, dt.date(2021, 10, 15))[PLAN]
    first, second = page.index('id="tinh-a-2021-12-kh-bdvtu-nv01"'), page.index('id="tinh-a-2021-12-kh-bdvtu-nv02"')
    assert first < second
    assert "Chưa có báo cáo" in page  # quý III/2021, 15 days past and nothing reported yet
    assert "Thường xuyên, định kỳ" in page
    assert "30/09/2021" in page


def test_overdue_page_counts_days_as_of_the_build_date(base_repo: Path) -> None:
    task = base_repo / "records/plans/tinh-a-2021-12-kh-bdvtu/tasks/tinh-a-2021-12-kh-bdvtu-nv01.yaml"
    with task.open("a", encoding="utf-8") as out:  # progress reported, yet not done: overdue
        out.write("progress:\n  - date: 2021-09-15\n    note: Đã quán triệt ở hai chi bộ.\n")
    page = _pages(base_repo, dt.date(2022, 1, 1))["nhiem-vu/qua-han.md"]
    assert "01/01/2022" in page
    assert 'data-label="Số ngày quá hạn"><span class="kh-late kh-nb">93</span>' in page


def test_directive_page_links_back_to_citing_plan_and_tasks(base_repo: Path) -> None:
    page = _pages(base_repo, dt.date(2021, 7, 1))["van-ban/tw-2013-25-nq-tw.md"]
    assert 'href="../ke-hoach/tinh-a-2021-12-kh-bdvtu.html"' in page
    assert 'href="../ke-hoach/tinh-a-2021-12-kh-bdvtu.html#tinh-a-2021-12-kh-bdvtu-nv01"' in page


def test_unit_page_lists_tasks_it_leads_and_supports(base_repo: Path) -> None:
    pages = _pages(base_repo, dt.date(2021, 7, 1))
    assert '<h2 id="chu-tri">Chủ trì' in pages["don-vi/tinh-a-ban-dan-van.md"]
    supporting = pages["don-vi/tinh-a-ban-dan-toc.md"]
    assert '<h2 id="phoi-hop">Phối hợp' in supporting and '<h2 id="chu-tri">' not in supporting


def test_hostile_text_renders_literally(base_repo: Path) -> None:
    plan_file = base_repo / "records/plans/tinh-a-2021-12-kh-bdvtu/tinh-a-2021-12-kh-bdvtu.yaml"
    text = plan_file.read_text(encoding="utf-8").replace(
        "title: thực hiện công tác dân vận năm 2021", f"title: '{HOSTILE}'"
    )
    plan_file.write_text(text, encoding="utf-8")
    pages = _pages(base_repo, dt.date(2021, 7, 1))
    for path in (PLAN, "ke-hoach/index.md", "index.md"):
        html = pages[path]
        assert "<script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "javascript:" not in re.findall(r'href="([^"]*)"', html).__str__()
        assert "{{" not in html
        assert "<em>đậm</em>" not in html


def test_record_pages_link_to_their_source_file_when_the_host_is_known(base_repo: Path) -> None:
    index, _ = load_repository(base_repo, dt.date(2021, 7, 1))
    pages = build_pages(index, dt.date(2021, 7, 1), lambda path: f"https://kho.example/blob/main/{path}")
    expected = "https://kho.example/blob/main/records/directives/tw-2013-25-nq-tw.yaml"
    assert f'href="{expected}"' in pages["van-ban/tw-2013-25-nq-tw.md"].html
    assert "records/plans/tinh-a-2021-12-kh-bdvtu/tinh-a-2021-12-kh-bdvtu.yaml" in pages[PLAN].html


def test_addresses_are_checked_against_the_allowed_schemes() -> None:
    assert safe_url("https://kho.example/blob/main", "x") == "https://kho.example/blob/main"
    assert safe_url("../records/a.yaml", "x") == "../records/a.yaml"
    for bad in (
        "javascript:alert(1)",
        "JAVASCRIPT:x",
        "java\nscript:x",
        "vbscript:x",
        "data:text/html,x",
        "//evil.example",
    ):
        with pytest.raises(UnsafeUrl, match=r"extra\.source_url"):
            safe_url(bad, "extra.source_url")


def test_a_source_address_with_a_forbidden_scheme_is_never_written(base_repo: Path) -> None:
    index, _ = load_repository(base_repo, dt.date(2021, 7, 1))
    with pytest.raises(UnsafeUrl):
        build_pages(index, dt.date(2021, 7, 1), lambda path: f"javascript:alert(1)/{path}")


def test_units_that_would_look_alike_are_told_apart(base_repo: Path) -> None:
    # a second province's board, whose short name is the same as Tỉnh A's
    unit = base_repo / "records/units/tinh-a-ban-dan-van.yaml"
    other = unit.read_text(encoding="utf-8").replace("tinh-a-ban-dan-van", "tinh-b-ban-dan-van")
    other = other.replace("Tỉnh ủy Tỉnh A", "Tỉnh ủy").replace("province: Tỉnh A", "province: Tỉnh B")
    other = other.replace("aliases: [BDV Tỉnh ủy]", "aliases: []").replace("codes: [BDVTU]", "codes: []")
    (base_repo / "records/units/tinh-b-ban-dan-van.yaml").write_text(other, encoding="utf-8")
    index, findings = load_repository(base_repo, dt.date(2021, 7, 1))
    assert "tinh-b-ban-dan-van" in index.units, findings
    data = SiteData(index, dt.date(2021, 7, 1))
    shown = [data.unit_labels[u] for u in index.units]
    folded = [" ".join(s.lower().split()) for s in shown]
    assert len(set(folded)) == len(folded), sorted(shown)
    assert data.unit_labels["tinh-a-ban-dan-van"] == "Ban Dân vận Tỉnh ủy Tỉnh A"
    assert data.unit_labels["tinh-b-ban-dan-van"] == "Ban Dân vận Tỉnh ủy (Tỉnh B)"


def test_record_pages_say_when_their_file_last_changed(base_repo: Path) -> None:
    index, _ = load_repository(base_repo, dt.date(2021, 7, 1))
    changed = {"records/directives/tw-2013-25-nq-tw.yaml": dt.date(2021, 5, 4)}
    pages = build_pages(index, dt.date(2021, 7, 1), changed=changed)
    assert 'Cập nhật lần cuối: <span class="kh-nb">04/05/2021</span>' in pages["van-ban/tw-2013-25-nq-tw.md"].html
    assert "Tính đến ngày <strong>01/07/2021</strong>" in pages[PLAN].html


def test_relative_links_agree_with_posixpath() -> None:
    paths = ["index.md", "a.md", "ke-hoach/x.md", "ke-hoach/y.md", "van-ban/z.md", "a/b/c.md", "a/e.md", "tai-ve/x.csv"]
    for start in paths:
        for target in paths:
            assert relative(start, target) == posixpath.relpath(target, posixpath.dirname(start) or "."), (
                start,
                target,
            )


def test_a_cited_document_shows_what_the_citing_text_says_and_nothing_more(tmp_path: Path) -> None:
    from ..conftest import make_repo

    repo = make_repo(tmp_path, "ok-KH103-what-documents-say")
    pages = _pages(repo, dt.date(2021, 7, 1))
    partial = pages["van-ban/tw-2010-290-qd-tw.md"]
    assert "QĐ 290 (không đầy đủ)" in partial
    assert "(văn bản dẫn không ghi trích yếu)" in partial and "None" not in partial
    assert "Cơ quan ban hành</dt><dd>(văn bản dẫn không ghi)" in partial
    older = pages["van-ban/tw-2003-25-nq-tw.md"]
    assert "Khóa</dt><dd>IX" in older and "25 - NQ/TW" in older
    assert "tw-2010-290-qd-tw" in pages[PLAN]  # cited by the plan outside its basis
    assert "Văn bản được nhắc đến" in pages[PLAN]
    unit = pages["don-vi/tinh-a-dang-uy-ubnd-tinh.md"]
    assert "tinh-a-tinh-uy" in unit and "tinh-a-ban-dan-toc" in unit  # both parent lines
    assert "tinh-a-dang-uy-ubnd-tinh" in pages["don-vi/tinh-a-ban-dan-toc.md"]
    for path, html in pages.items():  # listings, search entries: an absent title or issuer never shows as None
        assert ">None<" not in html and "None</" not in html, path


def test_a_section_text_written_one_paragraph_a_line_shows_each_paragraph(base_repo: Path) -> None:
    plan = base_repo / "records/plans/tinh-a-2021-12-kh-bdvtu/tinh-a-2021-12-kh-bdvtu.yaml"
    data = plan.read_text(encoding="utf-8").replace(
        "    heading: Nhiệm vụ trọng tâm\n",
        "    heading: Nhiệm vụ trọng tâm\n"
        "    text: |-\n"
        "      1. Quán triệt nghị quyết trong toàn Đảng bộ.\n"
        "      2. Sơ kết 6 tháng <b>đầu năm</b>.\n",
    )
    plan.write_text(data, encoding="utf-8")
    page = _pages(base_repo, dt.date(2021, 7, 1))[PLAN]
    assert (
        '<div class="kh-text"><p>1. Quán triệt nghị quyết trong toàn Đảng bộ.</p>'
        "<p>2. Sơ kết 6 tháng &lt;b&gt;đầu năm&lt;/b&gt;.</p></div>"
    ) in page


@pytest.mark.parametrize(
    ("issuers", "shown"),
    [
        ("issuer: null\n", "Cơ quan ban hành</dt><dd>(văn bản không ghi)</dd>"),
        # a joint plan whose copy lost its first issuer still names the others
        ("issuer: null\nco_issuers:\n- tinh-a-ban-dan-toc\n", "tinh-a-ban-dan-toc"),
    ],
)
def test_a_plan_whose_text_names_no_issuer_says_so(base_repo: Path, issuers: str, shown: str) -> None:
    plan = base_repo / "records/plans/tinh-a-2021-12-kh-bdvtu/tinh-a-2021-12-kh-bdvtu.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("issuer: tinh-a-ban-dan-van\n", issuers), encoding="utf-8")
    page = _pages(base_repo, dt.date(2021, 7, 1))[PLAN]
    header = page[page.index("Cơ quan ban hành") : page.index("Ngày ban hành")]
    assert shown in page and shown.rpartition("<dd>")[2] in header
    assert "tinh-a-ban-dan-van" not in header and "None" not in header
