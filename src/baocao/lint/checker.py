"""Check a Word template before any clerk runs it: every problem, and where it is in Word.

:func:`check_template` reads each part of the .docx (body, headers, footers, notes), finds
every tag in the paragraphs' text (:mod:`baocao.docx.locations`) and reports:

- Jinja syntax errors, said in Vietnamese (:func:`syntax_message`), with the tag that opened
  an unclosed block (also when an ``end…`` tag of an outer block comes first);
- docxtpl misuse: ``{%tr %}``/``{%tc %}`` outside a table, a ``{%p %}`` tag sharing its
  paragraph with text (which docxtpl deletes), a tag cut by a paragraph mark, a tag
  never closed, a closing mark without its opening mark (``{ x }}``);
- unknown variables at any depth, unknown filters, tests and filter arguments, each with a
  "did you mean" (:mod:`baocao.lint.names`);
- what Word's AutoCorrect puts in a tag: curly quotes, dashes, non-breaking spaces (not
  inside a string literal, where they are text);
- tags that still hold Word XML after docxtpl's own clean-up;
- with ``event``, a real render into memory; a run-time error is placed at the tag that
  fails (each part's tags rendered alone, one per line) and said in the author's words
  (``nguoi_khai_mac trống … hãy đặt thẻ trong {% if nguoi_khai_mac %}``).

A text box is reported once (Word keeps a copy for old readers) and named as such.

Each :class:`~baocao.errors.Problem` has ``part`` = the place in Word terms, e.g.
``phần thân, đoạn 12: «Địa điểm: {{ su_kien.diadiem }}»`` or
``phần thân, bảng 1, hàng 2, ô 3: «{{ r.so }}»``, and ``code`` = the kind of problem.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from baocao.docx.locations import (
    DOCXTPL_QUOTES,
    Paragraph,
    Part,
    Tag,
    find_tags,
    foreign_chars,
    jinja_source,
    jinja_text,
    prefix_of,
    read_paragraphs,
    read_parts,
    snippet,
    stray_closers,
)
from baocao.docx.locations import stray_openers as _stray
from baocao.docx.package import W_NS
from baocao.errors import BaocaoError, Problem
from baocao.i18n import _
from baocao.lint.messages import (
    LOOKING,
    TAG_NAMES,
    UNKNOWN_TAG,
    name_issue_message,
    syntax_message,
)
from baocao.lint.runtime import place_label, render_against

__all__ = ["SMART_QUOTES", "check_template"]

SMART_QUOTES = "“”‘’„‟‚‛«»"
_NBSP = "\u00a0\u202f\u2007"
_AUTOCORRECT = {"–": "-", "—": "-"}
_OPENER_OF = {"}}": "{{", "%}": "{%", "#}": "{#"}
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
        from baocao.rendering.engine import make_env

        self.path = path
        self.env = make_env()
        self.problems: list[Problem] = []
        self.blocking = False  # a problem that makes compiling or rendering pointless
        self.pending: list[tuple[int, Problem]] = []  # this part's problems, by place
        self.sources: list[tuple[Part, list[Tag]]] = []  # parts whose tags parse
        self.typed_wrong: set[int] = set()  # tags (by offset) already told to be retyped

    def add(self, part: Part, para: Paragraph | None, tag: str | None, code: str, msg: str) -> None:
        where = place_label(part, para, tag)
        order = para.start if para is not None else 1 << 60
        problem = Problem(msg, path=str(self.path), part=where, code=code)
        # Word keeps a copy of each text box for old readers: one report for both
        if all(p != problem for _o, p in self.pending):
            self.pending.append((order, problem))

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
        paras = read_paragraphs(part.xml, part.name)
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
        for closer, para in stray_closers(paras):
            self.add(
                part,
                para,
                closer,
                "unopened-tag",
                _(
                    "dấu đóng «{dong}» không có dấu mở «{mo}» đi trước: chữ này sẽ in nguyên "
                    "ra văn bản"
                ).format(dong=closer, mo=_OPENER_OF[closer]),
            )
        for tag in tags:
            self.check_tag(part, tag)
        if not tags:
            return
        self.check_jinja(part, tags)
        self.check_patched(part, paras)

    def check_tag(self, part: Part, tag: Tag) -> None:
        text = tag.text
        shown = " ".join(text.replace("\u00a0", " ").split())
        foreign = foreign_chars(text)
        # docxtpl straightens “ ” ‘ ’ (a quote inside a string then prints straight); the
        # others are an error outside a string and fine inside one (« » in a text)
        quotes = [c for c in SMART_QUOTES if (c in DOCXTPL_QUOTES and c in text) or c in foreign]
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
                ).format(dau=" ".join(quotes), the=shown),
            )
            if any(c not in DOCXTPL_QUOTES for c in quotes):
                self.blocking = True
        if any(c in foreign for c in _NBSP):
            self.add(
                part,
                tag.para,
                text,
                "nbsp",
                _(
                    "khoảng trắng không ngắt (Ctrl+Shift+Space) trong thẻ {the}: hãy xóa và "
                    "gõ lại bằng dấu cách thường"
                ).format(the=shown),
            )
            self.blocking = True
        if any(c not in DOCXTPL_QUOTES for c in [*quotes, *foreign]):
            self.typed_wrong.add(tag.start)
        for char in (c for c in foreign if c in _AUTOCORRECT):
            self.add(
                part,
                tag.para,
                text,
                "autocorrect",
                _(
                    "ký tự «{ky_tu}» trong thẻ {the} do Word tự đổi khi gõ: hãy gõ lại thành "
                    "«{thay}» (tắt AutoCorrect “Hyphens (--) with dash (—)”)"
                ).format(ky_tu=char, the=shown, thay=_AUTOCORRECT[char]),
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

        from baocao.lint.names import find_name_issues

        source = jinja_source(tags)
        try:
            ast = self.env.parse(source)
        except TemplateSyntaxError as exc:
            self.blocking = True
            self.syntax_problem(part, tags, exc)
            return
        self.sources.append((part, tags))
        for issue in find_name_issues(ast, self.env):
            tag = tags[issue.lineno - 1] if 0 < issue.lineno <= len(tags) else None
            self.add(
                part,
                tag.para if tag else None,
                tag.text if tag else None,
                "unknown-attribute" if issue.code == "list-attribute" else issue.code,
                name_issue_message(issue),
            )
            self.blocking = True

    def syntax_problem(self, part: Part, tags: list[Tag], exc: Any) -> None:
        line = exc.lineno or len(tags)
        message = exc.message or ""
        end_of_template = "end of template" in message
        unknown = UNKNOWN_TAG.search(message)
        nesting = "nesting mistake" in message or bool(
            unknown and unknown.group(1) in TAG_NAMES and LOOKING.search(message)
        )
        if end_of_template or nesting:
            before = tags if end_of_template else tags[: max(line - 1, 0)]
            opener = _unclosed(before)
            if opener is not None:
                word = _WORD.match(jinja_text(opener.text))
                block = word.group(1) if word else "?"
                if block == "set_block":
                    block = "set"
                msg = _("khối {the} không được đóng: thiếu thẻ {{% end{khoi} %}}").format(
                    the=opener.text, khoi=block
                )
                if nesting and 0 < line <= len(tags):
                    msg += " " + _("trước {the}").format(the=tags[line - 1].text)
                self.add(part, opener.para, opener.text, "unclosed-block", msg)
                return
        tag = tags[line - 1] if 0 < line <= len(tags) else None
        if tag is not None and tag.start in self.typed_wrong:
            return  # the character Word put there is the cause, and already reported
        self.add(
            part,
            tag.para if tag else None,
            tag.text if tag else None,
            "syntax",
            _("lỗi cú pháp trong thẻ {the}: {loi}").format(
                the=tag.text if tag else "?", loi=syntax_message(message)
            ),
        )

    def check_patched(self, part: Part, paras: list[Paragraph]) -> None:
        """Tags that still hold Word XML after docxtpl's ``patch_xml``."""
        from lxml import etree

        from baocao.docx.safe_xml import parse_part
        from baocao.rendering.docxtpl_steps import docxtpl_template

        root = parse_part(part.xml, part.name, self.path, remove_blank_text=True)
        body = root.find(f"{{{W_NS}}}body")
        xml = etree.tostring(body if body is not None else root, encoding="unicode")
        patched = docxtpl_template().patch_xml(xml)
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


def _unclosed(tags: list[Tag]) -> Tag | None:
    """The block-opening tag that no ``end…`` tag closes: an inline tag (no ``p``/``tr``/
    ``tc`` prefix) still open when its paragraph ends — inline blocks close in their own
    paragraph, so a later ``end…`` belongs to an outer block —, else the innermost open one."""
    stack: list[tuple[str, Tag]] = []
    for tag in tags:
        left_open = next(
            (t for _w, t in stack if prefix_of(t.text) in (None, "r") and t.para is not tag.para),
            None,
        )
        if left_open is not None:
            return left_open
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


def check_template(path: Path | str, *, event: Any = None) -> list[Problem]:
    """Every problem of the Word template at ``path``, each with its place in Word terms.

    ``event`` (an :class:`~baocao.event.model.Event` or the path of an event file) adds a real
    render into memory, so that errors only data reveals are found too. An empty list means
    the template is clean. A file that is not a Word document is one problem, not an error.

    >>> from baocao.registry import builtin_dir
    >>> check_template(builtin_dir() / "thong-cao.dang.docx")
    []

    A template from outside the built-in folder is checked in a child process with
    limits (:mod:`baocao.rendering.boxed`); going over one is a problem of the template.
    """
    path = Path(path)
    if not path.is_file():
        return [Problem(_("không có tệp này"), path=str(path), code="unreadable")]
    if not zipfile.is_zipfile(path):
        return [
            Problem(
                _(
                    "không phải tệp Word .docx: hãy mở bằng Word hoặc LibreOffice rồi lưu lại "
                    "dạng .docx (Word Document)"
                ),
                path=str(path),
                code="unreadable",
            )
        ]
    if event is not None and not hasattr(event, "model_dump"):
        from baocao.event.loading import load_event

        event = load_event(Path(event), templates_dirs=[path.parent])
    from baocao.rendering.boxed import is_trusted, run_boxed

    if is_trusted(path):
        return _check_here(path, event)
    try:  # a template from elsewhere: checked in a child process with limits
        return run_boxed(_check_here, path, event, label=str(path))
    except BaocaoError as error:
        return error.problems


def _check_here(path: Path, event: Any) -> list[Problem]:
    """:func:`check_template` in this process (the file is a zip, the event loaded)."""
    from baocao.rendering.engine import compile_template

    checker = _Checker(path)
    try:
        parts = read_parts(path)
    except BaocaoError as error:
        return [
            replace(p, path=p.path or str(path), code=p.code or "unreadable")
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
                checker.pending += [
                    (0, replace(p, path=p.path or str(path), code=p.code or "unreadable"))
                    for p in exc.problems
                ]
            else:
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
        checker.problems += render_against(path, event, checker.sources)
    return checker.problems


def check_targets(
    targets: Sequence[str | Path],
    *,
    event: str | Path | None = None,
    dirs: Sequence[str | Path] = (),
) -> dict[Path, list[Problem]]:
    """What ``baocao check`` reports: the problems of every Word file the targets name (a
    ``.docx``, a folder of them, or a template name — see
    :func:`baocao.registry.word_files`), in order; with ``event`` (a path), each is
    also rendered with that event. A bad event raises ``DataError``."""
    from baocao.registry import word_files

    loaded = None
    if event is not None:
        from baocao.event.loading import load_event

        # a van_ban key may name a template being checked, wherever it is
        folders = [Path(t) if Path(t).is_dir() else Path(t).parent for t in targets]
        loaded = load_event(Path(event), templates_dirs=[*dirs, *folders])
    results: dict[Path, list[Problem]] = {}
    for target in targets:
        paths = word_files(target, dirs=dirs)
        if not paths and Path(target).is_dir():
            message = _("thư mục này không có tệp Word .docx nào")
            results[Path(target)] = [Problem(message, path=str(target), code="no-templates")]
        for path in paths:
            results[path] = check_template(path, event=loaded)
    return results
