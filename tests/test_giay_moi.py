"""giay-moi: one GIẤY MỜI per khach_moi, both formats, read back with python-docx: the
Kính gửi line with the person, the time in words with the ND 30 zero rule, place, content,
"Rất mong … đến dự", signer, Nơi nhận starting with "Như trên"."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from baocao.errors import DataError
from baocao.event.loading import load_event
from baocao.rendering.document import render
from baocao.template_context.people import thoi_gian_moi
from conftest import docx_lines
from people_events import KHACH_MOI, squash, write_event

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def people_pages(path: Path) -> list[list[str]]:
    """The body lines of each section (each person) of a rendered file."""
    document = docx.Document(str(path))
    pages: list[list[str]] = [[]]
    for p in document.element.body.iter(f"{W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        if text.strip():
            pages[-1].append(squash(text))
        if p.find(f"{W}pPr/{W}sectPr") is not None:
            pages.append([])
    return pages


@pytest.mark.parametrize("the_thuc", ["nha_nuoc", "dang"])
def test_one_invitation_per_guest_with_name_time_place(tmp_path: Path, the_thuc: str) -> None:
    event = load_event(write_event(tmp_path, the_thuc=the_thuc, khach_moi=KHACH_MOI))
    out = render(event, template="giay-moi", out=tmp_path / "gm.docx")
    pages = people_pages(out)
    assert len(pages) == 3
    state = the_thuc == "nha_nuoc"
    kinh_gui = [
        "Kính gửi: Ông Nguyễn Văn An, Giám đốc Sở Tư pháp",
        "Kính gửi: Bà Trần Thị Bé, Phó Giám đốc Sở Nội vụ",  # the unit is not repeated
        "Kính gửi: "
        + ("Ông/Bà" if state else "Đồng chí")  # no danh_xung: the format's default
        + " Nguyễn Văn An, Chủ tịch "
        + ("Ủy" if state else "Uỷ")
        + " ban nhân dân huyện Năm Căn",
    ]
    xung = ["ông", "bà", "ông/bà" if state else "đồng chí"]
    for page, line, x in zip(pages, kinh_gui, xung, strict=True):
        assert [t for t in page if t.startswith("Kính gửi")] == [line]
        body = next(t for t in page if "trân trọng kính mời" in t)
        assert f"kính mời {x} đến dự hội nghị tổng kết công tác dân vận năm 2024," in body
        assert "vào lúc 7 giờ 30 phút, thứ Sáu, ngày 01 tháng 11 năm 2024" in body
        assert body.endswith("tại Hội trường Trường Chính trị tỉnh Cà Mau.")
        assert "- Báo cáo kết quả năm 2024;" in page and "- Phương hướng năm 2025." in page
        assert f"Rất mong {x} sắp xếp thời gian đến dự{'./.' if state else '.'}" in page
        assert "Lê Thanh Triều" in page
        assert page[page.index("Nơi nhận:") + 1] == ("- Như trên;" if state else "- Như trên,")
    first = pages[0]
    if state:
        assert "Số: /GM-UBND" in first and "Dự hội nghị tổng kết công tác dân vận năm 2024" in first
    else:
        assert "Số -GM/BDVTU" in first and "dự hội nghị tổng kết công tác dân vận năm 2024" in first
    assert "Cà Mau, ngày 25 tháng 10 năm 2024" in first


def test_the_zero_rule_in_the_time_line() -> None:
    import datetime as dt

    # the day takes a zero below 10, the month only in January and February
    assert thoi_gian_moi(dt.datetime(2025, 2, 5, 14, 0)) == (
        "vào lúc 14 giờ 00, thứ Tư, ngày 05 tháng 02 năm 2025"
    )
    assert thoi_gian_moi(dt.datetime(2025, 3, 12, 8, 5)) == (
        "vào lúc 8 giờ 05 phút, thứ Tư, ngày 12 tháng 3 năm 2025"
    )
    assert thoi_gian_moi(dt.date(2025, 1, 9)) == "vào thứ Năm, ngày 09 tháng 01 năm 2025"
    assert thoi_gian_moi(dt.datetime(2024, 11, 1, 7, 30), dt.date(2024, 11, 3)) == (
        "vào lúc 7 giờ 30 phút, thứ Sáu, ngày 01 tháng 11 năm 2024, "
        "đến hết ngày 03 tháng 11 năm 2024"
    )


def test_a_guest_with_a_name_only(tmp_path: Path) -> None:
    event = load_event(write_event(tmp_path, khach_moi=[{"ho_ten": "Lý Thị Hoa"}]))
    lines = docx_lines(render(event, template="giay-moi", out=tmp_path / "gm.docx"))
    assert "Kính gửi: Ông/Bà Lý Thị Hoa" in lines


def test_no_guests_is_an_error_naming_the_list(tmp_path: Path) -> None:
    event = load_event(write_event(tmp_path))
    with pytest.raises(DataError) as info:
        render(event, template="giay-moi", out=tmp_path / "gm.docx")
    problem = info.value.problems[0]
    assert problem.field == "khach_moi" and problem.path == str(tmp_path / "su-kien.yaml")
    assert "giay-moi" in problem.message
    assert not (tmp_path / "gm.docx").exists()
