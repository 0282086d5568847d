"""docs/dev/contracts.md stays true: the names it gives exist, the parameters it writes after
a function are that function's (and name every required one), the paths exist, and the
behaviours it marks *(tested)* hold."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, ROOT

DOC = ROOT / "docs" / "dev" / "contracts.md"
TEXT = DOC.read_text(encoding="utf-8")
# `baocao.a.b.name` or `baocao.a.b.name(x, y)` inside one pair of backticks; a call written
# over a line break keeps its parameters
_NAME = re.compile(r"`(baocao(?:\.\w+)+)(?:\(([^`)]*)\))?")
_PATH = re.compile(r"`(src/baocao/[\w/.]+)`")


def _resolve(dotted: str) -> Any:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise AssertionError(dotted)


_FILES = (".toml", ".yaml", ".json", ".md", ".docx")  # `baocao.toml` is a file, not a name
NAMES = sorted({m.group(1) for m in _NAME.finditer(TEXT) if not m.group(1).endswith(_FILES)})
CALLS = sorted(
    {
        (m.group(1), " ".join(m.group(2).split()))
        for m in _NAME.finditer(TEXT)
        if m.group(2) is not None
    }
)


def test_the_doc_names_things() -> None:
    assert len(NAMES) > 60 and len(CALLS) > 40


@pytest.mark.parametrize("dotted", NAMES)
def test_every_name_in_the_doc_exists(dotted: str) -> None:
    try:
        _resolve(dotted)
    except (AttributeError, AssertionError):
        pytest.fail(f"docs/dev/contracts.md names `{dotted}`, which does not exist")


@pytest.mark.parametrize(("dotted", "params"), CALLS)
def test_documented_parameters_are_the_functions(dotted: str, params: str) -> None:
    func = _resolve(dotted)
    signature = inspect.signature(func)
    actual = [
        p
        for p in signature.parameters.values()
        if p.name not in ("self", "cls") and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    written = [w.strip() for w in params.split(",") if w.strip()]
    names = {p.name for p in actual}
    unknown = [w for w in written if w not in names]
    assert not unknown, f"contracts.md: {dotted} has no parameter {unknown}; it has {names}"
    required = [p.name for p in actual if p.default is p.empty and not p.name.startswith("_")]
    missing = [r for r in required if r not in written]
    assert not missing, f"contracts.md: {dotted}({params}) leaves out {missing}"


@pytest.mark.parametrize("path", sorted(set(_PATH.findall(TEXT))))
def test_every_path_in_the_doc_exists(path: str) -> None:
    assert (ROOT / path).exists(), f"docs/dev/contracts.md names {path}, which does not exist"


def test_every_subpackage_is_in_the_layout_table() -> None:
    packages = sorted(p.parent.name for p in (ROOT / "src" / "baocao").glob("*/__init__.py"))
    for name in packages:
        assert f"`src/baocao/{name}/`" in TEXT, f"contracts.md: layout table lacks {name}/"


def test_check_files_returns_warnings_or_raises(tmp_path: Path) -> None:
    """(tested) check_files calls on_valid for the good files and returns their warnings;
    with a bad file among them it raises one DataError with that file's problems."""
    from baocao.errors import DataError
    from baocao.event.loading import check_files

    good = next(EXAMPLES.glob("*.yaml"))
    bad = tmp_path / "sai.yaml"
    bad.write_text("the_thuc: nha_nuoc\n", encoding="utf-8")
    seen: list[str] = []
    warnings = check_files([good], on_valid=seen.append)
    assert isinstance(warnings, list) and all(w.is_warning for w in warnings)
    with pytest.raises(DataError) as info:
        check_files([bad, good], on_valid=seen.append)
    assert seen == [str(good), str(good)]
    errors = [p for p in info.value.problems if not p.is_warning]
    assert errors and all(p.path == str(bad) for p in errors)


def test_write_atomic_never_overwrites_without_force(tmp_path: Path) -> None:
    """(tested) an existing target without force: RenderError, the file untouched, no
    temporary file left; with force it is replaced."""
    from baocao.errors import RenderError
    from baocao.rendering.atomic import write_atomic

    target = tmp_path / "a.docx"
    write_atomic(target, b"one")
    with pytest.raises(RenderError):
        write_atomic(target, b"two")
    assert target.read_bytes() == b"one"
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]
    write_atomic(target, b"three", force=True)
    assert target.read_bytes() == b"three"


def test_write_atomic_links_rather_than_renames_without_force() -> None:
    """The doc says the no-force path links (os.link) and the force path renames."""
    from baocao.rendering import atomic

    source = inspect.getsource(atomic.write_atomic)
    assert "os.link(" in source and ".replace(path)" in source
    assert "os.replace" not in TEXT
