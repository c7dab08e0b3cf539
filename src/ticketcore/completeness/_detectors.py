"""The text detectors of the completeness scorer, and how they combine over one ticket.

Each detector is a pure function of a prepared `Text` and returns a `Detection`; none keeps
state, reads the clock or the environment. `scan_ticket` applies them to the fields of one
ticket the way the scorer and the evaluation script both need.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final, Literal

from ticketcore.completeness._errors import detect_error_message
from ticketcore.completeness._expected import detect_expected_behavior
from ticketcore.completeness._location import detect_location
from ticketcore.completeness._steps import detect_steps
from ticketcore.completeness._subject import detect_vague_subject
from ticketcore.completeness._text import MAX_SPANS, Detection, Span, Text

__all__ = [
    "CRITERIA",
    "MAX_SPANS",
    "Detection",
    "Field",
    "Span",
    "Text",
    "detect_error_message",
    "detect_expected_behavior",
    "detect_location",
    "detect_steps",
    "detect_vague_subject",
    "scan_ticket",
]

Field = Literal["subject", "message", "location", "error_message"]
"""The ticket field a detection's spans point into."""

CRITERIA: Final = ("steps", "location", "error_message", "expected_behavior")
"""The criteria `scan_ticket` judges, in the order it reports them."""


def scan_ticket(
    *, subject: str, message: str, location: str | None, error_message: str | None
) -> Mapping[str, tuple[Field, Detection]]:
    """Run the detectors over one ticket's fields.

    A non-blank ``location`` or ``error_message`` field satisfies its criterion on its own.
    Otherwise the message is searched, then the subject (a customer often puts the site or
    the error code there). Steps and the expected behaviour are searched in the message only.

    Args:
        subject: The ticket's subject line.
        message: The ticket's body.
        location: The dedicated location field, if the form has one.
        error_message: The dedicated error message field, if the form has one.

    Returns:
        For each of `CRITERIA`, the field the spans point into and the detection.

    >>> scan = scan_ticket(
    ...     subject="Erro 500", message="Site fora", location=None, error_message=None
    ... )
    >>> scan["error_message"]
    ('subject', Detection(found=True, spans=((0, 8),), near=()))
    """
    body = Text.of(message)
    title = Text.of(subject)
    return {
        "steps": ("message", detect_steps(body)),
        "location": _field_or_text("location", location, body, title, detect_location),
        "error_message": _field_or_text(
            "error_message", error_message, body, title, detect_error_message
        ),
        "expected_behavior": ("message", detect_expected_behavior(body)),
    }


def _field_or_text(
    name: Literal["location", "error_message"],
    value: str | None,
    body: Text,
    title: Text,
    detect: Callable[[Text], Detection],
) -> tuple[Field, Detection]:
    if value is not None and value.strip():
        start = len(value) - len(value.lstrip())
        end = len(value.rstrip())
        return (name, Detection(found=True, spans=((start, end),)))
    in_body = detect(body)
    if in_body.found:
        return ("message", in_body)
    in_title = detect(title)
    if in_title.found:
        return ("subject", in_title)
    return ("message", in_body)
