"""docxtpl's processing steps, as the engine uses them, without loading python-docx when it
can.

docxtpl's ``DocxTemplate`` holds the four steps the engine runs: ``patch_xml`` (before
compiling), ``resolve_listing``, ``fix_tables`` and ``fix_docpr_ids`` (after rendering).
Importing docxtpl imports the whole of python-docx (~50 ms), yet a document usually needs
only ``resolve_listing`` after rendering (a compiled template can come from the compile
cache, :mod:`baocao.rendering.compile_cache`). So :func:`resolve_listing` and
:func:`fix_docpr_ids` here give exactly what docxtpl's methods give (``tests/
test_docxtpl_steps.py`` compares them on generated input), and ``patch_xml`` and
``fix_tables`` are docxtpl's own, loaded when first used.

>>> print(resolve_listing('<w:p><w:r><w:t>a\\tb</w:t></w:r></w:p>'))
<w:p><w:r><w:t>a</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">b</w:t></w:r></w:p>
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["DocxtplSteps", "fix_docpr_ids", "resolve_listing"]

WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"

# docxtpl's patterns: paragraphs, runs and texts across lines; the properties on one line
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
_RUN = re.compile(r"<w:r(?: [^>]*)?>.*?</w:r>", re.DOTALL)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>.*?</w:t>", re.DOTALL)
_P_PR = re.compile(r"<w:pPr>.*?</w:pPr>")
_R_PR = re.compile(r"<w:rPr>.*?</w:rPr>")
_OPEN_T = '<w:t xml:space="preserve">'


def _first(pattern: re.Pattern[str], xml: str) -> str:
    found = pattern.search(xml)
    return found.group(0) if found else ""


def _listing_text(text: str, r_pr: str, p_pr: str) -> str:
    # the same replacements, in the same order, as docxtpl's resolve_text
    text = text.replace("\t", f"</w:t></w:r><w:r>{r_pr}<w:tab/></w:r><w:r>{r_pr}{_OPEN_T}")
    text = text.replace("\a", f"</w:t></w:r></w:p><w:p>{p_pr}<w:r>{r_pr}{_OPEN_T}")
    text = text.replace("\n", f"</w:t><w:br/>{_OPEN_T}")
    return text.replace(
        "\f",
        f'</w:t></w:r></w:p><w:p><w:r><w:br w:type="page"/></w:r></w:p><w:p>{p_pr}<w:r>{r_pr}'
        + _OPEN_T,
    )


def _listing_run(run: str, p_pr: str) -> str:
    r_pr = _first(_R_PR, run)
    return _TEXT.sub(lambda t: _listing_text(t.group(0), r_pr, p_pr), run)


def _listing_paragraph(paragraph: str) -> str:
    p_pr = _first(_P_PR, paragraph)
    return _RUN.sub(lambda r: _listing_run(r.group(0), p_pr), paragraph)


def resolve_listing(xml: str) -> str:
    """Tabs, new lines, ``\\a`` (new paragraph) and ``\\f`` (page break) inside ``w:t`` made
    Word XML, as docxtpl's ``DocxTemplate.resolve_listing`` does."""
    return _PARAGRAPH.sub(lambda p: _listing_paragraph(p.group(0)), xml)


def fix_docpr_ids(tree: Any, first: int = 1001) -> None:
    """Every drawing's ``wp:docPr/@id`` numbered from ``first`` in document order, as a
    fresh ``DocxTemplate.fix_docpr_ids`` does (ids copied by a loop would collide)."""
    for number, element in enumerate(tree.xpath("//wp:docPr", namespaces={"wp": WP_NS}), first):
        element.attrib["id"] = str(number)


def _docx_template() -> Any:
    """A bare ``DocxTemplate``: none of the methods used touches the file it was made for."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate.__new__(DocxTemplate)
    tpl.__dict__.update(docx=None, docx_ids_index=1000, template_file=None)
    return tpl


class DocxtplSteps:
    """The four steps under docxtpl's names: two here, two docxtpl's own (loaded then)."""

    resolve_listing = staticmethod(resolve_listing)
    fix_docpr_ids = staticmethod(fix_docpr_ids)

    def patch_xml(self, xml: str) -> str:
        """docxtpl's clean-up of a part before Jinja reads it."""
        patched: str = _docx_template().patch_xml(xml)
        return patched

    def fix_tables(self, xml: str) -> Any:
        """docxtpl's table fix-up: the part re-parsed, grid widths made to fit its rows."""
        return _docx_template().fix_tables(xml)
