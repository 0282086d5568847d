"""``baocao render`` as a clerk and a CI job meet it: what the audit of the command found.

Each test runs the real command in a child process (a real terminal where it matters) and
checks the files, the messages and the exit code a person sees.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_on_terminal

UBND = EXAMPLES / "hoi-nghi-ubnd.yaml"
DANG = EXAMPLES / "lop-boi-duong-dan-van.yaml"
JSON = EXAMPLES / "tap-huan-hai-thang.json"


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"BAOCAO_SOFFICE", "BAOCAO_DEBUG"}}
    return {**env, "BAOCAO_LANG": "vi", **extra}


def run(
    *args: str | Path, cwd: Path, env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "baocao", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env or child_env(),
        check=False,
        **kwargs,
    )


def bad_copy(folder: Path) -> tuple[Path, int]:
    """The state example with a misspelt key; the file and the line of that key."""
    text = UBND.read_text(encoding="utf-8")
    assert "  dia_diem: " in text
    text = text.replace("  dia_diem: ", "  diadiem: ", 1)
    path = folder / "sai.yaml"
    path.write_text(text, encoding="utf-8")
    line = next(i for i, x in enumerate(text.splitlines(), 1) if x.startswith("  diadiem: "))
    return path, line


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".tmp"))


# --------------------------------------------------------------------------- messages


@pytest.mark.slow
def test_a_bad_event_is_reported_once_whatever_the_number_of_templates(tmp_path: Path) -> None:
    shutil.copy(DANG, tmp_path / "lop.yaml")
    _bad, line = bad_copy(tmp_path)
    done = run("render", "lop.yaml", "sai.yaml", "-t", "all", "-o", "ra", cwd=tmp_path)
    assert done.returncode == 3
    errors = [x for x in done.stderr.splitlines() if x.startswith("✗")]
    assert errors == [
        f"✗ sai.yaml:{line}:3: su_kien.diadiem: không có mục `diadiem`; "
        "có phải ý bạn là `dia_diem`?"
    ]
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in (tmp_path / "ra").iterdir()) == [
        "lop-bao-cao-tong-ket.docx",
        "lop-chuong-trinh.docx",
        "lop-ke-hoach.docx",
        "lop-phat-bieu-be-mac.docx",
        "lop-phat-bieu-khai-mac.docx",
        "lop-thong-cao.docx",
        "lop-tin-bai.docx",
    ]


@pytest.mark.slow
def test_plain_output_ends_with_a_summary_on_stderr(tmp_path: Path) -> None:
    shutil.copy(DANG, tmp_path / "lop.yaml")
    bad_copy(tmp_path)
    done = run("render", "lop.yaml", "sai.yaml", "-t", "thong-cao", "-t", "tin-bai", cwd=tmp_path)
    assert done.returncode == 3
    assert sorted(done.stdout.splitlines()) == ["✓ lop-thong-cao.docx", "✓ lop-tin-bai.docx"]
    rows = [x.split() for x in done.stderr.splitlines() if "thong-cao" in x or "tin-bai" in x]
    assert [r for r in rows if r[0] != "✗"] == [
        ["│", "thong-cao", "│", "1", "│", "1", "│"],
        ["│", "tin-bai", "│", "1", "│", "1", "│"],
    ]
    assert "Mẫu" in done.stderr and "Xong" in done.stderr and "Lỗi" in done.stderr


@pytest.mark.slow
def test_on_a_terminal_files_problems_and_the_table_are_shown_once(tmp_path: Path) -> None:
    shutil.copy(DANG, tmp_path / "lop.yaml")
    _bad, line = bad_copy(tmp_path)
    code, shown = run_on_terminal(
        ["render", "lop.yaml", "sai.yaml", "-t", "all"],
        tmp_path,
        child_env(COLUMNS="200", TERM="xterm"),
    )
    assert code == 3
    screen = shown.decode("utf-8", "replace")
    assert "Traceback" not in screen
    problem = f"sai.yaml:{line}:3: su_kien.diadiem: không có mục `diadiem`"
    assert screen.count(problem) == 1, screen
    for template in ("bao-cao-tong-ket", "phat-bieu-khai-mac", "thong-cao", "tin-bai"):
        assert screen.count(f"✓ lop-{template}.docx") == 1, screen
    assert "Mẫu" in screen and "Xong" in screen


# ------------------------------------------------------------------------ output paths


@pytest.mark.slow
def test_an_existing_folder_is_a_folder_even_when_named_like_a_docx(tmp_path: Path) -> None:
    folder = tmp_path / "ban-in.docx"
    folder.mkdir()
    done = run("render", UBND, "-t", "thong-cao", "-o", folder, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in folder.iterdir()] == ["hoi-nghi-ubnd-thong-cao.docx"]


@pytest.mark.parametrize("force", [False, True])
def test_an_output_path_that_is_a_folder_is_named_so(tmp_path: Path, force: bool) -> None:
    (tmp_path / "ra" / "hoi-nghi-ubnd-thong-cao.docx").mkdir(parents=True)
    args = ["render", UBND, "-t", "thong-cao", "-o", "ra", *(["--force"] if force else [])]
    done = run(*args, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "✗ ra/hoi-nghi-ubnd-thong-cao.docx: đây là thư mục, không phải tệp"
    ]
    assert (tmp_path / "ra" / "hoi-nghi-ubnd-thong-cao.docx").is_dir()
    assert leftovers(tmp_path) == []


@pytest.mark.slow
def test_a_file_where_the_output_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "ra").write_text("không phải thư mục", encoding="utf-8")
    done = run("render", UBND, "-t", "thong-cao", "-o", "ra/tc.docx", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines() == ["✗ ra/tc.docx: ra là một tệp, không phải thư mục"]
    assert (tmp_path / "ra").read_text(encoding="utf-8") == "không phải thư mục"


@pytest.fixture
def locked_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write to: read-only for a user; immutable (chattr +i) for root,
    whom permission bits do not stop."""
    folder = tmp_path / "khoa"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    chattr = shutil.which("chattr")
    if not chattr or subprocess.run([chattr, "+i", str(folder)], check=False).returncode:
        pytest.skip("running as root and this file system has no immutable folders")
    try:
        yield folder
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)


def test_a_read_only_folder_is_named_in_words(tmp_path: Path, locked_folder: Path) -> None:
    shutil.copy(UBND, tmp_path / "hoi-nghi.yaml")
    done = run("render", "hoi-nghi.yaml", "-t", "thong-cao", "-o", "khoa", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [
        "✗ khoa/hoi-nghi-thong-cao.docx: không có quyền ghi vào thư mục khoa"
    ]
    assert list(locked_folder.iterdir()) == []


def test_a_missing_templates_folder_is_a_usage_error(tmp_path: Path) -> None:
    shutil.copy(UBND, tmp_path / "hoi-nghi.yaml")
    args = ["render", "hoi-nghi.yaml", "-t", "thong-cao", "--templates-dir", "khong-co"]
    done = run(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert "khong-co" in done.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["hoi-nghi.yaml"]


# ----------------------------------------------------------------------------- templates


def test_an_unknown_template_among_good_ones_writes_nothing(tmp_path: Path) -> None:
    shutil.copy(UBND, tmp_path / "hoi-nghi.yaml")
    done = run("render", "hoi-nghi.yaml", "-t", "thong-cao", "-t", "bao-cao-tongket", cwd=tmp_path)
    assert done.returncode == 3
    assert done.stdout == ""
    assert done.stderr.startswith("✗ không có mẫu 'bao-cao-tongket'")
    assert "có phải 'bao-cao-tong-ket'?" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hoi-nghi.yaml"]


# ------------------------------------------------------------------------ LibreOffice


def test_baocao_soffice_pointing_nowhere_is_a_clear_message(tmp_path: Path) -> None:
    shutil.copy(UBND, tmp_path / "hoi-nghi.yaml")
    not_a_program = tmp_path.parent / f"{tmp_path.name}-soffice.txt"
    not_a_program.write_text("không phải chương trình", encoding="utf-8")
    not_a_program.chmod(0o644)
    for exe in ("/khong/co/soffice", str(not_a_program), "khong-co-lenh-nay"):
        env = child_env(BAOCAO_SOFFICE=exe)
        done = run("render", "hoi-nghi.yaml", "-t", "thong-cao", "--pdf", cwd=tmp_path, env=env)
        assert done.returncode == 1
        assert "Traceback" not in done.stderr
        assert done.stderr.splitlines() == [
            f"BAOCAO_SOFFICE={exe}: không chạy được LibreOffice ở đây; sửa biến này hoặc cài "
            "LibreOffice bằng: sudo apt-get install libreoffice-writer-nogui fonts-liberation2"
        ]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["hoi-nghi.yaml"]


@pytest.mark.slow
def test_a_failed_conversion_names_the_document_as_the_user_wrote_it(tmp_path: Path) -> None:
    shutil.copy(UBND, tmp_path / "hoi-nghi.yaml")
    false = shutil.which("false")
    assert false
    env = child_env(BAOCAO_SOFFICE=false)
    done = run("render", "hoi-nghi.yaml", "-t", "thong-cao", "--pdf", cwd=tmp_path, env=env)
    assert done.returncode == 1
    assert done.stdout.splitlines() == ["✓ hoi-nghi-thong-cao.docx"]
    assert done.stderr.splitlines() == [
        "✗ hoi-nghi-thong-cao.docx: LibreOffice không tạo được PDF (mã thoát 1): -"
    ]
    assert not (tmp_path / "hoi-nghi-thong-cao.pdf").exists()


# -------------------------------------------------------------------- pipes and Ctrl-C


@pytest.mark.slow
def test_a_closed_stdout_does_not_stop_the_batch(tmp_path: Path) -> None:
    events = [shutil.copy(JSON, tmp_path / f"e{i}.json") for i in range(4)]
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first line (`| head -0`)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "baocao", "render", *events, "-t", "all", "-o", "ra", "-j", "1"],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
            env=child_env(),
            check=False,
        )
    finally:
        os.close(write)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "ra").iterdir())) == 4 * 7  # 4 events, 7 built-ins


def interrupt_when(proc: subprocess.Popen[str], ready: object, limit: float = 120) -> None:
    """Send Ctrl-C (SIGINT to the process group, as a terminal does) once ``ready()``."""
    end = time.monotonic() + limit
    while not ready():  # type: ignore[operator]
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < end, "never got ready"
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)


def start(args: list[str | Path], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "baocao", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        env=child_env(),
        start_new_session=True,
    )


@pytest.fixture
def many_events(tmp_path: Path) -> Iterator[list[Path]]:
    folder = tmp_path / "su-kien"
    folder.mkdir()
    yield [Path(shutil.copy(JSON, folder / f"e{i:03d}.json")) for i in range(300)]


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_the_batch_and_leaves_no_partial_file(
    tmp_path: Path, many_events: list[Path], jobs: str
) -> None:
    out = tmp_path / "ra"
    total = len(many_events) * 4
    proc = start(["render", *many_events, "-t", "all", "-o", out, "-j", jobs], tmp_path)
    interrupt_when(proc, lambda: out.is_dir() and any(out.glob("[!.]*.docx")))
    _stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "Aborted!" not in stderr
    assert stderr.splitlines()[-1] == (
        "đã dừng (Ctrl-C); các tệp đã viết xong được giữ nguyên, không có tệp nào viết dở"
    )
    assert leftovers(tmp_path) == []
    written = list(out.iterdir())
    assert 0 < len(written) < total / 2, len(written)  # it stopped, it did not go on
    for path in written:
        assert path.read_bytes()[:2] == b"PK" and path.stat().st_size > 10_000


@pytest.mark.libreoffice
def test_ctrl_c_while_converting_to_pdf(tmp_path: Path) -> None:
    events = [shutil.copy(UBND, tmp_path / f"e{i}.yaml") for i in range(3)]
    out = tmp_path / "ra"
    four = [
        "-t",
        "thong-cao",
        "-t",
        "tin-bai",
        "-t",
        "bao-cao-tong-ket",
        "-t",
        "phat-bieu-khai-mac",
    ]
    proc = start(["render", *events, *four, "-o", out, "-j", "1", "--pdf"], tmp_path)
    interrupt_when(proc, lambda: out.is_dir() and len(list(out.glob("[!.]*.docx"))) == 12)
    time.sleep(0.5)  # LibreOffice is running now
    _stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert list(out.glob("*.pdf")) == [] or all(
        p.read_bytes().startswith(b"%PDF") for p in out.glob("*.pdf")
    )
    assert leftovers(tmp_path) == []
    mine = str(tmp_path)
    alive = []
    for proc_dir in Path("/proc").iterdir():
        try:
            cmdline = (proc_dir / "cmdline").read_bytes().decode("utf-8", "replace")
        except OSError:
            continue
        if proc_dir.name.isdigit() and mine in cmdline and "soffice" in cmdline:
            alive.append(cmdline)
    assert alive == []  # no LibreOffice left running on our files


@pytest.mark.slow
def test_a_trailing_slash_makes_the_output_a_folder(tmp_path: Path) -> None:
    shutil.copy(UBND, tmp_path / "hoi-nghi.yaml")
    done = run("render", "hoi-nghi.yaml", "-t", "tin-bai", "-o", "ban-in.docx/", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["✓ ban-in.docx/hoi-nghi-tin-bai.docx"]
    assert (tmp_path / "ban-in.docx" / "hoi-nghi-tin-bai.docx").is_file()
