"""Vietnamese syllables: split one into onset, vowels and coda, and place its tone mark.

Used by :func:`baocao.vi.text.chuan_dau` (tone-mark style) and by the legacy-encoding
detector (a token that decodes to valid syllables is evidence of TCVN3/VNI text).

>>> parse("Nguyễn")
Syllable(onset='ng', vowels='uyê', coda='n', tone='̃')
>>> parse("quý").onset, parse("gìn").onset, parse("già").onset
('qu', 'g', 'gi')
>>> parse("Renée") is None, parse("Đắk") is None, parse("iPhone") is None
(True, True, True)
>>> place_tone("hòa", "moi"), place_tone("hoà", "cu"), place_tone("hòang", "cu")
('hoà', 'hòa', 'hoàng')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal, NamedTuple

Kieu = Literal["cu", "moi"]

#: The five combining tone marks: huyền, sắc, ngã, hỏi, nặng.
TONES = "\u0300\u0301\u0303\u0309\u0323"
VOWELS = "aăâeêioôơuưy"
HATTED = "ăâêôơư"
ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
)  # fmt: skip
CODAS = frozenset({"", "c", "ch", "m", "n", "ng", "nh", "p", "t"})
#: Vowel nuclei (after the onset: the ``u`` of ``qu`` and the ``i`` of ``gi`` belong to it,
#: so ``quỵu`` has nucleus ``yu``).
_OPEN_ONLY = frozenset([
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui",
    "ưa", "ưi", "ưu", "uơ", "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "uya",
    "uyu", "ươi", "ươu", "uêu", "yu",
])  # fmt: skip
_CLOSED_ONLY = frozenset(["ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê", "oo"])
_EITHER = frozenset(["a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy"])
_RIME = re.compile(f"([{VOWELS}]{{1,3}})(c|ch|m|n|ng|nh|p|t)?")
#: A run of letters, found on NFC text (on NFD text ``\\w`` stops at combining marks). Combining
#: marks belong to the word, so a tone typed after a consonant (``Viêṭ``, NFC cannot compose
#: it) is still seen as that syllable's tone and put back on its vowel.
WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")


class Syllable(NamedTuple):
    """A parsed syllable, lower case, tone removed; ``tone`` is the combining mark or ``""``."""

    onset: str
    vowels: str
    coda: str
    tone: str


def _strip_tone(word: str) -> tuple[str, list[str]]:
    """The NFC base (tone marks removed, case kept) and the tone marks found."""
    nfd = unicodedata.normalize("NFD", word)
    tones = [c for c in nfd if c in TONES]
    base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONES))
    return base, tones


def _split(base: str) -> tuple[str, str, str] | None:
    onset = next((o for o in ONSETS if base.startswith(o)), "")
    rest = base[len(onset) :]
    if onset == "gi" and (not rest or rest[0] not in VOWELS):
        onset, rest = "g", base[1:]
    match = _RIME.fullmatch(rest)
    if match is None:
        return None
    vowels, coda = match.group(1), match.group(2) or ""
    if vowels not in (_CLOSED_ONLY if coda else _OPEN_ONLY) and vowels not in _EITHER:
        return None
    return onset, vowels, coda


def parse(word: str) -> Syllable | None:
    """Parse one word as a Vietnamese syllable; None when it is not one.

    A word with two or more tone marks, a letter outside the Vietnamese alphabet, or a
    shape Vietnamese does not have (coda ``k``, onset ``z``…) is not a syllable.

    >>> parse("thuyền")
    Syllable(onset='th', vowels='uyê', coda='n', tone='̀')
    >>> parse("résumé") is None
    True
    """
    base, tones = _strip_tone(word)
    if len(tones) > 1:
        return None
    lower = base.lower()
    if len(lower) != len(base):
        return None
    parts = _split(lower)
    if parts is None:
        return None
    return Syllable(*parts, tones[0] if tones else "")


def _tone_index(vowels: str, coda: str, kieu: Kieu) -> int:
    hats = [i for i, ch in enumerate(vowels) if ch in HATTED]
    if hats:
        return hats[-1]
    if len(vowels) == 1:
        return 0
    if len(vowels) == 3:
        return 1
    if coda:
        return len(vowels) - 1
    if vowels in ("oa", "oe", "uy"):
        return 1 if kieu == "moi" else 0
    return 0


@lru_cache(maxsize=8192)
def place_tone(word: str, kieu: Kieu) -> str:
    """Put the tone mark of one word where style ``kieu`` wants it (NFC result).

    Words that are not Vietnamese syllables, or carry no tone mark, come back unchanged
    (in NFC).

    >>> place_tone("UỶ", "cu"), place_tone("Thủy", "moi"), place_tone("qúy", "cu")
    ('ỦY', 'Thuỷ', 'quý')
    """
    if word.isascii():
        return word
    base, tones = _strip_tone(word)
    if len(tones) != 1:
        return unicodedata.normalize("NFC", word)
    lower = base.lower()
    parts = _split(lower) if len(lower) == len(base) else None
    if parts is None:
        return unicodedata.normalize("NFC", word)
    onset, vowels, coda = parts
    i = len(onset) + _tone_index(vowels, coda, kieu)
    return unicodedata.normalize("NFC", base[: i + 1] + tones[0] + base[i + 1 :])


def is_syllable(word: str) -> bool:
    """True when ``word`` is a Vietnamese syllable (any case, tone mark anywhere).

    >>> is_syllable("Việt"), is_syllable("nghóa"), is_syllable("Jürgen")
    (True, True, False)
    """
    return parse(word) is not None
