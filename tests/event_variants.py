"""Events for the plan, programme and closing-speech tests: every example in both formats,
and an event of three days across a month boundary (30/11–2/12/2024)."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import yaml

from conftest import example_files

FORMATS = ("nha_nuoc", "dang")

#: three days across a month boundary: Thứ Bảy 30/11, Chủ nhật 1/12, Thứ Hai 2/12/2024
THANG_CHUYEN: dict[str, Any] = {
    "the_thuc": "nha_nuoc",
    "co_quan": {
        "cap_tren": "Ủy ban nhân dân tỉnh Cà Mau",
        "ten": "Sở Nội vụ",
        "ten_goi": "Sở Nội vụ tỉnh Cà Mau",
        "viet_tat": "SNV",
        "dia_danh": "Cà Mau",
    },
    "su_kien": {
        "ten": "lớp bồi dưỡng kỹ năng lãnh đạo, quản lý cấp phòng",
        "goi_tat": "lớp bồi dưỡng",
        "nguoi_du": "học viên",
        "bat_dau": "30/11/2024 7h30",
        "ket_thuc": "2/12/2024",
        "dia_diem": "Trường Chính trị tỉnh Cà Mau",
        "phoi_hop": ["Trường Chính trị tỉnh Cà Mau"],
        "so_nguoi": 60,
        "can_cu": "Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức năm 2024 của Ủy ban nhân dân tỉnh",
        "doi_tuong": ["trưởng phòng, phó trưởng phòng các sở, ban, ngành tỉnh"],
        "noi_dung": ["Kỹ năng lãnh đạo", "Kỹ năng quản lý thời gian", "Kỹ năng giao tiếp"],
        "muc_dich": ["Nâng cao kỹ năng lãnh đạo, quản lý cho công chức cấp phòng"],
    },
    "nhan_vat": [
        {
            "ho_ten": "Trương Hoàng Khải",
            "danh_xung": "ông",
            "chuc_vu": ["Giám đốc Sở Nội vụ"],
            "vai_tro": "khai_mac",
        },
        {
            "ho_ten": "Nguyễn Văn Tâm",
            "chuc_vu": ["Phó Chủ tịch Ủy ban nhân dân tỉnh"],
            "vai_tro": "chi_dao",
        },
        {
            "ho_ten": "Phạm Thị Lan",
            "danh_xung": "bà",
            "chuc_vu": ["Giảng viên chính Học viện Hành chính Quốc gia"],
            "vai_tro": "bao_cao_vien",
        },
        {
            "ho_ten": "Võ Thị Ngọc Quỳnh",
            "danh_xung": "bà",
            "chuc_vu": ["Phó Giám đốc Sở Nội vụ"],
            "vai_tro": "be_mac",
        },
    ],
    "ket_qua": {
        "so_trieu_tap": 62,
        "so_tham_du": 60,
        "so_hoan_thanh": 58,
        "xep_loai": {"gioi": 20, "kha": 30, "trung_binh": 8},
        "uu_diem": ["Học viên tham gia đầy đủ, nghiêm túc."],
    },
    "ke_hoach": {
        "yeu_cau": ["Học viên tham dự đầy đủ"],
        "phan_cong": [
            {
                "don_vi": "Phòng Công chức, viên chức",
                "nhiem_vu": ["Xây dựng chương trình", "Theo dõi kết quả học tập"],
            },
            {"don_vi": "Văn phòng Sở", "nhiem_vu": "Bảo đảm kinh phí, hội trường"},
        ],
        "kinh_phi_du_kien": {"so_tien": "1.250.500.000", "nguon": "ngân sách tỉnh năm 2024"},
    },
    "chuong_trinh": [
        {
            "bat_dau": "7h30",
            "ket_thuc": "8h00",
            "noi_dung": "Khai mạc lớp bồi dưỡng",
            "thuc_hien": "Trương Hoàng Khải",
        },
        {
            "bat_dau": "8h00",
            "ket_thuc": "11h30",
            "noi_dung": "Kỹ năng lãnh đạo",
            "thuc_hien": "Phạm Thị Lan",
        },
        {
            "bat_dau": "1/12/2024 7h30",
            "ket_thuc": "11h30",
            "noi_dung": "Kỹ năng quản lý thời gian",
            "thuc_hien": "Phạm Thị Lan",
        },
        {
            "bat_dau": "13h30",
            "ket_thuc": "16h30",
            "noi_dung": "Thảo luận nhóm",
            "thuc_hien": "Ban Tổ chức",
        },
        {
            "bat_dau": "2/12/2024 07:30",
            "ket_thuc": "10:30",
            "noi_dung": "Kỹ năng giao tiếp",
            "thuc_hien": "Phạm Thị Lan",
        },
        {
            "bat_dau": "10h30",
            "ket_thuc": "11h00",
            "noi_dung": "Bế mạc lớp bồi dưỡng",
            "thuc_hien": "Võ Thị Ngọc Quỳnh",
        },
    ],
    "van_ban": {
        "chung": {"nguoi_ky": {"ho_ten": "Trương Hoàng Khải", "chuc_vu": "Giám đốc"}},
        "ke-hoach": {"so": 7, "ngay": "4/11/2024", "kinh_gui": ["Ủy ban nhân dân tỉnh Cà Mau"]},
    },
}


def raw_data(path: Path) -> dict[str, Any]:
    """The plain data of an event file (PyYAML or json: independent of baocao's loaders)."""
    text = path.read_text(encoding="utf-8")
    data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(io.StringIO(text))
    assert isinstance(data, dict)
    return data


def in_format(data: dict[str, Any], the_thuc: str) -> Any:
    """``data`` as a validated event in format ``the_thuc`` (tone style of that format)."""
    from baocao.event.model import Event

    data = copy.deepcopy(data)
    data["the_thuc"] = the_thuc
    data.pop("dau_thanh", None)
    for key in ("khach_moi", "hoc_vien"):  # a spreadsheet path needs the loader, not the model
        if not isinstance(data.get(key), list | None):
            data.pop(key)
    return Event.model_validate(data)


def variants() -> list[tuple[str, dict[str, Any], str]]:
    """(id, data, format): every example and the month-boundary event, in both formats."""
    cases = [(p.stem, raw_data(p)) for p in example_files()]
    cases.append(("thang-chuyen", THANG_CHUYEN))
    return [(f"{name}.{fmt}", data, fmt) for name, data in cases for fmt in FORMATS]


def text_width_mm(document: Any) -> float:
    """Page width minus the margins of the first section, in millimetres."""
    sec = document.sections[0]
    return float((sec.page_width - sec.left_margin - sec.right_margin) / 36000)


def table_width_mm(table: Any) -> float:
    """The sum of a table's grid columns, in millimetres."""
    from docx.oxml.ns import qn

    cols = table._tbl.tblGrid.findall(qn("w:gridCol"))
    return sum(int(c.get(qn("w:w"))) for c in cols) * 25.4 / 1440
