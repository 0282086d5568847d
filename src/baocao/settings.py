"""Defaults for a folder of work: ``baocao.toml``, or ``[tool.baocao]`` in ``pyproject.toml``.

The nearest of the two files in the current folder or a parent is read (``baocao.toml``
wins in the same folder). Keys: ``templates_dir`` (a folder or a list of folders),
``out`` (a folder or a .docx), ``jobs`` (a whole number ≥ 1), ``lang`` (``vi``/``en``),
``strict`` (true/false). Relative folders are taken from the file's folder, so the same
settings hold from any subfolder. Command-line options win over these.

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = (root / "baocao.toml").write_text('templates_dir = "mau"\\njobs = 2\\n', encoding="utf-8")
>>> (root / "sub").mkdir()
>>> found = load_settings(root / "sub")
>>> found.values["jobs"], found.values["templates_dir"] == [str(root / "mau")]
(2, True)
>>> found.sources["jobs"] == str(root / "baocao.toml")
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from baocao.errors import DataError, Problem

__all__ = ["KEYS", "PROJECT_FILE", "Settings", "find_project_file", "load_settings"]

PROJECT_FILE = "baocao.toml"
PYPROJECT = "pyproject.toml"
KEYS = ("templates_dir", "out", "jobs", "lang", "strict")


@dataclass
class Settings:
    """The settings found: ``values`` by key, ``sources`` (the file each came from), and
    ``file`` (the project file read, or None)."""

    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    file: Path | None = None


def _table(path: Path) -> dict[str, Any] | None:
    """The settings table of ``path`` (None for a pyproject.toml without ``[tool.baocao]``)."""
    import tomllib  # here: most runs find no project file

    from baocao.i18n import _

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        message = _("không đọc được tệp cấu hình: {loi}").format(loi=exc)
        raise DataError([Problem(message, path=str(path), code="settings")]) from None
    except tomllib.TOMLDecodeError as exc:
        message = _("tệp cấu hình TOML sai cú pháp: {loi}").format(loi=exc)
        raise DataError([Problem(message, path=str(path), code="settings")]) from None
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        table = tool.get("baocao") if isinstance(tool, dict) else None
        return table if isinstance(table, dict) else None
    return data


def find_project_file(start: Path | str | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest project file from ``start`` (default: the current folder) upwards, with
    its settings table; None when there is none."""
    here = Path(start) if start is not None else Path.cwd()
    for folder in (here, *here.parents):
        for name in (PROJECT_FILE, PYPROJECT):
            candidate = folder / name
            if candidate.is_file():
                table = _table(candidate)
                if table is not None:
                    return candidate, table
    return None


def _check(key: str, value: Any, base: Path) -> Any:
    """``value`` of ``key``, checked and with folders made absolute; ValueError when wrong."""
    from baocao.i18n import _

    if key == "templates_dir":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
            raise ValueError(_("cần một thư mục hoặc một danh sách thư mục"))
        return [str(base / i) for i in items]
    if key == "out":
        if not isinstance(value, str) or not value:
            raise ValueError(_("cần một thư mục hoặc một tệp .docx"))
        return str(base / value) + ("/" if value.endswith("/") else "")
    if key == "jobs":
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(_("cần một số nguyên từ 1 trở lên"))
        return value
    if key == "lang":
        if value not in ("vi", "en"):
            raise ValueError(_("cần 'vi' hoặc 'en'"))
        return value
    if not isinstance(value, bool):  # strict
        raise ValueError(_("cần true hoặc false"))
    return value


def load_settings(start: Path | str | None = None) -> Settings:
    """The settings of the nearest project file (empty :class:`Settings` when there is none).
    An unknown key or a wrong value is a :class:`~baocao.errors.DataError` naming the file."""
    from baocao.i18n import _

    found = find_project_file(start)
    if found is None:
        return Settings()
    path, table = found
    settings = Settings(file=path)
    problems = []
    for key, value in table.items():
        where = f"[tool.baocao] {key}" if path.name == PYPROJECT else key
        if key not in KEYS:
            message = _("khoá không có: `{khoa}`; các khoá dùng được: {cac_khoa}").format(
                khoa=key, cac_khoa=", ".join(KEYS)
            )
            problems.append(Problem(message, path=str(path), field=where, code="settings"))
            continue
        try:
            settings.values[key] = _check(key, value, path.parent)
        except ValueError as exc:
            problems.append(Problem(str(exc), path=str(path), field=where, code="settings"))
            continue
        settings.sources[key] = str(path)
    if problems:
        raise DataError(problems)
    return settings
