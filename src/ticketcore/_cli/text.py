"""The terminal rendering of ``ticketcore check``: one block per ticket, easy to scan."""

from __future__ import annotations

from typing import Any

from ticketcore.redact import redact
from ticketcore.ticket import Ticket

__all__ = ["render"]


def render(record: dict[str, Any], ticket: Ticket | None) -> list[str]:
    """The lines that describe one judged ticket.

    The first line says where the ticket is and whether it is valid; then come the
    problems (path, message, code), the completeness score and the findings with their hints.
    """
    where = record["source"] if record["line"] is None else f"{record['source']}:{record['line']}"
    problems = record["problems"]
    if record["malformed"]:
        head = f"{where}: malformed"
    elif ticket is not None:
        head = f"{where}: valid — {_summary(ticket)}"
    else:
        count = len(problems)
        head = f"{where}: invalid ({count} problem{'' if count == 1 else 's'})"
    lines = [head]
    lines.extend(f"  {p['path']}: {p['message']} [{p['code']}]" for p in problems)
    if record["score"] is not None:
        lines.append(f"  completeness {record['score']}/100: {_outcome(record)}")
        for finding in record["findings"]:
            lines.append(f"  {finding['severity']}: {finding['message']} [{finding['code']}]")
            lines.append(f"    hint: {finding['hint']}")
    return lines


def _outcome(record: dict[str, Any]) -> str:
    if record["passed"]:
        return "passed"
    if not record["valid"]:
        return "not passed (invalid)"
    blockers = sum(f["severity"] == "blocker" for f in record["findings"])
    if record["score"] < record["min_score"]:
        return f"not passed (below the minimum of {record['min_score']})"
    return f"not passed ({blockers} blocker{'' if blockers == 1 else 's'})"


def _summary(ticket: Ticket) -> str:
    # The subject is the customer's text: a password typed into it is masked.
    subject = redact(ticket.subject).text
    return f"{ticket.department.id}, {ticket.priority.value} priority, {subject!r}"
