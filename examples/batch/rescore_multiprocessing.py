"""Rescore a JSONL export of tickets on every CPU core with multiprocessing.

Usage: ``python rescore_multiprocessing.py export.jsonl report.jsonl``

The parent reads the export in chunks of lines and the workers validate and score them; the
report keeps the export's order, one JSON line per ticket.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
from collections.abc import Iterator
from itertools import islice
from typing import Any, TextIO

from rescore import rescore_line

CHUNK_LINES = 200  # enough work per task to outweigh sending it to a worker


def chunks(lines: TextIO, size: int) -> Iterator[list[str]]:
    """The non-blank lines of *lines*, *size* at a time."""
    stripped = (line for line in lines if line.strip())
    while chunk := list(islice(stripped, size)):
        yield chunk


def rescore_chunk(lines: list[str]) -> list[dict[str, Any]]:
    """Rescore one chunk of lines, in a worker."""
    return [rescore_line(line) for line in lines]


def rescore_file(source: str, target: str, *, processes: int | None = None) -> int:
    """Write the report of *source* to *target*; return the number of tickets rescored."""
    count = 0
    with (
        open(source, encoding="utf-8") as lines,
        open(target, "w", encoding="utf-8") as report,
        multiprocessing.Pool(processes) as pool,
    ):
        # imap, not map: chunks stream through the pool, and results come back in order.
        for results in pool.imap(rescore_chunk, chunks(lines, CHUNK_LINES)):
            for result in results:
                report.write(json.dumps(result, ensure_ascii=False) + "\n")
            count += len(results)
    return count


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and rescore."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="the JSONL export to read")
    parser.add_argument("target", help="the JSONL report to write")
    parser.add_argument("--processes", type=int, help="worker processes (default: one per CPU)")
    args = parser.parse_args(argv)
    count = rescore_file(args.source, args.target, processes=args.processes)
    print(f"rescored {count} tickets into {args.target}")


if __name__ == "__main__":
    main()
