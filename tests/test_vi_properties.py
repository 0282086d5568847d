"""Property tests (hypothesis) for baocao.vi: tone styles, dates, numbers."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from baocao.vi import chuan_dau, ngay_so, ngay_thang, phan_tram, so, so_thanh_chu

# --- Vietnamese-looking text ------------------------------------------------------------------
ONSETS = ["", "b", "ch", "đ", "g", "gi", "h", "kh", "l", "ng", "ngh", "nh", "qu", "th", "tr", "x"]
NUCLEI = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uy", "ai",
          "ươ", "uyê", "iê", "uô", "oai", "uya", "ưa", "ia", "oo", "ây", "uyu"]  # fmt: skip
CODAS = ["", "", "", "c", "ch", "m", "n", "ng", "nh", "p", "t", "k"]
TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]


@st.composite
def syllable(draw: st.DrawFn) -> str:
    letters = draw(st.sampled_from(ONSETS)) + draw(st.sampled_from(NUCLEI))
    letters += draw(st.sampled_from(CODAS))
    # put the tone (maybe) after any letter: misplaced marks must be handled too
    tone = draw(st.sampled_from(TONES))
    where = draw(st.integers(0, len(letters) - 1))
    word = letters[: where + 1] + tone + letters[where + 1 :]
    case = draw(st.sampled_from(["lower", "upper", "title"]))
    word = {"lower": word, "upper": word.upper(), "title": word[:1].upper() + word[1:]}[case]
    form = draw(st.sampled_from(["NFC", "NFD"]))
    return unicodedata.normalize(form, word)


vietnamese_text = st.lists(
    st.one_of(syllable(), st.sampled_from(["Renée", "iPhone", "Đắk", "2024", "Müller"])),
    max_size=12,
).flatmap(
    lambda words: st.lists(
        st.sampled_from([" ", ", ", "; ", "-", " (", ") ", "\n", ". "]),
        min_size=len(words),
        max_size=len(words),
    ).map(lambda seps: "".join(w + s for w, s in zip(words, seps, strict=True)))
)
any_text = st.one_of(vietnamese_text, st.text(max_size=40))


@given(any_text)
def test_styles_convert_both_ways(s: str) -> None:
    assert chuan_dau(chuan_dau(s, kieu="moi"), kieu="cu") == chuan_dau(s, kieu="cu")
    assert chuan_dau(chuan_dau(s, kieu="cu"), kieu="moi") == chuan_dau(s, kieu="moi")


@given(any_text, st.sampled_from(["cu", "moi"]))
def test_chuan_dau_output_is_nfc_idempotent_and_form_blind(s: str, kieu: str) -> None:
    out = chuan_dau(s, kieu=kieu)
    assert unicodedata.is_normalized("NFC", out)
    assert chuan_dau(out, kieu=kieu) == out
    assert chuan_dau(unicodedata.normalize("NFD", s), kieu=kieu) == out


@given(vietnamese_text, st.sampled_from(["cu", "moi"]))
def test_chuan_dau_changes_only_tone_positions(s: str, kieu: str) -> None:
    """Letters, case and the multiset of tone marks are kept; only where a mark sits moves."""

    def strip(t: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFD", t) if c not in TONES[1:])

    def tones(t: str) -> list[str]:
        return sorted(c for c in unicodedata.normalize("NFD", t) if c in TONES[1:])

    out = chuan_dau(s, kieu=kieu)
    assert strip(out) == strip(s)
    assert tones(out) == tones(s)


# --- dates ------------------------------------------------------------------------------------
NGAY_THANG = re.compile(r"ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})")


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_ngay_thang_padding_rule(d: date) -> None:
    m = NGAY_THANG.fullmatch(ngay_thang(d))
    assert m is not None
    day, month, year = m.groups()
    assert (int(day), int(month), int(year)) == (d.day, d.month, d.year)
    assert len(day) == 2  # days below 10 padded
    assert month == (f"0{d.month}" if d.month < 3 else str(d.month))  # months 1–2 only
    assert ngay_so(d) == f"{day}/{month}/{year}"


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31)))
def test_ngay_thang_of_datetime_is_the_date(dt: datetime) -> None:
    assert ngay_thang(dt) == ngay_thang(dt.date())


# --- numbers ----------------------------------------------------------------------------------
WORDS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
DIGITS = {w: i for i, w in enumerate(WORDS)}
UNITS = {**DIGITS, "mốt": 1, "lăm": 5}


def _parse_triplet(words: list[str]) -> int:
    """Independent reader of a 0–999 group, strict about the spelling rules."""
    value, i = 0, 0
    if len(words) > 1 and words[1] == "trăm":
        value, i = DIGITS[words[0]] * 100, 2
    rest = words[i:]
    if not rest:
        return value
    if rest[0] == "linh":
        assert i == 2 and len(rest) == 2 and rest[1] in DIGITS and rest[1] != "không"
        return value + DIGITS[rest[1]]
    if rest[0] == "mười":
        tens, rest = 10, rest[1:]
    elif len(rest) > 1 and rest[1] == "mươi":
        assert rest[0] not in ("không", "một")
        tens, rest = DIGITS[rest[0]] * 10, rest[2:]
    else:
        assert len(rest) == 1 and rest[0] in DIGITS and rest[0] != "không"
        assert i == 0, "a unit right after trăm needs linh"
        return value + DIGITS[rest[0]]
    if rest:
        assert len(rest) == 1
        unit = rest[0]
        assert unit != "không"
        assert unit != "mốt" or tens > 10, "mốt only after hai mươi … chín mươi"
        assert unit != "một" or tens == 10, "một after mươi must be mốt"
        assert unit != "năm", "năm after a tens word must be lăm"
        return value + tens + UNITS[unit]
    return value + tens


def _parse(words: list[str]) -> int:
    if not words:
        return 0
    if words[0] == "âm":
        return -_parse(words[1:])
    if "tỷ" in words:
        k = len(words) - 1 - words[::-1].index("tỷ")
        return _parse(words[:k]) * 10**9 + _parse(words[k + 1 :])
    total = 0
    for scale, name in ((10**6, "triệu"), (10**3, "nghìn")):
        if name in words:
            k = words.index(name)
            total += _parse_triplet(words[:k]) * scale
            words = words[k + 1 :]
    return total + (_parse_triplet(words) if words else 0)


@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_so_thanh_chu_reads_back_to_the_number(n: int) -> None:
    words = so_thanh_chu(n)
    assert words == words.strip() and "  " not in words
    assert "mười không" not in words and "mươi không" not in words
    tokens = words.split()
    for i, token in enumerate(tokens):
        if token == "linh":  # "linh" only before a digit word
            assert i + 1 < len(tokens) and tokens[i + 1] in DIGITS
    if n != 0:
        assert "không" not in tokens[:1] and tokens[-1] != "không"
    if n == 0:
        assert words == "không"
    else:
        assert _parse(tokens) == n


@given(st.integers(min_value=0, max_value=10**15), st.integers(min_value=0, max_value=10**15))
def test_so_thanh_chu_is_injective(a: int, b: int) -> None:
    assert (so_thanh_chu(a) == so_thanh_chu(b)) == (a == b)


@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_so_round_trips_by_removing_dots(n: int) -> None:
    text = so(n)
    assert int(text.replace(".", "")) == n
    groups = text.lstrip("-").split(".")
    assert all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_phan_tram_is_close_to_the_ratio(a: int, b: int) -> None:
    text = phan_tram(a, b)
    assert re.fullmatch(r"\d{1,3}(\.\d{3})*,\d%", text)
    value = float(text[:-1].replace(".", "").replace(",", "."))
    assert abs(value - a * 100 / b) <= 0.05 + 1e-9
