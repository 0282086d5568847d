"""Generate the built-in Word templates (templates/docx/NAME.{nha_nuoc,dang}.docx + NAME.yaml).

    python tools/build_templates.py [OUT_DIR]

The .docx files are committed; run this script after changing a builder and commit the
result. The builders live in ``tools/docx_templates/`` (``parts.py`` for what every template
shares, one module per family); add a family by writing a module with ``TEMPLATES`` and
``SIDE_FILES`` and naming it in ``FAMILIES`` below.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx import Document
from docx_templates import closing, people, plan, press, report, speech
from docx_templates.parts import ROOT, fix_all_fonts, make_styles, page_setup

from baocao.template_context.layout import PROFILES

FAMILIES = [press, speech, report, people, plan, closing]
TEMPLATES = {name: f for m in FAMILIES for name, f in m.TEMPLATES.items()}
SIDE_FILES = {name: s for m in FAMILIES for name, s in m.SIDE_FILES.items()}


def build(name: str, the_thuc: str) -> bytes:
    p = PROFILES[the_thuc]
    doc = Document()
    make_styles(doc, p)
    page_setup(doc, p)
    TEMPLATES[name](doc, p)
    fix_all_fonts(doc)
    for rid, rel in list(doc.part.rels.items()):  # Word 2010 leftover with theme fonts
        if rel.reltype.endswith(("/stylesWithEffects", "/numbering")):  # unused
            doc.part.drop_rel(rid)
    props = doc.core_properties
    props.author = "baocao"
    props.title = f"{name} ({p.ten})"
    props.last_modified_by = "baocao"
    props.revision = 1
    props.created = props.modified = dt.datetime(2024, 1, 1)
    props.comments = ""
    buf = io.BytesIO()
    doc.save(buf)
    return _stable_zip(buf.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """Same bytes for the same input: fixed timestamps, fixed order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "templates" / "docx"
    out.mkdir(parents=True, exist_ok=True)
    for name in TEMPLATES:
        for the_thuc in PROFILES:
            (out / f"{name}.{the_thuc}.docx").write_bytes(build(name, the_thuc))
        (out / f"{name}.yaml").write_text(SIDE_FILES[name], encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
