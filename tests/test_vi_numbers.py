"""baocao.vi numbers: grouping, percentages, money, amounts in words (vn-text.md §1.6)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from baocao.vi import bang_chu, phan_tram, so, so_thanh_chu, tien

# Golden rows (default options: linh, nghìn, bốn; empty middle groups skipped).
GOLDEN = [
    (0, "không"),
    (5, "năm"),
    (10, "mười"),
    (11, "mười một"),
    (15, "mười lăm"),
    (21, "hai mươi mốt"),
    (24, "hai mươi bốn"),
    (25, "hai mươi lăm"),
    (75, "bảy mươi lăm"),
    (101, "một trăm linh một"),
    (105, "một trăm linh năm"),
    (1001, "một nghìn không trăm linh một"),
    (1010, "một nghìn không trăm mười"),
    (1_000_005, "một triệu không trăm linh năm"),
    (1_500_000, "một triệu năm trăm nghìn"),
    (2024, "hai nghìn không trăm hai mươi bốn"),
    (10_000_000_000, "mười tỷ"),
    (-5, "âm năm"),
    # more
    (150_000_000, "một trăm năm mươi triệu"),
    (111, "một trăm mười một"),
    (115, "một trăm mười lăm"),
    (1_005_000, "một triệu không trăm linh năm nghìn"),
    (1_000_000_005, "một tỷ không trăm linh năm"),
    (10**12, "một nghìn tỷ"),
    (10**15, "một triệu tỷ"),
    (10**18, "một tỷ tỷ"),
    (1_234_567_891_011, "một nghìn hai trăm ba mươi bốn tỷ năm trăm sáu mươi bảy triệu "
     "tám trăm chín mươi mốt nghìn không trăm mười một"),
    (-1_500_000, "âm một triệu năm trăm nghìn"),
    (20, "hai mươi"),
    (200, "hai trăm"),
    (1_000, "một nghìn"),
    (100_000, "một trăm nghìn"),
]  # fmt: skip


@pytest.mark.parametrize(("n", "words"), GOLDEN)
def test_so_thanh_chu_golden(n: int, words: str) -> None:
    assert so_thanh_chu(n) == words


def test_bang_chu() -> None:
    assert bang_chu(150_000_000) == "Một trăm năm mươi triệu đồng"
    assert bang_chu(0) == "Không đồng"
    assert bang_chu(-5) == "Âm năm đồng"
    assert bang_chu(10**15) == "Một triệu tỷ đồng"
    assert bang_chu(150_000_000.0) == "Một trăm năm mươi triệu đồng"


def test_so_thanh_chu_refuses_fractions() -> None:
    with pytest.raises(ValueError, match="số nguyên"):
        so_thanh_chu(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="cần một số"):
        so_thanh_chu(None)  # type: ignore[arg-type]


def test_so() -> None:
    assert so(1_234_567) == "1.234.567"
    assert so(96.66, chu_so=1) == "96,7"
    assert so(0) == "0"
    assert so(999) == "999"
    assert so(1000) == "1.000"
    assert so(10**12) == "1.000.000.000.000"
    assert so(10**15) == "1.000.000.000.000.000"
    assert so(-1_500_000) == "-1.500.000"
    assert so(1234.5) == "1.235"  # half-up
    assert so(1234.5, chu_so=2) == "1.234,50"
    assert so(Decimal("2.5")) == "3"  # not banker's rounding (which gives 2)
    assert so(-0.4) == "0"  # never "-0"


def test_phan_tram() -> None:
    assert phan_tram(29, 30) == "96,7%"
    assert phan_tram(29, 30, chu_so=2) == "96,67%"
    assert phan_tram(3, 0) == "0%"
    assert phan_tram(0, 45) == "0,0%"
    assert phan_tram(45, 45) == "100,0%"
    assert phan_tram(1, 8, chu_so=0) == "13%"  # 12,5 rounds up
    assert phan_tram(1, 40) == "2,5%"
    assert phan_tram(1, 16) == "6,3%"  # 6,25 → 6,3 (banker's would give 6,2)
    assert phan_tram(2000, 1000) == "200,0%"


def test_tien() -> None:
    assert tien(150_000_000) == "150.000.000 đồng"
    assert tien(0) == "0 đồng"
    assert tien(10**12) == "1.000.000.000.000 đồng"


def test_bad_input_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="cần một số"):
        so("mười")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="cần một số"):
        so(True)
    with pytest.raises(ValueError, match="chu_so"):
        so(1, chu_so=-1)


def test_grouping_agrees_with_babel() -> None:
    """babel (CLDR ``vi``) is an independent oracle for grouping and the decimal comma."""
    from babel.numbers import format_decimal, format_percent

    for n in [0, 7, 999, 1000, 12_345, 1_234_567, 10**12, -1_500_000, 987_654_321_012]:
        assert so(n) == format_decimal(n, locale="vi")
    for x in ["96.66", "1234.56", "0.04", "12345678.91"]:  # no ties: rounding modes agree
        assert so(Decimal(x), chu_so=1) == format_decimal(Decimal(x), format="#,##0.0", locale="vi")
    for a, b in [(29, 30), (1, 3), (2, 3), (123_456, 7)]:
        expected = format_percent(Decimal(a) / Decimal(b), format="#,##0.0%", locale="vi")
        assert phan_tram(a, b) == expected
