"""YAML text → :class:`~baocao.event.located.Located` in one pass over libyaml's events.

An ordinary event file (mappings, lists and scalars, no anchors, aliases, tags, merge keys,
complex or duplicate keys, one document, within the limits) is built straight from the
events of PyYAML's ``CSafeLoader`` with their marks: no node graph, no second walk. The
result is the one :mod:`~baocao.event.yaml_source` gives from its node graph, value for
value, position for position, warning for warning (a test compares them on every example,
every fixture and generated texts). Anything else — a syntax error, a limit, a number that
is not one, anything irregular — gives None, and ``parse_yaml`` takes its usual path, which
reports exactly what it always did.

The implicit types are plainer than YAML 1.1 (:data:`IMPLICIT_TYPES`, the same for both
paths): ``true`` / ``false`` are the only booleans, numbers are decimal, dates stay text.

>>> tree = one_pass("a: NO\\nb: 05\\nc: [1/11/2024, x]\\n", path="e.yaml")
>>> tree.data, tree.data["b"].raw, tree.values[("c", 1)], tree.keys[("b",)]
({'a': 'NO', 'b': 5, 'c': ['1/11/2024', 'x']}, '05', (3, 16), (2, 1))
>>> [p.code for p in tree.warnings], one_pass("a: &x 1\\nb: *x\\n", path="e.yaml")
(['flow-list-comma'], None)
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from baocao.errors import Problem
from baocao.event.limits import MAX_DEPTH, MAX_NODES, MAX_NUMBER
from baocao.event.located import Located, Path, Position, RawFloat, RawInt, dotted
from baocao.i18n import _

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"

#: (tag, pattern, first characters) of the implicit types of a plain scalar, in the order
#: PyYAML's resolver tries them; anything else is text
IMPLICIT_TYPES: tuple[tuple[str, re.Pattern[str], list[str]], ...] = (
    (BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")),
    (NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]),
    (INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")),
    (
        FLOAT,
        re.compile(
            r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9]+[eE][-+]?[0-9]+$"
        ),
        list("-+0123456789."),
    ),
)

# first character of a plain scalar ("" for an empty one) → the types it may be, in order
_BY_FIRST: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _tag, _pattern, _firsts in IMPLICIT_TYPES:
    for _first in _firsts:
        _BY_FIRST.setdefault(_first, []).append((_tag, _pattern))


def comma_warning(
    path: str, where: Path, index: int, at: Position, item: str, before: str
) -> Problem:
    """The warning for the item at ``index`` of the flow list at ``where`` that a comma
    inside a name probably split off from ``before``."""
    return Problem(
        _(
            "dấu phẩy trong `[...]` tách danh sách: `{muc}` thành một mục riêng "
            "sau `{truoc}`; nếu dấu phẩy thuộc về tên, hãy viết mỗi mục một dòng "
            'bắt đầu bằng `- `, hoặc đặt mục trong ngoặc kép ("{truoc}, {muc}")'
        ).format(muc=item, truoc=before),
        path=path,
        line=at[0],
        column=at[1],
        field=dotted((*where, index)),
        code="flow-list-comma",
        severity="warning",
    )


class _Irregular(Exception):
    """Not an ordinary event file: the usual path builds it (and says what is wrong)."""


_SCALAR = yaml.ScalarEvent
_SEQUENCE_START = yaml.SequenceStartEvent
_SEQUENCE_END = yaml.SequenceEndEvent
_MAPPING_START = yaml.MappingStartEvent
_MAPPING_END = yaml.MappingEndEvent
_STREAM_END = yaml.StreamEndEvent
_DOCUMENT_START = yaml.DocumentStartEvent
_DOCUMENT_END = yaml.DocumentEndEvent


def _plain(value: str) -> Any:
    """The value of a plain scalar as the usual path reads it (``_Builder.scalar``)."""
    for tag, pattern in _BY_FIRST.get(value[:1], ()):
        if pattern.match(value):
            return _typed(tag, value)
    return value


def scalar_value(tag: str, value: str) -> Any:
    """The value of a scalar resolved as ``tag`` (null, bool, int or float), as both paths
    read it; ``ValueError`` when it is not a number after all (over 30 digits, a "float" longer
    than MAX_NUMBER — a 4 MB "number" is not one —, inf, nan)."""
    if tag == NULL:
        return None
    if tag == BOOL:
        return value.lower() == "true"
    if tag == INT:
        if len(value) > 30:
            raise ValueError(value)
        return RawInt(int(value), value)
    if len(value) > MAX_NUMBER:
        raise ValueError(value)
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(value)
    return RawFloat(number, value)


def _typed(tag: str, value: str) -> Any:
    try:
        return scalar_value(tag, value)
    except ValueError:
        raise _Irregular(value) from None  # not a number after all: the usual path reports it


class _Pass:
    """One walk over the events; ``values``/``keys``/``warnings`` as ``_Builder`` keeps them."""

    def __init__(self, loader: Any, path: str) -> None:
        self.get = loader.get_event
        self.path = path
        self.values: dict[Path, Position] = {}
        self.keys: dict[Path, Position] = {}
        self.warnings: list[Problem] = []
        self.count = 0

    def document(self) -> Located:
        get = self.get
        get()  # the start of the stream
        event = get()
        if type(event) is _STREAM_END:
            return Located(None)
        if type(event) is not _DOCUMENT_START:
            raise _Irregular(event)  # pragma: no cover - libyaml gives no other event here
        data = self.node(get(), (), 1)
        if type(get()) is not _DOCUMENT_END or type(get()) is not _STREAM_END:
            raise _Irregular("more than one document")
        return Located(data, self.values, self.keys, [], self.warnings)

    def node(self, event: Any, where: Path, depth: int) -> Any:
        kind = type(event)
        # the limits as the composer counts them (every node, keys too, and its depth)
        self.count += 1
        if self.count > MAX_NODES or depth > MAX_DEPTH:
            raise _Irregular("limit")
        if event.anchor is not None or event.tag is not None:
            raise _Irregular(event)  # aliases have no tag attribute: they stop here too
        mark = event.start_mark
        self.values[where] = (mark.line + 1, mark.column + 1)
        if kind is _SCALAR:
            return _plain(event.value) if event.implicit[0] else event.value
        if kind is _MAPPING_START:
            return self.mapping(where, depth)
        if kind is _SEQUENCE_START:
            return self.sequence(where, depth, event.flow_style)
        raise _Irregular(event)  # pragma: no cover - libyaml gives no other event here

    def mapping(self, where: Path, depth: int) -> dict[str, Any]:
        get, keys = self.get, self.keys
        result: dict[str, Any] = {}
        depth += 1
        while True:
            event = get()
            kind = type(event)
            if kind is _MAPPING_END:
                return result
            if kind is not _SCALAR or event.anchor is not None or event.tag is not None:
                raise _Irregular(event)  # a complex key, an alias, an anchor or a tag
            key = event.value
            if key in result or key == "<<":
                raise _Irregular(key)  # a duplicate (reported by the usual path), a merge
            self.count += 1  # the key's node
            mark = event.start_mark
            at = (*where, key)
            keys[at] = (mark.line + 1, mark.column + 1)
            result[key] = self.node(get(), at, depth)

    def sequence(self, where: Path, depth: int, flow: bool | None) -> list[Any]:
        get = self.get
        items: list[Any] = []
        depth += 1
        mine: list[Problem] = []
        warned = len(self.warnings)
        before: str = "…"
        while True:
            event = get()
            kind = type(event)
            if kind is _SEQUENCE_END:
                if mine:  # before the warnings of the lists inside it, as the builder does
                    self.warnings[warned:warned] = mine
                return items
            index = len(items)
            item = self.node(event, (*where, index), depth)
            items.append(item)
            if kind is not _SCALAR:
                before = "…"
                continue
            if flow and index and type(item) is str and not event.style and item[:1].islower():
                at = self.values[(*where, index)]
                mine.append(comma_warning(self.path, where, index, at, item, before))
            before = event.value


def one_pass(text: str, *, path: str) -> Located | None:
    """The :class:`Located` of an ordinary event file, or None: use the usual path."""
    loader: Any = yaml.CSafeLoader(text)
    try:
        return _Pass(loader, path).document()
    except (yaml.YAMLError, _Irregular):
        return None
    finally:
        loader.dispose()
