"""Several rendered document bodies joined into one, each its own section: a new page, the
same page layout (the template's ``w:sectPr``: size, margins, header and footer) and page
numbers restarting at 1 — a per-person document (giấy mời, giấy chứng nhận) ready to print.

Each body but the last ends with a paragraph holding a copy of its ``w:sectPr`` (a "section
break, next page" in Word's terms); that paragraph is 1 pt high so it never spills onto a
page of its own. Drawing ids (``wp:docPr``) and bookmark ids are renumbered so that they
stay unique.

>>> from lxml import etree
>>> def body(text):
...     return etree.fromstring(
...         f'<w:body xmlns:w="{W_NS}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
...         '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:titlePg/></w:sectPr></w:body>')
>>> joined = join_bodies([body("A"), body("B"), body("C")])
>>> [t.text for t in joined.iter(f"{{{W_NS}}}t")]
['A', 'B', 'C']
>>> len(list(joined.iter(f"{{{W_NS}}}sectPr"))), sorted(set(
...     e.get(f"{{{W_NS}}}start") for e in joined.iter(f"{{{W_NS}}}pgNumType")))
(3, ['1'])
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from baocao.docx.package import W_NS

__all__ = ["W_NS", "join_bodies"]

WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_W = f"{{{W_NS}}}"
#: CT_SectPr's children in schema order (where to insert w:type and w:pgNumType)
_SECT_ORDER = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
    "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
    "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
    "printerSettings", "sectPrChange",
)  # fmt: skip
_BOOKMARK_STEP = 100_000


def _set_child(sect: Any, name: str, **attrs: str) -> None:
    """Give ``sect`` the child ``w:name`` (replacing one it has) at its schema place."""
    from lxml import etree

    for old in sect.findall(_W + name):
        sect.remove(old)
    new = etree.SubElement(sect, _W + name)
    for key, value in attrs.items():
        new.set(_W + key, value)
    sect.remove(new)
    rank = _SECT_ORDER.index(name)
    for i, child in enumerate(sect):
        local = etree.QName(child).localname
        if local in _SECT_ORDER and _SECT_ORDER.index(local) > rank:
            sect.insert(i, new)
            return
    sect.append(new)


def _restart(sect: Any) -> Any:
    """``sect`` starting on a new page with page number 1."""
    _set_child(sect, "type", val="nextPage")
    _set_child(sect, "pgNumType", start="1")
    return sect


def _break_paragraph(sect: Any) -> Any:
    """A 1 pt paragraph that ends a section with ``sect`` (a copy)."""
    from lxml import etree

    p = etree.Element(_W + "p")
    ppr = etree.SubElement(p, _W + "pPr")
    spacing = etree.SubElement(ppr, _W + "spacing")
    for key, value in (("before", "0"), ("after", "0"), ("line", "20"), ("lineRule", "exact")):
        spacing.set(_W + key, value)
    ind = etree.SubElement(ppr, _W + "ind")
    ind.set(_W + "firstLine", "0")
    rpr = etree.SubElement(ppr, _W + "rPr")
    etree.SubElement(rpr, _W + "sz").set(_W + "val", "2")
    ppr.append(copy.deepcopy(sect))
    return p


def _page_break() -> Any:
    from lxml import etree

    p = etree.Element(_W + "p")
    etree.SubElement(etree.SubElement(p, _W + "r"), _W + "br").set(_W + "type", "page")
    return p


def _shift_bookmarks(body: Any, offset: int) -> None:
    for tag in ("bookmarkStart", "bookmarkEnd"):
        for mark in body.iter(_W + tag):
            value = mark.get(_W + "id")
            if value is not None and value.lstrip("-").isdigit():
                mark.set(_W + "id", str(int(value) + offset))


def _last_sect(body: Any) -> Any:
    """The body's closing ``w:sectPr``, or None (``body[-1]``: ``len()`` would count every
    child, again and again as the joined body grows)."""
    try:
        last = body[-1]
    except IndexError:
        return None
    return last if last.tag == _W + "sectPr" else None


def join_bodies(bodies: Iterable[Any]) -> Any:
    """One ``w:body`` holding every body of ``bodies`` (``w:body`` elements, consumed in
    order and emptied), each its own section that starts a new page with page number 1."""
    out: Any = None
    for n, body in enumerate(bodies):
        sect = _last_sect(body)
        if sect is not None:
            _restart(sect)
        if n:
            _shift_bookmarks(body, n * _BOOKMARK_STEP)
        if out is None:
            out = body
            continue
        last = _last_sect(out)
        if last is not None:  # the previous section ends here, in a paragraph of its own
            out.remove(last)
            out.append(_break_paragraph(last))
        else:
            out.append(_page_break())
        for child in list(body):
            out.append(child)
    if out is None:
        raise ValueError("join_bodies: no body")
    for i, pr in enumerate(out.iter(f"{{{WP_NS}}}docPr"), 1):
        pr.set("id", str(i))
    return out
