"""Writing output files atomically: a reader sees the old file or the new one, never half.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_atomic(d / "a.docx", b"one").read_bytes()
b'one'
>>> write_atomic(d / "a.docx", b"two")
Traceback (most recent call last):
...
baocao.errors.RenderError: ...
>>> write_atomic(d / "a.docx", b"two", force=True).read_bytes()
b'two'
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from pathlib import Path

from baocao.errors import Problem, RenderError

__all__ = ["write_atomic"]


def _exists_error(path: Path) -> RenderError:
    from baocao.i18n import _

    return RenderError(
        [Problem(_("tệp đã có; dùng --force để ghi đè"), path=str(path), code="exists")]
    )


def write_atomic(path: Path | str, data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder (fsync, then
    rename). An existing ``path`` is replaced only with ``force``; otherwise
    :class:`RenderError` and nothing is touched. On any error the temporary file is removed
    and an old ``path`` is left as it was."""
    from baocao.i18n import _

    path = Path(path)
    if not force and path.exists():
        raise _exists_error(path)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, renamed or removed
            dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False
        )
    except OSError as exc:
        raise RenderError(
            [Problem(_("không ghi được tệp: {loi}").format(loi=exc.strerror), path=str(path))]
        ) from exc
    tmp_path = Path(tmp.name)
    try:
        with tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        with contextlib.suppress(OSError):
            tmp_path.chmod(0o666 & ~_umask())
        if force:
            tmp_path.replace(path)
        else:
            try:  # link() fails if the file appeared meanwhile: never overwrite by accident
                os.link(tmp_path, path)
            except FileExistsError:
                raise _exists_error(path) from None
            except OSError:  # no hard links on this file system
                if path.exists():
                    raise _exists_error(path) from None
                tmp_path.replace(path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp_path.unlink()
        if isinstance(exc, OSError):
            raise RenderError(
                [Problem(_("không ghi được tệp: {loi}").format(loi=exc.strerror), path=str(path))]
            ) from exc
        raise
    with contextlib.suppress(OSError):
        tmp_path.unlink()
    _fsync_dir(folder)
    return path


@functools.cache
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
