"""File names of per-person documents: the slug of a Vietnamese name (no marks, đ → d), the
zero-padded number, always a safe and unique name."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from baocao.rendering.names import person_output, slug
from baocao.vi.text import khong_dau


def test_slugs_of_vietnamese_names() -> None:
    assert slug("Nguyễn Văn An") == "nguyen-van-an"
    assert slug("ĐỖ ĐỨC EM") == "do-duc-em"
    assert slug("Nguye\u0302\u0303n Thị Ánh") == "nguyen-thi-anh"  # NFD input
    assert slug("Lê Thị Thu Hà (Cô)") == "le-thi-thu-ha-co"
    assert slug("...") == "nguoi"


def test_numbers_are_padded_to_the_longest() -> None:
    base = Path("ra/hn-giay-moi.docx")
    assert person_output(base, 1, "A", 3).name == "hn-giay-moi-001-a.docx"
    assert person_output(base, 42, "A", 1200).name == "hn-giay-moi-0042-a.docx"


@given(st.text(max_size=80))
def test_a_slug_is_a_safe_file_name(name: str) -> None:
    s = slug(name)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s)
    assert len(s) <= 60


@given(st.text(max_size=40))
def test_khong_dau_leaves_no_vietnamese_marks(text: str) -> None:
    plain = khong_dau(text)
    assert not set(plain) & set("ăâđêôơưĂÂĐÊÔƠƯáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ")
    assert khong_dau(plain) == plain


@given(st.lists(st.text(max_size=20), min_size=1, max_size=30))
def test_person_names_never_collide(names: list[str]) -> None:
    base = Path("ra/x-giay-moi.docx")
    outs = [person_output(base, i, n, len(names)) for i, n in enumerate(names, 1)]
    assert len(set(outs)) == len(outs)
