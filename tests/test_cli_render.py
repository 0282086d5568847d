"""``baocao render`` as a clerk and a CI job run it: files, messages, exit codes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from baocao.cli import cli
from conftest import EXAMPLES, docx_lines

# messages in Vietnamese, whatever an earlier test in this process chose (conftest)
pytestmark = pytest.mark.usefixtures("vietnamese")


UBND = EXAMPLES / "hoi-nghi-ubnd.yaml"
DANG = EXAMPLES / "lop-boi-duong-dan-van.yaml"
TEMPLATES = [
    "bao-cao-tong-ket",
    "chuong-trinh",
    "ke-hoach",
    "phat-bieu-be-mac",
    "phat-bieu-khai-mac",
    "thong-cao",
    "tin-bai",
]


def invoke(*args: str | Path) -> Any:
    return CliRunner().invoke(cli, ["render", *map(str, args)])


def run(*args: str | Path, cwd: Path, path: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BAOCAO_LANG": "vi"}
    env.pop("BAOCAO_SOFFICE", None)
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        [sys.executable, "-m", "baocao", "render", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
    )


@pytest.mark.slow
def test_one_event_one_template_next_to_the_event(tmp_path: Path) -> None:
    event = Path(shutil.copy(UBND, tmp_path / "hoi-nghi.yaml"))
    done = run("hoi-nghi.yaml", "-t", "thong-cao", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["✓ hoi-nghi-thong-cao.docx"]
    out = event.with_name("hoi-nghi-thong-cao.docx")
    assert "THÔNG CÁO BÁO CHÍ" in docx_lines(out)


def test_all_templates_of_two_events_into_a_folder(tmp_path: Path) -> None:
    result = invoke(UBND, DANG, "--template", "all", "-o", tmp_path / "ra", "-j", "2")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "ra").iterdir())
    expected = sorted(
        [f"{e.stem}-{t}.docx" for e in (UBND, DANG) for t in TEMPLATES]
        + [f"{UBND.stem}-giay-moi.docx"]  # the only one of the two with a guest list
    )
    assert names == expected
    printed = sorted(line for line in result.output.splitlines() if line.startswith("✓"))
    assert printed == sorted(f"✓ {tmp_path / 'ra' / n}" for n in expected)


def test_out_file_for_one_document(tmp_path: Path) -> None:
    target = tmp_path / "tin.docx"
    result = invoke(DANG, "-t", "tin-bai", "-o", target)
    assert result.exit_code == 0, result.output
    assert list(tmp_path.iterdir()) == [target]
    assert any("bồi dưỡng" in line for line in docx_lines(target))


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "tc.docx"
    target.write_bytes(b"ban cu")
    result = invoke(UBND, "-t", "thong-cao", "-o", target)
    assert result.exit_code == 1
    assert f"{target}: tệp đã có; dùng --force để ghi đè" in result.output
    assert target.read_bytes() == b"ban cu"
    result = invoke(UBND, "-t", "thong-cao", "-o", target, "--force")
    assert result.exit_code == 0, result.output
    assert "THÔNG CÁO BÁO CHÍ" in docx_lines(target)


@pytest.mark.slow
def test_bad_event_reported_others_rendered(tmp_path: Path) -> None:
    text = UBND.read_text(encoding="utf-8").replace("  so_nguoi: 250\n", "  so_nguoi: hai trăm\n")
    assert "so_nguoi: hai trăm" in text
    bad = tmp_path / "sai.yaml"
    bad.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  so_nguoi: hai trăm") + 1
    shutil.copy(DANG, tmp_path / "lop.yaml")
    done = run("lop.yaml", "sai.yaml", "-t", "thong-cao", "-t", "tin-bai", cwd=tmp_path)
    assert done.returncode == 3
    errors = [x for x in done.stderr.splitlines() if x.startswith("✗ ")]
    assert errors and all(x.startswith(f"✗ sai.yaml:{line}:") for x in errors), done.stderr
    assert "su_kien.so_nguoi" in errors[0]
    assert sorted(p.name for p in tmp_path.glob("*.docx")) == [
        "lop-thong-cao.docx",
        "lop-tin-bai.docx",
    ]


def test_unknown_template_exit_3_with_hint(tmp_path: Path) -> None:
    result = invoke(UBND, "-t", "thong-cao-bao-chi", "-o", tmp_path)
    assert result.exit_code == 3
    assert "không có mẫu 'thong-cao-bao-chi'" in result.output
    assert "có phải 'thong-cao'?" in result.output
    assert list(tmp_path.iterdir()) == []


def test_unsafe_template_name_refused(tmp_path: Path) -> None:
    result = invoke(UBND, "-t", "../thong-cao", "-o", tmp_path)
    assert result.exit_code == 3
    assert "tên mẫu không hợp lệ" in result.output


def test_missing_libreoffice_is_a_clear_message(tmp_path: Path) -> None:
    shutil.copy(UBND, tmp_path / "hoi-nghi.yaml")
    empty = tmp_path / "bin"
    empty.mkdir()
    done = run("hoi-nghi.yaml", "-t", "thong-cao", "--pdf", cwd=tmp_path, path=str(empty))
    assert done.returncode == 1
    assert "LibreOffice" in done.stderr
    assert "apt-get install libreoffice-writer-nogui fonts-liberation2" in done.stderr
    assert list(tmp_path.glob("*.docx")) == []  # nothing half-done
