"""Run the examples in every baocao module's docstrings (they are part of the reference)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import baocao

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(baocao.__path__, "baocao.")
    if not m.name.startswith("baocao.cli") and m.name != "baocao.__main__"
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"
