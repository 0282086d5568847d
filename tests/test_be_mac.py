"""The closing speech (`phat-bieu-be-mac`): for the `be_mac` person (else the chair; neither:
an error at `nhan_vat`), salutations by protocol, the course's figures from `ket_qua`,
strengths, what to apply, thanks by name, "Tôi tuyên bố bế mạc …" and the ending wish."""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

import docx
import pytest

from baocao.errors import DataError
from baocao.rendering.document import render, render_bytes
from conftest import convert_to_pdf, pdf_text
from event_variants import THANG_CHUYEN, in_format, variants

CASES = variants()


def lines_of(event: Any) -> list[str]:
    document = docx.Document(io.BytesIO(render_bytes(event, template="phat-bieu-be-mac")))
    return [p.text for p in document.paragraphs]


#: the press forms of address give way to "đồng chí" in a speech (issue 10's protocol)
PRESS_FORMS = {"ông", "bà", "anh", "chị"}


def intro(p: Any, *, greeting: bool = False) -> str:
    form = p.danh_xung or "đồng chí"
    if greeting and form.lower() in PRESS_FORMS:
        form = "đồng chí"
    return ", ".join([f"{form} {p.ho_ten}", *p.chuc_vu])


@pytest.mark.parametrize(("case", "data", "fmt"), CASES, ids=[c[0] for c in CASES])
def test_the_closing_speech_of_every_event(case: str, data: dict[str, Any], fmt: str) -> None:
    event = in_format(data, fmt)
    lines = lines_of(event)
    text = "\n".join(lines)
    [closer] = [p for p in event.nhan_vat if p.vai_tro == "be_mac"]
    assert lines[0] == "ĐỀ CƯƠNG PHÁT BIỂU BẾ MẠC"
    assert f"(Của {intro(closer)})" in lines
    # salutations: leaders who directed by name, never the speaker himself
    for p in event.nhan_vat:
        if p.vai_tro == "chi_dao":
            assert f"Kính thưa {intro(p, greeting=True)}!" in lines
    assert not any(closer.ho_ten in x for x in lines if x.startswith("Kính thưa"))
    assert "Kính thưa các đồng chí đại biểu!" in lines
    # thanks to the lecturers by name, the closing formula, the ending wish
    for p in event.nhan_vat:
        if p.vai_tro == "bao_cao_vien":
            assert p.ho_ten in text.split("Thưa các đồng chí!")[-1]
    assert f"Với tinh thần đó, tôi tuyên bố bế mạc {event.su_kien.ten}." in lines
    assert lines[-1] == "Xin trân trọng cảm ơn!"
    assert lines[-2].startswith("Chúc ")
    kq = event.ket_qua
    if kq is not None and kq.so_tham_du:
        assert f"{kq.so_tham_du}/{kq.so_trieu_tap} " in text
    for item in kq.uu_diem if kq else []:
        assert f"- {item}" in lines


def test_figures_in_words_and_numbers_month_boundary() -> None:
    lines = lines_of(in_format(THANG_CHUYEN, "nha_nuoc"))
    # 60/62 = 96,77 %; 58/60 = 96,67 %; 20/58 = 34,48 %; 30/58 = 51,72 %; 8/58 = 13,79 %
    assert (
        "Lớp bồi dưỡng có 60/62 học viên tham dự, đạt 96,8%; 58 học viên hoàn thành chương "
        "trình, đạt 96,7%." in lines
    )
    assert (
        "Kết quả xếp loại: giỏi 20 học viên (34,5%); khá 30 học viên (51,7%); trung bình 8 "
        "học viên (13,8%)." in lines
    )
    assert (
        "Sau 3 ngày nghiên cứu, học tập khẩn trương, nghiêm túc, lớp bồi dưỡng đã hoàn "
        "thành chương trình đề ra." in lines
    )
    assert any(
        "bà Phạm Thị Lan, Giảng viên chính Học viện Hành chính Quốc gia, đã nhiệt tình truyền "
        "đạt các chuyên đề" in x
        for x in lines
    )
    assert any(x.startswith("Cảm ơn Trường Chính trị tỉnh Cà Mau đã phối hợp") for x in lines)
    assert "Cà Mau, ngày 02 tháng 12 năm 2024" in lines  # the last day


def test_the_seed_course_figures() -> None:
    from conftest import EXAMPLES
    from event_variants import raw_data

    lines = lines_of(in_format(raw_data(EXAMPLES / "lop-boi-duong-dan-van.yaml"), "dang"))
    assert (
        "Lớp bồi dưỡng có 120/125 học viên tham dự, đạt 96,0%; 118 học viên hoàn thành chương "
        "trình, đạt 98,3%." in lines
    )
    # 45/118 = 38,14 %; nobody failed: no "chưa đạt 0"
    assert any(x.startswith("Kết quả xếp loại: giỏi 45 học viên (38,1%)") for x in lines)
    assert not any("chưa đạt 0" in x for x in lines)


def test_without_a_be_mac_person_the_chair_closes() -> None:
    data = copy.deepcopy(THANG_CHUYEN)
    data["nhan_vat"] = [p for p in data["nhan_vat"] if p["vai_tro"] != "be_mac"]
    data["nhan_vat"].append(
        {"ho_ten": "Lê Văn Chủ", "chuc_vu": ["Phó Giám đốc Sở"], "vai_tro": "chu_tri"}
    )
    lines = lines_of(in_format(data, "dang"))
    assert "(Của đồng chí Lê Văn Chủ, Phó Giám đốc Sở)" in lines


def test_without_anyone_to_close_it_is_a_located_error(tmp_path: Path) -> None:
    data = copy.deepcopy(THANG_CHUYEN)
    data["nhan_vat"] = [p for p in data["nhan_vat"] if p["vai_tro"] != "be_mac"]
    out = tmp_path / "bm.docx"
    with pytest.raises(DataError) as caught:
        render(in_format(data, "nha_nuoc"), template="phat-bieu-be-mac", out=out)
    [problem] = caught.value.problems
    assert problem.field == "nhan_vat"
    assert "vai_tro: be_mac" in problem.message
    assert not out.exists()
    # the other templates do not need a closer
    render(in_format(data, "nha_nuoc"), template="ke-hoach", out=tmp_path / "kh.docx")


@pytest.mark.libreoffice
def test_libreoffice_renders_the_closing_speech(tmp_path: Path) -> None:
    paths = [
        render(in_format(THANG_CHUYEN, fmt), template="phat-bieu-be-mac",
               out=tmp_path / f"bm.{fmt}.docx")
        for fmt in ("nha_nuoc", "dang")
    ]  # fmt: skip
    for pdf in convert_to_pdf(paths, tmp_path / "pdf"):
        text = " ".join(pdf_text(pdf).split())
        assert "ĐỀ CƯƠNG PHÁT BIỂU BẾ MẠC" in text
        assert "tôi tuyên bố bế mạc lớp bồi dưỡng kỹ năng lãnh đạo, quản lý cấp phòng" in text
        assert "Xin trân trọng cảm ơn!" in text
