"""Numbers in words, standard (`linh`, `nghìn`) or southern (`lẻ`, `ngàn`) reading: the pure
helpers (property tests), the event's top-level ``cach_doc_so`` in the report's amount, and
the ``bang_chu`` / ``so_thanh_chu`` filters of a Word template, read back with python-docx."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.errors import DataError
from baocao.rendering.document import render_bytes
from baocao.vi import bang_chu, so_thanh_chu
from render_helpers import UBND, document, event, example, set_in, texts

integers = st.integers(min_value=-(10**18), max_value=10**18)


def _south(words: str) -> str:
    return " ".join({"linh": "lẻ", "nghìn": "ngàn"}.get(w, w) for w in words.split(" "))


@given(integers)
def test_southern_reading_is_the_standard_one_with_le_and_ngan(n: int) -> None:
    chuan = so_thanh_chu(n)
    nam = so_thanh_chu(n, cach_doc="nam")
    assert nam == _south(chuan)
    assert so_thanh_chu(n, cach_doc="chuan") == chuan
    assert "linh" not in nam.split() and "nghìn" not in nam.split()
    assert "lẻ" not in chuan.split() and "ngàn" not in chuan.split()


@given(st.integers(min_value=0, max_value=10**15))
def test_amount_in_words_follows_the_reading(n: int) -> None:
    nam = bang_chu(n, cach_doc="nam")
    assert nam.endswith(" đồng") and nam[0].isupper()
    assert nam[0].lower() + nam[1:] == _south(bang_chu(n)[0].lower() + bang_chu(n)[1:])


@pytest.mark.parametrize(
    ("n", "chuan", "nam"),
    [
        (105, "một trăm linh năm", "một trăm lẻ năm"),
        (1_001, "một nghìn không trăm linh một", "một ngàn không trăm lẻ một"),
        (1_005_000, "một triệu không trăm linh năm nghìn", "một triệu không trăm lẻ năm ngàn"),
        (2_024, "hai nghìn không trăm hai mươi bốn", "hai ngàn không trăm hai mươi bốn"),
    ],
)
def test_known_readings(n: int, chuan: str, nam: str) -> None:
    assert (so_thanh_chu(n), so_thanh_chu(n, cach_doc="nam")) == (chuan, nam)


def test_an_unknown_reading_is_refused() -> None:
    with pytest.raises(ValueError, match="cach_doc"):
        so_thanh_chu(5, cach_doc="bac")


@pytest.mark.parametrize(
    ("cach_doc_so", "words"),
    [
        (None, "Một triệu không trăm linh năm nghìn đồng"),
        ("chuan", "Một triệu không trăm linh năm nghìn đồng"),
        ("nam", "Một triệu không trăm lẻ năm ngàn đồng"),
    ],
)
def test_the_report_amount_uses_the_event_reading(cach_doc_so: str | None, words: str) -> None:
    data = set_in(example(UBND, "nha_nuoc"), "ket_qua.kinh_phi", 1_005_000)
    data = set_in(data, "cach_doc_so", cach_doc_so)
    lines = texts(document(data, "bao-cao-tong-ket"))
    assert any(f"1.005.000 đồng (Bằng chữ: {words})" in line for line in lines), [
        x for x in lines if "đồng" in x
    ]


def test_an_unknown_cach_doc_so_is_a_located_error() -> None:
    data = set_in(example(UBND, "nha_nuoc"), "cach_doc_so", "mien-nam")
    with pytest.raises(DataError) as caught:
        event(data)
    (problem,) = caught.value.problems
    assert problem.field == "cach_doc_so" and problem.line is not None
    assert "chuan" in problem.message and "nam" in problem.message


def _template(folder: Path) -> None:
    folder.mkdir()
    doc = docx.Document()
    doc.add_paragraph("{{ 105 | so_thanh_chu }}")
    doc.add_paragraph("{{ 2001000 | bang_chu }}")
    doc.add_paragraph("{{ 105 | so_thanh_chu(cach_doc='chuan') }}")
    doc.save(str(folder / "doc-so.docx"))


@pytest.mark.parametrize(
    ("cach_doc_so", "lines"),
    [
        (
            "chuan",
            [
                "một trăm linh năm",
                "Hai triệu không trăm linh một nghìn đồng",
                "một trăm linh năm",
            ],
        ),
        (
            "nam",
            ["một trăm lẻ năm", "Hai triệu không trăm lẻ một ngàn đồng", "một trăm linh năm"],
        ),
    ],
)
def test_template_filters_take_the_event_reading_unless_told(
    tmp_path: Path, cach_doc_so: str, lines: list[str]
) -> None:
    folder = tmp_path / "mau"
    _template(folder)
    ev = event(set_in(example(UBND, "nha_nuoc"), "cach_doc_so", cach_doc_so))
    out = docx.Document(io.BytesIO(render_bytes(ev, template="doc-so", dirs=[folder])))
    assert [p.text for p in out.paragraphs] == lines
