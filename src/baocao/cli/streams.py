"""Output that never crashes on a code page: UTF-8 to pipes and files (as git does),
replacement characters on a console that cannot show a mark.

Under a Windows code page (``PYTHONIOENCODING=cp1258``, ``chcp 1258``) Python writes
``sys.stdout`` in that code page and raises ``UnicodeEncodeError`` on ``✓`` or ``ư``. A file
or a pipe gets UTF-8 whatever the code page says (the reader is a program or an editor, which
expects UTF-8); a terminal keeps its encoding and gets ``?`` for what it cannot show.
"""

from __future__ import annotations

import contextlib
import io
import sys
from typing import TextIO

__all__ = ["setup_streams"]


def _fix(stream: TextIO | None) -> None:
    if not isinstance(stream, io.TextIOWrapper):
        return  # replaced by a test runner or an embedding program: leave it alone
    try:
        tty = stream.isatty()
    except (OSError, ValueError):
        return
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        if tty:
            stream.reconfigure(errors="replace")
        else:
            stream.reconfigure(encoding="utf-8", errors="replace")


def setup_streams() -> None:
    """Reconfigure ``sys.stdout`` and ``sys.stderr`` as described above."""
    _fix(sys.stdout)
    _fix(sys.stderr)
