"""With English chosen, every message of the invalid corpus is English (the values quoted
from the file excepted)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from baocao import i18n
from baocao.errors import DataError
from baocao.event.loading import load_event
from conftest import FIXTURES

INVALID = FIXTURES / "events" / "invalid"
CASES = sorted(p for p in INVALID.iterdir() if p.suffix != ".expected")
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language(None)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_messages_are_english(case: object) -> None:
    with pytest.raises(DataError) as caught:
        load_event(case)  # type: ignore[arg-type]
    for problem in caught.value.problems:
        unquoted = re.sub(r"`[^`]*`", "", problem.message)
        assert not VIETNAMESE.search(unquoted.lower()), problem.message


def test_same_problems_in_both_languages() -> None:
    for case in CASES:
        with pytest.raises(DataError) as english:
            load_event(case)
        i18n.set_language("vi")
        with pytest.raises(DataError) as vietnamese:
            load_event(case)
        i18n.set_language("en")
        where = [(p.line, p.column, p.field, p.code) for p in english.value.problems]
        assert where == [(p.line, p.column, p.field, p.code) for p in vietnamese.value.problems]
