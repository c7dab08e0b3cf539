"""The text detectors of the completeness scorer, and how they combine over one ticket.

Each detector is a pure function of a prepared `Text` and returns a `Detection`; none keeps
state, reads the clock or the environment. `scan_ticket` applies them to the fields of one
ticket the way the scorer and the evaluation script both need.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Final, Literal

from ticketcore.completeness._errors import detect_error_field, detect_error_message
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
    "detect_error_field",
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

    The dedicated ``location`` and ``error_message`` fields are read first, by the same
    detectors, so that junk typed into them ("no painel", "dá erro") does not count. Then the
    message, then the subject (customers often put the site or the error code there); for
    the location, last of all the error field (a pasted error often names the host). Steps
    and the expected behaviour are searched in the message only.

    Args:
        subject: The ticket's subject line.
        message: The ticket's body.
        location: The dedicated location field, if the form has one.
        error_message: The dedicated error message field, if the form has one.

    Returns:
        For each of `CRITERIA`, the field the spans point into and the detection: the first
        field where the criterion is found, or the message's detection (with its near misses)
        when it is found nowhere.

    >>> scan = scan_ticket(
    ...     subject="Erro 500", message="Site fora", location=None, error_message=None
    ... )
    >>> scan["error_message"]
    ('subject', Detection(found=True, spans=((0, 8),), near=()))
    """
    body = Text.of(message)
    title = Text.of(subject)
    place = _prepared(location)
    error = _prepared(error_message)
    return {
        "steps": ("message", detect_steps(body)),
        "location": _first_found(
            detect_location,
            (("location", place), ("message", body), ("subject", title), ("error_message", error)),
        ),
        "error_message": _first_found(
            detect_error_field,
            (("error_message", error),),
            detect_error_message,
            (("message", body), ("subject", title)),
        ),
        "expected_behavior": ("message", detect_expected_behavior(body)),
    }


def _prepared(value: str | None) -> Text | None:
    return Text.of(value) if value is not None and value.strip() else None


def _first_found(
    detect: Callable[[Text], Detection],
    fields: Sequence[tuple[Field, Text | None]],
    then: Callable[[Text], Detection] | None = None,
    then_fields: Sequence[tuple[Field, Text | None]] = (),
) -> tuple[Field, Detection]:
    fallback: tuple[Field, Detection] | None = None
    for detector, group in ((detect, fields), (then or detect, then_fields)):
        for name, text in group:
            if text is None:
                continue
            detected = detector(text)
            if detected.found:
                return (name, detected)
            if name == "message":
                fallback = (name, detected)
    return fallback or ("message", Detection(found=False))
