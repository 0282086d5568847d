"""The JSON Schema of the event file, for editors (``# yaml-language-server: $schema=…``)
and CI. Generated from :mod:`baocao.event.model`, so descriptions and examples are the models'.

>>> s = event_schema()
>>> s["$schema"], s["required"]
('https://json-schema.org/draft/2020-12/schema', ['co_quan', 'su_kien'])
>>> s["$defs"]["SuKien"]["properties"]["bat_dau"]["examples"][1]
'1/11/2024 7h30'
"""

from __future__ import annotations

import json
from typing import Any


def event_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an event file, as a dict."""
    from baocao.event.model import Event

    body = Event.model_json_schema(mode="validation")
    _list_or_file(body)
    for definition in [body, *body.get("$defs", {}).values()]:
        for prop in definition.get("properties", {}).values():
            prop.pop("title", None)  # "Ma Bao": pydantic's made-up English, not a help
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **body,
        "title": "Tệp sự kiện baocao",
    }


def _list_or_file(body: dict[str, Any]) -> None:
    """``khach_moi`` / ``hoc_vien`` may also be written as a spreadsheet's path or as
    ``{tep, trang}`` (read by the loader before validation)."""
    from baocao.event.people import DanhSachTep

    tep = DanhSachTep.model_json_schema(mode="validation")
    for prop in tep.get("properties", {}).values():
        prop.pop("title", None)
    body.setdefault("$defs", {})["DanhSachTep"] = tep
    for key in ("khach_moi", "hoc_vien"):
        prop = body["properties"][key]
        as_list = {k: prop.pop(k) for k in ("type", "items") if k in prop}
        prop["anyOf"] = [
            as_list,
            {
                "type": "string",
                "minLength": 1,
                "description": "Đường dẫn bảng tính (.xlsx, .xls, .ods) hoặc tệp .csv.",
                "examples": ["danh-sach.xlsx"],
            },
            {"$ref": "#/$defs/DanhSachTep"},
        ]


def event_schema_text() -> str:
    """The schema as the JSON text ``baocao schema`` prints (and docs/event.schema.json holds)."""
    return json.dumps(event_schema(), ensure_ascii=False, indent=2) + "\n"
