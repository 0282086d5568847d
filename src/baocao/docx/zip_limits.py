"""Limits on a .docx package, checked from the zip directory before any member is read.

A template may come from anyone, and a zip says how big its members are before they are
unpacked: a 2 MB file can hold a 2 GiB member of zeros. Apache POI's ``ZipSecureFile`` is
the model. A package is refused (:class:`~baocao.errors.TemplateError` naming the member)
when it has

- more than :data:`MAX_MEMBERS` members;
- a member larger than :data:`MAX_MEMBER` unpacked, or all members together larger than
  :data:`MAX_TOTAL`;
- a member larger than :data:`RATIO_FLOOR` that unpacks to more than :data:`MAX_RATIO`
  times its packed size (Word's XML packs 5–30 times, a zip bomb thousands of times);
- a member name that is absolute, goes up (``..``), holds a backslash or a NUL, or is
  given twice (also when only the case differs: part names in Office are case-blind);
- an encrypted member, or one packed with anything but "stored" and "deflate"
  (deflate64, bzip2, lzma…).

The parts that take tags (document, headers, footers, notes) are also limited in size
(:data:`MAX_TAG_PART`) and in the ``{`` they hold (:data:`MAX_BRACES`, a bound on the
number of tags), since each tag costs memory to compile.

Members are then read with :func:`read_member`, which never reads more than the directory
announced (``zipfile`` checks that too, with the CRC).
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from baocao.errors import Problem, TemplateError

__all__ = [
    "MAX_BRACES",
    "MAX_MEMBER",
    "MAX_MEMBERS",
    "MAX_RATIO",
    "MAX_TAG_PART",
    "MAX_TOTAL",
    "RATIO_FLOOR",
    "check_directory",
    "check_tag_part",
    "read_member",
]

MiB = 1 << 20
MAX_MEMBERS = 1000
MAX_MEMBER = 64 * MiB
MAX_TOTAL = 256 * MiB
MAX_RATIO = 100
RATIO_FLOOR = 1 * MiB
MAX_TAG_PART = 16 * MiB
MAX_BRACES = 20_000  # "{" in one part: at most 10,000 tags
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


def _refuse(path: Path, member: str | None, message: str, code: str = "zip-limit") -> TemplateError:
    return TemplateError([Problem(message, path=str(path), part=member, code=code)])


def _bad_name(name: str) -> bool:
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return True
    if len(name) > 1 and name[1] == ":":  # C:...
        return True
    return any(piece in ("..", ".") for piece in name.rstrip("/").split("/"))


def check_directory(infos: list[zipfile.ZipInfo], path: Path) -> None:
    """Refuse the package at ``path`` when its directory ``infos`` breaks a limit."""
    from baocao.i18n import _

    if len(infos) > MAX_MEMBERS:
        raise _refuse(
            path,
            None,
            _("tệp .docx có {so} thành phần, quá giới hạn {toi_da}").format(
                so=len(infos), toi_da=MAX_MEMBERS
            ),
        )
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if _bad_name(name):
            raise _refuse(path, name, _("tên thành phần không an toàn (tuyệt đối, '..' hoặc '\\')"))
        key = name.casefold()
        if key in seen:
            raise _refuse(path, name, _("tên thành phần lặp lại"))
        seen.add(key)
        if info.flag_bits & 0x1:
            raise _refuse(path, name, _("thành phần bị mã hóa (đặt mật khẩu)"), "zip-unsupported")
        if info.compress_type not in _METHODS:
            raise _refuse(
                path,
                name,
                _("thành phần nén theo cách không hỗ trợ (mã {ma})").format(ma=info.compress_type),
                "zip-unsupported",
            )
        size = info.file_size
        if size > MAX_MEMBER:
            raise _refuse(
                path,
                name,
                _("thành phần giải nén ra {mb} MB, quá giới hạn {toi_da} MB").format(
                    mb=size // MiB, toi_da=MAX_MEMBER // MiB
                ),
            )
        if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
            raise _refuse(
                path,
                name,
                _("thành phần nén quá chặt ({ty_le}:1, giới hạn {toi_da}:1): có thể là bom zip")
                .format(ty_le=size // max(info.compress_size, 1), toi_da=MAX_RATIO),
            )  # fmt: skip
        total += size
        if total > MAX_TOTAL:
            raise _refuse(
                path,
                None,
                _("tệp .docx giải nén ra hơn {toi_da} MB").format(toi_da=MAX_TOTAL // MiB),
            )


def read_member(z: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
    """The bytes of ``info``, never more than the directory announced."""
    from baocao.i18n import _

    try:
        with z.open(info) as f:
            data = f.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise _refuse(
            path, info.filename, _("không giải nén được: {loi}").format(loi=exc), "zip-unsupported"
        ) from exc
    if len(data) > info.file_size:  # pragma: no cover - zipfile stops at file_size
        raise _refuse(path, info.filename, _("thành phần lớn hơn kích thước đã khai"))
    return data


def check_tag_part(data: bytes, member: str, path: Path) -> None:
    """Refuse a part that takes tags when it is too big, or holds too many tags."""
    from baocao.i18n import _

    if len(data) > MAX_TAG_PART:
        raise _refuse(
            path,
            member,
            _("phần này dài {mb} MB, quá giới hạn {toi_da} MB cho một phần có thẻ").format(
                mb=len(data) // MiB, toi_da=MAX_TAG_PART // MiB
            ),
        )
    braces = data.count(b"{")
    if braces > MAX_BRACES:
        raise _refuse(
            path,
            member,
            _("phần này có quá nhiều thẻ ({so} dấu «{{», giới hạn {toi_da})").format(
                so=braces, toi_da=MAX_BRACES
            ),
        )
