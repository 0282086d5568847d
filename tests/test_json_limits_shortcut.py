"""The JSON fast path counts values by the lengths of their containers, visiting only the
containers (issue 11); it must say what counting every value says."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from baocao.event import json_source
from baocao.event.limits import MAX_DEPTH, MAX_NODES

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=3),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=2), inner, max_size=4)
    ),
    max_leaves=40,
)


def _every_value(data: Any) -> bool:
    """The limits, counting every value one by one (the former walk)."""
    count = 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            return False
        if isinstance(value, dict | list):
            if depth >= MAX_DEPTH:
                return False
            stack.extend(
                (item, depth + 1) for item in (value.values() if isinstance(value, dict) else value)
            )
    return True


def _nested(depth: int) -> Any:
    value: Any = 1
    for i in range(depth):
        value = [value] if i % 2 else {"k": value}
    return value


@given(_JSON)
@example(_nested(MAX_DEPTH - 1))
@example(_nested(MAX_DEPTH))
@example(_nested(MAX_DEPTH + 1))
@example([[]] * 3)
def test_counting_by_lengths_is_counting_every_value(data: Any) -> None:
    data = json.loads(json.dumps(data))
    assert json_source._within_limits(data) == _every_value(data)


@pytest.mark.parametrize("size", [MAX_NODES - 2, MAX_NODES - 1, MAX_NODES, MAX_NODES + 5])
def test_the_node_limit_is_the_same(size: int) -> None:
    for data in ([0] * size, {"a": [[0] * (size // 2), [1] * (size - size // 2)]}):
        assert json_source._within_limits(data) == _every_value(data)
