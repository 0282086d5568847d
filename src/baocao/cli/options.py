"""What every command shares: translated help, examples, the common options (``--lang``,
``--quiet``, ``--verbose``), ``--format``, ``--templates-dir``, ``-t`` with the template names
and the completion of template names and event files.

Help texts are written in Vietnamese, marked with ``N_`` and translated when the help is
shown (:class:`Command`, :class:`Option`), by which time ``--lang`` (read before click parses
anything, wherever it stands) has chosen the language.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click
from click.shell_completion import CompletionItem

from baocao.i18n import N_, _

F = TypeVar("F", bound=Callable[..., Any])

EVENT_SUFFIXES = (".yaml", ".yml", ".json")
VERBOSITY = "baocao.verbosity"
ARGV = "baocao.argv"  # ctx.meta: the command line as given (for --help, read before parsing)


# --- translated help -----------------------------------------------------------------------


class Command(click.Command):
    """A command whose help, short help and examples (``epilog``) are translated when shown."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        own = self.help
        self.help = _(own) if own else own
        try:
            super().format_help_text(ctx, formatter)
        finally:
            self.help = own

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        own = self.epilog
        self.epilog = _(own) if own else own
        try:
            super().format_epilog(ctx, formatter)
        finally:
            self.epilog = own

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        from baocao.cli.click_vi import gettext_

        option = super().get_help_option(ctx)
        if option is not None:  # click keeps the option: its help is set again each time
            option.help = gettext_("Show this message and exit.")
        return option

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        from baocao.cli.click_vi import gettext_

        return [gettext_(piece) for piece in super().collect_usage_pieces(ctx)]

    def get_short_help_str(self, limit: int = 45) -> str:
        own, short = self.help, self.short_help
        self.help = _(own) if own else own
        self.short_help = _(short) if short else short
        try:
            return super().get_short_help_str(limit)
        finally:
            self.help, self.short_help = own, short


class Group(Command, click.Group):
    """A group of :class:`Command` (``baocao templates``)."""

    command_class = Command


Group.group_class = Group


class Option(click.Option):
    """An option whose help (and metavar, when given) is translated when shown."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        own, metavar = self.help, self.metavar
        self.help = _(own) if own else own
        self.metavar = _(metavar) if metavar else metavar
        try:
            return super().get_help_record(ctx)
        finally:
            self.help, self.metavar = own, metavar


_PATH_KINDS = {"file": "FILE", "directory": "DIRECTORY", "path": "PATH"}
_PATH_METAVARS_VI = {"FILE": "TỆP", "DIRECTORY": "THƯ_MỤC", "PATH": "ĐƯỜNG_DẪN"}


class PathType(click.Path):
    """``click.Path`` whose kind (``file``, ``directory``, ``path``) and metavar follow the
    language at the time they are shown, not at import."""

    @property
    def name(self) -> str:
        from baocao.cli.click_vi import gettext_

        return gettext_(self._kind)

    @name.setter
    def name(self, value: str) -> None:
        from baocao.cli.click_vi import CLICK_VI

        english = {vi: en for en, vi in CLICK_VI.items()}
        self._kind = english.get(value, value)

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str | None:
        from baocao.i18n import get_language

        if param.param_type_name != "option":  # an argument shows its own name
            return None
        metavar = _PATH_KINDS.get(self._kind, "PATH")
        return _PATH_METAVARS_VI[metavar] if get_language() == "vi" else metavar


def command(help_: str, *, examples: str | None = None, **kw: Any) -> Callable[[F], Any]:
    """``click.command`` with translated ``help_`` and ``examples`` (already ``N_``-marked;
    each example block starts with ``\\b`` so click keeps its lines)."""
    return click.command(cls=Command, help=help_, epilog=examples, **kw)


# --- --lang, --quiet, --verbose ------------------------------------------------------------


def scan_lang(args: Sequence[str]) -> str | None:
    """The value of the last ``--lang`` in ``args`` (before ``--``), wherever it stands.

    >>> scan_lang(["validate", "x.yaml", "--lang", "en"]), scan_lang(["--lang=vi", "render"])
    ('en', 'vi')
    """
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return found if found in ("vi", "en") else None


def scan_templates_dirs(args: Sequence[str]) -> tuple[str, ...]:
    """The ``--templates-dir`` values in ``args`` (``--help`` is answered before they are
    parsed).

    >>> scan_templates_dirs(["render", "--templates-dir", "mau", "--templates-dir=b", "-h"])
    ('mau', 'b')
    """
    found: list[str] = []
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--templates-dir" and i + 1 < len(args):
            found.append(args[i + 1])
        elif arg.startswith("--templates-dir="):
            found.append(arg.partition("=")[2])
    return tuple(found)


def _set_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value:
        from baocao.i18n import set_language

        set_language(value)


def _set_verbosity(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        ctx.meta[VERBOSITY] = -1 if param.name == "quiet" else 1


def verbosity() -> int:
    """-1 with ``--quiet``, 1 with ``--verbose``, else 0."""
    ctx = click.get_current_context(silent=True)
    return int(ctx.meta.get(VERBOSITY, 0)) if ctx is not None else 0


def say(text: str, *, err: bool = False) -> None:
    """Print a line that ``--quiet`` silences (a file written, ``✓ FILE``)."""
    if verbosity() >= 0:
        click.echo(text, err=err)


def detail(text: str) -> None:
    """Print a line (on stderr) only with ``--verbose``."""
    if verbosity() > 0:
        click.echo(text, err=True)


def common_options(func: F) -> F:
    """``--lang``, ``-q/--quiet`` and ``-v/--verbose``, accepted by every command."""
    func = click.option(
        "-v",
        "--verbose",
        cls=Option,
        is_flag=True,
        expose_value=False,
        callback=_set_verbosity,
        help=N_("In thêm chi tiết (cấu hình dùng, thống kê) lên stderr."),
    )(func)
    func = click.option(
        "-q",
        "--quiet",
        cls=Option,
        is_flag=True,
        expose_value=False,
        callback=_set_verbosity,
        help=N_("Chỉ in lỗi (không in ✓ từng tệp, bảng tổng kết)."),
    )(func)
    func = click.option(
        "--lang",
        cls=Option,
        type=click.Choice(["vi", "en"]),
        expose_value=False,
        is_eager=True,
        callback=_set_lang,
        help=N_("Ngôn ngữ: vi (mặc định) hoặc en; hoặc biến BAOCAO_LANG."),
    )(func)
    return func


# --- shared options ------------------------------------------------------------------------


def format_option(*choices: str) -> Callable[[F], F]:
    """``--format``: text (default) and ``choices`` (json, github)."""
    return click.option(
        "--format",
        "output_format",
        cls=Option,
        type=click.Choice(["text", *choices]),
        default="text",
        help=N_(
            "Cách in lỗi: text (mặc định), json (cho CI, trình soạn thảo) hoặc github "
            "(chú thích ::error trong GitHub Actions)."
        ),
    )


def templates_dir_option(*, exists: bool = False) -> Callable[[F], F]:
    """``--templates-dir`` (repeatable), as the parameter ``dirs``."""
    return click.option(
        "--templates-dir",
        "dirs",
        cls=Option,
        multiple=True,
        type=PathType(exists=exists, file_okay=False),
        help=N_("Thư mục mẫu (lặp lại được), tìm trước $BAOCAO_TEMPLATES và mẫu có sẵn."),
    )


def sheet_option() -> Callable[[F], F]:
    """``--sheet``: the sheet of a workbook that holds the lists of people."""
    return click.option(
        "--sheet",
        cls=Option,
        metavar=N_("TÊN"),
        help=N_("Trang tính chứa danh sách (khach_moi/hoc_vien cho bằng đường dẫn bảng tính)."),
    )


def _template_names(dirs: Sequence[str]) -> list[str]:
    try:
        from baocao.registry import list_templates

        return [spec.name for spec in list_templates(dirs=dirs)]
    except Exception:  # a broken folder: no names, never a crash while typing or in --help
        return []


def complete_template(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Template names (those of ``--templates-dir`` when it was typed before) and ``all``."""
    dirs = tuple(ctx.params.get("dirs") or ())
    names = _template_names(dirs)
    if param.multiple:
        names.append("all")
    return [CompletionItem(n) for n in names if n.startswith(incomplete)]


def complete_event(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Event files (``*.yaml``, ``*.yml``, ``*.json``) and folders starting with
    ``incomplete``."""
    head, _sep, stem = incomplete.rpartition("/")
    folder = Path(head or "/") if _sep else Path()
    prefix = f"{head}/" if _sep else ""
    items: list[CompletionItem] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return items
    for entry in entries:
        if not entry.name.startswith(stem) or (entry.name.startswith(".") and not stem):
            continue
        if entry.is_dir():
            items.append(CompletionItem(f"{prefix}{entry.name}/", type="plain"))
        elif entry.name.lower().endswith(EVENT_SUFFIXES):
            items.append(CompletionItem(f"{prefix}{entry.name}", type="plain"))
    return items


class TemplateOption(Option):
    """``-t``: its help lists the template names found (built-in, ``$BAOCAO_TEMPLATES`` and
    the project file's ``templates_dir``)."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        own = self.help
        dirs = (
            tuple(ctx.params.get("dirs") or ())
            or scan_templates_dirs(ctx.meta.get(ARGV) or ())
            or tuple((ctx.default_map or {}).get("dirs") or ())
        )
        names = _template_names(dirs)
        if names and own:
            listed = _("Mẫu có: {ten}.").format(ten=", ".join(names))
            self.help = f"{_(own)} {listed}"
        try:
            return click.Option.get_help_record(self, ctx)
        finally:
            self.help = own


def template_option(*, multiple: bool) -> Callable[[F], F]:
    """``-t/--template``: one name, or (``multiple``) several and ``all``."""
    if multiple:
        return click.option(
            "-t",
            "--template",
            "templates",
            cls=TemplateOption,
            multiple=True,
            required=True,
            shell_complete=complete_template,
            help=N_("Tên mẫu (lặp lại được); 'all' = mọi mẫu."),
        )
    return click.option(
        "-t",
        "--template",
        cls=TemplateOption,
        required=True,
        shell_complete=complete_template,
        help=N_("Tên mẫu."),
    )


def event_argument(name: str, *, many: bool) -> Callable[[F], F]:
    """The event file(s) argument; ``-`` reads the event from stdin."""
    return click.argument(
        name,
        nargs=-1 if many else 1,
        required=True,
        type=PathType(dir_okay=False, allow_dash=True),
        shell_complete=complete_event,
    )
