"""The two layout profiles: Nghị định 30/2020/NĐ-CP (state) and Hướng dẫn 36-HD/VPTW (Party).

Everything that differs between the two formats is data in a :class:`Profile`, so code asks
``profile.tien_to["KT"]`` instead of branching on the format. ``tools/build_templates.py``
reads the typographic half (sizes, column widths, margins) to generate the built-in Word
templates; :mod:`baocao.template_context.build` reads the textual half (số ký hiệu, prefixes,
punctuation).

Where the sources disagree the choice is a *setting* (``Profile.cai_dat``) that a template's
side file may override under ``cai_dat:`` — see ``docs/van-ban-format.md``.

>>> p = profile("nha_nuoc")
>>> p.so_ky_hieu(5, "TC", "UBND")
'Số: 05/TC-UBND'
>>> profile("dang").so_ky_hieu(5, "BC", "BDVTU")
'Số 05-BC/BDVTU'
>>> profile("dang").so_ky_hieu(None, "BC", "BDVTU")
'Số    -BC/BDVTU'
>>> p.so_ky_hieu(None, "BC", "UBND")
'Số:      /BC-UBND'
>>> p.so_ky_hieu(12, None, "UBND")
'Số: 12/UBND'
>>> p.tien_to["KT"], profile("dang").tien_to["KT"]
('KT.', 'K/T')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["PROFILES", "Profile", "cai_dat", "profile"]

#: Blank used where the clerk writes the number or the day by hand.
TRONG = "     "


@dataclass(frozen=True)
class Profile:
    """One format family. Sizes are points, lengths millimetres."""

    the_thuc: str
    ten: str
    #: first line of the right header cell
    quoc_hieu: str
    #: second line (state only)
    tieu_ngu: str | None
    #: what goes under the issuing body: a rule line or ``*``
    duoi_co_quan: str
    #: "Số: 05/TC-UBND" or "Số 05-TC/UBND"
    so_mau: str
    so_mau_khong_loai: str
    #: signing prefixes by `quyen_han` code
    tien_to: dict[str, str]
    #: the trích yếu starts with a lower-case letter (Party)
    trich_yeu_chu_thuong: bool
    #: "Lưu: VT, X." vs "Lưu VT." — the colon after "Lưu"
    luu_mau: str
    # --- typography used by tools/build_templates.py -------------------------------------
    le_mm: tuple[float, float, float, float]  # top, bottom, left, right
    cot_trai_mm: float
    cot_phai_mm: float
    #: the header table reaches this far into the left margin (0: it stays inside the margins)
    lui_trai_mm: float
    co_chu: dict[str, float]
    thut_dau_dong_cm: float
    gian_dong: dict[str, Any]
    dau_trang_mm: float  # header distance from the top edge
    #: how far a long date line may run into the left cell (style "Ngày tháng dài", chosen by
    #: the context when the line is wider than its cell and keeps clear of the Số line): the
    #: longest place name, "Thành phố Hồ Chí Minh, ngày 30 tháng 12 năm 2025", is 98.7 mm at
    #: 13 pt and 106.3 mm at 14 pt italic; a line that still does not fit breaks after the place
    #: name. Never to the right: the cell ends at the right margin.
    ngay_tran_mm: float = 0
    #: settings a side file may override (values may be {nha_nuoc: …, dang: …})
    cai_dat: dict[str, Any] = field(default_factory=dict)

    def so_ky_hieu(self, so: int | None, loai: str | None, co_quan: str) -> str:
        """The số ký hiệu line; a missing number is left blank for the clerk."""
        so_txt = (
            f"{so:02d}" if so is not None else (TRONG if self.so_mau.startswith("Số:") else "   ")
        )
        if loai:
            return self.so_mau.format(so=so_txt, loai=loai, co_quan=co_quan)
        return self.so_mau_khong_loai.format(so=so_txt, co_quan=co_quan)


#: Settings shared by both formats (a side file may override any of them).
CAI_DAT_CHUNG: dict[str, Any] = {
    # closing mark of the body
    "dau_ket": {"nha_nuoc": "./.", "dang": "."},
    # end of each Nơi nhận / Kính gửi item except the last (HD 36: ","; HD 05 tools: ";")
    "dau_cach_noi_nhan": {"nha_nuoc": ";", "dang": ","},
    # a report with Kính gửi starts Nơi nhận with "- Như trên"
    "nhu_tren_khi_kinh_gui": True,
    # the template prints a Kính gửi block (false: kinh_gui and a "Như trên" item are ignored)
    "co_kinh_gui": True,
    # the year printed in a blank date line: the event's "bat_dau" or "ket_thuc" year
    "nam_ngay_trong": "bat_dau",
    # the opening-speech template needs someone with vai_tro: khai_mac
    "can_nguoi_khai_mac": False,
    # recipients every document of the template has, after the event's own (thông cáo báo chí:
    # "Các cơ quan báo chí"); one already listed is not repeated
    "noi_nhan_them": [],
    # default form of address when a person has no danh_xung
    "danh_xung_mac_dinh": {"nha_nuoc": "đồng chí", "dang": "đồng chí"},
}

NHA_NUOC = Profile(
    the_thuc="nha_nuoc",
    ten="Nghị định 30/2020/NĐ-CP",
    quoc_hieu="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    tieu_ngu="Độc lập - Tự do - Hạnh phúc",
    duoi_co_quan="vach",
    so_mau="Số: {so}/{loai}-{co_quan}",
    so_mau_khong_loai="Số: {so}/{co_quan}",
    tien_to={"TM": "TM.", "KT": "KT.", "Q": "Q.", "TL": "TL.", "TUQ": "TUQ."},
    trich_yeu_chu_thuong=False,
    luu_mau="- Lưu: {luu}.",
    le_mm=(20, 20, 30, 15),
    # Quốc hiệu 12 pt bold is 88.3 mm wide; with 1 mm cell padding the right column needs ≥ 90.3;
    # the table spans the text width exactly (73 + 92 = 165): nothing in the margins. A body
    # name wider than 71 mm less 4 mm of room ("ỦY BAN NHÂN DÂN TỈNH CÀ MAU", 70.1 mm at 12 pt
    # bold, goes on two lines as real documents print it)
    # is broken at a phrase boundary (baocao.template_context.header)
    cot_trai_mm=73,
    cot_phai_mm=92,
    lui_trai_mm=0,
    co_chu={
        "than": 14,
        "quoc_hieu": 12,
        "tieu_ngu": 13,
        "cap_tren": 12,
        "co_quan": 12,
        "so": 13,
        "ngay": 13,
        "ten_loai": 14,
        "trich_yeu": 14,
        "noi_nhan_nhan": 12,
        "noi_nhan": 11,
        "ky": 14,
        "so_trang": 13,
    },
    thut_dau_dong_cm=1.27,
    gian_dong={"kieu": "boi", "gia_tri": 1.15},
    dau_trang_mm=10,
    ngay_tran_mm=11,  # 90 mm of text + 11 = 101 ≥ 98.7 (Số line ends 53 mm, date starts 63)
)

DANG = Profile(
    the_thuc="dang",
    ten="Hướng dẫn 36-HD/VPTW",
    quoc_hieu="ĐẢNG CỘNG SẢN VIỆT NAM",
    tieu_ngu=None,
    duoi_co_quan="*",
    so_mau="Số {so}-{loai}/{co_quan}",
    so_mau_khong_loai="Số {so}/{co_quan}",
    tien_to={"TM": "T/M", "KT": "K/T", "Q": "Q.", "TL": "T/L", "TUQ": "T/UQ"},
    trich_yeu_chu_thuong=True,
    luu_mau="- Lưu {luu}.",
    le_mm=(20, 20, 30, 15),
    cot_trai_mm=78,
    cot_phai_mm=87,
    lui_trai_mm=0,
    co_chu={
        "than": 14,
        "quoc_hieu": 15,
        "tieu_ngu": 15,
        "cap_tren": 14,
        "co_quan": 14,
        "so": 14,
        "ngay": 14,
        "ten_loai": 16,
        "trich_yeu": 14,
        "noi_nhan_nhan": 14,
        "noi_nhan": 12,
        "ky": 14,
        "so_trang": 14,
    },
    thut_dau_dong_cm=1.0,
    gian_dong={"kieu": "chinh_xac", "gia_tri": 18},
    dau_trang_mm=10,
    # 85 mm of text + 11 = 96 mm; the 106.3 mm HCMC line would meet the Số line: two lines
    ngay_tran_mm=11,
)

PROFILES: dict[str, Profile] = {"nha_nuoc": NHA_NUOC, "dang": DANG}


def profile(the_thuc: str) -> Profile:
    """The profile of ``the_thuc`` (``nha_nuoc`` or ``dang``)."""
    return PROFILES[the_thuc]


def cai_dat(the_thuc: str, *overrides: dict[str, Any] | None) -> dict[str, Any]:
    """Settings for one format: the shared defaults, then each override, per-format values picked.

    >>> cai_dat("dang")["dau_ket"], cai_dat("nha_nuoc")["dau_ket"]
    ('.', './.')
    >>> cai_dat("dang", {"dau_cach_noi_nhan": ";"})["dau_cach_noi_nhan"]
    ';'
    """
    merged: dict[str, Any] = {}
    for source in (CAI_DAT_CHUNG, PROFILES[the_thuc].cai_dat, *overrides):
        for key, value in (source or {}).items():
            if isinstance(value, dict) and set(value) <= set(PROFILES) and value:
                if the_thuc in value:
                    merged[key] = value[the_thuc]
            else:
                merged[key] = value
    return merged
