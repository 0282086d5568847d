"""Benchmark: per-person documents — N giấy mời from one event with N guests.

Modes, each in a fresh Python process (peak memory is its own; the timer starts after the
imports and includes loading the event, planning and writing):

(a) ``combined``: ``render_many(..., ["giay-moi"])`` — one .docx with every guest, a section
    each;
(b) ``split -j 1``: ``render_many(..., split=True, jobs=1)`` — one file per guest;
(c) ``split -j 2``: the same with two worker processes;
(d) ``engine``: ``render_person_bytes`` in a loop on the loaded event, nothing written — the
    engine's own speed for this template, for comparison.

Prints documents (guests) per second, milliseconds per document and the peak memory.

    python benchmarks/bench_people.py               # 500 guests
    python benchmarks/bench_people.py --count 50    # quick

Measured here (2 cores shared with other jobs, load average 8-10; Python 3.11.7), 500 guests:
engine ~155 docs/s, combined ~265 docs/s (one 500-section file, 86 MB peak), split ~175
docs/s with -j 1 and ~140 with -j 2 (the 2 cores were saturated by other work).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
HO = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đỗ", "Đặng")
TEN = ("Văn An", "Thị Bé", "Minh Châu", "Đức Dũng", "Thu Hà", "Quốc Khánh", "Ngọc Lan")


def make_event(folder: Path, count: int) -> Path:
    guests = [
        {
            "ho_ten": f"{HO[i % len(HO)]} {TEN[i % len(TEN)]}",
            "danh_xung": "ông" if i % 2 else "bà",
            "chuc_vu": "Trưởng phòng",
            "don_vi": f"Phòng {i % 40 + 1} Sở Nội vụ",
        }
        for i in range(count)
    ]
    data = {
        "the_thuc": "nha_nuoc",
        "co_quan": {"ten": "Ủy ban nhân dân tỉnh Cà Mau", "ten_goi": "Ủy ban nhân dân tỉnh",
                    "viet_tat": "UBND", "dia_danh": "Cà Mau"},
        "su_kien": {"ten": "hội nghị tổng kết công tác cải cách hành chính năm 2024",
                    "bat_dau": "1/11/2024 7h30", "dia_diem": "Hội trường Ủy ban nhân dân tỉnh",
                    "noi_dung": ["Báo cáo kết quả năm 2024", "Kế hoạch năm 2025"]},
        "van_ban": {"chung": {"ngay": "25/10/2024", "nguoi_ky": {
            "ho_ten": "Nguyễn Minh Luân", "chuc_vu": "Phó Chủ tịch", "quyen_han": "KT",
            "thay_cho": "Chủ tịch"}}},
        "khach_moi": guests,
    }  # fmt: skip
    path = folder / "hoi-nghi.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def run_mode(mode: str, event: Path, out: Path) -> dict[str, float]:
    """One mode in this process: seconds and documents."""
    from baocao.rendering.batch import render_many

    if mode == "engine":
        from baocao.event.loading import load_event
        from baocao.rendering.people import render_person_bytes

        loaded = load_event(event)
        n = len(loaded.khach_moi)
        render_person_bytes(loaded, template="giay-moi", stt=1)  # compile outside the timer
        start = time.perf_counter()
        for stt in range(1, n + 1):
            render_person_bytes(loaded, template="giay-moi", stt=stt)
        return {"seconds": time.perf_counter() - start, "documents": n}
    split = mode.startswith("split")
    jobs = int(mode.rsplit("-j", 1)[1]) if split else 1
    start = time.perf_counter()
    result = render_many([event], ["giay-moi"], out=out, split=split, jobs=jobs)
    seconds = time.perf_counter() - start
    assert result.exit_code == 0, [str(p) for r in result.failed for p in r.problems]
    from baocao.event.loading import load_event

    n = len(load_event(event).khach_moi)
    return {"seconds": seconds, "documents": n, "files": len(result.written)}


def child(mode: str, event: str, out: str) -> None:
    stats = run_mode(mode, Path(event), Path(out))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    stats["peak_mb"] = max(own, kids) / 1024
    print(json.dumps(stats))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        event = make_event(folder, args.count)
        print(f"{args.count} giấy mời (giay-moi, nha_nuoc), one event with {args.count} guests")
        print(f"{'mode':<12} {'docs/s':>8} {'ms/doc':>8} {'files':>6} {'peak MB':>8}")
        for mode in ("engine", "combined", "split-j1", "split-j2"):
            out = folder / mode
            proc = subprocess.run(
                [sys.executable, __file__, "--child", mode, str(event), str(out)],
                check=True,
                capture_output=True,
                text=True,
            )
            s = json.loads(proc.stdout.strip().splitlines()[-1])
            rate = s["documents"] / s["seconds"]
            files = int(s.get("files", 0))
            print(f"{mode:<12} {rate:>8.1f} {1000 / rate:>8.2f} {files:>6} {s['peak_mb']:>8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
