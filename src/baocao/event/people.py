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
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from baocao.event.fields import Day, StrictModel, Text
from baocao.i18n import _
from baocao.vi.text import khong_dau

if TYPE_CHECKING:
    from baocao.event.model import Event
    from baocao.event.results import KetQua

__all__ = [
    "GRADES",
    "PASSING",
    "DanhSachTep",
    "HocVien",
    "KhachMoi",
    "XepLoaiHocVien",
    "count_mismatches",
    "duplicate_people",
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
    return re.sub(r"\s+", " ", khong_dau(text)).strip().lower()


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


# ket_qua.xep_loai key → the grades of the list it counts ("xuất sắc" is counted as "giỏi":
# the summary report has no count of its own for it).
_COUNTED: dict[str, tuple[str, ...]] = {
    "gioi": ("xuất sắc", "giỏi"),
    "kha": ("khá",),
    "trung_binh": ("trung bình",),
    "chua_dat": ("không đạt",),
}


def count_mismatches(
    hoc_vien: list[HocVien], ket_qua: KetQua | None
) -> list[tuple[tuple[str | int, ...], str]]:
    """Where the list of trainees and the counts of ``ket_qua`` disagree: each mismatch is
    reported at both places (paths relative to the event)."""
    issues: list[tuple[tuple[str | int, ...], str]] = []
    if not hoc_vien or ket_qua is None:
        return issues
    n = len(hoc_vien)
    if ket_qua.so_tham_du is not None and ket_qua.so_tham_du != n:
        issues.append(
            (
                ("hoc_vien",),
                _("danh sách có {n} học viên nhưng `ket_qua.so_tham_du` ghi {m}").format(
                    n=n, m=ket_qua.so_tham_du
                ),
            )
        )
        issues.append(
            (
                ("ket_qua", "so_tham_du"),
                _("ghi {m} người tham dự nhưng danh sách `hoc_vien` có {n} người").format(
                    n=n, m=ket_qua.so_tham_du
                ),
            )
        )
    if ket_qua.xep_loai is None or all(p.xep_loai is None for p in hoc_vien):
        return issues
    for key, grades in _COUNTED.items():
        written = getattr(ket_qua.xep_loai, key)
        if written is None:
            continue
        counted = sum(1 for p in hoc_vien if p.xep_loai in grades)
        if counted == written:
            continue
        names = " / ".join(grades)
        issues.append(
            (
                ("hoc_vien",),
                _(
                    "danh sách có {n} học viên xếp loại {grades} nhưng "
                    "`ket_qua.xep_loai.{key}` ghi {m}"
                ).format(n=counted, grades=names, key=key, m=written),
            )
        )
        issues.append(
            (
                ("ket_qua", "xep_loai", key),
                _("ghi {m} nhưng danh sách `hoc_vien` có {n} người xếp loại {grades}").format(
                    n=counted, grades=names, m=written
                ),
            )
        )
    return issues


def _same_person(a: KhachMoi | HocVien, b: KhachMoi | HocVien) -> bool:
    """Same name, and neither the unit nor the birth date (when both give one) differ."""
    if plain_text(a.ho_ten) != plain_text(b.ho_ten):
        return False
    if (
        a.don_vi is not None
        and b.don_vi is not None
        and plain_text(a.don_vi) != plain_text(b.don_vi)
    ):
        return False
    born_a, born_b = getattr(a, "ngay_sinh", None), getattr(b, "ngay_sinh", None)
    return born_a is None or born_b is None or born_a == born_b


def duplicate_people(event: Event) -> list[tuple[tuple[str | int, ...], str, str]]:
    """A warning rule (:mod:`baocao.event.warnings`): a person listed twice in ``khach_moi``
    or ``hoc_vien`` (same name, ignoring marks and case, and the same unit or birth date)."""
    found: list[tuple[tuple[str | int, ...], str, str]] = []
    for key in ("khach_moi", "hoc_vien"):
        people: list[KhachMoi | HocVien] = list(getattr(event, key))
        by_name: dict[str, list[int]] = {}
        for index, person in enumerate(people):
            earlier = by_name.setdefault(plain_text(person.ho_ten), [])
            first = next((i for i in earlier if _same_person(people[i], person)), None)
            earlier.append(index)
            if first is None:
                continue
            found.append(
                (
                    (key, index, "ho_ten"),
                    _(
                        "{name} có vẻ trùng với người thứ {n} trong danh sách ({other}); "
                        "kiểm tra lại để không làm hai giấy cho một người"
                    ).format(name=person.ho_ten, n=first + 1, other=people[first].ho_ten),
                    "duplicate-person",
                )
            )
    return found
