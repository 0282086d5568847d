"""Known bugs B8–B11 and B14 of public tools (signing block, Kính gửi, Nơi nhận, closing mark,
formatting kept while filling), asserted on real renders of the built-in templates in both
formats."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from docx.shared import Pt

from baocao.errors import DataError
from baocao.rendering.document import render_bytes
from baocao.rendering.engine import compile_template
from baocao.template_context.layout import cai_dat, profile
from conftest import TEMPLATES
from render_helpers import (
    DAN_VAN,
    FORMATS,
    NAMES,
    OFFICIAL,
    UBND,
    document,
    event,
    example,
    examples,
    indent_twips,
    one,
    set_in,
    tab_stops_twips,
    texts,
)

PREFIX = {
    "nha_nuoc": {"TM": "TM.", "KT": "KT.", "Q": "Q.", "TL": "TL.", "TUQ": "TUQ."},
    "dang": {"TM": "T/M", "KT": "K/T", "Q": "Q.", "TL": "T/L"},
}
THAY_CHO = {
    "TM": "Ban Thường vụ",
    "KT": "Trưởng Ban",
    "Q": "Trưởng Ban",
    "TL": "Trưởng Ban",
    "TUQ": "Trưởng Ban",
}


def signer(data: dict[str, Any], name: str, **nguoi_ky: Any) -> dict[str, Any]:
    out = set_in(
        data, f"van_ban.{name}.nguoi_ky", {k: v for k, v in nguoi_ky.items() if v is not None}
    )
    out["van_ban"].get("chung", {}).pop("nguoi_ky", None)
    return out


def sign_cell(doc: Any) -> list[Any]:
    return [p for p in doc.tables[-1].cell(0, 1).paragraphs]


# --- B8: prefix and chức vụ ---------------------------------------------------------------------


@pytest.mark.parametrize("the_thuc", FORMATS)
@pytest.mark.parametrize("name", OFFICIAL)
def test_b8_prefix_is_its_own_paragraph_above_the_title(name: str, the_thuc: str) -> None:
    size = profile(the_thuc).co_chu["ky"]
    for code, prefix in PREFIX[the_thuc].items():
        data = signer(
            example(DAN_VAN, the_thuc),
            name,
            ho_ten="Trần Văn Bình",
            chuc_vu="Phó Trưởng Ban" if code != "TM" else "Phó Bí thư",
            quyen_han=code,
            thay_cho=THAY_CHO[code],
        )
        ps = sign_cell(document(data, name))
        lines = [p.text for p in ps]
        where = (the_thuc, name, code)
        assert lines[0] == f"{prefix} {THAY_CHO[code].upper()}", where
        if code != "Q":  # an acting head signs "Q. TRƯỞNG BAN" alone, then the name
            assert lines[1] == ("PHÓ TRƯỞNG BAN" if code != "TM" else "PHÓ BÍ THƯ"), where
        assert lines[-1] == "Trần Văn Bình", where
        assert lines.count("") >= 1 and lines.index("") < len(lines) - 1, where
        assert one(ps[0], "bold") is True and one(ps[0], "size") == size, where
        assert one(ps[-1], "bold") is True, where


@pytest.mark.parametrize("the_thuc", FORMATS)
@pytest.mark.parametrize("name", OFFICIAL)
def test_b8_prefix_comes_from_the_data_never_from_pho(name: str, the_thuc: str) -> None:
    deputy = signer(
        example(DAN_VAN, the_thuc), name, ho_ten="Trần Văn Bình", chuc_vu="Phó Trưởng Ban"
    )
    lines = [p.text for p in sign_cell(document(deputy, name))]
    assert lines[0] == "PHÓ TRƯỞNG BAN", lines
    assert not any(x.startswith(("KT", "K/T", "TM", "T/M", "TL", "T/L")) for x in lines)
    head = signer(
        example(DAN_VAN, the_thuc),
        name,
        ho_ten="Trần Văn Bình",
        chuc_vu="Ủy viên Thường trực",
        quyen_han="KT",
        thay_cho="Trưởng Ban",
    )
    lines = [p.text for p in sign_cell(document(head, name))]
    assert lines[0] == f"{PREFIX[the_thuc]['KT']} TRƯỞNG BAN", lines


@pytest.mark.parametrize("name", OFFICIAL)
def test_b8_chuc_vu_bold_in_state_regular_in_party(name: str) -> None:
    for the_thuc, bold in (("nha_nuoc", True), ("dang", False)):
        for stem, data in examples(the_thuc):
            ps = [p for p in sign_cell(document(data, name)) if p.text]
            title = ps[1] if len(ps) == 3 else ps[0]
            assert one(title, "bold") is bold, (stem, the_thuc, title.text)


@pytest.mark.parametrize("thay_cho", ["Ban Thường vụ", "Ban Chấp hành", "Đảng ủy", "Tỉnh ủy"])
def test_b8_party_cap_uy_signing_k_t_is_a_validation_error(thay_cho: str) -> None:
    data = set_in(example(DAN_VAN, "dang"), "co_quan.ten", "Tỉnh ủy Cà Mau")
    data = set_in(data, "co_quan.cap_tren", None)
    data = signer(
        data,
        "thong-cao",
        ho_ten="Trần Văn Bình",
        chuc_vu="Phó Bí thư",
        quyen_han="KT",
        thay_cho=thay_cho,
    )
    with pytest.raises(DataError) as caught:
        event(data)
    assert [p.field for p in caught.value.problems] == ["van_ban.thong-cao.nguoi_ky.quyen_han"]


def test_b8_party_cap_uy_signing_t_m_is_accepted() -> None:
    data = set_in(example(DAN_VAN, "dang"), "co_quan.ten", "Tỉnh ủy Cà Mau")
    data = signer(
        data,
        "thong-cao",
        ho_ten="Trần Văn Bình",
        chuc_vu="Phó Bí thư",
        quyen_han="TM",
        thay_cho="Ban Thường vụ",
    )
    assert [p.text for p in sign_cell(document(data, "thong-cao"))][:2] == [
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ",
    ]


# --- B9: Kính gửi with several recipients ------------------------------------------------------

RECIPIENTS = ["Bộ Nội vụ", "Thường trực Tỉnh ủy", "Sở Tư pháp tỉnh Cà Mau"]


@pytest.mark.parametrize("count", [1, 2, 3])
@pytest.mark.parametrize("the_thuc", FORMATS)
def test_b9_kinh_gui_lines_and_aligned_dashes(the_thuc: str, count: int) -> None:
    name = "bao-cao-tong-ket"  # the built-in document with a Kính gửi
    data = set_in(example(UBND, the_thuc), f"van_ban.{name}.kinh_gui", RECIPIENTS[:count])
    doc = document(data, name)
    ps = list(doc.paragraphs)
    tone = "uỷ" if the_thuc == "dang" else "ủy"
    names = [r.replace("ủy", tone) for r in RECIPIENTS[:count]]
    sep = cai_dat(the_thuc)["dau_cach_noi_nhan"]
    i = next(k for k, p in enumerate(ps) if p.text.startswith("Kính gửi"))
    if count == 1:
        assert ps[i].text == f"Kính gửi: {names[0]}"
        assert not ps[i + 1].text.startswith("- ")
        return
    lines = [p.text for p in ps[i : i + count]]
    assert lines == [
        f"Kính gửi:\t- {names[0]}{sep}",
        *[f"- {n}{sep}" for n in names[1:-1]],
        f"- {names[-1]}.",
    ]
    assert not ps[i + count].text.startswith("- ")
    # the dash after the tab sits where the following dashes start
    first = ps[i]
    dash_at = indent_twips(first, "left")
    assert dash_at in tab_stops_twips(first), (dash_at, tab_stops_twips(first))
    assert indent_twips(first, "hanging") > 0
    for p in ps[i + 1 : i + count]:
        assert indent_twips(p, "left") == dash_at, p.text
        assert indent_twips(p, "firstLine") == 0 and indent_twips(p, "hanging") == 0, p.text


# --- B10: Nơi nhận -----------------------------------------------------------------------------


@pytest.mark.parametrize("the_thuc", FORMATS)
@pytest.mark.parametrize("name", OFFICIAL)
def test_b10_noi_nhan_punctuation_and_label_style(name: str, the_thuc: str) -> None:
    prof = profile(the_thuc)
    for stem, data in examples(the_thuc):
        data = set_in(
            data, f"van_ban.{name}.luu", "Văn phòng Ban" if the_thuc == "dang" else "VT, VP"
        )
        ps = list(document(data, name).tables[-1].cell(0, 0).paragraphs)
        where = (stem, the_thuc, name)
        label, items = ps[0], ps[1:]
        assert label.text == "Nơi nhận:", where
        assert len(items) >= 2, where
        if the_thuc == "nha_nuoc":
            assert all(p.text.startswith("- ") and p.text.endswith(";") for p in items[:-1]), where
            assert items[-1].text == "- Lưu: VT, VP.", where
            assert (one(label, "bold"), one(label, "italic"), one(label, "size")) == (
                True,
                True,
                12.0,
            )
            assert {one(p, "size") for p in items} == {11.0}, where
        else:
            assert all(p.text.startswith("- ") and p.text.endswith(",") for p in items[:-1]), where
            assert items[-1].text == "- Lưu Văn phòng Ban.", where
            assert (one(label, "bold"), one(label, "italic")) == (False, False), where
            assert one(label, "underline") is True and one(label, "size") == 14.0, where
            assert {one(p, "size") for p in items} == {12.0}, where
        # sizes come from the profile, not from the template's own choice
        assert one(label, "size") == prof.co_chu["noi_nhan_nhan"], where
        assert {one(p, "size") for p in items} == {prof.co_chu["noi_nhan"]}, where
        assert all(not one(p, "bold") and not one(p, "italic") for p in items), where


def _copy_with_settings(tmp_path: Path, name: str, settings: dict[str, Any]) -> Path:
    folder = tmp_path / "mau"
    folder.mkdir(exist_ok=True)
    for path in TEMPLATES.glob(f"{name}.*"):
        shutil.copy(path, folder / path.name)
    side = yaml.safe_load((TEMPLATES / f"{name}.yaml").read_text(encoding="utf-8"))
    side["cai_dat"] = {**(side.get("cai_dat") or {}), **settings}
    (folder / f"{name}.yaml").write_text(yaml.safe_dump(side, allow_unicode=True), encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", OFFICIAL)
def test_b10_separator_is_a_setting_hd05_style_semicolon(tmp_path: Path, name: str) -> None:
    folder = _copy_with_settings(tmp_path, name, {"dau_cach_noi_nhan": {"dang": ";"}})
    ev = event(example(DAN_VAN, "dang"))
    doc = docx.Document(io.BytesIO(render_bytes(ev, template=name, dirs=[folder])))
    items = [p.text for p in doc.tables[-1].cell(0, 0).paragraphs[1:]]
    assert all(x.endswith(";") for x in items[:-1]) and items[-1].startswith("- Lưu "), items


@pytest.mark.parametrize("the_thuc", FORMATS)
def test_b10_nhu_tren_only_under_a_printed_kinh_gui(the_thuc: str) -> None:
    """NĐ 30 §II.9: "- Như trên" refers to a Kính gửi; the thông cáo prints none."""
    data = set_in(example(UBND, the_thuc), "van_ban.chung.kinh_gui", ["Bộ Nội vụ", "Sở Tư pháp"])
    doc = document(data, "thong-cao")
    assert not any(t.startswith("Kính gửi") for t in texts(doc))
    items = [p.text for p in doc.tables[-1].cell(0, 0).paragraphs[1:]]
    assert not any(x.startswith("- Như trên") for x in items), items


# --- B11: closing mark ---------------------------------------------------------------------------


@pytest.mark.parametrize("the_thuc", FORMATS)
def test_b11_closing_mark(the_thuc: str) -> None:
    for stem, data in examples(the_thuc):
        for name in NAMES:
            doc = document(data, name)
            lines = texts(doc)
            where = (stem, the_thuc, name)
            if the_thuc == "dang":
                assert not any("./." in t for t in lines), where
            if name not in OFFICIAL:
                continue
            body = [p for p in doc.paragraphs if p.text.strip()]
            last = body[-1]
            assert last.style.name == "Kết thúc", where
            if the_thuc == "dang":
                assert last.text.endswith(".") and not last.text.endswith("./."), where
            else:
                assert last.text.endswith("./.") and lines.count(last.text) == 1, where


# --- B14: filling and normalising keep formatting and paragraphs -------------------------------


def _template_paragraph_styles(cell: Any, loops: int) -> list[str]:
    """The styles a filled cell has: the template's paragraphs minus ``{%p %}`` control
    paragraphs, the loop body repeated ``loops`` times; of an ``{%p if %}…{%p else %}`` the
    ``else`` branch (the examples' date lines fit their cell); a ``{{p vach_co_quan }}`` rule
    is a ``Vạch`` paragraph made by the context (issue 10)."""
    styles: list[str] = []
    in_loop: list[str] = []
    looping = False
    branch: list[str] | None = None
    for p in cell.paragraphs:
        text = p.text.strip()
        if text.startswith("{%p if ngay_dai"):
            branch = []
            continue
        if branch is not None:
            if text.startswith("{%p else"):
                branch.clear()
            elif text.startswith("{%p endif"):
                styles += branch
                branch = None
            else:
                branch.append(p.style.name)
            continue
        if text.startswith("{{p vach_"):
            styles.append("Vạch")
        elif text.startswith("{%p for"):
            looping = True
        elif text.startswith("{%p endfor"):
            looping = False
            styles += in_loop * loops
        elif text.startswith("{%p"):
            continue
        elif looping:
            in_loop.append(p.style.name)
        else:
            styles.append(p.style.name)
    return styles


@pytest.mark.parametrize("the_thuc", FORMATS)
@pytest.mark.parametrize("name", OFFICIAL)
def test_b14_header_and_signature_cells_keep_their_paragraphs(name: str, the_thuc: str) -> None:
    template = docx.Document(str(TEMPLATES / f"{name}.{the_thuc}.docx"))
    for stem, data in examples(the_thuc):
        data = set_in(
            data,
            "co_quan.cap_tren",
            data["co_quan"].get("cap_tren") or "Ủy ban nhân dân tỉnh Cà Mau",
        )
        data = signer(
            data,
            name,
            ho_ten="Trần Văn Bình",
            chuc_vu="Phó Trưởng Ban",
            quyen_han="KT",
            thay_cho="Trưởng Ban",
        )
        doc = document(data, name)
        # the template's signing table: the last but an appendix table (bao-cao-tong-ket's
        # "Danh sách học viên"), which is not rendered without hoc_vien
        signing = next(t for t in reversed(template.tables) if "Nơi nhận:" in t._cells[0].text)
        for t_index, want_table in ((0, template.tables[0]), (-1, signing)):
            for got, want in zip(doc.tables[t_index]._cells, want_table._cells, strict=True):
                items = sum(1 for p in got.paragraphs if p.style.name == "Nơi nhận - mục")
                expected = _template_paragraph_styles(want, items)
                assert [p.style.name for p in got.paragraphs] == expected, (stem, the_thuc, name)
                for p in got.paragraphs:  # no direct formatting appeared or vanished
                    for r in p.runs:
                        assert r._r.rPr is None or len(r._r.rPr) == 0, (stem, p.text)


def _formatted_template(tmp_path: Path) -> Path:
    """A template with runs of different formatting in one paragraph, and a 3-line cell."""
    doc = docx.Document()
    p = doc.add_paragraph()
    p.add_run("Uỷ ban").bold = True
    p.add_run(" nhân dân tỉnh ").italic = True
    run = p.add_run("Hoà Bình")
    run.underline = True
    run.font.size = Pt(13)
    p.add_run(", ")
    p.add_run("{{ ten }}").bold = True
    cell = doc.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run("TỈNH UỶ CÀ MAU")
    cell.add_paragraph().add_run("{{ co_quan }}").bold = True
    cell.add_paragraph().add_run("*")
    path = tmp_path / "dinh-dang.docx"
    doc.save(str(path))
    return path


@pytest.mark.parametrize(("kieu", "uy", "hoa"), [("cu", "Ủy", "Hòa"), ("moi", "Uỷ", "Hoà")])
def test_b14_normalising_keeps_runs_and_their_formatting(
    tmp_path: Path, kieu: str, uy: str, hoa: str
) -> None:
    compiled = compile_template(_formatted_template(tmp_path))
    ctx = {"ten": "khoẻ mạnh", "co_quan": "BAN DÂN VẬN", "dau_thanh": kieu}
    doc = docx.Document(io.BytesIO(compiled.render_bytes(ctx)))
    runs = [(r.text, r.bold, r.italic, r.underline, r.font.size) for r in doc.paragraphs[0].runs]
    khoe = "khỏe" if kieu == "cu" else "khoẻ"
    assert runs == [
        (uy + " ban", True, None, None, None),
        (" nhân dân tỉnh ", None, True, None, None),
        (hoa + " Bình", None, None, True, Pt(13)),
        (", ", None, None, None, None),
        (f"{khoe} mạnh", True, None, None, None),
    ]
    cell = doc.tables[0].cell(0, 0)
    assert [p.text for p in cell.paragraphs] == [f"TỈNH {uy.upper()} CÀ MAU", "BAN DÂN VẬN", "*"]
    assert [r.bold for r in cell.paragraphs[1].runs] == [True]


@pytest.mark.xfail(
    strict=True,
    reason="B14/tone style: a syllable that Word split over two runs (spell-check, revision "
    "marks) is normalised run by run, so its mark is never moved (engine owner: normalise "
    "per paragraph and map the result back onto the runs)",
)
def test_b14_a_syllable_split_over_runs_is_still_normalised(tmp_path: Path) -> None:
    doc = docx.Document()
    p = doc.add_paragraph()
    p.add_run("Tỉnh u")
    p.add_run("ỷ").bold = True
    p.add_run(" {{ x }}")
    path = tmp_path / "tach.docx"
    doc.save(str(path))
    out = docx.Document(
        io.BytesIO(compile_template(path).render_bytes({"x": "", "dau_thanh": "cu"}))
    )
    assert out.paragraphs[0].text.strip() == "Tỉnh ủy"
    assert len(out.paragraphs[0].runs) == 3
