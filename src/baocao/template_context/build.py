"""What a template sees: the validated event plus everything a template should not compute.

``context(event, template=NAME)`` returns a plain ``dict``. It holds the event in its
``model_dump()`` shape (dates stay ``date``/``datetime``) and the keys below. Every key is
always present (empty string, empty list or ``None`` when there is nothing to print), so a
template may write ``{%p if cau.khai_mac %}`` without tripping the strict engine. The
renderer passes ``keys``, the names its template reads (known when it is compiled): the
costly keys no one reads are then left out (issue 11); a check that a key makes (a side
file's ``can_nguoi_be_mac``) is made all the same.
Text is returned as written in the event; the engine applies NFC and the tone style
``dau_thanh`` to the whole output afterwards.

Keys (``key``, what it holds, an example from the seed event in the Party format):

``the_thuc``  format family: ``dang``
``dang``  ``True`` for the Party format
``dau_thanh``  tone-mark style of the output: ``moi``
``cach_doc_so``  how numbers are read in words: ``chuan`` (``linh``, ``nghìn``) or ``nam``
    (``lẻ``, ``ngàn``); the default of the filters ``bang_chu`` and ``so_thanh_chu``
``co_quan``  the issuing body as in the event (``ten_goi`` filled)
``su_kien``  the event; ``phoi_hop``, ``doi_tuong``, ``noi_dung``… always lists
``nhan_vat``  people, each with ``danh_xung`` filled and ``gioi_thieu``
    (``đồng chí Lê Thanh Triều, Ủy viên …``)
``ket_qua``  results; every key present, lists empty when absent
``bao_chi``  press details: ``ma_bao``, ``tac_gia``, ``tieu_de`` (None when absent)
``van_ban``  this template's details: ``chung`` merged with its own entry
    (``so``, ``ngay``, ``trich_yeu``, ``kinh_gui``, ``nguoi_ky``, ``noi_nhan``, ``luu``)
``mau``  template name: ``bao-cao-tong-ket``
``ten_loai``  document type printed as the title: ``BÁO CÁO``
``quoc_hieu``  first header line on the right: ``ĐẢNG CỘNG SẢN VIỆT NAM`` /
    ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``
``tieu_ngu``  ``Độc lập - Tự do - Hạnh phúc`` (state), ``""`` (Party)
``dong_cap_tren``  parent body, upper case, ``""`` when none: ``TỈNH ỦY CÀ MAU``
``dong_co_quan``  issuing body, upper case: ``BAN DÂN VẬN``
``cap_tren_dau_trang``  ``dong_cap_tren`` as the header cell prints it: a name too wide
    for its column holds ``\n`` at a phrase boundary (``ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ
    MINH``), a ``\n`` the event wrote wins (:mod:`~baocao.template_context.header`)
``co_quan_dau_trang``  ``dong_co_quan`` broken the same way
``vach_co_quan``  the rule under the issuing body, 2/5 of the name's width, as a whole
    paragraph for ``{{p vach_co_quan }}`` (``""`` in the Party format)
``vach_trich_yeu``  the rule under the trích yếu, the same way
``ngay_dai``  the date line is wider than its cell and runs into the left one
    (style *Ngày tháng dài*)
``so_ky_hieu``  ``Số 05-BC/BDVTU`` (Party), ``Số: 05/BC-UBND`` (state); blank number
    for the clerk when ``so`` is absent: ``Số    -BC/BDVTU``, ``Số:      /BC-UBND``
``dong_ngay``  ``Cà Mau, ngày 01 tháng 11 năm 2024`` (too wide even with ``ngay_dai``: broken
    after the place name); when ``ngay`` is absent
    ``Cà Mau, ngày      tháng      năm 2024`` (the event's year, never today's)
``ngay_phat_bieu``  date line of the speech: the day it is given (its own ``ngay`` under
    ``van_ban.phat-bieu-khai-mac``, else the first day; ``chung.ngay`` is a release date)
``trich_yeu``  subject line; default from the side file's ``trich_yeu_mau``
    (``Về việc tổ chức …``); Party: lower-case first letter, also for a ``trich_yeu``
    written with a capital, unless it starts with a name (``Đảng bộ …``, ``Ban Thường vụ …``)
``kinh_gui``  addressees as given: ``["Thường trực Tỉnh ủy"]``
``kinh_gui_mot``  the addressee when there is exactly one, else ``""``
``kinh_gui_dong``  lines when there are several, else ``[]``: ``["- A,", "- B."]``
``noi_nhan``  Nơi nhận lines with the format's punctuation, ``- Như trên`` first
    when there is a Kính gửi (a recipient Kính gửi already names is then left out, notes
    such as ``(để báo cáo)`` ignored): ``["- Như trên,", "- Lưu VT, BDV."]``
``ky``  signer: ``quyen_han`` (prefix line such as ``K/T TRƯỞNG BAN`` or
    ``KT. CHỦ TỊCH``, ``""`` without one; with ``thay_mat`` two lines joined by a line
    break: ``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH``), ``chuc_vu`` (upper case; ``""`` for ``Q.``,
    whose ``Q. CHỦ TỊCH`` is the whole title), ``ho_ten``
``dau_ket``  closing mark of the body: ``.`` (Party), ``./.`` (state)
``theo_vai_tro``  people by role: ``khai_mac``, ``chu_tri``, ``chi_dao``, ``du``,
    ``be_mac``, ``bao_cao_vien`` (each a list, maybe empty)
``nguoi_khai_mac``  the first person with ``vai_tro: khai_mac``, or None
``nguoi_phat_bieu``  people with ``phat_bieu``, opener first, each with ``cau``
    (``Phát biểu khai mạc, đồng chí A, Trưởng Ban, nhấn mạnh: …``; ``Phát biểu bế mạc …``)
    and ``cau_ngan`` (name only, for right after the sentence that introduced them:
    ``Đồng chí A nhấn mạnh: …``)
``thoi_gian``  ``mo_dau`` (``Sáng 1/11``), ``khoang`` (``từ ngày 1 đến ngày 3/11``),
    ``khoang_nam`` (``… 3/11/2024``), ``so_ngay`` (3), ``mot_ngay`` (bool), ``buoi``
    (``chiều`` for a one-day event with a time, else ``""``), ``khi_nam``
    (``chiều ngày 5/2/2025``, else ``khoang_nam``)
``cau``  ready sentences (below)
``noi_dung_dong``  topics as list lines ``- A;`` … ``- Z.``
``muc_dich_dong``  aims as list lines
``loi_chao``  salutations of the speech: ``["Kính thưa đồng chí …!", …]``
``so_lieu``  report figures: ``so_trieu_tap``, ``so_tham_du``, ``ty_le_tham_du``
    (``96,7%``), ``so_hoan_thanh``, ``ty_le_hoan_thanh``, ``kinh_phi``
    (``150.000.000 đồng (Bằng chữ: Một trăm năm mươi triệu đồng)``)
``bang_ket_qua``  table rows ``stt``, ``noi_dung``, ``so``, ``ty_le`` (one decimal); with
    grades a last row ``Cộng xếp loại``; ``so_lieu.ghi_chu_bang`` says each rate's base
``ket_qua_dong``  result lists as lines ``- A;`` … ``- Z.``: ``uu_diem``, ``han_che``,
    ``nguyen_nhan``, ``bai_hoc``, ``kien_nghi``
``cho_dien``  the fill-in line (``……``) when the event has no result at all, else ``""``
``muc``  report section numbers, ``""`` for a left-out section; keys
    ``chuan_bi``, ``thoi_gian``, ``thanh_phan``, ``noi_dung``, ``ket_qua``,
    ``hoc_tap``, ``danh_gia``, ``uu_diem``, ``han_che``, ``nguyen_nhan``,
    ``kinh_phi``, ``bai_hoc``, ``kien_nghi``
``tieu_de_tin``  headline of the news item: ``Khai mạc lớp bồi dưỡng …``; a one-day
    event is named as it is (``Hội nghị triển khai …``)
``ten_su_kien``  event name with a capital first letter
``cai_dat``  layout settings: profile defaults, then the side file's ``cai_dat``
``ke_hoach``  the plan: ``yeu_cau``, ``thanh_phan``, ``phan_cong`` (``don_vi``,
    ``nhiem_vu``), ``kinh_phi_du_kien`` (``so_tien``, ``nguon``; None when absent), ``can_cu``
``chuong_trinh``  the sessions, each ``bat_dau``/``ket_thuc`` a full date and time
``lich_chuong_trinh``  programme table, one block per day: ``ngay``
    (``Thứ Sáu, ngày 01/11/2024``) and ``phien`` rows ``thoi_gian`` (``7h30 - 8h00``),
    ``noi_dung``, ``thuc_hien`` (a person of ``nhan_vat`` with titles)
``cau_ke_hoach``  the plan's sentences: ``mo_dau``, ``muc_dich_dong``, ``yeu_cau_dong``,
    ``dong_thoi_gian`` (``Thời gian: dự kiến 03 ngày, …``), ``dong_dia_diem``, ``thanh_phan_dong``,
    ``so_luong``, ``noi_dung_mo``, ``bao_cao_vien``, ``nguon``, ``phan_cong`` (``so``, ``don_vi``,
    ``nhiem_vu``, ``dong``: ``1. Văn phòng: …``), ``ket``, ``kem_theo`` (appendix line)
``muc_ke_hoach``  plan section numbers: ``muc_dich_yeu_cau``, ``muc_dich``, ``yeu_cau``,
    ``noi_dung``, ``thoi_gian``, ``thanh_phan``, ``chuong_trinh``, ``kinh_phi``, ``to_chuc``
``be_mac``  the closing speech: ``nguoi`` (the be_mac person, else the chair), ``ngay``,
    ``loi_chao``, ``mo_dau``, ``ket_qua``, ``uu_diem_mo``, ``van_dung``, ``cam_on``,
    ``tuyen_bo``, ``chuc``
``khach_moi``  invited guests as written (``[]`` when none)
``hoc_vien``  trainees as written (``[]`` when none)
``danh_sach_hoc_vien``  the trainees as table rows ``stt``, ``ho_ten``, ``don_vi``,
    ``xep_loai`` (``Giỏi``), ``[]`` without ``hoc_vien`` (the report's appendix)
``thoi_gian_moi``  when, as an invitation says it: ``vào lúc 7 giờ 30 phút, thứ Sáu,
    ngày 01 tháng 11 năm 2024``
``nguoi``  per-person templates (side file ``moi_muc``): the person of this document
    (:mod:`baocao.template_context.people`); None in other templates
``stt``  per-person templates: the person's number in the list, from 1; else None
``tong_so_nguoi``  per-person templates: how many people the list has; else None

``cau`` (sentences): ``mo_dau`` (news lead without the outlet tag), ``dien_ra`` (dates and
topics; a one-day event: ``Tại hội nghị, các đại biểu …``), ``noi_dung`` (topics alone),
``khai_mac`` (who opened it; "chủ trì và phát biểu khai mạc" when the chair opened
it, who is then left out of ``tham_du``), ``tham_du`` (list: who directed, chaired, attended),
``thong_cao_mo_dau`` (press-release lead, with the year and the part of a one-day event's
day), ``bao_cao_vien`` (lecturers), ``chao_mung`` (welcome of the speech), ``nguoi_nghe``
(``các đồng chí đại biểu và các đồng chí học viên``), ``chuong_trinh`` (programme line of the
speech), ``muc_dich`` (the speech's line before its aims), ``de_nghi`` (the speech's requests
to the participants), ``bao_cao_mo`` (opening of the report), ``thoi_gian_dia_diem``,
``thanh_phan``, ``so_luong``, ``noi_dung_mo``, ``hoc_tap``, ``kinh_phi``. Absent data gives
``""``.

A course (nguoi_du "học viên", or "lớp", "khóa", "tập huấn", "bồi dưỡng", "đào tạo" in the
name) is "nghiên cứu, học tập" with "chuyên đề" taught by lecturers; any other event (hội
nghị, hội thảo, lễ) is "nghe và thảo luận" "nội dung" presented by them, and its speech asks
for ideas, not for keeping the rules of a class.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, Any

from baocao.errors import DataError, Problem
from baocao.i18n import _
from baocao.template_context.documents import ky, trich_yeu_dang
from baocao.template_context.documents import noi_nhan as dong_noi_nhan
from baocao.template_context.header import PAD_MM, dong_ngay, ngat_ten, trich_yeu_vach, vach
from baocao.template_context.layout import cai_dat as merged_settings
from baocao.template_context.layout import profile
from baocao.template_context.people import (
    bang_hoc_vien,
    context_nguoi,
    nguoi_can_in,
    thoi_gian_moi,
)
from baocao.template_context.plan import them_ke_hoach
from baocao.template_context.report import (
    DONG_TRONG,
    cau_bao_cao,
    co_ket_qua,
    muc_bao_cao,
    so_lieu,
)
from baocao.template_context.sentences import (
    as_date,
    bo_dau_cuoi,
    cau_su_kien,
    dong_danh_sach,
    hoa_dau,
    loi_chao,
    nguoi,
    nguoi_phat_bieu,
    thoi_gian,
)

if TYPE_CHECKING:  # pragma: no cover
    from baocao.registry import TemplateSpec

__all__ = ["VAI_TRO", "context"]

VAI_TRO = ("khai_mac", "chu_tri", "chi_dao", "du", "be_mac", "bao_cao_vien")
#: read by the renderer itself (tone style, document properties) and by the number filters
_ALWAYS = frozenset({"dau_thanh", "cach_doc_so", "the_thuc", "ten_su_kien", "van_ban", "mau"})
_ALWAYS |= {"trich_yeu", "nguoi", "stt", "tong_so_nguoi"}
_HEADER = ["dong_cap_tren", "dong_co_quan", "cap_tren_dau_trang", "co_quan_dau_trang"]
_HEADER += ["dong_ngay", "ngay_dai", "vach_co_quan", "vach_trich_yeu"]
_PLAN = ("ke_hoach", "lich_chuong_trinh", "cau_ke_hoach", "muc_ke_hoach", "be_mac")
_KET_QUA_LIST = ("uu_diem", "han_che", "nguyen_nhan", "bai_hoc", "kien_nghi")


# --- the parts ---------------------------------------------------------------------------


def _spec(template: str | TemplateSpec, dirs: Sequence[Any]) -> Any:
    if isinstance(template, str):
        from baocao.registry import find_template

        return find_template(template, dirs=tuple(dirs))
    return template


def _van_ban(event: Any, data: dict[str, Any], name: str) -> dict[str, Any]:
    """``chung`` then this template's entry; only keys the event file sets override."""
    keys = ("so", "ngay", "trich_yeu", "kinh_gui", "nguoi_ky", "noi_nhan", "luu")
    merged: dict[str, Any] = dict.fromkeys(keys)
    models = getattr(event, "van_ban", None)
    for key in ("chung", name):
        entry = models.get(key) if isinstance(models, dict) else None
        if entry is not None and hasattr(entry, "model_dump"):
            values = entry.model_dump(exclude_unset=True)
            if merged["luu"] is None:
                merged["luu"] = entry.luu
        else:
            values = {k: v for k, v in ((data.get("van_ban") or {}).get(key) or {}).items()}
        merged.update({k: v for k, v in values.items() if v is not None})
    if isinstance(merged["nguoi_ky"], dict):
        merged["nguoi_ky"] = {
            "quyen_han": None,
            "thay_cho": None,
            "thay_mat": None,
            **merged["nguoi_ky"],
        }
    merged["kinh_gui"] = list(merged["kinh_gui"] or [])
    merged["noi_nhan"] = list(merged["noi_nhan"] or [])
    merged["luu"] = merged["luu"] or "VT"
    return merged


def _ngay_rieng(event: Any, data: dict[str, Any], name: str) -> Any:
    """The ``ngay`` of this template's own ``van_ban`` entry (``chung`` left out)."""
    models = getattr(event, "van_ban", None)
    entry = models.get(name) if isinstance(models, dict) else None
    if entry is not None and hasattr(entry, "ngay"):
        return entry.ngay
    return ((data.get("van_ban") or {}).get(name) or {}).get("ngay")


def _nam_trong(su_kien: dict[str, Any], setting: str) -> int:
    d = su_kien.get(setting) or su_kien["bat_dau"]
    return int(d.year)


def _dau_trang(
    prof: Any, co_quan: dict[str, Any], trich_yeu: str, so_ky_hieu: str, ngay: str
) -> dict[str, Any]:
    """The header as laid out: names in balanced lines, rules from their text's width, a date
    line inside the margins (:mod:`baocao.template_context.header`)."""
    from markupsafe import Markup

    c = prof.co_chu
    cot = (prof.cot_trai_mm, prof.cot_phai_mm)
    o_trai = prof.cot_trai_mm - 2 * PAD_MM
    cap_tren = ngat_ten(str(co_quan.get("cap_tren") or "").upper(), o_trai, c["cap_tren"])
    ten = ngat_ten(str(co_quan["ten"]).upper(), o_trai, c["co_quan"], dam=True)
    dong, dai = dong_ngay(ngay, cot, c["ngay"], tran_mm=prof.ngay_tran_mm, so=so_ky_hieu,
                          co_so=c["so"])  # fmt: skip
    state = prof.tieu_ngu is not None
    rong = 210 - prof.le_mm[2] - prof.le_mm[3]
    return {
        # one line each, for running text and page headers of a clerk's template
        "dong_cap_tren": str(co_quan.get("cap_tren") or "").upper(),
        "dong_co_quan": str(co_quan["ten"]).upper(),
        # as the header cell prints them: broken at phrase boundaries
        "cap_tren_dau_trang": "\n".join(cap_tren),
        "co_quan_dau_trang": "\n".join(ten),
        "dong_ngay": dong,
        "ngay_dai": dai,
        "vach_co_quan": Markup(vach(ten, o_trai, c["co_quan"], dam=True) if state else ""),
        "vach_trich_yeu": Markup(
            trich_yeu_vach(trich_yeu, rong, c["trich_yeu"], sau_pt=6) if state else ""
        ),
    }


def context(
    event: Any,
    *,
    template: str | TemplateSpec,
    dirs: Sequence[Any] = (),
    keys: Collection[str] | None = None,
) -> dict[str, Any]:
    """The template context of ``event`` for ``template`` (a name or a ``TemplateSpec``);
    with ``keys`` (the names a template reads), the costly keys outside them are left out."""
    from baocao.vi import dia_danh_ngay

    need: Callable[[str], bool] = (
        (lambda key: True) if keys is None else frozenset(keys).union(_ALWAYS).__contains__
    )
    spec = _spec(template, dirs)
    data: dict[str, Any] = event.model_dump() if hasattr(event, "model_dump") else dict(event)
    the_thuc = data.get("the_thuc") or "nha_nuoc"
    prof = profile(the_thuc)
    dang = the_thuc == "dang"
    settings = merged_settings(the_thuc, getattr(spec, "cai_dat", None) or {})
    name = spec.name

    co_quan = dict(data["co_quan"])
    # a line break the clerk wrote in the name is for the header only
    co_quan["ten_goi"] = " ".join(str(co_quan.get("ten_goi") or co_quan["ten"]).split())
    sk = dict(data["su_kien"])
    for key in ("phoi_hop", "doi_tuong", "noi_dung", "muc_dich", "boi_canh"):
        sk[key] = list(sk.get(key) or [])
    sk["goi_tat"] = sk.get("goi_tat") or sk["ten"]
    sk["to_chuc"] = sk.get("to_chuc") or co_quan["ten_goi"]
    sk["nguoi_du"] = sk.get("nguoi_du") or "đại biểu"
    kq = dict(data.get("ket_qua") or {})
    for key in _KET_QUA_LIST:
        kq[key] = list(kq.get(key) or [])
    for key in ("so_trieu_tap", "so_tham_du", "so_hoan_thanh", "kinh_phi", "xep_loai"):
        kq.setdefault(key, None)
    bc = {"ma_bao": None, "tac_gia": None, "tieu_de": None, **(data.get("bao_chi") or {})}
    vb = _van_ban(event, data, name)

    mac_dinh = settings["danh_xung_mac_dinh"]
    nhan_vat = [nguoi(p, mac_dinh) for p in data.get("nhan_vat") or []]
    theo_vai_tro: dict[str, list[dict[str, Any]]] = {k: [] for k in VAI_TRO}
    for p in nhan_vat:
        theo_vai_tro.setdefault(str(p["vai_tro"]), []).append(p)
    khai_mac = theo_vai_tro["khai_mac"][0] if theo_vai_tro["khai_mac"] else None
    if khai_mac is None and settings.get("can_nguoi_khai_mac"):
        raise DataError(
            [
                Problem(
                    _(
                        "không có ai có vai_tro: khai_mac trong nhan_vat — mẫu này cần "
                        "người phát biểu khai mạc"
                    ),
                    path=str(getattr(event, "source_path", None) or "") or None,
                    field="nhan_vat",
                    part=name,
                )
            ]
        )

    tg = thoi_gian(sk)
    cau = cau_su_kien(sk, theo_vai_tro, khai_mac, tg)
    cach_doc_so = data.get("cach_doc_so") or "chuan"
    figures, bang = so_lieu(kq, sk["nguoi_du"], cach_doc=cach_doc_so)
    cau.update(cau_bao_cao(sk, co_quan, figures, tg))
    muc = (
        muc_bao_cao(kq, cau, bang, bool(sk["noi_dung"] or theo_vai_tro["bao_cao_vien"]))
        if need("muc")
        else {}
    )

    # --- header, numbers, signing ---
    ngay = vb.get("ngay")
    nam = _nam_trong(sk, str(settings.get("nam_ngay_trong") or "bat_dau"))
    trich_yeu = vb.get("trich_yeu") or str(
        settings.get("trich_yeu_mau") or "Về việc tổ chức {ten}"
    ).format(ten=sk["ten"], goi_tat=sk["goi_tat"])
    if dang:
        trich_yeu = trich_yeu_dang(trich_yeu)
    so_ky_hieu = prof.so_ky_hieu(vb.get("so"), getattr(spec, "viet_tat", None), co_quan["viet_tat"])
    sep = str(settings["dau_cach_noi_nhan"])
    # a template without a Kính gửi block (the press release) has no addressees for "Như trên"
    co_kinh_gui = settings.get("co_kinh_gui", True)
    kinh_gui = [bo_dau_cuoi(x) for x in vb["kinh_gui"] if x and x.strip()] if co_kinh_gui else []
    noi_nhan = dong_noi_nhan(
        vb, kinh_gui, settings, prof.luu_mau.format(luu=bo_dau_cuoi(vb.get("luu") or "VT"))
    )

    hdr = (
        _dau_trang(
            prof, co_quan, trich_yeu, so_ky_hieu, dia_danh_ngay(co_quan["dia_danh"], ngay, nam=nam)
        )
        if any(map(need, _HEADER))
        else {}
    )
    ctx: dict[str, Any] = {
        **data,
        "the_thuc": the_thuc,
        "dang": dang,
        "dau_thanh": data.get("dau_thanh") or ("moi" if dang else "cu"),
        "cach_doc_so": cach_doc_so,
        "co_quan": co_quan,
        "su_kien": sk,
        "nhan_vat": nhan_vat,
        "ket_qua": kq,
        "bao_chi": bc,
        "van_ban": vb,
        "mau": name,
        "ten_loai": getattr(spec, "ten_loai", None) or "",
        "quoc_hieu": prof.quoc_hieu,
        "tieu_ngu": prof.tieu_ngu or "",
        **hdr,
        "so_ky_hieu": so_ky_hieu,
        # a speech is dated the day it is given: its own ngay, not the release date of chung
        "ngay_phat_bieu": dia_danh_ngay(
            co_quan["dia_danh"], _ngay_rieng(event, data, name) or as_date(sk["bat_dau"])
        ),
        "trich_yeu": trich_yeu,
        "kinh_gui": kinh_gui,
        "kinh_gui_mot": kinh_gui[0] if len(kinh_gui) == 1 else "",
        "kinh_gui_dong": dong_danh_sach(kinh_gui, ngan=sep) if len(kinh_gui) > 1 else [],
        "noi_nhan": noi_nhan,
        "ky": ky(vb, the_thuc),
        "dau_ket": settings["dau_ket"],
        "theo_vai_tro": theo_vai_tro,
        "nguoi_khai_mac": khai_mac,
        "thoi_gian": tg,
        "cau": cau,
        "noi_dung_dong": dong_danh_sach(sk["noi_dung"]),
        "muc_dich_dong": dong_danh_sach(sk["muc_dich"]),
        "so_lieu": figures,
        "bang_ket_qua": bang,
        # result lists as "- A;" … "- Z." lines, whatever the event ended them with
        "ket_qua_dong": {k: dong_danh_sach(kq[k]) for k in _KET_QUA_LIST},
        # no result at all: the report prints every section with this line to fill in by hand
        "cho_dien": "" if co_ket_qua(kq) else DONG_TRONG,
        "muc": muc,
        # "Khai mạc …" for an event that lasts; a one-day event is named as it is
        "tieu_de_tin": bc.get("tieu_de")
        or hoa_dau(sk["ten"] if tg["mot_ngay"] else f"khai mạc {sk['ten']}"),
        "ten_su_kien": hoa_dau(sk["ten"]),
        "cai_dat": settings,
        # a per-person template's person (below); None in any other template
        "nguoi": None,
        "stt": None,
        "tong_so_nguoi": None,
    }
    lazy: dict[str, Callable[[], Any]] = {
        "nguoi_phat_bieu": lambda: nguoi_phat_bieu(nhan_vat, sk["goi_tat"]),
        "loi_chao": lambda: loi_chao(sk, theo_vai_tro, khai_mac),
        "danh_sach_hoc_vien": lambda: bang_hoc_vien(data.get("hoc_vien") or []),
        "thoi_gian_moi": lambda: thoi_gian_moi(sk["bat_dau"], sk.get("ket_thuc")),
    }
    ctx.update({key: make() for key, make in lazy.items() if need(key)})
    # kế hoạch, chương trình, phát biểu bế mạc (template_context/plan.py)
    if any(map(need, _PLAN)) or settings.get("can_nguoi_be_mac"):
        ctx.update(
            them_ke_hoach(
                ctx,
                settings,
                ngay_rieng=_ngay_rieng(event, data, name),
                path=str(getattr(event, "source_path", None) or "") or None,
            )
        )
    moi_muc = getattr(spec, "moi_muc", None)
    if moi_muc:  # a per-person template: the first person who gets one (a blank one if none)
        people = nguoi_can_in(data, moi_muc)
        stt, first = people[0] if people else (1, None)
        ctx = context_nguoi(ctx, moi_muc, first, stt, len(data.get(moi_muc) or []))
    return ctx
