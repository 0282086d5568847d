"""The plan (`ke-hoach`): sections I–IV renumbered by the data, the amount in figures and in
words with its source, one numbered paragraph per unit, căn cứ, Kính gửi when the plan goes
up, "dự kiến" dates, signer, Nơi nhận, and the programme as an appendix after the signature."""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

import docx
import pytest

from baocao.rendering.document import render, render_bytes
from conftest import convert_to_pdf, iter_paragraphs, pdf_text
from event_variants import THANG_CHUYEN, in_format, variants

CASES = variants()
#: the amounts of the examples, read aloud by hand (not by baocao)
BANG_CHU = {
    150_000_000: "Một trăm năm mươi triệu đồng",
    45_000_000: "Bốn mươi lăm triệu đồng",
    96_500_000: "Chín mươi sáu triệu năm trăm nghìn đồng",
    1_250_500_000: "Một tỷ hai trăm năm mươi triệu năm trăm nghìn đồng",
}


def lines_of(event: Any) -> list[str]:
    document = docx.Document(io.BytesIO(render_bytes(event, template="ke-hoach")))
    return [p.text for p in iter_paragraphs(document)]


@pytest.mark.parametrize(("case", "data", "fmt"), CASES, ids=[c[0] for c in CASES])
def test_the_plan_of_every_event(case: str, data: dict[str, Any], fmt: str) -> None:
    event = in_format(data, fmt)
    lines = lines_of(event)
    assert "KẾ HOẠCH" in lines
    [so] = [x for x in lines if x.startswith("Số") and "KH" in x]
    assert ("-KH/" if fmt == "dang" else "/KH-") in so
    headings = [x for x in lines if x[:2] in ("I.", "II", "IV") or x.startswith("III.")]
    assert headings == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG",
        "III. KINH PHÍ",
        "IV. TỔ CHỨC THỰC HIỆN",
    ]
    noi_dung = lines.index("II. NỘI DUNG")
    assert lines[noi_dung + 1 : noi_dung + 2] == ["1. Thời gian, địa điểm"]
    assert lines[noi_dung + 2].startswith("Thời gian: dự kiến ")
    assert "2. Thành phần" in lines and "3. Nội dung chương trình" in lines
    assert any(x.startswith("Thực hiện ") and x.endswith("như sau:") for x in lines)  # căn cứ
    # the amount in figures and in words, and its source
    kp = event.ke_hoach.kinh_phi_du_kien
    figures = f"{kp.so_tien:,}".replace(",", ".")
    assert f"Tổng kinh phí dự kiến: {figures} đồng (Bằng chữ: {BANG_CHU[kp.so_tien]})." in lines
    assert f"Nguồn kinh phí: {kp.nguon}." in lines
    # one numbered paragraph per unit, in order
    start = lines.index("IV. TỔ CHỨC THỰC HIỆN")
    units = [x for x in lines[start + 1 :] if x[:1].isdigit() and ". " in x[:4]]
    assert [u.split(". ", 1)[1].split(":")[0] for u in units] == [
        pc.don_vi for pc in event.ke_hoach.phan_cong
    ]
    assert all(u.endswith(".") for u in units)
    # Kính gửi when the plan goes up to a superior
    kinh_gui = event.van_ban_cho("ke-hoach").kinh_gui
    assert any(x.startswith("Kính gửi") for x in lines) == bool(kinh_gui)
    # signer and Nơi nhận, then the programme as an appendix
    signer = event.van_ban_cho("ke-hoach").nguoi_ky
    assert signer is not None and signer.ho_ten in lines
    assert lines.index("Nơi nhận:") < lines.index("PHỤ LỤC") < lines.index("CHƯƠNG TRÌNH")
    assert any(x.startswith("(Kèm theo Kế hoạch số ") for x in lines)
    assert "(Có chương trình chi tiết kèm theo)" in lines


def test_sections_renumber_without_cost_or_aims() -> None:
    data = copy.deepcopy(THANG_CHUYEN)
    del data["ke_hoach"]["kinh_phi_du_kien"]
    data["ke_hoach"]["yeu_cau"] = []
    data["su_kien"]["muc_dich"] = []
    del data["chuong_trinh"]
    lines = lines_of(in_format(data, "nha_nuoc"))
    headings = [x for x in lines if x in ("I. NỘI DUNG", "II. TỔ CHỨC THỰC HIỆN")]
    assert headings == ["I. NỘI DUNG", "II. TỔ CHỨC THỰC HIỆN"]
    assert not any("KINH PHÍ" in x or "MỤC ĐÍCH" in x for x in lines)
    assert "PHỤ LỤC" not in lines and "(Có chương trình chi tiết kèm theo)" not in lines


def test_month_boundary_plan_reads_in_the_future_tense() -> None:
    lines = lines_of(in_format(THANG_CHUYEN, "nha_nuoc"))
    assert (
        "Thời gian: dự kiến 03 ngày, từ ngày 30/11/2024 đến ngày 02/12/2024 "
        "(khai mạc lúc 7 giờ 30 phút ngày 30/11/2024)." in lines
    )
    assert "Số lượng: dự kiến 60 học viên." in lines
    assert "Kính gửi: Ủy ban nhân dân tỉnh Cà Mau" in lines
    assert (
        "1. Phòng Công chức, viên chức: Xây dựng chương trình; theo dõi kết quả học tập." in lines
    )
    assert "2. Văn phòng Sở: Bảo đảm kinh phí, hội trường." in lines
    assert "(Kèm theo Kế hoạch số 07/KH-SNV ngày 04/11/2024 của Sở Nội vụ tỉnh Cà Mau)" in lines
    assert lines.count("- Như trên;") == 1  # Kính gửi → Nơi nhận starts with "Như trên"


def test_plan_can_cu_of_its_own_wins_over_the_event_one() -> None:
    data = copy.deepcopy(THANG_CHUYEN)
    data["ke_hoach"]["can_cu"] = "Chương trình công tác năm 2024 của Sở Nội vụ"
    lines = lines_of(in_format(data, "dang"))
    assert (
        "Thực hiện Chương trình công tác năm 2024 của Sở Nội vụ, Sở Nội vụ tỉnh Cà Mau xây dựng "
        "Kế hoạch tổ chức lớp bồi dưỡng kỹ năng lãnh đạo, quản lý cấp phòng như sau:" in lines
    )


@pytest.mark.libreoffice
def test_libreoffice_renders_the_plan_with_its_appendix(tmp_path: Path) -> None:
    paths = [
        render(in_format(THANG_CHUYEN, fmt), template="ke-hoach", out=tmp_path / f"kh.{fmt}.docx")
        for fmt in ("nha_nuoc", "dang")
    ]
    for pdf in convert_to_pdf(paths, tmp_path / "pdf"):
        pages = pdf_text(pdf).split("\f")
        text = "\n".join(pages)
        assert "Một tỷ hai trăm năm mươi triệu năm trăm nghìn đồng" in " ".join(text.split())
        [appendix] = [i for i, page in enumerate(pages) if "PHỤ LỤC" in page]
        assert appendix > 0 and "Nơi nhận" not in pages[appendix]  # a page of its own
        assert "Thứ Bảy, ngày 30/11/2024" in pages[appendix]
