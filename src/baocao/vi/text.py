"""Vietnamese text: Unicode NFC, tone-mark style, case, joining lists, forms of address.

>>> chuan_dau("Uỷ ban nhân dân tỉnh Hoà Bình")
'Ủy ban nhân dân tỉnh Hòa Bình'
>>> chuan_dau("Ủy viên Ban Thường vụ Tỉnh ủy", kieu="moi")
'Uỷ viên Ban Thường vụ Tỉnh uỷ'
>>> viet_hoa("Tỉnh ủy Cà Mau")
'TỈNH ỦY CÀ MAU'
>>> noi(["A", "B", "C"])
'A, B và C'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from baocao.vi.legacy import MaCu, ma_cu
from baocao.vi.syllable import WORD, Kieu, is_syllable, place_tone

__all__ = [
    "MaCu",
    "chu_dau_hoa",
    "chuan_dau",
    "dong_chi",
    "khong_dau",
    "ma_cu",
    "nfc",
    "noi",
    "viet_hoa",
]

_KIEU = ("cu", "moi")


#: Look-alikes of Đ/đ that NFC leaves alone: Icelandic Eth and African D (vn-text.md §3).
_GIONG_D = str.maketrans(
    {"\u00d0": "\u0110", "\u0189": "\u0110", "\u00f0": "\u0111", "\u0256": "\u0111"}
)
_GIONG_D_RE = re.compile("[\u00d0\u0189\u00f0\u0256]")


def _d_gach(word: str) -> str:
    fixed = word.translate(_GIONG_D)
    return fixed if fixed != word and is_syllable(fixed) else word


def nfc(s: str) -> str:
    """Chuẩn hóa Unicode dựng sẵn (NFC): mọi chữ có dấu thành một ký tự.

    Text typed with "Unicode tổ hợp", copied from macOS or some PDFs arrives decomposed
    (NFD); search, sorting and Word's spell check then fail. ``None`` gives ``""``. In a
    Vietnamese word, the look-alikes ``Ð`` (U+00D0, Eth) and ``Ɖ`` (U+0189) become ``Đ``
    (and ``ð``, ``ɖ`` become ``đ``), which NFC does not do: they break case, sort and search.
    Other words (``Guðrún``) keep them.

    >>> s = nfc("Nguye\\u0302\\u0303n")
    >>> s, len(s)
    ('Nguyễn', 6)
    >>> nfc("\\u00d0ảng ủy, \\u0189à Nẵng, \\u00f0ồng chí"), nfc("Guðrún")
    ('Đảng ủy, Đà Nẵng, đồng chí', 'Guðrún')
    """
    if s is None:
        return ""
    text = unicodedata.normalize("NFC", str(s))
    if _GIONG_D_RE.search(text) is None:
        return text
    return WORD.sub(lambda m: _d_gach(m.group(0)), text)


def chuan_dau(s: str, *, kieu: str = "cu") -> str:
    """Đặt dấu thanh thống nhất: kiểu cũ ``hòa, ủy, thúy, khỏe`` hoặc kiểu mới ``hoà, uỷ``.

    ``kieu="cu"`` (traditional, the usual style of state documents) puts the mark of an open
    ``oa``/``oe``/``uy`` syllable on the first vowel; ``kieu="moi"`` (HD 36, Party documents)
    on the second. Works per syllable: closed syllables (``toàn``, ``hoàn``, ``khoảng``,
    ``thuyền``) and ``quý``, ``gìn``, ``qua`` never change; misplaced marks are repaired;
    words that are not Vietnamese syllables (``Renée``, ``iPhone``, ``Đắk Lắk``) are left
    alone; case is kept. The result is always NFC.

    >>> chuan_dau("hoà thuận, uỷ ban, Thuý, khoẻ")
    'hòa thuận, ủy ban, Thúy, khỏe'
    >>> chuan_dau("hòa thuận, ủy ban, Thúy, khỏe", kieu="moi")
    'hoà thuận, uỷ ban, Thuý, khoẻ'
    >>> chuan_dau("UỶ BAN"), chuan_dau("hòang qúy gìa")
    ('ỦY BAN', 'hoàng quý già')
    >>> chuan_dau("Viêt\\u0323 Nam, thuyên\\u0300")  # a mark typed after the consonant
    'Việt Nam, thuyền'
    >>> chuan_dau("toàn hoàn khoảng thuyền quý gìn qua", kieu="moi")
    'toàn hoàn khoảng thuyền quý gìn qua'
    >>> chuan_dau("Renée dùng iPhone ở Đắk Lắk")
    'Renée dùng iPhone ở Đắk Lắk'
    """
    if kieu not in _KIEU:
        raise ValueError(f"kieu phải là 'cu' hoặc 'moi', không phải {kieu!r}")
    style: Kieu = "cu" if kieu == "cu" else "moi"
    text = nfc(s)
    if text.isascii():
        return text
    # words never span a space, so each space-separated token is placed on its own and
    # remembered: an event file repeats the same few hundred syllables. Most tokens are
    # already right: those are remembered in a set, and a text whose every token is right
    # is returned as it is (NFC already) without being joined again
    tokens = text.split(" ")
    right = _RIGHT[style]
    for i, token in enumerate(tokens):
        if token in right or token.isascii():
            continue
        placed = _place_tones(token, style)
        if placed == token:
            if len(right) < _RIGHT_MAX:  # bounded: memory stays flat on unique texts
                right.add(token)
            continue
        rest = [t if t.isascii() else _place_tones(t, style) for t in tokens[i + 1 :]]
        return unicodedata.normalize("NFC", " ".join([*tokens[:i], placed, *rest]))
    return text


#: tokens that :func:`_place_tones` leaves as they are, per style
_RIGHT: dict[Kieu, set[str]] = {"cu": set(), "moi": set()}
_RIGHT_MAX = 1 << 16


@lru_cache(maxsize=8192)
def _place_tones(token: str, style: Kieu) -> str:
    """:func:`place_tone` on every word of ``token`` (a piece of text without spaces)."""
    return WORD.sub(lambda m: place_tone(m.group(0), style), token)


def viet_hoa(s: str) -> str:
    """Viết hoa toàn bộ (cho dòng tên cơ quan, tên loại văn bản).

    >>> viet_hoa("Ủy ban nhân dân tỉnh Cà Mau")
    'ỦY BAN NHÂN DÂN TỈNH CÀ MAU'
    >>> viet_hoa("Nguye\\u0302\\u0303n đức")
    'NGUYỄN ĐỨC'
    """
    return nfc(s).upper()


def chu_dau_hoa(s: str) -> str:
    """Viết hoa chữ cái đầu tiên, giữ nguyên phần còn lại.

    The first letter (after any leading quotes, brackets or spaces) is upper-cased; nothing
    else changes, so names and titles keep their capitals.

    >>> chu_dau_hoa("lớp bồi dưỡng")
    'Lớp bồi dưỡng'
    >>> chu_dau_hoa("ủy ban nhân dân tỉnh Cà Mau")
    'Ủy ban nhân dân tỉnh Cà Mau'
    >>> chu_dau_hoa("“đồng chí Lê Thanh Triều”")
    '“Đồng chí Lê Thanh Triều”'
    """
    text = nfc(s)
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


def noi(items: Iterable[Any], *, cuoi: str | None = None, ngan: str = ", ") -> str:
    """Nối danh sách: ``A, B và C``.

    ``ngan`` separates the items; ``cuoi`` is the word before the last one (``hoặc``…).
    When ``cuoi`` is not given it is ``và``, unless ``ngan`` is given: then the last
    separator is ``ngan`` too.
    Empty items and None are skipped; a string is one item, not a list of letters.

    >>> noi(["A", "B", "C"]), noi(["A", "B"]), noi(["A"]), noi([])
    ('A, B và C', 'A và B', 'A', '')
    >>> noi(["A", "B", "C"], ngan="; ")
    'A; B; C'
    >>> noi(["A", "B", "C"], cuoi="hoặc")
    'A, B hoặc C'
    >>> noi(["A", "B", "C"], ngan="; ", cuoi="và")
    'A; B và C'
    """
    if items is None:
        return ""
    if isinstance(items, str):
        items = [items]
    parts = [nfc(str(x)) for x in items if x is not None and str(x) != ""]
    if len(parts) < 2:
        return "".join(parts)
    if cuoi is None:
        cuoi = "và" if ngan == ", " else ""
    last = f" {cuoi} " if cuoi else ngan
    return ngan.join(parts[:-1]) + last + parts[-1]


def _field(nguoi: Any, name: str) -> Any:
    if isinstance(nguoi, Mapping):
        return nguoi.get(name)
    return getattr(nguoi, name, None)


def dong_chi(nguoi: Any) -> str:
    """Giới thiệu một người: ``đồng chí <họ tên>, <chức vụ 1>, <chức vụ 2>``.

    Takes a mapping or an object with ``ho_ten``, ``chuc_vu`` (a list of titles in order, or
    one string) and ``danh_xung`` (form of address; ``đồng chí`` when not given). Written in
    lower case for the middle of a sentence: use ``chu_dau_hoa`` at a sentence start.

    >>> dong_chi({"ho_ten": "Lê Thanh Triều",
    ...           "chuc_vu": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy"]})
    'đồng chí Lê Thanh Triều, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy'
    >>> dong_chi({"ho_ten": "Nguyễn Thị Hoa", "danh_xung": "bà", "chuc_vu": "Giám đốc"})
    'bà Nguyễn Thị Hoa, Giám đốc'
    >>> dong_chi({"ho_ten": "Trần Văn B"})
    'đồng chí Trần Văn B'
    """
    if isinstance(nguoi, str):
        return nfc(nguoi)
    ho_ten = nfc(_field(nguoi, "ho_ten") or "").strip()
    danh_xung = nfc(_field(nguoi, "danh_xung") or "đồng chí").strip()
    chuc_vu = _field(nguoi, "chuc_vu") or []
    if isinstance(chuc_vu, str):
        chuc_vu = [chuc_vu]
    parts = [" ".join(x for x in (danh_xung, ho_ten) if x)]
    parts += [nfc(str(c)).strip() for c in chuc_vu if c and str(c).strip()]
    return ", ".join(p for p in parts if p)


_D_PLAIN = str.maketrans({"đ": "d", "Đ": "D", "\u00d0": "D", "\u00f0": "d"})


def khong_dau(s: str) -> str:
    """Bỏ dấu: ``Nguyễn Văn Đức`` → ``Nguyen Van Duc`` (``đ`` → ``d``), for file names and
    ASCII-only keys; case and everything else are kept.

    >>> khong_dau("Nguyễn Văn Đức, Trần Thị Bé")
    'Nguyen Van Duc, Tran Thi Be'
    >>> khong_dau("ÐÎ ð")  # the Icelandic look-alikes of Đ/đ, typed by some keyboards
    'DI d'
    """
    text = nfc(s).translate(_D_PLAIN)
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", plain)
