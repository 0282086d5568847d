"""Jinja's sandbox with size caps: a template cannot make a gigabyte string in one tag.

Jinja's :class:`~jinja2.sandbox.SandboxedEnvironment` keeps a template away from Python's
internals, but not from the machine's memory: ``{{ 'a' * 10**9 }}`` is folded at *compile*
time, ``{{ 'a'|center(10**9) }}`` is a gigabyte per tag. :class:`BoundedSandbox` intercepts
the operators ``*``, ``**``, ``+`` and ``%`` (which also stops Jinja from folding them at
compile time), the padding and formatting filters (``center``, ``format``, ``indent``,
``wordwrap``, ``truncate``, ``replace``) and the string methods that pad (``ljust``,
``zfill``, ``format``…), and refuses — :class:`~jinja2.exceptions.SecurityError`, reported
as a located template error — any result above :data:`MAX_VALUE` characters (or items), and
any integer above :data:`MAX_INT_BITS` bits. :func:`render_capped` stops a part whose output
passes :data:`MAX_OUTPUT` characters (nested loops), and ``range`` shares one budget of
:data:`MAX_LOOP` numbers per render.

These caps are a first line only: a template can still loop long or build a big value in
smaller steps. A template from outside the built-in folder is therefore also compiled,
checked and rendered in a child process with operating-system limits
(:mod:`baocao.rendering.boxed`).

>>> env = BoundedSandbox()
>>> env.from_string("{{ 'ab' * 3 }}").render()
'ababab'
>>> env.from_string("{{ 'a' * 10**9 }}").render()
Traceback (most recent call last):
...
jinja2.exceptions.SecurityError: kết quả quá lớn (1000000000 > 1000000)
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import filters as jinja_filters
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment, safe_range

__all__ = ["MAX_INT_BITS", "MAX_LOOP", "MAX_OUTPUT", "MAX_VALUE", "BoundedSandbox", "render_capped"]

MAX_VALUE = 1_000_000  # characters (or items) in one value a tag makes
MAX_OUTPUT = 64_000_000  # characters one part of a document renders to
MAX_INT_BITS = 4096  # about 1,200 decimal digits
MAX_LOOP = 1_000_000  # numbers every range() of one render may give, together
_DIGITS = re.compile(r"\d+")
_SIZED = (str, bytes, list, tuple)
_PADDING_METHODS = {"ljust", "rjust", "center", "zfill", "expandtabs"}

_budget = threading.local()


def _too_big(size: int) -> SecurityError:
    from baocao.i18n import _

    return SecurityError(_("kết quả quá lớn ({so} > {toi_da})").format(so=size, toi_da=MAX_VALUE))


def _check_size(value: Any) -> Any:
    if isinstance(value, _SIZED) and len(value) > MAX_VALUE:
        raise _too_big(len(value))
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise _too_big(value.bit_length())
    return value


def _check_width(*numbers: Any) -> None:
    for n in numbers:
        if isinstance(n, int) and not isinstance(n, bool) and n > MAX_VALUE:
            raise _too_big(n)


def _check_format_text(text: Any) -> None:
    """A width or precision in a format string (``%0999999999d``, ``{:>999999999}``)."""
    if isinstance(text, str):
        for m in _DIGITS.finditer(text):
            if len(m.group()) > 7 or int(m.group()) > MAX_VALUE:
                raise _too_big(int(m.group()[:18]))


def _expected(op: str, left: Any, right: Any) -> int:
    """An upper bound of the size of ``left op right`` before it is computed."""
    if op == "*":
        if isinstance(left, int) and isinstance(right, _SIZED):
            left, right = right, left
        if isinstance(left, _SIZED) and isinstance(right, int):
            return len(left) * max(right, 0)
    if op == "+" and isinstance(left, _SIZED) and isinstance(right, _SIZED):
        return len(left) + len(right)
    return 0


def _check_power(left: Any, right: Any) -> None:
    ints = isinstance(left, int) and isinstance(right, int)
    if ints and right > 0 and abs(left) > 1 and left.bit_length() * right > MAX_INT_BITS:
        raise _too_big(left.bit_length() * right)


def _check_multiply(left: Any, right: Any) -> None:
    ints = isinstance(left, int) and isinstance(right, int)
    if ints and left.bit_length() + right.bit_length() > MAX_INT_BITS:
        raise _too_big(left.bit_length() + right.bit_length())


def _filter(func: Callable[..., Any], check: Callable[..., None]) -> Callable[..., Any]:
    def bounded(*args: Any, **kwargs: Any) -> Any:
        check(*args, **kwargs)
        return _check_size(func(*args, **kwargs))

    bounded.__name__ = func.__name__
    bounded.__doc__ = func.__doc__
    for attr in ("jinja_pass_arg",):  # keep pass_environment / pass_eval_context
        if hasattr(func, attr):
            setattr(bounded, attr, getattr(func, attr))
    return bounded


def _pad_check(value: Any, width: Any = 80, *args: Any, **kwargs: Any) -> None:
    _check_width(width)


def _format_check(value: Any, *args: Any, **kwargs: Any) -> None:
    _check_format_text(value)
    _check_width(*args, *kwargs.values())


def _indent_check(value: Any, width: Any = 4, *args: Any, **kwargs: Any) -> None:
    text = str(value)
    lines = text.count("\n") + 1
    pad = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
    if len(text) + lines * pad > MAX_VALUE:
        raise _too_big(len(text) + lines * pad)


def _wordwrap_check(env: Any, value: Any, width: Any = 79, *args: Any, **kwargs: Any) -> None:
    wrap = kwargs.get("wrapstring") or (args[1] if len(args) > 1 else None) or "\n"
    text = str(value)
    if len(text) * (1 + len(str(wrap))) > MAX_VALUE and len(str(wrap)) > 1:
        raise _too_big(len(text) * (1 + len(str(wrap))))


def _truncate_check(env: Any, value: Any, length: Any = 255, *args: Any, **kwargs: Any) -> None:
    _check_width(length)


def _replace_check(ctx: Any, value: Any, old: Any, new: Any, *args: Any, **kwargs: Any) -> None:
    text, old_s, new_s = str(value), str(old), str(new)
    count = text.count(old_s) if old_s else len(text) + 1
    if len(text) + count * len(new_s) > MAX_VALUE:
        raise _too_big(len(text) + count * len(new_s))


_BOUNDED_FILTERS: dict[str, tuple[Callable[..., Any], Callable[..., None]]] = {
    "center": (jinja_filters.do_center, _pad_check),
    "format": (jinja_filters.do_format, _format_check),
    "indent": (jinja_filters.do_indent, _indent_check),
    "wordwrap": (jinja_filters.do_wordwrap, _wordwrap_check),
    "truncate": (jinja_filters.do_truncate, _truncate_check),
    "replace": (jinja_filters.do_replace, _replace_check),
}


class _Range:
    """``range`` with one budget of numbers per render (and Jinja's own cap per range)."""

    def __call__(self, *args: int) -> Iterator[int] | range:
        numbers = safe_range(*args)  # Jinja's own cap: MAX_RANGE numbers per range
        if getattr(_budget, "loop", None) is None:  # outside render_capped
            return numbers
        return self._counted(numbers)

    @staticmethod
    def _counted(numbers: range) -> Iterator[int]:
        for n in numbers:
            left = getattr(_budget, "loop", None)
            if left is None:
                left = MAX_LOOP
            if left <= 0:
                from baocao.i18n import _

                raise SecurityError(_("vòng lặp quá dài (quá {so} lần)").format(so=MAX_LOOP))
            _budget.loop = left - 1
            yield n


class BoundedSandbox(SandboxedEnvironment):
    """The sandbox with the caps of this module (see the module's text)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, (func, check) in _BOUNDED_FILTERS.items():
            self.filters[name] = _filter(func, check)
        self.globals["range"] = _Range()
        self.globals.pop("lipsum", None)  # lipsum(10**9) would run for ever

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        size = _expected(op, left, right)
        if size > MAX_VALUE:
            raise _too_big(size)
        if op == "**":
            _check_power(left, right)
        elif op == "*":
            _check_multiply(left, right)
        elif op == "%":
            _check_format_text(left)
            _check_width(*(right if isinstance(right, tuple) else (right,)))
        return _check_size(super().call_binop(context, op, left, right))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``'{:>9}'.format(x)`` and ``format_map``: widths checked before formatting."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        text = value.__self__

        def bounded(*args: Any, **kwargs: Any) -> str:
            _check_format_text(text)
            mapping = args[0] if len(args) == 1 and isinstance(args[0], dict) else {}
            _check_width(*args, *kwargs.values(), *mapping.values())
            result: str = _check_size(wrapped(*args, **kwargs))
            return result

        return bounded

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        name = getattr(__obj, "__name__", "")
        if isinstance(getattr(__obj, "__self__", None), str):
            if name in _PADDING_METHODS:
                _check_width(*args, *kwargs.values())
            elif name == "replace" and len(args) >= 2:
                _replace_check(None, __obj.__self__, args[0], args[1])
        return _check_size(SandboxedEnvironment.call(__self, __context, __obj, *args, **kwargs))


def render_capped(template: Any, ctx: Any) -> str:
    """``template.render(ctx)``, stopped once the output passes :data:`MAX_OUTPUT`
    characters, with a fresh ``range`` budget."""
    _budget.loop = MAX_LOOP
    out: list[str] = []
    size = 0
    try:
        for chunk in template.generate(ctx):
            size += len(chunk)
            if size > MAX_OUTPUT:
                from baocao.i18n import _

                raise SecurityError(
                    _("mẫu sinh ra quá nhiều chữ (hơn {so} ký tự)").format(so=MAX_OUTPUT)
                )
            out.append(chunk)
    finally:
        _budget.loop = None
    return "".join(out)
