"""check_template on small templates made with python-docx: each kind of problem, its place."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from hypothesis import given, settings
from hypothesis import strategies as st

import baocao
from baocao.docx.locations import find_tags, read_paragraphs
from baocao.lint.checker import check_template


def make(tmp_path: Path, paragraphs: list[str], name: str = "mau.docx") -> Path:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    path = tmp_path / name
    doc.save(str(path))
    return path


def found(path: Path) -> list[tuple[str | None, str | None, str]]:
    return [(p.code, p.part, p.message) for p in check_template(path)]


def test_check_template_is_reexported_lazily() -> None:
    assert baocao.check_template is check_template


def test_set_variables_and_macro_arguments(tmp_path: Path) -> None:
    path = make(
        tmp_path,
        [
            "{% set ten = su_kien.goi_tat %}{{ ten|upper }}",
            "{% macro dong(nguoi, kieu='x') %}{{ nguoi.ho_ten }} {{ kieu }} {{ chua_co }}"
            "{% endmacro %}",
            "{% for n in nhan_vat %}{{ dong(n) }}{{ loop.index }}{% endfor %}",
            "{% set ns = namespace(dem=0) %}{% for x in noi_nhan %}{% set ns.dem = ns.dem + 1 %}"
            "{% endfor %}{{ ns.dem }}{{ range(3)|list|length }}",
        ],
    )
    assert [(c, m) for c, _p, m in found(path)] == [("unknown-variable", "biến không có: chua_co")]


def test_top_level_typo_suggests(tmp_path: Path) -> None:
    path = make(tmp_path, ["Kính gửi {{ kinh_gui_mott }}"])
    assert found(path) == [
        (
            "unknown-variable",
            "phần thân, đoạn 1: «Kính gửi {{ kinh_gui_mott }}»",
            "biến không có: kinh_gui_mott — có phải kinh_gui_mot?",
        )
    ]


def test_nested_any_depth_and_items_of_lists(tmp_path: Path) -> None:
    path = make(
        tmp_path,
        [
            "{{ van_ban.nguoi_ky.ho_ten }} {{ ket_qua.xep_loai.gioi }} "
            "{{ theo_vai_tro.du[0].ho_ten }}",
            "{{ van_ban.nguoi_ky.hoten }}",
            "{{ theo_vai_tro.chu_tri[0].chucvu }}",
            "{% for r in bang_ket_qua %}{{ r.tyle }}{% endfor %}",
            "{{ su_kien.ten.upper() }} {{ su_kien.bat_dau.year }} {{ su_kien.bat_dau.nam }}",
        ],
    )
    assert [(p, m.split(" (")[0]) for _c, p, m in found(path)] == [
        (
            "phần thân, đoạn 2: «{{ van_ban.nguoi_ky.hoten }}»",
            "biến không có: van_ban.nguoi_ky.hoten — có phải van_ban.nguoi_ky.ho_ten?",
        ),
        (
            "phần thân, đoạn 3: «{{ theo_vai_tro.chu_tri[0].chucvu }}»",
            "biến không có: theo_vai_tro.chu_tri[].chucvu — có phải "
            "theo_vai_tro.chu_tri[].chuc_vu?",
        ),
        (
            "phần thân, đoạn 4: «{% for r in bang_ket_qua %}{{ r.tyle }}{% endfor %}»",
            "biến không có: r.tyle — có phải r.ty_le?",
        ),
        (
            "phần thân, đoạn 5: «{{ su_kien.ten.upper() }} {{ su_kien.bat_dau.year }} "
            "{{ su_kien.bat_dau.nam }}»",
            "biến không có: su_kien.bat_dau.nam",
        ),
    ]


def test_tag_split_over_runs_with_different_formatting(tmp_path: Path) -> None:
    doc = Document()
    p = doc.add_paragraph("Địa điểm: ")
    p.add_run("{{ su_kien.")
    p.add_run("diadiem").bold = True
    p.add_run(" }}")
    path = tmp_path / "mau.docx"
    doc.save(str(path))
    assert found(path) == [
        (
            "unknown-attribute",
            "phần thân, đoạn 1: «Địa điểm: {{ su_kien.diadiem }}»",
            "biến không có: su_kien.diadiem — có phải su_kien.dia_diem?",
        )
    ]


def test_non_breaking_space_unclosed_tag_and_xml_left_in_a_tag(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("{{\u00a0ten_su_kien }}")
    p = doc.add_paragraph()
    p.add_run("{{ ten_su_kien ")
    field = OxmlElement("w:instrText")
    field.text = "}}"
    p.add_run()._r.append(field)
    path = tmp_path / "mau.docx"
    doc.save(str(path))
    codes = [(c, part) for c, part, _m in found(path)]
    assert codes == [
        ("nbsp", "phần thân, đoạn 1: «{{ ten_su_kien }}»"),
        ("unclosed-tag", "phần thân, đoạn 2: «{{ ten_su_kien»"),
        ("xml-in-tag", "phần thân, đoạn 2: «{{ ten_su_kien»"),
    ]


def test_tag_cut_by_enter(tmp_path: Path) -> None:
    path = make(tmp_path, ["{{ su_kien", ".ten }}"])
    assert found(path) == [
        (
            "tag-split",
            "phần thân, đoạn 1: «{{ su_kien»",
            "thẻ {{ su_kien .ten }} bị ngắt xuống đoạn sau (có phím Enter trong thẻ)",
        )
    ]


def test_footer_and_mismatched_end_tag(tmp_path: Path) -> None:
    doc = Document()
    doc.sections[0].footer.paragraphs[0].text = "Trang {{ so_trang }}"
    doc.add_paragraph("{%p if dang %}")
    doc.add_paragraph("x")
    doc.add_paragraph("{%p endfor %}")
    path = tmp_path / "mau.docx"
    doc.save(str(path))
    assert found(path) == [
        (
            "unclosed-block",
            "phần thân, đoạn 1: «{%p if dang %}»",
            "khối {%p if dang %} không được đóng: thiếu thẻ {% endif %} trước {%p endfor %}",
        ),
        (
            "unknown-variable",
            "chân trang, đoạn 1: «Trang {{ so_trang }}»",
            "biến không có: so_trang",
        ),
    ]


def test_not_a_word_file(tmp_path: Path) -> None:
    path = tmp_path / "mau.docx"
    path.write_bytes(b"PK\x03\x04 broken")
    problems = check_template(path)
    assert len(problems) == 1 and problems[0].path == str(path)


def test_event_needed_by_the_template_is_missing(tmp_path: Path) -> None:
    """A None where a list is needed, caught only by the render."""
    path = make(tmp_path, ["{%p for x in ket_qua.xep_loai %}", "{{ x }}", "{%p endfor %}"])
    assert check_template(path) == []
    event = Path(__file__).parent.parent / "examples" / "hoi-nghi-ubnd.yaml"
    problems = check_template(path, event=event)
    assert [(p.code, p.part, p.message) for p in problems] == [
        (
            "render",
            "phần thân, đoạn 1: «{%p for x in ket_qua.xep_loai %}»",
            "ket_qua.xep_loai trống (không có giá trị) với tệp sự kiện này nên không lặp được: "
            "hãy đặt vòng lặp trong {%p if ket_qua.xep_loai %}…{%p endif %}",
        )
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet="abc xyz{}%", max_size=12), min_size=1, max_size=6),
    st.integers(min_value=0, max_value=5),
)
def test_every_tag_is_placed_in_its_paragraph(texts: list[str], where: int) -> None:
    """A tag put in paragraph k is found in paragraph k, whatever text is around."""
    clean = [t.replace("{", "(").replace("}", ")").replace("%", "") for t in texts]
    k = where % len(clean)
    clean[k] = clean[k] + "{{ ten_su_kien }}"
    body = "".join(f"<w:p><w:r><w:t xml:space='preserve'>{t}</w:t></w:r></w:p>" for t in clean)
    xml = (
        "<w:body xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>"
        f"{body}</w:body>"
    ).encode()
    tags = find_tags(read_paragraphs(xml))
    assert [(t.text, t.para.place) for t in tags] == [("{{ ten_su_kien }}", f"đoạn {k + 1}")]


def test_attribute_of_a_list_says_to_loop(tmp_path: Path) -> None:
    path = make(tmp_path, ["{{ nhan_vat.ho_ten }}"])
    assert found(path) == [
        (
            "unknown-attribute",
            "phần thân, đoạn 1: «{{ nhan_vat.ho_ten }}»",
            "biến không có: nhan_vat.ho_ten — nhan_vat là một danh sách, hãy lặp qua nó bằng "
            "{% for x in nhan_vat %} rồi dùng x.ho_ten",
        )
    ]
