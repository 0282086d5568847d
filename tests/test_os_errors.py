"""Precise OS errors: a document Word holds open, read-only folders, full disks, paths too
long; a Word or Excel file given as an event; the LibreOffice hint for this system."""

from __future__ import annotations

import errno
import io
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from baocao.cli import cli
from baocao.errors import ExportError
from baocao.rendering.atomic import _os_error
from baocao.rendering.pdf import find_soffice, install_command
from conftest import EXAMPLES, TEMPLATES

UBND = EXAMPLES / "hoi-nghi-ubnd.yaml"
WORD_OPEN = "tệp đang mở trong Word (hoặc chương trình khác); đóng tệp trong Word rồi chạy lại"


def invoke(*args: str) -> object:
    return CliRunner().invoke(cli, list(args), prog_name="baocao")


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(UBND, tmp_path / "hoi-nghi.yaml")
    return tmp_path


@pytest.mark.parametrize("lock", ["~$i-nghi-thong-cao.docx", "~$hoi-nghi-thong-cao.docx"])
def test_a_document_open_in_word_is_named_with_the_fix(here: Path, lock: str) -> None:
    target = here / "hoi-nghi-thong-cao.docx"
    assert invoke("render", "hoi-nghi.yaml", "-t", "thong-cao").exit_code == 0  # type: ignore[attr-defined]
    before = target.read_bytes()
    (here / lock).write_bytes(b"\x00owner")  # what Word leaves beside a file it has open
    done = invoke("render", "hoi-nghi.yaml", "-t", "thong-cao", "--force")
    assert done.exit_code == 1  # type: ignore[attr-defined]
    assert done.stderr == f"✗ hoi-nghi-thong-cao.docx: {WORD_OPEN}\n"  # type: ignore[attr-defined]
    assert target.read_bytes() == before
    assert sorted(p.name for p in here.iterdir() if p.name.endswith(".tmp")) == []


def winerror(code: int, number: int) -> OSError:
    exc = PermissionError(code, os.strerror(code))
    exc.winerror = number  # type: ignore[attr-defined]  # as Windows sets it
    return exc


def test_windows_sharing_violation_is_open_in_word(tmp_path: Path) -> None:
    problem = _os_error(tmp_path / "a.docx", winerror(errno.EACCES, 32)).problems[0]
    assert problem.message == WORD_OPEN
    assert problem.code == "open-in-word"


@pytest.mark.parametrize(
    ("exc", "start"),
    [
        (OSError(errno.EROFS, "ro"), "ổ đĩa chỉ cho đọc"),
        (OSError(errno.ENOSPC, "full"), "ổ đĩa đã đầy; xoá bớt tệp hoặc chọn ổ khác với -o"),
        (OSError(errno.EACCES, "denied"), "không có quyền ghi vào thư mục"),
        (OSError(errno.ENAMETOOLONG, "long"), "đường dẫn quá dài"),
        (winerror(errno.ENOENT, 206), "đường dẫn quá dài"),
    ],
)
def test_each_cause_has_its_own_message(tmp_path: Path, exc: OSError, start: str) -> None:
    assert _os_error(tmp_path / "a.docx", exc).problems[0].message.startswith(start)


def test_a_path_too_long_through_the_command(here: Path) -> None:
    name = "v" * 300 + ".docx"
    done = invoke("render", "hoi-nghi.yaml", "-t", "thong-cao", "-o", name)
    assert done.exit_code == 1  # type: ignore[attr-defined]
    (line,) = done.stderr.splitlines()  # type: ignore[attr-defined]
    assert "đường dẫn quá dài" in line and "Traceback" not in line


def test_a_word_file_given_as_an_event_is_one_line(here: Path) -> None:
    shutil.copy(TEMPLATES / "thong-cao.nha_nuoc.docx", here / "nham.docx")
    done = invoke("validate", "nham.docx")
    assert done.exit_code == 3  # type: ignore[attr-defined]
    assert done.stderr.splitlines() == [  # type: ignore[attr-defined]
        "nham.docx: đây là tệp Word (.docx), không phải tệp sự kiện YAML/JSON; đưa tệp sự kiện "
        "(.yaml) cho lệnh này, còn mẫu Word thì kiểm tra bằng `baocao check`"
    ]


def test_an_excel_file_given_as_an_event_is_one_line(here: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active["A1"] = "co_quan"
    data = io.BytesIO()
    book.save(data)
    (here / "du-lieu.xlsx").write_bytes(data.getvalue())
    done = invoke("render", "du-lieu.xlsx", "hoi-nghi.yaml", "-t", "tin-bai")
    assert done.exit_code == 3  # type: ignore[attr-defined]
    problems = [x for x in done.stderr.splitlines() if x.startswith("✗")]  # type: ignore[attr-defined]
    assert problems == [
        "✗ du-lieu.xlsx: đây là bảng tính (danh sách người), không phải tệp sự kiện YAML/JSON; "
        "ghi tên nó trong tệp sự kiện (`khach_moi: ds.xlsx` hoặc `hoc_vien: ds.xlsx`) rồi đưa "
        "tệp sự kiện"
    ]
    assert (here / "hoi-nghi-tin-bai.docx").is_file()  # the good event still renders


def test_a_csv_list_given_as_an_event_is_one_line(here: Path) -> None:
    (here / "hoc-vien.csv").write_text("Họ và tên;Đơn vị\nLê Văn An;Sở Nội vụ\n", encoding="utf-8")
    done = invoke("validate", "hoc-vien.csv")
    assert done.exit_code == 3  # type: ignore[attr-defined]
    assert done.stderr.strip().startswith(  # type: ignore[attr-defined]
        "hoc-vien.csv: đây là bảng tính (danh sách người), không phải tệp sự kiện"
    )


@pytest.mark.parametrize(
    ("platform", "release", "expected"),
    [
        ("linux", {"ID": "debian"}, "sudo apt-get install libreoffice-writer-nogui"),
        ("linux", {"ID": "ubuntu", "ID_LIKE": "debian"}, "sudo apt-get install"),
        ("linux", {"ID": "fedora"}, "sudo dnf install libreoffice-writer"),
        ("linux", {"ID": "rocky", "ID_LIKE": "rhel centos fedora"}, "sudo dnf install"),
        ("darwin", {}, "brew install --cask libreoffice"),
        ("win32", {}, "winget install TheDocumentFoundation.LibreOffice"),
        ("linux", {"ID": "arch"}, "https://www.libreoffice.org/download/"),
    ],
)
def test_the_libreoffice_hint_fits_the_system(
    platform: str, release: dict[str, str], expected: str
) -> None:
    assert install_command(platform, release).startswith(expected)


def test_no_libreoffice_names_the_install_and_the_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("BAOCAO_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("PROGRAMFILES", str(tmp_path))
    with pytest.raises(ExportError) as error:
        find_soffice()
    message = error.value.problems[0].message
    assert message.startswith("không tìm thấy LibreOffice (soffice) để xuất PDF; cài bằng: ")
    assert message.endswith("hoặc đặt biến BAOCAO_SOFFICE là đường dẫn tới soffice")
