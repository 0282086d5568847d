"""Issue 10: a thông cáo báo chí is sent to the press: its Nơi nhận lists
``- Các cơ quan báo chí;`` by default (side-file setting ``noi_nhan_them``), once, before the
``Lưu`` line; other templates do not. Rendered documents read back with python-docx."""

from __future__ import annotations

import io

import docx
import pytest

from render_helpers import DAN_VAN, UBND, example, render, set_in

STYLE = "Nơi nhận - mục"


def recipients(data: dict[str, object], name: str) -> list[str]:
    document = docx.Document(io.BytesIO(render(data, name)))
    cell = document.tables[-1].rows[0].cells[0]
    return [p.text for p in cell.paragraphs if p.style.name == STYLE]


@pytest.mark.parametrize(
    ("path", "the_thuc", "sep"), [(UBND, "nha_nuoc", ";"), (DAN_VAN, "dang", ",")]
)
def test_press_release_goes_to_the_press(path: object, the_thuc: str, sep: str) -> None:
    lines = recipients(example(path, the_thuc), "thong-cao")  # type: ignore[arg-type]
    assert f"- Các cơ quan báo chí{sep}" in lines, lines
    assert lines.index(f"- Các cơ quan báo chí{sep}") == len(lines) - 2  # before "Lưu"
    assert "Các cơ quan báo chí" not in " ".join(
        recipients(example(path, the_thuc), "bao-cao-tong-ket")
    )  # type: ignore[arg-type]


def test_listed_by_the_event_it_is_not_repeated() -> None:
    data = example(UBND, "nha_nuoc")
    data = set_in(data, "van_ban.thong-cao.noi_nhan", ["Các cơ quan báo chí", "Sở Nội vụ"])
    lines = recipients(data, "thong-cao")
    assert sum("báo chí" in x for x in lines) == 1, lines
    assert lines[0] == "- Các cơ quan báo chí;"
