"""A template made by hand in LibreOffice Writer (HTML converted to .docx by soffice in the
test) passes ``check`` and renders; a typo in such a file is found at its place."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from baocao.event.loading import load_event
from baocao.lint.checker import check_template
from baocao.registry import TemplateSpec
from baocao.rendering.document import render_bytes
from conftest import EXAMPLES, soffice, soffice_convert

pytestmark = pytest.mark.libreoffice

HTML = """<html><head><meta charset="utf-8"></head><body>
<p style="text-align:center"><b>{{{{ dong_co_quan }}}}</b></p>
<p>{{{{ cau.thong_cao_mo_dau }}}}</p>
<p>{{%p for n in nhan_vat %}}</p>
<p>Đồng chí {{{{ n.{ho_ten} }}}} – {{{{ n.chuc_vu|noi }}}}</p>
<p>{{%p endfor %}}</p>
<table border="1"><tr><td>STT</td><td>Nội dung</td><td>Số lượng</td></tr>
<tr><td>{{%tr for r in bang_ket_qua %}}</td><td></td><td></td></tr>
<tr><td>{{{{ r.stt }}}}</td><td>{{{{ r.noi_dung }}}}</td><td>{{{{ r.so }}}}</td></tr>
<tr><td>{{%tr endfor %}}</td><td></td><td></td></tr></table>
<p>Kinh phí: {{{{ so_lieu.kinh_phi }}}}</p>
</body></html>
"""


@pytest.fixture(scope="module")
def made_in_writer(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path_factory.mktemp("writer")
    (folder / "dung.html").write_text(HTML.format(ho_ten="ho_ten"), encoding="utf-8")
    (folder / "sai.html").write_text(HTML.format(ho_ten="hoten"), encoding="utf-8")
    dung, sai = soffice_convert(
        [folder / "dung.html", folder / "sai.html"], folder / "out", to="docx:MS Word 2007 XML"
    )
    return {"dung": dung, "sai": sai}


def test_writer_template_passes_check_and_renders(made_in_writer: dict[str, Path]) -> None:
    path = made_in_writer["dung"]
    event_file = EXAMPLES / "hoi-nghi-ubnd.yaml"
    assert check_template(path) == []
    assert check_template(path, event=event_file) == []
    spec = TemplateSpec(name="mau-writer", files={"nha_nuoc": path, "dang": path})
    out = path.with_name("ra.docx")
    out.write_bytes(render_bytes(load_event(event_file), template=spec))
    doc = Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "ỦY BAN NHÂN DÂN TỈNH CÀ MAU"
    assert "Đồng chí Trần Thị Thu Hà – Giám đốc Sở Nội vụ" in texts
    assert "Kinh phí: 45.000.000 đồng (Bằng chữ: Bốn mươi lăm triệu đồng)" in texts
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert rows[1] == ["1", "Số đại biểu triệu tập", "260"]
    assert rows[2] == ["2", "Số đại biểu tham dự", "248"]


def test_writer_template_typo_is_located(made_in_writer: dict[str, Path]) -> None:
    problems = check_template(made_in_writer["sai"])
    assert [(p.code, p.part) for p in problems] == [
        (
            "unknown-attribute",
            "phần thân, đoạn 4: «Đồng chí {{ n.hoten }} – {{ n.chuc_vu|noi }}»",
        )
    ]
