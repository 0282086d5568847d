"""Issue 10: long body names in the header break into balanced lines at phrase boundaries
(after a comma, before ``VÀ``, before the place name), never inside a proper name; a line
break the clerk wrote wins. Pure helpers (baocao.template_context.header) and the rendered
header cell read back with python-docx."""

from __future__ import annotations

from typing import Any

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.template_context.header import NOI_CHUA_TEN, cho_ngat, ngat_ten
from baocao.template_context.measure import rong_mm
from render_helpers import UBND, example, render, set_in

TYPES = ["SỞ", "BAN", "ỦY BAN NHÂN DÂN", "TRUNG TÂM", "HỘI ĐỒNG NHÂN DÂN", "ĐẢNG ỦY"]
PHRASES = ["VĂN HÓA", "THỂ THAO", "DU LỊCH", "NỘI VỤ", "TUYÊN GIÁO", "DÂN VẬN", "NÔNG NGHIỆP"]
PLACES = ["TỈNH CÀ MAU", "THÀNH PHỐ HỒ CHÍ MINH", "TỈNH ỦY", "XÃ TÂN HƯNG ĐÔNG", ""]


@st.composite
def names(draw: Any) -> str:
    parts = draw(st.lists(st.sampled_from(PHRASES), min_size=1, max_size=4))
    body = ", ".join(parts[:-1]) + (" VÀ " if len(parts) > 1 else "") + parts[-1]
    place = draw(st.sampled_from(PLACES))
    return " ".join(x for x in (draw(st.sampled_from(TYPES)), body, place) if x)


@given(names(), st.floats(min_value=40, max_value=90), st.sampled_from([12, 13, 14]))
def test_lines_joined_give_the_name_and_each_fits_when_it_can(
    name: str, width: float, size: int
) -> None:
    lines = ngat_ten(name, width, size, dam=True)
    assert " ".join(lines) == name
    assert all(x.strip() == x and x for x in lines)
    if len(lines) > 1:  # broken only to fit (with room to spare), and then every line fits
        assert all(rong_mm(x, size, dam=True) <= width for x in lines)
        assert rong_mm(name, size, dam=True) > width - NOI_CHUA_TEN
    words = name.split()
    allowed = set(cho_ngat(words))
    starts = [len(" ".join(lines[:i]).split()) for i in range(1, len(lines))]
    assert set(starts) <= allowed
    # never inside a place name: "THÀNH PHỐ HỒ CHÍ MINH" stays on one line
    for place in PLACES:
        if place and place in name:
            assert any(place in x for x in lines)


@given(st.lists(st.sampled_from(PHRASES), min_size=2, max_size=4))
def test_a_line_break_written_in_the_data_wins(parts: list[str]) -> None:
    name = "SỞ " + "\n".join(parts)
    assert ngat_ten(name, 500, 12) == ["SỞ " + parts[0], *parts[1:]]


@pytest.mark.parametrize(
    ("name", "width", "size", "lines"),
    [
        ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", 71, 12, ["SỞ VĂN HÓA,", "THỂ THAO VÀ DU LỊCH"]),
        (
            "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
            71,
            12,
            ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"],
        ),
        ("BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY", 76, 14, ["BAN TUYÊN GIÁO", "VÀ DÂN VẬN TỈNH ỦY"]),
        ("SỞ NỘI VỤ", 71, 12, ["SỞ NỘI VỤ"]),
    ],
)
def test_known_names(name: str, width: float, size: int, lines: list[str]) -> None:
    assert ngat_ten(name, width, size, dam=True) == lines


def _header_cell(data: dict[str, Any]) -> list[str]:
    import io

    document = docx.Document(io.BytesIO(render(data, "thong-cao")))
    return [p.text for p in document.tables[0].rows[0].cells[0].paragraphs]


def test_rendered_header_breaks_the_name_with_line_breaks() -> None:
    data = set_in(example(UBND, "nha_nuoc"), "co_quan.ten", "Sở Văn hóa, Thể thao và Du lịch")
    data = set_in(data, "co_quan.cap_tren", "Ủy ban nhân dân Thành phố Hồ Chí Minh")
    cell = _header_cell(data)
    assert "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH" in cell
    assert "SỞ VĂN HÓA,\nTHỂ THAO VÀ DU LỊCH" in cell


def test_rendered_header_keeps_the_clerks_own_break() -> None:
    data = set_in(example(UBND, "nha_nuoc"), "co_quan.ten", "Sở Văn hóa, Thể thao\nvà Du lịch")
    cell = _header_cell(data)
    assert "SỞ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH" in cell
