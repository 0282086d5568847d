"""Warnings about a valid event: things that are probably not what the clerk meant.

A warning is a :class:`~baocao.errors.Problem` with ``severity="warning"``: it is printed, the
exit code stays 0, and ``--strict`` turns it into an error (exit 3). Two kinds of source:

- the parser's (``Located.warnings``: a flow list split by a comma inside a name…), already
  located;
- rules over the validated :class:`~baocao.event.model.Event` (duplicate people…): each
  function of :data:`RULES` returns ``(field path, message, code)`` triples, which
  :func:`event_warnings` places at the line and column of that field.

To add a warning rule, write a function ``Event -> list[Finding]`` and append it to
:data:`RULES`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from baocao.errors import Problem
from baocao.event.located import Located, dotted

if TYPE_CHECKING:
    from baocao.event.model import Event

__all__ = ["RULES", "Finding", "as_errors", "event_warnings", "warning"]

Finding = tuple[tuple[str | int, ...], str, str]
"""(path of the field, message, code) of one warning rule's finding."""

RULES: list[Callable[[Event], list[Finding]]] = []


def _duplicate_people(event: Event) -> list[Finding]:
    from baocao.event.people import duplicate_people

    return duplicate_people(event)


RULES.append(_duplicate_people)


def _programme_gaps(event: Event) -> list[Finding]:
    from baocao.event.programme import khoang_trong

    return khoang_trong(event)


RULES.append(_programme_gaps)


def warning(
    tree: Located, field: tuple[str | int, ...], message: str, code: str, *, path: str
) -> Problem:
    """A warning placed at ``field``'s line and column in ``tree``."""
    line, column = tree.where(field) or (None, None)
    return Problem(
        message,
        path=path,
        line=line,
        column=column,
        field=dotted(field),
        code=code,
        severity="warning",
    )


def event_warnings(event: Event, tree: Located, *, path: str) -> list[Problem]:
    """Every warning about ``event``, in the order of the file."""
    found = list(tree.warnings)
    for rule in RULES:
        found += [warning(tree, f, m, c, path=path) for f, m, c in rule(event)]
    unique = list(dict.fromkeys(found))
    unique.sort(key=lambda p: (p.line or 0, p.column or 0))
    return unique


def as_errors(warnings: list[Problem]) -> list[Problem]:
    """``warnings`` as errors (``--strict``): the same problems without the severity."""
    from dataclasses import replace

    return [replace(p, severity=None) for p in warnings]


def _bao_cao_chua_co_ket_qua(event: Event) -> list[Finding]:
    """A summary report asked for (``van_ban.bao-cao-tong-ket``) with no result at all: it is
    printed as a frame, every section with a line of dots to fill in by hand."""
    from baocao.template_context.report import co_ket_qua

    if "bao-cao-tong-ket" not in (event.van_ban or {}):
        return []
    kq = event.ket_qua.model_dump() if event.ket_qua is not None else {}
    if co_ket_qua(kq):
        return []
    message = (
        "chưa có ket_qua: báo cáo tổng kết in mọi mục với dòng chấm (…) để điền tay; "
        "thêm ket_qua (so_tham_du, uu_diem, han_che, kien_nghi…) để báo cáo tự điền"
    )
    return [(("van_ban", "bao-cao-tong-ket"), message, "ket_qua_trong")]


RULES.append(_bao_cao_chua_co_ket_qua)
