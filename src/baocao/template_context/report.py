"""The summary report's figures, sentences and section numbers.

Part of :mod:`baocao.template_context.build`. Percentages come from :func:`baocao.vi.phan_tram` and
money
from :func:`baocao.vi.tien` / :func:`baocao.vi.bang_chu`; a section without data is left out
and the others keep consecutive numbers.

>>> muc = {}
>>> danh_so([("a", True, None), ("b", False, None), ("c", True, [("d", True, None)])], muc)
>>> muc
{'a': 'I', 'b': '', 'c': 'II', 'd': '1'}
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from baocao.template_context.sentences import bo_dau_cuoi, hoa_dau, la_lop

__all__ = ["DONG_TRONG", "cau_bao_cao", "co_ket_qua", "danh_so", "muc_bao_cao", "so_lieu"]

#: the fill-in line a report without results prints under each of its result sections
DONG_TRONG = "…" * 30
_KET_QUA_DS = ("uu_diem", "han_che", "nguyen_nhan", "bai_hoc", "kien_nghi")


def co_ket_qua(kq: dict[str, Any]) -> bool:
    """The event has some result: a figure, a grade or a list item.

    >>> co_ket_qua({}), co_ket_qua({"uu_diem": ["A"]}), co_ket_qua({"xep_loai": {"gioi": 0}})
    (False, True, True)
    """
    figures = ("so_trieu_tap", "so_tham_du", "so_hoan_thanh", "kinh_phi")
    grades = (kq.get("xep_loai") or {}).values()
    return (
        any(kq.get(k) is not None for k in figures)
        or any(v is not None for v in grades)
        or any(kq.get(k) for k in _KET_QUA_DS)
    )


_LA_MA = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_CHU = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k")
_XEP_LOAI = (
    ("gioi", "Xếp loại giỏi"),
    ("kha", "Xếp loại khá"),
    ("trung_binh", "Xếp loại trung bình"),
    ("chua_dat", "Chưa đạt"),
)


def so_lieu(
    kq: dict[str, Any], nguoi_du: str, *, cach_doc: str = "chuan"
) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """The report's figures and table rows; amounts in words read as ``cach_doc`` says
    (the event's ``cach_doc_so``)."""
    from baocao.vi import bang_chu, phan_tram, tien

    def so(n: int | None) -> str:
        if n is None:
            return ""
        return f"{n:,}".replace(",", ".")

    def pct(a: int | None, b: int | None) -> str:
        # one decimal throughout, so that "31,0%" stands next to "38,1%" (and "100,0%")
        return phan_tram(a, b) if a is not None and b else ""

    tt, td, ht = kq.get("so_trieu_tap"), kq.get("so_tham_du"), kq.get("so_hoan_thanh")
    kp = kq.get("kinh_phi")
    figures = {
        "so_trieu_tap": so(tt),
        "so_tham_du": so(td),
        "ty_le_tham_du": pct(td, tt),
        "so_hoan_thanh": so(ht),
        "ty_le_hoan_thanh": pct(ht, td if td is not None else tt),
        "kinh_phi": f"{tien(kp)} (Bằng chữ: {bang_chu(kp, cach_doc=cach_doc)})"
        if kp is not None
        else "",
    }
    rows: list[tuple[str, int | None, str]] = [
        (f"Số {nguoi_du} triệu tập", tt, ""),
        (f"Số {nguoi_du} tham dự", td, figures["ty_le_tham_du"]),
        (f"Số {nguoi_du} hoàn thành chương trình", ht, figures["ty_le_hoan_thanh"]),
    ]
    xl = kq.get("xep_loai") or {}
    base = ht if ht is not None else td
    grades = [(label, xl.get(key), pct(xl.get(key), base)) for key, label in _XEP_LOAI]
    rows += grades
    table = [
        {"stt": 0, "noi_dung": label, "so": so(n), "ty_le": ty_le}
        for label, n, ty_le in rows
        if n is not None
    ]
    for i, row in enumerate(table, 1):
        row["stt"] = i
    given = [n for _, n, _ in grades if n is not None]
    if given:  # the grades add up: a total row, as a share of the same base
        table.append(
            {"stt": "", "noi_dung": "Cộng xếp loại", "so": so(sum(given)),
             "ty_le": pct(sum(given), base)}
        )  # fmt: skip
    # what each percentage is a share of
    notes = []
    if figures["ty_le_tham_du"]:
        notes.append(f"tỷ lệ tham dự tính trên số {nguoi_du} triệu tập")
    if figures["ty_le_hoan_thanh"]:
        goc = "tham dự" if td is not None else "triệu tập"
        notes.append(f"tỷ lệ hoàn thành tính trên số {nguoi_du} {goc}")
    if given and base:
        goc = "hoàn thành chương trình" if ht is not None else "tham dự"
        notes.append(f"tỷ lệ xếp loại tính trên số {nguoi_du} {goc}")
    figures["ghi_chu_bang"] = ("Ghi chú: " + "; ".join(notes) + ".") if notes else ""
    return figures, table


def danh_so(tree: Iterable[tuple[str, bool, Any]], out: dict[str, str], depth: int = 0) -> None:
    """Number the present sections consecutively (I., 1., a)); absent ones get ``""``."""
    labels: Sequence[str] = (_LA_MA, [str(n) for n in range(1, 30)], _CHU)[depth]
    i = 0
    for key, present, children in tree:
        out[key] = labels[i] if present else ""
        i += bool(present)
        if children:
            kids = children if present else [(k, False, c) for k, _, c in children]
            danh_so(kids, out, depth + 1)


def cau_bao_cao(
    sk: dict[str, Any], co_quan: dict[str, Any], figures: dict[str, str], tg: dict[str, Any]
) -> dict[str, str]:
    """The report's own sentences (opening, time and place, participants, results, cost)."""
    goi_tat, nguoi_du, dia_diem = sk["goi_tat"], sk["nguoi_du"], sk.get("dia_diem")
    can_cu = bo_dau_cuoi(sk.get("can_cu") or "")
    cau: dict[str, str] = {}
    cau["bao_cao_mo"] = (
        f"Thực hiện {can_cu}, {co_quan['ten_goi']} báo cáo kết quả tổ chức {sk['ten']} như sau:"
        if can_cu
        else f"{co_quan['ten_goi']} báo cáo kết quả tổ chức {sk['ten']} như sau:"
    )
    cau["thoi_gian_dia_diem"] = (
        f"{hoa_dau(goi_tat)} được tổ chức {'vào ' if tg.get('buoi') else ''}"
        f"{tg.get('khi_nam') or tg['khoang_nam']}" + (f", tại {dia_diem}" if dia_diem else "") + "."
    )
    doi_tuong = [bo_dau_cuoi(x) for x in sk["doi_tuong"] if x and x.strip()]
    cau["thanh_phan"] = "Thành phần: " + "; ".join(doi_tuong) + "." if doi_tuong else ""
    parts = []
    if figures["so_trieu_tap"]:
        parts.append(f"triệu tập {figures['so_trieu_tap']} {nguoi_du}")
    if figures["so_tham_du"]:
        t = f"tham dự {figures['so_tham_du']} {nguoi_du}"
        parts.append(t + (f", đạt {figures['ty_le_tham_du']}" if figures["ty_le_tham_du"] else ""))
    elif sk.get("so_nguoi"):
        parts.append(f"tham dự {sk['so_nguoi']} {nguoi_du}")
    cau["so_luong"] = "Số lượng: " + "; ".join(parts) + "." if parts else ""
    n_cd = len(sk["noi_dung"])
    cau["noi_dung_mo"] = ""
    if n_cd and la_lop(sk):
        cau["noi_dung_mo"] = f"{hoa_dau(goi_tat)} gồm {n_cd} chuyên đề:"
    elif n_cd:
        cau["noi_dung_mo"] = (
            f"Chương trình {goi_tat} gồm {'các nội dung' if n_cd > 1 else 'nội dung'}:"
        )
    cau["hoc_tap"] = ""
    if figures["so_hoan_thanh"]:
        tong = figures["so_tham_du"] or figures["so_trieu_tap"]
        cau["hoc_tap"] = (
            f"Có {figures['so_hoan_thanh']}"
            + (f"/{tong}" if tong else "")
            + f" {nguoi_du} hoàn thành chương trình"
            + (f", đạt {figures['ty_le_hoan_thanh']}" if figures["ty_le_hoan_thanh"] else "")
            + "."
        )
    cau["kinh_phi"] = (
        f"Tổng kinh phí tổ chức {goi_tat}: {figures['kinh_phi']}." if figures["kinh_phi"] else ""
    )
    return cau


def muc_bao_cao(
    kq: dict[str, Any], cau: dict[str, Any], bang: list[Any], co_chuong_trinh: bool
) -> dict[str, str]:
    """Section numbers of the report (``""`` for a section left out). Without any result
    every section is printed (the template writes a fill-in line under each)."""
    khung = not co_ket_qua(kq)
    danh_gia = bool(kq["uu_diem"] or kq["han_che"] or kq["nguyen_nhan"]) or khung
    # attendance alone is told under "Thành phần, số lượng"; learning results need completion
    # or grades
    xep_loai = any(v is not None for v in (kq.get("xep_loai") or {}).values())
    hoc_tap = (bool(bang) and (kq.get("so_hoan_thanh") is not None or xep_loai)) or khung
    kinh_phi = bool(cau["kinh_phi"]) or khung
    muc: dict[str, str] = {}
    danh_so(
        [
            (
                "chuan_bi",
                True,
                [
                    ("thoi_gian", True, None),
                    ("thanh_phan", bool(cau["thanh_phan"] or cau["so_luong"]), None),
                    ("noi_dung", co_chuong_trinh, None),
                ],
            ),
            (
                "ket_qua",
                hoc_tap or danh_gia or kinh_phi,
                [
                    ("hoc_tap", hoc_tap, None),
                    (
                        "danh_gia",
                        danh_gia,
                        [
                            ("uu_diem", bool(kq["uu_diem"]) or khung, None),
                            ("han_che", bool(kq["han_che"]) or khung, None),
                            ("nguyen_nhan", bool(kq["nguyen_nhan"]) or khung, None),
                        ],
                    ),
                    ("kinh_phi", kinh_phi, None),
                ],
            ),
            ("bai_hoc", bool(kq["bai_hoc"]) or khung, None),
            ("kien_nghi", bool(kq["kien_nghi"]) or khung, None),
        ],
        muc,
    )
    return muc
