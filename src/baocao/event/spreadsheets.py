"""Lists of people read from a spreadsheet (.xlsx, .xls, .ods) or a CSV file.

:func:`read_people` turns one sheet into a :class:`PeopleTable`: one mapping per filled row,
keyed by the fields of :class:`~baocao.event.people.KhachMoi` or
:class:`~baocao.event.people.HocVien`, and for every value the cell it came from, so that the
validation of the event can name ``ds.xlsx:Khách mời!C7``. The header row (the first row that
is not empty) may use the keys or the Vietnamese titles, with or without marks, in any order
(:data:`TITLES`); ``STT`` columns are ignored. Everything wrong with the sheet itself (no such
sheet, unknown or missing column, merged header cells, too many rows) is a
:class:`~baocao.errors.DataError` whose problems name the file and the cell.

Spreadsheets are read with python-calamine (one Rust reader for the three formats, no
formulas evaluated, no macros run); CSV files with the :mod:`csv` module, as Excel saves them
under Vietnamese regional settings: UTF-8 with or without BOM or UTF-16 with BOM, ``,``,
``;`` or tab between cells (sniffed).

>>> column_key("Họ và tên", "hoc_vien"), column_key("Ho ten", "khach_moi")
('ho_ten', 'ho_ten')
>>> column_key("stt", "hoc_vien") is IGNORED, column_key("Ngày sinh", "khach_moi") is None
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Literal

from baocao.errors import DataError, Problem
from baocao.event.people import HocVien, KhachMoi
from baocao.event.sheet_readers import (
    MAX_ROWS,
    MAX_SHEET_BYTES,
    SPREADSHEET_SUFFIXES,
    Grid,
    cell_ref,
    column_index,
    column_name,
    csv_grid,
    norm_title,
    read_bytes,
    too_long,
    workbook_grid,
)
from baocao.i18n import _

__all__ = [
    "IGNORED",
    "MAX_ROWS",
    "MAX_SHEET_BYTES",
    "SPREADSHEET_SUFFIXES",
    "TITLES",
    "ListKey",
    "PeopleTable",
    "column_key",
    "column_name",
    "read_people",
]

ListKey = Literal["khach_moi", "hoc_vien"]

MAX_COLUMNS = 200

SHEET_TITLES: dict[ListKey, str] = {"khach_moi": "Khách mời", "hoc_vien": "Học viên"}
"""The sheet read when none is named (if the workbook has one by that name)."""

TITLES: dict[str, tuple[str, ...]] = {
    "ho_ten": ("Họ và tên", "Họ tên", "Họ và tên học viên", "Họ và tên khách mời"),
    "danh_xung": ("Danh xưng", "Xưng hô"),
    "chuc_vu": ("Chức vụ", "Chức danh"),
    "don_vi": ("Đơn vị", "Đơn vị công tác", "Cơ quan", "Cơ quan, đơn vị"),
    "ngay_sinh": ("Ngày sinh", "Ngày tháng năm sinh", "Ngày, tháng, năm sinh"),
    "xep_loai": ("Xếp loại", "Kết quả xếp loại", "Kết quả"),
    "ghi_chu": ("Ghi chú",),
    "so_chung_nhan": ("Số chứng nhận", "Số giấy chứng nhận", "Số GCN"),
}
"""The header titles accepted for each key (the first is the one written by ``baocao init``;
the key itself is accepted too); marks, case and spacing do not matter."""

IGNORED = "<ignored>"
_IGNORED_TITLES = ("STT", "TT", "Số TT", "Số thứ tự")

LABELS: dict[str, str] = {key: titles[0].lower() for key, titles in TITLES.items()}
"""The key → how a message names the column (``ngày sinh``)."""


def _fields(kind: ListKey) -> list[str]:
    return list((KhachMoi if kind == "khach_moi" else HocVien).model_fields)


def column_key(title: str, kind: ListKey) -> str | None:
    """The key of the column titled ``title`` in a ``kind`` list, :data:`IGNORED`, or None."""
    text = norm_title(title)
    if text in {norm_title(t) for t in _IGNORED_TITLES}:
        return IGNORED
    for key in _fields(kind):
        if text == norm_title(key) or text in {norm_title(t) for t in TITLES.get(key, ())}:
            return key
    return None


@dataclass
class PeopleTable:
    """The rows of one sheet and where each value was written."""

    file: str
    sheet: str | None
    rows: list[dict[str, Any]] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)
    """The sheet's row number (from 1) of each person."""
    columns: dict[str, str] = field(default_factory=dict)
    """Key → the letters of its column."""

    def cell(self, index: int, key: str | None = None) -> str:
        """Where person ``index``'s ``key`` was written (``Khách mời!C7``; ``C7`` in a CSV
        file); without ``key`` (or for a key not in the sheet), the row's first column."""
        letters = self.columns.get(key or "") or min(self.columns.values(), key=column_index)
        name = f"{letters}{self.row_numbers[index]}"
        return f"{self.sheet}!{name}" if self.sheet is not None else name


def read_people(path: Path, *, shown: str, kind: ListKey, sheet: str | None = None) -> PeopleTable:
    """Read the ``kind`` list from the spreadsheet or CSV at ``path`` (``shown`` names it in
    messages); ``sheet`` picks a sheet of a workbook."""
    suffix = path.suffix.lower()
    if suffix not in (*SPREADSHEET_SUFFIXES, ".csv", ".txt"):
        raise DataError(
            [
                Problem(
                    _(
                        "không đọc được danh sách từ tệp `{name}`: chỉ nhận bảng tính .xlsx, "
                        ".xls, .ods hoặc tệp .csv"
                    ).format(name=path.name),
                    path=shown,
                    code="sheet-format",
                )
            ]
        )
    data = read_bytes(path, shown)
    if suffix in (".csv", ".txt"):
        grid = csv_grid(data, shown)  # one sheet: a name given (--sheet) is for workbooks
    else:
        grid = workbook_grid(data, shown, SHEET_TITLES[kind], sheet)
    return _table(grid, shown, kind)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell_value(value: Any) -> Any:
    """A spreadsheet value as the event file would hold it: empty → None, ``12.0`` → 12,
    a date and time at midnight → the date, a time of day → its text."""
    if _empty(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, datetime):
        return value.date() if value.time() == time(0, 0) else value
    if isinstance(value, date):
        return value
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if hasattr(value, "total_seconds"):  # a duration cell
        return str(value)
    return value


def _table(grid: Grid, shown: str, kind: ListKey) -> PeopleTable:
    table = PeopleTable(file=shown, sheet=grid.sheet)
    header_index = next(
        (i for i, row in enumerate(grid.values) if any(not _empty(v) for v in row)), None
    )
    if header_index is None:
        where = f"{grid.sheet}" if grid.sheet is not None else None
        raise DataError(
            [
                Problem(
                    _("trang tính trống: không có dòng tiêu đề (Họ và tên, Đơn vị…)"),
                    cell=where,
                    code="sheet-empty",
                    path=shown,
                )
            ]
        )
    header = grid.values[header_index]
    problems: list[Problem] = []
    columns: dict[int, str] = {}
    filled = [i for i, v in enumerate(header) if not _empty(v)]
    if len(filled) > MAX_COLUMNS:
        raise DataError(
            [
                Problem(
                    _("quá nhiều cột (tối đa {n})").format(n=MAX_COLUMNS), code="sheet", path=shown
                )
            ]
        )
    problems += _merged_header(grid, header_index, filled, shown)
    names = [t for key in _fields(kind) for t in (TITLES.get(key, ())[:1] or (key,))]
    for index in filled:
        title = str(header[index]).strip()
        key = column_key(title, kind)
        if key == IGNORED:
            continue
        ref = cell_ref(grid, header_index, index)
        if key is None:
            problems.append(_unknown_column(title, kind, names, ref, shown))
        elif key in columns.values():
            first = next(i for i, k in columns.items() if k == key)
            problems.append(
                Problem(
                    _("cột `{title}` lặp lại (đã có ở ô {first})").format(
                        title=title, first=cell_ref(grid, header_index, first)
                    ),
                    cell=ref,
                    code="sheet-column-repeated",
                    path=shown,
                )
            )
        else:
            columns[index] = key
    if "ho_ten" not in columns.values():
        first, last = (filled[0], filled[-1]) if filled else (0, 0)
        span = cell_ref(grid, header_index, first) + ":" + column_name(last + grid.origin[1])
        span += str(header_index + grid.origin[0] + 1)
        problems.append(
            Problem(
                _("dòng tiêu đề thiếu cột bắt buộc `Họ và tên` (các cột đang có: {titles})").format(
                    titles=", ".join(str(header[i]).strip() for i in filled)
                ),
                cell=span,
                code="sheet-column-missing",
                path=shown,
            )
        )
    if problems:
        raise DataError(problems)
    table.columns = {key: column_name(col + grid.origin[1]) for col, key in columns.items()}
    body = grid.values[header_index + 1 :]
    untitled: dict[int, str] = {}  # column without a title → first cell with a value in it
    for offset, row in enumerate(body):
        row_index = header_index + 1 + offset
        for col, value in enumerate(row):
            if col not in columns and col not in filled and not _empty(value):
                untitled.setdefault(col, cell_ref(grid, row_index, col))
        if all(_empty(row[col]) for col in columns if col < len(row)):
            continue  # an empty row, or one with only its STT filled in
        if len(table.rows) == MAX_ROWS:
            raise DataError([too_long(shown, cell_ref(grid, row_index, 0))])
        table.rows.append(
            {key: _cell_value(row[col]) if col < len(row) else None for col, key in columns.items()}
        )
        table.row_numbers.append(row_index + grid.origin[0] + 1)
    if untitled:
        raise DataError(
            [
                Problem(
                    _(
                        "ô có dữ liệu nhưng cột {column} không có tiêu đề (có thể do gộp ô ở "
                        "dòng tiêu đề); hãy ghi tên cột ở ô {header}"
                    ).format(
                        column=column_name(col + grid.origin[1]),
                        header=cell_ref(grid, header_index, col),
                    ),
                    cell=ref,
                    code="sheet-column-untitled",
                    path=shown,
                )
                for col, ref in sorted(untitled.items())
            ]
        )
    return table


def _unknown_column(title: str, kind: ListKey, names: list[str], ref: str, shown: str) -> Problem:
    from baocao.suggest import did_you_mean

    other: ListKey = "hoc_vien" if kind == "khach_moi" else "khach_moi"
    guess = did_you_mean(title, names)
    if guess is not None:
        message = _("không có cột `{title}`; có phải ý bạn là `{guess}`?").format(
            title=title, guess=guess
        )
    elif column_key(title, other) is not None:
        message = _("cột `{title}` không dùng cho danh sách {list}; các cột: {names}").format(
            title=title, list=SHEET_TITLES[kind].lower(), names=", ".join(names)
        )
    else:
        message = _("không có cột `{title}`; các cột được dùng: {names}").format(
            title=title, names=", ".join(names)
        )
    return Problem(message, path=shown, cell=ref, code="sheet-column-unknown")


def _merged_header(grid: Grid, header: int, filled: list[int], shown: str) -> list[Problem]:
    """Merged cells in the header row (the reader's ranges, else an empty cell between filled
    ones): each column needs its own title."""
    problems: list[Problem] = []
    row = header + grid.origin[0]
    for (r0, c0), (r1, c1) in grid.merged:
        if r0 <= row <= r1 and c1 > c0:
            top_left = f"{column_name(c0)}{r0 + 1}"
            bottom_right = f"{column_name(c1)}{r1 + 1}"
            span = f"{top_left}:{bottom_right}"
            problems.append(
                Problem(
                    _(
                        "ô tiêu đề {span} đang được gộp (Merge); mỗi cột cần một ô tiêu đề "
                        "riêng: hãy bỏ gộp ô (Unmerge) và ghi tên từng cột"
                    ).format(span=span),
                    path=shown,
                    cell=f"{grid.sheet}!{span}" if grid.sheet is not None else span,
                    code="sheet-merged-header",
                )
            )
    if problems or not filled:
        return problems
    for index in range(filled[0], filled[-1]):
        if index not in filled:
            problems.append(
                Problem(
                    _(
                        "ô tiêu đề trống giữa các cột (có thể do gộp ô); mỗi cột cần một tiêu "
                        "đề: hãy bỏ gộp ô và ghi tên cột, hoặc xoá cột trống"
                    ),
                    path=shown,
                    cell=cell_ref(grid, header, index),
                    code="sheet-merged-header",
                )
            )
    return problems
