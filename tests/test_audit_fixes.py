"""Bugs found by trying baocao as a new user would (audit of the integrated main branch)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, convert_to_pdf, docx_lines


def _baocao(
    *args: str, cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "baocao", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        check=False,
    )


def test_event_naming_a_csv_list_validates_and_renders(tmp_path: Path) -> None:
    """The course example with its trainees (`hoc_vien: hoc-vien.csv`): the CSV must be read
    as a list of people, not refused as "a spreadsheet given as an event file"."""
    for name in ("lop-boi-duong-dan-van.yaml", "hoc-vien.csv"):
        shutil.copy(EXAMPLES / "danh-sach" / name, tmp_path / name)
    done = _baocao("validate", "lop-boi-duong-dan-van.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    done = _baocao("render", "lop-boi-duong-dan-van.yaml", "-t", "giay-chung-nhan", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    text = "\n".join(docx_lines(tmp_path / "lop-boi-duong-dan-van-giay-chung-nhan.docx"))
    assert "GIẤY CHỨNG NHẬN" in text


def test_csv_given_as_the_event_is_still_refused(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "danh-sach" / "hoc-vien.csv", tmp_path / "hoc-vien.csv")
    done = _baocao("validate", "hoc-vien.csv", cwd=tmp_path)
    assert done.returncode == 3
    assert "bảng tính" in done.stderr.decode()


@pytest.mark.libreoffice
def test_pdf_pages_are_counted_without_pypdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`pip install baocao` (no extras) has no pypdf; `render --pdf` crashed with
    ModuleNotFoundError. The page count falls back to counting page objects."""
    import baocao
    from baocao.rendering.pdf import page_count

    event = baocao.load_event(EXAMPLES / "hoi-nghi-ubnd.yaml")
    docx_path = tmp_path / "gm.docx"
    baocao.render(event, template="giay-moi", out=docx_path, force=True)
    (pdf,) = convert_to_pdf([docx_path], tmp_path)
    with_pypdf = page_count(pdf)
    monkeypatch.setitem(sys.modules, "pypdf", None)  # as on a plain install
    assert page_count(pdf) == with_pypdf == 4  # one invitation per guest
    (tmp_path / "bad.pdf").write_bytes(b"not a pdf")
    assert page_count(tmp_path / "bad.pdf") == 0


def test_invitation_does_not_repeat_the_unit_the_title_ends_with(tmp_path: Path) -> None:
    """Spreadsheet columns Chức vụ `Bí thư Huyện ủy` | Đơn vị `Huyện ủy Trần Văn Thời` (as in
    examples/hoi-nghi-ubnd.yaml) printed `Bí thư Huyện ủy Huyện ủy Trần Văn Thời`."""
    import baocao

    event = baocao.load_event(EXAMPLES / "hoi-nghi-ubnd.yaml")
    out = tmp_path / "gm.docx"
    baocao.render(event, template="giay-moi", out=out, force=True)
    lines = [line for line in docx_lines(out) if line.startswith("Kính gửi")]
    assert "Kính gửi: Đồng chí Lê Văn Phúc, Bí thư Huyện ủy Trần Văn Thời" in lines
    assert "Kính gửi: Ông Nguyễn Hoàng Minh, Giám đốc Sở Nội vụ" in lines
    assert not any("Huyện ủy Huyện ủy" in line for line in lines)


def test_plan_bullets_start_with_a_capital(tmp_path: Path) -> None:
    """`doi_tuong` is written as phrases for the middle of a sentence (`lãnh đạo các sở…`);
    the plan printed them as bullets `- lãnh đạo các sở, ban, ngành tỉnh;`."""
    import baocao

    event = baocao.load_event(EXAMPLES / "hoi-nghi-ubnd.yaml")
    out = tmp_path / "kh.docx"
    baocao.render(event, template="ke-hoach", out=out, force=True)
    lines = docx_lines(out)
    assert "- Lãnh đạo các sở, ban, ngành tỉnh;" in lines
    bullets = [line for line in lines if line.startswith("- ")]
    assert bullets
    assert all(not line[2:3].islower() for line in bullets), bullets


def _yaml_blocks(markdown: Path) -> list[str]:
    import re

    return re.findall(r"```yaml\n(.*?)```", markdown.read_text(encoding="utf-8"), re.S)


def test_the_plan_example_of_the_docs_gives_no_warning() -> None:
    """docs/event-format.md showed `nhiem_vu: [Bảo đảm kinh phí, tài liệu, …]`: a clerk who
    copies it gets three tasks and a flow-list-comma warning (likewise `yeu_cau`)."""
    from baocao.event.loading import parse_event

    docs = Path(__file__).resolve().parents[1] / "docs" / "event-format.md"
    (block,) = [b for b in _yaml_blocks(docs) if b.startswith("ke_hoach:")]
    head = "co_quan: {ten: Sở Tư pháp, viet_tat: STP, dia_danh: Huế}\n"
    head += "su_kien: {ten: hội nghị, bat_dau: 1/3/2025}\n"
    event = parse_event((head + block).encode(), path="docs.yaml", strict=True)
    assert event.ke_hoach is not None
    (unit,) = event.ke_hoach.phan_cong
    assert len(unit.nhiem_vu) == 2


def test_sheet_option_still_picks_the_sheet(tmp_path: Path) -> None:
    """`--sheet` reaches the spreadsheet reader (an unknown sheet is an error at the file)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Đợt 2"
    sheet.append(["Họ và tên", "Chức vụ", "Đơn vị"])
    sheet.append(["Lê Văn Tâm", "Giám đốc", "Sở Tư pháp"])
    book.save(tmp_path / "ds.xlsx")
    (tmp_path / "ev.yaml").write_text(
        "co_quan: {ten: Sở Nội vụ, viet_tat: SNV, dia_danh: Huế}\n"
        "su_kien: {ten: hội nghị, bat_dau: 1/3/2025 8h00}\n"
        "khach_moi: ds.xlsx\n",
        encoding="utf-8",
    )
    done = _baocao("validate", "ev.yaml", "--sheet", "Không có", cwd=tmp_path)
    assert done.returncode == 3
    assert "ds.xlsx: không có trang tính `Không có`" in done.stderr.decode()
    done = _baocao("validate", "ev.yaml", "--sheet", "dot 2", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
