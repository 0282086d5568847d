"""``baocao check``: a template's tags checked and placed in Word terms before any render.

:mod:`.checker` runs the checks (tag syntax, Jinja syntax, run-time errors against an event),
:mod:`.names` finds misspelt variables and filters, :mod:`.shapes` knows the shape of the
context a template sees, :mod:`.guide` writes the generated parts of the staff guide.
"""
