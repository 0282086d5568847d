"""The built-in templates, both formats, every example: rendered through baocao.render,
re-opened with python-docx (and converted by LibreOffice), checked against the event data."""

from __future__ import annotations

import copy
import datetime as dt
import re
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from baocao.errors import BaocaoError
from baocao.event.loading import parse_event
from baocao.rendering.document import render, render_bytes
from baocao.template_context.layout import profile
from baocao.vi import chuan_dau
from conftest import EXAMPLES, TEMPLATES, convert_to_pdf, docx_lines, example_files, pdf_text
from test_context_sentences import SEED

NAMES = [
    "thong-cao",
    "tin-bai",
    "phat-bieu-khai-mac",
    "bao-cao-tong-ket",
    "ke-hoach",
    "chuong-trinh",
    "phat-bieu-be-mac",
]
FORMATS = ["nha_nuoc", "dang"]
# the seed event with someone to close it (phat-bieu-be-mac needs a be_mac or chu_tri person)
SEED_CLOSED = {
    **SEED,
    "nhan_vat": [*SEED["nhan_vat"], {"ho_ten": "Nguyễn Văn Hòa", "vai_tro": "be_mac"}],
}
ABBR = {"thong-cao": "TC", "bao-cao-tong-ket": "BC", "ke-hoach": "KH", "chuong-trinh": "CTr"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# words whose tone mark differs between the styles (open oa/oe/uy syllables)
MOI_ONLY = re.compile(r"\b(hoà|uỷ|Uỷ|UỶ|thuý|khoẻ|hoá|HOÀ|Hoà|Thuý)\b")
CU_ONLY = re.compile(r"\b(hòa|ủy|Ủy|ỦY|thúy|khỏe|hóa|HÒA|Hòa|Thúy)\b")


def raw(path: Path, the_thuc: str) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["the_thuc"] = the_thuc
    data.pop("dau_thanh", None)
    return data


def event(data: dict[str, Any], path: str = "test.yaml") -> Any:
    return parse_event(yaml.safe_dump(data, allow_unicode=True).encode(), path=path)


def tone(data: dict[str, Any]) -> str:
    return data.get("dau_thanh") or ("moi" if data["the_thuc"] == "dang" else "cu")


def T(data: dict[str, Any], s: str) -> str:
    return chuan_dau(unicodedata.normalize("NFC", s), kieu=tone(data))


def day(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    m = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})", str(value))
    if m:
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    return dt.date.fromisoformat(str(value)[:10])


def details(data: dict[str, Any], name: str) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for key in ("chung", name):
        merged.update((data.get("van_ban") or {}).get(key) or {})
    return merged


def expected_so(data: dict[str, Any], name: str) -> str:
    so, vt, abbr = details(data, name).get("so"), data["co_quan"]["viet_tat"], ABBR[name]
    if data["the_thuc"] == "nha_nuoc":
        return f"Số: {so:02d}/{abbr}-{vt}" if so else f"Số:      /{abbr}-{vt}"
    return f"Số {so:02d}-{abbr}/{vt}" if so else f"Số    -{abbr}/{vt}"


def expected_date(data: dict[str, Any], name: str) -> str:
    d = day(details(data, name).get("ngay"))
    place = data["co_quan"]["dia_danh"]
    if d is None:
        end = "ket_thuc" if name == "bao-cao-tong-ket" else "bat_dau"
        year = day(data["su_kien"].get(end) or data["su_kien"]["bat_dau"]).year  # type: ignore[union-attr]
        return f"{place}, ngày      tháng      năm {year}"
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"{place}, ngày {d.day:02d} tháng {month} năm {d.year}"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """Every example × template × format, rendered once through baocao.render."""
    out_dir = tmp_path_factory.mktemp("builtin")
    records = []
    for path in example_files():
        for the_thuc in FORMATS:
            data = raw(path, the_thuc)
            ev = event(data, f"{path.stem}.yaml")
            for name in NAMES:
                out = out_dir / f"{path.stem}-{the_thuc}-{name}.docx"
                render(ev, template=name, out=out, force=True)
                records.append({"path": out, "data": data, "name": name, "example": path.stem})
    return records


def test_examples_and_templates_exist() -> None:
    assert len(example_files()) >= 3
    for name in NAMES:
        for the_thuc in FORMATS:
            assert (TEMPLATES / f"{name}.{the_thuc}.docx").is_file()
        side = yaml.safe_load((TEMPLATES / f"{name}.yaml").read_text(encoding="utf-8"))
        assert {"tieu_de", "ten_loai", "viet_tat", "mo_ta", "cai_dat"} <= set(side)
        assert side["viet_tat"] == ABBR.get(name)


def _xml_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")}


def test_text_is_clean_nfc_one_tone_no_tags(outputs: list[dict[str, Any]]) -> None:
    for rec in outputs:
        lines = docx_lines(rec["path"])
        text = "\n".join(lines)
        where = f"{rec['path'].name}"
        assert "{{" not in text and "{%" not in text and "}}" not in text, where
        assert unicodedata.normalize("NFC", text) == text, where
        wrong = MOI_ONLY if tone(rec["data"]) == "cu" else CU_ONLY
        assert not wrong.search(text), (where, wrong.findall(text))
        assert "None" not in text, where


def test_page_setup_and_fonts(outputs: list[dict[str, Any]]) -> None:
    import docx
    from docx.shared import Mm

    for rec in outputs:
        document = docx.Document(str(rec["path"]))
        sec = document.sections[0]
        for got, mm in (
            (sec.page_width, 210),
            (sec.page_height, 297),
            (sec.top_margin, 20),
            (sec.bottom_margin, 20),
            (sec.left_margin, 30),
            (sec.right_margin, 15),
        ):
            assert abs(got - Mm(mm)) < Mm(0.2), (rec["path"].name, mm)
        assert sec.different_first_page_header_footer
        assert all(not p.text for p in sec.first_page_header.paragraphs)
        header_xml = sec.header._element.xml
        assert "PAGE" in header_xml and "fldChar" in header_xml
        assert sec.header.paragraphs[0].style.paragraph_format.alignment == 1  # centred
        for part, xml in _xml_parts(rec["path"]).items():
            text = xml.decode("utf-8")
            assert "Theme=" not in text.replace("w:themeColor", ""), part  # no theme fonts
            for rfonts in re.findall(r"<w:rFonts [^>]*>", text):
                for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                    assert f'w:{slot}="Times New Roman"' in rfonts, (part, rfonts)
        rfonts = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            assert rfonts.get(f"{W}{slot}") == "Times New Roman", slot
        assert document.styles["Normal"].font.name == "Times New Roman"


def _cell_lines(cell: Any) -> list[str]:
    # a long body name is broken into lines (w:br) at phrase boundaries (issue 10)
    return [p.text.replace("\n", " ") for p in cell.paragraphs]


def _has_bottom_border(paragraph: Any) -> bool:
    # the rule under the body name is drawn on the paragraph itself, its length computed
    if paragraph._p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None:
        return True
    style = paragraph.style
    while style is not None:
        if style.element.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None:
            return True
        style = style.base_style
    return False


@pytest.mark.parametrize("name", ["thong-cao", "bao-cao-tong-ket"])
def test_official_header_title_signature(outputs: list[dict[str, Any]], name: str) -> None:
    import docx
    from docx.shared import Mm

    checked = 0
    for rec in (r for r in outputs if r["name"] == name):
        data, where = rec["data"], rec["path"].name
        state = data["the_thuc"] == "nha_nuoc"
        document = docx.Document(str(rec["path"]))
        head = document.tables[0]
        tbl_pr = head._tbl.tblPr.xml
        assert 'w:type="fixed"' in tbl_pr and "w:tblBorders" in tbl_pr, where
        grid = [int(c.get(f"{W}w")) for c in head._tbl.tblGrid.findall(f"{W}gridCol")]
        prof = profile(data["the_thuc"])
        assert grid == [
            pytest.approx(Mm(prof.cot_trai_mm).twips, abs=2),
            pytest.approx(Mm(prof.cot_phai_mm).twips, abs=2),
        ], where
        left, right = _cell_lines(head.cell(0, 0)), _cell_lines(head.cell(0, 1))
        body = T(data, data["co_quan"]["ten"].upper())
        cap_tren = data["co_quan"].get("cap_tren")
        assert left[: 2 if cap_tren else 1] == (
            [T(data, cap_tren.upper()), body] if cap_tren else [body]
        ), where
        if state:
            assert right[:2] == [
                T(data, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                "Độc lập - Tự do - Hạnh phúc",
            ], where
            assert left[-1] == "" and _has_bottom_border(head.cell(0, 0).paragraphs[-1])
        else:
            assert right[0] == "ĐẢNG CỘNG SẢN VIỆT NAM", where
            assert left[-1] == "*", where
        assert right[-1] == "" and _has_bottom_border(head.cell(0, 1).paragraphs[-1]), where
        assert head.cell(1, 0).text == expected_so(data, name), where
        date_para = head.cell(1, 1).paragraphs[0]
        assert date_para.text == expected_date(data, name), where
        assert date_para.style.font.italic, where
        # title block
        after = [p for p in document.paragraphs if p.text or _has_bottom_border(p)]
        assert (
            after[0].text == {"thong-cao": "THÔNG CÁO BÁO CHÍ", "bao-cao-tong-ket": "BÁO CÁO"}[name]
        )
        vb = details(data, name)
        if vb.get("trich_yeu"):
            # HD 36: a Party trích yếu starts lower case, also when the event wrote a capital
            given = T(data, vb["trich_yeu"])
            assert after[1].text == (given if state else given[0].lower() + given[1:]), where
        if state:
            assert after[2].text == "" and _has_bottom_border(after[2]), where
        else:
            assert after[1].text[0].islower(), where
            assert after[2].text == "-----", where
        # Kính gửi
        texts = [p.text for p in document.paragraphs]
        kinh_gui = vb.get("kinh_gui") or []
        if len(kinh_gui) == 1:
            assert f"Kính gửi: {T(data, kinh_gui[0])}" in texts, where
        elif kinh_gui:
            sep = ";" if state else ","
            i = texts.index(f"Kính gửi:\t- {T(data, kinh_gui[0])}{sep}")
            assert texts[i + len(kinh_gui) - 1] == f"- {T(data, kinh_gui[-1])}.", where
        else:
            assert not any(t.startswith("Kính gửi") for t in texts), where
        # closing mark, kept with the signature
        closing = [p for p in document.paragraphs if p.style.name == "Kết thúc"]
        assert len(closing) == 1 and closing[0].style.paragraph_format.keep_with_next, where
        assert closing[0].text.endswith("./." if state else "."), where
        if not state:
            assert not closing[0].text.endswith("./."), where
        # signature block: one unsplittable row; prefix and title as separate paragraphs
        sign = document.tables[-1]
        assert len(sign.rows) == 1 and "w:cantSplit" in sign.rows[0]._tr.xml, where
        assert 'w:type="fixed"' in sign._tbl.tblPr.xml
        noi_nhan, ky = _cell_lines(sign.cell(0, 0)), _cell_lines(sign.cell(0, 1))
        signer = vb.get("nguoi_ky") or {}
        expected_ky = [
            T(data, signer.get("chuc_vu", "").upper()),
            "",
            T(data, signer.get("ho_ten", "")),
        ]
        if signer.get("quyen_han"):
            prefix = {
                "nha_nuoc": {"TM": "TM.", "KT": "KT.", "Q": "Q.", "TL": "TL.", "TUQ": "TUQ."},
                "dang": {"TM": "T/M", "KT": "K/T", "Q": "Q.", "TL": "T/L"},
            }[data["the_thuc"]]
            expected_ky.insert(
                0, T(data, f"{prefix[signer['quyen_han']]} {signer['thay_cho'].upper()}")
            )
        assert ky == expected_ky, where
        assert noi_nhan[0] == "Nơi nhận:", where
        items = noi_nhan[1:]
        sep = ";" if state else ","
        assert all(x.startswith("- ") and x.endswith(sep) for x in items[:-1]), where
        luu = vb.get("luu", "VT")
        assert items[-1] == T(data, f"- Lưu: {luu}." if state else f"- Lưu {luu}."), where
        if kinh_gui:
            assert items[0] == f"- Như trên{sep}", where
        checked += 1
    assert checked == 2 * len(example_files())


def test_seed_news_item_word_for_word(tmp_path: Path) -> None:
    import docx

    out = render(event(SEED), template="tin-bai", out=tmp_path / "tin.docx")
    texts = [p.text for p in docx.Document(str(out)).paragraphs if p.text]
    assert texts[1:4] == [
        "(CMO) Sáng 1/11, Ban Dân vận Tỉnh uỷ phối hợp với Trường Chính trị tỉnh Cà Mau tổ chức "
        "lớp bồi dưỡng nghiệp vụ công tác dân vận cho lãnh đạo các sở, ban, ngành, Mặt trận Tổ "
        "quốc, các tổ chức chính trị - xã hội, đơn vị sự nghiệp và một số Hội quần chúng cấp "
        "tỉnh; thành viên Ban chỉ đạo Quy chế dân chủ cơ sở cấp tỉnh; lãnh đạo các huyện, "
        "thành phố.",
        "Lớp bồi dưỡng diễn ra từ ngày 1 đến ngày 3/11, các học viên được nghiên cứu, học tập "
        "nhiều nội dung quan trọng về: Công tác dân vận trong tình hình mới; Công tác dân vận "
        "của chính quyền và các cơ quan Nhà nước, xây dựng và thực hiện quy chế dân chủ ở cơ "
        "sở, thực tiễn tỉnh Cà Mau; Đổi mới nội dung, phương thức hoạt động của Mặt trận Tổ "
        "quốc và các tổ chức chính trị - xã hội trong giai đoạn hiện nay; Công tác dân vận đối "
        "với đồng bào dân tộc thiểu số, đồng bào tôn giáo; Dân vận khéo và nghiệp vụ dân vận.",
        "Đồng chí Lê Thanh Triều, Uỷ viên Ban Thường vụ Tỉnh uỷ, Trưởng Ban Dân vận Tỉnh uỷ, "
        "phát biểu khai mạc lớp bồi dưỡng.",
    ]
    assert texts[-1] == "Mộng Thường"
    # without an outlet tag the lead starts with the time
    data = copy.deepcopy(SEED)
    data["bao_chi"] = {"tac_gia": "Mộng Thường"}
    out = render(event(data), template="tin-bai", out=tmp_path / "tin2.docx")
    assert docx.Document(str(out)).paragraphs[1].text.startswith("Sáng 1/11, Ban Dân vận")


def test_seed_example_file_has_the_three_paragraphs(outputs: list[dict[str, Any]]) -> None:
    rec = next(
        r
        for r in outputs
        if r["name"] == "tin-bai"
        and r["data"]["the_thuc"] == "dang"
        and r["data"]["co_quan"]["viet_tat"] == "BDVTU"
    )
    text = docx_lines(rec["path"])
    assert any(t.startswith("(CMO) Sáng 1/11, Ban Dân vận Tỉnh uỷ phối hợp với") for t in text)
    assert any(
        t.startswith("Lớp bồi dưỡng diễn ra từ ngày 1 đến ngày 3/11, các học viên") for t in text
    )
    assert (
        "Đồng chí Lê Thanh Triều, Uỷ viên Ban Thường vụ Tỉnh uỷ, Trưởng Ban Dân vận Tỉnh uỷ, "
        "phát biểu khai mạc lớp bồi dưỡng."
    ) in text


def test_speech_has_declaration_and_fails_without_opener(tmp_path: Path) -> None:
    import docx

    out = render(event(SEED), template="phat-bieu-khai-mac", out=tmp_path / "pb.docx")
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[0] == "ĐỀ CƯƠNG PHÁT BIỂU KHAI MẠC"
    assert (
        "(Của đồng chí Lê Thanh Triều, Uỷ viên Ban Thường vụ Tỉnh uỷ, Trưởng Ban Dân vận Tỉnh uỷ)"
    ) in texts
    assert (
        "Với tinh thần đó, tôi tuyên bố khai mạc lớp bồi dưỡng nghiệp vụ công tác dân vận." in texts
    )
    assert "Kính thưa các đồng chí đại biểu!" in texts and "Thưa các đồng chí học viên!" in texts
    data = copy.deepcopy(SEED)
    data["nhan_vat"][0]["vai_tro"] = "chu_tri"
    with pytest.raises(BaocaoError, match="khai_mac"):
        render(event(data), template="phat-bieu-khai-mac", out=tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()
    out = render(event(data), template="tin-bai", out=tmp_path / "t.docx")
    assert not any("khai mạc lớp" in t for t in docx_lines(out))


def test_report_leaves_out_absent_sections_and_renumbers(tmp_path: Path) -> None:
    data = copy.deepcopy(SEED)
    data["ket_qua"] = {
        "so_trieu_tap": 30,
        "so_tham_du": 29,
        "kinh_phi": 150000000,
        "kien_nghi": ["Đề nghị tổ chức hằng năm."],
    }
    out = render(event(data), template="bao-cao-tong-ket", out=tmp_path / "bc.docx")
    text = docx_lines(out)
    assert "III. KIẾN NGHỊ, ĐỀ XUẤT" in text
    assert not any(t.startswith(("IV.", "III. BÀI HỌC")) for t in text)
    # attendance alone is not a learning result: no "Kết quả học tập", the cost is 1.
    assert "1. Kinh phí" in text and not any("Đánh giá chung" in t for t in text)
    assert not any("Kết quả học tập" in t for t in text)
    assert (
        "Tổng kinh phí tổ chức lớp bồi dưỡng: 150.000.000 đồng (Bằng chữ: Một trăm năm "
        "mươi triệu đồng)."
    ) in text
    assert "Số lượng: triệu tập 30 học viên; tham dự 29 học viên, đạt 96,7%." in text


def test_special_characters_survive(tmp_path: Path) -> None:
    nasty = 'hội nghị "Dân vận khéo" & <chuyển đổi số> A&B'
    for the_thuc in FORMATS:
        data = copy.deepcopy(SEED_CLOSED)
        data["the_thuc"] = the_thuc
        data["su_kien"]["ten"] = nasty
        data["su_kien"]["goi_tat"] = nasty
        ev = event(data)
        for name in NAMES:
            out = render(ev, template=name, out=tmp_path / f"{the_thuc}-{name}.docx")
            # the programme prints the name with a capital only: compare from the 2nd letter
            assert any(nasty[1:] in t for t in docx_lines(out)), (the_thuc, name)


def test_rendering_twice_gives_identical_bytes() -> None:
    for name in NAMES:
        ev = event(SEED_CLOSED)
        again = render_bytes(event(SEED_CLOSED), template=name)
        assert render_bytes(ev, template=name) == again, name


@pytest.mark.libreoffice
def test_libreoffice_reads_every_output(outputs: list[dict[str, Any]], tmp_path: Path) -> None:
    pdfs = convert_to_pdf([r["path"] for r in outputs], tmp_path / "pdf")
    for rec, pdf in zip(outputs, pdfs, strict=True):
        text = " ".join(pdf_text(pdf).split())
        data, name, where = rec["data"], rec["name"], rec["path"].name
        assert "{{" not in text and "{%" not in text, where
        if name in ABBR:
            for key in (expected_so(data, name), expected_date(data, name)):
                assert " ".join(key.split()) in text, (where, key)
            assert (
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
                if data["the_thuc"] == "nha_nuoc"
                else "ĐẢNG CỘNG SẢN VIỆT NAM"
            ) in chuan_dau(text, kieu="cu"), where
            assert "Nơi nhận:" in text, where
        ma_bao = (data.get("bao_chi") or {}).get("ma_bao")
        if name == "tin-bai" and ma_bao:
            assert f"({ma_bao}) " in text, where
        if name == "phat-bieu-khai-mac":
            assert "tôi tuyên bố khai mạc" in text, where
        # the text the docx holds is the text the PDF shows (diacritics included)
        first = next(t for t in docx_lines(rec["path"], headers=False) if len(t) > 40)
        assert " ".join(first.split())[:60] in text, (where, first)


def test_examples_folder_is_the_one_tested() -> None:
    assert EXAMPLES.is_dir()


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("the_thuc", FORMATS)
def test_template_tags_are_whole_runs(name: str, the_thuc: str) -> None:
    """Each tag sits whole in one run, so Word shows it as typed and staff can edit it."""
    import docx

    document = docx.Document(str(TEMPLATES / f"{name}.{the_thuc}.docx"))
    paragraphs = list(document.element.body.iter(f"{W}p"))
    assert paragraphs
    tags = 0
    for p in paragraphs:
        for t in p.iter(f"{W}t"):
            text = t.text or ""
            assert text.count("{{") == text.count("}}"), text
            assert text.count("{%") == text.count("%}"), text
            tags += text.count("{{") + text.count("{%")
            if "{" in text:  # a run with a tag holds exactly that tag
                assert re.fullmatch(r"\{\{.*?\}\}|\{%.*?%\}", text), text
        for r in p.iter(f"{W}r"):
            rpr = r.find(f"{W}rPr")
            assert rpr is None or len(rpr) == 0, "direct run formatting in the template"
    assert tags > 5


@pytest.mark.slow
def test_committed_templates_are_the_generator_output(tmp_path: Path) -> None:
    import importlib.util

    script = Path(__file__).resolve().parents[1] / "tools" / "build_templates.py"
    spec = importlib.util.spec_from_file_location("build_templates", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["build_templates", str(tmp_path)]) == 0
    for built in sorted(tmp_path.iterdir()):
        committed = TEMPLATES / built.name
        assert committed.read_bytes() == built.read_bytes(), f"rebuild {built.name}"


@pytest.mark.parametrize(
    ("ngay", "so", "state", "party"),
    [
        ("2026-08-20", 5, ("Số: 05/BC-BDVTU", "ngày 20 tháng 8 năm 2026"),
         ("Số 05-BC/BDVTU", "ngày 20 tháng 8 năm 2026")),
        ("2026-02-05", 12, ("Số: 12/BC-BDVTU", "ngày 05 tháng 02 năm 2026"),
         ("Số 12-BC/BDVTU", "ngày 05 tháng 02 năm 2026")),
        ("2026-01-09", 9, ("Số: 09/BC-BDVTU", "ngày 09 tháng 01 năm 2026"),
         ("Số 09-BC/BDVTU", "ngày 09 tháng 01 năm 2026")),
        ("2026-03-10", 10, ("Số: 10/BC-BDVTU", "ngày 10 tháng 3 năm 2026"),
         ("Số 10-BC/BDVTU", "ngày 10 tháng 3 năm 2026")),
    ],
)  # fmt: skip
def test_rendered_number_and_date_rules(
    tmp_path: Path, ngay: str, so: int, state: tuple[str, str], party: tuple[str, str]
) -> None:
    import docx

    for the_thuc, (so_line, date_line) in (("nha_nuoc", state), ("dang", party)):
        data = copy.deepcopy(SEED)
        data["the_thuc"] = the_thuc
        data["van_ban"] = {"bao-cao-tong-ket": {"so": so, "ngay": ngay}}
        out = render(event(data), template="bao-cao-tong-ket", out=tmp_path / f"{the_thuc}.docx")
        head = docx.Document(str(out)).tables[0]
        assert head.cell(1, 0).text == so_line
        assert head.cell(1, 1).text == f"Cà Mau, {date_line}"
