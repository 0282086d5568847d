"""A rendered .docx read back as headings, paragraphs and tables, for a quick look.

:func:`outline` takes the bytes of a Word document and returns its blocks in order; the
``preview`` command prints them. A paragraph is a heading when its style is a heading or
title style, or when all its text is bold and centred (how official documents set their
titles). Empty paragraphs are left out; merged table cells appear once.

>>> import io
>>> from docx import Document
>>> doc = Document()
>>> _ = doc.add_heading("THÔNG CÁO", level=1)
>>> _ = doc.add_paragraph("Sáng 1/11, Ban Dân vận tổ chức lớp bồi dưỡng.")
>>> table = doc.add_table(rows=1, cols=2)
>>> table.cell(0, 0).text, table.cell(0, 1).text = "STT", "Nội dung"
>>> buf = io.BytesIO(); doc.save(buf)
>>> for b in outline(buf.getvalue()):
...     print(b.kind, b.text or b.rows)
heading THÔNG CÁO
paragraph Sáng 1/11, Ban Dân vận tổ chức lớp bồi dưỡng.
table [['STT', 'Nội dung']]
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Block", "outline"]


@dataclass
class Block:
    """One block: ``kind`` is ``heading``, ``paragraph`` or ``table`` (then ``rows``)."""

    kind: str
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    centred: bool = False


def _is_heading(p: Any) -> bool:
    style = (getattr(p.style, "name", "") or "").lower()
    if style.startswith(("heading", "title")):
        return True
    runs = [r for r in p.runs if r.text.strip()]
    if not runs:
        return False
    style_bold = bool(_inherited(p.style, lambda s: s.font.bold))
    bold = all(r.bold if r.bold is not None else style_bold for r in runs)
    return bool(bold and _centred(p))


def _inherited(style: Any, get: Any) -> Any:
    """The first value set along ``style`` and its base styles, else None."""
    seen = 0
    while style is not None and seen < 20:
        value = get(style)
        if value is not None:
            return value
        style = style.base_style
        seen += 1
    return None


def _centred(p: Any) -> bool:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    align = p.alignment
    if align is None:
        align = _inherited(p.style, lambda s: s.paragraph_format.alignment)
    return bool(align == WD_ALIGN_PARAGRAPH.CENTER)


def _table_rows(table: Any) -> list[list[str]]:
    rows = []
    for row in table.rows:
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append("\n".join(p.text for p in cell.paragraphs).strip())
        rows.append(cells)
    return rows


def outline(data: bytes) -> list[Block]:
    """The blocks of the body of the .docx ``data``, in order."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(io.BytesIO(data))
    blocks: list[Block] = []
    for item in doc.element.body.iterchildren():
        tag = item.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = Paragraph(item, doc._body)
            text = p.text.strip()
            if text:
                kind = "heading" if _is_heading(p) else "paragraph"
                blocks.append(Block(kind, text, centred=_centred(p)))
        elif tag == "tbl":
            blocks.append(Block("table", rows=_table_rows(Table(item, doc._body))))
    return blocks
