"""Validation of `chuong_trinh` and `ke_hoach`: the day of each session, located errors
(line:column, field path) in YAML and JSON, the gap warning (a lunch break is not one), and
a property: sessions in order without overlap are always accepted."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baocao.errors import DataError
from baocao.event.loading import parse_event
from baocao.event.programme import Phien, kiem_tra

# messages in Vietnamese, whatever an earlier test in this process chose (conftest)
pytestmark = pytest.mark.usefixtures("vietnamese")


HEAD = (
    "co_quan:\n  ten: Ban Dân vận\n  viet_tat: BDVTU\n  dia_danh: Cà Mau\n"
    "su_kien:\n  ten: lớp bồi dưỡng\n  bat_dau: 30/11/2024 7h30\n  ket_thuc: 2/12/2024\n"
)


def problems(text: str, path: str = "e.yaml") -> list[str]:
    with pytest.raises(DataError) as caught:
        parse_event(text.encode(), path=path)
    return [str(p) for p in caught.value.problems]


def test_a_session_without_a_date_is_on_the_day_of_the_one_above() -> None:
    event = parse_event(
        (
            HEAD + "chuong_trinh:\n"
            "  - {bat_dau: 7h30, ket_thuc: '08:00', noi_dung: Khai mạc}\n"
            "  - {bat_dau: 1/12/2024 7 giờ 30, ket_thuc: 11h, noi_dung: Chuyên đề 1}\n"
            "  - {bat_dau: 13h30, noi_dung: Chuyên đề 2}\n"
            "  - {bat_dau: 2024-12-02 07:30, ket_thuc: 10h30, noi_dung: Bế mạc}\n"
        ).encode(),
        path="e.yaml",
    )
    assert [(s.bat_dau, s.ket_thuc) for s in event.chuong_trinh] == [
        (dt.datetime(2024, 11, 30, 7, 30), dt.datetime(2024, 11, 30, 8, 0)),
        (dt.datetime(2024, 12, 1, 7, 30), dt.datetime(2024, 12, 1, 11, 0)),
        (dt.datetime(2024, 12, 1, 13, 30), None),
        (dt.datetime(2024, 12, 2, 7, 30), dt.datetime(2024, 12, 2, 10, 30)),
    ]
    assert event.warnings == []


def test_errors_are_located_in_yaml() -> None:
    text = HEAD + (
        "chuong_trinh:\n"
        "  - bat_dau: 29/11/2024 7h30\n"  # line 10: before the event
        "    noi_dung: Đón tiếp\n"
        "  - bat_dau: 30/11/2024 8h00\n"
        "    ket_thuc: 7h00\n"  # line 13: ends before it starts
        "    noi_dung: Khai mạc\n"
    )
    assert problems(text) == [
        "e.yaml:10:14: chuong_trinh.0.bat_dau: ngày 29/11/2024 nằm ngoài thời gian của sự kiện "
        "(30/11/2024 - 2/12/2024)",
        "e.yaml:13:15: chuong_trinh.1.ket_thuc: giờ kết thúc (7h00) không sau giờ bắt đầu (8h00)",
    ]


def _json_problems(data: dict[str, object]) -> list[tuple[int, int, str, str]]:
    text = json.dumps(data, ensure_ascii=False, indent=1)
    with pytest.raises(DataError) as caught:
        parse_event(text.encode(), path="e.json")
    lines = text.splitlines()
    out = []
    for p in caught.value.problems:
        assert p.line is not None and p.column is not None and p.field is not None
        out.append((p.line, p.column, p.field, lines[p.line - 1].strip()))
    return out


BASE = {
    "co_quan": {"ten": "Sở Nội vụ", "viet_tat": "SNV", "dia_danh": "Cà Mau"},
    "su_kien": {"ten": "hội nghị", "bat_dau": "15/01/2025 8h00"},
}


def test_errors_are_located_in_json() -> None:
    data = {
        **BASE,
        "chuong_trinh": [
            {"bat_dau": "8h00", "ket_thuc": "9h00", "noi_dung": "Báo cáo"},
            {"bat_dau": "8h30", "ket_thuc": "9h30", "noi_dung": "Thảo luận"},
        ],
        "ke_hoach": {"yeu_cau": "Nghiêm túc"},
    }
    found = _json_problems(data)
    assert [(field, line) for _, _, field, line in found] == [
        ("chuong_trinh.1.bat_dau", '"bat_dau": "8h30",'),
        ("ke_hoach.yeu_cau", '"yeu_cau": "Nghiêm túc"'),
    ]
    data = {
        **BASE,
        "ke_hoach": {
            "phan_cong": [{"don_vi": "Văn phòng"}],
            "kinh_phi_du_kien": {"so_tien": -1, "nguon": "ngân sách"},
        },
    }
    found = _json_problems(data)
    assert [(field, line) for _, _, field, line in found] == [
        ("ke_hoach.phan_cong.0.nhiem_vu", "{"),
        ("ke_hoach.kinh_phi_du_kien.so_tien", '"so_tien": -1,'),
    ]


def test_a_gap_inside_a_half_day_is_a_warning_a_lunch_break_is_not() -> None:
    event = parse_event(
        (
            HEAD + "chuong_trinh:\n"
            "  - {bat_dau: 7h30, ket_thuc: 9h30, noi_dung: Chuyên đề 1}\n"
            "  - {bat_dau: 10h00, ket_thuc: 11h30, noi_dung: Chuyên đề 2}\n"  # line 11
            "  - {bat_dau: 13h30, ket_thuc: 16h30, noi_dung: Chuyên đề 3}\n"
        ).encode(),
        path="e.yaml",
    )
    assert [(str(w), w.code, w.severity) for w in event.warnings] == [
        (
            "e.yaml:11:15: chuong_trinh.1.bat_dau: chương trình bỏ trống từ 9h30 đến 10h00: "
            "thêm một phiên (ví dụ `Giải lao`) hoặc sửa giờ",
            "khoang-trong",
            "warning",
        )
    ]


def test_thuc_hien_is_free_text_and_nhiem_vu_may_be_one_sentence() -> None:
    event = parse_event(
        (
            HEAD + "chuong_trinh:\n  - {bat_dau: 7h30, noi_dung: Khai mạc, thuc_hien: 115}\n"
            "ke_hoach:\n  phan_cong:\n    - {don_vi: Văn phòng, nhiem_vu: Chuẩn bị hội trường}\n"
            "  kinh_phi_du_kien: {so_tien: 45.000.000}\n"
        ).encode(),
        path="e.yaml",
    )
    assert event.chuong_trinh[0].thuc_hien == "115"
    assert event.ke_hoach is not None
    assert event.ke_hoach.phan_cong[0].nhiem_vu == ["Chuẩn bị hội trường"]
    assert event.ke_hoach.kinh_phi_du_kien is not None
    assert event.ke_hoach.kinh_phi_du_kien.so_tien == 45_000_000


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 1), st.integers(0, 90), st.integers(1, 120)), max_size=8),
)
def test_ordered_sessions_without_overlap_are_accepted(steps: list[tuple[int, int, int]]) -> None:
    first = dt.date(2024, 11, 30)
    day, at = first, dt.datetime(2024, 11, 30, 6, 0)
    sessions, expected = [], []
    for next_day, pause, length in steps:
        if next_day and day < dt.date(2024, 12, 2):
            day = day + dt.timedelta(days=1)
            at = dt.datetime.combine(day, dt.time(6, 0))
        start = at + dt.timedelta(minutes=pause)
        end = start + dt.timedelta(minutes=length)
        if end.date() != day:
            break
        with_date = next_day or not sessions
        text = f"{start.day}/{start.month}/{start.year} {start.hour}h{start.minute:02d}"
        sessions.append(
            Phien.model_validate(
                {
                    "bat_dau": text if with_date else f"{start.hour}:{start.minute:02d}",
                    "ket_thuc": f"{end.hour}h{end.minute:02d}",
                    "noi_dung": "x",
                }
            )
        )
        expected.append((start, end))
        at = end
    assert kiem_tra(sessions, first, dt.date(2024, 12, 2)) == []
    assert [(s.bat_dau, s.ket_thuc) for s in sessions] == expected


@given(st.integers(0, 23), st.integers(0, 59))
def test_every_way_of_writing_a_time_reads_the_same(h: int, m: int) -> None:
    forms = [f"{h}h{m:02d}", f"{h:02d}:{m:02d}", f"{h} giờ {m}"]
    read = {Phien.model_validate({"bat_dau": f, "noi_dung": "x"}).bat_dau for f in forms}
    assert read == {dt.time(h, m)}


def test_a_session_ends_on_the_day_it_starts() -> None:
    text = HEAD + (
        "chuong_trinh:\n"
        "  - bat_dau: 30/11/2024 13h30\n"
        "    ket_thuc: 1/12/2024 11h00\n"  # line 11
        "    noi_dung: Thực hành\n"
    )
    assert problems(text) == [
        "e.yaml:11:15: chuong_trinh.0.ket_thuc: một phiên bắt đầu và kết thúc trong cùng một "
        "ngày (30/11/2024); ghi mỗi ngày một phiên"
    ]


def test_validate_prints_the_gap_and_strict_refuses_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from baocao.cli import cli

    (tmp_path / "e.yaml").write_text(
        HEAD + "chuong_trinh:\n"
        "  - {bat_dau: 7h30, ket_thuc: 9h30, noi_dung: A}\n"
        "  - {bat_dau: 10h00, ket_thuc: 11h30, noi_dung: B}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    relaxed = CliRunner().invoke(cli, ["validate", "e.yaml"])
    assert relaxed.exit_code == 0
    assert "e.yaml:11:15: chuong_trinh.1.bat_dau: cảnh báo: chương trình bỏ trống" in (
        relaxed.stderr
    )
    strict = CliRunner().invoke(cli, ["validate", "--strict", "e.yaml"])
    assert strict.exit_code == 3
    assert "e.yaml:11:15: chuong_trinh.1.bat_dau: chương trình bỏ trống" in strict.stderr
