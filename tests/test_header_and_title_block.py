"""Known bugs B4–B7, B12 and B17 of public tools (header, title block, margins, CỘNG HÒA/HOÀ),
asserted on real renders of the built-in templates in both formats."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from baocao.lint.checker import check_template
from baocao.rendering.engine import compile_template
from render_helpers import (
    DAN_VAN,
    FORMATS,
    NAMES,
    OFFICIAL,
    UBND,
    W,
    alignment,
    document,
    example,
    examples,
    has_bottom_border,
    indent_twips,
    set_in,
    texts,
)

ABBR = {"thong-cao": "TC", "bao-cao-tong-ket": "BC"}
TITLE = {"thong-cao": "THÔNG CÁO BÁO CHÍ", "bao-cao-tong-ket": "BÁO CÁO"}
STATE_SO = re.compile(r"^Số: \d{2,}/[A-Z]+-[A-ZĐ]+$")
PARTY_SO = re.compile(r"^Số \d{2,}-[A-Z]+/[A-ZĐ]+$")


def body_after_title(doc: Any) -> list[Any]:
    """Body paragraphs from the document type (tên loại) on, outside the tables."""
    ps = list(doc.paragraphs)
    start = next(i for i, p in enumerate(ps) if p.style.name == "Tên loại")
    return ps[start:]


# --- B4: "Số" with a colon in Party documents ------------------------------------------------


@pytest.mark.parametrize("so", [1, 5, 9, 10, 123])
@pytest.mark.parametrize("the_thuc", FORMATS)
@pytest.mark.parametrize("name", OFFICIAL)
def test_b4_so_ky_hieu_colon_only_in_state_and_zero_padded(
    name: str, the_thuc: str, so: int
) -> None:
    vt = "ĐU" if the_thuc == "dang" else "UBND"
    data = set_in(example(DAN_VAN, the_thuc), "co_quan.viet_tat", vt)
    data = set_in(data, f"van_ban.{name}.so", so)
    line = document(data, name).tables[0].cell(1, 0).text
    if the_thuc == "dang":
        assert line == f"Số {so:02d}-{ABBR[name]}/{vt}"
        assert ":" not in line and PARTY_SO.match(line), line
        assert line.index("-") < line.index("/")
    else:
        assert line == f"Số: {so:02d}/{ABBR[name]}-{vt}"
        assert STATE_SO.match(line), line
        assert line.index("/") < line.index("-")


@pytest.mark.parametrize("the_thuc", FORMATS)
@pytest.mark.parametrize("name", OFFICIAL)
def test_b4_every_example_without_a_number_leaves_the_clerks_blank(
    name: str, the_thuc: str
) -> None:
    for stem, data in examples(the_thuc):
        for entry in data.get("van_ban", {}).values():
            entry.pop("so", None)
        line = document(data, name).tables[0].cell(1, 0).text
        vt = data["co_quan"]["viet_tat"]
        expected = (
            f"Số    -{ABBR[name]}/{vt}" if the_thuc == "dang" else f"Số:      /{ABBR[name]}-{vt}"
        )
        assert line == expected, (stem, line)


# --- B5: the Party header: "*", a line under the title, "-----" under the trích yếu --------------


def _line_mm(cell: Any, paragraph: Any, table: Any) -> float:
    """Length of a bottom-border rule line drawn by a paragraph inside a header cell."""
    col = table._tbl.tblGrid.findall(f"{W}gridCol")[0 if cell is table.cell(0, 0) else 1]
    mar = table._tbl.tblPr.find(f"{W}tblCellMar")
    pad = (
        sum(int(mar.find(f"{W}{side}").get(f"{W}w")) for side in ("left", "right"))
        if mar is not None
        else 216
    )
    width = (
        int(col.get(f"{W}w"))
        - pad
        - indent_twips(paragraph, "left")
        - indent_twips(paragraph, "right")
    )
    return width * 25.4 / 1440


@pytest.mark.parametrize("the_thuc", FORMATS)
@pytest.mark.parametrize("name", OFFICIAL)
def test_b5_header_marks_per_format(name: str, the_thuc: str) -> None:
    for stem, data in examples(the_thuc):
        doc = document(data, name)
        where = f"{stem}/{the_thuc}/{name}"
        head = doc.tables[0]
        left, right = head.cell(0, 0).paragraphs, head.cell(0, 1).paragraphs
        org = [
            i
            for i, p in enumerate(left)
            if p.text == data["co_quan"]["ten"].upper() or p.text.isupper()
        ]
        org_i = max(org)
        below_org = left[org_i + 1]
        title = right[0]
        if the_thuc == "dang":
            assert title.text == "ĐẢNG CỘNG SẢN VIỆT NAM", where
            assert below_org.text == "*", where
            assert alignment(below_org) == WD_ALIGN_PARAGRAPH.CENTER, where
            assert not has_bottom_border(below_org), where
            rule = title if has_bottom_border(title) else right[1]
            assert has_bottom_border(rule) and rule.text == "", where
            # as long as the title: 72.9 mm at 15 pt bold (measured, Liberation Serif)
            assert 72.9 * 0.9 <= _line_mm(head.cell(0, 1), rule, head) <= 72.9 * 1.15, where
        else:
            assert [p.text for p in right[:2]] == [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
            ], where
            assert "*" not in [p.text for p in left], where
            assert below_org.text == "" and has_bottom_border(below_org), where
            assert right[2].text == "" and has_bottom_border(right[2]), where
            # as long as the tiêu ngữ: 56.1 mm at 13 pt bold
            assert 56.1 * 0.9 <= _line_mm(head.cell(0, 1), right[2], head) <= 56.1 * 1.15, where
        # title block: tên loại, trích yếu, then the mark of the format
        block = body_after_title(doc)
        assert block[0].text == TITLE[name], where
        assert block[1].text, where
        if the_thuc == "dang":
            assert block[2].text == "-----", where
            assert alignment(block[2]) == WD_ALIGN_PARAGRAPH.CENTER, where
        else:
            assert block[2].text == "" and has_bottom_border(block[2]), where
            assert "-----" not in texts(doc), where


# --- B6 / B7: "V/v" ---------------------------------------------------------------------------


@pytest.mark.parametrize("the_thuc", FORMATS)
def test_b6_b7_no_builtin_document_prints_v_v_and_party_trich_yeu_is_present(the_thuc: str) -> None:
    """No built-in template is a công văn, so none prints "V/v"; a Party document keeps its
    trích yếu (lower-case start) right under the tên loại."""
    for stem, data in examples(the_thuc):
        for name in NAMES:
            doc = document(data, name)
            assert not any(t.lstrip().startswith(("V/v", "V/V", "v/v")) for t in texts(doc)), (
                stem,
                name,
            )
            if name in OFFICIAL:
                block = body_after_title(doc)
                vb = {**data["van_ban"].get("chung", {}), **data["van_ban"].get(name, {})}
                trich_yeu = block[1].text
                assert trich_yeu and not trich_yeu.startswith(("V/v", "v/v")), (stem, name)
                if the_thuc == "dang" and not vb.get("trich_yeu"):
                    assert trich_yeu[0].islower(), (stem, name, trich_yeu)


def test_party_trich_yeu_from_the_event_starts_lower_case() -> None:
    """§5.9 (mixing formats): HD 36 starts the trích yếu lower case, even one written for NĐ 30."""
    data = example(UBND, "dang")  # its trích yếu was written for the state format
    trich_yeu = body_after_title(document(data, "bao-cao-tong-ket"))[1].text
    assert trich_yeu.startswith("kết quả Hội nghị tổng kết"), trich_yeu


# --- B12: margins -----------------------------------------------------------------------------


@pytest.mark.parametrize("the_thuc", FORMATS)
@pytest.mark.parametrize("name", NAMES)
def test_b12_margins(name: str, the_thuc: str) -> None:
    for stem, data in examples(the_thuc):
        sec = document(data, name).sections[0]
        got = [
            round(m / Mm(1), 1)
            for m in (sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin)
        ]
        if the_thuc == "dang":
            assert got == [20, 20, 30, 15], (stem, name, got)
        else:  # NĐ 30 Phụ lục I: top 20–25, bottom 20–25, left 30–35, right 15–20 mm
            for value, (low, high) in zip(
                got, [(20, 25), (20, 25), (30, 35), (15, 20)], strict=True
            ):
                assert low <= value <= high, (stem, name, got)
        assert round(sec.page_width / Mm(1)) == 210 and round(sec.page_height / Mm(1)) == 297


# --- B17: CỘNG HÒA / CỘNG HOÀ: neither form fails, the policy decides ------------------------

HOA_FORMS = ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"]


@pytest.mark.parametrize("written", HOA_FORMS, ids=["hòa", "hoà"])
@pytest.mark.parametrize("dau_thanh", ["cu", "moi"])
@pytest.mark.parametrize("the_thuc", FORMATS)
def test_b17_both_spellings_are_accepted_and_follow_the_chosen_style(
    the_thuc: str, dau_thanh: str, written: str
) -> None:
    data = set_in(example(UBND, the_thuc), "dau_thanh", dau_thanh)
    data = set_in(data, "su_kien.ten", f"hội nghị quán triệt Hiến pháp nước {written}")
    data = set_in(
        data,
        "co_quan.ten",
        "Uỷ ban nhân dân tỉnh Cà Mau" if "oà" in written else "Ủy ban nhân dân tỉnh Cà Mau",
    )
    want, never = ("hòa", "hoà") if dau_thanh == "cu" else ("hoà", "hòa")
    for name in NAMES:
        doc = document(data, name)
        text = "\n".join(texts(doc))
        assert f"Cộng {want} xã hội chủ nghĩa Việt Nam" in text, (name, dau_thanh)
        assert f"Cộng {never} xã" not in text and f"CỘNG {never.upper()}" not in text, name
        if name in OFFICIAL:
            right = [p.text for p in doc.tables[0].cell(0, 1).paragraphs]
            # a name too wide for the cell is broken into lines (issue 10)
            left = [p.text.replace("\n", " ") for p in doc.tables[0].cell(0, 0).paragraphs]
            if the_thuc == "nha_nuoc":
                assert right[0] == f"CỘNG {want.upper()} XÃ HỘI CHỦ NGHĨA VIỆT NAM", name
            upper_uy = "ỦY" if dau_thanh == "cu" else "UỶ"
            assert f"{upper_uy} BAN NHÂN DÂN TỈNH CÀ MAU" in left, (name, left)


def _template(tmp_path: Path, lines: list[str]) -> Path:
    doc = docx.Document()
    for line in lines:
        doc.add_paragraph(line)
    path = tmp_path / "quoc-hieu.docx"
    doc.save(str(path))
    return path


@pytest.mark.parametrize(
    "literal", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
)
def test_b17_a_template_may_write_either_form(tmp_path: Path, literal: str) -> None:
    path = _template(tmp_path, [literal, "{{ co_quan }}"])
    assert check_template(path) == []
    compiled = compile_template(path)
    for kieu, expected in (("cu", "CỘNG HÒA"), ("moi", "CỘNG HOÀ")):
        out = compiled.render_bytes({"co_quan": "Sở Nội vụ", "dau_thanh": kieu})
        first = docx.Document(io.BytesIO(out)).paragraphs[0].text
        assert first == f"{expected} XÃ HỘI CHỦ NGHĨA VIỆT NAM", kieu
