"""``baocao check`` (a Word template, before any clerk runs it) and ``baocao preview``."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from baocao.cli._boundary import errors_to_exit, github_annotation, print_problems
from baocao.cli.options import (
    Option,
    PathType,
    command,
    common_options,
    complete_event,
    event_argument,
    format_option,
    say,
    template_option,
    templates_dir_option,
)
from baocao.errors import BaocaoError, RenderError, TemplateError
from baocao.i18n import N_


@command(
    N_(
        "Kiểm tra mẫu .docx (một thư mục mẫu, hoặc tên mẫu): cú pháp, biến, bộ lọc, dấu nháy "
        "cong…, kèm vị trí trong Word. Mã thoát 0 khi không có lỗi, 3 khi có."
    ),
    examples=N_(
        "Ví dụ:\n\n"
        "\b\n"
        "  baocao check mau-cua-toi.docx\n"
        "  baocao check mau/ --event su-kien.yaml\n"
        "  baocao check thong-cao --format github\n"
    ),
)
@click.argument("templates", nargs=-1, required=True)
@click.option(
    "--event",
    cls=Option,
    type=PathType(dir_okay=False, allow_dash=True),
    shell_complete=complete_event,
    help=N_("Điền thử tệp sự kiện này (trong bộ nhớ)."),
)
@format_option("json", "github")
@templates_dir_option()
@common_options
@errors_to_exit
def check(
    templates: tuple[str, ...], event: str | None, output_format: str, dirs: tuple[str, ...]
) -> None:
    from baocao.i18n import _
    from baocao.lint.checker import check_targets

    results = check_targets(templates, event=event, dirs=dirs)
    all_problems = [p for problems in results.values() for p in problems]
    if output_format == "text":
        for path, problems in results.items():
            for p in problems:
                click.echo(f"✗ {p}")
            if not problems:
                say(f"✓ {path}")
    elif output_format == "github":
        for p in all_problems:
            click.echo(github_annotation(p))
    if output_format == "json":
        click.echo(json.dumps([p.as_dict() for p in all_problems], ensure_ascii=False, indent=2))
    elif all_problems:
        files = sum(1 for problems in results.values() if problems)
        click.echo(_("{so} lỗi trong {tep} tệp.").format(so=len(all_problems), tep=files), err=True)
    sys.exit(3 if all_problems else 0)


def _located(error: BaocaoError, event: Any, template: str, dirs: tuple[str, ...]) -> BaocaoError:
    """The error of a failed preview, with each problem placed by ``check_template`` (the
    tag, its paragraph or cell, in the author's words) when it finds them."""
    from baocao.lint.checker import check_template
    from baocao.registry import find_template

    try:
        spec = find_template(template, dirs=dirs)
    except BaocaoError:
        return error
    path = spec.files.get(event.the_thuc) or next(iter(spec.files.values()), None)
    problems = check_template(path, event=event) if path is not None else []
    return type(error)(problems) if problems else error


@command(
    N_(
        "Điền EVENT vào mẫu và in nội dung văn bản ra màn hình (không ghi tệp). EVENT là - "
        "để đọc từ đầu vào chuẩn (stdin)."
    ),
    examples=N_(
        "Ví dụ:\n\n"
        "\b\n"
        "  baocao preview su-kien.yaml -t thong-cao\n"
        "  cat su-kien.yaml | baocao preview - -t giay-moi\n"
    ),
)
@event_argument("event", many=False)
@template_option(multiple=False)
@templates_dir_option()
@common_options
@errors_to_exit
def preview(event: str, template: str, dirs: tuple[str, ...]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from baocao.docx.outline import outline
    from baocao.event.loading import load_event
    from baocao.rendering.document import render_bytes

    ev = load_event(event, templates_dirs=dirs)
    print_problems(ev.warnings)  # on stderr; the preview goes on
    try:
        data = render_bytes(ev, template=template, dirs=dirs)
    except (TemplateError, RenderError) as error:
        raise _located(error, ev, template, dirs) from None
    blocks = outline(data)
    console = Console(highlight=False, soft_wrap=False)
    for block in blocks:
        if block.kind == "table":
            width = max((len(r) for r in block.rows), default=0)
            table = Table(show_header=False, show_lines=True)
            for _i in range(width):
                table.add_column()
            for row in block.rows:
                table.add_row(*row, *[""] * (width - len(row)))
            console.print(table)
        elif block.kind == "heading":
            console.print(Text(block.text.expandtabs(4), style="bold"), justify="center")
        else:
            text = Text(block.text.expandtabs(4))
            console.print(text, justify="center" if block.centred else "left")
