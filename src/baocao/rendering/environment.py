"""The one Jinja environment of every baocao template (:func:`make_env`): sandboxed with size
limits (:mod:`baocao.rendering.sandbox`), strict, autoescaping, with the Vietnamese filters of
:data:`baocao.rendering.filters.FILTERS`; numbers in words follow the event's ``cach_doc_so``.

>>> env = make_env()
>>> env.from_string("{{ a }}").render(a="A & B <C>")
'A &amp; B &lt;C&gt;'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from jinja2.sandbox import SandboxedEnvironment

__all__ = ["make_env"]

_ILLEGAL = re.compile("[\x00-\x06\x08\x0b\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _finalize(value: Any) -> Any:
    """Every ``{{ }}`` output: drop characters XML cannot hold, one kind of line break."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        if "\r" in value:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        if _ILLEGAL.search(value):
            value = _ILLEGAL.sub("", value)
    return value


def make_env() -> SandboxedEnvironment:
    """The Jinja environment of every baocao template: sandboxed, strict, autoescaping.

    ``StrictUndefined`` makes a missing value an error instead of an empty string;
    autoescape keeps ``&``, ``<``, ``>`` and quotes intact in the Word XML; the sandbox
    refuses access to Python internals from a template brought by a user.

    >>> make_env().from_string("{{ ''.__class__.__mro__ }}").render()
    Traceback (most recent call last):
    ...
    jinja2.exceptions.SecurityError: access to attribute '__class__' of 'str' object is unsafe.
    """
    from jinja2 import StrictUndefined

    from baocao.rendering.filters import FILTERS
    from baocao.rendering.sandbox import BoundedSandbox

    env = BoundedSandbox(
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=False,
    )
    env.filters.update(FILTERS)
    for name in _READ_NUMBERS:
        env.filters[name] = _reading(FILTERS[name])
    return env


#: filters that read numbers in words: their ``cach_doc`` defaults to the event's ``cach_doc_so``
_READ_NUMBERS = ("bang_chu", "so_thanh_chu")


def _reading(func: Any) -> Any:
    """``func`` as a filter whose ``cach_doc`` is the context's ``cach_doc_so`` unless the
    template gives one.

    >>> env = make_env()
    >>> t = env.from_string("{{ 105 | so_thanh_chu }}; {{ 1000 | so_thanh_chu(cach_doc='chuan') }}")
    >>> t.render(cach_doc_so="nam"), t.render()
    ('một trăm lẻ năm; một nghìn', 'một trăm linh năm; một nghìn')
    """
    import functools

    from jinja2 import pass_context

    @pass_context
    @functools.wraps(func)
    def with_reading(context: Any, value: Any, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cach_doc", context.get("cach_doc_so") or "chuan")
        return func(value, *args, **kwargs)

    return with_reading
