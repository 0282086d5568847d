"""The per-document details of an event file: ``van_ban.<template>`` (number, date,
Kính gửi, Nơi nhận) and the signer (``nguoi_ky``) with the signing rules of ND 30 / HD 36."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StringConstraints, WithJsonSchema, model_validator

from baocao.event.fields import Count, Day, StrictModel, Text, TextList, rules_error
from baocao.i18n import _

__all__ = ["NguoiKy", "VanBan", "VanBanKey"]


_PREFIX = re.compile(r"[\s./]")


def _quyen_han_input(value: Any) -> Any:
    """``KT``, ``KT.``, ``K/T``, ``kt`` all mean KT."""
    if isinstance(value, str):
        return _PREFIX.sub("", value).upper()
    return value


class NguoiKy(StrictModel):
    """Người ký văn bản."""

    ho_ten: Text = Field(description="Họ và tên người ký.", examples=["Nguyễn Văn An"])
    chuc_vu: Text = Field(description="Chức vụ của người ký.", examples=["Phó Chủ tịch"])
    quyen_han: Annotated[
        Literal["TM", "KT", "Q", "TL", "TUQ"] | None,
        BeforeValidator(_quyen_han_input),
        WithJsonSchema(
            {
                "anyOf": [
                    {
                        "type": "string",
                        "pattern": r"^\s*([Tt][./]?[Mm]|[Kk][./]?[Tt]|[Qq]|[Tt][./]?[Ll]|TUQ|tuq)"
                        r"\.?\s*$",
                    },
                    {"type": "null"},
                ]
            }
        ),
    ] = Field(
        None,
        description=(
            "Thẩm quyền ký: TM (thay mặt), KT (ký thay), Q (quyền), TL (thừa lệnh), "
            "TUQ (thừa ủy quyền, chỉ văn bản nhà nước). Văn bản Đảng in T/M, K/T, T/L."
        ),
        examples=["KT"],
    )
    thay_cho: Text | None = Field(
        None,
        description="Tập thể hoặc chức vụ được ký thay (bắt buộc khi có `quyen_han`).",
        examples=["Chủ tịch", "Ban Thường vụ"],
    )

    @model_validator(mode="after")
    def _rules(self) -> NguoiKy:
        if self.quyen_han is not None and self.thay_cho is None:
            raise rules_error(
                [
                    (
                        ("thay_cho",),
                        _(
                            "ký `{q}.` thì phải ghi `thay_cho` (tập thể hoặc chức vụ được ký thay, "
                            "ví dụ `Chủ tịch`)"
                        ).format(q=self.quyen_han),
                    )
                ]
            )
        if self.quyen_han is None and self.thay_cho is not None:
            raise rules_error(
                [
                    (
                        ("quyen_han",),
                        _("có `thay_cho` thì phải ghi `quyen_han` (TM, KT, Q, TL hoặc TUQ)"),
                    )
                ]
            )
        return self


class VanBan(StrictModel):
    """Thông tin riêng của một văn bản (số, ngày, người ký, nơi nhận)."""

    so: Annotated[Count, Field(ge=1)] | None = Field(
        None, description="Số văn bản (bỏ trống để văn thư điền).", examples=[5]
    )
    ngay: Day | None = Field(None, description="Ngày ban hành (bỏ trống để điền tay).")
    trich_yeu: Text | None = Field(
        None,
        description="Trích yếu (mặc định: tạo từ sự kiện).",
        examples=["Về việc tổ chức lớp bồi dưỡng nghiệp vụ công tác dân vận"],
    )
    kinh_gui: TextList = Field(
        default_factory=list,
        description="Nơi kính gửi (báo cáo gửi cấp trên).",
        examples=[["Thường trực Tỉnh ủy"]],
    )
    nguoi_ky: NguoiKy | None = Field(None, description="Người ký.")
    noi_nhan: TextList = Field(
        default_factory=list,
        description="Nơi nhận.",
        examples=[["Như trên", "Các huyện ủy, thành ủy"]],
    )
    luu: Text = Field("VT", description="Nơi lưu, dòng cuối của nơi nhận.", examples=["VT, BDV"])


VanBanKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
