"""The shape of what a template sees, at any depth: which keys each mapping has, what each
list holds.

It is taken from the real thing: a complete sample event (every optional key filled)
validated by :class:`baocao.event.model.Event` and turned into a context by
:func:`baocao.template_context.build.context`, in both formats; places whose sample value is
``None``
take their shape from the pydantic model.

>>> shape = context_shape()
>>> sorted(shape.fields["su_kien"].fields)[:4]
['bat_dau', 'boi_canh', 'can_cu', 'dia_diem']
>>> shape.fields["nhan_vat"].item.fields["ho_ten"]
Scalar(kind='str')
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

__all__ = [
    "SAMPLE_EVENT",
    "Obj",
    "Scalar",
    "Seq",
    "Shape",
    "Unknown",
    "context_shape",
    "merge",
    "paths",
    "shape_of_type",
    "shape_of_value",
]

# --- shapes ---------------------------------------------------------------------------------


@dataclass
class Unknown:
    """Anything: no check below this point."""


@dataclass
class Scalar:
    """Text, number, truth value or date."""

    kind: str


@dataclass
class Seq:
    """A list; ``item`` is the shape of each element."""

    item: Shape


@dataclass
class Obj:
    """A mapping with known keys (``open``: other keys are allowed too)."""

    fields: dict[str, Shape] = field(default_factory=dict)
    open: bool = False


Shape = Unknown | Scalar | Seq | Obj


def merge(a: Shape, b: Shape) -> Shape:
    """The shape that admits what ``a`` and ``b`` admit."""
    if isinstance(a, Unknown):
        return b if isinstance(b, Obj | Seq) else a
    if isinstance(b, Unknown):
        return a if isinstance(a, Obj | Seq) else b
    if isinstance(a, Obj) and isinstance(b, Obj):
        keys = dict(a.fields)
        for k, v in b.fields.items():
            keys[k] = merge(keys[k], v) if k in keys else v
        return Obj(keys, a.open or b.open)
    if isinstance(a, Seq) and isinstance(b, Seq):
        return Seq(merge(a.item, b.item))
    if isinstance(a, Scalar) and isinstance(b, Scalar) and a.kind == b.kind:
        return a
    return Unknown()


def shape_of_value(value: Any) -> Shape:
    """The shape of a plain value (dicts, lists, text…).

    >>> shape_of_value({"a": [{"b": "x"}], "c": None}).fields
    {'a': Seq(item=Obj(fields={'b': Scalar(kind='str')}, open=False)), 'c': Unknown()}
    """
    if isinstance(value, dict):
        return Obj({str(k): shape_of_value(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        item: Shape = Unknown()
        for i, x in enumerate(value):
            item = shape_of_value(x) if i == 0 else merge(item, shape_of_value(x))
        return Seq(item)
    if isinstance(value, bool):
        return Scalar("bool")
    if isinstance(value, int | float):
        return Scalar("int")
    if isinstance(value, str):
        return Scalar("str")
    if isinstance(value, dt.date):
        return Scalar("date")
    return Unknown()


def shape_of_type(tp: Any, depth: int = 0) -> Shape:
    """The shape of a type annotation of the pydantic model."""
    from pydantic import BaseModel

    if depth > 8:
        return Unknown()
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        return shape_of_type(args[0], depth + 1)
    if origin in (typing.Union, types.UnionType):
        out: Shape | None = None
        for a in args:
            if a is type(None):
                continue
            s = shape_of_type(a, depth + 1)
            out = s if out is None else merge(out, s)
        return out or Unknown()
    if origin in (list, tuple, set, frozenset):
        return Seq(shape_of_type(args[0], depth + 1) if args else Unknown())
    if origin is dict:
        return Obj({}, open=True)
    if origin is typing.Literal:
        return Scalar("str")
    if isinstance(tp, type):
        if issubclass(tp, BaseModel):
            return Obj(
                {n: shape_of_type(f.annotation, depth + 1) for n, f in tp.model_fields.items()}
            )
        if issubclass(tp, bool):
            return Scalar("bool")
        if issubclass(tp, int | float):
            return Scalar("int")
        if issubclass(tp, str):
            return Scalar("str")
        if issubclass(tp, dt.date):
            return Scalar("date")
    return Unknown()


def _fill(value_shape: Shape, model_shape: Shape) -> Shape:
    """``value_shape`` with its unknown (None) places taken from ``model_shape``."""
    if isinstance(value_shape, Unknown):
        return model_shape
    if isinstance(value_shape, Obj) and isinstance(model_shape, Obj):
        keys = dict(value_shape.fields)
        for k, v in model_shape.fields.items():
            keys[k] = _fill(keys[k], v) if k in keys else v
        return Obj(keys, value_shape.open)
    if isinstance(value_shape, Seq) and isinstance(model_shape, Seq):
        return Seq(_fill(value_shape.item, model_shape.item))
    return value_shape


SAMPLE_EVENT: dict[str, Any] = {
    "the_thuc": "nha_nuoc",
    "co_quan": {
        "cap_tren": "Tỉnh ủy Cà Mau",
        "ten": "Ban Dân vận",
        "ten_goi": "Ban Dân vận Tỉnh ủy",
        "viet_tat": "BDVTU",
        "dia_danh": "Cà Mau",
    },
    "su_kien": {
        "ten": "lớp bồi dưỡng",
        "goi_tat": "lớp học",
        "bat_dau": dt.datetime(2024, 11, 1, 7, 30),
        "ket_thuc": dt.datetime(2024, 11, 3, 11, 0),
        "dia_diem": "Hội trường",
        "to_chuc": "Ban Dân vận Tỉnh ủy",
        "phoi_hop": ["Trường Chính trị"],
        "doi_tuong": ["cán bộ"],
        "so_nguoi": 120,
        "nguoi_du": "học viên",
        "noi_dung": ["Chuyên đề 1"],
        "can_cu": "Kế hoạch số 1",
        "muc_dich": ["Nâng cao"],
        "boi_canh": ["Năm 2024"],
    },
    "nhan_vat": [
        {
            "ho_ten": "Lê Văn A",
            "danh_xung": "đồng chí",
            "chuc_vu": ["Trưởng Ban"],
            "vai_tro": vai_tro,
            "phat_bieu": ["Ý kiến."],
        }
        for vai_tro in ("khai_mac", "chu_tri", "chi_dao", "du", "be_mac", "bao_cao_vien")
    ],
    "ket_qua": {
        "so_trieu_tap": 125,
        "so_tham_du": 120,
        "so_hoan_thanh": 118,
        "xep_loai": {"gioi": 50, "kha": 60, "trung_binh": 6, "chua_dat": 2},
        "kinh_phi": 1000000,
        "uu_diem": ["a"],
        "han_che": ["b"],
        "nguyen_nhan": ["c"],
        "bai_hoc": ["d"],
        "kien_nghi": ["e"],
    },
    "bao_chi": {"ma_bao": "CMO", "tac_gia": "Tác giả", "tieu_de": "Tiêu đề"},
    "ke_hoach": {
        "can_cu": "Chương trình công tác",
        "yeu_cau": ["Nghiêm túc"],
        "thanh_phan": ["Lãnh đạo"],
        "phan_cong": [{"don_vi": "Văn phòng", "nhiem_vu": ["Chuẩn bị"]}],
        "kinh_phi_du_kien": {"so_tien": 1000000, "nguon": "ngân sách"},
    },
    "chuong_trinh": [
        {"bat_dau": "7h30", "ket_thuc": "8h00", "noi_dung": "Khai mạc", "thuc_hien": "Lê Văn A"}
    ],
    "van_ban": {
        "chung": {
            "so": 5,
            "ngay": dt.date(2024, 11, 1),
            "trich_yeu": "Về việc",
            "kinh_gui": ["A", "B"],
            "nguoi_ky": {
                "ho_ten": "Lê Văn A",
                "chuc_vu": "Phó Trưởng Ban",
                "quyen_han": "KT",
                "thay_cho": "Trưởng Ban",
            },
            "noi_nhan": ["C"],
            "luu": "VT",
        }
    },
}


@cache
def context_shape() -> Obj:
    """The shape of every template context: sample events in both formats, through the
    real :func:`baocao.template_context.build.context`, filled in from the model where a
    value is ``None``."""
    import copy

    from baocao.event.model import Event
    from baocao.registry import TemplateSpec
    from baocao.template_context.build import context

    out: Shape = Unknown()
    for the_thuc in ("nha_nuoc", "dang"):
        data = copy.deepcopy(SAMPLE_EVENT)
        data["the_thuc"] = the_thuc
        event = Event.model_validate(data)
        # a per-person template (side file moi_muc) also sees nguoi, stt, thoi_gian_moi…
        for moi_muc in (None, "khach_moi", "hoc_vien"):
            spec = TemplateSpec(name="mau", ten_loai="BÁO CÁO", viet_tat="BC", moi_muc=moi_muc)
            out = merge(out, shape_of_value(context(event, template=spec)))
    model = shape_of_type(Event)
    assert isinstance(out, Obj) and isinstance(model, Obj)
    filled = _fill(out, model)
    assert isinstance(filled, Obj)
    filled.fields["cai_dat"] = Obj(
        dict(filled.fields["cai_dat"].fields) if isinstance(filled.fields["cai_dat"], Obj) else {},
        open=True,
    )
    return filled


def paths(shape: Shape, prefix: str = "", depth: int = 0) -> Iterator[tuple[str, Shape]]:
    """Every dotted path of ``shape`` (list items as ``[]``), parents first.

    >>> [p for p, _ in paths(Obj({"a": Seq(Obj({"b": Scalar("str")}))}))]
    ['a', 'a[].b']
    """
    if depth > 6:
        return
    if isinstance(shape, Obj):
        for k in sorted(shape.fields):
            sub = shape.fields[k]
            name = f"{prefix}.{k}" if prefix else k
            yield name, sub
            yield from paths(sub, name, depth + 1)
    elif isinstance(shape, Seq):
        yield from paths(shape.item, prefix + "[]", depth + 1)
