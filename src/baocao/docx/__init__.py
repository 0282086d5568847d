"""The Word file as data: the zip package (:mod:`.package`), paragraphs, tags and their places
in Word terms (:mod:`.locations`), and the outline shown by ``baocao preview``
(:mod:`.outline`). Knows nothing of events or Jinja.
"""
