"""Print a pip constraints file pinning every direct runtime dependency to its lower bound.

pip has no ``--resolution=lowest-direct`` (that is uv's); CI gets the same effect with::

    python tools/lowest_constraints.py > /tmp/lowest.txt
    pip install -c /tmp/lowest.txt '.[test]'

Every runtime dependency in ``pyproject.toml`` must declare a lower bound (``>=X`` or
``==X``); one without is an error, so a new dependency cannot slip past the lowest-versions
test.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)")
_LOWER = re.compile(r"(?:>=|==|~=)\s*([0-9][^,\s]*)")


def lowest_pins(pyproject: Path = PYPROJECT) -> list[str]:
    """``name==lower`` for each of ``[project] dependencies``, in the file's order."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    pins = []
    for requirement in project["dependencies"]:
        match = _REQUIREMENT.match(requirement)
        lower = _LOWER.search(match.group(2)) if match else None
        if match is None or lower is None:
            raise SystemExit(f"{pyproject}: dependency without a lower bound: {requirement!r}")
        pins.append(f"{match.group(1)}=={lower.group(1)}")
    return pins


def main() -> None:
    sys.stdout.write("".join(pin + "\n" for pin in lowest_pins()))


if __name__ == "__main__":
    main()
