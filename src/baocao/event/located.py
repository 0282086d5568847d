"""A parsed event file before validation: plain data plus where each value was written.

Both parsers (``yaml_source``, ``json_source``) produce a :class:`Located`: the data as
plain dicts, lists, strings and numbers, and for every path (a tuple of keys and list
indexes) the line and column of its value and of its key. :func:`check_strings` then looks
at every string for what no template can print: huge strings, control characters and text
typed in a legacy encoding.

>>> from baocao.i18n import set_language
>>> set_language("vi")  # the messages below are Vietnamese
>>> tree = Located({"a": ["x\\x01"]}, values={(): (1, 1), ("a",): (1, 4), ("a", 0): (1, 5)},
...                keys={("a",): (1, 1)})
>>> [str(p) for p in check_strings(tree, path="e.yaml")]
['e.yaml:1:5: a.0: ký tự điều khiển U+0001 không được phép trong văn bản; hãy xoá nó']
>>> tree.where(("a", 0, "b"))
(1, 5)
>>> set_language(None)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from baocao.errors import Problem
from baocao.event.limits import MAX_REPORTED, MAX_STRING, control_problem, find_control
from baocao.i18n import _

Path = tuple[str | int, ...]
Position = tuple[int, int]


class RawInt(int):
    """An integer that remembers how it was written (``05``)."""

    raw: str

    def __new__(cls, value: int, raw: str) -> RawInt:
        self = super().__new__(cls, value)
        self.raw = raw
        return self


class RawFloat(float):
    """A decimal number that remembers how it was written (``1.500``)."""

    raw: str

    def __new__(cls, value: float, raw: str) -> RawFloat:
        self = super().__new__(cls, value)
        self.raw = raw
        return self


@dataclass
class Located:
    """Parsed data and the (line, column) of each value and key, by path."""

    data: Any
    values: dict[Path, Position] = field(default_factory=dict)
    keys: dict[Path, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    #: (data, its strings, its keys, the strings joined): found once for the checks that
    #: look at every string, found again when ``data`` is replaced
    _strings_found: tuple[Any, list[str], list[Any], str] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def strings(self) -> tuple[list[str], list[Any], str]:
        """The string values of ``data``, its keys, and the values joined by spaces."""
        found = self._strings_found
        if found is None or found[0] is not self.data:
            texts, keys = strings_of(self.data)
            found = self._strings_found = (self.data, texts, keys, " ".join(texts))
        return found[1], found[2], found[3]

    def where(self, path: Path) -> Position | None:
        """The position of the value at ``path`` or of its nearest written ancestor."""
        for end in range(len(path), -1, -1):
            found = self.values.get(path[:end])
            if found is not None:
                return found
        return None

    def key_where(self, path: Path) -> Position | None:
        """The position of the key at ``path`` (falls back to its value's position)."""
        return self.keys.get(path) or self.where(path)


def dotted(path: Path) -> str | None:
    """``("su_kien", "ket_thuc")`` → ``su_kien.ket_thuc``; the root is None."""
    return ".".join(str(p) for p in path) or None


def _strings(value: Any, path: Path) -> Iterator[tuple[Path, str, bool]]:
    if isinstance(value, str):
        yield path, value, False
    elif isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key), key, True
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def strings_of(value: Any) -> tuple[list[str], list[Any]]:
    """The string values and the keys inside ``value``, in no particular order (a quick look
    before the walk with paths, which only a file with something to report needs)."""
    texts: list[str] = []
    keys: list[Any] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            texts.append(item)
        elif isinstance(item, dict):
            keys.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return texts, keys


def _nothing_to_check(tree: Located) -> bool:
    """True when no string of ``tree`` is too long, has a control character or could be
    legacy-encoded text: :func:`check_strings` would find nothing."""
    from baocao.vi.legacy import could_be_legacy

    # a space is neither a control character nor a legacy letter
    texts, keys, values = tree.strings()
    if not all(isinstance(k, str) for k in keys):
        return False
    if max(map(len, texts), default=0) > MAX_STRING or max(map(len, keys), default=0) > MAX_STRING:
        return False
    return (
        find_control(values) is None
        and find_control(" ".join(keys)) is None
        and not (could_be_legacy(values))
    )


def check_strings(tree: Located, *, path: str) -> list[Problem]:
    """Problems with the strings of ``tree``: too long, control characters, legacy encoding."""
    from baocao.vi import ma_cu

    if _nothing_to_check(tree):
        return []
    problems: list[Problem] = []
    legacy = 0
    for where, text, is_key in _strings(tree.data, ()):
        fine = is_key or legacy >= MAX_REPORTED or ma_cu(text) is None
        if fine and len(text) <= MAX_STRING and find_control(text) is None:
            continue  # the usual case: nothing to report, no position to look up
        line, column = (tree.key_where(where) if is_key else tree.where(where)) or (None, None)
        at = {"path": path, "line": line, "column": column, "field": dotted(where)}
        if len(text) > MAX_STRING:
            problems.append(
                Problem(
                    _("đoạn chữ quá dài ({n} ký tự); mỗi mục không được quá {limit} ký tự").format(
                        n=f"{len(text):,}".replace(",", "."),
                        limit=f"{MAX_STRING:,}".replace(",", "."),
                    ),
                    code="too-long",
                    **at,  # type: ignore[arg-type]
                )
            )
            continue
        char = find_control(text)
        if char is not None:
            problems.append(control_problem(char, **at))
            continue
        if is_key or legacy >= MAX_REPORTED:
            continue
        found = ma_cu(text)
        if found is not None:
            legacy += 1
            problems.append(
                Problem(
                    _(
                        "chữ có vẻ được gõ bằng bảng mã cũ {bang_ma} (`{doan}`); hãy chuyển sang "
                        "Unicode (Unikey: Công cụ chuyển mã, nguồn {bang_ma}, đích Unicode) "
                        "rồi chép lại"
                    ).format(bang_ma=found.bang_ma, doan=found.doan),
                    code="legacy-encoding",
                    **at,  # type: ignore[arg-type]
                )
            )
    return problems


# Invisible characters that change how text reads without showing: bidirectional controls
# (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C: "RLO" can show "gnaoh" as "hoang")
# and zero-width characters (U+200B–U+200D, U+2060, U+FEFF inside text). An official
# document has no use for them; they are removed, with a warning naming the field.
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def map_strings(value: Any, where: Path, change: Callable[[Path, str], str]) -> Any:
    """``value`` with every string value (not the keys) replaced by ``change(path, text)``;
    dicts and lists are rebuilt only where something changed."""
    if isinstance(value, str):
        return change(where, value)
    if isinstance(value, dict):
        items = {k: map_strings(v, (*where, k), change) for k, v in value.items()}
        return value if all(items[k] is value[k] for k in value) else items
    if isinstance(value, list):
        out = [map_strings(v, (*where, i), change) for i, v in enumerate(value)]
        return value if all(a is b for a, b in zip(out, value, strict=True)) else out
    return value


def strip_invisible(tree: Located, *, path: str) -> list[Problem]:
    """Remove bidi controls and zero-width characters from the strings of ``tree`` (in
    place); a warning for each field that had some."""
    found: list[Problem] = []
    if _INVISIBLE.search(tree.strings()[2]) is None:
        return found  # the usual case: nothing to remove

    def clean(where: Path, text: str) -> str:
        chars = _INVISIBLE.findall(text)
        if not chars:
            return text
        if len(found) < MAX_REPORTED:
            line, column = tree.where(where) or (None, None)
            names = ", ".join(dict.fromkeys(f"U+{ord(c):04X}" for c in chars))
            found.append(
                Problem(
                    _(
                        "đã xoá {so} ký tự vô hình ({ky_tu}): chúng đảo chiều hoặc giấu chữ "
                        "trong văn bản"
                    ).format(so=len(chars), ky_tu=names),
                    path=path,
                    line=line,
                    column=column,
                    field=dotted(where),
                    code="invisible-character",
                    severity="warning",
                )
            )
        return _INVISIBLE.sub("", text)

    tree.data = map_strings(tree.data, (), clean)
    return found
