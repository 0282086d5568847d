"""``baocao init``: a starter event file a clerk fills in, and (optionally) a starter workbook
for the lists of people.

:func:`write_starter` writes ``su-kien.yaml`` (any name) with a Vietnamese comment on every
key (what it means, an example, bắt buộc / tùy chọn), valid as written except for the values
the clerk must fill, written ``"<điền: …>"`` so that ``baocao validate`` names each one; the
JSON schema beside it (``su-kien.schema.json``) so that the editor's autocomplete line works
outside a clone of baocao; and with ``with_lists`` the workbook ``danh-sach.xlsx`` (sheets
``Khách mời`` and ``Học viên``: header row, one example row, column widths that fit), which
the event file then references. Nothing is overwritten without ``force``; each file is
written atomically, and none is written when one of them is refused.

>>> text = starter_text("dang", with_lists=True)
>>> text.splitlines()[0]
'# yaml-language-server: $schema=su-kien.schema.json'
>>> "khach_moi: {tep: danh-sach.xlsx, trang: Khách mời}" in text
True
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Literal

from baocao.errors import Problem, RenderError

__all__ = ["SCHEMA_NAME", "WORKBOOK_NAME", "starter_text", "starter_workbook", "write_starter"]

TheThuc = Literal["nha_nuoc", "dang"]

SCHEMA_NAME = "su-kien.schema.json"
WORKBOOK_NAME = "danh-sach.xlsx"

_HEAD = """\
# yaml-language-server: $schema={schema}
# Tệp sự kiện baocao: mọi văn bản (kế hoạch, giấy mời, báo cáo…) được soạn từ tệp này.
# Cách dùng: thay mỗi giá trị "<điền: …>" bằng giá trị thật (bỏ cả dấu < >), rồi chạy
#     baocao validate {name}
# để kiểm tra (lệnh chỉ ra từng chỗ còn thiếu), sau đó
#     baocao render {name} -t giay-moi
# Mục ghi "bắt buộc" phải có; mục "tùy chọn" có thể xoá cả dòng. Ngày viết ngày/tháng/năm.

# Thể thức văn bản (tùy chọn, mặc định nha_nuoc): nha_nuoc = Nghị định 30/2020/NĐ-CP;
# dang = Hướng dẫn 36-HD/VPTW (văn bản của Đảng).
the_thuc: {the_thuc}

# Cơ quan ban hành văn bản (bắt buộc).
co_quan:
  # Cơ quan cấp trên, in hoa phía trên tên cơ quan (tùy chọn). Ví dụ: {cap_tren}
  cap_tren: "<điền: cơ quan cấp trên>"
  # Tên cơ quan như in ở phần đầu văn bản (bắt buộc). Ví dụ: {ten}
  ten: "<điền: tên cơ quan>"
  # Tên gọi trong lời văn (tùy chọn, mặc định bằng `ten`). Ví dụ: {ten_goi}
  # ten_goi: {ten_goi}
  # Chữ viết tắt dùng trong số, ký hiệu văn bản (bắt buộc). Ví dụ: {viet_tat}
  viet_tat: "<điền: chữ viết tắt của cơ quan>"
  # Địa danh ghi ở dòng ngày tháng (bắt buộc). Ví dụ: Cà Mau
  dia_danh: "<điền: địa danh>"

# Sự kiện: hội nghị, lớp bồi dưỡng, tập huấn… (bắt buộc).
su_kien:
  # Tên đầy đủ, viết như ở giữa câu, chữ đầu viết thường (bắt buộc).
  # Ví dụ: {su_kien}
  ten: "<điền: tên sự kiện>"
  # Tên gọi tắt cho những lần nhắc sau (tùy chọn). Ví dụ: {goi_tat}
  # goi_tat: {goi_tat}
  # Ngày và giờ bắt đầu (bắt buộc). Ví dụ: 1/11/2024 7h30
  bat_dau: "<điền: ngày giờ bắt đầu>"
  # Ngày (và giờ) kết thúc, không trước ngày bắt đầu (tùy chọn). Ví dụ: 3/11/2024 11h00
  # ket_thuc: 3/11/2024 11h00
  # Địa điểm tổ chức (tùy chọn, giấy mời cần). Ví dụ: {dia_diem}
  dia_diem: "<điền: địa điểm>"
  # Số đại biểu / học viên (tùy chọn). Ví dụ: 120
  # so_nguoi: 120
  # Cách gọi người tham dự trong lời văn (tùy chọn, mặc định: đại biểu). Ví dụ: học viên
  # nguoi_du: học viên
  # Văn bản làm căn cứ tổ chức (tùy chọn).
  # Ví dụ: {can_cu}
  # can_cu: {can_cu}
  # Các nội dung, chuyên đề, mỗi mục một dòng bắt đầu bằng "- " (tùy chọn).
  noi_dung:
    - "<điền: nội dung chính>"
  # Thành phần tham dự, mỗi mục một cụm từ (tùy chọn). Ví dụ: lãnh đạo các huyện, thành phố
  # doi_tuong:
  #   - lãnh đạo các huyện, thành phố

# Những người có vai trò (tùy chọn): ho_ten, danh_xung (ông / bà / đồng chí), chuc_vu (danh
# sách), vai_tro: khai_mac, chu_tri, chi_dao, du, be_mac hoặc bao_cao_vien. Ví dụ:
# nhan_vat:
#   - ho_ten: Nguyễn Văn An
#     danh_xung: {danh_xung}
#     chuc_vu: [{nguoi_ky_chuc_vu}]
#     vai_tro: chu_tri
{lists}
# Kết quả, cho báo cáo tổng kết (tùy chọn). Số học viên và số xếp loại phải khớp với danh
# sách `hoc_vien` nếu có. Ví dụ:
# ket_qua:
#   so_trieu_tap: 125       # số người được triệu tập
#   so_tham_du: 120         # số người tham dự
#   so_hoan_thanh: 118      # số người hoàn thành
#   xep_loai: {{gioi: 30, kha: 80, trung_binh: 8, chua_dat: 0}}

# Thông tin riêng của từng văn bản (tùy chọn); `chung` áp dụng cho mọi mẫu, tên mẫu
# (ví dụ `giay-moi`) cho riêng mẫu đó.
van_ban:
  # Áp dụng cho mọi văn bản; mục cùng tên trong phần của một mẫu sẽ thay thế mục ở đây.
  chung:
    # Người ký (tùy chọn, nên có). quyen_han: TM, KT, Q, TL{tuq}; khi có quyen_han thì
    # ghi thay_cho (tập thể hoặc chức vụ được ký thay).
    nguoi_ky:
      # Họ và tên người ký (bắt buộc trong nguoi_ky). Ví dụ: Nguyễn Văn An
      ho_ten: "<điền: họ và tên người ký>"
      # Chức vụ người ký (bắt buộc trong nguoi_ky). Ví dụ: {nguoi_ky_chuc_vu}
      chuc_vu: "<điền: chức vụ người ký>"
      # quyen_han: {quyen_han}
      # thay_cho: {thay_cho}
    # Nơi nhận, mỗi nơi một dòng (tùy chọn). Ví dụ: Như trên
    noi_nhan:
      - "<điền: nơi nhận>"
    # Nơi lưu, dòng cuối của nơi nhận (tùy chọn, mặc định VT). Ví dụ: VT, VP
    luu: VT
"""

_LISTS_IN_FILE = """
# Khách mời, mỗi người một giấy mời (tùy chọn): một danh sách như dưới, hoặc đường dẫn bảng
# tính (.xlsx, .xls, .ods, .csv) như `khach_moi: danh-sach.xlsx`, hoặc
# `khach_moi: {{tep: danh-sach.xlsx, trang: Khách mời}}`. Mỗi người: ho_ten (bắt buộc),
# danh_xung (ông / bà / đồng chí), chuc_vu, don_vi, ghi_chu. Ví dụ:
# khach_moi:
#   - ho_ten: Nguyễn Văn An
#     danh_xung: {danh_xung}
#     chuc_vu: Phó Chủ tịch Ủy ban nhân dân huyện
#     don_vi: huyện Năm Căn

# Học viên, mỗi người một giấy chứng nhận (tùy chọn), viết như khach_moi. Mỗi người: ho_ten
# (bắt buộc), ngay_sinh, chuc_vu, don_vi, xep_loai (xuất sắc / giỏi / khá / trung bình /
# không đạt), so_chung_nhan. Ví dụ:
# hoc_vien:
#   - ho_ten: Trần Thị Bình
#     ngay_sinh: 5/2/1980
#     don_vi: Ban Dân vận Huyện ủy Năm Căn
#     xep_loai: giỏi
#     so_chung_nhan: 15/GCN
"""

_LISTS_IN_WORKBOOK = """
# Khách mời, mỗi người một giấy mời (tùy chọn): trang `Khách mời` của bảng tính
# {workbook} (cột Họ và tên bắt buộc; Danh xưng, Chức vụ, Đơn vị, Ghi chú tùy chọn).
# Cũng có thể viết thẳng danh sách (- ho_ten: …) hoặc chỉ đường dẫn (.xlsx, .xls, .ods, .csv).
khach_moi: {{tep: {workbook}, trang: Khách mời}}

# Học viên, mỗi người một giấy chứng nhận (tùy chọn): trang `Học viên` (cột Họ và tên bắt
# buộc; Ngày sinh, Chức vụ, Đơn vị, Xếp loại, Số chứng nhận tùy chọn).
hoc_vien: {{tep: {workbook}, trang: Học viên}}
"""

_EXAMPLES: dict[str, dict[str, str]] = {
    "nha_nuoc": {
        "cap_tren": "Ủy ban nhân dân tỉnh Cà Mau",
        "ten": "Sở Nội vụ",
        "ten_goi": "Sở Nội vụ tỉnh Cà Mau",
        "viet_tat": "SNV",
        "su_kien": "hội nghị tổng kết công tác cải cách hành chính năm 2024",
        "goi_tat": "hội nghị",
        "dia_diem": "Hội trường Ủy ban nhân dân tỉnh Cà Mau",
        "can_cu": "Kế hoạch số 05/KH-UBND ngày 03/01/2025 của Ủy ban nhân dân tỉnh Cà Mau",
        "danh_xung": "ông",
        "nguoi_ky_chuc_vu": "Phó Giám đốc",
        "quyen_han": "KT",
        "thay_cho": "Giám đốc",
        "tuq": ", TUQ",
    },
    "dang": {
        "cap_tren": "Tỉnh ủy Cà Mau",
        "ten": "Ban Dân vận",
        "ten_goi": "Ban Dân vận Tỉnh ủy",
        "viet_tat": "BDVTU",
        "su_kien": "lớp bồi dưỡng nghiệp vụ công tác dân vận năm 2024",
        "goi_tat": "lớp bồi dưỡng",
        "dia_diem": "Trường Chính trị tỉnh Cà Mau",
        "can_cu": "Kế hoạch số 123-KH/BDVTU ngày 15/10/2024 của Ban Dân vận Tỉnh ủy",
        "danh_xung": "đồng chí",
        "nguoi_ky_chuc_vu": "Phó Trưởng Ban",
        "quyen_han": "KT",
        "thay_cho": "Trưởng Ban",
        "tuq": "",
    },
}


def starter_text(
    the_thuc: TheThuc = "nha_nuoc", *, with_lists: bool = False, name: str = "su-kien.yaml"
) -> str:
    """The starter event file (``name`` is shown in its comments)."""
    examples = _EXAMPLES[the_thuc]
    lists = (
        _LISTS_IN_WORKBOOK.format(workbook=WORKBOOK_NAME)
        if with_lists
        else _LISTS_IN_FILE.format(**examples)
    )
    return _HEAD.format(schema=SCHEMA_NAME, name=name, the_thuc=the_thuc, lists=lists, **examples)


_SHEETS: dict[str, tuple[str, list[str], list[object]]] = {
    "khach_moi": (
        "Khách mời",
        ["STT", "ho_ten", "danh_xung", "chuc_vu", "don_vi", "ghi_chu"],
        [
            1,
            "<điền: họ và tên, ví dụ Nguyễn Văn An>",
            "ông",
            "Phó Chủ tịch Ủy ban nhân dân huyện",
            "huyện Năm Căn",
            None,
        ],
    ),
    "hoc_vien": (
        "Học viên",
        ["STT", "ho_ten", "ngay_sinh", "chuc_vu", "don_vi", "xep_loai", "so_chung_nhan"],
        [
            1,
            "<điền: họ và tên, ví dụ Trần Thị Bình>",
            date(1980, 2, 5),
            "Chuyên viên",
            "Ban Dân vận Huyện ủy Năm Căn",
            "giỏi",
            "01/GCN",
        ],
    ),
}


def starter_workbook() -> bytes:
    """The starter workbook: sheets ``Khách mời`` and ``Học viên``, each with its header row
    (bold, frozen), one example row, column widths that fit and drop-down lists for the
    columns with fixed choices."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from baocao.event.people import GRADES
    from baocao.event.spreadsheets import TITLES

    book = Workbook()
    book.remove(book.active)
    for title, keys, example in _SHEETS.values():
        sheet = book.create_sheet(title)
        header = [TITLES[k][0] if k in TITLES else k for k in keys]
        sheet.append(header)
        sheet.append(example)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for index, (head, value) in enumerate(zip(header, example, strict=True), start=1):
            text = value.strftime("%d/%m/%Y") if isinstance(value, date) else str(value or "")
            width = max(len(head), len(text)) + 3
            sheet.column_dimensions[get_column_letter(index)].width = min(width, 60)
            if isinstance(value, date):
                sheet.cell(row=2, column=index).number_format = "DD/MM/YYYY"
        choices = {"danh_xung": ("ông", "bà", "đồng chí"), "xep_loai": GRADES}
        for key, options in choices.items():
            if key in keys:
                column = get_column_letter(keys.index(key) + 1)
                rule = DataValidation(
                    type="list", formula1='"' + ",".join(options) + '"', allow_blank=True
                )
                rule.add(f"{column}2:{column}10000")
                sheet.add_data_validation(rule)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_starter(
    path: Path | str,
    the_thuc: TheThuc = "nha_nuoc",
    with_lists: bool = False,
    *,
    force: bool = False,
) -> list[Path]:
    """Write the starter event file at ``path``, the schema beside it and (``with_lists``)
    the starter workbook; return the files written. An existing file is refused
    (:class:`~baocao.errors.RenderError`, nothing written) unless ``force``; a schema
    identical to the one to write is left as it is."""
    from baocao.event.schema import event_schema_text
    from baocao.i18n import _
    from baocao.rendering.atomic import check_target, write_atomic

    target = Path(path)
    if target.suffix.lower() not in {".yaml", ".yml"}:
        raise RenderError(
            [
                Problem(
                    _("tệp sự kiện mới phải có đuôi .yaml (ví dụ su-kien.yaml)"),
                    path=str(target),
                    code="init-name",
                )
            ]
        )
    folder = target.parent
    files: dict[Path, bytes] = {
        target: starter_text(the_thuc, with_lists=with_lists, name=target.name).encode("utf-8"),
    }
    schema = event_schema_text().encode("utf-8")
    schema_path = folder / SCHEMA_NAME
    if force or not schema_path.is_file() or schema_path.read_bytes() != schema:
        files[schema_path] = schema
    if with_lists:
        files[folder / WORKBOOK_NAME] = starter_workbook()
    problems: list[Problem] = []
    for file in files:
        try:
            check_target(file, force=force)
        except RenderError as error:
            problems += error.problems
    if problems:
        raise RenderError(problems)
    return [write_atomic(file, data, force=force) for file, data in files.items()]
