"""Limits against hostile or broken input, and the checks on the raw text of an event file.

Everything here runs before a parser sees the text: the size, the encoding (UTF-8 with or
without BOM, UTF-16 with BOM), control characters (they would corrupt the .docx XML) and
tabs used for YAML indentation. Each finding is a :class:`~baocao.errors.Problem` with a
line and column.

>>> from baocao.i18n import set_language
>>> set_language("vi")  # the messages below are Vietnamese
>>> decode_text("a: 1\\r\\nb: 2\\n".encode("utf-16"), path="e.yaml")
'a: 1\\nb: 2\\n'
>>> [str(p) for p in control_characters("a: x\\x07y\\n", path="e.yaml")]
['e.yaml:1:5: ký tự điều khiển U+0007 không được phép trong văn bản; hãy xoá nó']
>>> set_language(None)
"""

from __future__ import annotations

import bisect
import codecs
import re
import unicodedata
from collections.abc import Iterator

from baocao.errors import DataError, Problem
from baocao.i18n import _

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 50
MAX_STRING = 100_000
MAX_ALIASES = 10
MAX_NODES = 100_000
MAX_NUMBER = 60  # characters of a number as written (a longer one is text, not a number)
MAX_REPORTED = 20  # problems of one kind shown before the rest are summarised

# Characters an XML 1.0 document cannot hold (the .docx would be corrupt): C0 controls other
# than tab/newline/carriage return, DEL and C1 controls, lone surrogates (from JSON or YAML
# escapes such as "\ud800") and the two non-characters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_TAB_INDENT = re.compile(r"^( *)\t[ \t]*(?=[^\s#])", re.MULTILINE)


class Lines:
    """Offsets → 1-based (line, column) of a text."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1


def check_size(size: int, *, path: str) -> None:
    """Refuse files over :data:`MAX_BYTES`."""
    if size > MAX_BYTES:
        raise DataError(
            [
                Problem(
                    _("tệp quá lớn ({size} MB); tệp sự kiện không được quá {limit} MB").format(
                        size=f"{size / 1024 / 1024:.1f}".replace(".", ","),
                        limit=MAX_BYTES // 1024 // 1024,
                    ),
                    path=path,
                    code="too-large",
                )
            ]
        )


def _bad_byte(byte: int, line: int, column: int, path: str) -> Problem:
    return Problem(
        _(
            "byte 0x{byte:02X} không đọc được theo UTF-8; hãy lưu tệp với bảng mã UTF-8 "
            "(Notepad: Lưu thành… › Mã hóa: UTF-8)"
        ).format(byte=byte),
        path=path,
        line=line,
        column=column,
        code="encoding",
    )


ZIP_MAGIC = b"PK\x03\x04"


_SHEETS = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")


def _sheet_message() -> str:
    return _(
        "đây là bảng tính (danh sách người), không phải tệp sự kiện YAML/JSON; ghi tên nó trong "
        "tệp sự kiện (`khach_moi: ds.xlsx` hoặc `hoc_vien: ds.xlsx`) rồi đưa tệp sự kiện"
    )


def sheet_problem(path: str) -> Problem | None:
    """A spreadsheet or CSV named as an event file (``baocao render danh-sach.csv``).

    >>> sheet_problem("su-kien.yaml") is None, sheet_problem("ds.CSV").code
    (True, 'not-an-event')
    """
    if not path.lower().endswith(_SHEETS):
        return None
    return Problem(_sheet_message(), path=path, code="not-an-event")


def zip_problem(data: bytes, *, path: str) -> Problem:
    """One line for a zip file given as an event: a Word (.docx), Excel (.xlsx) or other
    zip file, and what to do instead.

    >>> from baocao.i18n import set_language
    >>> set_language("vi")
    >>> zip_problem(b"PK\\x03\\x04...word/document.xml", path="a.docx").message[:39]
    'đây là tệp Word (.docx), không phải tệp'
    >>> set_language(None)
    """
    head = data[:65536]
    lowered = path.lower()
    if b"word/" in head or lowered.endswith((".docx", ".docm", ".dotx")):
        message = _(
            "đây là tệp Word (.docx), không phải tệp sự kiện YAML/JSON; đưa tệp sự kiện (.yaml) "
            "cho lệnh này, còn mẫu Word thì kiểm tra bằng `baocao check`"
        )
    elif b"xl/" in head or b"opendocument.spreadsheet" in head or lowered.endswith(_SHEETS):
        message = _sheet_message()
    else:
        message = _(
            "đây là tệp nén (zip), không phải tệp sự kiện YAML/JSON; giải nén rồi đưa tệp .yaml"
        )
    return Problem(message, path=path, code="not-an-event")


def decode_text(data: bytes, *, path: str) -> str:
    """Bytes → text: UTF-8 (BOM optional) or UTF-16 with BOM; newlines become ``\\n``.

    Every line holding bytes that are not UTF-8 is reported (``DataError``). (A spreadsheet
    named as an event file is refused by the loader, :func:`sheet_problem`.)
    """
    check_size(len(data), path=path)
    if data.startswith(ZIP_MAGIC):
        raise DataError([zip_problem(data, path=path)])
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        body = data[2:]
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError as error:
            before = body[: error.start - error.start % 2].decode(encoding, "replace")
            line = before.count("\n") + 1
            column = len(before) - (before.rfind("\n") + 1) + 1
            raise DataError(
                [
                    Problem(
                        _("tệp UTF-16 bị hỏng ở đây (byte lẻ hoặc ký tự không hợp lệ)"),
                        path=path,
                        line=line,
                        column=column,
                        code="encoding",
                    )
                ]
            ) from None
    else:
        if data.count(0) * 4 > len(data) > 0:
            raise DataError(
                [
                    Problem(
                        _(
                            "tệp có vẻ được lưu bằng UTF-16 nhưng thiếu dấu BOM; hãy lưu lại với "
                            "bảng mã UTF-8"
                        ),
                        path=path,
                        code="encoding",
                    )
                ]
            )
        if data.startswith(codecs.BOM_UTF8):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise DataError(list(_utf8_problems(data, path))) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _utf8_problems(data: bytes, path: str) -> Iterator[Problem]:
    found = 0
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as error:
            found += 1
            if found > MAX_REPORTED:
                yield Problem(_("… và còn những dòng khác có byte không đọc được"), path=path)
                return
            column = len(raw[: error.start].decode("utf-8", "replace")) + 1
            yield _bad_byte(raw[error.start], number, column, path)


def control_characters(text: str, *, path: str, lines: Lines | None = None) -> list[Problem]:
    """Every control character of ``text`` (tab and newline excepted), with its position."""
    problems: list[Problem] = []
    lines = lines or Lines(text)
    for match in _CONTROL.finditer(text):
        if len(problems) == MAX_REPORTED:
            problems.append(Problem(_("… và còn những ký tự điều khiển khác"), path=path))
            break
        line, column = lines.position(match.start())
        problems.append(control_problem(match.group(), path=path, line=line, column=column))
    return problems


def control_problem(char: str, **where: object) -> Problem:
    """The message for one control character (or other character XML cannot hold)."""
    message = (
        _("ký tự điều khiển U+{code:04X} không được phép trong văn bản; hãy xoá nó")
        if unicodedata.category(char) == "Cc"
        else _("ký tự U+{code:04X} không hợp lệ trong văn bản; hãy xoá nó")
    )
    return Problem(
        message.format(code=ord(char)),
        code="control-character",
        **where,  # type: ignore[arg-type]
    )


def strip_control(text: str) -> str:
    """``text`` without the characters :func:`control_characters` reports."""
    return _CONTROL.sub("", text)


def find_control(text: str) -> str | None:
    """The first control character of ``text``, or None."""
    match = _CONTROL.search(text)
    return match.group() if match else None


def tab_indents(text: str, *, path: str, lines: Lines | None = None) -> list[Problem]:
    """Lines indented with a tab (YAML only accepts spaces there)."""
    problems: list[Problem] = []
    lines = lines or Lines(text)
    for match in _TAB_INDENT.finditer(text):
        if len(problems) == MAX_REPORTED:
            break
        line, column = lines.position(match.start() + len(match.group(1)))
        problems.append(
            Problem(
                _("thụt lề bằng phím Tab; YAML chỉ chấp nhận dấu cách để thụt lề"),
                path=path,
                line=line,
                column=column,
                code="tab",
            )
        )
    return problems
