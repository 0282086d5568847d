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
    from baocao.event.loading import load_event
    from baocao.lint.checker import check_template
    from baocao.rendering.batch import render_many
    from baocao.rendering.document import render
    from baocao.rendering.engine import make_env
    from baocao.template_context.build import context

_LAZY = {
    "load_event": "baocao.event.loading",
    "make_env": "baocao.rendering.engine",
    "context": "baocao.template_context.build",
    "render": "baocao.rendering.document",
    "render_many": "baocao.rendering.batch",
    "check_template": "baocao.lint.checker",
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
