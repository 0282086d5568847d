"""PDF export checks the page count it can predict from the .docx (hard page breaks)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from baocao.event.loading import load_event
from baocao.rendering.document import render
from baocao.rendering.pdf import min_pages, page_count, to_pdf
from conftest import EXAMPLES, pdf_text

# messages in Vietnamese, whatever an earlier test in this process chose (conftest)
pytestmark = pytest.mark.usefixtures("vietnamese")


UBND = EXAMPLES / "hoi-nghi-ubnd.yaml"


def with_page_breaks(tmp_path: Path, breaks: int) -> Path:
    """The state press release with ``breaks`` hard page breaks added at the end."""
    path = render(load_event(UBND), template="thong-cao", out=tmp_path / "tc.docx")
    document = docx.Document(str(path))
    for i in range(breaks):
        paragraph = document.add_paragraph()
        paragraph.add_run().add_break(WD_BREAK.PAGE)
        paragraph.add_run(f"Trang thêm số {i + 1}")
    document.save(str(path))
    return path


def test_min_pages_of_a_rendered_document_is_one(tmp_path: Path) -> None:
    path = render(load_event(UBND), template="tin-bai", out=tmp_path / "tb.docx")
    assert min_pages(path) == 1


def test_min_pages_counts_hard_page_breaks(tmp_path: Path) -> None:
    assert min_pages(with_page_breaks(tmp_path, 3)) == 4


@pytest.mark.libreoffice
def test_pdf_has_at_least_the_pages_the_docx_asks_for(tmp_path: Path) -> None:
    source = with_page_breaks(tmp_path, 2)
    [pdf] = to_pdf([source], outdir=tmp_path / "pdf")
    assert page_count(pdf) >= min_pages(source) == 3
    text = pdf_text(pdf)
    assert "Trang thêm số 1" in text and "Trang thêm số 2" in text
