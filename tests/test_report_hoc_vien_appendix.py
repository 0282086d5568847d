"""bao-cao-tong-ket: the appendix "Danh sách học viên" (STT, họ tên, đơn vị, xếp loại) on a
page of its own when the event lists trainees, and nothing more when it does not."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from baocao.event.loading import load_event
from baocao.rendering.document import render
from conftest import convert_to_pdf, pdf_text
from people_events import HOC_VIEN, squash, write_event


def appendix_rows(path: Path) -> list[list[str]]:
    document = docx.Document(str(path))
    for table in document.tables:
        rows = [[squash(c.text) for c in row.cells] for row in table.rows]
        if rows and rows[0] == ["STT", "Họ và tên", "Đơn vị", "Xếp loại"]:
            return rows
    return []


@pytest.mark.parametrize("the_thuc", ["nha_nuoc", "dang"])
def test_appendix_lists_every_trainee(tmp_path: Path, the_thuc: str) -> None:
    event = load_event(write_event(tmp_path, the_thuc=the_thuc, hoc_vien=HOC_VIEN))
    out = render(event, template="bao-cao-tong-ket", out=tmp_path / "bc.docx")
    rows = appendix_rows(out)
    uy = "ủy" if the_thuc == "nha_nuoc" else "uỷ"
    assert rows[1:] == [
        ["1", "Lê Văn Cường", f"Ban Dân vận Huyện {uy} Năm Căn", "Giỏi"],
        ["2", "Phạm Thị Dung", f"Huyện {uy} Đầm Dơi", "Không đạt"],  # every trainee is listed
        ["3", "Đỗ Đức Em", f"Thành {uy} Cà Mau", "Khá"],
        ["4", "Võ Thị Giang", "", "Trung bình"],
    ]
    document = docx.Document(str(out))
    title = next(p for p in document.paragraphs if p.text == "DANH SÁCH HỌC VIÊN")
    assert title.paragraph_format.page_break_before
    header = document.tables[-1].rows[0]._tr
    assert (
        header.trPr is not None
        and header.trPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader"
        )
        is not None
    )


def test_no_appendix_without_trainees(tmp_path: Path) -> None:
    event = load_event(write_event(tmp_path))
    out = render(event, template="bao-cao-tong-ket", out=tmp_path / "bc.docx")
    assert appendix_rows(out) == []
    assert all(p.text != "DANH SÁCH HỌC VIÊN" for p in docx.Document(str(out)).paragraphs)


@pytest.mark.libreoffice
def test_appendix_starts_its_own_page(tmp_path: Path) -> None:
    event = load_event(write_event(tmp_path, hoc_vien=HOC_VIEN))
    out = render(event, template="bao-cao-tong-ket", out=tmp_path / "bc.docx")
    [pdf] = convert_to_pdf([out], tmp_path / "pdf")
    pages = pdf_text(pdf).split("\f")
    last = next(p for p in reversed(pages) if p.strip())
    assert "DANH SÁCH HỌC VIÊN" in last and "Võ Thị Giang" in last
    assert "Nơi nhận" not in last
