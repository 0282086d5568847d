"""A YAML flow list split by a comma inside a name (``[Ủy ban nhân dân tỉnh, Các xã,
phường]``) is a warning at the item's line and column, with the fix. Warnings reach the
user: ``baocao validate`` and ``baocao render`` print them on stderr (exit 0), ``--strict``
makes them errors (exit 3, nothing written), ``--format json`` lists them with
``"severity": "warning"``; the library has ``strict=`` too."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from baocao.cli import cli
from baocao.errors import DataError
from baocao.event.loading import load_event, parse_event
from baocao.rendering.batch import render_many

# messages in Vietnamese, whatever an earlier test in this process chose (conftest)
pytestmark = pytest.mark.usefixtures("vietnamese")


HEAD = (
    "co_quan:\n  ten: Sở Nội vụ\n  viet_tat: SNV\n  dia_danh: Cà Mau\n"
    "su_kien:\n  ten: hội nghị\n  bat_dau: 1/11/2024\n"
)
SPLIT = HEAD + (
    "  doi_tuong: [cán bộ các xã, phường, thị trấn]\n"  # line 8
    "van_ban:\n"
    "  chung:\n"
    "    noi_nhan: [Ủy ban nhân dân tỉnh, Các xã, phường]\n"  # line 11
)


def _file(tmp_path: Path, text: str = SPLIT, name: str = "su-kien.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_each_split_off_item_is_a_located_warning() -> None:
    ev = parse_event(SPLIT.encode(), path="e.yaml")
    found = [(w.line, w.column, w.field, w.code, w.severity) for w in ev.warnings]
    assert found == [
        (8, 30, "su_kien.doi_tuong.1", "flow-list-comma", "warning"),
        (8, 38, "su_kien.doi_tuong.2", "flow-list-comma", "warning"),
        (11, 46, "van_ban.chung.noi_nhan.2", "flow-list-comma", "warning"),
    ]
    message = ev.warnings[2].message
    assert "`phường`" in message and "`- `" in message and '"Các xã, phường"' in message


@pytest.mark.parametrize(
    "value",
    [
        "[Ủy ban nhân dân tỉnh, Các xã]",  # every item starts with a capital
        '[cán bộ, "phường, thị trấn"]',  # quoted
        "[cán bộ các xã]",  # one item
        "\n    - cán bộ các xã, phường, thị trấn\n    - đoàn viên",  # a block list
        "[Sở Tư pháp, 3 xã]",
    ],
)
def test_no_warning_when_nothing_was_split(value: str) -> None:
    ev = parse_event((HEAD + f"  doi_tuong: {value}\n").encode(), path="e.yaml")
    assert ev.warnings == []


def test_json_input_has_no_such_warning() -> None:
    data = (
        '{"co_quan": {"ten": "Sở A", "viet_tat": "SA", "dia_danh": "Huế"},'
        ' "su_kien": {"ten": "hội nghị", "bat_dau": "1/11/2024",'
        ' "doi_tuong": ["cán bộ các xã", "phường"]}}'
    )
    assert parse_event(data.encode(), path="e.json").warnings == []


def test_library_strict_raises_the_warnings_as_errors(tmp_path: Path) -> None:
    path = _file(tmp_path)
    assert len(load_event(path).warnings) == 3
    with pytest.raises(DataError) as caught:
        load_event(path, strict=True)
    assert [p.field for p in caught.value.problems] == [
        "su_kien.doi_tuong.1",
        "su_kien.doi_tuong.2",
        "van_ban.chung.noi_nhan.2",
    ]
    assert all(not p.is_warning for p in caught.value.problems)
    assert caught.value.exit_code == 3


def test_validate_prints_warnings_and_exits_0(tmp_path: Path) -> None:
    path = _file(tmp_path)
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0
    assert result.stdout == f"✓ {path}\n"
    lines = result.stderr.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"{path}:8:30: su_kien.doi_tuong.1: cảnh báo: ")
    assert lines[2].startswith(f"{path}:11:46: van_ban.chung.noi_nhan.2: cảnh báo: ")


def test_validate_in_english_says_warning(tmp_path: Path) -> None:
    path = _file(tmp_path)
    result = CliRunner().invoke(cli, ["--lang", "en", "validate", str(path)])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0].startswith(
        f"{path}:8:30: su_kien.doi_tuong.1: warning: a comma in `[...]` splits the list"
    )


def test_validate_strict_makes_them_errors(tmp_path: Path) -> None:
    path = _file(tmp_path)
    result = CliRunner().invoke(cli, ["validate", "--strict", str(path)])
    assert result.exit_code == 3
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 3 and not any("cảnh báo" in x for x in lines)


def test_validate_json_lists_warnings_with_their_severity(tmp_path: Path) -> None:
    path = _file(tmp_path)
    result = CliRunner().invoke(cli, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 0
    items = json.loads(result.stdout)
    assert [(i["line"], i["column"], i["severity"], i["code"]) for i in items] == [
        (8, 30, "warning", "flow-list-comma"),
        (8, 38, "warning", "flow-list-comma"),
        (11, 46, "warning", "flow-list-comma"),
    ]
    clean = _file(tmp_path, HEAD, "sach.yaml")
    result = CliRunner().invoke(cli, ["validate", "--format", "json", str(clean)])
    assert (result.exit_code, result.stdout) == (0, "[]\n")


def test_warnings_of_valid_files_come_with_errors_of_others(tmp_path: Path) -> None:
    good = _file(tmp_path)
    bad = _file(tmp_path, HEAD.replace("1/11/2024", "31/4/2024"), "hong.yaml")
    result = CliRunner().invoke(cli, ["validate", "--format", "json", str(good), str(bad)])
    assert result.exit_code == 3
    items = json.loads(result.stdout)
    assert [i.get("severity") for i in items] == ["warning"] * 3 + [None]


def test_render_prints_warnings_and_writes(tmp_path: Path) -> None:
    path = _file(tmp_path)
    out = tmp_path / "ra.docx"
    result = CliRunner().invoke(cli, ["render", str(path), "-t", "thong-cao", "-o", str(out)])
    assert result.exit_code == 0, result.output
    warned = [x for x in result.stderr.splitlines() if "cảnh báo" in x]
    assert len(warned) == 3 and warned[0].startswith(f"⚠ {path}:8:30: ")
    items = [p.text for p in docx.Document(str(out)).tables[-1].cell(0, 0).paragraphs]
    assert "- phường;" in items  # printed as written: the warning is the only guard


def test_render_strict_writes_nothing(tmp_path: Path) -> None:
    path = _file(tmp_path)
    out = tmp_path / "ra.docx"
    result = CliRunner().invoke(
        cli, ["render", "--strict", str(path), "-t", "thong-cao", "-o", str(out)]
    )
    assert result.exit_code == 3
    assert f"{path}:8:30: su_kien.doi_tuong.1" in result.stderr
    assert not out.exists()


def test_render_many_reports_warnings_once_per_event(tmp_path: Path) -> None:
    path = _file(tmp_path)
    result = render_many([path], ["thong-cao", "tin-bai"], out=tmp_path / "ra", jobs=1)
    assert result.exit_code == 0 and len(result.written) == 2
    assert len(result.warnings) == 3
    assert all(len(r.warnings) == 3 for r in result.items)
    strict = render_many([path], ["thong-cao"], out=tmp_path / "ra2", jobs=1, strict=True)
    assert strict.exit_code == 3 and strict.written == []
    assert not (tmp_path / "ra2").exists() or not any((tmp_path / "ra2").iterdir())
