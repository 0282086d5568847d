"""The one place where library errors become text on stderr and an exit code."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from baocao.errors import BaocaoError

F = TypeVar("F", bound=Callable[..., Any])


def print_problems(error: BaocaoError, *, fmt: str = "text") -> None:
    """Write every problem of ``error`` to stderr, one per line (or as JSON)."""
    if fmt == "json":
        click.echo(json.dumps([p.as_dict() for p in error.problems], ensure_ascii=False), err=True)
    else:
        for problem in error.problems:
            click.echo(str(problem), err=True)


def errors_to_exit(func: F) -> F:
    """Decorate a command: a ``BaocaoError`` prints its problems and exits with its code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BaocaoError as error:
            fmt = kwargs.get("output_format") or "text"
            print_problems(error, fmt=fmt)
            sys.exit(error.exit_code)

    return wrapper  # type: ignore[return-value]
