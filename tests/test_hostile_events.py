"""Hostile event files: each a located validation error (exit 3), fast and small, never a
crash; invisible characters removed with a warning naming the field."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from docx import Document

from baocao.errors import DataError
from baocao.event.loading import load_event, parse_event
from hostile_docx import EVENT, baocao, event_file, leftovers

# messages in Vietnamese, whatever an earlier test in this process chose (conftest)
pytestmark = pytest.mark.usefixtures("vietnamese")


def problems_of(text: str, name: str = "e.yaml") -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(DataError) as info:
        parse_event(text.encode("utf-8"), path=name)
    return [(p.line, p.field, p.message) for p in info.value.problems]


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        (EVENT.replace("bat_dau: 1/11/2024", 'bat_dau: "1/11/2024\\ud800"'), 8, "su_kien.bat_dau"),
        (EVENT.replace("ten: hội nghị sơ kết", 'ten: "hội\\udfff"'), 7, "su_kien.ten"),
        (EVENT.replace("viet_tat: BDV", 'viet_tat: "\\ud83d"'), 4, "co_quan.viet_tat"),
    ],
)
def test_lone_surrogates_are_located_errors(text: str, line: int, field: str) -> None:
    found = problems_of(text)
    assert (line, field) in [(a, b) for a, b, _m in found], found
    assert any("U+D" in m for _a, _b, m in found)


def test_lone_surrogate_in_json_date_is_a_located_error() -> None:
    text = (
        '{"the_thuc": "nha_nuoc", "co_quan": {"ten": "Ban", "viet_tat": "B", "dia_danh": "Huế"},'
        '\n "su_kien": {"ten": "hội nghị", "bat_dau": "1/11/2024\\ud800", "dia_diem": "x"}}'
    )
    found = problems_of(text, "e.json")
    assert (2, "su_kien.bat_dau") in [(a, b) for a, b, _m in found], found


@pytest.mark.parametrize("amount", ["1" + "0" * 28, "10000000000000000", '"1000000000000001"'])
def test_amounts_beyond_ten_to_the_fifteen_are_refused(amount: str) -> None:
    found = problems_of(EVENT + f"ket_qua:\n  kinh_phi: {amount}\n")
    assert [(a, b) for a, b, _m in found] == [(11, "ket_qua.kinh_phi")], found
    assert "quá lớn" in found[0][2]


def test_an_amount_of_ten_to_the_fifteen_is_fine() -> None:
    event = parse_event((EVENT + "ket_qua:\n  kinh_phi: 1000000000000000\n").encode(), path="e")
    assert event.ket_qua is not None and event.ket_qua.kinh_phi == 10**15


def test_a_huge_number_literal_in_a_text_field_is_refused() -> None:
    literal = "1." + "0" * 4_000_000
    found = problems_of(EVENT.replace("dia_diem: Hội trường", f"dia_diem: {literal}"))
    assert (9, "su_kien.dia_diem") in [(a, b) for a, b, _m in found]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFO")
def test_a_fifo_as_event_file_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "su-kien.yaml"
    os.mkfifo(fifo)
    run = baocao(tmp_path, "validate", str(fifo), timeout=60)
    assert run.code == 3
    assert f"{fifo}: không phải tệp thường" in run.err
    event_file(tmp_path, name="mau.yaml")
    render = baocao(tmp_path, "render", str(fifo), "-t", "thong-cao", timeout=60)
    assert render.code == 3
    assert str(fifo) in render.err
    assert leftovers(tmp_path) == []


def test_a_device_as_event_file_is_refused() -> None:
    with pytest.raises(DataError, match="không phải tệp thường"):
        load_event("/dev/zero")


def test_a_huge_flat_list_with_a_late_syntax_error_fails_fast_and_small(tmp_path: Path) -> None:
    body = "  - a\n" * 780_000
    path = tmp_path / "lon.yaml"
    path.write_text(EVENT + "danh_sach:\n" + body + "x: [\n", encoding="utf-8")
    assert path.stat().st_size > 4 << 20
    run = baocao(tmp_path, "validate", str(path))
    assert run.code == 3
    assert f"{path}:" in run.err and "quá nhiều mục" in run.err
    assert run.seconds < 60
    assert run.peak_mb < 500


def test_a_long_list_below_the_node_limit_with_a_late_error_is_reported(tmp_path: Path) -> None:
    body = "".join(f"  - {'chữ ' * 12}{i}\n" for i in range(60_000))
    path = tmp_path / "dai.yaml"
    path.write_text(EVENT + "danh_sach:\n" + body + "x: [\n", encoding="utf-8")
    run = baocao(tmp_path, "validate", str(path))
    assert run.code == 3
    assert run.seconds < 120
    assert run.peak_mb < 500


INVISIBLE = {
    "rlo": "\u202e",
    "lri": "\u2066",
    "pdi": "\u2069",
    "lrm": "\u200e",
    "zwsp": "\u200b",
    "zwj": "\u200d",
    "wj": "\u2060",
    "bom": "\ufeff",
}


@pytest.mark.parametrize("name", list(INVISIBLE))
def test_invisible_characters_are_removed_with_a_warning(name: str, tmp_path: Path) -> None:
    char = INVISIBLE[name]
    path = event_file(tmp_path, EVENT.replace("hội nghị sơ kết", f"hội nghị{char} sơ kết"))
    event = load_event(path)
    assert event.su_kien.ten == "hội nghị sơ kết"
    warnings = [w for w in event.warnings if w.code == "invisible-character"]
    assert [(w.line, w.field) for w in warnings] == [(7, "su_kien.ten")]
    assert f"U+{ord(char):04X}" in warnings[0].message


def test_a_rendered_document_holds_no_bidi_control(tmp_path: Path) -> None:
    path = event_file(tmp_path, EVENT.replace("Hội trường", "Hội \u202etrường\u202c"))
    run = baocao(tmp_path, "render", str(path), "-t", "thong-cao", "-o", "vb.docx")
    assert run.code == 0, run.err
    text = "\n".join(p.text for p in Document(str(tmp_path / "vb.docx")).paragraphs)
    assert "Hội trường" in text
    assert "\u202e" not in text and "\u202c" not in text
