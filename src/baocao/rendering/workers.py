"""The worker processes of a batch (:func:`baocao.rendering.batch.render_many` with ``-j``):
templates compiled before the fork, chunks of events sent to a pool, a dead worker's chunk
retried once in a fresh pool, Ctrl-C / SIGTERM / SIGHUP ending every worker cleanly, and
workers that die with their parent."""

from __future__ import annotations

import gc
import glob
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from baocao.rendering.batch import CHUNK_MAX, ItemResult, Options, _failure, _render_event
from baocao.rendering.names import Item

if TYPE_CHECKING:
    from baocao.registry import TemplateSpec

__all__ = ["Chunk", "render_in_pool"]


Chunk = list[tuple[Path, list[Item]]]

_STOP: Any = None  # in a worker: the parent's "stop now" event (set on Ctrl-C)


_BUSY = False  # in a worker: a chunk is being rendered


def _render_chunk(chunk: Chunk, specs: dict[str, TemplateSpec], opts: Options) -> list[ItemResult]:
    from baocao.rendering.signals import Terminated

    global _BUSY
    results = []
    _BUSY = True
    try:
        for event_path, items in chunk:
            if _STOP is not None and _STOP.is_set():  # the parent was interrupted: stop here
                break
            results += _render_event(event_path, items, specs, opts)
    except Terminated as exc:  # the parent died: the file being written was cleaned up
        os._exit(exc.exit_code)
    finally:
        _BUSY = False
    gc.collect(1)  # young cycles (lxml trees) only: a full collection costs ~24 ms a chunk
    return results


def _worker_terminated(signum: int, _frame: Any) -> None:
    """SIGTERM in a worker (sent by Linux when the parent dies): idle, leave at once;
    busy, unwind through the atomic write's cleanup first (:func:`_render_chunk`)."""
    from baocao.rendering.signals import Terminated, deliver

    if not _BUSY:
        os._exit(128 + signum)
    deliver(Terminated(signum))


def _worker_init(language: str, stop: Any) -> None:
    """Each worker speaks the parent's language, imports the engine before the first task,
    and leaves Ctrl-C and SIGHUP to the parent, which tells it to stop through ``stop`` (a
    worker killed by the terminal's SIGINT could not finish the file it is writing). It
    gets SIGTERM when the parent dies (Linux), even by SIGKILL, and then ends."""
    global _STOP
    from baocao.rendering.boxed import die_with_parent

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_terminated)
    die_with_parent(signal.SIGTERM)
    if os.getppid() == 1:  # the parent died before the line above
        os._exit(128 + signal.SIGTERM)
    _STOP = stop
    from baocao import i18n
    from baocao.rendering.document import render_bytes  # noqa: F401 - warm import

    _import_stages()  # inherited after a fork; imported here once under spawn
    i18n.set_language(language)


def _chunks(jobs: list[tuple[Path, list[Item]]], workers: int) -> list[Chunk]:
    size = max(1, min(CHUNK_MAX, -(-len(jobs) // (workers * 4))))
    return [jobs[i : i + size] for i in range(0, len(jobs), size)]


def _pool(workers: int) -> tuple[Any, Any]:
    """A pool of ``workers`` processes and the event that tells them to stop."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from baocao.i18n import get_language

    # the start method the program chose (multiprocessing.set_start_method), else fork on
    # Linux: workers start at once with the parent's imports (no thread runs here); elsewhere
    # the platform's default (spawn), which the initializer warms up
    chosen = multiprocessing.get_start_method(allow_none=True)
    linux = sys.platform.startswith("linux")
    ctx = multiprocessing.get_context(chosen or ("fork" if linux else None))
    stop = ctx.Event()
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=ctx,
        initializer=_worker_init,
        initargs=(get_language(), stop),
    )
    return pool, stop


def _import_stages() -> None:
    """Import what every document needs: the event model (pydantic builds its validators
    on import, ~0.3 s) and the context builder. Done before the fork, each worker starts with
    them; it used to build the model again in every worker."""
    import baocao.event.json_source
    import baocao.event.loading
    import baocao.event.people_files
    import baocao.event.yaml_source
    import baocao.template_context.build  # noqa: F401


def _warm(specs: dict[str, TemplateSpec]) -> None:
    """Compile every requested template once here, before the workers fork, so that each
    worker starts with them compiled (each worker used to compile every template again).
    A template that does not compile is left for the workers to report per item."""
    if not sys.platform.startswith("linux"):  # spawn: nothing is inherited
        return
    _import_stages()
    from baocao.rendering.document import compile_checked

    for spec in specs.values():
        for path in sorted(set(spec.files.values())):
            try:  # a template from elsewhere: first compiled in a child with limits
                compile_checked(path)
            except Exception:  # reported by the worker, with its item
                continue


def render_in_pool(
    plan: list[tuple[Path, list[Item]]],
    workers: int,
    args: tuple[dict[str, TemplateSpec], Options],
    report: Callable[[list[ItemResult]], None],
) -> None:
    """Render ``plan`` in ``workers`` processes. On an interrupt (or any error here) the
    workers are told to stop after the document they are writing, queued work is cancelled,
    and the interrupt goes on once they are done: no half-written file, no work after it."""
    _warm(args[0])
    gc.freeze()  # the parent's heap is shared with the forked workers: never scanned again
    chunks = _chunks(plan, workers)
    failed = _pool_round(chunks, workers, args, report, last=False)
    if failed:  # a worker died (killed, out of memory): its chunks once more, in a new pool
        _pool_round(failed, workers, args, report, last=True)


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def _pool_round(
    chunks: list[Chunk],
    workers: int,
    args: tuple[dict[str, TemplateSpec], Options],
    report: Callable[[list[ItemResult]], None],
    *,
    last: bool,
) -> list[Chunk]:
    """Render ``chunks`` in a new pool; the chunks lost with a dead worker are returned
    (``last``: reported failed instead). A document the dead worker had already written
    is whole (atomic write) and counts as written."""
    from concurrent.futures import as_completed
    from concurrent.futures.process import BrokenProcessPool

    before = {i.out: _mtime(i.out) for chunk in chunks for _e, items in chunk for i in items}
    lost: list[Chunk] = []
    pool, stop = _pool(min(workers, len(chunks)))
    try:
        futures = {pool.submit(_render_chunk, chunk, *args): chunk for chunk in chunks}
        for future in as_completed(futures):
            try:
                results = future.result()
            except BrokenProcessPool as exc:
                if not last:
                    lost.append(futures[future])
                    continue
                results = [_failure(i, exc) for _, items in futures[future] for i in items]
            except Exception as exc:  # a worker died: its items fail, the others stand
                results = [_failure(i, exc) for _, items in futures[future] for i in items]
            report(results)
    except BaseException:
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    retry: list[Chunk] = []
    for chunk in lost:
        for _e, items in chunk:  # a worker killed mid-write leaves its temporary file
            for i in items:
                for tmp in i.out.parent.glob(f".{glob.escape(i.out.name)}.*.tmp"):
                    tmp.unlink(missing_ok=True)
        done = [
            ItemResult(i, written=[i.out])
            for _e, items in chunk
            for i in items
            if _mtime(i.out) not in (None, before[i.out])
        ]
        report(done)
        kept = {r.item for r in done}
        rest = [(e, [i for i in items if i not in kept]) for e, items in chunk]
        if any(items for _e, items in rest):
            retry.append([(e, items) for e, items in rest if items])
    return retry
