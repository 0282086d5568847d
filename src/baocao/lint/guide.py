"""The generated sections of ``docs/huong-dan-soan-mau.md`` (the template authors' guide).

Three sections are written by code so that they cannot drift from it: the variables (from
:mod:`baocao.template_context.build`'s documented keys and the pydantic model), the filters (from
:data:`baocao.rendering.filters.FILTERS`) and the common mistakes (real messages of
:func:`baocao.lint.checker.check_template` on small broken templates). Each sits between
``<!-- tự sinh: NAME -->`` and ``<!-- hết: NAME -->``. Regenerate with::

    python -m baocao.lint.guide docs/huong-dan-soan-mau.md

>>> update("a\\n<!-- tự sinh: x -->\\ncũ\\n<!-- hết: x -->\\nb", {"x": "mới"})
'a\\n<!-- tự sinh: x -->\\nmới\\n<!-- hết: x -->\\nb'
"""

from __future__ import annotations

import inspect
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["SECTIONS", "filters_section", "mistakes_section", "update", "variables_section"]

REGENERATE = "python -m baocao.lint.guide docs/huong-dan-soan-mau.md"
_KEY_LINE = re.compile(r"^``(\w+)``\s+(.*)$")


def context_keys() -> list[tuple[str, str]]:
    """(key, description) of every key documented in :mod:`baocao.template_context.build`'s
    docstring."""
    import baocao.template_context.build

    out: list[tuple[str, str]] = []
    doc = (
        (baocao.template_context.build.__doc__ or "")
        .split("Keys (", 1)[-1]
        .split("``cau`` (sentences)")[0]
    )
    for line in doc.splitlines():
        m = _KEY_LINE.match(line)
        if m:
            out.append((m.group(1), m.group(2).strip()))
        elif out and line.startswith("    ") and line.strip():
            key, text = out[-1]
            out[-1] = (key, f"{text} {line.strip()}")
    return out


# Vietnamese descriptions of the context keys, with examples; a test fails when a documented
# key has none.
MO_TA: dict[str, str] = {
    "the_thuc": "thể thức: `nha_nuoc` (Nghị định 30) hoặc `dang` (Hướng dẫn 36)",
    "dang": "đúng khi là văn bản Đảng: `{%p if dang %}` … `{%p endif %}`",
    "dau_thanh": "kiểu đặt dấu thanh của văn bản: `cu` (hòa, thủy) hoặc `moi` (hoà, thuỷ)",
    "cach_doc_so": "cách đọc số thành chữ: `chuan` (một trăm linh năm, nghìn) hoặc `nam` "
    "(một trăm lẻ năm, ngàn); mặc định của bộ lọc `bang_chu`, `so_thanh_chu`",
    "co_quan": "cơ quan ban hành (xem bảng dưới)",
    "su_kien": "sự kiện (xem bảng dưới); các danh sách luôn có, có thể rỗng",
    "nhan_vat": "danh sách người (xem bảng dưới), mỗi người có thêm `gioi_thieu`",
    "ket_qua": "kết quả (xem bảng dưới); mọi khóa đều có, danh sách rỗng khi không khai",
    "bao_chi": "thông tin báo chí: `ma_bao`, `tac_gia`, `tieu_de` (rỗng khi không khai)",
    "van_ban": "thông tin văn bản này: mục `chung` gộp với mục riêng của mẫu (xem bảng dưới)",
    "mau": "tên mẫu, ví dụ `bao-cao-tong-ket`",
    "ten_loai": "tên loại văn bản in làm tiêu đề, ví dụ `BÁO CÁO`",
    "quoc_hieu": "dòng đầu bên phải: `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` hoặc "
    "`ĐẢNG CỘNG SẢN VIỆT NAM`",
    "tieu_ngu": "`Độc lập - Tự do - Hạnh phúc` (nhà nước), rỗng với văn bản Đảng",
    "dong_cap_tren": "tên cơ quan cấp trên, viết hoa, ví dụ `TỈNH ỦY CÀ MAU` (rỗng khi không có)",
    "dong_co_quan": "tên cơ quan ban hành, viết hoa, ví dụ `BAN DÂN VẬN`",
    "cap_tren_dau_trang": "như `dong_cap_tren`, tên dài đã ngắt dòng ở chỗ ngắt cụm (cho ô "
    "đầu trang)",
    "co_quan_dau_trang": "như `dong_co_quan`, tên dài đã ngắt dòng ở chỗ ngắt cụm (sau dấu "
    "phẩy, trước `VÀ`, trước địa danh); dấu `\\n` tự viết trong tệp sự kiện được giữ",
    "vach_co_quan": "đường kẻ dưới tên cơ quan (2/5 bề rộng tên), cả một đoạn: viết "
    "`{{p vach_co_quan }}` trên một dòng riêng; rỗng với văn bản Đảng",
    "vach_trich_yeu": "đường kẻ dưới trích yếu, cả một đoạn: `{{p vach_trich_yeu }}`",
    "ngay_dai": "đúng khi dòng ngày dài hơn ô: dùng kiểu đoạn *Ngày tháng dài*",
    "ket_qua_dong": "các danh sách kết quả dạng `- A;` … `- Z.`: `ket_qua_dong.uu_diem`, "
    "`han_che`, `nguyen_nhan`, `bai_hoc`, `kien_nghi`",
    "cho_dien": "dòng chấm `……` để điền tay khi chưa có kết quả nào, ngược lại rỗng",
    "so_ky_hieu": "số, ký hiệu: `Số: 05/BC-UBND` (nhà nước), `Số 05-BC/BDVTU` (Đảng); "
    "chưa có số thì để trống cho văn thư điền",
    "dong_ngay": "dòng địa danh, ngày: `Cà Mau, ngày 01 tháng 11 năm 2024`; chưa có ngày thì "
    "để trống ngày, tháng",
    "ngay_phat_bieu": "dòng ngày của bài phát biểu (ngày phát biểu, không thì ngày đầu)",
    "trich_yeu": "trích yếu, ví dụ `Về việc tổ chức …` (văn bản Đảng: chữ đầu viết thường)",
    "kinh_gui": "danh sách nơi kính gửi như đã khai",
    "kinh_gui_mot": "nơi kính gửi khi chỉ có một, ngược lại rỗng",
    "kinh_gui_dong": "các dòng kính gửi khi có nhiều nơi: `- A,` … `- B.`",
    "noi_nhan": "các dòng Nơi nhận, đã có dấu câu theo thể thức: `- Như trên,` … (dòng Lưu ở cuối)",
    "ky": "người ký: `ky.quyen_han` (dòng như `KT. CHỦ TỊCH`, `K/T TRƯỞNG BAN`; rỗng khi ký "
    "thẳng; có `thay_mat` thì hai dòng ngắt bằng xuống dòng: `TM. ỦY BAN NHÂN DÂN` / "
    "`KT. CHỦ TỊCH`), "
    "`ky.chuc_vu` (viết hoa), `ky.ho_ten`",
    "dau_ket": "dấu kết thúc phần nội dung: `./.` (nhà nước) hoặc `.` (Đảng)",
    "theo_vai_tro": "người theo vai trò, mỗi vai trò một danh sách (có thể rỗng): "
    "`khai_mac`, `chu_tri`, `chi_dao`, `du`, `be_mac`, `bao_cao_vien`",
    "nguoi_khai_mac": "người phát biểu khai mạc; **không có giá trị** khi không ai có vai trò "
    "`khai_mac`, nên đặt trong `{% if nguoi_khai_mac %}`",
    "nguoi_phat_bieu": "những người có ý phát biểu, mỗi người có câu `cau` "
    "(`Phát biểu khai mạc, đồng chí A, … nhấn mạnh: …`) và `cau_ngan`",
    "thoi_gian": "thời gian: `mo_dau` (`Sáng 1/11`), `khoang` (`từ ngày 1 đến ngày 3/11`), "
    "`khoang_nam` (có năm), `so_ngay`, `mot_ngay` (đúng khi diễn ra trong một ngày)",
    "cau": "các câu viết sẵn (mở đầu, diễn ra, khai mạc, tham dự…), rỗng khi thiếu dữ liệu",
    "noi_dung_dong": "các dòng nội dung dạng `- A;` … `- Z.`",
    "muc_dich_dong": "các dòng mục đích dạng danh sách",
    "loi_chao": "các câu kính thưa của bài phát biểu: `Kính thưa đồng chí …!`",
    "so_lieu": "số liệu báo cáo: `so_trieu_tap`, `so_tham_du`, `ty_le_tham_du` (`96,7%`), "
    "`so_hoan_thanh`, `ty_le_hoan_thanh`, `kinh_phi` (`150.000.000 đồng (Bằng chữ: …)`)",
    "bang_ket_qua": "các hàng của bảng kết quả, mỗi hàng có `stt`, `noi_dung`, `so`, `ty_le`",
    "muc": "số mục của báo cáo (`I`, `1`…), rỗng khi mục bị bỏ vì thiếu dữ liệu",
    "tieu_de_tin": "tiêu đề tin bài, ví dụ `Khai mạc lớp bồi dưỡng …`",
    "ten_su_kien": "tên sự kiện, viết hoa chữ đầu",
    "cai_dat": "các cài đặt trình bày của mẫu (mặc định của thể thức, rồi `cai_dat` của tệp "
    ".yaml đi kèm)",
    # kế hoạch, chương trình, bế mạc (template_context/plan.py, programme.py, closing.py)
    "ke_hoach": "kế hoạch: `yeu_cau`, `thanh_phan`, `phan_cong` (`don_vi`, `nhiem_vu`), "
    "`kinh_phi_du_kien` (`so_tien`, `nguon`; không có giá trị khi không khai), `can_cu`",
    "chuong_trinh": "các phiên của chương trình, `bat_dau`/`ket_thuc` đã đủ ngày giờ",
    "lich_chuong_trinh": "bảng chương trình, mỗi ngày một khối: `ngay` (`Thứ Sáu, ngày "
    "01/11/2024`) và các hàng `phien` (`thoi_gian` `7h30 - 8h00`, `noi_dung`, `thuc_hien`)",
    "cau_ke_hoach": "các câu của kế hoạch: `mo_dau`, `dong_thoi_gian` (`Thời gian: dự kiến "
    "03 ngày, …`), `dong_dia_diem`, `thanh_phan_dong`, `so_luong`, `phan_cong` (mỗi đơn vị một "
    "dòng `dong`), `ket`, `kem_theo`…",
    "muc_ke_hoach": "số mục của kế hoạch (`I`, `1`…), rỗng khi mục bị bỏ vì thiếu dữ liệu",
    "be_mac": "bài phát biểu bế mạc: `nguoi` (người bế mạc, không có thì người chủ trì), "
    "`ngay`, `loi_chao`, `mo_dau`, `ket_qua`, `uu_diem_mo`, `van_dung`, `cam_on`, "
    "`tuyen_bo`, `chuc`",
    "khach_moi": "danh sách khách mời như đã khai (xem bảng `nguoi` dưới)",
    "hoc_vien": "danh sách học viên như đã khai (xem bảng `nguoi` dưới)",
    "danh_sach_hoc_vien": "các hàng của bảng học viên (phụ lục báo cáo), mỗi hàng có `stt`, "
    "`ho_ten`, `don_vi`, `xep_loai` (`Giỏi`); rỗng khi không có học viên",
    "nguoi": "chỉ ở mẫu theo danh sách (tệp .yaml đi kèm có `moi_muc: khach_moi` hoặc "
    "`moi_muc: hoc_vien`): người của văn bản này (xem bảng dưới)",
    "stt": "chỉ ở mẫu theo danh sách: số thứ tự của người trong danh sách, từ 1",
    "tong_so_nguoi": "chỉ ở mẫu theo danh sách: số người trong danh sách",
    "thoi_gian_moi": "thời gian viết như trong giấy mời: `vào lúc 7 giờ 30 phút, thứ Sáu, "
    "ngày 01 tháng 11 năm 2024`",
}

# what baocao adds to a part of the event (not in the event file)
THEM: dict[str, str] = {
    "n.gioi_thieu": "`đồng chí Lê Văn A, Trưởng Ban Dân vận` (danh xưng, họ tên, chức vụ)",
    "n.gioi_thieu_cau": "như `gioi_thieu`, thêm dấu phẩy sau chức vụ để viết tiếp câu",
    "n.gioi_thieu_phat_bieu": "như `gioi_thieu`, nhưng `ông`/`bà` thành `đồng chí` (lời chào trong "
    "bài phát biểu)",
    "nguoi.xung": "danh xưng viết giữa câu: `ông`, `bà`, `đồng chí`, `ông/bà` (khi không khai)",
    "nguoi.goi": "danh xưng và họ tên đầu dòng: `Ông Nguyễn Văn An`",
    "nguoi.chuc_danh": "chức vụ và đơn vị: `Giám đốc Sở Tư pháp`",
    "nguoi.kinh_gui": "dòng Kính gửi: `Ông Nguyễn Văn An, Giám đốc Sở Tư pháp`",
    "nguoi.ngay_sinh_so": "ngày sinh `05/02/1980` (rỗng khi không khai)",
    "nguoi.xep_loai_chu": "xếp loại viết hoa chữ đầu: `Giỏi` (rỗng khi không khai)",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("``", "`").replace("\n", " ")


def _model_table(title: str, prefix: str, model: Any, extra: list[str]) -> list[str]:
    lines = [f"#### {title}", "", "| Biến | Nội dung |", "| --- | --- |"]
    for name, info in model.model_fields.items():
        lines.append(f"| `{prefix}.{name}` | {_cell(info.description or '')} |")
    for name in extra:
        text = THEM.get(f"{prefix}.{name}", "")
        lines.append(f"| `{prefix}.{name}` | {_cell(text) or '(baocao tính sẵn)'} |")
    lines.append("")
    return lines


def variables_section() -> str:
    """Markdown: the top-level keys, then the fields of each part of the event."""
    from baocao.event import model, programme
    from baocao.lint.shapes import Obj, Seq, context_shape

    shape = context_shape()
    lines = ["| Biến | Nội dung, ví dụ |", "| --- | --- |"]
    for key, _text in context_keys():
        lines.append(f"| `{key}` | {_cell(MO_TA.get(key, ''))} |")
    lines.append("")

    def extra(path: str, fields: Any) -> list[str]:
        node: Any = shape
        for part in path.split("."):
            node = node.fields[part]
            if isinstance(node, Seq):
                node = node.item
        assert isinstance(node, Obj)
        return sorted(set(node.fields) - set(fields))

    groups: list[tuple[str, str, str, Any]] = [
        ("Cơ quan ban hành", "co_quan", "co_quan", model.CoQuan),
        ("Sự kiện", "su_kien", "su_kien", model.SuKien),
        ("Mỗi người trong `{% for n in nhan_vat %}`", "n", "nhan_vat", model.NhanVat),
        ("Kết quả", "ket_qua", "ket_qua", model.KetQua),
        ("Xếp loại", "ket_qua.xep_loai", "ket_qua.xep_loai", model.XepLoai),
        ("Báo chí", "bao_chi", "bao_chi", model.BaoChi),
        ("Văn bản này", "van_ban", "van_ban", model.VanBan),
        ("Người ký", "van_ban.nguoi_ky", "van_ban.nguoi_ky", model.NguoiKy),
        ("Kế hoạch", "ke_hoach", "ke_hoach", programme.KeHoach),
        ("Mỗi phiên trong `{% for p in chuong_trinh %}`", "p", "chuong_trinh", programme.Phien),
    ]
    for title, prefix, path, cls in groups:
        lines += _model_table(title, prefix, cls, extra(path, cls.model_fields))
    from baocao.event.people import HocVien, KhachMoi

    lines += _model_table(
        "Khách mời `nguoi` (mẫu có `moi_muc: khach_moi`, như giay-moi)",
        "nguoi",
        KhachMoi,
        ["xung", "goi", "chuc_danh", "kinh_gui"],
    )
    lines += _model_table(
        "Học viên `nguoi` (mẫu có `moi_muc: hoc_vien`, như giay-chung-nhan)",
        "nguoi",
        HocVien,
        ["ngay_sinh_so", "xep_loai_chu"],
    )
    lines += ["#### Các khóa con baocao tính sẵn", ""]
    for key in (
        "cau", "thoi_gian", "so_lieu", "ky", "muc", "theo_vai_tro", "cai_dat", "cau_ke_hoach",
        "muc_ke_hoach", "be_mac",
    ):  # fmt: skip
        node = shape.fields[key]
        assert isinstance(node, Obj)
        names = ", ".join(f"`{key}.{k}`" for k in sorted(node.fields))
        lines.append(f"- `{key}`: {names}")
    item = shape.fields["bang_ket_qua"]
    assert isinstance(item, Seq) and isinstance(item.item, Obj)
    cols = ", ".join(f"`r.{k}`" for k in sorted(item.item.fields))
    lines.append(f"- mỗi hàng `r` trong `{{%tr for r in bang_ket_qua %}}`: {cols}")
    day = shape.fields["lich_chuong_trinh"]
    assert isinstance(day, Seq) and isinstance(day.item, Obj)
    row = day.item.fields["phien"]
    assert isinstance(row, Seq) and isinstance(row.item, Obj)
    cols = ", ".join(f"`r.{k}`" for k in sorted(row.item.fields))
    lines.append(
        "- mỗi ngày `d` trong `{%tr for d in lich_chuong_trinh %}`: `d.ngay`, `d.phien`; "
        f"mỗi hàng `r` trong `{{%tr for r in d.phien %}}`: {cols}"
    )
    return "\n".join(lines).rstrip() + "\n"


def filters_section() -> str:
    """Markdown: every filter with how it is called and its first doc line."""
    from baocao.rendering.filters import FILTERS

    lines = ["| Bộ lọc | Cách gọi | Tác dụng |", "| --- | --- | --- |"]
    for name, func in FILTERS.items():
        params = list(inspect.signature(func).parameters.values())
        args = ", ".join(
            f"{p.name}={p.default!r}" if p.default is not inspect.Parameter.empty else p.name
            for p in params[1:]
            if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)
        )
        call = f"x\\|{name}({args})" if args else f"x\\|{name}"
        doc = (func.__doc__ or "").strip().splitlines()[0] if func.__doc__ else ""
        lines.append(f"| `{name}` | `{call}` | {_cell(doc)} |")
    return "\n".join(lines) + "\n"


# the mistakes: (what the author did, the paragraphs of a small template, whether the check
# is run with an event file: a small one without an opening speaker)
MISTAKES: list[tuple[str, list[str], bool]] = [
    ("Gõ sai tên biến con", ["Địa điểm: {{ su_kien.diadiem }}"], False),
    (
        "Gõ sai tên trong vòng lặp",
        ["{%p for n in nhan_vat %}", "{{ n.hoten }}", "{%p endfor %}"],
        False,
    ),
    ("Dùng biến của vòng lặp ở ngoài vòng lặp", ["{{ n.ho_ten }}"], False),
    ("Gõ sai tên bộ lọc", ["{{ co_quan.ten|viethoa }}"], False),
    ("Quên thẻ đóng khối", ["{%p for x in noi_nhan %}", "{{ x }}"], False),
    (
        "Gõ sai thẻ đóng khối",
        ["{%p if su_kien.dia_diem %}", "Địa điểm: {{ su_kien.dia_diem }}", "{%p endfi %}"],
        False,
    ),
    ("Thiếu một dấu ngoặc nhọn", ["Kính gửi: { kinh_gui_mot }}"], False),
    (
        "Word đổi dấu nháy thẳng thành nháy cong",
        ["{{ su_kien.dia_diem|default(“chưa rõ”) }}"],
        False,
    ),
    (
        "Word đổi dấu trừ thành gạch dài",
        ["Vắng: {{ ket_qua.so_trieu_tap – ket_qua.so_tham_du }}"],
        False,
    ),
    ("Thẻ `{%tr %}` nằm ngoài bảng", ["{%tr for r in bang_ket_qua %}"], False),
    ("Thẻ `{%p %}` chung đoạn với chữ", ["{%p if dang %}Kính gửi", "{%p endif %}"], False),
    (
        "Giá trị không có với tệp sự kiện đang dùng (chỉ thấy khi chạy với `--event`)",
        ["Người khai mạc: {{ nguoi_khai_mac.ho_ten }}"],
        True,
    ),
]

# the event of the mistakes run with --event: no one opens the event
_EVENT = {
    "the_thuc": "nha_nuoc",
    "co_quan": {"ten": "Ban Dân vận", "viet_tat": "BDV", "dia_danh": "Cà Mau"},
    "su_kien": {"ten": "hội nghị sơ kết", "bat_dau": "1/11/2024", "dia_diem": "Hội trường"},
}


def mistakes_section(check: Callable[..., Any] | None = None) -> str:
    """Markdown: each common mistake, the template text, and what ``baocao check`` says."""
    from docx import Document

    from baocao.event.model import Event
    from baocao.i18n import get_language, set_language
    from baocao.lint.checker import check_template

    check = check or check_template
    before = get_language()
    set_language("vi")
    lines: list[str] = []
    try:
        event = Event.model_validate(_EVENT)
        with tempfile.TemporaryDirectory() as tmp:
            for i, (title, paragraphs, with_event) in enumerate(MISTAKES, 1):
                doc = Document()
                for text in paragraphs:
                    doc.add_paragraph(text)
                path = Path(tmp) / f"mau-{i}.docx"
                doc.save(str(path))
                problems = check(path, event=event) if with_event else check(path)
                command = "baocao check mau.docx --event su-kien.yaml" if with_event else ""
                lines += [f"**{title}**", "", "```text"]
                lines += paragraphs
                lines += ["```", ""]
                lines += [f"`{command}` báo:" if command else "`baocao check` báo:", ""]
                lines += ["```text"]
                lines += [f"mau.docx: {p.part}: {p.message}" for p in problems]
                lines += ["```", ""]
    finally:
        set_language(before)
    return "\n".join(lines).rstrip() + "\n"


SECTIONS: dict[str, Callable[[], str]] = {
    "bien": variables_section,
    "bo-loc": filters_section,
    "loi-thuong-gap": mistakes_section,
}


def update(text: str, sections: dict[str, str]) -> str:
    """``text`` with each generated section replaced by its new content."""
    for name, body in sections.items():
        pattern = re.compile(
            rf"(<!-- tự sinh: {re.escape(name)} -->\n).*?(\n?<!-- hết: {re.escape(name)} -->)",
            re.DOTALL,
        )
        if not pattern.search(text):
            raise ValueError(f"section {name!r} not found")
        new = body.rstrip("\n") + "\n"

        def replace(m: re.Match[str], new: str = new) -> str:
            return m.group(1) + new + m.group(2).lstrip("\n")

        text = pattern.sub(replace, text)
    return text


def generated(text: str) -> str:
    """``text`` with every generated section made fresh."""
    return update(text, {name: make() for name, make in SECTIONS.items()})


def main(argv: list[str] | None = None) -> int:
    """Rewrite the guide at ``argv[0]`` in place."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0] if args else "docs/huong-dan-soan-mau.md")
    text = path.read_text(encoding="utf-8")
    path.write_text(generated(text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
