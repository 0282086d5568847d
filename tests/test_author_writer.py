"""A template written in LibreOffice Writer's own format (.fodt: a header, a footer, a tag
split over differently formatted spans, a text frame, a table row loop) and saved as .docx by
soffice: the clean one passes ``check`` and renders, every fault of the broken one is found
once, at the place Writer shows it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document

from baocao.event.loading import load_event
from baocao.lint.checker import check_template
from baocao.registry import TemplateSpec
from baocao.rendering.document import render_bytes
from conftest import EXAMPLES, soffice, soffice_convert

pytestmark = pytest.mark.libreoffice

FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
 <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/>
 </style:style>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm"
  fo:page-height="29.7cm"/><style:header-style/><style:footer-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p>{{{{ dong_co_quan }}}} — {{{{ co_quan.{viet_tat} }}}}</text:p>
  </style:header>
  <style:footer><text:p>Số trang: {{{{ so_ky_hieu }}}}</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
 <text:p>{{{{ cau.thong_cao_mo_dau }}}}</text:p>
 <text:p>Địa điểm: <text:span text:style-name="B">{{{{ su_kien.</text:span><text:span
  text:style-name="I">{dia_diem}</text:span> }}}}</text:p>
 <text:p>{{%p for n in nhan_vat %}}</text:p>
 <text:p>{{{{ loop.index }}}}. {{{{ n.ho_ten }}}} – {{{{ n.chuc_vu|noi }}}}</text:p>
 <text:p>{{%p endfor %}}</text:p>
 <table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/>
  <table:table-row><table:table-cell><text:p>STT</text:p></table:table-cell>
   <table:table-cell><text:p>Nội dung</text:p></table:table-cell></table:table-row>
  <table:table-row><table:table-cell><text:p>{{%tr for r in bang_ket_qua %}}</text:p>
   </table:table-cell><table:table-cell><text:p/></table:table-cell></table:table-row>
  <table:table-row><table:table-cell><text:p>{{{{ r.stt }}}}</text:p></table:table-cell>
   <table:table-cell><text:p>{{{{ r.{noi_dung} }}}}</text:p></table:table-cell></table:table-row>
  <table:table-row><table:table-cell><text:p>{{%tr endfor %}}</text:p></table:table-cell>
   <table:table-cell><text:p/></table:table-cell></table:table-row>
 </table:table>
 <text:p>Khung: <draw:frame draw:name="F1" text:anchor-type="as-char" svg:width="8cm"
  svg:height="2cm"><draw:text-box><text:p>Sự kiện: {{{{ {ten_su_kien} }}}}</text:p>
  </draw:text-box></draw:frame></text:p>
 <text:p>Kinh phí: {{{{ so_lieu.kinh_phi|default({quote}không có{quote_end}) }}}}</text:p>
</office:text></office:body></office:document>
"""

GOOD = {
    "viet_tat": "viet_tat",
    "dia_diem": "dia_diem",
    "noi_dung": "noi_dung",
    "ten_su_kien": "ten_su_kien",
    "quote": "'",
    "quote_end": "'",
}
BAD = {
    "viet_tat": "viettat",
    "dia_diem": "diadiem",
    "noi_dung": "noidung",
    "ten_su_kien": "ten_sukien",
    "quote": "“",
    "quote_end": "”",
}


@pytest.fixture(scope="module")
def made_in_writer(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path_factory.mktemp("writer-fodt")
    for name, values in (("dung", GOOD), ("sai", BAD)):
        (folder / f"{name}.fodt").write_text(FODT.format(**values), encoding="utf-8")
    dung, sai = soffice_convert(
        [folder / "dung.fodt", folder / "sai.fodt"], folder / "out", to="docx:MS Word 2007 XML"
    )
    return {"dung": dung, "sai": sai}


def test_clean_writer_template_passes_and_renders(made_in_writer: dict[str, Path]) -> None:
    path = made_in_writer["dung"]
    event_file = EXAMPLES / "hoi-nghi-ubnd.yaml"
    assert check_template(path) == []
    assert check_template(path, event=event_file) == []
    spec = TemplateSpec(name="mau-writer", files={"nha_nuoc": path, "dang": path})
    out = path.with_name("ra.docx")
    out.write_bytes(render_bytes(load_event(event_file), template=spec))
    doc = Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert "Địa điểm: Hội trường Ủy ban nhân dân tỉnh Cà Mau" in texts
    assert "4. Trần Thị Thu Hà – Giám đốc Sở Nội vụ" in texts
    assert "Kinh phí: 45.000.000 đồng (Bằng chữ: Bốn mươi lăm triệu đồng)" in texts
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert rows[1] == ["1", "Số đại biểu triệu tập"]
    assert doc.sections[0].header.paragraphs[0].text == "ỦY BAN NHÂN DÂN TỈNH CÀ MAU — UBND"
    body = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    boxes = re.findall(r"<w:txbxContent>.*?</w:txbxContent>", body, re.DOTALL)
    assert boxes and all(
        "Sự kiện: Hội nghị tổng kết công tác" in re.sub("<[^>]+>", "", b) for b in boxes
    )


def test_broken_writer_template_every_fault_once_at_its_place(
    made_in_writer: dict[str, Path],
) -> None:
    problems = check_template(made_in_writer["sai"])
    assert [(p.code, p.part, p.message.split(" (")[0]) for p in problems] == [
        (
            "unknown-attribute",
            "phần thân, đoạn 2: «Địa điểm: {{ su_kien.diadiem }}»",
            "biến không có: su_kien.diadiem — có phải su_kien.dia_diem?",
        ),
        (
            "unknown-attribute",
            "phần thân, bảng 1, hàng 3, ô 2: «{{ r.noidung }}»",
            "biến không có: r.noidung — có phải r.noi_dung?",
        ),
        (
            "unknown-variable",
            "phần thân, đoạn 6, trong hộp văn bản: «Sự kiện: {{ ten_sukien }}»",
            "biến không có: ten_sukien — có phải ten_su_kien?",
        ),
        (
            "smart-quote",
            "phần thân, đoạn 7: «Kinh phí: {{ so_lieu.kinh_phi|default(“không có”) }}»",
            "dấu nháy cong “ ” trong thẻ {{ so_lieu.kinh_phi|default(“không có”) }}",
        ),
        (
            "unknown-attribute",
            "đầu trang, đoạn 1: «{{ dong_co_quan }} — {{ co_quan.viettat }}»",
            "biến không có: co_quan.viettat — có phải co_quan.viet_tat?",
        ),
    ]
