"""The compile cache: what compiling a built-in Word template gives, kept between runs.

Compiling a template (:class:`baocao.rendering.engine.CompiledTemplate`) costs a process
~0.1 s: docxtpl (which imports python-docx), its clean-up of every part, and Jinja's
parser and code generator. The result depends only on the template's bytes and on the code
that compiles it, so it is kept in the user's cache folder (``templates/`` in it:
:mod:`baocao.cache`, which says where, how entries are written and checked, and that
``BAOCAO_NO_CACHE=1`` turns it off) and the next ``baocao render`` starts from it.

- The key (:func:`key_for`) is a SHA-256 of the template's members and of everything that
  shapes a compile (:func:`fingerprint`: the Python version, Jinja, docxtpl and baocao's
  compiling modules, the environment's options, filter and test names).
- An entry read back is checked part by part (names of the template's members, kinds, a
  code object of Jinja's) before it is used; anything else is no entry.
- Only templates of the built-in folder use it (:func:`baocao.rendering.boxed.is_trusted`):
  a template brought by a user is compiled every time, in its boxed child, and can neither
  write nor read an entry.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from types import CodeType
from typing import Any

from baocao import cache as user_cache

__all__ = ["Entry", "fingerprint", "key_for", "load", "store"]

KIND = "templates"
#: changes whenever the layout of an entry changes
FORMAT = 2
_PART_KINDS = ("body", "header", "footer", "notes")

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
    "docxtpl.template",
)

#: one compiled part: (name, kind, patched source, Jinja's code, head, tail, names read)
Part = tuple[str, str, str, CodeType, bytes, bytes, frozenset[str]]


class Entry:
    """A compiled template as kept: its Jinja parts and the names of its static parts."""

    __slots__ = ("parts", "static")

    def __init__(self, parts: list[Part], static: list[str]) -> None:
        self.parts = parts
        self.static = static


@cache
def _code_digest() -> bytes | None:
    return user_cache.source_digest(*_COMPILERS)


def fingerprint(env: Any) -> bytes | None:
    """What shapes a compile besides the template: the code (Python, Jinja, docxtpl,
    baocao's compiling modules) and the environment (class, syntax, options, filter and
    test names). None when some of it cannot be read (then there is no cache)."""
    code = _code_digest()
    if code is None:
        return None
    import jinja2

    options = (
        FORMAT,
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

    if user_cache.folder(KIND) is None or not is_trusted(path):
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


def _valid(parts: Any, static: Any, blobs: dict[str, bytes]) -> bool:
    if not (isinstance(parts, list) and isinstance(static, list)):
        return False
    for part in parts:
        if not (isinstance(part, tuple) and len(part) == 7):
            return False
        name, kind, source, code, head, tail, names = part
        if not (
            isinstance(name, str)
            and name in blobs
            and kind in _PART_KINDS
            and isinstance(source, str)
            and isinstance(code, CodeType)
            and code.co_filename == "<template>"
            and isinstance(head, bytes)
            and isinstance(tail, bytes)
            and isinstance(names, frozenset)
            and all(isinstance(n, str) for n in names)
        ):
            return False
    return all(isinstance(name, str) and name in blobs for name in static)


def load(key: str, blobs: dict[str, bytes]) -> Entry | None:
    """The entry kept under ``key`` for a template whose members are ``blobs``, or None
    (no cache, none kept, or one not to trust)."""
    value = user_cache.read(KIND, key)
    if not (isinstance(value, tuple) and len(value) == 2):
        return None
    parts, static = value
    return Entry(parts, static) if _valid(parts, static, blobs) else None


def store(key: str, entry: Entry) -> None:
    """Keep ``entry`` under ``key``."""
    user_cache.write(KIND, key, (entry.parts, entry.static))
