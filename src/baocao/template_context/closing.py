"""The closing speech (``phat-bieu-be-mac``): ``be_mac`` in the template context.

Part of :mod:`baocao.template_context.build` (through :func:`.plan.them_ke_hoach`). The
speaker is the first person with ``vai_tro: be_mac``; without one, the chair (the first
``chu_tri``) closes, as is the custom. A template whose side file sets
``can_nguoi_be_mac: true`` (the built-in ``phat-bieu-be-mac``) stops with a ``DataError``
at ``nhan_vat`` when there is neither. The figures are the report's
(:func:`baocao.template_context.report.so_lieu`).

Keys of ``be_mac``: ``nguoi`` (the speaker, with ``gioi_thieu``; None when nobody),
``ngay`` (the date line: its own ``van_ban.phat-bieu-be-mac.ngay``, else the last day),
``loi_chao`` (salutations), ``mo_dau`` (the course is over), ``ket_qua`` (sentences with the
attendance, completions and grades), ``uu_diem_mo`` (the line before ``ket_qua.uu_diem``),
``van_dung`` (what to apply: the speaker's ``phat_bieu``, else a standard request),
``cam_on`` (thanks: leaders, lecturers by name, organisers by name), ``tuyen_bo``
(``Tôi tuyên bố bế mạc …``), ``chuc`` (the ending wish).
"""

from __future__ import annotations

from typing import Any

from baocao.errors import DataError, Problem
from baocao.i18n import _
from baocao.template_context.sentences import as_date, bo_dau_cuoi, hoa_dau, la_lop, loi_chao

__all__ = ["be_mac", "nguoi_be_mac"]


def nguoi_be_mac(theo_vai_tro: dict[str, list[dict[str, Any]]]) -> dict[str, Any] | None:
    """The closer: the first ``be_mac``, else the first ``chu_tri``, else None."""
    for role in ("be_mac", "chu_tri"):
        if theo_vai_tro.get(role):
            return theo_vai_tro[role][0]
    return None


def _ket_qua(sk: dict[str, Any], so_lieu: dict[str, str], bang: list[dict[str, Any]]) -> list[str]:
    """Attendance and completion, then the grades: ``giỏi 45 học viên (38,1%)``."""
    goi_tat, nguoi_du = hoa_dau(sk["goi_tat"]), sk["nguoi_du"]
    lines = []
    if so_lieu["so_tham_du"]:
        tong = f"/{so_lieu['so_trieu_tap']}" if so_lieu["so_trieu_tap"] else ""
        ty_le = f", đạt {so_lieu['ty_le_tham_du']}" if so_lieu["ty_le_tham_du"] else ""
        text = f"{goi_tat} có {so_lieu['so_tham_du']}{tong} {nguoi_du} tham dự{ty_le}"
        if so_lieu["so_hoan_thanh"]:
            ht = f", đạt {so_lieu['ty_le_hoan_thanh']}" if so_lieu["ty_le_hoan_thanh"] else ""
            text += f"; {so_lieu['so_hoan_thanh']} {nguoi_du} hoàn thành chương trình{ht}"
        lines.append(text + ".")
    elif sk.get("so_nguoi"):
        lines.append(f"{goi_tat} có {sk['so_nguoi']} {nguoi_du} tham dự.")
    grades = [
        (r["noi_dung"], r["so"], r["ty_le"])
        for r in bang
        if r["noi_dung"].startswith(("Xếp loại", "Chưa đạt")) and r["so"] != "0"
    ]
    if grades:
        parts = []
        for label, n, ty_le in grades:
            ten = label.removeprefix("Xếp loại ").lower()
            parts.append(f"{ten} {n} {nguoi_du}" + (f" ({ty_le})" if ty_le else ""))
        lines.append("Kết quả xếp loại: " + "; ".join(parts) + ".")
    return lines


def _ai(people: list[dict[str, Any]]) -> str:
    """``A, Trưởng Ban; B, Giám đốc,`` — people before a verb, the last one's titles closed."""
    return "; ".join([p["gioi_thieu"] for p in people[:-1]] + [people[-1]["gioi_thieu_cau"]])


def _cam_on(
    sk: dict[str, Any], theo_vai_tro: dict[str, list[dict[str, Any]]], lop: bool
) -> list[str]:
    """Thanks: the leaders who directed, the lecturers, the co-organisers, by name."""
    goi_tat = sk["goi_tat"]
    lines = []
    thay_mat = f"Thay mặt {sk['to_chuc']}, tôi xin trân trọng cảm ơn "
    chi_dao = theo_vai_tro.get("chi_dao") or []
    if chi_dao:
        lines.append(thay_mat + _ai(chi_dao) + f" đã dành thời gian dự và chỉ đạo {goi_tat}.")
    bcv = theo_vai_tro.get("bao_cao_vien") or []
    if bcv:
        what = "truyền đạt các chuyên đề" if lop else "trình bày các nội dung"
        lead = "Xin chân thành cảm ơn " if chi_dao else thay_mat
        lines.append(lead + _ai(bcv) + f" đã nhiệt tình {what} tại {goi_tat}.")
    phoi_hop = [bo_dau_cuoi(x) for x in sk["phoi_hop"] if x and x.strip()]
    cam_on = "Cảm ơn " if lines else thay_mat
    if phoi_hop:
        lines.append(
            cam_on
            + ", ".join(phoi_hop)
            + " đã phối hợp chặt chẽ; cảm ơn các cơ quan, đơn vị và bộ phận phục vụ đã chuẩn "
            f"bị chu đáo, góp phần vào thành công của {goi_tat}."
        )
    else:
        lines.append(
            cam_on + "các cơ quan, đơn vị và bộ phận phục vụ đã phối hợp, chuẩn bị chu đáo, "
            f"góp phần vào thành công của {goi_tat}."
        )
    return lines


def be_mac(
    ctx: dict[str, Any], settings: dict[str, Any], *, ngay_rieng: Any, path: str | None
) -> dict[str, Any]:
    """The ``be_mac`` key of the context (see the module)."""
    from baocao.vi import dia_danh_ngay

    sk, theo_vai_tro, tg = ctx["su_kien"], ctx["theo_vai_tro"], ctx["thoi_gian"]
    nguoi = nguoi_be_mac(theo_vai_tro)
    if nguoi is None and settings.get("can_nguoi_be_mac"):
        raise DataError(
            [
                Problem(
                    _(
                        "không có ai có vai_tro: be_mac (hay chu_tri) trong nhan_vat — mẫu này "
                        "cần người phát biểu bế mạc"
                    ),
                    path=path,
                    field="nhan_vat",
                    part=ctx["mau"],
                )
            ]
        )
    lop = la_lop(sk)
    goi_tat = sk["goi_tat"]
    if lop:
        mo_dau = (
            f"Sau {tg['so_ngay']} ngày nghiên cứu, học tập khẩn trương, nghiêm túc, "
            f"{goi_tat} đã hoàn thành chương trình đề ra."
        )
        van_dung = (
            f"Tôi đề nghị các đồng chí {sk['nguoi_du']}, sau khi trở về cơ quan, đơn vị, tiếp "
            "tục nghiên cứu, vận dụng sáng tạo những kiến thức đã được tiếp thu vào thực tiễn "
            "công tác, góp phần nâng cao chất lượng, hiệu quả công tác tại cơ quan, đơn vị, "
            "địa phương."
        )
    else:
        lam_viec = "một buổi" if tg["mot_ngay"] and tg["buoi"] else f"{tg['so_ngay']} ngày"
        mo_dau = (
            f"Sau {lam_viec} làm việc khẩn trương, nghiêm túc, {goi_tat} đã hoàn thành "
            "các nội dung đề ra."
        )
        van_dung = (
            "Tôi đề nghị các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ, khẩn trương cụ thể "
            f"hóa, triển khai thực hiện các nội dung đã được thống nhất tại {goi_tat}."
        )
    ngay = ngay_rieng or as_date(sk.get("ket_thuc") or sk["bat_dau"])
    return {
        "nguoi": nguoi,
        "ngay": dia_danh_ngay(ctx["co_quan"]["dia_danh"], ngay),
        "loi_chao": loi_chao(sk, theo_vai_tro, nguoi),
        "mo_dau": mo_dau,
        "ket_qua": _ket_qua(sk, ctx["so_lieu"], ctx["bang_ket_qua"]),
        "uu_diem_mo": (
            f"{hoa_dau(goi_tat)} đã đạt được những kết quả quan trọng:"
            if ctx["ket_qua"]["uu_diem"]
            else ""
        ),
        "van_dung": list((nguoi or {}).get("phat_bieu") or []) or [van_dung],
        "cam_on": _cam_on(sk, theo_vai_tro, lop),
        "tuyen_bo": f"Với tinh thần đó, tôi tuyên bố bế mạc {sk['ten']}.",
        "chuc": (
            f"Chúc {ctx['cau']['nguoi_nghe']} dồi dào sức khỏe, hạnh phúc, công tác tốt"
            + (" và lên đường trở về an toàn!" if lop else "!")
        ),
    }
