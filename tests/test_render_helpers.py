"""The render helpers of the layout tests read real formatting (a helper that silently
reads nothing would make every test that uses it pass)."""

from __future__ import annotations

import pytest

from render_helpers import DAN_VAN, FORMATS, document, example, one, paragraphs, set_in


@pytest.mark.parametrize("the_thuc", FORMATS)
def test_helpers_read_real_formatting(the_thuc: str) -> None:
    doc = document(example(DAN_VAN, the_thuc), "thong-cao")
    ps = {p.text: p for p in paragraphs(doc) if p.text}
    title = ps["THÔNG CÁO BÁO CHÍ"]
    assert one(title, "bold") is True and one(title, "italic") is False
    assert one(title, "size") == {"nha_nuoc": 14.0, "dang": 16.0}[the_thuc]
    date_line = ps["Cà Mau, ngày 01 tháng 11 năm 2024"]
    assert one(date_line, "italic") is True
    assert one(ps["BAN DÂN VẬN"], "bold") is True
    assert set_in({"a": {"b": 1}}, "a.b", None) == {"a": {}}
    assert set_in({"a": {"b": 1}}, "a.c", 2) == {"a": {"b": 1, "c": 2}}
