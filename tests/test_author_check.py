"""``check_template`` as a template author meets it: mistakes Word makes for you, Jinja
mistakes in plain Vietnamese, places that a staff member finds in Word, and no complaint
about valid templates (comments, guillemets, dashes inside text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from baocao.lint.checker import check_targets, check_template
from conftest import EXAMPLES, MINIMAL_EVENT

EVENT = EXAMPLES / "hoi-nghi-ubnd.yaml"


def make(tmp_path: Path, paragraphs: list[str], name: str = "mau.docx") -> Path:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    path = tmp_path / name
    doc.save(str(path))
    return path


def found(path: Path, **kwargs: object) -> list[tuple[str | None, str | None, str]]:
    return [(p.code, p.part, p.message) for p in check_template(path, **kwargs)]


@pytest.fixture
def minimal_event(tmp_path: Path) -> Path:
    path = tmp_path / "su-kien.yaml"
    path.write_text(MINIMAL_EVENT, encoding="utf-8")
    return path


# --- valid templates: nothing to report ---------------------------------------------------


def test_valid_constructs_report_nothing(tmp_path: Path) -> None:
    path = make(
        tmp_path,
        [
            "{# tạm bỏ: {{ su_kien.dia_diem }} và {% if dang %} #}",
            "{{ '«' ~ su_kien.ten ~ '»' }} {{ su_kien.dia_diem|default('–') }}",
            "{{ ten_loai|default('…') }} {{ so_ky_hieu|default(\"„a‟\") }}",
            "{% for n in nhan_vat %}{{ loop.index }}/{{ loop.length }} {{ n.chuc_vu[0] }}"
            "{% if not loop.last %}; {% endif %}{% endfor %}",
            "{% set tieu_de %}{{ ten_loai }} {{ su_kien.ten }}{% endset %}{{ tieu_de|upper }}",
            "{% macro ds(items) %}{% for i in items %}{{ i }}{% endfor %}{% endmacro %}"
            "{{ ds(su_kien.noi_dung) }}",
            "{{ nhan_vat|map(attribute='ho_ten')|join(', ') }} "
            "{{ su_kien.bat_dau|ngay_ngan(nam=True) }}",
        ],
    )
    assert found(path) == []


def test_valid_constructs_render_with_an_event(tmp_path: Path) -> None:
    path = make(
        tmp_path,
        [
            "{# {{ khong_co }} #}{{ '«' ~ su_kien.ten ~ '»' }}",
            "{%p for n in nhan_vat %}",
            "{{ loop.index }}. {{ n.ho_ten }} – {{ n.chuc_vu|noi(cuoi=' và ') }}",
            "{%p endfor %}",
        ],
    )
    assert found(path) == []
    assert found(path, event=EVENT) == []


# --- what Word does to a tag --------------------------------------------------------------


def test_autocorrect_dash_and_ellipsis_in_a_tag(tmp_path: Path) -> None:
    path = make(tmp_path, ["Còn {{ so_lieu.so_trieu_tap – 1 }} chỗ", "{{ su_kien.ten… }}"])
    assert found(path) == [
        (
            "autocorrect",
            "phần thân, đoạn 1: «Còn {{ so_lieu.so_trieu_tap – 1 }} chỗ»",
            "ký tự «–» trong thẻ {{ so_lieu.so_trieu_tap – 1 }} do Word tự đổi khi gõ: "
            "hãy gõ lại thành «-» (tắt AutoCorrect “Hyphens (--) with dash (—)”)",
        ),
        (
            "syntax",
            "phần thân, đoạn 2: «{{ su_kien.ten… }}»",
            "lỗi cú pháp trong thẻ {{ su_kien.ten… }}: ký tự «…» không dùng được trong thẻ",
        ),
    ]


def test_a_dash_is_reported_once_not_also_as_a_syntax_error(tmp_path: Path) -> None:
    path = make(tmp_path, ["{{ su_kien.dia_diem – }}"])
    assert [c for c, _p, _m in found(path)] == ["autocorrect"]


def test_guillemets_outside_a_string_are_reported(tmp_path: Path) -> None:
    path = make(tmp_path, ["{{ su_kien.dia_diem|default(«chưa rõ») }}"])
    assert [c for c, _p, _m in found(path)] == ["smart-quote"]


def test_text_box_is_reported_once_and_named(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("Mở đầu")
    box = (
        '<w:p {w} xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        "<w:r><w:t>Trước hộp</w:t></w:r><w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        "<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Hộp: {{{{ co_quan.tenn }}}}</w:t>"
        "</w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>"
        "<w:t>Hộp: {{{{ co_quan.tenn }}}}</w:t></w:r></w:p></w:txbxContent></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    ).format(w=nsdecls("w"))
    doc.element.body.insert(1, parse_xml(box))
    path = tmp_path / "mau.docx"
    doc.save(str(path))
    assert found(path) == [
        (
            "unknown-attribute",
            "phần thân, đoạn 2, trong hộp văn bản: «Hộp: {{ co_quan.tenn }}»",
            "biến không có: co_quan.tenn — có phải co_quan.ten?",
        )
    ]


def test_closing_mark_without_opening_mark(tmp_path: Path) -> None:
    path = make(tmp_path, ["Kính gửi { kinh_gui_mot }}", "{{ su_kien.ten }}"])
    assert found(path) == [
        (
            "unopened-tag",
            "phần thân, đoạn 1: «Kính gửi { kinh_gui_mot }}»",
            "dấu đóng «}}» không có dấu mở «{{» đi trước: chữ này sẽ in nguyên ra văn bản",
        )
    ]


# --- Jinja mistakes in Vietnamese --------------------------------------------------------


def test_misspelt_end_tag_suggests_the_right_one(tmp_path: Path) -> None:
    path = make(tmp_path, ["{% if su_kien.dia_diem %}có{% endfi %}"])
    assert found(path) == [
        (
            "syntax",
            "phần thân, đoạn 1: «{% if su_kien.dia_diem %}có{% endfi %}»",
            "lỗi cú pháp trong thẻ {% endfi %}: không có thẻ «endfi» — có phải endif?",
        )
    ]


def test_end_tag_without_its_block(tmp_path: Path) -> None:
    path = make(tmp_path, ["Đầu", "{%p endfor %}"])
    assert found(path) == [
        (
            "syntax",
            "phần thân, đoạn 2: «{%p endfor %}»",
            "lỗi cú pháp trong thẻ {%p endfor %}: thẻ này đóng một khối «for» chưa được mở "
            "(thiếu thẻ {% for … %} ở trước, hoặc thừa thẻ này)",
        )
    ]


def test_nesting_mistake_points_at_the_unclosed_inner_block(tmp_path: Path) -> None:
    path = make(
        tmp_path,
        ["{%p for n in nhan_vat %}", "{%p if n.chuc_vu %}", "{{ n.ho_ten }}", "{%p endfor %}"],
    )
    assert found(path) == [
        (
            "unclosed-block",
            "phần thân, đoạn 2: «{%p if n.chuc_vu %}»",
            "khối {%p if n.chuc_vu %} không được đóng: thiếu thẻ {% endif %} trước {%p endfor %}",
        )
    ]


def test_space_inside_the_docxtpl_prefix(tmp_path: Path) -> None:
    path = make(tmp_path, ["{% p if dang %}", "x", "{%pendif %}"])
    assert found(path) == [
        (
            "syntax",
            "phần thân, đoạn 1: «{% p if dang %}»",
            "lỗi cú pháp trong thẻ {% p if dang %}: viết liền «{%p», không có dấu cách giữa "
            "«{%» và «p»",
        )
    ]


def test_missing_word_after_prefix(tmp_path: Path) -> None:
    path = make(tmp_path, ["{%pif dang %}", "x", "{%p endif %}"])
    assert found(path)[0][2] == (
        "lỗi cú pháp trong thẻ {%pif dang %}: thiếu dấu cách sau «{%p»: hãy viết {%p if …"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{{ su_kien.dia diem }}", "cần «}}» nhưng gặp «diem» (tên biến không có dấu cách)"),
        ("{% if dang = true %}x{% endif %}", "cần «%}» nhưng gặp «=» (so sánh bằng dùng «==»)"),
        ("{% for n nhan_vat %}{{ n }}{% endfor %}", "cần «in» nhưng gặp «nhan_vat»"),
        ("{{ }}", "thiếu tên biến hoặc giá trị"),
        ("{{ su_kien.ten | }}", "thiếu tên (biến hoặc bộ lọc) trước «}}»"),
        ("{{ su_kien.ten) }}", "thừa «)»"),
        ("{{ su_kien.ten|noi(cuoi='và) }}", "dấu nháy «'» chưa được đóng"),
        ("{{ su_kien.ten $ }}", "ký tự «$» không dùng được trong thẻ"),
    ],
)
def test_jinja_syntax_errors_in_vietnamese(tmp_path: Path, text: str, message: str) -> None:
    path = make(tmp_path, [text])
    problems = found(path)
    assert len(problems) == 1
    code, part, got = problems[0]
    assert code == "syntax" and part == f"phần thân, đoạn 1: «{text}»"
    assert got.split(": ", 1)[1] == message


# --- suggestions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{{ SU_KIEN.TEN }}", "biến không có: SU_KIEN — có phải su_kien?"),
        ("{{ dia_diem }}", "biến không có: dia_diem — có phải su_kien.dia_diem?"),
        ("{{ địa_điểm }}", "biến không có: địa_điểm — có phải su_kien.dia_diem?"),
        (
            "{{ n.ho_ten }}",
            "biến không có: n — n chỉ có bên trong vòng lặp, ví dụ {% for n in nhan_vat %}",
        ),
        (
            "{{ loop.index }}",
            "biến không có: loop — loop chỉ có bên trong vòng lặp {% for … %}",
        ),
        (
            "{{ su_kien.ten|noi(cuoii=' và ') }}",
            "bộ lọc noi không có tham số cuoii — có phải cuoi? (các tham số: cuoi, ngan)",
        ),
    ],
)
def test_suggestions(tmp_path: Path, text: str, message: str) -> None:
    assert [m for _c, _p, m in found(make(tmp_path, [text]))] == [message]


# --- with an event: the place of a run-time error, in words a clerk understands ----------


def test_runtime_error_in_a_table_cell_is_placed_in_the_cell(
    tmp_path: Path, minimal_event: Path
) -> None:
    doc = Document()
    doc.add_paragraph("Mở đầu")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "STT", "Người khai mạc"
    table.cell(1, 0).text, table.cell(1, 1).text = "1", "{{ nguoi_khai_mac.ho_ten }}"
    path = tmp_path / "mau.docx"
    doc.save(str(path))
    assert found(path) == []
    assert found(path, event=minimal_event) == [
        (
            "render",
            "phần thân, bảng 1, hàng 2, ô 2: «{{ nguoi_khai_mac.ho_ten }}»",
            "nguoi_khai_mac trống (không có giá trị) với tệp sự kiện này nên không có "
            "nguoi_khai_mac.ho_ten: hãy đặt thẻ trong {% if nguoi_khai_mac %}…{% endif %}",
        )
    ]


def test_runtime_error_after_paragraph_tags_has_the_word_paragraph_number(
    tmp_path: Path, minimal_event: Path
) -> None:
    path = make(
        tmp_path,
        ["Mở đầu", "{%p if dang %}", "Đảng", "{%p endif %}", "Sau: {{ nguoi_khai_mac.ho_ten }}"],
    )
    problems = found(path, event=minimal_event)
    assert [(c, p) for c, p, _m in problems] == [
        ("render", "phần thân, đoạn 5: «Sau: {{ nguoi_khai_mac.ho_ten }}»")
    ]


def test_loop_over_an_empty_value_says_what_to_do(tmp_path: Path, minimal_event: Path) -> None:
    path = make(
        tmp_path, ["Đầu", "{%p for c in nguoi_khai_mac.chuc_vu %}", "{{ c }}", "{%p endfor %}"]
    )
    assert found(path, event=minimal_event) == [
        (
            "render",
            "phần thân, đoạn 2: «{%p for c in nguoi_khai_mac.chuc_vu %}»",
            "nguoi_khai_mac trống (không có giá trị) với tệp sự kiện này nên không có "
            "nguoi_khai_mac.chuc_vu: hãy đặt thẻ trong {%p if nguoi_khai_mac %}…{%p endif %}",
        )
    ]


def test_first_item_of_an_empty_list_and_a_missing_setting(
    tmp_path: Path, minimal_event: Path
) -> None:
    path = make(tmp_path, ["Phối hợp: {{ su_kien.phoi_hop[0] }}"])
    assert found(path, event=minimal_event) == [
        (
            "render",
            "phần thân, đoạn 1: «Phối hợp: {{ su_kien.phoi_hop[0] }}»",
            "su_kien.phoi_hop rỗng với tệp sự kiện này nên không có su_kien.phoi_hop[0]: "
            "hãy đặt thẻ trong {% if su_kien.phoi_hop %}…{% endif %}",
        )
    ]
    path = make(tmp_path, ["Đầu", "{{ cai_dat.co_chu_ky_so }}"], name="cai-dat.docx")
    assert found(path) == []
    assert found(path, event=minimal_event) == [
        (
            "render",
            "phần thân, đoạn 2: «{{ cai_dat.co_chu_ky_so }}»",
            "không có cai_dat.co_chu_ky_so với tệp sự kiện này",
        )
    ]


def test_loop_over_a_number_says_it_is_not_a_list(tmp_path: Path) -> None:
    path = make(tmp_path, ["{%p for x in ket_qua.so_tham_du %}", "{{ x }}", "{%p endfor %}"])
    assert found(path, event=EVENT) == [
        (
            "render",
            "phần thân, đoạn 1: «{%p for x in ket_qua.so_tham_du %}»",
            "ket_qua.so_tham_du không phải danh sách nên không lặp qua được",
        )
    ]


def test_loop_over_none_in_a_footer(tmp_path: Path, minimal_event: Path) -> None:
    doc = Document()
    doc.add_paragraph("Thân")
    doc.sections[0].footer.paragraphs[0].text = "{% for x in ket_qua.xep_loai %}{{ x }}{% endfor %}"
    path = tmp_path / "mau.docx"
    doc.save(str(path))
    assert found(path, event=minimal_event) == [
        (
            "render",
            "chân trang, đoạn 1: «{% for x in ket_qua.xep_loai %}{{ x }}{% endfor %}»",
            "ket_qua.xep_loai trống (không có giá trị) với tệp sự kiện này nên không lặp được: "
            "hãy đặt vòng lặp trong {% if ket_qua.xep_loai %}…{% endif %}",
        )
    ]


# --- headers and footers are named as Word names them -------------------------------------


def test_first_page_and_even_page_headers_are_named(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("Thân")
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    doc.settings.odd_and_even_pages_header_footer = True
    section.header.paragraphs[0].text = "{{ co_quan.tenn }}"
    section.first_page_header.paragraphs[0].text = "{{ co_quan.tenn }}"
    section.even_page_header.paragraphs[0].text = "{{ co_quan.tenn }}"
    second = doc.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "{{ co_quan.tenn }}"
    path = tmp_path / "mau.docx"
    doc.save(str(path))
    parts = sorted(p.split(":")[0] for _c, p, _m in found(path))
    assert parts == [
        "đầu trang trang chẵn, đoạn 1",
        "đầu trang trang đầu, đoạn 1",
        "đầu trang, phần 1, đoạn 1",
        "đầu trang, phần 2, đoạn 1",
    ]


# --- files that are not templates --------------------------------------------------------


def test_missing_file_and_not_a_word_file(tmp_path: Path) -> None:
    missing = tmp_path / "khong-co.docx"
    assert found(missing) == [("unreadable", None, "không có tệp này")]
    odt = tmp_path / "mau.docx"
    odt.write_text("không phải Word", encoding="utf-8")
    assert found(odt) == [
        (
            "unreadable",
            None,
            "không phải tệp Word .docx: hãy mở bằng Word hoặc LibreOffice rồi lưu lại "
            "dạng .docx (Word Document)",
        )
    ]


def test_a_folder_without_word_files_is_a_problem(tmp_path: Path) -> None:
    results = check_targets([tmp_path])
    assert [(path, [(p.code, p.message) for p in ps]) for path, ps in results.items()] == [
        (tmp_path, [("no-templates", "thư mục này không có tệp Word .docx nào")])
    ]


def test_a_mistyped_file_name_is_not_taken_for_a_template_name(tmp_path: Path) -> None:
    target = tmp_path / "thong-cao.dox"
    results = check_targets([target])
    assert [(p.code, p.message) for ps in results.values() for p in ps] == [
        ("unreadable", "không có tệp này")
    ]
