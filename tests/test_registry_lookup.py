"""Finding templates: --templates-dir, then $BAOCAO_TEMPLATES, then the built-ins; safe names;
side files; one file per format or one for both; helpful errors; the wheel ships the built-ins."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from baocao import i18n
from baocao.errors import TemplateError
from baocao.registry import builtin_dir, find_template, list_templates
from conftest import FIXTURES, ROOT, TEMPLATES

DOCX = FIXTURES / "templates" / "static-header.docx"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("BAOCAO_TEMPLATES", raising=False)
    i18n.set_language("vi")
    yield
    i18n.set_language(None)


def folder(root: Path, name: str, *files: str, side: str | None = None) -> Path:
    d = root / name
    d.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copyfile(DOCX, d / f)
    if side is not None:
        (d / files[0].split(".")[0]).with_suffix(".yaml").write_text(side, encoding="utf-8")
    return d


def test_templates_dir_comes_first_then_env_then_builtins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = folder(tmp_path, "a", "mau.docx")
    b = folder(tmp_path, "b", "mau.docx", "chi-env.docx")
    c = folder(tmp_path, "c", "chi-env-2.docx")
    monkeypatch.setenv("BAOCAO_TEMPLATES", os.pathsep.join([str(b), str(c)]))
    assert find_template("mau", dirs=[a]).source == str(a)
    assert find_template("mau").source == str(b)
    assert find_template("chi-env").files["dang"] == b / "chi-env.docx"
    assert find_template("chi-env-2", dirs=[a]).source == str(c)
    # a built-in name is overridden by a folder that has it
    if (TEMPLATES / "thong-cao.yaml").exists():
        assert find_template("thong-cao").source == str(builtin_dir())
        own = folder(tmp_path, "own", "thong-cao.docx")
        assert find_template("thong-cao", dirs=[own]).source == str(own)


def test_one_file_per_format_or_one_for_both(tmp_path: Path) -> None:
    d = folder(tmp_path, "d", "chung.docx", "rieng.dang.docx", "hai.dang.docx", "hai.nha_nuoc.docx")
    both = find_template("chung", dirs=[d])
    assert both.docx_for("nha_nuoc") == both.docx_for("dang") == d / "chung.docx"
    hai = find_template("hai", dirs=[d])
    assert hai.docx_for("dang") == d / "hai.dang.docx"
    assert hai.docx_for("nha_nuoc") == d / "hai.nha_nuoc.docx"
    rieng = find_template("rieng", dirs=[d])
    assert rieng.docx_for("dang") == d / "rieng.dang.docx"
    with pytest.raises(TemplateError, match="không có bản cho thể thức nha_nuoc"):
        rieng.docx_for("nha_nuoc")


@pytest.mark.parametrize(
    "name",
    ["../thong-cao", "a/b", "a\\b", "..", ".an", "C:mau", "c:\\mau", "mau\x00", "", "  "],
)
def test_names_that_could_leave_a_folder_are_refused(name: str, tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="tên mẫu không hợp lệ"):
        find_template(name, dirs=[tmp_path])


def test_side_file_is_read(tmp_path: Path) -> None:
    side = (
        "tieu_de: Thông cáo báo chí\nten_loai: THÔNG CÁO BÁO CHÍ\nviet_tat: TC\n"
        "mo_ta: Một dòng.\ncai_dat:\n  dau_ket: './.'\n"
    )
    d = folder(tmp_path, "d", "tc.docx", side=side)
    spec = find_template("tc", dirs=[d])
    assert (spec.name, spec.tieu_de, spec.ten_loai, spec.viet_tat, spec.mo_ta) == (
        "tc",
        "Thông cáo báo chí",
        "THÔNG CÁO BÁO CHÍ",
        "TC",
        "Một dòng.",
    )
    assert spec.cai_dat == {"dau_ket": "./."}
    bare = find_template("tc2", dirs=[folder(tmp_path, "e", "tc2.docx")])
    assert (bare.tieu_de, bare.ten_loai, bare.viet_tat, bare.cai_dat) == (None, None, None, {})


@pytest.mark.parametrize(
    ("side", "match"),
    [
        ("tieu_de: [chưa đóng\n", "không phải YAML hợp lệ"),
        ("- một danh sách\n", "phải là một bảng khóa"),
        ("tieu_de: x\nkhoa_la: y\n", "khóa không biết: khoa_la"),
        ("cai_dat: 5\n", "phải là một bảng khóa"),
        ("viet_tat: [TC]\n", "phải là chuỗi chữ"),
        ("x: !!python/object:os.system {}\n", "không phải YAML hợp lệ"),
    ],
)
def test_invalid_side_file_is_a_template_error_naming_it(
    tmp_path: Path, side: str, match: str
) -> None:
    d = folder(tmp_path, "d", "tc.docx", side=side)
    with pytest.raises(TemplateError, match=match) as info:
        find_template("tc", dirs=[d])
    assert all(p.path == str(d / "tc.yaml") for p in info.value.problems)
    assert str(d / "tc.yaml") in str(info.value)


def test_unknown_name_lists_the_known_ones_with_a_hint(tmp_path: Path) -> None:
    d = folder(tmp_path, "d", "bao-cao.docx", "tin-ngan.dang.docx")
    with pytest.raises(TemplateError) as info:
        find_template("bao-coa", dirs=[d])
    message = str(info.value)
    assert "không có mẫu 'bao-coa'" in message
    assert "bao-cao" in message and "tin-ngan" in message
    assert "có phải 'bao-cao'?" in message
    with pytest.raises(TemplateError) as info:
        find_template("zzzzzz", dirs=[d])
    assert "có phải" not in str(info.value)


def test_list_templates_first_folder_wins_and_skips_word_lock_files(tmp_path: Path) -> None:
    a = folder(tmp_path, "a", "x.docx", "~$x.docx")
    b = folder(tmp_path, "b", "x.dang.docx", "y.docx")
    specs = {s.name: s for s in list_templates(dirs=[a, b])}
    assert specs["x"].source == str(a)
    assert specs["y"].source == str(b)
    assert "~$x" not in specs
    if (TEMPLATES / "thong-cao.yaml").exists():
        assert {"thong-cao", "tin-bai", "phat-bieu-khai-mac", "bao-cao-tong-ket"} <= set(specs)


def test_builtin_dir_holds_the_repository_templates_installed_or_editable() -> None:
    """Editable install: the repository folder itself; installed wheel (as in CI): the copy
    inside the package, byte for byte the same files."""
    import baocao

    package = Path(baocao.__file__).resolve().parent
    if package == (ROOT / "src" / "baocao").resolve():
        assert builtin_dir() == TEMPLATES.resolve()
    else:
        assert builtin_dir() == package / "templates" / "docx"
    shipped = {p.name: p.read_bytes() for p in builtin_dir().iterdir() if p.is_file()}
    on_disk = {p.name: p.read_bytes() for p in TEMPLATES.iterdir() if p.is_file()}
    assert shipped == on_disk


@pytest.mark.slow
def test_the_wheel_ships_the_builtin_templates_and_finds_them(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-q",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    (wheel,) = wheels.glob("baocao-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {n.rsplit("/", 1)[-1] for n in names if n.startswith("baocao/templates/docx/")}
    on_disk = {p.name for p in TEMPLATES.iterdir() if p.suffix in {".docx", ".yaml"}}
    assert on_disk <= shipped
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)  # a pure-Python wheel installs by unzipping
    probe = (
        "import baocao.registry as r; print(r.builtin_dir());"
        "print(sorted(s.name for s in r.list_templates()))"
    )
    env = dict(os.environ, PYTHONPATH=str(site))
    env.pop("BAOCAO_TEMPLATES", None)
    out = subprocess.run(
        [sys.executable, "-c", probe],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    ).stdout.splitlines()
    assert Path(out[0]) == (site / "baocao" / "templates" / "docx").resolve()
    expected = sorted({n.split(".")[0] for n in on_disk if n.endswith(".docx")})
    assert out[1] == repr(expected)
