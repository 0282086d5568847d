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
import itertools
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from baocao.errors import Problem, RenderError

__all__ = ["check_target", "os_error", "word_lock", "write_atomic"]


def _exists_error(path: Path) -> RenderError:
    from baocao.i18n import _

    if path.is_dir():
        return RenderError(
            [Problem(_("đây là thư mục, không phải tệp"), path=str(path), code="is-folder")]
        )
    return RenderError(
        [Problem(_("tệp đã có; dùng --force để ghi đè"), path=str(path), code="exists")]
    )


def word_lock(path: Path) -> Path | None:
    """Word's owner file (``~$name.docx``) beside ``path``, which says Word has it open; None
    when there is none. Word drops the first two letters of a long name (``~$ng-cao.docx``
    for ``thong-cao.docx``).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "~$ong-cao.docx").write_bytes(b"")
    >>> word_lock(d / "thong-cao.docx").name, word_lock(d / "a.docx")
    ('~$ong-cao.docx', None)
    """
    for name in (f"~${path.name}", f"~${path.name[2:]}", f"~${path.name[1:]}"):
        candidate = path.with_name(name)
        if len(name) > 2 + len(path.suffix) and candidate.is_file():
            return candidate
    return None


def _open_in_word(path: Path) -> RenderError:
    from baocao.i18n import _

    message = _("tệp đang mở trong Word (hoặc chương trình khác); đóng tệp trong Word rồi chạy lại")
    return RenderError([Problem(message, path=str(path), code="open-in-word")])


_ABSENT = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)
_ABSENT_WINERRORS = (21, 123, 1921)  # not ready, invalid name, symbolic link loop


def check_target(path: Path | str, *, force: bool = False) -> None:
    """Raise :class:`RenderError` when ``path`` cannot take a new file: it is a folder, it
    exists and ``force`` is not given, or Word has it open (its ``~$`` owner file is beside
    it). Checked before the work, so nothing is rendered for an output that would be
    refused."""
    path = Path(path)
    try:
        mode = path.stat().st_mode  # one system call: exists, and what it is
    except OSError as exc:
        if exc.errno in _ABSENT or getattr(exc, "winerror", None) in _ABSENT_WINERRORS:
            return  # what pathlib's exists() calls "does not exist"
        raise _os_error(path, exc) from None  # a name too long, a folder that cannot be read
    except ValueError:  # a NUL in the name: pathlib's exists() says it does not exist
        return
    if stat.S_ISDIR(mode) or not force:
        raise _exists_error(path)
    if word_lock(path) is not None:
        raise _open_in_word(path)


def _nearest_existing(folder: Path) -> Path:
    """``folder``, or its nearest ancestor that exists (a folder, or a file in the way)."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return candidate
    return folder


WINERROR_SHARING_VIOLATION = 32  # "the process cannot access the file…" (open in Word)
WINERROR_LOCK_VIOLATION = 33
WINERROR_FILENAME_EXCED_RANGE = 206  # a path over MAX_PATH (260 characters)


def _os_error(path: Path, exc: OSError) -> RenderError:
    """An ``OSError`` met while writing ``path``, said in the user's language with its fix."""
    from baocao.i18n import _

    there = _nearest_existing(path.parent)
    code = exc.errno
    winerror = getattr(exc, "winerror", None)
    if winerror in (WINERROR_SHARING_VIOLATION, WINERROR_LOCK_VIOLATION) or code in (
        errno.EBUSY,
        errno.ETXTBSY,
    ):
        return _open_in_word(path)
    if code in (errno.EACCES, errno.EPERM) and path.exists() and word_lock(path) is not None:
        return _open_in_word(path)
    if winerror == WINERROR_FILENAME_EXCED_RANGE or code == errno.ENAMETOOLONG:
        message = _(
            "đường dẫn quá dài ({so} ký tự; Windows chỉ cho 260); chọn thư mục ngắn hơn với -o "
            "hoặc đặt tên tệp sự kiện ngắn hơn"
        ).format(so=len(str(path.absolute())))
    elif not there.is_dir() and code in (errno.EEXIST, errno.ENOTDIR):
        message = _("{tep} là một tệp, không phải thư mục").format(tep=there)
    elif code in (errno.EACCES, errno.EPERM):
        message = _("không có quyền ghi vào thư mục {thu_muc}").format(thu_muc=there)
    elif code == errno.EROFS:
        message = _(
            "ổ đĩa chỉ cho đọc (thư mục {thu_muc}), không ghi được; chọn thư mục khác với -o"
        ).format(thu_muc=there)
    elif code in (errno.ENOSPC, errno.EDQUOT):
        message = _("ổ đĩa đã đầy; xoá bớt tệp hoặc chọn ổ khác với -o")
    elif code == errno.EISDIR:
        message = _("đây là thư mục, không phải tệp")
    else:
        message = _("không ghi được tệp: {loi}").format(loi=exc.strerror or exc)
    return RenderError([Problem(message, path=str(path), code="os")])


def os_error(path: Path | str, exc: OSError) -> RenderError:
    """The :class:`RenderError` for ``exc``, met while writing ``path`` (public face of
    the messages above)."""
    return _os_error(Path(path), exc)


_TEMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
_TEMP_FLAGS |= getattr(os, "O_BINARY", 0)  # Windows: no newline translation
_serial = itertools.count()


def _open_temp(path: Path) -> tuple[int, Path]:
    """A new, empty temporary file beside ``path`` (``.NAME.PID-N.tmp``), open for writing;
    its folder is made when missing. Created with mode 0o666, so the umask gives it the
    permissions of any new file (a ``tempfile`` is 0o600 and needs a chmod)."""
    folder = path.parent
    for attempt in range(100):
        tmp_path = folder / f".{path.name}.{os.getpid()}-{next(_serial)}.tmp"
        try:
            return os.open(tmp_path, _TEMP_FLAGS, 0o666), tmp_path
        except FileExistsError:  # left by a process that died with our pid: take another
            continue
        except FileNotFoundError:
            if attempt:
                raise
            folder.mkdir(parents=True, exist_ok=True)
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def write_atomic(path: Path | str, data: bytes, *, force: bool = False, sync: bool = True) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.
    An existing ``path`` is replaced only with ``force``; otherwise :class:`RenderError` and
    nothing is touched. On any error the temporary file is removed and an old ``path`` is left
    as it was. With ``sync`` (the default) the file and its folder are fsynced before this
    returns; a batch passes ``sync=False`` and calls :func:`sync_outputs` once at the end.
    Ctrl-C, SIGTERM and SIGHUP never leave the temporary file behind."""
    from baocao.rendering.signals import hold, release

    path = Path(path)
    check_target(path, force=force)
    tmp_path: Path | None = None
    fd = -1
    linked = False
    # Ctrl-C, SIGTERM, SIGHUP wait until the temporary file is known to the cleanup below
    holding = hold()
    try:
        fd, tmp_path = _open_temp(path)
        was_holding, holding = holding, False
        release(was_holding)  # a signal that came meanwhile is raised here, inside the try
        _write_all(fd, data)
        if sync:
            os.fsync(fd)
        fd, closing = -1, fd
        os.close(closing)
        if force:
            tmp_path.replace(path)
        else:
            try:  # link() fails if the file appeared meanwhile: never overwrite by accident
                os.link(tmp_path, path)
                linked = True
            except FileExistsError:
                raise _exists_error(path) from None
            except OSError:  # no hard links on this file system
                if path.exists():
                    raise _exists_error(path) from None
                tmp_path.replace(path)
    except BaseException as exc:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
        if tmp_path is not None:
            with contextlib.suppress(OSError):
                tmp_path.unlink()
        if isinstance(exc, OSError):
            raise _os_error(path, exc) from exc
        raise
    finally:
        release(holding)
    if linked:
        with contextlib.suppress(OSError):
            tmp_path.unlink()
    if sync:
        _fsync_dir(path.parent)
    return path


_FSYNC_EACH = 16  # up to this many files, an fsync each is cheaper than one sync()


def sync_outputs(paths: Iterable[Path]) -> None:
    """Make the files of a batch durable at once: one ``sync()`` of the file systems where the
    platform has it (Linux, macOS) and the batch is large, else an fsync of each file; then
    each folder once.
    Cheaper than two fsyncs per document and as safe once it returns: a crash before it may
    lose whole documents, never leave half of one (each was renamed into place whole)."""
    files = list(paths)
    if not files:
        return
    if hasattr(os, "sync") and len(files) > _FSYNC_EACH:
        os.sync()
    else:  # a few files (one sync() waits for every file system), or Windows
        for file in files:
            with contextlib.suppress(OSError), file.open("rb+") as handle:
                os.fsync(handle.fileno())
    for folder in sorted({f.parent for f in files}):
        _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
