"""The renderer builds only the context keys its template reads (issue 11): the keys it
reads hold what the whole context holds, a key read only in a header or a footer is there,
and a side file's check (``can_nguoi_be_mac``) is made even when the text never prints
``be_mac``."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from baocao.errors import DataError
from baocao.event.loading import load_event
from baocao.registry import find_template, list_templates
from baocao.rendering.document import render
from baocao.rendering.engine import compile_template
from baocao.template_context.build import context
from conftest import MINIMAL_EVENT, docx_lines, example_files


@pytest.mark.parametrize("event_file", example_files(), ids=lambda p: p.name)
def test_the_keys_a_template_reads_are_those_of_the_whole_context(event_file: Path) -> None:
    event = load_event(event_file)
    for spec in list_templates():
        names = compile_template(spec.docx_for(event.the_thuc)).names
        full = context(event, template=spec)
        some = context(event, template=spec, keys=names)
        read = names & full.keys()
        assert read, spec.name
        assert {k: some[k] for k in read} == {k: full[k] for k in read}, spec.name
        assert len(some) <= len(full)


def test_a_template_that_reads_little_gets_little() -> None:
    event = load_event(example_files()[0])
    spec = find_template("tin-bai")
    some = context(event, template=spec, keys=compile_template(spec.docx_for("dang")).names)
    assert "lich_chuong_trinh" not in some and "vach_trich_yeu" not in some
    assert {"cau", "tieu_de_tin", "dau_thanh", "cach_doc_so"} <= some.keys()


def _template(folder: Path, name: str, body: str, header: str = "", footer: str = "") -> None:
    doc = Document()
    doc.add_paragraph(body)
    section = doc.sections[0]
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = footer
    folder.mkdir(parents=True, exist_ok=True)
    doc.save(str(folder / f"{name}.docx"))


def test_keys_read_in_headers_and_footers_are_built(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    _template(
        folder,
        "thu",
        "{% for n in nguoi_phat_bieu %}{{ n.ho_ten }}{% endfor %}Thân",
        header="Đầu: {{ dong_ngay }}",
        footer="Chân: {{ thoi_gian_moi }}",
    )
    event_file = tmp_path / "su-kien.yaml"
    event_file.write_text(MINIMAL_EVENT, encoding="utf-8")
    out = render(load_event(event_file), template="thu", out=tmp_path / "thu.docx", dirs=[folder])
    lines = docx_lines(out)
    assert any(x.startswith("Đầu: Cà Mau, ngày") for x in lines), lines
    assert any(x.startswith("Chân: vào") and "2024" in x for x in lines), lines


def test_a_side_file_check_is_made_when_the_text_does_not_print_its_key(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "mau"
    _template(folder, "be-mac-rieng", "Bế mạc {{ ten_su_kien }}")
    (folder / "be-mac-rieng.yaml").write_text(
        "cai_dat:\n  can_nguoi_be_mac: true\n", encoding="utf-8"
    )
    event_file = tmp_path / "su-kien.yaml"
    event_file.write_text(MINIMAL_EVENT, encoding="utf-8")
    out = tmp_path / "bm.docx"
    with pytest.raises(DataError) as caught:
        render(load_event(event_file), template="be-mac-rieng", out=out, dirs=[folder])
    assert [p.field for p in caught.value.problems] == ["nhan_vat"]
    assert not out.exists()
