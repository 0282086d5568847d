"""JSON text → :class:`~baocao.event.located.Located`: a small strict parser that keeps positions.

The standard library's decoder gives no position for values and keeps the last of two equal
keys silently; this recursive-descent parser (strings and numbers decoded by the standard
library's own functions) records the line and column of every key and value, reports
duplicate keys and trailing commas, and stops at :data:`~baocao.event.limits.MAX_DEPTH`.

>>> from baocao.i18n import set_language
>>> set_language("vi")  # the messages below are Vietnamese
>>> tree = parse_json('{"a": [1, "x"],\\n "b": null}', path="e.json")
>>> tree.data, tree.values[("a", 1)], tree.keys[("b",)]
({'a': [1, 'x'], 'b': None}, (1, 11), (2, 2))
>>> parse_json('{"a": [1, 2,]}', path="e.json")
Traceback (most recent call last):
...
baocao.errors.DataError: e.json:1:12: dấu phẩy thừa trước `]`
>>> set_language(None)
"""

from __future__ import annotations

import json
import json.decoder
import re
from collections.abc import Callable
from typing import Any

from baocao.errors import DataError, Problem
from baocao.event.limits import MAX_DEPTH, MAX_NODES, MAX_NUMBER, MAX_REPORTED, Lines
from baocao.event.located import Located, Path, Position, RawFloat, RawInt, dotted
from baocao.i18n import _

_scanstring: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_WORDS = {"true": True, "false": False, "null": None}


class _Fail(Exception):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message, self.offset = message, offset


class _Parser:
    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.lines = Lines(text)
        self.values: dict[Path, tuple[int, int]] = {}
        self.keys: dict[Path, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.count = 0

    def skip(self, i: int) -> int:
        return _WS.match(self.text, i).end()  # type: ignore[union-attr]

    def value(self, i: int, where: Path) -> tuple[Any, int]:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Fail(_("tệp có quá nhiều mục (hơn {limit})").format(limit=MAX_NODES), i)
        self.values[where] = self.lines.position(i)
        text = self.text
        char = text[i : i + 1]
        if char == "{":
            return self.obj(i + 1, where)
        if char == "[":
            return self.array(i + 1, where)
        if char == '"':
            return self.string(i)
        match = _NUMBER.match(text, i)
        if match:
            raw = match.group()
            if match.group(1) or match.group(2):
                number = float(raw) if len(raw) <= MAX_NUMBER else float("inf")
                if number in (float("inf"), float("-inf")):
                    raise _Fail(_("`{value}` không phải là số").format(value=raw[:40]), i)
                return RawFloat(number, raw), match.end()
            if len(raw) > 30:
                raise _Fail(_("`{value}` không phải là số").format(value=raw[:40]), i)
            return RawInt(int(raw), raw), match.end()
        for word, result in _WORDS.items():
            if text.startswith(word, i):
                return result, i + len(word)
        if not char:
            raise _Fail(_("tệp JSON kết thúc giữa chừng"), i)
        raise _Fail(
            _("JSON sai cú pháp: không đọc được giá trị bắt đầu bằng `{char}`").format(char=char), i
        )

    def string(self, i: int) -> tuple[str, int]:
        try:
            return _scanstring(self.text, i + 1, True)
        except json.JSONDecodeError as error:
            message = (
                _("thiếu dấu ngoặc kép đóng chuỗi")
                if "Unterminated" in error.msg
                else _("chuỗi JSON có ký tự hoặc chuỗi thoát `\\` không hợp lệ")
            )
            raise _Fail(message, error.pos) from None

    def depth_check(self, where: Path, i: int) -> None:
        if len(where) >= MAX_DEPTH:
            raise _Fail(_("dữ liệu lồng nhau quá {limit} tầng").format(limit=MAX_DEPTH), i - 1)

    def close(self, i: int, closing: str) -> None:
        raise _Fail(
            _("thiếu dấu phẩy `,` hoặc `{closing}`").format(closing=closing)
            if i < len(self.text)
            else _("tệp JSON kết thúc giữa chừng"),
            i,
        )

    def array(self, i: int, where: Path) -> tuple[list[Any], int]:
        self.depth_check(where, i)
        result: list[Any] = []
        i = self.skip(i)
        if self.text.startswith("]", i):
            return result, i + 1
        while True:
            item, i = self.value(self.skip(i), (*where, len(result)))
            result.append(item)
            i = self.skip(i)
            if self.text.startswith("]", i):
                return result, i + 1
            if not self.text.startswith(",", i):
                self.close(i, "]")
            comma = i
            i = self.skip(i + 1)
            if self.text.startswith("]", i):
                raise _Fail(_("dấu phẩy thừa trước `]`"), comma)

    def obj(self, i: int, where: Path) -> tuple[dict[str, Any], int]:
        self.depth_check(where, i)
        result: dict[str, Any] = {}
        first: dict[str, int] = {}
        i = self.skip(i)
        if self.text.startswith("}", i):
            return result, i + 1
        while True:
            if not self.text.startswith('"', i):
                raise _Fail(
                    _('tên mục JSON phải đặt trong ngoặc kép `"…"`')
                    if i < len(self.text)
                    else _("tệp JSON kết thúc giữa chừng"),
                    i,
                )
            key_at = i
            key, i = self.string(i)
            i = self.skip(i)
            if not self.text.startswith(":", i):
                raise _Fail(_("thiếu dấu hai chấm `:` sau tên mục"), i)
            value, i = self.value(self.skip(i + 1), (*where, key))
            line, column = self.lines.position(key_at)
            if key in first:
                if len(self.problems) < MAX_REPORTED:
                    self.problems.append(
                        Problem(
                            _("mục `{key}` bị lặp lại (đã có ở dòng {line})").format(
                                key=key, line=first[key]
                            ),
                            path=self.path,
                            line=line,
                            column=column,
                            field=dotted((*where, key)),
                            code="duplicate-key",
                        )
                    )
            else:
                first[key] = line
                result[key] = value
                self.keys[(*where, key)] = (line, column)
            i = self.skip(i)
            if self.text.startswith("}", i):
                return result, i + 1
            if not self.text.startswith(",", i):
                self.close(i, "}")
            comma = i
            i = self.skip(i + 1)
            if self.text.startswith("}", i):
                raise _Fail(_("dấu phẩy thừa trước `}`"), comma)


class _Irregular(Exception):
    """The fast path met something only the located parser reports well."""


def _raw_int(raw: str) -> RawInt:
    if len(raw) > 30:
        raise _Irregular
    return RawInt(int(raw), raw)


def _raw_float(raw: str) -> RawFloat:
    number = float(raw) if len(raw) <= MAX_NUMBER else float("inf")
    if number in (float("inf"), float("-inf")):
        raise _Irregular
    return RawFloat(number, raw)


def _no_constant(_raw: str) -> Any:
    raise _Irregular  # NaN, Infinity: not JSON


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Irregular  # a repeated key: reported with its line by the located parser
    return result


def _small(text: str) -> bool:
    """True when the text itself shows the limits hold: every value starts at a character
    of its own (at most ``len(text)`` values), and a value ``d`` containers deep lies inside
    ``d`` brackets (the usual event: no walk over the data)."""
    return len(text) <= MAX_NODES and text.count("[") + text.count("{") < MAX_DEPTH


def _within_limits(data: Any) -> bool:
    """True when ``data`` is no deeper than MAX_DEPTH containers and has at most MAX_NODES
    values (what the located parser checks as it goes)."""
    count = 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            return False
        if isinstance(value, dict | list):
            if depth >= MAX_DEPTH:
                return False
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)
    return True


class _LazyLocated(Located):
    """A :class:`Located` whose positions are found (by the located parser, on the same text)
    only when something asks for one: a valid event without warnings needs none."""

    def __init__(self, data: Any, text: str, path: str) -> None:
        super().__init__(data)
        self._text, self._path = text, path
        self._found: tuple[dict[Path, Position], dict[Path, Position]] | None = None

    def _positions(self) -> tuple[dict[Path, Position], dict[Path, Position]]:
        if self._found is None:
            full = _parse_located(self._text, self._path)
            self._found = (full.values, full.keys)
        return self._found

    @property
    def values(self) -> dict[Path, Position]:
        return self._positions()[0]

    @values.setter
    def values(self, found: dict[Path, Position]) -> None:
        pass  # set (empty) by Located.__init__; the real ones come from the text

    @property
    def keys(self) -> dict[Path, Position]:
        return self._positions()[1]

    @keys.setter
    def keys(self, found: dict[Path, Position]) -> None:
        pass


def parse_json(text: str, *, path: str) -> Located:
    """Parse ``text`` as one JSON value; raise ``DataError`` with positions on syntax errors
    and limits (duplicate keys are left in ``Located.problems``).

    The standard library's decoder reads the usual file; anything it refuses or that breaks a
    rule (a repeated key, a limit, ``NaN``…) goes to the located parser, so the messages are
    its own. Positions are then found only when asked for."""
    try:
        data = json.loads(
            text,
            parse_int=_raw_int,
            parse_float=_raw_float,
            parse_constant=_no_constant,
            object_pairs_hook=_unique_pairs,
        )
    except (ValueError, RecursionError, _Irregular):
        pass
    else:
        if data is not None and (_small(text) or _within_limits(data)):
            return _LazyLocated(data, text, path)
    return _parse_located(text, path)


def _parse_located(text: str, path: str) -> Located:
    parser = _Parser(text, path)
    try:
        start = parser.skip(0)
        if start == len(text):
            return Located(None)
        data, end = parser.value(start, ())
        end = parser.skip(end)
        if end != len(text):
            raise _Fail(_("còn dữ liệu thừa sau khi đã hết giá trị JSON"), end)
    except _Fail as fail:
        line, column = parser.lines.position(fail.offset)
        raise DataError(
            [Problem(fail.message, path=path, line=line, column=column, code="syntax")]
        ) from None
    return Located(data, parser.values, parser.keys, parser.problems)
