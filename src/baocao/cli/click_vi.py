"""click's own words (``Usage:``, ``Error: Missing option``, ``Try 'baocao render --help'``…)
in the user's language.

click looks its messages up with :func:`gettext.gettext` (domain ``messages``). :func:`install`
points the ``_``/``ngettext`` of click's modules at :func:`gettext_` and :func:`ngettext_`,
which answer in Vietnamese from :data:`CLICK_VI` and leave the English as it is under
``--lang en``. The language is asked at each call, so a message made after ``--lang`` is read
is in that language.

>>> from baocao.i18n import set_language
>>> set_language("vi"); gettext_("Usage:")
'Cách dùng:'
>>> set_language("en"); gettext_("Usage:")
'Usage:'
>>> set_language(None)
"""

from __future__ import annotations

import importlib

__all__ = ["CLICK_VI", "gettext_", "install", "ngettext_"]

# click's English message → Vietnamese. Placeholders are click's own.
CLICK_VI: dict[str, str] = {
    "Aborted!": "Đã dừng!",
    "deprecated": "không còn dùng",
    "Options": "Tuỳ chọn",
    "Positional arguments": "Đối số",
    "Got unexpected extra argument ({args})": "Thừa đối số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các đối số ({args})",
    "Commands": "Lệnh",
    "Missing command.": "Thiếu lệnh.",
    "Value must be an iterable.": "Giá trị phải là một danh sách.",
    "Takes {nargs} values but 1 was given.": "Cần {nargs} giá trị nhưng chỉ có 1.",
    "Takes {nargs} values but {len} were given.": "Cần {nargs} giá trị nhưng có {len}.",
    "env var: {var}": "biến môi trường: {var}",
    "default: {default}": "mặc định: {default}",
    "(dynamic)": "(tuỳ lúc)",
    "required": "bắt buộc",
    "Show the version and exit.": "In phiên bản rồi thoát.",
    "Show this message and exit.": "In hướng dẫn này rồi thoát.",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là một trong: {possibilities}?)",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Gõ '{command} {option}' để xem hướng dẫn.",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tuỳ chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "argument": "đối số",
    "option": "tuỳ chọn",
    "parameter": "tham số",
    "No such option {name!r}.": "Không có tuỳ chọn {name!r}.",
    "No such option: {name}": "Không có tuỳ chọn: {name}",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "unknown error": "lỗi không rõ",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "Usage:": "Cách dùng:",
    "[OPTIONS]": "[TUỲ CHỌN]",
    "COMMAND [ARGS]...": "LỆNH [ĐỐI SỐ]...",
    "Invalid start character for option ({option})": "Tuỳ chọn bắt đầu sai ký tự ({option})",
    "Argument {name!r} takes {nargs} values.": "Đối số {name!r} cần {nargs} giá trị.",
    "Option {name!r} does not take a value.": "Tuỳ chọn {name!r} không nhận giá trị.",
    "Option {name!r} requires an argument.": "Tuỳ chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tuỳ chọn {name!r} cần {nargs} giá trị.",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "{value!r} is not {choice}.": "{value!r} không phải {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không phải một trong {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải {number_type} hợp lệ.",
    "{value} is not in the range {range}.": "{value} không nằm trong khoảng {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} không phải giá trị đúng/sai. Chấp nhận: {states}"
    ),
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không có.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} không ghi được.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} không chạy được.",
    "Shell completion is not supported for Bash versions older than 4.4.": (
        "Bash cũ hơn 4.4 không hỗ trợ gợi ý lệnh."
    ),
    "Couldn't detect Bash version, shell completion is not supported.": (
        "Không xác định được phiên bản Bash; không hỗ trợ gợi ý lệnh."
    ),
}

_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.types",
    "click.shell_completion",
)


def _vietnamese() -> bool:
    from baocao.i18n import get_language

    return get_language() == "vi"


def gettext_(message: str) -> str:
    """click's ``_``: Vietnamese from :data:`CLICK_VI`, or ``message`` unchanged."""
    return CLICK_VI.get(message, message) if _vietnamese() else message


def ngettext_(singular: str, plural: str, n: int) -> str:
    """click's ``ngettext``."""
    return gettext_(singular if n == 1 else plural)


def install() -> None:
    """Point click's modules at :func:`gettext_` and :func:`ngettext_` (idempotent)."""
    for name in _MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = gettext_  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext_  # type: ignore[attr-defined]
