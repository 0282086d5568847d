"""check_template on broken copies of every built-in template: one fault each, reported with
the right part and paragraph or cell; the unbroken templates report nothing."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from docx import Document

from baocao.lint.checker import check_template
from conftest import EXAMPLES, TEMPLATES

BUILTIN = sorted(TEMPLATES.glob("*.docx"))


def _set_text(paragraph: object, text: str) -> None:
    runs = paragraph.runs  # type: ignore[attr-defined]
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def _first(doc: object, pattern: str) -> tuple[int, object, re.Match[str]]:
    for i, p in enumerate(doc.paragraphs):  # type: ignore[attr-defined]
        m = re.search(pattern, p.text)
        if m and p.runs:
            return i, p, m
    raise AssertionError(f"no paragraph matches {pattern}")


def _insert_after(doc: object, index: int, texts: list[str]) -> list[int]:
    """New paragraphs (copies of paragraph ``index``) right after it; their numbers."""
    anchor = doc.paragraphs[index]  # type: ignore[attr-defined]
    element = anchor._p
    numbers = []
    for k, _text in enumerate(texts):
        new = copy.deepcopy(anchor._p)
        element.addnext(new)
        element = new
        numbers.append(index + 2 + k)
    for k, n in enumerate(numbers):
        p = doc.paragraphs[n - 1]  # type: ignore[attr-defined]
        if p.runs:
            _set_text(p, texts[k])
        else:
            p.add_run(texts[k])
    return numbers


def _save(doc: object, tmp_path: Path, source: Path) -> Path:
    out = tmp_path / source.name
    doc.save(str(out))  # type: ignore[attr-defined]
    return out


def _codes_at(problems: list, code: str) -> list[str]:
    return [p.part for p in problems if p.code == code]


@pytest.mark.parametrize("template", BUILTIN, ids=lambda p: p.name)
def test_builtin_templates_are_clean(template: Path) -> None:
    assert check_template(template) == []


@pytest.mark.parametrize("template", BUILTIN, ids=lambda p: p.name)
def test_builtin_templates_render_every_example_cleanly(template: Path) -> None:
    for event in sorted(EXAMPLES.glob("*.yaml")):
        assert check_template(template, event=event) == [], event.name


@pytest.mark.parametrize("template", BUILTIN, ids=lambda p: p.name)
def test_misspelt_nested_variable(template: Path, tmp_path: Path) -> None:
    doc = Document(str(template))
    i, p, m = _first(doc, r"\{\{ (\w+)\.(\w+_\w+) \}\}")
    root, attr = m.group(1), m.group(2)
    wrong = attr.replace("_", "", 1)
    _set_text(p, p.text.replace(m.group(0), f"{{{{ {root}.{wrong} }}}}"))
    problems = check_template(_save(doc, tmp_path, template))
    assert [p.code for p in problems] == ["unknown-attribute"]
    assert problems[0].part.startswith(f"phần thân, đoạn {i + 1}: «")
    assert problems[0].message.startswith(f"biến không có: {root}.{wrong} — có phải {root}.{attr}?")


@pytest.mark.parametrize("template", BUILTIN, ids=lambda p: p.name)
def test_misspelt_loop_attribute(template: Path, tmp_path: Path) -> None:
    doc = Document(str(template))
    i, _p, _m = _first(doc, r"^\{\{ \w+ \}\}$")
    numbers = _insert_after(
        doc, i, ["{%p for n in nhan_vat %}", "Đồng chí {{ n.hoten }}", "{%p endfor %}"]
    )
    problems = check_template(_save(doc, tmp_path, template))
    assert [(p.code, p.part) for p in problems] == [
        ("unknown-attribute", f"phần thân, đoạn {numbers[1]}: «Đồng chí {{{{ n.hoten }}}}»")
    ]
    assert "n.hoten — có phải n.ho_ten?" in problems[0].message


@pytest.mark.parametrize("template", BUILTIN, ids=lambda p: p.name)
def test_unknown_filter(template: Path, tmp_path: Path) -> None:
    doc = Document(str(template))
    i, p, m = _first(doc, r"\{\{ (\w+) \}\}")
    _set_text(p, p.text.replace(m.group(0), f"{{{{ {m.group(1)}|viethoa }}}}"))
    problems = check_template(_save(doc, tmp_path, template))
    assert [p.code for p in problems] == ["unknown-filter"]
    assert problems[0].part.startswith(f"phần thân, đoạn {i + 1}: «")
    assert problems[0].message.startswith("bộ lọc không có: viethoa — có phải viet_hoa?")
    assert "các bộ lọc có:" in problems[0].message and "bang_chu" in problems[0].message


def _opener_of_last_end(doc: object) -> tuple[int, int]:
    """(paragraph number of the last {%p end… %}, paragraph number of its opener)."""
    stack: list[int] = []
    last = None
    for n, p in enumerate(doc.paragraphs, 1):  # type: ignore[attr-defined]
        m = re.match(r"\{%p (\w+)", p.text.strip())
        if not m:
            continue
        if m.group(1) in ("for", "if"):
            stack.append(n)
        elif m.group(1).startswith("end"):
            last = (n, stack.pop())
    assert last
    return last


@pytest.mark.parametrize("template", BUILTIN, ids=lambda p: p.name)
def test_unclosed_block(template: Path, tmp_path: Path) -> None:
    doc = Document(str(template))
    end, opener = _opener_of_last_end(doc)
    opener_text = doc.paragraphs[opener - 1].text
    element = doc.paragraphs[end - 1]._p
    element.getparent().remove(element)
    problems = check_template(_save(doc, tmp_path, template))
    assert [p.code for p in problems] == ["unclosed-block"]
    assert problems[0].part == f"phần thân, đoạn {opener}: «{opener_text}»"
    block = opener_text.split()[1]
    assert problems[0].message == (
        f"khối {opener_text} không được đóng: thiếu thẻ {{% end{block} %}}"
    )


@pytest.mark.parametrize("template", BUILTIN, ids=lambda p: p.name)
def test_smart_quotes(template: Path, tmp_path: Path) -> None:
    doc = Document(str(template))
    i, p, m = _first(doc, r"\{\{ (\w+) \}\}")
    _set_text(p, p.text.replace(m.group(0), f"{{{{ {m.group(1)}|default(“không có”) }}}}"))
    problems = check_template(_save(doc, tmp_path, template))
    assert [p.code for p in problems] == ["smart-quote"]
    assert problems[0].part.startswith(f"phần thân, đoạn {i + 1}: «")
    assert problems[0].message.startswith("dấu nháy cong “ ” trong thẻ")


@pytest.mark.parametrize("template", BUILTIN, ids=lambda p: p.name)
def test_tr_outside_a_table(template: Path, tmp_path: Path) -> None:
    doc = Document(str(template))
    i, _p, _m = _first(doc, r"^\{\{ \w+ \}\}$")
    numbers = _insert_after(
        doc, i, ["{%tr for r in bang_ket_qua %}", "{{ r.noi_dung }}", "{%tr endfor %}"]
    )
    problems = check_template(_save(doc, tmp_path, template))
    assert [(p.code, p.part) for p in problems] == [
        ("tr-outside-table", f"phần thân, đoạn {numbers[0]}: «{{%tr for r in bang_ket_qua %}}»"),
        ("tr-outside-table", f"phần thân, đoạn {numbers[2]}: «{{%tr endfor %}}»"),
    ]


def test_misspelt_variable_in_a_table_cell(tmp_path: Path) -> None:
    source = TEMPLATES / "bao-cao-tong-ket.nha_nuoc.docx"
    doc = Document(str(source))
    body_tables = doc.tables
    for t_no, table in enumerate(body_tables, 1):
        for r_no, row in enumerate(table.rows, 1):
            for c_no, tc in enumerate(row._tr.tc_lst, 1):
                for par in tc.iterchildren():
                    if par.tag.endswith("}p") and "{{ r.so }}" in "".join(par.itertext()):
                        from docx.text.paragraph import Paragraph

                        _set_text(Paragraph(par, None), "{{ r.soo }}")
                        where = f"bảng {t_no}, hàng {r_no}, ô {c_no}"
                        break
    problems = check_template(_save(doc, tmp_path, source))
    assert [(p.code, p.part) for p in problems] == [
        ("unknown-attribute", f"phần thân, {where}: «{{{{ r.soo }}}}»")
    ]
    assert problems[0].message.startswith("biến không có: r.soo — có phải r.so?")


def test_header_location_and_p_tag_sharing_text(tmp_path: Path) -> None:
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "Trang của {{ co_quan.tenn }}"
    doc.add_paragraph("Mở đầu")
    doc.add_paragraph("{%p if dang %}Chữ sẽ mất")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("Giá {{ x‘ }}")
    path = tmp_path / "mau.docx"
    doc.save(str(path))
    problems = check_template(path)
    found = {(p.code, p.part) for p in problems}
    assert ("p-tag-with-text", "phần thân, đoạn 2: «{%p if dang %}Chữ sẽ mất»") in found
    assert (
        "unknown-attribute",
        "đầu trang, đoạn 1: «Trang của {{ co_quan.tenn }}»",
    ) in found
    assert ("smart-quote", "phần thân, đoạn 4: «Giá {{ x‘ }}»") in found


def test_runtime_error_with_event_is_located(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("Đầu")
    doc.add_paragraph("{%p for x in ket_qua.so_tham_du %}")
    doc.add_paragraph("{{ x }}")
    doc.add_paragraph("{%p endfor %}")
    path = tmp_path / "mau.docx"
    doc.save(str(path))
    assert check_template(path) == []
    problems = check_template(path, event=EXAMPLES / "hoi-nghi-ubnd.yaml")
    assert [(p.code, p.part, p.message) for p in problems] == [
        (
            "render",
            "phần thân, đoạn 2: «{%p for x in ket_qua.so_tham_du %}»",
            "ket_qua.so_tham_du không phải danh sách nên không lặp qua được",
        )
    ]
