"""The per-document lines of a context: the signing block (``ky``: ``TM.``/``KT.``/``T/M``…
with ``thay_mat`` on its own line), a Party trích yếu in lower case, and Nơi nhận (``- Như
trên`` with a Kính gửi, never an addressee twice, the ``Lưu`` line last)."""

from __future__ import annotations

from typing import Any

from baocao.template_context.layout import profile
from baocao.template_context.sentences import bo_dau_cuoi, thuong_dau

__all__ = ["ky", "noi_nhan", "noi_nhan_kinh_gui", "trich_yeu_dang"]


def ky(van_ban: dict[str, Any], the_thuc: str) -> dict[str, str]:
    nk = van_ban.get("nguoi_ky") or {}
    code = str(nk.get("quyen_han") or "").upper().replace("/", "").replace(".", "").strip()
    dong = ""
    tien_to = profile(the_thuc).tien_to
    if code:
        dong = f"{tien_to.get(code, code)} {str(nk.get('thay_cho') or '').upper()}".strip()
    if code == "KT" and nk.get("thay_mat"):
        # a deputy of a collective's head: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" (a line break)
        dong = f"{tien_to['TM']} {str(nk['thay_mat']).upper()}\n{dong}"
    return {
        "quyen_han": dong,
        # "Q. CHỦ TỊCH" is the acting head's whole title (NĐ 30 Phụ lục I §II.7b): no second line
        "chuc_vu": "" if code == "Q" else str(nk.get("chuc_vu") or "").upper(),
        "ho_ten": str(nk.get("ho_ten") or ""),
    }


#: names that keep their capital at the start of a Party trích yếu
_LUON_HOA = (
    "Đảng", "Nhà nước", "Nhân dân", "Quốc hội", "Chính phủ", "Trung ương", "Mặt trận",
    "Bác Hồ", "Hồ Chí Minh", "Bộ Chính trị", "Ban Bí thư", "Việt Nam",
)  # fmt: skip


def trich_yeu_dang(s: str) -> str:
    """HD 36: a Party trích yếu starts lower case, also when the event file wrote it with a
    capital (``Kết quả Hội nghị …`` → ``kết quả Hội nghị …``); a name keeps its capitals
    (``Đảng bộ …``, ``Ban Thường vụ …``, ``UBND …``).

    >>> trich_yeu_dang("Kết quả Hội nghị tổng kết"), trich_yeu_dang("Ban Thường vụ Tỉnh ủy")
    ('kết quả Hội nghị tổng kết', 'Ban Thường vụ Tỉnh ủy')
    >>> trich_yeu_dang("Đảng bộ tỉnh"), trich_yeu_dang("UBND tỉnh")
    ('Đảng bộ tỉnh', 'UBND tỉnh')
    """
    words = s.split()
    if not words:
        return s
    if len(words) > 1 and words[1][:1].isupper():  # "Ban Thường vụ", "Hội Nông dân"
        return s
    if sum(ch.isupper() for ch in words[0]) > 1:  # an abbreviation
        return s
    for name in _LUON_HOA:
        if s.startswith(name) and not s[len(name) : len(name) + 1].isalnum():
            return s
    return thuong_dau(s)


def _ten_goc(s: str) -> str:
    """A recipient without its trailing ``(để báo cáo)``/``(b/c)`` note, for comparison:
    one tone style, one kind of space, no case.

    >>> _ten_goc("Thường trực Tỉnh uỷ  (để báo cáo);") == _ten_goc("thường trực tỉnh ủy")
    True
    """
    import re

    from baocao.vi import chuan_dau

    name = re.sub(r"\s*\([^)]*\)\s*$", "", bo_dau_cuoi(s)).strip()
    return " ".join(chuan_dau(name, kieu="cu").split()).casefold()


def noi_nhan(
    vb: dict[str, Any], kinh_gui: list[str], settings: dict[str, Any], luu: str
) -> list[str]:
    """Nơi nhận lines: ``- Như trên`` first when there is a Kính gửi, then the recipients
    that Kính gửi has not already named, then the ``Lưu`` line."""
    sep = str(settings["dau_cach_noi_nhan"])
    items = [x for x in vb["noi_nhan"] if x and x.strip()]
    listed = {_ten_goc(x) for x in items}
    items += [x for x in settings.get("noi_nhan_them") or [] if _ten_goc(x) not in listed]
    nhu_tren = bool(items) and bo_dau_cuoi(items[0]).lower() == "như trên"
    if nhu_tren and not settings.get("co_kinh_gui", True):
        items, nhu_tren = items[1:], False
    if kinh_gui and settings.get("nhu_tren_khi_kinh_gui") and not nhu_tren:
        items.insert(0, "Như trên")
        nhu_tren = True
    if nhu_tren:  # "Như trên" already sends it to every addressee
        named = {_ten_goc(x) for x in kinh_gui}
        items = items[:1] + [x for x in items[1:] if _ten_goc(x) not in named]
    return [f"- {bo_dau_cuoi(x)}{sep}" for x in items] + [luu]


def noi_nhan_kinh_gui(ctx: dict[str, Any] | Any, kinh_gui: list[str]) -> list[str]:
    """Nơi nhận of ``ctx`` (a context of :func:`context`) for the addressees ``kinh_gui``
    (a per-person document: the person is the Kính gửi, so ``- Như trên`` comes first)."""
    luu = ctx["noi_nhan"][-1]
    return noi_nhan(ctx["van_ban"], kinh_gui, ctx["cai_dat"], luu)
