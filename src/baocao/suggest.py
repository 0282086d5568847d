"""One "did you mean" for every message: the choice a mistyped name was probably meant to be.

Used for event keys and enum values (:mod:`baocao.event.explain`), template variables, keys
and filter arguments (:mod:`baocao.lint.names`), tag names (:mod:`baocao.lint.messages`) and
template names (:mod:`baocao.registry`).

Names are compared by their :func:`key`: lower case, Vietnamese marks dropped
(:func:`baocao.vi.text.khong_dau`, the one accent stripper), every run of spaces, hyphens and
underscores made one ``_``. A choice with the same key as the word wins; otherwise the choice
whose key is closest by :class:`difflib.SequenceMatcher`'s ratio, if that ratio is at least
:data:`CUTOFF`.

>>> did_you_mean("diadiem", ["dia_diem", "dia_danh", "ten"])
'dia_diem'
>>> did_you_mean("Địa điểm", ["dia_diem", "dia_danh"])
'dia_diem'
>>> did_you_mean("thong_cao", ["tin-bai", "thong-cao"])
'thong-cao'
>>> did_you_mean("xyz", ["dia_diem"]) is None
True
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from baocao.vi.text import khong_dau

__all__ = ["CUTOFF", "did_you_mean", "key"]

#: The least similarity (difflib ratio of the keys, 0…1) for a hint: 0.65 finds one letter
#: wrong, missing or doubled in a name (``diadiem``, ``endfr``, ``thong-cau``) and a name
#: with a word too many (``thong-cao-bao-chi`` → ``thong-cao``, 0.69), and gives no hint where
#: the closest name is another thing (``bao-cao`` is only 0.63 from ``thong-cao``).
CUTOFF = 0.65

_SEPARATORS = re.compile(r"[\s\-_]+")


def key(name: str) -> str:
    """``name`` as compared: ``Địa-Điểm  mới`` → ``dia_diem_moi``.

    >>> key("Địa-Điểm  mới")
    'dia_diem_moi'
    """
    return _SEPARATORS.sub("_", khong_dau(name).strip().lower())


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """The choice ``word`` was probably meant to be, or None (see the module docstring)."""
    by_key: dict[str, str] = {}
    for choice in choices:
        by_key.setdefault(key(choice), choice)
    wanted = key(word)
    if wanted in by_key:
        return by_key[wanted]
    found = difflib.get_close_matches(wanted, list(by_key), n=1, cutoff=CUTOFF)
    return by_key[found[0]] if found else None
