"""``baocao check``: exit 0 when clean, 3 with problems; text and json formats."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from docx import Document

from baocao.cli import cli
from conftest import EXAMPLES, TEMPLATES


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def broken(tmp_path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("Tiêu đề")
    doc.add_paragraph("Địa điểm: {{ su_kien.diadiem }}")
    doc.add_paragraph("{{ ten_su_kien|viethoa }}")
    path = tmp_path / "mau.docx"
    doc.save(str(path))
    return path


def test_clean_template_exits_0() -> None:
    result = run("check", str(TEMPLATES / "thong-cao.nha_nuoc.docx"))
    assert result.exit_code == 0
    assert result.output == f"✓ {TEMPLATES / 'thong-cao.nha_nuoc.docx'}\n"


def test_clean_template_with_event_exits_0() -> None:
    path = TEMPLATES / "bao-cao-tong-ket.dang.docx"
    result = run("check", str(path), "--event", str(EXAMPLES / "lop-boi-duong-dan-van.yaml"))
    assert result.exit_code == 0


def test_check_by_name_checks_every_format() -> None:
    result = run("check", "phat-bieu-khai-mac")
    assert result.exit_code == 0
    assert len(result.output.splitlines()) == 2


def test_problems_exit_3_with_places_in_text(tmp_path: Path) -> None:
    path = broken(tmp_path)
    result = run("check", str(path))
    assert result.exit_code == 3
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"✗ {path}: phần thân, đoạn 2: «Địa điểm: {{{{ su_kien.diadiem }}}}»: "
        "biến không có: su_kien.diadiem — có phải su_kien.dia_diem?"
    )
    assert lines[1].startswith(
        f"✗ {path}: phần thân, đoạn 3: «{{{{ ten_su_kien|viethoa }}}}»: "
        "bộ lọc không có: viethoa — có phải viet_hoa? (các bộ lọc có: "
    )


def test_problems_as_json(tmp_path: Path) -> None:
    path = broken(tmp_path)
    result = run("check", str(path), "--format", "json")
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert [(d["code"], d["part"]) for d in data] == [
        ("unknown-attribute", "phần thân, đoạn 2: «Địa điểm: {{ su_kien.diadiem }}»"),
        ("unknown-filter", "phần thân, đoạn 3: «{{ ten_su_kien|viethoa }}»"),
    ]
    assert all(d["path"] == str(path) for d in data)


def test_clean_json_is_an_empty_list() -> None:
    result = run("check", str(TEMPLATES / "tin-bai.dang.docx"), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_not_a_docx_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "mau.docx"
    path.write_text("không phải Word", encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 3


def test_check_a_folder(tmp_path: Path) -> None:
    broken(tmp_path)
    (tmp_path / "tin-bai.docx").write_bytes((TEMPLATES / "tin-bai.dang.docx").read_bytes())
    result = run("check", str(tmp_path))
    assert result.exit_code == 3
    assert f"✓ {tmp_path / 'tin-bai.docx'}" in result.stdout.splitlines()
    assert (
        sum(line.startswith(f"✗ {tmp_path / 'mau.docx'}") for line in result.stdout.splitlines())
        == 2
    )
