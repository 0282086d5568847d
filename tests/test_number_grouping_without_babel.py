"""Numbers are grouped without loading Babel (issue 11), exactly as Babel's ``vi`` locale
grouped them before: ``1.234.567``, ``96,7``, ``-1.500``, ``0,3``."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from baocao.vi.numbers import _lam_tron, _viet, so


def _babel(value: Decimal, chu_so: int) -> str:
    rounded = _lam_tron(value, chu_so)
    if rounded.is_zero():
        rounded = abs(rounded)
    pattern = "#,##0" + ("." + "0" * chu_so if chu_so else "")
    return format_decimal(rounded, format=pattern, locale="vi")


@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15),
    st.integers(0, 4),
)
@settings(max_examples=600, deadline=None)
def test_grouping_matches_babel(value: Decimal, chu_so: int) -> None:
    assert _viet(value, chu_so) == _babel(value, chu_so)


@given(st.integers(-(10**18), 10**18), st.integers(0, 3))
@settings(max_examples=300, deadline=None)
def test_integers_match_babel(value: int, chu_so: int) -> None:
    assert _viet(Decimal(value), chu_so) == _babel(Decimal(value), chu_so)


def test_examples() -> None:
    assert [so(1234567), so(96.66, chu_so=1), so(-1500), so(0.25, chu_so=1)] == [
        "1.234.567",
        "96,7",
        "-1.500",
        "0,3",
    ]
    assert [so(0), so(-0.04, chu_so=1), so(999), so(1000), so(Decimal("1E+6"))] == [
        "0",
        "0,0",
        "999",
        "1.000",
        "1.000.000",
    ]
