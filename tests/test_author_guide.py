"""The authors' guide as a staff member reads it: Vietnamese throughout, and every example it
gives is a template that ``baocao check`` passes and that fills with a real event."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document

from baocao.lint.checker import check_template
from conftest import EXAMPLES, ROOT

GUIDE = ROOT / "docs" / "huong-dan-soan-mau.md"
TEXT = GUIDE.read_text(encoding="utf-8")
HOW_TO = TEXT.split("## 5.")[0]  # the hand-written sections with examples


def _blocks() -> list[list[str]]:
    """The ```text examples of sections 1-4 that hold tags, as lists of paragraphs."""
    found = re.findall(r"```text\n(.*?)```", HOW_TO, re.DOTALL)
    return [b.strip("\n").splitlines() for b in found if "{" in b]


def _table_examples() -> list[str]:
    """The third column of the tag table of section 2."""
    section = HOW_TO.split("## 2.")[1].split("## 3.")[0]
    rows = [line for line in section.splitlines() if line.startswith("| `{")]
    out = []
    for row in rows:
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]]
        out += [m.replace("\\|", "|") for m in re.findall(r"`([^`]*\{[^`]*)`", cells[2])]
    return out


def test_the_guide_has_examples_to_try() -> None:
    assert len(_blocks()) >= 2
    assert "{{ su_kien.ten|viet_hoa }}" in _table_examples()


@pytest.mark.parametrize("event", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_of_the_guide_passes_check_and_fills(tmp_path: Path, event: Path) -> None:
    doc = Document()
    for block in _blocks():
        for line in block:
            doc.add_paragraph(line)
    for example in _table_examples():
        doc.add_paragraph(example)
    # the table of section 3, as a staff member would build it in Word
    table = doc.add_table(rows=4, cols=4)
    cells = [
        ["STT", "Nội dung", "Số lượng", "Tỷ lệ"],
        ["{%tr for r in bang_ket_qua %}", "", "", ""],
        ["{{ r.stt }}", "{{ r.noi_dung }}", "{{ r.so }}", "{{ r.ty_le }}"],
        ["{%tr endfor %}", "", "", ""],
    ]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    assert "| `{%tr for r in bang_ket_qua %}` | | | |" in HOW_TO
    path = tmp_path / "vi-du.docx"
    doc.save(str(path))
    assert check_template(path) == []
    assert check_template(path, event=event) == []


def test_the_variable_table_is_in_vietnamese() -> None:
    section = TEXT.split("<!-- tự sinh: bien -->")[1].split("<!-- hết: bien -->")[0]
    assert section.startswith("\n| Biến | Nội dung, ví dụ |\n")
    for english in ("for the Party format", "the issuing body", "format family", "upper case"):
        assert english not in section
    assert "| `n.gioi_thieu` | `đồng chí Lê Văn A, Trưởng Ban Dân vận`" in section


def test_the_mistakes_include_word_dashes_and_an_event_only_error() -> None:
    lines = TEXT.splitlines()
    assert "`baocao check mau.docx --event su-kien.yaml` báo:" in lines
    assert (
        "mau.docx: phần thân, đoạn 1: «Người khai mạc: {{ nguoi_khai_mac.ho_ten }}»: "
        "nguoi_khai_mac trống (không có giá trị) với tệp sự kiện này nên không có "
        "nguoi_khai_mac.ho_ten: hãy đặt thẻ trong {% if nguoi_khai_mac %}…{% endif %}"
    ) in lines
    assert any(
        line.startswith("mau.docx: phần thân, đoạn 1: «Vắng: ") and "ký tự «–»" in line
        for line in lines
    )
    assert (
        "mau.docx: phần thân, đoạn 3: «{%p endfi %}»: lỗi cú pháp trong thẻ {%p endfi %}: "
        "không có thẻ «endfi» — có phải endif?"
    ) in lines
