"""Fuzz `ticketcore.assess`: any mapping gives a report; nothing may be raised.

Run by hand: ``python fuzz/fuzz_assess.py`` (see ``fuzz/README.md``).
"""

from __future__ import annotations

import json

from _fuzzdata import Draw, main, require, ticket_document

from ticketcore import CONTEXTS, LOCALES, CompletenessReport, assess


def check_report(report: CompletenessReport) -> None:
    """A report has a score in range and a JSON-ready form."""
    require(0 <= report.score <= 100, f"score {report.score}")
    require(set(report.missing) == {f.code for f in report.findings}, "missing != findings")
    json.dumps(report.as_dict(), allow_nan=False)


def one_input(data: bytes) -> None:
    """Assess a drawn mapping, or a mutated valid ticket, in any locale and context."""
    draw = Draw(data)
    locale = draw.choice(LOCALES)
    context = draw.choice(CONTEXTS)
    document = ticket_document(draw)
    if not isinstance(document, dict):
        document = {"subject": document, "message": document}
    check_report(assess(document, locale=locale, context=context))


if __name__ == "__main__":
    main(one_input)
