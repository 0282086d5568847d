"""Known bug B15 of public tools (a PDF that loses the diacritics, fonts not embedded, a broken
page tree), asserted on baocao's own PDF export (LibreOffice) of every built-in template in
both formats, read back with pdftotext and pypdf. Also B9 as printed: the dashes of a
multi-line Kính gửi line up on the page."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from baocao.rendering.pdf import page_count, to_pdf
from conftest import docx_lines, pdf_text
from render_helpers import DAN_VAN, FORMATS, NAMES, example, render, set_in

pytestmark = pytest.mark.libreoffice

# Every Vietnamese letter, lower and upper case (67 each), printed verbatim in the documents.
LOWER = (
    "a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ đ e è é ẻ ẽ ẹ ê ề ế ể ễ ệ i ì í ỉ ĩ ị "
    "o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ u ù ú ủ ũ ụ ư ừ ứ ử ữ ự y ỳ ý ỷ ỹ ỵ"
)
ALPHABET = f"Bảng chữ: {LOWER} {LOWER.upper()}."
WITH_BACKGROUND = ("thong-cao", "tin-bai")  # the templates that print su_kien.boi_canh
KINH_GUI = ["Bộ Nội vụ", "Thường trực Tỉnh ủy", "Sở Tư pháp tỉnh Cà Mau"]


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """Every template × format, with the alphabet in the text, exported with
    baocao.rendering.pdf."""
    folder = tmp_path_factory.mktemp("b15")
    records = []
    for the_thuc in FORMATS:
        data = example(DAN_VAN, the_thuc)
        data["su_kien"]["boi_canh"] = [ALPHABET]
        data = set_in(data, "van_ban.bao-cao-tong-ket.kinh_gui", KINH_GUI)
        for name in NAMES:
            path = folder / f"{the_thuc}-{name}.docx"
            path.write_bytes(render(data, name))
            records.append({"docx": path, "the_thuc": the_thuc, "name": name})
    for rec, pdf in zip(
        records, to_pdf([r["docx"] for r in records], outdir=folder / "pdf"), strict=True
    ):
        rec["pdf"] = pdf
    return records


def test_b15_pdf_text_equals_the_docx_text_with_every_diacritic(pdfs: list[dict[str, Any]]) -> None:
    for rec in pdfs:
        where = rec["pdf"].name
        text = squash(pdf_text(rec["pdf"]))
        assert unicodedata.is_normalized("NFC", text), where
        lines = [squash(x) for x in docx_lines(rec["docx"], headers=False) if x.strip()]
        missing = [x for x in lines if x not in text]
        assert not missing, (where, missing[:3])
        if rec["name"] in WITH_BACKGROUND:
            assert ALPHABET in text, where
        # no glyph lost: no replacement character, no "?" the document does not have
        assert "\ufffd" not in text and text.count("?") == " ".join(lines).count("?"), where


def test_b15_a_second_reader_sees_the_same_letters(pdfs: list[dict[str, Any]]) -> None:
    from pypdf import PdfReader

    for rec in pdfs:
        if rec["name"] not in WITH_BACKGROUND:
            continue
        extracted = "".join(p.extract_text() for p in PdfReader(str(rec["pdf"])).pages)
        letters = set(unicodedata.normalize("NFC", extracted))
        assert set(LOWER.replace(" ", "")) | set(LOWER.upper().replace(" ", "")) <= letters, rec[
            "pdf"
        ].name


def _fonts(resources: Any, seen: set[int]) -> list[Any]:
    """Every font dictionary reachable from a resource dictionary (form XObjects included)."""
    found = []
    if resources is None:
        return found
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        if id(font) not in seen:
            seen.add(id(font))
            found.append(font)
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            found += _fonts(xobject.get("/Resources"), seen)
    return found


def _embedded(font: Any) -> bool:
    if font.get("/Subtype") == "/Type0":
        return all(_embedded(d.get_object()) for d in font["/DescendantFonts"])
    if font.get("/Subtype") == "/Type3":
        return True  # drawn by the PDF's own glyph procedures
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_b15_every_font_is_embedded_and_none_is_helvetica(pdfs: list[dict[str, Any]]) -> None:
    from pypdf import PdfReader

    for rec in pdfs:
        reader = PdfReader(str(rec["pdf"]))
        seen: set[int] = set()
        fonts = [f for page in reader.pages for f in _fonts(page.get("/Resources"), seen)]
        assert fonts, rec["pdf"].name
        for font in fonts:
            name = str(font.get("/BaseFont"))
            assert _embedded(font), (rec["pdf"].name, name)
            assert "Helvetica" not in name and "Arial" not in name, (rec["pdf"].name, name)
        # Times New Roman, or its metric twin Liberation Serif where Windows fonts are missing
        bases = [str(f.get("/BaseFont")) for f in fonts]
        assert all(re.search(r"LiberationSerif|TimesNewRoman|Times", b) for b in bases), bases


def _page_tree_leaves(node: Any, parent: Any, where: str) -> list[Any]:
    """The pages under ``node``, checking that every /Parent points back to the node that
    lists it (the P2 bug) and that every /Count is right."""
    obj = node.get_object()
    if parent is not None:
        assert obj.raw_get("/Parent").idnum == parent.idnum, where
    if obj["/Type"] == "/Page":
        return [node]
    assert obj["/Type"] == "/Pages", where
    leaves = [leaf for kid in obj["/Kids"] for leaf in _page_tree_leaves(kid, node, where)]
    assert obj["/Count"] == len(leaves), where
    return leaves


def test_b15_the_pdf_is_structurally_valid(pdfs: list[dict[str, Any]]) -> None:
    from pypdf import PdfReader

    for rec in pdfs:
        raw = rec["pdf"].read_bytes()
        where = rec["pdf"].name
        assert raw.startswith(b"%PDF-1.") and raw.rstrip().endswith(b"%%EOF"), where
        reader = PdfReader(str(rec["pdf"]), strict=True)  # raises on xref or syntax errors
        root = reader.trailer["/Root"].get_object()
        assert root["/Type"] == "/Catalog", where
        leaves = _page_tree_leaves(root.raw_get("/Pages"), None, where)
        assert len(leaves) == len(reader.pages) == page_count(rec["pdf"]) >= 1, where
        for page in reader.pages:
            page.extract_text()  # every content stream decodes


def _words(pdf: Path) -> list[tuple[float, float, str]]:
    """(yMin, xMin, word) of every word, from ``pdftotext -bbox``."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [
        (float(m[1]), float(m[0]), m[2])
        for m in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out)
    ]


def test_b9_kinh_gui_dashes_line_up_on_the_page(pdfs: list[dict[str, Any]]) -> None:
    for rec in (r for r in pdfs if r["name"] == "bao-cao-tong-ket"):
        words = _words(rec["pdf"])
        i = next(k for k, w in enumerate(words) if w[2] == "gửi:" and words[k - 1][2] == "Kính")
        first_dash = words[i + 1]
        assert first_dash[2] == "-", words[i : i + 3]
        dashes = [w for w in words[i + 2 :] if w[2] == "-"][: len(KINH_GUI) - 1]
        assert len(dashes) == len(KINH_GUI) - 1
        for dash in dashes:
            assert dash[0] > first_dash[0] + 5, (rec["pdf"].name, dash)  # on a later line
            assert abs(dash[1] - first_dash[1]) < 0.5, (rec["pdf"].name, first_dash, dash)
        assert words[i - 1][1] < first_dash[1] - 40  # "Kính gửi:" stands to the left
