"""Finding LibreOffice: ``$BAOCAO_SOFFICE``, ``soffice`` / ``libreoffice`` on ``PATH``, the
usual install folders of macOS and Windows; when there is none, the command that installs it
on this system (apt, dnf, brew, winget or the download page)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from baocao.errors import ExportError, Problem

__all__ = ["APT_HINT", "ENV_VAR", "find_soffice", "install_command"]

APT_HINT = "apt-get install libreoffice-writer-nogui fonts-liberation2"
ENV_VAR = "BAOCAO_SOFFICE"


DNF_HINT = "dnf install libreoffice-writer liberation-fonts"
BREW_HINT = "brew install --cask libreoffice"
WINDOWS_HINT = "winget install TheDocumentFoundation.LibreOffice"
DOWNLOAD_URL = "https://www.libreoffice.org/download/"


def _os_release() -> dict[str, str]:
    try:
        text = Path("/etc/os-release").read_text(encoding="utf-8")
    except OSError:
        return {}
    pairs = (line.partition("=") for line in text.splitlines() if "=" in line)
    return {k: v.strip().strip('"') for k, _eq, v in pairs}


def install_command(platform: str | None = None, os_release: dict[str, str] | None = None) -> str:
    """The command that installs LibreOffice here: apt (Debian, Ubuntu), dnf (Fedora, RHEL),
    brew (macOS), winget or the installer (Windows).

    >>> install_command("linux", {"ID": "ubuntu", "ID_LIKE": "debian"})
    'sudo apt-get install libreoffice-writer-nogui fonts-liberation2'
    >>> install_command("linux", {"ID": "fedora"})
    'sudo dnf install libreoffice-writer liberation-fonts'
    >>> install_command("darwin")
    'brew install --cask libreoffice'
    """

    platform = platform or sys.platform
    if platform == "darwin":
        return BREW_HINT
    if platform.startswith(("win", "cygwin")):
        return f"{WINDOWS_HINT} ({DOWNLOAD_URL})"
    release = _os_release() if os_release is None else os_release
    family = f"{release.get('ID', '')} {release.get('ID_LIKE', '')}".lower().split()
    if any(x in family for x in ("fedora", "rhel", "centos", "rocky", "almalinux")):
        return f"sudo {DNF_HINT}"
    if any(x in family for x in ("debian", "ubuntu")) or not family:
        return f"sudo {APT_HINT}"
    return DOWNLOAD_URL


def find_soffice() -> str:
    """The LibreOffice executable: ``$BAOCAO_SOFFICE`` (a path or a command name), else
    ``soffice`` or ``libreoffice`` on ``PATH`` (and the usual install folders of macOS and
    Windows); :class:`ExportError` (with the command that installs it on this system and the
    variable that points at it) when there is none, or when ``$BAOCAO_SOFFICE`` names
    nothing runnable."""
    from baocao.i18n import _

    lenh = install_command()
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured:
        exe = shutil.which(configured)
        if exe is None:
            message = _(
                "{bien}={duong_dan}: không chạy được LibreOffice ở đây; sửa biến này hoặc cài "
                "LibreOffice bằng: {lenh}"
            ).format(bien=ENV_VAR, duong_dan=configured, lenh=lenh)
            raise ExportError([Problem(message, code="no-libreoffice")])
        return exe
    exe = shutil.which("soffice") or shutil.which("libreoffice") or _installed()
    if not exe:
        message = _(
            "không tìm thấy LibreOffice (soffice) để xuất PDF; cài bằng: {lenh}; hoặc đặt biến "
            "{bien} là đường dẫn tới soffice"
        ).format(lenh=lenh, bien=ENV_VAR)
        raise ExportError([Problem(message, code="no-libreoffice")])
    return exe


def _installed() -> str | None:
    """soffice where the macOS and Windows installers put it (not on PATH there)."""
    candidates = [
        Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
        *(
            Path(os.environ[var]) / "LibreOffice" / "program" / "soffice.exe"
            for var in ("PROGRAMFILES", "PROGRAMFILES(X86)")
            if os.environ.get(var)
        ),
    ]
    return next((str(c) for c in candidates if c.is_file()), None)
