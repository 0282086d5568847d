"""Event files with lists of people (khach_moi, hoc_vien) for the per-person tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

KHACH_MOI: list[dict[str, Any]] = [
    {"ho_ten": "Nguyễn Văn An", "danh_xung": "ông", "chuc_vu": "Giám đốc", "don_vi": "Sở Tư pháp"},
    {"ho_ten": "Trần Thị Bé", "danh_xung": "bà", "chuc_vu": "Phó Giám đốc Sở Nội vụ",
     "don_vi": "Sở Nội vụ"},
    {"ho_ten": "Nguyễn Văn An", "chuc_vu": "Chủ tịch Ủy ban nhân dân huyện Năm Căn"},
]  # fmt: skip

HOC_VIEN: list[dict[str, Any]] = [
    {"ho_ten": "Lê Văn Cường", "ngay_sinh": "5/2/1980", "chuc_vu": "Chuyên viên",
     "don_vi": "Ban Dân vận Huyện ủy Năm Căn", "xep_loai": "giỏi", "so_chung_nhan": "15/GCN"},
    {"ho_ten": "Phạm Thị Dung", "ngay_sinh": "12/3/1985", "don_vi": "Huyện ủy Đầm Dơi",
     "xep_loai": "không đạt"},
    {"ho_ten": "Đỗ Đức Em", "don_vi": "Thành ủy Cà Mau", "xep_loai": "khá"},
    {"ho_ten": "Võ Thị Giang", "ngay_sinh": "1990-01-09", "xep_loai": "Trung binh"},
]  # fmt: skip


def event_data(the_thuc: str = "nha_nuoc", **lists: Any) -> dict[str, Any]:
    """A one-day event at 7:30 on Friday 1 November 2024, with ``lists`` (khach_moi=…)."""
    state = the_thuc == "nha_nuoc"
    data: dict[str, Any] = {
        "the_thuc": the_thuc,
        "co_quan": (
            {"ten": "Ủy ban nhân dân tỉnh Cà Mau", "ten_goi": "Ủy ban nhân dân tỉnh",
             "viet_tat": "UBND", "dia_danh": "Cà Mau"}
            if state
            else {"cap_tren": "Tỉnh ủy Cà Mau", "ten": "Ban Dân vận",
                  "ten_goi": "Ban Dân vận Tỉnh ủy", "viet_tat": "BDVTU", "dia_danh": "Cà Mau"}
        ),
        "su_kien": {
            "ten": "hội nghị tổng kết công tác dân vận năm 2024",
            "goi_tat": "hội nghị",
            "bat_dau": "1/11/2024 7h30",
            "dia_diem": "Hội trường Trường Chính trị tỉnh Cà Mau",
            "noi_dung": ["Báo cáo kết quả năm 2024", "Phương hướng năm 2025"],
        },
        "van_ban": {
            "chung": {
                "ngay": "25/10/2024",
                "nguoi_ky": {"ho_ten": "Lê Thanh Triều",
                             "chuc_vu": "Phó Chủ tịch" if state else "Phó Trưởng Ban",
                             "quyen_han": "KT", "thay_cho": "Chủ tịch" if state else "Trưởng Ban"},
            }
        },
    }  # fmt: skip
    data.update(lists)
    return data


def write_event(folder: Path, name: str = "su-kien.yaml", **kwargs: Any) -> Path:
    path = folder / name
    path.write_text(
        yaml.safe_dump(event_data(**kwargs), allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return path


def squash(text: str) -> str:
    return " ".join(text.split())
