"""YAML text → :class:`~baocao.event.located.Located`, with limits checked before construction.

Only PyYAML's safe loaders compose (``CSafeLoader``'s libyaml parser when PyYAML has it, else
and for every error message ``SafeLoader``), with plainer implicit types than YAML 1.1: ``true`` /
``false`` are the only booleans (``yes``, ``no``, ``on``, ``off`` and ``NO`` stay text),
numbers are decimal (``05`` is 5, ``1:30`` is text), and dates stay text for the model to read
as day/month/year. The node graph from ``compose`` is walked by hand, so that the nesting
depth, the number of nodes and the number of aliases are checked while composing (a huge
file stops early), duplicate keys are found, the
expansion of aliases is bounded and every value keeps its line and column.

>>> from baocao.i18n import set_language
>>> set_language("vi")  # the messages below are Vietnamese
>>> tree = parse_yaml("a: NO\\nb: 05\\nc: [1/11/2024]\\n", path="e.yaml")
>>> tree.data, tree.values[("c", 0)]
({'a': 'NO', 'b': 5, 'c': ['1/11/2024']}, (3, 5))
>>> [str(p) for p in parse_yaml("a: 1\\na: 2\\n", path="e.yaml").problems]
['e.yaml:2:1: a: mục `a` bị lặp lại (đã có ở dòng 1)']
>>> set_language(None)
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from baocao.errors import DataError, Problem
from baocao.event.limits import MAX_ALIASES, MAX_DEPTH, MAX_NODES, MAX_REPORTED
from baocao.event.located import Located, Path, dotted
from baocao.event.yaml_events import (
    BOOL,
    FLOAT,
    IMPLICIT_TYPES,
    INT,
    NULL,
    STR,
    comma_warning,
    one_pass,
    scalar_value,
)
from baocao.i18n import N_, _

_STR, _INT, _FLOAT, _BOOL, _NULL = STR, INT, FLOAT, BOOL, NULL
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class _Stop(Exception):
    """A limit was hit while composing; carries the problem."""

    def __init__(self, message: str, mark: yaml.Mark | None, code: str) -> None:
        super().__init__(message)
        self.message, self.mark, self.code = message, mark, code


class _Limits:
    """PyYAML's composer with limits on depth and aliases, checked while composing.

    Mixed into both loaders below; only nodes are composed, nothing is constructed, so no
    tag can call Python (PyYAML's safe loading stops at the same place)."""

    def _start_limits(self) -> None:
        self.depth = 0
        self.aliases = 0
        self.nodes = 0
        # (id(parent node), index or id(key node)) → where the alias `*name` was written
        self.alias_marks: dict[tuple[int, int], yaml.Mark] = {}

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        loader: Any = self
        if loader.check_event(yaml.AliasEvent):
            self.aliases += 1
            slot = index if isinstance(index, int) else id(index)
            self.alias_marks[(id(parent), slot)] = loader.peek_event().start_mark
            if self.aliases > MAX_ALIASES:
                raise _Stop(
                    _(
                        "tệp dùng quá {limit} tham chiếu YAML (`*tên`); tệp sự kiện không cần "
                        "tham chiếu, hãy viết thẳng giá trị"
                    ).format(limit=MAX_ALIASES),
                    loader.peek_event().start_mark,
                    "aliases",
                )
        self.nodes += 1
        if self.nodes > MAX_NODES:  # counted while composing: a huge file stops early
            raise _Stop(
                _("tệp có quá nhiều mục (hơn {limit})").format(limit=MAX_NODES),
                loader.peek_event().start_mark,
                "too-many",
            )
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Stop(
                _("dữ liệu lồng nhau quá {limit} tầng").format(limit=MAX_DEPTH),
                loader.peek_event().start_mark,
                "depth",
            )
        try:
            node: Node | None = Composer.compose_node(loader, parent, index)
            return node
        finally:
            self.depth -= 1


class _Loader(_Limits, yaml.SafeLoader):
    """PyYAML's pure-Python ``SafeLoader`` with the limits and plainer implicit types; its
    error texts are the ones :data:`_SYNTAX_HINTS` translates."""

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 - PyYAML's class protocol

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._start_limits()


for _tag, _pattern, _firsts in IMPLICIT_TYPES:
    _Loader.add_implicit_resolver(_tag, _pattern, _firsts)

if yaml.__with_libyaml__:

    class _FastLoader(_Limits, yaml.CSafeLoader):
        """The same composer over libyaml's events (PyYAML's ``CSafeLoader``): about ten
        times faster on an event file. Only for files that parse; any error is reported by
        parsing again with :class:`_Loader`, so messages never depend on libyaml."""

        yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            Composer.__init__(self)  # type: ignore[arg-type] # CSafeLoader composes in C
            self._start_limits()

        # CParser has its own composer in C; compose with PyYAML's, which calls the limits.
        get_single_node = Composer.get_single_node
        compose_document = Composer.compose_document
        compose_scalar_node = Composer.compose_scalar_node
        compose_sequence_node = Composer.compose_sequence_node
        compose_mapping_node = Composer.compose_mapping_node

    _LOADERS: tuple[type[_Limits], ...] = (_FastLoader, _Loader)
    _FAST: type[_Limits] | None = _FastLoader
else:  # pragma: no cover - PyYAML built without libyaml
    _LOADERS = (_Loader,)
    _FAST = None


# PyYAML's English problem texts, as a clerk would read them.
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        N_(
            "dấu hai chấm `:` không đúng chỗ; nếu nội dung có dấu `:` "
            "hãy đặt cả dòng trong ngoặc kép"
        ),
    ),
    ("could not find expected ':'", N_("thiếu dấu hai chấm `:` sau tên mục")),
    ("found character '\\t'", N_("thụt lề bằng phím Tab; YAML chỉ chấp nhận dấu cách để thụt lề")),
    ("found undefined alias", N_("tham chiếu `*tên` không trỏ tới mục nào")),
    (
        "expected a single document",
        N_("tệp chỉ được chứa một văn bản YAML (bỏ dòng `---` thứ hai)"),
    ),
    ("found unexpected end of stream", N_("thiếu dấu ngoặc kép hoặc ngoặc đóng trước khi hết tệp")),
    (
        "found unknown escape character",
        N_(
            "ký tự sau dấu `\\` không hợp lệ trong ngoặc kép; dùng ngoặc đơn `'…'` hoặc viết `\\\\`"
        ),
    ),
    ("did not find expected key", N_("thụt lề không thẳng hàng với các mục cùng cấp")),
    ("expected <block end>", N_("thụt lề không thẳng hàng với các mục cùng cấp")),
    (
        "did not find expected '-' indicator",
        N_("các dòng của danh sách phải thẳng hàng, bắt đầu bằng `- `"),
    ),
    ("did not find expected ',' or ']'", N_("thiếu dấu phẩy `,` hoặc ngoặc đóng `]`")),
    ("did not find expected ',' or '}'", N_("thiếu dấu phẩy `,` hoặc ngoặc đóng `}`")),
    (
        "found character that cannot start any token",
        N_("ký tự này không được đứng đầu một giá trị; hãy đặt giá trị trong ngoặc kép"),
    ),
    (
        "expected alphabetic or numeric character",
        N_(
            "tên tham chiếu (`&`, `*`) không hợp lệ; nếu là chữ, hãy đặt cả giá trị trong ngoặc kép"
        ),
    ),
)


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    problem = f"{error.problem or ''} {error.context or ''}"
    for needle, message in _SYNTAX_HINTS:
        if needle in problem:
            return _(message)
    return _("cú pháp YAML sai ở đây; kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép")


def _position(mark: yaml.Mark | None) -> tuple[int, int] | tuple[None, None]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (None, None)


def _compose(text: str, *, path: str) -> tuple[Node | None, dict[tuple[int, int], yaml.Mark]]:
    """The node graph of ``text``, from libyaml when it parses, else from pure PyYAML."""
    for loader_class in _LOADERS:
        loader: Any = loader_class(text)  # type: ignore[call-arg]
        try:
            return loader.get_single_node(), loader.alias_marks
        except _Stop:
            raise  # a limit: no need to compose again, slowly, to say so
        except yaml.YAMLError:
            if loader_class is not _LOADERS[-1]:
                continue  # report what the pure-Python parser says about it
            raise
        finally:
            loader.dispose()
    raise AssertionError("unreachable")  # pragma: no cover


def parse_yaml(text: str, *, path: str) -> Located:
    """Parse ``text``; raise ``DataError`` for syntax errors and limits. Duplicate keys and
    unknown tags are left in ``Located.problems`` so that validation can report more.

    An ordinary file is built in one pass over libyaml's events
    (:func:`~baocao.event.yaml_events.one_pass`, the same result); anything else, and every
    file when PyYAML has no libyaml, takes :func:`parse_composed`."""
    if _LOADERS[0] is _FAST:
        tree = one_pass(text, path=path)
        if tree is not None:
            return tree
    return parse_composed(text, path=path)


def parse_composed(text: str, *, path: str) -> Located:
    """:func:`parse_yaml` through the node graph: libyaml's (else PyYAML's) events composed
    with the limits, then walked by :class:`_Builder`."""
    try:
        root, alias_marks = _compose(text, path=path)
    except _Stop as stop:
        line, column = _position(stop.mark)
        raise DataError(
            [Problem(stop.message, path=path, line=line, column=column, code=stop.code)]
        ) from None
    except yaml.MarkedYAMLError as error:
        line, column = _position(error.problem_mark or error.context_mark)
        raise DataError(
            [Problem(_syntax_message(error), path=path, line=line, column=column, code="syntax")]
        ) from None
    except yaml.YAMLError:
        raise DataError([Problem(_("cú pháp YAML sai"), path=path, code="syntax")]) from None
    builder = _Builder(path, alias_marks)
    if root is None:
        return Located(None)
    data = builder.build(root, (), frozenset())
    return Located(data, builder.values, builder.keys, builder.problems, builder.warnings)


def _split_by_comma(node: SequenceNode) -> list[tuple[int, ScalarNode]]:
    """The items of a flow list (``[a, b, c]``) that a comma inside a name probably split
    off: unquoted text after the first item that starts with a lower-case letter
    (``[Ủy ban nhân dân tỉnh, Các xã, phường]``, ``[cán bộ các xã, phường, thị trấn]``)."""
    if not node.flow_style:
        return []
    return [
        (i, item)
        for i, item in enumerate(node.value)
        if i > 0
        and isinstance(item, ScalarNode)
        and item.tag == _STR
        and not item.style  # plain: None (PyYAML) or "" (libyaml)
        and item.value[:1].islower()
    ]


class _Builder:
    def __init__(self, path: str, alias_marks: dict[tuple[int, int], yaml.Mark]) -> None:
        self.path = path
        self.alias_marks = alias_marks
        self.values: dict[Path, tuple[int, int]] = {}
        self.keys: dict[Path, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.count = 0
        self.seen: set[int] = set()
        self.reuse_root: Path | None = None

    def fail(
        self, message: str, node: Node, where: Path, code: str, at: tuple[int, int] | None = None
    ) -> None:
        line, column = at or _position(node.start_mark)
        problem = Problem(
            message, path=self.path, line=line, column=column, field=dotted(where), code=code
        )
        if code in {"aliases", "depth", "recursion", "too-many"}:
            raise DataError([problem])
        if len(self.problems) < MAX_REPORTED:
            self.problems.append(problem)

    def build(
        self, node: Node, where: Path, ancestors: frozenset[int], written: yaml.Mark | None = None
    ) -> Any:
        """Plain data of ``node`` at ``where``; ``written`` is where an alias to it stands."""
        self.count += 1
        if self.count > MAX_NODES:
            if self.reuse_root is not None:
                self.fail(
                    _("tham chiếu YAML (`*tên`) nhân dữ liệu lên quá lớn; hãy viết thẳng giá trị"),
                    node,
                    self.reuse_root,
                    "aliases",
                    self.values.get(self.reuse_root),
                )
            self.fail(
                _("tệp có quá nhiều mục (hơn {limit})").format(limit=MAX_NODES),
                node,
                where,
                "too-many",
            )
        if len(where) > MAX_DEPTH:
            self.fail(
                _("dữ liệu lồng nhau quá {limit} tầng").format(limit=MAX_DEPTH),
                node,
                where,
                "depth",
            )
        if id(node) in ancestors:
            self.fail(_("tham chiếu YAML (`*tên`) trỏ vào chính nó"), node, where, "recursion")
        outermost_reuse = id(node) in self.seen and self.reuse_root is None
        if outermost_reuse:
            self.reuse_root = where
        self.seen.add(id(node))
        self.values.setdefault(where, _position(written or node.start_mark))  # type: ignore[arg-type]
        try:
            return self.build_node(node, where, ancestors)
        finally:
            if outermost_reuse:
                self.reuse_root = None

    def build_node(self, node: Node, where: Path, ancestors: frozenset[int]) -> Any:
        if isinstance(node, ScalarNode):
            return self.scalar(node, where)
        inner = ancestors | {id(node)}
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ:
                self.unknown_tag(node, where)
            self.flow_list_warnings(node, where)
            return [
                self.build(item, (*where, i), inner, self.alias_marks.get((id(node), i)))
                for i, item in enumerate(node.value)
            ]
        if isinstance(node, MappingNode):
            if node.tag != _MAP:
                self.unknown_tag(node, where)
            return self.mapping(node, where, inner)
        return None  # pragma: no cover - PyYAML has no other node kinds

    def mapping(self, node: MappingNode, where: Path, inner: frozenset[int]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.fail(
                    _("tên mục phải là chữ, không phải danh sách hay nhóm"), key_node, where, "key"
                )
                continue
            key = key_node.value
            key_line = key_node.start_mark.line + 1
            if key in result or key in first_line:
                self.fail(
                    _("mục `{key}` bị lặp lại (đã có ở dòng {line})").format(
                        key=key, line=first_line[key]
                    ),
                    key_node,
                    (*where, key),
                    "duplicate-key",
                )
                continue
            first_line[key] = key_line
            self.keys[(*where, key)] = _position(key_node.start_mark)  # type: ignore[assignment]
            written = self.alias_marks.get((id(node), id(key_node)))
            result[key] = self.build(value_node, (*where, key), inner, written)
        return result

    def flow_list_warnings(self, node: SequenceNode, where: Path) -> None:
        for index, item in _split_by_comma(node):
            before = node.value[index - 1]
            self.warnings.append(
                comma_warning(
                    self.path,
                    where,
                    index,
                    _position(item.start_mark),  # type: ignore[arg-type]
                    item.value,
                    before.value if isinstance(before, ScalarNode) else "…",
                )
            )

    def unknown_tag(self, node: Node, where: Path) -> None:
        self.fail(
            _("kiểu YAML `{tag}` không được dùng trong tệp sự kiện").format(
                tag=node.tag.replace("tag:yaml.org,2002:", "!!")
            ),
            node,
            where,
            "tag",
        )

    def scalar(self, node: ScalarNode, where: Path) -> Any:
        tag, value = node.tag, node.value
        if tag == _STR:
            return value
        if tag not in (_NULL, _BOOL, _INT, _FLOAT):
            self.unknown_tag(node, where)
            return None
        try:
            return scalar_value(tag, value)
        except ValueError:
            self.fail(
                _("`{value}` không phải là số").format(value=value[:40]), node, where, "number"
            )
            return None
