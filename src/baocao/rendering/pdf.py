"""PDF export through headless LibreOffice (``soffice --convert-to pdf``).

:func:`to_pdf` converts several .docx files per ``soffice`` call, each converter with its own
user profile (two LibreOffice processes sharing a profile block each other), under a timeout.
``soffice`` exits with 0 even when it could not open a file, so every PDF is checked: it must
exist, be non-empty and be a readable PDF with at least the pages its hard page breaks
demand (:func:`min_pages`). PDFs are written through a private temporary folder and moved into
place, so a reader never sees half a file and an existing PDF is replaced only with ``force``.
An interrupt (Ctrl-C, SIGTERM, SIGHUP) kills the running converters at once; their temporary
folder goes; LibreOffice also dies with baocao (Linux ``PR_SET_PDEATHSIG``). With
``$SOURCE_DATE_EPOCH`` set, the PDF's dates, ``/ID`` and ``/DocChecksum`` are rewritten
(:func:`repeatable`) so that two runs give the same bytes.

>>> converter_command("/usr/bin/soffice", Path("/tmp/p"), Path("/tmp/o"), [Path("a.docx")])[:3]
['/usr/bin/soffice', '-env:UserInstallation=file:///tmp/p', '--headless']
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from baocao.errors import ExportError, Problem
from baocao.rendering.soffice import APT_HINT, find_soffice, install_command

__all__ = [
    "APT_HINT",
    "converter_command",
    "find_soffice",
    "install_command",
    "min_pages",
    "page_count",
    "to_pdf",
]

DEFAULT_TIMEOUT = 180.0


def converter_command(exe: str, profile: Path, outdir: Path, files: Sequence[Path]) -> list[str]:
    """The ``soffice`` command line converting ``files`` into ``outdir`` with ``profile``."""
    return [
        exe,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        str(outdir),
        *(str(f) for f in files),
    ]


_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def page_count(pdf: Path | str) -> int:
    """Pages of a PDF; 0 when it cannot be read.

    pypdf (a test dependency, not a runtime one) reads it when installed; otherwise the page
    objects are counted in the bytes, which is exact for LibreOffice's PDFs (their object
    dictionaries are never in compressed object streams).
    """
    try:
        from pypdf import PdfReader
    except ImportError:
        try:
            data = Path(pdf).read_bytes()
        except OSError:
            return 0
        return len(_PAGE_OBJECT.findall(data)) if data.startswith(b"%PDF") else 0
    try:
        return len(PdfReader(str(pdf)).pages)
    except Exception:  # a broken file is what we are checking for
        return 0


_PAGE_BREAK = re.compile(
    rb'<w:br\b[^>]*\bw:type="page"|<w:pageBreakBefore(?:\s*/>|\s+w:val="(?:1|true|on)")'
)


def min_pages(docx: Path | str) -> int:
    """The fewest pages the document can have: one, plus one per hard page break
    (``<w:br w:type="page"/>``, "page break before" on a paragraph) in its body."""
    import zipfile

    try:
        with zipfile.ZipFile(docx) as package:
            body = package.read("word/document.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return 1
    return 1 + len(_PAGE_BREAK.findall(body))


class _Running:
    """The LibreOffice processes of one :func:`to_pdf` call, so that an interrupt (Ctrl-C)
    ends them all instead of waiting for them or leaving them behind."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.procs: set[subprocess.Popen[bytes]] = set()
        self.stopped = False

    def start(self, cmd: list[str]) -> subprocess.Popen[bytes] | None:
        """Start ``cmd`` in its own session (a terminal's Ctrl-C does not reach it); None
        once :meth:`stop` was called."""
        with self.lock:
            if self.stopped:
                return None
            proc = subprocess.Popen(
                cmd,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                preexec_fn=_die_with_parent(),
            )
            self.procs.add(proc)
            return proc

    def finished(self, proc: subprocess.Popen[bytes]) -> None:
        with self.lock:
            self.procs.discard(proc)

    def stop(self) -> None:
        with self.lock:
            self.stopped = True
            for proc in self.procs:
                _kill(proc)


def _die_with_parent() -> Any:
    """A ``preexec_fn`` that makes Linux kill LibreOffice when baocao dies, even by SIGKILL
    (Ctrl-C, SIGTERM and SIGHUP kill it through :meth:`_Running.stop`); None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None

    def preexec() -> None:
        prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG

    return preexec


def _kill(proc: subprocess.Popen[bytes]) -> None:
    """Kill ``proc`` and everything it started (its process group)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


def _run(cmd: list[str], timeout: float, running: _Running | None = None) -> tuple[int | None, str]:
    """Run ``cmd`` in its own process group; kill the whole group on timeout. Returns the
    exit code (None on timeout or when stopped) and the output."""
    running = running or _Running()
    try:
        proc = running.start(cmd)
    except OSError as exc:  # not runnable after all (a directory, a script without #!)
        return 127, f"{cmd[0]}: {exc.strerror or exc}"
    if proc is None:
        return None, ""
    try:
        out, _err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(proc)
        proc.communicate()
        return None, ""
    finally:
        running.finished(proc)
    return proc.returncode, out.decode("utf-8", "replace")


def _batches(paths: Sequence[Path], converters: int) -> list[list[Path]]:
    """Split ``paths`` into at most ``converters`` groups, round robin, never two files with
    the same stem in one group (they would write the same PDF name)."""
    groups: list[list[Path]] = [[] for _ in range(max(1, min(converters, len(paths))))]
    stems: list[set[str]] = [set() for _ in groups]
    for i, path in enumerate(paths):
        k = i % len(groups)
        while path.stem in stems[k]:
            k += 1
            if k == len(groups):
                groups.append([])
                stems.append(set())
        groups[k].append(path)
        stems[k].add(path.stem)
    return [g for g in groups if g]


def _convert(
    exe: str, files: list[Path], work: Path, index: int, timeout: float, running: _Running
) -> tuple[dict[Path, Path], list[Problem]]:
    """One converter: one soffice call with profile ``work/profile-N``; the PDFs it made."""
    profile = work / f"profile-{index}"
    outdir = work / f"out-{index}"
    outdir.mkdir(parents=True, exist_ok=True)
    code, log = _run(converter_command(exe, profile, outdir, files), timeout, running)
    made: dict[Path, Path] = {}
    problems: list[Problem] = []
    for src in files:
        pdf = outdir / f"{src.stem}.pdf"
        message = _pdf_problem(src, pdf, code, log, timeout)
        if message is None:
            made[src] = pdf
        else:
            problems.append(Problem(message, path=str(src), code="pdf"))
    return made, problems


def _pdf_problem(src: Path, pdf: Path, code: int | None, log: str, timeout: float) -> str | None:
    """What is wrong with the PDF LibreOffice made of ``src`` (None: nothing)."""
    from baocao.i18n import _

    if code is None:
        return _("LibreOffice không xong sau {giay:g} giây").format(giay=timeout)
    if not pdf.is_file() or pdf.stat().st_size == 0:
        return _("LibreOffice không tạo được PDF (mã thoát {ma}): {log}").format(
            ma=code, log=" ".join(log.split())[-300:] or "-"
        )
    pages = page_count(pdf)
    if pages < 1:
        return _("PDF do LibreOffice tạo ra bị hỏng hoặc không có trang nào")
    expected = min_pages(src)
    if pages < expected:
        return _("PDF chỉ có {so} trang, văn bản có ít nhất {toi_thieu} trang").format(
            so=pages, toi_thieu=expected
        )
    return None


def _is_docx(path: Path) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(path) as package:
            return "word/document.xml" in package.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def _check(
    sources: list[Path], targets: list[Path], force: bool
) -> tuple[list[Path], list[Problem]]:
    """The sources that can be converted, and a problem for each one that cannot."""
    from baocao.errors import RenderError
    from baocao.i18n import _
    from baocao.rendering.atomic import check_target

    problems: list[Problem] = []
    todo: list[Path] = []
    for src, target in zip(sources, targets, strict=True):
        try:
            check_target(target, force=force)
        except RenderError as exc:
            problems += exc.problems
            continue
        if not src.is_file():
            problems.append(Problem(_("không có tệp để xuất PDF"), path=str(src), code="pdf"))
        elif not _is_docx(src):  # LibreOffice would happily "convert" it as plain text
            problems.append(Problem(_("không phải tệp Word (.docx)"), path=str(src), code="pdf"))
        else:
            todo.append(src)
    return todo, problems


def to_pdf(
    docx_paths: Sequence[Path | str],
    *,
    outdir: Path | str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    converters: int = 1,
    force: bool = False,
) -> list[Path]:
    """Convert ``docx_paths`` to PDF with LibreOffice; return the PDFs, in the same order.

    Each PDF is ``<stem>.pdf`` in ``outdir`` (else next to its .docx). ``converters``
    LibreOffice processes run side by side, each on a share of the files, each with its own
    profile. An existing PDF is replaced only with ``force``. Every failure (LibreOffice
    missing, a timeout, a file it could not convert, an existing PDF) ends in one
    :class:`ExportError` listing every file concerned; the PDFs that did convert are kept.
    """
    sources = [Path(p).resolve() for p in docx_paths]
    if not sources:
        return []
    targets = [
        (Path(outdir).resolve() if outdir is not None else src.parent) / f"{src.stem}.pdf"
        for src in sources
    ]
    exe = find_soffice()
    todo, problems = _check(sources, targets, force)
    made: dict[Path, Path] = {}
    with tempfile.TemporaryDirectory(prefix="baocao-pdf-") as tmp:
        work = Path(tmp)
        groups = _batches(todo, converters)
        if groups:
            running = _Running()
            pool = ThreadPoolExecutor(max_workers=len(groups))
            try:
                runs = [
                    pool.submit(_convert, exe, group, work, i, timeout, running)
                    for i, group in enumerate(groups)
                ]
                for run in runs:
                    got, bad = run.result()
                    made.update(got)
                    problems += bad
            except BaseException:  # Ctrl-C: end every LibreOffice now, then clean up
                running.stop()
                raise
            finally:
                pool.shutdown(wait=True)
        for src, target in zip(sources, targets, strict=True):
            pdf = made.get(src)
            if pdf is not None:
                try:
                    _move_into_place(pdf, target, force=force)
                except ExportError as exc:
                    problems += exc.problems
    if problems:
        raise ExportError(problems)
    return targets


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate)\s*\(D:(\d{14})")
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_PDF_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")


def source_date_epoch() -> int | None:
    """``$SOURCE_DATE_EPOCH`` (seconds since 1970, UTC) when it is set and valid."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None


def repeatable(data: bytes, epoch: int) -> bytes:
    """A PDF by LibreOffice made byte-for-byte repeatable: the creation and modification
    dates become ``epoch``, the file identifier (``/ID``) and ``/DocChecksum`` an MD5 of
    the rest. Every value keeps its length, so the cross-reference offsets stay right.

    >>> pdf = (b"/CreationDate(D:20261129225331Z')>> /ID [ <AB12> <AB12> ] "
    ...        b"/DocChecksum /CD34")
    >>> repeatable(pdf, 0)
    b"/CreationDate(D:19700101000000Z')>> /ID [ <244C> <244C> ] /DocChecksum /244C"
    """
    import datetime as dt
    import hashlib

    stamp = dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y%m%d%H%M%S").encode()
    data = _PDF_DATE.sub(lambda m: m.group(0)[:-14] + stamp, data)
    blank = _PDF_CHECKSUM.sub(lambda m: m.group(0)[: -len(m.group(1))], _PDF_ID.sub(b"", data))
    digest = hashlib.md5(blank, usedforsecurity=False).hexdigest().upper().encode()

    def same_length(hexa: bytes) -> bytes:
        return (digest * (len(hexa) // len(digest) + 1))[: len(hexa)]

    def new_id(m: re.Match[bytes]) -> bytes:
        whole = m.group(0)
        for part in (m.group(1), m.group(2)):
            whole = whole.replace(b"<" + part + b">", b"<" + same_length(part) + b">", 1)
        return whole

    data = _PDF_ID.sub(new_id, data)
    return _PDF_CHECKSUM.sub(
        lambda m: m.group(0)[: -len(m.group(1))] + same_length(m.group(1)), data
    )


def _move_into_place(pdf: Path, target: Path, *, force: bool) -> None:
    from baocao.errors import RenderError
    from baocao.rendering.atomic import write_atomic

    data = pdf.read_bytes()
    epoch = source_date_epoch()
    if epoch is not None:  # reproducible builds: the same bytes on every run
        data = repeatable(data, epoch)
    try:
        write_atomic(target, data, force=force)
    except RenderError as exc:
        raise ExportError(exc.problems) from exc
