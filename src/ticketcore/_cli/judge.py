"""Judging one record: parse it, validate it, assess it, and tally the results.

The record a judge returns is the JSON object that ``check --format json`` and ``score`` print
for each ticket. It never holds ticket text: problems and findings are described by their code,
path and message, and messages are passed through `ticketcore.redact.redact`, because a
message may quote a value ("got senha: Hunter2!") and command line output ends up in logs.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import attrs

from ticketcore._check import type_name
from ticketcore._cli.records import Record
from ticketcore._convert import MAX_DOCUMENT_BYTES, parse_json
from ticketcore.completeness import assess
from ticketcore.context import Context
from ticketcore.errors import Problem, TicketValidationError
from ticketcore.redact import redact
from ticketcore.rules import RuleSet
from ticketcore.serialize import make_serializer
from ticketcore.ticket import Ticket

__all__ = ["Judge", "Settings", "Tally"]


@attrs.frozen
class Settings:
    """What a judge needs; picklable, so that worker processes can build their own judge."""

    rules: RuleSet
    locale: str
    context: Context
    min_score: int


@attrs.define
class Tally:
    """Counts over the records judged, for the summary at the end of a run."""

    lines: int = 0
    blank: int = 0
    malformed: int = 0
    valid: int = 0
    invalid: int = 0
    passed: int = 0
    scored: int = 0
    score_total: int = 0
    missing: Counter[str] = attrs.field(factory=Counter)
    problems: Counter[str] = attrs.field(factory=Counter)

    @property
    def tickets(self) -> int:
        """The records that held a ticket, valid or not (malformed ones included)."""
        return self.malformed + self.valid + self.invalid

    @property
    def ok(self) -> bool:
        """Whether every ticket was valid and passed."""
        return self.malformed == 0 and self.invalid == 0 and self.passed == self.valid

    def add(self, record: dict[str, Any] | None) -> None:
        """Count one judged record (``None`` for a blank line)."""
        self.lines += 1
        if record is None:
            self.blank += 1
            return
        if record["malformed"]:
            self.malformed += 1
        elif record["valid"]:
            self.valid += 1
        else:
            self.invalid += 1
        self.passed += record["passed"]
        if record["score"] is not None:
            self.scored += 1
            self.score_total += record["score"]
        self.missing.update(f["code"] for f in record["findings"])
        self.problems.update(p["code"] for p in record["problems"])

    def merge(self, other: Tally) -> None:
        """Add the counts of *other* (a worker's chunk) to these."""
        for name in ("lines", "blank", "malformed", "valid", "invalid", "passed", "scored"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.score_total += other.score_total
        self.missing.update(other.missing)
        self.problems.update(other.problems)

    def summary(self, *, top: int = 5) -> list[str]:
        """The summary lines: counts, mean score, most common findings and problems."""
        counts = [f"{self.valid} valid", f"{self.invalid} invalid", f"{self.malformed} malformed"]
        if self.blank:
            counts.append(f"{self.blank} blank")
        head = f"{_plural(self.tickets, 'ticket')}: {', '.join(counts)}; {self.passed} passed"
        lines = [head + "."]
        if self.scored:
            mean = self.score_total / self.scored
            lines.append(f"mean completeness score: {mean:.1f}/100")
        if self.missing:
            common = ", ".join(f"{code} ({n})" for code, n in self.missing.most_common(top))
            lines.append(f"most common findings: {common}")
        if self.problems:
            common = ", ".join(f"{code} ({n})" for code, n in self.problems.most_common(top))
            lines.append(f"most common problems: {common}")
        return lines


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class Judge:
    """Validates and assesses records under one `Settings`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._serializer = make_serializer(rules=settings.rules, context=settings.context)

    def judge(self, record: Record, source: str) -> tuple[dict[str, Any] | None, Ticket | None]:
        """The JSON-ready verdict on *record* (``None`` when blank), and the ticket if valid."""
        if record.blank and record.line is not None:
            return None, None
        if record.overflow:
            problem = Problem(
                path=(),
                code="input_too_large",
                params={"max": MAX_DOCUMENT_BYTES, "actual": record.size},
            )
            return self._malformed(record, source, problem), None
        try:
            data = parse_json(record.raw)
        except TicketValidationError as exc:
            return self._malformed(record, source, exc.problems[0]), None
        if not isinstance(data, dict):
            problem = Problem(
                path=(),
                code="wrong_type",
                params={"expected_type": "object", "actual_type": type_name(data)},
            )
            return self._malformed(record, source, problem), None
        ticket: Ticket | None = None
        problems: tuple[Problem, ...] = ()
        try:
            ticket = self._serializer.from_dict(data)
        except TicketValidationError as exc:
            problems = exc.problems
        settings = self.settings
        report = assess(
            data if ticket is None else ticket,
            rules=settings.rules,
            locale=settings.locale,
            context=settings.context,
        )
        minimum = max(report.min_score, settings.min_score)
        return {
            "source": source,
            "line": record.line,
            "valid": ticket is not None,
            "malformed": False,
            "department": report.department,
            "problems": [self._problem(p) for p in problems],
            "score": report.score,
            "min_score": minimum,
            "passed": ticket is not None and report.passed and report.score >= minimum,
            "findings": [
                {
                    "code": f.code,
                    "severity": f.severity,
                    "field": f.field,
                    "message": f.message,
                    "hint": f.hint,
                }
                for f in report.findings
            ],
        }, ticket

    def _malformed(self, record: Record, source: str, problem: Problem) -> dict[str, Any]:
        return {
            "source": source,
            "line": record.line,
            "valid": False,
            "malformed": True,
            "department": None,
            "problems": [self._problem(problem)],
            "score": None,
            "min_score": self.settings.min_score,
            "passed": False,
            "findings": [],
        }

    def _problem(self, problem: Problem) -> dict[str, Any]:
        return {
            "path": problem.location,
            "code": problem.code,
            "message": redact(problem.message(self.settings.locale)).text,
        }
