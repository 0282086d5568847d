"""Messages in the user's language: Vietnamese (the source text) or English.

Every message a user sees is written in Vietnamese in the code and wrapped in :func:`_`.
The English catalogue is a gettext catalogue managed with Babel (see
``docs/event-format.md``, section "Thông báo lỗi bằng tiếng Anh"):
``src/baocao/locale/baocao.pot`` (extracted), ``src/baocao/locale/en/LC_MESSAGES/baocao.po``
(translated) and the compiled ``baocao.mo`` next to it, which is what runs. Reading the ``.mo``
needs only the standard library, so translating a message never imports Babel.

The language is, in order: the last :func:`set_language` call; ``BAOCAO_LANG``; the first of
``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set (``C``/``POSIX`` count as unset) —
English when it starts with ``en``; otherwise Vietnamese.

>>> set_language("vi")
>>> _("tệp trống")
'tệp trống'
>>> set_language("en")
>>> _("tệp trống")
'the file is empty'
>>> _("một câu chưa có trong danh mục")
'một câu chưa có trong danh mục'
>>> set_language(None)
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path
from typing import Literal

Language = Literal["vi", "en"]
LANGUAGES: tuple[Language, ...] = ("vi", "en")
DOMAIN = "baocao"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_chosen: Language | None = None


def _from_environment() -> Language:
    explicit = os.environ.get("BAOCAO_LANG", "").strip().lower()
    if explicit:
        return "en" if explicit.startswith("en") else "vi"
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").strip()
        if not value or value.split(".")[0].upper() in {"C", "POSIX"}:
            continue
        return "en" if value.lower().startswith("en") else "vi"
    return "vi"


def set_language(lang: str | None) -> None:
    """Choose the language of messages: ``"vi"``, ``"en"``, or ``None`` to follow the
    environment again. Anything else is a ``ValueError``."""
    global _chosen
    if lang is None:
        _chosen = None
        return
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    _chosen = lang


def get_language() -> Language:
    """The language messages are shown in now."""
    return _chosen or _from_environment()


@cache
def translations(lang: Language) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (Vietnamese is the source: no catalogue)."""
    if lang == "vi":
        return gettext.NullTranslations()
    mo = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with mo.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def _(message: str) -> str:
    """Translate ``message`` (Vietnamese) into the current language.

    Format placeholders after translating: ``_("thiếu mục `{key}`").format(key=...)``.
    """
    lang = get_language()
    if lang == "vi":
        return message
    return translations(lang).gettext(message)


def N_(message: str) -> str:
    """Mark a message for extraction without translating it yet (translate it with ``_``
    where it is shown)."""
    return message
