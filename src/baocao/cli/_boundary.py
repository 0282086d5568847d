"""The one place where library errors become text and an exit code.

Exit codes: 0 done; 1 an error (a file that exists, a folder that cannot be written,
LibreOffice missing, or a bug); 2 a usage mistake (click); 3 invalid input (an event file or
a template); 130 interrupted (Ctrl-C); 143, 129 ended by SIGTERM, SIGHUP (cleanly, as
Ctrl-C). No traceback reaches the user unless
``BAOCAO_DEBUG=1`` asks for it.
"""

from __future__ import annotations

import errno
import functools
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from baocao.errors import BaocaoError, Problem

F = TypeVar("F", bound=Callable[..., Any])

EXIT_INTERRUPTED = 130


def _escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def github_annotation(problem: Problem) -> str:
    """One GitHub Actions workflow command for ``problem``: ``::error file=…,line=…,col=…::``
    (``::warning`` for a warning), shown by GitHub at that line of the file.

    >>> github_annotation(Problem("sai ngày", path="a.yaml", line=3, column=5, field="x.y"))
    '::error file=a.yaml,line=3,col=5,title=x.y::sai ngày'
    """
    kind = "warning" if problem.is_warning else "error"
    props = []
    if problem.path:
        props.append(f"file={_escape(problem.path, prop=True)}")
    if problem.line:
        props.append(f"line={problem.line}")
    if problem.column:
        props.append(f"col={problem.column}")
    title = problem.field or problem.part
    if title:
        props.append(f"title={_escape(str(title), prop=True)}")
    head = f"::{kind} {','.join(props)}" if props else f"::{kind}"
    return f"{head}::{_escape(problem.message)}"


def problem_text(problem: Problem) -> str:
    """One problem as a line: ``tệp:dòng:cột: mục: lỗi``; a warning says so before its
    message (``… : cảnh báo: …``)."""
    if problem.is_warning:
        from dataclasses import replace

        from baocao.i18n import _

        return str(replace(problem, message=_("cảnh báo: {loi}").format(loi=problem.message)))
    return str(problem)


def print_problems(
    error: BaocaoError | Sequence[Problem], *, fmt: str = "text", empty_json: bool = False
) -> None:
    """Write every problem of ``error`` (or a list of problems, such as warnings): one per
    line on stderr, or (``fmt="json"``) one JSON list on stdout, where a CI job or an
    editor reads it (a warning has ``"severity": "warning"``), or (``fmt="github"``) one
    GitHub Actions annotation per problem on stdout. An empty list prints nothing, or ``[]``
    in JSON with ``empty_json``."""
    problems = error.problems if isinstance(error, BaocaoError) else list(error)
    if fmt == "json":
        if problems or empty_json:
            click.echo(json.dumps([p.as_dict() for p in problems], ensure_ascii=False))
    elif fmt == "github":
        for problem in problems:
            click.echo(github_annotation(problem))
    else:
        for problem in problems:
            click.echo(problem_text(problem), err=True)


def interrupted_message() -> str:
    from baocao.i18n import _

    return _("đã dừng (Ctrl-C); các tệp đã viết xong được giữ nguyên, không có tệp nào viết dở")


def errors_to_exit(func: F) -> F:
    """Decorate a command: a ``BaocaoError`` prints its problems and exits with its code;
    Ctrl-C exits with 130 and says that nothing was left half-written; any other exception
    is a bug, said in one line (exit 1), with its traceback only under ``BAOCAO_DEBUG=1``."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from baocao.rendering.signals import exit_code_of, handle_termination

        handle_termination()  # SIGTERM, SIGHUP: as Ctrl-C, exit 143, 129
        try:
            return func(*args, **kwargs)
        except BaocaoError as error:
            print_problems(error, fmt=kwargs.get("output_format") or "text")
            sys.exit(error.exit_code)
        except KeyboardInterrupt as exc:
            message = getattr(exc, "message", None)
            click.echo(message() if message else interrupted_message(), err=True)
            sys.exit(exit_code_of(exc))
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except OSError as exc:
            if exc.errno == errno.EPIPE:  # the reader of our output went away: click's rule
                raise
            _unexpected(exc)
        except Exception as exc:
            _unexpected(exc)

    return wrapper  # type: ignore[return-value]


def _unexpected(exc: Exception) -> None:
    from baocao.i18n import _

    if os.environ.get("BAOCAO_DEBUG"):
        raise exc
    message = _(
        "lỗi không lường trước: {loi}; chạy lại với BAOCAO_DEBUG=1 để xem chi tiết và báo lỗi "
        "kèm lệnh đã chạy"
    ).format(loi=f"{type(exc).__name__}: {exc}")
    click.echo(message, err=True)
    sys.exit(1)
