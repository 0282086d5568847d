"""The command itself: version, help, and a help that stays light."""

from __future__ import annotations

import subprocess
import sys

import baocao
from baocao.cli import COMMANDS, main

HEAVY = ("docx", "docxtpl", "jinja2", "lxml", "pydantic", "rich", "babel", "yaml")


def test_version(capsys: object) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "baocao", "--version"], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == f"baocao, version {baocao.__version__}"


def test_help_lists_every_command() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "baocao", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for name in COMMANDS:
        assert f"  {name} " in out


def test_help_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from baocao.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print('LOADED=' + ','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        .stdout.strip()
        .splitlines()[-1]
    )
    assert out == "LOADED=", f"--help imported {out}"


def test_every_command_imports_and_has_help() -> None:
    for name in COMMANDS:
        try:
            main([name, "--help"])
        except SystemExit as stop:
            assert stop.code == 0, name


def test_public_api_stays_callable_after_its_modules_are_imported() -> None:
    """Importing a submodule sets it as an attribute of the package: no submodule may share a
    name with a function of the public API, or ``baocao.render`` becomes a module."""
    code = (
        "import baocao, baocao.rendering.document, baocao.template_context.build;"
        "import baocao.rendering.batch, baocao.lint.checker;"
        "import baocao.event.loading, baocao.rendering.engine;"
        "print(all(callable(getattr(baocao, n))"
        " and not isinstance(getattr(baocao, n), type(baocao))"
        " for n in baocao.__all__ if n != '__version__'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
