"""The temporary file of an atomic write: a name another process left behind is skipped,
a missing folder is made, nothing of ours is left behind."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from baocao.rendering import atomic


def test_a_leftover_temporary_name_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic, "_serial", itertools.count())
    stale = [tmp_path / f".a.docx.{os.getpid()}-{n}.tmp" for n in range(2)]
    for path in stale:
        path.write_bytes(b"left by a process that died")
    atomic.write_atomic(tmp_path / "a.docx", b"new")
    assert (tmp_path / "a.docx").read_bytes() == b"new"
    assert [p.read_bytes() for p in stale] == [b"left by a process that died"] * 2
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["a.docx", *(p.name for p in stale)]
    )


@pytest.mark.parametrize("force", [False, True])
def test_the_folder_is_made_and_no_temporary_file_stays(tmp_path: Path, force: bool) -> None:
    target = tmp_path / "mới" / "sâu" / "b.docx"
    atomic.write_atomic(target, b"x" * 100_000, force=force, sync=False)
    atomic.write_atomic(target, b"y", force=True)
    assert target.read_bytes() == b"y"
    assert [p.name for p in target.parent.iterdir()] == ["b.docx"]


def test_without_force_an_existing_file_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "c.docx"
    target.write_bytes(b"old")
    with pytest.raises(atomic.RenderError):
        atomic.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["c.docx"]


@pytest.mark.parametrize("count", [1, 3, 17])
def test_a_batch_is_synced_file_by_file_when_small(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    """One ``sync()`` waits for every file system: a few files are fsynced one by one."""
    files = [tmp_path / f"{i}.docx" for i in range(count)]
    for f in files:
        atomic.write_atomic(f, b"x", sync=False)
    synced: list[int] = []
    if hasattr(os, "sync"):
        monkeypatch.setattr(atomic.os, "sync", lambda: synced.append(1))
    atomic.sync_outputs(files)
    assert len(synced) == (1 if count > atomic._FSYNC_EACH and hasattr(os, "sync") else 0)
    assert [f.read_bytes() for f in files] == [b"x"] * count
