"""``baocao config`` (the settings in effect and where each came from) and ``baocao
completion`` (the shell's Tab completion script)."""

from __future__ import annotations

import os

import click

from baocao.cli._boundary import errors_to_exit
from baocao.cli.options import command, common_options
from baocao.i18n import N_

SHELLS = ("bash", "zsh", "fish")
COMPLETE_VAR = "_BAOCAO_COMPLETE"


def _effective() -> list[tuple[str, str, str]]:
    """(key, value, source) of every setting: project file, environment or default."""
    from baocao.i18n import _, get_language
    from baocao.settings import KEYS, load_settings

    settings = load_settings()
    default = _("mặc định")
    rows = []
    for key in KEYS:
        if key in settings.values:
            value = settings.values[key]
            shown = ", ".join(value) if isinstance(value, list) else str(value).lower()
            rows.append((key, shown, settings.sources[key]))
        elif key == "lang":
            source = "BAOCAO_LANG" if os.environ.get("BAOCAO_LANG") else default
            rows.append((key, get_language(), source))
        elif key == "templates_dir" and os.environ.get("BAOCAO_TEMPLATES"):
            rows.append((key, os.environ["BAOCAO_TEMPLATES"], "BAOCAO_TEMPLATES"))
        elif key == "jobs":
            rows.append((key, str(os.cpu_count() or 1), default))
        elif key == "strict":
            rows.append((key, "false", default))
        else:
            rows.append((key, "-", default))
    return rows


@command(
    N_(
        "In cấu hình đang dùng và nguồn của từng giá trị: baocao.toml (hoặc [tool.baocao] trong "
        "pyproject.toml) ở thư mục hiện tại hay thư mục cha, biến môi trường, hoặc mặc định. "
        "Tuỳ chọn trên dòng lệnh luôn thắng."
    ),
    examples=N_(
        "Ví dụ:\n\n\b\n  baocao config\n  echo 'out = \"ra/\"' >> baocao.toml && baocao config\n"
    ),
)
@common_options
@errors_to_exit
def config() -> None:
    from baocao.i18n import _
    from baocao.settings import find_project_file

    found = find_project_file()
    where = str(found[0]) if found else _("không có (baocao.toml, pyproject.toml [tool.baocao])")
    click.echo(_("Tệp cấu hình: {tep}").format(tep=where))
    rows = _effective()
    width = max(len(key) for key, _value, _source in rows)
    for key, value, source in rows:
        click.echo(f"{key.ljust(width)} = {value}  ({source})")


@command(
    N_(
        "In đoạn mã gợi ý lệnh (phím Tab) cho SHELL: lệnh, tuỳ chọn, tên mẫu và tệp sự kiện. "
        "Nạp nó trong tệp khởi động của shell."
    ),
    examples=N_(
        "Ví dụ:\n\n"
        "\b\n"
        "  baocao completion bash >> ~/.bashrc\n"
        "  baocao completion zsh > ~/.zfunc/_baocao\n"
        "  baocao completion fish > ~/.config/fish/completions/baocao.fish\n"
    ),
)
@click.argument("shell", type=click.Choice(SHELLS))
@common_options
@errors_to_exit
def completion(shell: str) -> None:
    from click.shell_completion import get_completion_class

    from baocao.cli import cli

    cls = get_completion_class(shell)
    assert cls is not None  # the three shells click ships
    script = cls(cli, {}, "baocao", COMPLETE_VAR).source()
    click.echo(script)
