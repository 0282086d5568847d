"""The corpus of broken event files: each gives exactly the expected messages, exit code 3,
and nothing on stdout or on disk. Big hostile files are generated here, not committed.

The expected messages are golden files, ``tests/fixtures/events/invalid/NAME.expected``.
After a deliberate change of wording, rewrite them from what ``baocao validate`` prints now,
then read the diff before committing::

    BAOCAO_REGEN_GOLDEN=1 python -m pytest -q tests/test_loading_invalid.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from baocao.cli import cli
from baocao.errors import DataError
from baocao.event.limits import MAX_BYTES, MAX_STRING
from baocao.event.loading import load_event, parse_event
from conftest import FIXTURES

# messages in Vietnamese, whatever an earlier test in this process chose (conftest)
pytestmark = pytest.mark.usefixtures("vietnamese")


INVALID = FIXTURES / "events" / "invalid"
CASES = sorted(p for p in INVALID.iterdir() if p.suffix != ".expected")
#: BAOCAO_REGEN_GOLDEN=1: the golden .expected files are rewritten, not compared
REGEN_GOLDEN = os.environ.get("BAOCAO_REGEN_GOLDEN") == "1"
VALID_HEAD = (
    "co_quan:\n  ten: Ban Dân vận\n  viet_tat: BDVTU\n  dia_danh: Cà Mau\n"
    "su_kien:\n  ten: hội nghị\n  bat_dau: 1/11/2024\n"
)


def test_the_corpus_is_big_enough() -> None:
    assert len(CASES) >= 30
    for case in CASES:
        assert REGEN_GOLDEN or (INVALID / (case.name + ".expected")).is_file(), case.name


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_invalid_file_gives_the_expected_lines(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID)
    golden = INVALID / (case.name + ".expected")
    before = sorted(p.name for p in INVALID.iterdir() if p != golden)
    result = CliRunner().invoke(cli, ["validate", case.name])
    assert result.exit_code == 3, result.output
    if REGEN_GOLDEN:
        golden.write_text(result.stderr, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8").splitlines()
    assert result.stderr.splitlines() == expected
    assert result.stdout == ""
    assert sorted(p.name for p in INVALID.iterdir() if p != golden) == before


def test_every_problem_has_a_position_or_concerns_the_whole_file() -> None:
    for case in CASES:
        with pytest.raises(DataError) as caught:
            load_event(case)
        for problem in caught.value.problems:
            assert problem.path == str(case)
            assert problem.message and "Error" not in problem.message
            if problem.code not in {"empty", "encoding", "too-large"}:
                assert problem.line is not None and problem.column is not None, problem


def test_all_files_at_once_report_all_problems(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID)
    names = [case.name for case in CASES[:5]]
    result = CliRunner().invoke(cli, ["validate", *names])
    expected = [
        line
        for name in names
        for line in (INVALID / (name + ".expected")).read_text(encoding="utf-8").splitlines()
    ]
    assert result.exit_code == 3
    assert result.stderr.splitlines() == expected


def _problems(data: bytes, path: str = "e.yaml") -> list[str]:
    with pytest.raises(DataError) as caught:
        parse_event(data, path=path)
    return [str(p) for p in caught.value.problems]


def test_file_over_5_mb(tmp_path: Path) -> None:
    big = tmp_path / "lon.yaml"
    big.write_bytes(VALID_HEAD.encode() + b"# " + b"x" * MAX_BYTES + b"\n")
    with pytest.raises(DataError) as caught:
        load_event(big)
    assert [str(p) for p in caught.value.problems] == [
        f"{big}: tệp quá lớn (5,0 MB); tệp sự kiện không được quá 5 MB"
    ]


def test_huge_string() -> None:
    text = VALID_HEAD + "  dia_diem: " + "a" * (MAX_STRING + 1) + "\n"
    assert _problems(text.encode()) == [
        "e.yaml:8:13: su_kien.dia_diem: đoạn chữ quá dài (100.001 ký tự); "
        "mỗi mục không được quá 100.000 ký tự"
    ]


def test_a_string_at_the_limit_is_fine() -> None:
    text = VALID_HEAD + "  dia_diem: " + "a" * MAX_STRING + "\n"
    assert parse_event(text.encode()).su_kien.dia_diem == "a" * MAX_STRING


def test_very_deep_nesting_does_not_recurse() -> None:
    deep = VALID_HEAD + "nhan_vat: " + "[" * 100_000 + "]" * 100_000 + "\n"
    assert _problems(deep.encode()) == ["e.yaml:8:60: dữ liệu lồng nhau quá 50 tầng"]
    deep_json = '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}"
    assert _problems(deep_json.encode(), "e.json") == ["e.json:1:56: dữ liệu lồng nhau quá 50 tầng"]


def test_many_undecodable_lines_are_summarised() -> None:
    data = VALID_HEAD.encode() + b"  dia_diem: \xff\n" * 30
    lines = _problems(data)
    assert len(lines) == 21
    assert lines[0].startswith("e.yaml:8:13: byte 0xFF không đọc được theo UTF-8")
    assert lines[-1] == "e.yaml: … và còn những dòng khác có byte không đọc được"


def test_utf16_broken_after_bom() -> None:
    data = "\ufeffco_quan: x\n".encode("utf-16-le") + b"\x00"
    assert _problems(data) == [
        "e.yaml:2:1: tệp UTF-16 bị hỏng ở đây (byte lẻ hoặc ký tự không hợp lệ)"
    ]


def test_missing_file() -> None:
    with pytest.raises(DataError) as caught:
        load_event("khong-co.yaml")
    assert [str(p) for p in caught.value.problems] == ["khong-co.yaml: không có tệp này"]
    with pytest.raises(DataError) as caught:
        load_event(INVALID)
    assert [p.message for p in caught.value.problems] == ["đây là thư mục, không phải tệp"]


def test_many_aliases_within_the_node_budget_are_refused() -> None:
    anchors = "x: &x [" + ", ".join(["a"] * 2000) + "]\n"
    refs = "y: [" + ", ".join(["*x"] * 10) + "]\nz: [" + ", ".join(["*x"] * 40) + "]\n"
    assert _problems((anchors + refs).encode()) == [
        "e.yaml:3:5: tệp dùng quá 10 tham chiếu YAML (`*tên`); tệp sự kiện không cần "
        "tham chiếu, hãy viết thẳng giá trị"
    ]


def test_alias_expansion_is_bounded_even_with_few_aliases() -> None:
    rows = "x: &x [" + ", ".join(["a"] * 20_000) + "]\n"
    refs = "y: [" + ", ".join(["*x"] * 6) + "]\n"
    assert _problems((rows + refs).encode()) == [
        "e.yaml:2:17: y.3: tham chiếu YAML (`*tên`) nhân dữ liệu lên quá lớn; "
        "hãy viết thẳng giá trị"
    ]
