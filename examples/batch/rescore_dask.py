"""Rescore a JSONL export of tickets with Dask, on a local cluster.

Usage: ``python rescore_dask.py export.jsonl report.jsonl [--processes N]``

`dask.bag` reads the export in blocks, scores each line on the cluster's workers, and writes the
report as JSON lines. Scoring is pure Python, so it runs in parallel only in worker *processes*
(``--processes 4``); the default cluster runs in this process, for small exports and tests.
For a cluster of machines, pass the scheduler's address to ``Client`` instead.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import dask.bag as db
from dask.distributed import Client, LocalCluster
from rescore import rescore_line

BLOCK_SIZE = "16MiB"  # bytes of the export per partition


def rescore_file(source: str, target: str, *, client: Client) -> int:
    """Write the report of *source* to *target* using *client*; return the number of tickets."""
    reports = (
        db.read_text(source, blocksize=BLOCK_SIZE, encoding="utf-8")
        .filter(str.strip)
        .map(rescore_line)
        .map(json.dumps, ensure_ascii=False)
    )
    # Every partition is scored at once; the report is written in the export's order.
    count = 0
    with Path(target).open("w", encoding="utf-8") as report:
        for future in client.compute(reports.to_delayed()):
            lines = future.result()
            report.writelines(line + "\n" for line in lines)
            count += len(lines)
    return count


def main(argv: list[str] | None = None) -> None:
    """Parse the command line, start a local cluster and rescore."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="the JSONL export to read")
    parser.add_argument("target", help="the JSONL report to write")
    parser.add_argument("--processes", type=int, default=0, help="worker processes (default: none)")
    args = parser.parse_args(argv)
    if args.processes:
        cluster = LocalCluster(n_workers=args.processes, threads_per_worker=1)
    else:
        # Threads in this process, talking in memory. The scheduler always serves HTTP (the
        # dashboard): on a free port, and only to this machine.
        cluster = LocalCluster(
            processes=False, n_workers=1, threads_per_worker=2, dashboard_address="127.0.0.1:0"
        )
    with cluster, Client(cluster) as client:
        count = rescore_file(args.source, args.target, client=client)
    print(f"rescored {count} tickets into {args.target}")


if __name__ == "__main__":
    main()
