"""Rescore one line of a JSONL export: shared by the multiprocessing and Dask examples.

Each line of the export is ``{"id": "<the help desk's id>", "ticket": {<wire format v1>}}``. Old
tickets may not validate under today's rules, so each is validated in the ``import`` context and
scored as a draft, which never fails on content.
"""

from __future__ import annotations

import json
from typing import Any

import ticketcore


def rescore_line(line: str, /) -> dict[str, Any]:
    """Validate and score one exported ticket; return its line of the JSONL report."""
    try:
        record = json.loads(line)
        ticket_id, draft = record["id"], record["ticket"]
    except (ValueError, TypeError, KeyError):
        return {"id": None, "error": "not a record of the export"}
    if not isinstance(draft, dict):
        return {"id": ticket_id, "error": "not a record of the export"}
    try:
        ticketcore.from_dict(draft, context="import")
    except ticketcore.TicketValidationError as error:
        problems = list(error.codes)
    else:
        problems = []
    report = ticketcore.assess(draft, context="import")
    return {
        "id": ticket_id,
        "valid": not problems,
        "problems": problems,
        "score": report.score,
        "passed": report.passed,
        "missing": list(report.missing),
    }
