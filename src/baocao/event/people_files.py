"""Lists of people given as files in an event (``khach_moi: ds.xlsx``): read before the
event is validated, and every problem about their rows moved to the cell it concerns.

:func:`splice_lists` replaces, in the parsed tree, each list written as a path or as
``{tep: …, trang: …}`` by the rows of that sheet (:func:`~baocao.event.spreadsheets.read_people`)
and returns a :class:`Placement`; :meth:`Placement.relocate` then turns a problem about
``hoc_vien.3.ngay_sinh`` (placed by the validator at the line of ``hoc_vien:``) into one about
``ds.xlsx:Học viên!C7``, its message starting with the column (``ngày sinh: …``).
:func:`placeholders` finds the values a clerk still has to fill (``"<điền: họ tên>"``, as
``baocao init`` writes them).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from baocao.errors import DataError, Problem
from baocao.event.located import Located, dotted
from baocao.event.located import Path as TreePath
from baocao.event.spreadsheets import LABELS, ListKey, PeopleTable, read_people
from baocao.i18n import _

__all__ = ["LIST_KEYS", "PLACEHOLDER", "Placement", "placeholders", "splice_lists"]

LIST_KEYS: tuple[ListKey, ...] = ("khach_moi", "hoc_vien")

PLACEHOLDER = re.compile(r"^\s*<\s*(?:điền|dien)\s*:?\s*(?P<what>[^>]*)>\s*$", re.IGNORECASE)
"""A value still to be filled in: ``<điền: họ và tên>`` (written by ``baocao init``)."""


@dataclass
class Placement:
    """The tables read from sheets, by list key: where each of their values came from."""

    tables: dict[str, PeopleTable] = field(default_factory=dict)

    def relocate(self, problem: Problem) -> Problem:
        """``problem`` placed at its cell when its field came from a sheet, else as it is."""
        if problem.field is None or not self.tables:
            return problem
        key, _dot, rest = problem.field.partition(".")
        table = self.tables.get(key)
        index, _dot, name = rest.partition(".")
        if table is None or not index.isdigit() or int(index) >= len(table.rows):
            return problem
        column = name.split(".")[0] or None
        label = LABELS.get(column or "") if column in table.columns else None
        message = f"{label}: {problem.message}" if label else problem.message
        return replace(
            problem,
            path=table.file,
            line=None,
            column=None,
            cell=table.cell(int(index), column),
            message=message,
        )


def _reference(value: Any) -> tuple[str, str | None] | None:
    """(file, sheet) when ``value`` names a file, else None (a list, or something invalid
    that validation will report)."""
    if isinstance(value, str):
        return value, None
    if isinstance(value, dict) and "tep" in value:
        tep, trang = value.get("tep"), value.get("trang")
        if isinstance(tep, str) and (trang is None or isinstance(trang, str | int)):
            return tep, None if trang is None else str(trang)
    return None


def splice_lists(
    tree: Located, *, path: str, base: Path, shown_base: str | None, sheet: str | None = None
) -> tuple[Placement, list[Problem]]:
    """Read the lists of ``tree`` given as files (relative to ``base``; named in messages
    relative to ``shown_base``, the folder of the event as the user wrote it) and put their
    rows in ``tree.data``. ``sheet`` (``--sheet``) picks the sheet of a list that names
    none. Returns where each value came from and the problems of the files themselves."""
    placement = Placement()
    problems: list[Problem] = []
    if not isinstance(tree.data, dict):
        return placement, problems
    for key in LIST_KEYS:
        if key not in tree.data:
            continue
        ref = _reference(tree.data[key])
        if ref is None:
            continue
        tep, trang = ref
        where: TreePath = (key, "tep") if isinstance(tree.data[key], dict) else (key,)
        line, column = tree.where(where) or (None, None)
        if isinstance(tree.data[key], dict):
            problems += _unknown_keys(tree, key, path)
        if not tep.strip():
            problems.append(
                Problem(
                    _("thiếu đường dẫn tệp danh sách"),
                    path=path,
                    line=line,
                    column=column,
                    field=dotted(where),
                    code="list-file",
                )
            )
            continue
        target = Path(tep)
        shown = str(Path(shown_base) / target) if shown_base and not target.is_absolute() else tep
        try:
            table = read_people(
                target if target.is_absolute() else base / target,
                shown=shown,
                kind=key,
                sheet=trang if trang is not None else sheet,
            )
        except DataError as error:
            for problem in error.problems:
                if problem.code == "io":
                    problem = replace(
                        problem,
                        message=_("tệp danh sách `{tep}`: {reason}").format(
                            tep=tep, reason=problem.message
                        ),
                        path=path,
                        line=line,
                        column=column,
                        field=dotted(where),
                    )
                problems.append(problem)
            tree.data[key] = []
            continue
        tree.data[key] = table.rows
        placement.tables[key] = table
    return placement, problems


def _unknown_keys(tree: Located, key: str, path: str) -> list[Problem]:
    from baocao.suggest import did_you_mean

    problems: list[Problem] = []
    for name in tree.data[key]:
        if name in ("tep", "trang"):
            continue
        line, column = tree.key_where((key, name)) or (None, None)
        guess = did_you_mean(str(name), ["tep", "trang"])
        problems.append(
            Problem(
                _("không có mục `{key}`; có phải ý bạn là `{guess}`?").format(key=name, guess=guess)
                if guess
                else _("không có mục `{key}` ở đây; các mục được dùng: tep, trang").format(
                    key=name
                ),
                path=path,
                line=line,
                column=column,
                field=dotted((key, name)),
                code="extra_forbidden",
            )
        )
    return problems


def ordered(problems: list[Problem]) -> list[Problem]:
    """``problems`` without repeats: those of the event file by line and column, then those
    of each sheet (in the order the sheets were read) by row, then column."""
    unique = list(dict.fromkeys(problems))  # Problem is frozen, hence hashable
    sheets: dict[tuple[str | None, str], int] = {}
    for problem in unique:
        if problem.cell is not None:
            sheets.setdefault((problem.path, problem.cell.rpartition("!")[0]), len(sheets))

    def key(problem: Problem) -> tuple[int, ...]:
        if problem.cell is None:
            return (0, problem.line or 0, problem.column or 0)
        sheet, _bang, name = problem.cell.rpartition("!")
        match = re.match(r"^([A-Z]+)(\d+)", name)
        row, letters = (int(match[2]), match[1]) if match else (0, "")
        column = sum((ord(c) - 64) * 26**i for i, c in enumerate(reversed(letters)))
        return (1, sheets[(problem.path, sheet)], row, column)

    return sorted(unique, key=key)


def placeholders(tree: Located, *, path: str) -> list[Problem]:
    """Every value still to be filled in (``"<điền: họ và tên>"``), with its place."""
    problems: list[Problem] = []
    values = tree.strings()[2]
    if "<" not in values and "\u226e" not in values:  # ≮ is < and a combining mark in NFD
        return problems

    def walk(value: Any, where: TreePath) -> None:
        if isinstance(value, str):
            match = PLACEHOLDER.match(unicodedata.normalize("NFC", value))
            if match:
                line, column = tree.where(where) or (None, None)
                problems.append(
                    Problem(
                        _("chưa điền: hãy thay `{value}` bằng giá trị thật").format(
                            value=value.strip()
                        ),
                        path=path,
                        line=line,
                        column=column,
                        field=dotted(where),
                        code="placeholder",
                    )
                )
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*where, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*where, index))

    walk(tree.data, ())
    return problems
