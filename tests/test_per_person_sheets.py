"""Per-person documents from the lists clerks keep: an .xlsx workbook (openpyxl) with
Vietnamese column titles, and a ``;``-separated UTF-8 CSV with a BOM (Excel under
Vietnamese regional settings), rendered combined and ``--split``."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.event.loading import load_event
from baocao.rendering.batch import render_many
from baocao.rendering.document import render
from conftest import docx_lines
from people_events import write_event
from test_giay_moi import people_pages


def workbook(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Khách mời"
    sheet.append(["STT", "Họ và tên", "Danh xưng", "Chức vụ", "Đơn vị"])
    sheet.append([1, "Nguyễn Văn An", "ông", "Giám đốc", "Sở Tư pháp"])
    sheet.append([None, None, None, None, None])  # an empty row is skipped
    sheet.append([2, "Trần Thị Bé", "bà", "Phó Giám đốc", "Sở Nội vụ"])
    book.save(str(path))
    return path


@pytest.mark.parametrize("the_thuc", ["nha_nuoc", "dang"])
def test_invitations_from_a_workbook(tmp_path: Path, the_thuc: str) -> None:
    workbook(tmp_path / "danh-sach.xlsx")
    path = write_event(tmp_path, the_thuc=the_thuc, khach_moi="danh-sach.xlsx")
    out = render(load_event(path), template="giay-moi", out=tmp_path / "gm.docx")
    pages = people_pages(out)
    assert [[t for t in p if t.startswith("Kính gửi")] for p in pages] == [
        ["Kính gửi: Ông Nguyễn Văn An, Giám đốc Sở Tư pháp"],
        ["Kính gửi: Bà Trần Thị Bé, Phó Giám đốc Sở Nội vụ"],
    ]
    split = render_many([path], ["giay-moi"], out=tmp_path / "tach", split=True)
    assert split.exit_code == 0
    assert [p.name for p in split.written] == [
        "su-kien-giay-moi-001-nguyen-van-an.docx",
        "su-kien-giay-moi-002-tran-thi-be.docx",
    ]


def test_certificates_from_a_semicolon_csv_with_bom(tmp_path: Path) -> None:
    rows = [
        "Họ và tên;Ngày sinh;Đơn vị;Xếp loại;Số chứng nhận",
        "Lê Văn Cường;5/2/1980;Huyện ủy Năm Căn;Giỏi;15/GCN",
        "Phạm Thị Dung;12/3/1985;Huyện ủy Đầm Dơi;Không đạt;",
        "Đỗ Đức Em;;Thành ủy Cà Mau;Khá;",
    ]
    (tmp_path / "hoc-vien.csv").write_bytes("\ufeff".encode() + "\r\n".join(rows).encode())
    path = write_event(tmp_path, hoc_vien="hoc-vien.csv")
    result = render_many([path], ["giay-chung-nhan"], out=tmp_path / "ra", split=True)
    assert result.exit_code == 0, [str(p) for r in result.failed for p in r.problems]
    assert [p.name for p in result.written] == [
        "su-kien-giay-chung-nhan-001-le-van-cuong.docx",
        "su-kien-giay-chung-nhan-003-do-duc-em.docx",
    ]
    lines = docx_lines(result.written[0])
    assert "Ngày sinh: 05/02/1980" in lines and "Xếp loại: Giỏi." in lines
    assert "Số vào sổ: 15/GCN" in lines
