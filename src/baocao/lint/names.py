"""Unknown names at any depth, unknown filters and tests: a walk over a template's Jinja AST.

Names are checked against :func:`baocao.lint.shapes.context_shape`: ``su_kien.diadiem`` is
unknown (``su_kien.dia_diem`` is known), and so is ``n.hoten`` in
``{% for n in nhan_vat %}``: loop targets take the item shape of what they iterate,
``{% set %}`` targets the shape of their value, macro arguments are free.
"""

from __future__ import annotations

import datetime as dt
import inspect
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from baocao.lint.shapes import Obj, Scalar, Seq, Shape, Unknown, context_shape, paths
from baocao.suggest import did_you_mean
from baocao.vi.text import khong_dau

__all__ = ["JINJA_GLOBALS", "NameIssue", "context_shape", "find_name_issues", "template_usage"]

_METHODS: dict[str, frozenset[str]] = {
    "str": frozenset(n for n in dir(str) if not n.startswith("_")),
    "int": frozenset(n for n in dir(int) if not n.startswith("_")),
    "bool": frozenset(n for n in dir(int) if not n.startswith("_")),
    "date": frozenset(n for n in dir(dt.datetime) if not n.startswith("_")),
}
_DICT_METHODS = frozenset({"items", "keys", "values", "get"})
_LIST_METHODS = frozenset({"index", "count"})

# names Jinja and docxtpl give every template
JINJA_GLOBALS = frozenset(
    {"range", "dict", "lipsum", "cycler", "joiner", "namespace", "true", "false", "none"}
    | {"True", "False", "None"}
)


# --- the AST walk -----------------------------------------------------------------------------


@dataclass
class NameIssue:
    """An unknown name, attribute or filter, at ``lineno`` of the parsed source."""

    code: str  # unknown-variable, unknown-attribute, unknown-filter, unknown-test,
    # unknown-argument (of a filter), list-attribute
    lineno: int
    name: str  # dotted, as written: su_kien.diadiem
    suggestion: str | None = None
    known: tuple[str, ...] = ()
    loop_of: str | None = None  # a loop variable used outside its loop: the list it may be
    owner: str | None = None  # unknown-argument: the filter


def _leaf_paths(top: Obj, word: str) -> list[str]:
    """Dotted paths (not through lists) whose last key is ``word``, shortest first."""
    key = khong_dau(word).lower()
    found = [p for p, _s in paths(top) if "." in p and "[]" not in p and p.rsplit(".", 1)[1] == key]
    return sorted(found, key=lambda p: (p.count("."), p))[:3]


def _list_with(top: Obj, attr: str) -> str | None:
    """The shortest path of a list whose items have the key ``attr``."""
    found = [
        p
        for p, s in paths(top)
        if "[]" not in p
        and isinstance(s, Seq)
        and isinstance(s.item, Obj)
        and attr in s.item.fields
    ]
    order = {name: index for index, name in enumerate(top.fields)}  # the event's key order
    return (
        min(found, key=lambda p: (p.count("."), len(p), order.get(p.split(".")[0], 0), p))
        if found
        else None
    )


class _Walker:
    def __init__(self, env: Any, top: Obj) -> None:
        self.env = env
        self.top = top
        self.issues: list[NameIssue] = []
        self.scopes: list[dict[str, Shape]] = [{}]

    # scopes
    def bind(self, name: str, shape: Shape) -> None:
        self.scopes[-1][name] = shape

    def lookup(self, name: str) -> Shape | None:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        if name in self.top.fields:
            return self.top.fields[name]
        if name in JINJA_GLOBALS or name in self.env.globals:
            return Unknown()
        return None

    def push(self, names: dict[str, Shape] | None = None) -> None:
        self.scopes.append(dict(names or {}))

    def pop(self) -> None:
        self.scopes.pop()

    def name(self, node: Any, attr: str | None = None) -> tuple[Shape, str | None]:
        """A variable; ``attr``: the key read from it, for a better hint when unknown."""
        found = self.lookup(node.name)
        if found is not None:
            return found, node.name
        scope_names = [n for s in self.scopes for n in s]
        choices = sorted(set(self.top.fields) | set(scope_names))
        issue = NameIssue("unknown-variable", node.lineno, node.name)
        close = did_you_mean(node.name, choices)
        loop_of = _list_with(self.top, attr) if attr is not None else None
        leaves = _leaf_paths(self.top, node.name)
        if node.name == "loop":
            issue.loop_of = ""
        elif close is not None:
            issue.suggestion = close
        elif loop_of is not None:
            issue.loop_of = loop_of
        elif leaves:
            issue.suggestion = leaves[0]
            issue.known = tuple(leaves)
        self.issues.append(issue)
        return Unknown(), None

    # expressions: return the shape and the dotted name as written (for messages)
    def expr(self, node: Any) -> tuple[Shape, str | None]:
        from jinja2 import nodes

        if isinstance(node, nodes.Name):
            return self.name(node)
        if isinstance(node, nodes.Getattr):
            if isinstance(node.node, nodes.Name):
                base, dotted = self.name(node.node, attr=node.attr)
            else:
                base, dotted = self.expr(node.node)
            return self.attr(base, dotted, node.attr, node.lineno)
        if isinstance(node, nodes.Getitem):
            base, dotted = self.expr(node.node)
            arg = node.arg
            if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
                return self.attr(base, dotted, arg.value, node.lineno, item=True)
            self.walk(arg)
            if isinstance(base, Seq):
                if isinstance(arg, nodes.Slice):
                    return base, dotted and f"{dotted}[]"
                return base.item, dotted and f"{dotted}[]"
            return Unknown(), None
        if isinstance(node, nodes.Filter | nodes.Test):
            self.check_filter(node)
            if node.node is not None:
                inner, dotted = self.expr(node.node)
            else:
                inner, dotted = Unknown(), None
            for child in [*node.args, *[k.value for k in node.kwargs]]:
                self.walk(child)
            for extra in (node.dyn_args, node.dyn_kwargs):
                if extra is not None:
                    self.walk(extra)
            if isinstance(node, nodes.Filter) and node.name in {"default", "d"}:
                return inner, dotted
            if isinstance(node, nodes.Filter) and node.name in {"list", "sort", "reverse"}:
                return (inner if isinstance(inner, Seq) else Unknown()), dotted
            if isinstance(node, nodes.Filter) and node.name in {"first", "last"}:
                return (inner.item if isinstance(inner, Seq) else Unknown()), dotted
            return Unknown(), None
        if isinstance(node, nodes.Call):
            _shape, _dotted = self.expr(node.node)
            for child in [*node.args, *[k.value for k in node.kwargs]]:
                self.walk(child)
            for extra in (node.dyn_args, node.dyn_kwargs):
                if extra is not None:
                    self.walk(extra)
            return Unknown(), None
        for child in node.iter_child_nodes():
            self.walk(child)
        return Unknown(), None

    def attr(
        self, base: Shape, dotted: str | None, name: str, lineno: int, item: bool = False
    ) -> tuple[Shape, str | None]:
        full = f"{dotted}.{name}" if dotted else None
        if isinstance(base, Obj):
            if name in base.fields:
                return base.fields[name], full
            if base.open or (not item and name in _DICT_METHODS):
                return Unknown(), None
            if full:
                choices = sorted(base.fields)
                hint = did_you_mean(name, choices)
                self.issues.append(
                    NameIssue(
                        "unknown-attribute",
                        lineno,
                        full,
                        f"{dotted}.{hint}" if hint else None,
                        tuple(choices),
                    )
                )
            return Unknown(), None
        if isinstance(base, Seq):
            if name.isdigit() or name in _LIST_METHODS:
                return Unknown(), None
            if full:
                self.issues.append(NameIssue("list-attribute", lineno, full, dotted, ()))
            return Unknown(), None
        if isinstance(base, Scalar):
            if name in _METHODS.get(base.kind, frozenset()):
                return Unknown(), None
            if full:
                self.issues.append(NameIssue("unknown-attribute", lineno, full, None, ()))
            return Unknown(), None
        return Unknown(), None

    def check_filter(self, node: Any) -> None:
        from jinja2 import nodes

        table = self.env.filters if isinstance(node, nodes.Filter) else self.env.tests
        if node.name not in table:
            code = "unknown-filter" if isinstance(node, nodes.Filter) else "unknown-test"
            choices = sorted(table)
            shown = choices
            if isinstance(node, nodes.Filter):
                from baocao.rendering.filters import FILTERS

                shown = [*FILTERS, "default", "join", "length", "lower", "upper", "replace"]
            self.issues.append(
                NameIssue(
                    code, node.lineno, node.name, did_you_mean(node.name, choices), tuple(shown)
                )
            )
            return
        if isinstance(node, nodes.Filter) and node.kwargs:
            from baocao.rendering.filters import FILTERS

            func = FILTERS.get(node.name)
            if func is None or func is not table[node.name]:
                return
            params = list(inspect.signature(func).parameters.values())[1:]
            if any(p.kind is p.VAR_KEYWORD for p in params):
                return
            names = [p.name for p in params if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)]
            for kw in node.kwargs:
                # Jinja types kwargs as Pair (key: Expr); a filter call's are Keyword (key: str)
                if isinstance(kw.key, str) and kw.key not in names:
                    self.issues.append(
                        NameIssue(
                            "unknown-argument",
                            node.lineno,
                            kw.key,
                            did_you_mean(kw.key, names),
                            tuple(names),
                            owner=node.name,
                        )
                    )

    def target(self, node: Any, shape: Shape) -> None:
        from jinja2 import nodes

        if isinstance(node, nodes.Name):
            self.bind(node.name, shape)
        elif isinstance(node, nodes.Tuple):
            for item in node.items:
                self.target(item, Unknown())
        elif isinstance(node, nodes.NSRef):
            pass

    # statements
    def walk(self, node: Any) -> None:
        from jinja2 import nodes

        if isinstance(node, nodes.Template):
            for macro in node.find_all(nodes.Macro):
                self.bind(macro.name, Unknown())
            for child in node.body:
                self.walk(child)
        elif isinstance(node, nodes.For):
            shape, _dotted = self.expr(node.iter)
            self.push({"loop": Unknown()})
            item = shape.item if isinstance(shape, Seq) else Unknown()
            if isinstance(node.iter, nodes.Call) and isinstance(node.iter.node, nodes.Getattr):
                item = Unknown()  # .items() and other calls
            self.target(node.target, item)
            if node.test is not None:
                self.walk(node.test)
            for child in node.body:
                self.walk(child)
            self.pop()
            for child in node.else_:
                self.walk(child)
        elif isinstance(node, nodes.Assign):
            shape, _ = self.expr(node.node)
            self.target(node.target, shape)
        elif isinstance(node, nodes.AssignBlock):
            if node.filter is not None:
                self.walk(node.filter)
            for child in node.body:
                self.walk(child)
            self.target(node.target, Scalar("str"))
        elif isinstance(node, nodes.Macro | nodes.CallBlock):
            if isinstance(node, nodes.CallBlock):
                self.walk(node.call)
            else:
                self.bind(node.name, Unknown())
            names: dict[str, Shape] = {"caller": Unknown(), "varargs": Unknown()}
            names["kwargs"] = Unknown()
            for arg in node.args:
                names[arg.name] = Unknown()
            for default in node.defaults:
                self.walk(default)
            self.push(names)
            for child in node.body:
                self.walk(child)
            self.pop()
        elif isinstance(node, nodes.With):
            shapes = [self.expr(v)[0] for v in node.values]
            self.push()
            for t, s in zip(node.targets, shapes, strict=False):
                self.target(t, s)
            for child in node.body:
                self.walk(child)
            self.pop()
        elif isinstance(node, nodes.FilterBlock):
            self.walk(node.filter)
            for child in node.body:
                self.walk(child)
        elif isinstance(node, nodes.Expr):
            self.expr(node)
        elif isinstance(node, nodes.Output):
            for child in node.nodes:
                self.walk(child)
        elif isinstance(node, nodes.If):
            self.walk(node.test)
            for child in [*node.body, *node.elif_, *node.else_]:
                self.walk(child)
        else:
            for child in node.iter_child_nodes():
                self.walk(child)


def find_name_issues(ast: Any, env: Any, top: Obj | None = None) -> list[NameIssue]:
    """Unknown variables (at any depth), filters and tests in a parsed template.

    >>> from baocao.rendering.engine import make_env
    >>> env = make_env()
    >>> ast = env.parse("{% for n in nhan_vat %}{{ n.hoten }}{% endfor %}\\n{{ x|viethoa }}")
    >>> for i in find_name_issues(ast, env):
    ...     print(i.code, i.lineno, i.name, i.suggestion)
    unknown-attribute 1 n.hoten n.ho_ten
    unknown-filter 2 viethoa viet_hoa
    unknown-variable 2 x None
    """
    walker = _Walker(env, top or context_shape())
    walker.walk(ast)
    return walker.issues


def template_usage(path: Path | str) -> tuple[list[str], list[str]]:
    """The context names and the filters the template at ``path`` uses, each sorted. Names
    are dotted from a top-level key; what a loop variable reads is named through its list
    (``nhan_vat[].ho_ten`` for ``{% for n in nhan_vat %}{{ n.ho_ten }}``). Parts that do
    not parse are skipped. A template from outside the built-in folder is read in a child
    process with limits (:mod:`baocao.rendering.boxed`)."""
    from baocao.rendering.boxed import is_trusted, run_boxed

    if is_trusted(path):
        return _template_usage(path)
    return run_boxed(_template_usage, path, label=str(path))


def _template_usage(path: Path | str) -> tuple[list[str], list[str]]:
    from jinja2 import TemplateSyntaxError, nodes

    from baocao.docx.locations import find_tags, jinja_source, read_paragraphs, read_parts
    from baocao.rendering.engine import make_env

    env = make_env()
    top = context_shape()
    names: set[str] = set()
    filters: set[str] = set()
    aliases: dict[str, str] = {}  # loop and set variables → the path they stand for

    def dotted(node: Any) -> str | None:
        if isinstance(node, nodes.Name):
            if node.name in aliases:
                return aliases[node.name]
            return node.name if node.name in top.fields else None
        if isinstance(node, nodes.Getattr):
            base = dotted(node.node)
            return f"{base}.{node.attr}" if base else None
        if isinstance(node, nodes.Getitem):
            base = dotted(node.node)
            arg = node.arg
            if base and isinstance(arg, nodes.Const) and isinstance(arg.value, str):
                return f"{base}.{arg.value}"
            return f"{base}[]" if base and isinstance(arg, nodes.Const) else None
        if isinstance(node, nodes.Filter) and node.name in {"default", "d"}:
            return dotted(node.node)
        return None

    def walk(node: Any) -> None:
        if isinstance(node, nodes.Filter):
            filters.add(node.name)
        if isinstance(node, nodes.For):
            walk(node.iter)
            source = dotted(node.iter)
            if source and isinstance(node.target, nodes.Name):
                aliases[node.target.name] = f"{source}[]"
            for child in [*([node.test] if node.test else []), *node.body, *node.else_]:
                walk(child)
            return
        if isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name):
            walk(node.node)
            source = dotted(node.node)
            if source:
                aliases[node.target.name] = source
            return
        if isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem):
            name = dotted(node)
            if name:
                names.add(name)
        for child in node.iter_child_nodes():
            walk(child)

    for part in read_parts(Path(path)):
        tags = find_tags(read_paragraphs(part.xml, part.name))
        if not tags:
            continue
        try:
            ast = env.parse(jinja_source(tags))
        except TemplateSyntaxError:
            continue
        walk(ast)
    # keep only the longest chains: su_kien.ten covers su_kien, nhan_vat[].ho_ten nhan_vat
    longest = {
        n
        for n in names
        if not any(m.startswith(n + ".") or m.startswith(n + "[]") for m in names if m != n)
    }
    return sorted(longest), sorted(filters)
