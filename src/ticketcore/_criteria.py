"""The completeness criteria's finding codes and default weights, shared by rules and scorer.

Kept apart from `ticketcore.completeness` so that `Department` can check its weights
without importing the scorer (which imports the rules).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final, Literal

__all__ = ["DEFAULT_WEIGHTS", "FINDING_CODES", "MAX_SCORE", "Severity"]

Severity = Literal["blocker", "warning", "info"]
"""How much a finding matters: a blocker stops a submission, a warning should be fixed."""

MAX_SCORE: Final = 100

DEFAULT_WEIGHTS: Final = MappingProxyType(
    {
        # Developers rank, in bug reports: steps > error message > location >
        # observed/expected > screenshot. The rest keeps a ticket actionable at all.
        "steps_missing": 25,
        "error_message_missing": 20,
        "location_missing": 15,
        "expected_behavior_missing": 10,
        "screenshot_missing": 5,
        "message_too_short": 10,
        "subject_vague": 5,
        "service_missing": 10,
    }
)
"""The weight of each weighted criterion, by the code of the finding it gives when unmet."""

FINDING_CODES: Final = (*DEFAULT_WEIGHTS, "credentials_in_message")
"""Every finding code the scorer gives, weighted criteria first."""
