"""Issue 10, speech outline (phat-bieu-khai-mac): officials are greeted as ``đồng chí`` (the
press forms ``ông``/``bà`` give way, another form of address stays); by name only those senior
to the speaker or guests (who directs, central lecturers), never the speaker's deputies or one
delegate among many; the background (``boi_canh``) is the "lý do, bối cảnh" part; the speaker's
own request is not repeated by the generic one; only trainees study, delegates discuss.
Rendered documents read back with python-docx."""

from __future__ import annotations

import io

import docx

from render_helpers import DAN_VAN, UBND, example, render, set_in


def speech(data: dict[str, object]) -> list[str]:
    document = docx.Document(io.BytesIO(render(data, "phat-bieu-khai-mac")))
    return [p.text for p in document.paragraphs]


def greetings(lines: list[str]) -> list[str]:
    return [x for x in lines if x.startswith(("Kính thưa", "Thưa"))]


def test_state_meeting_greets_officials_as_dong_chi() -> None:
    lines = speech(example(UBND, "nha_nuoc"))  # people written "ông", "bà" for the press
    assert greetings(lines)[0] == (
        "Kính thưa đồng chí Lâm Văn Bi, Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh!"
    )
    assert lines[2] == "(Của đồng chí Nguyễn Minh Luân, Phó Chủ tịch Ủy ban nhân dân tỉnh)"
    assert not any(" ông " in x or " bà " in x or "thưa bà" in x for x in lines), lines
    assert "Các nội dung do đồng chí Trần Thị Thu Hà, Giám đốc Sở Nội vụ, trình bày." in lines


def test_another_form_of_address_is_kept() -> None:
    data = example(UBND, "nha_nuoc")
    data["nhan_vat"][1]["danh_xung"] = "ngài"
    assert greetings(speech(data))[0].startswith("Kính thưa ngài Lâm Văn Bi,")


def test_only_seniors_and_guests_are_greeted_by_name() -> None:
    lines = speech(example(DAN_VAN, "dang"))
    named = [x for x in greetings(lines) if "các đồng chí" not in x]
    assert named == [
        "Kính thưa đồng chí Đỗ Quốc Khánh, Phó Bí thư Thường trực Tỉnh uỷ!",
        "Kính thưa đồng chí Phạm Minh Khoa, Vụ trưởng Vụ Dân vận chính quyền, "
        "Ban Dân vận Trung ương!",
    ]
    # the deputy head who chairs and the delegate of the school are among "các đồng chí"
    assert not any("Nguyễn Văn Hoà" in x or "Trần Thị Thuý" in x for x in greetings(lines))
    # UBND: a deputy department head among 250 delegates is not greeted by name
    assert not any("Phan Thị Thủy" in x for x in greetings(speech(example(UBND, "nha_nuoc"))))


def test_background_is_the_reason_part() -> None:
    data = example(DAN_VAN, "dang")
    lines = speech(data)
    background = data["su_kien"]["boi_canh"][0]  # type: ignore[index]
    i = lines.index(background.replace("ủy", "uỷ"))
    assert lines[i - 1] == "Thưa các đồng chí!"
    assert lines[i + 1].startswith("Thực hiện Kế hoạch")


def test_the_speakers_request_is_not_repeated() -> None:
    lines = speech(example(UBND, "nha_nuoc"))
    assert sum("đề nghị" in x.casefold() for x in lines) == 1, lines
    data = set_in(example(UBND, "nha_nuoc"), "nhan_vat", example(UBND)["nhan_vat"][:2])
    data["nhan_vat"].append(  # type: ignore[attr-defined]
        {"ho_ten": "Nguyễn Minh Luân", "chuc_vu": ["Phó Chủ tịch"], "vai_tro": "khai_mac"}
    )
    assert any(x.startswith("Để hội nghị đạt kết quả tốt, tôi đề nghị") for x in speech(data))


def test_only_trainees_study_delegates_discuss() -> None:
    lines = speech(example(DAN_VAN, "dang"))
    assert (
        "Trong thời gian 3 ngày, các đồng chí học viên sẽ được nghiên cứu, học tập 5 chuyên đề:"
        in lines
    )
    assert not any("đại biểu và các đồng chí học viên sẽ được nghiên cứu" in x for x in lines)
    # a training day for delegates: they hear and discuss
    data = set_in(example(DAN_VAN, "dang"), "su_kien.nguoi_du", "đại biểu")
    lines = speech(data)
    assert any("các đồng chí đại biểu sẽ được nghe và thảo luận 5 chuyên đề" in x for x in lines)
    assert not any("nghiên cứu, học tập" in x for x in lines)
