"""``baocao validate`` and ``baocao schema``: thin faces over baocao.event.loading and
baocao.event.schema."""

from __future__ import annotations

import click

from baocao.cli._boundary import errors_to_exit
from baocao.cli.options import command, common_options, event_argument, format_option, say
from baocao.i18n import N_


@command(
    N_(
        "Kiểm tra tệp sự kiện; in ✓ TỆP hoặc từng lỗi (tệp:dòng:cột: mục: lỗi), mã thoát 3. "
        "FILES là - để đọc từ đầu vào chuẩn (stdin).\n\n"
        "Với --format json: một danh sách JSON các lỗi trên stdout ([] khi mọi tệp đều đúng); "
        "với --format github: chú thích ::error cho GitHub Actions."
    ),
    examples=N_(
        "Ví dụ:\n\n"
        "\b\n"
        "  baocao validate su-kien.yaml\n"
        "  baocao validate examples/*.yaml --format json\n"
        "  cat su-kien.yaml | baocao validate -\n"
    ),
)
@event_argument("files", many=True)
@format_option("json", "github")
@common_options
@errors_to_exit
def validate(files: tuple[str, ...], output_format: str) -> None:
    from baocao.event.loading import STDIN, STDIN_NAME, check_files

    def ok(path: str) -> None:
        if output_format == "text":
            say(f"✓ {STDIN_NAME if path == STDIN else path}")

    check_files(files, on_valid=ok)  # problems: raised, printed by errors_to_exit
    if output_format == "json":
        click.echo("[]")


@command(
    N_("In JSON Schema của tệp sự kiện (mô tả, ví dụ bằng tiếng Việt)."),
    examples=N_("Ví dụ:\n\n\b\n  baocao schema > event.schema.json\n"),
)
@common_options
@errors_to_exit
def schema() -> None:
    from baocao.event.schema import event_schema_text

    click.echo(event_schema_text(), nl=False)
