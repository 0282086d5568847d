"""Typed errors that carry data; only ``baocao.cli`` turns them into text on a terminal.

Every error raised on purpose by the library is a :class:`BaocaoError`. It carries a list of
:class:`Problem` records (file, line, column, dotted field path or template location, message),
so that a command-line tool, an editor or a CI job can show each problem where it belongs.

>>> p = Problem("ngày kết thúc trước ngày bắt đầu", path="event.yaml", line=14, column=3,
...             field="su_kien.ket_thuc")
>>> str(p)
'event.yaml:14:3: su_kien.ket_thuc: ngày kết thúc trước ngày bắt đầu'
>>> str(DataError([p]))
'event.yaml:14:3: su_kien.ket_thuc: ngày kết thúc trước ngày bắt đầu'
>>> DataError([p]).exit_code
3
>>> str(Problem("ngày sinh: bỏ trống", path="ds.xlsx", cell="Học viên!C7",
...             field="hoc_vien.5.ngay_sinh"))
'ds.xlsx:Học viên!C7: ngày sinh: bỏ trống'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One thing that is wrong, and where.

    ``field`` is a dotted path into the event (``su_kien.ket_thuc``, ``nhan_vat.0.ho_ten``);
    ``part`` names a template location in Word terms (``body, paragraph 12`` or
    ``header, table 1 row 2 cell 1``); ``cell`` a spreadsheet cell (``Khách mời!C7``, or
    ``C7`` in a CSV file), shown right after the file instead of a line (the field is then
    left out of the text: the cell says where). Any of the locations may be absent. ``severity`` is
    None for an error and ``"warning"`` for a warning (printed, exit 0; ``--strict`` makes it
    an error).
    """

    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None
    part: str | None = None
    code: str | None = None
    severity: str | None = None
    cell: str | None = None

    @property
    def is_warning(self) -> bool:
        """True for a warning, False for an error."""
        return self.severity == "warning"

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path
            if self.cell is not None:
                return ": ".join([f"{where}:{self.cell}", self.message])
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
        head = [x for x in (where, self.part, self.field) if x]
        return ": ".join([*head, self.message])

    def as_dict(self) -> dict[str, Any]:
        """The problem as a JSON-ready mapping (``--format json``)."""
        return {k: v for k, v in asdict(self).items() if v is not None}


class BaocaoError(Exception):
    """Base of every error baocao raises on purpose. ``exit_code`` is what the CLI returns."""

    exit_code = 1

    def __init__(self, problems: list[Problem] | str, /) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class DataError(BaocaoError):
    """The event file (or other user data) is invalid. Nothing was written."""

    exit_code = 3


class TemplateError(BaocaoError):
    """A template is broken: syntax, unknown variable or filter, not found, unsafe name."""

    exit_code = 3


class RenderError(BaocaoError):
    """Rendering failed for a reason that is neither bad data nor a bad template
    (for example the output exists and ``force`` was not given)."""


class ExportError(BaocaoError):
    """Writing a PDF (LibreOffice) or copying a template out failed."""
