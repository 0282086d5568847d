"""render / render_bytes / default_output / write_atomic: the right file, its properties, and
an atomic write that never leaves a partial file or overwrites without --force."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
from pathlib import Path

import docx
import pytest

from baocao.errors import RenderError, TemplateError
from baocao.event.loading import load_event
from baocao.registry import TemplateSpec, find_template
from baocao.rendering.atomic import write_atomic
from baocao.rendering.document import default_output, render, render_bytes
from baocao.vi import chuan_dau
from conftest import EXAMPLES, TEMPLATES, iter_paragraphs

# messages in Vietnamese, whatever an earlier test in this process chose (conftest)
pytestmark = pytest.mark.usefixtures("vietnamese")


SEED = EXAMPLES / "lop-boi-duong-dan-van.yaml"
needs_builtins = pytest.mark.skipif(
    not (TEMPLATES / "thong-cao.yaml").exists(), reason="built-in templates not there yet"
)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def broken_template_dir(tmp_path: Path) -> Path:
    """A template that fails half-way: its header is fine, its body asks for a missing key."""
    d = tmp_path / "mau"
    d.mkdir()
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "{{ co_quan.ten }}"
    document.add_paragraph("{{ su_kien.ten }}")
    document.add_paragraph("{{ khong_co_khoa_nay }}")
    document.save(str(d / "hong.docx"))
    return d


@needs_builtins
def test_render_writes_the_document_with_its_properties(tmp_path: Path) -> None:
    event = load_event(SEED)
    out = render(event, template="thong-cao", out=tmp_path / "tc.docx")
    assert out == tmp_path / "tc.docx"
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in iter_paragraphs(document))
    kieu = event.dau_thanh
    assert chuan_dau("lớp bồi dưỡng nghiệp vụ công tác dân vận", kieu=kieu) in text
    core = document.core_properties
    assert core.title == "Thông cáo báo chí: Lớp bồi dưỡng nghiệp vụ công tác dân vận"
    assert core.author == chuan_dau("Ban Dân vận Tỉnh ủy", kieu=kieu)
    # the document date (van_ban.chung.ngay: 2024-11-01), at midnight
    assert core.created == dt.datetime(2024, 11, 1, tzinfo=dt.UTC)
    assert render_bytes(event, template="thong-cao") == out.read_bytes()
    assert leftovers(tmp_path) == []


@needs_builtins
def test_created_falls_back_to_the_event_start_at_midnight() -> None:
    event = load_event(SEED)
    event = event.model_copy(update={"van_ban": {}})
    data = render_bytes(event, template="tin-bai")
    core = docx.Document(io.BytesIO(data)).core_properties
    start = event.su_kien.bat_dau
    day = start.date() if isinstance(start, dt.datetime) else start
    assert core.created == dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
    assert core.title == "Tin bài: Lớp bồi dưỡng nghiệp vụ công tác dân vận"


@needs_builtins
def test_existing_output_is_kept_without_force_and_replaced_with_it(tmp_path: Path) -> None:
    event = load_event(SEED)
    out = tmp_path / "tc.docx"
    out.write_bytes(b"old")
    with pytest.raises(RenderError) as info:
        render(event, template="thong-cao", out=out)
    assert "--force" in str(info.value)
    assert out.read_bytes() == b"old"
    render(event, template="thong-cao", out=out, force=True)
    assert out.read_bytes()[:2] == b"PK"
    assert leftovers(tmp_path) == []


def test_failure_mid_render_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    event = load_event(SEED)
    templates = broken_template_dir(tmp_path)
    out = tmp_path / "ra" / "hong.docx"
    out.parent.mkdir()
    out.write_bytes(b"old")
    with pytest.raises(TemplateError) as info:
        render(event, template="hong", out=out, force=True, dirs=[templates])
    (problem,) = info.value.problems
    assert "'khong_co_khoa_nay' is undefined" in problem.message
    assert problem.path == str(templates / "hong.docx")
    assert out.read_bytes() == b"old"
    assert leftovers(out.parent) == []
    fresh = tmp_path / "ra" / "moi.docx"
    with pytest.raises(TemplateError):
        render(event, template="hong", out=fresh, dirs=[templates])
    assert not fresh.exists()


def test_failure_while_writing_removes_the_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "a.docx"
    out.write_bytes(b"old")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(RenderError, match="ổ đĩa đã đầy"):
        write_atomic(out, b"new" * 1000, force=True)
    assert out.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_write_atomic_creates_missing_folders_and_never_overwrites_by_accident(
    tmp_path: Path,
) -> None:
    out = tmp_path / "x" / "y" / "a.docx"
    write_atomic(out, b"one")
    assert out.read_bytes() == b"one"
    with pytest.raises(RenderError):
        write_atomic(out, b"two")
    assert out.read_bytes() == b"one"
    write_atomic(out, b"two", force=True)
    assert out.read_bytes() == b"two"
    assert leftovers(out.parent) == []
    if os.name == "posix":  # the usual permissions, not the temp file's 0600
        mask = os.umask(0o022)
        os.umask(mask)
        assert out.stat().st_mode & 0o777 == 0o666 & ~mask


def test_render_accepts_a_spec_and_picks_the_file_of_the_format(tmp_path: Path) -> None:
    d = tmp_path / "mau"
    d.mkdir()
    for fmt in ("dang", "nha_nuoc"):
        document = docx.Document()
        document.add_paragraph(f"Bản {fmt}: {{{{ su_kien.ten }}}}")
        document.save(str(d / f"hai.{fmt}.docx"))
    spec = find_template("hai", dirs=[d])
    assert isinstance(spec, TemplateSpec)
    event = load_event(SEED)
    for fmt in ("dang", "nha_nuoc"):
        ev = event.model_copy(update={"the_thuc": fmt})
        data = render_bytes(ev, template=spec)
        lines = [p.text for p in iter_paragraphs(docx.Document(io.BytesIO(data)))]
        assert lines[-1] == chuan_dau(
            f"Bản {fmt}: lớp bồi dưỡng nghiệp vụ công tác dân vận", kieu=ev.dau_thanh
        )


def test_default_output_is_next_to_the_event_or_in_out_dir(tmp_path: Path) -> None:
    copy = tmp_path / "su-kien-a.yaml"
    shutil.copyfile(SEED, copy)
    event = load_event(copy)
    assert default_output(event, "thong-cao") == tmp_path / "su-kien-a-thong-cao.docx"
    assert default_output(event, "tin-bai", tmp_path / "ra") == (
        tmp_path / "ra" / "su-kien-a-tin-bai.docx"
    )
