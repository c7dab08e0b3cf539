"""``ticketcore score``: judge a JSON Lines file of any size in constant memory.

Records are judged in chunks of `CHUNK_LINES`. With several jobs, chunks go to a process pool
through ``apply_async`` and at most ``2 * jobs`` of them are in flight: ``Pool.imap`` would
read the whole input ahead of the workers, which is what constant memory rules out. Results
are written in input order.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import Any, Final, TextIO

from ticketcore._cli.judge import Judge, Settings, Tally
from ticketcore._cli.records import Record

__all__ = ["CHUNK_LINES", "dumps", "score_records"]

CHUNK_LINES: Final = 256
"""Records per chunk: large enough to amortize inter-process traffic, small enough to stream."""

_Chunk = list[Record]
_Done = tuple[str, Tally, int]  # output lines, their tally, bytes of input they cover

_judge: Judge | None = None  # a worker process's judge, built once by `_start_worker`


def score_records(
    records: Iterable[Record],
    source: str,
    settings: Settings,
    out: TextIO,
    *,
    jobs: int = 1,
    progress: Callable[[int], object] | None = None,
) -> Tally:
    """Judge *records* and write one JSON object per ticket to *out*; return the tally.

    Args:
        records: The input's records, read lazily.
        source: The input's name, written in each output object.
        settings: What the judges apply.
        out: Where the JSON Lines go.
        jobs: How many processes judge; 1 judges in this process.
        progress: Called with the number of input bytes each finished chunk covers.
    """
    tally = Tally()
    chunks = _chunks(records)
    done: Iterator[_Done]
    if jobs <= 1:
        judge = Judge(settings)
        done = (_judge_chunk(judge, chunk, source) for chunk in chunks)
        for item in done:
            _write(item, out, tally, progress)
        return tally
    context = multiprocessing.get_context()
    with context.Pool(jobs, initializer=_start_worker, initargs=(settings,)) as pool:
        pending: deque[AsyncResult[_Done]] = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_work, (chunk, source)))
            while len(pending) >= 2 * jobs:
                _write(pending.popleft().get(), out, tally, progress)
        while pending:
            _write(pending.popleft().get(), out, tally, progress)
    return tally


def _chunks(records: Iterable[Record]) -> Iterator[_Chunk]:
    iterator = iter(records)
    while chunk := list(itertools.islice(iterator, CHUNK_LINES)):
        yield chunk


def _write(
    done: _Done, out: TextIO, tally: Tally, progress: Callable[[int], object] | None
) -> None:
    text, counted, size = done
    out.write(text)
    tally.merge(counted)
    if progress is not None:
        progress(size)


def _judge_chunk(judge: Judge, chunk: _Chunk, source: str) -> _Done:
    tally = Tally()
    lines: list[str] = []
    for record in chunk:
        verdict, _ = judge.judge(record, source)
        tally.add(verdict)
        if verdict is not None:
            lines.append(dumps(verdict) + "\n")
    return "".join(lines), tally, sum(r.size for r in chunk)


def _start_worker(settings: Settings) -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent alone handles it, so
    # that workers do not each print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _judge  # noqa: PLW0603 (one judge per worker process, built once)
    _judge = Judge(settings)


def _work(chunk: _Chunk, source: str) -> _Done:
    assert _judge is not None, "the pool's initializer builds the judge"  # noqa: S101
    return _judge_chunk(_judge, chunk, source)


def dumps(record: dict[str, Any]) -> str:
    """One output line for *record*."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
