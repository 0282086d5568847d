"""The compile cache: what compiling a built-in Word template gives, kept between runs.

Compiling a template (:class:`baocao.rendering.engine.CompiledTemplate`) costs a process
~0.1 s: docxtpl (which imports python-docx), its clean-up of every part, and Jinja's
parser and code generator. The result depends only on the template's bytes and on the code
that compiles it, so it is kept in the user's cache folder and the next ``baocao render``
starts from it:

- where: ``templates/`` in ``$XDG_CACHE_HOME/baocao`` (else ``~/.cache/baocao``); on
  Windows in ``%LOCALAPPDATA%\\baocao\\cache``; ``BAOCAO_NO_CACHE=1`` turns it off;
- the key is a SHA-256 of the template's members and of everything that shapes a compile
  (:func:`fingerprint`: the Python version, Jinja, docxtpl and baocao's compiling modules,
  the environment's options and filters), so a changed template or a new version never
  reads an old entry;
- an entry is written to a temporary file and renamed (never half-written), holds its key
  and a SHA-256 of its contents, and is checked when read: a corrupt, truncated or foreign
  entry is ignored (and written again); the folder must be the user's own and writable by
  nobody else (as Jinja's bytecode cache asks), else nothing is read from it or written;
- only templates of the built-in folder use it (:func:`baocao.rendering.boxed.is_trusted`):
  a template brought by a user is compiled every time, in its boxed child, and can neither
  write nor read an entry.

Nothing here raises: a cache that cannot be read or written is no cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from functools import cache
from pathlib import Path
from types import CodeType
from typing import Any

__all__ = ["Entry", "cache_dir", "fingerprint", "key_for", "load", "store"]

#: changes whenever the layout of an entry changes
FORMAT = 1
_MAGIC = b"baocao-compiled\x00"
_DIGEST = 32
_KIND = ("body", "header", "footer", "notes")
_KEEP = 256  # entries kept; the oldest go first

# the modules whose code turns a template's bytes into an entry
_COMPILERS = (
    "baocao.rendering.engine",
    "baocao.rendering.docxtpl_steps",
    "baocao.rendering.xml_text",
    "baocao.rendering.environment",
    "baocao.rendering.sandbox",
    "baocao.rendering.filters",
    "baocao.docx.package",
    "baocao.docx.safe_xml",
    "baocao.docx.zip_limits",
)

#: one compiled part: (name, kind, patched source, Jinja's code, head, tail)
Part = tuple[str, str, str, CodeType, bytes, bytes]


class Entry:
    """A compiled template as kept: its Jinja parts and the names of its static parts."""

    __slots__ = ("parts", "static")

    def __init__(self, parts: list[Part], static: list[str]) -> None:
        self.parts = parts
        self.static = static


def cache_dir() -> Path | None:
    """The folder of compiled templates, or None when ``BAOCAO_NO_CACHE`` is set."""
    if os.environ.get("BAOCAO_NO_CACHE", "") not in ("", "0"):
        return None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA", "")
        if not base:
            return None
        return Path(base) / "baocao" / "cache" / "templates"
    xdg = Path(os.environ.get("XDG_CACHE_HOME", ""))
    try:
        root = xdg if xdg.is_absolute() else Path.home() / ".cache"
    except RuntimeError:  # no home folder
        return None
    return root / "baocao" / "templates"


def _source(module: str) -> Path | None:
    """The file of ``module``, found without importing it (docxtpl would import python-docx);
    the packages of baocao's modules are already imported."""
    import importlib.util

    try:
        if module == "docxtpl.template":
            spec = importlib.util.find_spec("docxtpl")
            places = spec.submodule_search_locations if spec is not None else None
            return Path(next(iter(places)), "template.py") if places else None
        spec = importlib.util.find_spec(module)
        return Path(spec.origin) if spec is not None and spec.origin else None
    except (ImportError, ValueError, StopIteration):
        return None


@cache
def _code_digest() -> bytes | None:
    import importlib.util

    h = hashlib.sha256(f"{FORMAT}\n{sys.version}\n".encode())
    h.update(importlib.util.MAGIC_NUMBER)
    for module in (*_COMPILERS, "docxtpl.template"):
        path = _source(module)
        try:
            data = path.read_bytes() if path is not None else None
        except OSError:
            data = None
        if data is None:
            return None
        h.update(f"{module}\0{len(data)}\0".encode() + data)
    return h.digest()


def fingerprint(env: Any) -> bytes | None:
    """What shapes a compile besides the template: the code (Python, Jinja, docxtpl,
    baocao's compiling modules) and the environment (class, syntax, options, filter and
    test names). None when some of it cannot be read (then there is no cache)."""
    code = _code_digest()
    if code is None:
        return None
    import jinja2

    options = (
        jinja2.__version__,
        f"{type(env).__module__}.{type(env).__qualname__}",
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        env.sandboxed,
        env.is_async,
        bool(env.autoescape),
        sorted(env.extensions),
        sorted(env.filters),
        sorted(env.tests),
        sorted(env.globals),
    )
    return hashlib.sha256(code + repr(options).encode()).digest()


def key_for(path: Path, env: Any, names: list[str], package: Any) -> str | None:
    """The key of the template at ``path`` read as ``package`` (its members ``names``, in
    order, and their bytes), compiled in ``env``; None when the cache is off or the
    template is not a built-in one."""
    from baocao.rendering.boxed import is_trusted

    if cache_dir() is None or not is_trusted(path):
        return None
    fp = fingerprint(env)
    if fp is None:
        return None
    h = hashlib.sha256(fp)
    for name in names:
        data = package.blobs.get(name, b"")
        h.update(f"{name}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def _private(folder: Path) -> bool:
    """The folder is the user's own and nobody else can write to it (POSIX)."""
    if os.name != "posix":
        return True
    try:
        st = folder.stat()
    except OSError:
        return False
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def _valid(parts: Any, static: Any, blobs: dict[str, bytes]) -> bool:
    if not (isinstance(parts, list) and isinstance(static, list)):
        return False
    for part in parts:
        if not (isinstance(part, tuple) and len(part) == 6):
            return False
        name, kind, source, code, head, tail = part
        if not (
            isinstance(name, str)
            and name in blobs
            and kind in _KIND
            and isinstance(source, str)
            and isinstance(code, CodeType)
            and code.co_filename == "<template>"
            and isinstance(head, bytes)
            and isinstance(tail, bytes)
        ):
            return False
    return all(isinstance(name, str) and name in blobs for name in static)


def load(key: str, blobs: dict[str, bytes]) -> Entry | None:
    """The entry kept under ``key``, or None (no cache, none kept, or one not to trust)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        if not _private(folder):
            return None
        data = (folder / f"{key}.bin").read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + _DIGEST
    if len(data) <= head or not data.startswith(_MAGIC):
        return None
    payload = data[head:]
    if hashlib.sha256(payload).digest() != data[len(_MAGIC) : head]:
        return None
    try:
        kept_key, parts, static = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if kept_key != key or not _valid(parts, static, blobs):
        return None
    return Entry(parts, static)


def store(key: str, entry: Entry) -> None:
    """Keep ``entry`` under ``key``: written to a temporary file, then renamed."""
    folder = cache_dir()
    if folder is None:
        return
    with contextlib.suppress(OSError, ValueError):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return
        payload = marshal.dumps((key, entry.parts, entry.static))
        data = _MAGIC + hashlib.sha256(payload).digest() + payload
        import tempfile

        fd, name = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".part")
        tmp = Path(name)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            tmp.replace(folder / f"{key}.bin")
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        _prune(folder)


def _prune(folder: Path) -> None:
    entries = [p for p in folder.iterdir() if p.suffix == ".bin"]
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
