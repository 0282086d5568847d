"""``baocao validate`` and ``baocao schema``: thin faces over baocao.event.loading and
baocao.event.schema."""

from __future__ import annotations

import click

from baocao.cli._boundary import errors_to_exit


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    help="Cách in lỗi: text (mặc định) hoặc json (cho CI, trình soạn thảo).",
)
@click.option(
    "--templates-dir",
    "dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False),
    help="Thư mục mẫu (lặp lại được): tên mẫu trong đó là mục hợp lệ của `van_ban`.",
)
@click.option("--strict", is_flag=True, help="Coi cảnh báo là lỗi (mã thoát 3).")
@errors_to_exit
def validate(
    files: tuple[str, ...], output_format: str, dirs: tuple[str, ...], strict: bool
) -> None:
    """Kiểm tra tệp sự kiện; in ✓ TỆP hoặc từng lỗi (tệp:dòng:cột: mục: lỗi), mã thoát 3.

    Cảnh báo (tệp:dòng:cột: mục: cảnh báo: …) không làm hỏng tệp (mã thoát 0), trừ khi có
    --strict. Với --format json: một danh sách JSON các lỗi và cảnh báo trên stdout
    ("severity": "warning" cho cảnh báo; [] khi mọi tệp đều đúng, không cảnh báo).
    """
    from baocao.cli._boundary import print_problems
    from baocao.event.loading import check_files

    def ok(path: str) -> None:
        if output_format == "text":
            click.echo(f"✓ {path}")

    # problems: raised, printed by errors_to_exit
    warnings = check_files(files, on_valid=ok, templates_dirs=dirs, strict=strict)
    print_problems(warnings, fmt=output_format, empty_json=True)


@click.command()
@errors_to_exit
def schema() -> None:
    """In JSON Schema của tệp sự kiện (mô tả, ví dụ bằng tiếng Việt)."""
    from baocao.event.schema import event_schema_text

    click.echo(event_schema_text(), nl=False)
