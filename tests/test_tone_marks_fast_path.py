"""``chuan_dau`` returns a text whose every token is already right without joining it again
(issue 11). It must give what placing every token and normalising the whole gives, for any
text, in both styles, whatever texts it saw before (the set of right tokens it keeps)."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from baocao.vi import chuan_dau, nfc
from baocao.vi.text import _place_tones
from test_vi_properties import vietnamese_text


def _reference(text: str, kieu: str) -> str:
    """Every space-separated token placed, then the whole put in NFC (the former way)."""
    style = "cu" if kieu == "cu" else "moi"
    text = nfc(text)
    if text.isascii():
        return text
    out = " ".join(t if t.isascii() else _place_tones(t, style) for t in text.split(" "))
    return unicodedata.normalize("NFC", out)


_ANY = st.one_of(vietnamese_text, st.text(max_size=30))


@given(st.lists(_ANY, min_size=1, max_size=5), st.sampled_from(["cu", "moi"]))
@example(["hòa hoà", "hoà hòa"], "cu")
@example(["uỷ ban", "ủy ban Ủy"], "moi")
@example(["Ðảng ủy", "\u00f0ồng chí Guðrún"], "cu")
@example(["e\u0301 ", " a\u0300\u0301 hoa\u0300"], "moi")
def test_same_as_placing_every_token(texts: list[str], kieu: str) -> None:
    for text in texts + texts[::-1]:  # the second time, tokens come from the set
        assert chuan_dau(text, kieu=kieu) == _reference(text, kieu)


_LOOK_ALIKES = st.lists(
    st.sampled_from(["\u00d0", "\u0189", "\u00f0", "\u0256", "a", "ng", "\u0300", " ", "ảng", "Gu"])
).map("".join)


@given(st.one_of(_LOOK_ALIKES, _ANY), st.sampled_from(["cu", "moi"]))
@example("\u00d0\u00f0a\u0300ng", "cu")
@example("Gu\u00f0r\u00fan \u00d0\u0300", "moi")
def test_the_models_replacement_may_come_before_nfc(text: str, kieu: str) -> None:
    """The event model replaces the look-alike Ð before chuan_dau's NFC, not after."""
    before = chuan_dau(text.replace("\u00d0", "\u0110"), kieu=kieu)
    assert before == chuan_dau(nfc(text).replace("\u00d0", "\u0110"), kieu=kieu)
