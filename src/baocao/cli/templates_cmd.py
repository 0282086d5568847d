"""``baocao templates``: list the templates, show one, export one for editing in Word."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from baocao.cli._boundary import errors_to_exit
from baocao.cli.options import (
    Group,
    Option,
    PathType,
    common_options,
    complete_template,
    say,
    templates_dir_option,
)
from baocao.i18n import N_

_DIRS = templates_dir_option()


def _where(spec: Any) -> str:
    from baocao.i18n import _
    from baocao.registry import builtin_dir

    try:
        builtin = Path(spec.source).resolve() == builtin_dir().resolve()
    except OSError:
        builtin = False
    return _("có sẵn") if builtin else spec.source


@click.group(
    cls=Group,
    invoke_without_command=True,
    subcommand_metavar="[COMMAND] [ARGS]...",  # the same usage line on every click
    help=N_("Liệt kê các mẫu (tên, tiêu đề, thể thức, nơi tìm thấy); xem hoặc xuất một mẫu."),
    epilog=N_(
        "Ví dụ:\n\n"
        "\b\n"
        "  baocao templates\n"
        "  baocao templates show thong-cao\n"
        "  baocao templates export thong-cao mau/\n"
    ),
)
@_DIRS
@common_options
@click.pass_context
@errors_to_exit
def templates(ctx: click.Context, dirs: tuple[str, ...]) -> None:
    ctx.obj = {"dirs": dirs}
    if ctx.invoked_subcommand is not None:
        return
    from baocao.registry import list_templates

    for spec in list_templates(dirs=dirs):
        formats = ", ".join(sorted(set(spec.files)))
        click.echo(f"{spec.name}\t{spec.tieu_de or '-'}\t{formats}\t{_where(spec)}")


def _dirs(ctx: click.Context, own: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(own) + tuple((ctx.obj or {}).get("dirs", ()))


@templates.command(
    help=N_("In tiêu đề, thể thức, các biến và bộ lọc mẫu NAME dùng, và nơi tìm thấy nó."),
    epilog=N_("Ví dụ:\n\n\b\n  baocao templates show giay-moi\n"),
)
@click.argument("name", shell_complete=complete_template)
@_DIRS
@common_options
@click.pass_context
@errors_to_exit
def show(ctx: click.Context, name: str, dirs: tuple[str, ...]) -> None:
    from baocao.i18n import _
    from baocao.lint.names import template_usage
    from baocao.registry import find_template

    spec = find_template(name, dirs=_dirs(ctx, dirs))
    click.echo(_("Mẫu: {ten}").format(ten=spec.name))
    click.echo(_("Tiêu đề: {tieu_de}").format(tieu_de=spec.tieu_de or "-"))
    if spec.mo_ta:
        click.echo(_("Mô tả: {mo_ta}").format(mo_ta=spec.mo_ta))
    if spec.moi_muc:
        click.echo(_("Mỗi người một văn bản, theo danh sách: {ds}").format(ds=spec.moi_muc))
    where = _where(spec)
    if where == spec.source:
        click.echo(_("Nơi tìm thấy: {noi}").format(noi=spec.source))
    else:
        click.echo(_("Nơi tìm thấy: {noi} ({nguon})").format(noi=spec.source, nguon=where))
    click.echo(_("Thể thức:"))
    for fmt in sorted(spec.files):
        click.echo(f"  {fmt}: {spec.files[fmt]}")
    names: set[str] = set()
    filters: set[str] = set()
    for path in set(spec.files.values()):
        used_names, used_filters = template_usage(path)
        names.update(used_names)
        filters.update(used_filters)
    click.echo(_("Biến dùng ([] là từng phần tử của một danh sách):"))
    for name_used in sorted(names):
        click.echo(f"  {name_used}")
    click.echo(_("Bộ lọc dùng:"))
    for filter_used in sorted(filters) or ["-"]:
        click.echo(f"  {filter_used}")


@templates.command(
    help=N_(
        "Chép mẫu NAME (các tệp .docx và tệp .yaml đi kèm) vào thư mục OUT_DIR để sửa trong Word."
    ),
    epilog=N_(
        "Ví dụ:\n\n"
        "\b\n"
        "  baocao templates export thong-cao mau/\n"
        "  baocao check mau/thong-cao.nha_nuoc.docx\n"
    ),
)
@click.argument("name", shell_complete=complete_template)
@click.argument("out_dir", required=False, type=PathType(file_okay=False), default=".")
@click.option("--force", cls=Option, is_flag=True, help=N_("Ghi đè tệp đã có."))
@_DIRS
@common_options
@click.pass_context
@errors_to_exit
def export(ctx: click.Context, name: str, out_dir: str, force: bool, dirs: tuple[str, ...]) -> None:
    from baocao.registry import export_template

    for path in export_template(name, Path(out_dir), force=force, dirs=_dirs(ctx, dirs)):
        say(f"✓ {path}")
