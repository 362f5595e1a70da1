"""Word documents read back with python-docx and rendered by LibreOffice."""

from __future__ import annotations

import subprocess
from pathlib import Path

SOFFICE = "/usr/bin/soffice"  # Debian's libreoffice-writer-nogui (requirements/apt-test.txt)


def to_pdf(docx: Path, tmp: Path) -> Path:
    """Render ``docx`` with LibreOffice headless, in a profile of its own."""
    profile = tmp / "lo-profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return tmp / (docx.stem + ".pdf")


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def pdf_text(pdf: Path, first: int = 1, last: int | None = None) -> str:
    args = ["pdftotext", "-layout", "-f", str(first)] + (["-l", str(last)] if last else []) + [str(pdf), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout
