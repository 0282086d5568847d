"""The event file as validated data: pydantic models of every key of the event format.

Field names are the keys of the file (``docs/event-format.md``). Unknown keys are refused,
the cross-field rules of the format are checked, and after validation the defaults the
templates rely on are filled in (``dau_thanh``, ``co_quan.ten_goi``, ``su_kien.goi_tat``,
``su_kien.to_chuc``, ``su_kien.nguoi_du``). Every string is NFC and in the document's tone
style (``dau_thanh``). This module does no I/O: ``baocao.event.loading`` reads files.

>>> ev = Event.model_validate({
...     "the_thuc": "dang",
...     "co_quan": {"cap_tren": "Tỉnh ủy Cà Mau", "ten": "Ban Dân vận",
...                 "ten_goi": "Ban Dân vận Tỉnh ủy", "viet_tat": "BDVTU", "dia_danh": "Cà Mau"},
...     "su_kien": {"ten": "lớp bồi dưỡng nghiệp vụ công tác dân vận",
...                 "bat_dau": "1/11/2024 7h30", "ket_thuc": "2024-11-03"},
... })
>>> ev.dau_thanh, ev.co_quan.ten_goi, ev.su_kien.to_chuc, ev.su_kien.nguoi_du
('moi', 'Ban Dân vận Tỉnh uỷ', 'Ban Dân vận Tỉnh uỷ', 'đại biểu')
>>> ev.su_kien.bat_dau, ev.su_kien.ket_thuc
(datetime.datetime(2024, 11, 1, 7, 30), datetime.date(2024, 11, 3))
>>> ev.van_ban_cho("bao_cao").luu
'VT'
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    Field,
    PrivateAttr,
    model_validator,
)

from baocao.errors import Problem
from baocao.event.documents import NguoiKy, VanBan, VanBanKey, la_cap_uy
from baocao.event.fields import (
    ERROR_TYPE,
    RULES_ERROR_TYPE,
    Count,
    StrictModel,
    Text,
    TextList,
    When,
    as_day,
    new_list,
    rules_error,
)
from baocao.event.people import DanhSachTep, HocVien, KhachMoi, count_mismatches
from baocao.event.programme import KeHoach, Phien, kiem_tra
from baocao.event.results import KetQua, XepLoai
from baocao.i18n import _

__all__ = [
    "ERROR_TYPE",
    "RULES_ERROR_TYPE",
    "BaoChi",
    "CoQuan",
    "DanhSachTep",
    "Event",
    "HocVien",
    "KetQua",
    "KhachMoi",
    "NguoiKy",
    "NhanVat",
    "SuKien",
    "VanBan",
    "XepLoai",
]


class CoQuan(StrictModel):
    """Cơ quan ban hành văn bản."""

    cap_tren: Text | None = Field(
        None,
        description="Cơ quan cấp trên, in hoa phía trên tên cơ quan.",
        examples=["Tỉnh ủy Cà Mau", "Ủy ban nhân dân tỉnh Cà Mau"],
    )
    ten: Text = Field(
        description="Tên cơ quan như in ở phần đầu văn bản.", examples=["Ban Dân vận"]
    )
    ten_goi: Text | None = Field(
        None,
        description="Tên gọi trong lời văn (mặc định: bằng `ten`).",
        examples=["Ban Dân vận Tỉnh ủy"],
    )
    viet_tat: Text = Field(
        description="Chữ viết tắt dùng trong số, ký hiệu văn bản.", examples=["BDVTU", "UBND"]
    )
    dia_danh: Text = Field(description="Địa danh ghi ở dòng ngày tháng.", examples=["Cà Mau"])

    @model_validator(mode="after")
    def _defaults(self) -> CoQuan:
        if self.ten_goi is None:
            self.ten_goi = self.ten
        return self


class SuKien(StrictModel):
    """Sự kiện (hội nghị, lớp bồi dưỡng, tập huấn…)."""

    ten: Text = Field(
        description="Tên đầy đủ, viết như ở giữa câu (chữ đầu viết thường).",
        examples=["lớp bồi dưỡng nghiệp vụ công tác dân vận"],
    )
    goi_tat: Text | None = Field(
        None,
        description="Tên gọi tắt cho những lần nhắc sau (mặc định: bằng `ten`).",
        examples=["lớp bồi dưỡng"],
    )
    bat_dau: When = Field(description="Ngày (và giờ) bắt đầu.")
    ket_thuc: When | None = Field(
        None, description="Ngày (và giờ) kết thúc, không trước ngày bắt đầu."
    )
    dia_diem: Text | None = Field(
        None, description="Địa điểm tổ chức.", examples=["Trường Chính trị tỉnh Cà Mau"]
    )
    to_chuc: Text | None = Field(
        None,
        description="Đơn vị tổ chức như gọi trong lời văn (mặc định: `co_quan.ten_goi`).",
    )
    phoi_hop: TextList = Field(
        default_factory=new_list,
        description="Các đơn vị phối hợp.",
        examples=[["Trường Chính trị tỉnh Cà Mau"]],
    )
    doi_tuong: TextList = Field(
        default_factory=new_list,
        description="Thành phần tham dự, mỗi mục một cụm từ (nối bằng dấu chấm phẩy).",
        examples=[["lãnh đạo các huyện, thành phố"]],
    )
    so_nguoi: Count | None = Field(None, description="Số đại biểu / học viên.", examples=[120])
    nguoi_du: Text | None = Field(
        None,
        description="Cách gọi người tham dự trong lời văn (mặc định: `đại biểu`).",
        examples=["học viên"],
    )
    noi_dung: TextList = Field(
        default_factory=new_list,
        description="Các nội dung, chuyên đề.",
        examples=[["Công tác dân vận trong tình hình mới"]],
    )
    can_cu: Text | None = Field(
        None,
        description="Văn bản làm căn cứ tổ chức.",
        examples=["Kế hoạch số 123-KH/BDVTU ngày 15/10/2024 của Ban Dân vận Tỉnh ủy"],
    )
    muc_dich: TextList = Field(
        default_factory=new_list, description="Mục đích, yêu cầu (cho bài phát biểu khai mạc)."
    )
    boi_canh: TextList = Field(
        default_factory=new_list, description="Các đoạn văn nêu bối cảnh, in nguyên văn."
    )

    @model_validator(mode="after")
    def _rules(self) -> SuKien:
        if self.goi_tat is None:
            self.goi_tat = self.ten
        if self.nguoi_du is None:
            self.nguoi_du = "đại biểu"
        if self.ket_thuc is not None:
            start, end = self.bat_dau, self.ket_thuc
            both_times = isinstance(start, datetime) and isinstance(end, datetime)
            before = end < start if both_times else as_day(end) < as_day(start)
            if before:
                raise rules_error(
                    [
                        (
                            ("ket_thuc",),
                            _("ngày kết thúc ({end}) trước ngày bắt đầu ({start})").format(
                                end=_fmt_when(end), start=_fmt_when(start)
                            ),
                        )
                    ]
                )
        return self


def _ky_thay_cap_uy(cap_uy: str) -> str:
    """Why a Party deputy may not sign ``K/T`` for a cấp ủy (HD 36)."""
    return _(
        "`{ten}` là cấp ủy, một tập thể lãnh đạo: văn bản của cấp ủy ký `T/M` (thay mặt), kể cả "
        "khi cấp phó ký (`T/M BAN THƯỜNG VỤ` / `PHÓ BÍ THƯ`), không bao giờ `K/T` (Hướng dẫn "
        "36-HD/VPTW); ghi `quyen_han: TM` và `thay_cho: {ten}`"
    ).format(ten=cap_uy)


def _fmt_when(value: date) -> str:
    text = f"{value.day}/{value.month}/{value.year}"
    if isinstance(value, datetime):
        text += f" {value.hour:02d}:{value.minute:02d}"
    return text


class NhanVat(StrictModel):
    """Một người tham gia sự kiện với một vai trò."""

    ho_ten: Text = Field(description="Họ và tên.", examples=["Lê Thanh Triều"])
    danh_xung: Text | None = Field(
        None, description="Cách xưng hô: `đồng chí`, `ông`, `bà`.", examples=["đồng chí"]
    )
    chuc_vu: TextList = Field(
        default_factory=new_list,
        description="Các chức vụ, theo thứ tự.",
        examples=[["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy"]],
    )
    vai_tro: Literal["khai_mac", "chu_tri", "chi_dao", "du", "be_mac", "bao_cao_vien"] = Field(
        description=(
            "Vai trò: khai_mac (phát biểu khai mạc), chu_tri (chủ trì), chi_dao (chỉ đạo), "
            "du (dự), be_mac (bế mạc), bao_cao_vien (báo cáo viên)."
        ),
        examples=["khai_mac"],
    )
    phat_bieu: TextList = Field(
        default_factory=new_list, description="Các ý phát biểu, in nguyên văn."
    )


class BaoChi(StrictModel):
    """Thông tin cho tin bài báo chí."""

    ma_bao: Text | None = Field(None, description="Ký hiệu của báo ở đầu tin.", examples=["CMO"])
    tac_gia: Text | None = Field(None, description="Tác giả.", examples=["Mộng Thường"])
    tieu_de: Text | None = Field(None, description="Tiêu đề (mặc định: tạo từ sự kiện).")


class Event(StrictModel):
    """Một tệp sự kiện: mọi văn bản được soạn từ cùng một tệp này."""

    the_thuc: Literal["nha_nuoc", "dang"] = Field(
        "nha_nuoc",
        description=(
            "Thể thức: nha_nuoc (Nghị định 30/2020/NĐ-CP) hoặc dang (Hướng dẫn 36-HD/VPTW)."
        ),
    )
    dau_thanh: Literal["cu", "moi"] | None = Field(
        None,
        description=(
            "Kiểu đặt dấu thanh cho toàn văn bản: cu (hòa, ủy) — mặc định cho nha_nuoc; "
            "moi (hoà, uỷ) — mặc định cho dang."
        ),
    )
    cach_doc_so: Literal["chuan", "nam"] = Field(
        "chuan",
        description=(
            "Cách đọc số thành chữ (số tiền bằng chữ, bộ lọc `bang_chu`, `so_thanh_chu`): "
            "chuan (một trăm linh năm, một nghìn — mặc định) hoặc nam (một trăm lẻ năm, "
            "một ngàn)."
        ),
    )
    co_quan: CoQuan = Field(description="Cơ quan ban hành.")
    su_kien: SuKien = Field(description="Sự kiện.")
    nhan_vat: list[NhanVat] = Field(default_factory=new_list, description="Những người có vai trò.")
    ket_qua: KetQua | None = Field(None, description="Kết quả, cho báo cáo tổng kết.")
    bao_chi: BaoChi | None = Field(None, description="Thông tin cho tin bài.")
    khach_moi: list[KhachMoi] = Field(
        default_factory=new_list,
        description=(
            "Khách mời (mỗi người một giấy mời): một danh sách, hoặc đường dẫn bảng tính "
            "(.xlsx, .xls, .ods, .csv) như `danh-sach.xlsx`, hoặc `{tep: danh-sach.xlsx, "
            "trang: Khách mời}`."
        ),
    )
    hoc_vien: list[HocVien] = Field(
        default_factory=new_list,
        description=(
            "Học viên (mỗi người một giấy chứng nhận): một danh sách, hoặc đường dẫn bảng tính "
            "(.xlsx, .xls, .ods, .csv), hoặc `{tep: danh-sach.xlsx, trang: Học viên}`."
        ),
    )
    van_ban: dict[VanBanKey, VanBan] = Field(
        default_factory=dict,
        description="Thông tin riêng theo tên mẫu văn bản; `chung` là mặc định cho mọi mẫu.",
    )
    # --- kế hoạch, chương trình (baocao.event.programme) ---
    ke_hoach: KeHoach | None = Field(None, description="Kế hoạch tổ chức (cho mẫu ke-hoach).")
    chuong_trinh: list[Phien] = Field(
        default_factory=new_list,
        description=(
            "Chương trình: các phiên theo thứ tự thời gian (cho mẫu chuong-trinh, ke-hoach)."
        ),
    )

    _source_path: Path | None = PrivateAttr(default=None)
    _warnings: list[Problem] = PrivateAttr(default_factory=new_list)

    @property
    def warnings(self) -> list[Problem]:
        """Warnings found when the event was loaded (:mod:`baocao.event.warnings`)."""
        return self._warnings

    @property
    def source_path(self) -> Path | None:
        """The file this event was loaded from (set by the loader), or None."""
        return self._source_path

    @model_validator(mode="before")
    @classmethod
    def _normalise_text(cls, data: Any) -> Any:
        """NFC every string (the look-alike Ð, U+00D0, becomes Đ), then put tone marks in the
        document's style."""
        if not isinstance(data, dict):
            return data
        from baocao.vi import chuan_dau

        kieu = data.get("dau_thanh")
        if kieu not in ("cu", "moi"):
            kieu = "moi" if data.get("the_thuc") == "dang" else "cu"

        def walk(value: Any) -> Any:
            kind = type(value)
            if kind is str or isinstance(value, str):
                if value.isascii():  # nothing to compose, no tone mark to place
                    return value
                # chuan_dau puts the text in NFC first; Ð, Đ have no decomposition, so the
                # replacement may come before it (tests/test_tone_marks_fast_path.py)
                return chuan_dau(value.replace("\u00d0", "\u0110"), kieu=kieu)
            if kind is dict or isinstance(value, dict):
                return {k: walk(v) for k, v in value.items()}
            if kind is list or isinstance(value, list):
                return [walk(v) for v in value]
            return value

        return {
            key: (walk(value) if key not in ("the_thuc", "dau_thanh", "cach_doc_so") else value)
            for key, value in data.items()
        }

    @model_validator(mode="after")
    def _rules(self) -> Event:
        if self.dau_thanh is None:
            self.dau_thanh = "moi" if self.the_thuc == "dang" else "cu"
        if self.su_kien.to_chuc is None:
            self.su_kien.to_chuc = self.co_quan.ten_goi
        issues: list[tuple[tuple[str | int, ...], str]] = count_mismatches(
            self.hoc_vien, self.ket_qua
        )
        if self.the_thuc == "dang":
            issues += [
                (
                    ("van_ban", name, "nguoi_ky", "quyen_han"),
                    _(
                        "văn bản Đảng không ký `TUQ.` (thừa ủy quyền chỉ có ở văn bản nhà nước); "
                        "dùng TM, KT hoặc TL"
                    ),
                )
                for name, vb in self.van_ban.items()
                if vb.nguoi_ky is not None and vb.nguoi_ky.quyen_han == "TUQ"
            ]
            issues += [
                (("van_ban", name, "nguoi_ky", "quyen_han"), _ky_thay_cap_uy(cap_uy))
                for name, vb in self.van_ban.items()
                if vb.nguoi_ky is not None and vb.nguoi_ky.quyen_han == "KT"
                for cap_uy in [
                    x for x in (vb.nguoi_ky.thay_cho, vb.nguoi_ky.thay_mat) if x and la_cap_uy(x)
                ][:1]
            ]
        if issues:
            raise rules_error(issues)
        return self

    @model_validator(mode="after")
    def _programme_rules(self) -> Event:
        """Sessions get their full date and time, inside the event's days and in order."""
        start, end = self.su_kien.bat_dau, self.su_kien.ket_thuc
        issues = kiem_tra(self.chuong_trinh, as_day(start), as_day(end or start))
        if issues:
            raise rules_error([(("chuong_trinh", *path), msg) for path, msg in issues])
        return self

    def van_ban_cho(self, template_name: str) -> VanBan:
        """The details of one document: ``van_ban.chung`` merged with ``van_ban.<name>``
        (the template's own keys win)."""
        merged: dict[str, Any] = {}
        for key in ("chung", template_name):
            entry = self.van_ban.get(key)
            if entry is not None:
                merged.update({name: getattr(entry, name) for name in entry.model_fields_set})
        return VanBan.model_validate(merged)
