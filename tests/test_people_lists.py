"""The lists of people of an event (``khach_moi``, ``hoc_vien``): written in YAML or read from
a sheet, validated like the rest of the event (NFC, tone style, legacy encodings), duplicates
warned, counts checked against ``ket_qua``, and the forms accepted by the JSON schema."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest
import yaml
from click.testing import CliRunner

from baocao.cli import cli
from baocao.errors import DataError
from baocao.event.loading import load_event, parse_event
from baocao.event.schema import event_schema

HEAD = (
    "co_quan: {ten: Ban Dân vận, viet_tat: BDVTU, dia_danh: Cà Mau}\n"
    "su_kien: {ten: lớp bồi dưỡng, bat_dau: 1/11/2024 7h30}\n"
)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def parse(text: str) -> Any:
    return parse_event((HEAD + text).encode("utf-8"), path="e.yaml")


def messages(text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        parse(text)
    return [str(p) for p in caught.value.problems]


def sheet(path: Path, title: str, rows: list[list[Any]]) -> None:
    book = openpyxl.Workbook()
    book.active.title = title
    for row in rows:
        book.active.append(row)
    book.save(path)


def test_lists_written_in_yaml() -> None:
    ev = parse(
        "khach_moi:\n"
        "  - {ho_ten: Nguyễn Văn An, danh_xung: ông, chuc_vu: Phó Chủ tịch, don_vi: huyện A}\n"
        "  - ho_ten: Lê Thị Bé\n"
        "hoc_vien:\n"
        "  - {ho_ten: Trần Văn C, ngay_sinh: 5/2/1980, xep_loai: Kha, so_chung_nhan: 7}\n"
    )
    assert [(p.ho_ten, p.danh_xung) for p in ev.khach_moi] == [
        ("Nguyễn Văn An", "ông"),
        ("Lê Thị Bé", None),
    ]
    (hv,) = ev.hoc_vien
    assert (hv.ngay_sinh, hv.xep_loai, hv.so_chung_nhan) == (date(1980, 2, 5), "khá", "7")
    assert parse("").khach_moi == [] and parse("").hoc_vien == []


def test_yaml_list_problems_at_their_lines() -> None:
    assert messages(
        "hoc_vien:\n  - {ho_ten: A, ngay_sinh: 31/4/1980}\n  - {ho_ten: B, xep_loai: tot}\n"
    ) == [
        "e.yaml:4:28: hoc_vien.0.ngay_sinh: ngày 31/4/1980 không có: tháng 4 năm 1980 chỉ "
        "có 30 ngày",
        "e.yaml:5:27: hoc_vien.1.xep_loai: phải là một trong: `xuất sắc`, `giỏi`, `khá`, "
        "`trung bình`, `không đạt` (đang ghi `tot`)",
    ]


def test_sheet_text_is_nfc_and_in_the_tone_style(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hoà")
    sheet(tmp_path / "ds.xlsx", "Khách mời", [["Họ và tên", "Đơn vị"], [decomposed, "Tỉnh uỷ"]])
    (person,) = parse("khach_moi: ds.xlsx\n").khach_moi  # nha_nuoc: old style (hòa, ủy)
    assert person.ho_ten == "Nguyễn Thị Hòa" and unicodedata.is_normalized("NFC", person.ho_ten)
    assert person.don_vi == "Tỉnh ủy"
    (person,) = parse("the_thuc: dang\nkhach_moi: ds.xlsx\n").khach_moi  # new style
    assert (person.ho_ten, person.don_vi) == ("Nguyễn Thị Hoà", "Tỉnh uỷ")


def test_legacy_encoding_in_a_cell(tmp_path: Path) -> None:
    sheet(tmp_path / "ds.xlsx", "Khách mời", [["Họ và tên"], ["Ngu«n V¨n An"]])
    assert messages("khach_moi: ds.xlsx\n") == [
        "ds.xlsx:Khách mời!A2: họ và tên: chữ có vẻ được gõ bằng bảng mã cũ TCVN3 "
        "(`Ngu«n V¨n An`); hãy chuyển sang Unicode (Unikey: Công cụ chuyển mã, nguồn TCVN3, "
        "đích Unicode) rồi chép lại"
    ]


def test_duplicate_people_warned(tmp_path: Path) -> None:
    rows = [
        ["Họ và tên", "Ngày sinh", "Đơn vị"],
        ["Nguyễn Văn An", "5/2/1980", "Huyện ủy A"],
        ["Nguyễn Văn An", "6/2/1981", "Huyện ủy A"],  # same unit, born another day: two people
        ["Lê Thị Bé", None, "Huyện ủy B"],
        ["NGUYEN VAN AN", "5/2/1980", None],  # the first one again
    ]
    sheet(tmp_path / "ds.xlsx", "Học viên", rows)
    ev = parse("hoc_vien: ds.xlsx\nkhach_moi:\n  - ho_ten: Lê Thị Bé\n  - ho_ten: Lê thị bé\n")
    assert [str(w) for w in ev.warnings] == [
        "e.yaml:6:13: khach_moi.1.ho_ten: Lê thị bé có vẻ trùng với người thứ 1 trong danh "
        "sách (Lê Thị Bé); kiểm tra lại để không làm hai giấy cho một người",
        "ds.xlsx:Học viên!A5: họ và tên: NGUYEN VAN AN có vẻ trùng với người thứ 1 trong danh "
        "sách (Nguyễn Văn An); kiểm tra lại để không làm hai giấy cho một người",
    ]
    assert all(w.is_warning and w.code == "duplicate-person" for w in ev.warnings)


def test_counts_checked_against_ket_qua(tmp_path: Path) -> None:
    rows = [["Họ và tên", "Xếp loại"], ["A", "giỏi"], ["B", "xuất sắc"], ["C", "khá"]]
    sheet(tmp_path / "ds.xlsx", "Học viên", rows)
    good = "hoc_vien: ds.xlsx\nket_qua: {so_tham_du: 3, xep_loai: {gioi: 2, kha: 1}}\n"
    assert len(parse(good).hoc_vien) == 3
    assert messages(
        "hoc_vien: ds.xlsx\nket_qua: {so_tham_du: 4, xep_loai: {gioi: 1, kha: 1}}\n"
    ) == [
        "e.yaml:3:11: hoc_vien: danh sách có 3 học viên nhưng `ket_qua.so_tham_du` ghi 4",
        "e.yaml:3:11: hoc_vien: danh sách có 2 học viên xếp loại xuất sắc / giỏi nhưng "
        "`ket_qua.xep_loai.gioi` ghi 1",
        "e.yaml:4:23: ket_qua.so_tham_du: ghi 4 người tham dự nhưng danh sách `hoc_vien` có "
        "3 người",
        "e.yaml:4:43: ket_qua.xep_loai.gioi: ghi 1 nhưng danh sách `hoc_vien` có 2 người xếp "
        "loại xuất sắc / giỏi",
    ]


def test_placeholders_are_errors_at_their_place(tmp_path: Path) -> None:
    sheet(tmp_path / "ds.xlsx", "Khách mời", [["Họ và tên"], ["<điền: họ và tên>"]])
    assert messages(
        'co_quan_x: 1\nkhach_moi: ds.xlsx\nbao_chi: {tac_gia: "<điền: tác giả>"}\n'
    ) == [
        "e.yaml:3:1: co_quan_x: không có mục `co_quan_x`; có phải ý bạn là `co_quan`?",
        "e.yaml:5:20: bao_chi.tac_gia: chưa điền: hãy thay `<điền: tác giả>` bằng giá trị thật",
        "ds.xlsx:Khách mời!A2: họ và tên: chưa điền: hãy thay `<điền: họ và tên>` bằng giá "
        "trị thật",
    ]


def test_schema_accepts_each_form() -> None:
    schema = event_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    base = yaml.safe_load(HEAD)
    for value in (
        "ds.xlsx",
        {"tep": "ds.xlsx", "trang": "Khách mời"},
        [{"ho_ten": "A", "danh_xung": "ông"}],
    ):
        jsonschema.validate({**base, "khach_moi": value}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**base, "hoc_vien": {"trang": "x"}}, schema)


def test_cli_validate_sheet_option_and_json(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Lớp 1"
    book.active.append(["Họ và tên"])
    book.create_sheet("Lớp 2").append(["Họ và tên", "Ngày sinh"])
    book["Lớp 2"].append(["A", "30/2/1990"])
    book.save(tmp_path / "ds.xlsx")
    (tmp_path / "e.yaml").write_text(HEAD + "hoc_vien: ds.xlsx\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["validate", "e.yaml", "--sheet", "Lớp 1"]).exit_code == 0
    result = CliRunner().invoke(cli, ["validate", "--format", "json", "--sheet", "Lớp 2", "e.yaml"])
    assert result.exit_code == 3
    assert json.loads(result.stdout) == [
        {
            "message": "ngày sinh: ngày 30/2/1990 không có: tháng 2 năm 1990 chỉ có 28 ngày",
            "path": "ds.xlsx",
            "cell": "Lớp 2!B2",
            "field": "hoc_vien.0.ngay_sinh",
            "code": "baocao",
        }
    ]


def test_stdin_event_reads_lists_relative_to_working_folder(tmp_path: Path) -> None:
    sheet(tmp_path / "ds.xlsx", "Khách mời", [["Họ và tên"], ["Nguyễn Văn An"]])
    ev = parse_event((HEAD + "khach_moi: ds.xlsx\n").encode(), path="<stdin>")
    assert [p.ho_ten for p in ev.khach_moi] == ["Nguyễn Văn An"]
    (tmp_path / "e.yaml").write_text(HEAD + "khach_moi: ds.xlsx\n", encoding="utf-8")
    assert load_event("e.yaml").khach_moi == ev.khach_moi
