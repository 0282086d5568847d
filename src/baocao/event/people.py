"""Lists of people in the event file: invited guests (``khach_moi``) and trainees
(``hoc_vien``), written in the file or read from a spreadsheet (:class:`DanhSachTep`).

In the event file each list is a YAML/JSON list of mappings, the path of a spreadsheet or CSV
(relative to the event file) or ``{tep: ds.xlsx, trang: Khách mời}``; the loader
(:mod:`baocao.event.loading`) reads the sheet into a list of mappings before validation, so
the models below only ever see the rows.

>>> HocVien.model_validate({"ho_ten": "Nguyễn Văn An", "xep_loai": "Trung binh"}).xep_loai
'trung bình'
>>> HocVien.model_validate({"ho_ten": "Lê Thị Bé", "xep_loai": "GIỎI"}).xep_loai
'giỏi'
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from baocao.event.fields import Day, StrictModel, Text

__all__ = [
    "GRADES",
    "PASSING",
    "DanhSachTep",
    "HocVien",
    "KhachMoi",
    "XepLoaiHocVien",
    "plain_text",
]

GRADES: tuple[str, ...] = ("xuất sắc", "giỏi", "khá", "trung bình", "không đạt")
"""The grades of a trainee, best first."""
PASSING: tuple[str, ...] = GRADES[:-1]
"""The grades that earn a certificate."""


def plain_text(text: str) -> str:
    """``text`` lower-cased, without marks, ``đ`` as ``d``, spaces collapsed: the key under
    which names, titles and grades are compared.

    >>> plain_text("  Nguyễn  Văn ĐỨC ")
    'nguyen van duc'
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", stripped).strip().lower()


_GRADE_BY_PLAIN = {plain_text(g): g for g in GRADES} | {
    "xuat sac": "xuất sắc",
    "tb": "trung bình",
    "khong dat": "không đạt",
    "chua dat": "không đạt",
}


def _grade_input(value: Any) -> Any:
    """``Gioi``, ``TRUNG BÌNH``, ``trung_binh``, ``chưa đạt`` → the grade as printed."""
    if isinstance(value, str):
        key = plain_text(value.replace("_", " "))
        return _GRADE_BY_PLAIN.get(key, value)
    return value


XepLoaiHocVien = Annotated[
    Literal["xuất sắc", "giỏi", "khá", "trung bình", "không đạt"],
    BeforeValidator(_grade_input),
]


class KhachMoi(StrictModel):
    """Một khách mời (một giấy mời)."""

    ho_ten: Text = Field(description="Họ và tên.", examples=["Nguyễn Văn An"])
    danh_xung: Text | None = Field(
        None, description="Cách xưng hô: `ông`, `bà`, `đồng chí`.", examples=["đồng chí"]
    )
    chuc_vu: Text | None = Field(
        None, description="Chức vụ.", examples=["Phó Chủ tịch Ủy ban nhân dân huyện"]
    )
    don_vi: Text | None = Field(None, description="Đơn vị công tác.", examples=["Huyện Năm Căn"])
    ghi_chu: Text | None = Field(None, description="Ghi chú (không in).")


class HocVien(StrictModel):
    """Một học viên (một giấy chứng nhận)."""

    ho_ten: Text = Field(description="Họ và tên.", examples=["Trần Thị Bình"])
    ngay_sinh: Day | None = Field(None, description="Ngày sinh.", examples=["5/2/1980"])
    chuc_vu: Text | None = Field(None, description="Chức vụ.", examples=["Chuyên viên"])
    don_vi: Text | None = Field(
        None, description="Đơn vị công tác.", examples=["Ban Dân vận Huyện ủy Năm Căn"]
    )
    xep_loai: XepLoaiHocVien | None = Field(
        None,
        description="Xếp loại: xuất sắc, giỏi, khá, trung bình, không đạt (có dấu hoặc không).",
        examples=["giỏi"],
    )
    so_chung_nhan: Text | None = Field(None, description="Số giấy chứng nhận.", examples=["15/GCN"])


class DanhSachTep(StrictModel):
    """Danh sách lấy từ một bảng tính (.xlsx, .xls, .ods) hoặc tệp .csv."""

    tep: str = Field(
        description="Đường dẫn tệp, tính từ thư mục của tệp sự kiện.",
        examples=["danh-sach.xlsx"],
    )
    trang: str | None = Field(
        None,
        description="Tên trang tính (mặc định: trang mang tên danh sách, nếu không: trang đầu).",
        examples=["Khách mời"],
    )
