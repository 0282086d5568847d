"""The header block as the page shows it: body names broken into balanced lines at phrase
boundaries, rule lines 1/3–1/2 of their text's width, a date line that stays inside the margins.

Part of :mod:`baocao.template_context.build`. Widths are estimates from
:mod:`baocao.template_context.measure` (Times New Roman metrics); the column widths and sizes
come from the layout :class:`~baocao.template_context.layout.Profile`.

A name is broken only when it does not fit its column, and then only where a clerk would
break it (NĐ 30 allows a long body name on several lines):

- after a comma (``SỞ VĂN HÓA, / THỂ THAO VÀ DU LỊCH``);
- before ``VÀ`` (``BAN TUYÊN GIÁO / VÀ DÂN VẬN``);
- between the body type and its place name (``ỦY BAN NHÂN DÂN / THÀNH PHỐ HỒ CHÍ MINH``),
  never inside the place name, which is a proper name.

Among the breaks that make every line fit, the fewest lines win, then the most balanced. A
line break written in the event file (``\\n``) wins over all of this.

>>> ngat_ten("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", 71, 12, dam=True)
['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HỒ CHÍ MINH']
>>> ngat_ten("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", 71, 12, dam=True)
['SỞ VĂN HÓA,', 'THỂ THAO VÀ DU LỊCH']
>>> ngat_ten("SỞ NỘI VỤ", 71, 12, dam=True)
['SỞ NỘI VỤ']
>>> ngat_ten("SỞ VĂN HÓA\\nTHỂ THAO VÀ DU LỊCH", 71, 12, dam=True)
['SỞ VĂN HÓA', 'THỂ THAO VÀ DU LỊCH']
"""

from __future__ import annotations

import itertools
import re

from baocao.template_context.measure import ngat_dong, rong_mm, rong_nhat_mm

__all__ = ["NOI_CHUA", "cho_ngat", "dong_ngay", "ngat_ten", "trich_yeu_vach", "vach", "vach_xml"]

#: words that start a place name: the body type ends before them
_DIA_GIOI = (
    "thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "huyện", "quận", "xã", "phường",
)  # fmt: skip
#: keep a line this far inside its column: the estimate is not the word processor's layout
NOI_CHUA = 0.5
#: a body name keeps this much room in its cell: a name that fills the cell would touch the
#: Quốc hiệu beside it (``ỦY BAN NHÂN DÂN TỈNH CÀ MAU``, 70.1 mm in 71 mm, goes on two
#: lines, as real documents print it)
NOI_CHUA_TEN = 4.0
#: the rules are this share of their text's width (NĐ 30: 1/3 to 1/2)
TY_LE_VACH = 0.4
#: the date line keeps this far from the Số line when it runs into the left cell
KHOANG_CACH_SO = 3.0
#: left and right padding of the header table's cells (tools/docx_templates/parts.py)
PAD_MM = 1.0

_CHU = re.compile(r"\S+")


def _bat_dau_dia_gioi(words: list[str], i: int) -> bool:
    rest = " ".join(words[i:]).casefold()
    return any(rest == w or rest.startswith(w + " ") for w in _DIA_GIOI)


def cho_ngat(words: list[str]) -> list[int]:
    """Where a name may break: before word ``i`` for each ``i`` returned.

    >>> cho_ngat("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH".split())
    [4]
    >>> cho_ngat("BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY".split())
    [3, 6]
    >>> cho_ngat("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH BÀ RỊA - VŨNG TÀU".split())
    [3, 5, 8]
    """
    out: list[int] = []
    for i in range(1, len(words)):
        if _bat_dau_dia_gioi(words, i):  # the place name starts: no break inside it
            out.append(i)
            break
        if words[i - 1].endswith(",") or words[i].casefold() == "và":
            out.append(i)
    return out


def _chia(words: list[str], cuts: tuple[int, ...]) -> list[str]:
    bounds = (0, *cuts, len(words))
    return [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]


def ngat_ten(ten: str, rong: float, co_chu: float, *, dam: bool = False) -> list[str]:
    """The lines of a body name in a column ``rong`` mm wide at ``co_chu`` points.

    One line when it fits with :data:`NOI_CHUA_TEN` mm to spare, or when no phrase boundary
    makes it fit (the word processor then wraps it); the user's own line breaks (``\\n``) as
    written.

    >>> ngat_ten("BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY", 76, 14, dam=True)
    ['BAN TUYÊN GIÁO', 'VÀ DÂN VẬN TỈNH ỦY']
    >>> ngat_ten("ỦY BAN NHÂN DÂN TỈNH CÀ MAU", 71, 12, dam=True)
    ['ỦY BAN NHÂN DÂN', 'TỈNH CÀ MAU']
    >>> ngat_ten("ỦY BAN NHÂN DÂN TỈNH CÀ MAU", 76, 12, dam=True)
    ['ỦY BAN NHÂN DÂN TỈNH CÀ MAU']
    >>> ngat_ten("", 71, 12)
    []
    """
    if "\n" in ten:
        return [" ".join(x.split()) for x in ten.split("\n") if x.strip()]
    words = _CHU.findall(ten)
    if not words:
        return []
    limit = rong - NOI_CHUA_TEN
    if rong_mm(" ".join(words), co_chu, dam=dam) <= limit:
        return [" ".join(words)]
    places = cho_ngat(words)
    for n in range(1, len(places) + 1):
        best: tuple[float, list[str]] | None = None
        for cuts in itertools.combinations(places, n):
            lines = _chia(words, cuts)
            widest = rong_nhat_mm(lines, co_chu, dam=dam)
            if widest <= limit and (best is None or widest < best[0]):
                best = (widest, lines)
        if best is not None:
            return best[1]
    return [" ".join(words)]


def vach_xml(trai_mm: float, phai_mm: float, *, sau_pt: float = 0) -> str:
    """An empty paragraph whose bottom border is the rule, ``trai_mm``/``phai_mm`` in from
    the sides of its column; complete in itself (it does not rely on the template's styles).

    >>> vach_xml(10, 10).startswith('<w:p><w:pPr><w:pStyle w:val="Vach"/><w:keepNext/><w:pBdr>')
    True
    """

    def tw(mm: float) -> int:
        return round(mm * 1440 / 25.4)

    return (
        '<w:p><w:pPr><w:pStyle w:val="Vach"/><w:keepNext/>'
        '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
        f'<w:spacing w:before="40" w:after="{round(sau_pt * 20)}" w:line="240" '
        'w:lineRule="auto"/>'
        f'<w:ind w:left="{tw(trai_mm)}" w:right="{tw(phai_mm)}" w:firstLine="0"/>'
        '<w:jc w:val="center"/><w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr></w:pPr></w:p>'
    )


def vach(dong: list[str], cot_mm: float, co_chu: float, *, dam: bool, sau_pt: float = 0) -> str:
    """The rule under ``dong`` (lines centred in a column ``cot_mm`` wide): 2/5 of the widest
    line, centred (as paragraph XML for a ``{{p …}}`` tag); ``""`` when there is no text.

    >>> x = vach(["SỞ NỘI VỤ"], 71, 12, dam=True)
    >>> 'w:left="1765"' in x  # (71 - 0.4 × 21.9) / 2 = 31.1 mm
    True
    """
    width = min(rong_nhat_mm(dong, co_chu, dam=dam), cot_mm) * TY_LE_VACH
    if width <= 0:
        return ""
    side = (cot_mm - width) / 2
    return vach_xml(side, side, sau_pt=sau_pt)


def dong_ngay(
    text: str, cot: tuple[float, float], co_chu: float, *, tran_mm: float, so: str, co_so: float
) -> tuple[str, bool]:
    """The date line and whether it uses the long style (running ``tran_mm`` into the left
    cell): as it is when it fits its cell (``cot``: the two columns of the header table, cell
    padding :data:`PAD_MM`); running left when it then fits and keeps :data:`KHOANG_CACH_SO`
    mm from the Số line (``so`` at ``co_so`` points, centred in the left cell); else broken
    after the place name, both lines centred.

    >>> dong_ngay("Cà Mau, ngày 01 tháng 11 năm 2024", (73, 92), 13, tran_mm=11,
    ...           so="Số: 05/TC-UBND", co_so=13)
    ('Cà Mau, ngày 01 tháng 11 năm 2024', False)
    >>> dong_ngay("Thành phố Hồ Chí Minh, ngày 29 tháng 12 năm 2025", (73, 92), 13, tran_mm=11,
    ...           so="Số: 05/TC-UBND", co_so=13)[1]
    True
    >>> dong_ngay("Thành phố Hồ Chí Minh, ngày 29 tháng 12 năm 2025", (78, 87), 14, tran_mm=11,
    ...           so="Số 05-TC/BDVTU", co_so=14)
    ('Thành phố Hồ Chí Minh,\\nngày 29 tháng 12 năm 2025', False)
    """
    trai, phai = cot
    width = rong_mm(text, co_chu, nghieng=True)
    if width <= phai - 2 * PAD_MM - NOI_CHUA:
        return text, False
    # the long style: the paragraph spans tran_mm of the left cell plus the date cell's text;
    # x from the table's left edge
    span = phai - 2 * PAD_MM + tran_mm
    start = trai + PAD_MM - tran_mm + (span - width) / 2
    so_end = trai / 2 + rong_mm(so, co_so) / 2
    if width <= span - NOI_CHUA and start - so_end >= KHOANG_CACH_SO:
        return text, True
    place, sep, rest = text.partition(", ")
    if not sep:
        return text, False
    return f"{place},\n{rest}", False


def trich_yeu_vach(text: str, rong: float, co_chu: float, *, sau_pt: float) -> str:
    """The rule under the trích yếu, from the lines it wraps into across the text width.

    >>> 'w:left="4109"' in trich_yeu_vach("Về việc tổ chức hội nghị", 165, 14, sau_pt=6)
    True
    """
    lines = [y for x in text.split("\n") for y in ngat_dong(x, rong, co_chu, dam=True)]
    return vach(lines, rong, co_chu, dam=True, sau_pt=sau_pt)
