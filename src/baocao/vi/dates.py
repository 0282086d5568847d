"""Vietnamese dates and times, as official documents and the press write them.

Header dates follow NĐ 30/2020 Phụ lục I §II.4: the day takes a leading zero below 10, the
month only for January and February (``tháng 02``, but ``tháng 8``). Press text never pads
(``Sáng 1/11``). Times are naive local times: nothing here knows about time zones.
Babel is not used here: its ``MM`` pads every month, its weekdays are ``Thứ Sáu`` and
``Chủ Nhật`` where running text writes ``thứ Sáu`` and ``Chủ nhật``, and it shifts naive
datetimes when given a time zone.

>>> from datetime import date, datetime
>>> ngay_thang(date(2025, 2, 5))
'ngày 05 tháng 02 năm 2025'
>>> mo_dau_bao_chi(datetime(2024, 11, 1, 8, 0))
'Sáng 1/11'
>>> khoang_ngay(date(2024, 10, 30), date(2024, 11, 2))
'từ ngày 30/10 đến ngày 2/11'
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from typing import Any

__all__ = [
    "buoi",
    "buoi_khoang",
    "dia_danh_ngay",
    "gio",
    "khoang_ngay",
    "loi_ngay_thang",
    "mo_dau_bao_chi",
    "ngay_ngan",
    "ngay_so",
    "ngay_thang",
    "thu",
]

#: The blank a clerk fills in by hand when the date is not known yet.
KHOANG_TRONG = " " * 6

_THU = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


def _ngay(d: Any, ten: str = "d") -> date:
    """A ``date`` from a date, a datetime or an ISO string (``2024-11-01``)."""
    if isinstance(d, datetime):
        return d.date()
    if isinstance(d, date):
        return d
    if isinstance(d, str):
        try:
            return datetime.fromisoformat(d.strip()).date()
        except ValueError:
            pass
    raise TypeError(f"{ten}: cần một ngày (date/datetime), nhận được {d!r}")


def _thang_so(m: int) -> str:
    """The month as official text writes it: ``01``, ``02``, then ``3`` … ``12``."""
    return f"{m:02d}" if m < 3 else str(m)


def ngay_thang(d: date | datetime | None, *, nam: int | None = None) -> str:
    """Ngày tháng năm đầy đủ của dòng địa danh: ``ngày 05 tháng 02 năm 2025``.

    The day is padded below 10; the month only for 1 and 2 (NĐ 30/2020). ``None`` gives the
    blank form a clerk fills in by hand, with the year ``nam`` when given.

    >>> from datetime import date
    >>> ngay_thang(date(2024, 11, 1)), ngay_thang(date(2024, 3, 12))
    ('ngày 01 tháng 11 năm 2024', 'ngày 12 tháng 3 năm 2024')
    >>> ngay_thang(date(2026, 8, 20)), ngay_thang(date(2026, 1, 9))
    ('ngày 20 tháng 8 năm 2026', 'ngày 09 tháng 01 năm 2026')
    >>> ngay_thang(None, nam=2024)
    'ngày      tháng      năm 2024'
    """
    if d is None:
        nam_text = str(nam) if nam is not None else KHOANG_TRONG
        return f"ngày{KHOANG_TRONG}tháng{KHOANG_TRONG}năm {nam_text}"
    n = _ngay(d)
    return f"ngày {n.day:02d} tháng {_thang_so(n.month)} năm {n.year}"


def dia_danh_ngay(dia_danh: str, d: date | datetime | None, *, nam: int | None = None) -> str:
    """Dòng địa danh và ngày tháng: ``Cà Mau, ngày 01 tháng 11 năm 2024``.

    >>> from datetime import date
    >>> dia_danh_ngay("Cà Mau", date(2024, 11, 1))
    'Cà Mau, ngày 01 tháng 11 năm 2024'
    >>> dia_danh_ngay("Cà Mau", None, nam=2024)
    'Cà Mau, ngày      tháng      năm 2024'
    >>> dia_danh_ngay("", date(2024, 11, 1))
    'ngày 01 tháng 11 năm 2024'
    """
    ngay = ngay_thang(d, nam=nam)
    noi_chon = unicodedata.normalize("NFC", str(dia_danh or "")).strip()
    return f"{noi_chon}, {ngay}" if noi_chon else ngay


_NGAY_THANG = re.compile(
    r"\b(?:(ngày)(\s+)(\d{1,2})(\s+))?(tháng)(\s+)(\d{1,2})(?=\s+năm\b)", re.IGNORECASE
)


def loi_ngay_thang(s: str) -> list[tuple[str, str]]:
    """Ngày tháng viết sai cách đệm số 0 trong một đoạn chữ: ``[(viết, nên viết), …]``.

    For a linter of headers: in ``ngày … tháng … năm …`` (NĐ 30/2020 Phụ lục I §II.4) the
    day takes a leading zero below 10 and the month only for 1 and 2, so ``tháng 03`` and
    ``tháng 2`` are wrong, ``tháng 3`` and ``tháng 02`` right. Only dates followed by
    ``năm`` are looked at; a day or month out of range is left alone (it is not a date).

    >>> loi_ngay_thang("Cà Mau, ngày 5 tháng 03 năm 2026")
    [('ngày 5 tháng 03', 'ngày 05 tháng 3')]
    >>> loi_ngay_thang("tháng 8 năm 2026; tháng 2 năm 2025")
    [('tháng 2', 'tháng 02')]
    >>> loi_ngay_thang("Hà Nội, ngày 05 tháng 01 năm 2020"), loi_ngay_thang("tháng 03")
    ([], [])
    """
    found: list[tuple[str, str]] = []
    for m in _NGAY_THANG.finditer(unicodedata.normalize("NFC", str(s or ""))):
        ngay_chu, cach1, ngay, cach2, thang_chu, cach3, thang = m.groups()
        if not 1 <= int(thang) <= 12 or (ngay is not None and not 1 <= int(ngay) <= 31):
            continue
        dung = f"{thang_chu}{cach3}{_thang_so(int(thang))}"
        if ngay is not None:
            dung = f"{ngay_chu}{cach1}{int(ngay):02d}{cach2}{dung}"
        if dung != m.group(0):
            found.append((m.group(0), dung))
    return found


def ngay_ngan(d: date | datetime, *, nam: bool = False) -> str:
    """Ngày kiểu báo chí, không có số 0 đứng đầu: ``1/11``, ``1/11/2024`` khi ``nam=True``.

    >>> from datetime import date
    >>> ngay_ngan(date(2024, 11, 1)), ngay_ngan(date(2024, 11, 1), nam=True)
    ('1/11', '1/11/2024')
    """
    n = _ngay(d)
    text = f"{n.day}/{n.month}"
    return f"{text}/{n.year}" if nam else text


def ngay_so(d: date | datetime) -> str:
    """Ngày dẫn trong thân văn bản: ``05/3/2024`` (số 0 cho ngày < 10 và tháng 1, 2).

    >>> from datetime import date
    >>> ngay_so(date(2024, 3, 5)), ngay_so(date(2025, 2, 5)), ngay_so(date(2024, 11, 12))
    ('05/3/2024', '05/02/2025', '12/11/2024')
    """
    n = _ngay(d)
    return f"{n.day:02d}/{_thang_so(n.month)}/{n.year}"


def thu(d: date | datetime) -> str:
    """Thứ trong tuần, viết trong câu: ``thứ Sáu``, ``Chủ nhật``.

    >>> from datetime import date
    >>> thu(date(2024, 11, 1)), thu(date(2024, 11, 3)), thu(date(2024, 11, 4))
    ('thứ Sáu', 'Chủ nhật', 'thứ Hai')
    """
    return _THU[_ngay(d).weekday()]


#: parts of the day: (name, first hour, the hour an event must end by to be "in" it). An
#: event that ends later spans two parts and is told by its day (``Ngày 5/2``); a morning
#: meeting that runs to 11:30 or 12:00 is still "sáng" (the morning session ends at noon).
_BUOI = (
    ("rạng sáng", 0, 6),
    ("sáng", 5, 12),
    ("trưa", 11, 14),
    ("chiều", 13, 18),
    ("tối", 18, 23),
    ("đêm", 22, 24),
)


def buoi(dt: date | datetime) -> str:
    """Buổi trong ngày: ``rạng sáng``, ``sáng``, ``trưa``, ``chiều``, ``tối``, ``đêm``; ngày
    không giờ → ``ngày``.

    Cut-offs (no official rule exists): rạng sáng 00:00–04:59 (the small hours belong to
    the day that is starting: ``Rạng sáng 1/11``; ``Đêm 1/11`` is the night *after* 1/11),
    sáng 05:00–10:59, trưa 11:00–12:59, chiều 13:00–17:59, tối 18:00–21:59, đêm 22:00–23:59.

    >>> from datetime import date, datetime
    >>> [buoi(datetime(2024, 11, 1, h)) for h in (5, 10, 11, 13, 17, 18, 22, 4)]
    ['sáng', 'sáng', 'trưa', 'chiều', 'chiều', 'tối', 'đêm', 'rạng sáng']
    >>> buoi(date(2024, 11, 1))
    'ngày'
    """
    if isinstance(dt, datetime | time):
        h = dt.hour
    else:
        _ngay(dt, "dt")
        return "ngày"
    if h < 5:
        return "rạng sáng"
    if 5 <= h < 11:
        return "sáng"
    if 11 <= h < 13:
        return "trưa"
    if 13 <= h < 18:
        return "chiều"
    if 18 <= h < 22:
        return "tối"
    return "đêm"


def buoi_khoang(bat_dau: date | datetime, ket_thuc: date | datetime | None = None) -> str:
    """The part of the day an event *fits in*, or ``""``: an event from 08:00 to 17:00 is not
    a morning. Without an end time the start's part is taken; an event over several days or
    without a time has none.

    >>> from datetime import datetime
    >>> d = lambda h, m=0: datetime(2025, 2, 5, h, m)
    >>> buoi_khoang(d(8), d(11, 30)), buoi_khoang(d(8), d(17)), buoi_khoang(d(14), d(17))
    ('sáng', '', 'chiều')
    >>> buoi_khoang(d(8)), buoi_khoang(d(3), d(5)), buoi_khoang(d(8), datetime(2025, 2, 6, 11))
    ('sáng', 'rạng sáng', '')
    """
    if not isinstance(bat_dau, datetime):
        return ""
    ten = buoi(bat_dau)
    if ket_thuc is None or not isinstance(ket_thuc, datetime):
        if ket_thuc is not None and _ngay(ket_thuc) != bat_dau.date():
            return ""
        return ten
    if ket_thuc.date() != bat_dau.date():
        return ""
    het = next(end for name, _, end in _BUOI if name == ten)
    cuoi = ket_thuc.hour + ket_thuc.minute / 60
    return ten if cuoi <= het else ""


def mo_dau_bao_chi(dt: date | datetime, *, ket_thuc: date | datetime | None = None) -> str:
    """Mở đầu tin bài: ``Sáng 1/11``; ngày không có giờ, hoặc sự kiện kéo dài quá một buổi
    (``ket_thuc`` cùng ngày, muộn hơn buổi bắt đầu) → ``Ngày 1/11``; 00:00–04:59 →
    ``Rạng sáng 1/11``. A multi-day event is told by its first session (``Sáng 1/11``).

    >>> from datetime import date, datetime
    >>> mo_dau_bao_chi(datetime(2024, 11, 1, 14, 0)), mo_dau_bao_chi(date(2024, 11, 1))
    ('Chiều 1/11', 'Ngày 1/11')
    >>> mo_dau_bao_chi(datetime(2025, 2, 5, 8), ket_thuc=datetime(2025, 2, 5, 17))
    'Ngày 5/2'
    >>> mo_dau_bao_chi(datetime(2024, 11, 1, 2, 30))
    'Rạng sáng 1/11'
    """
    if ket_thuc is not None and isinstance(dt, datetime) and _ngay(ket_thuc) == dt.date():
        phan = buoi_khoang(dt, ket_thuc) or "ngày"
    else:
        phan = buoi(dt)
    return f"{phan.capitalize()} {ngay_ngan(dt)}"


def khoang_ngay(a: date | datetime, b: date | datetime | None = None) -> str:
    """Khoảng ngày kiểu báo chí: ``từ ngày 1 đến ngày 3/11``; cùng một ngày → ``ngày 1/11``.

    The month is written once when both days are in the same month, the year only when the
    range crosses a year.

    >>> from datetime import date
    >>> khoang_ngay(date(2024, 11, 1), date(2024, 11, 3))
    'từ ngày 1 đến ngày 3/11'
    >>> khoang_ngay(date(2024, 12, 30), date(2025, 1, 2))
    'từ ngày 30/12/2024 đến ngày 2/1/2025'
    >>> khoang_ngay(date(2024, 11, 1), None), khoang_ngay(date(2024, 11, 1), date(2024, 11, 1))
    ('ngày 1/11', 'ngày 1/11')
    """
    dau = _ngay(a, "a")
    if b is None or _ngay(b, "b") == dau:
        return f"ngày {ngay_ngan(dau)}"
    cuoi = _ngay(b, "b")
    if cuoi < dau:
        raise ValueError(f"ngày kết thúc {ngay_so(cuoi)} trước ngày bắt đầu {ngay_so(dau)}")
    if dau.year != cuoi.year:
        return f"từ ngày {ngay_ngan(dau, nam=True)} đến ngày {ngay_ngan(cuoi, nam=True)}"
    if dau.month != cuoi.month:
        return f"từ ngày {ngay_ngan(dau)} đến ngày {ngay_ngan(cuoi)}"
    return f"từ ngày {dau.day} đến ngày {ngay_ngan(cuoi)}"


def gio(dt: datetime | time | None, *, kieu: str = "hanh_chinh") -> str:
    """Giờ: ``14 giờ 30 phút``, ``7 giờ 00`` (hành chính); ``14h30`` (``kieu="bao_chi"``).

    Official form (the one used in giấy mời and biên bản): the hour without a leading zero,
    then ``giờ``; minutes ``00`` are written ``7 giờ 00``, other minutes as two digits
    followed by ``phút`` (``8 giờ 05 phút``). Press form: ``14h30``, ``8h00``. ``None``
    gives a blank for the clerk. A date without a time is an error.

    >>> from datetime import datetime, time
    >>> gio(datetime(2024, 11, 1, 14, 30)), gio(datetime(2024, 11, 1, 7, 0))
    ('14 giờ 30 phút', '7 giờ 00')
    >>> gio(time(8, 5)), gio(datetime(2024, 11, 1, 14, 30), kieu="bao_chi")
    ('8 giờ 05 phút', '14h30')
    """
    if kieu not in ("hanh_chinh", "bao_chi"):
        raise ValueError(f"kieu phải là 'hanh_chinh' hoặc 'bao_chi', không phải {kieu!r}")
    if dt is None:
        return f"{KHOANG_TRONG}giờ{KHOANG_TRONG}" if kieu == "hanh_chinh" else f"{KHOANG_TRONG}h"
    if isinstance(dt, str):
        try:
            dt = datetime.fromisoformat(dt.strip())
        except ValueError:
            dt = time.fromisoformat(dt.strip())
    if not isinstance(dt, datetime | time):
        raise TypeError(f"dt: cần ngày giờ (datetime) hoặc giờ (time), nhận được {dt!r}")
    if kieu == "bao_chi":
        return f"{dt.hour}h{dt.minute:02d}"
    if dt.minute == 0:
        return f"{dt.hour} giờ 00"
    return f"{dt.hour} giờ {dt.minute:02d} phút"
