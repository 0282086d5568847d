"""Kế hoạch tổ chức and chương trình (programme table, also the plan's appendix)."""

from __future__ import annotations

from typing import Any

from docx_templates.parts import *

#: Thời gian | Nội dung | Thực hiện: 165 mm, the text width of both formats (A4, 30 + 15 mm)
COT_CHUONG_TRINH = [32.0, 78.0, 55.0]


def _programme_styles(doc: Any, p: Profile) -> None:
    pstyle(doc, "Bảng - trái", base="Bảng", align=LEFT)
    # the day row keeps with its first session
    pstyle(doc, "Bảng - ngày", base="Bảng", bold=True, align=LEFT, keep_next=True)
    appendix = pstyle(doc, "Phụ lục", base="Tên loại", before=0)
    appendix.paragraph_format.page_break_before = True


def programme_table(doc: Any, p: Profile) -> None:
    """One block per day (a merged row with the weekday and date), one row per session;
    the header row repeats on every page and no row splits across pages."""
    _programme_styles(doc, p)
    table = layout_table(doc, COT_CHUONG_TRINH, rows=7, borders=True)
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(el("w:tblHeader"))
    cant_split(header)
    for cell, text in zip(header.cells, ["Thời gian", "Nội dung", "Thực hiện"], strict=True):
        write(cell, "Bảng - tiêu đề", text)
    write(table.rows[1].cells[0], "Bảng", "{%tr for d in lich_chuong_trinh %}")
    day = table.cell(2, 0).merge(table.cell(2, 2))
    cant_split(table.rows[2])
    write(day, "Bảng - ngày", "{{ d.ngay }}")
    write(table.rows[3].cells[0], "Bảng", "{%tr for r in d.phien %}")
    cant_split(table.rows[4])
    for cell, (style, text) in zip(
        table.rows[4].cells,
        [("Bảng", "{{ r.thoi_gian }}"), ("Bảng - trái", "{{ r.noi_dung }}"),
         ("Bảng - trái", "{{ r.thuc_hien }}")],
        strict=True,
    ):  # fmt: skip
        write(cell, style, text)
    write(table.rows[5].cells[0], "Bảng", "{%tr endfor %}")
    write(table.rows[6].cells[0], "Bảng", "{%tr endfor %}")


def _kinh_gui() -> list[tuple[str | None, str]]:
    return [
        *when("kinh_gui_mot", [("Kính gửi", "Kính gửi: {{ kinh_gui_mot }}")]),
        *when(
            "kinh_gui_dong",
            [
                ("Kính gửi nhiều", "Kính gửi:\t{{ kinh_gui_dong[0] }}"),
                *bullets("kinh_gui_dong[1:-1]", style="Kính gửi - mục"),
                ("Kính gửi - mục cuối", "{{ kinh_gui_dong[-1] }}"),
            ],
        ),
    ]


def ke_hoach(doc: Any, p: Profile) -> None:
    _programme_styles(doc, p)
    header_block(doc, p)
    title_block(doc, p)
    kp = "ke_hoach.kinh_phi_du_kien.so_tien"
    write_all(
        doc,
        [
            *_kinh_gui(),
            ("Normal", "{{ cau_ke_hoach.mo_dau }}"),
            *when(
                "muc_ke_hoach.muc_dich_yeu_cau",
                [
                    ("Heading 1", "{{ muc_ke_hoach.muc_dich_yeu_cau }}. MỤC ĐÍCH, YÊU CẦU"),
                    *when(
                        "muc_ke_hoach.muc_dich",
                        [
                            ("Heading 2", "{{ muc_ke_hoach.muc_dich }}. Mục đích"),
                            *bullets("cau_ke_hoach.muc_dich_dong"),
                        ],
                    ),
                    *when(
                        "muc_ke_hoach.yeu_cau",
                        [
                            ("Heading 2", "{{ muc_ke_hoach.yeu_cau }}. Yêu cầu"),
                            *bullets("cau_ke_hoach.yeu_cau_dong"),
                        ],
                    ),
                ],
            ),
            ("Heading 1", "{{ muc_ke_hoach.noi_dung }}. NỘI DUNG"),
            ("Heading 2", "{{ muc_ke_hoach.thoi_gian }}. Thời gian, địa điểm"),
            ("Normal", "{{ cau_ke_hoach.dong_thoi_gian }}"),
            *when("cau_ke_hoach.dong_dia_diem", [("Normal", "{{ cau_ke_hoach.dong_dia_diem }}")]),
            *when(
                "muc_ke_hoach.thanh_phan",
                [
                    ("Heading 2", "{{ muc_ke_hoach.thanh_phan }}. Thành phần"),
                    *bullets("cau_ke_hoach.thanh_phan_dong"),
                    *when("cau_ke_hoach.so_luong", [("Normal", "{{ cau_ke_hoach.so_luong }}")]),
                ],
            ),
            *when(
                "muc_ke_hoach.chuong_trinh",
                [
                    ("Heading 2", "{{ muc_ke_hoach.chuong_trinh }}. Nội dung chương trình"),
                    *when(
                        "cau_ke_hoach.noi_dung_mo",
                        [("Normal", "{{ cau_ke_hoach.noi_dung_mo }}"), *bullets("noi_dung_dong")],
                    ),
                    *when(
                        "cau_ke_hoach.bao_cao_vien", [("Normal", "{{ cau_ke_hoach.bao_cao_vien }}")]
                    ),
                    *when(
                        "lich_chuong_trinh",
                        [("Normal", "(Có chương trình chi tiết kèm theo)")],
                    ),
                ],
            ),
            *when(
                "muc_ke_hoach.kinh_phi",
                [
                    ("Heading 1", "{{ muc_ke_hoach.kinh_phi }}. KINH PHÍ"),
                    (
                        "Normal",
                        f"Tổng kinh phí dự kiến: {{{{ {kp}|tien }}}} "
                        f"(Bằng chữ: {{{{ {kp}|bang_chu }}}}).",
                    ),
                    *when("cau_ke_hoach.nguon", [("Normal", "{{ cau_ke_hoach.nguon }}")]),
                ],
            ),
            *when(
                "muc_ke_hoach.to_chuc",
                [
                    ("Heading 1", "{{ muc_ke_hoach.to_chuc }}. TỔ CHỨC THỰC HIỆN"),
                    *bullets("cau_ke_hoach.phan_cong", fmt="{{ x.dong }}"),
                ],
            ),
            ("Kết thúc", "{{ cau_ke_hoach.ket }}{{ dau_ket }}"),
        ],
    )
    signing_block(doc, p)
    # the programme as an appendix, on a new page
    write_all(
        doc,
        [
            (None, "{%p if lich_chuong_trinh %}"),
            ("Phụ lục", "PHỤ LỤC"),
            ("Tên loại", "CHƯƠNG TRÌNH"),
            ("Trích yếu", "{{ ten_su_kien }}"),
            ("Dòng phụ", "{{ cau_ke_hoach.kem_theo }}"),
            ("Gạch trích yếu", "-----"),
        ],
    )
    programme_table(doc, p)
    write(doc, None, "{%p endif %}")


def chuong_trinh(doc: Any, p: Profile) -> None:
    header_block(doc, p)
    write_all(
        doc,
        [
            ("Tên loại", "{{ ten_loai }}"),
            ("Trích yếu", "{{ ten_su_kien }}"),
            ("Dòng phụ", "Thời gian: {{ thoi_gian.khoang_nam }}"),
            *when("su_kien.dia_diem", [("Dòng phụ", "Địa điểm: {{ su_kien.dia_diem }}")]),
            ("Gạch trích yếu", "-----"),
        ],
    )
    programme_table(doc, p)
    write(doc, "Kết thúc", "")
    signing_block(doc, p)


TEMPLATES = {
    "ke-hoach": ke_hoach,
    "chuong-trinh": chuong_trinh,
}

SIDE_FILES = {
    "ke-hoach": """\
# Kế hoạch tổ chức — side file of ke-hoach.*.docx (tools/build_templates.py)
tieu_de: Kế hoạch tổ chức sự kiện
ten_loai: KẾ HOẠCH
viet_tat: KH
mo_ta: >-
  Kế hoạch tổ chức (mục đích, yêu cầu; nội dung; kinh phí; tổ chức thực hiện), chương trình
  chi tiết làm phụ lục khi có chuong_trinh.
cai_dat:
  trich_yeu_mau: "Tổ chức {ten}"
  # có Kính gửi (kế hoạch trình cấp trên) thì Nơi nhận bắt đầu bằng "- Như trên"
  nhu_tren_khi_kinh_gui: true
""",
    "chuong-trinh": """\
# Chương trình — side file of chuong-trinh.*.docx (tools/build_templates.py)
tieu_de: Chương trình sự kiện
ten_loai: CHƯƠNG TRÌNH
viet_tat: CTr
mo_ta: Chương trình dạng bảng (Thời gian | Nội dung | Thực hiện), mỗi ngày một khối.
cai_dat:
  trich_yeu_mau: "{ten}"
  co_kinh_gui: false
""",
}
