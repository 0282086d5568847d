"""Spreadsheets and CSV files as grids of cell values, for :mod:`baocao.event.spreadsheets`.

Workbooks (.xlsx, .xls, .ods) are read with python-calamine: one Rust reader for the three
formats, which evaluates no formula and runs no macro; CSV files with the :mod:`csv` module, as
Excel saves them under Vietnamese regional settings (UTF-8 with or without BOM, UTF-16 with
BOM; ``,``, ``;`` or tab between cells, sniffed). Size and row limits are checked here.

>>> column_name(0), column_name(25), column_name(26), column_name(701)
('A', 'Z', 'AA', 'ZZ')
>>> column_index("ZZ")
701
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from baocao.errors import DataError, Problem
from baocao.event.people import plain_text
from baocao.i18n import _

__all__ = [
    "MAX_ROWS",
    "MAX_SHEET_BYTES",
    "SPREADSHEET_SUFFIXES",
    "Grid",
    "cell_ref",
    "column_index",
    "column_name",
    "csv_grid",
    "norm_title",
    "read_bytes",
    "too_long",
    "workbook_grid",
]

MAX_SHEET_BYTES = 20 * 1024 * 1024
MAX_ROWS = 10_000
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


def norm_title(title: str) -> str:
    return " ".join(plain_text(title.replace("_", " ").replace(",", " ")).split())


def column_index(letters: str) -> int:
    """``A`` → 0, ``AA`` → 26: the inverse of :func:`column_name`."""
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - ord("A") + 1
    return index - 1


def column_name(index: int) -> str:
    """0 → ``A``, 26 → ``AA``: the letters of a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass
class Grid:
    """A sheet as read: its name (None for CSV), the values, the row and column of the
    first value, and the merged ranges ((row, col), (row, col)) when the reader knows them."""

    sheet: str | None
    values: list[list[Any]]
    origin: tuple[int, int] = (0, 0)
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)


def cell_ref(grid: Grid, row: int, col: int) -> str:
    """The cell at (row, col) of ``grid.values`` as a spreadsheet names it."""
    name = f"{column_name(col + grid.origin[1])}{row + grid.origin[0] + 1}"
    return f"{grid.sheet}!{name}" if grid.sheet is not None else name


def read_bytes(path: Path, shown: str) -> bytes:
    from baocao.event.loading import io_message

    try:
        with path.open("rb") as handle:
            size = path.stat().st_size
            if size > MAX_SHEET_BYTES:
                raise DataError(
                    [
                        Problem(
                            _(
                                "tệp quá lớn ({size} MB); bảng tính danh sách không được quá "
                                "{limit} MB"
                            ).format(
                                size=f"{size / 1024 / 1024:.1f}".replace(".", ","),
                                limit=MAX_SHEET_BYTES // 1024 // 1024,
                            ),
                            path=shown,
                            code="too-large",
                        )
                    ]
                )
            return handle.read(MAX_SHEET_BYTES + 1)
    except OSError as error:
        raise DataError([Problem(io_message(error), path=shown, code="io")]) from None


def csv_grid(data: bytes, shown: str) -> Grid:
    from baocao.event.limits import decode_text

    text = decode_text(data, path=shown)
    first = next((line for line in text.split("\n") if line.strip()), "")
    try:
        dialect: Any = csv.Sniffer().sniff(first, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = max(",;\t", key=first.count)
    values: list[list[Any]] = []
    for record in csv.reader(io.StringIO(text), delimiter=delimiter):
        values.append(record)
        if len(values) > 2 * MAX_ROWS:
            raise DataError([too_long(shown, f"A{len(values)}")])
    return Grid(None, values)


def workbook_grid(data: bytes, shown: str, default: str, sheet: str | None) -> Grid:
    """The sheet ``sheet`` of a workbook, else the one named ``default``, else the first."""
    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as error:  # calamine raises its own types and ValueError alike
        raise DataError(
            [
                Problem(
                    _(
                        "không mở được bảng tính ({reason}); hãy mở bằng Excel hoặc LibreOffice "
                        "Calc rồi lưu lại dạng .xlsx"
                    ).format(reason=str(error).splitlines()[0][:120] if str(error) else "?"),
                    path=shown,
                    code="sheet-unreadable",
                )
            ]
        ) from None
    names: list[str] = list(book.sheet_names)
    if sheet is not None:
        found = next((n for n in names if n == sheet), None)
        found = found or next((n for n in names if norm_title(n) == norm_title(sheet)), None)
        if found is None:
            raise DataError(
                [
                    Problem(
                        _("không có trang tính `{sheet}`; các trang: {names}").format(
                            sheet=sheet, names=", ".join(f"`{n}`" for n in names)
                        ),
                        path=shown,
                        code="sheet-missing",
                    )
                ]
            )
    else:
        wanted = norm_title(default)
        found = next((n for n in names if norm_title(n) == wanted), None) or (
            names[0] if names else None
        )
        if found is None:
            raise DataError([Problem(_("bảng tính không có trang nào"), path=shown)])
    try:
        content = book.get_sheet_by_name(found)
        end = content.end
        if end is not None and end[0] >= 2 * MAX_ROWS:
            raise DataError([too_long(shown, f"{found}!A{2 * MAX_ROWS + 1}")])
        values = [list(r) for r in content.to_python(skip_empty_area=False)]  # from A1
        merged = list(getattr(content, "merged_cell_ranges", None) or [])
    except Exception as error:
        raise DataError(
            [
                Problem(
                    _("không đọc được trang `{sheet}` ({reason})").format(
                        sheet=found, reason=str(error).splitlines()[0][:120]
                    ),
                    path=shown,
                    code="sheet-unreadable",
                )
            ]
        ) from None
    return Grid(found, values, (0, 0), merged)


def too_long(shown: str, cell: str) -> Problem:
    return Problem(
        _("danh sách quá dài: tối đa {n} người một trang tính").format(
            n=f"{MAX_ROWS:,}".replace(",", ".")
        ),
        path=shown,
        cell=cell,
        code="sheet-too-long",
    )
