"""Scalar types of the event file: text, whole numbers and dates as clerks write them.

``Text`` strips spaces and refuses empty strings (a number written where text is expected is
kept as written); ``Count`` is a whole number ≥ 0 that also accepts ``150.000.000``; ``When``
is a date with an optional time and ``Day`` a date, both read day/month/year (never
month/day) or ISO. Every refusal is a pydantic error of type :data:`ERROR_TYPE` whose message,
already in the user's language, is ``ctx["msg"]``.

>>> from baocao.i18n import set_language
>>> set_language("vi")  # the messages below are Vietnamese
>>> parse_when("1/11/2024 7h30"), parse_when("2024-11-03")
(datetime.datetime(2024, 11, 1, 7, 30), datetime.date(2024, 11, 3))
>>> try:
...     parse_when("11/25/2024")
... except PydanticCustomError as refused:
...     print(refused.context["msg"])
không có tháng 25: ngày viết theo thứ tự ngày/tháng/năm; có phải ý bạn là `25/11/2024`?
>>> set_language(None)
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from baocao.i18n import _

# The error type of every message written here (the text is already in the user's language).
ERROR_TYPE = "baocao"
# The error type of cross-field rules: ctx["issues"] lists (relative field path, message).
RULES_ERROR_TYPE = "baocao_rules"


def error(message: str) -> PydanticCustomError:
    """A refusal whose ``message`` is shown as it is."""
    return PydanticCustomError(ERROR_TYPE, "{msg}", {"msg": message})


def rules_error(issues: list[tuple[tuple[str | int, ...], str]]) -> PydanticCustomError:
    """A refusal by cross-field rules: each issue is (path relative to the model, message)."""
    text = "; ".join(".".join(map(str, path)) + ": " + msg for path, msg in issues)
    return PydanticCustomError(RULES_ERROR_TYPE, "{msg}", {"msg": text, "issues": issues})


def show(value: object, limit: int = 40) -> str:
    """``value`` as text, cut to ``limit`` characters for a message."""
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------- scalar types


def _text_input(value: Any) -> Any:
    """A number written where text is expected is taken as written (``viet_tat: 115``)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return getattr(value, "raw", str(value))
    return value


# the constraints first, so that pydantic-core checks them inside its str validator; the
# before-validator listed after them still runs first (a function call a string less)
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    BeforeValidator(_text_input),
    WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1}, {"type": "number"}]}),
]
TextList = list[Text]

_THOUSANDS = re.compile(r"^[0-9]{1,3}([. ][0-9]{3})+$")


MAX_COUNT = 10**15  # a bound far above any count or amount in đồng (1 triệu tỷ)


def _count_input(value: Any) -> Any:
    """Whole numbers up to :data:`MAX_COUNT`; ``150.000.000`` (Vietnamese thousands) is
    accepted as written."""
    number = _count_value(value)
    if isinstance(number, int) and number > MAX_COUNT:
        raise error(
            _("số `{value}` quá lớn (tối đa 1.000.000.000.000.000)").format(
                value=show(str(getattr(value, "raw", value)))
            )
        )
    return number


def _count_value(value: Any) -> Any:
    if isinstance(value, bool):
        raise error(_("cần một số nguyên (ví dụ 30), không phải `{value}`").format(value=value))
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        raw = getattr(value, "raw", repr(value))
        if _THOUSANDS.match(raw):
            raise error(
                _(
                    "`{raw}` bị hiểu là số thập phân; viết số nguyên không có dấu chấm "
                    "(ví dụ {digits}) hoặc đặt trong ngoặc kép"
                ).format(raw=raw, digits=raw.replace(".", ""))
            )
        raise error(_("cần một số nguyên, không phải số thập phân `{raw}`").format(raw=raw))
    if isinstance(value, str):
        text = value.strip()
        if len(text) > 24:
            raise error(_("số `{value}` quá lớn").format(value=show(text)))
        if text.isascii() and text.isdigit():
            return int(text)
        if _THOUSANDS.match(text):
            return int(text.replace(".", "").replace(" ", ""))
        raise error(
            _("cần một số nguyên (ví dụ 30), không phải `{value}`").format(value=show(value))
        )
    return value


Count = Annotated[
    int,
    Field(ge=0),
    BeforeValidator(_count_input),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": r"^([0-9]+|[0-9]{1,3}([. ][0-9]{3})+)$"},
            ]
        }
    ),
]

# ------------------------------------------------------------------------------- dates

_TIME = r"(?P<h>\d{1,2})\s*(?::|h|g|giờ)\s*(?P<mi>\d{1,2})?(?::(?P<s>\d{2}))?\s*(?:phút)?"
_ISO = re.compile(rf"^(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?:(?:T|\s+){_TIME})?$")
_DMY = re.compile(
    rf"^(?P<d>\d{{1,2}})[/.-](?P<m>\d{{1,2}})[/.-](?P<y>\d{{4}})(?:(?:\s+|\s*T){_TIME})?$"
)
_SHORT_YEAR = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}(\s.*)?$")
DATE_PATTERN = (
    r"^\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})"
    r"((T|\s+)\d{1,2}\s*(:|h|g|giờ)\s*(\d{1,2})?(:\d{2})?\s*(phút)?)?\s*$"
)


def parse_when(value: Any, *, allow_time: bool = True) -> date | datetime:
    """Read a date (and, with ``allow_time``, an optional time) as a clerk writes it."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            raise error(_("ghi giờ địa phương, không ghi múi giờ"))
        if not allow_time:
            raise error(_("chỉ ghi ngày, không ghi giờ"))
        return value
    if isinstance(value, date):
        return value

    def hint() -> str:  # translated only when there is something to say
        return (
            _("hãy viết ngày/tháng/năm như `1/11/2024` hoặc `2024-11-01`, có thể thêm giờ `07:30`")
            if allow_time
            else _("hãy viết ngày/tháng/năm như `1/11/2024` hoặc `2024-11-01`")
        )

    if not isinstance(value, str):
        raise error(
            _("không đọc được ngày `{value}`: {hint}").format(value=show(value), hint=hint())
        )
    text = value.strip()
    match = _ISO.match(text) or _DMY.match(text)
    if match is None:
        if _SHORT_YEAR.match(text):
            raise error(
                _("năm phải viết đủ 4 chữ số, ví dụ `1/11/2024` (đang là `{value}`)").format(
                    value=show(text)
                )
            )
        raise error(
            _("không đọc được ngày `{value}`: {hint}").format(value=show(text), hint=hint())
        )
    d, m, y = int(match["d"]), int(match["m"]), int(match["y"])
    if not 1 <= m <= 12:
        if 1 <= d <= 12 and 1 <= m <= 31 and match.re is _DMY:
            raise error(
                _(
                    "không có tháng {m}: ngày viết theo thứ tự ngày/tháng/năm; "
                    "có phải ý bạn là `{d2}/{m2}/{y}`?"
                ).format(m=m, d2=m, m2=d, y=y)
            )
        raise error(_("không có tháng {m} (tháng từ 1 đến 12)").format(m=m))
    if y < 1900 or y > 2200:
        raise error(_("năm {y} không hợp lý").format(y=y))
    last = calendar.monthrange(y, m)[1]
    if not 1 <= d <= last:
        raise error(
            _("ngày {d}/{m}/{y} không có: tháng {m} năm {y} chỉ có {last} ngày").format(
                d=d, m=m, y=y, last=last
            )
        )
    day = date(y, m, d)
    if match["h"] is None:
        return day
    if not allow_time:
        raise error(_("chỉ ghi ngày, không ghi giờ"))
    h, mi, s = int(match["h"]), int(match["mi"] or 0), int(match["s"] or 0)
    if h > 23 or mi > 59 or s > 59:
        raise error(
            _("giờ `{value}` không có (giờ từ 0 đến 23, phút từ 0 đến 59)").format(
                value=show(text[match.start("h") :])
            )
        )
    return datetime.combine(day, time(h, mi, s))


def _when_input(value: Any) -> date | datetime:
    return parse_when(value, allow_time=True)


def _day_input(value: Any) -> date | datetime:
    return parse_when(value, allow_time=False)


_DATE_SCHEMA_DOC = "Ngày theo thứ tự ngày/tháng/năm (1/11/2024) hoặc ISO (2024-11-01)"
When = Annotated[
    datetime | date,
    BeforeValidator(_when_input),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": DATE_PATTERN,
            "description": _DATE_SCHEMA_DOC + ", có thể thêm giờ: 07:30, 7h30, T07:30",
            "examples": ["2024-11-01 07:30", "1/11/2024 7h30", "2024-11-03"],
        }
    ),
]
Day = Annotated[
    date,
    BeforeValidator(_day_input),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": DATE_PATTERN,
            "description": _DATE_SCHEMA_DOC,
            "examples": ["2024-11-04", "4/11/2024"],
        }
    ),
]


def new_list() -> list[Any]:
    """A new empty list: the default of a list field. (``default_factory=list`` makes pydantic
    read the signature of ``list`` from its text, tokenizer and all: ~5 ms per process.)"""
    return []


def as_day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


class StrictModel(BaseModel):
    """The base of every model of the event file: unknown keys are refused."""

    model_config = ConfigDict(extra="forbid", populate_by_name=False)
