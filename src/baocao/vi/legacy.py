"""Detect text typed in a legacy Vietnamese font encoding (TCVN3/ABC ``.VnTime``, VNI).

Text copied out of an old ``.VnTime`` or ``VNI-Times`` document arrives as Latin-1 look-alikes
(``Uû ban nh©n d©n``, ``Coäng hoøa``). :func:`ma_cu` finds it so the loader can refuse the file
with a clear message; nothing is converted.

How: each whitespace-separated word that holds a character typical of those encodings is
decoded with the TCVN3 and the VNI tables. A word counts as evidence for an encoding when it
is not a Vietnamese syllable as written but decodes to one. Foreign names (``Jürgen``,
``Müller``, ``Peña``) decode to nonsense, so they never count.

>>> ma_cu("Uû ban nh©n d©n tØnh Cµ Mau")
MaCu(bang_ma='TCVN3', doan='Uû ban nh©n')
>>> ma_cu("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")
MaCu(bang_ma='VNI', doan='Coäng hoøa xaõ')
>>> ma_cu("Cộng hòa xã hội chủ nghĩa Việt Nam") is None
True
>>> ma_cu("ông Jürgen Müller và bà Peña dự lễ") is None
True
"""

from __future__ import annotations

import re
import string
from functools import cache
from typing import Literal, NamedTuple

from baocao.vi.syllable import WORD, is_syllable


class MaCu(NamedTuple):
    """What :func:`ma_cu` found: the encoding and the first offending words."""

    bang_ma: Literal["TCVN3", "VNI"]
    doan: str


# TCVN3 (TCVN 5712:1993 VN3): one byte per letter, lower-case accented letters only.
_TCVN3_PAIRS = (
    "¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ ¨ă ©â ªê «ô ¬ơ \u00adư ®đ "
    "µà ¶ả ·ã ¸á ¹ạ »ằ ¼ẳ ½ẵ ¾ắ Æặ Çầ Èẩ Éẫ Êấ Ëậ "
    "Ìè Îẻ Ïẽ Ðé Ñẹ Òề Óể Ôễ Õế Öệ ×ì Øỉ Üĩ Ýí Þị "
    "ßò áỏ âõ ãó äọ åồ æổ çỗ èố éộ êờ ëở ìỡ íớ îợ "
    "ïù ñủ òũ óú ôụ õừ öử ÷ữ øứ ùự úỳ ûỷ üỹ ýý þỵ"
)
_TCVN3 = str.maketrans({pair[0]: pair[1] for pair in _TCVN3_PAIRS.split()})


@cache
def _vni_table() -> dict[str, str]:
    """VNI-Windows: a base letter followed by mark characters (``aø`` = ``à``)."""
    import unicodedata

    plain = dict(zip("\u0301\u0300\u0309\u0303\u0323", "ùøûõï", strict=True))
    hat = dict(zip(["", *"\u0301\u0300\u0309\u0303\u0323"], "âáàåãä", strict=True))
    breve = dict(zip(["", *"\u0301\u0300\u0309\u0303\u0323"], "êéèúüë", strict=True))
    table: dict[str, str] = {}

    def add(code: str, text: str) -> None:
        table[code] = unicodedata.normalize("NFC", text)
        table[code.upper()] = unicodedata.normalize("NFC", text).upper()
        if len(code) == 2:  # Title case: capital letter, lower-case mark
            table[code[0].upper() + code[1]] = unicodedata.normalize("NFC", text).upper()

    for base, code in (("a", "a"), ("e", "e"), ("o", "o"), ("u", "u"), ("y", "y")):
        for tone, mark in plain.items():
            add(code + mark, base + tone)
    for base, code in (("ơ", "ô"), ("ư", "ö")):
        add(code, base)
        for tone, mark in plain.items():
            add(code + mark, base + tone)
    for base in "aeo":
        for tone, mark in hat.items():
            add(base + mark, base + "\u0302" + tone)
    for tone, mark in breve.items():
        add("a" + mark, "a\u0306" + tone)
    for tone, mark in zip("\u0301\u0300\u0309\u0303\u0323", "íìæóò", strict=True):
        add(mark, "i" + tone)
    add("ñ", "đ")
    add("î", "ỵ")
    return table


@cache
def _vni_re() -> re.Pattern[str]:
    return re.compile("|".join(sorted(map(re.escape, _vni_table()), key=len, reverse=True)))


# Characters that never occur in Vietnamese but are typical of TCVN3/VNI text
# (vn-text.md §4; never the ordinary letters á à ã â ê é è ú ù ó ò õ ô).
_SUSPECT = frozenset("µ¸¶·¹¨©ª«¬®§¢£¤¥¦¡ÖÜ×ØÞßðþñøûïåäüëæîö\u00adÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÝ" + "ÅÄÜËÆÎÖ")
_SUSPECT_RE = re.compile("[" + "".join(sorted(_SUSPECT)) + "]")  # none needs escaping
_PUNCT = string.punctuation + "“”‘’…–—"


def _decode_vni(word: str) -> str:
    table = _vni_table()
    return _vni_re().sub(lambda m: table[m.group(0)], word)


def _valid(word: str) -> bool:
    runs = WORD.findall(word)
    return bool(runs) and all(is_syllable(run) for run in runs)


def _evidence(word: str, decoded: str) -> bool:
    return decoded != word and _valid(decoded) and not _valid(word)


def could_be_legacy(s: str) -> bool:
    """False when ``s`` has none of the characters legacy text is made of: :func:`ma_cu`
    then finds nothing (in this text or any piece of it)."""
    return _SUSPECT_RE.search(s) is not None


def ma_cu(s: str) -> MaCu | None:
    """Tell whether ``s`` looks like TCVN3 or VNI text; return what was found, or None.

    Needs two offending words, or one when the text has at most three words, so a stray
    symbol (``© 2024``) or a foreign name is not taken for legacy text.

    >>> ma_cu("§éc lËp - Tù do - H¹nh phóc").bang_ma
    'TCVN3'
    >>> ma_cu("Ñoäc laäp - Töï do - Haïnh phuùc").bang_ma
    'VNI'
    >>> ma_cu("Cµ Mau")
    MaCu(bang_ma='TCVN3', doan='Cµ Mau')
    >>> ma_cu("© 2024 Ban Tuyên giáo và Dân vận Tỉnh ủy") is None
    True
    """
    if not could_be_legacy(s):  # the usual case, at C speed: no word can count
        return None
    words = s.split()
    hits: dict[Literal["TCVN3", "VNI"], list[int]] = {"TCVN3": [], "VNI": []}
    for i, raw in enumerate(words):
        word = raw.strip(_PUNCT)
        if not word or not any(c in _SUSPECT for c in word):
            continue
        if not any(c.isascii() and c.isalpha() for c in word):
            continue
        if _evidence(word, word.translate(_TCVN3)):
            hits["TCVN3"].append(i)
        if _evidence(word, _decode_vni(word)):
            hits["VNI"].append(i)
    bang_ma: Literal["TCVN3", "VNI"] = "TCVN3" if len(hits["TCVN3"]) >= len(hits["VNI"]) else "VNI"
    found = hits[bang_ma]
    if len(found) >= 2 or (len(found) == 1 and len(words) <= 3):
        first = found[0]
        return MaCu(bang_ma, " ".join(words[first : first + 3]))
    return None
