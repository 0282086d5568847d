"""Sentences about the event for the press release, the news item and the opening speech.

Part of :mod:`baocao.template_context`: each function takes the plain dicts the context builds and
returns text as the event wrote it (the engine applies NFC and the tone style later).

>>> hoa_dau("lớp bồi dưỡng"), thuong_dau("Về việc")
('Lớp bồi dưỡng', 'về việc')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

__all__ = [
    "as_date",
    "bo_dau_cuoi",
    "cau_su_kien",
    "dong_danh_sach",
    "hoa_dau",
    "khoang_nam",
    "loi_chao",
    "nguoi",
    "nguoi_phat_bieu",
    "thoi_gian",
    "thuong_dau",
]


def hoa_dau(s: str) -> str:
    """Capital first letter, the rest untouched.

    >>> hoa_dau("lớp bồi dưỡng Cà Mau")
    'Lớp bồi dưỡng Cà Mau'
    """
    return s[:1].upper() + s[1:]


def thuong_dau(s: str) -> str:
    """Lower-case first letter (the Party trích yếu starts lower case).

    >>> thuong_dau("Về việc tổ chức")
    'về việc tổ chức'
    """
    return s[:1].lower() + s[1:]


def bo_dau_cuoi(s: str) -> str:
    return s.rstrip().rstrip(";,.").rstrip()


def dong_danh_sach(items: Sequence[str], *, ngan: str = ";", cuoi: str = ".") -> list[str]:
    """List lines ``- A;`` … ``- Z.``, whatever punctuation the items came with.

    >>> dong_danh_sach(["Như trên", "Tỉnh ủy (b/c);"], ngan=",")
    ['- Như trên,', '- Tỉnh ủy (b/c).']
    """
    items = [bo_dau_cuoi(x) for x in items if x and x.strip()]
    return [f"- {x}{ngan if i < len(items) - 1 else cuoi}" for i, x in enumerate(items)]


# --- dates ---------------------------------------------------------------------------------


def as_date(d: dt.date) -> dt.date:
    return d.date() if isinstance(d, dt.datetime) else d


def khoang_nam(a: dt.date, b: dt.date | None) -> str:
    """:func:`baocao.vi.khoang_ngay` with the year on the end date (formal text).

    >>> khoang_nam(dt.date(2024, 11, 1), dt.date(2024, 11, 3))
    'từ ngày 1 đến ngày 3/11/2024'
    >>> khoang_nam(dt.date(2024, 12, 30), dt.date(2025, 1, 2))
    'từ ngày 30/12/2024 đến ngày 2/1/2025'
    >>> khoang_nam(dt.datetime(2024, 11, 1, 8), None)
    'ngày 1/11/2024'
    """
    from baocao.vi import khoang_ngay

    text = khoang_ngay(a, b)
    if b is None or as_date(a).year == as_date(b).year:
        text += f"/{as_date(a).year}"
    return text


def nguoi(p: dict[str, Any], mac_dinh: str) -> dict[str, Any]:
    from baocao.vi import dong_chi

    p = dict(p)
    p["danh_xung"] = p.get("danh_xung") or mac_dinh
    p["chuc_vu"] = list(p.get("chuc_vu") or [])
    p["phat_bieu"] = list(p.get("phat_bieu") or [])
    p["gioi_thieu"] = dong_chi(p)
    # "đồng chí A, Trưởng Ban," before a verb; "đồng chí A" alone takes no comma
    p["gioi_thieu_cau"] = p["gioi_thieu"] + ("," if p["chuc_vu"] else "")
    return p


def thoi_gian(sk: dict[str, Any]) -> dict[str, Any]:
    """When: ``mo_dau`` (``Sáng 1/11``), ``khoang``, ``khoang_nam``, ``so_ngay``, ``mot_ngay``."""
    from baocao.vi import khoang_ngay, mo_dau_bao_chi

    bat_dau, ket_thuc = sk["bat_dau"], sk.get("ket_thuc")
    so_ngay = ((as_date(ket_thuc) if ket_thuc else as_date(bat_dau)) - as_date(bat_dau)).days
    return {
        "mo_dau": mo_dau_bao_chi(bat_dau),
        "khoang": khoang_ngay(bat_dau, ket_thuc),
        "khoang_nam": khoang_nam(bat_dau, ket_thuc),
        "so_ngay": so_ngay + 1,
        "mot_ngay": so_ngay == 0,
    }


def _lanh_dao(theo_vai_tro: dict[str, list[dict[str, Any]]], khai_mac: Any) -> list[Any]:
    """Leaders greeted by name in the speech (not the speaker himself)."""
    speaker = (khai_mac or {}).get("ho_ten")
    return [
        p
        for role in ("chi_dao", "chu_tri", "du")
        for p in theo_vai_tro[role]
        if p.get("chuc_vu") and p.get("ho_ten") != speaker
    ]


def cau_su_kien(
    sk: dict[str, Any],
    theo_vai_tro: dict[str, list[dict[str, Any]]],
    khai_mac: dict[str, Any] | None,
    tg: dict[str, Any],
) -> dict[str, Any]:
    """The ready sentences of the press release, the news item and the speech."""
    from baocao.vi import noi

    goi_tat, nguoi_du = sk["goi_tat"], sk["nguoi_du"]
    to_chuc = sk["to_chuc"]
    if sk["phoi_hop"]:
        to_chuc += " phối hợp với " + noi(sk["phoi_hop"])
    to_chuc += " tổ chức " + sk["ten"]
    if sk["doi_tuong"]:
        to_chuc += " cho " + "; ".join(sk["doi_tuong"])
    dia_diem = sk.get("dia_diem")
    # "A phối hợp với B tổ chức …" at B's premises needs no "tại B"
    o_dau = bool(dia_diem) and dia_diem not in [sk["to_chuc"], *sk["phoi_hop"]]
    tai = f"tại {dia_diem}, " if o_dau else ""

    cau: dict[str, Any] = {}
    cau["mo_dau"] = f"{tg['mo_dau']}, {tai}{to_chuc}."
    cau["thong_cao_mo_dau"] = hoa_dau(
        f"{tg['khoang_nam']}, {'tại ' + dia_diem + ', ' if dia_diem else ''}{to_chuc}."
    )
    ve = (
        f"các {nguoi_du} được nghiên cứu, học tập nhiều nội dung quan trọng về: "
        + "; ".join(bo_dau_cuoi(x) for x in sk["noi_dung"])
        if sk["noi_dung"]
        else ""
    )
    cau["dien_ra"] = ""
    if ve or not tg["mot_ngay"]:
        dien_ra = "diễn ra " + ("trong " if tg["mot_ngay"] else "") + str(tg["khoang"])
        cau["dien_ra"] = hoa_dau(goi_tat) + f" {dien_ra}" + (f", {ve}" if ve else "") + "."
    cau["noi_dung"] = hoa_dau(ve) + "." if ve else ""
    # The chair who also opens is one sentence, not "X chủ trì …" and "X phát biểu khai mạc …".
    mo_va_chu_tri = bool(khai_mac) and any(
        p["ho_ten"] == khai_mac["ho_ten"] for p in theo_vai_tro["chu_tri"]
    )
    cau["khai_mac"] = (
        hoa_dau(
            f"{khai_mac['gioi_thieu_cau']} "
            + ("chủ trì và " if mo_va_chu_tri else "")
            + f"phát biểu khai mạc {goi_tat}."
        )
        if khai_mac
        else ""
    )
    tham_du = []
    if theo_vai_tro["chi_dao"]:
        tham_du.append(
            "Dự và chỉ đạo có " + "; ".join(p["gioi_thieu"] for p in theo_vai_tro["chi_dao"]) + "."
        )
    for p in theo_vai_tro["chu_tri"]:
        if not (mo_va_chu_tri and p["ho_ten"] == khai_mac["ho_ten"]):  # type: ignore[index]
            tham_du.append(hoa_dau(f"{p['gioi_thieu_cau']} chủ trì {goi_tat}."))
    du = [p["gioi_thieu"] for p in theo_vai_tro["du"]]
    so_nguoi = sk.get("so_nguoi")
    if du or so_nguoi:
        dong = "Tham dự có " + "; ".join(du)
        if so_nguoi:
            dong += (" cùng " if du else "") + f"{so_nguoi} {nguoi_du}"
        tham_du.append(dong + ".")
    cau["tham_du"] = tham_du
    bcv = theo_vai_tro["bao_cao_vien"]
    cau["bao_cao_vien"] = (
        "Các chuyên đề do " + "; ".join(p["gioi_thieu"] for p in bcv) + " truyền đạt."
        if bcv
        else ""
    )
    cau["nguoi_nghe"] = (
        "các đồng chí đại biểu"
        if nguoi_du == "đại biểu"
        else f"các đồng chí đại biểu và các đồng chí {nguoi_du}"
    )
    cau["chao_mung"] = (
        f"Hôm nay, {to_chuc}. Thay mặt {sk['to_chuc']}, tôi nhiệt liệt chào mừng "
        + ("các đồng chí lãnh đạo, " if _lanh_dao(theo_vai_tro, khai_mac) else "")
        + f"{cau['nguoi_nghe']} về dự {goi_tat}."
    )
    n_cd = len(sk["noi_dung"])
    cau["chuong_trinh"] = ""
    if n_cd and tg["mot_ngay"]:
        cau["chuong_trinh"] = (
            f"Tại {goi_tat} hôm nay, {cau['nguoi_nghe']} sẽ được nghe và thảo luận {n_cd} nội dung:"
        )
    elif n_cd:
        cau["chuong_trinh"] = (
            f"Trong thời gian {tg['so_ngay']} ngày, {cau['nguoi_nghe']} sẽ được nghiên cứu, "
            f"học tập {n_cd} chuyên đề:"
        )
    return cau


def loi_chao(
    sk: dict[str, Any], theo_vai_tro: dict[str, list[dict[str, Any]]], khai_mac: Any
) -> list[str]:
    """Salutations of the opening speech."""
    lines = [f"Kính thưa {p['gioi_thieu']}!" for p in _lanh_dao(theo_vai_tro, khai_mac)]
    lines.append("Kính thưa các đồng chí đại biểu!")
    if sk["nguoi_du"] != "đại biểu":
        lines.append(f"Thưa các đồng chí {sk['nguoi_du']}!")
    return lines


def nguoi_phat_bieu(nhan_vat: list[dict[str, Any]], goi_tat: str) -> list[dict[str, Any]]:
    """People with speech points, each with the sentence ``cau`` that reports them."""
    out = []
    for p in nhan_vat:
        if p["phat_bieu"]:
            mo = "Phát biểu khai mạc" if p["vai_tro"] == "khai_mac" else f"Phát biểu tại {goi_tat}"
            out.append(
                dict(p, cau=f"{mo}, {p['gioi_thieu_cau']} nhấn mạnh: " + " ".join(p["phat_bieu"]))
            )
    return out
