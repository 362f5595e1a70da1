"""What a plan cites: every citation found in its header, preamble, items, sections and
footnotes, merged into one entry per document, then linked to a record of the repository
or drafted as a new directive."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from ..kinds import Kind
from ..model import Directive, DocType
from ..model.docnumber import DocNumberError, follows_numbering, parse_doc_number
from ..text import fold, slugify
from . import citations as cite
from . import header as head
from . import source
from . import structure as struct
from .outcome import Draft
from .units import Match, norm
from .who import UnitSteps


class CitedSteps(UnitSteps):
    """The steps of a plan's drafting that find, merge and link the documents it cites."""

    doc: source.Document
    header: head.Header
    body: struct.Body
    documents: dict[str, CitedDocument]
    task_of: dict[int, Draft]

    def cite_all(self) -> None:
        """Every citation of the plan, where it stands: the title, the decision's 'Căn cứ' lines and
        the preamble (basis), the items (what each task implements), the sections, the closing and
        footnotes no item or preamble paragraph points to (documents the plan cites)."""
        plan = self.outcome.plan
        assert plan is not None
        for citation in cite.find(self.header.title or ""):
            self.remember(citation, None, None)
        self.cite_decision_basis(plan)
        self.cite_preamble(plan)
        used_notes = self.cite_items()
        used_notes |= self.cite_preamble_notes(plan)
        self.cite_elsewhere(plan, used_notes)

    def cite_decision_basis(self, plan: Draft) -> None:
        """'Căn cứ ...' of the decision that issues the plan (the basis) and its 'Theo đề nghị của ...
        tại Công văn số ...' (a document it cites), read as clauses of the decision's text joined
        whatever its line breaks ('Căn' / 'cứ Luật ...')."""
        if not self.header.issued_by:
            return
        text = " ".join(" ".join(line.text.split()) for line in self.doc.lines[: self.header.body_start])
        for key, clause in _decision_clauses(text):
            for citation in cite.find(clause):
                self.remember(citation, plan, key)
        if articles := _LATER_ARTICLES.search(text):
            # 'Điều 2. ... Thay thế Quyết định số 3089/QĐ-UBND ...': documents the decision's other articles
            # name (replaced, repealed) are documents the plan cites
            for citation in cite.find(text[articles.start() :]):
                self.remember(citation, plan, "cites")

    def cite_preamble(self, plan: Draft) -> None:
        for para in self.body.preamble:
            found = cite.find(para.text)
            for citation in found:
                if _in_title(citation, found, para.text):  # part of another basis's title, not one of its own
                    self.remember(citation, None, None)
                else:
                    self.remember(citation, plan, "basis")

    def cite_items(self) -> set[str]:
        """Citations of each item's text, footnotes and label lines that say when and how ('Thời hạn
        ban hành: Theo tiến độ được giao của Luật An ninh mạng 2025'); the footnote markers used."""
        footnotes = self.doc.footnotes
        used_notes: set[str] = set()
        for item in self.body.items:
            task = self.task_of.get(id(item))
            texts = [(item.text, False)] + [(footnotes[m], True) for m in item.markers if m in footnotes]
            texts += [(line.value, False) for line in [*item.own, *item.block] if line.role in _LABELS_CITING]
            used_notes.update(item.markers)
            for text, in_note in texts:
                for citation in cite.find(text, in_footnote=in_note):
                    self.remember(citation, task, "implements" if task else None)
        return used_notes

    def cite_preamble_notes(self, plan: Draft) -> set[str]:
        """Citations of the footnotes of the preamble (basis); the footnote markers used."""
        footnotes = self.doc.footnotes
        used_notes: set[str] = set()
        for para in self.body.preamble:
            for marker in para.markers:
                used_notes.add(marker)
                for citation in cite.find(footnotes.get(marker, ""), in_footnote=True):
                    self.remember(citation, plan, "basis")
        return used_notes

    def cite_elsewhere(self, plan: Draft, used_notes: set[str]) -> None:
        footnotes = self.doc.footnotes
        for section_text in _all_texts(self.body.sections):
            for citation in cite.find(section_text):
                self.remember(citation, plan, "cites")
        for text, in_note in [
            (self.body.closing or "", False),
            *[(footnotes[m], True) for m in footnotes if m not in used_notes],
        ]:
            for citation in cite.find(text, in_footnote=in_note):
                self.remember(citation, plan, "cites")
        self.cite_unmarked_notes(plan, "cites")

    def cite_unmarked_notes(self, draft: Draft | None, key: str | None) -> None:
        """Notes printed as footnotes whose markers were not read ('(1) ...' under a table, '2 Giám sát theo
        Quyết định số ...' where a PDF put them): a document they name that the rest of the text does not is
        one the document cites; one named elsewhere too keeps where it was named."""
        for note in cite.unmarked_notes([line.text for line in self.doc.lines]):
            for citation in cite.find(note, in_footnote=True):
                known = self._key(citation) in self.documents
                self.remember(citation, None if known else draft, None if known else key)

    def _key(self, citation: cite.Citation) -> str:
        dedup = _dedup_key(citation)
        if citation.term and dedup.startswith("n:"):
            dedup += f"|{citation.term}"
        return dedup

    def remember(self, citation: cite.Citation, draft: Draft | None, key: str | None) -> None:
        if self.header.issued_by == "Quyết định" and citation.number and citation.number == self.header.number:
            return  # '(Kèm theo Quyết định số ...)': the decision that issues this plan, recorded as it
        if (
            citation.number
            and citation.number == self.header.number_attached
            and self.header.number in (None, citation.number)
        ):
            return  # '(Ban hành kèm theo Nghị quyết số ...)' in a resolution printed without its number: itself
        if self._names_itself(citation):
            return
        dedup = self._key(citation)
        document = self.documents.get(dedup)
        if document is None:
            document = CitedDocument(dedup, [])
            self.documents[dedup] = document
        document.mentions.append(citation)
        if draft is not None and key is not None:
            document.cited_by.append((draft, key, citation))

    def _names_itself(self, citation: cite.Citation) -> bool:
        """The document named by its own number ('theo Kế hoạch số 235/KH-UBND', its date the document's or
        none), or by its own kind and title without a number ('ban hành Kế hoạch quan trắc ... năm 2026' in
        the plan 'Quan trắc ... trên địa bàn tỉnh ... năm 2026'): itself, never a document it cites."""
        if citation.number:
            return citation.number == self.header.number and citation.date in (None, self.header.date)
        if not (citation.title and self.header.title and self.header.heading):
            return False
        if cite.type_of_word(self.header.heading) is not citation.doc_type:
            return False
        own = set(_title_words(self.header.title))
        words = _title_words(citation.title)
        kind = _title_words(self.header.heading)
        if words[: len(kind)] == kind:  # 'Kế hoạch quan trắc ...': the kind's words, then the title's
            words = words[len(kind) :]
        opening = list(itertools.takewhile(lambda w: w in own, words))
        return len(opening) >= _OWN_TITLE_WORDS and len(set(opening)) * 2 >= len(own)

    def cited_in(self) -> str:
        """The importing document, as the note on each directive it cites names it."""
        return f"kế hoạch {self.outcome.plan.data['number']}"  # type: ignore[union-attr]

    def merge_partials(self) -> None:
        """'Chỉ thị 11' after 'Chỉ thị số 11-CT/TU' anywhere in the plan: the same document."""
        full = [d for d in self.documents.values() if d.key.startswith("n:")]
        for key, document in list(self.documents.items()):
            if not key.startswith("p:"):
                continue
            first = document.mentions[0]
            serial = re.search(r"(\d+)\s*$", first.partial or "")
            if serial is None:
                continue
            same = [
                d
                for d in full
                if (n := next((m.number for m in d.mentions if m.number), None))
                and re.match(rf"0*{int(serial[1])}[-/]", n)
                and d.mentions[0].doc_type == first.doc_type
            ]
            if len(same) != 1:
                continue
            target = same[0]
            number = next(m.number for m in target.mentions if m.number)
            for mention in document.mentions:
                mention.partial, mention.number = None, number
                mention.notes = [n for n in mention.notes if "partial_number" not in n[1]]
            target.mentions += document.mentions
            target.cited_by += document.cited_by
            del self.documents[key]

    def merge_short_numbers(self) -> None:
        """'Nghị quyết liên tịch số 102/2025/NQLT' after 'Nghị quyết liên tịch số 102/2025/NQLT/UBTVQH15-CP-
        ĐCTUBTWMTTQVN': a number written short, its last parts left off, is the one document of that
        type cited in full whose number it opens."""
        numbered = {k: d for k, d in self.documents.items() if k.startswith("n:")}
        for key, document in numbered.items():
            short = key[2:]
            kind = document.mentions[0].doc_type
            longer = [
                d
                for k, d in numbered.items()
                if k != key
                and k[2:].startswith(short)
                and k[2 + len(short) : 3 + len(short)] in ("/", "-")
                and d.mentions[0].doc_type == kind
            ]
            if len(longer) != 1 or key not in self.documents:
                continue
            self.fold_into(longer[0], key)

    def fold_into(self, target: CitedDocument, key: str) -> None:
        """The document cited at ``key`` is ``target`` written shorter: its mentions take the number of
        ``target`` and join it."""
        document = self.documents.pop(key)
        number = next(m.number for m in target.mentions if m.number)
        for mention in document.mentions:
            mention.number = number
        target.mentions += document.mentions
        target.cited_by += document.cited_by

    def directive_drafts(self) -> None:
        """Each document cited, once: merged with its other mentions, linked to a record or drafted,
        then linked from the drafts that cite it."""
        self.merge_partials()
        self.merge_short_numbers()
        self.merge_terms()
        self.merge_short_law_names()
        self.merge_laws_named_with_number()
        by_number: dict[str, CitedDocument] = {}
        for document in self.documents.values():
            self.resolve(document)
            if document.number:
                by_number[document.number] = document
            partial = next((m.partial for m in document.mentions if m.partial), None)
            if partial:
                by_number[f"~{partial}"] = document
        for document in self.documents.values():
            self.link_supersedes(document, by_number)
            self.link_citing(document)
        self.tidy_links()

    @staticmethod
    def link_supersedes(document: CitedDocument, by_number: dict[str, CitedDocument]) -> None:
        """'thay thế ...': the drafted document supersedes the one it names, when that one is cited too."""
        for replaced in document.supersedes:
            old = by_number.get(replaced)
            if old is not None and old.record_id and document.draft is not None:
                replaced_ids = document.draft.data.setdefault("supersedes", [])
                if old.record_id not in replaced_ids:  # two numbers written for one document
                    replaced_ids.append(old.record_id)
                if old.draft is not None:
                    old.draft.data["status"] = "superseded"

    def link_citing(self, document: CitedDocument) -> None:
        """The document's record id in each draft that cites it (basis, implements, cites)."""
        plan = self.outcome.plan
        plan_date = plan.data.get("date") if plan else None
        for draft, key, mention in document.cited_by:
            if document.record_id is None:
                continue
            record_id = self.namesake(document.record_id, mention) or document.record_id
            values = draft.data.setdefault(key, [])
            if record_id in values:
                continue
            if record_id != document.record_id:  # another document with the same number, by its title
                values.append(record_id)
                if record_id not in self.outcome.linked_directives:
                    self.outcome.linked_directives.append(record_id)
                continue
            if key == "basis" and plan and document.date and plan_date and document.date > plan_date:
                plan.doubt(
                    "basis",
                    f"{document.label} ghi ngày {document.date:%d/%m/%Y}, sau ngày của kế hoạch; "
                    "chưa ghi vào căn cứ, kiểm tra lại ngày",
                )
                continue
            values.append(document.record_id)
            for why in document.link_doubts:
                draft.doubt(key, why)

    def tidy_links(self) -> None:
        """A document of the basis is not cited again; empty link lists are dropped."""
        plan = self.outcome.plan
        basis = set(plan.data.get("basis", [])) if plan else set()
        if plan and "cites" in plan.data:  # documents the plan names elsewhere, not already its basis
            plan.data["cites"] = [c for c in plan.data["cites"] if c not in basis]
        for draft in self.outcome.drafts:
            for key in ("basis", "implements", "cites"):
                if key in draft.data and not draft.data[key]:
                    del draft.data[key]

    def merge_short_law_names(self) -> None:
        """'Luật Bầu cử' after 'Luật Bầu cử đại biểu Quốc hội và ...': the same law, named shorter. A
        name that several longer ones go on differently ('Luật Việc làm', 'Luật Việc làm trên địa bàn',
        'Luật Việc làm bảo đảm kịp thời') is the law's name, the rest running text read with it."""
        laws = {k: d for k, d in self.documents.items() if k.startswith(f"t:{DocType.LUAT.value}:")}
        for key, document in sorted(laws.items(), key=lambda kv: len(kv[0])):
            if key not in self.documents:
                continue
            name = re.sub(r" nam \d{4}$", "", key.split(":", 2)[2])
            longer = [k for k in laws if k != key and k in self.documents and k.split(":", 2)[2].startswith(name + " ")]
            dated = [k for k in longer if re.fullmatch(r" nam \d{4}", k.split(":", 2)[2][len(name) :])]
            if len(longer) == 1 or (dated and len(dated) == len(longer)):
                target = self.documents[longer[0]]  # the longer name, or the name with its year
                target.mentions += document.mentions
                target.cited_by += document.cited_by
                del self.documents[key]
            elif len(longer) > 1:
                for other in longer:
                    document.mentions += self.documents[other].mentions
                    document.cited_by += self.documents[other].cited_by
                    del self.documents[other]

    def merge_laws_named_with_number(self) -> None:
        """'Luật Tổ chức Quốc hội' after 'Luật Tổ chức Quốc hội số 57/2014/QH13': the law cited by its number,
        named again without it, when one numbered law bears that name."""
        named: dict[str, set[str]] = {}
        for key, document in self.documents.items():
            for mention in document.mentions if key.startswith("n:") else ():
                if mention.law_name:
                    named.setdefault(norm(mention.law_name), set()).add(key)
        for key in list(self.documents):
            if not key.startswith(f"t:{DocType.LUAT.value}:"):
                continue
            targets = named.get(re.sub(r" nam \d{4}$", "", key.split(":", 2)[2]), set())
            if len(targets) == 1 and (target := self.documents.get(next(iter(targets)))) is not None:
                self.fold_into(target, key)

    def merge_terms(self) -> None:
        """One number cited with two terms ('25-NQ/TW (khóa IX)', '25-NQ/TW (khóa XI)') is two documents:
        numbers restart with each term. A mention without a term joins the only term cited, if one."""
        for key, document in list(self.documents.items()):
            if not key.startswith("n:") or key.count("|") or document.mentions[0].term:
                continue
            termed = [d for k, d in self.documents.items() if k.startswith(key + "|")]
            if len(termed) == 1:
                termed[0].mentions += document.mentions
                termed[0].cited_by += document.cited_by
                del self.documents[key]
            elif termed:
                document.link_doubts.append(
                    f"số {document.mentions[0].number} được dẫn với {len(termed)} khóa khác nhau; lần dẫn không ghi "
                    "khóa chưa rõ là văn bản nào"
                )

    def resolve(self, document: CitedDocument) -> None:
        """Link a cited document to a record of the repository, or draft a new directive."""
        first = document.mentions[0]
        number = next((m.number for m in document.mentions if m.number), None)
        document.number = number
        dates = sorted({m.date for m in document.mentions if m.date})
        document.date = dates[0] if dates else None
        title = _best_title(document.mentions)
        doc_type = first.doc_type
        document.label = f"{_type_name(doc_type)} {number}" if number else (title or first.written)
        notes = list(dict.fromkeys(n for m in document.mentions for n in m.notes))
        issuer, co_issuers, issuer_doubt = self.directive_issuer(document)
        scope = self.scope_of(issuer) if issuer else self.scope_of_number(number)
        # each mention may say what the document replaces: each replaced document once
        document.supersedes = list(dict.fromkeys(n for m in document.mentions for n in m.supersedes))
        existing = self.existing(document, doc_type, scope, title)
        if len(dates) > 1:
            document.link_doubts.append(
                f"{document.label} được dẫn với hai ngày khác nhau ({', '.join(f'{d:%d/%m/%Y}' for d in dates)}); "
                "ghi một văn bản, cần đối chiếu"
            )
        if existing is not None:
            document.record_id = existing
            if existing not in self.outcome.linked_directives:
                self.outcome.linked_directives.append(existing)
            return
        record_id = self.directive_id(document, doc_type, scope, title, first)
        draft = self.new_directive(record_id, document, title, issuer, co_issuers)
        for key, note, doubtful in notes:
            key = key if key in ("number", "type", "date", "title") and (key != "number" or number) else "title"
            (draft.doubt if doubtful else draft.note)(key, note)
        if issuer_doubt:
            draft.doubt("issuer", issuer_doubt)
        if len(dates) > 1:
            draft.doubt("date", document.link_doubts[-1])
        titles = _distinct_titles(document.mentions)
        if len(titles) > 1:
            draft.doubt("title", "văn bản được dẫn với các trích yếu khác nhau: " + " | ".join(sorted(titles)))
        places = sorted({_where(m) for m in document.mentions})
        draft.note("", f"dẫn trong {self.cited_in()} ({', '.join(places)})")
        document.record_id = record_id
        document.draft = draft
        self.outcome.directives.append(draft)

    @staticmethod
    def new_directive(
        record_id: str, document: CitedDocument, title: str | None, issuer: str | None, co_issuers: list[str]
    ) -> Draft:
        """The directive record of a document the repository lacks, with what its mentions say."""
        number = document.number
        doc_type = document.mentions[0].doc_type
        draft = Draft(Kind.DIRECTIVE, {"id": record_id})
        data = draft.data
        unruly = None  # a number the numbering rules reject ('102/2025/NQLT/UBTVQH15-...'): kept as written only
        if number and not follows_numbering(number):
            unruly, number = " ".join(number.split()), None
            draft.doubt("number_written", "số hiệu không theo quy tắc đánh số; giữ như văn bản ghi, cần đối chiếu")
        if number:
            data["number"] = number
        partial = next((m.partial for m in document.mentions if m.partial), None)
        if partial and not number:
            data["partial_number"] = partial
        written_as = next((m.number_written for m in document.mentions if m.number and m.number_written), None)
        if number and written_as and " ".join(written_as.split()) != number:
            data["number_written"] = " ".join(written_as.split())
        data["type"] = doc_type.value
        term = next((m.term for m in document.mentions if m.term), None)
        if term:
            data["term"] = term
        data["issuer"] = issuer
        if co_issuers:
            data["co_issuers"] = co_issuers
        if document.date:
            data["date"] = document.date
        as_written = (m.number_written for m in document.mentions if m.number_written and not m.number)
        written = unruly or next(as_written, None)
        if written and not number:
            data["number_written"] = " ".join(written.split())  # 'QCVN 01:2019/BCT', '01-GCN-MT': as written
        if not title and written:  # a number the numbering rules do not know: it names the document
            title = f"{_type_name(doc_type)} số {written}"
        data["title"] = title
        if not title:
            draft.note("title", "văn bản dẫn không ghi trích yếu; để trống (null), không tự đặt")
        return draft

    def namesake(self, chosen: str, mention: cite.Citation) -> str | None:
        """Numbers restart with each term: an undated mention whose title is not that of the record
        its number was linked to, but is that of the one other record of the same issuer with that
        number ("Nghị quyết 25-NQ/TW ... về công tác tôn giáo"), is that other record."""
        record: Any = self.index.directives.get(chosen) or self.index.plans.get(chosen)
        if (
            record is None
            or not record.number
            or mention.date
            or not mention.title
            or not record.title
            or _similar(record.title, mention.title)
        ):
            return None
        everything: list[Any] = [*self.index.directives.values(), *self.index.plans.values()]
        others = [
            other.id
            for other in everything
            if other.id != chosen
            and other.issuer == record.issuer
            and other.number
            and _same_number(other.number, record.number)
            and other.title
            and _similar(other.title, mention.title)
        ]
        return others[0] if len(others) == 1 else None

    def directive_issuer(self, document: CitedDocument) -> tuple[str | None, list[str], str | None]:
        """Who issued a cited document: the issuer the text names, checked against the code of its number,
        else the unit the code names; with its co-issuers (the further codes) and why it is doubtful."""
        mention = next((m for m in document.mentions if m.issuer_text), document.mentions[0])
        codes: list[str] = []
        if document.number:
            try:
                codes = list(parse_doc_number(document.number).issuers)
            except DocNumberError:
                codes = []
        co_issuers: list[str] = []
        for code in codes[1:]:
            found = self.registry.by_code(code)
            if found:
                co_issuers.append(found[0])
        if mention.congress and (congress := self.congress_issuer(mention.congress[0])) is not None:
            return congress, [], None
        if mention.issuer_text and (written := self.written_issuer(mention.issuer_text, codes)) is not None:
            return written[0], co_issuers, written[1]
        issuer, why = self.issuer_by_code(mention.issuer_text, codes)
        return issuer, co_issuers, why

    def congress_issuer(self, scope: str) -> str | None:
        """The issuer of a congress resolution: the Central Committee for the national congress, the
        province's party committee for its own; None when that committee is not known."""
        if scope == "national":
            return self.central_committee()
        if scope == "commune":  # the commune's own congress: the plan's issuer when it is that committee
            issuer = getattr(self, "issuer", None)
            unit: Any = self.index.units.get(issuer or "") or self.registry.proposed.get(issuer or "")
            if unit is not None and re.match(r"^dang uy (?:xa|phuong|dac khu|thi tran)\b", norm(unit.name)):
                return issuer
            return None
        match = self.registry.lookup("Tỉnh ủy")
        if match and (match.unit or match.model):
            return self.commit(match, None).unit
        return None

    def written_issuer(self, issuer_text: str, codes: list[str]) -> tuple[str | None, str | None] | None:
        """The issuer the text names, when the registry knows it: that unit if the code of the number
        agrees (or names a unit it is a body of), else the code's unit, flagged; None when neither."""
        by_code = self.registry.by_code(codes[0], propose=False) if codes else []
        match = self.registry.lookup(issuer_text)
        if match is None:
            first, _ = self.registry.split(issuer_text)
            match = first[0] if first and first[0].known else None
        if match is None:
            return None
        unit_codes = self.codes_of(match.unit or match.model or "")
        written = norm(issuer_text)
        inside = any(key and key in written for u in by_code for key in self.unit_keys(u))
        if not unit_codes or not codes or set(unit_codes) & set(codes) or inside:
            # "Ban Thường vụ Tỉnh ủy" for a number of code TU: a body of the unit the code names
            settled = self.commit(match, None)
            self.add_code(settled.unit, codes[0] if codes else None)
            return settled.unit, settled.doubt
        by_code = self.registry.by_code(codes[0]) if codes else []
        if by_code:
            return (
                by_code[0],
                f"văn bản ghi cơ quan ban hành '{issuer_text}' nhưng ký hiệu {codes[0]} là của '{by_code[0]}'; "
                "đã ghi theo ký hiệu",
            )
        return None

    def issuer_by_code(self, issuer_text: str | None, codes: list[str]) -> tuple[str | None, str | None]:
        """The issuer the code of the number names, else a unit proposed from the name written, else none;
        with why it is doubtful."""
        by_code = self.registry.by_code(codes[0]) if codes else []
        if issuer_text and self.registry.named_province(issuer_text) is not None:
            by_code = []  # 'của Ủy ban nhân dân tỉnh Bình Dương': another province's body, not this one's UBND
        if by_code:
            chosen = self.prefer_committee(by_code)
            why = None
            if len(by_code) > 1:
                why = f"văn bản không ghi cơ quan ban hành; ký hiệu {codes[0]} dùng cho {', '.join(by_code)}"
            elif not issuer_text:
                why = f"văn bản không ghi cơ quan ban hành; suy ra từ ký hiệu {codes[0]}"
            return chosen, why
        if issuer_text:
            # 'của Chính phủ trừ đi tuổi của cán bộ ...': the issuer's name, not the words the sentence goes on with
            names, rest = self.registry.split(issuer_text)
            if len(names) == 1 and rest.strip() and names[0].named:
                issuer_text = names[0].written
            settled = self.commit(Match(issuer_text, None, True), None)
            self.add_code(settled.unit, codes[0] if codes else None)
            return settled.unit, settled.doubt
        if codes:
            return (
                None,
                f"văn bản dẫn không ghi cơ quan ban hành; ký hiệu {codes[0]} chưa có trong danh mục đơn vị: "
                "để trống (null), cần bổ sung",
            )
        return None, "văn bản dẫn không ghi cơ quan ban hành; để trống (null), không tự đoán"

    def existing(self, document: CitedDocument, doc_type: DocType, scope: str, title: str | None) -> str | None:
        """The record of the repository this document is, if any."""
        partial = next((m.partial for m in document.mentions if m.partial), None)
        candidates: list[Any] = []
        for entry in [*self.index.of_kind(Kind.DIRECTIVE), *self.index.of_kind(Kind.PLAN)]:
            record: Any = entry.record
            if record.issuer is not None and self.scope_of(record.issuer) != scope:
                continue  # a record whose issuer is not known may be of any scope
            if _is_record_of(record, document, doc_type, title, partial):
                candidates.append(record)
        if not candidates:
            return None
        if document.date:
            return _dated_choice(document, candidates)
        if len(candidates) > 1:
            document.link_doubts.append(
                f"{document.label} không ghi ngày; kho có {len(candidates)} văn bản cùng số "
                f"({', '.join(r.id for r in candidates)}); đã chọn '{candidates[0].id}'"
            )
        return str(candidates[0].id)

    def directive_id(
        self, document: CitedDocument, doc_type: DocType, scope: str, title: str | None, first: cite.Citation
    ) -> str:
        if document.number:
            year = document.date.year if document.date else None
            tail = slugify(re.sub(r"/(?:19|20)\d\d/", "/", document.number))  # "04/2015/NĐ-CP": the year once
            parts = [scope, str(year) if year else None, tail]
            base = "-".join(p for p in parts if p)
        elif first.congress:
            base = f"{scope}-nghi-quyet-dai-hoi-{first.congress[1].lower()}"
        else:
            name = first.short_name or title or first.written
            base = f"{scope}-{slugify(name)}"[:90].rstrip("-")
        record_id = base
        taken = set(self.index.entries) | {d.id for d in self.outcome.directives}
        n = 2
        while record_id in taken:
            record_id = f"{base}-{n}"
            n += 1
        return record_id


@dataclass
class CitedDocument:
    key: str
    mentions: list[cite.Citation]
    cited_by: list[tuple[Draft, str, cite.Citation]] = field(default_factory=list)
    number: str | None = None
    date: dt.date | None = None
    label: str = ""
    record_id: str | None = None
    draft: Draft | None = None
    supersedes: list[str] = field(default_factory=list)
    link_doubts: list[str] = field(default_factory=list)


# Where a clause of a decision's preamble starts, and where its preamble ends ('QUYẾT ĐỊNH:', 'Điều 1.').
_DECISION_CLAUSE = re.compile(r"\b(?:(?P<basis>Căn cứ)|(?:Theo|Xét) đề nghị)\b|\bQUYẾT ĐỊNH\s*:|\bĐiều\s+1\b")


# The articles of a decision after the one that issues the plan.
_LATER_ARTICLES = re.compile(r"\bĐiều\s+[2-9]\s*[.:]")


def _decision_clauses(text: str) -> list[tuple[str, str]]:
    """The 'Căn cứ ...' (basis) and 'Theo đề nghị ...' (cites) clauses of a decision's preamble."""
    out: list[tuple[str, str]] = []
    marks = list(_DECISION_CLAUSE.finditer(text))
    for at, mark in enumerate(marks):
        following = marks[at + 1] if at + 1 < len(marks) else None
        if mark[0].startswith(("QUYẾT", "Điều")):
            if out:
                break
            continue
        end = following.start() if following is not None else len(text)
        out.append(("basis" if mark["basis"] else "cites", text[mark.start() : end]))
    return out


def _is_record_of(
    record: Any, document: CitedDocument, doc_type: DocType, title: str | None, partial: str | None
) -> bool:
    """Whether a directive or plan of the repository is the cited document: by its partial number,
    its number, or (a document without number) its congress or title."""
    if partial and not document.number:
        return bool(getattr(record, "partial_number", None)) and norm(record.partial_number) == norm(partial)
    if document.number:
        return bool(record.number) and _same_number(record.number, document.number)
    if not (isinstance(record, Directive) and record.type == doc_type and not record.number):
        return False
    mention = document.mentions[0]
    if mention.congress and record.type is DocType.NGHI_QUYET_DAI_HOI:
        return bool(re.search(rf"\b{mention.congress[1]}\b", record.title or ""))
    return bool(title and record.title and _similar(record.title, title))


def _dated_choice(document: CitedDocument, candidates: list[Any]) -> str | None:
    """Of the records with the document's number, the one of its date (or undated, or of its year:
    flagged); none when all are of another year (numbers restart)."""
    assert document.date is not None
    dated = [r for r in candidates if r.date == document.date]
    if dated:
        return str(dated[0].id)
    undated = [r for r in candidates if r.date is None]
    if undated:
        return str(undated[0].id)
    same_year = [r for r in candidates if r.date and r.date.year == document.date.year]
    if same_year:  # one number is not issued twice in a year: a date mistyped here or there
        record = same_year[0]
        document.link_doubts.append(
            f"{document.label} được dẫn với ngày {document.date:%d/%m/%Y}, bản ghi '{record.id}' ghi ngày "
            f"{record.date:%d/%m/%Y}; đã liên kết, cần đối chiếu"
        )
        return str(record.id)
    return None  # same number, another year: another document (numbers restart)


def _in_title(citation: cite.Citation, found: list[cite.Citation], text: str) -> bool:
    """A document named inside the title of the numbered document cited just before it
    ("Căn cứ Chương trình số 04-CTr/TU ... về thực hiện Nghị quyết Đại hội ... lần thứ XI"):
    the programme is the basis, the resolution is what the programme is about. Only documents
    named without a number: a numbered one may be a basis of its own after a title read too long."""
    before = [c for c in found if c.number and c is not citation and c.end <= citation.start]
    if citation.number or citation.number_written or not before:
        return False
    title = max(before, key=lambda c: c.end).title
    return bool(title) and fold(" ".join(text[citation.start : citation.end].split())) in fold(title)  # type: ignore[arg-type]


# Label lines whose value may name a document: when ('Thời gian: theo Quyết định số ...') and how.
_LABELS_CITING = ("timeframe", "method", "output")


def _dedup_key(citation: cite.Citation) -> str:
    if citation.number or citation.number_written:
        return "n:" + _number_key(citation.number or citation.number_written or "")
    if citation.partial:
        return "p:" + norm(citation.partial)
    if citation.congress:
        return f"c:{citation.congress[0]}:{citation.congress[1]}"
    return f"t:{citation.doc_type.value}:{norm(citation.short_name or citation.title or citation.written)}"


def _number_key(number: str) -> str:
    return fold(number).replace(" ", "")


def _same_number(a: str, b: str) -> bool:
    return _number_key(a) == _number_key(b)


def _similar(a: str, b: str) -> bool:
    ka, kb = set(norm(a).split()), set(norm(b).split())
    if not ka or not kb:
        return False
    return len(ka & kb) / min(len(ka), len(kb)) >= 0.8


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    text = " ".join(title.split()).strip(" ,.;")
    if text.startswith("“") and text.endswith("”") and "“" not in text[1:-1]:
        text = text[1:-1].strip()  # the whole title in quotes
    return text or None


def _distinct_titles(mentions: list[cite.Citation]) -> list[str]:
    """Titles that really differ ('về công tác tôn giáo' vs 'về tăng cường ...'), not one cut shorter."""
    out: list[str] = []
    for title in (_clean_title(m.title) for m in mentions if not m.title_shared and not m.congress):
        if not title:
            continue
        key = norm(title)
        if any(norm(t).startswith(key) or key.startswith(norm(t)) or _similar(t, title) for t in out):
            continue
        out.append(title)
    return out


def _best_title(mentions: list[cite.Citation]) -> str | None:
    """The title most mentions agree on; a longer one is more likely to have run into the next clause."""
    own = [m for m in mentions if m.title and not m.title_shared]
    pool = [_clean_title(m.title) for m in (own or [m for m in mentions if m.title])]
    if not pool:
        return None
    return min(pool, key=lambda t: (-pool.count(t), len(t or "")))


def _type_name(doc_type: DocType) -> str:
    return doc_type.label.split(" (")[0].split(",")[0]


def _where(citation: cite.Citation) -> str:
    return "chú thích" if citation.in_footnote else "nội dung"


def _all_texts(sections: list[struct.Section]) -> list[str]:
    out = []
    for section in sections:
        out.extend(section.texts)
        out.extend(_all_texts(section.children))
    return out


_OWN_TITLE_WORDS = 4  # 'Kế hoạch năm 2026' is any year's plan; four words of the title name this one


def _title_words(text: str) -> list[str]:
    """A title's words, folded, without punctuation or quotes ('giai đoạn 2026-2030': giai, doan, 2026, 2030)."""
    return [w for w in re.split(r"[\s,.;:“”\"'()\-–]+", fold(text)) if w]
