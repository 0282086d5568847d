"""Hostile templates: CPU and memory bombs, malformed parts, external entities.

Each attack runs the real ``baocao`` command in a child process and asserts the exit code
(3: a template error), where the message is and what it names, that nothing was written,
a generous time bound and a peak memory (RSS) under 500 MB.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from baocao.errors import TemplateError
from baocao.lint.checker import check_template
from baocao.rendering.boxed import run_boxed
from hostile_docx import (
    CONTENT_TYPES,
    baocao,
    document,
    event_file,
    leftovers,
    parts,
    write_docx,
)

# messages in Vietnamese, whatever an earlier test in this process chose (conftest)
pytestmark = pytest.mark.usefixtures("vietnamese")


BOMBS = {
    "fold": "{{ 'a' * 10**9 }}",
    "power": "{{ 10 ** (10 ** 8) }}",
    "center": "{{ 'a'|center(10**9) }}",
    "format": "{{ '%0999999999d'|format(1) }}",
    "method": "{{ 'a'.ljust(10**9) }}",
    "str-format": "{{ '{:>999999999}'.format(1) }}",
    "loops": ("{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}"),
    "doubling": (
        "{% set ns = namespace(s='a') %}{% for i in range(40) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}"
    ),
}


def one_template(tmp_path: Path, *texts: str, **kwargs: object) -> Path:
    return write_docx(tmp_path / "tpl" / "mau.docx", parts(*texts, **kwargs))  # type: ignore[arg-type]


@pytest.mark.parametrize("bomb", list(BOMBS))
def test_render_of_a_template_bomb_is_a_located_template_error(tmp_path: Path, bomb: str) -> None:
    template = one_template(tmp_path, "Tên: {{ su_kien.ten }}", BOMBS[bomb])
    event = event_file(tmp_path)
    run = baocao(tmp_path, "render", str(event), "-t", "mau", "--templates-dir", "tpl")
    assert run.code == 3, run.err
    assert f"✗ {template.relative_to(tmp_path)}: phần thân" in run.err
    assert str(event.name) not in run.err
    assert run.seconds < 90
    assert run.peak_mb < 500
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("bomb", ["fold", "power", "doubling"])
def test_check_of_a_template_bomb_is_fast_and_small(tmp_path: Path, bomb: str) -> None:
    one_template(tmp_path, BOMBS[bomb])
    event = event_file(tmp_path)
    plain = baocao(tmp_path, "check", "tpl/mau.docx")
    assert plain.code == 0  # no data: nothing runs, nothing folds at compile time
    assert plain.seconds < 60 and plain.peak_mb < 500
    run = baocao(tmp_path, "check", "--event", str(event), "tpl/mau.docx")
    assert run.code == 3
    assert "✗ tpl/mau.docx: phần thân" in run.out
    assert run.seconds < 90
    assert run.peak_mb < 500


def test_templates_show_of_a_bomb_is_fast_and_small(tmp_path: Path) -> None:
    one_template(tmp_path, BOMBS["fold"], BOMBS["loops"])
    run = baocao(tmp_path, "templates", "show", "mau", "--templates-dir", "tpl")
    assert run.code == 0, run.err
    assert run.seconds < 60 and run.peak_mb < 500


def test_a_template_that_runs_for_ever_is_stopped_by_the_cpu_limit(tmp_path: Path) -> None:
    """No range, no output: only the child process's limits stop this one."""
    from baocao.rendering.engine import make_env

    source = "{% for a in s %}{% for b in s %}{% for c in s %}{% endfor %}{% endfor %}{% endfor %}"
    template = make_env().from_string(source)
    started = time.monotonic()
    with pytest.raises(TemplateError) as info:
        run_boxed(template.render, s="x" * 100_000, label="mau.docx", cpu=2, wall=30)
    assert time.monotonic() - started < 20
    problem = info.value.problems[0]
    assert problem.path == "mau.docx" and problem.code == "template-limit"
    assert "CPU" in problem.message


def test_the_wall_clock_limit_stops_a_sleeping_child() -> None:
    started = time.monotonic()
    with pytest.raises(TemplateError, match="giây"):
        run_boxed(time.sleep, 30, label="mau.docx", wall=1)
    assert time.monotonic() - started < 10


def test_errors_raised_in_the_child_keep_their_places(tmp_path: Path) -> None:
    template = one_template(tmp_path, "{% if %}")
    problems = check_template(template)
    assert problems and problems[0].path == str(template)
    assert problems[0].part and problems[0].part.startswith("phần thân")


# --- malformed parts: a template error naming the part, from check and render -------------

DEEP = "".join("<w:sdt><w:sdtContent>" for _ in range(300)) + "".join(
    "</w:sdtContent></w:sdt>" for _ in range(300)
)


def malformed(kind: str) -> tuple[dict[str, str | bytes], str]:
    """A template broken in one part, and the name of that part."""
    members = parts("{{ su_kien.ten }}", header="{{ su_kien.ten }}")
    if kind == "document":
        members["word/document.xml"] = str(members["word/document.xml"])[:-20]
        return members, "word/document.xml"
    if kind == "header":
        members["word/header2.xml"] = "<w:hdr><w:p>"
        return members, "word/header2.xml"
    if kind == "rels":
        members["word/_rels/document.xml.rels"] = "<Relationships><"
        return members, "word/_rels/document.xml.rels"
    if kind == "content-types":
        members["[Content_Types].xml"] = CONTENT_TYPES[:-5]
        return members, "[Content_Types].xml"
    if kind == "no-body":
        members["word/document.xml"] = str(members["word/document.xml"]).replace("w:body", "w:bodx")
        return members, "word/document.xml"
    if kind == "deep":
        members["word/document.xml"] = document("x").replace("<w:sectPr/>", DEEP + "<w:sectPr/>")
        return members, "word/document.xml"
    if kind == "not-utf8":
        members["word/document.xml"] = str(members["word/document.xml"]).encode("utf-8") + b"\xff"
        return members, "word/document.xml"
    raise AssertionError(kind)


KINDS = ["document", "header", "rels", "content-types", "no-body", "deep", "not-utf8"]


@pytest.mark.parametrize("kind", KINDS)
def test_check_names_the_broken_part(tmp_path: Path, kind: str) -> None:
    members, part = malformed(kind)
    path = write_docx(tmp_path / "tpl" / "mau.docx", members)
    problems = check_template(path)
    assert problems, kind
    assert problems[0].path == str(path)
    assert part in (problems[0].part or ""), problems


@pytest.mark.parametrize("kind", KINDS)
def test_render_names_the_broken_part_and_not_the_event(tmp_path: Path, kind: str) -> None:
    members, part = malformed(kind)
    path = write_docx(tmp_path / "tpl" / "mau.docx", members)
    event = event_file(tmp_path)
    run = baocao(tmp_path, "render", str(event), "-t", "mau", "--templates-dir", "tpl")
    assert run.code == 3, run.err
    assert f"{path.relative_to(tmp_path)}: {part}" in run.err
    assert "su-kien.yaml" not in run.err
    assert "BAOCAO_DEBUG" not in run.err
    assert leftovers(tmp_path) == []
    checked = baocao(tmp_path, "check", "tpl/mau.docx")
    assert checked.code == 3
    assert part in checked.out


def test_external_entity_in_package_relationships_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("word/document.xml")
    members = parts("{{ su_kien.ten }}")
    members["_rels/.rels"] = (
        str(members["_rels/.rels"])
        .replace(
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
            f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "{secret.as_uri()}">]>',
        )
        .replace('Target="word/document.xml"', 'Target="&e;"')
    )
    path = write_docx(tmp_path / "tpl" / "mau.docx", members)
    problems = check_template(path)
    assert problems and problems[0].part == "_rels/.rels"
    assert "entity" in problems[0].message or "DOCTYPE" in problems[0].message
    event = event_file(tmp_path)
    run = baocao(tmp_path, "render", str(event), "-t", "mau", "--templates-dir", "tpl")
    assert run.code == 3
    assert "_rels/.rels" in run.err
    assert leftovers(tmp_path) == []


def test_a_clean_template_from_a_folder_still_renders(tmp_path: Path) -> None:
    one_template(tmp_path, "Tên: {{ su_kien.ten }}", "{{ 'ab' * 3 }}|{{ 'x'|center(5) }}|")
    event = event_file(tmp_path)
    run = baocao(tmp_path, "render", str(event), "-t", "mau", "--templates-dir", "tpl")
    assert run.code == 0, run.err
    from docx import Document

    text = "\n".join(p.text for p in Document(str(tmp_path / "su-kien-mau.docx")).paragraphs)
    assert "Tên: Hội nghị sơ kết" in text or "Tên: hội nghị sơ kết" in text
    assert "ababab|  x  |" in text


def test_a_doctype_is_refused_even_when_nothing_uses_it(tmp_path: Path) -> None:
    members = parts("{{ su_kien.ten }}", header="x")
    members["word/_rels/document.xml.rels"] = str(members["word/_rels/document.xml.rels"]).replace(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    )
    path = write_docx(tmp_path / "tpl" / "mau.docx", members)
    problems = check_template(path)
    assert [(p.part, "DOCTYPE" in p.message) for p in problems] == [
        ("word/_rels/document.xml.rels", True)
    ]
