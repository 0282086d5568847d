"""``baocao preview``: the rendered document's text on the terminal, no file written."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from baocao.cli import cli
from conftest import EXAMPLES


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_preview_prints_the_rendered_text() -> None:
    result = run("preview", str(EXAMPLES / "hoi-nghi-ubnd.yaml"), "--template", "bao-cao-tong-ket")
    assert result.exit_code == 0
    out = " ".join(result.output.split())
    for expected in (
        "ỦY BAN NHÂN DÂN",  # issue 10: the body type, then the place on its own line
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 21/BC-UBND",
        "Cà Mau, ngày 20 tháng 01 năm 2025",
        "BÁO CÁO",
        "I. CÔNG TÁC CHUẨN BỊ VÀ TỔ CHỨC HỘI NGHỊ",
        "45.000.000 đồng (Bằng chữ: Bốn mươi lăm triệu đồng)",
    ):
        assert expected in out, expected


def test_preview_prints_a_table_as_a_rich_table() -> None:
    event = EXAMPLES / "lop-boi-duong-dan-van.yaml"
    result = run("preview", str(event), "--template", "bao-cao-tong-ket")
    assert result.exit_code == 0
    out = " ".join(result.output.split())
    assert "│ STT │ Nội dung │ Số lượng │ Tỷ lệ │" in out
    assert "│ 2 │ Số học viên tham dự │ 120 │ 96,0% │" in out  # issue 10: one decimal


def test_preview_writes_no_file(tmp_path: Path) -> None:
    event = tmp_path / "su-kien.yaml"
    event.write_bytes((EXAMPLES / "hoi-nghi-ubnd.yaml").read_bytes())
    result = run("preview", str(event), "-t", "tin-bai")
    assert result.exit_code == 0
    assert "Cà Mau tổng kết công tác cải cách hành chính năm 2024" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["su-kien.yaml"]


def test_preview_party_press_release_key_strings() -> None:
    result = run("preview", str(EXAMPLES / "lop-boi-duong-dan-van.yaml"), "-t", "thong-cao")
    assert result.exit_code == 0
    lines = [line.strip() for line in result.output.splitlines()]
    assert "THÔNG CÁO BÁO CHÍ" in lines
    out = " ".join(result.output.split())
    for expected in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Cà Mau, ngày 01 tháng 11 năm 2024",
        "Từ ngày 1 đến ngày 3/11/2024",
    ):
        assert expected in out, expected


def test_outline_marks_titles_as_headings() -> None:
    from baocao.docx.outline import outline
    from baocao.event.loading import load_event
    from baocao.rendering.document import render_bytes

    event = load_event(EXAMPLES / "hoi-nghi-ubnd.yaml")
    blocks = outline(render_bytes(event, template="bao-cao-tong-ket"))
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert headings[0] == "BÁO CÁO"
    assert "I. CÔNG TÁC CHUẨN BỊ VÀ TỔ CHỨC HỘI NGHỊ" in headings
    tables = [b.rows for b in blocks if b.kind == "table"]
    assert tables[-1][0][1] == "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Minh Luân"
    course = load_event(EXAMPLES / "lop-boi-duong-dan-van.yaml")
    rows = [b.rows for b in outline(render_bytes(course, template="bao-cao-tong-ket"))]
    assert ["2", "Số học viên tham dự", "120", "96,0%"] in [r for t in rows for r in t]


def test_preview_unknown_template_exits_3() -> None:
    result = run("preview", str(EXAMPLES / "hoi-nghi-ubnd.yaml"), "-t", "thong-cau")
    assert result.exit_code == 3
    assert "không có mẫu 'thong-cau'" in result.output
