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
import errno
import functools
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from baocao.errors import Problem, RenderError

__all__ = ["check_target", "write_atomic"]


def _exists_error(path: Path) -> RenderError:
    from baocao.i18n import _

    if path.is_dir():
        return RenderError(
            [Problem(_("đây là thư mục, không phải tệp"), path=str(path), code="is-folder")]
        )
    return RenderError(
        [Problem(_("tệp đã có; dùng --force để ghi đè"), path=str(path), code="exists")]
    )


def check_target(path: Path | str, *, force: bool = False) -> None:
    """Raise :class:`RenderError` when ``path`` cannot take a new file: it is a folder, or it
    exists and ``force`` is not given. Checked before the work, so nothing is rendered for
    an output that would be refused."""
    path = Path(path)
    if path.is_dir() or (not force and path.exists()):
        raise _exists_error(path)


def _nearest_existing(folder: Path) -> Path:
    """``folder``, or its nearest ancestor that exists (a folder, or a file in the way)."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return candidate
    return folder


def _os_error(path: Path, exc: OSError) -> RenderError:
    """An ``OSError`` met while writing ``path``, said in the user's language."""
    from baocao.i18n import _

    there = _nearest_existing(path.parent)
    code = exc.errno
    if not there.is_dir() and code in (errno.EEXIST, errno.ENOTDIR):
        message = _("{tep} là một tệp, không phải thư mục").format(tep=there)
    elif code in (errno.EACCES, errno.EPERM):
        message = _("không có quyền ghi vào thư mục {thu_muc}").format(thu_muc=there)
    elif code == errno.EROFS:
        message = _("ổ đĩa chỉ cho đọc, không ghi được")
    elif code in (errno.ENOSPC, errno.EDQUOT):
        message = _("ổ đĩa đã đầy")
    elif code == errno.EISDIR:
        message = _("đây là thư mục, không phải tệp")
    elif code == errno.ENAMETOOLONG:
        message = _("tên tệp quá dài")
    else:
        message = _("không ghi được tệp: {loi}").format(loi=exc.strerror or exc)
    return RenderError([Problem(message, path=str(path), code="os")])


def write_atomic(path: Path | str, data: bytes, *, force: bool = False, sync: bool = True) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.
    An existing ``path`` is replaced only with ``force``; otherwise :class:`RenderError` and
    nothing is touched. On any error the temporary file is removed and an old ``path`` is left
    as it was. With ``sync`` (the default) the file and its folder are fsynced before this
    returns; a batch passes ``sync=False`` and calls :func:`sync_outputs` once at the end."""
    path = Path(path)
    check_target(path, force=force)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, renamed or removed
            dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False
        )
    except OSError as exc:
        raise _os_error(path, exc) from exc
    tmp_path = Path(tmp.name)
    try:
        with tmp:
            tmp.write(data)
            tmp.flush()
            if sync:
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
            raise _os_error(path, exc) from exc
        raise
    with contextlib.suppress(OSError):
        tmp_path.unlink()
    if sync:
        _fsync_dir(folder)
    return path


def sync_outputs(paths: Iterable[Path]) -> None:
    """Make the files of a batch durable at once: one ``sync()`` of the file systems where the
    platform has it (Linux, macOS), else an fsync of each file; then each folder once.
    Cheaper than two fsyncs per document and as safe once it returns: a crash before it may
    lose whole documents, never leave half of one (each was renamed into place whole)."""
    files = list(paths)
    if not files:
        return
    if hasattr(os, "sync"):
        os.sync()
    else:  # pragma: no cover - Windows
        for file in files:
            with contextlib.suppress(OSError), file.open("rb+") as handle:
                os.fsync(handle.fileno())
    for folder in sorted({f.parent for f in files}):
        _fsync_dir(folder)


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
