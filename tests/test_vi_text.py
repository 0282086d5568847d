"""baocao.vi text helpers: NFC, tone-mark style (chuan_dau), case, joining lists, dong_chi."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import pytest

from baocao.vi import chu_dau_hoa, chuan_dau, dong_chi, nfc, noi, viet_hoa


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


# --- tone styles: every open oa / oe / uy pattern with each of the 5 tones ---------------
# (old style "cu", new style "moi"), written out by hand: huyền, sắc, hỏi, ngã, nặng.
PAIRS = [
    ("hòa", "hoà"), ("hóa", "hoá"), ("hỏa", "hoả"), ("hõa", "hoã"), ("họa", "hoạ"),
    ("khòe", "khoè"), ("khóe", "khoé"), ("khỏe", "khoẻ"), ("khõe", "khoẽ"), ("khọe", "khoẹ"),
    ("thùy", "thuỳ"), ("thúy", "thuý"), ("thủy", "thuỷ"), ("thũy", "thuỹ"), ("thụy", "thuỵ"),
    ("ùy", "uỳ"), ("úy", "uý"), ("ủy", "uỷ"), ("ũy", "uỹ"), ("ụy", "uỵ"),
    ("òa", "oà"), ("óa", "oá"), ("ỏa", "oả"), ("õa", "oã"), ("ọa", "oạ"),
    ("lòe", "loè"),
]  # fmt: skip
PAIRS += [
    ("Hòa", "Hoà"), ("HÒA", "HOÀ"), ("Ủy", "Uỷ"), ("ỦY", "UỶ"), ("KHỎE", "KHOẺ"),
    ("Thúy", "Thuý"), ("THÚY", "THUÝ"), ("tòa", "toà"), ("xõa", "xoã"), ("tụy", "tuỵ"),
    ("lũy", "luỹ"), ("hủy", "huỷ"), ("nhòe", "nhoè"), ("xòe", "xoè"), ("lòa", "loà"),
]  # fmt: skip


@pytest.mark.parametrize(("cu", "moi"), PAIRS)
def test_open_oa_oe_uy_move_between_styles(cu: str, moi: str) -> None:
    assert chuan_dau(moi, kieu="cu") == cu
    assert chuan_dau(cu, kieu="moi") == moi
    assert chuan_dau(cu, kieu="cu") == cu
    assert chuan_dau(moi, kieu="moi") == moi
    assert chuan_dau(moi) == cu  # the default style is the traditional one


def test_every_onset_with_every_tone_generated() -> None:
    """All onsets × oa/oe/uy × 5 tones: old puts the mark on the 1st vowel, new on the 2nd."""
    tones = {"\u0300": "huyền", "\u0301": "sắc", "\u0309": "hỏi", "\u0303": "ngã", "\u0323": "nặng"}
    onsets = ["", "b", "ch", "d", "đ", "h", "kh", "l", "m", "n", "ngh", "nh", "s", "t", "th", "x"]
    checked = 0
    for onset in onsets:
        for nucleus in ("oa", "oe", "uy"):
            for tone in tones:
                cu = nfc(onset + nucleus[0] + tone + nucleus[1])
                moi = nfc(onset + nucleus + tone)
                assert chuan_dau(moi, kieu="cu") == cu, (onset, nucleus, tones[tone])
                assert chuan_dau(cu, kieu="moi") == moi, (onset, nucleus, tones[tone])
                checked += 1
    assert checked == len(onsets) * 3 * 5


NEVER_CHANGE = [
    "toàn", "hoàn", "khoảng", "loạn", "thuyền", "quyết toán", "quý", "gìn", "qua", "quả",
    "hoàng", "huỳnh", "khuỷu", "hoài", "xoáy", "ngoẹo", "khoét", "suýt", "boóng", "người",
    "được", "tuổi", "Nguyễn", "thuở", "khuấy", "hoặc", "mái", "của", "già", "giữ", "Quỳnh",
    "TOÀN", "Hoàng", "QUÝ", "khuya", "quyển", "nguyệt",
]  # fmt: skip


@pytest.mark.parametrize("word", NEVER_CHANGE)
def test_closed_and_other_syllables_never_change(word: str) -> None:
    assert chuan_dau(word, kieu="cu") == word
    assert chuan_dau(word, kieu="moi") == word


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [("hòang", "hoàng"), ("qúy", "quý"), ("gìa", "già"), ("tóan", "toán"), ("Hòang", "Hoàng")],
)
def test_misplaced_marks_are_repaired_in_both_styles(broken: str, fixed: str) -> None:
    assert chuan_dau(broken, kieu="cu") == fixed
    assert chuan_dau(broken, kieu="moi") == fixed


@pytest.mark.parametrize("text", ["Renée", "iPhone", "Đắk Lắk", "Zoé", "résumé", "Chloé"])
def test_foreign_words_and_dak_lak_untouched(text: str) -> None:
    assert chuan_dau(text, kieu="cu") == text
    assert chuan_dau(text, kieu="moi") == text


def test_upper_case_input_keeps_case() -> None:
    assert chuan_dau("UỶ BAN NHÂN DÂN TỈNH HOÀ BÌNH") == "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH"
    assert chuan_dau("ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH", kieu="moi") == "UỶ BAN NHÂN DÂN TỈNH HOÀ BÌNH"
    assert chuan_dau("HUYỆN UỶ ĐỊNH HOÁ") == "HUYỆN ỦY ĐỊNH HÓA"


def test_nfd_input_gives_nfc_output() -> None:
    out = chuan_dau(nfd("Uỷ ban nhân dân tỉnh Hoà Bình"))
    assert out == "Ủy ban nhân dân tỉnh Hòa Bình"
    assert unicodedata.is_normalized("NFC", out)
    out = chuan_dau(nfd("Ủy viên Ban Thường vụ Tỉnh ủy"), kieu="moi")
    assert out == "Uỷ viên Ban Thường vụ Tỉnh uỷ"
    assert unicodedata.is_normalized("NFC", out)


def test_running_text_with_punctuation() -> None:
    text = "Đồng chí A, Uỷ viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh uỷ (Hoà Bình)."
    cu = "Đồng chí A, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy (Hòa Bình)."
    moi = "Đồng chí A, Uỷ viên Ban Thường vụ Tỉnh uỷ, Trưởng Ban Dân vận Tỉnh uỷ (Hoà Bình)."
    assert chuan_dau(text) == cu
    assert chuan_dau(text, kieu="moi") == moi


@pytest.mark.parametrize(
    ("typed", "cu", "moi"),
    [  # the tone after a consonant: NFC cannot compose it, so it used to stay there
        ("Viêt\u0323", "Việt", "Việt"),
        ("thuyên\u0300", "thuyền", "thuyền"),
        ("hoan\u0300g", "hoàng", "hoàng"),
        ("Thuy\u0309", "Thủy", "Thuỷ"),
        ("ĐÔNG\u0300", "ĐỒNG", "ĐỒNG"),
        ("Nguyên\u0303 Văn Hoa\u0300", "Nguyễn Văn Hòa", "Nguyễn Văn Hoà"),
    ],
)
def test_a_mark_typed_after_a_consonant_goes_back_on_the_vowel(
    typed: str, cu: str, moi: str
) -> None:
    assert chuan_dau(typed, kieu="cu") == cu
    assert chuan_dau(typed, kieu="moi") == moi


def test_stray_marks_outside_vietnamese_words_are_left_alone() -> None:
    for text in ("Guðrun\u0300", "2024\u0300", " \u0301x", "k\u0301"):
        assert chuan_dau(text) == nfc(text)


def test_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="kieu"):
        chuan_dau("hoà", kieu="new")


# --- nfc, case ------------------------------------------------------------------------------


def test_nfc_composes_and_keeps_nfc() -> None:
    assert nfc(nfd("Nguyễn Thị Thuỷ")) == "Nguyễn Thị Thuỷ"
    assert len(nfc("Nguye\u0302\u0303n")) == 6
    ime = "Nguyê\u0303n"  # "Unicode tổ hợp": precomposed ê + combining tilde
    assert nfc(ime) == "Nguyễn"
    assert nfc("") == ""


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("\u00d0ảng ủy", "Đảng ủy"),  # Icelandic Eth
        ("\u0189à Nẵng", "Đà Nẵng"),  # African D
        ("\u00f0ồng chí", "đồng chí"),
        ("\u0256ức", "đức"),
        ("\u00d0ỒNG \u00d0ỨC", "ĐỒNG ĐỨC"),
        (nfd("\u00d0ặng Thị Hòa"), "Đặng Thị Hòa"),
        ("Guðrún Ðóra", "Guðrún Ðóra"),  # not Vietnamese: kept
    ],
)
def test_nfc_maps_the_look_alikes_of_d_in_vietnamese_words(written: str, expected: str) -> None:
    got = nfc(written)
    assert got == expected
    assert got.lower().upper() == got.upper()
    assert chuan_dau(written) == chuan_dau(expected)


def test_viet_hoa_upper_cases_every_vietnamese_letter() -> None:
    assert viet_hoa("Tỉnh ủy Cà Mau") == "TỈNH ỦY CÀ MAU"
    assert viet_hoa("đường ươm ắt ẫm ệ ỡ ự ỵ") == "ĐƯỜNG ƯƠM ẮT ẪM Ệ Ỡ Ự Ỵ"
    assert viet_hoa(nfd("Hoà Bình")) == "HOÀ BÌNH"


def test_chu_dau_hoa_touches_only_the_first_letter() -> None:
    assert chu_dau_hoa("lớp bồi dưỡng") == "Lớp bồi dưỡng"
    assert chu_dau_hoa("đồng chí Lê Thanh Triều, Ủy viên") == "Đồng chí Lê Thanh Triều, Ủy viên"
    assert chu_dau_hoa("ĐÃ VIẾT HOA") == "ĐÃ VIẾT HOA"
    assert chu_dau_hoa("(ủy ban)") == "(Ủy ban)"
    assert chu_dau_hoa("") == ""
    assert chu_dau_hoa(nfd("ủy ban")) == "Ủy ban"


# --- noi --------------------------------------------------------------------------------------


def test_noi() -> None:
    assert noi(["A", "B", "C"]) == "A, B và C"
    assert noi(["A", "B"]) == "A và B"
    assert noi(["A"]) == "A"
    assert noi([]) == ""
    assert noi(["A", "B", "C"], ngan="; ") == "A; B; C"
    assert noi(["A", "B", "C"], cuoi="hoặc") == "A, B hoặc C"
    assert noi(["A", "B", "C"], ngan="; ", cuoi="và") == "A; B và C"
    assert noi(["A", None, "", "B"]) == "A và B"
    assert noi("một chuỗi") == "một chuỗi"
    assert noi(x for x in ("Cà Mau", "Bạc Liêu")) == "Cà Mau và Bạc Liêu"


# --- dong_chi ---------------------------------------------------------------------------------


@dataclass
class NguoiMau:
    ho_ten: str
    chuc_vu: list[str] | str = field(default_factory=list)
    danh_xung: str | None = None


def test_dong_chi_from_mapping_and_object() -> None:
    expected = "đồng chí Lê Thanh Triều, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy"
    chuc_vu = ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy"]
    assert dong_chi({"ho_ten": "Lê Thanh Triều", "chuc_vu": chuc_vu}) == expected
    assert dong_chi(NguoiMau("Lê Thanh Triều", chuc_vu)) == expected
    assert dong_chi(NguoiMau("Lê Thanh Triều", chuc_vu, None)) == expected


def test_dong_chi_uses_danh_xung_and_string_title() -> None:
    assert dong_chi(NguoiMau("Nguyễn Thị Hoa", "Giám đốc Sở Tài chính", "bà")) == (
        "bà Nguyễn Thị Hoa, Giám đốc Sở Tài chính"
    )
    assert dong_chi({"ho_ten": "Trần Văn Bình", "danh_xung": "ông"}) == "ông Trần Văn Bình"
    assert dong_chi({"ho_ten": "Trần Văn Bình", "chuc_vu": []}) == "đồng chí Trần Văn Bình"
    assert dong_chi({"ho_ten": nfd("Lê Thị Thuỷ")}) == "đồng chí Lê Thị Thuỷ"
