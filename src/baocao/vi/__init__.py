"""The Vietnamese language layer: dates, numbers and text, as pure functions.

Every function takes the value first and its options keyword-only; the same functions are
the Jinja filters of the templates (``baocao.rendering.filters.FILTERS``). Nothing here imports
Jinja or
Word libraries, and Babel only on the first number formatted (its ``vi`` grouping is right;
its date patterns, weekday names and currency are not official style, so dates are written by
hand), so importing it is cheap.

>>> from datetime import date
>>> from baocao.vi import chuan_dau, dia_danh_ngay, nfc
>>> chuan_dau(nfc("Tỉnh uỷ"))
'Tỉnh ủy'
>>> dia_danh_ngay("Cà Mau", date(2024, 11, 1))
'Cà Mau, ngày 01 tháng 11 năm 2024'
"""

from __future__ import annotations

from baocao.vi.dates import (
    buoi,
    buoi_khoang,
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
from baocao.vi.numbers import bang_chu, phan_tram, so, so_thanh_chu, tien
from baocao.vi.text import (
    MaCu,
    chu_dau_hoa,
    chuan_dau,
    dong_chi,
    ma_cu,
    nfc,
    noi,
    viet_hoa,
)

__all__ = [
    "MaCu",
    "bang_chu",
    "buoi",
    "buoi_khoang",
    "chu_dau_hoa",
    "chuan_dau",
    "dia_danh_ngay",
    "dong_chi",
    "gio",
    "khoang_ngay",
    "loi_ngay_thang",
    "ma_cu",
    "mo_dau_bao_chi",
    "nfc",
    "ngay_ngan",
    "ngay_so",
    "ngay_thang",
    "noi",
    "phan_tram",
    "so",
    "so_thanh_chu",
    "thu",
    "tien",
    "viet_hoa",
]
