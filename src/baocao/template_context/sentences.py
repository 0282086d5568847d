"""Sentences about the event for the press release, the news item and the opening speech.

Part of :mod:`baocao.template_context.build`: each function takes the plain dicts the context
builds and
returns text as the event wrote it (the engine applies NFC and the tone style later).

>>> hoa_dau("lớp bồi dưỡng"), thuong_dau("Về việc")
('Lớp bồi dưỡng', 'về việc')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

__all__ = [
    "as_date",
    "bo_dau_cuoi",
    "cau_su_kien",
    "dong_danh_sach",
    "hoa_dau",
    "khoang_nam",
    "la_lop",
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


#: words that make an event a course (studied, taught) rather than a meeting (heard, discussed)
_LOP = re.compile(r"\b(lớp|khóa|khoá|tập huấn|bồi dưỡng|đào tạo)\b", re.IGNORECASE)
_CHO = re.compile(r"\bcho\b", re.IGNORECASE)
#: the order speeches are reported in, whatever order the event file lists people in
_THU_TU_VAI_TRO = ("khai_mac", "chi_dao", "chu_tri", "du", "bao_cao_vien", "be_mac")


def la_lop(sk: dict[str, Any]) -> bool:
    """A course (``học viên``, ``lớp``, ``tập huấn`` …) rather than a conference or a ceremony.

    >>> la_lop({"ten": "lớp bồi dưỡng", "goi_tat": "lớp", "nguoi_du": "đại biểu"})
    True
    >>> la_lop({"ten": "hội nghị triển khai Luật Đất đai", "goi_tat": "hội nghị",
    ...         "nguoi_du": "đại biểu"})
    False
    """
    text = f"{sk.get('ten') or ''} {sk.get('goi_tat') or ''}"
    return sk.get("nguoi_du") == "học viên" or bool(_LOP.search(text))


#: forms of address of the press that a speech replaces with "đồng chí"
_XUNG_BAO_CHI = frozenset({"ông", "bà", "anh", "chị"})


def nguoi(p: dict[str, Any], mac_dinh: str) -> dict[str, Any]:
    from baocao.vi import dong_chi

    p = dict(p)
    p["danh_xung"] = p.get("danh_xung") or mac_dinh
    p["chuc_vu"] = list(p.get("chuc_vu") or [])
    p["phat_bieu"] = list(p.get("phat_bieu") or [])
    p["gioi_thieu"] = dong_chi(p)
    # "đồng chí A, Trưởng Ban," before a verb; "đồng chí A" alone takes no comma
    p["gioi_thieu_cau"] = p["gioi_thieu"] + ("," if p["chuc_vu"] else "")
    # in a speech officials are "đồng chí" (Party and state meetings alike); the press forms
    # "ông", "bà", "anh", "chị" give way, any other form of address (ngài, Hòa thượng) stays
    xung = "đồng chí" if p["danh_xung"].casefold() in _XUNG_BAO_CHI else p["danh_xung"]
    p["gioi_thieu_phat_bieu"] = dong_chi(dict(p, danh_xung=xung))
    return p


def thoi_gian(sk: dict[str, Any]) -> dict[str, Any]:
    """When: ``mo_dau`` (``Sáng 1/11``), ``khoang``, ``khoang_nam``, ``so_ngay``, ``mot_ngay``,
    ``buoi`` (``chiều`` for a one-day event that fits in the afternoon, else ``""``: an event
    from 08:00 to 17:00 has no part of the day) and ``khi_nam``
    (``chiều ngày 5/2/2025``, else ``khoang_nam``)."""
    from baocao.vi import buoi_khoang, khoang_ngay, mo_dau_bao_chi

    bat_dau, ket_thuc = sk["bat_dau"], sk.get("ket_thuc")
    so_ngay = ((as_date(ket_thuc) if ket_thuc else as_date(bat_dau)) - as_date(bat_dau)).days
    # the part of the day only when the event fits in it: 08:00–17:00 is "ngày 5/2"
    phan_ngay = buoi_khoang(bat_dau, ket_thuc) if so_ngay == 0 else ""
    nam = khoang_nam(bat_dau, ket_thuc)
    return {
        "mo_dau": mo_dau_bao_chi(bat_dau, ket_thuc=ket_thuc),
        "khoang": khoang_ngay(bat_dau, ket_thuc),
        "khoang_nam": nam,
        "so_ngay": so_ngay + 1,
        "mot_ngay": so_ngay == 0,
        "buoi": phan_ngay,
        "khi_nam": f"{phan_ngay} {nam}" if phan_ngay else nam,
    }


def _cap_duoi(p: dict[str, Any], speaker: dict[str, Any] | None) -> bool:
    """``p`` is the speaker's deputy: a ``Phó …`` title where the speaker has one without it
    (``Phó Trưởng Ban`` under a ``Trưởng Ban``)."""
    if not speaker:
        return False
    mine = [str(c).casefold() for c in speaker.get("chuc_vu") or []]
    theirs = [str(c).casefold() for c in p.get("chuc_vu") or []]
    return any(t.startswith("phó ") for t in theirs) and any(not m.startswith("phó ") for m in mine)


def _lanh_dao(theo_vai_tro: dict[str, list[dict[str, Any]]], khai_mac: Any) -> list[Any]:
    """People greeted by name in the speech: those senior to the speaker or guests — who
    directs (``chi_dao``), a chair who is not the speaker's deputy, lecturers from the
    centre (``Trung ương``). Never the speaker, their deputies, or one delegate among many.

    >>> a = {"ho_ten": "A", "chuc_vu": ["Trưởng Ban Dân vận Tỉnh ủy"]}
    >>> b = {"ho_ten": "B", "chuc_vu": ["Phó Trưởng Ban Dân vận Tỉnh ủy"]}
    >>> c = {"ho_ten": "C", "chuc_vu": ["Vụ trưởng, Ban Dân vận Trung ương"]}
    >>> d = {"ho_ten": "D", "chuc_vu": ["Giám đốc Sở Nội vụ"]}
    >>> roles = {"chi_dao": [], "chu_tri": [b], "du": [d], "bao_cao_vien": [c, d]}
    >>> [p["ho_ten"] for p in _lanh_dao(roles, a)]
    ['C']
    """
    speaker = (khai_mac or {}).get("ho_ten")
    out = [p for p in theo_vai_tro["chi_dao"] if p.get("ho_ten") != speaker]
    out += [
        p
        for p in theo_vai_tro["chu_tri"]
        if p.get("chuc_vu") and p.get("ho_ten") != speaker and not _cap_duoi(p, khai_mac)
    ]
    out += [
        p
        for p in theo_vai_tro["bao_cao_vien"]
        if p.get("ho_ten") != speaker
        and any("trung ương" in str(c).casefold() for c in p.get("chuc_vu") or [])
    ]
    unique: dict[str, dict[str, Any]] = {}
    for p in out:
        unique.setdefault(str(p["ho_ten"]), p)
    return list(unique.values())


def _ai_lam(people: list[dict[str, Any]], key: str = "gioi_thieu") -> str:
    """``A; B, Trưởng Ban,`` — people before a verb: the last one's titles are closed."""
    last = people[-1]
    names = [p.get(key) or p["gioi_thieu"] for p in people[:-1]]
    names.append((last.get(key) or last["gioi_thieu"]) + ("," if last.get("chuc_vu") else ""))
    return "; ".join(names)


def _noi_dung(sk: dict[str, Any], lop: bool) -> str:
    """``các học viên được nghiên cứu, học tập nhiều nội dung quan trọng về: A; B`` (a course)
    or ``các đại biểu được nghe và thảo luận các nội dung: A; B`` (a meeting); ``""``."""
    items = [bo_dau_cuoi(x) for x in sk["noi_dung"] if x and x.strip()]
    if not items:
        return ""
    if lop and sk["nguoi_du"] == "học viên":  # only trainees study
        what = "nhiều nội dung quan trọng về" if len(items) > 1 else "chuyên đề"
        verb = "nghiên cứu, học tập"
    elif lop:
        what = "các chuyên đề" if len(items) > 1 else "chuyên đề"
        verb = "nghe và thảo luận"
    else:
        what = "các nội dung" if len(items) > 1 else "nội dung"
        verb = "nghe và thảo luận"
    return f"các {sk['nguoi_du']} được {verb} {what}: " + "; ".join(items)


def _to_chuc(sk: dict[str, Any]) -> str:
    """``A phối hợp với B tổ chức <event> cho <audience>``; an event name that already says
    ``cho …`` takes the audience as ``, với sự tham gia của …``."""
    from baocao.vi import noi

    text = str(sk["to_chuc"])
    phoi_hop = [bo_dau_cuoi(x) for x in sk["phoi_hop"] if x and x.strip()]
    if phoi_hop:
        text += " phối hợp với " + noi(phoi_hop)
    text += f" tổ chức {sk['ten']}"
    doi_tuong = [bo_dau_cuoi(x) for x in sk["doi_tuong"] if x and x.strip()]
    if doi_tuong:
        joint = ", với sự tham gia của " if _CHO.search(sk["ten"]) else " cho "
        text += joint + "; ".join(doi_tuong)
    return text


def _tai(sk: dict[str, Any]) -> str:
    """``tại <venue>, `` before ``<organiser> tổ chức …``, without saying a name twice: at
    the organiser's or a partner's own premises no venue is needed; a venue that names the
    organiser (``Hội trường tầng 3, Sở Nội vụ``) drops the name the sentence says next.

    >>> sk = {"to_chuc": "Sở Nội vụ", "phoi_hop": ["Trường Chính trị"]}
    >>> _tai(dict(sk, dia_diem="Hội trường tầng 3, Sở Nội vụ"))
    'tại Hội trường tầng 3, '
    >>> _tai(dict(sk, dia_diem="Trường Chính trị")), _tai(dict(sk, dia_diem="Hội trường A"))
    ('', 'tại Hội trường A, ')
    >>> _tai(dict(sk, dia_diem="Hội trường Sở Nội vụ tỉnh Cà Mau"))
    'tại Hội trường Sở Nội vụ tỉnh Cà Mau, '
    """
    dia_diem = " ".join(str(sk.get("dia_diem") or "").split())
    if not dia_diem:
        return ""
    # "A phối hợp với B tổ chức …" at B's premises needs no "tại B"
    if dia_diem.casefold() in {str(x).casefold() for x in [sk["to_chuc"], *sk["phoi_hop"]]}:
        return ""
    ten = " ".join(str(sk["to_chuc"]).split())
    # the organiser's name as a whole part of the venue ("…, Sở Nội vụ" or "Sở Nội vụ, …")
    # compiled only when the venue holds the name (IGNORECASE pairs share a casefold)
    found = ten.casefold() in dia_diem.casefold()
    m = found and re.search(rf"(^|,\s*){re.escape(ten)}(?=\s*(,|$))", dia_diem, re.IGNORECASE)
    if m:
        rest = (dia_diem[: m.start()] + dia_diem[m.end() :]).strip(" ,")
        rest = re.sub(r"\s*,\s*,\s*", ", ", rest)
        return f"tại {rest}, " if rest else ""
    return f"tại {dia_diem}, "


def _tham_du(
    sk: dict[str, Any], theo_vai_tro: dict[str, list[dict[str, Any]]], khai_mac: Any
) -> list[str]:
    """Who directed, chaired (unless the chair also opened) and attended."""
    from baocao.vi import so

    goi_tat, nguoi_du = sk["goi_tat"], sk["nguoi_du"]
    lines = []
    if theo_vai_tro["chi_dao"]:
        lines.append(
            "Dự và chỉ đạo có " + "; ".join(p["gioi_thieu"] for p in theo_vai_tro["chi_dao"]) + "."
        )
    opener = (khai_mac or {}).get("ho_ten")
    lines += [
        hoa_dau(f"{p['gioi_thieu_cau']} chủ trì {goi_tat}.")
        for p in theo_vai_tro["chu_tri"]
        if p["ho_ten"] != opener
    ]
    du, so_nguoi = theo_vai_tro["du"], sk.get("so_nguoi")
    if so_nguoi:
        dem = f"{so(so_nguoi)} {nguoi_du}"
        lines.append(f"Tham dự có {_ai_lam(du)} cùng {dem}." if du else f"Tham dự có {dem}.")
    elif du:
        lines.append("Tham dự có " + "; ".join(p["gioi_thieu"] for p in du) + ".")
    return lines


def cau_su_kien(
    sk: dict[str, Any],
    theo_vai_tro: dict[str, list[dict[str, Any]]],
    khai_mac: dict[str, Any] | None,
    tg: dict[str, Any],
) -> dict[str, Any]:
    """The ready sentences of the press release, the news item and the speech."""
    goi_tat, nguoi_du = sk["goi_tat"], sk["nguoi_du"]
    lop = la_lop(sk)
    to_chuc = _to_chuc(sk)
    tai = _tai(sk)

    cau: dict[str, Any] = {}
    cau["mo_dau"] = f"{tg['mo_dau']}, {tai}{to_chuc}."
    cau["thong_cao_mo_dau"] = hoa_dau(f"{tg['khi_nam']}, {tai}{to_chuc}.")
    ve = _noi_dung(sk, lop)
    cau["dien_ra"] = ""
    if not tg["mot_ngay"]:
        cau["dien_ra"] = (
            hoa_dau(goi_tat) + f" diễn ra {tg['khoang']}" + (f", {ve}" if ve else "") + "."
        )
    elif ve:  # one day: the lead has said when; "diễn ra trong ngày" would say it again
        cau["dien_ra"] = f"Tại {goi_tat}, {ve}."
    cau["noi_dung"] = hoa_dau(ve) + "." if ve else ""
    # The chair who also opens is one sentence, not "X chủ trì …" and "X phát biểu khai mạc …".
    mo_va_chu_tri = khai_mac is not None and any(
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
    cau["tham_du"] = _tham_du(sk, theo_vai_tro, khai_mac)
    bcv = theo_vai_tro["bao_cao_vien"]
    cau["bao_cao_vien"] = cau["bao_cao_vien_phat_bieu"] = ""
    if bcv:
        mot = len(sk["noi_dung"]) == 1
        what = (
            ("Chuyên đề" if mot else "Các chuyên đề")
            if lop
            else ("Nội dung" if mot else "Các nội dung")
        )
        verb = "truyền đạt" if lop else "trình bày"
        cau["bao_cao_vien"] = f"{what} do {_ai_lam(bcv)} {verb}."
        # the speech calls them "đồng chí" (issue 10)
        cau["bao_cao_vien_phat_bieu"] = f"{what} do {_ai_lam(bcv, 'gioi_thieu_phat_bieu')} {verb}."
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
    cau.update(_cau_phat_bieu(sk, tg, cau["nguoi_nghe"], lop))
    # the speaker's own request is not followed by the generic one
    diem = " ".join((khai_mac or {}).get("phat_bieu") or []).casefold()
    if "đề nghị" in diem:
        cau["de_nghi"] = ""
    return cau


def _cau_phat_bieu(
    sk: dict[str, Any], tg: dict[str, Any], nguoi_nghe: str, lop: bool
) -> dict[str, str]:
    """The speech's own sentences: programme, aims, requests to the participants."""
    goi_tat, n_cd = sk["goi_tat"], len(sk["noi_dung"])
    cau = {"chuong_trinh": "", "muc_dich": "", "de_nghi": ""}
    if n_cd and tg["mot_ngay"]:
        cau["chuong_trinh"] = (
            f"Tại {goi_tat} hôm nay, {nguoi_nghe} sẽ được nghe và thảo luận {n_cd} nội dung:"
        )
    elif n_cd:
        # only trainees "nghiên cứu, học tập"; delegates "nghe và thảo luận"
        hoc_vien = sk["nguoi_du"] == "học viên"
        ai = "các đồng chí học viên" if hoc_vien else "các đồng chí đại biểu"
        what = "chuyên đề" if lop else "nội dung"
        hoc = (
            f"nghiên cứu, học tập {n_cd} {what}" if hoc_vien else f"nghe và thảo luận {n_cd} {what}"
        )
        cau["chuong_trinh"] = f"Trong thời gian {tg['so_ngay']} ngày, {ai} sẽ được {hoc}:"
    if sk["muc_dich"]:
        # the plan usually ends "… của <organiser>": the organiser is not named again
        cau["muc_dich"] = (
            f"Thực hiện {bo_dau_cuoi(sk['can_cu'])}, {goi_tat} được tổ chức nhằm:"
            if sk.get("can_cu")
            else f"{sk['to_chuc']} tổ chức {goi_tat} nhằm:"
        )
    cau["de_nghi"] = f"Để {goi_tat} đạt kết quả tốt, tôi đề nghị các đồng chí {sk['nguoi_du']} " + (
        "nêu cao tinh thần trách nhiệm, ý thức tổ chức kỷ luật, chấp hành nghiêm túc nội quy, "
        "tích cực nghiên cứu, trao đổi, thảo luận và vận dụng những kiến thức được tiếp thu vào "
        "thực tiễn công tác tại cơ quan, đơn vị."
        if lop
        else "tập trung nghiên cứu, thảo luận, đóng góp nhiều ý kiến tâm huyết, thiết thực."
    )
    return cau


def loi_chao(
    sk: dict[str, Any], theo_vai_tro: dict[str, list[dict[str, Any]]], khai_mac: Any
) -> list[str]:
    """Salutations of the opening speech."""
    lines = [
        f"Kính thưa {p.get('gioi_thieu_phat_bieu') or p['gioi_thieu']}!"
        for p in _lanh_dao(theo_vai_tro, khai_mac)
    ]
    lines.append("Kính thưa các đồng chí đại biểu!")
    if sk["nguoi_du"] != "đại biểu":
        lines.append(f"Thưa các đồng chí {sk['nguoi_du']}!")
    return lines


def nguoi_phat_bieu(nhan_vat: list[dict[str, Any]], goi_tat: str) -> list[dict[str, Any]]:
    """People with speech points, opener first, each with two sentences that report them.

    ``cau`` introduces the speaker with their titles (``Phát biểu khai mạc, đồng chí A,
    Trưởng Ban, nhấn mạnh: …``); ``cau_ngan`` is for a text whose earlier sentences already
    introduced them (the opener, chair, leaders, attendees and lecturers) and gives the name
    only (``Đồng chí A nhấn mạnh: …``); for a closer it equals ``cau``.
    """
    mo_dau = {
        "khai_mac": "Phát biểu khai mạc",
        "be_mac": f"Phát biểu bế mạc {goi_tat}",
        "chi_dao": f"Phát biểu chỉ đạo {goi_tat}",
    }
    out = []
    for p in sorted(
        (p for p in nhan_vat if p["phat_bieu"]),
        key=lambda p: _THU_TU_VAI_TRO.index(p["vai_tro"]) if p["vai_tro"] in _THU_TU_VAI_TRO else 9,
    ):
        mo = mo_dau.get(p["vai_tro"], f"Phát biểu tại {goi_tat}")
        loi = " ".join(x.strip() for x in p["phat_bieu"] if x and x.strip())
        if loi[-1:] not in (".", "!", "?", "…"):  # the sentence ends, even if the point did not
            loi += "."
        cau = f"{mo}, {p['gioi_thieu_cau']} nhấn mạnh: {loi}"
        ten = f"{p['danh_xung']} {p['ho_ten']}"
        if p["vai_tro"] == "khai_mac":
            ngan = hoa_dau(f"{ten} nhấn mạnh: {loi}")
        elif p["vai_tro"] == "be_mac":
            ngan = cau
        else:
            ngan = f"{mo}, {ten} nhấn mạnh: {loi}"
        out.append(dict(p, cau=cau, cau_ngan=ngan))
    return out
