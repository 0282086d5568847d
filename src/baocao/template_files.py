"""Template Word files on disk: which files a ``baocao check`` target means, and exporting a
template (its Word files and side file) into a folder for editing in Word."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from baocao.errors import ExportError, Problem
from baocao.i18n import _

__all__ = ["export_template", "word_files"]

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
    from baocao.registry import find_template

    spec = find_template(str(target), dirs=dirs)
    return sorted(set(spec.files.values()))


def export_template(
    name: str, out_dir: Path | str, *, force: bool = False, dirs: Sequence[Path | str] = ()
) -> list[Path]:
    """Copy the Word file(s) and side file of template ``name`` into ``out_dir``, each
    atomically; nothing is written when one target exists and ``force`` is not given."""
    from baocao.registry import find_template
    from baocao.writing import write_atomic

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
