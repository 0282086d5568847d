"""make_env: the one Jinja environment — sandboxed, strict, autoescaping, with the filter table."""

from __future__ import annotations

import datetime as dt

import pytest
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from baocao.rendering.engine import make_env
from baocao.rendering.filters import FILTERS


def render(source: str, **ctx: object) -> str:
    return make_env().from_string(source).render(**ctx)


def test_is_a_sandbox_with_strict_undefined_and_autoescape() -> None:
    env = make_env()
    assert isinstance(env, SandboxedEnvironment)
    assert env.autoescape is True


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ x.__init__.__globals__ }}",
        "{{ f.__code__ }}",
    ],
)
def test_sandbox_refuses_python_internals(source: str) -> None:
    with pytest.raises(SecurityError):
        render(source, x=object(), f=make_env)


def test_undefined_variable_is_an_error_naming_it() -> None:
    with pytest.raises(UndefinedError, match="'su_kien' is undefined"):
        render("Số: {{ su_kien.ten }}")
    with pytest.raises(UndefinedError, match="has no attribute 'dia_diem'"):
        render("{{ su_kien.dia_diem }}", su_kien={"ten": "x"})


def test_autoescape_keeps_special_characters_as_xml_entities() -> None:
    assert render("<w:t>{{ v }}</w:t>", v='A & B <C> "D"') == (
        "<w:t>A &amp; B &lt;C&gt; &#34;D&#34;</w:t>"
    )


def test_every_filter_of_the_table_is_registered() -> None:
    env = make_env()
    for name, func in FILTERS.items():
        # bang_chu, so_thanh_chu: wrapped to default to the event's cach_doc_so
        assert getattr(env.filters[name], "__wrapped__", env.filters[name]) is func
    assert render("{{ d|ngay_thang }}", d=dt.date(2024, 11, 1)) == "ngày 01 tháng 11 năm 2024"
    assert render("{{ n|so }}", n=1234567) == "1.234.567"


def test_characters_xml_cannot_hold_are_dropped_and_line_breaks_unified() -> None:
    assert render("{{ v }}", v="a\x01b\x1fc\x0bd") == "abcd"
    assert render("{{ v }}", v="một\r\nhai\rba") == "một\nhai\nba"
    # docxtpl's paragraph and page break markers pass through
    assert render("{{ v }}", v="a\ab\fc\td") == "a\ab\fc\td"
