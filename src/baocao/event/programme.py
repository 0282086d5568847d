"""The plan and the programme of an event: ``ke_hoach`` and ``chuong_trinh``.

``chuong_trinh`` is a list of sessions ``{bat_dau, ket_thuc, noi_dung, thuc_hien}``. A time
is written ``7h30``, ``07:30`` or ``7 giờ 30``; a date may come first (``2/11/2024 7h30``)
when the event lasts several days. A session written without a date belongs to the day of
the session above it, the first one to the event's first day (``su_kien.bat_dau``). After
validation every ``bat_dau``/``ket_thuc`` is a full date and time.

The rules (:func:`kiem_tra`, run by :class:`~baocao.event.model.Event`): each session lies
inside the event's dates, the sessions are in order and do not overlap, and a session ends
after it starts, on the day it starts. A gap between two sessions of the same half-day is a warning
(:func:`khoang_trong`, one of :data:`baocao.event.warnings.RULES`), a lunch break is not.

``ke_hoach`` adds what a plan needs beyond ``su_kien``: ``yeu_cau``, ``thanh_phan``,
``phan_cong`` (``{don_vi, nhiem_vu}``) and ``kinh_phi_du_kien`` (``{so_tien, nguon}``; the
amount is a whole number of đồng like ``ket_qua.kinh_phi``).

>>> from datetime import date
>>> from baocao.i18n import set_language
>>> set_language("vi")
>>> p = [Phien.model_validate({"bat_dau": "7h30", "ket_thuc": "8h00", "noi_dung": "Khai mạc"}),
...      Phien.model_validate({"bat_dau": "2/11/2024 7h30", "noi_dung": "Chuyên đề 2"}),
...      Phien.model_validate({"bat_dau": "07:00", "noi_dung": "Bế mạc"})]
>>> [(path, msg.split(";")[0]) for path, msg in kiem_tra(p, date(2024, 11, 1), date(2024, 11, 2))]
[((2, 'bat_dau'), 'phiên này bắt đầu (7h00, 2/11/2024) trước phiên trên (7h30, 2/11/2024)')]
>>> p[0].bat_dau, p[2].bat_dau
(datetime.datetime(2024, 11, 1, 7, 30), datetime.datetime(2024, 11, 2, 7, 0))
>>> set_language(None)
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from baocao.event.fields import (
    _TIME,
    DATE_PATTERN,
    Count,
    StrictModel,
    Text,
    TextList,
    error,
    new_list,
    parse_when,
    show,
)
from baocao.i18n import _

if TYPE_CHECKING:  # pragma: no cover
    from baocao.event.model import Event
    from baocao.event.warnings import Finding

__all__ = [
    "GioPhien",
    "KeHoach",
    "KinhPhiDuKien",
    "PhanCong",
    "Phien",
    "gio_ngan",
    "khoang_trong",
    "kiem_tra",
]

_GIO = re.compile(rf"^{_TIME}$")
_TIME_PATTERN = r"^\s*\d{1,2}\s*(:|h|g|giờ)\s*(\d{1,2})?(:\d{2})?\s*(phút)?\s*$"


def _gio_input(value: Any) -> datetime | time:
    """``7h30``, ``07:30``, ``7 giờ 30`` (a time) or ``2/11/2024 7h30`` (a date and time)."""
    if isinstance(value, datetime | time):
        return value

    def hint() -> str:  # translated only when there is something to say
        return _("viết giờ như `7h30` hoặc `07:30`, thêm ngày phía trước khi cần: `2/11/2024 7h30`")

    if isinstance(value, str):
        match = _GIO.match(value.strip())
        if match is not None:
            h, mi = int(match["h"]), int(match["mi"] or 0)
            if h > 23 or mi > 59:
                raise error(
                    _("giờ `{value}` không có (giờ từ 0 đến 23, phút từ 0 đến 59)").format(
                        value=show(value.strip())
                    )
                )
            return time(h, mi)
        try:
            when = parse_when(value)
        except PydanticCustomError:  # the date's own message would ask for a date only
            when = None
        if isinstance(when, datetime):
            return when
        if isinstance(when, date):
            raise error(
                _("thiếu giờ bắt đầu/kết thúc của phiên `{value}`: {hint}").format(
                    value=show(value.strip()), hint=hint()
                )
            )
    raise error(_("không đọc được giờ `{value}`: {hint}").format(value=show(value), hint=hint()))


GioPhien = Annotated[
    datetime | time,
    BeforeValidator(_gio_input),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": _TIME_PATTERN},
                {"type": "string", "pattern": DATE_PATTERN},
            ],
            "description": "Giờ (7h30, 07:30), có thể ghi ngày phía trước: 2/11/2024 7h30",
            "examples": ["7h30", "07:30", "2/11/2024 7h30"],
        }
    ),
]


def _mot_hay_nhieu(value: Any) -> Any:
    """One task may be written as text instead of a list."""
    return (
        [value] if isinstance(value, str | int | float) and not isinstance(value, bool) else value
    )


class Phien(StrictModel):
    """Một phiên (một dòng) của chương trình."""

    bat_dau: GioPhien = Field(
        description=(
            "Giờ bắt đầu (7h30, 07:30); ghi ngày phía trước (2/11/2024 7h30) cho phiên đầu "
            "của mỗi ngày khi sự kiện kéo dài nhiều ngày. Phiên không ghi ngày thuộc ngày "
            "của phiên trên nó; phiên đầu tiên thuộc ngày bắt đầu sự kiện."
        ),
        examples=["7h30", "2/11/2024 7h30"],
    )
    ket_thuc: GioPhien | None = Field(
        None, description="Giờ kết thúc, sau giờ bắt đầu.", examples=["8h00"]
    )
    noi_dung: Text = Field(
        description="Nội dung phiên.", examples=["Khai mạc lớp bồi dưỡng", "Giải lao"]
    )
    thuc_hien: Text | None = Field(
        None,
        description=(
            "Người thực hiện: họ tên một người trong `nhan_vat` (in kèm chức vụ) hoặc ghi tự do."
        ),
        examples=["Lê Thanh Triều", "Ban Tổ chức"],
    )


class PhanCong(StrictModel):
    """Nhiệm vụ của một đơn vị trong tổ chức thực hiện kế hoạch."""

    don_vi: Text = Field(description="Đơn vị.", examples=["Văn phòng Ban"])
    nhiem_vu: Annotated[
        TextList,
        BeforeValidator(_mot_hay_nhieu),
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "string", "minLength": 1},
                    {"type": "array", "items": {"type": "string", "minLength": 1}},
                ]
            }
        ),
    ] = Field(
        description="Nhiệm vụ: một câu hoặc danh sách các việc.",
        examples=[["Chuẩn bị hội trường, tài liệu", "Bố trí kinh phí"]],
    )


class KinhPhiDuKien(StrictModel):
    """Kinh phí dự kiến của kế hoạch."""

    so_tien: Count = Field(
        description="Số tiền dự kiến (đồng), như `ket_qua.kinh_phi`.",
        examples=[45000000, "45.000.000"],
    )
    nguon: Text | None = Field(
        None, description="Nguồn kinh phí.", examples=["ngân sách tỉnh năm 2024"]
    )


class KeHoach(StrictModel):
    """Kế hoạch tổ chức (dùng cùng `su_kien.muc_dich`, `noi_dung`, `doi_tuong`, `so_nguoi`,
    `can_cu`)."""

    can_cu: Text | None = Field(
        None,
        description=(
            "Căn cứ xây dựng kế hoạch (mặc định: `su_kien.can_cu`; ghi riêng khi `can_cu` "
            "của sự kiện là chính kế hoạch này)."
        ),
        examples=["Chương trình công tác năm 2024 của Ban Thường vụ Tỉnh ủy"],
    )
    yeu_cau: TextList = Field(default_factory=new_list, description="Yêu cầu.")
    thanh_phan: TextList = Field(
        default_factory=new_list,
        description="Thành phần tham dự (mặc định: `su_kien.doi_tuong`).",
        examples=[["Lãnh đạo Ban Dân vận Tỉnh ủy", "Học viên: 120 đồng chí"]],
    )
    phan_cong: list[PhanCong] = Field(
        default_factory=new_list, description="Tổ chức thực hiện: mỗi đơn vị và nhiệm vụ."
    )
    kinh_phi_du_kien: KinhPhiDuKien | None = Field(
        None, description="Kinh phí dự kiến: `so_tien` (đồng) và `nguon`."
    )


# --- the rules -------------------------------------------------------------------------------


def gio_ngan(value: datetime | time) -> str:
    """``7h30``, ``14h00`` (as a programme prints a time).

    >>> gio_ngan(time(7, 30)), gio_ngan(datetime(2024, 11, 1, 14, 0))
    ('7h30', '14h00')
    """
    return f"{value.hour}h{value.minute:02d}"


def _luc(value: datetime) -> str:
    return f"{gio_ngan(value)}, {value.day}/{value.month}/{value.year}"


def _ngay(value: date) -> str:
    return f"{value.day}/{value.month}/{value.year}"


def kiem_tra(phien: list[Phien], dau: date, cuoi: date) -> list[tuple[tuple[str | int, ...], str]]:
    """Give every session its full date and time (see the module), then check them against
    the event's days ``dau``..``cuoi``; the problems' paths are relative to the list."""
    issues: list[tuple[tuple[str | int, ...], str]] = []
    day = dau
    truoc: Phien | None = None
    for i, p in enumerate(phien):
        if isinstance(p.bat_dau, datetime):
            day = p.bat_dau.date()
        else:
            p.bat_dau = datetime.combine(day, p.bat_dau)
        if p.ket_thuc is not None and not isinstance(p.ket_thuc, datetime):
            p.ket_thuc = datetime.combine(day, p.ket_thuc)
        start, end = p.bat_dau, p.ket_thuc
        assert isinstance(start, datetime)
        for field, when in (("bat_dau", start), ("ket_thuc", end)):
            if isinstance(when, datetime) and not dau <= when.date() <= cuoi:
                khoang = _ngay(dau) if dau == cuoi else f"{_ngay(dau)} - {_ngay(cuoi)}"
                issues.append(
                    (
                        (i, field),
                        _("ngày {ngay} nằm ngoài thời gian của sự kiện ({khoang})").format(
                            ngay=_ngay(when), khoang=khoang
                        ),
                    )
                )
                break
        if isinstance(end, datetime) and end.date() != start.date() and end > start:
            issues.append(
                (
                    (i, "ket_thuc"),
                    _(
                        "một phiên bắt đầu và kết thúc trong cùng một ngày ({ngay}); "
                        "ghi mỗi ngày một phiên"
                    ).format(ngay=_ngay(start)),
                )
            )
        elif isinstance(end, datetime) and end <= start:
            issues.append(
                (
                    (i, "ket_thuc"),
                    _("giờ kết thúc ({end}) không sau giờ bắt đầu ({start})").format(
                        end=gio_ngan(end), start=gio_ngan(start)
                    ),
                )
            )
        if truoc is not None:
            t_start, t_end = truoc.bat_dau, truoc.ket_thuc
            assert isinstance(t_start, datetime)
            if start < t_start:
                issues.append(
                    (
                        (i, "bat_dau"),
                        _(
                            "phiên này bắt đầu ({a}) trước phiên trên ({b}); xếp các phiên "
                            "theo thứ tự thời gian, hoặc ghi ngày cho phiên đầu mỗi ngày, "
                            "ví dụ `{vi_du} {gio}`"
                        ).format(
                            a=_luc(start),
                            b=_luc(t_start),
                            vi_du=_ngay(t_start.date() + timedelta(days=1)),
                            gio=gio_ngan(start),
                        ),
                    )
                )
            elif isinstance(t_end, datetime) and start < t_end:
                issues.append(
                    (
                        (i, "bat_dau"),
                        _(
                            "phiên này bắt đầu lúc {a} khi phiên trên ({b} - {c}) chưa kết thúc"
                        ).format(a=gio_ngan(start), b=gio_ngan(t_start), c=gio_ngan(t_end)),
                    )
                )
        truoc = p
    return issues


def _nua_ngay(value: datetime) -> int:
    """0 morning (before 12h), 1 afternoon (12h–18h), 2 evening."""
    return 0 if value.hour < 12 else 1 if value.hour < 18 else 2


def khoang_trong(event: Event) -> list[Finding]:
    """Warning rule: a gap between two sessions of the same half-day (morning, afternoon or
    evening) is probably a forgotten session or a typing slip; a break that spans noon or
    18h (lunch, dinner) is not reported."""
    found: list[Finding] = []
    phien = getattr(event, "chuong_trinh", None) or []
    for i in range(1, len(phien)):
        end, start = phien[i - 1].ket_thuc, phien[i].bat_dau
        if not (isinstance(end, datetime) and isinstance(start, datetime)):
            continue
        if start > end and start.date() == end.date() and _nua_ngay(start) == _nua_ngay(end):
            found.append(
                (
                    ("chuong_trinh", i, "bat_dau"),
                    _(
                        "chương trình bỏ trống từ {a} đến {b}: thêm một phiên (ví dụ "
                        "`Giải lao`) hoặc sửa giờ"
                    ).format(a=gio_ngan(end), b=gio_ngan(start)),
                    "khoang-trong",
                )
            )
    return found
