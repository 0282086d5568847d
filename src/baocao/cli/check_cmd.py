"""``baocao check`` (a Word template, before any clerk runs it) and ``baocao preview``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from baocao.cli._boundary import errors_to_exit, print_problems
from baocao.errors import BaocaoError, RenderError, TemplateError

_FORMAT = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    help="Cách in lỗi: text (mặc định) hoặc json (cho CI).",
)
_DIRS = click.option(
    "--templates-dir", "dirs", multiple=True, type=click.Path(file_okay=False), help="Thư mục mẫu."
)


@click.command()
@click.argument("templates", nargs=-1, required=True)
@click.option(
    "--event", type=click.Path(dir_okay=False), help="Điền thử tệp sự kiện này (trong bộ nhớ)."
)
@_FORMAT
@_DIRS
@errors_to_exit
def check(
    templates: tuple[str, ...], event: str | None, output_format: str, dirs: tuple[str, ...]
) -> None:
    """Kiểm tra mẫu .docx (một thư mục mẫu, hoặc tên mẫu): cú pháp, biến, bộ lọc, dấu nháy
    cong…, kèm vị trí trong Word. Mã thoát 0 khi không có lỗi, 3 khi có."""
    from baocao.i18n import _
    from baocao.lint.checker import check_targets

    results = check_targets(templates, event=event, dirs=dirs)
    all_problems = [p for problems in results.values() for p in problems]
    if output_format == "text":
        for path, problems in results.items():
            for p in problems:
                click.echo(f"✗ {p}")
            if not problems:
                click.echo(f"✓ {path}")
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


@click.command()
@click.argument("event", type=click.Path(dir_okay=False))
@click.option("-t", "--template", required=True, help="Tên mẫu.")
@_DIRS
@errors_to_exit
def preview(event: str, template: str, dirs: tuple[str, ...]) -> None:
    """Điền EVENT vào mẫu và in nội dung văn bản ra màn hình (không ghi tệp)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from baocao.docx.outline import outline
    from baocao.event.loading import load_event
    from baocao.rendering.document import render_bytes

    ev = load_event(Path(event), templates_dirs=dirs)
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
