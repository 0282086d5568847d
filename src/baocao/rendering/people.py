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
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from baocao.errors import BaocaoError, DataError, Problem
from baocao.registry import TemplateSpec
from baocao.rendering.names import Item

__all__ = [
    "forget_loaded",
    "has_list",
    "load_once",
    "nguoi_cua",
    "people_of",
    "render_people_bytes",
    "render_person_bytes",
    "skip_note",
    "spread",
]


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
    from baocao.rendering.document import _spec, compile_checked
    from baocao.template_context.build import context

    spec = _spec(template, dirs)
    the_thuc = getattr(event, "the_thuc", None) or "nha_nuoc"
    compiled = compile_checked(spec.docx_for(the_thuc))  # boxed first when not built in
    key = (spec, tuple(dirs))
    if _LAST and _LAST[0][0] is event and _LAST[0][1] == key:
        return spec, compiled, _LAST[0][2]
    base = context(event, template=spec, dirs=dirs)
    _LAST[:] = [(event, key, base)]
    return spec, compiled, base


#: the event context last built: ``--split`` renders one event's people one after another,
#: and the context of the event (not of the person) is the same for each of them
_LAST: list[tuple[Any, Any, dict[str, Any]]] = []


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

    from baocao.rendering.boxed import boxed_call

    def render() -> bytes:
        try:
            return bytes(compiled.render_sections(contexts(), doc_props(event, spec, base)))
        except BaocaoError as exc:
            if current:
                raise _located(exc, *current[0]) from exc
            raise

    # a template from outside the built-in folder: in a child process with limits
    return boxed_call(compiled.path, render)


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
    from baocao.rendering.boxed import boxed_call

    try:  # a template from outside the built-in folder: in a child process with limits
        return bytes(
            boxed_call(compiled.path, compiled.render_bytes, ctx, doc_props(event, spec, ctx))
        )
    except BaocaoError as exc:
        raise _located(exc, stt, person) from exc


# --- for the batch (baocao.rendering.batch) ------------------------------------------------

PEOPLE_PER_TASK = 25  # --split: documents of one event per task sent to a worker


def people_of(
    tat_ca: bool, **load_options: Any
) -> Callable[[Path, TemplateSpec], list[tuple[int, str]] | None]:
    """``--split``'s planner input: the people of an event file's list (the event is read
    here with the batch's ``load_options`` — in this process the render then reuses it,
    :func:`load_once`; a bad event or an empty list gives None: one item that reports it)."""

    def people(event_path: Path, spec: TemplateSpec) -> list[tuple[int, str]] | None:
        from baocao.template_context.people import nguoi_can_in

        try:
            event = load_once(event_path, **load_options)
        except Exception:
            return None
        who = nguoi_can_in(event, str(spec.moi_muc), tat_ca=tat_ca)
        return [(stt, p.ho_ten) for stt, p in who] or None

    return people


def has_list(event_path: Path, spec: TemplateSpec) -> bool:
    """Whether the event file mentions the per-person template's list at all: ``-t all``
    leaves the template out for one that does not, without reading the event (cheap, and
    a file that names the list but leaves it empty gets :func:`skip_note`'s warning)."""
    if not spec.moi_muc:
        return True
    try:
        return spec.moi_muc.encode() in Path(event_path).read_bytes()
    except OSError:
        return True  # the render reports the unreadable file


def skip_note(event: Any, spec: TemplateSpec, event_path: Path) -> Problem | None:
    """A warning instead of a document (``-t all``, an event whose list is empty), or None."""
    from baocao.i18n import _
    from baocao.template_context.people import trong_danh_sach

    if not spec.moi_muc or trong_danh_sach(event, spec.moi_muc):
        return None
    note = _("bỏ qua mẫu {mau}: sự kiện không có danh sách {ds}").format(
        mau=spec.name, ds=spec.moi_muc
    )
    return Problem(note, path=str(event_path), code="skipped", severity="warning")


def spread(items: list[Item]) -> list[list[Item]]:
    """An event's items in groups the workers can share: a ``--split`` list of 500 people
    is 20 tasks of 25, not one (a worker reads the event once: :func:`load_once`)."""
    if len(items) <= PEOPLE_PER_TASK:
        return [items]
    return [items[i : i + PEOPLE_PER_TASK] for i in range(0, len(items), PEOPLE_PER_TASK)]


_LOADED: list[tuple[Any, Any]] = []


def load_once(event_path: Path, **options: Any) -> Any:
    """:func:`~baocao.event.loading.load_event`, remembered for the last file (path, size,
    modification time, options): ``--split`` sends one event's people to the workers in
    groups, and a list of 500 people should be read once per process, not once per group.
    Remembered for one batch only (:func:`forget_loaded`): a spreadsheet the event names
    may change between batches while the event file does not."""
    from baocao.event.loading import load_event

    st = Path(event_path).stat()
    key = (
        str(Path(event_path).resolve()),
        st.st_mtime_ns,
        st.st_size,
        repr(sorted(options.items())),
    )
    if _LOADED and _LOADED[0][0] == key:
        return _LOADED[0][1]
    event = load_event(event_path, **options)
    _LOADED[:] = [(key, event)]
    return event


def forget_loaded() -> None:
    """Drop the event :func:`load_once` remembers (at the start and end of a batch)."""
    _LOADED.clear()
