"""Issue 10: a lead never prints the organiser twice back to back when the venue names it
(``tại Hội trường tầng 3, Sở Văn hóa…, Sở Văn hóa… tổ chức``); the press release does what
the news item does. Rendered documents read back with python-docx."""

from __future__ import annotations

import io

import docx
import pytest
import yaml

from conftest import FIXTURES
from render_helpers import DAN_VAN, example, render

ORG = "Sở Văn hóa, Thể thao và Du lịch Thành phố Hồ Chí Minh"


def lead(data: dict[str, object], name: str) -> str:
    paragraphs = docx.Document(io.BytesIO(render(data, name))).paragraphs
    return next(p.text for p in paragraphs if " tổ chức " in p.text and p.style.name == "Normal")


@pytest.mark.parametrize("name", ["tin-bai", "thong-cao"])
def test_venue_naming_the_organiser_is_not_followed_by_the_name_again(name: str) -> None:
    data = yaml.safe_load((FIXTURES / "longest-names.yaml").read_text(encoding="utf-8"))
    text = lead(data, name)
    assert f"tại Hội trường tầng 3, {ORG} tổ chức hội nghị" in text, text
    assert f"{ORG}, {ORG}" not in text
    assert text.count(ORG) == 1, text


@pytest.mark.parametrize("the_thuc", ["nha_nuoc", "dang"])
def test_press_release_at_the_partners_premises_names_them_once(the_thuc: str) -> None:
    # the seed: the course is held at the Trường Chính trị, which is also the partner
    data = example(DAN_VAN, the_thuc)
    for name in ("tin-bai", "thong-cao"):
        text = lead(data, name)
        assert "tại Trường Chính trị" not in text, (name, text)
        assert text.count("Trường Chính trị tỉnh Cà Mau") == 1, (name, text)
