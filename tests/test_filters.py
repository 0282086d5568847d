"""The filter table: names, behaviour inside a sandboxed Jinja environment, generated docs."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from datetime import date, datetime
from typing import Any

import pytest

from baocao import vi
from baocao.rendering.filters import FILTERS, filters_markdown
from conftest import ROOT

# The vocabulary staff type in Word: keep exactly these names.
NAMES = [
    "ngay_thang", "dia_danh_ngay", "ngay_ngan", "ngay_so", "thu", "buoi", "mo_dau_bao_chi",
    "khoang_ngay", "gio", "so", "phan_tram", "tien", "bang_chu", "so_thanh_chu", "noi",
    "dong_chi", "viet_hoa", "chu_dau_hoa", "chuan_dau", "nfc",
]  # fmt: skip

NGUOI = {
    "ho_ten": "Lê Thanh Triều",
    "chuc_vu": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy"],
}
# One call per filter: (value, args, kwargs, expected).
CALLS: dict[str, list[tuple[Any, tuple[Any, ...], dict[str, Any], str]]] = {
    "ngay_thang": [
        (date(2025, 2, 5), (), {}, "ngày 05 tháng 02 năm 2025"),
        (None, (), {"nam": 2024}, "ngày      tháng      năm 2024"),
    ],
    "dia_danh_ngay": [("Cà Mau", (date(2024, 11, 1),), {}, "Cà Mau, ngày 01 tháng 11 năm 2024")],
    "ngay_ngan": [(date(2024, 11, 1), (), {"nam": True}, "1/11/2024")],
    "ngay_so": [(date(2024, 3, 5), (), {}, "05/3/2024")],
    "thu": [(date(2024, 11, 1), (), {}, "thứ Sáu")],
    "buoi": [(datetime(2024, 11, 1, 8), (), {}, "sáng"), (date(2024, 11, 1), (), {}, "ngày")],
    "mo_dau_bao_chi": [(datetime(2024, 11, 1, 8), (), {}, "Sáng 1/11")],
    "khoang_ngay": [(date(2024, 11, 1), (date(2024, 11, 3),), {}, "từ ngày 1 đến ngày 3/11")],
    "gio": [(datetime(2024, 11, 1, 14, 30), (), {"kieu": "bao_chi"}, "14h30")],
    "so": [(96.66, (), {"chu_so": 1}, "96,7")],
    "phan_tram": [(29, (30,), {}, "96,7%")],
    "tien": [(150_000_000, (), {}, "150.000.000 đồng")],
    "bang_chu": [(150_000_000, (), {}, "Một trăm năm mươi triệu đồng")],
    "so_thanh_chu": [(150_000_000, (), {}, "một trăm năm mươi triệu")],
    "noi": [(["A", "B", "C"], (), {"ngan": "; "}, "A; B; C")],
    "dong_chi": [(NGUOI, (), {}, "đồng chí Lê Thanh Triều, " + ", ".join(NGUOI["chuc_vu"]))],
    "viet_hoa": [("Tỉnh ủy Cà Mau", (), {}, "TỈNH ỦY CÀ MAU")],
    "chu_dau_hoa": [("lớp bồi dưỡng", (), {}, "Lớp bồi dưỡng")],
    "chuan_dau": [("Tỉnh ủy", (), {"kieu": "moi"}, "Tỉnh uỷ")],
    "nfc": [("Nguye\u0302\u0303n", (), {}, "Nguyễn")],
}


def test_filter_names_are_exactly_the_vocabulary() -> None:
    assert list(FILTERS) == NAMES
    for name, func in FILTERS.items():
        assert func.__name__ == name
        assert getattr(vi, name) is func


def test_value_first_options_keyword_only() -> None:
    for name, func in FILTERS.items():
        params = list(inspect.signature(func).parameters.values())
        assert params[0].kind is params[0].POSITIONAL_OR_KEYWORD, name
        for p in params[1:]:
            if p.default is not p.empty and p.kind is not p.KEYWORD_ONLY:
                # the only optional positional: the end of a range
                assert (name, p.name) == ("khoang_ngay", "b")


@pytest.mark.parametrize("name", NAMES)
def test_each_filter_returns_a_string(name: str) -> None:
    for value, args, kwargs, expected in CALLS[name]:
        result = FILTERS[name](value, *args, **kwargs)
        assert isinstance(result, str)
        assert result == expected


def test_filters_are_pure() -> None:
    items = ["A", "B", "C"]
    nguoi = {"ho_ten": "Lê Thanh Triều", "chuc_vu": ["Bí thư"]}
    assert FILTERS["noi"](items) == FILTERS["noi"](items) == "A, B và C"
    assert items == ["A", "B", "C"]
    FILTERS["dong_chi"](nguoi)
    assert nguoi == {"ho_ten": "Lê Thanh Triều", "chuc_vu": ["Bí thư"]}


def _env() -> Any:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters.update(FILTERS)
    return env


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{ d | ngay_thang }}", "ngày 05 tháng 02 năm 2025"),
        ("{{ none | ngay_thang(nam=2024) }}", "ngày      tháng      năm 2024"),
        ("{{ noi_ban_hanh | dia_danh_ngay(d) }}", "Cà Mau, ngày 05 tháng 02 năm 2025"),
        ("{{ bat_dau | mo_dau_bao_chi }}", "Sáng 1/11"),
        ("{{ d | mo_dau_bao_chi }}", "Ngày 5/2"),
        ("{{ bat_dau | buoi }} {{ d | buoi }}", "sáng ngày"),
        ("{{ bat_dau | khoang_ngay(ket_thuc) }}", "từ ngày 1 đến ngày 3/11"),
        ("{{ bat_dau | gio }}", "8 giờ 00"),
        ('{{ bat_dau | gio(kieu="bao_chi") }}', "8h00"),
        ("{{ dat | phan_tram(tong) }}", "96,7%"),
        ("{{ 96.66 | so(chu_so=1) }}", "96,7"),
        ("{{ kinh_phi | tien }} (Bằng chữ: {{ kinh_phi | bang_chu }})",
         "150.000.000 đồng (Bằng chữ: Một trăm năm mươi triệu đồng)"),
        ("{{ ds | noi }}", "Cà Mau, Bạc Liêu và Sóc Trăng"),
        ('{{ ds | noi(ngan="; ") }}', "Cà Mau; Bạc Liêu; Sóc Trăng"),
        ("{{ nguoi | dong_chi | chu_dau_hoa }}",
         "Đồng chí Lê Thanh Triều, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy"),
        ('{{ nguoi | dong_chi | chuan_dau(kieu="moi") }}',
         "đồng chí Lê Thanh Triều, Uỷ viên Ban Thường vụ Tỉnh uỷ, Trưởng Ban Dân vận Tỉnh uỷ"),
        ("{{ co_quan | viet_hoa }}", "ỦY BAN NHÂN DÂN TỈNH CÀ MAU"),
        ("{{ d | thu }}", "thứ Tư"),
        ("{{ 'Tỉnh uỷ' | chuan_dau }}", "Tỉnh ủy"),
    ],
)  # fmt: skip
def test_filters_inside_sandboxed_jinja(template: str, expected: str) -> None:
    ctx = {
        "d": date(2025, 2, 5),
        "none": None,
        "noi_ban_hanh": "Cà Mau",
        "bat_dau": datetime(2024, 11, 1, 8, 0),
        "ket_thuc": datetime(2024, 11, 3, 11, 30),
        "dat": 29,
        "tong": 30,
        "kinh_phi": 150_000_000,
        "ds": ["Cà Mau", "Bạc Liêu", "Sóc Trăng"],
        "nguoi": NGUOI,
        "co_quan": "Ủy ban nhân dân tỉnh Cà Mau",
    }
    assert _env().from_string(template).render(**ctx) == expected


def test_autoescape_still_applies_to_filter_output() -> None:
    out = _env().from_string("{{ ds | noi }}").render(ds=["Nông nghiệp & Môi trường", "<Y>"])
    assert out == "Nông nghiệp &amp; Môi trường và &lt;Y&gt;"


def test_docstrings_are_a_reference_in_vietnamese() -> None:
    vietnamese = re.compile("[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", re.IGNORECASE)
    for name, func in FILTERS.items():
        doc = inspect.getdoc(func) or ""
        first = doc.splitlines()[0] if doc else ""
        assert vietnamese.search(first), f"{name}: the first docstring line must be Vietnamese"
        assert ">>>" in doc, f"{name}: the docstring needs a runnable example"


def test_docs_filters_md_is_generated_from_the_code() -> None:
    committed = (ROOT / "docs" / "filters.md").read_text(encoding="utf-8")
    assert committed == filters_markdown(), (
        "docs/filters.md is out of date; regenerate it with: "
        "python -m baocao.rendering.filters > docs/filters.md"
    )


def test_docs_list_every_filter_with_signature_and_example() -> None:
    md = filters_markdown()
    for name in FILTERS:
        section = md.split(f"### `{name}`", 1)[1].split("\n### ", 1)[0]
        assert f"`{name}(" in section
        assert "```python" in section and f"{name}(" in section.split("```python", 1)[1]


def test_python_m_baocao_filters_prints_the_reference() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "baocao.rendering.filters"],
        capture_output=True,
        check=True,
        cwd=ROOT,
    ).stdout.decode("utf-8")
    assert out == filters_markdown()


def test_vi_and_filters_import_nothing_heavy() -> None:
    code = (
        "import sys, baocao.vi, baocao.rendering.filters\n"
        "heavy = {'babel', 'jinja2', 'docx', 'docxtpl', 'lxml', 'pydantic', 'yaml', 'click'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
