"""The compile cache (``baocao.rendering.compile_cache``): a built-in template compiled in
an earlier run is taken from the user's cache folder, gives the same bytes as one compiled
now, and an entry that cannot be trusted (corrupt, foreign, in a folder others can write to)
is ignored; templates brought by a user never use it; ``BAOCAO_NO_CACHE=1`` turns it off."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from baocao.cache import folder
from baocao.event.loading import load_event
from baocao.registry import builtin_dir, list_templates
from baocao.rendering import engine
from baocao.rendering.document import render_bytes
from conftest import EXAMPLES, ROOT

# the built-in templates baocao uses: the repository's in an editable install, the
# installed package's otherwise (CI's lowest-versions step installs it)
TEMPLATES = builtin_dir()

EVENT = EXAMPLES / "lop-boi-duong-dan-van.yaml"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test; compiled templates forgotten before and after."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    monkeypatch.delenv("BAOCAO_NO_CACHE", raising=False)
    engine._CACHE.clear()
    place = folder("templates")
    assert place is not None
    yield place
    engine._CACHE.clear()


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.bin")) if folder.is_dir() else []


def _variant(event: Any, the_thuc: str) -> Any:
    style = "moi" if the_thuc == "dang" else "cu"
    return event.model_copy(update={"the_thuc": the_thuc, "dau_thanh": style})


def _render(path: Path, event: Any) -> bytes:
    """``event`` rendered with the built-in template file at ``path``, as ``baocao render``
    does it, in a process that has compiled nothing yet (as far as the engine knows)."""
    engine._CACHE.clear()
    spec = next(s for s in list_templates() if path in s.files.values())
    the_thuc = next(t for t, p in spec.files.items() if p == path)
    return render_bytes(_variant(event, the_thuc), template=spec)


def _outcome(path: Path, event: Any) -> tuple[object, frozenset[str]]:
    try:
        data: object = _render(path, event)
    except Exception as exc:  # a per-person template and an event without the list
        data = f"{type(exc).__name__}: {exc}"
    return data, engine.compile_template(path).names


def test_every_builtin_template_renders_the_same_from_the_cache(cache: Path) -> None:
    events = [load_event(p) for p in sorted(EXAMPLES.glob("*.*")) if p.is_file()]
    rendered = 0
    for spec in list_templates():
        for path in spec.files.values():
            for event in events:
                fresh = _outcome(path, event)  # compiled (and kept, the first time)
                kept = len(_entries(cache))
                again = _outcome(path, event)  # from the entry
                assert len(_entries(cache)) == kept, "a hit writes nothing"
                assert again == fresh, f"{path.name}: the cached compile gives another result"
                rendered += isinstance(fresh[0], bytes)
    assert len(_entries(cache)) == len(list(TEMPLATES.glob("*.docx")))
    assert rendered >= 2 * len(list(TEMPLATES.glob("*.docx")))  # documents, not only refusals


def test_a_render_from_the_cache_loads_neither_docxtpl_nor_python_docx(cache: Path) -> None:
    # no compile, and this event has no line break, tab or page break in its values: a
    # value with one is resolved by docxtpl's own resolve_listing, which loads it
    out = cache.parent / "out.docx"
    cmd = [sys.executable, "-m", "baocao", "render", str(EVENT), "-t", "thong-cao", "-o", str(out)]
    env = {**os.environ, "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]}
    subprocess.run([*cmd, "--force"], check=True, capture_output=True, env=env, cwd=ROOT)
    first = out.read_bytes()
    code = (
        "import sys\nfrom baocao.cli import main\n"
        f"try:\n    main({[*cmd[3:], '--force']!r})\nexcept SystemExit:\n    pass\n"
        "print('LOADED=' + ','.join(m for m in ('docx', 'docxtpl') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert done.stdout.strip().splitlines()[-1] == "LOADED="
    assert out.read_bytes() == first


@pytest.mark.parametrize(
    "spoil",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit flipped
        lambda data: b"",  # empty
        lambda data: b"not a cache entry at all" * 10,
    ],
)
def test_a_corrupt_entry_is_ignored_and_written_again(cache: Path, spoil: object) -> None:
    event = load_event(EVENT)
    path = TEMPLATES / "thong-cao.nha_nuoc.docx"
    fresh = _render(path, event)
    (entry,) = _entries(cache)
    good = entry.read_bytes()
    entry.write_bytes(spoil(good))  # type: ignore[operator]
    assert _render(path, event) == fresh
    assert entry.read_bytes() == good, "the spoilt entry was not replaced"


def test_a_foreign_entry_is_ignored(cache: Path) -> None:
    """An entry of another template, under this template's name, is not this template's."""
    event = load_event(EVENT)
    press = TEMPLATES / "thong-cao.nha_nuoc.docx"
    news = TEMPLATES / "tin-bai.nha_nuoc.docx"
    fresh = _render(press, event)
    (press_entry,) = _entries(cache)
    _render(news, event)
    (news_entry,) = [e for e in _entries(cache) if e != press_entry]
    shutil.copyfile(news_entry, press_entry)
    assert _render(press, event) == fresh


def test_no_cache_writes_nothing(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAOCAO_NO_CACHE", "1")
    assert folder("templates") is None
    _render(TEMPLATES / "thong-cao.nha_nuoc.docx", load_event(EVENT))
    assert not cache.parent.exists() or not _entries(cache)


def test_a_template_from_outside_the_builtin_folder_is_never_cached(
    cache: Path, tmp_path: Path
) -> None:
    own = tmp_path / "mau"
    own.mkdir()
    for name in ("thong-cao.nha_nuoc.docx", "thong-cao.dang.docx", "thong-cao.yaml"):
        shutil.copyfile(TEMPLATES / name, own / name)
    event = load_event(EVENT)
    engine._CACHE.clear()
    assert render_bytes(event, template=_spec_in(own))
    assert not _entries(cache)
    engine._CACHE.clear()


def _spec_in(folder: Path) -> object:
    from baocao.registry import find_template

    return find_template("thong-cao", dirs=[folder])


def _forge(entry: Path) -> None:
    """Rewrite ``entry`` as a well-formed entry whose body prints ``FORGED``."""
    import hashlib
    import marshal

    from baocao import cache
    from baocao.rendering.environment import make_env

    head = len(cache._MAGIC) + 32
    key, (parts, static) = marshal.loads(entry.read_bytes()[head:])
    name, kind, source, _code, before, after, names = parts[0]
    source = source.replace("</w:t>", "FORGED</w:t>", 1)
    parts[0] = (name, kind, source, make_env().compile(source), before, after, names)
    payload = marshal.dumps((key, (parts, static)))
    entry.write_bytes(cache._MAGIC + hashlib.sha256(payload).digest() + payload)


def _body(data: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml")


@pytest.mark.skipif(os.name != "posix", reason="folder permissions are POSIX")
def test_a_folder_others_can_write_to_is_neither_read_nor_written(cache: Path) -> None:
    event = load_event(EVENT)
    path = TEMPLATES / "thong-cao.nha_nuoc.docx"
    cache.mkdir(parents=True)
    cache.chmod(0o777)
    try:
        fresh = _render(path, event)
        assert not _entries(cache), "written to a folder others can write to"
        cache.chmod(0o700)
        _render(path, event)
        (entry,) = _entries(cache)
        _forge(entry)
        assert b"FORGED" in _body(_render(path, event)), "the forged entry was not read"
        cache.chmod(0o777)
        assert _render(path, event) == fresh, "read from a folder others can write to"
    finally:
        cache.chmod(0o700)


def test_the_cache_folder_follows_the_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BAOCAO_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/var/tmp/xdg")
    if sys.platform == "win32":
        monkeypatch.setenv("LOCALAPPDATA", r"C:\Users\a\AppData\Local")
        assert folder("templates") == Path(r"C:\Users\a\AppData\Local\baocao\cache\templates")
        return
    assert folder("templates") == Path("/var/tmp/xdg/baocao/templates")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert folder("sides") == Path.home() / ".cache" / "baocao" / "sides"
    monkeypatch.setenv("BAOCAO_NO_CACHE", "0")
    assert folder("templates") is not None


# --- the parsed YAML of built-in side files (registry) ---------------------------------------


def _specs() -> list[object]:
    from baocao import registry

    return [
        (s.name, s.tieu_de, s.ten_loai, s.viet_tat, s.mo_ta, s.cai_dat, s.moi_muc)
        for s in registry.list_templates()
    ]


def test_builtin_side_files_read_the_same_from_the_cache(cache: Path) -> None:
    sides = cache.parent / "sides"
    fresh = _specs()  # parsed, and kept
    kept = sorted(sides.glob("*.bin"))
    assert len(kept) == len(list(TEMPLATES.glob("*.yaml")))
    assert _specs() == fresh  # from the entries
    assert sorted(sides.glob("*.bin")) == kept
    for entry in kept:  # corrupt entries: parsed again
        entry.write_bytes(entry.read_bytes()[:-3])
    assert _specs() == fresh


def test_a_render_of_a_json_event_from_the_cache_needs_no_pyyaml(
    cache: Path, tmp_path: Path
) -> None:
    import json

    from render_helpers import example

    event = tmp_path / "su-kien.json"
    event.write_text(json.dumps(example(), ensure_ascii=False, default=str), encoding="utf-8")
    out = tmp_path / "out.docx"
    argv = ["render", str(event), "-t", "thong-cao", "-o", str(out), "--force"]
    code = (
        "import sys\nfrom baocao.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        "print('LOADED=' + ','.join(m for m in ('yaml', 'docx', 'docxtpl') if m in sys.modules))\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert "LOADED=" in runs[0].stdout and out.exists()
    assert runs[1].stdout.strip().splitlines()[-1] == "LOADED=", runs[1].stdout
