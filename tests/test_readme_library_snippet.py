"""The README's library snippet runs as written under the spawn start method (Windows,
macOS): it is guarded by ``if __name__ == "__main__":`` and returns ``exit_code``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES, ROOT


def snippet() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### As a library", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match, "the README has no Python snippet under 'As a library'"
    return match.group(1)


def test_the_snippet_is_guarded_and_checks_exit_code() -> None:
    code = snippet()
    assert 'if __name__ == "__main__":' in code
    assert "exit_code" in code


def test_the_snippet_runs_under_spawn(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    script = tmp_path / "snippet.py"
    # spawn as on Windows and macOS: workers import this file again as __mp_main__
    script.write_text(
        'import multiprocessing\nmultiprocessing.set_start_method("spawn", force=True)\n'
        + snippet(),
        encoding="utf-8",
    )
    env = {**os.environ, "BAOCAO_LANG": "vi"}
    done = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "bootstrapping" not in done.stderr and "Traceback" not in done.stderr
    made = sorted(p.name for p in (tmp_path / "out").iterdir())
    # 3 events x 9 templates, less giay-moi without khach_moi (2 events) and giay-chung-nhan
    # without hoc_vien (3 events): enough for worker processes
    assert len(made) == 22
    assert (tmp_path / "thong-cao.docx").is_file()
