"""Render one event with one template: to bytes, or atomically to a file.

``render(event, template="thong-cao", out="tc.docx")`` finds the template
(:mod:`baocao.registry`), builds what the template sees
(:func:`baocao.template_context.build.context`),
fills the Word file of the event's format with the compiled template
(:func:`baocao.rendering.engine.compile_template`) and writes it with
:func:`baocao.rendering.atomic.write_atomic`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from baocao.docx.package import DocProps
from baocao.registry import TemplateSpec, find_template
from baocao.rendering.atomic import write_atomic
from baocao.rendering.names import default_output

if TYPE_CHECKING:  # pragma: no cover
    from baocao.rendering.engine import CompiledTemplate

__all__ = ["default_output", "doc_props", "render", "render_bytes"]


def _spec(template: str | TemplateSpec, dirs: Sequence[Path | str]) -> TemplateSpec:
    return template if isinstance(template, TemplateSpec) else find_template(template, dirs=dirs)


def _midnight(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return dt.datetime.combine(value.date(), dt.time())
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    return None


def _get(obj: Any, key: str) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(key)
    return getattr(obj, key, None)


def doc_props(event: Any, spec: TemplateSpec, ctx: Mapping[str, Any]) -> DocProps:
    """The core properties of a rendered document: title = document type and event name,
    author = the body's running name, created = the document date (else the event start),
    at midnight — never today.

    >>> from baocao.registry import TemplateSpec
    >>> ev = {"co_quan": {"ten": "Ban Dân vận", "ten_goi": "Ban Dân vận Tỉnh ủy"},
    ...       "su_kien": {"ten": "lớp bồi dưỡng", "bat_dau": dt.datetime(2024, 11, 1, 7, 30)}}
    >>> p = doc_props(ev, TemplateSpec("thong-cao", tieu_de="Thông cáo báo chí"), {})
    >>> p.title, p.author
    ('Thông cáo báo chí: Lớp bồi dưỡng', 'Ban Dân vận Tỉnh ủy')
    >>> p.created
    datetime.datetime(2024, 11, 1, 0, 0)
    """
    co_quan = _get(event, "co_quan")
    su_kien = _get(event, "su_kien")
    ten = str(ctx.get("ten_su_kien") or _get(su_kien, "ten") or "")
    ten = ten[:1].upper() + ten[1:]
    loai = spec.tieu_de or (spec.ten_loai or "").capitalize() or spec.name
    van_ban = ctx.get("van_ban") if isinstance(ctx.get("van_ban"), Mapping) else {}
    created = _midnight(_get(van_ban, "ngay")) or _midnight(_get(su_kien, "bat_dau"))
    trich_yeu = ctx.get("trich_yeu")
    return DocProps(
        title=f"{loai}: {ten}" if ten else loai,
        subject=trich_yeu if isinstance(trich_yeu, str) else "",
        author=str(_get(co_quan, "ten_goi") or _get(co_quan, "ten") or ""),
        created=created,
    )


def render_bytes(
    event: Any,
    *,
    template: str | TemplateSpec,
    dirs: Sequence[Path | str] = (),
    tat_ca: bool = False,
) -> bytes:
    """The .docx bytes of ``event`` rendered with ``template`` (a name or a spec). A
    per-person template (side file ``moi_muc``) gives every person's document in one file
    (:mod:`baocao.rendering.people`; ``tat_ca``: trainees graded ``không đạt`` too).

    A template from outside the built-in folder is compiled and rendered in a child
    process with limits (:mod:`baocao.rendering.boxed`): compiled there once per process
    (then here, now known to stay within the limits), rendered there each time."""
    from baocao.rendering.boxed import is_trusted, run_boxed
    from baocao.template_context.build import context

    spec = _spec(template, dirs)
    if spec.moi_muc:
        from baocao.rendering.people import render_people_bytes

        return render_people_bytes(event, template=spec, tat_ca=tat_ca, dirs=dirs)
    the_thuc = _get(event, "the_thuc") or "nha_nuoc"
    path = spec.docx_for(the_thuc)
    trusted = is_trusted(path)
    compiled = compile_checked(path)
    ctx = context(event, template=spec, dirs=dirs, keys=compiled.names)
    props = doc_props(event, spec, ctx)
    if trusted:
        return compiled.render_bytes(ctx, props)
    data: bytes = run_boxed(compiled.render_bytes, ctx, props, label=str(path))
    return data


def compile_checked(path: Path) -> CompiledTemplate:
    """The compiled template at ``path``; one from outside the built-in folder is first
    compiled in a child process with limits (:mod:`baocao.rendering.boxed`), once per
    process and file version, then here, now known to stay within them."""
    from baocao.rendering.boxed import is_trusted, run_boxed
    from baocao.rendering.engine import compile_template, is_compiled

    if not is_trusted(path) and not is_compiled(path):
        run_boxed(_compile_only, path, label=str(path))
    return compile_template(path)


def _compile_only(path: Path) -> None:
    from baocao.rendering.engine import compile_template

    compile_template(path)


def render(
    event: Any,
    *,
    template: str | TemplateSpec,
    out: Path | str,
    force: bool = False,
    dirs: Sequence[Path | str] = (),
) -> Path:
    """Render ``event`` with ``template`` and write it to ``out`` atomically. An existing
    ``out`` is replaced only with ``force``; nothing is written when rendering fails."""
    from baocao.rendering.atomic import check_target

    out = Path(out)
    check_target(out, force=force)  # fail before the work, not after
    data = render_bytes(event, template=template, dirs=dirs)
    return write_atomic(out, data, force=force)
