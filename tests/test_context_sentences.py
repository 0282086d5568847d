"""baocao.context: the keys templates rely on, built from real events (the model validates)."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
import yaml

from baocao.errors import BaocaoError
from baocao.event.loading import parse_event
from baocao.template_context.build import context

# The event of the seed article, as docs/event-format.md gives it.
SEED: dict[str, Any] = {
    "the_thuc": "dang",
    "co_quan": {
        "cap_tren": "Tỉnh ủy Cà Mau",
        "ten": "Ban Dân vận",
        "ten_goi": "Ban Dân vận Tỉnh ủy",
        "viet_tat": "BDVTU",
        "dia_danh": "Cà Mau",
    },
    "su_kien": {
        "ten": "lớp bồi dưỡng nghiệp vụ công tác dân vận",
        "goi_tat": "lớp bồi dưỡng",
        "nguoi_du": "học viên",
        "bat_dau": "2024-11-01 07:30",
        "ket_thuc": "2024-11-03",
        "dia_diem": "Trường Chính trị tỉnh Cà Mau",
        "phoi_hop": ["Trường Chính trị tỉnh Cà Mau"],
        "doi_tuong": [
            "lãnh đạo các sở, ban, ngành, Mặt trận Tổ quốc, các tổ chức chính trị - xã hội, "
            "đơn vị sự nghiệp và một số Hội quần chúng cấp tỉnh",
            "thành viên Ban chỉ đạo Quy chế dân chủ cơ sở cấp tỉnh",
            "lãnh đạo các huyện, thành phố",
        ],
        "noi_dung": [
            "Công tác dân vận trong tình hình mới",
            "Công tác dân vận của chính quyền và các cơ quan Nhà nước, xây dựng và thực hiện "
            "quy chế dân chủ ở cơ sở, thực tiễn tỉnh Cà Mau",
            "Đổi mới nội dung, phương thức hoạt động của Mặt trận Tổ quốc và các tổ chức "
            "chính trị - xã hội trong giai đoạn hiện nay",
            "Công tác dân vận đối với đồng bào dân tộc thiểu số, đồng bào tôn giáo",
            "Dân vận khéo và nghiệp vụ dân vận",
        ],
    },
    "nhan_vat": [
        {
            "ho_ten": "Lê Thanh Triều",
            "chuc_vu": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy"],
            "vai_tro": "khai_mac",
        }
    ],
    "bao_chi": {"ma_bao": "CMO", "tac_gia": "Mộng Thường"},
}


def event(data: dict[str, Any]) -> Any:
    return parse_event(yaml.safe_dump(data, allow_unicode=True).encode(), path="test.yaml")


def changed(**changes: Any) -> dict[str, Any]:
    """SEED with dotted keys changed (value None removes the key)."""
    data = copy.deepcopy(SEED)
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        node = data
        for key in parents:
            node = node.setdefault(key, {})
        if value is None:
            node.pop(last, None)
        else:
            node[last] = value
    return data


def ctx(data: dict[str, Any], template: str = "tin-bai") -> dict[str, Any]:
    return context(event(data), template=template)


def test_seed_sentences_word_for_word() -> None:
    c = ctx(SEED)
    # the engine applies the tone style afterwards; here the text is as the event wrote it
    assert c["bao_chi"]["ma_bao"] == "CMO"
    assert c["cau"]["mo_dau"] == (
        "Sáng 1/11, Ban Dân vận Tỉnh uỷ phối hợp với Trường Chính trị tỉnh Cà Mau tổ chức lớp "
        "bồi dưỡng nghiệp vụ công tác dân vận cho lãnh đạo các sở, ban, ngành, Mặt trận Tổ "
        "quốc, các tổ chức chính trị - xã hội, đơn vị sự nghiệp và một số Hội quần chúng cấp "
        "tỉnh; thành viên Ban chỉ đạo Quy chế dân chủ cơ sở cấp tỉnh; lãnh đạo các huyện, "
        "thành phố."
    )
    assert c["cau"]["dien_ra"].startswith(
        "Lớp bồi dưỡng diễn ra từ ngày 1 đến ngày 3/11, các học viên được nghiên cứu, học tập "
        "nhiều nội dung quan trọng về: Công tác dân vận trong tình hình mới; "
    )
    assert c["cau"]["dien_ra"].endswith("; Dân vận khéo và nghiệp vụ dân vận.")
    assert c["cau"]["khai_mac"] == (
        "Đồng chí Lê Thanh Triều, Uỷ viên Ban Thường vụ Tỉnh uỷ, Trưởng Ban Dân vận Tỉnh uỷ, "
        "phát biểu khai mạc lớp bồi dưỡng."
    )


def test_speech_programme_line() -> None:
    c = ctx(SEED, "phat-bieu-khai-mac")
    assert c["cau"]["chuong_trinh"] == (
        # issue 10: only trainees study
        "Trong thời gian 3 ngày, các đồng chí học viên sẽ được nghiên cứu, học tập 5 chuyên đề:"
    )
    assert c["loi_chao"] == ["Kính thưa các đồng chí đại biểu!", "Thưa các đồng chí học viên!"]
    assert c["ngay_phat_bieu"] == "Cà Mau, ngày 01 tháng 11 năm 2024"


def test_no_coorganiser_no_audience() -> None:
    c = ctx(changed(su_kien__phoi_hop=None, su_kien__doi_tuong=None))
    assert c["cau"]["mo_dau"] == (
        "Sáng 1/11, tại Trường Chính trị tỉnh Cà Mau, Ban Dân vận Tỉnh uỷ tổ chức lớp bồi "
        "dưỡng nghiệp vụ công tác dân vận."
    )
    assert " cho " not in c["cau"]["mo_dau"] and "phối hợp" not in c["cau"]["mo_dau"]


def test_one_day_event_afternoon() -> None:
    c = ctx(changed(su_kien__bat_dau="2025-03-09 14:00", su_kien__ket_thuc=None))
    assert c["cau"]["mo_dau"].startswith("Chiều 9/3, Ban Dân vận")
    # the lead already said "Chiều 9/3": no "diễn ra trong ngày 9/3" (which also means all day)
    assert c["cau"]["dien_ra"].startswith("Tại lớp bồi dưỡng, các học viên được nghiên cứu")
    assert c["thoi_gian"]["khoang_nam"] == "ngày 9/3/2025"
    assert c["cau"]["chuong_trinh"] == (
        "Tại lớp bồi dưỡng hôm nay, các đồng chí đại biểu và các đồng chí học viên sẽ được "
        "nghe và thảo luận 5 nội dung:"
    )
    c = ctx(changed(su_kien__bat_dau="2025-03-09", su_kien__ket_thuc=None, su_kien__noi_dung=None))
    assert c["cau"]["mo_dau"].startswith("Ngày 9/3, ")
    assert c["cau"]["dien_ra"] == ""  # nothing to add to the lead


def test_state_event_with_ong_ba() -> None:
    data = changed(the_thuc="nha_nuoc")
    data["nhan_vat"] = [
        {
            "ho_ten": "Nguyễn Văn An",
            "danh_xung": "ông",
            "chuc_vu": ["Phó Chủ tịch Ủy ban nhân dân tỉnh"],
            "vai_tro": "khai_mac",
        },
        {"ho_ten": "Trần Thị Bình", "danh_xung": "bà", "vai_tro": "chu_tri"},
    ]
    c = ctx(data)
    assert c["cau"]["khai_mac"] == (
        "Ông Nguyễn Văn An, Phó Chủ tịch Ủy ban nhân dân tỉnh, phát biểu khai mạc lớp bồi dưỡng."
    )
    assert "Bà Trần Thị Bình chủ trì lớp bồi dưỡng." in c["cau"]["tham_du"]
    assert c["dang"] is False and c["dau_thanh"] == "cu"


def test_chair_who_also_opens_is_named_once() -> None:
    data = changed(the_thuc="nha_nuoc")
    an = {
        "ho_ten": "Nguyễn Văn An",
        "danh_xung": "ông",
        "chuc_vu": ["Phó Chủ tịch Ủy ban nhân dân tỉnh"],
    }
    data["nhan_vat"] = [dict(an, vai_tro="chu_tri"), dict(an, vai_tro="khai_mac")]
    c = ctx(data)
    assert c["cau"]["khai_mac"] == (
        "Ông Nguyễn Văn An, Phó Chủ tịch Ủy ban nhân dân tỉnh, chủ trì và phát biểu khai mạc "
        "lớp bồi dưỡng."
    )
    assert not any("chủ trì" in line for line in c["cau"]["tham_du"])


def test_no_opener() -> None:
    data = changed()
    data["nhan_vat"][0]["vai_tro"] = "du"
    c = ctx(data)
    assert c["nguoi_khai_mac"] is None and c["cau"]["khai_mac"] == ""
    with pytest.raises(BaocaoError, match="khai_mac"):
        ctx(data, "phat-bieu-khai-mac")


def test_header_lines_party_and_state() -> None:
    c = ctx(SEED, "thong-cao")
    assert (c["quoc_hieu"], c["tieu_ngu"]) == ("ĐẢNG CỘNG SẢN VIỆT NAM", "")
    assert (c["dong_cap_tren"], c["dong_co_quan"]) == ("TỈNH UỶ CÀ MAU", "BAN DÂN VẬN")
    assert c["so_ky_hieu"] == "Số    -TC/BDVTU"
    assert c["dong_ngay"] == "Cà Mau, ngày      tháng      năm 2024"  # never today
    assert c["trich_yeu"] == "về việc tổ chức lớp bồi dưỡng nghiệp vụ công tác dân vận"
    assert c["dau_ket"] == "."
    s = ctx(
        changed(the_thuc="nha_nuoc", van_ban={"chung": {"so": 5, "ngay": "2026-02-05"}}),
        "thong-cao",
    )
    assert s["quoc_hieu"] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert s["tieu_ngu"] == "Độc lập - Tự do - Hạnh phúc"
    assert s["so_ky_hieu"] == "Số: 05/TC-BDVTU"
    assert s["dong_ngay"] == "Cà Mau, ngày 05 tháng 02 năm 2026"
    assert s["trich_yeu"] == "Về việc tổ chức lớp bồi dưỡng nghiệp vụ công tác dân vận"
    assert s["dau_ket"] == "./."


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2026-08-20", "ngày 20 tháng 8 năm 2026"),
        ("2026-02-05", "ngày 05 tháng 02 năm 2026"),
        ("2026-01-09", "ngày 09 tháng 01 năm 2026"),
        ("2026-10-01", "ngày 01 tháng 10 năm 2026"),
        ("2026-03-10", "ngày 10 tháng 3 năm 2026"),
    ],
)
@pytest.mark.parametrize("the_thuc", ["nha_nuoc", "dang"])
@pytest.mark.parametrize("template", ["thong-cao", "bao-cao-tong-ket"])
def test_date_line_zero_rules(day: str, expected: str, the_thuc: str, template: str) -> None:
    c = ctx(changed(the_thuc=the_thuc, van_ban={"chung": {"ngay": day}}), template)
    assert c["dong_ngay"] == f"Cà Mau, {expected}"


def test_report_blank_date_takes_the_year_the_event_ends() -> None:
    data = changed(su_kien__bat_dau="2024-12-30", su_kien__ket_thuc="2025-01-02")
    assert ctx(data, "bao-cao-tong-ket")["dong_ngay"].endswith("năm 2025")
    assert ctx(data, "thong-cao")["dong_ngay"].endswith("năm 2024")


def test_signing_lines_from_data_never_inferred() -> None:
    signer = {
        "ho_ten": "Nguyễn Văn Hoà",
        "chuc_vu": "Phó Trưởng Ban",
        "quyen_han": "KT",
        "thay_cho": "Trưởng Ban",
    }
    party = ctx(changed(van_ban={"chung": {"nguoi_ky": signer}}), "thong-cao")["ky"]
    assert party == {
        "quyen_han": "K/T TRƯỞNG BAN",
        "chuc_vu": "PHÓ TRƯỞNG BAN",
        "ho_ten": "Nguyễn Văn Hoà",
    }
    state = ctx(changed(the_thuc="nha_nuoc", van_ban={"chung": {"nguoi_ky": signer}}), "thong-cao")
    assert state["ky"]["quyen_han"] == "KT. TRƯỞNG BAN"
    # a "Phó …" without quyen_han gets no prefix: nothing is guessed
    plain = {"ho_ten": "Lê Văn C", "chuc_vu": "Phó Chủ tịch"}
    c = ctx(changed(the_thuc="nha_nuoc", van_ban={"chung": {"nguoi_ky": plain}}), "thong-cao")
    assert c["ky"] == {"quyen_han": "", "chuc_vu": "PHÓ CHỦ TỊCH", "ho_ten": "Lê Văn C"}
    tm = {"ho_ten": "A", "chuc_vu": "Chủ tịch", "quyen_han": "TM", "thay_cho": "Ủy ban nhân dân"}
    c = ctx(changed(the_thuc="nha_nuoc", van_ban={"chung": {"nguoi_ky": tm}}), "thong-cao")
    assert c["ky"]["quyen_han"] == "TM. ỦY BAN NHÂN DÂN"


def test_recipients_punctuation() -> None:
    vb = {
        "chung": {
            "noi_nhan": ["Ban Dân vận Trung ương (b/c);", "Thường trực Tỉnh ủy"],
            "luu": "VT, BDV",
        },
        "bao-cao-tong-ket": {"kinh_gui": ["Ban Thường vụ Tỉnh ủy", "Ban Dân vận Trung ương"]},
    }
    state = ctx(changed(the_thuc="nha_nuoc", van_ban=vb), "bao-cao-tong-ket")
    # "Ban Dân vận Trung ương" is a Kính gửi addressee: "Như trên" covers it
    assert state["noi_nhan"] == [
        "- Như trên;",
        "- Thường trực Tỉnh ủy;",
        "- Lưu: VT, BDV.",
    ]
    assert state["kinh_gui_mot"] == ""
    assert state["kinh_gui_dong"] == ["- Ban Thường vụ Tỉnh ủy;", "- Ban Dân vận Trung ương."]
    party = ctx(changed(van_ban=vb), "bao-cao-tong-ket")
    assert party["noi_nhan"] == ["- Như trên,", "- Thường trực Tỉnh uỷ,", "- Lưu VT, BDV."]
    assert party["kinh_gui_dong"] == ["- Ban Thường vụ Tỉnh uỷ,", "- Ban Dân vận Trung ương."]
    # the press release has no Kính gửi, so no "Như trên"
    assert ctx(changed(van_ban=vb), "thong-cao")["noi_nhan"][0] == "- Ban Dân vận Trung ương (b/c),"
    one = ctx(
        changed(van_ban={"chung": {"kinh_gui": ["Ban Thường vụ Tỉnh ủy"]}}), "bao-cao-tong-ket"
    )
    assert (one["kinh_gui_mot"], one["kinh_gui_dong"]) == ("Ban Thường vụ Tỉnh uỷ", [])
    assert one["noi_nhan"] == ["- Như trên,", "- Lưu VT."]


def test_report_figures_and_numbering() -> None:
    kq = {
        "so_trieu_tap": 30,
        "so_tham_du": 29,
        "so_hoan_thanh": 29,
        "xep_loai": {"gioi": 10, "kha": 19},
        "kinh_phi": 150000000,
        "kien_nghi": ["Đề nghị tổ chức hằng năm."],
    }
    c = ctx(changed(ket_qua=kq), "bao-cao-tong-ket")
    assert c["so_lieu"]["ty_le_tham_du"] == "96,7%"
    assert c["so_lieu"]["kinh_phi"] == ("150.000.000 đồng (Bằng chữ: Một trăm năm mươi triệu đồng)")
    # issue 10: the grades end with a total row
    assert [r["noi_dung"] for r in c["bang_ket_qua"]][-3:] == [
        "Xếp loại giỏi",
        "Xếp loại khá",
        "Cộng xếp loại",
    ]
    assert [r["stt"] for r in c["bang_ket_qua"]] == [
        1,
        2,
        3,
        4,
        5,
        "",
    ]  # the total row has no number
    # no lessons, no assessment: the proposals become III and kinh phí 2
    m = c["muc"]
    assert (m["chuan_bi"], m["ket_qua"], m["bai_hoc"], m["kien_nghi"]) == ("I", "II", "", "III")
    assert (m["hoc_tap"], m["danh_gia"], m["kinh_phi"]) == ("1", "", "2")
    # issue 10: no result at all prints every section with a fill-in line
    none = ctx(changed(), "bao-cao-tong-ket")
    assert none["muc"]["ket_qua"] == "II" and none["muc"]["kien_nghi"] == "IV"
    assert none["cho_dien"]
    assert none["bang_ket_qua"] == [] and none["so_lieu"]["kinh_phi"] == ""


def test_every_documented_key_is_present() -> None:
    import re

    import baocao.template_context.build as module

    documented = re.findall(r"^``(\w+)``  ", module.__doc__ or "", flags=re.MULTILINE)
    assert len(documented) > 30
    c = ctx(SEED, "thong-cao")
    assert set(documented) <= set(c), set(documented) - set(c)
    assert set(c["cau"]) >= set(re.findall(r"``(\w+)``", module.__doc__.split("``cau``")[-1]))
    assert isinstance(c["su_kien"]["bat_dau"], dt.datetime)


OPTIONAL = {
    "su_kien__phoi_hop": [["Trường Chính trị tỉnh Cà Mau"], ["Sở Nội vụ", "Sở Tư pháp"]],
    "su_kien__doi_tuong": [["cán bộ cấp xã"]],
    "su_kien__noi_dung": [["Chuyên đề một"], ["A", "B", "C"]],
    "su_kien__ket_thuc": ["2024-11-01", "2024-12-02", "2025-01-03"],
    "su_kien__dia_diem": ["Hội trường Ủy ban nhân dân tỉnh"],
    "su_kien__so_nguoi": [0, 45],
    "su_kien__can_cu": ["Kế hoạch số 12/KH-UBND ngày 05/3/2024 của Ủy ban nhân dân tỉnh"],
    "su_kien__nguoi_du": ["đại biểu", "học viên"],
    "bao_chi__ma_bao": ["CMO"],
    "ket_qua__so_trieu_tap": [30],
    "ket_qua__so_tham_du": [29],
    "ket_qua__so_hoan_thanh": [29],
    "ket_qua__kinh_phi": [0, 1500000],
    "ket_qua__uu_diem": [["Tốt."]],
    "ket_qua__han_che": [["Còn ít."]],
    "ket_qua__bai_hoc": [["Chuẩn bị sớm."]],
    "ket_qua__kien_nghi": [["Tổ chức hằng năm."]],
}
ROLES = ["khai_mac", "chu_tri", "chi_dao", "du", "be_mac", "bao_cao_vien"]


def _roman_ok(labels: list[str], series: list[str]) -> bool:
    present = [x for x in labels if x]
    return present == series[: len(present)]


@pytest.mark.slow
def test_any_combination_of_optional_data_reads_well() -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    choice = st.fixed_dictionaries(
        {}, optional={k: st.sampled_from(v) for k, v in OPTIONAL.items()}
    )

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        choice,
        st.sampled_from(["nha_nuoc", "dang"]),
        st.lists(st.sampled_from(ROLES), max_size=4),
        st.sampled_from(["thong-cao", "tin-bai", "bao-cao-tong-ket"]),
    )
    def check(extra: dict[str, Any], the_thuc: str, roles: list[str], template: str) -> None:
        data = changed(
            the_thuc=the_thuc,
            su_kien__phoi_hop=None,
            su_kien__doi_tuong=None,
            su_kien__noi_dung=None,
            su_kien__ket_thuc=None,
            su_kien__dia_diem=None,
            bao_chi__ma_bao=None,
        )
        data["ket_qua"] = {}
        for key, value in extra.items():
            parent, child = key.split("__")
            data.setdefault(parent, {})[child] = value
        data["nhan_vat"] = [
            {"ho_ten": f"Người {i}", "chuc_vu": ["Phó Chủ tịch"] * (i % 2), "vai_tro": r}
            for i, r in enumerate(roles)
        ]
        c = ctx(data, template)
        sentences = [v for k, v in c["cau"].items() if isinstance(v, str) and k != "nguoi_nghe"]
        sentences += c["cau"]["tham_du"]
        for s in [*sentences, c["trich_yeu"], *c["noi_nhan"]]:
            assert "None" not in s and "  " not in s and " ," not in s and ",." not in s, s
            assert ".." not in s.replace("./.", ""), s
            assert not s or s[0].isupper() or s[0] in "-(" or s == c["trich_yeu"], s
        m = c["muc"]
        assert _roman_ok([m[k] for k in ("chuan_bi", "ket_qua", "bai_hoc", "kien_nghi")],
                         ["I", "II", "III", "IV"])  # fmt: skip
        assert _roman_ok([m[k] for k in ("hoc_tap", "danh_gia", "kinh_phi")], ["1", "2", "3"])
        assert _roman_ok([m[k] for k in ("uu_diem", "han_che", "nguyen_nhan")], ["a", "b", "c"])
        assert [r["stt"] for r in c["bang_ket_qua"]] == list(range(1, len(c["bang_ket_qua"]) + 1))

    check()
