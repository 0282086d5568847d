"""Where a Jinja tag sits in a Word file, in the words a template author uses.

A Word part (the body, a header, a footer, the notes) is read as a list of paragraphs, each
with its place: ``phần thân, đoạn 12`` for a paragraph of the body (counted like
python-docx's ``Document.paragraphs``, 1-based) or ``phần thân, bảng 1, hàng 2, ô 3`` for a
paragraph in a table cell. The paragraphs' texts are joined with ``"\\n"`` and the tags
(``{{ }}``, ``{% %}``, ``{# #}``) are found in that text, so a tag split over several runs
by Word is still one tag, and each tag knows its paragraph.

>>> xml = (b'<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
...        b'<w:p><w:r><w:t>Xin {{ a</w:t></w:r><w:r><w:t>.b }}</w:t></w:r></w:p>'
...        b'<w:tbl><w:tr><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>{{ c }}</w:t></w:r></w:p>'
...        b'</w:tc></w:tr></w:tbl></w:body>')
>>> paras = read_paragraphs(xml)
>>> [(p.place, p.text) for p in paras]
[('đoạn 1', 'Xin {{ a.b }}'), ('bảng 1, hàng 1, ô 1', ''), ('bảng 1, hàng 1, ô 2', '{{ c }}')]
>>> [(t.text, t.para.place) for t in find_tags(paras)]
[('{{ a.b }}', 'đoạn 1'), ('{{ c }}', 'bảng 1, hàng 1, ô 2')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from baocao.docx.package import W_NS

__all__ = [
    "Paragraph",
    "Part",
    "Tag",
    "find_tags",
    "jinja_source",
    "jinja_text",
    "prefix_of",
    "read_paragraphs",
    "read_parts",
    "snippet",
    "split_strings",
    "stray_closers",
    "stray_openers",
]

_W = f"{{{W_NS}}}"
# a tag ends at its closing mark; a new opener before it means this one was never closed
# (a comment, as in Jinja, runs to its ``#}`` whatever it holds: ``{# {{ x }} #}``)
TAG_RE = re.compile(r"\{\{(?:(?!\{[{%#]).)*?\}\}|\{%(?:(?!\{[{%#]).)*?%\}|\{#.*?#\}", re.DOTALL)
_OPENER_RE = re.compile(r"\{\{|\{%|\{#")
_STRINGS = re.compile(r"""'(?:\\.|[^'\\])*'?|"(?:\\.|[^"\\])*"?|[^'"]+""", re.DOTALL)
_CLOSER_RE = re.compile(r"\}\}|%\}|#\}")
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# what docxtpl's patch_xml turns into straight quotes inside a tag
DOCXTPL_QUOTES = {"“": '"', "”": '"', "‘": "'", "’": "'"}
# what Word's AutoCorrect puts in a tag and Jinja cannot read (outside a string)
FOREIGN = {
    "„": '"',
    "‟": '"',
    "«": '"',
    "»": '"',
    "‚": "'",
    "‛": "'",
    "–": "-",
    "—": "-",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2007": " ",
}
_PREFIX = re.compile(r"^\{([{%#])(p|tr|tc|r) ")
_SPECIAL = re.compile(r"^\{%-?\s*(vm|hm)\s*-?%\}$")
_SPECIAL_EXPR = re.compile(r"^\{%-?\s*(?:colspan|cellbg)\s+(.*?)\s*-?%\}$", re.DOTALL)


@dataclass
class Paragraph:
    """One Word paragraph: its place (without the part), its text, whether it is in a table."""

    place: str
    text: str
    in_table: bool
    start: int = 0  # offset of its text in the joined part text
    fallback: bool = False  # Word's copy of a text box for old readers (mc:Fallback)


@dataclass
class Tag:
    """One tag found in the joined text of a part."""

    text: str
    start: int
    para: Paragraph
    end_para: Paragraph

    @property
    def spans_paragraphs(self) -> bool:
        """True when Word's paragraph mark falls inside the tag."""
        return self.para is not self.end_para


def _paragraph_text(p: object) -> str:
    """Text of the paragraph ``p``: its ``w:t`` (tabs, breaks as spaces), not the texts of
    paragraphs nested inside it (text boxes)."""
    out: list[str] = []
    for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br"):  # type: ignore[attr-defined]
        owner = el.getparent()
        while owner is not None and owner.tag != f"{_W}p":
            owner = owner.getparent()
        if owner is not p:
            continue
        if el.tag == f"{_W}t":
            out.append(el.text or "")
        else:
            out.append(" ")
    return "".join(out)


def read_paragraphs(xml: bytes, name: str = "") -> list[Paragraph]:
    """Every paragraph of a part (``w:body``, ``w:hdr``, ``w:ftr``, notes) in document order.

    Body-level paragraphs are numbered 1, 2, … like python-docx's ``paragraphs``; tables
    1, 2, … in the order they start; a paragraph inside a table (nested tables included)
    is placed in its outermost table's row and cell.
    """
    from baocao.docx.safe_xml import parse_part
    from baocao.i18n import _

    root = parse_part(xml, name or "word/document.xml")
    body = root.find(f"{_W}body")
    container = body if body is not None else root

    out: list[Paragraph] = []
    para_no = 0
    table_no = 0
    table_of: dict[object, int] = {}

    for p in container.iter(f"{_W}p"):
        # the outermost table holding p, and the outermost paragraph (text boxes)
        outer_tbl = None
        top_p = p
        fallback = False
        node = p.getparent()
        while node is not None and node is not container:
            if node.tag == f"{_W}tbl":
                outer_tbl = node
            elif node.tag == f"{_W}p":
                top_p = node
            elif node.tag == _MC_FALLBACK:
                fallback = True
            node = node.getparent()
        if outer_tbl is not None:
            if outer_tbl not in table_of:
                table_no += 1
                table_of[outer_tbl] = table_no
            rows = [r for r in outer_tbl if r.tag == f"{_W}tr"]
            # row/cell of the outermost table: walk up again from p, keep the last seen
            r_el = c_el = None
            node = p
            while node is not None and node is not outer_tbl:
                parent = node.getparent()
                if parent is not None and parent.tag == f"{_W}tr" and node.tag == f"{_W}tc":
                    c_el = node
                if parent is outer_tbl and node.tag == f"{_W}tr":
                    r_el = node
                node = parent
            r_no = rows.index(r_el) + 1 if r_el is not None else 1
            cells = [c for c in r_el if c.tag == f"{_W}tc"] if r_el is not None else []
            c_no = cells.index(c_el) + 1 if c_el in cells else 1
            place = _("bảng {bang}, hàng {hang}, ô {o}").format(
                bang=table_of[outer_tbl], hang=r_no, o=c_no
            )
            in_table = True
        else:
            if top_p is p:
                para_no += 1
            place = _("đoạn {so}").format(so=max(para_no, 1))
            in_table = False
        if top_p is not p:
            place = _("{noi}, trong hộp văn bản").format(noi=place)
        out.append(Paragraph(place, _paragraph_text(p), in_table, fallback=fallback))
    return out


def joined(paras: list[Paragraph]) -> str:
    """The texts of ``paras`` joined with ``"\\n"``; sets each paragraph's ``start``."""
    pos = 0
    for p in paras:
        p.start = pos
        pos += len(p.text) + 1
    return "\n".join(p.text for p in paras)


def _para_at(paras: list[Paragraph], starts: list[int], offset: int) -> Paragraph:
    return paras[max(bisect.bisect_right(starts, offset) - 1, 0)]


def find_tags(paras: list[Paragraph]) -> list[Tag]:
    """Every tag in the paragraphs, in order, each with the paragraph it starts and ends in."""
    text = joined(paras)
    starts = [p.start for p in paras]
    tags = []
    for m in TAG_RE.finditer(text):
        tags.append(
            Tag(
                m.group(0),
                m.start(),
                _para_at(paras, starts, m.start()),
                _para_at(paras, starts, m.end() - 1),
            )
        )
    return tags


def stray_openers(paras: list[Paragraph]) -> list[tuple[str, Paragraph]]:
    """``{{``, ``{%`` or ``{#`` that no closing mark follows: an unfinished tag.

    >>> from baocao.docx.locations import Paragraph
    >>> [(o, p.place) for o, p in stray_openers([Paragraph("đoạn 1", "Xin {{ ten ", False)])]
    [('{{', 'đoạn 1')]
    """
    text = joined(paras)
    starts = [p.start for p in paras]
    rest = TAG_RE.sub(lambda m: " " * len(m.group(0)), text)
    return [(m.group(0), _para_at(paras, starts, m.start())) for m in _OPENER_RE.finditer(rest)]


def stray_closers(paras: list[Paragraph]) -> list[tuple[str, Paragraph]]:
    """``}}``, ``%}`` or ``#}`` that no opening mark comes before: a tag with its ``{`` lost.

    >>> from baocao.docx.locations import Paragraph
    >>> [(c, p.place) for c, p in stray_closers([Paragraph("đoạn 1", "{ ten }} {{ a }}", False)])]
    [('}}', 'đoạn 1')]
    """
    text = joined(paras)
    starts = [p.start for p in paras]
    rest = TAG_RE.sub(lambda m: " " * len(m.group(0)), text)
    return [(m.group(0), _para_at(paras, starts, m.start())) for m in _CLOSER_RE.finditer(rest)]


def snippet(text: str, tag: str | None = None, width: int = 80) -> str:
    """The paragraph text around ``tag``, on one line, at most ``width`` characters.

    >>> snippet("Địa điểm: {{ su_kien.diadiem }}")
    'Địa điểm: {{ su_kien.diadiem }}'
    >>> len(snippet("x" * 200 + "{{ a }}", "{{ a }}"))
    80
    """
    one = " ".join(text.split())
    if len(one) <= width:
        return one
    at = one.find(" ".join(tag.split())) if tag else -1
    if at < 0:
        return one[: width - 1] + "…"
    lo = max(0, min(at - (width - len(tag or "")) // 2, len(one) - width + 1))
    piece = one[lo : lo + width - 2]
    return ("…" if lo else "") + piece + ("…" if lo + width - 2 < len(one) else "")


@dataclass
class Part:
    """One XML part of the .docx; ``uses`` says where Word shows a header or footer:
    ``(section number, "default" | "first" | "even")`` for each section referring to it,
    ``sections`` is how many sections the document has."""

    name: str
    kind: str
    xml: bytes
    uses: tuple[tuple[int, str], ...] = ()
    sections: int = 1

    def label(self) -> str:
        """The part's name as Word shows it: ``phần thân``, ``đầu trang``, ``chân trang trang
        đầu``, ``đầu trang, phần 2``; the file name only for a part no section shows."""
        from baocao.i18n import _

        labels = {
            "body": _("phần thân"),
            "header": _("đầu trang"),
            "footer": _("chân trang"),
            "notes": _("chú thích"),
        }
        label = labels[self.kind]
        if self.kind in ("body", "notes"):
            return label
        if not self.uses:
            return f"{label} ({self.name})"
        kinds = {kind for _s, kind in self.uses}
        if kinds == {"first"}:
            label = _("{nhan} trang đầu").format(nhan=label)
        elif kinds == {"even"}:
            label = _("{nhan} trang chẵn").format(nhan=label)
        numbers = sorted({n for n, _k in self.uses})
        if self.sections > 1 and len(numbers) == 1:
            label = _("{nhan}, phần {so}").format(nhan=label, so=numbers[0])
        return label


def _header_uses(package: object) -> tuple[dict[str, list[tuple[int, str]]], int]:
    """For each header/footer part name, the sections (1-based) and kinds that show it."""
    import posixpath

    from baocao.docx.safe_xml import parse_part

    blobs = package.blobs  # type: ignore[attr-defined]
    document = package.document  # type: ignore[attr-defined]
    folder, base = posixpath.split(document)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    targets: dict[str, str] = {}
    if rels_name in blobs:
        rels = parse_part(blobs[rels_name], rels_name)
        for rel in rels:
            target = rel.get("Target", "")
            target = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            targets[rel.get("Id", "")] = target
    root = parse_part(blobs[document], document)
    uses: dict[str, list[tuple[int, str]]] = {}
    shown: dict[tuple[str, str], str] = {}  # (tag, type) → part; a section inherits the last
    sections = 0
    for number, sect in enumerate(root.iter(f"{_W}sectPr"), 1):
        sections = number
        for ref in sect:
            if ref.tag in (f"{_W}headerReference", f"{_W}footerReference"):
                name = targets.get(ref.get(f"{_R}id", ""))
                if name:
                    shown[(ref.tag, ref.get(f"{_W}type", "default"))] = name
        for (_tag, kind), name in shown.items():
            uses.setdefault(name, []).append((number, kind))
    return uses, max(sections, 1)


def read_parts(path: Path) -> list[Part]:
    """The parts of the .docx at ``path`` that may hold tags: body, headers, footers, notes."""
    from baocao.docx.package import read_package

    package = read_package(path)
    uses, sections = _header_uses(package)
    parts = [Part(package.document, "body", package.blobs[package.document])]
    for kind, names in (("header", package.headers), ("footer", package.footers)):
        parts += [Part(n, kind, package.blobs[n], tuple(uses.get(n, ())), sections) for n in names]
    parts += [Part(n, "notes", package.blobs[n]) for n in package.notes]
    return parts


def prefix_of(tag: str) -> str | None:
    """The docxtpl prefix of a tag: ``p``, ``tr``, ``tc``, ``r`` or None.

    >>> prefix_of("{%tr for r in bang_ket_qua %}"), prefix_of("{{ x }}")
    ('tr', None)
    """
    m = _PREFIX.match(tag)
    return m.group(2) if m else None


def split_strings(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into pieces, each ``(piece, True)`` for a string literal in straight
    quotes (quotes included, an unclosed one runs to the end) or ``(piece, False)``.

    >>> split_strings("{{ a|default('x') ~ 'y }}")
    [('{{ a|default(', False), ("'x'", True), (') ~ ', False), ("'y }}", True)]
    """
    out: list[tuple[str, bool]] = []
    for m in _STRINGS.finditer(text):
        piece = m.group(0)
        out.append((piece, piece[0] in "'\""))
    return out


def docxtpl_quotes(tag: str) -> str:
    """The tag with Word's curly quotes made straight, as docxtpl does before Jinja reads it."""
    for curly, straight in DOCXTPL_QUOTES.items():
        tag = tag.replace(curly, straight)
    return tag


def foreign_chars(tag: str) -> list[str]:
    """The characters of :data:`FOREIGN` that stand outside a string literal of the tag,
    in order, once each.

    >>> foreign_chars("{{ so – 1 }} {{ x|default('–') }}"), foreign_chars("{{ «a» }}")
    (['–'], ['«', '»'])
    """
    seen: list[str] = []
    for piece, is_string in split_strings(docxtpl_quotes(tag)):
        if not is_string:
            seen += [c for c in piece if c in FOREIGN and c not in seen]
    return seen


def jinja_text(tag: str) -> str:
    """The Jinja that docxtpl makes of a tag as typed in Word, on one line; characters that
    Jinja cannot read outside a string (reported on their own) are made ASCII so the rest of
    the tag can still be checked.

    >>> jinja_text("{%p if x %}"), jinja_text("{{ x|default(“a”) }}"), jinja_text("{% vm %}")
    ('{% if x %}', '{{ x|default("a") }}', '')
    >>> jinja_text("{{ so – 1 }}"), jinja_text("{{ x|default('– …') }}")
    ('{{ so - 1 }}', "{{ x|default('– …') }}")
    """
    t = docxtpl_quotes(tag.replace("\n", " "))
    t = "".join(
        piece if is_string else "".join(FOREIGN.get(c, c) for c in piece)
        for piece, is_string in split_strings(t)
    )
    t = _PREFIX.sub(r"{\1 ", t)
    if _SPECIAL.match(t):
        return ""
    m = _SPECIAL_EXPR.match(t)
    if m:
        return "{{ " + m.group(1) + " }}"
    return t


def jinja_source(tags: Sequence[Tag]) -> str:
    """One tag per line: line N of the parsed source is ``tags[N - 1]``."""
    return "\n".join(jinja_text(t.text) for t in tags)
