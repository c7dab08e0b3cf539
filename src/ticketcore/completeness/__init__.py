"""Completeness scoring: judge whether a ticket tells the support team enough to act.

`assess` reads a ticket, or a draft still being typed, and returns a `CompletenessReport`:
a score, the `Finding` for each thing that is missing (with a localized message and hint),
and the criteria met (`Satisfied`), each with the `Evidence` spans it was judged on. The
text detectors it runs live in private modules; ``_detectors`` is their entry point.
"""

from ticketcore.completeness._assess import MIN_MESSAGE_WORDS, assess
from ticketcore.completeness._report import CompletenessReport, Evidence, Finding, Satisfied

__all__ = [
    "MIN_MESSAGE_WORDS",
    "CompletenessReport",
    "Evidence",
    "Finding",
    "Satisfied",
    "assess",
]
