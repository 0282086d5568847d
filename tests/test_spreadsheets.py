"""Lists of people read from spreadsheets and CSV files, and the cell-located problems of
invalid sheets. Workbooks are made here with openpyxl (and LibreOffice for .ods); the event
file that references them is loaded through the public loader."""

from __future__ import annotations

import codecs
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from baocao.errors import DataError
from baocao.event.loading import load_event, parse_event
from conftest import soffice_convert

HEAD = (
    "co_quan: {ten: Ban Dân vận, viet_tat: BDVTU, dia_danh: Cà Mau}\n"
    "su_kien: {ten: lớp bồi dưỡng, bat_dau: 1/11/2024 7h30}\n"
)

TRAINEES = [
    ["STT", "Họ và tên", "Ngày sinh", "Đơn vị", "Xếp loại", "Số chứng nhận"],
    [1, "Nguyễn Văn An", date(1980, 2, 5), "Huyện ủy Năm Căn", "Gioi", 12],
    [2, "Trần Thị Bình", "05/02/1981", "Huyện ủy Cái Nước", "Trung binh", "15/GCN"],
    [],
    [3, "Lê Văn Cường", "1982-03-04", "Thành ủy Cà Mau", "xuất sắc", None],
]


def workbook(path: Path, sheets: dict[str, list[list[Any]]], merge: str | None = None) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        if merge:
            sheet.merge_cells(merge)
    book.save(path)
    return path


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # messages name files relative to the working folder


def event(folder: Path, lists: str) -> Path:
    path = folder / "su-kien.yaml"
    path.write_text(HEAD + lists, encoding="utf-8")
    return path.relative_to(Path.cwd())


def problems(path: Path, **kwargs: Any) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_event(path, **kwargs)
    return [str(p) for p in caught.value.problems]


def check_trainees(ev: Any) -> None:
    assert [p.ho_ten for p in ev.hoc_vien] == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
    assert [p.ngay_sinh for p in ev.hoc_vien] == [
        date(1980, 2, 5),
        date(1981, 2, 5),
        date(1982, 3, 4),
    ]
    assert [p.xep_loai for p in ev.hoc_vien] == ["giỏi", "trung bình", "xuất sắc"]
    assert [p.so_chung_nhan for p in ev.hoc_vien] == ["12", "15/GCN", None]
    assert ev.hoc_vien[0].don_vi == "Huyện ủy Năm Căn"  # nha_nuoc: old tone style


def test_xlsx_by_path_reads_sheet_named_like_the_list(tmp_path: Path) -> None:
    workbook(tmp_path / "ds.xlsx", {"Khách mời": [["Họ tên"], ["Ông A"]], "Học viên": TRAINEES})
    ev = load_event(event(tmp_path, "hoc_vien: ds.xlsx\nkhach_moi: ds.xlsx\n"))
    check_trainees(ev)
    assert [p.ho_ten for p in ev.khach_moi] == ["Ông A"]


def test_sheet_picked_by_trang_or_option(tmp_path: Path) -> None:
    workbook(tmp_path / "ds.xlsx", {"Trang 1": [["x"]], "Lớp A": TRAINEES})
    ev = load_event(event(tmp_path, "hoc_vien: {tep: ds.xlsx, trang: Lớp A}\n"))
    check_trainees(ev)
    check_trainees(load_event(event(tmp_path, "hoc_vien: ds.xlsx\n"), sheet="Lớp A"))
    assert problems(event(tmp_path, "hoc_vien: {tep: ds.xlsx, trang: Lớp B}\n")) == [
        "ds.xlsx: không có trang tính `Lớp B`; các trang: `Trang 1`, `Lớp A`"
    ]


def test_list_file_relative_to_the_event_folder(tmp_path: Path) -> None:
    (tmp_path / "lop").mkdir()
    workbook(tmp_path / "lop" / "ds.xlsx", {"Học viên": TRAINEES, "Khác": [["Tên"]]})
    path = event(tmp_path / "lop", "hoc_vien: ds.xlsx\n")
    check_trainees(load_event(path))
    workbook(tmp_path / "lop" / "ds.xlsx", {"Học viên": [["Họ và tên", "Đơn vị"], [None, "X"]]})
    assert problems(path) == [
        "lop/ds.xlsx:Học viên!A2: họ và tên: bỏ trống; đây là mục bắt buộc, hãy ghi giá trị"
    ]
    workbook(tmp_path / "lop" / "ds.xlsx", {"Học viên": TRAINEES})
    # bytes without a folder (standard input): relative to the working folder
    data = path.read_bytes().replace(b"ds.xlsx", b"lop/ds.xlsx")
    check_trainees(parse_event(data, path="<stdin>"))


def test_semicolon_csv_utf8_bom(tmp_path: Path) -> None:
    text = (
        "STT;Ho ten;Ngay sinh;Don vi;Xep loai;So chung nhan\r\n"
        "1;Nguyễn Văn An;5/2/1980;Huyện ủy Năm Căn;Giỏi;12\r\n"
        "2;Trần Thị Bình;05/02/1981;Huyện ủy Cái Nước;trung bình;15/GCN\r\n"
        ";;;;;\r\n"
        "3;Lê Văn Cường;1982-03-04;Thành ủy Cà Mau;Xuất sắc;\r\n"
    )
    (tmp_path / "ds.csv").write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    check_trainees(load_event(event(tmp_path, "hoc_vien: ds.csv\n")))


@pytest.mark.parametrize("sep", [",", "\t"])
def test_utf16_csv_with_commas_or_tabs(tmp_path: Path, sep: str) -> None:
    text = (
        "xep_loai,ho_ten,ngay_sinh,don_vi,so_chung_nhan\n"
        'giỏi,Nguyễn Văn An,5/2/1980,"Huyện ủy Năm Căn",12\n'
        'TRUNG BÌNH,Trần Thị Bình,05/02/1981,"Huyện ủy Cái Nước",15/GCN\n'
        "Xuat sac,Lê Văn Cường,1982-03-04,Thành ủy Cà Mau,\n"
    ).replace(",", sep)
    (tmp_path / "ds.csv").write_bytes(text.encode("utf-16"))
    check_trainees(load_event(event(tmp_path, "hoc_vien: ds.csv\n")))


@pytest.mark.libreoffice
@pytest.mark.parametrize("suffix", ["ods", "xls"])
def test_ods_and_xls_made_by_libreoffice(tmp_path: Path, suffix: str) -> None:
    (tmp_path / "src").mkdir()
    source = workbook(tmp_path / "src" / "ds.xlsx", {"Học viên": TRAINEES})
    (made,) = soffice_convert([source], tmp_path, to=suffix)
    assert made == tmp_path / f"ds.{suffix}"
    check_trainees(load_event(event(tmp_path, f"hoc_vien: ds.{suffix}\n")))


# ------------------------------------------------------------------------ invalid sheets


def test_bad_date_empty_name_and_grade_at_their_cells(tmp_path: Path) -> None:
    rows = [
        ["STT", "Họ và tên", "Ngày sinh", "Xếp loại"],
        [1, "Nguyễn Văn An", "5/2/1980", "giỏi"],
        [2, "Trần Thị Bình", "31/4/1980", "khá"],
        [3, None, datetime(1980, 2, 5), "khá"],
        [4, "Lê Văn Cường", "5/2/1980", "tốt"],
        [5],  # only the STT filled in: skipped
    ]
    workbook(tmp_path / "ds.xlsx", {"Học viên": rows})
    assert problems(event(tmp_path, "hoc_vien: ds.xlsx\n")) == [
        "ds.xlsx:Học viên!C3: ngày sinh: ngày 31/4/1980 không có: tháng 4 năm 1980 chỉ có 30 ngày",
        "ds.xlsx:Học viên!B4: họ và tên: bỏ trống; đây là mục bắt buộc, hãy ghi giá trị",
        "ds.xlsx:Học viên!D5: xếp loại: phải là một trong: `xuất sắc`, `giỏi`, `khá`, "
        "`trung bình`, `không đạt` (đang ghi `tốt`)",
    ]


def test_problem_keeps_field_for_json(tmp_path: Path) -> None:
    workbook(tmp_path / "ds.xlsx", {"Học viên": [["Họ và tên", "Ngày sinh"], ["A", "31/4/1980"]]})
    with pytest.raises(DataError) as caught:
        load_event(event(tmp_path, "hoc_vien: ds.xlsx\n"))
    (problem,) = caught.value.problems
    assert problem.as_dict() == {
        "message": "ngày sinh: ngày 31/4/1980 không có: tháng 4 năm 1980 chỉ có 30 ngày",
        "path": "ds.xlsx",
        "cell": "Học viên!B2",
        "field": "hoc_vien.0.ngay_sinh",
        "code": "baocao",
    }


def test_missing_and_unknown_columns(tmp_path: Path) -> None:
    rows = [[None], ["Chức vụ", "Đơn vi", "Ngay sinhh", "Màu áo"], ["Chuyên viên", "A", "", ""]]
    workbook(tmp_path / "ds.xlsx", {"Học viên": rows})
    assert problems(event(tmp_path, "hoc_vien: ds.xlsx\n")) == [
        "ds.xlsx:Học viên!A2:D2: dòng tiêu đề thiếu cột bắt buộc `Họ và tên` "
        "(các cột đang có: Chức vụ, Đơn vi, Ngay sinhh, Màu áo)",
        "ds.xlsx:Học viên!C2: không có cột `Ngay sinhh`; có phải ý bạn là `Ngày sinh`?",
        "ds.xlsx:Học viên!D2: không có cột `Màu áo`; các cột được dùng: Họ và tên, Ngày sinh, "
        "Chức vụ, Đơn vị, Xếp loại, Số chứng nhận",
    ]


def test_trainee_column_in_guest_list(tmp_path: Path) -> None:
    workbook(tmp_path / "ds.xlsx", {"Khách mời": [["Họ và tên", "Xếp loại"], ["A", "giỏi"]]})
    assert problems(event(tmp_path, "khach_moi: ds.xlsx\n")) == [
        "ds.xlsx:Khách mời!B1: cột `Xếp loại` không dùng cho danh sách khách mời; các cột: "
        "Họ và tên, Danh xưng, Chức vụ, Đơn vị, Ghi chú"
    ]


def test_merged_header_cells(tmp_path: Path) -> None:
    rows = [["Họ và tên", "Đơn vị", None], ["A", "Huyện ủy", "Năm Căn"]]
    workbook(tmp_path / "ds.xlsx", {"Học viên": rows}, merge="B1:C1")
    assert problems(event(tmp_path, "hoc_vien: ds.xlsx\n")) == [
        "ds.xlsx:Học viên!B1:C1: ô tiêu đề B1:C1 đang được gộp (Merge); mỗi cột cần một ô "
        "tiêu đề riêng: hãy bỏ gộp ô (Unmerge) và ghi tên từng cột"
    ]


def test_empty_header_cell_between_titles(tmp_path: Path) -> None:
    (tmp_path / "ds.csv").write_text("Họ và tên;;Đơn vị\nA;;B\n", encoding="utf-8")
    assert problems(event(tmp_path, "hoc_vien: ds.csv\n")) == [
        "ds.csv:B1: ô tiêu đề trống giữa các cột (có thể do gộp ô); mỗi cột cần một tiêu đề: "
        "hãy bỏ gộp ô và ghi tên cột, hoặc xoá cột trống"
    ]


def test_data_under_an_untitled_column(tmp_path: Path) -> None:
    (tmp_path / "ds.csv").write_text("Họ và tên,Đơn vị\nA,B\nC,D,Năm Căn\n", encoding="utf-8")
    assert problems(event(tmp_path, "hoc_vien: ds.csv\n")) == [
        "ds.csv:C3: ô có dữ liệu nhưng cột C không có tiêu đề (có thể do gộp ô ở dòng tiêu "
        "đề); hãy ghi tên cột ở ô C1"
    ]


def test_missing_file_is_located_in_the_event(tmp_path: Path) -> None:
    assert problems(event(tmp_path, "hoc_vien: {tep: khong-co.xlsx, sheet: B}\n")) == [
        "su-kien.yaml:3:17: hoc_vien.tep: tệp danh sách `khong-co.xlsx`: không có tệp này",
        "su-kien.yaml:3:32: hoc_vien.sheet: không có mục `sheet` ở đây; các mục được dùng: "
        "tep, trang",
    ]


def test_not_a_spreadsheet(tmp_path: Path) -> None:
    (tmp_path / "ds.xlsx").write_bytes(b"not a zip")
    (message,) = problems(event(tmp_path, "hoc_vien: ds.xlsx\n"))
    assert message.startswith("ds.xlsx: không mở được bảng tính (")
    (tmp_path / "ds.docx").write_bytes(b"x")
    assert problems(event(tmp_path, "hoc_vien: ds.docx\n")) == [
        "ds.docx: không đọc được danh sách từ tệp `ds.docx`: chỉ nhận bảng tính .xlsx, .xls, "
        ".ods hoặc tệp .csv"
    ]


def test_row_limit(tmp_path: Path) -> None:
    lines = ["Họ và tên"] + [f"Người {i}" for i in range(10_001)]
    (tmp_path / "ds.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert problems(event(tmp_path, "khach_moi: ds.csv\n")) == [
        "ds.csv:A10002: danh sách quá dài: tối đa 10.000 người một trang tính"
    ]
