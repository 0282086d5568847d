"""Per-person documents: giấy mời (one per ``khach_moi``) and giấy chứng nhận (one per
``hoc_vien``). The side file's ``moi_muc`` names the list; each document sees ``nguoi`` (the
person), ``stt`` and ``thoi_gian_moi`` (``baocao.template_context.people``)."""

from __future__ import annotations

from typing import Any

from docx_templates.parts import *


def giay_moi(doc: Any, p: Profile) -> None:
    header_block(doc, p)
    title_block(doc, p)
    write_all(
        doc,
        [
            ("Kính gửi", "Kính gửi: {{ nguoi.kinh_gui }}"),
            (
                "Normal",
                "{{ co_quan.ten_goi }} trân trọng kính mời {{ nguoi.xung }} đến dự "
                "{{ su_kien.ten }}, {{ thoi_gian_moi }}"
                "{% if su_kien.dia_diem %}, tại {{ su_kien.dia_diem }}{% endif %}.",
            ),
            *when(
                "noi_dung_dong",
                [("Normal", "Nội dung:"), *bullets("noi_dung_dong", style="Normal")],
            ),
            ("Kết thúc", "Rất mong {{ nguoi.xung }} sắp xếp thời gian đến dự{{ dau_ket }}"),
        ],
    )
    signing_block(doc, p)


def giay_chung_nhan(doc: Any, p: Profile) -> None:
    header_block(doc, p)
    title_block(doc, p)
    write_all(
        doc,
        [
            ("Normal", "{{ co_quan.ten_goi }} chứng nhận:"),
            ("Normal", "Họ và tên: {{ nguoi.ho_ten }}"),
            *when("nguoi.ngay_sinh_so", [("Normal", "Ngày sinh: {{ nguoi.ngay_sinh_so }}")]),
            *when("nguoi.chuc_vu", [("Normal", "Chức vụ: {{ nguoi.chuc_vu }}")]),
            *when("nguoi.don_vi", [("Normal", "Đơn vị công tác: {{ nguoi.don_vi }}")]),
            (
                "Normal",
                "Đã hoàn thành {{ su_kien.ten }}, {{ thoi_gian.khoang_nam }}"
                "{% if su_kien.dia_diem %}, tại {{ su_kien.dia_diem }}{% endif %}.",
            ),
            *when("nguoi.xep_loai_chu", [("Normal", "Xếp loại: {{ nguoi.xep_loai_chu }}.")]),
        ],
    )
    for para in doc.paragraphs:  # the name in bold
        for run in para.runs:
            if run.text == "{{ nguoi.ho_ten }}":
                run.bold = True
    signing_block(doc, p)
    # no Nơi nhận on a certificate: its register number instead
    left = doc.tables[-1].rows[0].cells[0]
    for para in list(left._tc.iterchildren(qn("w:p"))):
        left._tc.remove(para)
    left._tc.append(el("w:p"))
    write_all(
        left,
        [
            (None, "{%p if nguoi.so_chung_nhan %}"),
            ("Nơi nhận - mục", "Số vào sổ: {{ nguoi.so_chung_nhan }}"),
            (None, "{%p endif %}"),
        ],
    )


TEMPLATES = {
    "giay-moi": giay_moi,
    "giay-chung-nhan": giay_chung_nhan,
}

SIDE_FILES = {
    "giay-moi": """\
# Giấy mời — side file of giay-moi.*.docx (tools/build_templates.py)
tieu_de: Giấy mời
ten_loai: GIẤY MỜI
viet_tat: GM
mo_ta: Giấy mời dự sự kiện, mỗi khách mời (khach_moi) một giấy; in chung một tệp hoặc --split.
# một văn bản cho mỗi người trong danh sách này của tệp sự kiện
moi_muc: khach_moi
cai_dat:
  trich_yeu_mau: "Dự {ten}"
  dau_ket: {nha_nuoc: "./.", dang: "."}
  dau_cach_noi_nhan: {nha_nuoc: ";", dang: ","}
  # người được mời là Kính gửi: Nơi nhận bắt đầu bằng "- Như trên"
  nhu_tren_khi_kinh_gui: true
  # khách mời không ghi danh_xung
  danh_xung_mac_dinh: {nha_nuoc: "ông/bà", dang: "đồng chí"}
""",
    "giay-chung-nhan": """\
# Giấy chứng nhận — side file of giay-chung-nhan.*.docx (tools/build_templates.py)
tieu_de: Giấy chứng nhận
ten_loai: GIẤY CHỨNG NHẬN
viet_tat: GCN
mo_ta: >-
  Giấy chứng nhận hoàn thành khóa học, mỗi học viên (hoc_vien) một giấy; học viên xếp loại
  "không đạt" không có giấy, trừ khi dùng --all.
# một văn bản cho mỗi người trong danh sách này của tệp sự kiện
moi_muc: hoc_vien
cai_dat:
  trich_yeu_mau: "Hoàn thành {ten}"
  # năm in ở dòng ngày để trống: năm kết thúc khóa học
  nam_ngay_trong: ket_thuc
  dau_ket: {nha_nuoc: "./.", dang: "."}
  dau_cach_noi_nhan: {nha_nuoc: ";", dang: ","}
""",
}
