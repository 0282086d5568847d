"""``baocao.rendering.batch.render_many``: output names, -j independence, refusals, bad events,
memory."""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.rendering.batch import MIN_PARALLEL, Item, ItemResult, plan_names, render_many
from conftest import EXAMPLES, docx_lines

# messages in Vietnamese, whatever an earlier test in this process chose (conftest)
pytestmark = pytest.mark.usefixtures("vietnamese")


TEMPLATES = ["thong-cao", "tin-bai", "phat-bieu-khai-mac", "bao-cao-tong-ket"]
# built-ins that `all` renders too
NEW_TEMPLATES = ["ke-hoach", "chuong-trinh", "phat-bieu-be-mac"]
UBND = EXAMPLES / "hoi-nghi-ubnd.yaml"
DANG = EXAMPLES / "lop-boi-duong-dan-van.yaml"
JSON = EXAMPLES / "tap-huan-hai-thang.json"


def events_in(tmp_path: Path) -> list[Path]:
    """Four events: the same stem in two folders, a YAML and a JSON example."""
    (tmp_path / "ha-noi").mkdir()
    (tmp_path / "hue").mkdir()
    return [
        Path(shutil.copy(UBND, tmp_path / "ha-noi" / "hoi-nghi.yaml")),
        Path(shutil.copy(UBND, tmp_path / "hue" / "hoi-nghi.yaml")),
        Path(shutil.copy(DANG, tmp_path / "ha-noi" / "lop.yaml")),
        Path(shutil.copy(JSON, tmp_path / "hue" / "tap-huan.json")),
    ]


def bad_event(folder: Path) -> tuple[Path, int]:
    """The state example with the end before the start; returns the file and that line."""
    text = UBND.read_text(encoding="utf-8")
    assert "  ket_thuc: 15/01/2025 11h30\n" in text
    text = text.replace("  ket_thuc: 15/01/2025 11h30\n", "  ket_thuc: 14/01/2025 11h30\n")
    path = folder / "sai.yaml"
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  ket_thuc: 14/01/2025 11h30") + 1
    return path, line


def test_plan_names_disambiguate_by_parent_folder() -> None:
    names = plan_names([Path("/x/ha-noi/a.yaml"), Path("/x/hue/a.yaml"), Path("/x/hue/b.yaml")])
    assert names == ["ha-noi-a", "hue-a", "b"]
    assert plan_names([Path("/p/a/a.yaml"), Path("/q/a/a.yaml")]) == ["p-a-a", "q-a-a"]
    assert plan_names([Path("/d/a.yaml"), Path("/d/a.json")]) == ["a-yaml", "a-json"]


def test_many_events_many_templates_into_folder(tmp_path: Path) -> None:
    events = events_in(tmp_path)
    out = tmp_path / "ra"
    seen: list[tuple[int, int]] = []
    result = render_many(
        events, ["all"], out=out, jobs=1, on_progress=lambda r, d, t: seen.append((d, t))
    )
    assert result.exit_code == 0, [str(p) for r in result.failed for p in r.problems]
    expected = sorted(
        [
            f"{stem}-{t}.docx"
            for stem in ("ha-noi-hoi-nghi", "hue-hoi-nghi", "lop", "tap-huan")
            for t in [*TEMPLATES, *NEW_TEMPLATES]
        ]
        # the conference example has a guest list: one giấy mời file each (not the others)
        + ["ha-noi-hoi-nghi-giay-moi.docx", "hue-hoi-nghi-giay-moi.docx"]
    )
    assert sorted(p.name for p in out.iterdir()) == expected
    assert len(set(result.written)) == 30
    assert seen == [(i, 30) for i in range(1, 31)]
    # each file is what its event and template say: the party event's document says so
    party = " ".join(docx_lines(out / "lop-thong-cao.docx"))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in party
    state = " ".join(docx_lines(out / "hue-hoi-nghi-thong-cao.docx"))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in state
    # issue 10: a long body name is broken between the body type and its place name
    assert "Ủy ban nhân dân\ntỉnh Cà Mau".upper() in state


@pytest.mark.slow
def test_jobs_do_not_change_the_bytes(tmp_path: Path) -> None:
    events = events_in(tmp_path)
    assert len(events) * len(TEMPLATES) >= MIN_PARALLEL  # the pool really runs with jobs=2
    one = render_many(events, TEMPLATES, out=tmp_path / "j1", jobs=1)
    two = render_many(events, TEMPLATES, out=tmp_path / "j2", jobs=2)
    assert one.exit_code == two.exit_code == 0
    assert [r.item.out.name for r in one.items] == [r.item.out.name for r in two.items]
    for a, b in zip(one.written, two.written, strict=True):
        assert a.name == b.name
        assert a.read_bytes() == b.read_bytes(), a.name


def test_event_and_template_names_that_join_alike_do_not_collide(tmp_path: Path) -> None:
    own = tmp_path / "mau"
    own.mkdir()
    builtin = Path(__file__).resolve().parents[1] / "templates" / "docx"
    shutil.copy(builtin / "tin-bai.nha_nuoc.docx", own / "bai.nha_nuoc.docx")
    a = Path(shutil.copy(UBND, tmp_path / "tin.yaml"))  # tin + tin-bai → tin-tin-bai
    b = Path(shutil.copy(UBND, tmp_path / "tin-tin.yaml"))  # tin-tin + bai → tin-tin-bai
    result = render_many([a, b], ["tin-bai", "bai"], out=tmp_path / "ra", jobs=1, dirs=[own])
    assert result.exit_code == 0, [str(p) for r in result.failed for p in r.problems]
    assert [p.name for p in result.written] == [
        "tin-tin-bai.docx",
        "tin-bai.docx",
        "tin-tin-tin-bai.docx",
        "tin-tin-bai-2.docx",
    ]


def test_default_output_next_to_each_event(tmp_path: Path) -> None:
    events = events_in(tmp_path)
    result = render_many(events[:2], ["thong-cao"], jobs=1)
    assert result.exit_code == 0
    assert result.written == [
        tmp_path / "ha-noi" / "hoi-nghi-thong-cao.docx",
        tmp_path / "hue" / "hoi-nghi-thong-cao.docx",
    ]
    assert all(p.is_file() for p in result.written)


def test_out_docx_names_a_file_for_one_document(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "thong-cao-hoi-nghi.docx"
    result = render_many([UBND], ["thong-cao"], out=target, jobs=1)
    assert result.exit_code == 0
    assert result.written == [target]
    assert list(target.parent.iterdir()) == [target]
    assert "THÔNG CÁO BÁO CHÍ" in docx_lines(target)


def test_out_docx_with_several_documents_is_a_folder(tmp_path: Path) -> None:
    target = tmp_path / "ket-qua.docx"
    result = render_many([UBND], ["thong-cao", "tin-bai"], out=target, jobs=1)
    assert result.exit_code == 0
    assert target.is_dir()
    assert sorted(p.name for p in target.iterdir()) == [
        "hoi-nghi-ubnd-thong-cao.docx",
        "hoi-nghi-ubnd-tin-bai.docx",
    ]


def test_existing_output_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "tc.docx"
    target.write_bytes(b"old")
    result = render_many([UBND], ["thong-cao"], out=target, jobs=1)
    assert result.exit_code == 1
    assert target.read_bytes() == b"old"
    [problem] = result.items[0].problems
    assert problem.path == str(target) and "--force" in problem.message
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind
    forced = render_many([UBND], ["thong-cao"], out=target, jobs=1, force=True)
    assert forced.exit_code == 0
    assert target.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("jobs", [1, 2])
def test_bad_event_among_good_ones(tmp_path: Path, jobs: int) -> None:
    events = events_in(tmp_path)
    bad, line = bad_event(tmp_path)
    out = tmp_path / "ra"
    result = render_many([events[0], bad, *events[1:]], TEMPLATES, out=out, jobs=jobs)
    assert result.exit_code == 3
    failed = result.failed
    assert {r.item.event for r in failed} == {bad}
    assert len(failed) == len(TEMPLATES)
    problem = failed[0].problems[0]
    assert (problem.path, problem.line, problem.field) == (str(bad), line, "su_kien.ket_thuc")
    assert str(problem).startswith(f"{bad}:{line}:")
    assert not [p for p in out.iterdir() if p.name.startswith("sai")]
    assert len(list(out.iterdir())) == 4 * len(TEMPLATES)


def test_unknown_template_is_reported_with_a_hint_and_nothing_is_written(tmp_path: Path) -> None:
    result = render_many([UBND], ["thong-cai", "tin-bai"], out=tmp_path, jobs=1)
    assert result.exit_code == 3
    [problem] = result.problems
    assert "thong-cai" in problem.message and "'thong-cao'" in problem.message
    assert result.items == [] and list(tmp_path.iterdir()) == []  # fix the name, run again


def test_template_from_a_folder_with_all(tmp_path: Path) -> None:
    own = tmp_path / "mau"
    own.mkdir()
    builtin = Path(__file__).resolve().parents[1] / "templates" / "docx"
    shutil.copy(builtin / "tin-bai.nha_nuoc.docx", own / "tin-rieng.nha_nuoc.docx")
    result = render_many([UBND], ["all"], out=tmp_path / "ra", jobs=1, dirs=[own])
    assert result.exit_code == 0
    names = sorted(p.name for p in result.written)
    assert names == sorted(
        f"hoi-nghi-ubnd-{t}.docx" for t in [*TEMPLATES, *NEW_TEMPLATES, "tin-rieng", "giay-moi"]
    )


def rss_mb() -> float:
    with Path("/proc/self/statm").open() as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs /proc")
def test_memory_stays_flat(tmp_path: Path) -> None:
    events = [Path(shutil.copy(JSON, tmp_path / f"e{i:03d}.json")) for i in range(40)]
    rounds = []
    for _round in range(4):  # 4 x 160 documents, into the same folder (force)
        result = render_many(events, TEMPLATES, out=tmp_path / "ra", jobs=1, force=True)
        assert result.exit_code == 0
        gc.collect()
        rounds.append(rss_mb())
    # the first round compiles and caches; after that 480 more documents add (almost) nothing
    assert rounds[-1] - rounds[0] < 25, rounds


def test_item_result_ok() -> None:
    item = Item(UBND, "thong-cao", Path("x.docx"))
    assert ItemResult(item).ok
    assert not ItemResult(item, exit_code=3).ok


_part = st.sampled_from(["a", "b", "a-b", "x", "a-yaml"])
_paths = st.builds(
    lambda folders, stem, ext: Path("/", *folders, f"{stem}.{ext}"),
    st.lists(_part, max_size=3),
    st.sampled_from(["a", "b", "a-yaml", "a-yaml-2", "a-b", "b-a"]),
    st.sampled_from(["yaml", "json", "txt"]),
)


@given(st.lists(_paths, unique=True, max_size=12))
def test_plan_names_never_collide(paths: list[Path]) -> None:
    names = plan_names(paths)
    assert len(set(names)) == len(paths)
    assert names == plan_names(list(paths))
    for path, name in zip(paths, names, strict=True):
        assert path.stem in name
