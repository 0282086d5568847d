"""Issue 10: the part of the day is printed only when the event fits in it (08:00–17:00 is
``Ngày 5/2``, not ``Sáng ngày 5/2``); 00:00–04:59 is ``Rạng sáng``, not ``Đêm`` (the night
after). Rendered news item, press release and report read back with python-docx."""

from __future__ import annotations

import io
from datetime import datetime

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.vi import buoi, buoi_khoang, mo_dau_bao_chi
from render_helpers import UBND, example, render, set_in


def text(data: dict[str, object], name: str) -> str:
    document = docx.Document(io.BytesIO(render(data, name)))
    return "\n".join(p.text for p in document.paragraphs)


def one_day(start: str, end: str) -> dict[str, object]:
    data = set_in(example(UBND, "nha_nuoc"), "su_kien.bat_dau", f"05/02/2025 {start}")
    return set_in(data, "su_kien.ket_thuc", f"05/02/2025 {end}")


def test_an_all_day_event_is_told_by_its_day() -> None:
    data = one_day("8h00", "17h00")
    assert "(CMO) Ngày 5/2, tại " in text(data, "tin-bai")
    tc = text(data, "thong-cao")
    assert "Ngày 5/2/2025, tại " in tc and "Sáng" not in tc
    bc = text(data, "bao-cao-tong-ket")
    assert "được tổ chức ngày 5/2/2025" in bc and "vào sáng" not in bc


def test_a_morning_event_keeps_its_morning() -> None:
    data = one_day("8h00", "11h30")
    assert "(CMO) Sáng 5/2, tại " in text(data, "tin-bai")
    assert "Sáng ngày 5/2/2025, tại " in text(data, "thong-cao")
    assert "được tổ chức vào sáng ngày 5/2/2025" in text(data, "bao-cao-tong-ket")


def test_the_small_hours_are_rang_sang_of_that_day() -> None:
    data = one_day("3h00", "4h30")
    assert "(CMO) Rạng sáng 5/2, tại " in text(data, "tin-bai")
    assert "Đêm" not in text(data, "tin-bai")


@pytest.mark.parametrize(("h", "word"), [(0, "Rạng sáng"), (4, "Rạng sáng"), (23, "Đêm")])
def test_lead_words(h: int, word: str) -> None:
    assert mo_dau_bao_chi(datetime(2024, 11, 1, h)) == f"{word} 1/11"


@given(
    st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2024, 12, 31)),
    st.integers(min_value=0, max_value=24 * 60),
)
def test_a_part_of_day_is_printed_only_when_start_and_end_share_it(
    start: datetime, minutes: int
) -> None:
    from datetime import timedelta

    end = start + timedelta(minutes=minutes)
    part = buoi_khoang(start, end)
    if end.date() != start.date():
        assert part == ""
    elif part:
        assert part == buoi(start)
        # an event that fits in one part never runs past noon from the morning, etc.
        assert not (part == "sáng" and end.hour >= 13)
        assert not (part == "chiều" and end.hour >= 19)
