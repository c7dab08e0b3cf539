"""Evaluate the completeness detectors on the labeled corpus.

Runs ``scan_ticket`` over every ticket and scores each detector at detecting the MISSING
property (the positive class is "the label is false"), which is what the scorer reports to
the customer. Prints precision, recall, F1 and the confusion counts per detector, for the
development corpus and, with ``--holdout``, for the held-out file when it exists.

Usage::

    .venv/bin/python scripts/evaluate_completeness.py [--corpus PATH] [--holdout] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ticketcore.completeness._detectors import CRITERIA, scan_ticket

ROOT = Path(__file__).resolve().parent.parent
DEV_CORPUS = ROOT / "tests" / "data" / "completeness_corpus.jsonl"
HOLDOUT = ROOT / "tests" / "data" / "completeness_holdout.jsonl"

# Corpus label for each criterion scan_ticket reports.
LABELS: Mapping[str, str] = {
    "steps": "has_steps",
    "location": "has_location",
    "error_message": "has_error_message",
    "expected_behavior": "has_expected_behavior",
}


@dataclass(frozen=True)
class Score:
    """Confusion counts for detecting that a property is missing."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Miss:
    """A ticket where the detector disagrees with the label."""

    ticket_id: str
    criterion: str
    labeled: bool
    field: str
    evidence: tuple[str, ...]
    near: tuple[str, ...]


def load(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def evaluate(tickets: Iterable[Mapping[str, object]]) -> tuple[dict[str, Score], list[Miss]]:
    """Score every criterion over ``tickets``; also return the misclassified ones."""
    counts = {criterion: [0, 0, 0, 0] for criterion in CRITERIA}
    misses: list[Miss] = []
    for ticket in tickets:
        fields = {
            "subject": str(ticket["subject"]),
            "message": str(ticket["message"]),
            "location": _optional(ticket["location"]),
            "error_message": _optional(ticket["error_message"]),
        }
        scan = scan_ticket(**fields)  # type: ignore[arg-type]
        labels = ticket["labels"]
        assert isinstance(labels, Mapping)
        for criterion in CRITERIA:
            field, found = scan[criterion]
            labeled = bool(labels[LABELS[criterion]])
            missing, predicted_missing = not labeled, not found.found
            index = {
                (True, True): 0,  # tp: missing and reported missing
                (False, True): 1,  # fp: present but reported missing
                (True, False): 2,  # fn: missing but reported present
                (False, False): 3,  # tn
            }[(missing, predicted_missing)]
            counts[criterion][index] += 1
            if index in (1, 2):
                source = fields[field] or ""
                misses.append(
                    Miss(
                        ticket_id=str(ticket["id"]),
                        criterion=criterion,
                        labeled=labeled,
                        field=field,
                        evidence=tuple(source[a:b] for a, b in found.spans),
                        near=tuple(source[a:b] for a, b in found.near),
                    )
                )
    return {criterion: Score(*values) for criterion, values in counts.items()}, misses


def _optional(value: object) -> str | None:
    return None if value is None else str(value)


def table(title: str, scores: Mapping[str, Score]) -> str:
    rows = [
        f"{title}",
        (
            f"{'missing …':<20}{'precision':>10}{'recall':>8}{'F1':>7}"
            f"{'TP':>5}{'FP':>5}{'FN':>5}{'TN':>5}"
        ),
    ]
    for criterion, score in scores.items():
        rows.append(
            f"{criterion:<20}{score.precision:>10.3f}{score.recall:>8.3f}{score.f1:>7.3f}"
            f"{score.tp:>5}{score.fp:>5}{score.fn:>5}{score.tn:>5}"
        )
    return "\n".join(rows)


def describe(misses: Sequence[Miss]) -> str:
    lines = []
    for miss in sorted(misses, key=lambda m: (m.criterion, m.ticket_id)):
        kind = "FP (present, said missing)" if miss.labeled else "FN (missing, said present)"
        lines.append(f"{miss.criterion:<18} {miss.ticket_id:<14} {kind}")
        if miss.evidence:
            lines.append(f"    evidence in {miss.field}: {list(miss.evidence)!r}")
        if miss.near:
            lines.append(f"    near in {miss.field}: {list(miss.near)!r}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEV_CORPUS, help="labeled JSONL corpus")
    parser.add_argument("--holdout", action="store_true", help="also score the holdout file")
    parser.add_argument("--errors", action="store_true", help="list misclassified tickets")
    args = parser.parse_args(argv)

    files = [("dev corpus", args.corpus)]
    if args.holdout:
        if HOLDOUT.exists():
            files.append(("holdout", HOLDOUT))
        else:
            print(f"(no holdout file at {HOLDOUT})", file=sys.stderr)
    for title, path in files:
        tickets = load(path)
        scores, misses = evaluate(tickets)
        print(table(f"{title}: {path.name} ({len(tickets)} tickets)", scores))
        if args.errors and title == "dev corpus":
            print()
            print(describe(misses))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
