"""The one-pass YAML reader (libyaml's events straight to data and positions) gives exactly
what the node-graph path gives: the same data with the same types (``RawInt``/``RawFloat``
and how they were written), the same positions of values and keys, the same warnings and
problems, the same errors; anything irregular falls back to the node-graph path.

Checked on every YAML (and JSON) file of examples/ and tests/, the broken files and
generated hostile texts of the invalid-input corpus, and generated YAML texts (block and
flow, every scalar style, numbers, dates, booleans, nulls, comments, Vietnamese, duplicate
keys, odd indentation, anchors and tags)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from baocao.errors import DataError
from baocao.event import yaml_source
from baocao.event.limits import MAX_STRING, decode_text
from baocao.event.located import Located, RawFloat, RawInt
from baocao.event.yaml_events import one_pass
from conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")

VALID_HEAD = (
    "co_quan:\n  ten: Ban Dân vận\n  viet_tat: BDVTU\n  dia_danh: Cà Mau\n"
    "su_kien:\n  ten: hội nghị\n  bat_dau: 1/11/2024\n"
)


def _shape(value: Any) -> Any:
    """``value`` with every type spelled out (``5 == 5.0 == True`` must not pass)."""
    if isinstance(value, dict):
        return ("dict", [(type(k).__name__, k, _shape(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_shape(v) for v in value])
    if isinstance(value, RawInt | RawFloat):
        return (type(value).__name__, repr(value), value.raw)
    return (type(value).__name__, repr(value))


def _located(tree: Located) -> Any:
    return (
        _shape(tree.data),
        list(tree.values.items()),  # in the same order, too
        list(tree.keys.items()),
        tree.problems,
        tree.warnings,
    )


def _outcome(parse: Any, text: str) -> Any:
    try:
        return ("tree", _located(parse(text, path="e.yaml")))
    except DataError as error:
        return ("error", error.problems)


def _same(text: str) -> Located | None:
    """Assert that parse_yaml (one pass when it can) = the node-graph path; the one-pass
    result, or None when it fell back."""
    slow = _outcome(yaml_source.parse_composed, text)
    assert _outcome(yaml_source.parse_yaml, text) == slow
    fast = one_pass(text, path="e.yaml")
    if fast is not None:
        assert ("tree", _located(fast)) == slow
    return fast


def _yaml_files() -> list[Path]:
    return sorted(
        p
        for folder in (EXAMPLES, ROOT / "tests")
        for p in folder.rglob("*")
        if p.suffix in {".yaml", ".yml", ".json"} and p.is_file()  # JSON is YAML, too
    )


def _text(path: Path) -> str | None:
    try:
        return decode_text(path.read_bytes(), path=str(path))
    except DataError:
        return None  # not text: the loader stops before parsing


VALID = {p for p in _yaml_files() if "invalid" not in p.parts and p.suffix != ".json"}


def test_the_corpus_is_there() -> None:
    assert len(_yaml_files()) >= 80 and len(VALID) >= 10


@pytest.mark.parametrize("path", _yaml_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_same_result_on_every_yaml_file(path: Path) -> None:
    text = _text(path)
    if text is None:
        return
    fast = _same(text)
    if path in VALID:  # an ordinary file is read in one pass
        assert fast is not None


def _hostile() -> dict[str, str]:
    """The generated inputs of tests/test_loading_invalid.py (and a few more)."""
    anchors = "x: &x [" + ", ".join(["a"] * 2000) + "]\n"
    refs = "y: [" + ", ".join(["*x"] * 10) + "]\nz: [" + ", ".join(["*x"] * 40) + "]\n"
    rows = "x: &x [" + ", ".join(["a"] * 20_000) + "]\n"
    return {
        "huge-string": VALID_HEAD + "  dia_diem: " + "a" * (MAX_STRING + 1) + "\n",
        "string-at-limit": VALID_HEAD + "  dia_diem: " + "a" * MAX_STRING + "\n",
        "deep-flow": VALID_HEAD + "nhan_vat: " + "[" * 2000 + "]" * 2000 + "\n",
        "deep-50": "a: " + "[" * 49 + "]" * 49 + "\n",
        "deep-51": "a: " + "[" * 50 + "]" * 50 + "\n",
        "deep-block": "".join(" " * i + f"k{i}:\n" for i in range(60)),
        "many-aliases": anchors + refs,
        "alias-expansion": rows + "y: [" + ", ".join(["*x"] * 6) + "]\n",
        "too-many": "a: [" + ", ".join(["1"] * 100_001) + "]\n",
        "just-enough": "a: [" + ", ".join(["1"] * 99_997) + "]\n",
        "long-int": "a: " + "9" * 31 + "\nb: " + "9" * 30 + "\n",
        "long-float": "a: 1." + "0" * 59 + "\nb: 1." + "0" * 58 + "\n",
        "inf": "a: 1e999\nb: -1e999\nc: .inf\nd: .nan\n",
    }


@pytest.mark.parametrize("name", sorted(_hostile()))
def test_same_result_on_generated_hostile_inputs(name: str) -> None:
    _same(_hostile()[name])


def test_fallbacks_and_the_fast_path() -> None:
    # what is read in one pass
    for text in (
        "a: 1\n",
        "---\na: [x, y]\n...\n",
        "%YAML 1.1\n---\n- a\n",
        "",
        "# only a comment\n",
        "---\n",
        "just text\n",
        "a: [b, c]\nd: [e, [f, g], h]\n",
    ):
        assert _same(text) is not None, text
    # what falls back (and still gives the same)
    for text in (
        "a: &x 1\nb: *x\n",
        "a: !!str 5\n",
        "a: !foo x\n",
        "<<: {a: 1}\n",
        "? [a]\n: b\n",
        "a: 1\na: 2\n",
        "a: 1\n---\nb: 2\n",
        "a: b: c\n",
        "a: 1e999\n",
        "a: [" + "[" * 60 + "]" * 60 + "]\n",
    ):
        assert _same(text) is None, text


def test_warning_order_follows_the_lists() -> None:
    text = "a: [Hà Nội, b, [C, d, [E, f]], g]\nh: [I, j]\n"
    tree = _same(text)
    assert tree is not None
    assert [p.field for p in tree.warnings] == ["a.1", "a.3", "a.2.1", "a.2.2.1", "h.1"]


# --- generated YAML texts --------------------------------------------------------------------

_WORDS = [
    "05",
    "1.500",
    "150.000.000",
    "1/11/2024",
    "2024-11-01",
    "yes",
    "no",
    "true",
    "True",
    "FALSE",
    "on",
    "null",
    "Null",
    "~",
    "1e3",
    "-7",
    "+3",
    ".5",
    "1_000",
    "0x1F",
    "12:30",
    ".inf",
    "Hòa Bình",
    "cán bộ các xã",
    "Ủy ban nhân dân tỉnh",
    "Đắk Lắk",
    "phường",
    "thị trấn",
    "Nguyễn Văn A",
    "x",
]
_SAFE = "aAbxyzĐđàáạảãôơưễệỹ 0123456789.,/-"
_ALPHABET = _SAFE + ":#'\"!&*?[]{}|>%@`"  # now and then a character YAML reads as syntax
_KEYS = ["a", "b", "c", "d", "tên", "Đắk Lắk", "ho_ten", "chức vụ", "x y", "05", "true", "null"]
_KEYS += ["'a'", '"b"', "<<"]
_PLAIN = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS),
    st.text(_SAFE, min_size=1, max_size=10).map(lambda t: t.lstrip(" ,-") or "x"),
)
_QUOTED = st.one_of(st.sampled_from(_WORDS), st.text(_ALPHABET, max_size=8))


@st.composite
def _scalar(draw: st.DrawFn) -> str:
    """One scalar as written on a line: plain, single- or double-quoted."""
    style = draw(st.sampled_from(["plain", "plain", "plain", "single", "double"]))
    if style == "single":
        return "'" + draw(_QUOTED).replace("'", "''") + "'"
    if style == "double":
        return '"' + draw(_QUOTED).replace("\\", "\\\\").replace('"', '\\"') + '"'
    text = draw(_PLAIN)
    return text


@st.composite
def _flow(draw: st.DrawFn, depth: int) -> str:
    """A flow value: scalar, ``[...]`` or ``{...}``, nested."""
    kind = draw(st.sampled_from(["scalar", "list", "map"] if depth < 3 else ["scalar"]))
    if kind == "scalar":
        return draw(_scalar())
    items = draw(st.lists(_flow(depth + 1), max_size=4))
    space = draw(st.sampled_from([" ", "", "  "]))
    if kind == "list":
        return "[" + ("," + space).join(items) + "]"
    keys = draw(st.lists(st.sampled_from(_KEYS), min_size=len(items), max_size=len(items)))
    return "{" + ("," + space).join(f"{k}: {v}" for k, v in zip(keys, items, strict=True)) + "}"


_COMMENTS = [" # ghi chú", "  #c", " #"] * 2


def _decorate(draw: st.DrawFn, line: str) -> str:
    """Sometimes a node property (anchor, alias, tag) or a comment."""
    extra = draw(st.sampled_from([""] * 120 + ["&x ", "!!str ", "!t ", "*x"] + _COMMENTS * 5))
    if extra in _COMMENTS:
        return line + extra
    return extra + line if extra != "*x" else extra


@st.composite
def _block(draw: st.DrawFn, indent: int, depth: int) -> tuple[str, list[str]]:
    """A value after ``key:`` or ``- ``: (what stays on that line, the lines below)."""
    kinds = ["flow", "flow", "literal"] + (["map", "list"] * 2 if depth < 4 else [])
    kind = draw(st.sampled_from(kinds))
    step = draw(st.sampled_from([2, 2, 2, 4, 1, 3]))
    inner = indent + step
    if kind == "flow":
        return _decorate(draw, draw(_flow(depth))), []
    if kind == "literal":
        head = draw(st.sampled_from(["|", ">", "|-", ">+", "|2", ">-"]))
        lines = draw(
            st.lists(st.text(_ALPHABET, max_size=12).map(str.lstrip), min_size=1, max_size=3)
        )
        return head, [" " * inner + line for line in lines]
    if kind == "list" and draw(st.booleans()):
        inner = indent  # "key:\n- a": a list may start at the key's column
    body = draw(_map_lines(inner, depth + 1) if kind == "map" else _list_lines(inner, depth + 1))
    return draw(st.sampled_from([""] * 40 + [" # c"] * 3 + [" &y", " !!seq"])), body


@st.composite
def _map_lines(draw: st.DrawFn, indent: int, depth: int) -> list[str]:
    lines: list[str] = []
    for key in draw(st.lists(st.sampled_from(_KEYS), min_size=1, max_size=4)):
        here = indent + draw(st.sampled_from([0] * 60 + [1, -1]))  # now and then off by one
        head, below = draw(_block(max(here, 0), depth))
        lines.append(" " * max(here, 0) + f"{key}:" + (" " + head if head else ""))
        lines += below
        after = draw(st.sampled_from([None] * 8 + ["", "# một dòng ghi chú", "   # lệch"]))
        if after is not None:
            lines.append(after)
    return lines


@st.composite
def _list_lines(draw: st.DrawFn, indent: int, depth: int) -> list[str]:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        head, below = draw(_block(indent + 2, depth))
        lines.append(" " * indent + "-" + (" " + head if head else ""))
        lines += below
    return lines


@st.composite
def yaml_texts(draw: st.DrawFn) -> str:
    """A YAML text as a clerk might write one (and now and then as one might get wrong)."""
    root = draw(st.sampled_from(["map"] * 6 + ["list", "flow", "empty"]))
    if root == "map":
        lines = draw(_map_lines(0, 0))
    elif root == "list":
        lines = draw(_list_lines(0, 0))
    elif root == "flow":
        lines = [draw(_flow(0))]
    else:
        lines = [] if draw(st.booleans()) else ["# trống"]
    start = draw(st.sampled_from([""] * 8 + ["---\n", "%YAML 1.1\n---\n", "# đầu\n"]))
    end = draw(st.sampled_from([""] * 16 + ["...\n", "---\nb: 1\n", "\n\n"]))
    text = start + "".join(line + "\n" for line in lines) + end
    # now and then a slip: a character YAML reads as syntax, a line shifted or cut short
    slip = draw(st.sampled_from([None] * 12 + ["char", "shift", "cut"]))
    if slip is None or not text:
        return text
    at = draw(st.integers(0, len(text) - 1))
    if slip == "char":
        return text[:at] + draw(st.sampled_from(":#'\"!&*?[]{}|>%@`-, ")) + text[at:]
    if slip == "shift":
        start = text.rfind("\n", 0, at) + 1
        return text[:start] + " " + text[start:]
    return text[:at] + text[at + 1 :]


@settings(max_examples=200, deadline=None)
@given(yaml_texts())
@example("a: [Ủy ban nhân dân tỉnh, Các xã, phường]\nb: {c: [x, y]}\n")
@example("a: [05, b, true, c, ~, d, 'Q', e, [x], f, 1.500, g, {h: i}, j, '|', k, null, l]\n")
@example("a:\n- 05\n- 1.500\n- 150.000.000\n- 1/11/2024\n- 2024-11-01\n- yes\n- ~\n")
@example("a: |\n  dòng một\n  dòng hai\nb: >-\n  gấp\n  lại\nc: 'x' # c\n")
@example("a:\n   b: 1\n   c:\n     - x\n     -  y\n")
def test_same_result_on_generated_yaml(text: str) -> None:
    _same(text)


@settings(max_examples=150, deadline=None)
@given(
    st.recursive(
        st.one_of(
            st.text(max_size=12), st.integers(), st.floats(), st.booleans(), st.none(), st.dates()
        ),
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(_KEYS), inner, max_size=3)
        ),
        max_leaves=12,
    ),
    st.booleans(),
)
def test_same_result_on_dumped_data(data: object, flow: bool) -> None:
    _same(yaml.safe_dump({"root": data}, allow_unicode=True, default_flow_style=flow))
