"""The guide's generated sections match the code; every documented key has a description."""

from __future__ import annotations

from baocao.lint import guide
from baocao.rendering.filters import FILTERS
from conftest import ROOT

GUIDE = ROOT / "docs" / "huong-dan-soan-mau.md"


def test_guide_sections_are_up_to_date() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    fresh = guide.generated(text)
    assert fresh == text, f"docs/huong-dan-soan-mau.md is out of date; run: {guide.REGENERATE}"


def test_every_context_key_has_a_vietnamese_description() -> None:
    keys = [k for k, _ in guide.context_keys()]
    assert len(keys) >= 30
    missing = [k for k in keys if k not in guide.MO_TA]
    assert not missing, f"add to baocao.lint.guide.MO_TA: {missing}"


def test_every_filter_and_key_is_in_the_guide() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    for name in FILTERS:
        assert f"| `{name}` |" in text
    for key, _ in guide.context_keys():
        assert f"| `{key}` |" in text
    assert "| `su_kien.dia_diem` |" in text and "| `n.ho_ten` |" in text


def test_mistakes_show_real_messages() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    for line in (
        "mau.docx: phần thân, đoạn 1: «Địa điểm: {{ su_kien.diadiem }}»: biến không có: "
        "su_kien.diadiem — có phải su_kien.dia_diem?",
        "mau.docx: phần thân, đoạn 2: «{{ n.hoten }}»: biến không có: n.hoten — có phải n.ho_ten?",
        "mau.docx: phần thân, đoạn 1: «{%p for x in noi_nhan %}»: khối {%p for x in noi_nhan %} "
        "không được đóng: thiếu thẻ {% endfor %}",
    ):
        assert line in text.splitlines()


def test_update_refuses_a_missing_section() -> None:
    import pytest

    with pytest.raises(ValueError):
        guide.update("no markers", {"bien": "x"})
