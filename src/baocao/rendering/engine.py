"""The compile-once renderer of a Word template.

:func:`compile_template` reads a .docx once, runs docxtpl's own pre-processing (``patch_xml``:
split-run clean-up, ``{%p %}``/``{%tr %}``/``{%tc %}``/``{%r %}`` tags, smart quotes in tags…)
on the body, the headers, the footers and the notes, and compiles each part once in the one
environment (:func:`baocao.rendering.environment.make_env`, re-exported here).
:meth:`CompiledTemplate.render_bytes` then only renders the parts, applies docxtpl's
post-processing (``resolve_listing``, ``fix_tables`` when needed, ``fix_docpr_ids``), puts every
``w:t`` in NFC and the event's tone style (:mod:`baocao.rendering.xml_text`) and writes a
deterministic zip (:mod:`baocao.docx.package`).
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from baocao.docx.package import (
    W_NS,
    DocProps,
    Package,
    ZipBuilder,
    add_core_part,
    core_xml,
    read_package,
)
from baocao.errors import Problem, RenderError, TemplateError
from baocao.rendering.docxtpl_steps import LISTING_CHARS, docxtpl_template, resolve_listing
from baocao.rendering.environment import make_env
from baocao.rendering.parts import Part as _Part
from baocao.rendering.parts import part_label as _part_label
from baocao.rendering.parts import template_lineno as _template_lineno
from baocao.rendering.xml_text import (
    grid_mismatch,
    normalise,
    normalise_tree,
    unescape_tags,
)

__all__ = ["CompiledTemplate", "DocProps", "compile_template", "make_env", "unescape_tags"]

W_BODY = f"{{{W_NS}}}body"
_MARKER = "baocaoBodyMarker"

# the compiled source has a newline before each paragraph (so that an error names the
# paragraph by its line); the rendered part loses them again (docxtpl's render_xml_part)
_P_OPEN = re.compile(r"<w:p([ >])")
_LITERALS = (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}"))


def newlines_out(xml: str) -> str:
    """``xml`` without the newline before each ``<w:p>`` / ``<w:p …>``: docxtpl's
    ``re.sub(r"\\n<w:p([ >])", r"<w:p\\1", …)`` as two plain replacements (issue 11)."""
    return xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")


def _parsers() -> tuple[Any, Any]:
    from baocao.docx.safe_xml import parser

    # the hardened parser (no entities, no DTD, no network, libxml2's size limits); "blank"
    # is python-docx's way: what a document body is read with before docxtpl sees it
    return parser(), parser(remove_blank_text=True)


class CompiledTemplate:
    """A Word template compiled once; :meth:`render_bytes` makes a complete .docx."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        package = read_package(self.path)
        if package.core is None:
            add_core_part(package)
        self._core = package.core or "docProps/core.xml"
        self._env = make_env()
        self._parts: list[_Part] = []
        self._text_static: dict[str, bytes] = {}  # parts without tags, text normalised per render
        self._static_cache: dict[tuple[str, str | None], Any] = {}
        self._lock = threading.Lock()
        self._builder = ZipBuilder()
        self._compile_or_restore(package)

    def _compile_or_restore(self, package: Package) -> None:
        """Compile, or take the compile cache's entry (built-in templates only)."""
        from baocao.rendering import compile_cache

        key = compile_cache.key_for(self.path, self._env, [*package.names, self._core], package)
        entry = compile_cache.load(key, package.blobs) if key else None
        if entry is None:
            self._compile(package)
            if key:
                parts = [
                    (p.name, p.kind, p.source, p.code, p.head, p.tail, p.names) for p in self._parts
                ]
                compile_cache.store(key, compile_cache.Entry(parts, list(self._text_static)))
            return
        make = self._env.template_class.from_code
        for name, kind, source, code, head, tail, names in entry.parts:
            template = make(self._env, code, self._env.make_globals(None), None)
            self._parts.append(_Part(name, kind, source, template, head, tail, code, names))
        self._text_static = {name: package.blobs[name] for name in entry.static}
        self._add_members(package, {p.name for p in self._parts} | set(entry.static))

    def _add_members(self, package: Package, rendered: set[str]) -> None:
        for name in package.names:
            if name in rendered or name == self._core:
                self._builder.add_dynamic(name)
            else:
                self._builder.add_static(name, package.blobs[name])

    # -- compile ------------------------------------------------------------------------

    def _compile_part(self, name: str, kind: str, source: str) -> _Part:
        from jinja2 import TemplateError as JinjaError
        from jinja2 import TemplateSyntaxError
        from jinja2.nodes import Name

        from baocao.i18n import _

        source = unescape_tags(docxtpl_template().patch_xml(source))
        # docxtpl turns the template's literal "{_{" into "{{" after rendering, values
        # included; doing it here, as Jinja string literals, leaves values untouched
        for literal, text in _LITERALS:
            if literal in source:
                source = source.replace(literal, "{{ '" + text + "' }}")
        source = _P_OPEN.sub(r"\n<w:p\1", source)
        part = _Part(name=name, kind=kind, source=source, template=None)  # type: ignore[arg-type]
        try:
            # from_string, with the syntax tree kept to list the names it reads, and the
            # code kept for the compile cache
            tree = self._env.parse(source)
            part.names = frozenset(n.name for n in tree.find_all(Name) if n.ctx == "load")
            part.code = self._env.compile(tree)
            part.template = self._env.template_class.from_code(
                self._env, part.code, self._env.make_globals(None), None
            )
        except TemplateSyntaxError as exc:
            # an unclosed block is placed by the checker at the tag the author typed, as
            # `baocao check` does; otherwise the compiled source's line
            located = _syntax_problems(self.path)
            raise TemplateError(
                located
                or [
                    Problem(
                        _("lỗi cú pháp trong mẫu: {loi}").format(loi=exc.message),
                        path=str(self.path),
                        part=part.where(exc.lineno),
                    )
                ]
            ) from exc
        except (RecursionError, MemoryError, JinjaError) as exc:  # nesting, a size cap
            raise TemplateError(
                [
                    Problem(
                        _("lỗi cú pháp trong mẫu: {loi}").format(
                            loi=f"{type(exc).__name__}: {exc}"
                        ),
                        path=str(self.path),
                        part=_part_label(kind, name),
                    )
                ]
            ) from exc
        return part

    def _compile(self, package: Package) -> None:
        from lxml import etree

        from baocao.docx.safe_xml import parse_part, xml_problem

        rendered: set[str] = set()

        # the body, as docxtpl takes it: <w:body> of the document read by python-docx
        root = parse_part(
            package.blobs[package.document], package.document, self.path, remove_blank_text=True
        )
        body = root.find(W_BODY)
        if body is None:
            raise xml_problem(package.document, self.path, "<w:body> missing")
        body_xml = etree.tostring(body, encoding="unicode", pretty_print=False)
        marker = etree.Element(f"{{{W_NS}}}{_MARKER}")
        root.replace(body, marker)
        whole = etree.tostring(root, encoding="UTF-8", standalone=True)
        qname = f"{marker.prefix}:{_MARKER}" if marker.prefix else _MARKER
        head, _sep, tail = whole.partition(f"<{qname}/>".encode())
        assert _sep, "body marker not found"
        part = self._compile_part(package.document, "body", body_xml)
        part.head, part.tail = head, tail
        self._parts.append(part)
        rendered.add(package.document)

        for kind, names in (("header", package.headers), ("footer", package.footers)):
            for name in names:
                xml = etree.tostring(
                    parse_part(package.blobs[name], name, self.path, remove_blank_text=True),
                    encoding="unicode",
                )
                if "{" not in xml:
                    self._text_static[name] = package.blobs[name]
                else:
                    self._parts.append(self._compile_part(name, kind, xml))
                rendered.add(name)
        for name in package.notes:
            parse_part(package.blobs[name], name, self.path)  # well-formed, no DTD
            try:
                xml = package.blobs[name].decode("utf-8")
            except UnicodeDecodeError as exc:
                raise xml_problem(name, self.path, str(exc)) from exc
            if "{" not in xml:
                self._text_static[name] = package.blobs[name]
            else:
                self._parts.append(self._compile_part(name, "notes", xml))
            rendered.add(name)
        self._add_members(package, rendered)

    @property
    def names(self) -> frozenset[str]:
        """Every name the template's parts read: the context keys it can use."""
        return frozenset().union(*(part.names for part in self._parts))

    # -- render -------------------------------------------------------------------------

    def _render_part(self, part: _Part, ctx: Mapping[str, Any], kieu: str | None) -> bytes:
        from lxml import etree

        tree = self._render_tree(part, ctx, kieu)
        if part.kind == "body":
            body: bytes = etree.tostring(tree, encoding="UTF-8", xml_declaration=False)
            return part.head + body + part.tail
        whole: bytes = etree.tostring(tree, encoding="UTF-8", standalone=True)
        return whole

    def _render_tree(self, part: _Part, ctx: Mapping[str, Any], kieu: str | None) -> Any:
        """The part rendered with ``ctx``, as an lxml tree (the body: its ``w:body``)."""
        from jinja2 import TemplateError as JinjaTemplateError
        from lxml import etree

        from baocao.i18n import _
        from baocao.rendering.sandbox import render_capped

        try:
            xml = render_capped(part.template, ctx)
        except JinjaTemplateError as exc:
            where = part.where(_template_lineno(exc.__traceback__))
            raise TemplateError(
                [
                    Problem(
                        _("lỗi khi điền mẫu: {loi}").format(loi=exc.message or str(exc)),
                        path=str(self.path),
                        part=where,
                    )
                ]
            ) from exc
        except (MemoryError, RecursionError) as exc:  # a template that grows without end
            raise TemplateError(
                [
                    Problem(
                        _("mẫu dùng quá nhiều bộ nhớ hoặc lồng quá sâu khi điền ({loi})").format(
                            loi=type(exc).__name__
                        ),
                        path=str(self.path),
                        part=part.where(_template_lineno(exc.__traceback__)),
                        code="template-limit",
                    )
                ]
            ) from None
        except Exception as exc:
            where = part.where(_template_lineno(exc.__traceback__))
            raise RenderError(
                [
                    Problem(
                        _("lỗi khi điền mẫu: {loi}").format(loi=f"{type(exc).__name__}: {exc}"),
                        path=str(self.path),
                        part=where,
                    )
                ]
            ) from exc
        # docxtpl's render_xml_part post-processing
        xml = newlines_out(xml)
        if any(c in xml for c in LISTING_CHARS):
            xml = resolve_listing(xml)
        keep, blank = _parsers()
        try:
            tree = etree.fromstring(xml.encode("utf-8"), keep if part.kind == "body" else blank)
        except etree.XMLSyntaxError as exc:
            raise TemplateError(
                [
                    Problem(
                        _(
                            "mẫu sinh ra XML hỏng (thẻ Jinja cắt ngang cấu trúc Word?): {loi}"
                        ).format(loi=str(exc)),
                        path=str(self.path),
                        part=_part_label(part.kind, part.name),
                    )
                ]
            ) from exc
        if part.kind == "body":
            if tree.find(f".//{{{W_NS}}}tbl") is not None and grid_mismatch(tree):
                tree = docxtpl_template().fix_tables(xml)
            if "docPr" in xml:
                docxtpl_template().fix_docpr_ids(tree)
        normalise_tree(tree, kieu)
        return tree

    def _static_part(self, name: str, kieu: str | None) -> Any:
        key = (name, kieu)
        entry = self._static_cache.get(key)
        if entry is None:
            from lxml import etree

            from baocao.docx.safe_xml import parse_part

            data = self._text_static[name]
            tree = parse_part(data, name, self.path, remove_blank_text=True)
            before = etree.tostring(tree)
            normalise_tree(tree, kieu)
            if etree.tostring(tree) != before:
                data = etree.tostring(tree, encoding="UTF-8", standalone=True)
            entry = self._builder.static_entry(name, data)
            with self._lock:
                self._static_cache[key] = entry
        return entry

    def render_bytes(self, ctx: Mapping[str, Any], props: DocProps | None = None) -> bytes:
        """A complete .docx of this template filled with ``ctx``; the same input always
        gives the same bytes. ``ctx["dau_thanh"]`` (``cu``/``moi``), when present, sets
        the tone style of every text; ``props`` the core properties (else empty)."""
        kieu = ctx.get("dau_thanh") or None
        dynamic: dict[str, Any] = {}
        for part in self._parts:
            dynamic[part.name] = self._render_part(part, ctx, kieu)
        return self._finish(dynamic, kieu, props)

    def render_sections(
        self, ctxs: Iterable[Mapping[str, Any]], props: DocProps | None = None
    ) -> bytes:
        """One .docx with the body filled once per context, each its own section (new page,
        page numbers from 1: :func:`baocao.docx.sections.join_bodies`); headers, footers and
        notes are filled with the first context. ``ctxs`` is consumed lazily."""
        from lxml import etree

        from baocao.docx.sections import join_bodies

        it = iter(ctxs)
        first = next(it)
        kieu = first.get("dau_thanh") or None
        dynamic: dict[str, Any] = {}
        for part in self._parts:
            if part.kind != "body":
                dynamic[part.name] = self._render_part(part, first, kieu)
                continue
            trees = (
                self._render_tree(part, c, c.get("dau_thanh") or None)
                for c in itertools.chain([first], it)
            )
            body = etree.tostring(join_bodies(trees), encoding="UTF-8", xml_declaration=False)
            dynamic[part.name] = part.head + body + part.tail
        return self._finish(dynamic, kieu, props)

    def _finish(self, dynamic: dict[str, Any], kieu: str | None, props: DocProps | None) -> bytes:
        for name in self._text_static:
            dynamic[name] = self._static_part(name, kieu)
        props = props or DocProps()
        dynamic[self._core] = core_xml(
            DocProps(
                title=normalise(props.title, kieu) if props.title else "",
                subject=normalise(props.subject, kieu) if props.subject else "",
                author=normalise(props.author, kieu) if props.author else "",
                created=props.created,
            )
        )
        return self._builder.build(dynamic)


_CACHE: dict[str, tuple[tuple[int, int], CompiledTemplate]] = {}
_CACHE_LOCK = threading.Lock()


def _version(path: Path) -> tuple[str, tuple[int, int]]:
    from baocao.registry import real_path

    real, st = real_path(path)
    return real, (st.st_mtime_ns, st.st_size)


def is_compiled(path: Path | str) -> bool:
    """True when this process holds the compiled template of this version of ``path``."""
    try:
        key, version = _version(Path(path))
    except OSError:
        return False
    hit = _CACHE.get(key)
    return hit is not None and hit[0] == version


def compile_template(path: Path | str) -> CompiledTemplate:
    """The compiled template at ``path``, compiled once per process and file version
    (path, modification time, size)."""
    from baocao.i18n import _

    path = Path(path)
    try:
        key, version = _version(path)
    except OSError as exc:
        raise TemplateError(
            [Problem(_("không đọc được mẫu: {loi}").format(loi=exc.strerror), path=str(path))]
        ) from exc
    hit = _CACHE.get(key)
    if hit is not None and hit[0] == version:
        return hit[1]
    compiled = CompiledTemplate(path)
    with _CACHE_LOCK:
        _CACHE[key] = (version, compiled)
    return compiled


def _syntax_problems(path: Path | str) -> list[Problem]:
    """The unclosed blocks :func:`baocao.lint.checker.check_template` finds in the template
    at ``path``, each at the tag that opens it (empty when it finds none, or cannot read
    it). The compiled source, where docxtpl has moved ``{%p %}`` tags, puts them elsewhere."""
    from baocao.lint.checker import check_template

    try:
        problems = check_template(path)
    except Exception:  # the error being reported matters more than a failed second look
        return []
    return [p for p in problems if p.code == "unclosed-block"]
