"""docs/event-format.md documents every key of the model and names real examples."""

from __future__ import annotations

import re

from pydantic import BaseModel

from baocao.event import model
from conftest import ROOT, example_files

DOC = (ROOT / "docs" / "event-format.md").read_text(encoding="utf-8")


def test_every_key_is_documented() -> None:
    documented = set(re.findall(r"`([a-z_]+)`", DOC))
    models = [m for m in vars(model).values() if isinstance(m, type) and issubclass(m, BaseModel)]
    keys = {name for m in models if m.__module__ == model.__name__ for name in m.model_fields}
    assert keys - documented == set()


def test_every_field_has_a_vietnamese_description() -> None:
    for cls in (
        model.Event,
        model.CoQuan,
        model.SuKien,
        model.NhanVat,
        model.KetQua,
        model.XepLoai,
        model.BaoChi,
        model.VanBan,
        model.NguoiKy,
    ):
        for name, field in cls.model_fields.items():
            assert field.description, f"{cls.__name__}.{name}"


def test_examples_named_in_the_docs_exist() -> None:
    names = {p.name for p in example_files()}
    mentioned = set(re.findall(r"`([a-z0-9-]+\.(?:yaml|json))`", DOC))
    assert mentioned and mentioned <= names
