"""Time `ticketcore.assess` on the generated corpus, and against pydantic at a 2 KiB message.

Run: ``.venv/bin/python benchmarks/bench_assess.py [n]`` (10 000 tickets by default).

Every document of the serializer benchmark's corpus (valid and invalid alike: `assess` takes
drafts) is assessed with the default rules; the text is the subject, message, location and
error message, UTF-8 encoded. The comparison gives every valid document a message of exactly
2 KiB and times `assess` against validating the same documents with the pydantic v2 model of
the wire format (``pydantic_model.py``). Each figure is the best of 5 timed runs after a
warm-up (`timing.best_of`), and all of them come from one run of this script.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from corpus import make_corpus
from pydantic_model import Ticket as PydanticTicket
from timing import best_of

from ticketcore import assess

KIB = 1024
TEXT_FIELDS = ("subject", "message", "location", "error_message")
# Message sizes of the corpus, in bytes: each band is reported on its own.
BANDS = ((0, 1 * KIB), (1 * KIB, 4 * KIB), (4 * KIB, 9 * KIB))


def text_kib(docs: Sequence[dict[str, Any]]) -> float:
    """KiB of the text fields that the detectors read (non-string values count nothing)."""
    size = 0
    for doc in docs:
        for field in TEXT_FIELDS:
            value = doc.get(field)
            if isinstance(value, str):
                size += len(value.encode("utf-8"))
    return size / KIB


def assess_all(docs: Sequence[dict[str, Any]]) -> Callable[[], None]:
    def run() -> None:
        for doc in docs:
            assess(doc)

    return run


def with_message_of(doc: dict[str, Any], size: int) -> dict[str, Any]:
    """*doc* with its message repeated or cut to *size* characters (ASCII-heavy: ~bytes)."""
    message = doc["message"]
    repeated = (message + " ") * (size // (len(message) + 1) + 1)
    return {**doc, "message": repeated[:size]}


def row(name: str, docs: Sequence[dict[str, Any]]) -> None:
    seconds = best_of(assess_all(docs))
    size = text_kib(docs)
    print(
        f"{name:28} {len(docs):6} {size:9.0f} {seconds * 1e6 / len(docs):10.1f}"
        f" {seconds * 1e6 / size:10.1f}"
    )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    corpus = make_corpus(n)
    docs = [doc for _, doc in corpus]
    valid = [doc for ok, doc in corpus if ok]

    print(f"{'assess':28} {'docs':>6} {'text KiB':>9} {'µs/ticket':>10} {'µs/KiB':>10}")
    row("whole corpus", docs)
    for low, high in BANDS:
        band = [d for d in docs if low <= len(str(d.get("message", "")).encode()) < high]
        row(f"message {low // KIB} to {high // KIB} KiB", band)

    two_kib = [with_message_of(doc, 2 * KIB) for doc in valid]
    ours = best_of(assess_all(two_kib)) / len(two_kib)

    def validate() -> None:
        for doc in two_kib:
            PydanticTicket.model_validate(doc)

    theirs = best_of(validate) / len(two_kib)
    print()
    print(f"2 KiB message, {len(two_kib)} valid tickets   µs/ticket")
    print(f"  ticketcore.assess                {ours * 1e6:8.1f}")
    print(f"  pydantic v2 model_validate       {theirs * 1e6:8.1f}")
    print(f"  ratio assess / pydantic          {ours / theirs:8.2f}")


if __name__ == "__main__":
    main()
