"""CI users: ``--format github`` annotations for validate and check, ``--quiet`` and
``--verbose`` on every command, and the pre-commit hooks."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner, Result

from baocao.cli import COMMANDS, cli
from conftest import EXAMPLES, ROOT

UBND = EXAMPLES / "hoi-nghi-ubnd.yaml"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="baocao")


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def bad_event(folder: Path) -> int:
    text = UBND.read_text(encoding="utf-8").replace("  dia_diem: ", "  diadiem: ", 1)
    (folder / "sai.yaml").write_text(text, encoding="utf-8")
    return next(i for i, x in enumerate(text.splitlines(), 1) if x.startswith("  diadiem: "))


def test_validate_github_annotations(here: Path) -> None:
    line = bad_event(here)
    shutil.copy(UBND, here / "dung.yaml")
    done = invoke("validate", "dung.yaml", "sai.yaml", "--format", "github")
    assert done.exit_code == 3
    assert done.stdout.splitlines() == [
        f"::error file=sai.yaml,line={line},col=3,title=su_kien.diadiem::không có mục `diadiem`; "
        "có phải ý bạn là `dia_diem`?"
    ]


def test_check_github_annotations(here: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Kính gửi {{ co_quan.tenn }}")
    document.save(str(here / "mau.docx"))
    done = invoke("check", "mau.docx", "--format", "github")
    assert done.exit_code == 3
    (annotation,) = done.stdout.splitlines()
    assert re.match(r"::error file=mau\.docx(,[a-z]+=[^,:]+)*::.*co_quan\.tenn", annotation), (
        annotation
    )


def test_quiet_prints_only_problems(here: Path) -> None:
    shutil.copy(UBND, here / "a.yaml")
    assert invoke("validate", "-q", "a.yaml").stdout == ""
    done = invoke("render", "a.yaml", "-t", "thong-cao", "-t", "tin-bai", "--quiet")
    assert done.exit_code == 0
    assert done.output == ""
    assert (here / "a-thong-cao.docx").is_file()
    bad_event(here)
    done = invoke("--quiet", "validate", "sai.yaml")
    assert done.exit_code == 3 and "diadiem" in done.stderr


def test_verbose_shows_the_folders_and_the_summary(here: Path) -> None:
    shutil.copy(UBND, here / "a.yaml")
    done = invoke("render", "a.yaml", "-t", "thong-cao", "-v")
    assert done.exit_code == 0
    assert "thư mục mẫu: -" in done.stderr
    assert "tệp cấu hình: -" in done.stderr
    assert "1 tệp đã viết trong " in done.stderr
    assert "Mẫu" in done.stderr and "Xong" in done.stderr  # the summary, even for one document


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_takes_quiet_and_verbose(name: str) -> None:
    done = invoke(name, "--help")
    assert "-q, --quiet" in done.stdout and "-v, --verbose" in done.stdout


def test_pre_commit_hooks_run_the_two_commands(here: Path) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {h["id"]: h for h in hooks}
    assert by_id["baocao-validate"]["entry"] == "baocao validate"
    assert re.search(by_id["baocao-validate"]["files"], "su-kien/a.yaml")
    assert re.search(by_id["baocao-validate"]["files"], "b.json")
    assert by_id["baocao-check"]["entry"] == "baocao check"
    assert re.search(by_id["baocao-check"]["files"], "mau/thong-cao.docx")
    assert re.search(by_id["baocao-check"]["exclude"], "mau/~$ong-cao.docx")
    shutil.copy(UBND, here / "a.yaml")
    for hook, files in (("baocao-validate", ["a.yaml"]), ("baocao-check", ["thong-cao"])):
        args = by_id[hook]["entry"].split()[1:] + files  # pre-commit appends the file names
        assert invoke(*args).exit_code == 0


SPLIT = (
    "co_quan:\n  ten: Sở Nội vụ\n  viet_tat: SNV\n  dia_danh: Cà Mau\n"
    "su_kien:\n  ten: hội nghị\n  bat_dau: 1/11/2024\n"
    "  doi_tuong: [cán bộ các xã, phường]\n"  # line 8: a comma inside a name
)


def test_warnings_are_github_warnings_and_strict_makes_them_errors(here: Path) -> None:
    (here / "canh-bao.yaml").write_text(SPLIT, encoding="utf-8")
    done = invoke("validate", "canh-bao.yaml", "--format", "github")
    assert done.exit_code == 0
    (line,) = done.stdout.splitlines()
    assert line.startswith("::warning file=canh-bao.yaml,line=8,col=30,title=su_kien.doi_tuong.1::")
    done = CliRunner().invoke(
        cli, ["validate", "-", "--format", "github", "--strict"], input=SPLIT.encode()
    )
    assert done.exit_code == 3
    assert done.stdout.startswith("::error file=<stdin>,line=8,col=30,")  # strict: errors
