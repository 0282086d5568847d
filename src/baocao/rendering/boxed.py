"""Run work on an untrusted template in a child process with operating-system limits.

Staff share templates; ``baocao check`` is what a person runs on one they do not trust yet.
The sandbox (:mod:`baocao.rendering.sandbox`) keeps a template away from Python and caps
the obvious bombs, but a template can still loop long or build a big value step by step.
So every template found outside the built-in folder is compiled, checked, listed
(``templates show``) and rendered in a forked child (:func:`run_boxed`) that has

- an address-space limit (``RLIMIT_AS``): what it had at the fork plus :data:`MEMORY`;
- a CPU-time limit (``RLIMIT_CPU``) of :data:`CPU_SECONDS`;
- a wall-clock limit of :data:`WALL_SECONDS`, after which the parent kills it;
- ``PR_SET_PDEATHSIG`` (Linux): it dies with its parent.

Going over a limit is a :class:`~baocao.errors.TemplateError` naming the template (exit 3).
Built-in templates keep the fast in-process path (:func:`is_trusted`). Where there is no
``fork`` (Windows) the work runs in-process, with the sandbox's caps only.

This is not a container: the child can read what the user can read (the sandbox keeps a
template from doing so, not the operating system). See README, "An toàn".

>>> run_boxed(sum, [1, 2, 3], label="x.docx")
6
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from baocao.errors import BaocaoError, Problem, TemplateError

__all__ = [
    "CPU_SECONDS",
    "MEMORY",
    "WALL_SECONDS",
    "boxed_call",
    "die_with_parent",
    "is_trusted",
    "run_boxed",
]

T = TypeVar("T")

MEMORY = 320 << 20  # bytes of address space the child may add to what it had
CPU_SECONDS = 60
WALL_SECONDS = 120.0
_PR_SET_PDEATHSIG = 1


def is_trusted(path: Path | str) -> bool:
    """True for a file of the built-in template folder (shipped with baocao)."""
    from baocao.registry import is_builtin

    return is_builtin(path)


def die_with_parent(sig: int = signal.SIGKILL) -> None:
    """Ask Linux to send ``sig`` to this process when its parent dies (no-op elsewhere)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)


def _vm_size() -> int:
    try:
        with Path("/proc/self/statm").open() as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 256 << 20


def _limit_self(memory: int, cpu: int) -> None:
    import resource

    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (_vm_size() + memory, resource.RLIM_INFINITY))
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    with contextlib.suppress(ValueError, OSError):  # no core file of a killed child
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _child(write: int, func: Callable[..., Any], args: Any, kwargs: Any, limits: Any) -> None:
    """In the child: limit, run, send ``(kind, value)`` back, and leave at once."""
    status = 0
    try:
        die_with_parent()
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # the parent handles Ctrl-C
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _limit_self(*limits)
        try:
            outcome: tuple[str, Any] = ("ok", func(*args, **kwargs))
        except BaocaoError as exc:
            outcome = ("error", (type(exc).__name__, exc.problems))
        except MemoryError:
            outcome = ("memory", None)
        except RecursionError:
            outcome = ("recursion", None)
        except Exception as exc:
            outcome = ("bug", f"{type(exc).__name__}: {exc}")
        try:
            data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            data = pickle.dumps(("memory", None))
        view = memoryview(data)
        while view:
            view = view[os.write(write, view) :]
    except BaseException:
        status = 1
    finally:
        os._exit(status)


def _limit_error(label: str, what: str) -> TemplateError:
    from baocao.i18n import _

    messages = {
        "memory": _("mẫu dùng quá {mb} MB bộ nhớ khi dịch hoặc điền").format(mb=MEMORY >> 20),
        "cpu": _("mẫu chạy quá {giay} giây CPU khi dịch hoặc điền").format(giay=CPU_SECONDS),
        "wall": _("mẫu chạy quá {giay:g} giây khi dịch hoặc điền").format(giay=WALL_SECONDS),
        "recursion": _("mẫu lồng nhau quá sâu"),
        "died": _("tiến trình dịch mẫu bị dừng bất thường"),
    }
    return TemplateError(
        [Problem(messages.get(what, what), path=label, part=None, code="template-limit")]
    )


def _read_all(fd: int, deadline: float) -> tuple[bytes, bool]:
    """Everything the child writes until it closes the pipe; False when time ran out."""
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return b"".join(chunks), False
        ready, _w, _x = select.select([fd], [], [], min(left, 1.0))
        if not ready:
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks), True
        chunks.append(chunk)


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, ChildProcessError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def run_boxed(
    func: Callable[..., T],
    *args: Any,
    label: str,
    memory: int | None = None,
    cpu: int | None = None,
    wall: float | None = None,
    **kwargs: Any,
) -> T:
    """``func(*args, **kwargs)`` in a forked child under the limits above; its result, or
    the :class:`BaocaoError` it raised, or a :class:`TemplateError` placed at ``label``
    (the template's path) when a limit was hit. ``func``'s result must pickle."""
    if not hasattr(os, "fork"):
        return func(*args, **kwargs)
    limits = (memory or MEMORY, cpu or CPU_SECONDS)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child leaves through os._exit
        os.close(read)
        _child(write, func, args, kwargs, limits)
    os.close(write)
    try:
        data, in_time = _read_all(read, time.monotonic() + (wall or WALL_SECONDS))
    except BaseException:
        _kill(pid)
        raise
    finally:
        os.close(read)
    if not in_time:
        _kill(pid)
        raise _limit_error(label, "wall")
    _pid, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        raise _limit_error(label, "cpu" if sig in (signal.SIGXCPU, signal.SIGKILL) else "died")
    try:
        kind, value = pickle.loads(data)
    except Exception:
        raise _limit_error(label, "died") from None
    if kind == "ok":
        return value  # type: ignore[no-any-return]
    if kind == "error":
        import baocao.errors as errors

        cls = getattr(errors, value[0], TemplateError)
        raise cls(value[1])
    if kind == "bug":
        raise RuntimeError(value)
    raise _limit_error(label, kind)


def boxed_call(template: Path | str, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``func(*args, **kwargs)`` here for a built-in ``template``, else :func:`run_boxed`."""
    if is_trusted(template):
        return func(*args, **kwargs)
    return run_boxed(func, *args, label=str(template), **kwargs)
