"""Vietnamese numbers: ``1.234.567``, ``96,7%``, ``150.000.000 đồng``, amounts in words.

Thousands are grouped with a dot, decimals follow a comma (Babel's ``vi`` locale does the
grouping; it is right there, unlike its currency ``₫``, its ``MM`` months and its weekday
capitals, which this package does not use). Rounding is half-up (``0,25`` →
``0,3``), as people round by hand, never banker's rounding. Amounts in words use ``linh``,
``nghìn``, ``tỷ``, ``mốt``, ``lăm`` and read every group after the first in full, so
``1.001`` is ``một nghìn không trăm linh một``; an empty middle group is skipped
(``1.000.005`` → ``một triệu không trăm linh năm``). The southern reading
(``cach_doc="nam"``) says ``lẻ`` and ``ngàn`` instead of ``linh`` and ``nghìn``: there is no
legal rule, both occur in real documents.

>>> so(1234567), phan_tram(29, 30), tien(150_000_000)
('1.234.567', '96,7%', '150.000.000 đồng')
>>> bang_chu(1_500_000)
'Một triệu năm trăm nghìn đồng'
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

__all__ = ["CACH_DOC", "bang_chu", "phan_tram", "so", "so_thanh_chu", "tien"]

_CHU_SO = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]

#: the readings of numbers in words: the word for an empty tens digit, and for thousands
CACH_DOC: dict[str, tuple[str, str]] = {"chuan": ("linh", "nghìn"), "nam": ("lẻ", "ngàn")}


def _cach_doc(cach_doc: str) -> tuple[str, str]:
    try:
        return CACH_DOC[cach_doc]
    except KeyError:
        raise ValueError(
            f"cach_doc phải là {' hoặc '.join(map(repr, CACH_DOC))}, không phải {cach_doc!r}"
        ) from None


def _decimal(n: Any, ten: str = "n") -> Decimal:
    if isinstance(n, bool) or n is None:
        raise TypeError(f"{ten}: cần một số, nhận được {n!r}")
    if isinstance(n, Decimal):
        value = n
    else:
        try:
            value = Decimal(str(n).strip()) if isinstance(n, str) else Decimal(str(n))
        except InvalidOperation:
            raise TypeError(f"{ten}: cần một số, nhận được {n!r}") from None
    if not value.is_finite():
        raise ValueError(f"{ten}: số không hữu hạn {n!r}")
    return value


def _lam_tron(value: Decimal, chu_so: int) -> Decimal:
    if chu_so < 0:
        raise ValueError(f"chu_so phải ≥ 0, không phải {chu_so}")
    return value.quantize(Decimal(1).scaleb(-chu_so), rounding=ROUND_HALF_UP)


def _viet(value: Decimal, chu_so: int) -> str:
    """Group and punctuate as Babel's ``vi`` locale does with ``#,##0.0…`` (``1.234.567,5``:
    a dot every three digits, a decimal comma, ``-`` before), written out here because
    loading Babel's locale data costs more than a whole document (the tests compare with
    Babel); the rounding is done first, half-up, because Babel's own rounding is half-even."""
    rounded = _lam_tron(value, chu_so)
    if rounded.is_zero():
        rounded = abs(rounded)  # no "-0"
    digits = format(rounded, "f")
    sign = "-" if digits.startswith("-") else ""
    whole, _, fraction = digits.lstrip("-").partition(".")
    head = len(whole) % 3 or 3
    groups = [whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)]
    return sign + ".".join(groups) + ("," + fraction if chu_so else "")


def so(n: float | int | Decimal, *, chu_so: int = 0) -> str:
    """Số có dấu chấm ngăn hàng nghìn, dấu phẩy thập phân: ``1.234.567``; ``96,7``.

    ``chu_so`` is the number of decimals (rounded half-up; 0 by default).

    >>> so(1234567), so(96.66, chu_so=1), so(-1500), so(0.25, chu_so=1)
    ('1.234.567', '96,7', '-1.500', '0,3')
    """
    return _viet(_decimal(n), chu_so)


def phan_tram(a: float | int | Decimal, b: float | int | Decimal, *, chu_so: int = 1) -> str:
    """Tỷ lệ phần trăm của ``a`` trên ``b``: ``96,7%`` (một chữ số thập phân; ``b`` = 0 → ``0%``).

    >>> phan_tram(29, 30), phan_tram(1, 8, chu_so=0), phan_tram(45, 45), phan_tram(3, 0)
    ('96,7%', '13%', '100,0%', '0%')
    """
    tu, mau = _decimal(a, "a"), _decimal(b, "b")
    if mau == 0:
        return "0%"
    return _viet(tu * 100 / mau, chu_so) + "%"


def tien(n: float | int | Decimal) -> str:
    """Số tiền bằng số: ``150.000.000 đồng`` (viết đủ chữ ``đồng``, không ``đ`` hay ``₫``).

    >>> tien(150000000), tien(0)
    ('150.000.000 đồng', '0 đồng')
    """
    return f"{so(n)} đồng"


def _nguyen(n: Any) -> int:
    value = _decimal(n)
    if value != value.to_integral_value():
        raise ValueError(f"chỉ đọc được số nguyên, không phải {n!r}")
    return int(value)


def _ba_so(n: int, day_du: bool, linh: str) -> list[str]:
    """Words for 0 < n < 1000; ``day_du``: read ``không trăm``/``linh`` (not the first group)."""
    tram, chuc, dv = n // 100, n // 10 % 10, n % 10
    words = [_CHU_SO[tram], "trăm"] if (tram or day_du) else []
    if chuc == 0 and dv and (tram or day_du):
        words.append(linh)
    elif chuc == 1:
        words.append("mười")
    elif chuc > 1:
        words += [_CHU_SO[chuc], "mươi"]
    if dv == 1 and chuc > 1:
        words.append("mốt")
    elif dv == 5 and chuc > 0:
        words.append("lăm")
    elif dv:
        words.append(_CHU_SO[dv])
    return words


def _duoi_ty(n: int, da_co: bool, linh: str, nghin: str) -> list[str]:
    words: list[str] = []
    for value, ten in ((n // 10**6, "triệu"), (n // 1000 % 1000, nghin), (n % 1000, "")):
        if value:
            words += _ba_so(value, da_co, linh) + ([ten] if ten else [])
            da_co = True
    return words


def _doc(n: int, linh: str, nghin: str) -> list[str]:
    cao, thap = divmod(n, 10**9)
    words = [*_doc(cao, linh, nghin), "tỷ"] if cao else []
    return words + _duoi_ty(thap, bool(cao), linh, nghin)


def so_thanh_chu(n: int, *, cach_doc: str = "chuan") -> str:
    """Đọc số nguyên thành chữ: ``150000000`` → ``một trăm năm mươi triệu``.

    Works for any size (``10**15`` → ``một triệu tỷ``); negatives read ``âm …``.
    ``cach_doc``: ``chuan`` (``linh``, ``nghìn``; the default) or ``nam``, the southern
    reading (``lẻ``, ``ngàn``). In a template the event's ``cach_doc_so`` is the default.

    >>> so_thanh_chu(21), so_thanh_chu(25), so_thanh_chu(105), so_thanh_chu(1010)
    ('hai mươi mốt', 'hai mươi lăm', 'một trăm linh năm', 'một nghìn không trăm mười')
    >>> so_thanh_chu(1_000_005), so_thanh_chu(10**15), so_thanh_chu(-5)
    ('một triệu không trăm linh năm', 'một triệu tỷ', 'âm năm')
    >>> so_thanh_chu(2_105, cach_doc="nam")
    'hai ngàn một trăm lẻ năm'
    """
    linh, nghin = _cach_doc(cach_doc)
    value = _nguyen(n)
    if value == 0:
        return "không"
    if value < 0:
        return "âm " + so_thanh_chu(-value, cach_doc=cach_doc)
    return " ".join(_doc(value, linh, nghin))


def bang_chu(n: int, *, cach_doc: str = "chuan") -> str:
    """Số tiền bằng chữ, viết hoa chữ đầu: ``Một trăm năm mươi triệu đồng``.

    ``cach_doc`` as for :func:`so_thanh_chu` (``nam``: ``lẻ``, ``ngàn``).

    >>> bang_chu(150000000), bang_chu(1001)
    ('Một trăm năm mươi triệu đồng', 'Một nghìn không trăm linh một đồng')
    >>> bang_chu(1001, cach_doc="nam")
    'Một ngàn không trăm lẻ một đồng'
    """
    words = so_thanh_chu(n, cach_doc=cach_doc)
    return words[0].upper() + words[1:] + " đồng"
