"""``baocao templates``: list, show, export (refusal to overwrite, refused names)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from docx import Document

from baocao.cli import cli
from conftest import TEMPLATES


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_list_shows_every_builtin_with_title_and_source() -> None:
    result = run("templates")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert "thong-cao\tThông cáo báo chí\tdang, nha_nuoc\tcó sẵn" in lines
    names = [line.split("\t")[0] for line in lines]
    assert names == [
        "bao-cao-tong-ket",
        "chuong-trinh",
        "giay-chung-nhan",
        "giay-moi",
        "ke-hoach",
        "phat-bieu-be-mac",
        "phat-bieu-khai-mac",
        "thong-cao",
        "tin-bai",
    ]


def test_list_includes_a_folder_template_first(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("{{ ten_su_kien }}")
    doc.save(str(tmp_path / "giay-moi.docx"))
    (tmp_path / "thong-cao.docx").write_bytes((TEMPLATES / "thong-cao.dang.docx").read_bytes())
    result = run("templates", "--templates-dir", str(tmp_path))
    lines = result.output.splitlines()
    assert f"giay-moi\t-\tdang, nha_nuoc\t{tmp_path}" in lines
    assert f"thong-cao\t-\tdang, nha_nuoc\t{tmp_path}" in lines


def test_show_prints_title_formats_variables_filters_and_source() -> None:
    result = run("templates", "show", "bao-cao-tong-ket")
    assert result.exit_code == 0
    out = result.output
    assert "Tiêu đề: Báo cáo kết quả tổ chức sự kiện" in out
    from baocao.registry import builtin_dir  # the repository folder, or inside the wheel

    assert f"  nha_nuoc: {builtin_dir() / 'bao-cao-tong-ket.nha_nuoc.docx'}" in out
    assert f"Nơi tìm thấy: {builtin_dir()} (có sẵn)" in out
    variables = out.split("Biến dùng ([] là từng phần tử của một danh sách):\n")[1]
    variables = variables.split("Bộ lọc dùng:")[0].split()
    assert "su_kien.goi_tat" in variables and "muc.chuan_bi" in variables
    assert "bang_ket_qua[].ty_le" in variables and "bang_ket_qua" not in variables
    assert out.split("Bộ lọc dùng:\n")[1].split() == ["upper"]


def test_show_unknown_name_suggests() -> None:
    result = run("templates", "show", "thong-cau")
    assert result.exit_code == 3
    assert "có phải 'thong-cao'?" in result.output


def test_export_copies_files_and_refuses_to_overwrite(tmp_path: Path) -> None:
    result = run("templates", "export", "thong-cao", str(tmp_path))
    assert result.exit_code == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["thong-cao.dang.docx", "thong-cao.nha_nuoc.docx", "thong-cao.yaml"]
    for name in names:
        assert (tmp_path / name).read_bytes() == (TEMPLATES / name).read_bytes()
    # edit one, then exporting again must not touch it
    (tmp_path / "thong-cao.yaml").write_text("tieu_de: Của tôi\n", encoding="utf-8")
    again = run("templates", "export", "thong-cao", str(tmp_path))
    assert again.exit_code == 1
    assert "tệp đã có; dùng --force để ghi đè" in again.output
    assert (tmp_path / "thong-cao.yaml").read_text(encoding="utf-8") == "tieu_de: Của tôi\n"
    forced = run("templates", "export", "thong-cao", str(tmp_path), "--force")
    assert forced.exit_code == 0
    assert (tmp_path / "thong-cao.yaml").read_bytes() == (TEMPLATES / "thong-cao.yaml").read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_exported_copy_is_found_and_checked(tmp_path: Path) -> None:
    run("templates", "export", "tin-bai", str(tmp_path))
    result = run("templates", "--templates-dir", str(tmp_path))
    assert f"tin-bai\tTin bài\tdang, nha_nuoc\t{tmp_path}" in result.output.splitlines()
    checked = run("check", str(tmp_path / "tin-bai.dang.docx"))
    assert checked.exit_code == 0


def test_export_refuses_unsafe_names(tmp_path: Path) -> None:
    for name in ("../thong-cao", ".an", "a/b", "C:thong-cao"):
        result = run("templates", "export", name, str(tmp_path))
        assert result.exit_code == 3, name
        assert "tên mẫu không hợp lệ" in result.output
    assert list(tmp_path.iterdir()) == []
