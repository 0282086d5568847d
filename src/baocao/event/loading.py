"""Event files in, a validated :class:`~baocao.event.model.Event` or every problem out.

:func:`load_event` reads a YAML or JSON file (by extension, else sniffed), decodes it (UTF-8
with or without BOM, UTF-16 with BOM), checks the limits (size, nesting, aliases, string
length, control characters, legacy TCVN3/VNI text, tabs, duplicate keys) and validates it.
Everything wrong is reported at once as a :class:`~baocao.errors.DataError` whose problems
carry the file, line, column and dotted field path; nothing else escapes.

>>> from baocao.i18n import set_language
>>> set_language("vi")  # the messages below are Vietnamese
>>> ev = parse_event("co_quan: {ten: Ban A, viet_tat: BA, dia_danh: Huế}\\n"
...                  "su_kien: {ten: hội nghị, bat_dau: 1/11/2024 7h30}\\n".encode())
>>> ev.co_quan.dia_danh, ev.su_kien.bat_dau
('Huế', datetime.datetime(2024, 11, 1, 7, 30))
>>> try:
...     parse_event(b"co_quan: {ten: A, viet_tat: B, dia_danh: C}\\n"
...                 b"su_kien: {ten: y, bat_dau: 31/4/2024, diadiem: Z}\\n", path="e.yaml")
... except DataError as error:
...     for problem in error.problems:
...         print(problem.line, problem.column, problem.field)
...         print(problem.message)
2 28 su_kien.bat_dau
ngày 31/4/2024 không có: tháng 4 năm 2024 chỉ có 30 ngày
2 39 su_kien.diadiem
không có mục `diadiem`; có phải ý bạn là `dia_diem`?
>>> set_language(None)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from baocao.errors import DataError, Problem
from baocao.event.limits import (
    MAX_BYTES,
    Lines,
    check_size,
    control_characters,
    decode_text,
    sheet_problem,
    strip_control,
    tab_indents,
)
from baocao.event.located import Located, check_strings, map_strings, strip_invisible
from baocao.event.model import RULES_ERROR_TYPE, Event
from baocao.event.warnings import as_errors, event_warnings
from baocao.i18n import _

if TYPE_CHECKING:
    from pydantic import ValidationError

Format = Literal["yaml", "json"]


def _format_of(path: str) -> Format | None:
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in {".yaml", ".yml"}:
        return "yaml"
    return None


def _parse(text: str, fmt: Format | None, path: str) -> Located:
    from baocao.event.json_source import parse_json

    lines = Lines(text)
    control = control_characters(text, path=path, lines=lines)
    if control:
        raise DataError(control)
    if fmt is None:
        fmt = "json" if text.lstrip()[:1] in {"{", "["} else "yaml"
        if fmt == "json":
            try:
                return parse_json(text, path=path)
            except DataError:
                fmt = "yaml"
    if fmt == "json":
        return parse_json(text, path=path)
    from baocao.event.yaml_source import parse_yaml  # here: a JSON event needs no PyYAML

    tabs = tab_indents(text, path=path, lines=lines)
    try:
        tree = parse_yaml(text, path=path)
    except DataError as error:
        if tabs and all(p.code in {"syntax", None} for p in error.problems):
            raise DataError(tabs) from None
        raise
    if tabs:
        raise DataError(tabs)
    return tree


TemplateDirs = Sequence[str | Path]
_KEY = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def unknown_templates(
    tree: Located, *, path: str, templates_dirs: TemplateDirs = ()
) -> list[Problem]:
    """A problem for each ``van_ban`` key that is neither ``chung`` nor the name of a
    template (built-in, in ``$BAOCAO_TEMPLATES`` or in ``templates_dirs``): its details
    would silently never be printed (``thongcao`` for ``thong-cao``)."""
    van_ban = tree.data.get("van_ban") if isinstance(tree.data, dict) else None
    if not isinstance(van_ban, dict):
        return []
    # a key that is not even a template name is refused by the model
    keys = [k for k in van_ban if isinstance(k, str) and k != "chung" and _KEY.match(k)]
    if not keys:
        return []
    from baocao.registry import missing_templates

    keys = missing_templates(keys, dirs=templates_dirs)
    if not keys:
        return []
    from baocao.registry import template_names
    from baocao.suggest import did_you_mean

    known = template_names(dirs=templates_dirs)
    problems = []
    for key in keys:
        if key in known:
            continue
        line, column = tree.key_where(("van_ban", key)) or (None, None)
        message = _(
            "không có mẫu văn bản `{key}`: mỗi mục của `van_ban` là `chung` hoặc tên một mẫu "
            "({known})"
        ).format(key=key, known=", ".join(known) or "-")
        close = did_you_mean(key, known)
        if close:
            message += _("; có phải ý bạn là `{guess}`?").format(guess=close)
        problems.append(
            Problem(
                message,
                path=path,
                line=line,
                column=column,
                field=f"van_ban.{key}",
                code="unknown-template",
            )
        )
    return problems


def parse_event(
    data: bytes,
    *,
    path: str = "<event>",
    fmt: Format | None = None,
    templates_dirs: TemplateDirs = (),
    strict: bool = False,
    base: Path | None = None,
    sheet: str | None = None,
) -> Event:
    """Validate the bytes of an event file; ``path`` names it in messages and picks the
    format by extension unless ``fmt`` is given (otherwise the text is sniffed).

    A ``van_ban`` key must name a template that can be found (built-in, in
    ``$BAOCAO_TEMPLATES`` or in ``templates_dirs``). The warnings are in
    :attr:`Event.warnings`; with ``strict`` they are errors (``DataError``).

    Lists of people given as spreadsheet paths (``khach_moi: ds.xlsx``) are read relative to
    the folder ``base`` (None: the working folder, for an event read from standard input);
    ``sheet`` picks the sheet of those that name none (``--sheet``)."""
    from pydantic import ValidationError

    from baocao.event.people_files import ordered, placeholders, splice_lists

    not_an_event = sheet_problem(path)
    if not_an_event is not None:
        raise DataError([not_an_event])
    text = decode_text(data, path=path)
    tree = _parse(text, fmt or _format_of(path), path)
    if tree.data is None:
        raise DataError([Problem(_("tệp trống"), path=path, code="empty")])
    if not isinstance(tree.data, dict):
        line, column = tree.where(()) or (1, 1)
        raise DataError(
            [
                Problem(
                    _(
                        "tệp sự kiện phải là các mục `tên: giá trị` (bắt đầu bằng `co_quan:`, "
                        "`su_kien:`…), không phải {kind}"
                    ).format(
                        kind=_("một danh sách")
                        if isinstance(tree.data, list)
                        else _("một giá trị đơn")
                    ),
                    path=path,
                    line=line,
                    column=column,
                    code="top-level",
                )
            ]
        )
    placement, list_problems = splice_lists(
        tree,
        path=path,
        base=base if base is not None else Path.cwd(),
        shown_base=str(Path(path).parent) if base is not None else None,
        sheet=sheet,
    )
    tree.warnings += strip_invisible(tree, path=path)  # bidi and zero-width: removed
    problems = (
        tree.problems
        + list_problems
        + placeholders(tree, path=path)
        + check_strings(tree, path=path)
        + unknown_templates(tree, path=path, templates_dirs=templates_dirs)
    )
    values = tree.data
    if any(p.code == "control-character" for p in problems):  # reported: keep them from
        values = map_strings(values, (), lambda _w, text: strip_control(text))  # validators
    try:
        event = Event.model_validate(values)
    except ValidationError as error:
        from baocao.event.explain import problems_from  # what a valid event never needs

        reported: set[str | None] = {p.field for p in problems if p.field}
        found = [p for p in problems_from(error, tree, path=path) if p.field not in reported]
        reported |= {p.field for p in found}
        rules = problems_from_rules(_prune(tree.data, error), tree, path=path)
        problems += found + [p for p in rules if p.field not in reported]
    if problems:
        problems += tree.warnings  # shown with the errors, to be fixed at the same time
        raise DataError(ordered([placement.relocate(p) for p in problems]))
    event._warnings = ordered(
        [placement.relocate(w) for w in event_warnings(event, tree, path=path)]
    )
    if strict and event.warnings:
        raise DataError(as_errors(event.warnings))
    return event


def _copy(value: Any) -> Any:
    """A copy of the dicts and lists of ``value`` (the scalars are immutable)."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _prune(data: dict[str, Any], error: ValidationError) -> dict[str, Any]:
    """A copy of ``data`` without the values pydantic refused, so that the cross-field rules
    of the models around them can still be checked (pydantic skips a model's rules when one
    of its fields is invalid)."""
    pruned: dict[str, Any] = _copy(data)
    for item in error.errors(include_url=False):
        loc = [p for p in item["loc"] if p != "[key]"]
        if item["type"] == "missing" or not loc:
            continue
        parent: Any = pruned
        for step in loc[:-1]:
            try:
                parent = parent[step]
            except (KeyError, IndexError, TypeError):
                break
        else:
            last = loc[-1]
            if isinstance(parent, dict) and last in parent:
                del parent[last]
            elif isinstance(parent, list) and isinstance(last, int) and last < len(parent):
                parent[last] = "-"
    return pruned


def problems_from_rules(data: dict[str, Any], tree: Located, *, path: str) -> list[Problem]:
    """The cross-field problems of ``data`` (only those: other errors were reported)."""
    from pydantic import ValidationError

    from baocao.event.explain import problems_from

    try:
        Event.model_validate(data)
    except ValidationError as error:
        return [p for p in problems_from(error, tree, path=path) if p.code == RULES_ERROR_TYPE]
    return []


def io_message(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return _("không có tệp này")
    if isinstance(error, IsADirectoryError):
        return _("đây là thư mục, không phải tệp")
    if isinstance(error, PermissionError):
        return _("không có quyền đọc tệp này")
    return _("không đọc được tệp ({reason})").format(reason=error.strerror or type(error).__name__)


def _read_regular(path: Path, shown: str) -> bytes:
    """The bytes of ``path``, which must be a regular file: a FIFO, a device or a socket is
    refused without blocking (checked before opening, and opened with ``O_NONBLOCK`` in
    case it was swapped meanwhile)."""
    import os
    import stat

    def refuse() -> DataError:
        return DataError(
            [Problem(_("không phải tệp thường (FIFO, thiết bị…)"), path=shown, code="io")]
        )

    try:
        mode = path.stat().st_mode  # one system call where exists/is_dir/stat took three
    except (OSError, ValueError):
        mode = None  # missing or unreadable: open() below says why
    if mode is not None and not stat.S_ISDIR(mode) and not stat.S_ISREG(mode):
        raise refuse()
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(handle.fileno())
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "Is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise refuse()
        check_size(st.st_size, path=shown)
        return handle.read(MAX_BYTES + 1)


STDIN = "-"
STDIN_NAME = "<stdin>"
_stdin_read: tuple[object, bytes] | None = None  # (the stdin read, its bytes)


def read_stdin() -> bytes:
    """The bytes of standard input, read once (a second ``-`` gets the same event)."""
    import sys

    global _stdin_read
    if _stdin_read is None or _stdin_read[0] is not sys.stdin:
        try:
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        except (OSError, AttributeError, ValueError) as error:
            message = _("không đọc được đầu vào chuẩn (stdin): {loi}").format(loi=error)
            raise DataError([Problem(message, path=STDIN_NAME, code="io")]) from None
        _stdin_read = (sys.stdin, data)
    return _stdin_read[1]


def load_event(
    path: str | Path,
    *,
    templates_dirs: TemplateDirs = (),
    strict: bool = False,
    sheet: str | None = None,
) -> Event:
    """Read and validate one event file (``DataError`` lists every problem). ``"-"`` reads
    the event from standard input (named ``<stdin>`` in messages; relative paths in it are
    taken from the current folder).

    ``templates_dirs``: folders of templates besides the built-ins, whose names are valid
    ``van_ban`` keys; ``strict``: warnings (:attr:`Event.warnings`) are errors; lists of
    people given as spreadsheets are read relative to its folder (``sheet``: ``--sheet``)."""
    if str(path) == STDIN:
        data = read_stdin()
        check_size(len(data), path=STDIN_NAME)
        event = parse_event(
            data,
            path=STDIN_NAME,
            templates_dirs=templates_dirs,
            strict=strict,
            base=Path.cwd(),
            sheet=sheet,
        )
        event._source_path = Path(STDIN_NAME)
        return event
    shown = str(path)
    try:
        data = _read_regular(Path(path), shown)
    except OSError as error:
        raise DataError([Problem(io_message(error), path=shown, code="io")]) from None
    event = parse_event(
        data,
        path=shown,
        templates_dirs=templates_dirs,
        strict=strict,
        base=Path(path).parent,
        sheet=sheet,
    )
    event._source_path = Path(path)
    return event


def check_files(
    paths: Iterable[str | Path],
    *,
    on_valid: Callable[[str], None] | None = None,
    templates_dirs: TemplateDirs = (),
    strict: bool = False,
    sheet: str | None = None,
) -> list[Problem]:
    """Validate every file; call ``on_valid(path)`` for each valid one, then raise one
    ``DataError`` with the problems of all the invalid ones (if any), the warnings of the
    valid ones among them. Returns the warnings of the valid files; with ``strict`` a
    warning makes its file invalid."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    for path in paths:
        try:
            event = load_event(path, templates_dirs=templates_dirs, strict=strict, sheet=sheet)
        except DataError as error:
            problems += error.problems
        else:
            problems += event.warnings
            warnings += event.warnings
            if on_valid is not None:
                on_valid(str(path))
    if any(not p.is_warning for p in problems):
        raise DataError(problems)
    return warnings
