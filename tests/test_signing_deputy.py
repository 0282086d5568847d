"""Signing for a collective: a deputy of an Ủy ban nhân dân's head signs on three lines
(`TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`, ``nguoi_ky.thay_mat``); a Party
cấp ủy signs `T/M` and its deputy never `K/T`; a Ban of a cấp ủy is not a cấp ủy. Rendered
through the real built-in templates and read back with python-docx (and once as a PDF)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.errors import DataError
from baocao.event.documents import la_cap_uy
from conftest import convert_to_pdf, pdf_text
from render_helpers import (
    DAN_VAN,
    FORMATS,
    OFFICIAL,
    UBND,
    document,
    event,
    example,
    one,
    render,
    set_in,
)


def signed(data: dict[str, Any], name: str, **nguoi_ky: Any) -> dict[str, Any]:
    out = set_in(data, f"van_ban.{name}.nguoi_ky", nguoi_ky)
    out["van_ban"].get("chung", {}).pop("nguoi_ky", None)
    return out


def sign_lines(data: dict[str, Any], name: str) -> list[str]:
    """The lines of the signing block (a line break inside a paragraph starts a line)."""
    cell = document(data, name).tables[-1].cell(0, 1)
    return [line for p in cell.paragraphs for line in p.text.split("\n")]


DEPUTY_UBND = {
    "ho_ten": "Trần Văn Bình",
    "chuc_vu": "Phó Chủ tịch",
    "quyen_han": "KT",
    "thay_cho": "Chủ tịch",
    "thay_mat": "Ủy ban nhân dân",
}


@pytest.mark.parametrize("name", OFFICIAL)
def test_state_deputy_of_a_collective_signs_tm_then_kt(name: str) -> None:
    data = signed(example(UBND, "nha_nuoc"), name, **DEPUTY_UBND)
    lines = sign_lines(data, name)
    assert lines[:3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], lines
    assert lines[-1] == "Trần Văn Bình"
    assert "" in lines[3:-1]  # room for the signature
    cell = document(data, name).tables[-1].cell(0, 1)
    first = cell.paragraphs[0]
    assert one(first, "bold") is True  # both prefix lines are the bold quyền hạn style
    assert first.style.name == "Quyền hạn ký"


@pytest.mark.parametrize("name", OFFICIAL)
def test_party_deputy_with_thay_mat_signs_t_m_then_k_t(name: str) -> None:
    """An Ủy ban Kiểm tra is a collective but not a cấp ủy: `T/M ỦY BAN KIỂM TRA` /
    `K/T CHỦ NHIỆM` / `PHÓ CHỦ NHIỆM`."""
    data = signed(
        example(DAN_VAN, "dang"),
        name,
        ho_ten="Trần Văn Bình",
        chuc_vu="Phó Chủ nhiệm",
        quyen_han="K/T",
        thay_cho="Chủ nhiệm",
        thay_mat="Ủy ban Kiểm tra",
    )
    lines = sign_lines(data, name)
    assert lines[:3] == ["T/M UỶ BAN KIỂM TRA", "K/T CHỦ NHIỆM", "PHÓ CHỦ NHIỆM"], lines


@pytest.mark.parametrize("name", OFFICIAL)
def test_party_cap_uy_deputy_signs_t_m(name: str) -> None:
    data = set_in(example(DAN_VAN, "dang"), "co_quan.ten", "Tỉnh ủy Cà Mau")
    data = set_in(data, "co_quan.cap_tren", None)
    data = signed(
        data,
        name,
        ho_ten="Trần Văn Bình",
        chuc_vu="Phó Bí thư",
        quyen_han="TM",
        thay_cho="Ban Thường vụ",
    )
    lines = sign_lines(data, name)
    assert lines[:2] == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"], lines
    assert lines[-1] == "Trần Văn Bình"


@pytest.mark.parametrize("name", OFFICIAL)
def test_a_ban_of_a_cap_uy_is_not_a_cap_uy(name: str) -> None:
    data = set_in(example(DAN_VAN, "dang"), "co_quan.ten", "Ban Tuyên giáo và Dân vận")
    data = signed(
        data,
        name,
        ho_ten="Trần Văn Bình",
        chuc_vu="Phó Trưởng Ban",
        quyen_han="KT",
        thay_cho="Trưởng Ban",
    )
    assert sign_lines(data, name)[:2] == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]


def _refused(data: dict[str, Any]) -> list[Any]:
    with pytest.raises(DataError) as caught:
        event(data)
    return caught.value.problems


@pytest.mark.parametrize(
    ("thay_cho", "thay_mat"),
    [
        ("Thường trực Tỉnh ủy", None),
        ("Huyện ủy", None),
        ("Thành ủy", None),
        ("Bí thư", "Ban Thường vụ"),
        ("Bí thư", "Đảng ủy"),
    ],
)
def test_party_k_t_for_a_cap_uy_is_refused_with_the_reason(
    thay_cho: str, thay_mat: str | None
) -> None:
    data = signed(
        example(DAN_VAN, "dang"),
        "thong-cao",
        ho_ten="Trần Văn Bình",
        chuc_vu="Phó Bí thư",
        quyen_han="KT",
        thay_cho=thay_cho,
        **({"thay_mat": thay_mat} if thay_mat else {}),
    )
    problems = _refused(data)
    assert [p.field for p in problems] == ["van_ban.thong-cao.nguoi_ky.quyen_han"]
    assert "T/M" in problems[0].message and "K/T" in problems[0].message
    assert problems[0].line is not None


@pytest.mark.parametrize("the_thuc", FORMATS)
@pytest.mark.parametrize("quyen_han", [None, "TM", "TL", "Q"])
def test_thay_mat_without_kt_is_an_error_that_explains(
    the_thuc: str, quyen_han: str | None
) -> None:
    nguoi_ky = {"ho_ten": "Trần Văn Bình", "chuc_vu": "Chủ tịch", "thay_mat": "Ủy ban nhân dân"}
    if quyen_han:
        nguoi_ky |= {"quyen_han": quyen_han, "thay_cho": "Ủy ban nhân dân"}
    data = set_in(example(UBND, the_thuc), "van_ban.chung.nguoi_ky", nguoi_ky)
    problems = _refused(data)
    assert [p.field for p in problems] == ["van_ban.chung.nguoi_ky.thay_mat"]
    assert "quyen_han: KT" in problems[0].message


def test_state_kt_for_a_collective_with_thay_mat_is_valid_everywhere() -> None:
    data = set_in(example(UBND, "nha_nuoc"), "van_ban.chung.nguoi_ky", DEPUTY_UBND)
    ev = event(data)
    assert ev.van_ban["chung"].nguoi_ky is not None
    assert ev.van_ban["chung"].nguoi_ky.thay_mat == "Ủy ban nhân dân"


_CAP_UY = ["Ban Thường vụ", "Ban Chấp hành", "Thường trực", "Tỉnh ủy", "Đảng ủy", "Huyện uỷ"]
_NOT = ["Ban Tuyên giáo và Dân vận", "Văn phòng", "Ủy ban Kiểm tra", "Ủy ban nhân dân", "Sở"]


@given(
    head=st.sampled_from(_CAP_UY + _NOT),
    tail=st.sampled_from(["", " Tỉnh ủy Cà Mau", " tỉnh Cà Mau", " Huyện ủy Đầm Dơi"]),
    upper=st.booleans(),
)
def test_a_cap_uy_is_known_by_the_start_of_its_name(head: str, tail: str, upper: bool) -> None:
    name = head + tail
    assert la_cap_uy(name.upper() if upper else name) is (head in _CAP_UY)


@pytest.mark.libreoffice
def test_the_three_signing_lines_in_the_pdf(tmp_path: Path) -> None:
    data = signed(example(UBND, "nha_nuoc"), "thong-cao", **DEPUTY_UBND)
    path = tmp_path / "ky-thay.docx"
    path.write_bytes(render(data, "thong-cao"))
    (pdf,) = convert_to_pdf([path], tmp_path)
    lines = [" ".join(x.split()) for x in pdf_text(pdf).splitlines()]
    at = next(i for i, x in enumerate(lines) if x.endswith("TM. ỦY BAN NHÂN DÂN"))
    assert lines[at + 1].endswith("KT. CHỦ TỊCH"), lines[at : at + 4]
    assert any(x.endswith("PHÓ CHỦ TỊCH") for x in lines[at + 1 : at + 4]), lines[at : at + 4]
    assert "Trần Văn Bình" in lines[at + 2 :]
