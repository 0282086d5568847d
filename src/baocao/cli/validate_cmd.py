"""``baocao validate`` and ``baocao schema``: thin faces over baocao.event.loading and
baocao.event.schema."""

from __future__ import annotations

import click

from baocao.cli._boundary import errors_to_exit
from baocao.cli.options import (
    Option,
    command,
    common_options,
    event_argument,
    format_option,
    say,
    sheet_option,
    templates_dir_option,
)
from baocao.i18n import N_


@command(
    N_(
        "Kiểm tra tệp sự kiện; in ✓ TỆP hoặc từng lỗi (tệp:dòng:cột: mục: lỗi), mã thoát 3. "
        "FILES là - để đọc từ đầu vào chuẩn (stdin).\n\n"
        "Cảnh báo (tệp:dòng:cột: mục: cảnh báo: …) không làm hỏng tệp (mã thoát 0), trừ khi "
        "có --strict. Với --format json: một danh sách JSON các lỗi và cảnh báo trên stdout "
        '("severity": "warning" cho cảnh báo; [] khi mọi tệp đều đúng, không cảnh báo); với '
        "--format github: chú thích ::error và ::warning cho GitHub Actions."
    ),
    examples=N_(
        "Ví dụ:\n\n"
        "\b\n"
        "  baocao validate su-kien.yaml\n"
        "  baocao validate examples/*.yaml --strict --format json\n"
        "  cat su-kien.yaml | baocao validate -\n"
    ),
)
@event_argument("files", many=True)
@format_option("json", "github")
@templates_dir_option(exists=True)
@click.option("--strict", cls=Option, is_flag=True, help=N_("Coi cảnh báo là lỗi (mã thoát 3)."))
@sheet_option()
@common_options
@errors_to_exit
def validate(
    files: tuple[str, ...],
    output_format: str,
    dirs: tuple[str, ...],
    strict: bool,
    sheet: str | None,
) -> None:
    from baocao.cli._boundary import print_problems
    from baocao.event.loading import STDIN, STDIN_NAME, check_files

    def ok(path: str) -> None:
        if output_format == "text":
            say(f"✓ {STDIN_NAME if path == STDIN else path}")

    # problems: raised, printed by errors_to_exit
    warnings = check_files(files, on_valid=ok, templates_dirs=dirs, strict=strict, sheet=sheet)
    print_problems(warnings, fmt=output_format, empty_json=True)


@command(
    N_("In JSON Schema của tệp sự kiện (mô tả, ví dụ bằng tiếng Việt)."),
    examples=N_("Ví dụ:\n\n\b\n  baocao schema > event.schema.json\n"),
)
@common_options
@errors_to_exit
def schema() -> None:
    from baocao.event.schema import event_schema_text

    click.echo(event_schema_text(), nl=False)
