"""Each pydantic error type becomes a message that says what was expected (never pydantic's
English); keys get a "did you mean"."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from baocao.event.explain import fields_at, message_for
from baocao.suggest import did_you_mean as suggest

# messages in Vietnamese, whatever an earlier test in this process chose (conftest)
pytestmark = pytest.mark.usefixtures("vietnamese")


def pydantic_error(model: type[BaseModel], data: dict[str, Any]) -> Any:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    (only,) = caught.value.errors(include_url=False)
    return only


class Plain(BaseModel):
    n: int = 0
    d: Any = None


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (
            {"type": "int_parsing", "loc": ("n",), "input": "abc"},
            "cần một số nguyên (ví dụ 30), không phải `abc`",
        ),
        (
            {"type": "date_from_datetime_parsing", "loc": ("d",), "input": "x"},
            "không đọc được ngày `x`: hãy viết ngày/tháng/năm như `1/11/2024` hoặc `2024-11-01`",
        ),
        (
            {"type": "datetime_parsing", "loc": ("d",), "input": 5},
            "không đọc được ngày `5`: hãy viết ngày/tháng/năm như `1/11/2024` hoặc `2024-11-01`",
        ),
        (
            {"type": "something_new", "loc": ("d",), "input": [1]},
            "giá trị một danh sách không hợp lệ ở đây",
        ),
        ({"type": "missing", "loc": ("su_kien", "ten"), "input": {}}, "thiếu mục bắt buộc `ten`"),
        (
            {
                "type": "greater_than_equal",
                "loc": ("van_ban", "x", "so"),
                "input": 0,
                "ctx": {"ge": 1},
            },
            "phải từ 1 trở lên (đang ghi 0)",
        ),
        (
            {"type": "string_type", "loc": ("su_kien", "ten"), "input": True},
            "cần một đoạn chữ, không phải giá trị đúng/sai `true`",
        ),
        (
            {"type": "string_type", "loc": ("su_kien", "dia_diem"), "input": None},
            "bỏ trống; hãy ghi giá trị hoặc xoá cả dòng này",
        ),
    ],
)
def test_messages_by_error_type(error: dict[str, Any], message: str) -> None:
    assert message_for(error) == message


def test_real_pydantic_int_parsing_is_mapped() -> None:
    error = pydantic_error(Plain, {"n": "mười"})
    assert error["type"] == "int_parsing"
    assert message_for(error) == "cần một số nguyên (ví dụ 30), không phải `mười`"


def test_extra_key_lists_the_allowed_keys_when_nothing_is_close() -> None:
    error = {"type": "extra_forbidden", "loc": ("bao_chi", "zzz"), "input": 1}
    assert message_for(error) == (
        "không có mục `zzz` ở đây; các mục được dùng: ma_bao, tac_gia, tieu_de"
    )


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("diadiem", "dia_diem"),
        ("Dia Diem", "dia_diem"),
        ("địa điểm", "dia_diem"),
        ("dia-diem", "dia_diem"),
        ("batdau", "bat_dau"),
        ("so_nguoii", "so_nguoi"),
    ],
)
def test_did_you_mean(typed: str, meant: str) -> None:
    assert suggest(typed, fields_at(("su_kien",))) == meant


def test_fields_at_follows_lists_and_mappings() -> None:
    assert fields_at(("ket_qua", "xep_loai")) == ["gioi", "kha", "trung_binh", "chua_dat"]
    assert fields_at(("van_ban", "bat-ky", "nguoi_ky"))[0] == "ho_ten"
    assert fields_at(("su_kien", "ten")) == []
