"""Render many events with many templates at once: plan, render (in-process or in a pool of
worker processes), write atomically, optionally export PDF, and report every item.

:func:`render_many` plans every (event, template) item first, with deterministic output
names that never collide, then renders event by event: each event file is loaded once, each
worker process compiles each template once (:func:`baocao.rendering.engine.compile_template` caches
per
process), work goes to the workers in chunks of events and every chunk ends with a garbage
collection, so memory stays flat over thousands of documents. The result is the same
whatever the number of workers. Nothing here prints: progress goes to ``on_progress``.

>>> plan_names([Path("a/x.yaml"), Path("b/x.yaml"), Path("b/y.yaml")])
['a-x', 'b-x', 'y']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from baocao.errors import BaocaoError, Problem
from baocao.rendering.names import Item, plan_names, plan_outputs
from baocao.rendering.people import (
    forget_loaded,
    has_list,
    load_once,
    people_of,
    skip_note,
    spread,
)

if TYPE_CHECKING:  # pragma: no cover
    from baocao.registry import TemplateSpec

__all__ = [
    "ALL",
    "BatchResult",
    "Item",
    "ItemResult",
    "default_jobs",
    "plan_names",
    "render_many",
]

ALL = "all"
MIN_PARALLEL = 12  # fewer documents than this render in-process: a pool costs more than it saves
CHUNK_MAX = 16  # events per task sent to a worker (one young-generation collection each)


@dataclass
class ItemResult:
    """What became of one item: the files written, or the problems that stopped it; the
    warnings about its event (``Problem.severity == "warning"``) either way."""

    item: Item
    written: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    exit_code: int = 0
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.exit_code == 0


@dataclass
class BatchResult:
    """Every item in plan order, plus problems that belong to no item (an unknown template)."""

    items: list[ItemResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problems_exit_code: int = 0

    @property
    def written(self) -> list[Path]:
        return [p for r in self.items for p in r.written]

    @property
    def warnings(self) -> list[Problem]:
        """The warnings about the events, each once, in plan order."""
        return list(dict.fromkeys(w for r in self.items for w in r.warnings))

    @property
    def failed(self) -> list[ItemResult]:
        return [r for r in self.items if not r.ok]

    @property
    def exit_code(self) -> int:
        """3 when any event or template was invalid, else 1 when anything failed, else 0."""
        codes = {r.exit_code for r in self.items} | {self.problems_exit_code}
        if 3 in codes:
            return 3
        return 1 if codes - {0} else 0


ProgressCallback = Callable[[ItemResult, int, int], None]


# --- planning ---------------------------------------------------------------------------------


def _resolve_templates(
    templates: Sequence[str], dirs: Sequence[Path | str]
) -> tuple[list[TemplateSpec], list[Problem], int]:
    from baocao.registry import find_template, list_templates

    specs: dict[str, TemplateSpec] = {}
    problems: list[Problem] = []
    code = 0
    for name in templates:
        try:
            found = list_templates(dirs=dirs) if name == ALL else [find_template(name, dirs=dirs)]
        except BaocaoError as exc:
            problems += exc.problems
            code = max(code, exc.exit_code)
            continue
        for spec in found:
            specs.setdefault(spec.name, spec)
    return list(specs.values()), problems, code


# --- rendering (runs in the workers too) ------------------------------------------------------


def _failure(item: Item, exc: BaseException) -> ItemResult:
    from baocao.i18n import _

    if isinstance(exc, BaocaoError):
        return ItemResult(item, problems=list(exc.problems), exit_code=exc.exit_code)
    message = _("lỗi khi viết văn bản: {loi}").format(loi=f"{type(exc).__name__}: {exc}")
    return ItemResult(item, problems=[Problem(message, path=str(item.event))], exit_code=1)


@dataclass(frozen=True)
class Options:
    """How every item of a batch is made (the keyword options of :func:`render_many` that
    the workers need)."""

    force: bool = False
    dirs: tuple[Path | str, ...] = ()
    sync: bool = False  # fsync each file as it is written (else once at the end)
    strict: bool = False  # an event's warnings are errors
    sheet: str | None = None  # the sheet of spreadsheet lists that name none
    tat_ca: bool = False  # per-person templates: trainees graded "không đạt" too
    #: per-person templates that came from "all" only: skipped, with a note, for an event
    #: whose list is empty
    optional: frozenset[str] = frozenset()


def _render_event(
    event_path: Path, items: list[Item], specs: dict[str, TemplateSpec], opts: Options
) -> list[ItemResult]:
    """Load one event once and render each of its items; never raises. Files are fsynced
    one by one only with ``opts.sync``; otherwise :func:`render_many` syncs once at the end."""
    from baocao.event.loading import load_event
    from baocao.rendering.atomic import check_target, write_atomic
    from baocao.rendering.document import render_bytes
    from baocao.rendering.people import render_person_bytes

    try:
        load = load_once if any(i.stt is not None for i in items) else load_event
        event = load(event_path, templates_dirs=opts.dirs, strict=opts.strict, sheet=opts.sheet)
    except Exception as exc:  # every item of a bad event fails with the event's problems
        return [_failure(item, exc) for item in items]
    results = []
    for item in items:
        try:
            spec = specs[item.template]
            note = skip_note(event, spec, item.event) if spec.name in opts.optional else None
            if note is not None:
                results.append(ItemResult(item, problems=[note]))
                results[-1].warnings = list(event.warnings)
                continue
            check_target(item.out, force=opts.force)
            if item.stt is not None:
                data = render_person_bytes(event, template=spec, stt=item.stt, dirs=opts.dirs)
            else:
                data = render_bytes(event, template=spec, dirs=opts.dirs, tat_ca=opts.tat_ca)
            write_atomic(item.out, data, force=opts.force, sync=opts.sync)
            results.append(ItemResult(item, written=[item.out]))
        except Exception as exc:
            results.append(_failure(item, exc))
        results[-1].warnings = list(event.warnings)
    return results


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def render_many(
    events: Sequence[Path | str],
    templates: Sequence[str],
    *,
    out: Path | str | None = None,
    jobs: int | None = None,
    force: bool = False,
    pdf: bool = False,
    dirs: Sequence[Path | str] = (),
    on_progress: ProgressCallback | None = None,
    pdf_timeout: float | None = None,
    sync: bool = False,
    strict: bool = False,
    sheet: str | None = None,
    split: bool = False,
    tat_ca: bool = False,
) -> BatchResult:
    """Render every event in ``events`` with every template in ``templates`` (``"all"`` =
    every template that can be found).

    ``"-"`` in ``events`` reads an event from standard input (named ``stdin`` in output
    names, written in the current folder; the batch then renders in this process).
    Outputs: ``<event-stem>-<template>.docx`` next to each event; with ``out`` ending in
    ``.docx`` and exactly one document, that file (unless it is an existing folder, or a
    string ending in ``/``); with any other ``out``, that folder (created), event names
    disambiguated by their parent folders when stems are equal.
    An existing output is replaced only with ``force``. ``jobs`` worker processes (default:
    the number of cores; 1, or a small batch, renders in this process). With ``pdf``, each
    document written is also converted to ``<name>.pdf`` beside it by LibreOffice.
    ``sheet`` picks the sheet of the lists of people given as workbooks that name none.
    ``on_progress(result, done, total)`` is called in this process after each item (and,
    with ``pdf``, once more per item after the PDF step, with that step's result).
    A template that cannot be found (or an unsafe name) is reported in
    :attr:`BatchResult.problems` and nothing is rendered: a mistyped name on the command line
    should not leave half a batch behind. A bad event is reported in its items and the others
    are rendered. Never raises for a bad event or template: see :attr:`BatchResult.exit_code`;
    raises :class:`~baocao.errors.ExportError` before writing anything when ``pdf`` is asked
    for and LibreOffice is not installed. An interrupt (``KeyboardInterrupt``) stops the batch
    after the documents being written; every file is whole or absent.
    The warnings about each event are in :attr:`ItemResult.warnings` (and
    :attr:`BatchResult.warnings`, once per event); with ``strict`` an event with warnings is
    a bad event (exit 3, nothing of it written). ``dirs`` also tells the loader which
    ``van_ban`` keys name a template.

    A per-person template (side file ``moi_muc``) makes one document holding every person
    of its list, each on new pages; with ``split`` one document per person,
    ``<event>-<template>-<NNN>-<name>.docx`` (:func:`baocao.rendering.names.person_output`),
    each an item of its own (a person that fails does not stop the others). ``tat_ca``: also
    trainees graded ``không đạt``. Such a template that came from ``"all"`` only is left out
    for an event file that does not mention its list, and skipped with a warning in its item
    for an event whose list is empty; named, an empty list is an error.
    """
    if pdf:  # no LibreOffice: say so (ExportError) before any document is written
        from baocao.rendering.pdf import find_soffice

        find_soffice()
    specs, problems, code = _resolve_templates(list(templates), dirs)
    result = BatchResult(problems=problems, problems_exit_code=code)
    if problems:
        return result
    if out is not None:
        try:
            Path(out).is_dir()
        except OSError as exc:  # a name too long for the system: said before any work
            from baocao.rendering.atomic import os_error

            result.problems, result.problems_exit_code = os_error(out, exc).problems, 1
            return result
    unique: dict[Path, Path] = {}
    for e in events:  # the same file named twice is one event
        unique.setdefault(Path(e).resolve(), Path(e))
    event_paths = list(unique.values())
    folder = isinstance(out, str) and out.endswith(("/", os.sep))  # `-o ra.docx/`: a folder
    forget_loaded()  # workers fork with the event --split planning read, never an older one
    who = None
    if split and any(s.moi_muc for s in specs):
        who = people_of(tat_ca, templates_dirs=tuple(dirs), strict=strict, sheet=sheet)
    named = {name for name in templates if name != ALL}
    optional = frozenset(s.name for s in specs if s.moi_muc and s.name not in named)
    plan = plan_outputs(
        event_paths, specs, Path(out) if out is not None else None, folder=folder,
        people=who, include=lambda e, s: s.name not in optional or has_list(e, s),
    )  # fmt: skip
    plan = [(e, part) for e, items in plan for part in spread(items)]
    total = sum(len(items) for _, items in plan) * (2 if pdf else 1)
    by_name = {s.name: s for s in specs}
    done: dict[Item, ItemResult] = {}
    count = 0

    def report(results: list[ItemResult], *, store: bool = True) -> None:
        nonlocal count
        for r in results:
            count += 1
            if store:
                done[r.item] = r
            if on_progress is not None:
                on_progress(r, count, total)

    opts = Options(
        force=force, dirs=tuple(dirs), sync=sync, strict=strict, sheet=sheet, tat_ca=tat_ca,
        optional=optional,
    )  # fmt: skip
    cores = default_jobs()
    if jobs is not None and jobs > cores:  # more processes than cores only costs memory
        from baocao.i18n import _

        note = _("-j {so}: máy có {loi} lõi, dùng {loi} tiến trình").format(so=jobs, loi=cores)
        result.problems.append(Problem(note, code="jobs-capped", severity="warning"))
    workers = min(jobs or cores, cores, len(plan))
    if any(str(e) == "-" for e in event_paths):  # standard input is read in this process
        workers = 1
    if workers <= 1 or total < MIN_PARALLEL:
        for event_path, items in plan:
            report(_render_event(event_path, items, by_name, opts))
    else:
        from baocao.rendering.workers import render_in_pool

        render_in_pool(plan, workers, (by_name, opts), report)
    result.items = [done[item] for _, items in plan for item in items]
    forget_loaded()
    if not sync:
        from baocao.rendering.atomic import sync_outputs

        sync_outputs(result.written)
    if pdf:
        phase = _export_pdf(result, workers=max(1, workers), force=force, timeout=pdf_timeout)
        report(phase, store=False)
    return result


def _export_pdf(
    result: BatchResult, *, workers: int, force: bool, timeout: float | None
) -> list[ItemResult]:
    """Convert every written .docx; a PDF that fails marks its item failed (exit 1).
    Returns what the PDF step did per item (its PDF, or its problems) for the progress."""
    from baocao.errors import ExportError
    from baocao.rendering.pdf import DEFAULT_TIMEOUT, to_pdf

    ok = [r for r in result.items if r.ok and r.written]
    if not ok:
        return []
    try:
        to_pdf(
            [r.written[0] for r in ok],
            converters=workers,
            force=force,
            timeout=timeout or DEFAULT_TIMEOUT,
        )
        failed: list[Problem] = []
    except ExportError as exc:
        failed = exc.problems
        if all(p.path is None for p in failed):  # LibreOffice itself is missing
            result.problems += failed
            result.problems_exit_code = max(result.problems_exit_code, exc.exit_code)
            return []
    phase = []
    for r in ok:
        docx = r.written[0]
        pdf = docx.with_suffix(".pdf")
        as_given = {str(docx): docx, str(docx.resolve()): docx, str(pdf): pdf}
        as_given[str(pdf.resolve())] = pdf
        # to_pdf names files by their full path; show them as the user named them
        mine = [replace(p, path=str(as_given[p.path])) for p in failed if p.path in as_given]
        if mine:
            r.problems += mine
            r.exit_code = max(r.exit_code, 1)
            phase.append(ItemResult(r.item, problems=mine, exit_code=1))
        elif pdf.is_file():
            r.written.append(pdf)
            phase.append(ItemResult(r.item, written=[pdf]))
    return phase
