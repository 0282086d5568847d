"""``baocao validate`` / ``baocao schema`` and the error boundary, as a CI job uses them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import jsonschema
import pytest
from click.testing import CliRunner

from baocao.cli._boundary import errors_to_exit
from conftest import EXAMPLES, FIXTURES, example_files

INVALID = FIXTURES / "events" / "invalid"


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BAOCAO_LANG": "vi"}
    return subprocess.run(
        [sys.executable, "-m", "baocao", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
    )


def test_json_report_goes_to_stdout_for_a_pipe() -> None:
    """`baocao validate --format json … > report.json` (or `| jq`) gets the report."""
    done = run("validate", "--format", "json", "so-am.yaml", "tep-trong.yaml", cwd=INVALID)
    assert done.returncode == 3
    assert done.stderr == ""
    report = json.loads(done.stdout)
    assert [(p["path"], p.get("line"), p.get("field")) for p in report] == [
        ("so-am.yaml", 10, "su_kien.so_nguoi"),
        ("so-am.yaml", 12, "ket_qua.kinh_phi"),
        ("tep-trong.yaml", None, None),
    ]
    assert report[2]["message"] == "tệp trống"


def test_json_report_of_valid_files_is_an_empty_list_on_stdout() -> None:
    names = [p.name for p in example_files()]
    done = run("validate", "--format", "json", *names, cwd=EXAMPLES)
    assert done.returncode == 0
    assert json.loads(done.stdout) == [] and done.stderr == ""


def test_json_report_of_a_missing_file() -> None:
    done = run("validate", "--format", "json", "khong-co.yaml", cwd=INVALID)
    assert done.returncode == 3
    assert json.loads(done.stdout) == [
        {"message": "không có tệp này", "path": "khong-co.yaml", "code": "io"}
    ]


def test_schema_is_valid_and_every_example_file_validates_against_it(tmp_path: Path) -> None:
    done = run("schema", cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    schema = json.loads(done.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    example = json.loads((EXAMPLES / "tap-huan-hai-thang.json").read_text(encoding="utf-8"))
    jsonschema.validate(example, schema)


# ----------------------------------------------------------------------------- boundary


@click.command()
@click.option("--kind", default="bug")
@errors_to_exit
def _fails(kind: str) -> None:
    if kind == "interrupt":
        raise KeyboardInterrupt
    raise ZeroDivisionError("division by zero")


def test_an_unexpected_error_is_one_line_and_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BAOCAO_DEBUG", raising=False)
    result = CliRunner().invoke(_fails, [])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "lỗi không lường trước: ZeroDivisionError: division by zero; "
        "chạy lại với BAOCAO_DEBUG=1 để xem chi tiết và báo lỗi kèm lệnh đã chạy"
    ]


def test_ctrl_c_is_exit_130_with_a_message() -> None:
    result = CliRunner().invoke(_fails, ["--kind", "interrupt"])
    assert result.exit_code == 130
    assert result.stderr.splitlines() == [
        "đã dừng (Ctrl-C); các tệp đã viết xong được giữ nguyên, không có tệp nào viết dở"
    ]
