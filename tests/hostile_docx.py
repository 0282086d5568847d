"""Helpers of the hostile-input tests: minimal .docx packages built in the test (never a
large file in the repository), and the ``baocao`` command run in a child process whose
exit code, output, time and peak memory (RSS of it and its children) are measured."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from conftest import MINIMAL_EVENT

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
HEADER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"


def paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def document(*texts: str, header: bool = False) -> str:
    sect = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/></w:sectPr>'
        if header
        else "<w:sectPr/>"
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>'
        + "".join(paragraph(t) for t in texts)
        + sect
        + "</w:body></w:document>"
    )


def header_xml(text: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:hdr xmlns:w="{W}" xmlns:r="{R}">{paragraph(text)}</w:hdr>'
    )


def document_rels(header: str = "header2.xml") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rIdH" Type="{HEADER_REL}" Target="{header}"/>'
        "</Relationships>"
    )


def parts(*texts: str, header: str | None = None) -> dict[str, str | bytes]:
    """The members of a small valid template; ``header`` adds word/header2.xml."""
    out: dict[str, str | bytes] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "word/document.xml": document(*texts, header=header is not None),
    }
    if header is not None:
        out["word/_rels/document.xml.rels"] = document_rels()
        out["word/header2.xml"] = header_xml(header)
    return out


def write_docx(path: Path, members: dict[str, str | bytes]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def set_method(path: Path, member: str, method: int | None = None, flags: int = 0) -> None:
    """Rewrite the compression method of ``member`` (and OR ``flags`` into its general
    purpose flags) in the zip at ``path``, in both headers."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    # (signature, name length at, name at, flags at, method at)
    for sig, n_at, name_at, flags_at, method_at in (
        (b"PK\x03\x04", 26, 30, 6, 8),
        (b"PK\x01\x02", 28, 46, 8, 10),
    ):
        at = 0
        while (at := data.find(sig, at)) >= 0:
            n = struct.unpack_from("<H", data, at + n_at)[0]
            if data[at + name_at : at + name_at + n] == name:
                if method is not None:
                    struct.pack_into("<H", data, at + method_at, method)
                old = struct.unpack_from("<H", data, at + flags_at)[0]
                struct.pack_into("<H", data, at + flags_at, old | flags)
            at += 4
    path.write_bytes(bytes(data))


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float
    peak_mb: float


_WRAPPER = """
import json, resource, subprocess, sys
p = subprocess.run(sys.argv[2:], capture_output=True, stdin=subprocess.DEVNULL)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
with open(sys.argv[1], "w") as f:
    json.dump({"code": p.returncode, "out": p.stdout.decode("utf-8", "replace"),
               "err": p.stderr.decode("utf-8", "replace"), "peak": peak}, f)
"""


def baocao(tmp: Path, *args: str, timeout: float = 120, env: dict[str, str] | None = None) -> Run:
    """``baocao ARGS`` in a child process: exit code, stdout, stderr, seconds, peak RSS (MB)
    of the command and every process it waited for."""
    report = tmp / f"run-{time.monotonic_ns()}.json"
    cmd = [sys.executable, "-c", "from baocao.cli import main; main()", *args]
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-c", _WRAPPER, str(report), *cmd],
        timeout=timeout,
        check=True,
        env={**os.environ, "LANG": "C.UTF-8", **(env or {})},
        cwd=tmp,
    )
    seconds = time.monotonic() - started
    got = json.loads(report.read_text())
    report.unlink()
    return Run(got["code"], got["out"], got["err"], seconds, got["peak"])


EVENT = MINIMAL_EVENT


def event_file(tmp: Path, text: str = EVENT, name: str = "su-kien.yaml") -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    """Files in ``folder`` (recursively) that a failed command must not leave: outputs and
    temporary files."""
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and (p.suffix in (".pdf", ".tmp") or p.name.endswith("-mau.docx"))
    )
