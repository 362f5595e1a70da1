"""The walk over a body's paragraphs: each paragraph goes to the reader of its step."""

from __future__ import annotations

import dataclasses
import re

from ...text import fold
from ..forms import ADDRESSING
from ..source import BULLET, UPPER, Paragraph
from ..units import Registry
from .articles import Legal
from .headings import Headings
from .inline import Inline
from .items import Items
from .labels import Labels
from .model import ARTICLES, NO_SECTIONS, Body, Section
from .patterns import CLOSING_PARAGRAPH, CLOSING_REQUEST, REPORTS, end_mark
from .roles import Roles
from .state import Walk
from .subjects import calls_all
from .work import Work

# An article of a decision: 'Điều 2. Giao Sở Y tế chủ trì ...'.
_ARTICLE = re.compile(r"^Điều\s+(?P<num>\d{1,2})\s*[.:]\s+(?P<rest>\S.*)$")
# An article's mark on a line of its own, its text in the paragraphs under it: 'Điều 2.' / '1. Các cơ quan ...'.
_BARE_ARTICLE = re.compile(r"^Điều\s+(?P<num>\d{1,2})\s*[.:]?\s*$")
# A clause of an article: '2. Đề nghị Chính phủ ...' (not '2.1.').
_CLAUSE = re.compile(r"^(?P<num>\d{1,2})\s*[.)]\s+(?P<rest>\S.*)$")
_NEXT_ARTICLE = re.compile(rf"(?<=[.;:])\s+(?=Điều\s+\d{{1,2}}\s*[.:]\s+[{UPPER}])")
# Documents that explain rules ('Hướng dẫn', 'Quy định', 'Quy chế'): their parts state how things are done; a
# point in them is work only when it gives work to a body it names, or opens with a time, as in 'Tổ chức thực hiện'.
GUIDANCE_TYPES = ("huong dan", "quy dinh", "quy che")


# The lead-in of a letter or a notice that says what its paragraphs are: whose opinion, conclusion or
# direction they write ('..., Phó Thủ tướng X có ý kiến như sau:', 'Thủ tướng Chính phủ yêu cầu:'). The
# paragraphs under it are the work, written plain as well as numbered.
_GIVES_OPINION = re.compile(
    r"\b(?:có ý kiến(?: chỉ đạo)?|kết luận|chỉ đạo|yêu cầu|đề nghị|giao)(?: như sau| sau đây)?\s*:\s*$"
)


class Walker:
    """Walks the paragraphs once; each goes to the reader of its step."""

    def __init__(
        self, body: Body, paras: list[Paragraph], registry: Registry, doc_type: str = "", legal: Legal | None = None
    ) -> None:
        self.w = Walk(body, paras, registry)
        self.w.legal = legal or Legal()
        self.w.guidance = fold(doc_type).startswith(GUIDANCE_TYPES)
        self.roles = Roles(self.w)
        self.headings = Headings(self.w, self.roles)
        self.labels = Labels(self.w, self.headings)
        self.work = Work(self.w, self.roles)
        self.items = Items(self.w, self.roles, self.headings, self.work)
        self.inline = Inline(self.w)
        self.addressed = False  # the opening's last points are those the document is sent to

    def run(self) -> None:
        i = 0
        while i < len(self.w.paras) and not self.w.stack:
            para = self.w.paras[i]
            if self.open_articles(i):
                break
            kind = self.w.kinds.kind_of(para)
            if kind in ("roman", "appendix", "group", "row") or (
                not self.w.roman and kind == "number" and self.headings.is_heading(i, kind)
            ):
                break
            after_lead_in = bool(self.w.body.preamble) and self.w.body.preamble[-1].text.rstrip().endswith(":")
            if self.addressee(para, kind):
                i += 1
                continue
            opinion = after_lead_in and bool(_GIVES_OPINION.search(self.w.body.preamble[-1].text))
            opens_work = after_lead_in and (kind != "plain" or opinion)
            if opens_work and not re.match(r"^[-+*•]?\s*(?:Căn cứ|Thực hiện|Theo)\b", para.text):
                # A plan without numbered sections: its items follow "... như sau:" directly.
                section = Section("I", "Nội dung", para.line, 0, heading_note=NO_SECTIONS)
                if REPORTS.search(fold(self.w.body.preamble[-1].text)):
                    # "... báo cáo, cung cấp một số thông tin cụ thể như sau:": what the points say is news
                    section.role = "context"
                    self.w.body.skipped.append(
                        f"dòng {self.w.body.preamble[-1].line}: các điểm sau câu dẫn báo cáo, cung cấp thông tin là "
                        "nội dung báo cáo, không phải nhiệm vụ; ghi vào nội dung mục"
                    )
                self.w.body.sections.append(section)
                self.w.stack.append(section)
                break
            self.w.body.preamble.append(para)
            i += 1
        while i < len(self.w.paras):
            i = self.step(i)
        self.w.close_pending()

    def addressee(self, para: Paragraph, kind: str) -> bool:
        """A point right under the line that addresses the document ('THỦ TƯỚNG CHÍNH PHỦ điện:' / '- Chủ tịch
        Ủy ban nhân dân các tỉnh ...;', 'Kính gửi:' / '- Sở ...'), or under another such point: one to whom it is
        sent, not work; it stays in the opening with the paragraphs after it, up to the lead-in to the work."""
        preamble = self.w.body.preamble
        if kind != "bullet" or not preamble:
            self.addressed = False
            return False
        if ADDRESSING.search(preamble[-1].text):
            self.addressed = True
            self.w.body.skipped.append(
                f"dòng {para.line}: các dòng gửi tới dưới '{preamble[-1].text[-40:]}' là nơi nhận văn bản, không phải "
                "nhiệm vụ; ghi vào phần mở đầu"
            )
        if not self.addressed:
            return False
        preamble.append(para)
        return True

    def open_articles(self, i: int) -> bool:
        """A decision that gives the work itself, article by article ('QUYẾT ĐỊNH:' / 'Điều 1. Phê duyệt ...'
        / 'Điều 2. Giao Sở X chủ trì ...' / 'Điều 3. ... chịu trách nhiệm thi hành Quyết định này.'): its
        articles are the points of one part read as 'Tổ chức thực hiện' is, where only an article giving work
        to whom it names is a task. The articles run to the end of the body, or to a part numbered I., II."""
        paras = self.w.paras
        if _ARTICLE.match(paras[i].text) is None and not self.bare_article(i):
            return False
        k = i
        while k < len(paras) and paras[k].table is None and self.w.kinds.kind_of(paras[k]) != "roman":
            self.bare_article(k)
            # '... trước ngày 30/9/2025. Điều 3. Sở Tài chính ...': articles a line join ran together
            first, *more = _NEXT_ARTICLE.split(paras[k].text)
            if more:
                paras[k].text = first
                paras[k + 1 : k + 1] = [dataclasses.replace(paras[k], text=text, markers=()) for text in more]
            if article := _ARTICLE.match(paras[k].text):
                paras[k].text = f"{article['num']}. {article['rest']}"  # read as a numbered point
            k += 1
        self.late_articles(i, k)
        self.w.at.clear()
        self.w.at.update({id(para): n for n, para in enumerate(paras)})
        section = Section("I", "Các điều của quyết định", self.w.paras[i].line, 0, heading_note=ARTICLES)
        section.role = "organisation"
        self.w.body.sections.append(section)
        self.w.stack.append(section)
        return True

    def late_articles(self, i: int, k: int) -> None:
        """The articles written after the parts an article approves ('Điều 1. Phê duyệt Chương trình ... với những
        nội dung chủ yếu sau:' / 'I. MỤC TIÊU' ... 'VI. TỔ CHỨC THỰC HIỆN' / 'Điều 2. Quyết định này có hiệu lực ...'
        / 'Điều 3. Các Bộ trưởng ... chịu trách nhiệm thi hành Quyết định này.'): each numbered on from the last
        article read, up to the first part of an appendix; read as an article again (``step``)."""
        paras = self.w.paras
        last = max((int(found["num"]) for p in paras[i:k] if (found := _CLAUSE.match(p.text))), default=0)
        while k < len(paras) and paras[k].table != "appendix":
            para = paras[k]
            first, *more = _NEXT_ARTICLE.split(para.text) if para.table is None else [para.text]
            if more and (found := _ARTICLE.match(more[0])) and int(found["num"]) == last + 1:
                para.text = first  # '... trên địa bàn. Điều 2. Quyết định này ...': a line join ran them together
                paras[k + 1 : k + 1] = [dataclasses.replace(para, text=text, markers=()) for text in more]
            found = _ARTICLE.match(para.text) if para.table is None else None
            if found is not None and int(found["num"]) == last + 1:
                self.w.late_articles.add(id(para))
                para.text = f"{found['num']}. {found['rest']}"
                last += 1
            k += 1

    def bare_article(self, i: int) -> bool:
        """An article's mark written alone ('Điều 1.' / 'Ban hành kèm theo ...', 'Điều 2.' / '1. Các cơ quan ...' /
        '2. Đề nghị Chính phủ ...'), read as the walk reads an article on one line: joined with its sentence, or
        written over its clauses, numbered under it ('2.1.', '2.2.') as a part's points are."""
        paras = self.w.paras
        found = _BARE_ARTICLE.match(paras[i].text.strip())
        after = paras[i + 1] if found and i + 1 < len(paras) else None
        if found is None or after is None or after.table is not None or _BARE_ARTICLE.match(after.text.strip()):
            return False
        num = found["num"]
        if _CLAUSE.match(after.text) is None:
            paras[i].text = f"Điều {num}. {after.text}"  # 'Điều 1.' / 'Ban hành kèm theo ...'
            del paras[i + 1]
            return True
        paras[i].text = f"{num}. Điều {num}"
        k = i + 1
        while k < len(paras) and paras[k].table is None and (clause := _CLAUSE.match(paras[k].text)):
            paras[k].text = f"{num}.{clause['num']}. {clause['rest']}"
            k += 1
        return True

    def step(self, i: int) -> int:
        para = self.w.paras[i]
        kind = self.w.kinds.kind_of(para)
        text = para.text
        if self.w.form is not None and kind != "appendix":
            self.w.form.texts.append(text)  # a line of a form to fill in: the appendix's text, not work
            return i + 1
        if id(para) in self.w.late_articles:
            # 'Điều 2. Quyết định này có hiệu lực ...' after the parts 'Điều 1' approves: back to the articles
            self.w.close_pending()
            del self.w.stack[1:]
            self.items.add_item(para, "number")
            return i + 1
        if self.inline.split(i, kind):  # 'a) Bộ Tài chính: (1) ...; (2) ...': a lead-in and its points
            kind, text = self.w.kinds.kind_of(para), para.text
        if CLOSING_PARAGRAPH.match(text):
            self.w.body.closing = end_mark(text)
            return i + 1
        if self.w.kinds.closing_words(i):
            # "Văn phòng Chính phủ xin thông báo để các bộ, ngành ... biết, thực hiện./.": the closing words
            self.w.body.closing = " ".join(filter(None, [self.w.body.closing, end_mark(text)]))
            return i + 1
        if kind == "plain" and self.w.kinds.last_of_body(i) and (CLOSING_REQUEST.match(text) or calls_all(text)):
            # "Đề nghị các đơn vị nghiêm túc triển khai thực hiện.": the closing request, not a task
            self.w.body.closing = " ".join(filter(None, [self.w.body.closing, end_mark(text)]))
            return i + 1
        if kind == "label" and self.roles.role_label(i):
            self.items.add_item(para, "bullet" if BULLET.match(text) else "plain")
            return i + 1
        if kind == "label":
            return self.labels.read_block(i)
        if kind in ("appendix", "group"):
            return self.headings.open_section(para, kind)
        if kind == "row":
            return self.items.add_row(i)
        if kind == "number" and self.w.stack and self.w.top_role() == "organisation" and self.items.period_point(para):
            return i + 1  # "5. Thời gian thực hiện từ năm 2021 đến năm 2025, cụ thể như sau:" is text, not a section
        if (kind in ("roman", "number") and self.headings.is_heading(i, kind)) or (
            kind == "letter" and self.headings.letter_heading(i)
        ):
            rest = self.headings.heading_rest(i, kind)
            if kind == "roman" and not rest:
                self.headings.number_to_next(para, i + 1)  # 'VI. TỔ CHỨC THỰC HIỆN 1.' / 'Trên cơ sở ...'
            return self.headings.open_section(para, kind, rest)
        self.items.add_item(para, kind)
        return i + 1
