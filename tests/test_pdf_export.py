"""PDF export with LibreOffice: files, pages, fonts, every diacritic; failures are clear."""

from __future__ import annotations

import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest

from baocao.errors import ExportError
from baocao.rendering.batch import render_many
from baocao.rendering.pdf import _batches, converter_command, page_count, to_pdf
from conftest import EXAMPLES, convert_to_pdf, docx_lines, pdf_text

# messages in Vietnamese, whatever an earlier test in this process chose (conftest)
pytestmark = pytest.mark.usefixtures("vietnamese")


UBND = EXAMPLES / "hoi-nghi-ubnd.yaml"
DANG = EXAMPLES / "lop-boi-duong-dan-van.yaml"


def squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_batches_never_put_two_equal_stems_in_one_call() -> None:
    paths = [Path("a/x.docx"), Path("b/x.docx"), Path("c/x.docx"), Path("a/y.docx")]
    groups = _batches(paths, 2)
    assert sorted(p for g in groups for p in g) == sorted(paths)
    for group in groups:
        assert len({p.stem for p in group}) == len(group)


def test_converter_has_its_own_profile(tmp_path: Path) -> None:
    cmd = converter_command("soffice", tmp_path / "profile-1", tmp_path, [Path("a.docx")])
    assert f"-env:UserInstallation=file://{tmp_path}/profile-1" in cmd
    assert cmd[-1] == "a.docx" and "--headless" in cmd


@pytest.mark.libreoffice
def test_render_many_pdf(tmp_path: Path) -> None:
    out = tmp_path / "ra"
    result = render_many([UBND, DANG], ["thong-cao", "tin-bai"], out=out, pdf=True, jobs=2)
    assert result.exit_code == 0, [str(p) for r in result.items for p in r.problems]
    docx = sorted(out.glob("*.docx"))
    pdfs = sorted(out.glob("*.pdf"))
    assert [p.stem for p in pdfs] == [p.stem for p in docx] and len(pdfs) == 4
    assert sorted(result.written) == sorted([*docx, *pdfs])

    # the same pages as an independent conversion of the same .docx files
    again = convert_to_pdf(docx, tmp_path / "doc-lap")
    for mine, theirs in zip(pdfs, again, strict=True):
        assert page_count(mine) >= 1
        assert page_count(mine) == page_count(theirs), mine.name

    for d, p in zip(docx, pdfs, strict=True):
        text = squash(pdf_text(p))
        lines = [squash(x) for x in docx_lines(d, headers=False) if x.strip()]
        missing = [x for x in lines if x not in text]
        assert not missing, (p.name, missing[:3])
    state = squash(pdf_text(out / "hoi-nghi-ubnd-thong-cao.pdf"))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in state
    assert "Độc lập - Tự do - Hạnh phúc" in state
    party = squash(pdf_text(out / "lop-boi-duong-dan-van-thong-cao.pdf"))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in party

    for p in pdfs:
        fonts = subprocess.run(["pdffonts", str(p)], capture_output=True, text=True, check=True)
        rows = fonts.stdout.splitlines()[2:]
        assert rows, p.name
        for row in rows:  # columns: name type encoding emb sub uni object ID
            assert row.split()[-5] == "yes", row


@pytest.mark.libreoffice
def test_to_pdf_refuses_existing_and_reports_unreadable(tmp_path: Path) -> None:
    text = tmp_path / "chu.docx"
    text.write_bytes(b"this is not a word file")  # LibreOffice would convert it as text
    with pytest.raises(ExportError) as caught:
        to_pdf([text], outdir=tmp_path / "pdf")
    assert [p.message for p in caught.value.problems] == ["không phải tệp Word (.docx)"]

    broken = tmp_path / "hong.docx"  # looks like Word; soffice cannot load it, yet exits 0
    with zipfile.ZipFile(broken, "w") as package:
        package.writestr("[Content_Types].xml", "<nope")
        package.writestr("word/document.xml", "<<<garbage")
    with pytest.raises(ExportError) as caught:
        to_pdf([broken], outdir=tmp_path / "pdf")
    [problem] = caught.value.problems
    assert problem.path == str(broken.resolve())
    assert "LibreOffice" in problem.message
    assert not (tmp_path / "pdf" / "hong.pdf").exists()

    old = tmp_path / "pdf" / "hong.pdf"
    old.parent.mkdir(exist_ok=True)
    old.write_bytes(b"old")
    with pytest.raises(ExportError) as caught:
        to_pdf([broken], outdir=tmp_path / "pdf")
    assert "--force" in caught.value.problems[0].message
    assert old.read_bytes() == b"old"


@pytest.mark.libreoffice
def test_cli_pdf_and_refusal_of_an_existing_pdf(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from baocao.cli import cli

    out = tmp_path / "ra"
    args = ["render", str(UBND), "-t", "tin-bai", "-o", str(out), "--pdf"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    docx, pdf = out / "hoi-nghi-ubnd-tin-bai.docx", out / "hoi-nghi-ubnd-tin-bai.pdf"
    assert f"✓ {docx}" in first.output and f"✓ {pdf}" in first.output
    before = pdf.read_bytes()
    docx.unlink()
    again = CliRunner().invoke(cli, args)  # the .docx is new, the PDF exists: refused
    assert again.exit_code == 1
    assert f"{pdf}: tệp đã có; dùng --force để ghi đè" in again.output
    assert docx.is_file() and pdf.read_bytes() == before
