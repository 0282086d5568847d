"""Known bugs B1–B3 of public tools (dates), asserted on real renders of every built-in template
in both formats: months padded to two digits, raw date strings passed through, today's date
used when the date is missing."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest

from baocao.errors import DataError
from baocao.lint.checker import check_template
from baocao.rendering.document import render_bytes
from baocao.vi import loi_ngay_thang
from render_helpers import (
    DAN_VAN,
    FORMATS,
    NAMES,
    OFFICIAL,
    document,
    event,
    example,
    examples,
    render,
    set_in,
    texts,
)

# B1: the date line of NĐ 30 / HD 36: day padded below 10, month only for January, February.
B1 = [
    (dt.date(2026, 8, 20), "ngày 20 tháng 8 năm 2026"),
    (dt.date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),
    (dt.date(2026, 1, 9), "ngày 09 tháng 01 năm 2026"),
    (dt.date(2026, 10, 1), "ngày 01 tháng 10 năm 2026"),
    (dt.date(2026, 3, 10), "ngày 10 tháng 3 năm 2026"),
]
FULL_DATE = re.compile(r"ngày (\d+) tháng (\d+) năm (\d{4})")


def on_day(data: dict[str, Any], day: dt.date) -> dict[str, Any]:
    """The event held on ``day`` (07:30, one day), every document dated ``day``."""
    out = set_in(data, "su_kien.bat_dau", f"{day.isoformat()} 07:30")
    out = set_in(out, "su_kien.ket_thuc", day.isoformat())
    out.pop("chuong_trinh", None)  # its sessions are dated on the example's own days
    for key, entry in (out.get("van_ban") or {}).items():
        entry.pop("ngay", None)
        if key != "chung":
            entry.pop("so", None)
    return set_in(out, "van_ban.chung.ngay", day.isoformat())


def assert_padding_rule(lines: list[str], where: str) -> None:
    """Every ``ngày D tháng M năm Y`` in the text follows the rule, and no month is 03–12."""
    text = "\n".join(lines)
    assert not re.search(r"tháng 0[3-9]\b", text), where
    for day, month, _year in FULL_DATE.findall(text):
        assert len(day) == 2, (where, day)
        assert month == (f"{int(month):02d}" if int(month) < 3 else str(int(month))), where


@pytest.mark.parametrize(("day", "expected"), B1, ids=[d.isoformat() for d, _ in B1])
@pytest.mark.parametrize("the_thuc", FORMATS)
@pytest.mark.parametrize("name", NAMES)
def test_b1_month_is_padded_only_for_january_and_february(
    name: str, the_thuc: str, day: dt.date, expected: str
) -> None:
    data = on_day(example(DAN_VAN, the_thuc), day)
    doc = document(data, name)
    lines = texts(doc)
    where = f"{the_thuc}/{name}/{day}"
    assert_padding_rule(lines, where)
    if name in OFFICIAL:
        assert doc.tables[0].cell(1, 1).text == f"Cà Mau, {expected}", where
    elif name == "phat-bieu-khai-mac":
        assert f"Cà Mau, {expected}" in lines, where
    else:  # the news item writes press dates, never padded: "Sáng 20/8"
        assert any(t.startswith(f"(CMO) Sáng {day.day}/{day.month}, ") for t in lines), where
        assert not any(re.search(r"\b0\d/\d", t) for t in lines), where


@pytest.mark.parametrize("the_thuc", FORMATS)
def test_b1_every_example_and_template_follows_the_padding_rule(the_thuc: str) -> None:
    for stem, data in examples(the_thuc):
        for name in NAMES:
            assert_padding_rule(texts(document(data, name)), f"{stem}/{the_thuc}/{name}")


# --- B2: raw date strings ----------------------------------------------------------------------


@pytest.mark.parametrize("written", ["20/08/2026", "20/8/2026", "2026-08-20", "20.08.2026"])
@pytest.mark.parametrize("the_thuc", FORMATS)
def test_b2_date_strings_are_read_as_dates_and_printed_by_the_rule(
    the_thuc: str, written: str
) -> None:
    data = set_in(
        on_day(example(DAN_VAN, the_thuc), dt.date(2026, 8, 20)), "van_ban.chung.ngay", written
    )
    assert event(data).van_ban["chung"].ngay == dt.date(2026, 8, 20)
    for name in [*OFFICIAL, "phat-bieu-khai-mac"]:
        lines = texts(document(data, name))
        assert "Cà Mau, ngày 20 tháng 8 năm 2026" in lines, (the_thuc, name)
        assert not any("tháng 08" in t for t in lines), (the_thuc, name)


@pytest.mark.parametrize(
    "written",
    [
        "08",
        "tháng 08",
        "ngày 05 tháng 03",
        "05/03",
        "08/2026",
        "2026-08",
        "Thứ Ba, 5 tháng 3, 2024",
    ],
)
@pytest.mark.parametrize("the_thuc", FORMATS)
def test_b2_a_month_or_a_partial_date_is_refused(the_thuc: str, written: str) -> None:
    data = set_in(example(DAN_VAN, the_thuc), "van_ban.chung.ngay", written)
    with pytest.raises(DataError) as caught:
        event(data)
    [problem] = caught.value.problems
    assert problem.field == "van_ban.chung.ngay"
    assert problem.message.startswith("không đọc được ngày `")


@pytest.mark.parametrize("the_thuc", FORMATS)
def test_b2_a_separate_month_field_is_refused(the_thuc: str) -> None:
    data = set_in(example(DAN_VAN, the_thuc), "van_ban.chung.thang", "08")
    with pytest.raises(DataError) as caught:
        event(data)
    assert [p.field for p in caught.value.problems] == ["van_ban.chung.thang"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Cà Mau, ngày 05 tháng 03 năm 2026", [("ngày 05 tháng 03", "ngày 05 tháng 3")]),
        ("Cà Mau, ngày 5 tháng 3 năm 2026", [("ngày 5 tháng 3", "ngày 05 tháng 3")]),
        ("Hà Nội, ngày 20 tháng 2 năm 2026", [("ngày 20 tháng 2", "ngày 20 tháng 02")]),
        ("Hạ Long, ngày 20 tháng 02 năm 2018", []),
        ("Cà Mau, ngày 01 tháng 11 năm 2024", []),
        ("Cà Mau, ngày      tháng      năm 2024", []),
        ("tháng 08 là tháng tám", []),  # not followed by "năm": not a date line
        (
            "ngày 5 tháng 03 năm 2026 và tháng 1 năm 2025",
            [("ngày 5 tháng 03", "ngày 05 tháng 3"), ("tháng 1", "tháng 01")],
        ),
        ("Ngày 5 Tháng 3 Năm 2026", [("Ngày 5 Tháng 3", "Ngày 05 Tháng 3")]),
    ],
)
def test_b2_the_padding_check_a_linter_can_use(text: str, found: list[tuple[str, str]]) -> None:
    assert loi_ngay_thang(text) == found


def _template_with_header_text(tmp_path: Path, line: str) -> Path:
    """A Word template whose page header holds ``line`` as free text, next to a tag."""
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = line
    doc.add_paragraph("{{ co_quan.ten }}")
    path = tmp_path / "mau.docx"
    doc.save(str(path))
    return path


@pytest.mark.xfail(
    strict=True,
    reason="B2: check_template does not flag a date padded against NĐ 30 in free header text "
    "(lint owner: call baocao.vi.loi_ngay_thang on header/first-page paragraphs)",
)
def test_b2_free_text_month_03_in_a_header_is_a_lint_error(tmp_path: Path) -> None:
    path = _template_with_header_text(tmp_path, "Cà Mau, ngày 05 tháng 03 năm 2026")
    problems = check_template(path)
    assert any("tháng 03" in p.message for p in problems), [str(p) for p in problems]


def test_b2_correct_free_header_text_is_not_flagged(tmp_path: Path) -> None:
    path = _template_with_header_text(tmp_path, "Cà Mau, ngày 05 tháng 3 năm 2026")
    assert not [p for p in check_template(path) if "tháng" in p.message]


# --- B3: never today's date --------------------------------------------------------------------


@pytest.mark.parametrize("the_thuc", FORMATS)
@pytest.mark.parametrize("missing", ["su_kien.bat_dau"])
def test_b3_a_missing_event_date_is_a_validation_error(the_thuc: str, missing: str) -> None:
    with pytest.raises(DataError) as caught:
        event(set_in(example(DAN_VAN, the_thuc), missing, None))
    assert [(p.field, p.message) for p in caught.value.problems] == [
        (missing, "thiếu mục bắt buộc `bat_dau`")
    ]


@pytest.mark.parametrize("the_thuc", FORMATS)
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("van_ban.chung.ngay", "31/4/2026"),
        ("van_ban.chung.ngay", "hôm nay"),
        ("van_ban.chung.ngay", ""),
        ("su_kien.bat_dau", "30/02/2026"),
        ("su_kien.bat_dau", "ngày mai"),
    ],
)
def test_b3_an_invalid_date_is_a_validation_error(the_thuc: str, field: str, value: str) -> None:
    with pytest.raises(DataError) as caught:
        event(set_in(example(DAN_VAN, the_thuc), field, value))
    assert [p.field for p in caught.value.problems] == [field]


def _today_forms() -> list[str]:
    today = dt.date.today()
    return [
        f"ngày {today.day:02d} tháng {today.month if today.month > 2 else f'{today.month:02d}'} "
        f"năm {today.year}",
        f"{today.day}/{today.month}/{today.year}",
        today.isoformat(),
    ]


@pytest.mark.parametrize("the_thuc", FORMATS)
@pytest.mark.parametrize("name", NAMES)
def test_b3_no_document_date_gives_a_blank_line_never_today(name: str, the_thuc: str) -> None:
    data = example(DAN_VAN, the_thuc)
    for entry in data["van_ban"].values():
        entry.pop("ngay", None)
    raw = render(data, name)
    lines = texts(docx.Document(io.BytesIO(raw)))
    year = 2024  # the event's year (1–3/11/2024), not this year
    if name in OFFICIAL:
        assert f"Cà Mau, ngày      tháng      năm {year}" in lines, name
    elif name == "phat-bieu-khai-mac":  # the speech is dated the day it is given
        assert "Cà Mau, ngày 01 tháng 11 năm 2024" in lines
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        package = "\n".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    for form in _today_forms():
        assert form not in package, (name, form)
    core = docx.Document(io.BytesIO(raw)).core_properties
    assert core.created is not None and core.created.date() == dt.date(2024, 11, 1)
    assert core.modified == core.created


@pytest.mark.parametrize("the_thuc", FORMATS)
def test_b3_same_input_renders_to_identical_bytes(the_thuc: str) -> None:
    for stem, data in examples(the_thuc):
        for name in NAMES:
            one = render_bytes(event(data), template=name)
            two = render_bytes(event(data), template=name)
            assert one == two, (stem, the_thuc, name)
            created = docx.Document(io.BytesIO(one)).core_properties.created
            assert created is not None and created.date() != dt.date.today(), (stem, name)
