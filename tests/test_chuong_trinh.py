"""The programme (`chuong-trinh`): a table with one block per day (weekday and date), one row
per session in order, times `7h30 - 8h00`, people of `nhan_vat` with their titles; rows never
split, the header row repeats, the table stays inside the margins (python-docx widths and
LibreOffice's word positions)."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest

from baocao.rendering.document import render, render_bytes
from conftest import convert_to_pdf, iter_paragraphs
from event_variants import THANG_CHUYEN, in_format, table_width_mm, text_width_mm, variants

CASES = variants()
THU = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def programme_table(document: Any) -> Any:
    [table] = [t for t in document.tables if [c.text for c in t.rows[0].cells] ==
               ["Thời gian", "Nội dung", "Thực hiện"]]  # fmt: skip
    return table


def blocks(table: Any) -> list[tuple[str, list[list[str]]]]:
    """(day row text, session rows) of the rendered table."""
    out: list[tuple[str, list[list[str]]]] = []
    for row in table.rows[1:]:
        cells = [c.text for c in row.cells]
        if len(set(cells)) == 1 and len(row._tr.findall(f"{W}tc")) == 1:  # merged day row
            out.append((cells[0], []))
        else:
            out[-1][1].append(cells)
    return out


def expected_day(d: dt.date) -> str:
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)  # 05/02/2025, 01/11/2024
    return f"{THU[d.weekday()]}, ngày {d.day:02d}/{month}/{d.year}"


@pytest.mark.parametrize(("case", "data", "fmt"), CASES, ids=[c[0] for c in CASES])
def test_one_block_per_day_and_one_row_per_session(
    case: str, data: dict[str, Any], fmt: str
) -> None:
    event = in_format(data, fmt)
    document = docx.Document(io.BytesIO(render_bytes(event, template="chuong-trinh")))
    lines = [p.text for p in iter_paragraphs(document)]
    assert "CHƯƠNG TRÌNH" in lines
    quoc_hieu = "ĐẢNG CỘNG SẢN VIỆT NAM" if fmt == "dang" else "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert quoc_hieu in lines
    assert any(x.startswith("Số") and "CTr" in x for x in lines)
    got = blocks(programme_table(document))
    sessions = event.chuong_trinh
    days = list(dict.fromkeys(s.bat_dau.date() for s in sessions))
    assert [day for day, _ in got] == [expected_day(d) for d in days]
    rows = [r for _, rs in got for r in rs]
    assert [r[1] for r in rows] == [s.noi_dung for s in sessions]
    for row, s in zip(rows, sessions, strict=True):
        start = f"{s.bat_dau.hour}h{s.bat_dau.minute:02d}"
        end = f" - {s.ket_thuc.hour}h{s.ket_thuc.minute:02d}" if s.ket_thuc else ""
        assert row[0] == start + end
        assert re.fullmatch(r"\d{1,2}h\d{2}( - \d{1,2}h\d{2})?", row[0])
        people = {p.ho_ten: p for p in event.nhan_vat}
        if s.thuc_hien in people:  # a person: with the form of address and titles
            p = people[s.thuc_hien]
            assert row[2].startswith(f"{(p.danh_xung or 'đồng chí').capitalize()} {p.ho_ten}")
            assert all(c in row[2] for c in p.chuc_vu)
        else:
            assert row[2] == (s.thuc_hien or "")


def test_month_boundary_event_gives_three_day_blocks() -> None:
    document = docx.Document(
        io.BytesIO(render_bytes(in_format(THANG_CHUYEN, "nha_nuoc"), template="chuong-trinh"))
    )
    got = blocks(programme_table(document))
    assert [day for day, _ in got] == [
        "Thứ Bảy, ngày 30/11/2024",
        "Chủ nhật, ngày 01/12/2024",
        "Thứ Hai, ngày 02/12/2024",
    ]
    assert [[r[0] for r in rows] for _, rows in got] == [
        ["7h30 - 8h00", "8h00 - 11h30"],
        ["7h30 - 11h30", "13h30 - 16h30"],
        ["7h30 - 10h30", "10h30 - 11h00"],
    ]
    assert got[0][1][1][2] == "Bà Phạm Thị Lan, Giảng viên chính Học viện Hành chính Quốc gia"
    assert got[1][1][1][2] == "Ban Tổ chức"
    lines = [p.text for p in document.paragraphs]
    assert "Thời gian: từ ngày 30/11 đến ngày 2/12/2024" in lines


@pytest.mark.parametrize("fmt", ["nha_nuoc", "dang"])
def test_rows_never_split_header_repeats_and_table_fits(fmt: str) -> None:
    for template in ("chuong-trinh", "ke-hoach"):
        document = docx.Document(
            io.BytesIO(render_bytes(in_format(THANG_CHUYEN, fmt), template=template))
        )
        table = programme_table(document)
        trs = table._tbl.findall(f"{W}tr")
        assert len(trs) == 1 + 3 + 6  # header, three days, six sessions
        assert trs[0].find(f"{W}trPr/{W}tblHeader") is not None
        assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in trs)
        assert table_width_mm(table) <= text_width_mm(document) + 0.01
        assert table._tbl.tblPr.find(f"{W}tblInd") is None  # not pulled into a margin


def test_a_programme_without_sessions_renders_an_empty_table(tmp_path: Path) -> None:
    data = {k: v for k, v in THANG_CHUYEN.items() if k != "chuong_trinh"}
    out = render(in_format(data, "nha_nuoc"), template="chuong-trinh", out=tmp_path / "ct.docx")
    table = programme_table(docx.Document(str(out)))
    assert len(table.rows) == 1


def _words(pdf: Path) -> list[tuple[float, float, str]]:
    """(xMin, xMax, word) of every word, in millimetres, from `pdftotext -bbox`."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pt = 25.4 / 72
    return [
        (float(a) * pt, float(b) * pt, w)
        for a, b, w in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" '
                                  r'yMax="[\d.]+">([^<]*)</word>', html)
    ]  # fmt: skip


@pytest.mark.libreoffice
def test_libreoffice_keeps_the_programme_inside_the_margins(tmp_path: Path) -> None:
    paths = []
    for fmt in ("nha_nuoc", "dang"):
        for template in ("chuong-trinh", "ke-hoach"):
            paths.append(
                render(in_format(THANG_CHUYEN, fmt), template=template,
                       out=tmp_path / f"{template}.{fmt}.docx")
            )  # fmt: skip
    for pdf in convert_to_pdf(paths, tmp_path / "pdf"):
        words = _words(pdf)
        text = " ".join(w for _, _, w in words)
        assert "Chủ nhật, ngày 01/12/2024" in text
        assert "13h30 - 16h30" in text
        # left margin 30 mm (the header table reaches 6 mm into it), right margin 15 mm
        assert min(x0 for x0, _, _ in words) >= 30 - 6 - 0.5, pdf.name
        assert max(x1 for _, x1, _ in words) <= 210 - 15 + 0.5, pdf.name
