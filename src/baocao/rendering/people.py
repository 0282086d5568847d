"""Render a per-person template (side file ``moi_muc: khach_moi`` / ``hoc_vien``): every
person in one .docx, each on new pages with page numbers from 1 (:func:`render_people_bytes`),
or one person's own document (:func:`render_person_bytes`, for ``--split``).

Who gets a document is :func:`baocao.template_context.people.nguoi_can_in` (a trainee graded
``không đạt`` gets no certificate unless ``tat_ca``). An empty list is a
:class:`~baocao.errors.DataError` naming the list. A failure while filling one person's
document names that person (``người số 3 (Nguyễn Văn An)``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from baocao.errors import BaocaoError, DataError, Problem
from baocao.registry import TemplateSpec

__all__ = ["nguoi_cua", "render_people_bytes", "render_person_bytes"]


def _source(event: Any) -> str | None:
    path = getattr(event, "source_path", None)
    return str(path) if path else None


def nguoi_cua(event: Any, spec: TemplateSpec, *, tat_ca: bool = False) -> list[tuple[int, Any]]:
    """``(stt, person)`` of everyone ``spec`` makes a document for; a
    :class:`~baocao.errors.DataError` when nobody is left."""
    from baocao.i18n import _
    from baocao.template_context.people import nguoi_can_in, trong_danh_sach

    moi_muc = str(spec.moi_muc)
    people = nguoi_can_in(event, moi_muc, tat_ca=tat_ca)
    if people:
        return people
    if trong_danh_sach(event, moi_muc):
        message = _(
            "mẫu {mau} không có ai để in: mọi người trong {ds} đều xếp loại không đạt "
            "(dùng --all để in cả họ)"
        )
    else:
        message = _("mẫu {mau} làm một văn bản cho mỗi người trong {ds}, nhưng sự kiện không có ai")
    raise DataError(
        [
            Problem(
                message.format(mau=spec.name, ds=moi_muc),
                path=_source(event),
                field=moi_muc,
                code="empty-list",
            )
        ]
    )


def _located(exc: BaocaoError, stt: int, person: Any) -> BaocaoError:
    """``exc`` with each problem saying which person it is about."""
    from baocao.i18n import _

    ho_ten = person.get("ho_ten") if isinstance(person, Mapping) else person.ho_ten
    who = _("người số {stt} ({ten})").format(stt=stt, ten=ho_ten)
    problems = [
        dataclasses.replace(p, part=f"{who}, {p.part}" if p.part else who) for p in exc.problems
    ]
    return type(exc)(problems)


def _parts(
    event: Any, template: str | TemplateSpec, dirs: Sequence[Path | str]
) -> tuple[TemplateSpec, Any, dict[str, Any]]:
    from baocao.rendering.document import _spec
    from baocao.rendering.engine import compile_template
    from baocao.template_context.build import context

    spec = _spec(template, dirs)
    the_thuc = getattr(event, "the_thuc", None) or "nha_nuoc"
    compiled = compile_template(spec.docx_for(the_thuc))
    return spec, compiled, context(event, template=spec, dirs=dirs)


def render_people_bytes(
    event: Any,
    *,
    template: str | TemplateSpec,
    tat_ca: bool = False,
    dirs: Sequence[Path | str] = (),
) -> bytes:
    """One .docx with a document for every person, each starting a new page."""
    from baocao.rendering.document import doc_props
    from baocao.template_context.people import context_nguoi, trong_danh_sach

    spec, compiled, base = _parts(event, template, dirs)
    moi_muc = str(spec.moi_muc)
    people = nguoi_cua(event, spec, tat_ca=tat_ca)
    total = len(trong_danh_sach(event, moi_muc))
    current: list[tuple[int, Any]] = []

    def contexts() -> Iterator[dict[str, Any]]:
        for stt, person in people:
            current[:] = [(stt, person)]
            yield context_nguoi(base, moi_muc, person, stt, total)

    try:
        return compiled.render_sections(contexts(), doc_props(event, spec, base))
    except BaocaoError as exc:
        if current:
            raise _located(exc, *current[0]) from exc
        raise


def render_person_bytes(
    event: Any,
    *,
    template: str | TemplateSpec,
    stt: int,
    dirs: Sequence[Path | str] = (),
) -> bytes:
    """The document of person number ``stt`` (from 1) of the template's list."""
    from baocao.rendering.document import doc_props
    from baocao.template_context.people import context_nguoi, trong_danh_sach

    spec, compiled, base = _parts(event, template, dirs)
    moi_muc = str(spec.moi_muc)
    people = trong_danh_sach(event, moi_muc)
    person = people[stt - 1]
    ctx = context_nguoi(base, moi_muc, person, stt, len(people))
    try:
        return bytes(compiled.render_bytes(ctx, doc_props(event, spec, ctx)))
    except BaocaoError as exc:
        raise _located(exc, stt, person) from exc
