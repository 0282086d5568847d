"""The fast paths of loading (issue 11) give exactly what the located paths give.

JSON is read by ``json.loads`` and its positions are found only when asked for; tone marks
are placed per space-separated token with a cache. Both must be invisible: same data, same
positions, same messages, same text.
"""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baocao.errors import DataError
from baocao.event.json_source import _parse_located, parse_json
from baocao.event.loading import parse_event
from baocao.vi import chuan_dau
from baocao.vi.syllable import WORD, place_tone

_TEXT = st.text(
    alphabet=st.sampled_from(list('aăâeêioôơuưyđAĐ hoàuỷýẹ̣\u0300\u0301\u0323\n"\\,.:{}[]1é')),
    max_size=30,
)
_SCALAR = st.none() | st.booleans() | st.integers(-(10**12), 10**12) | _TEXT
_SCALAR |= st.floats(allow_nan=False, allow_infinity=False, width=32)
_JSON = st.recursive(
    _SCALAR,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=20,
)


def _same(text: str) -> None:
    """``parse_json`` and the located parser agree on ``text``: data (with the raw
    numbers), positions and problems, or the same error."""
    try:
        slow = _parse_located(text, "e.json")
    except DataError as error:
        with pytest.raises(DataError) as fast_error:
            parse_json(text, path="e.json")
        assert [str(p) for p in fast_error.value.problems] == [str(p) for p in error.problems]
        return
    fast = parse_json(text, path="e.json")
    assert repr(fast.data) == repr(slow.data)
    assert json.dumps(fast.data) == json.dumps(slow.data)
    assert fast.problems == slow.problems
    assert fast.values == slow.values and fast.keys == slow.keys
    assert fast.where(("a", 0, "x")) == slow.where(("a", 0, "x"))


@given(_JSON, st.sampled_from([None, 1, 2]))
@settings(max_examples=300, deadline=None)
def test_json_fast_path_keeps_data_and_positions(value: object, indent: int | None) -> None:
    _same(json.dumps(value, ensure_ascii=False, indent=indent))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "null",
        '{"a": 1, "a": 2}',
        '{"a": [1, 2,]}',
        '{"a": NaN}',
        '{"a": -Infinity}',
        '{"a": 1e400}',
        '{"a": 1.500, "b": 05}',
        '{"a": 1.500, "b": -0, "c": 2E+3}',
        '{"a": ' + "9" * 40 + "}",
        "\ufeff{}",
        '{"a": 1} x',
        "[" * 300 + "]" * 300,
        '{"a": "\\ud800"}',
        '{"a": "x\ty"}',
        '"một giá trị"',
        "[1, 2]",
    ],
)
def test_json_fast_path_irregular_input(text: str) -> None:
    _same(text)


def test_json_event_errors_are_located() -> None:
    text = '{"co_quan": {"ten": "A", "viet_tat": "B", "dia_danh": "C"},\n "su_kien": {"ten": "x"}}'
    with pytest.raises(DataError) as error:
        parse_event(text.encode(), path="e.json")
    fields = {(p.field, p.line) for p in error.value.problems}
    assert fields == {("su_kien.bat_dau", 2)}  # the line of su_kien, found after the fact


def _per_word(text: str, kieu: str) -> str:
    """What ``chuan_dau`` did before: every word of the whole text through place_tone."""
    style = "cu" if kieu == "cu" else "moi"
    from baocao.vi import nfc

    normal = nfc(text)
    if normal.isascii():
        return normal
    out = WORD.sub(lambda m: place_tone(m.group(0), style), normal)
    return unicodedata.normalize("NFC", out)


@given(_TEXT, st.sampled_from(["cu", "moi"]))
@settings(max_examples=400, deadline=None)
def test_tone_tokens_match_per_word_placement(text: str, kieu: str) -> None:
    assert chuan_dau(text, kieu=kieu) == _per_word(text, kieu)


def test_tone_tokens_examples() -> None:
    text = "Uỷ ban  nhân dân tỉnh Hoà Bình, thuyên\u0300 (hoà)\u00a0khoẻ"
    assert (
        chuan_dau(text)
        == _per_word(text, "cu")
        == ("Ủy ban  nhân dân tỉnh Hòa Bình, thuyền (hòa)\u00a0khỏe")
    )
    assert chuan_dau(text, kieu="moi") == _per_word(text, "moi")
