"""A string typed inside a Word tag keeps its ``&``, quotes and apostrophes: the XML entities
of the tag's text are turned back into characters before Jinja reads the tag, so
``{{ "Sở Nông nghiệp & PTNT" }}`` prints what it says and ``{% if x == "A & B" %}`` can be
true. Built with python-docx, rendered through :func:`baocao.render`, read back."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

import baocao
from baocao.lint.checker import check_template
from render_helpers import UBND, event, example, set_in

LINES = [
    ('{{ "Sở Nông nghiệp & PTNT" }}', "Sở Nông nghiệp & PTNT"),
    ('{% if co_quan.ten == "Sở A & B" %}khớp{% else %}không khớp{% endif %}', "khớp"),
    ("{{ co_quan.ten ~ ' & ' ~ 'C' }}", "Sở A & B & C"),
    ("{% if su_kien.so_nguoi < 500 and 1 > 0 %}ít{% endif %}", "ít"),
    ("{{ 'Hội \"Chữ thập đỏ\"' }}", 'Hội "Chữ thập đỏ"'),
    ('{{ "Sở Tư pháp\'s" }}', "Sở Tư pháp's"),
    ("{{ '&amp;' }}", "&amp;"),  # an entity typed as text stays text
    ("A & B {{ 'x' }} <c>", "A & B x <c>"),  # text outside tags is untouched
]


def _template(folder: Path, *, entities: bool) -> Path:
    folder.mkdir()
    doc = docx.Document()
    for source, _expected in LINES:
        doc.add_paragraph(source)
    path = folder / "ky-tu.docx"
    doc.save(str(path))
    if entities:  # what Word may write: quotes and apostrophes as entities too
        with zipfile.ZipFile(path) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        xml = parts["word/document.xml"].decode("utf-8")
        xml = xml.replace('"Sở', "&quot;Sở").replace('PTNT"', "PTNT&quot;")
        xml = xml.replace("pháp's", "pháp&apos;s").replace('\\"', "&#92;&#34;")
        parts["word/document.xml"] = xml.encode("utf-8")
        with zipfile.ZipFile(path, "w") as z:
            for name, data in parts.items():
                z.writestr(name, data)
    return folder


@pytest.mark.parametrize("entities", [False, True], ids=["python-docx", "word-entities"])
def test_quoted_strings_in_tags_keep_their_characters(tmp_path: Path, entities: bool) -> None:
    folder = _template(tmp_path / "mau", entities=entities)
    data = set_in(example(UBND, "nha_nuoc"), "co_quan.ten", "Sở A & B")
    data = set_in(data, "su_kien.so_nguoi", 120)
    out = baocao.render(event(data), template="ky-tu", out=tmp_path / "ra.docx", dirs=[folder])
    got = [p.text for p in docx.Document(str(out)).paragraphs]
    assert got == [expected for _source, expected in LINES]


def test_the_checker_agrees(tmp_path: Path) -> None:
    folder = _template(tmp_path / "mau", entities=True)
    assert check_template(folder / "ky-tu.docx") == []
