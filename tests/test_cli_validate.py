"""``baocao validate`` and ``baocao schema`` as a user and a CI job run them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from baocao.cli import cli
from baocao.event.json_source import parse_json
from baocao.event.limits import decode_text
from baocao.event.yaml_source import parse_yaml
from conftest import EXAMPLES, FIXTURES, ROOT, example_files

# messages in Vietnamese, whatever an earlier test in this process chose (conftest)
pytestmark = pytest.mark.usefixtures("vietnamese")


INVALID = FIXTURES / "events" / "invalid"
VALID = FIXTURES / "events" / "valid"
SCHEMA_FILE = ROOT / "docs" / "event.schema.json"


def run(*args: str, env: dict[str, str] | None = None, cwd: Path = INVALID) -> Any:
    chosen = {"BAOCAO_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}
    clean = {k: v for k, v in os.environ.items() if k not in chosen}
    return subprocess.run(
        [sys.executable, "-m", "baocao", *args],
        capture_output=True,
        text=True,
        env={**clean, **(env or {})},
        cwd=cwd,
        check=False,
    )


def test_examples_pass() -> None:
    names = [p.name for p in example_files()]
    assert len(names) >= 3
    done = run("validate", *names, cwd=EXAMPLES)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"✓ {name}" for name in names]
    assert done.stderr == ""


def test_english_with_lang_environment() -> None:
    done = run("validate", "sai-chinh-ta-khoa.yaml", env={"LANG": "en_US.UTF-8"})
    assert done.returncode == 3
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        "sai-chinh-ta-khoa.yaml:10:3: su_kien.diadiem: there is no key `diadiem`; "
        "did you mean `dia_diem`?",
        "sai-chinh-ta-khoa.yaml:11:3: su_kien.nguoi-du: there is no key `nguoi-du`; "
        "did you mean `nguoi_du`?",
        "sai-chinh-ta-khoa.yaml:14:5: nhan_vat.0.chucvu: there is no key `chucvu`; "
        "did you mean `chuc_vu`?",
    ]


@pytest.mark.slow
def test_vietnamese_by_default_and_with_other_locales() -> None:
    for env in ({}, {"LANG": "vi_VN.UTF-8"}, {"LANG": "C.UTF-8"}, {"LANG": "fr_FR.UTF-8"}):
        done = run("validate", "ngay-31-thang-4.yaml", env=env)
        assert (
            done.stderr.splitlines()
            == (INVALID / "ngay-31-thang-4.yaml.expected").read_text(encoding="utf-8").splitlines()
        ), env


def test_english_with_lang_option(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID)
    result = CliRunner().invoke(
        cli, ["--lang", "en", "validate", "ngay-31-thang-4.yaml", "dang-ky-tuq.yaml"]
    )
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        "ngay-31-thang-4.yaml:8:12: su_kien.bat_dau: 31/4/2024 does not exist: "
        "month 4 of 2024 has only 30 days",
        "dang-ky-tuq.yaml:16:18: van_ban.chung.nguoi_ky.quyen_han: a Party document is not "
        "signed `TUQ.` (signing by authorisation exists only in state documents); "
        "use TM, KT or TL",
    ]


@pytest.mark.slow
def test_lang_option_beats_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    done = run("--lang", "vi", "validate", "tep-trong.yaml", env={"LANG": "en_GB.UTF-8"})
    assert done.stderr == "tep-trong.yaml: tệp trống\n"
    done = run("validate", "tep-trong.yaml", env={"LANG": "en_GB.UTF-8"})
    assert done.stderr == "tep-trong.yaml: the file is empty\n"


def test_json_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID)
    result = CliRunner().invoke(cli, ["validate", "--format", "json", "so-am.yaml"])
    assert result.exit_code == 3
    assert result.stderr == ""  # the report is the output: stdout, for `> report.json`
    assert json.loads(result.stdout) == [
        {
            "message": "không được là số âm (đang ghi -5)",
            "path": "so-am.yaml",
            "line": 10,
            "column": 13,
            "field": "su_kien.so_nguoi",
            "code": "greater_than_equal",
        },
        {
            "message": "không được là số âm (đang ghi -1000000)",
            "path": "so-am.yaml",
            "line": 12,
            "column": 13,
            "field": "ket_qua.kinh_phi",
            "code": "greater_than_equal",
        },
    ]
    ok = CliRunner().invoke(cli, ["validate", "--format", "json", str(example_files()[0])])
    assert ok.exit_code == 0 and json.loads(ok.stdout) == [] and ok.stderr == ""


def test_validate_mixes_valid_and_invalid_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    good = str(example_files()[0].relative_to(ROOT))
    bad = str((INVALID / "tep-trong.yaml").relative_to(ROOT))
    result = CliRunner().invoke(cli, ["validate", good, bad])
    assert result.exit_code == 3
    assert result.stdout == f"✓ {good}\n"
    assert result.stderr == f"{bad}: tệp trống\n"


def test_validate_needs_a_file() -> None:
    assert CliRunner().invoke(cli, ["validate"]).exit_code == 2


# ------------------------------------------------------------------------------- schema


def schema_output() -> str:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    return result.stdout


def raw_tree(path: Path) -> Any:
    text = decode_text(path.read_bytes(), path=path.name)
    parse = parse_json if text.lstrip().startswith("{") else parse_yaml
    return json.loads(json.dumps(parse(text, path=path.name).data))  # plain JSON types


def test_schema_is_a_valid_json_schema_with_vietnamese_help() -> None:
    schema = json.loads(schema_output())
    jsonschema.Draft202012Validator.check_schema(schema)
    su_kien = schema["$defs"]["SuKien"]["properties"]
    assert su_kien["dia_diem"]["description"] == "Địa điểm tổ chức."
    assert su_kien["bat_dau"]["examples"] == ["2024-11-01 07:30", "1/11/2024 7h30", "2024-11-03"]
    assert schema["additionalProperties"] is False


def test_committed_schema_is_up_to_date() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_output(), (
        "run: baocao schema > docs/event.schema.json"
    )


@pytest.mark.parametrize("path", [*example_files(), *sorted(VALID.iterdir())], ids=lambda p: p.name)
def test_valid_files_validate_against_the_schema(path: Path) -> None:
    jsonschema.validate(raw_tree(path), json.loads(schema_output()))


@pytest.mark.parametrize(
    "name", ["sai-chinh-ta-khoa.yaml", "the-thuc-sai.yaml", "thieu-su-kien.yaml", "so-am.yaml"]
)
def test_schema_refuses_what_the_loader_refuses(name: str) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(raw_tree(INVALID / name), json.loads(schema_output()))


def test_yaml_examples_point_at_the_schema() -> None:
    for path in example_files():
        if path.suffix == ".yaml":
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == "# yaml-language-server: $schema=../docs/event.schema.json"
            assert (path.parent / "../docs/event.schema.json").resolve() == SCHEMA_FILE
