"""giay-chung-nhan: one GIẤY CHỨNG NHẬN per trainee with a passing grade (or no grade),
``--all`` for everyone; name, birth date, unit, grade, certificate number, signer."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.errors import DataError
from baocao.event.loading import load_event
from baocao.rendering.document import render, render_bytes
from baocao.template_context.people import nguoi_can_in
from people_events import HOC_VIEN, write_event
from test_giay_moi import people_pages


@pytest.mark.parametrize("the_thuc", ["nha_nuoc", "dang"])
def test_a_certificate_for_each_passing_trainee(tmp_path: Path, the_thuc: str) -> None:
    event = load_event(write_event(tmp_path, the_thuc=the_thuc, hoc_vien=HOC_VIEN))
    pages = people_pages(render(event, template="giay-chung-nhan", out=tmp_path / "gcn.docx"))
    # "không đạt" gets none
    names = [next(t for t in page if t.startswith("Họ và tên:")) for page in pages]
    assert names == ["Họ và tên: Lê Văn Cường", "Họ và tên: Đỗ Đức Em", "Họ và tên: Võ Thị Giang"]
    cuong, em, giang = pages
    assert "GIẤY CHỨNG NHẬN" in cuong
    assert "Ngày sinh: 05/02/1980" in cuong and "Chức vụ: Chuyên viên" in cuong
    assert any(t.startswith("Đơn vị công tác: Ban Dân vận Huyện") for t in cuong)
    done = next(t for t in cuong if t.startswith("Đã hoàn thành"))
    assert done == (
        "Đã hoàn thành hội nghị tổng kết công tác dân vận năm 2024, ngày 1/11/2024, "
        "tại Hội trường Trường Chính trị tỉnh Cà Mau."
    )
    assert "Xếp loại: Giỏi." in cuong and "Số vào sổ: 15/GCN" in cuong
    assert "Lê Thanh Triều" in cuong
    # absent fields leave no empty label behind
    assert not any(t.startswith(("Ngày sinh", "Chức vụ:", "Số vào sổ")) for t in em)
    assert "Xếp loại: Khá." in em
    assert "Ngày sinh: 09/01/1990" in giang and "Xếp loại: Trung bình." in giang
    assert "Nơi nhận:" not in cuong


def test_all_includes_the_failed_trainee(tmp_path: Path) -> None:
    event = load_event(write_event(tmp_path, hoc_vien=HOC_VIEN))
    out = tmp_path / "gcn.docx"
    out.write_bytes(render_bytes(event, template="giay-chung-nhan", tat_ca=True))
    pages = people_pages(out)
    assert len(pages) == 4
    assert "Họ và tên: Phạm Thị Dung" in pages[1] and "Xếp loại: Không đạt." in pages[1]


def test_who_gets_a_certificate() -> None:
    grades = ("xuất sắc", "giỏi", "khá", "trung bình", "không đạt", None)
    people = {"hoc_vien": [{"ho_ten": "A", "xep_loai": g} for g in grades]}
    # not the failed one, nor the one without a grade in a course that grades (did not finish)
    assert [i for i, _p in nguoi_can_in(people, "hoc_vien")] == [1, 2, 3, 4]
    assert [i for i, _p in nguoi_can_in(people, "hoc_vien", tat_ca=True)] == [1, 2, 3, 4, 5, 6]
    # a course that grades nobody certifies everyone
    ungraded = {"hoc_vien": [{"ho_ten": n} for n in "ABC"]}
    assert [i for i, _p in nguoi_can_in(ungraded, "hoc_vien")] == [1, 2, 3]


def test_everyone_failed_is_an_error_that_suggests_all(tmp_path: Path) -> None:
    event = load_event(
        write_event(tmp_path, hoc_vien=[{"ho_ten": "Phạm Thị Dung", "xep_loai": "không đạt"}])
    )
    with pytest.raises(DataError) as info:
        render_bytes(event, template="giay-chung-nhan")
    assert info.value.problems[0].field == "hoc_vien"
    assert "--all" in info.value.problems[0].message
