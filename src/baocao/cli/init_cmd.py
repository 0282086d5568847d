"""``baocao init``: a thin face over :func:`baocao.event.starter.write_starter`."""

from __future__ import annotations

import click

from baocao.cli._boundary import errors_to_exit


@click.command()
@click.argument("path", type=click.Path(dir_okay=False), default="su-kien.yaml")
@click.option(
    "--the-thuc",
    type=click.Choice(["nha_nuoc", "dang"]),
    default="nha_nuoc",
    show_default=True,
    help="Thể thức: nha_nuoc (NĐ 30/2020) hoặc dang (HD 36).",
)
@click.option(
    "--danh-sach",
    "with_lists",
    is_flag=True,
    help="Viết thêm bảng tính danh-sach.xlsx (trang Khách mời, Học viên) và dùng nó.",
)
@click.option("--force", is_flag=True, help="Ghi đè các tệp đã có.")
@errors_to_exit
def init(path: str, the_thuc: str, with_lists: bool, force: bool) -> None:
    """Viết tệp sự kiện mẫu (mặc định su-kien.yaml) có chú thích từng mục.

    Thay các giá trị "<điền: …>" rồi chạy `baocao validate` để kiểm tra.
    """
    from baocao.event.starter import write_starter

    for written in write_starter(path, the_thuc, with_lists, force=force):  # type: ignore[arg-type]
        click.echo(f"✓ {written}")
