"""Tests for `ticketcore.limits`."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from _hostile import wrong_types
from ticketcore import DEFAULT_LIMITS, Limits, TicketValidationError
from ticketcore.limits import MIB


def wrong(expected: str, actual: str) -> dict[str, object]:
    """The parameters of a `wrong_type` problem."""
    return {"expected_type": expected, "actual_type": actual}


def test_default_limits() -> None:
    """By default: subjects of 3 to 200 characters, ten files of up to 25 MiB."""
    assert (
        DEFAULT_LIMITS.subject_min_length,
        DEFAULT_LIMITS.subject_max_length,
        DEFAULT_LIMITS.message_max_length,
        DEFAULT_LIMITS.error_message_max_length,
        DEFAULT_LIMITS.max_attachments,
        DEFAULT_LIMITS.max_attachment_size,
    ) == (3, 200, 65_536, 8_192, 10, 25 * MIB)
    assert sorted(DEFAULT_LIMITS.allowed_extensions) == [
        "csv", "gif", "jpeg", "jpg", "log", "pdf", "png", "txt", "webp", "zip",
    ]  # fmt: skip
    assert "application/x-msdownload" not in DEFAULT_LIMITS.allowed_content_types
    assert Limits() == DEFAULT_LIMITS


def test_allowed_names_become_frozen_sets() -> None:
    """Lists of allowed types and extensions are kept as frozen sets, so limits hash."""
    limits = Limits(allowed_content_types=["image/png"], allowed_extensions=("png", "png"))
    assert limits.allowed_content_types == frozenset({"image/png"})
    assert limits.allowed_extensions == frozenset({"png"})
    assert hash(limits) == hash(attrs.evolve(limits))


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"max_attachments": -1}, [(("max_attachments",), "too_small", {"min": 0, "actual": -1})]),
        (
            {"max_attachment_size": 1.5},
            [(("max_attachment_size",), "wrong_type", wrong("integer", "number"))],
        ),
        (
            {"text_max_length": True},
            [(("text_max_length",), "wrong_type", wrong("integer", "boolean"))],
        ),
        (
            {"subject_min_length": 10, "subject_max_length": 5},
            [(("subject_max_length",), "invalid_range", {"min": 10, "actual": 5})],
        ),
        (
            {"allowed_content_types": 5},
            [(("allowed_content_types",), "wrong_type", wrong("array", "integer"))],
        ),
        (
            {"allowed_content_types": "image/png"},
            [(("allowed_content_types",), "wrong_type", wrong("array", "string"))],
        ),
        (
            {"allowed_extensions": [["png"]]},
            [(("allowed_extensions",), "wrong_type", wrong("string", "array"))],
        ),
        (
            {"allowed_extensions": [1]},
            [(("allowed_extensions",), "wrong_type", wrong("string", "integer"))],
        ),
    ],
)
def test_invalid_limits_are_refused(
    changes: dict[str, Any], expected: list[tuple[object, ...]]
) -> None:
    """Limits are checked like any input: whole numbers, not negative, a consistent range."""
    with pytest.raises(TicketValidationError) as info:
        Limits(**changes)
    assert [(p.path, p.code, dict(p.params)) for p in info.value.problems] == expected


@given(st.sampled_from([f.name for f in attrs.fields(Limits)]), wrong_types)
def test_any_wrong_type_gives_our_error(field: str, value: object) -> None:
    """Any value in any limit gives limits or problems at that limit, never a crash."""
    values: dict[str, Any] = {field: value}
    try:
        Limits(**values)
    except TicketValidationError as exc:
        assert {p.path for p in exc.problems} <= {(field,), ("subject_max_length",)}  # noqa: PT017
