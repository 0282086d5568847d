"""Issue 10: the last body paragraph keeps with the closing line, the closing line with the
signing block (one row that cannot split), so a last page never holds the signature alone.
Read back with python-docx: the effective keep-with-next of the paragraphs before the signing
table, resolved through the style chain the way Word does."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest

from render_helpers import DAN_VAN, FORMATS, UBND, example, render, set_in

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def keeps(p: Any) -> bool:
    if p.paragraph_format.keep_with_next is not None:
        return bool(p.paragraph_format.keep_with_next)
    style = p.style
    while style is not None:
        if style.paragraph_format.keep_with_next is not None:
            return bool(style.paragraph_format.keep_with_next)
        style = style.base_style
    return False


def before_signature(data: dict[str, Any], name: str) -> tuple[list[Any], Any]:
    document = docx.Document(io.BytesIO(render(data, name)))
    table = document.tables[-1]
    body = document.element.body
    paragraphs = {p._p: p for p in document.paragraphs}
    previous = []
    node = table._tbl.getprevious()
    while node is not None and len(previous) < 2:
        if node in paragraphs:
            previous.append(paragraphs[node])
        node = node.getprevious()
    assert body is not None
    return previous, table


CASES = [
    (DAN_VAN, "thong-cao", None),  # ends with the speakers' points
    (UBND, "thong-cao", "nhan_vat"),  # no speaker: ends with the background
    (DAN_VAN, "bao-cao-tong-ket", None),  # ends with the recommendations
    (UBND, "bao-cao-tong-ket", "ket_qua.kien_nghi"),  # ends with the lessons
]


@pytest.mark.parametrize("the_thuc", FORMATS)
@pytest.mark.parametrize(("path", "name", "drop"), CASES)
def test_last_paragraph_and_closing_line_keep_with_the_signature(
    path: Any, name: str, drop: str | None, the_thuc: str
) -> None:
    data = example(path, the_thuc)
    if drop:
        data = set_in(data, drop, None)
    (closing, last), table = before_signature(data, name)
    assert closing.text.endswith(("thông báo./.", "thông báo.", "./.", ".")), closing.text
    assert closing.style.name == "Kết thúc"
    assert keeps(closing), closing.text
    assert keeps(last), (last.text, last.style.name)
    assert table.rows[0]._tr.find(f"{W}trPr/{W}cantSplit") is not None


def test_only_the_last_item_keeps_with_the_next() -> None:
    data = example(DAN_VAN, "dang")
    data["su_kien"]["boi_canh"] = ["Một.", "Hai.", "Ba."]
    data = set_in(data, "nhan_vat", [p for p in data["nhan_vat"] if not p.get("phat_bieu")])
    document = docx.Document(io.BytesIO(render(data, "thong-cao")))
    by_text = {p.text: p for p in document.paragraphs}
    assert [keeps(by_text[x]) for x in ("Một.", "Hai.", "Ba.")] == [False, False, True]
