"""``baocao render``: a thin face over :func:`baocao.batch.render_many` (progress, summary)."""

from __future__ import annotations

import sys
from typing import Any

import click

from baocao.cli._boundary import errors_to_exit


class _Report:
    """Progress on a terminal (rich bar, then a table), plain ``✓ file`` lines otherwise;
    the problems of a failed item always go to stderr, one per line."""

    def __init__(self, tty: bool) -> None:
        self.tty = tty
        self.bar: Any = None

    def __enter__(self) -> _Report:
        if self.tty:
            from rich.console import Console
            from rich.progress import Progress

            # no refresh thread (worker processes fork); bar and messages on stderr
            self.bar = Progress(auto_refresh=False, transient=True, console=Console(stderr=True))
            self.bar.start()
            self.task = self.bar.add_task("baocao render", total=None)
        return self

    def __call__(self, result: Any, done: int, total: int) -> None:
        if self.bar is not None:
            self.bar.update(self.task, completed=done, total=total)
            self.bar.refresh()
        if result.ok and not self.tty:
            for path in result.written:
                click.echo(f"✓ {path}")
        for problem in result.problems:
            if self.bar is not None:
                self.bar.console.print(f"✗ {problem}", markup=False, highlight=False)
            else:
                click.echo(f"✗ {problem}", err=True)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def summary(self, result: Any) -> None:
        """On a terminal, one row per template: documents made and failed."""
        if not self.tty or not result.items:
            return
        from rich.console import Console
        from rich.table import Table

        rows: dict[str, list[int]] = {}
        for r in result.items:
            rows.setdefault(r.item.template, [0, 0])[0 if r.ok else 1] += 1
        table = Table("Mẫu", "Xong", "Lỗi", title="baocao render")
        for name in sorted(rows):
            made, failed = rows[name]
            table.add_row(name, f"[green]{made}[/]", f"[red]{failed}[/]" if failed else "0")
        Console().print(table)


@click.command()
@click.argument("events", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "-t",
    "--template",
    "templates",
    multiple=True,
    required=True,
    help="Tên mẫu (lặp lại được); 'all' = mọi mẫu.",
)
@click.option(
    "-o", "--out", type=click.Path(), help="Tệp .docx (khi chỉ một văn bản) hoặc thư mục."
)
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Số tiến trình (mặc định: số lõi).")
@click.option("--pdf", is_flag=True, help="Xuất thêm PDF (cần LibreOffice).")
@click.option(
    "--templates-dir", "dirs", multiple=True, type=click.Path(file_okay=False), help="Thư mục mẫu."
)
@errors_to_exit
def render(
    events: tuple[str, ...],
    templates: tuple[str, ...],
    out: str | None,
    force: bool,
    jobs: int | None,
    pdf: bool,
    dirs: tuple[str, ...],
) -> None:
    """Viết văn bản .docx (và PDF) cho từng tệp sự kiện với từng mẫu.

    Mã thoát: 0 xong hết; 3 có sự kiện hoặc mẫu không hợp lệ; 1 lỗi khác.
    """
    from baocao.batch import render_many

    with _Report(sys.stdout.isatty()) as report:
        result = render_many(
            events, templates, out=out, jobs=jobs, force=force, pdf=pdf, dirs=dirs,
            on_progress=report,
        )  # fmt: skip
    report.summary(result)
    for problem in result.problems:
        click.echo(f"✗ {problem}", err=True)
    sys.exit(result.exit_code)
