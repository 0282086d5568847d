"""The compile-once engine gives what plain docxtpl gives: paragraph texts, table cells,
paragraph styles and run formatting, in the body, headers and footers — on the fixture
templates and on every built-in template with every example event."""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docxtpl import DocxTemplate, Listing, RichText

from baocao.rendering.engine import compile_template, make_env
from baocao.vi import chuan_dau
from conftest import FIXTURES, TEMPLATES, docx_lines, example_files, iter_paragraphs

TPL = FIXTURES / "templates"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
sys.path.insert(0, str(TPL))
import make_fixtures  # noqa: E402

CONTEXTS: dict[str, dict[str, Any]] = {
    "p-if-for.docx": {
        "tieu_de": "Báo cáo",
        "co": True,
        "gia_tri": "có & không",
        "ds": [{"ten": "Nhóm A", "so": 1200}, {"ten": "Nhóm <B>", "so": 35}],
        "ngay": dt.date(2024, 11, 1),
    },
    "tr-for.docx": {
        "rows": [
            {"stt": 1, "noi_dung": "Triệu tập", "so": 150},
            {"stt": 2, "noi_dung": "Tham dự & hoàn thành", "so": 145},
            {"stt": 3, "noi_dung": "Xếp loại giỏi", "so": 1020},
        ],
        "tong": 1315,
    },
    "split-run.docx": {"nguoi_nhan": "Thường trực Tỉnh ủy", "co": False, "nguoi_ky": "Lê Văn A"},
    "header-tag.docx": {
        "co_quan": "Ban Dân vận",
        "dac_biet": 'A & B <C> "D"',
        "nhieu_dong": "dòng một\ndòng hai\tcột",
    },
    "static-header.docx": {"ten": "Hội nghị"},
    "richtext-listing.docx": {
        "ket_qua": RichText("Giỏi & Khá", bold=True, color="C00000"),
        "danh_sach": Listing("một\nhai\aba & bốn"),
    },
}


def plain_docxtpl(path: Path, ctx: dict[str, Any]) -> bytes:
    """The naive way: DocxTemplate → render with make_env() and autoescape → save."""
    tpl = DocxTemplate(path)
    tpl.render(ctx, jinja_env=make_env(), autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def snapshot(data: bytes, kieu: str | None = None) -> list[Any]:
    """What a reader sees: per paragraph (body, headers, footers) its part, style, text and
    runs with their formatting; every table's cell texts. ``kieu`` puts each run's text in
    that tone style (the engine does it per ``w:t``; plain docxtpl does not do it)."""
    document = docx.Document(io.BytesIO(data))
    containers: list[tuple[str, Any]] = [("body", document)]
    for section in document.sections:
        for label in ("header", "first_page_header", "footer", "first_page_footer"):
            part = getattr(section, label)
            if not part.is_linked_to_previous:
                containers.append((label, part))
    out: list[Any] = []
    for label, container in containers:
        for p in iter_paragraphs(container):
            runs = [
                (
                    chuan_dau(r.text, kieu=kieu) if kieu else r.text,
                    r.bold,
                    r.italic,
                    r.underline,
                    r.font.size,
                    r.font.name,
                    r.style.name if r.style is not None else None,
                )
                for r in p.runs
            ]
            out.append((label, p.style.name, "".join(r[0] for r in runs), runs, p.alignment))
    for table in document.tables:
        for row in table.rows:
            out.append(tuple(chuan_dau(c.text, kieu=kieu) if kieu else c.text for c in row.cells))
    return out


@pytest.mark.parametrize("name", sorted(CONTEXTS))
def test_fixture_renders_like_plain_docxtpl(name: str) -> None:
    path = TPL / name
    ctx = CONTEXTS[name]
    expected = snapshot(plain_docxtpl(path, ctx))
    got = snapshot(compile_template(path).render_bytes(ctx))
    assert got == expected
    assert any("{" in str(x) for x in snapshot(path.read_bytes()))  # the fixture has tags
    leftover = [x for x in got if "Cú pháp" not in str(x)]  # that line prints tags on purpose
    assert not any("{{" in str(x) or "{%" in str(x) for x in leftover)


def test_fixture_contents_are_what_the_features_need() -> None:
    """The loops, conditions and split tags really produced what they should."""
    lines = docx_lines_of(
        compile_template(TPL / "p-if-for.docx").render_bytes(CONTEXTS["p-if-for.docx"])
    )
    assert lines == [
        "Tiêu đề: Báo cáo",
        "Có điều kiện: có & không",
        "- Nhóm A: 1.200 người",
        "- Nhóm <B>: 35 người",
        "Cà Mau, ngày 01 tháng 11 năm 2024",
        "Tỉnh ủy giữ hòa khí.",
    ]
    ctx = dict(CONTEXTS["p-if-for.docx"], co=False, ds=[])
    lines = docx_lines_of(compile_template(TPL / "p-if-for.docx").render_bytes(ctx))
    assert lines == [
        "Tiêu đề: Báo cáo",
        "Cà Mau, ngày 01 tháng 11 năm 2024",
        "Tỉnh ủy giữ hòa khí.",
    ]

    data = compile_template(TPL / "tr-for.docx").render_bytes(CONTEXTS["tr-for.docx"])
    table = docx.Document(io.BytesIO(data)).tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["STT", "Nội dung", "Số lượng"],
        ["1", "Triệu tập", "150"],
        ["2", "Tham dự & hoàn thành", "145"],
        ["3", "Xếp loại giỏi", "1.020"],
    ]

    data = compile_template(TPL / "split-run.docx").render_bytes(CONTEXTS["split-run.docx"])
    assert docx_lines_of(data) == ["Kính gửi: Thường trực Tỉnh ủy.", "Ký tên: Lê Văn A"]

    data = compile_template(TPL / "richtext-listing.docx").render_bytes(
        CONTEXTS["richtext-listing.docx"]
    )
    assert docx_lines_of(data) == [
        "Kết quả: Giỏi & Khá (xếp loại).",
        "Danh sách: một\nhai",
        "ba & bốn",
        "Cú pháp: {{ ten }} và {% if co %}",
    ]
    bold = [r for r in docx.Document(io.BytesIO(data)).paragraphs[0].runs if r.bold]
    assert [r.text for r in bold] == ["Giỏi & Khá"]


def docx_lines_of(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [p.text for p in iter_paragraphs(document)]


def test_committed_fixtures_are_what_the_script_builds(tmp_path: Path) -> None:
    make_fixtures.main(tmp_path)
    for name in make_fixtures.FIXTURES:
        assert docx_lines(tmp_path / name) == docx_lines(TPL / name), name


BUILTIN = sorted(TEMPLATES.glob("*.docx")) if TEMPLATES.is_dir() else []


@pytest.mark.slow
@pytest.mark.skipif(not BUILTIN, reason="no built-in templates yet")
@pytest.mark.parametrize("event_file", example_files(), ids=lambda p: p.name)
def test_every_builtin_template_renders_like_plain_docxtpl(event_file: Path) -> None:
    from baocao.event.loading import load_event
    from baocao.registry import builtin_dir, list_templates
    from baocao.template_context.build import context

    event = load_event(event_file)
    specs = [s for s in list_templates() if s.source == str(builtin_dir())]
    assert specs
    checked = 0
    for spec in specs:
        for the_thuc, path in sorted(spec.files.items()):
            ev = event.model_copy(update={"the_thuc": the_thuc})
            ctx = context(ev, template=spec)
            kieu = ctx["dau_thanh"]
            expected = snapshot(plain_docxtpl(path, ctx), kieu)
            got = snapshot(compile_template(path).render_bytes(ctx))
            assert got == expected, f"{path.name} with {event_file.name}"
            checked += 1
    assert checked >= len(specs)


def footnote_texts(data: bytes) -> list[str]:
    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/footnotes.xml"))
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    return ["".join(p.xpath(".//w:t/text()", namespaces=ns)) for p in root.iter(f"{W}p")]


def test_tags_in_footnotes_render_like_plain_docxtpl() -> None:
    path = TPL / "footnote.docx"
    ctx = {"nguon": "Báo Cà Mau & TTXVN"}
    expected = footnote_texts(plain_docxtpl(path, ctx))
    assert expected[-1] == "Nguồn: Báo Cà Mau & TTXVN; Tỉnh ủy."
    assert footnote_texts(compile_template(path).render_bytes(ctx)) == expected
    moi = footnote_texts(compile_template(path).render_bytes(dict(ctx, dau_thanh="moi")))
    assert moi[-1] == "Nguồn: Báo Cà Mau & TTXVN; Tỉnh uỷ."
