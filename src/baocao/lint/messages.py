"""The words of ``baocao check``: Jinja syntax errors, misspelt names and run-time errors
turned into messages a template author understands (Vietnamese, English through gettext)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from baocao.docx.locations import (
    jinja_text,
    prefix_of,
)
from baocao.errors import BaocaoError
from baocao.i18n import _
from baocao.suggest import did_you_mean


def one_of(names: Sequence[str]) -> str:
    """``a``, ``a hoặc b``, ``a, b hoặc c``."""
    if len(names) == 1:
        return names[0]
    return _("{cac} hoặc {cuoi}").format(cac=", ".join(names[:-1]), cuoi=names[-1])


def name_issue_message(issue: Any) -> str:
    if issue.code == "list-attribute":
        return _(
            "biến không có: {ten} — {goc} là một danh sách, hãy lặp qua nó bằng "
            "{{% for x in {goc} %}} rồi dùng x.{khoa}"
        ).format(ten=issue.name, goc=issue.suggestion, khoa=issue.name.rsplit(".", 1)[-1])
    if issue.code == "unknown-argument":
        msg = _("bộ lọc {loc} không có tham số {ten}").format(loc=issue.owner, ten=issue.name)
        if issue.suggestion:
            msg += " — " + _("có phải {goi_y}?").format(goi_y=issue.suggestion)
        if issue.known:
            msg += " " + _("(các tham số: {cac})").format(cac=", ".join(issue.known))
        return msg
    if issue.code == "unknown-filter":
        msg = _("bộ lọc không có: {ten}").format(ten=issue.name)
    elif issue.code == "unknown-test":
        msg = _("phép thử không có: {ten}").format(ten=issue.name)
    else:
        msg = _("biến không có: {ten}").format(ten=issue.name)
    if issue.code == "unknown-variable" and issue.loop_of == "":
        return msg + " — " + _("loop chỉ có bên trong vòng lặp {% for … %}")
    if issue.code == "unknown-variable" and issue.loop_of:
        return (
            msg
            + " — "
            + _("{ten} chỉ có bên trong vòng lặp, ví dụ {{% for {ten} in {ds} %}}").format(
                ten=issue.name, ds=issue.loop_of
            )
        )
    if issue.code == "unknown-variable" and len(issue.known) > 1:
        return msg + " — " + _("có phải {goi_y}?").format(goi_y=one_of(issue.known))
    if issue.suggestion:
        msg += " — " + _("có phải {goi_y}?").format(goi_y=issue.suggestion)
    if issue.code == "unknown-filter":
        msg += " " + _("(các bộ lọc có: {cac})").format(cac=", ".join(issue.known))
    elif issue.code == "unknown-attribute" and issue.known and not issue.suggestion:
        msg += " " + _("(các khóa có: {cac})").format(cac=", ".join(issue.known))
    return msg


# --- Jinja's syntax errors, said in Vietnamese ---------------------------------------------

TAG_NAMES = [
    *("for", "endfor", "if", "elif", "else", "endif", "set", "endset", "macro", "endmacro"),
    *("call", "endcall", "filter", "endfilter", "with", "endwith", "raw", "endraw"),
]
_TOKENS = {
    "end of print statement": "}}",
    "end of statement block": "%}",
    "begin of print statement": "{{",
    "end of comment": "#}",
}
UNKNOWN_TAG = re.compile(r"Encountered unknown tag '(\w+)'")
LOOKING = re.compile(r"looking for the following tags: (.*?)\.")
_EXPECTED = re.compile(r"expected token '(.+?)', got '(.+?)'")
_CHAR = re.compile(r"unexpected char (['\"])(.+?)\1 at \d+")
_UNEXPECTED = re.compile(r"^unexpected '(.+?)'$")


def _token(name: str) -> str:
    if name == "end of template":
        return _("cuối mẫu")
    return _TOKENS.get(name, name)


def syntax_message(message: str) -> str:
    """Jinja's syntax error ``message`` in words a template author understands.

    >>> syntax_message("Encountered unknown tag 'endfi'. Jinja was looking for the following "
    ...                "tags: 'elif' or 'else' or 'endif'.")
    'không có thẻ «endfi» — có phải endif?'
    >>> syntax_message("expected token 'end of print statement', got 'diem'")
    'cần «}}» nhưng gặp «diem» (tên biến không có dấu cách)'
    """
    m = UNKNOWN_TAG.search(message)
    if m:
        return unknown_tag(m.group(1), message)
    m = _EXPECTED.search(message)
    if m:
        want, got = _token(m.group(1)), _token(m.group(2))
        if m.group(1) == "name":
            return _("thiếu tên (biến hoặc bộ lọc) trước «{gap}»").format(gap=got)
        text = _("cần «{can}» nhưng gặp «{gap}»").format(can=want, gap=got)
        if want in ("}}", "%}") and re.fullmatch(r"\w+", got):
            text += " " + _("(tên biến không có dấu cách)")
        elif got == "=":
            text += " " + _("(so sánh bằng dùng «==»)")
        return text
    if message.startswith("Expected an expression"):
        return _("thiếu tên biến hoặc giá trị")
    m = _CHAR.search(message)
    if m:
        if m.group(2) in "'\"":
            return _("dấu nháy «{dau}» chưa được đóng").format(dau=m.group(2))
        return _("ký tự «{ky_tu}» không dùng được trong thẻ").format(ky_tu=m.group(2))
    m = _UNEXPECTED.match(message)
    if m:
        return _("thừa «{ky_tu}»").format(ky_tu=_token(m.group(1)))
    return message


def unknown_tag(name: str, message: str) -> str:
    for prefix in ("tr", "tc", "p"):
        if name == prefix:
            return _("viết liền «{{%{tt}», không có dấu cách giữa «{{%» và «{tt}»").format(
                tt=prefix
            )
        if name.startswith(prefix) and name[len(prefix) :] in TAG_NAMES:
            return _("thiếu dấu cách sau «{{%{tt}»: hãy viết {{%{tt} {the} …").format(
                tt=prefix, the=name[len(prefix) :]
            )
    looking = LOOKING.search(message)
    wanted = re.findall(r"'(\w+)'", looking.group(1)) if looking else []
    if not wanted and name.startswith("end") and name[3:] in TAG_NAMES:
        return _(
            "thẻ này đóng một khối «{khoi}» chưa được mở (thiếu thẻ {{% {khoi} … %}} ở trước, "
            "hoặc thừa thẻ này)"
        ).format(khoi=name[3:])
    if not wanted and name in ("else", "elif"):
        return _("thẻ «{ten}» chỉ dùng được giữa {{% if … %}} và {{% endif %}}").format(ten=name)
    text = _("không có thẻ «{ten}»").format(ten=name)
    hint = did_you_mean(name, wanted) or did_you_mean(name, TAG_NAMES)
    if hint:
        return text + " — " + _("có phải {goi_y}?").format(goi_y=hint)
    if wanted:
        return text + " — " + _("ở đây cần {cac}").format(cac=one_of(wanted))
    return text


_NO_ATTRIBUTE = re.compile(r"^'None' has no attribute '(\w+)'$")
_NO_KEY = re.compile(r"^'?dict object'? has no attribute '(\w+)'$")
_NO_ITEM = re.compile(r"^'?list object'? has no element (\d+)$")
_NOT_ITERABLE = re.compile(r"^'(\w+)' object is not iterable$")
_FOR = re.compile(r"^\{%-?\s*for\s+.+?\s+in\s+(.+?)(?:\s+if\s.*|\s+recursive)?\s*-?%\}$")


def runtime_message(exc: Exception, tag: str) -> str:
    """Why the tag ``tag`` failed with this event, and what to write instead."""
    text = jinja_text(tag)
    message = str(getattr(exc, "message", None) or exc)
    prefix = prefix_of(tag) if tag.startswith("{%") else None
    mark = f"{{%{prefix}" if prefix in ("p", "tr", "tc") else "{%"
    m = _NO_ATTRIBUTE.match(message)
    if m:
        base = re.search(r"([A-Za-z_][\w.]*)\." + re.escape(m.group(1)) + r"\b", text)
        if base:
            goc = base.group(1)
            return _(
                "{goc} trống (không có giá trị) với tệp sự kiện này nên không có {ten}: "
                "hãy đặt thẻ trong {mo} if {goc} %}}…{mo} endif %}}"
            ).format(goc=goc, ten=f"{goc}.{m.group(1)}", mo=mark)
    m = _NO_KEY.match(message)
    if m:
        found = re.search(r"([A-Za-z_][\w.]*\." + re.escape(m.group(1)) + r")\b", text)
        if found:
            return _("không có {ten} với tệp sự kiện này").format(ten=found.group(1))
    m = _NO_ITEM.match(message)
    if m:
        found = re.search(r"([A-Za-z_][\w.]*)\[" + m.group(1) + r"\]", text)
        if found:
            goc = found.group(1)
            return _(
                "{goc} rỗng với tệp sự kiện này nên không có {ten}: hãy đặt thẻ trong "
                "{mo} if {goc} %}}…{mo} endif %}}"
            ).format(goc=goc, ten=f"{goc}[{m.group(1)}]", mo=mark)
    m = _NOT_ITERABLE.match(message)
    loop = _FOR.match(text)
    if m and loop:
        goc = loop.group(1).strip()
        if m.group(1) == "NoneType":
            return _(
                "{goc} trống (không có giá trị) với tệp sự kiện này nên không lặp được: "
                "hãy đặt vòng lặp trong {mo} if {goc} %}}…{mo} endif %}}"
            ).format(goc=goc, mo=mark)
        return _("{goc} không phải danh sách nên không lặp qua được").format(goc=goc)
    if isinstance(exc, BaocaoError):
        return "; ".join(p.message for p in exc.problems)
    from jinja2 import TemplateError as JinjaError

    loi = message if isinstance(exc, JinjaError) else f"{type(exc).__name__}: {message}"
    return _("lỗi khi điền mẫu: {loi}").format(loi=loi)
