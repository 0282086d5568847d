"""One XML part of a compiled template (:class:`Part`), and where a line of it is in Word
terms: which part (:func:`part_label`), which paragraph, what text (:meth:`Part.where`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from jinja2 import Template

__all__ = ["Part", "part_label", "template_lineno"]

_TAG_RE = re.compile(r"<[^>]+>")


def part_label(kind: str, name: str) -> str:
    from baocao.i18n import _

    labels = {
        "body": _("phần thân"),
        "header": _("đầu trang"),
        "footer": _("chân trang"),
        "notes": _("chú thích"),
    }
    label = labels[kind]
    return label if kind == "body" else f"{label} ({name})"


def template_lineno(tb: TracebackType | None) -> int | None:
    """The line of the compiled part where a Jinja error happened (the last ``<template>``
    frame of the traceback), or None."""
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


@dataclass
class Part:
    """One XML part rendered with Jinja."""

    name: str
    kind: str  # body, header, footer, notes
    source: str  # docxtpl-patched XML, one paragraph per line
    template: Template
    head: bytes = b""  # the document around the body (body only)
    tail: bytes = b""
    code: Any = None  # Jinja's compiled code of ``source`` (kept by the compile cache)
    #: the names the part reads (every loaded name of its syntax tree: a superset of the
    #: context keys it needs, loop variables and ``set`` names included)
    names: frozenset[str] = frozenset()

    def where(self, lineno: int | None) -> str:
        """Word-terms location of template line ``lineno``: part, paragraph, its text."""
        from baocao.i18n import _

        label = part_label(self.kind, self.name)
        if not lineno:
            return label
        lines = self.source.split("\n")
        text = _TAG_RE.sub("", lines[lineno - 1]) if lineno <= len(lines) else ""
        text = " ".join(text.split())
        if len(text) > 80:
            text = text[:77] + "…"
        where = _("{part}, đoạn {so}").format(part=label, so=max(lineno - 1, 1))
        return f"{where}: «{text}»" if text else where
