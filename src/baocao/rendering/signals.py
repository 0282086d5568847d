"""SIGTERM and SIGHUP end baocao the way Ctrl-C does: cleanly, with a message.

:func:`handle_termination` makes both signals raise :class:`Terminated`, a
``KeyboardInterrupt``, so every path that already cleans up after Ctrl-C (workers told to
stop after the document they write, temporary files removed, LibreOffice killed and its
profile folder removed) does the same for a service manager's SIGTERM or a closed
terminal's SIGHUP. The command then exits with 128 + the signal's number (143, 129), as a
shell reports a process ended by that signal.

:func:`held` keeps these signals (and SIGINT) pending for a few statements, so that a
temporary file is never created without the ``try`` that removes it: the handlers are
Python's, which always run in the main thread, so holding is a counter there, not a
signal mask (another thread would take the signal and the handler would still run).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import Any

__all__ = [
    "Terminated",
    "deliver",
    "exit_code_of",
    "handle_termination",
    "held",
    "hold",
    "release",
]

_SIGNALS = tuple(
    s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s
)


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived; ``signum`` says which."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    def message(self) -> str:
        from baocao.i18n import _

        name = signal.Signals(self.signum).name
        return _(
            "đã dừng ({tin_hieu}); các tệp đã viết xong được giữ nguyên, không có tệp nào viết dở"
        ).format(tin_hieu=name)


_held = 0  # depth of hold() in the main thread
_pending: list[BaseException] = []


def deliver(exc: BaseException) -> None:
    """Raise ``exc`` now, or when the last :func:`release` runs if signals are held."""
    if _held and threading.current_thread() is threading.main_thread():
        _pending.append(exc)
        return
    raise exc


def _raise(signum: int, _frame: Any) -> None:
    deliver(Terminated(signum))


def _interrupt(_signum: int, _frame: Any) -> None:
    deliver(KeyboardInterrupt())


def handle_termination() -> None:
    """SIGTERM and SIGHUP raise :class:`Terminated` in the main thread, SIGINT a
    ``KeyboardInterrupt`` as usual; all three wait while :func:`held` (no-op outside the
    main thread)."""
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in _SIGNALS:
        with contextlib.suppress(ValueError, OSError):
            signal.signal(sig, _raise)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _interrupt)


def exit_code_of(exc: BaseException) -> int:
    """The exit code for an interrupt: 130 for Ctrl-C, 128 + N for signal N."""
    return exc.exit_code if isinstance(exc, Terminated) else 130


def hold() -> bool:
    """Hold SIGINT, SIGTERM and SIGHUP (their Python handlers) until :func:`release`."""
    global _held
    if threading.current_thread() is not threading.main_thread():
        return False
    _held += 1
    return True


def release(holding: bool | None) -> None:
    """Undo :func:`hold` (``False`` or ``None``: nothing to undo). A signal that came
    meanwhile is raised here, where the caller stands."""
    global _held
    if not holding:
        return
    _held -= 1
    if not _held and _pending:
        exc = _pending[0]
        _pending.clear()
        raise exc


@contextlib.contextmanager
def held() -> Iterator[None]:
    """The signals above wait until the block ends."""
    holding = hold()
    try:
        yield
    finally:
        release(holding)
