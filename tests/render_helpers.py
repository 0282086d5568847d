"""Shared helpers of the known-bug tests (Addendum B of the layout reference): events built from
examples/ with changed fields, rendered through the real templates, read back with python-docx,
and the effective formatting of a paragraph resolved the way Word does (run, then the style
chain, then the document defaults)."""

from __future__ import annotations

import copy
import io
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from baocao.event.loading import parse_event
from baocao.rendering.document import render_bytes
from conftest import EXAMPLES, example_files

NAMES = ["thong-cao", "tin-bai", "phat-bieu-khai-mac", "bao-cao-tong-ket"]
OFFICIAL = ["thong-cao", "bao-cao-tong-ket"]
FORMATS = ["nha_nuoc", "dang"]
ABBR = {"thong-cao": "TC", "bao-cao-tong-ket": "BC"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DAN_VAN = EXAMPLES / "lop-boi-duong-dan-van.yaml"
UBND = EXAMPLES / "hoi-nghi-ubnd.yaml"


def example(path: Path = DAN_VAN, the_thuc: str | None = None) -> dict[str, Any]:
    """An example's raw data (a fresh copy), in format ``the_thuc`` with its default tone style."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    if the_thuc is not None:
        data["the_thuc"] = the_thuc
        data.pop("dau_thanh", None)
    return data


def examples(the_thuc: str) -> list[tuple[str, dict[str, Any]]]:
    return [(p.stem, example(p, the_thuc)) for p in example_files()]


def set_in(data: dict[str, Any], dotted: str, value: Any) -> dict[str, Any]:
    """A copy of ``data`` with ``a.b.c`` set (``None`` removes the key)."""
    out = copy.deepcopy(data)
    *parents, last = dotted.split(".")
    target = out
    for key in parents:
        if not isinstance(target.get(key), dict):
            target[key] = {}
        target = target[key]
    if value is None:
        target.pop(last, None)
    else:
        target[last] = value
    return out


def dump(data: dict[str, Any]) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


def event(data: dict[str, Any], path: str = "su-kien.yaml") -> Any:
    # lists of people named as files (`hoc_vien: hoc-vien.csv`) are the examples' files
    return parse_event(dump(data), path=path, base=EXAMPLES)


@lru_cache(maxsize=512)
def _render(key: str, name: str) -> bytes:
    return render_bytes(event(json.loads(key)), template=name)


def render(data: dict[str, Any], name: str) -> bytes:
    """The .docx bytes of ``data`` rendered with built-in template ``name`` (memoised)."""
    return _render(json.dumps(data, default=str, sort_keys=True, ensure_ascii=False), name)


def document(data: dict[str, Any], name: str) -> Any:
    import docx

    return docx.Document(io.BytesIO(render(data, name)))


def texts(doc: Any) -> list[str]:
    from conftest import iter_paragraphs

    return [p.text for p in iter_paragraphs(doc)]


def paragraphs(doc: Any) -> list[Any]:
    from conftest import iter_paragraphs

    return list(iter_paragraphs(doc))


# --- effective formatting -------------------------------------------------------------------


def _style_chain(paragraph: Any) -> list[Any]:
    chain, style = [], paragraph.style
    while style is not None:
        chain.append(style)
        style = style.base_style
    return chain


def _defaults_rpr(doc_part: Any) -> Any:
    styles = doc_part.styles.element if hasattr(doc_part, "styles") else doc_part
    return styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")


def run_prop(paragraph: Any, prop: str) -> set[Any]:
    """The effective value of font property ``prop`` (``bold``, ``italic``, ``underline``,
    ``size`` in pt) over the runs of ``paragraph`` that hold text."""
    values: set[Any] = set()
    runs = [r for r in paragraph.runs if r.text.strip()] or [None]
    chain = _style_chain(paragraph)
    for run in runs:
        value = getattr(run.font, prop) if run is not None else None
        for style in chain:
            if value is not None:
                break
            value = getattr(style.font, prop)
        if value is None and prop == "size":
            rpr = _defaults_rpr(paragraph.part.document.part)
            sz = rpr.find(f"{W}sz") if rpr is not None else None
            value = int(sz.get(f"{W}val")) * 12700 // 2 if sz is not None else None
        if prop == "size":
            values.add(None if value is None else round(value / 12700, 1))
        elif prop == "underline":
            values.add(bool(value))
        else:
            values.add(bool(value))
    return values


def one(paragraph: Any, prop: str) -> Any:
    """The single effective value of ``prop`` in ``paragraph`` (all its runs agree)."""
    values = run_prop(paragraph, prop)
    assert len(values) == 1, (paragraph.text, prop, values)
    return next(iter(values))


def alignment(paragraph: Any) -> Any:
    """The effective paragraph alignment (python-docx enum), ``None`` = left."""
    if paragraph.alignment is not None:
        return paragraph.alignment
    for style in _style_chain(paragraph):
        if style.paragraph_format.alignment is not None:
            return style.paragraph_format.alignment
    return None


def has_bottom_border(paragraph: Any) -> bool:
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.find(f"{W}pBdr/{W}bottom") is not None:
        return True
    return any(
        s.element.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None for s in _style_chain(paragraph)
    )


def indent_twips(paragraph: Any, attr: str) -> int:
    """Effective ``w:ind`` attribute (``left``, ``hanging``, ``firstLine``) in twips."""
    for source in [paragraph._p.pPr, *(s.element.find(f"{W}pPr") for s in _style_chain(paragraph))]:
        if source is None:
            continue
        ind = source.find(f"{W}ind")
        if ind is not None and ind.get(f"{W}{attr}") is not None:
            return int(ind.get(f"{W}{attr}"))
    return 0


def tab_stops_twips(paragraph: Any) -> list[int]:
    """Effective left tab stops of a paragraph (its own, then its styles'), in twips."""
    stops: list[int] = []
    for source in [paragraph._p.pPr, *(s.element.find(f"{W}pPr") for s in _style_chain(paragraph))]:
        if source is None:
            continue
        stops += [int(t.get(f"{W}pos")) for t in source.findall(f"{W}tabs/{W}tab")]
    return stops
