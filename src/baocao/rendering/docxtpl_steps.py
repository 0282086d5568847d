"""docxtpl's own processing steps, called (docxtpl is LGPL: called, never copied).

``DocxTemplate`` holds the four steps the engine runs around Jinja: ``patch_xml`` before
compiling, ``resolve_listing``, ``fix_tables`` and ``fix_docpr_ids`` after rendering.
:func:`docxtpl_template` gives a bare instance to call them on; importing docxtpl loads
python-docx (~45 ms), so it is imported only when a step is needed (a render from the
compile cache with no line break, tab or page break in its values needs none).
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["LISTING_CHARS", "docxtpl_template", "resolve_listing"]

#: what ``resolve_listing`` turns into Word XML: a line break, a tab, a new paragraph, a page
LISTING_CHARS = ("\n", "\t", "\a", "\f")
# the paragraphs docxtpl's resolve_listing visits, found as it finds them
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)


def docxtpl_template() -> Any:
    """A fresh, bare ``DocxTemplate`` whose methods (patch_xml, resolve_listing, fix_tables,
    fix_docpr_ids) do the processing; none of them touches the file it was made for (fresh:
    ``fix_docpr_ids`` counts from its ``docx_ids_index``)."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate.__new__(DocxTemplate)
    tpl.__dict__.update(docx=None, docx_ids_index=1000, template_file=None)
    return tpl


def resolve_listing(xml: str) -> str:
    """docxtpl's ``resolve_listing``, called only on the paragraphs that hold one of
    :data:`LISTING_CHARS`: the same text, without its three nested regular expressions and
    callbacks over every run of every other paragraph (issue 11). ``resolve_listing`` of one
    such paragraph is exactly what it does to it inside the whole part: it finds the
    paragraphs with this same expression and leaves one without these characters as it is
    (``tests/test_engine_listing_fast_path.py`` compares the two)."""
    tpl = docxtpl_template()

    def paragraph(m: re.Match[str]) -> str:
        text = m.group(0)
        return tpl.resolve_listing(text) if any(c in text for c in LISTING_CHARS) else text

    return _PARAGRAPH.sub(paragraph, xml)
