"""Any mutation of a valid file validates or yields messages: never another exception."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baocao.errors import DataError
from baocao.event.loading import parse_event
from baocao.event.model import Event
from conftest import example_files

# messages in Vietnamese, whatever an earlier test in this process chose (conftest)
pytestmark = pytest.mark.usefixtures("vietnamese")


SOURCES = [(p.name, p.read_bytes()) for p in example_files()]
SIGNIFICANT = [*":-[]{}&*!|>'\"%@`#,?\t\n \\", "\x00", "\x85", "ủ", "\ufeff", "©", "—"]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(data: bytes, name: str) -> None:
    try:
        event = parse_event(data, path=name)
    except DataError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.message and problem.path == name
            if problem.line is not None:
                assert problem.line >= 1 and (problem.column or 1) >= 1
    else:
        assert isinstance(event, Event) and event.dau_thanh in {"cu", "moi"}


@SETTINGS
@given(
    source=st.sampled_from(SOURCES),
    edits=st.lists(
        st.tuples(
            st.sampled_from(["flip", "insert", "delete"]), st.floats(0, 1), st.integers(0, 255)
        ),
        min_size=1,
        max_size=8,
    ),
)
def test_byte_mutations(source: tuple[str, bytes], edits: list[tuple[str, float, int]]) -> None:
    name, data = source
    buffer = bytearray(data)
    for kind, where, byte in edits:
        i = min(int(where * len(buffer)), len(buffer) - 1)
        if kind == "flip":
            buffer[i] = byte
        elif kind == "insert":
            buffer.insert(i, byte)
        elif len(buffer) > 1:
            del buffer[i]
    check(bytes(buffer), name)


@SETTINGS
@given(
    source=st.sampled_from(SOURCES),
    edits=st.lists(
        st.tuples(
            st.sampled_from(["insert", "drop-line", "copy-line", "indent", "replace-value"]),
            st.floats(0, 1),
            st.text(alphabet=st.sampled_from(SIGNIFICANT + list("09/.ab")), max_size=6),
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_text_mutations(source: tuple[str, bytes], edits: list[tuple[str, float, str]]) -> None:
    name, data = source
    text = data.decode("utf-8")
    for kind, where, snippet in edits:
        lines = text.split("\n")
        n = min(int(where * len(lines)), len(lines) - 1)
        if kind == "insert":
            i = int(where * len(text))
            text = text[:i] + snippet + text[i:]
            continue
        if kind == "drop-line":
            del lines[n]
        elif kind == "copy-line":
            lines.insert(n, lines[n])
        elif kind == "indent":
            lines[n] = " " * len(snippet) + lines[n]
        elif ":" in lines[n]:
            lines[n] = lines[n].split(":", 1)[0] + ": " + snippet
        text = "\n".join(lines)
    check(text.encode("utf-8"), name)


@SETTINGS
@given(st.binary(max_size=300))
def test_arbitrary_bytes(data: bytes) -> None:
    check(data, "x.yaml")
    check(data, "x.json")
    check(data, "x")
