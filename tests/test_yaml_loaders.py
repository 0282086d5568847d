"""The two YAML paths: libyaml's parser (fast, for files that parse) and pure PyYAML (every
error message). Both must give the same data, the same positions and the same problems."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from baocao.errors import DataError
from baocao.event import yaml_source
from baocao.event.located import Located
from conftest import EXAMPLES, FIXTURES


def _texts() -> list[Path]:
    files = [*EXAMPLES.glob("*.yaml"), *(FIXTURES / "events" / "valid").glob("*.yaml")]
    return sorted(p for p in files if p.read_bytes()[:2] not in (b"\xff\xfe", b"\xfe\xff"))


def _with(loader: type, text: str) -> Located | str:
    """parse_yaml with only ``loader``: the Located, or the problems it raised."""
    saved = yaml_source._LOADERS
    yaml_source._LOADERS = (loader,)
    try:
        return yaml_source.parse_yaml(text, path="e.yaml")
    except DataError as exc:
        return "\n".join(str(p) for p in exc.problems)
    finally:
        yaml_source._LOADERS = saved


def _same(text: str) -> None:
    fast = _with(yaml_source._FastLoader, text)
    slow = _with(yaml_source._Loader, text)
    if isinstance(slow, str) or isinstance(fast, str):
        return  # an error: parse_yaml always reports the pure-Python parser's (tested below)
    assert (fast.data, fast.values, fast.keys) == (slow.data, slow.values, slow.keys)
    assert [str(p) for p in fast.problems] == [str(p) for p in slow.problems]


pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")


def test_libyaml_is_used_first() -> None:
    assert yaml_source._LOADERS[0] is yaml_source._FastLoader
    assert issubclass(yaml_source._FastLoader, yaml.CSafeLoader)
    assert issubclass(yaml_source._Loader, yaml.SafeLoader)


@pytest.mark.parametrize("path", _texts(), ids=lambda p: p.name)
def test_both_parsers_agree_on_real_files(path: Path) -> None:
    _same(path.read_text(encoding="utf-8-sig"))


def test_both_parsers_agree_on_aliases_duplicates_and_non_ascii_columns() -> None:
    _same("a: &x [Hòa, 'Đắk Lắk', \"ủy\"]\nb: *x\nc: {d: 1, d: 2}\nđ: !foo bar\ne: 05\n")


def test_errors_and_limits_come_from_the_pure_python_parser() -> None:
    bomb = "a: &a [x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20)
    )
    deep = "a: " + "[" * 60 + "]" * 60 + "\n"
    for text in ("a: b: c\n", "a:\n\t- b\n", "a: 'x\n", deep, bomb):
        with pytest.raises(DataError) as raised:
            yaml_source.parse_yaml(text, path="e.yaml")
        assert "\n".join(str(p) for p in raised.value.problems) == _with(yaml_source._Loader, text)


_KEYS = st.sampled_from(["a", "b", "tên", "Đắk", "x y"])
_SCALARS = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12),
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.none(),
)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_KEYS, inner, max_size=3)),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(_DATA, st.booleans())
def test_both_parsers_agree_on_any_dumped_data(data: object, flow: bool) -> None:
    _same(yaml.safe_dump({"root": data}, allow_unicode=True, default_flow_style=flow))
