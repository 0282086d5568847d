"""The user's cache folder: what a run worked out from baocao's own files, kept for the next.

Two kinds of entries live here, each in its folder: compiled built-in templates
(``templates/``, :mod:`baocao.rendering.compile_cache`) and the parsed YAML of built-in
side files (``sides/``, read by :mod:`baocao.registry`: a JSON event then needs no
PyYAML). Only files shipped with baocao are kept: whatever a user brings is worked out
every time, and can neither write nor read an entry.

- where: ``$XDG_CACHE_HOME/baocao`` (else ``~/.cache/baocao``); on Windows
  ``%LOCALAPPDATA%\\baocao\\cache``; ``BAOCAO_NO_CACHE=1`` turns it off;
- an entry's key is a SHA-256 of everything its value depends on (the file's bytes, the
  code that works on them, the Python version), so a changed file or a new version never
  reads an old entry;
- an entry is written to a temporary file and renamed (never half-written), holds its key
  and a SHA-256 of its contents, and is checked when read: a corrupt, truncated or foreign
  entry is ignored (and written again);
- the folder must be the user's own and writable by nobody else (as Jinja's bytecode cache
  asks), else nothing is read from it or written to it.

Nothing here raises: a cache that cannot be read or written is no cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

__all__ = ["folder", "read", "source_digest", "write"]

_MAGIC = b"baocao-cache-1\x00"
_DIGEST = 32
_KEEP = 256  # entries kept per folder; the oldest go first


def folder(kind: str) -> Path | None:
    """The folder of the entries of ``kind``, or None when ``BAOCAO_NO_CACHE`` is set."""
    if os.environ.get("BAOCAO_NO_CACHE", "") not in ("", "0"):
        return None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA", "")
        return Path(base, "baocao", "cache", kind) if base else None
    xdg = Path(os.environ.get("XDG_CACHE_HOME", ""))
    try:
        root = xdg if xdg.is_absolute() else Path.home() / ".cache"
    except RuntimeError:  # no home folder
        return None
    return root / "baocao" / kind


def _private(place: Path) -> bool:
    """``place`` is the user's own and nobody else can write to it (POSIX)."""
    if os.name != "posix":
        return True
    try:
        st = place.stat()
    except OSError:
        return False
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def read(kind: str, key: str) -> Any | None:
    """The value kept under ``key``; None when there is none or it is not to be trusted."""
    place = folder(kind)
    if place is None or not _private(place):
        return None
    try:
        data = (place / f"{key}.bin").read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + _DIGEST
    if len(data) <= head or not data.startswith(_MAGIC):
        return None
    payload = data[head:]
    if hashlib.sha256(payload).digest() != data[len(_MAGIC) : head]:
        return None
    try:
        kept_key, value = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return value if kept_key == key else None


def write(kind: str, key: str, value: Any) -> None:
    """Keep ``value`` (anything :mod:`marshal` writes) under ``key``: written to a temporary
    file, then renamed."""
    place = folder(kind)
    if place is None:
        return
    from baocao.errors import RenderError
    from baocao.rendering.atomic import write_atomic

    with contextlib.suppress(OSError, ValueError, RenderError):
        place.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(place):
            return
        payload = marshal.dumps((key, value))
        data = _MAGIC + hashlib.sha256(payload).digest() + payload
        write_atomic(place / f"{key}.bin", data, force=True, sync=False)
        _prune(place)


def _prune(place: Path) -> None:
    entries = [p for p in place.iterdir() if p.suffix == ".bin"]
    if len(entries) <= _KEEP:
        return

    def age(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:
            return 0.0

    for old in sorted(entries, key=age)[: len(entries) - _KEEP]:
        with contextlib.suppress(OSError):
            old.unlink()


def source_digest(*modules: str) -> bytes | None:
    """A SHA-256 of the source files of ``modules``, found without importing them (a
    package's own module is named ``package.__init__``); None when one cannot be read."""
    import importlib.util

    h = hashlib.sha256(f"{sys.version}\n".encode() + importlib.util.MAGIC_NUMBER)
    for module in modules:
        package, _sep, name = module.partition(".")
        try:
            spec = importlib.util.find_spec(package)
            places = spec.submodule_search_locations if spec is not None else None
            if places and name:
                path = Path(next(iter(places)), *name.split(".")).with_suffix(".py")
            elif spec is not None and spec.origin:
                path = Path(spec.origin)
            else:
                return None
            data = path.read_bytes()
        except (ImportError, ValueError, StopIteration, OSError):
            return None
        h.update(f"{module}\0{len(data)}\0".encode() + data)
    return h.digest()
