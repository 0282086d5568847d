"""Stage 2 — what a template sees: an :class:`Event` and a ``TemplateSpec`` become a dict.

:mod:`.build` assembles the context (``context(event, spec)``), :mod:`.sentences` writes the
lead sentences of news and press texts, :mod:`.report` the figures and sections of the
summary report, :mod:`.layout` holds the ND 30 / HD 36 layout profiles. This stage is handed
a ``TemplateSpec``; it never looks templates up on disk.

(The package is not called ``context`` because ``baocao.context`` is the public function.)
"""
