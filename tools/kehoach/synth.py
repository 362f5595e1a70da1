"""A realistic synthetic repository for benchmarks and scale tests: units of
several provinces, directives with supersession chains, plans with sections and
tasks citing them, time frames of every form, year-end reports with results and
figures on a third of the plans, Vietnamese text with diacritics.
The result passes ``kehoach check`` (the tests make sure of it)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .atomic import WriteFailed, write_atomic
from .text import slugify

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's: several times faster

PROVINCES = [
    "Bình Thuận", "Bình Phước", "Đồng Nai", "Đắk Lắk", "Quảng Ngãi", "Hà Tĩnh", "Nghệ An", "Thanh Hóa",
    "Sóc Trăng", "Trà Vinh", "Lâm Đồng", "Khánh Hòa", "Gia Lai", "Kon Tum", "Hòa Bình", "Điện Biên",
]  # fmt: skip
TOPICS = [
    "công tác dân vận của chính quyền", "quy chế dân chủ ở cơ sở", "phong trào thi đua “Dân vận khéo”",
    "công tác tôn giáo", "công tác dân tộc", "xây dựng nông thôn mới", "giảm nghèo bền vững",
    "phòng, chống dịch bệnh", "cải cách hành chính", "giám sát và phản biện xã hội", "đại đoàn kết toàn dân tộc",
    "hòa giải ở cơ sở", "công tác thanh niên", "chăm lo đời sống công nhân lao động",
]  # fmt: skip
VERBS = [
    "Tham mưu ban hành kế hoạch thực hiện", "Tổ chức sơ kết việc thực hiện", "Kiểm tra, giám sát việc thực hiện",
    "Phối hợp tổ chức hội nghị tổng kết", "Hướng dẫn, đôn đốc các địa phương triển khai", "Tuyên truyền, quán triệt",
    "Khảo sát, đánh giá kết quả", "Xây dựng, nhân rộng mô hình điển hình về",
]  # fmt: skip
CENTRAL_TYPES = [("NQ", "nghi-quyet"), ("CT", "chi-thi"), ("KL", "ket-luan"), ("QĐ", "quyet-dinh")]
PROVINCIAL_TYPES = [("CT", "chi-thi"), ("CV", "cong-van"), ("KH", "ke-hoach"), ("NQ", "nghi-quyet")]
ROMAN = ["I", "II", "III", "IV"]


def _timeframe(rng: random.Random, year: int) -> str:
    month, quarter = rng.randint(4, 12), rng.randint(2, 4)  # after the plan (dated Jan-Mar)
    return rng.choice(
        [
            f"quý {ROMAN[quarter - 1]}/{year}",
            f"Tháng {month}/{year}",
            f"trước ngày {rng.randint(1, 28):02d}/{month}/{year}",
            "Thường xuyên",
            "hằng năm",
            f"Năm {year}",
            f"Từ tháng {rng.randint(4, 6)}/{year} đến tháng 12/{year}",
            f"cấp tỉnh quý II/{year}; cấp huyện quý IV/{year}",
            f"6 tháng cuối năm {year}",
            "theo yêu cầu của cấp trên",
            f"Năm {year + 1} và các năm tiếp theo",
            f"đầu tháng {month}/{year}",
            "Thường xuyên; sơ kết, tổng kết hằng năm",
        ]
    )


@dataclass
class _Writer:
    out: Path
    count: int = 0
    ids: dict[str, list[str]] = field(default_factory=dict)

    def write(self, rel: str, kind: str, record: dict[str, Any], depth: int) -> None:
        path = self.out / rel
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise WriteFailed(path.parent, error) from error
        modeline = "../" * depth + f"schema/{kind}.schema.json"
        body = yaml.dump(record, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100)
        # Rebuilt at will: atomic, without the fsyncs that would take most of the time at 100k files.
        write_atomic(path, f"# yaml-language-server: $schema={modeline}\n{body}", durable=False)
        self.ids.setdefault(kind, []).append(record["id"])
        self.count += 1


def _units(writer: _Writer, provinces: list[str]) -> dict[str, dict[str, str]]:
    central = [
        ("tw-ban-chap-hanh", "Ban Chấp hành Trung ương Đảng", "party-committee", ["TW"], None),
        ("tw-bo-chinh-tri", "Bộ Chính trị", "party-leadership", ["TW"], "tw-ban-chap-hanh"),
        ("tw-ban-bi-thu", "Ban Bí thư Trung ương Đảng", "party-leadership", ["TW"], "tw-ban-chap-hanh"),
        ("tw-ban-dan-van", "Ban Dân vận Trung ương", "party-board", ["BDVTW"], "tw-ban-chap-hanh"),
    ]
    for uid, name, kind, codes, parent in central:
        record: dict[str, Any] = {"id": uid, "name": name, "codes": codes, "kind": kind}
        if parent:
            record["parent"] = parent
        writer.write(f"records/units/{uid}.yaml", "unit", record, 2)
    by_province: dict[str, dict[str, str]] = {}
    for province in provinces:
        p = slugify(province)
        members = [
            ("tinh-uy", f"Tỉnh ủy {province}", "party-committee", ["TU"], None),
            ("ban-thuong-vu", f"Ban Thường vụ Tỉnh ủy {province}", "party-leadership", ["TU"], "tinh-uy"),
            ("ban-dan-van", f"Ban Dân vận Tỉnh ủy {province}", "party-board", ["BDVTU"], "tinh-uy"),
            ("phong-doan-the", f"Phòng Đoàn thể và các hội ({province})", "department", [], "ban-dan-van"),
            ("phong-dan-van-cqnn", f"Phòng Dân vận các cơ quan nhà nước ({province})", "department", [], "ban-dan-van"),
            ("ubnd-tinh", f"Ủy ban nhân dân tỉnh {province}", "state-body", ["UBND"], None),
            ("so-noi-vu", f"Sở Nội vụ tỉnh {province}", "state-body", ["SNV"], "ubnd-tinh"),
            ("mat-tran", f"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh {province}", "front", [], None),
            ("cong-an-tinh", f"Công an tỉnh {province}", "armed-forces", ["CAT"], None),
            ("hoi-nong-dan", f"Hội Nông dân tỉnh {province}", "mass-organisation", [], None),
        ]  # fmt: skip
        ids: dict[str, str] = {}
        for key, name, kind, codes, parent in members:
            uid = f"{p}-{key}"
            ids[key] = uid
            record = {"id": uid, "name": name, "short_names": [name.split(" tỉnh ")[0].split(" Tỉnh ủy ")[0]]}
            if codes:
                record["codes"] = codes
            record["kind"] = kind
            if parent:
                record["parent"] = f"{p}-{parent}"
            record["province"] = province
            writer.write(f"records/units/{uid}.yaml", "unit", record, 2)
        by_province[province] = ids
    return by_province


def synthesise(out: Path, records: int, seed: int = 1) -> int:
    """Write a repository of about ``records`` records under ``out``; return the count written."""
    rng = random.Random(seed)
    writer = _Writer(out)
    provinces = PROVINCES[: max(1, min(len(PROVINCES), records // 600 + 1))]
    units = _units(writer, provinces)
    budget = max(records - writer.count, 10)
    n_directives = max(budget // 8, 4)
    # Central directives in chains: each fourth one replaces the one before it.
    central: list[tuple[str, int]] = []  # (id, year) of documents still in force
    dated: dict[str, tuple[int, str]] = {}
    for i in range(n_directives // 2):
        code, kind = CENTRAL_TYPES[i % len(CENTRAL_TYPES)]
        year = 2005 + i * 15 // max(n_directives // 2, 1)
        number = f"{i + 1}-{code}/TW"
        did = f"tw-{year}-{slugify(number)}"
        record: dict[str, Any] = {
            "id": did, "number": number, "type": kind,
            "issuer": rng.choice(["tw-bo-chinh-tri", "tw-ban-bi-thu", "tw-ban-chap-hanh"]),
            "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "title": f"về {rng.choice(TOPICS)} trong tình hình mới",
        }  # fmt: skip
        replaced = central[-1] if central and i % 4 == 3 and central[-1][1] < year else None
        record["status"] = "in-force"
        if replaced:
            record["supersedes"] = [replaced[0]]
            central.pop()
        writer.write(f"records/directives/{did}.yaml", "directive", record, 2)
        dated[did] = (year, record["date"])
        central.append((did, year))
        if replaced:  # the replaced document says so
            path = out / f"records/directives/{replaced[0]}.yaml"
            text = path.read_text(encoding="utf-8").replace("status: in-force", "status: superseded")
            write_atomic(path, text, durable=False)
    provincial: dict[str, list[str]] = {p: [] for p in provinces}
    for i in range(n_directives - n_directives // 2):
        province = provinces[i % len(provinces)]
        code, kind = PROVINCIAL_TYPES[i % len(PROVINCIAL_TYPES)]
        year = 2010 + (i * 7) % 11
        number = f"{i + 1}-{code}/TU"
        did = f"{slugify(province)}-{year}-{slugify(number)}"
        record = {
            "id": did, "number": number, "type": kind, "issuer": units[province]["ban-thuong-vu"],
            "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "title": f"về {rng.choice(TOPICS)} trên địa bàn tỉnh",
        }  # fmt: skip
        writer.write(f"records/directives/{did}.yaml", "directive", record, 2)
        dated[did] = (year, record["date"])
        provincial[province].append(did)
    # Plans and their tasks fill the rest.
    serial: dict[str, int] = {}
    report_serial: dict[str, int] = {}
    plan_index = 0
    while writer.count < records:
        province = provinces[plan_index % len(provinces)]
        year = 2021 + (plan_index // len(provinces)) % 5
        serial[province] = serial.get(province, 0) + 1
        number = f"{serial[province]}-KH/BDVTU"
        pid = f"{slugify(province)}-{year}-{slugify(number)}"
        date = f"{year}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
        usable = [d for d, _ in central if dated[d][1] < date] + [d for d in provincial[province] if dated[d][1] < date]
        basis = rng.sample(usable, k=min(2, len(usable)))
        topic = rng.choice(TOPICS)
        sections = [
            {"number": "I", "heading": "Mục đích, yêu cầu"},
            {
                "number": "II",
                "heading": "Nhiệm vụ cụ thể",
                "sections": [{"number": str(k), "heading": f"Nội dung {k}: {rng.choice(TOPICS)}"} for k in range(1, 5)],
            },
            {
                "number": "III",
                "heading": "Tổ chức thực hiện",
                "text": "Các phòng thuộc Ban chủ động tham mưu triển khai.",
            },
        ]
        plan = {
            "id": pid, "number": number, "issuer": units[province]["ban-dan-van"], "place": province,
            "date": date, "title": f"thực hiện {topic} năm {year}", "period": f"Năm {year}", "basis": basis,
            "aims": [f"Nâng cao hiệu quả {topic}."], "sections": sections,
            "signer": rng.choice(["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Đức", "Phạm Thị Hòa"]),
            "signer_title": "Trưởng ban", "recipients": ["Thường trực Tỉnh ủy (báo cáo)", "Lưu Văn thư."],
        }  # fmt: skip
        writer.write(f"records/plans/{pid}/{pid}.yaml", "plan", plan, 3)
        written: list[dict[str, Any]] = []
        for order in range(1, min(rng.randint(8, 20), records - writer.count) + 1):
            lead = rng.choice(["ban-dan-van", "phong-doan-the", "ubnd-tinh", "mat-tran"])
            others = [k for k in ("so-noi-vu", "cong-an-tinh", "hoi-nong-dan", "phong-dan-van-cqnn") if k != lead]
            task: dict[str, Any] = {
                "id": f"{pid}-nv{order:02d}", "plan": pid, "section": f"II.{rng.randint(1, 4)}", "order": order,
                "text": f"{rng.choice(VERBS)} {rng.choice(TOPICS)} trên địa bàn tỉnh {province}.",
                "lead": [units[province][lead]],
                "coordinating": [units[province][k] for k in rng.sample(others, k=2)],
            }  # fmt: skip
            if basis and rng.random() < 0.4:
                task["implements"] = [rng.choice(basis)]
            task["timeframe"] = _timeframe(rng, year)
            if rng.random() < 0.3:
                task["product"] = rng.choice(["Báo cáo kết quả", "Hội nghị sơ kết", "Kế hoạch triển khai"])
            roll = rng.random()
            if roll < 0.3:
                task["status"] = "done"
                task["completed"] = f"{year}-12-{rng.randint(1, 28):02d}"
                task["progress"] = [{"date": task["completed"], "note": "Đã hoàn thành, có báo cáo kết quả."}]
            elif roll < 0.5:
                task["status"] = "in-progress"
                task["progress"] = [{"date": f"{year}-06-30", "note": "Đang triển khai theo kế hoạch."}]
            writer.write(f"records/plans/{pid}/tasks/{task['id']}.yaml", "task", task, 4)
            written.append(task)
        if plan_index % 3 == 0 and writer.count < records:
            report_serial[province] = report_serial.get(province, 0) + 1
            _report(writer, rng, province, units[province]["ban-dan-van"], report_serial[province], plan, written)
        plan_index += 1
    return writer.count


def _report(
    writer: _Writer, rng: random.Random, province: str, issuer: str, serial: int, plan: dict[str, Any], tasks: list
) -> None:
    """A year-end report on ``plan``: a result for each task with progress, two figures."""
    year = int(plan["date"][:4])
    number = f"{serial}-BC/BDVTU"
    rid = f"{slugify(province)}-{year}-{slugify(number)}"
    date = f"{year}-12-20"
    results = []
    for task in tasks:
        if task.get("status") == "done":
            when = min(task["completed"], date)
            results.append({"task": task["id"], "outcome": "done", "date": when, "text": "Đã hoàn thành nhiệm vụ."})
        elif task.get("status") == "in-progress":
            results.append({"task": task["id"], "outcome": "partial", "text": "Đang triển khai, đạt một phần."})
    figures = [
        {"name": "Mô hình “Dân vận khéo” được xây dựng", "value": rng.randint(10, 2000), "unit": "mô hình"},
        {"name": "Hội nghị được tổ chức", "value": rng.randint(1, 60), "unit": "hội nghị", "target": 40},
    ]
    record = {
        "id": rid, "number": number, "issuer": issuer, "kind": "final", "heading": "Báo cáo tổng kết",
        "place": province, "date": date, "title": f"tổng kết thực hiện Kế hoạch số {plan['number']}",
        "period_start": f"{year}-01-01", "period_end": date, "plans": [plan["id"]], "results": results,
        "figures": figures, "signer": plan["signer"], "signer_title": "Trưởng ban",
    }  # fmt: skip
    writer.write(f"records/reports/{rid}.yaml", "report", record, 2)
