"""Where templates come from: ``--templates-dir`` folders, then ``$BAOCAO_TEMPLATES``, then the
built-ins shipped with baocao.

A template NAME is a plain file-name stem (``thong-cao``). In a folder it is either one Word
file per format, ``NAME.nha_nuoc.docx`` and/or ``NAME.dang.docx``, or ``NAME.docx`` for both,
with an optional side file ``NAME.yaml`` (``tieu_de``, ``ten_loai``, ``viet_tat``, ``mo_ta``,
``cai_dat``, and ``moi_muc: khach_moi`` or ``hoc_vien`` for a template that makes one document
per person of that list). The first folder that has a Word file for the name wins. Names that could
leave a template folder are refused.

>>> check_name("thong-cao")
'thong-cao'
>>> check_name("../etc/passwd")
Traceback (most recent call last):
...
baocao.errors.TemplateError: ...
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from baocao.errors import ExportError, Problem, TemplateError

__all__ = [
    "TemplateSpec",
    "builtin_dir",
    "check_name",
    "export_template",
    "find_template",
    "list_templates",
    "template_names",
    "word_files",
]

FORMATS = ("nha_nuoc", "dang")
ENV_VAR = "BAOCAO_TEMPLATES"
SIDE_KEYS = ("tieu_de", "ten_loai", "viet_tat", "mo_ta", "cai_dat", "moi_muc")
#: the lists a per-person template may iterate (side file ``moi_muc``)
MOI_MUC = ("khach_moi", "hoc_vien")
_DRIVE = re.compile(r"^[A-Za-z]:")
_DOCX = re.compile(r"^(?P<name>[^.].*?)(?:\.(?P<fmt>nha_nuoc|dang))?\.docx$")


@dataclass(frozen=True)
class TemplateSpec:
    """A template found in a folder: its Word file(s) per format and its side file's data."""

    name: str
    tieu_de: str | None = None
    ten_loai: str | None = None
    viet_tat: str | None = None
    mo_ta: str | None = None
    cai_dat: dict[str, Any] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    source: str = ""
    #: the list this template makes one document per person of (``khach_moi``, ``hoc_vien``)
    moi_muc: str | None = None

    def docx_for(self, the_thuc: str) -> Path:
        """The Word file for format ``the_thuc`` (``nha_nuoc`` or ``dang``)."""
        from baocao.i18n import _

        path = self.files.get(the_thuc)
        if path is None:
            have = ", ".join(sorted(self.files)) or "-"
            raise TemplateError(
                [
                    Problem(
                        _(
                            "mẫu {name} không có bản cho thể thức {the_thuc} (chỉ có: {have})"
                        ).format(name=self.name, the_thuc=the_thuc, have=have),
                        path=self.source or None,
                    )
                ]
            )
        return path


def check_name(name: str) -> str:
    """``name`` when it is a safe template name, else :class:`TemplateError`."""
    from baocao.i18n import _

    bad = (
        not isinstance(name, str)
        or not name.strip()
        or "/" in name
        or "\\" in name
        or "\x00" in name
        or ".." in name
        or name.startswith(".")
        or bool(_DRIVE.match(name))
        or name != name.strip()
        or os.sep in name
        or (os.altsep is not None and os.altsep in name)
    )
    if bad:
        raise TemplateError(
            _(
                'tên mẫu không hợp lệ: {name!r} (chỉ được là tên tệp, không có thư mục, "..", '
                'dấu "." ở đầu)'
            ).format(name=name)
        )
    return name


@cache
def builtin_dir() -> Path:
    """The built-in templates: ``baocao/templates/docx`` in an installed wheel, the repository's
    ``templates/docx`` in an editable install (found once per process)."""
    here = Path(__file__).resolve().parent
    packaged = here / "templates" / "docx"
    if packaged.is_dir():
        return packaged
    return here.parents[1] / "templates" / "docx"


_REAL: dict[tuple[str, int, int], str] = {}


def real_path(path: Path | str) -> tuple[str, os.stat_result]:
    """``path`` with every symbolic link resolved (``os.path.realpath``) and the file's
    ``stat``; ``OSError`` when it cannot be read. The resolution is remembered per name and
    file identity (device, inode), so a batch asks it once per template, not three times a
    document (issue 11), and a link swapped to another file is resolved again."""
    st = os.stat(path)  # noqa: PTH116 - a str or a Path, no Path made per document
    key = (os.fspath(path), st.st_dev, st.st_ino)
    real = _REAL.get(key)
    if real is None:
        if len(_REAL) >= 1024:  # bounded: a long-lived process with many names
            _REAL.clear()
        real = _REAL[key] = os.path.realpath(path)
    return real, st


def search_dirs(dirs: Iterable[Path | str] = ()) -> list[Path]:
    """The folders searched, in order: ``dirs``, ``$BAOCAO_TEMPLATES``, the built-ins."""
    out = [Path(d) for d in dirs]
    env = os.environ.get(ENV_VAR, "")
    out += [Path(p) for p in env.split(os.pathsep) if p.strip()]
    out.append(builtin_dir())
    return out


def is_builtin(path: Path | str) -> bool:
    """True for a file of the built-in template folder (shipped with baocao), symbolic links
    resolved."""
    try:
        real = Path(real_path(path)[0])
    except OSError:  # missing or unreadable: as its resolved name says
        try:
            real = Path(path).resolve()
        except (OSError, RuntimeError):
            return False
    return real.is_relative_to(_builtin_real())


@cache
def _builtin_real() -> Path:
    return builtin_dir().resolve()


@cache
def _yaml_digest() -> bytes | None:
    """What a side file's parse depends on besides its text: PyYAML's loading code."""
    from baocao.cache import source_digest

    return source_digest("yaml.__init__", "yaml.constructor", "yaml.resolver")


def _side_yaml(path: Path, text: str) -> Any:
    """The YAML of a side file; a built-in one's is kept in the user's cache folder
    (:mod:`baocao.cache`), so that a render of a JSON event needs no PyYAML (~20 ms)."""
    from baocao import cache as user_cache

    key = None
    on = user_cache.folder("sides") is not None and is_builtin(path)
    code = _yaml_digest() if on else None
    if code is not None:
        key = hashlib.sha256(code + text.encode("utf-8")).hexdigest()
        kept = user_cache.read("sides", key)
        if isinstance(kept, tuple) and len(kept) == 1:
            return kept[0]
    import yaml

    from baocao.i18n import _

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise TemplateError(
            [
                Problem(
                    _("tệp mô tả mẫu không phải YAML hợp lệ: {loi}").format(
                        loi=getattr(exc, "problem", None) or exc
                    ),
                    path=str(path),
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                )
            ]
        ) from exc
    if key is not None:
        user_cache.write("sides", key, (data,))  # a value marshal cannot write is not kept
    return data


def _side(path: Path) -> dict[str, Any]:
    from baocao.i18n import _

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(
            [Problem(_("không đọc được tệp mô tả mẫu: {loi}").format(loi=exc), path=str(path))]
        ) from exc
    data = _side_yaml(path, text)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise TemplateError(
            [Problem(_("tệp mô tả mẫu phải là một bảng khóa: giá trị"), path=str(path))]
        )
    problems = []
    for key, value in data.items():
        if key not in SIDE_KEYS:
            problems.append(
                Problem(
                    _("khóa không biết: {key} (chỉ có: {keys})").format(
                        key=key, keys=", ".join(SIDE_KEYS)
                    ),
                    path=str(path),
                    field=str(key),
                )
            )
        elif key == "cai_dat":
            if value is not None and not isinstance(value, dict):
                problems.append(
                    Problem(_("phải là một bảng khóa: giá trị"), path=str(path), field=key)
                )
        elif key == "moi_muc":
            if value is not None and value not in MOI_MUC:
                problems.append(
                    Problem(
                        _("phải là một trong: {keys}").format(keys=", ".join(MOI_MUC)),
                        path=str(path),
                        field=key,
                    )
                )
        elif value is not None and not isinstance(value, str):
            problems.append(Problem(_("phải là chuỗi chữ"), path=str(path), field=key))
    if problems:
        raise TemplateError(problems)
    return data


def _files_in(folder: Path, name: str) -> dict[str, Path]:
    files: dict[str, Path] = {}
    both = folder / f"{name}.docx"
    if both.is_file():
        files = dict.fromkeys(FORMATS, both)
    for fmt in FORMATS:
        one = folder / f"{name}.{fmt}.docx"
        if one.is_file():
            files[fmt] = one
    return files


def _spec(folder: Path, name: str, files: dict[str, Path]) -> TemplateSpec:
    side_path = folder / f"{name}.yaml"
    side = _side(side_path) if side_path.is_file() else {}
    return TemplateSpec(
        name=name,
        tieu_de=side.get("tieu_de"),
        ten_loai=side.get("ten_loai"),
        viet_tat=side.get("viet_tat"),
        mo_ta=side.get("mo_ta"),
        cai_dat=dict(side.get("cai_dat") or {}),
        files=files,
        source=str(folder),
        moi_muc=side.get("moi_muc"),
    )


def _names_in(folder: Path) -> list[str]:
    try:
        entries = sorted(p.name for p in Path(folder).iterdir())
    except OSError:
        return []
    names = []
    for entry in entries:
        m = _DOCX.match(entry)
        if m and not entry.startswith("~$") and m["name"] not in names:
            names.append(m["name"])
    return names


def list_templates(*, dirs: Sequence[Path | str] = ()) -> list[TemplateSpec]:
    """Every template that can be used, first folder winning, sorted by name."""
    seen: dict[str, TemplateSpec] = {}
    for folder in search_dirs(dirs):
        for name in _names_in(folder):
            if name in seen:
                continue
            files = _files_in(folder, name)
            if files:
                seen[name] = _spec(folder, name, files)
    return [seen[n] for n in sorted(seen)]


def template_names(*, dirs: Sequence[Path | str] = ()) -> list[str]:
    """The names of every template that can be found (side files are not read), sorted."""
    names: set[str] = set()
    for folder in search_dirs(dirs):
        names.update(n for n in _names_in(folder) if _files_in(folder, n))
    return sorted(names)


def missing_templates(names: Iterable[str], *, dirs: Sequence[Path | str] = ()) -> list[str]:
    """Those of ``names`` not in ``template_names(dirs=dirs)``, found without looking at
    every other template."""
    missing = list(names)
    builtin = builtin_dir()
    for folder in search_dirs(dirs):
        if not missing:
            break
        if folder == builtin:  # shipped with baocao: listed once per process
            missing = [n for n in missing if n not in _builtin_names()]
            continue
        listed = set(_names_in(folder))
        missing = [n for n in missing if not (n in listed and _files_in(folder, n))]
    return missing


@cache
def _builtin_names() -> frozenset[str]:
    """The built-in templates' names: every event asks (``van_ban`` keys), none changes."""
    folder = builtin_dir()
    return frozenset(n for n in _names_in(folder) if _files_in(folder, n))


def find_template(name: str, *, dirs: Sequence[Path | str] = ()) -> TemplateSpec:
    """The template called ``name``; :class:`TemplateError` (with the known names and a
    "did you mean") when there is none."""
    from baocao.i18n import _

    check_name(name)
    folders = search_dirs(dirs)
    for folder in folders:
        files = _files_in(folder, name)
        if files:
            return _spec(folder, name, files)
    known: list[str] = []
    for folder in folders:
        known += [n for n in _names_in(folder) if n not in known]
    message = _("không có mẫu {name!r}; các mẫu có: {known}").format(
        name=name, known=", ".join(sorted(known)) or "-"
    )
    from baocao.suggest import did_you_mean

    close = did_you_mean(name, known)
    if close:
        message += _(" — có phải {goi_y!r}?").format(goi_y=close)
    raise TemplateError([Problem(message, code="template-not-found")])


# --- template files on disk: check targets, export ------------------------------------------

_WORD_SUFFIXES = (".docx", ".doc", ".docm", ".dotx", ".odt", ".fodt", ".rtf", ".dox", ".dcx")


def word_files(target: str | Path, *, dirs: Sequence[Path | str] = ()) -> list[Path]:
    """The Word files ``target`` names: a ``.docx`` file, every ``.docx`` in a folder (not
    Word's ``~$`` lock files), or the files of the template called ``target``. A target with
    a folder or a file extension in it is a file, even a missing one (a mistyped path).

    >>> word_files("mau/thong-cao.dox")
    [PosixPath('mau/thong-cao.dox')]
    """
    path = Path(target)
    if path.is_dir():
        return sorted(p for p in path.glob("*.docx") if not p.name.startswith(("~$", ".")))
    if path.exists() or len(path.parts) > 1 or path.suffix.lower() in _WORD_SUFFIXES:
        return [path]

    spec = find_template(str(target), dirs=dirs)
    return sorted(set(spec.files.values()))


def export_template(
    name: str, out_dir: Path | str, *, force: bool = False, dirs: Sequence[Path | str] = ()
) -> list[Path]:
    """Copy the Word file(s) and side file of template ``name`` into ``out_dir``, each
    atomically; nothing is written when one target exists and ``force`` is not given."""
    from baocao.i18n import _
    from baocao.rendering.atomic import write_atomic

    spec = find_template(name, dirs=dirs)
    sources = sorted(set(spec.files.values()))
    side = Path(spec.source) / f"{spec.name}.yaml"
    if side.is_file():
        sources.append(side)
    targets = [(src, Path(out_dir) / src.name) for src in sources]
    existing = [t for _s, t in targets if t.exists()]
    if existing and not force:
        raise ExportError(
            [
                Problem(_("tệp đã có; dùng --force để ghi đè"), path=str(t), code="exists")
                for t in existing
            ]
        )
    for src, target in targets:
        if src.resolve() == target.resolve():
            continue
        write_atomic(target, src.read_bytes(), force=force)
    return [t for _s, t in targets]
