"""Shared pieces of every built-in template: styles, page set-up, header table, title,
signing block, bullets. Sizes and widths come from ``baocao.template_context.layout``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import _Cell

from baocao.docx.package import W_NS
from baocao.template_context.layout import Profile

ROOT = Path(__file__).resolve().parents[2]
FONT = "Times New Roman"
TAG = re.compile(r"(\{\{.*?\}\}|\{%.*?%\})")
KEEP_STYLES = {
    "Normal",
    "Header",
    "HeaderChar",
    "Footer",
    "FooterChar",
    "Heading1",
    "Heading2",
    "Heading3",
    "Heading1Char",
    "Heading2Char",
    "Heading3Char",
    "DefaultParagraphFont",
    "TableNormal",
    "NoList",
    "TableGrid",
}
CENTER, LEFT, RIGHT, JUSTIFY = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.RIGHT,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
)
PAD_MM = 1.0  # cell padding, left and right, of the layout tables
KINH_GUI_MM = 30.0  # where "Kính gửi:" starts
KINH_GUI_TAB_MM = 22.0  # "Kính gửi: " at 14 pt is about 20 mm


def twips(mm: float) -> str:
    return str(round(mm * 1440 / 25.4))


# --- low-level XML helpers -----------------------------------------------------------------


def el(tag: str, **attrs: str) -> Any:
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k), v)
    return e


def set_fonts(rpr: Any) -> None:
    """All four font slots = Times New Roman; theme fonts removed."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = el("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in list(rfonts.attrib):
        if attr.lower().endswith("theme"):
            del rfonts.attrib[attr]
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{slot}"), FONT)


def fix_all_fonts(doc: Any) -> None:
    styles = doc.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in KEEP_STYLES | _CREATED:
            styles.remove(style)
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr)
    for lang in rpr.findall(qn("w:lang")):
        lang.set(qn("w:val"), "vi-VN")
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) in ("paragraph", "character"):
            rpr = style.find(qn("w:rPr"))
            if rpr is None:
                rpr = el("w:rPr")
                style.append(rpr)
            set_fonts(rpr)
            for color in rpr.findall(qn("w:color")):
                rpr.remove(color)


def border_bottom(ppr: Any) -> None:
    pbdr = el("w:pBdr")
    pbdr.append(
        el("w:bottom", **{"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"})
    )
    # pBdr must come before spacing/ind in CT_PPr
    anchor = None
    for name in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"):
        anchor = ppr.find(qn(name))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(pbdr)
    else:
        ppr.append(pbdr)


_CREATED: set[str] = set()


def ascii_id(name: str) -> str:
    """A style id without diacritics or spaces: "Cơ quan cấp trên" → "Coquancaptren"."""
    import unicodedata

    plain = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in plain if ch.isascii() and ch.isalnum())


# --- styles ------------------------------------------------------------------------------


def pstyle(doc: Any, name: str, *, base: str = "Normal", **fmt: Any) -> Any:
    try:
        style = doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles[base]
        style.style_id = ascii_id(name)
        _CREATED.add(style.style_id)
    style.quick_style = True
    font, pf = style.font, style.paragraph_format
    for key, value in fmt.items():
        if key in ("size",):
            font.size = Pt(value)
        elif key in ("bold", "italic", "underline", "all_caps"):
            setattr(font, key, value)
        elif key == "align":
            pf.alignment = value
        elif key == "first":
            pf.first_line_indent = Mm(value)
        elif key == "left":
            pf.left_indent = Mm(value)
        elif key == "right":
            pf.right_indent = Mm(value)
        elif key == "before":
            pf.space_before = Pt(value)
        elif key == "after":
            pf.space_after = Pt(value)
        elif key == "keep_next":
            pf.keep_with_next = value
        elif key == "single":
            pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
        elif key == "line_exact":
            pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            pf.line_spacing = Pt(value)
        elif key == "rule":
            border_bottom(style.element.get_or_add_pPr())
        elif key == "next":
            style.next_paragraph_style = doc.styles[value]
        else:  # pragma: no cover
            raise KeyError(key)
    return style


def make_styles(doc: Any, p: Profile) -> None:
    c = p.co_chu
    state = p.tieu_ngu is not None
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(c["than"])
    pf = normal.paragraph_format
    pf.alignment = JUSTIFY
    pf.first_line_indent = Cm(p.thut_dau_dong_cm)
    pf.space_before = Pt(0)
    pf.space_after = Pt(6)
    pf.widow_control = True
    if p.gian_dong["kieu"] == "chinh_xac":
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(p.gian_dong["gia_tri"])
    else:
        pf.line_spacing = p.gian_dong["gia_tri"]
    # the header block: centred, single-spaced, no indent, no spacing
    pstyle(doc, "Dau trang", first=0, align=CENTER, after=0, before=0, single=True)
    doc.styles["Dau trang"].hidden = False
    rename = {}
    rename["Dau trang"] = "Đầu trang"
    pstyle(doc, "Cơ quan cấp trên", base="Dau trang", size=c["cap_tren"])
    pstyle(doc, "Cơ quan ban hành", base="Dau trang", size=c["co_quan"], bold=True)
    pstyle(doc, "Quốc hiệu", base="Dau trang", size=c["quoc_hieu"], bold=True)
    pstyle(doc, "Tiêu ngữ", base="Dau trang", size=c["tieu_ngu"], bold=True)
    pstyle(doc, "Dấu sao", base="Dau trang", size=c["co_quan"])
    pstyle(doc, "Số ký hiệu", base="Dau trang", size=c["so"], before=6)
    # a date line wider than its cell ("Thành phố Hồ Chí Minh, ngày 30 tháng 12 năm 2025")
    # runs into the left cell (the context picks this style, ngay_dai); never to the right
    pstyle(doc, "Ngày tháng", base="Dau trang", size=c["ngay"], italic=True, before=6)
    pstyle(doc, "Ngày tháng dài", base="Ngày tháng", left=-p.ngay_tran_mm)
    # rule lines: an empty paragraph with a bottom border; indents from the real cell width
    # the rules under the issuing body and the trích yếu are 2/5 of their text's width: the
    # context writes them as whole paragraphs ({{p vach_co_quan }}, {{p vach_trich_yeu }})
    pstyle(doc, "Vạch", base="Dau trang", size=2, before=2)
    right_text = p.cot_phai_mm - 2 * PAD_MM
    if p.tieu_ngu:  # state: under the tiêu ngữ, as long as it (56.1 mm at 13 pt)
        tieu_ngu_mm = 56.1 * c["tieu_ngu"] / 13 + 1
        side = (right_text - tieu_ngu_mm) / 2
        pstyle(doc, "Vạch tiêu ngữ", base="Vạch", left=side, right=side, rule=True)
    else:  # Party: under ĐẢNG CỘNG SẢN VIỆT NAM, as long as it (72.9 mm at 15 pt)
        side = (right_text - (72.9 * c["quoc_hieu"] / 15 + 1)) / 2
        pstyle(doc, "Vạch tiêu ngữ", base="Vạch", left=side, right=side, rule=True)
    pstyle(
        doc,
        "Tên loại",
        base="Dau trang",
        size=c["ten_loai"],
        bold=True,
        before=18,
        after=0,
        keep_next=True,
    )
    pstyle(doc, "Trích yếu", base="Dau trang", size=c["trich_yeu"], bold=True, keep_next=True)
    pstyle(doc, "Gạch trích yếu", base="Dau trang", size=c["trich_yeu"], after=12)
    pstyle(doc, "Dòng phụ", base="Dau trang", size=c["than"], italic=True)
    pstyle(doc, "Kính gửi", base="Dau trang", size=c["than"], before=6, after=6)
    # several addressees: "Kính gửi:<tab>- A;" then "- B." with the dashes aligned
    kg = pstyle(
        doc,
        "Kính gửi nhiều",
        base="Dau trang",
        size=c["than"],
        before=6,
        align=LEFT,
        left=KINH_GUI_MM + KINH_GUI_TAB_MM,
        first=-KINH_GUI_TAB_MM,
    )
    kg.paragraph_format.tab_stops.add_tab_stop(Mm(KINH_GUI_MM + KINH_GUI_TAB_MM))
    pstyle(
        doc,
        "Kính gửi - mục",
        base="Dau trang",
        size=c["than"],
        align=LEFT,
        left=KINH_GUI_MM + KINH_GUI_TAB_MM,
        after=0,
    )
    # the last addressee leaves the same room before the body as a one-line Kính gửi
    pstyle(doc, "Kính gửi - mục cuối", base="Kính gửi - mục", after=6)
    # the closing line keeps with the signing block, the body's last paragraph with it: a
    # last page never holds the signature alone
    pstyle(doc, "Kết thúc", keep_next=True)
    pstyle(doc, "Đoạn cuối", keep_next=True)
    # the signing block
    pstyle(
        doc,
        "Nơi nhận",
        base="Dau trang",
        align=LEFT,
        size=c["noi_nhan_nhan"],
        bold=state,
        italic=state,
        underline=not state,
    )
    pstyle(doc, "Nơi nhận - mục", base="Dau trang", align=LEFT, size=c["noi_nhan"])
    pstyle(doc, "Quyền hạn ký", base="Dau trang", size=c["ky"], bold=True)
    pstyle(doc, "Chức vụ ký", base="Dau trang", size=c["ky"], bold=p.tieu_ngu is not None)
    pstyle(doc, "Chỗ ký", base="Dau trang", size=c["ky"], before=72, after=0)
    pstyle(doc, "Họ tên ký", base="Dau trang", size=c["ky"], bold=True)
    # news item and speech
    pstyle(doc, "Tiêu đề tin", base="Dau trang", size=16, bold=True, after=12)
    pstyle(doc, "Tác giả", base="Dau trang", align=RIGHT, size=c["than"], bold=True, before=6)
    pstyle(doc, "Lời chào", bold=True, keep_next=True)
    pstyle(doc, "Gạch đầu dòng", first=0, left=0)
    pstyle(doc, "Bảng", base="Dau trang", size=13, before=2, after=2)
    pstyle(doc, "Bảng - tiêu đề", base="Bảng", bold=True)
    # headings: I. / 1. / a)
    for level, (bold, italic) in enumerate(((True, False), (True, False), (False, True)), 1):
        h = doc.styles[f"Heading {level}"]
        h.font.size = Pt(c["than"])
        h.font.bold, h.font.italic = bold, italic
        h.font.color.rgb = RGBColor(0, 0, 0)
        hp = h.paragraph_format
        hp.alignment = JUSTIFY
        hp.first_line_indent = Cm(p.thut_dau_dong_cm)
        hp.space_before = Pt(6)
        hp.space_after = Pt(6 if level == 1 else 3)
        hp.keep_with_next = True
        if p.gian_dong["kieu"] == "chinh_xac":
            hp.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            hp.line_spacing = Pt(p.gian_dong["gia_tri"])
        else:
            hp.line_spacing = p.gian_dong["gia_tri"]
    header = pstyle(doc, "Header", first=0, align=CENTER, after=0, single=True)
    header.font.size = Pt(c["so_trang"])
    doc.styles["Dau trang"].name = rename["Dau trang"]


# --- page --------------------------------------------------------------------------------


def page_setup(doc: Any, p: Profile) -> None:
    top, bottom, left, right = p.le_mm
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(top), Mm(bottom)
    sec.left_margin, sec.right_margin = Mm(left), Mm(right)
    sec.header_distance, sec.footer_distance = Mm(p.dau_trang_mm), Mm(10)
    sec.different_first_page_header_footer = True
    sec.first_page_header.is_linked_to_previous = False
    sec.first_page_header.paragraphs[0].style = doc.styles["Header"]
    para = sec.header.paragraphs[0]
    para.style = doc.styles["Header"]
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "2"),
        ("end", None),
    ):
        run = para.add_run()
        if kind:
            run._r.append(el("w:fldChar", **{"w:fldCharType": kind}))
        elif text == " PAGE ":
            instr = el("w:instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text


# --- content -----------------------------------------------------------------------------


def write(container: Any, style: str | None, text: str) -> Any:
    """One paragraph: literal text and each tag as its own run."""
    paras = container.paragraphs
    if isinstance(container, _Cell) and len(paras) == 1 and len(paras[0]._p) == 0:
        para = paras[0]  # a new cell's own empty paragraph
    else:
        para = container.add_paragraph()
    if style:
        para.style = style
    for piece in TAG.split(text):
        if piece:
            para.add_run(piece)
    return para


def write_all(container: Any, items: Iterable[tuple[str | None, str]]) -> None:
    for style, text in items:
        write(container, style, text)


def layout_table(
    doc: Any,
    widths_mm: list[float],
    rows: int = 1,
    *,
    borders: bool = False,
    indent_mm: float = 0,
    top_mm: float = 0,
) -> Any:
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    if not indent_mm:
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if borders:
        table.style = doc.styles["Table Grid"]
    tbl = table._tbl
    tblpr = tbl.tblPr
    for tag in ("w:tblW", "w:tblLayout", "w:tblCellMar", "w:tblBorders", "w:tblInd"):
        for old in tblpr.findall(qn(tag)):
            tblpr.remove(old)
    tblpr.append(el("w:tblW", **{"w:w": twips(sum(widths_mm)), "w:type": "dxa"}))
    if indent_mm:
        tblpr.append(el("w:tblInd", **{"w:w": twips(-indent_mm), "w:type": "dxa"}))
    if not borders:
        bd = el("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            bd.append(el(f"w:{side}", **{"w:val": "nil"}))
        tblpr.append(bd)
    tblpr.append(el("w:tblLayout", **{"w:type": "fixed"}))
    mar = el("w:tblCellMar")
    if top_mm:
        mar.append(el("w:top", **{"w:w": twips(top_mm), "w:type": "dxa"}))
    for side in ("left", "right"):
        mar.append(el(f"w:{side}", **{"w:w": twips(PAD_MM), "w:type": "dxa"}))
    tblpr.append(mar)
    # CT_TblPr wants a fixed child order
    order = [
        "w:tblStyle",
        "w:tblpPr",
        "w:tblOverlap",
        "w:bidiVisual",
        "w:tblStyleRowBandSize",
        "w:tblStyleColBandSize",
        "w:tblW",
        "w:jc",
        "w:tblCellSpacing",
        "w:tblInd",
        "w:tblBorders",
        "w:shd",
        "w:tblLayout",
        "w:tblCellMar",
        "w:tblLook",
    ]
    children = sorted(
        tblpr,
        key=lambda e: order.index(e.tag.replace(f"{{{W_NS}}}", "w:")),
    )
    for child in children:
        tblpr.remove(child)
        tblpr.append(child)
    grid = tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), twips(w))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(w)
    return table


def cant_split(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(el("w:cantSplit"))


def header_block(doc: Any, p: Profile) -> None:
    """Ô 1–4: issuing body | Quốc hiệu (or ĐCSVN), then Số | date on one row."""
    table = layout_table(doc, [p.cot_trai_mm, p.cot_phai_mm], rows=2, indent_mm=p.lui_trai_mm)
    left, right = table.rows[0].cells
    write_all(
        left,
        [
            (None, "{%p if cap_tren_dau_trang %}"),
            ("Cơ quan cấp trên", "{{ cap_tren_dau_trang }}"),
            (None, "{%p endif %}"),
            ("Cơ quan ban hành", "{{ co_quan_dau_trang }}"),
        ],
    )
    if p.tieu_ngu:
        write(left, None, "{{p vach_co_quan }}")
        write_all(
            right,
            [
                ("Quốc hiệu", "{{ quoc_hieu }}"),
                ("Tiêu ngữ", "{{ tieu_ngu }}"),
                ("Vạch tiêu ngữ", ""),
            ],
        )
    else:
        write(left, "Dấu sao", "*")
        write_all(right, [("Quốc hiệu", "{{ quoc_hieu }}"), ("Vạch tiêu ngữ", "")])
    left, right = table.rows[1].cells
    write(left, "Số ký hiệu", "{{ so_ky_hieu }}")
    write_all(
        right,
        [
            (None, "{%p if ngay_dai %}"),
            ("Ngày tháng dài", "{{ dong_ngay }}"),
            (None, "{%p else %}"),
            ("Ngày tháng", "{{ dong_ngay }}"),
            (None, "{%p endif %}"),
        ],
    )


def title_block(doc: Any, p: Profile) -> None:
    write_all(doc, [("Tên loại", "{{ ten_loai }}"), ("Trích yếu", "{{ trich_yeu }}")])
    if p.tieu_ngu:
        write(doc, None, "{{p vach_trich_yeu }}")
    else:
        write(doc, "Gạch trích yếu", "-----")


def signing_block(doc: Any, p: Profile) -> None:
    table = layout_table(doc, [78, 87], top_mm=3)  # a little air under the closing line
    cant_split(table.rows[0])
    left, right = table.rows[0].cells
    write_all(
        left,
        [
            ("Nơi nhận", "Nơi nhận:"),
            (None, "{%p for dong in noi_nhan %}"),
            ("Nơi nhận - mục", "{{ dong }}"),
            (None, "{%p endfor %}"),
        ],
    )
    write_all(
        right,
        [
            (None, "{%p if ky.quyen_han %}"),
            ("Quyền hạn ký", "{{ ky.quyen_han }}"),
            (None, "{%p endif %}"),
            # "Q. CHỦ TỊCH" is a whole title: no chức vụ line under it
            (None, "{%p if ky.chuc_vu or not ky.quyen_han %}"),
            ("Chức vụ ký", "{{ ky.chuc_vu }}"),
            (None, "{%p endif %}"),
            ("Chỗ ký", ""),
            ("Họ tên ký", "{{ ky.ho_ten }}"),
        ],
    )


def bullets(
    var: str, *, style: str = "Normal", fmt: str = "{{ x }}", keep_last: bool = False
) -> list[tuple[str | None, str]]:
    """A paragraph per item of ``var``; ``keep_last``: the last one keeps with the next
    paragraph (a list that may end the body stays with the closing line and the signature)."""
    if not keep_last:
        return [(None, f"{{%p for x in {var} %}}"), (style, fmt), (None, "{%p endfor %}")]
    return [
        (None, f"{{%p for x in {var} %}}"),
        (None, "{%p if loop.last %}"),
        (KEEP[style], fmt),
        (None, "{%p else %}"),
        (style, fmt),
        (None, "{%p endif %}"),
        (None, "{%p endfor %}"),
    ]


#: the keep-with-next twin of a body style
KEEP = {"Normal": "Đoạn cuối"}


def when(cond: str, items: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    return [(None, f"{{%p if {cond} %}}"), *items, (None, "{%p endif %}")]


# --- the four templates --------------------------------------------------------------------

#: a speaker's points: with the titles again after context paragraphs (the seed's style), by
#: name only when the sentence introducing them comes just before
PHAT_BIEU = "{{ x.cau if su_kien.boi_canh else x.cau_ngan }}"


def loop_table(
    doc: Any, widths: list[float], headers: list[str], loop: str, cells: list[str]
) -> Any:
    """A bordered table: a header row repeated on every page, then one row per item of
    ``loop`` (``{%tr for … %}`` / ``{%tr endfor %}`` rows around the row of ``cells``)."""
    table = layout_table(doc, widths, rows=4, borders=True)
    table.rows[0]._tr.get_or_add_trPr().append(el("w:tblHeader"))  # repeat on a new page
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        write(cell, "Bảng - tiêu đề", text)
    write(table.rows[1].cells[0], "Bảng", f"{{%tr {loop} %}}")
    for cell, text in zip(table.rows[2].cells, cells, strict=True):
        write(cell, "Bảng", text)
    write(table.rows[3].cells[0], "Bảng", "{%tr endfor %}")
    return table
