"""The quick look over all strings (issue 11) lets every real finding through to the walk
with positions: a placeholder, an invisible character, a control character and legacy text
in a JSON event are still reported at their line, whichever string they are in."""

from __future__ import annotations

import json

import pytest

from baocao.errors import DataError
from baocao.event.loading import parse_event


def _event(**su_kien: object) -> bytes:
    data = {
        "co_quan": {"ten": "Sở Nội vụ", "viet_tat": "SNV", "dia_danh": "Huế"},
        "su_kien": {"ten": "hội nghị", "bat_dau": "1/11/2024 7h30", **su_kien},
    }
    return json.dumps(data, ensure_ascii=False, indent=1).encode()


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("<điền: địa điểm>", "placeholder"),
        ("Hội trường\x01 A", "control-character"),
        ("§éc lËp - Tù do - H¹nh phóc", "legacy-encoding"),
    ],
)
def test_findings_pass_the_gate(value: str, code: str) -> None:
    with pytest.raises(DataError) as error:
        parse_event(_event(dia_diem=value), path="e.json")
    found = [p for p in error.value.problems if p.code == code]
    assert found and found[0].field == "su_kien.dia_diem" and found[0].line is not None


def test_invisible_characters_are_removed_with_a_warning() -> None:
    event = parse_event(_event(dia_diem="Hội\u202e trường A"), path="e.json")
    assert event.su_kien.dia_diem == "Hội trường A"
    warned = [w for w in event.warnings if w.code == "invisible-character"]
    assert warned and warned[0].field == "su_kien.dia_diem" and warned[0].line is not None


def test_clean_event_has_no_findings() -> None:
    event = parse_event(_event(dia_diem="Hội trường A <tầng 3>"), path="e.json")
    assert event.su_kien.dia_diem == "Hội trường A <tầng 3>"
