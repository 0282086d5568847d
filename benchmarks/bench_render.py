"""Benchmark: baocao's batch renderer against the naive docxtpl loop.

Renders the same N event files (copies of ``examples/``, in rotation) with one built-in
template through

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
``baocao render`` are timed as whole processes (median of several runs).

    python benchmarks/bench_render.py                 # 400 documents, thong-cao
    python benchmarks/bench_render.py --count 2000    # the memory target
    python benchmarks/bench_render.py --count 60 --quick   # CI
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def make_events(folder: Path, count: int) -> list[Path]:
    """``count`` event files: the examples in rotation, each under its own name."""
    sources = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".yaml", ".yml", ".json"})
    folder.mkdir(parents=True, exist_ok=True)
    events = []
    for i in range(count):
        src = sources[i % len(sources)]
        dst = folder / f"su-kien-{i:05d}{src.suffix}"
        shutil.copyfile(src, dst)
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
        from baocao.rendering.batch import render_many
        from baocao.rendering.document import render_bytes  # noqa: F401 - import outside the timer

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


def time_process(cmd: list[str], runs: int, cwd: Path) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=cwd)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# --- report -----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=400, help="documents per mode (400)")
    parser.add_argument("--template", default="thong-cao", help="built-in template (thong-cao)")
    parser.add_argument("--quick", action="store_true", help="fewer process timings (for CI)")
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
        make_events(events_dir, args.count)
        print(
            f"baocao benchmark: {args.count} documents, template {args.template}, "
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
        one = make_events(work / "one", 1)[0]
        help_s = time_process([*cmd, "--help"], runs, work)
        one_cmd = [*cmd, "render", str(one), "-t", args.template, "--force"]
        render_s = time_process([*one_cmd, "-o", str(work / "one.docx")], runs, work)
        print(f"  whole process: baocao --help {help_s:.3f} s, one baocao render {render_s:.3f} s")
        print(f"  (median of {runs} runs; peak RSS = getrusage ru_maxrss)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
