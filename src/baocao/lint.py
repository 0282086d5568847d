"""Check a Word template before any clerk runs it: every problem, and where it is in Word.

:func:`check_template` reads each part of the .docx (body, headers, footers, notes), finds
every tag in the paragraphs' text (:mod:`baocao.lint_locations`) and reports:

- Jinja syntax errors, with the tag that opened an unclosed block;
- docxtpl misuse: ``{%tr %}``/``{%tc %}`` outside a table, a ``{%p %}`` tag sharing its
  paragraph with text (which docxtpl deletes), a tag cut by a paragraph mark, a tag
  never closed;
- unknown variables at any depth, unknown filters and tests (:mod:`baocao.lint_names`);
- Word's curly quotes and non-breaking spaces inside a tag;
- tags that still hold Word XML after docxtpl's own clean-up;
- with ``event``, a real render into memory, so run-time errors come with their place.

Each :class:`~baocao.errors.Problem` has ``part`` = the place in Word terms, e.g.
``phần thân, đoạn 12: «Địa điểm: {{ su_kien.diadiem }}»`` or
``phần thân, bảng 1, hàng 2, ô 3: «{{ r.so }}»``, and ``code`` = the kind of problem.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from baocao.errors import BaocaoError, Problem, TemplateError
from baocao.i18n import _
from baocao.lint_locations import (
    Paragraph,
    Part,
    Tag,
    find_tags,
    jinja_source,
    jinja_text,
    prefix_of,
    read_paragraphs,
    read_parts,
    snippet,
)
from baocao.lint_locations import stray_openers as _stray

__all__ = ["SMART_QUOTES", "check_template"]

SMART_QUOTES = "“”‘’„‟‚‛«»"
_NBSP = "\u00a0\u202f\u2007"
_WORD = re.compile(r"^\{%[-+]?\s*(\w+)")
_BLOCKS = {
    "for",
    "if",
    "macro",
    "call",
    "filter",
    "with",
    "block",
    "raw",
    "autoescape",
    "trans",
}
_PATCHED_TAG = re.compile(r"\{\{(?:(?!\}\}).)*\}\}|\{%(?:(?!%\}).)*%\}", re.DOTALL)


class _Checker:
    def __init__(self, path: Path) -> None:
        from baocao.engine import make_env

        self.path = path
        self.env = make_env()
        self.problems: list[Problem] = []
        self.blocking = False  # a problem that makes compiling or rendering pointless
        self.pending: list[tuple[int, Problem]] = []  # this part's problems, by place

    def add(self, part: Part, para: Paragraph | None, tag: str | None, code: str, msg: str) -> None:
        where = part.label()
        if para is not None:
            where = f"{where}, {para.place}"
            text = snippet(para.text, tag)
            if text:
                where += f": «{text}»"
        order = para.start if para is not None else 1 << 60
        self.pending.append((order, Problem(msg, path=str(self.path), part=where, code=code)))

    # -- one part ----------------------------------------------------------------------

    def check_part(self, part: Part) -> None:
        """Check one part; its problems are added in document order."""
        self.pending = []
        try:
            self._check_part(part)
        finally:
            self.pending.sort(key=lambda item: item[0])
            self.problems += [p for _o, p in self.pending]
            self.pending = []

    def _check_part(self, part: Part) -> None:
        paras = read_paragraphs(part.xml)
        tags = find_tags(paras)
        for opener, para in _stray(paras):
            closer = {"{{": "}}", "{%": "%}", "{#": "#}"}[opener]
            self.add(
                part,
                para,
                opener,
                "unclosed-tag",
                _("thẻ mở «{mo}» không có dấu đóng «{dong}»").format(mo=opener, dong=closer),
            )
            self.blocking = True
        for tag in tags:
            self.check_tag(part, tag)
        if not tags:
            return
        self.check_jinja(part, tags)
        self.check_patched(part, paras)

    def check_tag(self, part: Part, tag: Tag) -> None:
        text = tag.text
        quotes = sorted({c for c in text if c in SMART_QUOTES})
        if quotes:
            self.add(
                part,
                tag.para,
                text,
                "smart-quote",
                _(
                    "dấu nháy cong {dau} trong thẻ {the} (Word tự đổi khi gõ): hãy gõ lại "
                    "bằng dấu nháy thẳng \" hoặc ' (tắt AutoCorrect “Straight quotes with "
                    "smart quotes”)"
                ).format(dau=" ".join(quotes), the=" ".join(text.split())),
            )
        if any(c in text for c in _NBSP):
            self.add(
                part,
                tag.para,
                text,
                "nbsp",
                _(
                    "khoảng trắng không ngắt (Ctrl+Shift+Space) trong thẻ {the}: hãy xóa và "
                    "gõ lại bằng dấu cách thường"
                ).format(the=" ".join(text.replace("\u00a0", " ").split())),
            )
            self.blocking = True
        if tag.spans_paragraphs:
            self.add(
                part,
                tag.para,
                text,
                "tag-split",
                _("thẻ {the} bị ngắt xuống đoạn sau (có phím Enter trong thẻ)").format(
                    the=" ".join(text.split())
                ),
            )
            self.blocking = True
        prefix = prefix_of(text)
        if prefix in ("tr", "tc") and not tag.para.in_table:
            self.add(
                part,
                tag.para,
                text,
                "tr-outside-table",
                _(
                    "thẻ {the} chỉ dùng được trong một ô của bảng (nó lặp hoặc ẩn cả {cai}), "
                    "nhưng ở đây nó nằm ngoài bảng"
                ).format(the=text, cai=_("hàng") if prefix == "tr" else _("ô")),
            )
            self.blocking = True
        if prefix == "p" and not tag.spans_paragraphs:
            rest = tag.para.text.replace(text, "", 1).strip()
            if rest:
                self.add(
                    part,
                    tag.para,
                    text,
                    "p-tag-with-text",
                    _(
                        "thẻ {the} xóa cả đoạn chứa nó: chữ «{chu}» cùng đoạn sẽ mất — hãy để "
                        "thẻ một mình trong một đoạn"
                    ).format(the=text, chu=snippet(rest, width=40)),
                )

    def check_jinja(self, part: Part, tags: list[Tag]) -> None:
        from jinja2 import TemplateSyntaxError

        from baocao.lint_names import find_name_issues

        source = jinja_source(tags)
        try:
            ast = self.env.parse(source)
        except TemplateSyntaxError as exc:
            self.blocking = True
            self.syntax_problem(part, tags, exc)
            return
        for issue in find_name_issues(ast, self.env):
            tag = tags[issue.lineno - 1] if 0 < issue.lineno <= len(tags) else None
            self.add(
                part,
                tag.para if tag else None,
                tag.text if tag else None,
                "unknown-attribute" if issue.code == "list-attribute" else issue.code,
                _message(issue),
            )
            self.blocking = True

    def syntax_problem(self, part: Part, tags: list[Tag], exc: Any) -> None:
        line = exc.lineno or len(tags)
        if "end of template" in (exc.message or ""):
            opener = _unclosed(tags)
            if opener is not None:
                word = _WORD.match(jinja_text(opener.text))
                block = word.group(1) if word else "?"
                self.add(
                    part,
                    opener.para,
                    opener.text,
                    "unclosed-block",
                    _("khối {the} không được đóng: thiếu thẻ {{% end{khoi} %}}").format(
                        the=opener.text, khoi=block
                    ),
                )
                return
        tag = tags[line - 1] if 0 < line <= len(tags) else None
        self.add(
            part,
            tag.para if tag else None,
            tag.text if tag else None,
            "syntax",
            _("lỗi cú pháp trong thẻ {the}: {loi}").format(
                the=tag.text if tag else "?", loi=exc.message
            ),
        )

    def check_patched(self, part: Part, paras: list[Paragraph]) -> None:
        """Tags that still hold Word XML after docxtpl's ``patch_xml``."""
        from lxml import etree

        from baocao.engine import _docxtpl

        parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, huge_tree=True)
        root = etree.fromstring(part.xml, parser)
        body = root.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body")
        xml = etree.tostring(body if body is not None else root, encoding="unicode")
        patched = _docxtpl().patch_xml(xml)
        for m in _PATCHED_TAG.finditer(patched):
            if "<w:" in m.group(0) or "</w:" in m.group(0):
                text = re.sub(r"<[^>]+>", "", m.group(0))
                head = m.group(0).split("<", 1)[0]
                para = next((p for p in paras if head and head in p.text), None)
                self.add(
                    part,
                    para,
                    head or None,
                    "xml-in-tag",
                    _(
                        "thẻ {the} vẫn còn mã Word bên trong sau khi docxtpl dọn: hãy xóa thẻ "
                        "và gõ lại liền một mạch"
                    ).format(the=snippet(text, width=60)),
                )
                self.blocking = True


def _message(issue: Any) -> str:
    if issue.code == "list-attribute":
        return _(
            "biến không có: {ten} — {goc} là một danh sách, hãy lặp qua nó bằng "
            "{{% for x in {goc} %}} rồi dùng x.{khoa}"
        ).format(ten=issue.name, goc=issue.suggestion, khoa=issue.name.rsplit(".", 1)[-1])
    if issue.code == "unknown-filter":
        msg = _("bộ lọc không có: {ten}").format(ten=issue.name)
    elif issue.code == "unknown-test":
        msg = _("phép thử không có: {ten}").format(ten=issue.name)
    else:
        msg = _("biến không có: {ten}").format(ten=issue.name)
    if issue.suggestion:
        msg += " — " + _("có phải {goi_y}?").format(goi_y=issue.suggestion)
    if issue.code == "unknown-filter":
        msg += " " + _("(các bộ lọc có: {cac})").format(cac=", ".join(issue.known))
    elif issue.code == "unknown-attribute" and issue.known and not issue.suggestion:
        msg += " " + _("(các khóa có: {cac})").format(cac=", ".join(issue.known))
    return msg


def _unclosed(tags: list[Tag]) -> Tag | None:
    """The innermost block-opening tag that no ``end…`` tag closes."""
    stack: list[tuple[str, Tag]] = []
    for tag in tags:
        text = jinja_text(tag.text)
        m = _WORD.match(text)
        if not m:
            continue
        word = m.group(1)
        if word == "set" and "=" not in text:
            word = "set_block"
        if word in _BLOCKS or word == "set_block":
            stack.append((word, tag))
        elif word.startswith("end"):
            closing = word[3:]
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == closing or (closing == "set" and stack[i][0] == "set_block"):
                    del stack[i:]
                    break
    return stack[-1][1] if stack else None


def _spec_for(path: Path) -> Any:
    from baocao.registry import TemplateSpec, find_template

    name = path.name.removesuffix(".docx")
    for fmt in (".nha_nuoc", ".dang"):
        name = name.removesuffix(fmt)
    try:
        spec = find_template(name, dirs=[path.parent])
    except TemplateError:
        return TemplateSpec(name=name, source=str(path.parent))
    return spec if spec.source == str(path.parent) else TemplateSpec(name=name)


def _render(path: Path, event: Any) -> list[Problem]:
    from baocao.engine import compile_template
    from baocao.rendering import doc_props
    from baocao.template_context import context

    spec = _spec_for(path)
    try:
        ctx = context(event, template=spec)
        compile_template(path).render_bytes(ctx, doc_props(event, spec, ctx))
    except BaocaoError as error:
        return [
            p if p.code else Problem(p.message, p.path, p.line, p.column, p.field, p.part, "render")
            for p in error.problems
        ]
    return []


def check_template(path: Path | str, *, event: Any = None) -> list[Problem]:
    """Every problem of the Word template at ``path``, each with its place in Word terms.

    ``event`` (an :class:`~baocao.model.Event` or the path of an event file) adds a real
    render into memory, so that errors only data reveals are found too. An empty list means
    the template is clean. A file that is not a Word document is one problem, not an error.

    >>> from baocao.registry import builtin_dir
    >>> check_template(builtin_dir() / "thong-cao.dang.docx")
    []
    """
    from baocao.engine import compile_template

    path = Path(path)
    if event is not None and not hasattr(event, "model_dump"):
        from baocao.loading import load_event

        event = load_event(Path(event))
    checker = _Checker(path)
    try:
        parts = read_parts(path)
    except BaocaoError as error:
        return [
            Problem(p.message, p.path or str(path), p.line, p.column, p.field, p.part, "unreadable")
            for p in error.problems
        ]
    except (OSError, KeyError, ValueError) as exc:
        return [
            Problem(
                _("không đọc được mẫu: {loi}").format(loi=exc), path=str(path), code="unreadable"
            )
        ]
    for part in parts:
        try:
            checker.check_part(part)
        except Exception as exc:  # a part that is not XML at all
            if isinstance(exc, BaocaoError):
                raise
            checker.add(
                part, None, None, "unreadable", _("không đọc được mẫu: {loi}").format(loi=exc)
            )
            checker.problems += [p for _o, p in checker.pending]
            checker.pending = []
            checker.blocking = True
    if not checker.blocking:
        try:
            compile_template(path)
        except BaocaoError as error:
            checker.problems += [
                p
                if p.code
                else Problem(p.message, p.path, p.line, p.column, p.field, p.part, "syntax")
                for p in error.problems
            ]
            checker.blocking = True
    if event is not None and not checker.blocking:
        checker.problems += _render(path, event)
    return checker.problems


def check_targets(
    targets: Sequence[str | Path],
    *,
    event: str | Path | None = None,
    dirs: Sequence[str | Path] = (),
) -> dict[Path, list[Problem]]:
    """What ``baocao check`` reports: the problems of every Word file the targets name (a
    ``.docx``, a folder of them, or a template name — see
    :func:`baocao.template_files.word_files`), in order; with ``event`` (a path), each is
    also rendered with that event. A bad event raises ``DataError``."""
    from baocao.template_files import word_files

    loaded = None
    if event is not None:
        from baocao.loading import load_event

        loaded = load_event(Path(event))
    results: dict[Path, list[Problem]] = {}
    for target in targets:
        for path in word_files(target, dirs=dirs):
            results[path] = check_template(path, event=loaded)
    return results
