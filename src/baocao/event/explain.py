"""Pydantic's validation errors → problems a clerk understands, at the line they concern.

Each pydantic error type is mapped to a Vietnamese message (translated by ``baocao.i18n``)
that says what was expected; pydantic's own English text is never shown. Misspelt keys get
a "did you mean" hint (:func:`baocao.suggest.did_you_mean`: accents and case ignored).
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from baocao.errors import Problem
from baocao.event.located import Located, Path, dotted
from baocao.event.model import ERROR_TYPE, RULES_ERROR_TYPE, Event
from baocao.i18n import _
from baocao.suggest import did_you_mean


def _models(annotation: Any) -> list[Any]:
    """The types inside ``annotation`` (Optional, Annotated, list, dict unwrapped once)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _models(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [m for arg in typing.get_args(annotation) for m in _models(arg)]
    return [annotation]


def _required(path: Path) -> bool | None:
    """Whether the key at ``path`` is required (None when ``path`` ends in a list index)."""
    if not path or not isinstance(path[-1], str):
        return None
    model = _model_at(path[:-1])
    field = model.model_fields.get(path[-1]) if model else None
    return field.is_required() if field is not None else None


def _model_at(path: Path) -> type[BaseModel] | None:
    """The model of the mapping at ``path``, if any."""
    current: list[Any] = [Event]
    for step in path:
        following: list[Any] = []
        for tp in current:
            origin = typing.get_origin(tp)
            if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(step, str):
                field = tp.model_fields.get(step)
                if field is not None:
                    following += _models(field.annotation)
            elif origin is list and isinstance(step, int):
                following += _models(typing.get_args(tp)[0])
            elif origin is dict and isinstance(step, str):
                following += _models(typing.get_args(tp)[1])
        current = following
    for tp in current:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            return tp
    return None


def fields_at(path: Path) -> list[str]:
    """The keys allowed in the mapping at ``path`` (empty when it is not a model).

    >>> fields_at(("nhan_vat", 0))[:2]
    ['ho_ten', 'danh_xung']
    >>> fields_at(("van_ban", "chung", "nguoi_ky"))
    ['ho_ten', 'chuc_vu', 'quyen_han', 'thay_cho', 'thay_mat']
    """
    model = _model_at(path)
    return list(model.model_fields) if model else []


def _show(value: Any, limit: int = 40) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else getattr(value, "raw", None) or str(value)
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return _("một nhóm mục con")
    if isinstance(value, list):
        return _("một danh sách")
    if isinstance(value, bool):
        return _("giá trị đúng/sai `{value}`").format(value=str(value).lower())
    return f"`{_show(value)}`"


def message_for(error: Any) -> str:
    """The message for one pydantic error (a dict of ``ValidationError.errors()``)."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    loc = error["loc"]
    if kind == ERROR_TYPE:
        return str(ctx["msg"])
    if kind == "missing":
        return _("thiếu mục bắt buộc `{key}`").format(key=loc[-1])
    if kind == "extra_forbidden":
        key = str(loc[-1])
        guess = did_you_mean(key, fields_at(tuple(loc[:-1])))
        if guess:
            return _("không có mục `{key}`; có phải ý bạn là `{guess}`?").format(
                key=key, guess=guess
            )
        return _("không có mục `{key}` ở đây; các mục được dùng: {keys}").format(
            key=key, keys=", ".join(fields_at(tuple(loc[:-1])))
        )
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        text = _("phải là một trong: {options} (đang ghi {value})").format(
            options=", ".join(f"`{o}`" for o in options), value=_kind(value)
        )
        guess = did_you_mean(str(value), options) if isinstance(value, str) else None
        if guess:
            text += _("; có phải ý bạn là `{guess}`?").format(guess=guess)
        return text
    if value is None and kind in {"string_type", "list_type", "model_type", "dict_type"}:
        required = _required(tuple(loc))
        if required is None:
            return _("mục trong danh sách bỏ trống; hãy ghi nội dung hoặc xoá dòng `-` này")
        if required:
            return _("bỏ trống; đây là mục bắt buộc, hãy ghi giá trị")
        return _("bỏ trống; hãy ghi giá trị hoặc xoá cả dòng này")
    if kind == "string_type":
        return _("cần một đoạn chữ, không phải {value}").format(value=_kind(value))
    if kind in {"string_too_short", "too_short"}:
        return _("không được để trống")
    if kind == "string_pattern_mismatch":
        return _("tên mẫu `{value}` chỉ được gồm chữ không dấu, chữ số, `-` và `_`").format(
            value=_show(value)
        )
    if kind == "list_type":
        return _(
            "cần một danh sách (mỗi mục một dòng bắt đầu bằng `- `), không phải {value}"
        ).format(value=_kind(value))
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return _("cần một nhóm mục con dạng `tên: giá trị`, không phải {value}").format(
            value=_kind(value)
        )
    if kind == "greater_than_equal":
        if ctx.get("ge") == 0:
            return _("không được là số âm (đang ghi {value})").format(value=_show(value))
        return _("phải từ {ge} trở lên (đang ghi {value})").format(
            ge=ctx.get("ge"), value=_show(value)
        )
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return _("cần một số nguyên (ví dụ 30), không phải {value}").format(value=_kind(value))
    if kind.startswith(("date", "datetime")):
        return _(
            "không đọc được ngày {value}: hãy viết ngày/tháng/năm như `1/11/2024` hoặc `2024-11-01`"
        ).format(value=_kind(value))
    return _("giá trị {value} không hợp lệ ở đây").format(value=_kind(value))


def problems_from(error: ValidationError, tree: Located, *, path: str) -> list[Problem]:
    """One problem per pydantic error (cross-field rules may give several)."""
    problems: list[Problem] = []
    for item in error.errors(include_url=False):
        loc: Path = tuple(p for p in item["loc"] if p != "[key]")
        if item["type"] == RULES_ERROR_TYPE:
            found = [((*loc, *rel), msg) for rel, msg in item["ctx"]["issues"]]
        else:
            found = [(loc, message_for(item))]
        for where, message in found:
            if item["type"] in {"extra_forbidden", "string_pattern_mismatch"}:
                position = tree.key_where(where)
            elif item["type"] == "missing":
                position = tree.keys.get(where[:-1]) or tree.where(where[:-1])
            else:
                position = tree.where(where)
            line, column = position or (None, None)
            problems.append(
                Problem(
                    message,
                    path=path,
                    line=line,
                    column=column,
                    field=dotted(where),
                    code=item["type"],
                )
            )
    return problems
