"""Shared test helpers: where things are, reading a .docx back, converting with LibreOffice.

These helpers read outputs independently of the code under test (python-docx, soffice,
pdftotext), so a test that uses them checks what a real reader would see.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
TEMPLATES = ROOT / "templates" / "docx"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Messages are asserted in Vietnamese (the default) unless a test asks for English; a
# developer's LANG=en_US must not change that. Tests of the choice itself set their own.
os.environ.setdefault("BAOCAO_LANG", "vi")


@pytest.fixture
def vietnamese(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Messages in Vietnamese whatever an earlier test in this process chose (its module:
    ``pytestmark = pytest.mark.usefixtures("vietnamese")``); child processes inherit it."""
    from baocao import i18n

    monkeypatch.setenv("BAOCAO_LANG", "vi")
    i18n.set_language(None)
    yield
    i18n.set_language(None)


# Hypothesis profiles. "ci": the same examples on every run (derandomize; no example
# database), no deadline (a shared CI machine is slow at times), and the blob to reproduce a
# failure printed. Loaded with HYPOTHESIS_PROFILE=ci, or when CI is set; "default" otherwise
# (random examples: a developer's runs keep looking for new failures).
settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default")
)


def example_files() -> list[Path]:
    """Every event file in examples/ (YAML and JSON)."""
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".yaml", ".yml", ".json"})


def iter_paragraphs(container: object) -> Iterator[object]:
    """Every paragraph of a python-docx body, header or cell, tables (nested) included,
    in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in container.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Paragraph):
            yield block
        elif isinstance(block, Table):
            for row in block.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells repeat
                        continue
                    seen.add(id(cell._tc))
                    yield from iter_paragraphs(cell)


def docx_lines(path: Path | str, *, headers: bool = True) -> list[str]:
    """The text of every paragraph of a .docx (body, then headers and footers), one per item."""
    import docx

    document = docx.Document(str(path))
    lines = [p.text for p in iter_paragraphs(document)]
    if headers:
        for section in document.sections:
            for part in (section.first_page_header, section.header, section.footer):
                if part.is_linked_to_previous:
                    continue
                lines += [p.text for p in iter_paragraphs(part)]
    return lines


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def soffice_convert(
    paths: list[Path], outdir: Path, *, to: str = "pdf", timeout: int = 180
) -> list[Path]:
    """Convert files with headless LibreOffice (own profile) to ``to`` (``"pdf"``, or
    ``"docx:MS Word 2007 XML"``); return the output paths, each checked to exist."""
    _assert_marked_libreoffice()
    exe = soffice()
    assert exe, "soffice not installed"
    outdir.mkdir(parents=True, exist_ok=True)
    profile = (outdir / "lo-profile").resolve()
    subprocess.run(
        [
            exe,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(outdir),
            *map(str, paths),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    suffix = "." + to.split(":")[0]
    outs = [outdir / (p.stem + suffix) for p in paths]
    for out in outs:
        assert out.exists() and out.stat().st_size > 0, f"LibreOffice wrote no {out.name}"
    return outs


def convert_to_pdf(paths: list[Path], outdir: Path, *, timeout: int = 180) -> list[Path]:
    """Convert .docx files with headless LibreOffice (own profile); return the PDF paths."""
    return soffice_convert(paths, outdir, timeout=timeout)


def pdf_text(pdf: Path) -> str:
    """`pdftotext -raw`: text in reading order (other modes mangle the two-column header)."""
    out = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    )
    return out.stdout


# node ids of the tests marked `libreoffice`: a test that runs soffice through these helpers
# without the marker fails (it would otherwise run in the everyday `-m "not libreoffice"`)
_MARKED_LIBREOFFICE: set[str] = set()


def _assert_marked_libreoffice() -> None:
    current = os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" ", 1)[0]
    assert not current or current in _MARKED_LIBREOFFICE, (
        f"{current} runs LibreOffice: mark it @pytest.mark.libreoffice"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`libreoffice` tests skip where soffice is missing, except on CI, where they must run."""
    _MARKED_LIBREOFFICE.update(i.nodeid for i in items if "libreoffice" in i.keywords)
    if soffice() and shutil.which("pdftotext"):
        return
    if os.environ.get("CI"):
        raise pytest.UsageError("CI must install libreoffice-writer-nogui and poppler-utils")
    skip = pytest.mark.skip(reason="soffice/pdftotext not installed")
    for item in items:
        if "libreoffice" in item.keywords:
            item.add_marker(skip)


def run_on_terminal(args: list[str], cwd: Path, environ: dict[str, str]) -> tuple[int, bytes]:
    """``python -m baocao ARGS`` on a pseudo-terminal (stdin, stdout and stderr a tty): its
    exit code and everything it showed."""
    import os
    import pty
    import subprocess
    import sys

    main, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "baocao", *args],
        stdin=child,
        stdout=child,
        stderr=child,
        cwd=cwd,
        env=environ,
        close_fds=True,
    )
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    return proc.wait(timeout=120), b"".join(chunks)


#: the smallest valid event file (a state meeting of one day)
MINIMAL_EVENT = """\
the_thuc: nha_nuoc
co_quan:
  ten: Ban Dân vận
  viet_tat: BDV
  dia_danh: Cà Mau
su_kien:
  ten: hội nghị sơ kết
  bat_dau: 1/11/2024
  dia_diem: Hội trường
"""
