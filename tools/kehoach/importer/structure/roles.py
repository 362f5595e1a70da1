"""Role lines: a heading or a line that only states the role of the unit named above it
('1. Sở Y tế' / 'a) Chủ trì thực hiện các nhiệm vụ sau:' / 'b) Phối hợp với Sở Tài chính thực hiện:')."""

from __future__ import annotations

import re

from ...text import fold
from ..source import BULLET, HEADING_ROMAN, NUMBERED, Paragraph, label_of
from ..units import Match
from .model import Item, RoleLine, Section
from .patterns import PLAIN_LEAD_IN, end_mark
from .state import Walk
from .subjects import reads_as_body

# A heading that states only a role ('Là cơ quan đầu mối chủ trì thực hiện các nhiệm vụ sau', 'Phối hợp với Sở
# Tài chính thực hiện', 'Chủ trì, phối hợp với X:', 'Tham gia phối hợp'): the unit named above has that role.
_ROLE_HEADING = re.compile(
    r"^(?:(?:Là\s+)?(?:cơ quan|đơn vị)(?:\s+(?:đầu mối|thường trực|chính))*\s*,?\s*)?"
    r"(?P<role>chủ trì|(?:tham gia\s+)?phối hợp)"
    r"(?:\s*,\s*phối hợp)?(?:\s+(?:với|cùng(?:\s+với)?)\s+(?P<with>[^:;()]+?))?"
    r"(?:\s*,?\s*(?:tổ chức\s+)?(?:thực hiện|triển khai)?\s*(?:các|những)?"
    r"\s*(?:nhiệm vụ|nội dung|công việc|việc|hoạt động)?"
    r"\s*(?:sau đây|sau|như sau|cụ thể(?:\s+như sau)?|gồm)?)?\s*$",
    re.IGNORECASE,
)


# A heading naming a unit that leads, then the units that help: '... chủ trì, phối hợp với X (thực hiện)'.
_LEADS_WITH = re.compile(
    r"\bchủ trì\s*,?\s*phối hợp\s+(?:với|cùng)\s+(?P<with>[^:;()]+?)"
    r"(?:\s*,?\s*(?:thực hiện|triển khai|tổ chức thực hiện)(?:\s+(?:các|những)(?:\s+\S+){1,3}?)?"
    r"(?:\s+(?:sau đây|sau|như sau))?)?\s*:?\s*$",
    re.IGNORECASE,
)


class Roles:
    """Reads role lines and role headings, and what they give the points under them."""

    def __init__(self, w: Walk) -> None:
        self.w = w

    def role_heading(self, section: Section) -> None:
        """A heading that only states the role of the unit named above it, over the points under it
        ('1. Sở Y tế' / 'a) Là cơ quan đầu mối chủ trì thực hiện các nhiệm vụ sau:' / 'b) Phối hợp với Sở
        Tài chính thực hiện:'): under 'chủ trì' that unit leads (with the units it names to help); under
        'phối hợp (với X)' it helps, X leads, and with no X named no lead is read (the task says so)."""
        if section.lead and (helped := _LEADS_WITH.search(section.heading)):
            # '2. Giao Công an tỉnh chủ trì, phối hợp với các đơn vị liên quan:': the heading's unit leads, X helps
            named, rest = self.w.registry.split(helped["with"])
            if named and not rest.strip(" ,;.") and all(reads_as_body(m) for m in named):
                section.coordinating = named
            return
        above = self.w.section_lead()
        role = _ROLE_HEADING.match(section.heading)
        if role is None or not above:
            return
        reading = self.role_reading(role, above, section.heading)
        if reading is None:
            return
        section.lead, section.coordinating, unnamed, section.role_doubt = reading
        section.no_lead = unnamed is not None
        # no lead named: the heading stands as who, which reads as no unit, so the task asks for its lead
        section.who = unnamed

    def role_reading(
        self, role: re.Match[str], above: list[Match], text: str
    ) -> tuple[list[Match], list[Match], str | None, str | None] | None:
        """What a role line under unit(s) ``above`` says: (lead, helpers, the words standing for a lead it
        does not name, why the lead needs review). 'Chủ trì (, phối hợp với X)': they lead, X helps;
        'Phối hợp với X': as usually read, they still lead and X helps, flagged (X may be meant to lead);
        'Phối hợp' alone: they help, no lead is named. None when X does not read as bodies."""
        named, rest = self.w.registry.split(role["with"]) if role["with"] else ([], "")
        if rest.strip(" ,;.") or not all(reads_as_body(m) for m in named):
            return None
        if fold(role["role"]).startswith("chu tri"):
            return list(above), named, None, None
        if not named:
            return [], list(above), text.rstrip(" :"), None
        who = ", ".join(m.written for m in above)
        return (
            list(above),
            named,
            None,
            f"dòng '{text.rstrip(' :')}' dưới tên '{who}': ghi '{who}' chủ trì, các đơn vị sau 'phối hợp với' "
            "là phối hợp; nếu văn bản muốn các đơn vị đó chủ trì thì sửa lại",
        )

    def role_lead_in(self, para: Paragraph, item: Item) -> bool:
        """A line that only states the role of the unit of the heading above, over the points under it
        ('1. Sở Tài chính' / '- Chủ trì thực hiện các nhiệm vụ sau:' / '+ ...' / '- Phối hợp với Sở X:' /
        '+ ...'): it heads those points as a role heading does (see role_heading); it is not work."""
        text = item.text.rstrip()
        role = _ROLE_HEADING.match(text.rstrip(" :")) if text.endswith(":") else None
        above = self.w.section_lead()
        at = self.w.at[id(para)] + 1
        after = self.w.paras[at] if at < len(self.w.paras) else None
        if role is None or not above or after is None or self.w.kinds.kind_of(after) != "bullet":
            return False
        mark = BULLET.match(after.text)["mark"]  # type: ignore[index]
        if mark == item.marker:
            return False
        reading = self.role_reading(role, above, text)
        if reading is None:
            return False
        lead, helpers, unnamed, doubt = reading
        marks = {
            i.marker for i in self.w.body.items if i.path == item.path and i.marker not in (None, item.marker, mark)
        }
        self.w.bullet_head = (item.marker or PLAIN_LEAD_IN, marks, lead, item.path)
        self.w.bullet_role = RoleLine(self.w.bullet_head, helpers, item.line, unnamed, doubt)
        item.role, item.why = "text", "dòng nêu vai trò của đơn vị ở tên mục, dẫn các điểm dưới nó"
        if self.w.section() is not None:
            self.w.section().texts.append(f"{item.marker or ''} {text}".strip())  # type: ignore[union-attr]
        self.w.body.items.append(item)
        return True

    def role_label(self, i: int, heading: Paragraph | None = None) -> bool:
        """A label line with no value that names only a role ('Chủ trì:', '- Phối hợp thực hiện:') over
        points of another bullet that state work, not units, under a heading naming a unit (``heading``:
        the numbered line above, not yet read as one): a role line (see role_lead_in)."""
        text = self.w.paras[i].text
        label = label_of(text)
        if label is None or label[1] or label[0] not in ("lead", "coordinating") or not text.rstrip().endswith(":"):
            return False
        after = self.w.paras[i + 1] if i + 1 < len(self.w.paras) else None
        mark, point = BULLET.match(text), BULLET.match(after.text) if after is not None else None
        if (
            point is None
            or after is None
            or after.table is not None
            or (mark is not None and mark["mark"] == point["mark"])
        ):
            return False
        if not _ROLE_HEADING.match(end_mark((mark["rest"] if mark else text).rstrip(" :"))):
            return False
        named, rest = self.w.registry.split(point["rest"])
        if named and not rest.strip(" .,;") and all(reads_as_body(m) for m in named):
            return False  # 'Chủ trì:' / '- Sở Y tế': its value, written under it
        if heading is not None:
            found = NUMBERED.match(heading.text) or HEADING_ROMAN.match(heading.text)
            return found is not None and bool(self.w.subjects.heading_units(found["rest"]))
        return bool(self.w.section_lead())

    def role_of_points(self) -> RoleLine | None:
        """The role line heading the current points, if one does (it heads them while its bullet head does)."""
        if (
            self.w.bullet_role is None
            or self.w.bullet_head is None
            or self.w.bullet_role.head is not self.w.bullet_head
        ):
            return None
        return self.w.bullet_role

    def role_doubt(self) -> str | None:
        """Why a lead read from a role line or heading above the current point needs review."""
        if (role := self.role_of_points()) is not None:
            return role.doubt
        for s in reversed(self.w.stack):
            if s.role_doubt or s.lead or s.no_lead:
                return s.role_doubt
        return None
