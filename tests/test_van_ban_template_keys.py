"""A ``van_ban`` key must name a template that can be found (built-in, ``--templates-dir``,
``$BAOCAO_TEMPLATES``) or be ``chung``: a misspelt key (``thongcao``) would silently drop
its number and signer. Checked by ``baocao validate``, ``baocao render`` and the library."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from baocao.cli import cli
from baocao.errors import DataError
from baocao.event.loading import check_files, load_event, parse_event
from conftest import TEMPLATES

# messages in Vietnamese, whatever an earlier test in this process chose (conftest)
pytestmark = pytest.mark.usefixtures("vietnamese")


HEAD = (
    "co_quan:\n  ten: Sở Nội vụ\n  viet_tat: SNV\n  dia_danh: Cà Mau\n"
    "su_kien:\n  ten: hội nghị\n  bat_dau: 1/11/2024\n"
)


def _event(tmp_path: Path, van_ban: str, name: str = "su-kien.yaml") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + "van_ban:\n" + van_ban, encoding="utf-8")
    return path


def _custom_templates(tmp_path: Path) -> Path:
    folder = tmp_path / "mau-rieng"
    folder.mkdir()
    shutil.copy(TEMPLATES / "thong-cao.nha_nuoc.docx", folder / "to-trinh.nha_nuoc.docx")
    return folder


def test_a_misspelt_key_is_an_error_with_position_and_suggestion(tmp_path: Path) -> None:
    path = _event(tmp_path, "  chung:\n    so: 2\n  thongcao: {so: 3}\n")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 3
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"{path}:11:3: van_ban.thongcao: không có mẫu văn bản `thongcao`")
    assert line.endswith("có phải ý bạn là `thong-cao`?")
    assert (
        "bao-cao-tong-ket, chuong-trinh, giay-chung-nhan, giay-moi, ke-hoach, phat-bieu-be-mac, "
        "phat-bieu-khai-mac, thong-cao, tin-bai" in line
    )


def test_chung_and_builtin_names_are_valid(tmp_path: Path) -> None:
    path = _event(tmp_path, "  chung: {so: 1}\n  thong-cao: {so: 3}\n  bao-cao-tong-ket: {so: 4}\n")
    assert load_event(path).van_ban["thong-cao"].so == 3


def test_a_template_in_templates_dir_is_a_valid_key(tmp_path: Path) -> None:
    folder = _custom_templates(tmp_path)
    path = _event(tmp_path, "  to-trinh: {so: 7}\n")
    with pytest.raises(DataError) as caught:
        load_event(path)
    assert [p.code for p in caught.value.problems] == ["unknown-template"]
    assert load_event(path, templates_dirs=[folder]).van_ban["to-trinh"].so == 7
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 3
    result = CliRunner().invoke(cli, ["validate", "--templates-dir", str(folder), str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"✓ {path}\n"
    assert check_files([path], templates_dirs=[folder]) == []


def test_the_environment_folder_counts_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _custom_templates(tmp_path)
    monkeypatch.setenv("BAOCAO_TEMPLATES", str(folder))
    path = _event(tmp_path, "  to-trinh: {so: 7}\n")
    assert load_event(path).van_ban["to-trinh"].so == 7


def test_render_passes_its_templates_dir_to_validation(tmp_path: Path) -> None:
    folder = _custom_templates(tmp_path)
    path = _event(tmp_path, "  to-trinh: {so: 7}\n")
    out = tmp_path / "ra.docx"
    result = CliRunner().invoke(
        cli, ["render", str(path), "-t", "to-trinh", "--templates-dir", str(folder), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    header = docx.Document(str(out)).tables[0]
    assert any("Số: 07/" in c.text for c in header._cells)


def test_render_refuses_a_misspelt_key_and_writes_nothing(tmp_path: Path) -> None:
    path = _event(tmp_path, "  thongcao: {so: 3}\n")
    out = tmp_path / "ra.docx"
    result = CliRunner().invoke(cli, ["render", str(path), "-t", "thong-cao", "-o", str(out)])
    assert result.exit_code == 3
    assert "van_ban.thongcao" in result.stderr and "thong-cao" in result.stderr
    assert not out.exists()


def test_json_input_is_checked_the_same_way() -> None:
    data = (
        '{"co_quan": {"ten": "Sở A", "viet_tat": "SA", "dia_danh": "Huế"},\n'
        ' "su_kien": {"ten": "hội nghị", "bat_dau": "1/11/2024"},\n'
        ' "van_ban": {"tin-bia": {"so": 2}}}\n'
    )
    with pytest.raises(DataError) as caught:
        parse_event(data.encode(), path="e.json")
    (problem,) = caught.value.problems
    assert (problem.line, problem.field, problem.code) == (3, "van_ban.tin-bia", "unknown-template")
    assert "`tin-bai`" in problem.message
