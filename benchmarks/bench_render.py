"""Benchmark: baocao's batch renderer against the naive docxtpl loop.

Renders the same N UNIQUE event files (the examples in rotation, every free-text string
made different, so no cache can hit) with one built-in template through

(a) the naive docxtpl loop: for each event ``load_event``, ``DocxTemplate(path)``,
    ``.render(context(event, template=…), jinja_env=make_env(), autoescape=True)``,
    ``.save()``;
(b) ``baocao.render_many(..., jobs=1)`` (one process, each template compiled once);
(c) ``baocao.render_many(..., jobs=2)`` (two worker processes);

and prints documents per second, milliseconds per document, the peak memory of each process
and the speed-ups. Each mode runs in a fresh Python process, so that its peak memory is its
own: memory is ``resource.getrusage(...).ru_maxrss`` (peak resident set size) of that process,
and for ``-j 2`` of the largest worker (``RUSAGE_CHILDREN``). The timer starts after the
imports and stops when the last file is written. Then ``baocao --help`` and one
``baocao render`` are timed as whole processes (median of several runs, after one untimed
run; with bytecode, as an installed baocao has it, and a compile cache of the run's own;
one render also with ``BAOCAO_NO_CACHE=1``).

    python benchmarks/bench_render.py                 # 400 documents, thong-cao
    python benchmarks/bench_render.py --count 2000    # the memory target
    python benchmarks/bench_render.py --count 60 --quick   # CI
    python benchmarks/bench_render.py --format yaml   # the same events as YAML files

Last, the same files are rendered by whole processes (the naive loop as a script, and
``baocao render … -j 1``, ``-j 1 --sync``, ``-j 2``), with wall and CPU time and the ratios,
and the share of the time that per-file fsync costs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


# keys whose values have a fixed form (literals, dates, codes): kept as they are
_FIXED = {
    "the_thuc",
    "dau_thanh",
    "vai_tro",
    "quyen_han",
    "bat_dau",
    "ket_thuc",
    "ngay",
    "so",
    "viet_tat",
    "ma_bao",
    "luu",
    "cach_doc_so",
    "ngay_sinh",
    "xep_loai",
    "danh_xung",
    "tep",
    "trang",
}
_LETTERS = "abcdeghiklmnopqrstuvxy"


def _token(i: int, j: int) -> str:
    """A different lower-case word for every (event, string) pair."""
    n, out = i * 997 + j, ""
    while True:
        n, r = divmod(n, len(_LETTERS))
        out += _LETTERS[r]
        if n == 0:
            return "x" + out


def _unique(value: object, i: int, counter: list[int], key: str = "") -> object:
    if isinstance(value, dict):
        return {k: _unique(v, i, counter, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_unique(v, i, counter, key) for v in value]
    if isinstance(value, str) and key not in _FIXED and not value[:1].isdigit():
        counter[0] += 1
        return f"{value} {_token(i, counter[0])}"
    return value


def make_events(folder: Path, count: int, fmt: str = "json") -> list[Path]:
    """``count`` event files, each UNIQUE: the examples in rotation with a different word
    added to every free-text string, so that no cache can serve one event from another
    (rotating identical copies hid memory growth and flattered the caches). ``fmt``: written
    as JSON (``.json``) or as YAML (``.yaml``, ``yaml.safe_dump``), the same data."""
    import yaml

    sources = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".yaml", ".yml", ".json"})
    data = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sources]
    folder.mkdir(parents=True, exist_ok=True)
    events = []
    for i in range(count):
        event = _unique(data[i % len(data)], i, [0])
        dst = folder / f"su-kien-{i:05d}.{fmt}"
        if fmt == "yaml":
            text = yaml.safe_dump(event, allow_unicode=True, sort_keys=False)
        else:
            text = json.dumps(event, ensure_ascii=False, default=str)
        dst.write_text(text, encoding="utf-8")
        events.append(dst)
    return events


# --- one mode, in its own process -------------------------------------------------------------


def run_parts(events: list[Path], out: Path, template: str) -> dict[str, float]:
    """Where one document's time goes: loading the event, rendering with the naive loop and
    with the compiled engine (both from the loaded event), writing the file atomically."""
    from docxtpl import DocxTemplate

    from baocao.event.loading import load_event
    from baocao.registry import find_template
    from baocao.rendering.atomic import write_atomic
    from baocao.rendering.document import render_bytes
    from baocao.rendering.engine import make_env
    from baocao.template_context.build import context

    spec = find_template(template)
    n = len(events)
    start = time.perf_counter()
    loaded = [load_event(p) for p in events]
    load = time.perf_counter() - start
    render_bytes(loaded[0], template=spec)  # compile outside the timer
    start = time.perf_counter()
    blobs = [render_bytes(e, template=spec) for e in loaded]
    engine = time.perf_counter() - start
    start = time.perf_counter()
    for i, blob in enumerate(blobs):
        write_atomic(out / f"{i}.docx", blob, force=True)
    write = time.perf_counter() - start
    start = time.perf_counter()
    for i, event in enumerate(loaded):
        doc = DocxTemplate(spec.docx_for(event.the_thuc))
        doc.render(context(event, template=template), jinja_env=make_env(), autoescape=True)
        doc.save(out / f"naive-{i}.docx")
    naive = time.perf_counter() - start
    return {
        "load_ms": 1000 * load / n,
        "engine_ms": 1000 * engine / n,
        "write_ms": 1000 * write / n,
        "naive_ms": 1000 * naive / n,
    }


def run_mode(mode: str, events_dir: Path, out: Path, template: str) -> dict[str, float]:
    events = sorted(events_dir.iterdir())
    out.mkdir(parents=True, exist_ok=True)
    if mode == "parts":
        return run_parts(events[:100], out, template)
    if mode == "naive":
        from docxtpl import DocxTemplate

        from baocao.event.loading import load_event
        from baocao.registry import find_template
        from baocao.rendering.engine import make_env
        from baocao.template_context.build import context

        spec = find_template(template)
        start = time.perf_counter()
        for path in events:
            event = load_event(path)
            doc = DocxTemplate(spec.docx_for(event.the_thuc))
            doc.render(context(event, template=template), jinja_env=make_env(), autoescape=True)
            doc.save(out / f"{path.stem}-{template}.docx")
        seconds = time.perf_counter() - start
    else:
        # the same imports outside the timer as the naive loop (the event model, the context)
        from baocao.event.loading import load_event
        from baocao.rendering.batch import render_many
        from baocao.rendering.document import render_bytes  # noqa: F401
        from baocao.template_context.build import context

        jobs = {"j1": 1, "j2": 2}[mode]
        start = time.perf_counter()
        result = render_many(events, [template], out=out, jobs=jobs, force=True)
        seconds = time.perf_counter() - start
        if result.exit_code:
            raise SystemExit(f"render_many failed: {result.failed[:1]} {result.problems}")
    written = len(list(out.glob("*.docx")))
    assert written == len(events), (written, len(events))
    return {
        "seconds": seconds,
        "docs": len(events),
        "rss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_workers_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def spawn_mode(mode: str, events_dir: Path, out: Path, template: str) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--_mode", mode, "--_events", str(events_dir)]
    cmd += ["--_out", str(out), "--template", template]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# --- whole processes --------------------------------------------------------------------------


def baocao_command() -> list[str]:
    script = Path(sys.executable).with_name("baocao")
    return [str(script)] if script.exists() else [sys.executable, "-m", "baocao"]


def whole_process(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the process and its children) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, cwd=cwd)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def start_up_env(work: Path, **extra: str) -> dict[str, str]:
    """The environment of the start-up timings: as an installed baocao runs, with its
    bytecode (pip writes it when it installs; here to a folder of this run, even under
    ``PYTHONDONTWRITEBYTECODE``) and its own cache folder (compiled templates)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPYCACHEPREFIX=str(work / "pycache"), XDG_CACHE_HOME=str(work / "cache"))
    return {**env, **extra}


def time_process(cmd: list[str], runs: int, cwd: Path, env: dict[str, str] | None = None) -> float:
    """The median wall time of ``runs`` runs of ``cmd``, after one run that is not timed
    (it writes the bytecode and fills the compile cache, as a first run does)."""
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=cwd, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


# --- report -----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=400, help="documents per mode (400)")
    parser.add_argument("--template", default="thong-cao", help="built-in template (thong-cao)")
    parser.add_argument("--quick", action="store_true", help="fewer process timings (for CI)")
    parser.add_argument(
        "--format", choices=("json", "yaml"), default="json", help="event files (json)"
    )
    parser.add_argument("--_mode", help=argparse.SUPPRESS)
    parser.add_argument("--_events", help=argparse.SUPPRESS)
    parser.add_argument("--_out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args._mode:
        stats = run_mode(args._mode, Path(args._events), Path(args._out), args.template)
        print(json.dumps(stats))
        return 0

    runs = 3 if args.quick else 7
    with tempfile.TemporaryDirectory(prefix="baocao-bench-") as tmp:
        work = Path(tmp)
        events_dir = work / "events"
        make_events(events_dir, args.count, args.format)
        print(
            f"baocao benchmark: {args.count} documents ({args.format} events), "
            f"template {args.template}, "
            f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
        )
        rows = {}
        for mode, label in (
            ("naive", "naive docxtpl loop"),
            ("j1", "baocao, 1 process"),
            ("j2", "baocao, -j 2"),
        ):
            rows[mode] = spawn_mode(mode, events_dir, work / f"out-{mode}", args.template)
            r = rows[mode]
            rate = r["docs"] / r["seconds"]
            rss = r["rss_workers_mb"] if mode == "j2" else r["rss_self_mb"]
            who = "largest worker" if mode == "j2" else "process"
            print(
                f"  {label:<20} {rate:8.1f} docs/s {1000 / rate:8.2f} ms/doc "
                f"  peak RSS ({who}) {rss:6.1f} MB"
            )
        parts = spawn_mode("parts", events_dir, work / "out-parts", args.template)
        print(
            "  per document (first {n} events): load event {load_ms:.2f} ms, naive docxtpl "
            "render+save {naive_ms:.2f} ms, baocao engine render {engine_ms:.2f} ms, "
            "atomic write {write_ms:.2f} ms; render-only speed-up {ratio:.1f}x".format(
                n=min(args.count, 100), ratio=parts["naive_ms"] / parts["engine_ms"], **parts
            )
        )
        naive = rows["naive"]["seconds"]
        print(
            f"  speed-up: 1 process {naive / rows['j1']['seconds']:.1f}x, "
            f"-j 2 {naive / rows['j2']['seconds']:.1f}x (against the naive loop)"
        )

        cmd = baocao_command()
        events = [str(p) for p in sorted(events_dir.iterdir())]
        naive_cmd = [sys.executable, __file__, "--_mode", "naive", "--_events", str(events_dir)]
        naive_cmd += ["--_out", str(work / "whole-naive"), "--template", args.template]
        whole = {"naive docxtpl loop": whole_process(naive_cmd, work)}
        for label, extra in (
            ("baocao -j 1", ["-j", "1"]),
            ("baocao -j 1 --sync", ["-j", "1", "--sync"]),
            ("baocao -j 2", ["-j", "2"]),
        ):
            out_dir = work / ("whole-" + "-".join(extra).replace("-", ""))
            render = [*cmd, "render", *events, "-t", args.template, "-o", str(out_dir), "--force"]
            whole[label] = whole_process([*render, *extra], work)
        base_wall, base_cpu = whole["naive docxtpl loop"]
        print(f"  whole processes, {args.count} unique documents (wall, CPU = user+sys):")
        for label, (wall, cpu) in whole.items():
            print(
                f"    {label:<20} wall {wall:7.2f} s ({1000 * wall / args.count:6.2f} ms/doc, "
                f"{base_wall / wall:5.1f}x)  CPU {cpu:7.2f} s ({base_cpu / cpu:5.1f}x)"
            )
        synced, plain = whole["baocao -j 1 --sync"][0], whole["baocao -j 1"][0]
        print(
            f"    fsync share (per-file --sync against one sync per batch): "
            f"{100 * max(0.0, synced - plain) / synced:.0f}% of the --sync run; "
            f"-j 2 against -j 1: {plain / whole['baocao -j 2'][0]:.2f}x"
        )
        one = make_events(work / "one", 1, args.format)[0]
        env = start_up_env(work)
        help_s = time_process([*cmd, "--help"], runs, work, env)
        one_cmd = [*cmd, "render", str(one), "-t", args.template, "--force"]
        render_s = time_process([*one_cmd, "-o", str(work / "one.docx")], runs, work, env)
        no_cache = start_up_env(work, BAOCAO_NO_CACHE="1")
        cold_s = time_process([*one_cmd, "-o", str(work / "one.docx")], runs, work, no_cache)
        print(
            f"  whole process: baocao --help {help_s:.3f} s, one baocao render {render_s:.3f} s "
            f"({cold_s:.3f} s with BAOCAO_NO_CACHE=1: the template compiled in the process)"
        )
        print(f"  (median of {runs} runs; peak RSS = getrusage ru_maxrss)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
