"""The ``baocao`` command. The only package that imports click or rich.

Sub-commands live in their own modules and are imported only when they run, so
``baocao --help`` answers without loading docx, docxtpl, jinja2, lxml, pydantic or rich.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from baocao._version import __version__

# name -> "module:attribute"; the help line is kept here so --help needs no import.
COMMANDS: dict[str, tuple[str, str]] = {
    "render": ("baocao.cli.render_cmd:render", "Viết văn bản .docx (và PDF) từ tệp sự kiện."),
    "validate": ("baocao.cli.validate_cmd:validate", "Kiểm tra tệp sự kiện, báo lỗi từng dòng."),
    "schema": ("baocao.cli.validate_cmd:schema", "In JSON Schema của tệp sự kiện."),
    "templates": ("baocao.cli.templates_cmd:templates", "Liệt kê, xem, xuất mẫu văn bản."),
    "check": ("baocao.cli.check_cmd:check", "Kiểm tra một mẫu .docx do cán bộ soạn."),
    "preview": ("baocao.cli.check_cmd:preview", "Xem nhanh nội dung văn bản trên màn hình."),
    "init": ("baocao.cli.init_cmd:init", "Viết tệp sự kiện mẫu (và bảng tính danh sách) để điền."),
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

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
        rows = [(name, help_) for name, (_, help_) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="baocao")
@click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default=None,
    help="Ngôn ngữ thông báo lỗi (mặc định: tiếng Việt; LANG=en_* cho tiếng Anh).",
)
def cli(lang: str | None) -> None:
    """baocao: văn bản hành chính (NĐ 30/2020) và văn bản Đảng (HD 36) từ một tệp sự kiện."""
    if lang:
        from baocao import i18n

        i18n.set_language(lang)


def main(argv: list[str] | None = None) -> Any:
    """Entry point of the console script ``baocao``."""
    return cli.main(args=argv, prog_name="baocao")
