"""Hostile .docx packages: limits checked from the zip directory before any member is read.

Every package is built here with ``zipfile``; nothing large is kept in the repository.
"""

from __future__ import annotations

import os
import warnings
import zipfile
from pathlib import Path

import pytest

from baocao.docx import zip_limits
from baocao.docx.package import read_package
from baocao.errors import TemplateError
from hostile_docx import baocao, event_file, leftovers, parts, set_method, write_docx

# messages in Vietnamese, whatever an earlier test in this process chose (conftest)
pytestmark = pytest.mark.usefixtures("vietnamese")


GiB = 1 << 30


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid small template plus a 2 GiB member of zeros (about 2 MB on disk)."""
    folder = tmp_path_factory.mktemp("bomb") / "tpl"
    path = write_docx(folder / "mau.docx", parts("{{ su_kien.ten }}"))
    chunk = bytes(16 << 20)
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as z,
        z.open("word/media/zero.bin", "w", force_zip64=True) as f,
    ):
        for _ in range(2 * GiB // len(chunk)):
            f.write(chunk)
    assert path.stat().st_size < 10 << 20
    return path


def refused(path: Path, member: str | None, code: str = "zip-limit") -> TemplateError:
    with pytest.raises(TemplateError) as info:
        read_package(path)
    problem = info.value.problems[0]
    assert problem.path == str(path)
    assert problem.part == member
    assert problem.code == code
    return info.value


def test_zip_bomb_is_refused_from_the_directory(bomb: Path) -> None:
    error = refused(bomb, "word/media/zero.bin")
    assert "64 MB" in str(error) or "bom zip" in str(error)


@pytest.mark.parametrize(
    "command",
    [
        ["templates", "show", "mau", "--templates-dir", "{dir}"],
        ["check", "{file}"],
        ["render", "{event}", "-t", "mau", "--templates-dir", "{dir}", "-o", "{out}"],
    ],
)
def test_zip_bomb_fails_fast_and_small_in_every_command(
    bomb: Path, tmp_path: Path, command: list[str]
) -> None:
    event = event_file(tmp_path)
    out = tmp_path / "ra"
    args = [a.format(dir=bomb.parent, file=bomb, event=event, out=out / "vb.docx") for a in command]
    run = baocao(tmp_path, *args)
    assert run.code == 3, run.err
    where = run.out if command[0] == "check" else run.err
    assert f"{bomb}: word/media/zero.bin:" in where
    assert "su-kien.yaml" not in run.err  # the event is not blamed
    assert run.seconds < 60
    assert run.peak_mb < 500
    assert not out.exists()
    assert leftovers(tmp_path) == []


def test_compression_ratio_over_the_limit_is_refused(tmp_path: Path) -> None:
    members = parts("x")
    members["word/media/pad.bin"] = bytes(8 << 20)  # 8 MB of zeros: over 1000:1
    path = write_docx(tmp_path / "mau.docx", members)
    error = refused(path, "word/media/pad.bin")
    assert "bom zip" in str(error)


def test_a_small_member_may_pack_tightly(tmp_path: Path) -> None:
    members = parts("x")
    members["word/media/pad.bin"] = bytes(zip_limits.RATIO_FLOOR)  # 1 MB: allowed
    assert read_package(write_docx(tmp_path / "mau.docx", members)).document


def test_too_many_members_are_refused(tmp_path: Path) -> None:
    members = parts("x")
    for i in range(zip_limits.MAX_MEMBERS):
        members[f"word/media/m{i}.bin"] = b"x"
    error = refused(write_docx(tmp_path / "mau.docx", members), None)
    assert "1000" in str(error)


def test_total_size_over_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(zip_limits, "MAX_TOTAL", 3 << 20)  # 256 MB on disk is too much here
    members = parts("x")
    for i in range(4):
        members[f"word/media/m{i}.bin"] = os.urandom(1 << 20)
    error = refused(write_docx(tmp_path / "mau.docx", members), None)
    assert "3 MB" in str(error)


@pytest.mark.parametrize(
    "name", ["../evil.xml", "/etc/evil.xml", "word/../../evil.xml", "word\\evil.xml", "C:/x"]
)
def test_unsafe_member_names_are_refused(tmp_path: Path, name: str) -> None:
    members = parts("x")
    members[name] = b"<x/>"
    refused(write_docx(tmp_path / "mau.docx", members), name)


def test_duplicate_member_names_are_refused(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "mau.docx", parts("x"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate we make
        with zipfile.ZipFile(path, "a") as z:
            z.writestr("word/document.xml", b"<other/>")
            z.writestr("WORD/Media/a.png", b"x")
    refused(path, "word/document.xml")


def test_encrypted_member_is_refused_naming_it(tmp_path: Path) -> None:
    members = parts("x")
    members["word/secret.xml"] = b"<x/>"
    path = write_docx(tmp_path / "mau.docx", members)
    set_method(path, "word/secret.xml", flags=0x1)
    refused(path, "word/secret.xml", "zip-unsupported")


@pytest.mark.parametrize("method", [9, 12, 14])  # deflate64, bzip2, lzma
def test_unsupported_compression_is_refused_naming_the_member(tmp_path: Path, method: int) -> None:
    members = parts("x")
    members["word/styles.xml"] = b"<w:styles/>"
    path = write_docx(tmp_path / "mau.docx", members)
    set_method(path, "word/styles.xml", method)
    refused(path, "word/styles.xml", "zip-unsupported")


def test_too_many_tags_in_one_part_are_refused(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "mau.docx", parts("{{ x }}" * 10_001))
    error = refused(path, "word/document.xml")
    assert "quá nhiều thẻ" in str(error)


def test_too_much_text_in_one_part_is_refused(tmp_path: Path) -> None:
    import random

    rng = random.Random(1)
    words = ["".join(rng.choice("abcdefghik") for _ in range(7)) for _ in range(3000)]
    text = " ".join(rng.choice(words) for _ in range(zip_limits.MAX_TAG_PART // 7))
    path = write_docx(tmp_path / "mau.docx", parts(text))
    error = refused(path, "word/document.xml")
    assert "16 MB" in str(error)


def test_a_clean_package_reads(tmp_path: Path) -> None:
    package = read_package(write_docx(tmp_path / "mau.docx", parts("{{ a }}", header="{{ b }}")))
    assert package.document == "word/document.xml"
    assert package.headers == ["word/header2.xml"]
