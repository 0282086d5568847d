"""Báo cáo tổng kết."""

from __future__ import annotations

from typing import Any

from docx_templates.parts import *


def _list(key: str, *, keep_last: bool = False) -> list[tuple[str | None, str]]:
    """A result list as "- A;" … "- Z." lines, or the fill-in line of a report without results;
    ``keep_last``: a list that may end the body keeps its last line with the signing block."""
    style = "Đoạn cuối" if keep_last else "Normal"
    return [
        *bullets(f"ket_qua_dong.{key}", keep_last=keep_last),
        *when(f"not ket_qua_dong.{key} and cho_dien", [(style, "{{ cho_dien }}")]),
    ]


def bao_cao(doc: Any, p: Profile) -> None:
    header_block(doc, p)
    title_block(doc, p)
    write_all(
        doc,
        [
            *when("kinh_gui_mot", [("Kính gửi", "Kính gửi: {{ kinh_gui_mot }}")]),
            *when(
                "kinh_gui_dong",
                [
                    ("Kính gửi nhiều", "Kính gửi:\t{{ kinh_gui_dong[0] }}"),
                    *bullets("kinh_gui_dong[1:-1]", style="Kính gửi - mục"),
                    ("Kính gửi - mục cuối", "{{ kinh_gui_dong[-1] }}"),
                ],
            ),
            ("Normal", "{{ cau.bao_cao_mo }}"),
            (
                "Heading 1",
                "{{ muc.chuan_bi }}. CÔNG TÁC CHUẨN BỊ VÀ TỔ CHỨC {{ su_kien.goi_tat|upper }}",
            ),
            ("Heading 2", "{{ muc.thoi_gian }}. Thời gian, địa điểm"),
            ("Normal", "{{ cau.thoi_gian_dia_diem }}"),
            *when(
                "muc.thanh_phan",
                [
                    ("Heading 2", "{{ muc.thanh_phan }}. Thành phần, số lượng"),
                    *when("cau.thanh_phan", [("Normal", "{{ cau.thanh_phan }}")]),
                    *when("cau.so_luong", [("Normal", "{{ cau.so_luong }}")]),
                ],
            ),
            *when(
                "muc.noi_dung",
                [
                    ("Heading 2", "{{ muc.noi_dung }}. Nội dung, chương trình"),
                    *when(
                        "cau.noi_dung_mo",
                        [
                            ("Normal", "{{ cau.noi_dung_mo }}"),
                            *bullets("noi_dung_dong", style="Normal"),
                        ],
                    ),
                    *when("cau.bao_cao_vien", [("Normal", "{{ cau.bao_cao_vien }}")]),
                ],
            ),
            (None, "{%p if muc.ket_qua %}"),
            ("Heading 1", "{{ muc.ket_qua }}. KẾT QUẢ"),
            (None, "{%p if muc.hoc_tap %}"),
            ("Heading 2", "{{ muc.hoc_tap }}. Kết quả học tập"),
            *when("cau.hoc_tap", [("Normal", "{{ cau.hoc_tap }}")]),
            *when("cho_dien", [("Normal", "{{ cho_dien }}")]),
            (None, "{%p if bang_ket_qua %}"),
        ],
    )
    loop_table(
        doc,
        [15, 100, 25, 25],
        ["STT", "Nội dung", "Số lượng", "Tỷ lệ"],
        "for r in bang_ket_qua",
        ["{{ r.stt }}", "{{ r.noi_dung }}", "{{ r.so }}", "{{ r.ty_le }}"],
    )
    write_all(
        doc,
        [
            *when("so_lieu.ghi_chu_bang", [("Normal", "{{ so_lieu.ghi_chu_bang }}")]),
            (None, "{%p endif %}"),
            (None, "{%p endif %}"),
            *when(
                "muc.danh_gia",
                [
                    ("Heading 2", "{{ muc.danh_gia }}. Đánh giá chung"),
                    *when(
                        "muc.uu_diem",
                        [("Heading 3", "{{ muc.uu_diem }}) Ưu điểm"), *_list("uu_diem")],
                    ),
                    *when(
                        "muc.han_che",
                        [
                            ("Heading 3", "{{ muc.han_che }}) Hạn chế, tồn tại"),
                            *_list("han_che"),
                        ],
                    ),
                    *when(
                        "muc.nguyen_nhan",
                        [
                            ("Heading 3", "{{ muc.nguyen_nhan }}) Nguyên nhân"),
                            *_list("nguyen_nhan"),
                        ],
                    ),
                ],
            ),
            *when(
                "muc.kinh_phi",
                [
                    ("Heading 2", "{{ muc.kinh_phi }}. Kinh phí"),
                    ("Đoạn cuối", "{{ cau.kinh_phi or cho_dien }}"),
                ],
            ),
            (None, "{%p endif %}"),
            *when(
                "muc.bai_hoc",
                [
                    ("Heading 1", "{{ muc.bai_hoc }}. BÀI HỌC KINH NGHIỆM"),
                    *_list("bai_hoc", keep_last=True),
                ],
            ),
            *when(
                "muc.kien_nghi",
                [
                    ("Heading 1", "{{ muc.kien_nghi }}. KIẾN NGHỊ, ĐỀ XUẤT"),
                    *_list("kien_nghi", keep_last=True),
                ],
            ),
            (
                "Kết thúc",
                "Trên đây là báo cáo kết quả tổ chức {{ su_kien.ten }} của "
                "{{ co_quan.ten_goi }}{{ dau_ket }}",
            ),
        ],
    )
    signing_block(doc, p)
    hoc_vien_appendix(doc)


def hoc_vien_appendix(doc: Any) -> None:
    """Appendix "Danh sách học viên" on a new page, when the event lists trainees."""
    write(doc, None, "{%p if danh_sach_hoc_vien %}")
    title = write(doc, "Tên loại", "DANH SÁCH HỌC VIÊN")
    title.paragraph_format.page_break_before = True
    write(doc, "Gạch trích yếu", "{{ ten_su_kien }}")
    loop_table(
        doc,
        [15, 70, 55, 25],
        ["STT", "Họ và tên", "Đơn vị", "Xếp loại"],
        "for h in danh_sach_hoc_vien",
        ["{{ h.stt }}", "{{ h.ho_ten }}", "{{ h.don_vi }}", "{{ h.xep_loai }}"],
    )
    write(doc, None, "{%p endif %}")


TEMPLATES = {
    "bao-cao-tong-ket": bao_cao,
}

SIDE_FILES = {
    "bao-cao-tong-ket": """\
# Báo cáo kết quả — side file of bao-cao-tong-ket.*.docx (tools/build_templates.py)
tieu_de: Báo cáo kết quả tổ chức sự kiện
ten_loai: BÁO CÁO
viet_tat: BC
mo_ta: Báo cáo kết quả tổ chức (chuẩn bị, kết quả, bài học, kiến nghị, kinh phí).
cai_dat:
  trich_yeu_mau: "Kết quả tổ chức {ten}"
  # năm in ở dòng ngày để trống: năm kết thúc sự kiện
  nam_ngay_trong: ket_thuc
  dau_ket: {nha_nuoc: "./.", dang: "."}
  dau_cach_noi_nhan: {nha_nuoc: ";", dang: ","}
  # có Kính gửi thì Nơi nhận bắt đầu bằng "- Như trên"
  nhu_tren_khi_kinh_gui: true
""",
}
