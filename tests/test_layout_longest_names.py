"""Issue 10, layout: the longest body names of the 34 provinces (fixtures/longest-names*.yaml),
rendered with every built-in template in both formats, converted by LibreOffice and looked at
in the PDF: no word crosses the margins, header names break at phrase boundaries, the date
line stays inside the page, the rules under the body name and the trích yếu are 1/3–1/2 of
their text's width as drawn."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from baocao.event.loading import parse_event
from baocao.rendering.document import render_bytes
from conftest import FIXTURES, convert_to_pdf, docx_lines

NAMES = ["thong-cao", "tin-bai", "phat-bieu-khai-mac", "bao-cao-tong-ket"]
STATE = FIXTURES / "longest-names.yaml"
PARTY = FIXTURES / "longest-names-dang.yaml"
MM = 72 / 25.4  # PDF points per millimetre
LEFT, RIGHT = 30 * MM, 210 * MM - 15 * MM
SLACK = 0.5  # points: rounding of the PDF coordinates


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def render(data: dict[str, Any], name: str, out: Path) -> Path:
    raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    out.write_bytes(render_bytes(parse_event(raw, path="su-kien.yaml"), template=name))
    return out


def words(pdf: Path) -> list[dict[str, Any]]:
    """Every word of every page with its box (``pdftotext -bbox``)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    found = []
    page = 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', line
        )
        if m:
            x0, y0, x1, y1 = map(float, m.groups()[:4])
            found.append({"page": page, "x0": x0, "y0": y0, "x1": x1, "y1": y1, "text": m[5]})
    return found


def lines_of(ws: list[dict[str, Any]], page: int = 1) -> list[str]:
    """Words grouped into printed lines (same baseline), left to right."""
    rows: dict[float, list[dict[str, Any]]] = {}
    for w in ws:
        if w["page"] == page:
            rows.setdefault(round(w["y1"], 0), []).append(w)
    return [
        " ".join(w["text"] for w in sorted(r, key=lambda w: w["x0"]))
        for _, r in sorted(rows.items())
    ]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict[str, Path]]:
    folder = tmp_path_factory.mktemp("longest")
    docs: dict[tuple[str, str], dict[str, Path]] = {}
    for fixture in (STATE, PARTY):
        data = load(fixture)
        for name in NAMES:
            key = (data["the_thuc"], name)
            docs[key] = {"docx": render(data, name, folder / f"{data['the_thuc']}-{name}.docx")}
    outs = convert_to_pdf([d["docx"] for d in docs.values()], folder / "pdf")
    for d, pdf in zip(docs.values(), outs, strict=True):
        d["pdf"] = pdf
    return docs


@pytest.mark.libreoffice
def test_no_word_crosses_the_margins(pdfs: dict[tuple[str, str], dict[str, Path]]) -> None:
    for key, d in pdfs.items():
        ws = words(d["pdf"])
        assert ws, key
        outside = [
            (w["text"], round(w["x0"] / MM, 1), round(w["x1"] / MM, 1))
            for w in ws
            if w["x0"] < LEFT - SLACK or w["x1"] > RIGHT + SLACK
        ]
        assert not outside, (key, outside)


@pytest.mark.libreoffice
def test_header_names_break_between_phrases_never_inside_a_name(
    pdfs: dict[tuple[str, str], dict[str, Path]],
) -> None:
    state = lines_of(words(pdfs[("nha_nuoc", "thong-cao")]["pdf"]))
    party = lines_of(words(pdfs[("dang", "bao-cao-tong-ket")]["pdf"]))
    # the left header cell shares its printed lines with the right one: look at line starts
    assert any(x.startswith("ỦY BAN NHÂN DÂN ") for x in state), state[:6]
    assert any(x.startswith("THÀNH PHỐ HỒ CHÍ MINH") for x in state), state[:6]
    assert any(x.startswith("SỞ VĂN HÓA, ") or x == "SỞ VĂN HÓA," for x in state), state[:6]
    assert any(x.startswith("THỂ THAO VÀ DU LỊCH") for x in state), state[:6]
    assert any(x.startswith("BAN TUYÊN GIÁO ") or x == "BAN TUYÊN GIÁO" for x in party), party
    for text in state + party:  # never "HỒ" at the end of a line and "CHÍ MINH" on the next
        assert not re.search(r"\bHỒ$|\bDU$|^LỊCH\b|^CHÍ MINH", text), text


@pytest.mark.libreoffice
def test_long_date_line_stays_inside_the_page(pdfs: dict[tuple[str, str], dict[str, Path]]) -> None:
    state = " ".join(lines_of(words(pdfs[("nha_nuoc", "thong-cao")]["pdf"])))
    assert "Thành phố Hồ Chí Minh, ngày 29 tháng 12 năm 2025" in state
    # Party (14 pt, 106.3 mm): one line would meet the Số line, so it breaks after the place
    party = lines_of(words(pdfs[("dang", "thong-cao")]["pdf"]))
    assert any(x.endswith("Thành phố Hồ Chí Minh,") for x in party), party[:8]
    assert any(x.endswith("ngày 29 tháng 12 năm 2025") for x in party), party[:8]
    lines = docx_lines(pdfs[("dang", "thong-cao")]["docx"])
    assert "Thành phố Hồ Chí Minh,\nngày 29 tháng 12 năm 2025" in lines


def _dark_runs(pdf: Path, folder: Path, dpi: int = 144) -> list[tuple[int, int, int]]:
    """Horizontal runs of dark pixels at least 5 mm long on page 1: (row, x0, x1) in pixels."""
    stem = folder / pdf.stem
    subprocess.run(
        ["pdftoppm", "-gray", "-r", str(dpi), "-f", "1", "-l", "1", str(pdf), str(stem)],
        check=True,
    )
    pgm = next(folder.glob(f"{pdf.stem}*.pgm"))
    data = pgm.read_bytes()
    parts = data.split(maxsplit=4)
    width, height = int(parts[1]), int(parts[2])
    pixels = parts[4]
    runs = []
    minimum = round(5 / 25.4 * dpi)
    for y in range(height):
        row = pixels[y * width : (y + 1) * width]
        x = 0
        while x < width:
            if row[x] < 128:
                start = x
                while x < width and row[x] < 128:
                    x += 1
                if x - start >= minimum:
                    runs.append((y, start, x))
            x += 1
    return runs


@pytest.mark.libreoffice
@pytest.mark.parametrize(
    ("ten", "trich_yeu"),
    [
        ("Sở Nội vụ", "Về việc tổ chức hội nghị"),
        (
            "Sở Văn hóa, Thể thao và Du lịch",
            "Về việc tổ chức Hội nghị tổng kết công tác văn hóa, thể thao và du lịch năm 2025,"
            " triển khai phương hướng, nhiệm vụ năm 2026 trên địa bàn Thành phố Hồ Chí Minh",
        ),
    ],
)
def test_rules_are_a_third_to_a_half_of_their_text_as_drawn(
    tmp_path: Path, ten: str, trich_yeu: str
) -> None:
    data = load(STATE)
    data["co_quan"]["ten"] = ten
    data["van_ban"]["chung"]["trich_yeu"] = trich_yeu
    docx_path = render(data, "thong-cao", tmp_path / "tc.docx")
    (pdf,) = convert_to_pdf([docx_path], tmp_path / "pdf")
    dpi = 144
    px = 72 / dpi  # points per pixel
    ws = [w for w in words(pdf) if w["page"] == 1]
    runs = _dark_runs(pdf, tmp_path, dpi)
    # rows of one line are consecutive: keep the first row of each line
    lines: list[tuple[float, float, float]] = []
    for y, x0, x1 in runs:
        if lines and abs(lines[-1][0] - y * px) <= 2 * px and abs(lines[-1][1] - x0 * px) <= 2:
            continue
        lines.append((y * px, x0 * px, x1 * px))

    def text_box(upper: str) -> tuple[float, float, float]:
        """x0, x1 and bottom of the printed words of ``upper`` (the widest printed line)."""
        targets = upper.split()
        hits = [  # the header: top of page 1, left cell
            w for w in ws if w["text"] in targets and w["x0"] < LEFT + 73 * MM and w["y1"] < 60 * MM
        ]
        rows: dict[float, list[dict[str, Any]]] = {}
        for w in hits:
            rows.setdefault(round(w["y1"]), []).append(w)
        x0 = min(w["x0"] for r in rows.values() for w in r)
        widest = max(max(w["x1"] for w in r) - min(w["x0"] for w in r) for r in rows.values())
        bottom = max(w["y1"] for r in rows.values() for w in r)
        return x0, widest, bottom

    def rule_under(bottom: float, left_of: float) -> float:
        below = [ln for ln in lines if bottom - 2 < ln[0] < bottom + 15 and ln[1] < left_of]
        assert below, (bottom, lines[:10])
        _, x0, x1 = min(below)
        return x1 - x0

    _, name_w, name_bottom = text_box(ten.upper())
    rule = rule_under(name_bottom, LEFT + 73 * MM)
    assert name_w / 3 - 1 <= rule <= name_w / 2 + 1, (ten, rule / MM, name_w / MM)

    title = [w for w in ws if w["y0"] > name_bottom + 20]
    sizes = sorted({round(w["y1"]) for w in title})
    # the trích yếu: the bold lines after the tên loại, up to the rule under it
    rows: dict[int, list[dict[str, Any]]] = {}
    for w in title:
        rows.setdefault(round(w["y1"]), []).append(w)
    y_title = sizes[0]  # THÔNG CÁO BÁO CHÍ
    rule_lines = sorted(ln for ln in lines if ln[0] > y_title + 5)
    y_rule = rule_lines[0][0]
    ty = [r for y, r in rows.items() if y_title < y < y_rule]
    widest = max(max(w["x1"] for w in r) - min(w["x0"] for w in r) for r in ty)
    drawn = rule_lines[0][2] - rule_lines[0][1]
    assert widest / 3 - 1 <= drawn <= widest / 2 + 1, (drawn / MM, widest / MM)
    # centred on the text width
    centre = (rule_lines[0][1] + rule_lines[0][2]) / 2
    assert abs(centre - (LEFT + RIGHT) / 2) < 2 * MM


def test_the_json_twins_render_the_same_documents() -> None:
    from baocao.event.loading import load_event

    for stem in ("longest-names", "longest-names-dang"):
        from_yaml = load_event(FIXTURES / f"{stem}.yaml")
        from_json = load_event(FIXTURES / f"{stem}.json")
        for name in NAMES:
            assert render_bytes(from_yaml, template=name) == render_bytes(
                from_json, template=name
            ), (stem, name)
