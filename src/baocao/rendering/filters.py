"""The filter table: the Vietnamese functions that Word templates may use, by name.

``FILTERS`` maps each filter name to its function in :mod:`baocao.vi`; the render engine
registers exactly this table as Jinja filters (``{{ su_kien.bat_dau | ngay_thang }}``). The
docstrings of those functions are the reference staff read: ``docs/filters.md`` is generated
from them by :func:`filters_markdown` (``python -m baocao.rendering.filters > docs/filters.md``).

``ma_cu`` and ``loi_ngay_thang`` are not filters: they answer "is this legacy-encoded
text?" and "which dates are padded wrongly?", questions for the loader and the template
checker, not something to print.

>>> from datetime import date
>>> FILTERS["ngay_thang"](date(2026, 8, 20))
'ngày 20 tháng 8 năm 2026'
>>> sorted(FILTERS)[:4]
['bang_chu', 'buoi', 'chu_dau_hoa', 'chuan_dau']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from baocao import vi

__all__ = ["FILTERS", "filters_markdown"]

#: Filter name → function, in the order of the reference (dates, numbers, text).
FILTERS: dict[str, Callable[..., str]] = {
    f.__name__: f
    for f in (
        vi.ngay_thang,
        vi.dia_danh_ngay,
        vi.ngay_ngan,
        vi.ngay_so,
        vi.thu,
        vi.buoi,
        vi.mo_dau_bao_chi,
        vi.khoang_ngay,
        vi.gio,
        vi.so,
        vi.phan_tram,
        vi.tien,
        vi.bang_chu,
        vi.so_thanh_chu,
        vi.noi,
        vi.dong_chi,
        vi.viet_hoa,
        vi.chu_dau_hoa,
        vi.chuan_dau,
        vi.nfc,
    )
}


def signature(name: str) -> str:
    """The call signature of filter ``name``, without type hints.

    >>> signature("ngay_ngan")
    'ngay_ngan(d, *, nam=False)'
    >>> signature("noi")
    'noi(items, *, cuoi=None, ngan=", ")'
    """
    import inspect

    parts: list[str] = []
    star = False
    for p in inspect.signature(FILTERS[name]).parameters.values():
        if p.kind is p.KEYWORD_ONLY and not star:
            parts.append("*")
            star = True
        text = p.name
        if p.default is not p.empty:
            default = f'"{p.default}"' if isinstance(p.default, str) else repr(p.default)
            text += f"={default}"
        parts.append(text)
    return f"{name}({', '.join(parts)})"


def jinja_usage(name: str) -> str:
    """How a template writes filter ``name``: the value before the bar, other arguments after.

    >>> jinja_usage("ngay_thang"), jinja_usage("dia_danh_ngay"), jinja_usage("phan_tram")
    ('{{ d | ngay_thang }}', '{{ dia_danh | dia_danh_ngay(d) }}', '{{ a | phan_tram(b) }}')
    """
    import inspect

    params = list(inspect.signature(FILTERS[name]).parameters.values())
    value, rest = params[0], params[1:]
    args = [p.name for p in rest if p.kind is p.POSITIONAL_OR_KEYWORD and p.default is p.empty]
    call = f"({', '.join(args)})" if args else ""
    return "{{ " + f"{value.name} | {name}{call}" + " }}"


def _doc_parts(func: Callable[..., Any]) -> tuple[str, str, str]:
    """(first line, explanation, examples) of a docstring."""
    import inspect

    doc = inspect.getdoc(func) or ""
    head, _, body = doc.partition("\n")
    text, sep, examples = body.partition(">>>")
    return head.strip(), text.strip(), (sep + examples).strip()


def filters_markdown() -> str:
    """The filter reference (``docs/filters.md``) as Markdown, built from ``FILTERS``.

    >>> md = filters_markdown()
    >>> md.splitlines()[0]
    '# Bộ lọc dùng trong mẫu Word'
    >>> all(f"### `{name}`" in md for name in FILTERS)
    True
    """
    lines = [
        "# Bộ lọc dùng trong mẫu Word",
        "",
        "<!-- Tệp này được sinh tự động từ src/baocao/rendering/filters.py và docstring",
        "     của baocao.vi.",
        "     Đừng sửa tay; sinh lại bằng:",
        "     python -m baocao.rendering.filters > docs/filters.md -->",
        "",
        "Bộ lọc (filter) biến một giá trị của tệp sự kiện thành chữ đúng văn phong hành chính "
        "và báo chí. Trong mẫu Word, viết giá trị, dấu `|`, rồi tên bộ lọc: "
        "`{{ su_kien.bat_dau | ngay_thang }}`. Tùy chọn viết trong ngoặc: "
        '`{{ so_luong | so(chu_so=1) }}`, `{{ ten | chuan_dau(kieu="moi") }}`.',
        "",
        "Ngày giờ là giờ địa phương, không có múi giờ. Ví dụ dưới mỗi bộ lọc là mã Python "
        "được chạy thử tự động, nên luôn đúng với phiên bản này.",
        "",
        "| Bộ lọc | Ý nghĩa |",
        "|---|---|",
    ]
    for name, func in FILTERS.items():
        lines.append(f"| [`{name}`](#{name}) | {_doc_parts(func)[0]} |")
    for name, func in FILTERS.items():
        head, text, examples = _doc_parts(func)
        lines += [
            "",
            f"### `{name}`",
            "",
            f"`{signature(name)}` — trong mẫu: `{jinja_usage(name)}`",
        ]
        lines += ["", head]
        if text:
            lines += ["", text]
        if examples:
            lines += ["", "```python", examples, "```"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # python -m baocao.rendering.filters > docs/filters.md
    import sys

    sys.stdout.buffer.write(filters_markdown().encode("utf-8"))
