"""Measure `ticketcore.redact` against the labeled snippets in tests/data/redaction_snippets.jsonl.

Usage: .venv/bin/python scripts/evaluate_redaction.py [--errors] [--data PATH]

Scoring is at the secret level:

* each labeled secret is located in its snippet's text (its ``occurrence``-th appearance, 0 if
  not given); it is *found* when one redaction covers its whole value;
* a redaction is *correct* when it covers at least one whole labeled secret; any other
  redaction (one on a negative snippet, or one that only clips a secret) is a false positive.

precision = correct redactions / all redactions; recall = found secrets / labeled secrets.
Per-kind precision groups redactions by the kind `redact` gave them; per-kind recall groups
secrets by their labeled kind. "exact" counts found secrets whose redaction is exactly the labeled
value (no extra characters masked), and "kind ok" those whose redaction has the labeled kind.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from ticketcore.redact import Redaction, redact

DEFAULT_DATA = (
    Path(__file__).resolve().parent.parent / "tests" / "data" / "redaction_snippets.jsonl"
)
PRECISION_TARGET = 0.95
RECALL_TARGET = 0.90


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def locate(text: str, value: str, occurrence: int) -> tuple[int, int]:
    position = -1
    for _ in range(occurrence + 1):
        position = text.find(value, position + 1)
        if position == -1:
            raise ValueError(f"value {value!r} does not occur {occurrence + 1} time(s)")
    return position, position + len(value)


class Tally:
    def __init__(self) -> None:
        self.redactions = 0
        self.correct = 0
        self.secrets = 0
        self.found = 0
        self.exact = 0
        self.kind_ok = 0

    @property
    def precision(self) -> float:
        return self.correct / self.redactions if self.redactions else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.secrets if self.secrets else 1.0


def covers(item: Redaction, span: tuple[int, int]) -> bool:
    return item.start <= span[0] and span[1] <= item.end


def evaluate(rows: list[dict[str, Any]]) -> tuple[dict[str, Tally], list[str]]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    errors: list[str] = []
    for row in rows:
        text = row["text"]
        result = redact(text)
        labeled = [
            (locate(text, s["value"], s.get("occurrence", 0)), s["kind"]) for s in row["secrets"]
        ]
        groups = ("all", f"lang:{row['lang']}")
        for span, kind in labeled:
            keys = (*groups, f"kind:{kind}")
            hits = [item for item in result.redactions if covers(item, span)]
            for key in keys:
                tallies[key].secrets += 1
            if not hits:
                errors.append(f"MISS  {row['id']} {kind}: {text[span[0] : span[1]]!r}")
                continue
            for key in keys:
                tallies[key].found += 1
                if (hits[0].start, hits[0].end) == span:
                    tallies[key].exact += 1
                if hits[0].kind.value == kind:
                    tallies[key].kind_ok += 1
            if (hits[0].start, hits[0].end) != span:
                errors.append(
                    f"WIDE  {row['id']} {kind}: masked {text[hits[0].start : hits[0].end]!r}"
                )
            if hits[0].kind.value != kind:
                errors.append(f"KIND  {row['id']}: labeled {kind}, got {hits[0].kind.value}")
        for item in result.redactions:
            keys = (*groups, f"kind:{item.kind.value}")
            correct = any(covers(item, span) for span, _ in labeled)
            for key in keys:
                tallies[key].redactions += 1
                tallies[key].correct += correct
            if not correct:
                errors.append(
                    f"FP    {row['id']} {item.kind.value}: {text[item.start : item.end]!r}"
                    f" in {text!r}"
                )
    return tallies, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list misses and false positives")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    rows = load(args.data)
    tallies, errors = evaluate(rows)
    negatives = sum(1 for row in rows if not row["secrets"])
    print(f"{len(rows)} snippets ({negatives} without secrets), data: {args.data.name}")
    header = f"{'group':<26}{'precision':>10}{'recall':>8}{'found':>11}{'exact':>7}{'kind ok':>9}"
    print(header)
    print("-" * len(header))
    order = ["all", *sorted(key for key in tallies if key != "all")]
    for key in order:
        tally = tallies[key]
        found = f"{tally.found}/{tally.secrets}"
        print(
            f"{key:<26}{tally.precision:>10.3f}{tally.recall:>8.3f}{found:>11}"
            f"{tally.exact:>7}{tally.kind_ok:>9}"
        )
    total = tallies["all"]
    print(f"redactions: {total.redactions}, false positives: {total.redactions - total.correct}")
    if args.errors:
        print()
        print("\n".join(errors) if errors else "no errors")
    met = total.precision >= PRECISION_TARGET and total.recall >= RECALL_TARGET
    print(
        f"targets (precision >= {PRECISION_TARGET}, recall >= {RECALL_TARGET}): "
        f"{'met' if met else 'NOT met'}"
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
