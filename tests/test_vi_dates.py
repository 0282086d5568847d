"""baocao.vi dates and times: NĐ 30 header dates, press dates, ranges, parts of day, times."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from baocao.vi import (
    buoi,
    dia_danh_ngay,
    gio,
    khoang_ngay,
    loi_ngay_thang,
    mo_dau_bao_chi,
    ngay_ngan,
    ngay_so,
    ngay_thang,
    thu,
)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2025, 2, 5), "ngày 05 tháng 02 năm 2025"),
        (date(2024, 11, 1), "ngày 01 tháng 11 năm 2024"),
        (date(2024, 3, 12), "ngày 12 tháng 3 năm 2024"),
        # the public-tool bug list (Addendum B1)
        (date(2026, 8, 20), "ngày 20 tháng 8 năm 2026"),
        (date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),
        (date(2026, 1, 9), "ngày 09 tháng 01 năm 2026"),
        (date(2026, 10, 1), "ngày 01 tháng 10 năm 2026"),
        (date(2026, 3, 10), "ngày 10 tháng 3 năm 2026"),
        # edges
        (date(2024, 12, 31), "ngày 31 tháng 12 năm 2024"),
        (date(2024, 2, 29), "ngày 29 tháng 02 năm 2024"),
        (date(2025, 1, 1), "ngày 01 tháng 01 năm 2025"),
        (datetime(2024, 11, 1, 8, 30), "ngày 01 tháng 11 năm 2024"),
    ],
)
def test_ngay_thang(d: date, expected: str) -> None:
    assert ngay_thang(d) == expected


def test_ngay_thang_blank_form_for_the_clerk() -> None:
    assert ngay_thang(None, nam=2024) == "ngày      tháng      năm 2024"
    assert ngay_thang(None) == "ngày      tháng      năm       "
    # nam= is only for the blank form; a real date wins
    assert ngay_thang(date(2025, 2, 5), nam=2024) == "ngày 05 tháng 02 năm 2025"


def test_dia_danh_ngay() -> None:
    assert dia_danh_ngay("Cà Mau", date(2024, 11, 1)) == "Cà Mau, ngày 01 tháng 11 năm 2024"
    assert dia_danh_ngay("Cà Mau", None, nam=2024) == "Cà Mau, ngày      tháng      năm 2024"
    assert dia_danh_ngay("Thành phố Hồ Chí Minh", datetime(2025, 2, 5, 7)) == (
        "Thành phố Hồ Chí Minh, ngày 05 tháng 02 năm 2025"
    )


def test_ngay_ngan_never_pads() -> None:
    assert ngay_ngan(date(2024, 11, 1)) == "1/11"
    assert ngay_ngan(date(2024, 11, 1), nam=True) == "1/11/2024"
    assert ngay_ngan(date(2025, 2, 5), nam=True) == "5/2/2025"
    assert ngay_ngan(datetime(2024, 12, 31, 23, 59)) == "31/12"


def test_ngay_so_citation_style() -> None:
    assert ngay_so(date(2024, 3, 5)) == "05/3/2024"
    assert ngay_so(date(2026, 9, 5)) == "05/9/2026"
    assert ngay_so(date(2025, 1, 15)) == "15/01/2025"
    assert ngay_so(date(2024, 2, 29)) == "29/02/2024"
    assert ngay_so(date(2024, 12, 31)) == "31/12/2024"


def test_thu_every_weekday() -> None:
    week = [thu(date(2024, 11, 4 + i)) for i in range(7)]  # 4/11/2024 is a Monday
    assert week == ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]
    assert thu(date(2024, 11, 1)) == "thứ Sáu"
    assert thu(datetime(2024, 11, 3, 9)) == "Chủ nhật"


@pytest.mark.parametrize(
    ("hm", "expected"),
    [
        ((5, 0), "sáng"),
        ((10, 59), "sáng"),
        ((11, 0), "trưa"),
        ((12, 59), "trưa"),
        ((13, 0), "chiều"),
        ((17, 59), "chiều"),
        ((18, 0), "tối"),
        ((21, 59), "tối"),
        ((22, 0), "đêm"),
        ((0, 0), "rạng sáng"),  # issue 10: the small hours open the day
        ((4, 59), "rạng sáng"),
    ],
)
def test_buoi_boundaries(hm: tuple[int, int], expected: str) -> None:
    assert buoi(datetime(2024, 11, 1, *hm)) == expected


def test_buoi_of_a_date_is_ngay() -> None:
    assert buoi(date(2024, 11, 1)) == "ngày"


def test_mo_dau_bao_chi() -> None:
    assert mo_dau_bao_chi(datetime(2024, 11, 1, 8)) == "Sáng 1/11"
    assert mo_dau_bao_chi(datetime(2024, 11, 1, 14, 30)) == "Chiều 1/11"
    assert mo_dau_bao_chi(datetime(2024, 11, 1, 19)) == "Tối 1/11"
    assert mo_dau_bao_chi(datetime(2024, 11, 1, 23)) == "Đêm 1/11"
    assert mo_dau_bao_chi(datetime(2024, 11, 1, 12)) == "Trưa 1/11"
    assert mo_dau_bao_chi(date(2024, 11, 1)) == "Ngày 1/11"


def test_khoang_ngay() -> None:
    assert khoang_ngay(date(2024, 11, 1), date(2024, 11, 3)) == "từ ngày 1 đến ngày 3/11"
    assert khoang_ngay(date(2024, 10, 30), date(2024, 11, 2)) == "từ ngày 30/10 đến ngày 2/11"
    assert khoang_ngay(date(2024, 12, 30), date(2025, 1, 2)) == (
        "từ ngày 30/12/2024 đến ngày 2/1/2025"
    )
    assert khoang_ngay(date(2024, 11, 1), date(2024, 11, 1)) == "ngày 1/11"
    assert khoang_ngay(date(2024, 11, 1), None) == "ngày 1/11"
    assert khoang_ngay(date(2024, 11, 1)) == "ngày 1/11"
    # datetimes compare by day
    assert khoang_ngay(datetime(2024, 11, 1, 8), datetime(2024, 11, 1, 17)) == "ngày 1/11"
    assert khoang_ngay(datetime(2024, 11, 1, 8), date(2024, 11, 3)) == "từ ngày 1 đến ngày 3/11"


def test_khoang_ngay_refuses_a_backwards_range() -> None:
    with pytest.raises(ValueError, match="trước ngày bắt đầu"):
        khoang_ngay(date(2024, 11, 3), date(2024, 11, 1))


def test_gio() -> None:
    assert gio(datetime(2024, 11, 1, 14, 30)) == "14 giờ 30 phút"
    assert gio(datetime(2024, 11, 1, 7, 0)) == "7 giờ 00"
    assert gio(datetime(2024, 11, 1, 8, 5)) == "8 giờ 05 phút"
    assert gio(time(0, 0)) == "0 giờ 00"
    assert gio(datetime(2024, 11, 1, 14, 30), kieu="bao_chi") == "14h30"
    assert gio(datetime(2024, 11, 1, 8, 0), kieu="bao_chi") == "8h00"
    assert gio(time(7, 5), kieu="bao_chi") == "7h05"
    assert gio(None) == "      giờ      "


def test_gio_refuses_a_date_and_unknown_style() -> None:
    with pytest.raises(TypeError, match="giờ"):
        gio(date(2024, 11, 1))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="kieu"):
        gio(datetime(2024, 11, 1, 8), kieu="iso")


def test_naive_times_are_never_shifted() -> None:
    """Times are local and naive: 23:30 stays 23:30 (babel with tzinfo would shift it)."""
    late = datetime(2024, 12, 31, 23, 30)
    assert gio(late) == "23 giờ 30 phút"
    assert ngay_thang(late) == "ngày 31 tháng 12 năm 2024"
    assert mo_dau_bao_chi(late) == "Đêm 31/12"


def test_not_a_date_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="cần một ngày"):
        ngay_thang(20241101)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="cần một ngày"):
        thu("hôm nay")  # type: ignore[arg-type]


def test_iso_strings_are_accepted() -> None:
    assert ngay_thang("2025-02-05") == "ngày 05 tháng 02 năm 2025"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Cà Mau, ngày 05 tháng 03 năm 2026", [("ngày 05 tháng 03", "ngày 05 tháng 3")]),
        ("ngày 5 tháng 11 năm 2024", [("ngày 5 tháng 11", "ngày 05 tháng 11")]),
        ("tháng 1 năm 2025", [("tháng 1", "tháng 01")]),
        ("NGÀY 5 THÁNG 03 NĂM 2026", [("NGÀY 5 THÁNG 03", "NGÀY 05 THÁNG 3")]),
        ("ngày 05 tháng 02 năm 2025, tháng 12 năm 2024", []),
        ("ngày 32 tháng 3 năm 2024, tháng 13 năm 2024", []),  # not dates
        ("tháng 03 vừa qua", []),  # no year: not a date line
        ("", []),
    ],
)
def test_loi_ngay_thang_finds_padding_against_the_rule(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert loi_ngay_thang(text) == found


def test_loi_ngay_thang_agrees_with_ngay_thang() -> None:
    day = date(2024, 1, 1)
    while day.year == 2024:
        assert loi_ngay_thang(ngay_thang(day)) == []
        day = date.fromordinal(day.toordinal() + 1)
