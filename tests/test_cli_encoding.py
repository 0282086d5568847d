"""Output under a Windows code page: UTF-8 to pipes and files, replacement characters on a
terminal that cannot show a mark, never a ``UnicodeEncodeError``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES, run_on_terminal

UBND = EXAMPLES / "hoi-nghi-ubnd.yaml"


def env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in {"BAOCAO_SOFFICE", "BAOCAO_DEBUG"}}
    return {**base, "BAOCAO_LANG": "vi", "PYTHONIOENCODING": "cp1258", **extra}


def baocao(*args: str, cwd: Path, **extra: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "baocao", *args],
        capture_output=True,
        cwd=cwd,
        env=env(**extra),
        check=False,
    )


def test_validate_redirected_to_a_file_under_cp1258_writes_utf8(tmp_path: Path) -> None:
    shutil.copy(UBND, tmp_path / "sự-kiện.yaml")
    log = tmp_path / "log.txt"
    with log.open("wb") as out:
        done = subprocess.run(
            [sys.executable, "-m", "baocao", "validate", "sự-kiện.yaml"],
            stdout=out,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            env=env(),
            check=False,
        )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert b"UnicodeEncodeError" not in done.stderr
    assert log.read_bytes().decode("utf-8") == "✓ sự-kiện.yaml\n"


def test_problems_in_vietnamese_reach_a_pipe_as_utf8(tmp_path: Path) -> None:
    text = UBND.read_text(encoding="utf-8").replace("  dia_diem: ", "  diadiem: ", 1)
    (tmp_path / "sai.yaml").write_text(text, encoding="utf-8")
    done = baocao("validate", "sai.yaml", cwd=tmp_path)
    assert done.returncode == 3
    assert "không có mục `diadiem`; có phải ý bạn là `dia_diem`?" in done.stderr.decode("utf-8")
    assert b"Traceback" not in done.stderr


def test_render_under_cp1258_lists_its_files_and_exits_0(tmp_path: Path) -> None:
    shutil.copy(UBND, tmp_path / "hội-nghị.yaml")
    done = baocao("render", "hội-nghị.yaml", "-t", "thong-cao", "-t", "tin-bai", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    lines = sorted(done.stdout.decode("utf-8").splitlines())
    assert lines == ["✓ hội-nghị-thong-cao.docx", "✓ hội-nghị-tin-bai.docx"]
    assert "Mẫu" in done.stderr.decode("utf-8")  # the summary table of a batch


def on_terminal(*args: str, cwd: Path) -> tuple[int, bytes]:
    """Run ``baocao`` on a terminal (a pty) under cp1258: exit code and the screen."""
    # cp1258: Vietnamese letters, but no ✓ or ─
    return run_on_terminal(list(args), cwd, env(COLUMNS="120", TERM="xterm"))


def test_a_terminal_that_cannot_show_a_mark_gets_replacement_characters(tmp_path: Path) -> None:
    shutil.copy(UBND, tmp_path / "sự-kiện.yaml")
    code, raw = on_terminal("validate", "sự-kiện.yaml", cwd=tmp_path)
    screen = raw.decode("cp1258")
    assert code == 0, screen
    assert "Traceback" not in screen
    assert screen.startswith("? "), screen  # ✓ replaced, the line still written
    assert "ki" in screen and screen.rstrip().endswith(".yaml"), screen


def test_render_with_progress_and_table_on_a_cp1258_terminal(tmp_path: Path) -> None:
    shutil.copy(UBND, tmp_path / "hoi-nghi.yaml")
    code, raw = on_terminal("render", "hoi-nghi.yaml", "-t", "all", "-o", "ra", cwd=tmp_path)
    screen = raw.decode("cp1258", "replace")
    assert code == 0, screen
    assert "Traceback" not in screen and "UnicodeEncodeError" not in screen
    # 7 templates and giấy mời for the guest list (no trainees: no giấy chứng nhận)
    assert len(list((tmp_path / "ra").iterdir())) == 8
    assert "tin-bai" in screen  # the summary table
