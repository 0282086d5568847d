"""Run-time checks of ``baocao check --event``: the template rendered against a real event,
and an error placed at the tag (part, paragraph) that raised it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from baocao.docx.locations import (
    Paragraph,
    Part,
    Tag,
    jinja_source,
    snippet,
)
from baocao.errors import BaocaoError, Problem, TemplateError
from baocao.lint.messages import runtime_message
from baocao.rendering.parts import template_lineno


def place_label(part: Part, para: Paragraph | None, tag: str | None) -> str:
    """``phần thân, đoạn 3: «text around the tag»``."""
    where = part.label()
    if para is not None:
        where = f"{where}, {para.place}"
        text = snippet(para.text, tag)
        if text:
            where += f": «{text}»"
    return where


def spec_for(path: Path) -> Any:
    from baocao.registry import TemplateSpec, find_template

    name = path.name.removesuffix(".docx")
    for fmt in (".nha_nuoc", ".dang"):
        name = name.removesuffix(fmt)
    try:
        spec = find_template(name, dirs=[path.parent])
    except TemplateError:
        return TemplateSpec(name=name, source=str(path.parent))
    return spec if spec.source == str(path.parent) else TemplateSpec(name=name)


def render_against(path: Path, event: Any, sources: list[tuple[Part, list[Tag]]]) -> list[Problem]:
    """Render the template with ``event`` in memory; a failure is placed at its tag."""
    from baocao.rendering.document import doc_props
    from baocao.rendering.engine import compile_template
    from baocao.template_context.build import context

    spec = spec_for(path)
    ctx = None
    try:
        ctx = context(event, template=spec)
        compile_template(path).render_bytes(ctx, doc_props(event, spec, ctx))
    except BaocaoError as error:
        placed = place_runtime_error(path, ctx, sources) if ctx is not None else None
        if placed is not None:
            return [placed]
        return [
            p if p.code else Problem(p.message, p.path, p.line, p.column, p.field, p.part, "render")
            for p in error.problems
        ]
    return []


def place_runtime_error(
    path: Path, ctx: Any, sources: list[tuple[Part, list[Tag]]]
) -> Problem | None:
    """Render each part's tags alone (one per line) to find the tag that fails, and say
    why in the author's words; None when none fails that way."""
    from baocao.rendering.engine import make_env

    env = make_env()
    for part, tags in sources:
        try:
            env.from_string(jinja_source(tags)).render(ctx)
        except Exception as exc:
            line = template_lineno(exc.__traceback__)
            if line is None or not 0 < line <= len(tags):
                return None
            tag = tags[line - 1]
            return Problem(
                runtime_message(exc, tag.text),
                path=str(path),
                part=place_label(part, tag.para, tag.text),
                code="render",
            )
    return None
