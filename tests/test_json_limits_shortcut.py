"""The JSON fast path skips the walk over the data when the text alone shows the limits
hold (``json_source._small``); that must never let through what the walk refuses."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from baocao.event import json_source
from baocao.event.limits import MAX_DEPTH

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet="ab[{", max_size=3),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner, max_size=3)
    ),
    max_leaves=30,
)


def _nested(depth: int) -> Any:
    value: Any = 1
    for i in range(depth):
        value = [value] if i % 2 else {"k": value}
    return value


@given(_JSON, st.sampled_from([None, 0, 2]))
@example(_nested(MAX_DEPTH - 1), None)
@example(_nested(MAX_DEPTH), None)
@example(_nested(MAX_DEPTH + 1), 0)
def test_small_text_means_within_limits(data: Any, indent: int | None) -> None:
    text = json.dumps(data, indent=indent, ensure_ascii=False)
    if json_source._small(text):
        assert json_source._within_limits(json.loads(text))


def test_deep_data_is_not_small() -> None:
    text = json.dumps(_nested(MAX_DEPTH + 1))
    assert not json_source._small(text)
    assert not json_source._within_limits(json.loads(text))
