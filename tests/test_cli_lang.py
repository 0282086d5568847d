"""Every word in Vietnamese by default and in English with ``--lang en`` (before or after the
sub-command) or ``BAOCAO_LANG``: click's own messages and every ``--help``, which ends with
examples; ``-t`` lists the templates."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from baocao import i18n
from baocao.cli import COMMANDS, cli

VIETNAMESE = re.compile(
    "[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", re.I
)
HELP_PAGES = [[name] for name in COMMANDS] + [["templates", "show"], ["templates", "export"]]


def invoke(args: list[str]) -> Result:
    return CliRunner().invoke(cli, args, prog_name="baocao")


@pytest.fixture(autouse=True)
def restore() -> Iterator[None]:
    yield
    i18n.set_language(None)


def test_click_errors_are_vietnamese_by_default() -> None:
    done = invoke(["render", "a.yaml"])
    assert done.exit_code == 2
    assert done.stderr.splitlines() == [
        "Cách dùng: baocao render [TUỲ CHỌN] EVENTS...",
        "Gõ 'baocao render --help' để xem hướng dẫn.",
        "",
        "Lỗi: Thiếu tuỳ chọn '-t' / '--template'.",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "en", "render", "a.yaml"],
        ["render", "a.yaml", "--lang", "en"],
        ["render", "--lang=en", "a.yaml"],
    ],
)
def test_lang_en_before_or_after_the_command(args: list[str]) -> None:
    done = invoke(args)
    assert done.exit_code == 2
    assert "Error: Missing option '-t' / '--template'." in done.stderr
    assert "Try 'baocao render --help' for help." in done.stderr


def test_an_unknown_option_and_a_bad_value_in_both_languages() -> None:
    done = invoke(["validate", "x.yaml", "--bad"])
    assert "Lỗi: Không có tuỳ chọn '--bad'." in done.stderr
    done = invoke(["validate", "x.yaml", "--format", "xml", "--lang", "en"])
    assert "Invalid value for '--format': 'xml' is not one of 'text', 'json', 'github'." in (
        done.stderr
    )
    done = invoke(["validate", "x.yaml", "--format", "xml"])
    assert "Giá trị không hợp lệ cho '--format': 'xml' không phải một trong" in done.stderr


@pytest.mark.parametrize("page", HELP_PAGES, ids=" ".join)
def test_every_help_is_vietnamese_with_examples(page: list[str]) -> None:
    done = invoke([*page, "--help"])
    assert done.exit_code == 0, done.output
    assert done.stdout.startswith("Cách dùng: baocao ")
    assert "Tuỳ chọn:" in done.stdout and "In hướng dẫn này rồi thoát." in done.stdout
    examples = done.stdout.split("Ví dụ:")[1].splitlines()
    assert sum(line.strip().startswith("baocao ") for line in examples) >= 1


@pytest.mark.parametrize("page", HELP_PAGES, ids=" ".join)
def test_every_help_is_english_with_lang_en(page: list[str]) -> None:
    done = invoke([*page, "--help", "--lang", "en"])
    assert done.exit_code == 0, done.output
    assert done.stdout.startswith("Usage: baocao ")
    assert "Examples:" in done.stdout and "Show this message and exit." in done.stdout
    quoted_out = re.sub(r'"[^"]*"', "", done.stdout)  # literal text quoted from a file
    assert not VIETNAMESE.findall(quoted_out), done.stdout


def test_the_main_commands_show_two_or_three_examples() -> None:
    for name in ("render", "validate", "check", "preview", "completion"):
        done = invoke([name, "--help"])
        examples = done.stdout.split("Ví dụ:")[1].splitlines()
        assert 2 <= sum(line.strip().startswith(("baocao ", "cat ")) for line in examples) <= 3


def test_template_option_lists_the_templates() -> None:
    done = invoke(["render", "--help"])
    flat = " ".join(done.stdout.split())
    assert (
        "Mẫu có: bao-cao-tong-ket, chuong-trinh, giay-chung-nhan, giay-moi, ke-hoach, "
        "phat-bieu-be-mac, phat-bieu-khai-mac, thong-cao, tin-bai." in flat.replace("- ", "-")
    )


def test_baocao_lang_in_a_child_process(tmp_path: Path) -> None:
    env = {**os.environ, "BAOCAO_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-m", "baocao", "preview", "x.yaml"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("Usage: baocao preview [OPTIONS] EVENT")
    assert "Error: Missing option '-t' / '--template'." in done.stderr


def test_the_group_help_in_english_lists_commands_in_english() -> None:
    done = invoke(["--help", "--lang", "en"])
    assert "Commands:" in done.stdout
    assert "Print the Tab-completion script for bash, zsh or fish." in done.stdout
    assert not VIETNAMESE.findall(done.stdout), done.stdout


def test_template_option_lists_the_templates_of_templates_dir(tmp_path: Path) -> None:
    from conftest import TEMPLATES

    for suffix in (".nha_nuoc.docx", ".yaml"):
        shutil.copy(TEMPLATES / f"tin-bai{suffix}", tmp_path / f"ban-tin-rieng{suffix}")
    done = invoke(["preview", "--templates-dir", str(tmp_path), "--help"])
    flat = " ".join(done.stdout.split()).replace("- ", "-")
    assert "Mẫu có: ban-tin-rieng, bao-cao-tong-ket," in flat
