"""Compare ticketcore's serializer with an equivalent pydantic v2 model on a generated corpus.

Run: ``.venv/bin/python benchmarks/bench_serialize.py [n]``
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import make_corpus
from pydantic import ValidationError
from pydantic_model import Ticket as PydanticTicket
from timing import best_of

from ticketcore.errors import TicketValidationError
from ticketcore.serialize import make_serializer

RUNS = 5


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    corpus = make_corpus(n)
    valid = [doc for ok, doc in corpus if ok]
    invalid = [doc for ok, doc in corpus if not ok]
    serializer = make_serializer()
    tickets = [serializer.from_dict(doc) for doc in valid]
    models = [PydanticTicket.model_validate(doc) for doc in valid]

    def tc_valid() -> None:
        for doc in valid:
            serializer.from_dict(doc)

    def pd_valid() -> None:
        for doc in valid:
            PydanticTicket.model_validate(doc)

    tc_problems: list[int] = []
    pd_problems: list[int] = []

    def tc_invalid() -> None:
        tc_problems.clear()
        for doc in invalid:
            try:
                serializer.from_dict(doc)
            except TicketValidationError as exc:
                tc_problems.append(len(exc.problems))

    def pd_invalid() -> None:
        pd_problems.clear()
        for doc in invalid:
            try:
                PydanticTicket.model_validate(doc)
            except ValidationError as exc:
                pd_problems.append(exc.error_count())

    def tc_dict() -> None:
        for ticket in tickets:
            serializer.to_dict(ticket)

    def pd_dict() -> None:
        for model in models:
            model.model_dump()

    def tc_json() -> None:
        for ticket in tickets:
            serializer.to_json(ticket)

    def pd_json() -> None:
        for model in models:
            model.model_dump_json()

    print(f"corpus: {n} tickets ({len(valid)} valid, {len(invalid)} invalid), best of {RUNS}")
    print(f"{'operation':<28}{'ticketcore µs':>15}{'pydantic µs':>14}{'ratio':>8}")
    for name, tc, pd, count in (
        ("structure valid input", tc_valid, pd_valid, len(valid)),
        ("reject invalid input", tc_invalid, pd_invalid, len(invalid)),
        ("to_dict / model_dump", tc_dict, pd_dict, len(valid)),
        ("to_json / model_dump_json", tc_json, pd_json, len(valid)),
    ):
        a = best_of(tc, RUNS) / count * 1e6
        b = best_of(pd, RUNS) / count * 1e6
        print(f"{name:<28}{a:>15.1f}{b:>14.1f}{a / b:>8.1f}")
    assert len(tc_problems) == len(pd_problems) == len(invalid), "every invalid ticket refused"
    print(
        f"problems on invalid part: ticketcore {sum(tc_problems)} "
        f"({sum(tc_problems) / len(invalid):.2f}/ticket), "
        f"pydantic {sum(pd_problems)} ({sum(pd_problems) / len(invalid):.2f}/ticket)"
    )


if __name__ == "__main__":
    main()
