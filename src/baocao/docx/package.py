"""The .docx zip layer of the engine: read a template package once, write rendered ones fast.

A template is read into a :class:`Package` (member names in their order, their bytes, and
where the main document, headers, footers and notes are). Rendering writes a new zip with
:class:`ZipBuilder`: members keep the template's order, every timestamp is 1980-01-01 00:00,
every member is deflated at one fixed level, and members that do not change between renders
are compressed once and copied as bytes. The same input therefore gives the same bytes.

>>> b = ZipBuilder()
>>> b.add_static("a.txt", b"hello")
>>> data = b.build({})
>>> import io, zipfile
>>> z = zipfile.ZipFile(io.BytesIO(data))
>>> z.read("a.txt"), z.getinfo("a.txt").date_time
(b'hello', (1980, 1, 1, 0, 0, 0))
>>> data == b.build({})
True
"""

from __future__ import annotations

import datetime as dt
import posixpath
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from baocao.errors import TemplateError

#: The WordprocessingML namespace (``w:``): the one definition, imported wherever XML is read.
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
CORE_PROPS_REL = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)
HEADER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
FOOTER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
ENDNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"
CORE_CT = "application/vnd.openxmlformats-package.core-properties+xml"

_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_DOS_TIME = 0
_LEVEL = 6
_UTF8_FLAG = 0x800


@dataclass(frozen=True)
class DocProps:
    """Core properties written to ``docProps/core.xml`` — never "python-docx", never now().

    ``created`` is also the modification time, so the file is the same on every run.
    """

    title: str = ""
    subject: str = ""
    author: str = ""
    created: dt.datetime | None = None


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities, as ``xml.sax.saxutils.escape`` does (whose
    import loads ``urllib.request``, ~10 ms of every run).

    >>> escape("A & B <C> 'D'")
    "A &amp; B &lt;C&gt; 'D'"
    """
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def core_xml(props: DocProps) -> bytes:
    """The ``docProps/core.xml`` part for ``props``.

    >>> x = core_xml(DocProps("A & B", "", "Ban Dân vận", dt.datetime(2024, 11, 1)))
    >>> b"<dc:title>A &amp; B</dc:title>" in x, b"2024-11-01T00:00:00Z" in x
    (True, True)
    """
    parts = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    ]
    if props.title:
        parts.append(f"<dc:title>{escape(props.title)}</dc:title>")
    if props.subject:
        parts.append(f"<dc:subject>{escape(props.subject)}</dc:subject>")
    if props.author:
        parts.append(f"<dc:creator>{escape(props.author)}</dc:creator>")
        parts.append(f"<cp:lastModifiedBy>{escape(props.author)}</cp:lastModifiedBy>")
    parts.append("<cp:revision>1</cp:revision>")
    if props.created is not None:
        stamp = props.created.replace(tzinfo=None, microsecond=0).isoformat() + "Z"
        parts.append(f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>')
        parts.append(f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>')
    parts.append("</cp:coreProperties>")
    return "".join(parts).encode("utf-8")


@dataclass
class Package:
    """A .docx read once: members in order, and the parts the engine renders."""

    path: Path
    names: list[str]
    blobs: dict[str, bytes]
    content_types: dict[str, str]
    document: str
    headers: list[str] = field(default_factory=list)
    footers: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    core: str | None = None


def _rels_name(partname: str) -> str:
    folder, base = posixpath.split(partname)
    return posixpath.join(folder, "_rels", base + ".rels")


def _relationships(
    blobs: dict[str, bytes], partname: str, path: Path | None = None
) -> list[tuple[str, str, str]]:
    """``(type, target partname, mode)`` of each relationship of ``partname`` ("" = package)."""
    from baocao.docx.safe_xml import parse_part

    rels = _rels_name(partname) if partname else "_rels/.rels"
    if rels not in blobs:
        return []
    root = parse_part(blobs[rels], rels, path)
    base = posixpath.dirname(partname)
    out = []
    for rel in root.iter(f"{{{REL_NS}}}Relationship"):
        target = rel.get("Target", "")
        mode = rel.get("TargetMode", "Internal")
        if mode == "Internal":
            target = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(base, target))
            )
        out.append((rel.get("Type", ""), target, mode))
    return out


def _content_types(blob: bytes, names: list[str], path: Path | None = None) -> dict[str, str]:
    from baocao.docx.safe_xml import parse_part

    root = parse_part(blob, "[Content_Types].xml", path)
    defaults = {
        el.get("Extension", "").lower(): el.get("ContentType", "")
        for el in root.iter(f"{{{CT_NS}}}Default")
    }
    overrides = {
        el.get("PartName", "").lstrip("/"): el.get("ContentType", "")
        for el in root.iter(f"{{{CT_NS}}}Override")
    }
    out = {}
    for name in names:
        ext = name.rsplit(".", 1)[-1].lower()
        out[name] = overrides.get(name) or defaults.get(ext, "")
    return out


def read_package(path: Path) -> Package:
    """Read every member of the .docx at ``path`` and find the parts that take tags.

    The zip directory is checked first (:mod:`baocao.docx.zip_limits`: sizes, ratio, count,
    names, encryption, compression), then every XML part the engine looks at is parsed
    with the hardened parser (:mod:`baocao.docx.safe_xml`); any failure is a
    :class:`TemplateError` naming the member."""
    from baocao.docx.zip_limits import check_directory, check_tag_part, read_member
    from baocao.i18n import _

    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            check_directory(infos, path)
            files = [i for i in infos if not i.is_dir()]
            names = [i.filename for i in files]
            blobs = {i.filename: read_member(z, i, path) for i in files}
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as exc:
        raise TemplateError(
            _("không đọc được mẫu {path}: {err}").format(path=path, err=exc)
        ) from exc
    if "[Content_Types].xml" not in blobs:
        raise TemplateError(_("{path} không phải tệp Word .docx").format(path=path))
    types = _content_types(blobs["[Content_Types].xml"], names, path)
    package_rels = _relationships(blobs, "", path)
    docs = [t for kind, t, _m in package_rels if kind == OFFICE_DOCUMENT and t in blobs]
    if not docs:
        raise TemplateError(_("{path} không phải tệp Word .docx").format(path=path))
    document = docs[0]
    doc_rels = _relationships(blobs, document, path)
    headers = [t for kind, t, m in doc_rels if kind == HEADER_REL and blobs.get(t)]
    footers = [t for kind, t, m in doc_rels if kind == FOOTER_REL and blobs.get(t)]
    notes = [n for n in names if types.get(n) in (FOOTNOTES_CT, ENDNOTES_CT)]
    for name in dict.fromkeys([document, *headers, *footers, *notes]):
        check_tag_part(blobs[name], name, path)
    cores = [t for kind, t, _m in package_rels if kind == CORE_PROPS_REL and t in blobs]
    return Package(
        path=path,
        names=names,
        blobs=blobs,
        content_types=types,
        document=document,
        headers=headers,
        footers=footers,
        notes=notes,
        core=cores[0] if cores else None,
    )


def add_core_part(package: Package) -> str:
    """Give a package without ``docProps/core.xml`` one (content type and relationship)."""
    name = "docProps/core.xml"
    ct = package.blobs["[Content_Types].xml"].decode("utf-8")
    if f'PartName="/{name}"' not in ct:
        ct = ct.replace(
            "</Types>",
            f'<Override PartName="/{name}" ContentType="{CORE_CT}"/></Types>',
        )
        package.blobs["[Content_Types].xml"] = ct.encode("utf-8")
    rels = package.blobs.get("_rels/.rels")
    if rels is None:
        rels_text = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{REL_NS}"></Relationships>'
        )
        package.names.append("_rels/.rels")
    else:
        rels_text = rels.decode("utf-8")
    rels_text = rels_text.replace(
        "</Relationships>",
        f'<Relationship Id="rIdBaocaoCore" Type="{CORE_PROPS_REL}" Target="{name}"/>'
        "</Relationships>",
    )
    package.blobs["_rels/.rels"] = rels_text.encode("utf-8")
    package.names.append(name)
    package.blobs[name] = b""
    package.core = name
    return name


def _deflate(data: bytes) -> bytes:
    c = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


@dataclass(frozen=True)
class _Entry:
    name: bytes
    flags: int
    crc: int
    size: int
    compressed: bytes


def _entry(name: str, data: bytes) -> _Entry:
    encoded = name.encode("utf-8")
    flags = 0 if name.isascii() else _UTF8_FLAG
    return _Entry(encoded, flags, zlib.crc32(data), len(data), _deflate(data))


class ZipBuilder:
    """A zip writer for a fixed list of members, some of them supplied at build time."""

    def __init__(self) -> None:
        self._order: list[str] = []
        self._static: dict[str, _Entry] = {}

    def add_static(self, name: str, data: bytes) -> None:
        """A member whose bytes are the same in every build (compressed once, now)."""
        self._order.append(name)
        self._static[name] = _entry(name, data)

    def add_dynamic(self, name: str) -> None:
        """A member whose bytes are given to :meth:`build`."""
        self._order.append(name)

    def static_entry(self, name: str, data: bytes) -> _Entry:
        """A compressed entry to pass to :meth:`build` in place of raw bytes."""
        return _entry(name, data)

    def build(self, dynamic: dict[str, bytes | _Entry]) -> bytes:
        """The zip bytes, with ``dynamic`` giving the bytes of each dynamic member."""
        out: list[bytes] = []
        central: list[bytes] = []
        offset = 0
        for name in self._order:
            entry = self._static.get(name)
            if entry is None:
                value = dynamic[name]
                entry = value if isinstance(value, _Entry) else _entry(name, value)
            local = struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                20,
                entry.flags,
                zipfile.ZIP_DEFLATED,
                _DOS_TIME,
                _DOS_DATE,
                entry.crc,
                len(entry.compressed),
                entry.size,
                len(entry.name),
                0,
            )
            out += (local, entry.name, entry.compressed)
            central.append(
                struct.pack(
                    "<IHHHHHHIIIHHHHHII",
                    0x02014B50,
                    20,
                    20,
                    entry.flags,
                    zipfile.ZIP_DEFLATED,
                    _DOS_TIME,
                    _DOS_DATE,
                    entry.crc,
                    len(entry.compressed),
                    entry.size,
                    len(entry.name),
                    0,
                    0,
                    0,
                    0,
                    0,
                    offset,
                )
                + entry.name
            )
            offset += len(local) + len(entry.name) + len(entry.compressed)
        directory = b"".join(central)
        end = struct.pack(
            "<IHHHHIIH",
            0x06054B50,
            0,
            0,
            len(central),
            len(central),
            len(directory),
            offset,
            0,
        )
        return b"".join(out) + directory + end
