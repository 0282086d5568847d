"""Stage 3 — documents out: the one sandboxed Jinja environment and compile-once engine
(:mod:`.engine`), the Vietnamese filters (:mod:`.filters`), one document (:mod:`.document`),
many documents in worker processes (:mod:`.batch`), the atomic write (:mod:`.atomic`) and the
PDF export through LibreOffice (:mod:`.pdf`).
"""
