"""Micro-benchmark of the completeness text detectors: microseconds per KiB of text.

Run with pytest-benchmark::

    .venv/bin/pytest benchmarks/bench_detectors.py --benchmark-enable -p no:cacheprovider

or as a script, for the µs/KiB figures (best of 7 runs, ``time.perf_counter``)::

    .venv/bin/python benchmarks/bench_detectors.py

Every figure covers the whole job: preparing the text (`Text.of`) and running all five
detectors. "tickets" are the labeled corpus's tickets through `scan_ticket` plus the subject
detector, one by one (per-ticket overhead included); "prose" is 1 MiB of generated bilingual
ticket prose; "log" is 1 MiB of pasted server log with no cue for most detectors, so they
read it to the end.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from timing import best_of

from ticketcore.completeness._detectors import (
    Text,
    detect_error_message,
    detect_expected_behavior,
    detect_location,
    detect_steps,
    detect_vague_subject,
    scan_ticket,
)

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "completeness_corpus.jsonl"
MIB = 1 << 20
RUNS = 7

SENTENCES = (
    "Hello, my website has been down since yesterday at 10:00 and customers cannot buy.",
    "I tried to access the admin panel at www.example.com/admin but it shows error 500.",
    "Bom dia, o site está fora do ar desde ontem e quando acesso o painel dá erro.",
    "Já limpei o cache do navegador e testei em outro computador, mas continua.",
    "The page should load in two seconds like it did last week.",
    "Obrigado pela atenção, aguardo retorno o mais rápido possível.",
    "Os e-mails enviados para os clientes estão voltando com 550 5.1.1.",
    "Meu plano é o de 10 GB e eu gostaria de saber se posso aumentar o espaço.",
)
LOG_LINES = (
    "203.0.113.7 - - [18/Mar/2024:21:03:11 -0300] GET /index.php HTTP/1.1 200 5120",
    "[2024-03-18 21:03:12] INFO worker started, queue=emails, pid=4411",
    "Mar 18 21:03:13 srv12 postfix/smtpd[2231]: connect from unknown[198.51.100.4]",
)


def generated(lines: tuple[str, ...], size: int, seed: int) -> str:
    chooser = random.Random(seed)  # reproducible text, not security
    parts: list[str] = []
    length = 0
    while length < size:
        parts.append(chooser.choice(lines))
        length += len(parts[-1]) + 1
    return "\n".join(parts)[:size]


def all_detectors(text: str) -> None:
    prepared = Text.of(text)
    detect_steps(prepared)
    detect_location(prepared)
    detect_error_message(prepared)
    detect_expected_behavior(prepared)
    detect_vague_subject(prepared)


def corpus_tickets() -> list[dict[str, Any]]:
    if not CORPUS.exists():
        return [{"subject": s[:40], "message": s} for s in SENTENCES]
    with CORPUS.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def scan_all(tickets: list[dict[str, Any]]) -> None:
    for ticket in tickets:
        scan_ticket(
            subject=ticket["subject"],
            message=ticket["message"],
            location=ticket.get("location"),
            error_message=ticket.get("error_message"),
        )
        detect_vague_subject(Text.of(ticket["subject"]))


def kib(tickets: list[dict[str, Any]]) -> float:
    fields = ("subject", "message", "location", "error_message")
    return sum(len((ticket.get(f) or "").encode()) for ticket in tickets for f in fields) / 1024


@pytest.fixture(scope="module")
def tickets() -> list[dict[str, Any]]:
    return corpus_tickets()


def test_tickets(benchmark: Any, tickets: list[dict[str, Any]]) -> None:
    benchmark.extra_info["KiB"] = round(kib(tickets), 1)
    benchmark(scan_all, tickets)


def test_prose_1mib(benchmark: Any) -> None:
    benchmark(all_detectors, generated(SENTENCES, MIB, 1))


def test_log_1mib(benchmark: Any) -> None:
    benchmark(all_detectors, generated(LOG_LINES, MIB, 2))


def main() -> None:
    tickets = corpus_tickets()
    seconds = best_of(lambda: scan_all(tickets), RUNS)
    size = kib(tickets)
    print(
        f"tickets  {len(tickets)} tickets, {size:.1f} KiB: {seconds * 1e6 / size:7.1f} µs/KiB,"
        f" {seconds * 1e6 / len(tickets):6.1f} µs/ticket"
    )
    for name, text in (
        ("prose", generated(SENTENCES, MIB, 1)),
        ("log", generated(LOG_LINES, MIB, 2)),
    ):
        seconds = best_of(lambda text=text: all_detectors(text), RUNS)  # type: ignore[misc]
        print(f"{name:8} 1 MiB: {seconds * 1e6 / 1024:7.1f} µs/KiB")


if __name__ == "__main__":
    main()
