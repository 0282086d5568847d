"""Clean ends: SIGTERM and SIGHUP as Ctrl-C, workers that die with their parent, a killed
worker's documents rendered again, soffice and its profile gone, ``-j`` capped, and a name
too long for the file system failing its own document only."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from baocao.rendering import atomic
from baocao.rendering.batch import default_jobs, render_many
from baocao.rendering.signals import Terminated, handle_termination
from conftest import EXAMPLES

# messages in Vietnamese, whatever an earlier test in this process chose (conftest)
pytestmark = pytest.mark.usefixtures("vietnamese")


EVENT = EXAMPLES / "hoi-nghi-ubnd.yaml"


def events(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(count):
        path = folder / f"e{i:03d}.yaml"
        shutil.copy(EVENT, path)
        out.append(path)
    return out


def in_folder(folder: Path) -> list[int]:
    """Processes (other than this one) whose working folder is ``folder``."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if (entry / "cwd").readlink() == folder:
                pids.append(int(entry.name))
        except OSError:
            continue
    return pids


def children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry.name))
    return out


def start(folder: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", "from baocao.cli import main; main()", *args],
        cwd=folder,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "LANG": "C.UTF-8", "TMPDIR": str(folder)},
    )


def wait_for(predicate: object, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def whole_docx(folder: Path) -> list[Path]:
    """Every .docx in ``folder`` (asserting each is a whole zip), and no temporary file."""
    assert not list(folder.rglob("*.tmp"))
    docs = sorted(folder.rglob("*.docx"))
    for doc in docs:
        with zipfile.ZipFile(doc) as z:
            assert z.testzip() is None
    return docs


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_end_a_batch_like_ctrl_c(tmp_path: Path, sig: int, code: int) -> None:
    events(tmp_path / "ev", 120)
    out = tmp_path / "out"
    proc = start(tmp_path, "render", *sorted(str(p) for p in (tmp_path / "ev").iterdir()),
                 "-t", "thong-cao", "-o", str(out), "-j", "2")  # fmt: skip
    wait_for(lambda: out.exists() and len(list(out.glob("*.docx"))) >= 2)
    proc.send_signal(sig)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err.decode()
    assert signal.Signals(sig).name in err.decode()
    assert "Traceback" not in err.decode()
    assert len(whole_docx(out)) < 120
    wait_for(lambda: not in_folder(tmp_path), timeout=20)


def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    events(tmp_path / "ev", 200)
    out = tmp_path / "out"
    proc = start(tmp_path, "render", *sorted(str(p) for p in (tmp_path / "ev").iterdir()),
                 "-t", "thong-cao", "-o", str(out), "-j", "2")  # fmt: skip
    wait_for(lambda: len(children(proc.pid)) >= 2 and out.exists())
    proc.kill()
    proc.communicate(timeout=30)
    wait_for(lambda: not in_folder(tmp_path), timeout=20)
    whole_docx(out)


def test_a_killed_worker_costs_nothing(tmp_path: Path) -> None:
    """Its chunk is rendered again in a new pool; every document is made, exit 0."""
    paths = events(tmp_path / "ev", 150)
    out = tmp_path / "out"
    proc = start(tmp_path, "render", *sorted(str(p) for p in paths),
                 "-t", "thong-cao", "-o", str(out), "-j", "2")  # fmt: skip
    wait_for(lambda: len(children(proc.pid)) >= 2 and out.exists() and any(out.iterdir()))
    os.kill(children(proc.pid)[0], signal.SIGKILL)
    _stdout, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    assert len(whole_docx(out)) == 150
    assert "BrokenProcessPool" not in err.decode()


def test_no_temporary_file_survives_a_signal_right_after_it_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window between creating the temporary file and the ``try`` that removes it."""
    made = atomic._open_temp

    def made_then_signalled(path: Path) -> tuple[int, Path]:
        tmp = made(path)
        os.kill(os.getpid(), signal.SIGTERM)  # arrives before write_atomic sees the name
        return tmp

    old = signal.getsignal(signal.SIGTERM)
    handle_termination()
    try:
        monkeypatch.setattr(atomic, "_open_temp", made_then_signalled)
        with pytest.raises(Terminated):
            atomic.write_atomic(tmp_path / "a.docx", b"data")
    finally:
        signal.signal(signal.SIGTERM, old)
    assert list(tmp_path.iterdir()) == []


def test_jobs_beyond_the_cores_are_capped_with_a_note(tmp_path: Path) -> None:
    paths = events(tmp_path / "ev", 3)
    result = render_many(paths, ["thong-cao"], out=tmp_path / "out", jobs=100)
    assert result.exit_code == 0, [str(p) for r in result.items for p in r.problems]
    notes = [p for p in result.problems if p.code == "jobs-capped"]
    assert notes and notes[0].is_warning
    assert f"{default_jobs()}" in notes[0].message


def test_a_name_too_long_fails_its_document_only(tmp_path: Path) -> None:
    folder = tmp_path / "ev"
    folder.mkdir()
    long = folder / ("ă" * 120 + ".yaml")  # 240 bytes, 255+ with the template's name
    shutil.copy(EVENT, long)
    short = folder / "ok.yaml"
    shutil.copy(EVENT, short)
    result = render_many([long, short], ["thong-cao"])
    assert [r.ok for r in result.items] == [False, True]
    assert "quá dài" in result.items[0].problems[0].message
    assert (folder / "ok-thong-cao.docx").is_file()


@pytest.mark.libreoffice
def test_sigterm_during_pdf_kills_soffice_and_removes_its_profile(tmp_path: Path) -> None:
    paths = events(tmp_path / "ev", 4)
    proc = start(tmp_path, "render", *map(str, paths), "-t", "thong-cao", "--pdf", "-j", "1")

    def soffice_running() -> bool:
        return any(
            b"soffice" in Path(f"/proc/{pid}/cmdline").read_bytes()
            for pid in in_folder(tmp_path)
            if Path(f"/proc/{pid}/cmdline").exists()
        ) or any(tmp_path.glob("baocao-pdf-*/profile-*"))

    wait_for(soffice_running, timeout=120)
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err.decode()
    wait_for(lambda: not in_folder(tmp_path), timeout=30)
    assert not list(tmp_path.glob("baocao-pdf-*"))
    assert not list(tmp_path.rglob("*.tmp"))
