"""The parts of a legal text (a regulation, the rules a decision issues, a resolution setting norms): chapters
('Chương I' / 'QUY ĐỊNH CHUNG'), sections ('Mục 1.' / 'HOẠT ĐỘNG ...'), articles with a title ('Điều 3.' / 'Bình ổn
giá', 'Điều 3. Bình ổn giá') and their clauses ('1.', 'a)').

They are read into the numbering the walk knows: a chapter as a part I., II.; a section as a point 1., 2. under it;
an article as a point numbered under those ('3.', or '1.3.' in section 1), its clauses under it ('3.1.'), their
points lettered as written. A heading a line break split ('Chương' / 'III', 'Điều' / '10. Cập nhật ...', 'Điều 4.' /
'Định giá ...') is joined first. An article that is itself a sentence ('Điều 1. Ban hành kèm theo Quyết định này
...') is left as written: a decision's articles are read by the walk (``Walker.open_articles``).

What a legal text's parts are: a chapter of general provisions (scope, subjects, definitions, principles) holds
rules; any other chapter gives work only where it names who does it, as 'Tổ chức thực hiện' does
(``Legal.chapter_role``)."""

from __future__ import annotations

import dataclasses
import re

from ...text import fold
from ..source import BULLET, LETTERED, NUMBERED, UPPER, Paragraph

_ROMAN = r"(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})"
_CHAPTER = re.compile(
    rf"^(?:Chương|CHƯƠNG)(?:\s+(?P<num>{_ROMAN}|\d{{1,2}}))?(?:\s*[.:\-–]\s*(?P<rest>\S.*)|\s+(?P<caps>[{UPPER}].*))?$"
)
_DIVISION = re.compile(
    rf"^(?:Mục|MỤC)\s+(?P<num>\d{{1,2}}|{_ROMAN})(?:\s*[.:\-–]\s*(?P<rest>\S.*)?|\s+(?P<caps>[{UPPER}].*))?$"
)
_ARTICLE = re.compile(r"^Điều\s+(?P<num>\d{1,3})\s*[.:]?(?:\s+(?P<rest>\S.*))?$")
_BARE_ARTICLE = re.compile(r"^Điều$")
_ARTICLE_CUT = re.compile(r"^(?P<title>.+?)\s+Điều$")
# A clause of an article, numbered with its mark ('2.', '2)'); a figure a line break left first ('15 Nghị định')
# is none.
_CLAUSE = re.compile(r"^(?P<num>\d{1,2})\s*[.)]\s*(?P<rest>\S.*)$")
_OWN_TEXT = re.compile(r"\bnày\b")
_BARE_ROMAN = re.compile(rf"^(?:{_ROMAN})$")

# A chapter of general provisions ('QUY ĐỊNH CHUNG', 'NHỮNG QUY ĐỊNH CHUNG'): scope, subjects, terms, principles.
_GENERAL = re.compile(r"^(?:nhung\s+|cac\s+)?(?:quy dinh chung|dieu khoan chung)\b")


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _roman(value: int) -> str:
    out = ""
    for amount, numeral in ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= amount:
            out, value = out + numeral, value - amount
    return out


def _title_like(text: str, longest: int = 200) -> bool:
    """A heading's title: short, no sentence closed, not a point of its own."""
    text = text.strip()
    return (
        0 < len(text) <= longest
        and not text.endswith((".", ";", "!", "?"))
        and not (NUMBERED.match(text) or LETTERED.match(text) or BULLET.match(text))
        and _ARTICLE.match(text) is None
    )


@dataclasses.dataclass
class Legal:
    """The chapters and articles found: the paragraphs (by identity) that head them, and how each was written."""

    chapters: dict[int, str] = dataclasses.field(default_factory=dict)  # 'Chương II'
    divisions: dict[int, str] = dataclasses.field(default_factory=dict)  # 'Mục 1'
    articles: dict[int, str] = dataclasses.field(default_factory=dict)  # 'Điều 3'

    def note(self, para: Paragraph) -> str | None:
        key = id(para)
        if key in self.chapters:
            return f"{self.chapters[key]} của văn bản"
        if key in self.divisions:
            return f"{self.divisions[key]} của văn bản"
        if key in self.articles:
            return f"{self.articles[key]} của văn bản; các khoản của điều đánh số tiếp theo số của điều"
        return None

    @staticmethod
    def chapter_role(heading: str, role: str) -> str:
        """A chapter of general provisions holds rules; any other gives work only where it names who does it."""
        if _GENERAL.match(fold(heading)):
            return "norms"
        return "organisation" if role == "tasks" else role


def _join_headings(paras: list[Paragraph]) -> list[Paragraph]:
    """Headings a line break split, joined: 'Chương' / 'III' / 'TỔ CHỨC THỰC HIỆN', 'Mục 2.' / 'TỔNG HỢP ...',
    'Điều' / '10. Cập nhật ...', 'Điều 4.' / 'Định giá thuộc thẩm quyền ...'."""
    paras = list(paras)
    for i in range(len(paras) - 1):
        cut = _ARTICLE_CUT.match(paras[i].text.strip())
        numbered = NUMBERED.match(paras[i + 1].text)
        if cut and numbered and "." not in numbered["num"] and _capitals(cut["title"]) and paras[i + 1].table is None:
            # 'KIỂM TRA VIỆC CHẤP HÀNH ... Điều' / '11. Cơ quan thực hiện ...': a line join took the article's word
            paras[i] = dataclasses.replace(paras[i], text=cut["title"])
            paras[i + 1] = dataclasses.replace(paras[i + 1], text=f"Điều {numbered['num']}. {numbered['rest']}")
    out: list[Paragraph] = []
    for para in paras:
        last = out[-1] if out and out[-1].table is None and para.table is None else None
        joined = _joined(last.text, para.text.strip()) if last is not None else None
        if last is not None and joined is not None:
            out[-1] = dataclasses.replace(last, text=joined)
        else:
            out.append(para)
    return out


def _joined(text: str, after: str) -> str | None:
    """The heading ``text`` and the paragraph after it make, when they are one heading a line break split."""
    numbered = NUMBERED.match(after)
    if _BARE_ARTICLE.match(text):
        return f"Điều {numbered['num']}. {numbered['rest']}" if numbered and "." not in numbered["num"] else None
    chapter = _CHAPTER.match(text)
    if chapter and not (chapter["rest"] or chapter["caps"]):
        if not chapter["num"]:
            return f"{text} {after}" if _BARE_ROMAN.match(after) else None  # 'Chương' / 'III'
        return f"{text.rstrip(' .:')}. {after}" if _capitals(after) and _title_like(after) else None
    division = _DIVISION.match(text) if chapter is None else None
    if division and not (division["rest"] or division["caps"]):
        return f"{text.rstrip(' .:')}. {after}" if _capitals(after) and _title_like(after) else None
    article = _ARTICLE.match(text) if chapter is None and division is None else None
    if article and not article["rest"] and _title_like(after):
        return f"Điều {article['num']}. {after}"  # 'Điều 4.' / 'Định giá thuộc thẩm quyền ...'
    return None


def _heads(paras: list[Paragraph], i: int, legal: bool = False) -> bool:
    """The article at ``i`` heads what follows it: its title closes no sentence and something other than the
    next article follows. In a text already read as legal (``legal``: two titled articles found), a title may be
    long ('Điều 6. Phối hợp trong tuyên truyền, phổ biến ... tôn giáo', four lines) or close with a period when
    the article's clauses follow it from '1.'."""
    found = _ARTICLE.match(paras[i].text)
    if found is None:
        return False
    rest = (found["rest"] or "").strip()
    after = paras[i + 1] if i + 1 < len(paras) else None
    if after is None or after.table is not None or _ARTICLE.match(after.text) or _CHAPTER.match(after.text):
        return False
    if not rest:
        return NUMBERED.match(after.text) is not None  # 'Điều 2.' / '1. Quyết định này có hiệu lực ...'
    # a title names what the article is about; a sentence that speaks of the text itself ('... thi hành Quyết định
    # này') or leads into a list ('... gồm các đồng chí sau:') is the article's own content
    if rest.endswith(":") or _OWN_TEXT.search(rest) is not None:
        return False
    if not legal:
        return _title_like(rest) and len(rest) <= 120
    clause = _CLAUSE.match(after.text)
    first_clause = clause is not None and clause["num"] == "1" and not rest.endswith((";", "!", "?"))
    return len(rest) <= 400 and (first_clause or _title_like(rest, longest=400))


def read_legal(paras: list[Paragraph]) -> tuple[list[Paragraph], Legal]:
    """A legal text's chapters, sections and titled articles read into numbered headings, the articles' clauses
    numbered under them; ``paras`` as they were when the text has fewer than two titled articles."""
    legal = Legal()
    joined = _join_headings(paras)
    heads = [i for i in range(len(joined)) if joined[i].table is None and _heads(joined, i)]
    if len(heads) < 2:
        return paras, legal
    heading_at = {i for i in range(len(joined)) if joined[i].table is None and _heads(joined, i, legal=True)}
    out: list[Paragraph] = []
    division: str | None = None
    article: str | None = None  # the number the current article's clauses go under
    for i, para in enumerate(joined):
        text = para.text
        if para.table is not None:
            article = division = None if para.table == "appendix" else division
            out.append(para)
            continue
        chapter = _CHAPTER.match(text)
        if chapter and chapter["num"]:
            number = chapter["num"] if not chapter["num"].isdigit() else _roman(int(chapter["num"]))
            title = chapter["rest"] or chapter["caps"] or f"Chương {chapter['num']}"
            para = dataclasses.replace(para, text=f"{number}. {title}")
            legal.chapters[id(para)] = f"Chương {chapter['num']}"
            division = article = None
            out.append(para)
            continue
        section = _DIVISION.match(text)
        if section and (section["rest"] or section["caps"]) and _capitals(section["rest"] or section["caps"]):
            division = section["num"]
            para = dataclasses.replace(para, text=f"{division}. {section['rest'] or section['caps']}")
            legal.divisions[id(para)] = f"Mục {section['num']}"
            article = None
            out.append(para)
            continue
        found = _ARTICLE.match(text)
        if found and i in heading_at:
            article = f"{division}.{found['num']}" if division else found["num"]
            para = dataclasses.replace(
                para, text=f"{article}. {(found['rest'] or '').strip() or 'Điều ' + found['num']}"
            )
            legal.articles[id(para)] = f"Điều {found['num']}"
            out.append(para)
            continue
        if found:
            article = None  # an article that is a sentence: read by the walk as a decision's article
        elif (
            article is not None
            and (clause := _CLAUSE.match(text))
            and clause["num"].count(".") + article.count(".") < 3
        ):
            para = dataclasses.replace(para, text=f"{article}.{clause['num']}. {clause['rest']}")
        out.append(para)
    return out, legal
