"""Known bug B13 (tone-mark normaliser corrupting words) and the Vietnamese-text pitfalls of
vn-text.md (amounts in words §1, tone marks §2.3, NFC §3, legacy encodings §4, capitalisation
§5–6), asserted on the vi layer (hypothesis where a property says more than examples) and on
real renders of every built-in template in both formats."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from typing import Any

import docx
import hypothesis
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baocao.errors import DataError
from baocao.vi import bang_chu, chuan_dau, so, so_thanh_chu
from render_helpers import (
    DAN_VAN,
    FORMATS,
    NAMES,
    OFFICIAL,
    UBND,
    document,
    dump,
    event,
    example,
    examples,
    render,
    set_in,
    texts,
)

TONES = "\u0300\u0301\u0303\u0309\u0323"
WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def ime(s: str) -> str:
    """ "Unicode tổ hợp" (Unikey, cp1258): precomposed letters, the tone as a combining mark."""
    out = []
    for ch in unicodedata.normalize("NFC", s):
        parts = nfd(ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append(base + "".join(c for c in parts if c in TONES))
    return "".join(out)


def strip_tones(s: str) -> str:
    return unicodedata.normalize("NFC", "".join(c for c in nfd(s) if c not in TONES))


# --- B13: the tone-mark normaliser -------------------------------------------------------------

# P9's typing_fixer turned these into "tòan", "hòan", "khỏang", "quyết tóan"…
B13_NEVER = ["toàn", "hoàn", "khoảng", "loạn", "thuyền", "quyết toán", "Toàn", "HOÀN", "hoàng"]


@pytest.mark.parametrize("word", B13_NEVER)
@pytest.mark.parametrize("kieu", ["cu", "moi"])
def test_b13_closed_syllables_never_change(word: str, kieu: str) -> None:
    assert chuan_dau(word, kieu=kieu) == word
    assert chuan_dau(nfd(word), kieu=kieu) == word


@pytest.mark.parametrize(
    ("text", "cu", "moi"),
    [  # … while P9 left these alone: they are exactly what a style change must move
        ("Cộng hoà", "Cộng hòa", "Cộng hoà"),
        ("Uỷ ban", "Ủy ban", "Uỷ ban"),
        ("CỘNG HÒA", "CỘNG HÒA", "CỘNG HOÀ"),
        ("sức khỏe, thủy lợi", "sức khỏe, thủy lợi", "sức khoẻ, thuỷ lợi"),
    ],
)
def test_b13_open_oa_oe_uy_follow_the_policy(text: str, cu: str, moi: str) -> None:
    assert chuan_dau(text, kieu="cu") == cu
    assert chuan_dau(text, kieu="moi") == moi


# Closed syllables generated with the tone where Vietnamese puts it (on the last vowel with a
# hat or horn, else on the last vowel): a rule that needs no style.
CLOSED_RIMES = [
    ("oa", "n"), ("oa", "ng"), ("oa", "nh"), ("oa", "t"), ("oa", "c"), ("oă", "n"), ("oe", "n"),
    ("oe", "t"), ("uy", "n"), ("uy", "nh"), ("uy", "t"), ("uy", "ch"), ("uyê", "n"), ("uyê", "t"),
    ("uâ", "n"), ("uô", "ng"), ("ươ", "c"), ("iê", "n"), ("yê", "n"), ("a", "ng"), ("ê", "nh"),
    ("o", "c"), ("ô", "ng"), ("ơ", "n"), ("u", "p"), ("ư", "ng"), ("i", "ch"), ("oo", "ng"),
]  # fmt: skip
ONSETS = ["", "b", "ch", "đ", "h", "kh", "l", "ng", "nh", "qu", "th", "tr", "x", "t", "ngh"]


@st.composite
def closed_syllable(draw: st.DrawFn) -> str:
    onset = draw(st.sampled_from(ONSETS))
    vowels, coda = draw(st.sampled_from(CLOSED_RIMES))
    if onset == "qu" and vowels[0] == "u":
        onset = "t"
    if coda in ("c", "ch", "p", "t"):
        tone = draw(st.sampled_from(["\u0301", "\u0323"]))  # stops take sắc or nặng only
    else:
        tone = draw(st.sampled_from(TONES))
    hats = [i for i, ch in enumerate(vowels) if ch in "ăâêôơư"]
    at = hats[-1] if hats else len(vowels) - 1
    word = onset + vowels[: at + 1] + tone + vowels[at + 1 :] + coda
    word = draw(st.sampled_from([word, word.capitalize(), word.upper()]))
    return unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), word)


@settings(max_examples=150)
@given(closed_syllable(), st.sampled_from(["cu", "moi"]))
def test_b13_property_closed_syllables_are_never_changed(word: str, kieu: str) -> None:
    assert chuan_dau(word, kieu=kieu) == unicodedata.normalize("NFC", word)


# Text made of Vietnamese-looking syllables (tone anywhere, any case, NFC or NFD) and
# non-Vietnamese words, joined by punctuation.
ANY_NUCLEUS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uy", "ai",
               "ươ", "uyê", "iê", "uô", "oai", "uya", "ia", "ua", "oo", "uyu", "ươi"]  # fmt: skip


@st.composite
def any_syllable(draw: st.DrawFn) -> str:
    letters = draw(st.sampled_from([*ONSETS, "g", "gi", "gh"])) + draw(st.sampled_from(ANY_NUCLEUS))
    letters += draw(st.sampled_from(["", "", "c", "ch", "m", "n", "ng", "nh", "p", "t", "k"]))
    tone = draw(st.sampled_from(["", *TONES]))
    at = draw(st.integers(0, len(letters) - 1))
    word = letters[: at + 1] + tone + letters[at + 1 :]
    word = draw(st.sampled_from([word, word.capitalize(), word.upper()]))
    return unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), word)


words = st.one_of(
    any_syllable(), st.sampled_from(["Renée", "Zoé", "iPhone", "Đắk", "2024", "Müller"])
)
SEPARATORS = [" ", ", ", "; ", "-", " (", ") ", "\n", ". ", "/", " – "]
texts_st = st.lists(st.tuples(words, st.sampled_from(SEPARATORS)), max_size=10).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)
# Vietnamese onsets, the two-letter ``qu`` and ``gi`` included (``quoà``, ``giuỳ`` are open
# oa/uy syllables after them).
OPEN = re.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?(?:oa|oe|uy)$")


@pytest.mark.slow
@settings(max_examples=150)
@given(texts_st, texts_st, st.sampled_from(SEPARATORS), st.sampled_from(["cu", "moi"]))
def test_b13_property_works_per_syllable(a: str, b: str, sep: str, kieu: str) -> None:
    """Normalising a text equals normalising its pieces: no syllable sees its neighbours."""
    assert chuan_dau(a + sep + b, kieu=kieu) == chuan_dau(a, kieu=kieu) + sep + chuan_dau(
        b, kieu=kieu
    )


@settings(max_examples=150)
@given(texts_st)
@hypothesis.example(
    "q\u0300uoa "
)  # the tone after the q of qu: 'quòa' / 'quoà' differ, both qu + oa
def test_b13_property_styles_differ_only_in_open_oa_oe_uy(s: str) -> None:
    cu, moi = chuan_dau(s, kieu="cu"), chuan_dau(s, kieu="moi")
    assert strip_tones(cu) == strip_tones(moi) == strip_tones(s)
    cu_words, moi_words = WORD.findall(cu), WORD.findall(moi)
    assert len(cu_words) == len(moi_words)
    for x, y in zip(cu_words, moi_words, strict=True):
        if x != y:
            assert OPEN.match(strip_tones(x).lower()), (x, y)
            assert sorted(c for c in nfd(x) if c in TONES) == sorted(
                c for c in nfd(y) if c in TONES
            )


@pytest.mark.slow
@settings(max_examples=100)
@given(texts_st, st.sampled_from(["cu", "moi"]))
def test_b13_property_input_form_does_not_matter(s: str, kieu: str) -> None:
    want = chuan_dau(s, kieu=kieu)
    assert unicodedata.is_normalized("NFC", want)
    assert chuan_dau(nfd(s), kieu=kieu) == chuan_dau(ime(s), kieu=kieu) == want


@pytest.mark.slow
@settings(max_examples=150)
@given(texts_st, st.sampled_from(["cu", "moi"]))
def test_b13_property_no_tone_is_left_on_a_consonant(s: str, kieu: str) -> None:
    """In every Vietnamese syllable of the result the tone sits on a vowel (NFC composes it)."""
    from baocao.vi.syllable import parse

    for word in WORD.findall(chuan_dau(s, kieu=kieu)):
        syllable = parse(word)
        if syllable is not None and syllable.tone:
            assert not any(unicodedata.combining(c) for c in word), word


@pytest.mark.parametrize("the_thuc", FORMATS)
@pytest.mark.parametrize("dau_thanh", ["cu", "moi"])
def test_b13_rendered_documents_follow_the_configured_style(the_thuc: str, dau_thanh: str) -> None:
    """The style is a per-document setting (``dau_thanh``), whatever the format; closed
    syllables of the event come out unchanged."""
    data = set_in(example(UBND, the_thuc), "dau_thanh", dau_thanh)
    ten = "hội nghị toàn tỉnh hoàn thành quyết toán, khoảng 200 người, chống loạn, thuyền viên"
    data = set_in(data, "su_kien.ten", ten)
    wrong = {
        "cu": ["hoà", "Uỷ", "uỷ", "UỶ", "HOÀ", "khoẻ", "thuỷ"],
        "moi": ["hòa", "Ủy", "ủy", "ỦY", "HÒA", "khỏe", "thủy"],
    }
    for name in NAMES:
        text = "\n".join(texts(document(data, name)))
        assert ten in text or ten[0].upper() + ten[1:] in text, name
        found = [w for w in WORD.findall(text) if w in wrong[dau_thanh]]
        assert not found, (name, found)


# --- vn-text §1: amounts in words --------------------------------------------------------------

AMOUNTS = [
    (1_010, "1.010", "Một nghìn không trăm mười đồng"),
    (2_024_000, "2.024.000", "Hai triệu không trăm hai mươi bốn nghìn đồng"),
    (75_000_000, "75.000.000", "Bảy mươi lăm triệu đồng"),
    (105_000, "105.000", "Một trăm linh năm nghìn đồng"),
    (1_000_005, "1.000.005", "Một triệu không trăm linh năm đồng"),
    (1_005_000, "1.005.000", "Một triệu không trăm linh năm nghìn đồng"),
    (1_500_000, "1.500.000", "Một triệu năm trăm nghìn đồng"),
    (21_000_000, "21.000.000", "Hai mươi mốt triệu đồng"),
    (10_000_000_000, "10.000.000.000", "Mười tỷ đồng"),
    (65_000, "65.000", "Sáu mươi lăm nghìn đồng"),
]


@pytest.mark.parametrize(("amount", "digits", "words"), AMOUNTS, ids=[a[1] for a in AMOUNTS])
@pytest.mark.parametrize("the_thuc", FORMATS)
def test_amount_in_words_in_the_report(the_thuc: str, amount: int, digits: str, words: str) -> None:
    data = set_in(example(DAN_VAN, the_thuc), "ket_qua.kinh_phi", amount)
    text = "\n".join(texts(document(data, "bao-cao-tong-ket")))
    assert f"{digits} đồng (Bằng chữ: {words})" in text
    assert so(amount) == digits and bang_chu(amount) == words


@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_amount_words_avoid_the_known_library_mistakes(n: int) -> None:
    words = so_thanh_chu(n)
    padded = f" {words} "
    for wrong in (" lẽ ", " lẻ ", " tỉ ", " mươi năm ", " mươi một ", " mười mốt ", " mười năm ",
                  " linh mười ", " không mươi "):  # fmt: skip
        assert wrong not in padded, (n, words, wrong)
    assert words.startswith("âm ") == (n < 0) and "âm" not in words[4:]
    if abs(n) >= 1000 and 0 < abs(n) % 1000 < 100:  # a last group after others is read in full
        assert " không trăm " in " " + " ".join(words.split()[-5:]), (n, words)
    written = bang_chu(n)
    assert written[0].isupper() and written[1:] == words[1:] + " đồng"


# --- vn-text §3: NFC and look-alikes in what we write ----------------------------------------


def _all_text(raw: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        parts = [z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")]
    return [t for part in parts for t in re.findall(r"<(?:w:t|dc:\w+|cp:\w+)[^>]*>([^<]*)<", part)]


@pytest.mark.parametrize("the_thuc", FORMATS)
def test_every_string_written_is_nfc(the_thuc: str) -> None:
    for stem, data in examples(the_thuc):
        for name in NAMES:
            for t in _all_text(render(data, name)):
                assert unicodedata.is_normalized("NFC", t), (stem, name, t)


def _walk(value: Any, f: Any) -> Any:
    if isinstance(value, str):
        return f(value)
    if isinstance(value, dict):
        return {k: _walk(v, f) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, f) for v in value]
    return value


@pytest.mark.parametrize("form", ["NFD", "IME"])
@pytest.mark.parametrize("the_thuc", FORMATS)
def test_decomposed_input_gives_the_same_document(the_thuc: str, form: str) -> None:
    """NFD (macOS, some web pages) and "Unicode tổ hợp" input: the same bytes as NFC input,
    so nothing like ``NguyễN`` from ``.title()`` on NFD can appear."""
    from baocao.rendering.document import render_bytes

    change = nfd if form == "NFD" else ime
    for stem, data in examples(the_thuc):
        decomposed = _walk(data, change)
        assert dump(decomposed) != dump(data)
        for name in NAMES:
            assert render_bytes(event(decomposed), template=name) == render(data, name), (
                stem,
                name,
            )


@pytest.mark.parametrize("look_alike", ["\u00d0", "\u0189"], ids=["Eth", "African-D"])
@pytest.mark.parametrize("the_thuc", FORMATS)
def test_look_alike_d_becomes_d_with_stroke(the_thuc: str, look_alike: str) -> None:
    data = example(DAN_VAN, the_thuc)
    data["nhan_vat"][0]["ho_ten"] = f"{look_alike}ặng Văn {look_alike}ức"
    data = set_in(data, "co_quan.dia_danh", f"{look_alike}à Nẵng")
    for name in NAMES:
        text = "\n".join(texts(document(data, name)))
        assert look_alike not in text, name
        if name != "bao-cao-tong-ket":  # the report names no one
            assert "Đặng Văn Đức" in text, name
        if name in OFFICIAL:
            assert "Đà Nẵng, ngày" in text, name


# --- vn-text §4: legacy encodings ------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "bang_ma"),
    [
        ("co_quan.ten", "Uû ban nh©n d©n tØnh Cµ Mau", "TCVN3"),
        ("su_kien.ten", "héi nghÞ tæng kÕt c«ng t¸c", "TCVN3"),
        ("co_quan.ten", "UÛy ban nhaân daân tænh Caø Mau", "VNI"),
        ("su_kien.dia_diem", "Hoäi tröôøng UÛy ban nhaân daân tænh", "VNI"),
    ],
)
@pytest.mark.parametrize("the_thuc", FORMATS)
def test_legacy_encoded_input_is_refused_with_a_hint(
    the_thuc: str, field: str, value: str, bang_ma: str
) -> None:
    with pytest.raises(DataError) as caught:
        event(set_in(example(DAN_VAN, the_thuc), field, value))
    [problem] = caught.value.problems
    assert (problem.field, problem.code) == (field, "legacy-encoding")
    assert f"bảng mã cũ {bang_ma}" in problem.message and "Unikey" in problem.message


@pytest.mark.parametrize("the_thuc", FORMATS)
def test_foreign_names_are_not_taken_for_legacy_text(the_thuc: str) -> None:
    guest = {
        "ho_ten": "Jürgen Müller",
        "danh_xung": "ông",
        "chuc_vu": ["chuyên gia GIZ"],
        "vai_tro": "du",
    }
    data = example(DAN_VAN, the_thuc)
    data["nhan_vat"].append(guest)
    data = set_in(data, "su_kien.dia_diem", "Trường Chính trị tỉnh Cà Mau (phòng Peña–Renée)")
    text = "\n".join(texts(document(data, "tin-bai")))
    assert "ông Jürgen Müller, chuyên gia GIZ" in text
    assert "Peña–Renée" in "\n".join(texts(document(data, "thong-cao")))


# --- vn-text §5–6: capitalisation --------------------------------------------------------------


@pytest.mark.parametrize("the_thuc", FORMATS)
@pytest.mark.parametrize("name", OFFICIAL)
def test_header_lines_are_upper_case_of_the_nfc_text(name: str, the_thuc: str) -> None:
    data = set_in(example(UBND, the_thuc), "co_quan.ten", nfd("Ủy ban nhân dân tỉnh Hòa Bình"))
    data = set_in(data, "co_quan.cap_tren", ime("Bộ Nông nghiệp và Môi trường"))
    # a name too wide for the cell is broken into lines (issue 10)
    left = [p.text.replace("\n", " ") for p in document(data, name).tables[0].cell(0, 0).paragraphs]
    want = (
        "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH"
        if the_thuc == "nha_nuoc"
        else "UỶ BAN NHÂN DÂN TỈNH HOÀ BÌNH"
    )
    assert left[:2] == ["BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", want]


# titles and names exactly as the event writes them (NĐ 30 Phụ lục II: meaning decides case)
VERBATIM = {
    "ho_ten": "Nguyễn Thị Thu Hà",
    "chuc_vu": ["Phó Trưởng ban Dân vận Huyện ủy U Minh", "Bí thư Chi bộ ấp Tân Hiệp"],
}


@pytest.mark.parametrize("the_thuc", FORMATS)
def test_names_and_titles_are_never_re_capitalised(the_thuc: str) -> None:
    data = example(DAN_VAN, the_thuc)
    data["nhan_vat"].append({**VERBATIM, "vai_tro": "du"})
    tone = (lambda s: s.replace("ủy", "uỷ")) if the_thuc == "dang" else (lambda s: s)
    intro = tone(", ".join([f"đồng chí {VERBATIM['ho_ten']}", *VERBATIM["chuc_vu"]]))
    for name in ["tin-bai", "thong-cao"]:
        text = "\n".join(texts(document(data, name)))
        assert intro in text, name
        assert "Trưởng Ban Dân Vận" not in text and "Chi Bộ" not in text


def _danh_xung_problems(lines: list[str], people: list[dict[str, Any]]) -> list[str]:
    """``đồng chí``/``ông``/``bà`` before a name: capital only at a sentence start."""
    bad = []
    for line in lines:
        body = re.sub(r"^\([A-ZĐ]+\) ", "", line)
        for person in people:
            for m in re.finditer(rf"(\S+(?: chí)?) {re.escape(person['ho_ten'])}", body):
                word = m.group(1)
                if word.lower() not in ("đồng chí", "ông", "bà"):
                    continue
                start = (
                    m.start() == 0 or re.search(r"[.!?]\s*$|^\($|“$", body[: m.start()]) is not None
                )
                if start != word[0].isupper():
                    bad.append(line)
    return bad


@pytest.mark.parametrize("the_thuc", FORMATS)
def test_forms_of_address_are_lower_case_mid_sentence(the_thuc: str) -> None:
    for stem, data in examples(the_thuc):
        ev = event(data)
        people = [{"ho_ten": p.ho_ten} for p in ev.nhan_vat]
        for name in NAMES:
            lines = texts(document(data, name))
            assert not _danh_xung_problems(lines, people), (stem, name)


def test_the_danh_xung_check_can_fail() -> None:
    people = [{"ho_ten": "Lê Văn A"}]
    assert _danh_xung_problems(["Dự có Đồng chí Lê Văn A."], people)
    assert _danh_xung_problems(["đồng chí Lê Văn A phát biểu."], people)
    assert not _danh_xung_problems(["(CMO) Đồng chí Lê Văn A phát biểu; ông Lê Văn A dự."], people)


@pytest.mark.parametrize("the_thuc", FORMATS)
def test_every_sentence_of_the_news_item_starts_with_a_capital(the_thuc: str) -> None:
    for stem, data in examples(the_thuc):
        doc = document(data, "tin-bai")
        for p in doc.paragraphs:
            text = re.sub(r"^\([A-ZĐ]+\) ", "", p.text)
            if not text:
                continue
            assert text[0].isupper() or text[0] in '“"(-', (stem, text[:40])
            for m in re.finditer(r"[.!?] (\w)", text):
                assert m.group(1).isupper() or m.group(1).isdigit(), (
                    stem,
                    text[max(0, m.start() - 30) : m.end()],
                )


def test_docx_helper_reads_decomposed_text_back_as_written() -> None:
    """python-docx keeps NFD unchanged, so the NFC checks above read what Word will show."""
    doc = docx.Document()
    doc.add_paragraph(nfd("Nguyễn"))
    buf = io.BytesIO()
    doc.save(buf)
    assert docx.Document(io.BytesIO(buf.getvalue())).paragraphs[0].text == nfd("Nguyễn")
