"""The faster context helpers (issue 11) give exactly what the plain versions gave:
line wrapping that adds word widths instead of re-measuring the line, and a venue sentence
that compiles its organiser pattern only when the venue holds the name."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from baocao.template_context.measure import ngat_dong, rong_mm
from baocao.template_context.sentences import _tai

_WORDS = st.text(
    alphabet=st.sampled_from(list("aăâđêôơưiíìỳýAĐÔƯ  \u0301\u0300\u0323\u00a0ΣσςſKkß.,")),
    max_size=60,
)


def _wrap_by_measuring(text: str, rong: float, co_chu: float, dam: bool) -> list[str]:
    """Line wrapping as it was: each candidate line measured whole."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and rong_mm(candidate, co_chu, dam=dam) > rong:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    return lines


@given(_WORDS, st.floats(5, 120), st.sampled_from([11.0, 12.0, 13.0, 14.0]), st.booleans())
@settings(max_examples=400, deadline=None)
def test_wrapping_adds_widths_exactly(text: str, rong: float, co_chu: float, dam: bool) -> None:
    assert ngat_dong(text, rong, co_chu, dam=dam) == _wrap_by_measuring(text, rong, co_chu, dam)


def _tai_by_pattern(sk: dict[str, Any]) -> str:
    """The venue phrase as it was: the organiser's pattern always compiled."""
    dia_diem = " ".join(str(sk.get("dia_diem") or "").split())
    if not dia_diem:
        return ""
    if dia_diem.casefold() in {str(x).casefold() for x in [sk["to_chuc"], *sk["phoi_hop"]]}:
        return ""
    ten = " ".join(str(sk["to_chuc"]).split())
    m = re.search(rf"(^|,\s*){re.escape(ten)}(?=\s*(,|$))", dia_diem, re.IGNORECASE)
    if m:
        rest = (dia_diem[: m.start()] + dia_diem[m.end() :]).strip(" ,")
        rest = re.sub(r"\s*,\s*,\s*", ", ", rest)
        return f"tại {rest}, " if rest else ""
    return f"tại {dia_diem}, "


_NAMES = st.text(alphabet=st.sampled_from(list("SởNộivụSỞNỘIVỤ ,ſsKkΣσςßẞİi")), max_size=14)


@given(_NAMES, _NAMES, _NAMES)
@settings(max_examples=400, deadline=None)
def test_venue_phrase_unchanged(ten: str, before: str, after: str) -> None:
    for dia_diem in (f"{before}, {ten}", f"{ten}, {after}", f"{before}{ten}{after}", before):
        sk = {"to_chuc": ten, "phoi_hop": [], "dia_diem": dia_diem}
        assert _tai(sk) == _tai_by_pattern(sk)


def test_venue_phrase_examples() -> None:
    sk = {"to_chuc": "Sở Nội vụ", "phoi_hop": [], "dia_diem": "Hội trường tầng 3, SỞ NỘI VỤ"}
    assert _tai(sk) == "tại Hội trường tầng 3, "
    sk = {"to_chuc": "Sở Nội vụ", "phoi_hop": [], "dia_diem": "Hội trường A"}
    assert _tai(sk) == "tại Hội trường A, "
