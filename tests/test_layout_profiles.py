"""The ND 30 / HD 36 profiles: số ký hiệu, signing prefixes, punctuation, page geometry."""

from __future__ import annotations

import re

import pytest

from baocao.template_context.layout import PROFILES, cai_dat, profile

STATE_SO = re.compile(r"^Số: \d{2,}/[A-ZĐ][A-Za-zĐđ]*(-[A-ZĐ0-9][A-Za-zĐđ0-9]*)+$")
PARTY_SO = re.compile(r"^Số \d{2,}-[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ0-9][A-Za-zĐđ0-9]*$")


@pytest.mark.parametrize("so", [1, 5, 9, 10, 15, 123])
def test_so_ky_hieu_state_has_colon_and_zero_padding(so: int) -> None:
    text = profile("nha_nuoc").so_ky_hieu(so, "TC", "UBND")
    assert STATE_SO.match(text), text
    assert text == f"Số: {so:02d}/TC-UBND"


@pytest.mark.parametrize("so", [1, 5, 9, 10, 15, 123])
def test_so_ky_hieu_party_has_no_colon(so: int) -> None:
    text = profile("dang").so_ky_hieu(so, "BC", "BDVTU")
    assert PARTY_SO.match(text), text
    assert text == f"Số {so:02d}-BC/BDVTU"
    assert ":" not in text


def test_blank_number_leaves_room_for_the_clerk() -> None:
    assert profile("nha_nuoc").so_ky_hieu(None, "BC", "UBND") == "Số:      /BC-UBND"
    assert profile("dang").so_ky_hieu(None, "BC", "BDVTU") == "Số    -BC/BDVTU"


def test_signing_prefixes_dot_for_state_slash_for_party() -> None:
    assert profile("nha_nuoc").tien_to == {
        "TM": "TM.",
        "KT": "KT.",
        "Q": "Q.",
        "TL": "TL.",
        "TUQ": "TUQ.",
    }
    party = profile("dang").tien_to
    assert (party["TM"], party["KT"], party["TL"]) == ("T/M", "K/T", "T/L")


def test_settings_pick_the_format_and_side_file_wins() -> None:
    assert cai_dat("nha_nuoc")["dau_ket"] == "./."
    assert cai_dat("dang")["dau_ket"] == "."
    assert cai_dat("nha_nuoc")["dau_cach_noi_nhan"] == ";"
    assert cai_dat("dang")["dau_cach_noi_nhan"] == ","
    override = {"dau_cach_noi_nhan": {"dang": ";"}, "can_nguoi_khai_mac": True}
    assert cai_dat("dang", override)["dau_cach_noi_nhan"] == ";"
    assert cai_dat("nha_nuoc", override)["dau_cach_noi_nhan"] == ";"  # state default kept
    assert cai_dat("dang", override)["can_nguoi_khai_mac"] is True


@pytest.mark.parametrize("the_thuc", sorted(PROFILES))
def test_page_geometry_within_the_rules(the_thuc: str) -> None:
    p = profile(the_thuc)
    assert p.le_mm == (20, 20, 30, 15)
    # the header table spans the text width: it reaches into neither margin (issue 10)
    assert p.cot_trai_mm + p.cot_phai_mm == pytest.approx(165)
    assert p.lui_trai_mm == 0
    # the first header line must not wrap: measured widths (Liberation Serif = TNR metrics)
    widest = {"nha_nuoc": 88.3 * p.co_chu["quoc_hieu"] / 12, "dang": 72.9}[the_thuc]
    assert p.cot_phai_mm - 2 >= widest  # minus 1 mm cell padding on each side
    # the date line at its size must fit too (73.8 mm at 14 pt italic)
    assert p.cot_phai_mm - 2 >= 73.8 * p.co_chu["ngay"] / 14
    assert 13 <= p.co_chu["than"] <= 15


@pytest.mark.parametrize("the_thuc", sorted(PROFILES))
def test_longest_date_line_fits_by_running_past_its_cell(the_thuc: str) -> None:
    p = profile(the_thuc)
    # "Thành phố Hồ Chí Minh, ngày 30 tháng 12 năm 2025": 106.3 mm at 14 pt italic
    width = 106.3 * p.co_chu["ngay"] / 14
    assert p.cot_phai_mm - 2 < width  # it does not fit the cell itself …
    # … the state line (13 pt) fits by running into the left cell only, never to the right;
    # the Party one (14 pt) would meet the Số line and breaks after the place (issue 10)
    fits = p.cot_phai_mm - 2 + p.ngay_tran_mm >= width
    assert fits == (the_thuc == "nha_nuoc")
    assert p.ngay_tran_mm < p.cot_trai_mm / 2 - 20
