"""The plan (``ke-hoach``): its sentences, section numbers and the programme appendix.

Part of :mod:`baocao.template_context.build`, which calls :func:`them_ke_hoach` last: it adds
``ke_hoach`` (every key present), ``lich_chuong_trinh`` (:mod:`.programme`), ``cau_ke_hoach`` (the
plan's sentences), ``muc_ke_hoach`` (its section numbers) and ``be_mac`` (the closing speech,
:mod:`.closing`). A plan speaks of the future: times and places are "dự kiến".

>>> kh = cau_ke_hoach(
...     {"ten": "lớp bồi dưỡng", "goi_tat": "lớp", "can_cu": "Chương trình công tác năm 2024;",
...      "so_nguoi": 120, "nguoi_du": "học viên", "dia_diem": "Hội trường",
...      "doi_tuong": ["lãnh đạo các huyện"], "muc_dich": [], "noi_dung": ["A"],
...      "bat_dau": __import__("datetime").datetime(2024, 11, 1, 7, 30),
...      "ket_thuc": __import__("datetime").date(2024, 11, 3)},
...     {"yeu_cau": [], "thanh_phan": [], "phan_cong": [{"don_vi": "Văn phòng",
...      "nhiem_vu": ["chuẩn bị hội trường;", "tài liệu"]}], "kinh_phi_du_kien": None,
...      "can_cu": None},
...     {"ten_goi": "Ban Dân vận Tỉnh ủy"})
>>> kh["mo_dau"]
'Thực hiện Chương trình công tác năm 2024, Ban Dân vận Tỉnh ủy xây dựng Kế hoạch tổ chức \
lớp bồi dưỡng như sau:'
>>> kh["dong_thoi_gian"], kh["so_luong"]
('Thời gian: dự kiến 03 ngày, từ ngày 01/11/2024 đến ngày 03/11/2024 (khai mạc lúc 7 giờ 30 \
phút ngày 01/11/2024).', 'Số lượng: dự kiến 120 học viên.')
>>> kh["phan_cong"][0]["dong"]
'1. Văn phòng: chuẩn bị hội trường; tài liệu.'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from baocao.template_context.closing import be_mac
from baocao.template_context.programme import lich_chuong_trinh
from baocao.template_context.report import danh_so
from baocao.template_context.sentences import (
    as_date,
    bo_dau_cuoi,
    dong_danh_sach,
    hoa_dau,
    la_lop,
)

__all__ = ["cau_ke_hoach", "muc_ke_hoach", "them_ke_hoach"]


def _dong_hoa(items: Sequence[str]) -> list[str]:
    """Bullet lines of a plan, each starting with a capital (``doi_tuong`` is written as
    phrases for the middle of a sentence: ``lãnh đạo các sở`` → ``- Lãnh đạo các sở;``)."""
    return dong_danh_sach([hoa_dau(x.strip()) for x in items if x and x.strip()])


def _thoi_gian(sk: dict[str, Any]) -> str:
    """``Thời gian: dự kiến 03 ngày, từ ngày 01/11/2024 đến ngày 03/11/2024 (…)``."""
    from baocao.vi import buoi, gio, ngay_so

    a = sk["bat_dau"]
    b = sk.get("ket_thuc") or a
    so_ngay = (as_date(b) - as_date(a)).days + 1
    if so_ngay > 1:
        text = f"Thời gian: dự kiến {so_ngay:02d} ngày, từ ngày {ngay_so(a)} đến ngày {ngay_so(b)}"
        if isinstance(a, dt.datetime):
            text += f" (khai mạc lúc {gio(a)} ngày {ngay_so(a)})"
        return text + "."
    if not isinstance(a, dt.datetime):
        return f"Thời gian: dự kiến ngày {ngay_so(a)}."
    text = f"Thời gian: dự kiến {buoi(a)} ngày {ngay_so(a)}, từ {gio(a)}"
    if isinstance(b, dt.datetime) and b > a:
        text += f" đến {gio(b)}"
    return text + "."


def _tiep(task: str) -> str:
    """A task after a semicolon starts lower case, unless it starts with a name
    (``Sở Nội vụ …``, ``UBND …``).

    >>> _tiep("Theo dõi kết quả"), _tiep("Sở Nội vụ chủ trì"), _tiep("UBND tỉnh")
    ('theo dõi kết quả', 'Sở Nội vụ chủ trì', 'UBND tỉnh')
    """
    words = task.split()
    if (len(words) > 1 and words[1][:1].isupper()) or sum(c.isupper() for c in words[0]) > 1:
        return task
    return task[:1].lower() + task[1:]


def cau_ke_hoach(
    sk: dict[str, Any],
    ke_hoach: dict[str, Any],
    co_quan: dict[str, Any],
    bao_cao_vien: Sequence[dict[str, Any]] = (),
) -> dict[str, Any]:
    """The plan's sentences and lists (see the module)."""
    lop = la_lop(sk)
    can_cu = bo_dau_cuoi(ke_hoach.get("can_cu") or sk.get("can_cu") or "")
    viec = f"{co_quan['ten_goi']} xây dựng Kế hoạch tổ chức {sk['ten']} như sau:"
    thanh_phan = ke_hoach["thanh_phan"] or sk["doi_tuong"]
    n_cd = len(sk["noi_dung"])
    if lop:
        noi_dung_mo = f"Chương trình gồm {n_cd} chuyên đề:" if n_cd > 1 else "Chuyên đề:"
    else:
        noi_dung_mo = f"{sk['goi_tat'][:1].upper()}{sk['goi_tat'][1:]} dự kiến tập trung vào "
        noi_dung_mo += "các nội dung:" if n_cd > 1 else "nội dung:"
    phan_cong = []
    for i, pc in enumerate(ke_hoach["phan_cong"], 1):
        tasks = [bo_dau_cuoi(x) for x in pc["nhiem_vu"] if x and x.strip()]
        viec_lam = "; ".join(tasks[:1] + [_tiep(x) for x in tasks[1:]])
        phan_cong.append(
            {
                "so": i,
                "don_vi": pc["don_vi"],
                "nhiem_vu": viec_lam,
                "dong": f"{i}. {bo_dau_cuoi(pc['don_vi'])}: {viec_lam}.",
            }
        )
    kp = ke_hoach.get("kinh_phi_du_kien") or {}
    return {
        "mo_dau": f"Thực hiện {can_cu}, {viec}" if can_cu else viec[:1].upper() + viec[1:],
        "muc_dich_dong": _dong_hoa(sk["muc_dich"]),
        "yeu_cau_dong": _dong_hoa(ke_hoach["yeu_cau"]),
        "dong_thoi_gian": _thoi_gian(sk),
        "dong_dia_diem": f"Địa điểm: {bo_dau_cuoi(sk['dia_diem'])}." if sk.get("dia_diem") else "",
        "thanh_phan_dong": _dong_hoa(thanh_phan),
        "so_luong": (
            f"Số lượng: dự kiến {sk['so_nguoi']} {sk['nguoi_du']}." if sk.get("so_nguoi") else ""
        ),
        "noi_dung_mo": noi_dung_mo if n_cd else "",
        "bao_cao_vien": (
            "Báo cáo viên dự kiến: " + "; ".join(p["gioi_thieu"] for p in bao_cao_vien) + "."
            if bao_cao_vien
            else ""
        ),
        "nguon": f"Nguồn kinh phí: {bo_dau_cuoi(kp['nguon'])}." if kp.get("nguon") else "",
        "phan_cong": phan_cong,
        "ket": (
            f"Trên đây là Kế hoạch tổ chức {sk['ten']} của {co_quan['ten_goi']}"
            + (", đề nghị các cơ quan, đơn vị liên quan phối hợp thực hiện" if phan_cong else "")
        ),
    }


def muc_ke_hoach(kh: dict[str, Any], ke_hoach: dict[str, Any], co_lich: bool) -> dict[str, str]:
    """Section numbers of the plan (``""`` for a section left out)."""
    muc: dict[str, str] = {}
    danh_so(
        [
            (
                "muc_dich_yeu_cau",
                bool(kh["muc_dich_dong"] or kh["yeu_cau_dong"]),
                [
                    ("muc_dich", bool(kh["muc_dich_dong"]), None),
                    ("yeu_cau", bool(kh["yeu_cau_dong"]), None),
                ],
            ),
            (
                "noi_dung",
                True,
                [
                    ("thoi_gian", True, None),
                    ("thanh_phan", bool(kh["thanh_phan_dong"] or kh["so_luong"]), None),
                    ("chuong_trinh", bool(kh["noi_dung_mo"]) or co_lich, None),
                ],
            ),
            ("kinh_phi", ke_hoach.get("kinh_phi_du_kien") is not None, None),
            ("to_chuc", bool(kh["phan_cong"]), None),
        ],
        muc,
    )
    return muc


def _kem_theo(ctx: dict[str, Any]) -> str:
    """``(Kèm theo Kế hoạch số 123-KH/BDVTU ngày 15/10/2024 của Ban Dân vận Tỉnh ủy)``."""
    from baocao.vi import ngay_so

    ky_hieu = str(ctx["so_ky_hieu"]).removeprefix("Số:").removeprefix("Số").strip()
    ngay = ctx["van_ban"].get("ngay")
    return (
        f"(Kèm theo Kế hoạch số {ky_hieu}"
        + (f" ngày {ngay_so(ngay)}" if ngay else "")
        + f" của {ctx['co_quan']['ten_goi']})"
    )


def them_ke_hoach(
    ctx: dict[str, Any], settings: dict[str, Any], *, ngay_rieng: Any, path: str | None
) -> dict[str, Any]:
    """The context keys of the plan, the programme and the closing speech."""
    sk = ctx["su_kien"]
    raw = dict(ctx.get("ke_hoach") or {})
    ke_hoach: dict[str, Any] = {
        "yeu_cau": list(raw.get("yeu_cau") or []),
        "thanh_phan": list(raw.get("thanh_phan") or []),
        "phan_cong": [
            {"don_vi": x["don_vi"], "nhiem_vu": list(x.get("nhiem_vu") or [])}
            for x in raw.get("phan_cong") or []
        ],
        "kinh_phi_du_kien": raw.get("kinh_phi_du_kien"),
        "can_cu": raw.get("can_cu"),
    }
    if ke_hoach["kinh_phi_du_kien"] is not None:
        ke_hoach["kinh_phi_du_kien"] = {"nguon": None, **ke_hoach["kinh_phi_du_kien"]}
    lich = lich_chuong_trinh(list(ctx.get("chuong_trinh") or []), ctx["nhan_vat"])
    kh = cau_ke_hoach(sk, ke_hoach, ctx["co_quan"], ctx["theo_vai_tro"]["bao_cao_vien"])
    kh["kem_theo"] = _kem_theo(ctx)
    return {
        "ke_hoach": ke_hoach,
        "lich_chuong_trinh": lich,
        "cau_ke_hoach": kh,
        "muc_ke_hoach": muc_ke_hoach(kh, ke_hoach, bool(lich)),
        "be_mac": be_mac(ctx, settings, ngay_rieng=ngay_rieng, path=path),
    }
