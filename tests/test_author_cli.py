"""A staff member's round trip on the command line: export a built-in template, edit it,
``baocao check`` it (text and JSON, with and without an event), ``templates show`` it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from docx import Document

from baocao.cli import cli
from conftest import EXAMPLES, MINIMAL_EVENT


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _append(path: Path, *texts: str) -> None:
    doc = Document(str(path))
    for text in texts:
        doc.add_paragraph(text)
    doc.save(str(path))


def test_exported_template_edited_then_checked_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    assert run("templates", "export", "tin-bai", str(folder)).exit_code == 0
    word = folder / "tin-bai.nha_nuoc.docx"
    paragraphs = len(Document(str(word)).paragraphs)
    _append(word, "Người khai mạc: {{ nguoi_khai_mac.ho_ten }}", "{{ su_kien.diadiem }}")
    result = run("check", "tin-bai", "--templates-dir", str(folder))
    assert result.exit_code == 3
    assert result.stdout.splitlines() == [
        f"✓ {folder / 'tin-bai.dang.docx'}",
        f"✗ {word}: phần thân, đoạn {paragraphs + 2}: «{{{{ su_kien.diadiem }}}}»: "
        "biến không có: su_kien.diadiem — có phải su_kien.dia_diem?",
    ]
    assert result.stderr == "1 lỗi trong 1 tệp.\n"
    shown = run("templates", "show", "tin-bai", "--templates-dir", str(folder))
    assert f"Nơi tìm thấy: {folder}" in shown.stdout.splitlines()
    assert "  nguoi_khai_mac.ho_ten" in shown.stdout.splitlines()


def test_runtime_error_with_event_as_json(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    run("templates", "export", "tin-bai", str(folder))
    word = folder / "tin-bai.nha_nuoc.docx"
    paragraphs = len(Document(str(word)).paragraphs)
    _append(word, "Người khai mạc: {{ nguoi_khai_mac.ho_ten }}")
    event = tmp_path / "su-kien.yaml"
    event.write_text(MINIMAL_EVENT, encoding="utf-8")
    assert run("check", str(word), "--event", str(EXAMPLES / "hoi-nghi-ubnd.yaml")).exit_code == 0
    result = run("check", str(word), "--event", str(event), "--format", "json")
    assert result.exit_code == 3
    assert json.loads(result.stdout) == [
        {
            "message": "nguoi_khai_mac trống (không có giá trị) với tệp sự kiện này nên không "
            "có nguoi_khai_mac.ho_ten: hãy đặt thẻ trong {% if nguoi_khai_mac %}…{% endif %}",
            "path": str(word),
            "part": f"phần thân, đoạn {paragraphs + 1}: "
            "«Người khai mạc: {{ nguoi_khai_mac.ho_ten }}»",
            "code": "render",
        }
    ]


def test_empty_folder_and_mistyped_file(tmp_path: Path) -> None:
    empty = tmp_path / "trong"
    empty.mkdir()
    result = run("check", str(empty))
    assert result.exit_code == 3
    assert result.stdout == f"✗ {empty}: thư mục này không có tệp Word .docx nào\n"
    typo = tmp_path / "thong-cao.dox"
    result = run("check", str(typo), "--format", "json")
    assert result.exit_code == 3
    assert json.loads(result.stdout) == [
        {"message": "không có tệp này", "path": str(typo), "code": "unreadable"}
    ]


def test_preview_of_a_broken_template_says_where_in_word(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    folder.mkdir()
    doc = Document()
    doc.add_paragraph("Mở đầu")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "STT", "Người khai mạc"
    table.cell(1, 0).text, table.cell(1, 1).text = "1", "{{ nguoi_khai_mac.ho_ten }}"
    doc.save(str(folder / "giay-moi.docx"))
    event = tmp_path / "su-kien.yaml"
    event.write_text(MINIMAL_EVENT, encoding="utf-8")
    result = run("preview", str(event), "-t", "giay-moi", "--templates-dir", str(folder))
    assert result.exit_code == 3
    assert result.stderr == (
        f"{folder / 'giay-moi.docx'}: phần thân, bảng 1, hàng 2, ô 2: "
        "«{{ nguoi_khai_mac.ho_ten }}»: nguoi_khai_mac trống (không có giá trị) với tệp sự "
        "kiện này nên không có nguoi_khai_mac.ho_ten: hãy đặt thẻ trong "
        "{% if nguoi_khai_mac %}…{% endif %}\n"
    )
