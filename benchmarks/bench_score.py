"""Throughput and peak memory of ``ticketcore score`` at 10 000 and 100 000 JSON Lines.

Usage::

    .venv/bin/python benchmarks/bench_score.py             # 10k and 100k lines, --jobs 1
    .venv/bin/python benchmarks/bench_score.py --jobs 2 --sizes 10000 100000

The input is the deterministic corpus of ``corpus.py`` (10 000 tickets, ~70% valid, messages of
100 B to 8 KiB, ~4.3 KiB a line); the 100 000-line file is that corpus ten times over, so both
files have the same mix. Each size is scored once by ``python -m ticketcore score FILE --out
REPORT`` in a subprocess; its wall time gives lines per second, and ``os.wait4`` gives its peak
resident set size (that of the process and of its workers, whichever is largest). Constant
memory means the ratio of the peaks is close to 1 whatever the ratio of the sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import make_corpus

BASE = 10_000


def write_corpus(path: Path, lines: int) -> None:
    """Write *lines* JSON Lines from the corpus, repeating it as needed."""
    corpus = [json.dumps(doc, ensure_ascii=False) + "\n" for _, doc in make_corpus(BASE)]
    with path.open("w", encoding="utf-8") as out:
        for index in range(lines):
            out.write(corpus[index % BASE])


def score(path: Path, report: Path, jobs: int) -> tuple[float, int]:
    """Score *path* in a subprocess; return its wall time (s) and peak RSS (KiB)."""
    command = [sys.executable, "-m", "ticketcore", "score", str(path), "--out", str(report)]
    command += ["--jobs", str(jobs)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)  # noqa: S603
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"ticketcore score failed with status {process.returncode}")
    return elapsed, usage.ru_maxrss  # kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"tickets-{size}.jsonl"
            write_corpus(path, size)
            megabytes = path.stat().st_size / 1e6
            elapsed, rss = score(path, Path(tmp) / "report.jsonl", args.jobs)
            rows.append((size, megabytes, elapsed, size / elapsed, rss / 1024))
            path.unlink()
    print(f"ticketcore score --jobs {args.jobs} (Python {sys.version.split()[0]})")
    header = ("lines", "input MB", "seconds", "lines/s", "peak RSS MiB")
    print("| " + " | ".join(f"{h:>7}" for h in header) + " |")
    print("|" + "|".join("-" * (max(7, len(h)) + 1) + ":" for h in header) + "|")
    for size, megabytes, elapsed, rate, rss in rows:
        print(f"| {size:>7} | {megabytes:>8.1f} | {elapsed:>7.1f} | {rate:>7.0f} | {rss:>12.1f} |")
    if len(rows) > 1:
        ratio = rows[-1][4] / rows[0][4]
        print(f"peak RSS ratio {rows[-1][0]} / {rows[0][0]} lines: {ratio:.2f}")


if __name__ == "__main__":
    main()
