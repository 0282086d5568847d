"""Output names: the one planner of where each document of a run is written.

A name per event (:func:`plan_names`), the targets of a batch (:func:`plan_outputs`) and the
default name of one document (:func:`default_output`); collisions are numbered, never
overwritten silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from baocao.registry import TemplateSpec

__all__ = [
    "Item",
    "default_output",
    "person_output",
    "plan_names",
    "plan_outputs",
    "slug",
]

#: ``people(event, spec)`` for ``--split``: ``(stt, ho_ten)`` of each person the per-person
#: template ``spec`` makes a document for, or None to make one combined document
PeopleOf = Callable[[Path, "TemplateSpec"], "list[tuple[int, str]] | None"]


@dataclass(frozen=True)
class Item:
    """One document to make: ``event`` rendered with ``template`` into ``out``."""

    event: Path
    template: str
    out: Path
    #: a per-person template's person (number in its list, from 1); None: the whole list
    stt: int | None = None


def plan_names(events: Sequence[Path], _depth: int = 0) -> list[str]:
    """A name per event file for output names, unique among events writing to the same place:
    the stem; for equal stems, prefixed by as few parent folder names as tell them apart;
    for equal stems in the same folder, followed by the extension. Deterministic: depends
    only on the paths, which must be distinct.

    >>> plan_names([Path("x.yaml"), Path("x.json")])
    ['x-yaml', 'x-json']
    >>> plan_names([Path("a/b/x.yaml"), Path("c/b/x.yaml")])
    ['a-b-x', 'c-b-x']
    """
    if _depth > 8:
        raise ValueError(f"cannot name events apart: {events}")
    names = [_stem(p) for p in events]
    groups: dict[str, list[int]] = {}
    for i, p in enumerate(events):
        groups.setdefault(_stem(p), []).append(i)
    for stem, idx in groups.items():
        if len(idx) == 1:
            continue
        parents = [[x for x in events[i].parent.parts if x not in ("/", "\\", "")] for i in idx]
        for k in range(1, max(len(x) for x in parents) + 1):
            keys = [tuple(x[-k:]) for x in parents]
            if len(set(keys)) == len(idx):
                for i, key in zip(idx, keys, strict=True):
                    names[i] = "-".join([*key, stem])
                break
        else:  # some share a folder and differ by the extension only
            renamed = [events[i].parent / f"{stem}-{events[i].suffix.lstrip('.')}" for i in idx]
            for i, name in zip(idx, plan_names(renamed, _depth + 1), strict=True):
                names[i] = name
    if len(set(names)) != len(names):  # a made-up name met a real one: number the later ones
        taken = set(names)
        seen: set[str] = set()
        for i, name in enumerate(names):
            if name in seen:
                n = 2
                while f"{name}-{n}" in taken:
                    n += 1
                names[i] = f"{name}-{n}"
                taken.add(names[i])
            seen.add(names[i])
    return names


def _stem(event: Path) -> str:
    """The name of an event file in output names; ``stdin`` for ``-`` (standard input)."""
    return "stdin" if event.name in ("-", "<stdin>") else event.stem


def slug(ho_ten: str, *, limit: int = 60) -> str:
    """A person's name for a file name: no marks, lower case, words joined by ``-``.

    >>> slug("Nguyễn Văn An"), slug("  Đỗ Thị Ánh-Tuyết (Cô) "), slug("???")
    ('nguyen-van-an', 'do-thi-anh-tuyet-co', 'nguoi')
    """
    from baocao.vi.text import khong_dau

    text = re.sub(r"[^a-z0-9]+", "-", khong_dau(ho_ten).lower()).strip("-")
    return text[:limit].rstrip("-") or "nguoi"


def person_output(base: Path, stt: int, ho_ten: str, total: int) -> Path:
    """``<base-stem>-<NNN>-<name-slug>.docx`` beside ``base`` (``NNN``: the person's number,
    three digits or as many as the longest number needs), unique by the number.

    >>> person_output(Path("ra/hn-giay-moi.docx"), 7, "Nguyễn Văn An", 40).as_posix()
    'ra/hn-giay-moi-007-nguyen-van-an.docx'
    """
    width = max(3, len(str(total)))
    return base.with_name(f"{base.stem}-{stt:0{width}d}-{slug(ho_ten)}{base.suffix}")


def plan_outputs(
    events: list[Path],
    specs: list[TemplateSpec],
    out: Path | None,
    *,
    folder: bool = False,
    people: PeopleOf | None = None,
    include: Callable[[Path, TemplateSpec], bool] | None = None,
) -> list[tuple[Path, list[Item]]]:
    """Every item, grouped by event. ``out`` is one file when it ends in ``.docx``, names no
    existing folder, was not written with a trailing slash (``folder``) and one document is
    made; else a folder. With ``people`` (``--split``), a per-person template makes an item
    per person (:func:`person_output` of the template's own name) where ``people`` gives
    a list. ``include(event, spec)`` False leaves that pair out."""
    count = len(events) * len(specs)
    one_file = out is not None and out.suffix.lower() == ".docx" and count == 1 and not folder
    out_file = out if one_file and out is not None and not out.is_dir() else None
    out_dir = out if out is not None and out_file is None else None
    if out_dir is not None:
        names = plan_names([e.resolve() for e in events])
    else:  # next to each event: only events of the same folder can clash
        names = [""] * len(events)
        folders: dict[Path, list[int]] = {}
        for i, e in enumerate(events):
            folders.setdefault(e.resolve().parent, []).append(i)
        for idx in folders.values():
            for i, n in zip(idx, plan_names([Path(events[i].name) for i in idx]), strict=True):
                names[i] = n
    jobs = []
    taken: set[Path] = set()
    for event, name in zip(events, names, strict=True):
        items = []
        for spec in specs:
            if include is not None and not include(event, spec):
                continue
            if out_file is not None:
                target = out_file
            else:
                target = (out_dir if out_dir is not None else event.parent) / (
                    f"{name}-{spec.name}.docx"
                )
            who = people(event, spec) if people is not None and spec.moi_muc else None
            if who is None:
                items.append(Item(event=event, template=spec.name, out=_unique(target, taken)))
                continue
            total = max((stt for stt, _n in who), default=0)
            for stt, ho_ten in who:
                target_one = _unique(person_output(target, stt, ho_ten, total), taken)
                items.append(Item(event=event, template=spec.name, out=target_one, stt=stt))
        jobs.append((event, items))
    return jobs


def _unique(target: Path, taken: set[Path]) -> Path:
    """``target``, or ``<stem>-2.docx``… when an earlier item has it (event ``a`` with template
    ``b-c`` and event ``a-b`` with template ``c`` would both make ``a-b-c.docx``)."""
    key, n = target.resolve(), 1
    while key in taken:
        n += 1
        key = target.resolve().with_name(f"{target.stem}-{n}{target.suffix}")
    taken.add(key)
    return target if n == 1 else target.with_name(key.name)


def default_output(event: Any, template_name: str, out_dir: Path | str | None = None) -> Path:
    """``<event-stem>-<template>.docx`` next to the event file, or in ``out_dir``.

    >>> default_output({"x": 1}, "thong-cao", "ra").as_posix()
    'ra/su-kien-thong-cao.docx'
    """
    source = getattr(event, "source_path", None)
    stem = _stem(Path(source)) if source else "su-kien"
    if out_dir is not None:
        folder = Path(out_dir)
    elif source:
        folder = Path(source).parent
    else:
        folder = Path()
    return folder / f"{stem}-{template_name}.docx"
