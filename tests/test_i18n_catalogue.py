"""Every message in the code has an English translation, and the compiled catalogue is fresh."""

from __future__ import annotations

import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from baocao import i18n
from conftest import ROOT

SRC = ROOT / "src" / "baocao"
LOCALE = SRC / "locale"
PO = LOCALE / "en" / "LC_MESSAGES" / "baocao.po"
MO = LOCALE / "en" / "LC_MESSAGES" / "baocao.mo"
POT = LOCALE / "baocao.pot"
UPDATE = (
    "update the catalogue: pybabel extract -F src/baocao/locale/babel.cfg --no-location "
    "--omit-header --sort-output -o src/baocao/locale/baocao.pot src/baocao && "
    "pybabel update -i src/baocao/locale/baocao.pot -d src/baocao/locale -D baocao -l en "
    "--no-location && (translate) && pybabel compile -d src/baocao/locale -D baocao -l en"
)


def messages_in_code() -> dict[str, str]:
    """msgid → 'file:line' of every message wrapped in _() or N_()."""
    found: dict[str, str] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
        str(SRC), method_map=[("**.py", "python")], keywords=DEFAULT_KEYWORDS
    ):
        if isinstance(message, str) and message:
            found.setdefault(message, f"{filename}:{line}")
    return found


def fields(text: str) -> set[str] | None:
    """The format fields of a message (None: it is not a format string, e.g. "`}`")."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return None
    return {f"{{{name}:{spec}}}" for _lit, name, spec, _conv in parsed if name}


@pytest.fixture(autouse=True)
def restore() -> Iterator[None]:
    yield
    i18n.set_language(None)


def test_the_code_has_messages() -> None:
    assert len(messages_in_code()) >= 80


def test_every_message_has_an_english_translation() -> None:
    with PO.open("rb") as handle:
        catalogue = read_po(handle)
    missing = []
    for message, where in messages_in_code().items():
        entry = catalogue.get(message)
        if entry is None or not entry.string or entry.fuzzy:
            missing.append(f"{where}: {message}")
        elif fields(entry.string) != fields(message):
            missing.append(f"{where}: placeholders differ: {message} → {entry.string}")
    assert not missing, UPDATE + "\n" + "\n".join(missing)


def test_template_lists_exactly_the_messages_in_the_code() -> None:
    with POT.open("rb") as handle:
        template = {m.id for m in read_po(handle) if m.id}
    assert template == set(messages_in_code()), UPDATE


def test_compiled_catalogue_matches_the_po_file() -> None:
    with PO.open("rb") as handle:
        po = {m.id: m.string for m in read_po(handle) if m.id and m.string and not m.fuzzy}
    with MO.open("rb") as handle:
        mo = {m.id: m.string for m in read_mo(handle) if m.id}
    assert mo == po, "the .mo is stale: pybabel compile -d src/baocao/locale -D baocao -l en"


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, "vi"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "vi_VN.UTF-8"}, "vi"),
        ({"LANG": "C.UTF-8"}, "vi"),
        ({"LC_ALL": "C", "LANG": "en_GB.UTF-8"}, "en"),
        ({"LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}, "vi"),
        ({"LANGUAGE": "en", "LANG": "vi_VN.UTF-8"}, "en"),
        ({"BAOCAO_LANG": "vi", "LANG": "en_US.UTF-8"}, "vi"),
        ({"BAOCAO_LANG": "en"}, "en"),
    ],
)
def test_language_from_the_environment(
    environment: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("BAOCAO_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    i18n.set_language(None)
    assert i18n.get_language() == expected


def test_set_language_wins_and_translates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    i18n.set_language("vi")
    assert i18n._("thiếu mục bắt buộc `{key}`").format(key="ten") == "thiếu mục bắt buộc `ten`"
    i18n.set_language("en")
    assert i18n._("thiếu mục bắt buộc `{key}`").format(key="ten") == (
        "the required key `ten` is missing"
    )
    with pytest.raises(ValueError, match="unknown language"):
        i18n.set_language("fr")


def test_the_package_ships_the_compiled_catalogue() -> None:
    """Also when baocao is installed from a wheel rather than this checkout."""
    installed = i18n.LOCALE_DIR / "en" / "LC_MESSAGES" / "baocao.mo"
    assert installed.read_bytes() == MO.read_bytes()
    assert Path(i18n.__file__).parent / "locale" == i18n.LOCALE_DIR
