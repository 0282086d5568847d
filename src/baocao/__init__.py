"""baocao: Vietnamese official documents in Word from one event file.

The public API is imported lazily, so ``import baocao`` (and ``baocao --help``) stays fast:
docx, docxtpl, jinja2, lxml and pydantic load only when a function that needs them is used.

>>> import baocao
>>> sorted(baocao.__all__)[:3]
['BaocaoError', 'DataError', 'ExportError']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from baocao._version import __version__
from baocao.errors import BaocaoError, DataError, ExportError, RenderError, TemplateError

if TYPE_CHECKING:  # pragma: no cover
    from baocao.batch import render_many
    from baocao.engine import make_env
    from baocao.lint import check_template
    from baocao.loading import load_event
    from baocao.rendering import render
    from baocao.template_context import context

_LAZY = {
    "load_event": "baocao.loading",
    "make_env": "baocao.engine",
    "context": "baocao.template_context",
    "render": "baocao.rendering",
    "render_many": "baocao.batch",
    "check_template": "baocao.lint",
}

__all__ = [
    "BaocaoError",
    "DataError",
    "ExportError",
    "RenderError",
    "TemplateError",
    "__version__",
    "check_template",
    "context",
    "load_event",
    "make_env",
    "render",
    "render_many",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'baocao' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
