"""Issue 10, summary report (bao-cao-tong-ket): without ``ket_qua`` every section is printed
with a fill-in line and the event gets a warning (the choice documented in
docs/van-ban-format.md); list items end ``;`` and the last ``.``; percentages carry one
decimal throughout; the grades table has a total row and says what each rate is a share of;
Nơi nhận never repeats the Kính gửi addressee. Rendered documents read back with python-docx."""

from __future__ import annotations

import io
import re
from typing import Any

import docx

from baocao.template_context.report import DONG_TRONG
from render_helpers import DAN_VAN, UBND, event, example, render, set_in


def report(data: dict[str, Any]) -> Any:
    return docx.Document(io.BytesIO(render(data, "bao-cao-tong-ket")))


def texts(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_without_results_every_section_has_a_fill_in_line_and_a_warning() -> None:
    data = set_in(example(DAN_VAN, "dang"), "ket_qua", None)
    lines = texts(report(data))
    for heading in (
        "II. KẾT QUẢ",
        "1. Kết quả học tập",
        "2. Đánh giá chung",
        "a) Ưu điểm",
        "b) Hạn chế, tồn tại",
        "c) Nguyên nhân",
        "3. Kinh phí",
        "III. BÀI HỌC KINH NGHIỆM",
        "IV. KIẾN NGHỊ, ĐỀ XUẤT",
    ):
        assert heading in lines, (heading, lines)
    assert lines.count(DONG_TRONG) == 7, lines
    for heading in ("a) Ưu điểm", "3. Kinh phí", "IV. KIẾN NGHỊ, ĐỀ XUẤT"):
        assert lines[lines.index(heading) + 1] == DONG_TRONG
    found = event(data).warnings
    assert [w.code for w in found] == ["ket_qua_trong"]
    assert found[0].severity == "warning" and found[0].line and found[0].column
    assert found[0].field == "van_ban.bao-cao-tong-ket"


def test_with_some_results_no_fill_in_line_and_no_warning() -> None:
    data = example(DAN_VAN, "dang")
    assert DONG_TRONG not in texts(report(data))
    assert not [w for w in event(data).warnings if w.code == "ket_qua_trong"]
    # no report asked for: no warning about its results
    other = set_in(set_in(data, "ket_qua", None), "van_ban.bao-cao-tong-ket", None)
    assert not [w for w in event(other).warnings if w.code == "ket_qua_trong"]


def test_list_items_end_with_semicolons_and_a_full_stop() -> None:
    data = example(DAN_VAN, "dang")
    data["ket_qua"]["uu_diem"] = ["Chuẩn bị chu đáo.", "Học viên nghiêm túc;", "Tài liệu tốt"]
    lines = texts(report(data))
    i = lines.index("a) Ưu điểm")
    assert lines[i + 1 : i + 4] == [
        "- Chuẩn bị chu đáo;",
        "- Học viên nghiêm túc;",
        "- Tài liệu tốt.",
    ]
    for heading in ("b) Hạn chế, tồn tại", "III. BÀI HỌC KINH NGHIỆM", "IV. KIẾN NGHỊ, ĐỀ XUẤT"):
        j = lines.index(heading) + 1
        items = []
        while j < len(lines) and lines[j].startswith("- "):
            items.append(lines[j])
            j += 1
        assert items and all(x.endswith(";") for x in items[:-1]) and items[-1].endswith(".")


def test_percentages_have_one_decimal_and_the_grades_add_up() -> None:
    data = example(DAN_VAN, "dang")
    data["ket_qua"].update(so_trieu_tap=100, so_tham_du=100, so_hoan_thanh=100)
    data["ket_qua"]["xep_loai"] = {"gioi": 31, "kha": 38, "trung_binh": 31, "chua_dat": 0}
    document = report(data)
    table = [[c.text for c in r.cells] for r in document.tables[1].rows]
    rates = [r[3] for r in table[1:] if r[3]]
    assert rates and all(re.fullmatch(r"\d+,\d%", x) for x in rates), rates
    assert ["4", "Xếp loại giỏi", "31", "31,0%"] in table
    assert table[-1] == ["", "Cộng xếp loại", "100", "100,0%"]
    text = "\n".join(texts(document))
    assert "tỷ lệ xếp loại tính trên số học viên hoàn thành chương trình" in text
    assert "tỷ lệ tham dự tính trên số học viên triệu tập" in text
    assert "đạt 100,0%" in text
    assert not re.search(r"(?<![\d,])\d+%", text), text  # no whole "96%" anywhere


def test_noi_nhan_never_repeats_the_kinh_gui_addressee() -> None:
    data = example(UBND, "nha_nuoc")
    vb = data["van_ban"]["bao-cao-tong-ket"]
    vb["kinh_gui"] = ["Thường trực Tỉnh uỷ", "Bộ Nội vụ"]
    vb["noi_nhan"] = ["Như trên", "Thường trực  Tỉnh ủy (để báo cáo)", "bộ nội vụ", "Sở Nội vụ"]
    document = report(data)
    cell = document.tables[-1].rows[0].cells[0]
    items = [p.text for p in cell.paragraphs if p.style.name == "Nơi nhận - mục"]
    assert items == ["- Như trên;", "- Sở Nội vụ;", "- Lưu: VT, NC."], items
