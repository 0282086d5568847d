"""The model on its own: defaults, dates, signer rules, van_ban merging."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from baocao.event.fields import parse_when
from baocao.event.model import Event, NguoiKy, VanBan

# messages in Vietnamese, whatever an earlier test in this process chose (conftest)
pytestmark = pytest.mark.usefixtures("vietnamese")


def event(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "co_quan": {"ten": "Ban Dân vận", "viet_tat": "BDVTU", "dia_danh": "Cà Mau"},
        "su_kien": {"ten": "hội nghị", "bat_dau": "2024-11-01"},
    }
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        target = data
        for key in parents:
            target = target.setdefault(key, {})
        target[last] = value
    return data


def errors(data: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    with pytest.raises(ValidationError) as caught:
        Event.model_validate(data)
    return [(e["loc"], e["msg"]) for e in caught.value.errors()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-11-01", date(2024, 11, 1)),
        ("1/11/2024", date(2024, 11, 1)),
        ("01/11/2024", date(2024, 11, 1)),
        ("1.11.2024", date(2024, 11, 1)),
        ("2024-11-01 07:30", datetime(2024, 11, 1, 7, 30)),
        ("2024-11-01T07:30", datetime(2024, 11, 1, 7, 30)),
        ("2024-11-01T07:30:15", datetime(2024, 11, 1, 7, 30, 15)),
        ("1/11/2024 7h30", datetime(2024, 11, 1, 7, 30)),
        ("1/11/2024 7h", datetime(2024, 11, 1, 7, 0)),
        ("1/11/2024 14 giờ 30 phút", datetime(2024, 11, 1, 14, 30)),
        ("29/02/2024", date(2024, 2, 29)),
        (date(2024, 11, 1), date(2024, 11, 1)),
    ],
)
def test_dates(text: Any, expected: date) -> None:
    parsed = Event.model_validate(event(su_kien__bat_dau=text)).su_kien.bat_dau
    assert parsed == expected and type(parsed) is type(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("29/02/2023", "ngày 29/2/2023 không có: tháng 2 năm 2023 chỉ có 28 ngày"),
        (
            "12/31/2024",
            "không có tháng 31: ngày viết theo thứ tự ngày/tháng/năm; "
            "có phải ý bạn là `31/12/2024`?",
        ),
        ("0/1/2024", "ngày 0/1/2024 không có: tháng 1 năm 2024 chỉ có 31 ngày"),
        ("1/11/2024 7h75", "giờ `7h75` không có (giờ từ 0 đến 23, phút từ 0 đến 59)"),
        ("1/11/1024", "năm 1024 không hợp lý"),
        (
            2024,
            "không đọc được ngày `2024`: hãy viết ngày/tháng/năm như `1/11/2024` hoặc "
            "`2024-11-01`, có thể thêm giờ `07:30`",
        ),
    ],
)
def test_impossible_dates(text: Any, message: str) -> None:
    assert errors(event(su_kien__bat_dau=text)) == [(("su_kien", "bat_dau"), message)]


def test_defaults_are_filled() -> None:
    ev = Event.model_validate(event())
    assert ev.the_thuc == "nha_nuoc" and ev.dau_thanh == "cu"
    assert ev.co_quan.ten_goi == "Ban Dân vận"
    assert ev.su_kien.goi_tat == "hội nghị"
    assert ev.su_kien.to_chuc == "Ban Dân vận"
    assert ev.su_kien.nguoi_du == "đại biểu"
    assert ev.nhan_vat == [] and ev.van_ban == {} and ev.ket_qua is None
    assert ev.source_path is None
    assert Event.model_validate(event(the_thuc="dang")).dau_thanh == "moi"
    assert Event.model_validate(event(the_thuc="dang", dau_thanh="cu")).dau_thanh == "cu"


def test_explicit_tone_style_wins() -> None:
    ev = Event.model_validate(event(dau_thanh="moi", co_quan__cap_tren="Tỉnh ủy Cà Mau"))
    assert ev.co_quan.cap_tren == "Tỉnh uỷ Cà Mau"


def test_same_day_end_with_times() -> None:
    ev = Event.model_validate(
        event(su_kien__bat_dau="1/11/2024 7h30", su_kien__ket_thuc="1/11/2024")
    )
    assert ev.su_kien.ket_thuc == date(2024, 11, 1)
    assert errors(event(su_kien__bat_dau="1/11/2024 14h", su_kien__ket_thuc="1/11/2024 7h30")) == [
        (
            ("su_kien",),
            "ket_thuc: ngày kết thúc (1/11/2024 07:30) trước ngày bắt đầu (1/11/2024 14:00)",
        )
    ]


@pytest.mark.parametrize("written", ["KT", "KT.", "K/T", "kt", " K.T. "])
def test_signer_prefix_spellings(written: str) -> None:
    signer = NguoiKy.model_validate(
        {"ho_ten": "A", "chuc_vu": "Phó Chủ tịch", "quyen_han": written, "thay_cho": "Chủ tịch"}
    )
    assert signer.quyen_han == "KT"


def test_tuq_only_in_state_documents() -> None:
    signer = {
        "ho_ten": "A",
        "chuc_vu": "Chánh Văn phòng",
        "quyen_han": "TUQ",
        "thay_cho": "Chủ tịch",
    }
    state = Event.model_validate(event(van_ban={"chung": {"nguoi_ky": signer}}))
    assert state.van_ban["chung"].nguoi_ky is not None
    assert errors(event(the_thuc="dang", van_ban={"chung": {"nguoi_ky": signer}})) == [
        (
            (),
            "van_ban.chung.nguoi_ky.quyen_han: văn bản Đảng không ký `TUQ.` (thừa ủy quyền chỉ "
            "có ở văn bản nhà nước); dùng TM, KT hoặc TL",
        )
    ]


def test_van_ban_cho_merges_common_and_own_keys() -> None:
    ev = Event.model_validate(
        event(
            van_ban={
                "chung": {"ngay": "1/11/2024", "noi_nhan": ["A"], "luu": "VT, BDV"},
                "bao-cao-tong-ket": {"so": 5, "noi_nhan": ["B", "C"]},
            }
        )
    )
    report = ev.van_ban_cho("bao-cao-tong-ket")
    assert (report.so, report.ngay, report.noi_nhan, report.luu) == (
        5,
        date(2024, 11, 1),
        ["B", "C"],
        "VT, BDV",
    )
    other = ev.van_ban_cho("tin-bai")
    assert (other.so, other.noi_nhan, other.luu) == (None, ["A"], "VT, BDV")
    assert Event.model_validate(event()).van_ban_cho("tin-bai") == VanBan()


def test_counts_rules_together() -> None:
    data = event(
        ket_qua={
            "so_trieu_tap": 10,
            "so_tham_du": 12,
            "so_hoan_thanh": 13,
            "xep_loai": {"gioi": 20},
        }
    )
    with pytest.raises(ValidationError) as caught:
        Event.model_validate(data)
    (only,) = caught.value.errors()
    assert [(path, msg) for path, msg in only["ctx"]["issues"]] == [
        (("so_tham_du",), "số tham dự (12) lớn hơn số triệu tập (10)"),
        (("so_hoan_thanh",), "số hoàn thành (13) lớn hơn số tham dự (12)"),
        (("xep_loai",), "tổng số xếp loại (20) lớn hơn số hoàn thành (13)"),
    ]


def test_bool_is_not_a_count() -> None:
    assert errors(event(su_kien__so_nguoi=True)) == [
        (("su_kien", "so_nguoi"), "cần một số nguyên (ví dụ 30), không phải `True`")
    ]


def test_dumps_validate_back_to_the_same_event() -> None:
    from baocao import load_event
    from conftest import example_files

    for path in example_files():
        loaded = load_event(path)
        for mode in ("python", "json"):
            again = Event.model_validate(loaded.model_dump(mode=mode))
            assert again.model_dump() == loaded.model_dump(), (path, mode)


def test_lookalike_eth_becomes_d_with_stroke() -> None:
    ev = Event.model_validate(event(co_quan__dia_danh="\u00d0à Nẵng"))
    assert ev.co_quan.dia_danh == "\u0110à Nẵng"


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    sep=st.sampled_from("/.-"),
    padded=st.booleans(),
    clock=st.one_of(st.none(), st.tuples(st.integers(0, 23), st.integers(0, 59))),
    style=st.sampled_from([" {h}:{m:02d}", " {h}h{m:02d}", "T{h:02d}:{m:02d}", " {h} giờ {m}"]),
)
def test_any_day_month_year_round_trips(
    day: date, sep: str, padded: bool, clock: tuple[int, int] | None, style: str
) -> None:
    d, m = (f"{day.day:02d}", f"{day.month:02d}") if padded else (day.day, day.month)
    text = f"{d}{sep}{m}{sep}{day.year}"
    expected: date = day
    if clock is not None:
        text += style.format(h=clock[0], m=clock[1])
        expected = datetime(day.year, day.month, day.day, *clock)
    assert parse_when(text) == expected
    assert parse_when(expected.isoformat()) == expected
