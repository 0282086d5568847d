"""The ``baocao`` command. The only package that imports click or rich.

Sub-commands live in their own modules and are imported only when they run, so
``baocao --help`` answers without loading docx, docxtpl, jinja2, lxml, pydantic or rich.

Before click parses anything, the group reads ``--lang`` (wherever it stands), the project
file (``baocao.toml`` / ``[tool.baocao]``, whose values become click's ``default_map``) and
installs the Vietnamese words of click itself (:mod:`baocao.cli.click_vi`).
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from baocao._version import __version__
from baocao.cli import click_vi
from baocao.cli.options import ARGV, Command, Group, Option, common_options, scan_lang
from baocao.i18n import N_, _

# name -> ("module:attribute", help line); the help line is kept here so --help needs no import.
COMMANDS: dict[str, tuple[str, str]] = {
    "render": (
        "baocao.cli.render_cmd:render",
        N_("Viết văn bản .docx (và PDF) từ tệp sự kiện."),
    ),
    "validate": (
        "baocao.cli.validate_cmd:validate",
        N_("Kiểm tra tệp sự kiện, báo lỗi từng dòng."),
    ),
    "schema": ("baocao.cli.validate_cmd:schema", N_("In JSON Schema của tệp sự kiện.")),
    "templates": ("baocao.cli.templates_cmd:templates", N_("Liệt kê, xem, xuất mẫu văn bản.")),
    "check": ("baocao.cli.check_cmd:check", N_("Kiểm tra một mẫu .docx do cán bộ soạn.")),
    "preview": (
        "baocao.cli.check_cmd:preview",
        N_("Xem nhanh nội dung văn bản trên màn hình."),
    ),
    "config": (
        "baocao.cli.config_cmd:config",
        N_("In cấu hình đang dùng (baocao.toml) và nguồn của từng giá trị."),
    ),
    "completion": (
        "baocao.cli.config_cmd:completion",
        N_("In đoạn mã gợi ý lệnh (Tab) cho bash, zsh hoặc fish."),
    ),
    "init": (
        "baocao.cli.init_cmd:init",
        N_("Viết tệp sự kiện mẫu (và bảng tính danh sách) để điền."),
    ),
}

# Parameters of the commands that a project file sets (setting -> parameter name).
SETTING_PARAMS = {"templates_dir": "dirs", "out": "out", "jobs": "jobs", "strict": "strict"}


PROJECT_FILE = "baocao.project_file"  # ctx.meta: the project file read, or None


class ProjectFileError(click.ClickException):
    """A project file that cannot be used: its problems, exit 3."""

    exit_code = 3

    def __init__(self, problems: list[Any]) -> None:
        super().__init__("\n".join(str(p) for p in problems))

    def show(self, file: Any = None) -> None:
        click.echo(self.message, err=True)


def _default_map() -> tuple[dict[str, Any], str | None]:
    """click's ``default_map`` from the project file (every command gets every setting; a
    command without the parameter ignores it), and the file read."""
    from baocao.errors import DataError
    from baocao.settings import load_settings

    try:
        settings = load_settings()
    except DataError as error:
        raise ProjectFileError(error.problems) from None
    if "lang" in settings.values:
        import os

        from baocao import i18n

        if not os.environ.get("BAOCAO_LANG") and i18n._chosen is None:
            i18n.set_language(settings.values["lang"])
    params = {
        SETTING_PARAMS[key]: value
        for key, value in settings.values.items()
        if key in SETTING_PARAMS
    }
    where = str(settings.file) if settings.file else None
    return {name: dict(params) for name in COMMANDS} if params else {}, where


class LazyGroup(Group):
    """A group whose commands are imported on first use."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        click_vi.install()
        if parent is None:  # each run starts from the environment (several runs in one test)
            from baocao.i18n import set_language

            set_language(scan_lang(args))
        where = None
        if "default_map" not in extra:
            try:
                extra["default_map"], where = _default_map()
            except ProjectFileError as error:
                error.show()
                raise SystemExit(error.exit_code) from None
        ctx = super().make_context(info_name, args, parent, **extra)
        ctx.meta[PROJECT_FILE] = where
        ctx.meta[ARGV] = list(args)
        return ctx

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target[0].split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attr)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, _(help_)) for name, (_target, help_) in COMMANDS.items()]
        with formatter.section(click_vi.gettext_("Commands")):
            formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_("baocao: văn bản hành chính (NĐ 30/2020) và văn bản Đảng (HD 36) từ một tệp sự kiện."),
    epilog=N_(
        "Ví dụ:\n\n"
        "\b\n"
        "  baocao validate su-kien.yaml\n"
        "  baocao render su-kien.yaml -t thong-cao -o ra/\n"
        "  baocao --lang en render --help\n"
    ),
)
@click.version_option(
    __version__,
    "-V",
    "--version",
    prog_name="baocao",
    cls=Option,
    help=N_("In phiên bản rồi thoát."),
)
@common_options
def cli() -> None:
    pass


def main(argv: list[str] | None = None) -> Any:
    """Entry point of the console script ``baocao``."""
    from baocao.cli.streams import setup_streams

    setup_streams()
    return cli.main(args=argv, prog_name="baocao")


__all__ = ["COMMANDS", "Command", "cli", "main"]
