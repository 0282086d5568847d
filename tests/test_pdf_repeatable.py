"""With SOURCE_DATE_EPOCH set, two ``--pdf`` runs give the same bytes (LibreOffice writes
the time of the run and an identifier made from it; baocao rewrites both)."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from baocao.rendering.pdf import repeatable
from conftest import EXAMPLES, pdf_text
from hostile_docx import baocao

EVENT = EXAMPLES / "hoi-nghi-ubnd.yaml"


def test_rewrite_keeps_every_length() -> None:
    pdf = (
        b"%PDF-1.7\n/CreationDate(D:20261129225331Z')/ModDate(D:20261129225331+07'00')>>\n"
        b"trailer\n<</ID [ <432788976FB9096DD4E4DE9621A8D60C>\n"
        b"<432788976FB9096DD4E4DE9621A8D60C> ]\n/DocChecksum /C7CBB7D9BDAFD9325D64A5E9FB62AC56\n>>"
    )
    out = repeatable(pdf, 1_700_000_000)
    assert len(out) == len(pdf)
    assert b"D:20231114221320Z'" in out and b"D:20231114221320+07'00'" in out
    assert b"432788976F" not in out and b"C7CBB7D9" not in out
    assert repeatable(pdf.replace(b"225331", b"101010"), 1_700_000_000) == out


@pytest.mark.libreoffice
def test_two_pdf_runs_give_the_same_bytes(tmp_path: Path) -> None:
    digests = []
    for run in ("a", "b"):
        folder = tmp_path / run
        folder.mkdir()
        shutil.copy(EVENT, folder / "e.yaml")
        got = baocao(folder, "render", "e.yaml", "-t", "thong-cao", "--pdf",
                     env={"SOURCE_DATE_EPOCH": "1700000000"}, timeout=300)  # fmt: skip
        assert got.code == 0, got.err
        pdf = folder / "e-thong-cao.pdf"
        digests.append(hashlib.sha256(pdf.read_bytes()).hexdigest())
        time.sleep(1.1)  # a second later: LibreOffice's own dates would differ
    assert digests[0] == digests[1]
    pdf = tmp_path / "a" / "e-thong-cao.pdf"
    reader = PdfReader(str(pdf))
    assert len(reader.pages) >= 1
    assert str(reader.metadata.get("/CreationDate", "")).startswith("D:20231114221320")
    assert "THÔNG CÁO" in pdf_text(pdf).upper()
