"""baocao's own ``resolve_listing`` and ``fix_docpr_ids`` (``baocao.rendering.docxtpl_steps``,
which spare a render the import of python-docx) give exactly what docxtpl's methods give."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree

from baocao.rendering.docxtpl_steps import WP_NS, DocxtplSteps, fix_docpr_ids, resolve_listing


def _docxtpl() -> Any:
    from docxtpl import DocxTemplate

    tpl = DocxTemplate.__new__(DocxTemplate)
    tpl.__dict__.update(docx=None, docx_ids_index=1000, template_file=None)
    return tpl


# text inside w:t (and inside properties): listing characters, markup-like text
TEXT = st.lists(
    st.sampled_from(["\t", "\n", "\a", "\f", "a", "Hội nghị ", "%s", "\\1", "&amp;", "<w:b/>"]),
    max_size=6,
).map("".join)
NOISE = st.sampled_from(["", "<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "\n"])


@st.composite
def _properties(draw: st.DrawFn, tag: str) -> str:
    if not draw(st.booleans()):
        return ""
    return f"<{tag}>{draw(TEXT)}</{tag}>"


@st.composite
def _run(draw: st.DrawFn) -> str:
    open_r = draw(st.sampled_from(["<w:r>", '<w:r w:rsidR="1">']))
    texts = draw(
        st.lists(
            st.builds(
                lambda o, t: f"{o}{t}</w:t>",
                st.sampled_from(["<w:t>", '<w:t xml:space="preserve">']),
                TEXT,
            ),
            max_size=3,
        )
    )
    tab = draw(st.sampled_from(["", "<w:tab/>"]))
    return open_r + draw(_properties("w:rPr")) + tab + "".join(texts) + "</w:r>"


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    open_p = draw(st.sampled_from(["<w:p>", '<w:p w:rsidR="00A1">']))
    runs = draw(st.lists(_run(), max_size=3))
    return open_p + draw(_properties("w:pPr")) + "".join(runs) + "</w:p>" + draw(NOISE)


@settings(max_examples=200, deadline=None)
@given(st.lists(_paragraph(), max_size=4).map("".join))
@example("<w:p><w:pPr>\n</w:pPr><w:r><w:t>a\tb\n</w:t></w:r></w:p>")
@example("<w:p><w:r><w:rPr><w:b/>\n</w:rPr><w:t>\a\f</w:t></w:r></w:p>")
def test_resolve_listing_is_docxtpls(xml: str) -> None:
    assert resolve_listing(xml) == _docxtpl().resolve_listing(xml)


def test_resolve_listing_of_a_real_paragraph() -> None:
    xml = (
        '<w:body><w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>'
        "<w:t>Một\tHai\nBa\aBốn\fNăm</w:t></w:r></w:p><w:p><w:r><w:t>x</w:t></w:r></w:p>"
        "</w:body>"
    )
    assert resolve_listing(xml) == _docxtpl().resolve_listing(xml)
    assert DocxtplSteps().resolve_listing(xml) == resolve_listing(xml)


def _drawings(count: int) -> str:
    shapes = "".join(
        f'<w:r><w:drawing><wp:inline><wp:docPr id="{7 - i % 2}" name="p{i}"/></wp:inline>'
        "</w:drawing></w:r>"
        for i in range(count)
    )
    return (
        '<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        f'xmlns:wp="{WP_NS}"><w:p>{shapes}</w:p></w:body>'
    )


def test_fix_docpr_ids_is_docxtpls() -> None:
    for count in (0, 1, 3):
        ours, theirs = etree.fromstring(_drawings(count)), etree.fromstring(_drawings(count))
        fix_docpr_ids(ours)
        _docxtpl().fix_docpr_ids(theirs)
        assert etree.tostring(ours) == etree.tostring(theirs)
    tree = etree.fromstring(_drawings(2))
    DocxtplSteps().fix_docpr_ids(tree)
    assert [e.get("id") for e in tree.iter(f"{{{WP_NS}}}docPr")] == ["1001", "1002"]
