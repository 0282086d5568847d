"""The one XML parser every part of a .docx is read with, hardened against hostile files.

Every part (the document, headers, footers, notes, relationships, content types, and the
XML a template renders) goes through :func:`parse_part`. The parser never expands an
entity, never loads a DTD, never touches the network and keeps libxml2's default limits
(``huge_tree`` off: at most 256 levels of nesting, 10 MB in one text node); a part with a
``<!DOCTYPE>`` is refused outright (Word never writes one). A part that is not well-formed
XML is a :class:`~baocao.errors.TemplateError` naming the part (``word/_rels/document.xml.rels``,
``word/header2.xml``), never a crash.

>>> parse_part(b"<a><b/></a>", "word/document.xml").tag
'a'
>>> parse_part(b"<a>", "word/header2.xml", path="x.docx")
Traceback (most recent call last):
...
baocao.errors.TemplateError: x.docx: word/header2.xml: phần này không phải XML hợp lệ: ...
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from baocao.errors import Problem, TemplateError

__all__ = ["MAX_DEPTH", "parse_part", "parser", "xml_problem"]

MAX_DEPTH = 256  # libxml2's limit without XML_PARSE_HUGE


@lru_cache(maxsize=2)
def parser(*, remove_blank_text: bool = False) -> Any:
    """The hardened lxml parser (``remove_blank_text`` as python-docx reads a document)."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=remove_blank_text,
    )


def xml_problem(part: str, path: Path | str | None, detail: str) -> TemplateError:
    """The error of a part that cannot be read as XML."""
    from baocao.i18n import _

    message = _("phần này không phải XML hợp lệ: {loi}").format(loi=detail)
    return TemplateError(
        [Problem(message, path=str(path) if path else None, part=part, code="bad-xml")]
    )


def parse_part(
    data: bytes | str,
    part: str,
    path: Path | str | None = None,
    *,
    remove_blank_text: bool = False,
) -> Any:
    """The root element of ``data`` (the part named ``part`` of the package at ``path``).

    >>> parse_part(b'<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><r>&e;</r>', "r")
    Traceback (most recent call last):
    ...
    baocao.errors.TemplateError: r: phần này không phải XML hợp lệ: <!DOCTYPE> ...
    """
    from lxml import etree

    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        root = etree.fromstring(data, parser(remove_blank_text=remove_blank_text))
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise xml_problem(part, path, str(exc)) from exc
    if root is None:  # pragma: no cover - lxml raises on an empty document
        raise xml_problem(part, path, "empty")
    if root.getroottree().docinfo.doctype:
        raise xml_problem(part, path, "<!DOCTYPE> (Word never writes one)")
    return root
