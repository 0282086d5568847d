"""SIGTERM and SIGHUP end baocao the way Ctrl-C does: cleanly, with a message.

:func:`handle_termination` makes both signals raise :class:`Terminated`, a
``KeyboardInterrupt``, so every path that already cleans up after Ctrl-C (workers told to
stop after the document they write, temporary files removed, LibreOffice killed and its
profile folder removed) does the same for a service manager's SIGTERM or a closed
terminal's SIGHUP. The command then exits with 128 + the signal's number (143, 129), as a
shell reports a process ended by that signal.

:func:`held` keeps these signals (and SIGINT) pending for a few statements, so that a
temporary file is never created without the ``try`` that removes it.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import Any

__all__ = ["Terminated", "exit_code_of", "handle_termination", "held", "release"]

_SIGNALS = tuple(
    s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s
)
_HELD = {signal.SIGINT, *_SIGNALS}


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


def _raise(signum: int, _frame: Any) -> None:
    raise Terminated(signum)


def handle_termination() -> None:
    """SIGTERM and SIGHUP raise :class:`Terminated` in the main thread (no-op elsewhere)."""
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in _SIGNALS:
        with contextlib.suppress(ValueError, OSError):
            signal.signal(sig, _raise)


def exit_code_of(exc: BaseException) -> int:
    """The exit code for an interrupt: 130 for Ctrl-C, 128 + N for signal N."""
    return exc.exit_code if isinstance(exc, Terminated) else 130


def hold() -> Any:
    """Block SIGINT, SIGTERM and SIGHUP; returns what :func:`release` restores."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)


def release(previous: Any) -> None:
    """Undo :func:`hold` (once; ``None`` does nothing). A signal that came meanwhile is
    handled right after, where the caller stands."""
    if previous is not None and hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextlib.contextmanager
def held() -> Iterator[None]:
    """The signals above wait until the block ends."""
    previous = hold()
    try:
        yield
    finally:
        release(previous)
