"""``-`` reads an event from stdin (validate, render, preview); ``-o -`` writes the .docx to
stdout; an ``-o`` that is neither a .docx nor a folder is refused with the fix."""

from __future__ import annotations

import io
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from baocao.cli import cli
from conftest import EXAMPLES, docx_lines

UBND = EXAMPLES / "hoi-nghi-ubnd.yaml"


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def test_validate_reads_stdin_and_names_it(runner: CliRunner) -> None:
    done = runner.invoke(cli, ["validate", "-"], input=UBND.read_bytes())
    assert done.exit_code == 0, done.output
    assert done.stdout == "✓ <stdin>\n"


def test_a_bad_event_on_stdin_is_located_at_stdin(runner: CliRunner) -> None:
    text = UBND.read_text(encoding="utf-8").replace("  dia_diem: ", "  diadiem: ", 1)
    line = next(i for i, x in enumerate(text.splitlines(), 1) if x.startswith("  diadiem: "))
    done = runner.invoke(cli, ["validate", "-"], input=text.encode())
    assert done.exit_code == 3
    assert done.stderr.startswith(f"<stdin>:{line}:3: su_kien.diadiem: không có mục `diadiem`")


def test_render_from_stdin_writes_in_the_current_folder(runner: CliRunner, tmp_path: Path) -> None:
    done = runner.invoke(cli, ["render", "-", "-t", "thong-cao"], input=UBND.read_bytes())
    assert done.exit_code == 0, done.output
    assert done.stdout == "✓ stdin-thong-cao.docx\n"
    assert any(
        "THÔNG CÁO" in line.upper() for line in docx_lines(tmp_path / "stdin-thong-cao.docx")
    )


def test_stdin_and_files_in_one_batch(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copy(UBND, tmp_path / "a.yaml")
    done = runner.invoke(
        cli, ["render", "a.yaml", "-", "-t", "tin-bai", "-o", "ra"], input=UBND.read_bytes()
    )
    assert done.exit_code == 0, done.output
    assert sorted(p.name for p in (tmp_path / "ra").iterdir()) == [
        "a-tin-bai.docx",
        "stdin-tin-bai.docx",
    ]


def test_render_to_stdout_writes_the_docx_bytes(runner: CliRunner, tmp_path: Path) -> None:
    done = runner.invoke(
        cli, ["render", "-", "-t", "thong-cao", "-o", "-"], input=UBND.read_bytes()
    )
    assert done.exit_code == 0, done.stderr
    data = done.stdout_bytes
    assert data.startswith(b"PK\x03\x04")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "THÔNG CÁO" in text.upper()
    assert list(tmp_path.iterdir()) == []


def test_render_to_stdout_is_one_document_only(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copy(UBND, tmp_path / "a.yaml")
    done = runner.invoke(cli, ["render", "a.yaml", "-t", "all", "-o", "-"])
    assert done.exit_code == 2
    assert "-o - chỉ viết được một văn bản" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_render_to_stdout_is_refused_on_a_terminal(tmp_path: Path) -> None:
    shutil.copy(UBND, tmp_path / "a.yaml")
    main, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "baocao", "render", "a.yaml", "-t", "thong-cao", "-o", "-"],
        stdin=child,
        stdout=child,
        stderr=child,
        cwd=tmp_path,
        env={**os.environ, "BAOCAO_LANG": "vi"},
        close_fds=True,
    )
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    assert proc.wait(timeout=60) == 2
    screen = b"".join(chunks).decode("utf-8")
    assert "không in tệp .docx ra màn hình" in screen
    assert "PK" not in screen
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


@pytest.mark.parametrize(
    ("out", "fix"),
    [("w.pdf", "dùng -o w.docx --pdf"), ("ban.doc", "-o ban.doc/ cho một thư mục")],
)
def test_an_output_that_is_neither_docx_nor_folder_is_refused(
    runner: CliRunner, tmp_path: Path, out: str, fix: str
) -> None:
    shutil.copy(UBND, tmp_path / "a.yaml")
    done = runner.invoke(cli, ["render", "a.yaml", "-t", "thong-cao", "-o", out])
    assert done.exit_code == 2
    assert fix in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_a_folder_with_a_dot_is_still_a_folder_with_a_slash(
    runner: CliRunner, tmp_path: Path
) -> None:
    shutil.copy(UBND, tmp_path / "a.yaml")
    done = runner.invoke(cli, ["render", "a.yaml", "-t", "thong-cao", "-o", "ra.2025/"])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "ra.2025" / "a-thong-cao.docx").is_file()


def test_preview_reads_stdin(runner: CliRunner) -> None:
    done = runner.invoke(cli, ["preview", "-", "-t", "thong-cao"], input=UBND.read_bytes())
    assert done.exit_code == 0, done.output
    assert "THÔNG CÁO" in done.stdout.upper()
