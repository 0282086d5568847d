"""``baocao completion bash|zsh|fish`` prints the script; Tab completes commands, options,
template names (``--templates-dir`` honoured) and event files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from baocao.cli import cli
from conftest import TEMPLATES


def complete(words: str, cwd: Path | None = None) -> list[str]:
    """What bash would offer for the last word of ``words`` (click's bash protocol)."""
    parts = words.split(" ")
    done = CliRunner().invoke(
        cli,
        [],
        prog_name="baocao",
        env={
            "_BAOCAO_COMPLETE": "bash_complete",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(parts) - 1),
        },
    )
    assert done.exit_code == 0, done.output
    return [line.split(",", 1)[1] for line in done.stdout.splitlines() if "," in line]


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o nosort -F"),
        ("zsh", "#compdef baocao"),
        ("fish", "complete --no-files"),
    ],
)
def test_completion_prints_the_script(shell: str, marker: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "baocao", "completion", shell],
        capture_output=True,
        text=True,
        check=True,
    )
    assert marker in done.stdout
    assert "_BAOCAO_COMPLETE" in done.stdout


def test_an_unknown_shell_is_a_usage_error() -> None:
    done = CliRunner().invoke(cli, ["completion", "tcsh"], prog_name="baocao")
    assert done.exit_code == 2


def test_commands_and_options_complete() -> None:
    assert "render" in complete("baocao re")
    assert {"completion", "config", "check"} <= set(complete("baocao c"))
    assert set(complete("baocao render --te")) == {"--template", "--templates-dir"}


def test_template_names_complete() -> None:
    assert complete("baocao render a.yaml -t th") == ["thong-cao"]
    assert "all" in complete("baocao render a.yaml -t ")
    assert complete("baocao preview a.yaml -t ti") == ["tin-bai"]


def test_template_names_from_templates_dir(tmp_path: Path) -> None:
    for suffix in (".nha_nuoc.docx", ".yaml"):
        shutil.copy(TEMPLATES / f"tin-bai{suffix}", tmp_path / f"ban-tin-rieng{suffix}")
    words = f"baocao render a.yaml --templates-dir {tmp_path} -t ban"
    assert complete(words) == ["ban-tin-rieng"]


def test_event_files_complete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a.yaml", "b.json", "c.yml", "ghi-chu.txt", "mau.docx"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "su-kien").mkdir()
    (tmp_path / "su-kien" / "d.yaml").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert complete("baocao validate ") == ["a.yaml", "b.json", "c.yml", "su-kien/"]
    assert complete("baocao render su-kien/") == ["su-kien/d.yaml"]
