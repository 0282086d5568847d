"""Valid but awkward files load to the expected normalised values; the examples load."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest

from baocao import load_event
from baocao.event.loading import parse_event
from conftest import FIXTURES, example_files

VALID = FIXTURES / "events" / "valid"


def load(name: str):  # type: ignore[no-untyped-def]
    return load_event(VALID / name)


def all_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *all_strings(v)]]
    if isinstance(value, list | tuple):
        return [s for v in value for s in all_strings(v)]
    return []


@pytest.mark.parametrize(
    "name", ["utf8-bom.yaml", "utf16-bom-crlf.yaml", "utf16be-bom.yaml", "yaml-khong-duoi.txt"]
)
def test_encodings_and_sniffing_give_the_same_event(name: str) -> None:
    event = load(name)
    assert event.co_quan.cap_tren == "Tỉnh ủy Cà Mau"
    assert event.co_quan.ten == "Ban Dân vận"
    assert event.su_kien.ten == "lớp bồi dưỡng nghiệp vụ công tác dân vận"
    assert event.su_kien.bat_dau == datetime(2024, 11, 1, 7, 30)
    assert event.source_path == VALID / name


def test_nfd_text_becomes_nfc() -> None:
    raw = (VALID / "nfd.yaml").read_text(encoding="utf-8")
    assert raw != unicodedata.normalize("NFC", raw)  # the fixture really is decomposed
    event = load("nfd.yaml")
    assert event.su_kien.dia_diem == "Trường Chính trị tỉnh Cà Mau"
    assert len(event.co_quan.dia_danh) == len("Cà Mau") == 6
    for text in all_strings(event.model_dump(mode="json")):
        assert unicodedata.is_normalized("NFC", text)


def test_mixed_tone_styles_follow_the_state_default() -> None:
    event = load("dau-thanh-lan-lon.yaml")
    assert event.dau_thanh == "cu"
    assert event.co_quan.cap_tren == "Tỉnh ủy Hòa Bình"
    assert event.su_kien.ten == "hội nghị sức khỏe cộng đồng và phòng chống thiên tai, thủy lợi"
    assert event.nhan_vat[0].ho_ten == "Nguyễn Thị Thúy"
    assert event.nhan_vat[0].chuc_vu == ["Ủy viên Ban Thường vụ Tỉnh ủy"]


def test_party_document_takes_the_new_style_and_party_prefixes() -> None:
    event = load("dang-dau-moi.yaml")
    assert event.dau_thanh == "moi"
    assert event.co_quan.cap_tren == "Tỉnh uỷ Hoà Bình"
    assert event.co_quan.ten_goi == "Ban Tuyên giáo Tỉnh uỷ"
    assert event.su_kien.to_chuc == "Ban Tuyên giáo Tỉnh uỷ"
    signer = event.van_ban_cho("bao-cao-tong-ket").nguoi_ky
    assert signer is not None
    assert (signer.ho_ten, signer.quyen_han, signer.thay_cho) == (
        "Đinh Thị Thuý",
        "KT",
        "Trưởng Ban",
    )


def test_vietnamese_dates_and_times() -> None:
    event = load("ngay-7h30.yaml")
    assert event.su_kien.bat_dau == datetime(2024, 11, 1, 7, 30)
    assert event.su_kien.ket_thuc == datetime(2024, 11, 3, 17, 0)
    assert event.van_ban_cho("tin-bai").ngay == date(2024, 10, 29)
    assert event.van_ban_cho("bao-cao-tong-ket").ngay == date(2024, 10, 28)


def test_markup_characters_are_kept_as_text() -> None:
    event = load("ky-tu-dac-biet.yaml")
    assert event.su_kien.ten == 'hội nghị "Dân vận khéo" & <Nhân dân>'
    assert event.su_kien.dia_diem == "Hội trường A: tầng 2 & 3"
    assert event.su_kien.noi_dung == [
        "Thu nhập < 5 triệu đồng & nhà ở > 50 m²",
        "# không phải chú thích",
    ]
    assert event.su_kien.bat_dau == datetime(2024, 11, 1, 7, 30)
    assert event.bao_chi is not None
    assert (event.bao_chi.ma_bao, event.bao_chi.tac_gia) == ("NO", "On")  # not booleans


def test_numbers_as_clerks_write_them() -> None:
    event = load("so-viet-tay.yaml")
    assert event.co_quan.viet_tat == "115"
    assert event.su_kien.so_nguoi == 120
    assert event.ket_qua is not None
    assert event.ket_qua.kinh_phi == 150_000_000
    assert event.ket_qua.so_trieu_tap == 1200
    assert event.van_ban_cho("chung").so == 5


def test_json_with_bom_and_iso_times() -> None:
    event = load("json-bom.json")
    assert event.su_kien.ten == "hội nghị tổng kết"
    assert event.su_kien.bat_dau == datetime(2024, 11, 1, 7, 30)
    assert event.su_kien.ket_thuc == datetime(2024, 11, 1, 11, 30)


def test_json_is_sniffed_without_an_extension() -> None:
    event = load("json-khong-duoi.event")
    assert event.su_kien.bat_dau == date(2024, 11, 1)


def test_every_valid_fixture_loads() -> None:
    names = sorted(p.name for p in VALID.iterdir())
    assert len(names) >= 10
    for name in names:
        assert load(name).dau_thanh in {"cu", "moi"}


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_examples_load_complete(path: Path) -> None:
    event = load_event(path)
    assert event.van_ban and event.nhan_vat and event.ket_qua and event.bao_chi
    roles = {person.vai_tro for person in event.nhan_vat}
    assert {"khai_mac", "du", "be_mac", "bao_cao_vien"} <= roles
    report = event.van_ban_cho("bao-cao-tong-ket")
    assert report.so and report.ngay and report.nguoi_ky and report.noi_nhan and report.kinh_gui


def test_examples_cover_the_three_situations() -> None:
    events = {p.stem: load_event(p) for p in example_files()}
    party = events["lop-boi-duong-dan-van"]
    assert party.the_thuc == "dang" and party.bao_chi and party.bao_chi.ma_bao == "CMO"
    state = events["hoi-nghi-ubnd"]
    signer = state.van_ban_cho("bao-cao-tong-ket").nguoi_ky
    assert state.the_thuc == "nha_nuoc"
    assert signer is not None
    assert (signer.quyen_han, signer.thay_cho, signer.chuc_vu) == ("KT", "Chủ tịch", "Phó Chủ tịch")
    assert state.van_ban_cho("bao-cao-tong-ket").kinh_gui == ["Bộ Nội vụ", "Thường trực Tỉnh ủy"]
    two_months = events["tap-huan-hai-thang"]
    start, end = two_months.su_kien.bat_dau, two_months.su_kien.ket_thuc
    assert end is not None and (start.month, end.month) == (11, 12)


def test_parse_event_needs_no_file() -> None:
    event = parse_event(
        b"co_quan: {ten: A, viet_tat: B, dia_danh: C}\nsu_kien: {ten: d, bat_dau: 2024-11-01}"
    )
    assert event.source_path is None
    assert event.su_kien.goi_tat == "d" and event.su_kien.nguoi_du == "đại biểu"
