"""``baocao.toml`` (or ``[tool.baocao]`` in pyproject.toml) in the current folder or a parent
sets defaults; command-line options win; ``baocao config`` shows each value and its source."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from baocao import i18n
from baocao.errors import DataError
from baocao.settings import load_settings
from conftest import EXAMPLES, TEMPLATES

UBND = EXAMPLES / "hoi-nghi-ubnd.yaml"


@pytest.fixture(autouse=True)
def restore(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("BAOCAO_TEMPLATES", raising=False)
    yield
    i18n.set_language(None)


def invoke(*args: str, env: dict[str, str | None] | None = None) -> Result:
    from baocao.cli import cli

    return CliRunner().invoke(cli, list(args), prog_name="baocao", env=env)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project: baocao.toml, a template folder with one own template, events in a
    subfolder, which is the current folder."""
    (tmp_path / "mau").mkdir()
    for suffix in (".nha_nuoc.docx", ".yaml"):
        shutil.copy(TEMPLATES / f"tin-bai{suffix}", tmp_path / "mau" / f"ban-tin{suffix}")
    (tmp_path / "baocao.toml").write_text(
        'templates_dir = "mau"\nout = "ra/"\njobs = 1\n', encoding="utf-8"
    )
    (tmp_path / "su-kien").mkdir()
    shutil.copy(UBND, tmp_path / "su-kien" / "hoi-nghi.yaml")
    monkeypatch.chdir(tmp_path / "su-kien")
    return tmp_path


def test_render_takes_templates_and_output_folder_from_the_project_file(project: Path) -> None:
    done = invoke("render", "hoi-nghi.yaml", "-t", "ban-tin")
    assert done.exit_code == 0, done.output
    assert (project / "ra" / "hoi-nghi-ban-tin.docx").is_file()


def test_the_command_line_wins(project: Path) -> None:
    done = invoke("render", "hoi-nghi.yaml", "-t", "ban-tin", "-o", "rieng")
    assert done.exit_code == 0, done.output
    assert (project / "su-kien" / "rieng" / "hoi-nghi-ban-tin.docx").is_file()
    assert not (project / "ra").exists()


def test_config_shows_values_and_sources(project: Path) -> None:
    done = invoke("config", env={"BAOCAO_LANG": None})
    assert done.exit_code == 0, done.output
    toml = str(project / "baocao.toml")
    lines = done.stdout.splitlines()
    assert lines[0] == f"Tệp cấu hình: {toml}"
    assert f"templates_dir = {project / 'mau'}  ({toml})" in lines
    assert f"out           = {project / 'ra'}/  ({toml})" in lines
    assert f"jobs          = 1  ({toml})" in lines
    assert "strict        = false  (mặc định)" in lines


def test_pyproject_tool_table_and_lang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.baocao]\nlang = "en"\nstrict = true\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert settings.values == {"lang": "en", "strict": True}
    assert settings.sources["lang"] == str(tmp_path / "pyproject.toml")
    done = invoke("validate", "khong-co.yaml", env={"BAOCAO_LANG": None})
    assert done.exit_code == 3
    assert done.stderr == "khong-co.yaml: there is no such file\n"


def test_a_pyproject_without_the_table_is_no_project_file(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load_settings(tmp_path).file is None


def test_a_wrong_key_or_value_names_the_file_and_exits_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "baocao.toml").write_text('jobs = 0\nthu_muc = "x"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DataError) as error:
        load_settings()
    assert [p.field for p in error.value.problems] == ["jobs", "thu_muc"]
    done = invoke("validate", "a.yaml")
    assert done.exit_code == 3
    toml = tmp_path / "baocao.toml"
    assert done.stderr.splitlines() == [
        f"{toml}: jobs: cần một số nguyên từ 1 trở lên",
        f"{toml}: thu_muc: khoá không có: `thu_muc`; các khoá dùng được: "
        "templates_dir, out, jobs, lang, strict",
    ]


def test_a_toml_syntax_error_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "baocao.toml").write_text("jobs = = 2\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    done = invoke("render", "a.yaml", "-t", "thong-cao")
    assert done.exit_code == 3
    assert done.stderr.startswith(f"{tmp_path / 'baocao.toml'}: tệp cấu hình TOML sai cú pháp")
    assert "Traceback" not in done.output
