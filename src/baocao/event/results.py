"""The results of an event (``ket_qua``) for the summary report: attendance, completions,
grades, with the rules that tie the counts together."""

from __future__ import annotations

from pydantic import Field, model_validator

from baocao.event.fields import Count, StrictModel, TextList, new_list, rules_error
from baocao.i18n import _

__all__ = ["KetQua", "XepLoai"]


class XepLoai(StrictModel):
    """Kết quả xếp loại."""

    gioi: Count | None = Field(None, description="Số xếp loại giỏi.")
    kha: Count | None = Field(None, description="Số xếp loại khá.")
    trung_binh: Count | None = Field(None, description="Số xếp loại trung bình.")
    chua_dat: Count | None = Field(None, description="Số chưa đạt.")

    def tong(self) -> int:
        """The sum of the grades given."""
        return sum(v or 0 for v in (self.gioi, self.kha, self.trung_binh, self.chua_dat))


class KetQua(StrictModel):
    """Kết quả (cho báo cáo tổng kết)."""

    so_trieu_tap: Count | None = Field(None, description="Số người được triệu tập.", examples=[125])
    so_tham_du: Count | None = Field(None, description="Số người tham dự.", examples=[120])
    so_hoan_thanh: Count | None = Field(None, description="Số người hoàn thành.", examples=[118])
    xep_loai: XepLoai | None = Field(None, description="Xếp loại: gioi, kha, trung_binh, chua_dat.")
    kinh_phi: Count | None = Field(
        None, description="Kinh phí (đồng).", examples=[150000000, "150.000.000"]
    )
    uu_diem: TextList = Field(default_factory=new_list, description="Ưu điểm.")
    han_che: TextList = Field(default_factory=new_list, description="Hạn chế.")
    nguyen_nhan: TextList = Field(default_factory=new_list, description="Nguyên nhân.")
    bai_hoc: TextList = Field(default_factory=new_list, description="Bài học kinh nghiệm.")
    kien_nghi: TextList = Field(default_factory=new_list, description="Kiến nghị, đề xuất.")

    @model_validator(mode="after")
    def _rules(self) -> KetQua:
        issues: list[tuple[tuple[str | int, ...], str]] = []
        if (
            self.so_tham_du is not None
            and self.so_trieu_tap is not None
            and self.so_tham_du > self.so_trieu_tap
        ):
            issues.append(
                (
                    ("so_tham_du",),
                    _("số tham dự ({a}) lớn hơn số triệu tập ({b})").format(
                        a=self.so_tham_du, b=self.so_trieu_tap
                    ),
                )
            )
        if (
            self.so_hoan_thanh is not None
            and self.so_tham_du is not None
            and self.so_hoan_thanh > self.so_tham_du
        ):
            issues.append(
                (
                    ("so_hoan_thanh",),
                    _("số hoàn thành ({a}) lớn hơn số tham dự ({b})").format(
                        a=self.so_hoan_thanh, b=self.so_tham_du
                    ),
                )
            )
        if self.xep_loai is not None and self.so_hoan_thanh is not None:
            total = self.xep_loai.tong()
            if total > self.so_hoan_thanh:
                issues.append(
                    (
                        ("xep_loai",),
                        _("tổng số xếp loại ({a}) lớn hơn số hoàn thành ({b})").format(
                            a=total, b=self.so_hoan_thanh
                        ),
                    )
                )
        if issues:
            raise rules_error(issues)
        return self
