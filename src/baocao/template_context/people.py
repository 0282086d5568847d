"""What a per-person template sees: the event's context plus one person.

A template whose side file says ``moi_muc: khach_moi`` (or ``hoc_vien``) makes one document
per person of that list. :func:`nguoi_can_in` says which people get one (for ``hoc_vien``
every trainee whose grade is not ``không đạt``, a missing grade included, unless ``tat_ca``);
:func:`context_nguoi` adds to the event's context (:func:`baocao.template_context.build.context`,
which has ``thoi_gian_moi``, the time in an invitation's words: :func:`thoi_gian_moi`):

``nguoi``  the person: every field of the list (``ho_ten``, ``chuc_vu``, ``don_vi`` …, absent
    ones ``None``), plus
    for a guest: ``danh_xung`` (filled from ``cai_dat.danh_xung_mac_dinh``), ``xung``
    (``ông``: after a verb), ``goi`` (``Ông Nguyễn Văn An``), ``chuc_danh`` (chức vụ and đơn
    vị: ``Giám đốc Sở Tư pháp``), ``kinh_gui`` (``Ông Nguyễn Văn An, Giám đốc Sở Tư pháp``);
    for a trainee: ``ngay_sinh_so`` (``05/02/1980``, ``""`` when absent), ``xep_loai_chu``
    (``Giỏi``, ``""`` when absent);
``stt``  the person's number in the list, from 1 (the same with or without ``--all``);
``tong_so_nguoi``  how many people the list has;
``noi_nhan``  Nơi nhận with ``- Như trên`` first (the person is the Kính gửi) when the side
    file's ``nhu_tren_khi_kinh_gui`` is on.

>>> import datetime as dt
>>> thoi_gian_moi(dt.datetime(2024, 11, 1, 7, 30))
'vào lúc 7 giờ 30 phút, thứ Sáu, ngày 01 tháng 11 năm 2024'
>>> thoi_gian_moi(dt.date(2025, 2, 5), dt.date(2025, 2, 6))
'vào thứ Tư, ngày 05 tháng 02 năm 2025, đến hết ngày 06 tháng 02 năm 2025'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

__all__ = [
    "DANH_SACH",
    "bang_hoc_vien",
    "context_nguoi",
    "nguoi_can_in",
    "nguoi_mau",
    "thoi_gian_moi",
    "trong_danh_sach",
]

#: the lists a per-person template may iterate, with the fields of one person
DANH_SACH: dict[str, tuple[str, ...]] = {
    "khach_moi": ("ho_ten", "danh_xung", "chuc_vu", "don_vi", "ghi_chu"),
    "hoc_vien": ("ho_ten", "ngay_sinh", "chuc_vu", "don_vi", "xep_loai", "so_chung_nhan"),
}
KHONG_DAT = "không đạt"


def thoi_gian_moi(bat_dau: dt.date, ket_thuc: dt.date | None = None) -> str:
    """The time of an event in an invitation's words (hour, weekday, full date).

    >>> thoi_gian_moi(dt.datetime(2025, 1, 15, 8, 0), dt.datetime(2025, 1, 15, 11, 30))
    'vào lúc 8 giờ 00, thứ Tư, ngày 15 tháng 01 năm 2025'
    """
    from baocao.vi import gio, ngay_thang, thu

    text = f"{thu(bat_dau)}, {ngay_thang(bat_dau)}"
    text = f"vào lúc {gio(bat_dau)}, {text}" if isinstance(bat_dau, dt.datetime) else f"vào {text}"
    if ket_thuc is not None:
        dau = bat_dau.date() if isinstance(bat_dau, dt.datetime) else bat_dau
        cuoi = ket_thuc.date() if isinstance(ket_thuc, dt.datetime) else ket_thuc
        if cuoi != dau:
            text += f", đến hết {ngay_thang(cuoi)}"
    return text


def _get(obj: Any, key: str) -> Any:
    return obj.get(key) if isinstance(obj, Mapping) else getattr(obj, key, None)


def trong_danh_sach(event: Any, moi_muc: str) -> list[Any]:
    """The people of list ``moi_muc`` of ``event`` (a model or a dict), in file order."""
    return list(_get(event, moi_muc) or [])


def nguoi_can_in(event: Any, moi_muc: str, *, tat_ca: bool = False) -> list[tuple[int, Any]]:
    """``(stt, person)`` of everyone who gets a document. Certificates go to trainees with a
    passing grade: one graded ``không đạt`` gets none, and neither does one without a grade
    when the course graded others (he did not finish it); a course that grades nobody
    certifies everyone. ``tat_ca`` (``--all``): everyone in the list.

    >>> ev = {"hoc_vien": [{"ho_ten": "A", "xep_loai": "khá"},
    ...                    {"ho_ten": "B", "xep_loai": "không đạt"}, {"ho_ten": "C"}]}
    >>> [(i, p["ho_ten"]) for i, p in nguoi_can_in(ev, "hoc_vien")]
    [(1, 'A')]
    >>> len(nguoi_can_in(ev, "hoc_vien", tat_ca=True))
    3
    >>> len(nguoi_can_in({"hoc_vien": [{"ho_ten": "A"}, {"ho_ten": "C"}]}, "hoc_vien"))
    2
    """
    people = list(enumerate(trong_danh_sach(event, moi_muc), 1))
    if tat_ca or moi_muc != "hoc_vien":
        return people
    if all(_get(p, "xep_loai") is None for _, p in people):
        return people
    return [(i, p) for i, p in people if _get(p, "xep_loai") not in (None, KHONG_DAT)]


def nguoi_mau(moi_muc: str) -> dict[str, Any]:
    """A person with every field empty: what a per-person template sees when its list is
    empty (``baocao check``, a preview)."""
    return dict.fromkeys(DANH_SACH[moi_muc])


def _chuc_danh(chuc_vu: str, don_vi: str) -> str:
    """``Giám đốc`` + ``Sở Tư pháp`` → ``Giám đốc Sở Tư pháp``; a unit the title already
    names is not repeated.

    >>> _chuc_danh("Giám đốc Sở Tư pháp", "Sở Tư pháp"), _chuc_danh("", "Huyện Năm Căn")
    ('Giám đốc Sở Tư pháp', 'Huyện Năm Căn')

    A title ending with the words the unit starts with shares them (a spreadsheet has
    ``Bí thư Huyện ủy`` | ``Huyện ủy Năm Căn``):

    >>> _chuc_danh("Bí thư Huyện ủy", "Huyện ủy Năm Căn")
    'Bí thư Huyện ủy Năm Căn'
    """
    if chuc_vu and don_vi and don_vi.casefold() in chuc_vu.casefold():
        return chuc_vu
    title, unit = chuc_vu.split(), don_vi.split()
    folded_title, folded_unit = [w.casefold() for w in title], [w.casefold() for w in unit]
    for shared in range(min(len(title) - 1, len(unit)), 0, -1):
        if folded_title[-shared:] == folded_unit[:shared]:
            return " ".join(title + unit[shared:])
    return " ".join(x for x in (chuc_vu, don_vi) if x)


def _khach(p: dict[str, Any], mac_dinh: str) -> dict[str, Any]:
    from baocao.template_context.sentences import hoa_dau

    ho_ten = str(p.get("ho_ten") or "").strip()
    p["danh_xung"] = str(p.get("danh_xung") or mac_dinh).strip()
    p["xung"] = p["danh_xung"]
    # "ông/bà" at the start of a line: "Ông/Bà"
    hoa = "/".join(hoa_dau(x) for x in p["danh_xung"].split("/"))
    p["goi"] = hoa_dau(" ".join(x for x in (hoa, ho_ten) if x))
    p["chuc_danh"] = _chuc_danh(
        str(p.get("chuc_vu") or "").strip(), str(p.get("don_vi") or "").strip()
    )
    p["kinh_gui"] = ", ".join(x for x in (p["goi"], p["chuc_danh"]) if x)
    return p


def _hoc_vien(p: dict[str, Any]) -> dict[str, Any]:
    from baocao.template_context.sentences import hoa_dau
    from baocao.vi import ngay_so

    p["ngay_sinh_so"] = ngay_so(p["ngay_sinh"]) if p.get("ngay_sinh") else ""
    p["xep_loai_chu"] = hoa_dau(str(p.get("xep_loai") or ""))
    return p


def bang_hoc_vien(hoc_vien: list[Any]) -> list[dict[str, Any]]:
    """Rows of the report's appendix "Danh sách học viên".

    >>> bang_hoc_vien([{"ho_ten": "Lê Thị Bé", "don_vi": None, "xep_loai": "giỏi"}])
    [{'stt': 1, 'ho_ten': 'Lê Thị Bé', 'don_vi': '', 'xep_loai': 'Giỏi'}]
    """
    from baocao.template_context.sentences import hoa_dau

    return [
        {
            "stt": i,
            "ho_ten": str(_get(p, "ho_ten") or ""),
            "don_vi": str(_get(p, "don_vi") or ""),
            "xep_loai": hoa_dau(str(_get(p, "xep_loai") or "")),
        }
        for i, p in enumerate(hoc_vien, 1)
    ]


def context_nguoi(
    base: Mapping[str, Any], moi_muc: str, nguoi: Any, stt: int, tong_so: int
) -> dict[str, Any]:
    """``base`` (the event's context for the template) with one person added."""
    from baocao.template_context.documents import noi_nhan_kinh_gui

    raw = nguoi.model_dump() if hasattr(nguoi, "model_dump") else dict(nguoi or {})
    p: dict[str, Any] = {**nguoi_mau(moi_muc), **raw}
    settings = base.get("cai_dat") or {}
    if moi_muc == "khach_moi":
        p = _khach(p, str(settings.get("danh_xung_mac_dinh") or "đồng chí"))
    else:
        p = _hoc_vien(p)
    ctx = dict(base)
    ctx.update(nguoi=p, stt=stt, tong_so_nguoi=tong_so)
    if moi_muc == "khach_moi" and p["kinh_gui"]:
        ctx["noi_nhan"] = noi_nhan_kinh_gui(base, [p["kinh_gui"]])
    return ctx
