"""Stage 1 — text in, validated :class:`~baocao.event.model.Event` out.

Reading bytes with limits (:mod:`.limits`), YAML and JSON parsed with the position of every
value (:mod:`.yaml_source`, :mod:`.json_source`, :mod:`.located`), the field types
(:mod:`.fields`) and the pydantic model (:mod:`.model`), pydantic errors explained in the
clerk's words at a line and column (:mod:`.explain`), the JSON Schema (:mod:`.schema`) and
the entry points :func:`~baocao.event.loading.load_event` / ``check_files``
(:mod:`.loading`). Nothing here knows about Word, templates or the terminal.
"""
