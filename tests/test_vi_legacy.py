"""baocao.vi.ma_cu: legacy TCVN3 / VNI text is found; ordinary and foreign text is not."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from baocao.vi import MaCu, ma_cu

# TCVN3 (.VnTime) text as it arrives when copied out of an old document.
TCVN3 = [
    "Uû ban nh©n d©n tØnh Cµ Mau",
    "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
    "§éc lËp - Tù do - H¹nh phóc",
    "Ban Tuyªn gi¸o vµ D©n vËn TØnh ñy",
    "§ång chÝ Lª Thanh TriÒu ph¸t biÓu khai m¹c líp båi d­ìng",
]
# VNI (VNI-Times) text: a base letter followed by mark characters.
VNI = [
    "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
    "Ñoäc laäp - Töï do - Haïnh phuùc",
    "Uyû ban nhaân daân tænh Caø Mau",
    "tröôøng cao ñaúng sö phaïm",
    "Ñoàng chí Leâ Thanh Trieàu phaùt bieåu khai maïc",
]
# Ordinary Unicode Vietnamese, with plenty of the Latin-1 letters Vietnamese shares.
UNICODE = [
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Ủy ban nhân dân tỉnh Cà Mau",
    "Tòa án nhân dân, Văn phòng Tỉnh ủy, Sở Tài chính",
    "Đồng chí Lê Thanh Triều phát biểu khai mạc lớp bồi dưỡng năm 2024.",
    "Quý vị đại biểu, thưa toàn thể các đồng chí!",
    "Tỷ lệ đạt 96,7%; kinh phí 150.000.000 đồng (Một trăm năm mươi triệu đồng).",
    "à á ã â ê é è ú ù ó ò õ ô ì í ý",
    "ông Jürgen Müller và bà Peña",
    "ông Jürgen Müller, bà Peña, ông Søren Kierkegaard và bà Zoë Noël dự hội thảo",
    "© 2024 Ban Tuyên giáo và Dân vận Tỉnh ủy",
    "café, naïve, Björk, Dvořák, São Paulo, Ærø, Øresund",
    "",
    "   ",
]


@pytest.mark.parametrize("text", TCVN3)
def test_tcvn3_is_found(text: str) -> None:
    found = ma_cu(text)
    assert found is not None
    assert found.bang_ma == "TCVN3"
    assert found.doan and found.doan in text


@pytest.mark.parametrize("text", VNI)
def test_vni_is_found(text: str) -> None:
    found = ma_cu(text)
    assert found is not None
    assert found.bang_ma == "VNI"
    assert found.doan and found.doan in text


@pytest.mark.parametrize("text", UNICODE)
def test_no_false_positive(text: str) -> None:
    assert ma_cu(text) is None


def test_result_shape_and_first_offending_words() -> None:
    found = ma_cu("Tên đơn vị: Uû ban nh©n d©n tØnh")
    assert isinstance(found, MaCu)
    assert found == MaCu("TCVN3", "Uû ban nh©n")
    assert found.doan.startswith("Uû")


def test_short_field_with_one_word_is_found() -> None:
    assert ma_cu("Cµ Mau") == MaCu("TCVN3", "Cµ Mau")
    assert ma_cu("Caø Mau") == MaCu("VNI", "Caø Mau")


def test_mixed_unicode_and_legacy_is_found() -> None:
    found = ma_cu("Kế hoạch số 12/KH-UBND của Uû ban nh©n d©n tØnh")
    assert found is not None and found.bang_ma == "TCVN3"


@pytest.mark.skipif(shutil.which("iconv") is None, reason="glibc iconv not installed")
def test_tcvn3_made_by_iconv_is_found() -> None:
    """An independent encoder (glibc iconv TCVN5712-1) makes the legacy text."""
    sentences = [
        "ủy ban nhân dân tỉnh cà mau tổ chức lớp bồi dưỡng nghiệp vụ",
        "đồng chí trưởng ban dân vận tỉnh ủy phát biểu khai mạc",
        "kết quả học tập của học viên đạt loại khá trở lên",
        "ban tuyên giáo và dân vận tỉnh ủy báo cáo tổng kết",
        "thực hiện quy chế dân chủ ở cơ sở năm hai nghìn không trăm hai mươi tư",
    ]
    for sentence in sentences:
        raw = subprocess.run(
            ["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"],
            input=sentence.encode(),
            capture_output=True,
            check=True,
        ).stdout
        legacy = raw.decode("latin-1")
        assert legacy != sentence
        found = ma_cu(legacy)
        assert found is not None and found.bang_ma == "TCVN3", (sentence, legacy)
        assert ma_cu(sentence) is None
