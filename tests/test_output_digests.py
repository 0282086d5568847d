"""Same input, same document: every example × built-in template × format renders to the
parts recorded in ``tests/fixtures/output-digests.json``.

This is the guard of speed work (issue 11): an optimisation may change how a document is
made, never what is in it. The digest is over the uncompressed zip members (names and
bytes), so a different zlib does not matter. A change of a template or of the context that
is MEANT to change documents regenerates the file:

    BAOCAO_REGEN_GOLDEN=1 python -m pytest -q tests/test_output_digests.py

and the diff of the JSON shows which documents changed.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile

import pytest

from baocao.event.loading import load_event
from baocao.registry import list_templates
from baocao.rendering.document import render_bytes
from conftest import EXAMPLES, FIXTURES

DIGESTS = FIXTURES / "output-digests.json"
REGEN_GOLDEN = os.environ.get("BAOCAO_REGEN_GOLDEN") == "1"


def _digest(data: bytes) -> str:
    h = hashlib.sha256()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for info in z.infolist():
            h.update(info.filename.encode() + b"\0" + z.read(info) + b"\0")
    return h.hexdigest()[:20]


def _render_all() -> dict[str, str]:
    found: dict[str, str] = {}
    for example in sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".yaml", ".json"}):
        event = load_event(example)
        for spec in list_templates():
            for the_thuc in ("nha_nuoc", "dang"):
                style = "moi" if the_thuc == "dang" else "cu"
                variant = event.model_copy(update={"the_thuc": the_thuc, "dau_thanh": style})
                key = f"{example.name} {spec.name} {the_thuc}"
                try:
                    found[key] = _digest(render_bytes(variant, template=spec))
                except Exception as exc:  # a template that needs a list the event lacks
                    found[key] = f"error {type(exc).__name__}"
    return found


def test_every_document_is_what_was_recorded() -> None:
    found = _render_all()
    if REGEN_GOLDEN or not DIGESTS.exists():
        DIGESTS.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        if not REGEN_GOLDEN:
            pytest.fail(f"{DIGESTS} did not exist; written now — commit it")
        return
    recorded = json.loads(DIGESTS.read_text(encoding="utf-8"))
    changed = sorted(k for k in recorded.keys() | found.keys() if recorded.get(k) != found.get(k))
    assert not changed, (
        f"{len(changed)} documents differ from {DIGESTS.name} (first: {changed[:3]}); if the "
        "change is intended: BAOCAO_REGEN_GOLDEN=1 python -m pytest -q tests/test_output_digests.py"
    )
