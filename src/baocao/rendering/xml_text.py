"""Text inside the Word XML of a rendered part: entities inside Jinja tags (before compiling),
NFC and the tone style of every ``w:t`` (after rendering), and whether docxtpl's table fix-up
is needed at all."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from baocao.docx.package import W_NS

__all__ = ["W_T", "grid_mismatch", "normalise", "normalise_tree", "unescape_tags"]

W_T = f"{{{W_NS}}}t"
_TAG_INSIDE = re.compile(r"(?<=\{[\{%])(.*?)(?=[\}%]\})")
_ENTITY = re.compile(r"&(amp|quot|apos|lt|gt|#[0-9]+|#x[0-9a-fA-F]+);")
_NAMED = {"amp": "&", "quot": '"', "apos": "'", "lt": "<", "gt": ">"}


def _entity(m: re.Match[str]) -> str:
    name = m.group(1)
    if name in _NAMED:
        return _NAMED[name]
    code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
    return chr(code) if 0 < code <= 0x10FFFF else m.group(0)


def unescape_tags(xml: str) -> str:
    """The XML entities inside Jinja tags turned back into the characters typed in Word, in
    one pass (``&amp;quot;`` stays ``&quot;``). docxtpl turns ``&lt;``/``&gt;`` back but
    not ``&amp;``, so ``{{ "A & B" }}`` printed ``A &amp;amp; B`` and ``{% if x == "A & B"
    %}`` was never true. The text outside the tags stays XML.

    >>> print(unescape_tags('<w:t>{{ "A &amp; B" }} &amp; {% if x == &quot;A&apos;s&quot; %}'))
    <w:t>{{ "A & B" }} &amp; {% if x == "A's" %}
    >>> print(unescape_tags("{{ '&amp;amp;' }}"))
    {{ '&amp;' }}
    """
    if "&" not in xml:
        return xml
    return _TAG_INSIDE.sub(lambda m: _ENTITY.sub(_entity, m.group(0)), xml)


# bounded: a long batch of unique events must keep memory flat (issue 11)
@lru_cache(maxsize=4096)
def normalise(text: str, kieu: str | None) -> str:
    from baocao.vi import chuan_dau, nfc

    return chuan_dau(text, kieu=kieu) if kieu else nfc(text)


def normalise_tree(tree: Any, kieu: str | None) -> None:
    for t in tree.iter(W_T):
        s = t.text
        if s and not s.isascii():
            new = normalise(s, kieu)
            if new != s:
                t.text = new


def _cells(row: Any, spans: bool) -> int:
    count = 0
    for cell in row.findall(f"{{{W_NS}}}tc"):
        span = cell.find(f"{{{W_NS}}}tcPr/{{{W_NS}}}gridSpan") if spans else None
        count += int(span.get(f"{{{W_NS}}}val")) if span is not None else 1
    return count


def grid_mismatch(tree: Any) -> bool:
    """Whether docxtpl's ``fix_tables`` would change anything: some table has a row with
    more cells than grid columns, or fewer (spanned) cells in its widest row than columns,
    or no grid at all (left to docxtpl as it is). Asked on the tree already parsed, so the
    part is re-parsed by ``fix_tables`` only when it must be (issue 11: most rendered
    tables already match their grid)."""
    for table in tree.iter(f"{{{W_NS}}}tbl"):
        grid = table.find(f"{{{W_NS}}}tblGrid")
        if grid is None:
            return True
        columns = len(grid.findall(f"{{{W_NS}}}gridCol"))
        rows = list(table.iter(f"{{{W_NS}}}tr"))
        if any(_cells(r, spans=False) > columns for r in rows):
            return True
        if columns > max((_cells(r, spans=True) for r in rows), default=0):
            return True
    return False
