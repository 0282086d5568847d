"""``baocao check`` names the block that is really open: an inline ``{% if %}`` without its
``{% endif %}`` inside a ``{%p if %}`` block is reported at its own paragraph (inline blocks
close in their own paragraph), and ``render`` gives the same place."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result

from baocao.cli import cli
from baocao.lint.checker import check_template
from conftest import EXAMPLES, TEMPLATES

OPEN_TAG = "{% if su_kien.dia_diem %}"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="baocao")


def build(folder: Path, *, inline_paragraph: int = 9, prefix: str = "") -> Path:
    """A template (python-docx) with a ``{%p if %}`` block at paragraph 2 closed at paragraph
    13, and inside it, at ``inline_paragraph``, an inline ``{% if %}`` never closed."""
    document = docx.Document()
    document.add_paragraph("{{ co_quan.ten }}")
    document.add_paragraph("{%p if su_kien.ten %}")
    for number in range(3, 13):
        if number == inline_paragraph:
            document.add_paragraph(f"Địa điểm: {prefix}{OPEN_TAG}{{{{ su_kien.dia_diem }}}}.")
        else:
            document.add_paragraph(f"Đoạn {number}: {{{{ su_kien.ten }}}}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("Hết.")
    folder.mkdir(exist_ok=True)
    path = folder / "mo.nha_nuoc.docx"
    document.save(str(path))
    shutil.copy(TEMPLATES / "tin-bai.yaml", folder / "mo.yaml")
    return path


@pytest.mark.parametrize("paragraph", [4, 9, 12])
def test_check_reports_the_inline_block_at_its_paragraph(tmp_path: Path, paragraph: int) -> None:
    path = build(tmp_path / "mau", inline_paragraph=paragraph)
    (problem,) = check_template(path)
    assert problem.code == "unclosed-block"
    assert problem.part is not None
    assert problem.part.startswith(f"phần thân, đoạn {paragraph}: «Địa điểm: {OPEN_TAG}")
    assert problem.message == f"khối {OPEN_TAG} không được đóng: thiếu thẻ {{% endif %}}"


def test_an_unclosed_p_block_is_still_reported_at_its_tag(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("{%p if su_kien.ten %}")
    document.add_paragraph("Địa điểm: {% if su_kien.dia_diem %}{{ su_kien.dia_diem }}{% endif %}")
    document.add_paragraph("Hết.")
    path = tmp_path / "p.docx"
    document.save(str(path))
    (problem,) = check_template(path)
    assert problem.part is not None and problem.part.startswith("phần thân, đoạn 1:")


def test_render_and_check_give_the_same_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(tmp_path / "mau")
    shutil.copy(EXAMPLES / "hoi-nghi-ubnd.yaml", tmp_path / "ev.yaml")
    monkeypatch.chdir(tmp_path)
    checked = invoke("check", "mau/mo.nha_nuoc.docx")
    rendered = invoke("render", "ev.yaml", "-t", "mo", "--templates-dir", "mau")
    previewed = invoke("preview", "ev.yaml", "-t", "mo", "--templates-dir", "mau")
    assert checked.exit_code == rendered.exit_code == previewed.exit_code == 3
    (line,) = checked.stdout.splitlines()
    assert "phần thân, đoạn 9: «Địa điểm:" in line
    assert rendered.stderr.splitlines() == [line]
    assert previewed.stderr.splitlines() == [line.removeprefix("✗ ")]
    assert not (tmp_path / "ev-mo.docx").exists()
