"""``baocao init``: a thin face over :func:`baocao.event.starter.write_starter`."""

from __future__ import annotations

import click

from baocao.cli._boundary import errors_to_exit
from baocao.cli.options import Option, PathType, command, common_options, say
from baocao.i18n import N_


@command(
    N_(
        "Viết tệp sự kiện mẫu (mặc định su-kien.yaml) có chú thích từng mục.\n\n"
        'Thay các giá trị "<điền: …>" rồi chạy `baocao validate` để kiểm tra.'
    ),
    examples=N_(
        "Ví dụ:\n\n"
        "\b\n"
        "  baocao init\n"
        "  baocao init hoi-nghi.yaml --the-thuc dang\n"
        "  baocao init lop-hoc.yaml --danh-sach\n"
    ),
)
@click.argument("path", type=PathType(dir_okay=False), default="su-kien.yaml")
@click.option(
    "--the-thuc",
    cls=Option,
    type=click.Choice(["nha_nuoc", "dang"]),
    default="nha_nuoc",
    show_default=True,
    help=N_("Thể thức: nha_nuoc (NĐ 30/2020) hoặc dang (HD 36)."),
)
@click.option(
    "--danh-sach",
    "with_lists",
    cls=Option,
    is_flag=True,
    help=N_("Viết thêm bảng tính danh-sach.xlsx (trang Khách mời, Học viên) và dùng nó."),
)
@click.option("--force", cls=Option, is_flag=True, help=N_("Ghi đè các tệp đã có."))
@common_options
@errors_to_exit
def init(path: str, the_thuc: str, with_lists: bool, force: bool) -> None:
    from baocao.event.starter import write_starter

    for written in write_starter(path, the_thuc, with_lists, force=force):  # type: ignore[arg-type]
        say(f"✓ {written}")
