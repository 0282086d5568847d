"""``baocao init``: the starter event file names each value to fill, validates once they are
filled, comes with its schema (editor autocomplete outside a clone) and, with --danh-sach, a
workbook the reader accepts; nothing is overwritten without --force."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import openpyxl
import pytest
import yaml
from click.testing import CliRunner

from baocao.cli import cli
from baocao.errors import DataError
from baocao.event.loading import load_event
from baocao.event.schema import event_schema_text
from baocao.event.spreadsheets import read_people
from baocao.event.starter import write_starter

PLACEHOLDER = re.compile(r'"<điền: ([^>]*)>"')

# What a clerk writes for each value to fill (by the words of its placeholder).
FILLED = {
    "ngày giờ bắt đầu": "1/11/2024 7h30",
    "chữ viết tắt của cơ quan": "BDVTU",
}


def fill(text: str) -> str:
    return PLACEHOLDER.sub(lambda m: FILLED.get(m[1], "Cà Mau " + m[1]), text)


@pytest.mark.parametrize("the_thuc", ["nha_nuoc", "dang"])
def test_starter_names_each_placeholder_then_validates(tmp_path: Path, the_thuc: str) -> None:
    path = tmp_path / "su-kien.yaml"
    result = CliRunner().invoke(cli, ["init", str(path), "--the-thuc", the_thuc])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [f"✓ {path}", f"✓ {tmp_path / 'su-kien.schema.json'}"]
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=su-kien.schema.json\n")
    with pytest.raises(DataError) as caught:
        load_event(path)
    lines = text.splitlines()
    wanted = [
        (number, m.start() + 1, m[0])
        for number, line in enumerate(lines, start=1)
        if not line.lstrip().startswith("#")
        for m in PLACEHOLDER.finditer(line)
    ]
    assert len(wanted) == 11
    assert [(p.line, p.column, p.code) for p in caught.value.problems] == [
        (n, c, "placeholder") for n, c, _ in wanted
    ]
    assert [p.message for p in caught.value.problems] == [
        f"chưa điền: hãy thay `{value[1:-1]}` bằng giá trị thật" for _, _, value in wanted
    ]
    path.write_text(fill(text), encoding="utf-8")
    event = load_event(path)
    assert event.the_thuc == the_thuc
    assert event.su_kien.bat_dau.hour == 7


def test_every_key_has_a_comment(tmp_path: Path) -> None:
    path = tmp_path / "su-kien.yaml"
    write_starter(path, "nha_nuoc", False)
    lines = path.read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        if re.match(r"^\s*[a-z_]+:", line):  # a key (not a list item, not a comment)
            assert lines[index - 1].lstrip().startswith("#"), line
    keys = re.findall(r"^\s*#?\s*([a-z_]+):", "\n".join(lines), re.MULTILINE)
    for key in ("cap_tren", "ten_goi", "ket_thuc", "so_nguoi", "khach_moi", "hoc_vien"):
        assert key in keys


def test_schema_beside_the_file_is_the_current_schema(tmp_path: Path) -> None:
    write_starter(tmp_path / "a.yaml", "dang", False)
    schema = tmp_path / "su-kien.schema.json"
    assert schema.read_text(encoding="utf-8") == event_schema_text()
    # a second event file in the same folder shares the (identical) schema: no refusal
    assert write_starter(tmp_path / "b.yaml", "dang", False) == [tmp_path / "b.yaml"]
    filled = yaml.safe_load(fill((tmp_path / "b.yaml").read_text(encoding="utf-8")))
    jsonschema.validate(filled, json.loads(schema.read_text(encoding="utf-8")))


def test_danh_sach_workbook(tmp_path: Path) -> None:
    path = tmp_path / "su-kien.yaml"
    result = CliRunner().invoke(cli, ["init", str(path), "--danh-sach"])
    assert result.exit_code == 0, result.output
    workbook = tmp_path / "danh-sach.xlsx"
    assert f"✓ {workbook}" in result.output.splitlines()
    text = path.read_text(encoding="utf-8")
    assert "\nkhach_moi: {tep: danh-sach.xlsx, trang: Khách mời}\n" in text
    assert "\nhoc_vien: {tep: danh-sach.xlsx, trang: Học viên}\n" in text

    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames == ["Khách mời", "Học viên"]
    trainees = book["Học viên"]
    header = [c.value for c in trainees[1]]
    assert header == [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Chức vụ",
        "Đơn vị",
        "Xếp loại",
        "Số chứng nhận",
    ]
    for column, title, cell in zip("ABCDEFG", header, trainees[2], strict=True):
        shown = 10 if cell.is_date else len(str(cell.value or ""))  # dates: DD/MM/YYYY
        assert trainees.column_dimensions[column].width >= max(shown, len(title)) + 1
    assert trainees["C2"].number_format == "DD/MM/YYYY"

    guests = read_people(workbook, shown="danh-sach.xlsx", kind="khach_moi")
    assert guests.rows == [
        {
            "ho_ten": "<điền: họ và tên, ví dụ Nguyễn Văn An>",
            "danh_xung": "ông",
            "chuc_vu": "Phó Chủ tịch Ủy ban nhân dân huyện",
            "don_vi": "huyện Năm Căn",
            "ghi_chu": None,
        }
    ]
    with pytest.raises(DataError) as caught:
        load_event(path)
    assert [str(p) for p in caught.value.problems][-2:] == [
        f"{workbook}:Khách mời!B2: họ và tên: chưa điền: hãy thay `<điền: họ và tên, ví dụ "
        "Nguyễn Văn An>` bằng giá trị thật",
        f"{workbook}:Học viên!B2: họ và tên: chưa điền: hãy thay `<điền: họ và tên, ví dụ "
        "Trần Thị Bình>` bằng giá trị thật",
    ]
    path.write_text(fill(text), encoding="utf-8")
    for name in ("Khách mời", "Học viên"):
        book[name]["B2"] = "Nguyễn Văn An"
    book.save(workbook)
    event = load_event(path)
    assert [p.ho_ten for p in event.khach_moi] == ["Nguyễn Văn An"]
    (trainee,) = event.hoc_vien
    assert (trainee.ngay_sinh.year, trainee.xep_loai) == (1980, "giỏi")


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    path = tmp_path / "su-kien.yaml"
    write_starter(path, "nha_nuoc", True)
    (tmp_path / "su-kien.schema.json").write_text("{}", encoding="utf-8")  # an old schema
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    result = CliRunner().invoke(cli, ["init", str(path), "--danh-sach"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{name}: tệp đã có; dùng --force để ghi đè"
        for name in (path, tmp_path / "su-kien.schema.json", tmp_path / "danh-sach.xlsx")
    ]
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    result = CliRunner().invoke(cli, ["init", str(path), "--danh-sach", "--force"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "su-kien.schema.json").read_text(encoding="utf-8") == event_schema_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "danh-sach.xlsx",
        "su-kien.schema.json",
        "su-kien.yaml",
    ]


def test_only_yaml_names(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "su-kien.txt")])
    assert result.exit_code == 1
    assert "tệp sự kiện mới phải có đuôi .yaml" in result.stderr
    assert list(tmp_path.iterdir()) == []
