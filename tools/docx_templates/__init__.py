"""Builders of the built-in Word templates, one module per family; ``tools/build_templates.py``
runs them. Each module has ``TEMPLATES`` (name → builder) and ``SIDE_FILES`` (name → side YAML)."""
