"""``docxtpl_steps.resolve_listing`` (docxtpl's ``resolve_listing`` run only on the paragraphs that
hold ``\\n``, ``\\t``, ``\\a`` or ``\\f``) gives exactly what docxtpl's own function gives on the
whole part: on rendered built-in templates and on any paragraph soup hypothesis builds
(nested paragraphs, self-closing ones, properties, runs without text)."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from baocao.event.loading import load_event
from baocao.registry import list_templates
from baocao.rendering import docxtpl_steps, engine
from baocao.rendering.sandbox import render_capped
from baocao.template_context.build import context
from conftest import example_files

_NEWLINE_P = re.compile(r"\n<w:p([ >])")  # what docxtpl's render_xml_part removes


def _ours(xml: str) -> str:
    return docxtpl_steps.resolve_listing(xml)


def _theirs(xml: str) -> str:
    result: str = docxtpl_steps.docxtpl_template().resolve_listing(xml)
    return result


_TEXT = st.text(alphabet=st.sampled_from(list("ab ủỷ&\n\t\a\f<>/")), max_size=12)
_RUN = st.builds(
    lambda props, text, attrs: f"<w:r{attrs}>{props}<w:t>{text}</w:t></w:r>",
    st.sampled_from(["", "<w:rPr><w:b/></w:rPr>"]),
    _TEXT,
    st.sampled_from(["", ' w:rsidR="00A1"']),
)
_PIECE = st.one_of(
    _RUN,
    _TEXT,
    st.sampled_from(["<w:p/>", '<w:p w:x="1"/>', "<w:pPr><w:jc/></w:pPr>", "<w:br/>", "</w:p>"]),
)


@st.composite
def _paragraphs(draw: st.DrawFn) -> str:
    out = []
    for _ in range(draw(st.integers(0, 4))):
        opener = draw(st.sampled_from(["<w:p>", '<w:p w:rsidR="1">', "<w:pPr>", ""]))
        inner = "".join(draw(st.lists(_PIECE, max_size=5)))
        closer = draw(st.sampled_from(["</w:p>", "", "</w:p></w:p>"]))
        out.append(opener + inner + closer)
    return draw(st.sampled_from(["", "<w:tbl>", "\n"])).join(out)


@given(_paragraphs())
@example("<w:p><w:r><w:t>a\nb</w:t></w:r></w:p><w:p><w:r><w:t>c</w:t></w:r></w:p>")
@example('<w:p w:x="1"/><w:r><w:t>x\ty</w:t></w:r></w:p><w:p><w:r><w:t>\f</w:t></w:r></w:p>')
@example("<w:p><w:p><w:r><w:t>\a</w:t></w:r></w:p><w:r><w:t>\n</w:t></w:r></w:p>")
def test_any_part_resolves_as_docxtpl_resolves_it(xml: str) -> None:
    assert docxtpl_steps.resolve_listing(xml) == docxtpl_steps.docxtpl_template().resolve_listing(
        xml
    )


def test_every_rendered_builtin_part_resolves_as_docxtpl_resolves_it() -> None:
    seen_listing = 0
    for path in example_files():
        event = load_event(path)
        for spec in list_templates():
            if spec.moi_muc:
                continue
            compiled = engine.compile_template(spec.docx_for(event.the_thuc))
            ctx = context(event, template=spec)
            ctx["su_kien"]["ten"] += "\tcột\adòng\fmới\ntrang"  # every listing character
            for part in compiled._parts:
                xml = engine.newlines_out(render_capped(part.template, ctx))
                seen_listing += "\n" in xml
                assert docxtpl_steps.resolve_listing(
                    xml
                ) == docxtpl_steps.docxtpl_template().resolve_listing(xml)
    assert seen_listing > 10


@given(st.lists(st.sampled_from(["\n", "<w:p", " ", ">", "<w:pPr>", "a", "\n<w:p>"])).map("".join))
@example("\n\n<w:p \n<w:p>\n<w:pPr>")
def test_newlines_out_is_the_regular_expression(xml: str) -> None:
    assert engine.newlines_out(xml) == _NEWLINE_P.sub(r"<w:p\1", xml)
