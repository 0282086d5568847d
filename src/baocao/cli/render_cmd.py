"""``baocao render``: a thin face over :func:`baocao.rendering.batch.render_many` (progress,
summary)."""

from __future__ import annotations

import os
import sys
import time
from typing import Any

import click

from baocao.cli._boundary import errors_to_exit
from baocao.cli.options import (
    Option,
    PathType,
    command,
    common_options,
    detail,
    event_argument,
    sheet_option,
    template_option,
    templates_dir_option,
    verbosity,
)
from baocao.i18n import N_


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
        if result.ok and verbosity() >= 0:
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

    def summary(self, result: Any, *, always: bool = False) -> None:
        """One row per template: documents made and failed, on stderr (stdout lists files).
        On a terminal (or ``always``); otherwise when there was more than one document."""
        if not result.items or (not (self.tty or always) and len(result.items) < 2):
            return
        from rich.console import Console
        from rich.table import Table

        from baocao.i18n import _

        rows: dict[str, list[int]] = {}
        for r in result.items:
            if r.ok and not r.written:  # skipped (-t all, no list for a per-person template)
                continue
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


def _refuse_out(out: str) -> None:
    """``-o`` that is neither a .docx, a folder nor ``-``: a usage error with the fix."""
    from pathlib import Path

    from baocao.i18n import _

    target = Path(out)
    suffix = target.suffix.lower()
    if out.endswith(("/", os.sep)) or not suffix or suffix == ".docx" or target.is_dir():
        return
    if suffix == ".pdf":
        fix = _("để có PDF, dùng -o {ten}.docx --pdf (PDF được viết cạnh tệp .docx)").format(
            ten=target.with_suffix("").as_posix()
        )
    else:
        fix = _("viết -o TÊN.docx cho một tệp, hoặc -o {ten}/ cho một thư mục").format(ten=out)
    raise click.BadParameter(
        _("{ten}: chỉ ghi được tệp .docx hoặc vào một thư mục; {cach_sua}").format(
            ten=out, cach_sua=fix
        ),
        param_hint="'-o' / '--out'",
    )


def _to_stdout(
    events: tuple[str, ...],
    templates: tuple[str, ...],
    dirs: tuple[str, ...],
    strict: bool,
    sheet: str | None,
) -> None:
    """``-o -``: the one document's .docx bytes on stdout (never on a terminal)."""
    from baocao.i18n import _

    if len(events) != 1 or len(templates) != 1 or templates[0] == "all":
        raise click.UsageError(
            _("-o - chỉ viết được một văn bản: một tệp sự kiện và một mẫu (-t TÊN)")
        )
    if sys.stdout.isatty():
        raise click.UsageError(
            _(
                "-o -: không in tệp .docx ra màn hình; chuyển hướng sang tệp hoặc ống "
                "(> van-ban.docx, | lệnh khác)"
            )
        )
    from baocao.cli._boundary import print_problems
    from baocao.event.loading import load_event
    from baocao.rendering.document import render_bytes

    event = load_event(events[0], templates_dirs=dirs, strict=strict, sheet=sheet)
    print_problems(event.warnings)  # on stderr; stdout is the document
    data = render_bytes(event, template=templates[0], dirs=dirs)
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


@command(
    N_(
        "Viết văn bản .docx (và PDF) cho từng tệp sự kiện với từng mẫu. EVENTS là - để đọc "
        "sự kiện từ đầu vào chuẩn (stdin); -o - in tệp .docx ra đầu ra chuẩn (stdout).\n\n"
        "Mẫu theo danh sách (giay-moi: khach_moi, giay-chung-nhan: hoc_vien) viết mọi người "
        "vào một tệp, mỗi người từ trang mới; --split: mỗi người một tệp.\n\n"
        "Cảnh báo về tệp sự kiện được in (⚠ tệp:dòng:cột: mục: cảnh báo: …) mà vẫn viết văn "
        "bản; --strict coi chúng là lỗi. Mã thoát: 0 xong hết; 3 có sự kiện hoặc mẫu không "
        "hợp lệ; 1 lỗi khác (tệp đã có, "
        "không ghi được, LibreOffice); 2 sai cách dùng lệnh; 130 dừng bằng Ctrl-C."
    ),
    examples=N_(
        "Ví dụ:\n\n"
        "\b\n"
        "  baocao render su-kien.yaml -t thong-cao\n"
        "  baocao render examples/*.yaml -t all -o ra/ --pdf\n"
        "  cat su-kien.yaml | baocao render - -t giay-moi -o - > giay-moi.docx\n"
    ),
)
@event_argument("events", many=True)
@template_option(multiple=True)
@click.option(
    "-o",
    "--out",
    cls=Option,
    type=PathType(allow_dash=True),
    help=N_("Tệp .docx (khi chỉ một văn bản), thư mục, hoặc - (stdout)."),
)
@click.option("--force", cls=Option, is_flag=True, help=N_("Ghi đè tệp đã có."))
@click.option(
    "-j",
    "--jobs",
    cls=Option,
    type=click.IntRange(min=1),
    help=N_("Số tiến trình (mặc định: số lõi)."),
)
@click.option("--pdf", cls=Option, is_flag=True, help=N_("Xuất thêm PDF (cần LibreOffice)."))
@templates_dir_option(exists=True)
@click.option(
    "--sync",
    cls=Option,
    is_flag=True,
    help=N_("Ghi chắc xuống đĩa (fsync) từng tệp ngay khi viết xong."),
)
@click.option(
    "--strict",
    cls=Option,
    is_flag=True,
    help=N_("Coi cảnh báo về tệp sự kiện là lỗi (mã thoát 3, không viết)."),
)
@click.option(
    "--split",
    cls=Option,
    is_flag=True,
    help=N_("Mẫu theo danh sách (giay-moi…): mỗi người một tệp thay vì một tệp chung."),
)
@click.option(
    "--all",
    "tat_ca",
    cls=Option,
    is_flag=True,
    help=N_("Giấy chứng nhận cả cho học viên xếp loại không đạt."),
)
@sheet_option()
@common_options
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
    sheet: str | None,
    split: bool,
    tat_ca: bool,
) -> None:
    from baocao.i18n import _
    from baocao.rendering.batch import render_many

    if out == "-":
        if pdf:
            raise click.UsageError(_("-o - không đi cùng --pdf"))
        _to_stdout(events, templates, dirs, strict, sheet)
        return
    if out is not None:
        _refuse_out(out)
    project = click.get_current_context().meta.get("baocao.project_file")
    detail(_("tệp cấu hình: {tep}").format(tep=project or "-"))
    detail(_("thư mục mẫu: {thu_muc}").format(thu_muc=", ".join(dirs) or "-"))
    started = time.perf_counter()
    tty = sys.stdout.isatty() and sys.stderr.isatty() and verbosity() >= 0
    with _Report(tty) as report:
        result = render_many(
            events, templates, out=out, jobs=jobs, force=force, pdf=pdf, dirs=dirs,
            on_progress=report, sync=sync, strict=strict, sheet=sheet, split=split,
            tat_ca=tat_ca,
        )  # fmt: skip
    report.problems(result.problems)
    seconds = time.perf_counter() - started
    detail(
        _("{so} tệp đã viết trong {giay} giây").format(
            so=len(result.written), giay=f"{seconds:.2f}".replace(".", ",")
        )
    )
    if verbosity() >= 0:
        report.summary(result, always=verbosity() > 0)
    sys.exit(result.exit_code)
