"""``baocao render``: a thin face over :func:`baocao.rendering.batch.render_many` (progress,
summary)."""

from __future__ import annotations

import os
import sys
import time
from typing import Any

import click

from baocao.cli._boundary import errors_to_exit


class _Report:
    """What a person sees while documents are made. On a terminal: a rich progress bar with
    each file written (``✓``) and each problem (``✗``) printed above it; otherwise plain lines,
    files on stdout and problems on stderr. A problem is shown once, however many documents
    it stops (a bad event fails every template). A closed stdout (``| head``) stops the
    listing, not the rendering."""

    def __init__(self, tty: bool) -> None:
        self.tty = tty
        self.bar: Any = None
        self.shown: set[str] = set()
        self.stdout_gone = False
        self.drawn = 0.0

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
        if result.ok:
            for path in result.written:
                self.line(f"✓ {path}", err=False)
        self.problems(result.warnings)
        self.problems(result.problems)
        if self.bar is not None:
            self.bar.update(self.task, completed=done, total=total)
            now = time.monotonic()
            if now - self.drawn >= 0.1 or done == total:  # at most ~10 redraws a second
                self.drawn = now
                self.bar.refresh()

    def problems(self, problems: Any) -> None:
        from baocao.cli._boundary import problem_text

        for problem in problems:
            text = f"{'⚠' if problem.is_warning else '✗'} {problem_text(problem)}"
            if text not in self.shown:
                self.shown.add(text)
                self.line(text, err=True)

    def line(self, text: str, *, err: bool) -> None:
        if self.bar is not None:
            self.bar.console.print(text, markup=False, highlight=False, soft_wrap=True)
        elif err or not self.stdout_gone:
            try:
                click.echo(text, err=err)
            except BrokenPipeError:
                if err:
                    raise
                self._stdout_gone()

    def _stdout_gone(self) -> None:
        """The reader of stdout went away: write the rest of the listing to nowhere."""
        self.stdout_gone = True
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def summary(self, result: Any) -> None:
        """One row per template: documents made and failed, on stderr (stdout lists files).
        On a terminal always; otherwise when there was more than one document."""
        if not result.items or (not self.tty and len(result.items) < 2):
            return
        from rich.console import Console
        from rich.table import Table

        from baocao.i18n import _

        rows: dict[str, list[int]] = {}
        for r in result.items:
            rows.setdefault(r.item.template, [0, 0])[0 if r.ok else 1] += 1
        table = Table(
            _("Mẫu"),
            _("Xong"),
            _("Lỗi"),
            title="baocao render",
            caption=_("{so} tệp đã viết").format(so=len(result.written)),
        )
        for name in sorted(rows):
            made, failed = rows[name]
            table.add_row(name, f"[green]{made}[/]", f"[red]{failed}[/]" if failed else "0")
        Console(stderr=True, highlight=False).print(table)


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
    "--templates-dir",
    "dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False),
    help="Thư mục mẫu.",
)
@click.option(
    "--sync", is_flag=True, help="Ghi chắc xuống đĩa (fsync) từng tệp ngay khi viết xong."
)
@click.option(
    "--strict", is_flag=True, help="Coi cảnh báo về tệp sự kiện là lỗi (mã thoát 3, không viết)."
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
    sync: bool,
    strict: bool,
) -> None:
    """Viết văn bản .docx (và PDF) cho từng tệp sự kiện với từng mẫu.

    Cảnh báo về tệp sự kiện được in (⚠ tệp:dòng:cột: mục: cảnh báo: …) mà vẫn viết văn
    bản; --strict coi chúng là lỗi. Mã thoát: 0 xong hết; 3 có sự kiện hoặc mẫu không hợp
    lệ; 1 lỗi khác (tệp đã có, không ghi được, LibreOffice); 2 sai cách dùng lệnh; 130 dừng
    bằng Ctrl-C.
    """
    from baocao.rendering.batch import render_many

    with _Report(sys.stdout.isatty() and sys.stderr.isatty()) as report:
        result = render_many(
            events, templates, out=out, jobs=jobs, force=force, pdf=pdf, dirs=dirs,
            on_progress=report, sync=sync, strict=strict,
        )  # fmt: skip
    report.problems(result.problems)
    report.summary(result)
    sys.exit(result.exit_code)
