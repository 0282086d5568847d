"""The per-document details of an event file: ``van_ban.<template>`` (number, date,
Kính gửi, Nơi nhận) and the signer (``nguoi_ky``) with the signing rules of ND 30 / HD 36."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StringConstraints, WithJsonSchema, model_validator

from baocao.event.fields import Count, Day, StrictModel, Text, TextList, new_list, rules_error
from baocao.i18n import _

__all__ = ["NguoiKy", "VanBan", "VanBanKey", "la_cap_uy"]


_PREFIX = re.compile(r"[\s./]")

#: how the name of a cấp ủy starts (tone marks in the old style, lower case): its executive
#: (Ban Chấp hành, Ban Thường vụ, Thường trực) or the committee itself (Tỉnh ủy, Đảng ủy…)
_CAP_UY = re.compile(
    r"^(ban chấp hành|ban thường vụ|thường trực|ban thường trực|cấp ủy"
    r"|(đảng|tỉnh|thành|huyện|quận|thị|chi|xã|phường|đặc khu) ủy)(\s|$)"
)


def la_cap_uy(ten: str) -> bool:
    """Whether ``ten`` names a cấp ủy (a Party committee, a collective that signs ``T/M``):
    its name starts with ``Ban Chấp hành``, ``Ban Thường vụ``, ``Thường trực`` or is a
    committee ``<Đảng|Tỉnh|Thành|Huyện|Quận|Thị|Chi|Xã|Phường|Đặc khu> ủy …``. A Ban *of* a
    cấp ủy (``Ban Tuyên giáo và Dân vận Tỉnh ủy``), a ``Văn phòng`` or an ``Ủy ban Kiểm tra``
    is not: its name starts with its own kind.

    >>> la_cap_uy("Ban Thường vụ"), la_cap_uy("Tỉnh uỷ Cà Mau"), la_cap_uy("Đảng ủy")
    (True, True, True)
    >>> la_cap_uy("Ban Tuyên giáo và Dân vận Tỉnh ủy"), la_cap_uy("Trưởng Ban")
    (False, False)
    >>> la_cap_uy("Ủy ban Kiểm tra Tỉnh ủy"), la_cap_uy("Ủy ban nhân dân")
    (False, False)
    """
    from baocao.vi import chuan_dau, nfc

    return bool(_CAP_UY.match(chuan_dau(nfc(" ".join(ten.split())), kieu="cu").lower()))


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
    thay_mat: Text | None = Field(
        None,
        description=(
            "Tập thể mà cấp phó ký thay người đứng đầu thay mặt (chỉ cùng `quyen_han: KT`): "
            "in thêm dòng `TM. ỦY BAN NHÂN DÂN` (Đảng: `T/M …`) trên dòng `KT. CHỦ TỊCH`."
        ),
        examples=["Ủy ban nhân dân"],
    )

    @model_validator(mode="after")
    def _rules(self) -> NguoiKy:
        if self.thay_mat is not None and self.quyen_han != "KT":
            raise rules_error(
                [
                    (
                        ("thay_mat",),
                        _(
                            "`thay_mat` là tập thể mà cấp phó ký thay người đứng đầu, nên chỉ "
                            "dùng cùng `quyen_han: KT` và `thay_cho` (in `TM. ỦY BAN NHÂN DÂN` / "
                            "`KT. CHỦ TỊCH`); người đứng đầu ký thay mặt tập thể thì ghi "
                            "`quyen_han: TM` và `thay_cho: <tập thể>`, không có `thay_mat`"
                        ),
                    )
                ]
            )
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
        default_factory=new_list,
        description="Nơi kính gửi (báo cáo gửi cấp trên).",
        examples=[["Thường trực Tỉnh ủy"]],
    )
    nguoi_ky: NguoiKy | None = Field(None, description="Người ký.")
    noi_nhan: TextList = Field(
        default_factory=new_list,
        description="Nơi nhận.",
        examples=[["Như trên", "Các huyện ủy, thành ủy"]],
    )
    luu: Text = Field("VT", description="Nơi lưu, dòng cuối của nơi nhận.", examples=["VT, BDV"])


VanBanKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
