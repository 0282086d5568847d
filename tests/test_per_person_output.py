"""Output of per-person templates: one combined .docx (a section per person, new page, page
numbers from 1) or ``--split`` files named ``<event>-<template>-<NNN>-<slug>.docx``; the
batch machinery (-j, one failing person does not stop the others), ``-t all``, the CLI."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from baocao.cli import cli
from baocao.errors import TemplateError
from baocao.event.loading import load_event
from baocao.registry import find_template
from baocao.rendering.batch import MIN_PARALLEL, render_many
from baocao.rendering.document import render, render_bytes
from conftest import convert_to_pdf, docx_lines, pdf_text
from people_events import HOC_VIEN, KHACH_MOI, squash, write_event
from test_giay_moi import people_pages

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def sections(path: Path) -> list[object]:
    return list(docx.Document(str(path)).element.body.iter(f"{W}sectPr"))


@pytest.mark.parametrize("the_thuc", ["nha_nuoc", "dang"])
def test_combined_file_is_one_section_per_person(tmp_path: Path, the_thuc: str) -> None:
    event = load_event(write_event(tmp_path, the_thuc=the_thuc, khach_moi=KHACH_MOI))
    out = render(event, template="giay-moi", out=tmp_path / "gm.docx")
    found = sections(out)
    assert len(found) == len(KHACH_MOI) == len(docx.Document(str(out)).sections)
    for sect in found:  # each starts a new page, numbered from 1, with the template's layout
        assert sect.find(f"{W}type").get(f"{W}val") == "nextPage"  # type: ignore[attr-defined]
        assert sect.find(f"{W}pgNumType").get(f"{W}start") == "1"  # type: ignore[attr-defined]
        assert sect.find(f"{W}titlePg") is not None  # type: ignore[attr-defined]
        assert sect.find(f"{W}headerReference") is not None  # type: ignore[attr-defined]
    # issue 10: the body type and its place name on two lines (a w:br) in the header cell
    top = "ỦY BAN NHÂN DÂN" if the_thuc == "nha_nuoc" else "BAN DÂN VẬN"
    pages = people_pages(out)
    assert [sum(x.startswith(top) for x in page) for page in pages] == [1, 1, 1]  # header each
    assert render_bytes(event, template="giay-moi") == out.read_bytes()  # deterministic


def many_guests(n: int) -> list[dict[str, str]]:
    return [{"ho_ten": f"Nguyễn Văn An {i}" if i % 7 else "Nguyễn Văn An"} for i in range(1, n + 1)]


def test_split_names_are_numbered_slugged_and_collision_free(tmp_path: Path) -> None:
    event = write_event(tmp_path, "Hội nghị.yaml", khach_moi=KHACH_MOI, hoc_vien=HOC_VIEN)
    result = render_many([event], ["giay-moi", "giay-chung-nhan"], out=tmp_path / "ra", split=True)
    assert result.exit_code == 0
    assert [p.name for p in result.written] == [
        "Hội nghị-giay-moi-001-nguyen-van-an.docx",
        "Hội nghị-giay-moi-002-tran-thi-be.docx",
        "Hội nghị-giay-moi-003-nguyen-van-an.docx",  # the same name: told apart by the number
        "Hội nghị-giay-chung-nhan-001-le-van-cuong.docx",
        "Hội nghị-giay-chung-nhan-003-do-duc-em.docx",  # 002 failed: no certificate
        "Hội nghị-giay-chung-nhan-004-vo-thi-giang.docx",
    ]
    for path in result.written:  # one person, one section each
        assert len(sections(path)) == 1
    assert "Kính gửi: Bà Trần Thị Bé, Phó Giám đốc Sở Nội vụ" in docx_lines(result.written[1])
    assert "Họ và tên: Đỗ Đức Em" in docx_lines(result.written[4])
    again = render_many([event], ["giay-chung-nhan"], out=tmp_path / "ra2", split=True, tat_ca=True)
    assert [p.name for p in again.written][1] == "Hội nghị-giay-chung-nhan-002-pham-thi-dung.docx"


def test_split_in_workers_is_the_same_as_in_process(tmp_path: Path) -> None:
    guests = many_guests(30)
    assert len(guests) >= MIN_PARALLEL
    event = write_event(tmp_path, khach_moi=guests)
    one = render_many([event], ["giay-moi"], out=tmp_path / "j1", split=True, jobs=1)
    two = render_many([event], ["giay-moi"], out=tmp_path / "j2", split=True, jobs=2)
    assert one.exit_code == two.exit_code == 0
    assert [p.name for p in one.written] == [p.name for p in two.written]
    assert len(set(one.written)) == 30
    assert one.written[6].name == "su-kien-giay-moi-007-nguyen-van-an.docx"
    for a, b in zip(one.written, two.written, strict=True):
        assert a.read_bytes() == b.read_bytes()


def test_progress_counts_each_person_with_split(tmp_path: Path) -> None:
    event = write_event(tmp_path, khach_moi=KHACH_MOI)
    seen: list[tuple[int, int]] = []
    render_many(
        [event], ["giay-moi"], out=tmp_path / "ra", split=True,
        on_progress=lambda r, d, t: seen.append((d, t)),
    )  # fmt: skip
    assert seen == [(1, 3), (2, 3), (3, 3)]


def own_template(folder: Path) -> Path:
    """A staff member's per-person template: a line per trainee with the birth date, which
    fails for a trainee without one."""
    document = docx.Document()
    document.add_paragraph("{{ stt }}/{{ tong_so_nguoi }}. {{ nguoi.ho_ten }}")
    document.add_paragraph("Sinh ngày {{ nguoi.ngay_sinh|ngay_so }}")
    document.save(str(folder / "the-hoc-vien.docx"))
    (folder / "the-hoc-vien.yaml").write_text("moi_muc: hoc_vien\n", encoding="utf-8")
    return folder


def test_one_bad_person_does_not_stop_the_others_with_split(tmp_path: Path) -> None:
    (tmp_path / "mau").mkdir()
    mau = own_template(tmp_path / "mau")
    assert find_template("the-hoc-vien", dirs=[mau]).moi_muc == "hoc_vien"
    event = write_event(tmp_path, hoc_vien=HOC_VIEN)
    result = render_many(
        [event], ["the-hoc-vien"], out=tmp_path / "ra", split=True, tat_ca=True, dirs=[mau]
    )
    assert result.exit_code == 1  # a render error, not bad data
    assert [p.name for p in result.written] == [
        "su-kien-the-hoc-vien-001-le-van-cuong.docx",
        "su-kien-the-hoc-vien-002-pham-thi-dung.docx",
        "su-kien-the-hoc-vien-004-vo-thi-giang.docx",
    ]
    assert docx_lines(result.written[2])[:2] == ["4/4. Võ Thị Giang", "Sinh ngày 09/01/1990"]
    [failed] = result.failed
    assert failed.item.stt == 3 and not failed.item.out.exists()
    assert failed.problems[0].part.startswith("người số 3 (Đỗ Đức Em), phần thân, đoạn 2")
    # combined, the one bad person stops the file (nothing half-made), and is named
    combined = render_many([event], ["the-hoc-vien"], out=tmp_path / "chung", dirs=[mau])
    assert combined.exit_code == 1 and combined.written == []
    assert "người số 3 (Đỗ Đức Em)" in str(combined.failed[0].problems[0])


def test_all_includes_per_person_templates_only_for_events_with_the_list(tmp_path: Path) -> None:
    with_list = write_event(tmp_path, "co.yaml", khach_moi=KHACH_MOI)
    without = write_event(tmp_path, "khong.yaml")
    empty = write_event(tmp_path, "rong.yaml", khach_moi=[])
    result = render_many([with_list, without, empty], ["all"], out=tmp_path / "ra")
    names = sorted(p.name for p in result.written)
    assert "co-giay-moi.docx" in names and "co-giay-chung-nhan.docx" not in names
    assert not any(n.startswith(("khong-giay", "rong-giay")) for n in names)
    notes = [p for r in result.items for p in r.problems if p.is_warning]
    assert [(n.code, n.path) for n in notes] == [("skipped", str(empty))]
    named = render_many([without], ["giay-moi"], out=tmp_path / "ra2")
    assert named.exit_code == 3 and named.failed[0].problems[0].field == "khach_moi"


def test_side_file_moi_muc_must_name_a_list(tmp_path: Path) -> None:
    docx.Document().save(str(tmp_path / "x.docx"))
    (tmp_path / "x.yaml").write_text("moi_muc: nhan_vat\n", encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        find_template("x", dirs=[tmp_path])
    assert info.value.problems[0].field == "moi_muc"
    assert "khach_moi, hoc_vien" in info.value.problems[0].message


def test_cli_split_and_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_event(tmp_path, hoc_vien=HOC_VIEN)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    args = ["render", "su-kien.yaml", "-t", "giay-chung-nhan", "--split", "--all", "-o", "ra"]
    done = runner.invoke(cli, args)
    assert done.exit_code == 0, done.output
    slugs = ["le-van-cuong", "pham-thi-dung", "do-duc-em", "vo-thi-giang"]
    assert sorted(p.name for p in (tmp_path / "ra").iterdir()) == sorted(
        f"su-kien-giay-chung-nhan-00{i}-{s}.docx" for i, s in enumerate(slugs, 1)
    )
    one = runner.invoke(cli, ["render", "su-kien.yaml", "-t", "giay-chung-nhan"])
    assert one.exit_code == 0, one.output
    assert len(people_pages(tmp_path / "su-kien-giay-chung-nhan.docx")) == 3


@pytest.mark.libreoffice
def test_pdf_one_page_per_person_with_the_right_name(tmp_path: Path) -> None:
    from baocao.rendering.pdf import page_count

    event = write_event(tmp_path, the_thuc="dang", khach_moi=KHACH_MOI, hoc_vien=HOC_VIEN)
    result = render_many(
        [event], ["giay-moi", "giay-chung-nhan"], out=tmp_path / "ra", pdf=True, jobs=1
    )
    assert result.exit_code == 0
    pdfs = {p.name: p for p in result.written if p.suffix == ".pdf"}
    moi, gcn = pdfs["su-kien-giay-moi.pdf"], pdfs["su-kien-giay-chung-nhan.pdf"]
    assert page_count(moi) == 3 and page_count(gcn) == 3
    expected = ["Ông Nguyễn Văn An", "Bà Trần Thị Bé", "Đồng chí Nguyễn Văn An, Chủ tịch"]
    for page, name in enumerate(expected, 1):
        text = squash(page_text(moi, page))
        assert f"Kính gửi: {name}" in text and "ngày 01 tháng 11 năm 2024" in text
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "Lê Thanh Triều" in text
    for page, name in enumerate(["Lê Văn Cường", "Đỗ Đức Em", "Võ Thị Giang"], 1):
        assert f"Họ và tên: {name}" in squash(page_text(gcn, page))
    # --split --pdf: a one-page PDF per person
    split = render_many([event], ["giay-moi"], out=tmp_path / "tach", pdf=True, split=True)
    assert split.exit_code == 0
    one = sorted(p for p in split.written if p.suffix == ".pdf")
    assert [page_count(p) for p in one] == [1, 1, 1]
    assert "Bà Trần Thị Bé" in squash(pdf_text(one[1]))


def page_text(pdf: Path, page: int) -> str:
    out = subprocess.run(
        ["pdftotext", "-raw", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout


@pytest.mark.libreoffice
def test_word_roundtrip_keeps_one_section_per_person(tmp_path: Path) -> None:
    """LibreOffice reads the combined file and writes it back with the sections intact."""
    event = load_event(write_event(tmp_path, khach_moi=KHACH_MOI))
    out = render(event, template="giay-moi", out=tmp_path / "gm.docx")
    [back] = convert_to_pdf([out], tmp_path / "pdf")
    from baocao.rendering.pdf import page_count

    assert page_count(back) == 3
