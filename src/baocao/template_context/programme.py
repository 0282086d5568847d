"""The programme table (``lich_chuong_trinh``): one block per day, one row per session.

Part of :mod:`baocao.template_context.build`. The sessions come validated, each with its full
date and time (:mod:`baocao.event.programme`); a ``thuc_hien`` that is the name of a person
of ``nhan_vat`` is printed with the person's titles.

>>> import datetime as dt
>>> days = lich_chuong_trinh(
...     [{"bat_dau": dt.datetime(2024, 11, 1, 7, 30), "ket_thuc": dt.datetime(2024, 11, 1, 8),
...       "noi_dung": "Khai mạc", "thuc_hien": "Lê Văn A"},
...      {"bat_dau": dt.datetime(2024, 11, 2, 7, 30), "ket_thuc": None,
...       "noi_dung": "Bế mạc", "thuc_hien": "Ban Tổ chức"}],
...     [{"ho_ten": "Lê Văn A", "gioi_thieu": "đồng chí Lê Văn A, Trưởng Ban"}])
>>> [(d["ngay"], [(p["thoi_gian"], p["thuc_hien"]) for p in d["phien"]]) for d in days]
[('Thứ Sáu, ngày 01/11/2024', [('7h30 - 8h00', 'Đồng chí Lê Văn A, Trưởng Ban')]), \
('Thứ Bảy, ngày 02/11/2024', [('7h30', 'Ban Tổ chức')])]
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from baocao.template_context.sentences import hoa_dau

__all__ = ["lich_chuong_trinh", "thuc_hien"]


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def thuc_hien(text: str | None, nhan_vat: list[dict[str, Any]]) -> str:
    """The person of ``nhan_vat`` named ``text``, with titles; other text as written."""
    if not text:
        return ""
    for p in nhan_vat:
        if _key(str(p.get("ho_ten") or "")) == _key(text):
            return hoa_dau(str(p["gioi_thieu"]))
    return text


def lich_chuong_trinh(
    chuong_trinh: list[dict[str, Any]], nhan_vat: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Day blocks ``{ngay: "Thứ Sáu, ngày 01/11/2024", phien: [{thoi_gian, noi_dung,
    thuc_hien}]}`` in the order of the sessions."""
    from baocao.event.programme import gio_ngan
    from baocao.vi import ngay_so, thu

    days: list[dict[str, Any]] = []
    for p in chuong_trinh:
        start: dt.datetime = p["bat_dau"]
        end: dt.datetime | None = p.get("ket_thuc")
        label = f"{hoa_dau(thu(start))}, ngày {ngay_so(start)}"
        if not days or days[-1]["ngay"] != label:
            days.append({"ngay": label, "phien": []})
        days[-1]["phien"].append(
            {
                "thoi_gian": gio_ngan(start) + (f" - {gio_ngan(end)}" if end else ""),
                "noi_dung": p["noi_dung"],
                "thuc_hien": thuc_hien(p.get("thuc_hien"), nhan_vat),
            }
        )
    return days
