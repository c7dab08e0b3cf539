"""Tests for `ticketcore.priority`."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _hostile import hostile_texts
from ticketcore import Priority, TicketValidationError
from ticketcore.strategies import priorities

LOW, MEDIUM, HIGH, URGENT = Priority.LOW, Priority.MEDIUM, Priority.HIGH, Priority.URGENT
CHOICES = ("low", "medium", "high", "urgent")

ALIASES = [
    ("low", LOW),
    ("lowest", LOW),
    ("1", LOW),
    (1, LOW),
    ("baixa", LOW),
    ("medium", MEDIUM),
    ("normal", MEDIUM),
    ("moderate", MEDIUM),
    ("2", MEDIUM),
    (2, MEDIUM),
    ("média", MEDIUM),
    ("media", MEDIUM),
    ("high", HIGH),
    ("3", HIGH),
    (3, HIGH),
    ("alta", HIGH),
    ("urgent", URGENT),
    ("emergency", URGENT),
    ("critical", URGENT),
    ("highest", URGENT),
    ("4", URGENT),
    (4, URGENT),
    ("urgente", URGENT),
    ("emergência", URGENT),
    ("emergencia", URGENT),
    ("crítica", URGENT),
    ("critica", URGENT),
]


@pytest.mark.parametrize(("value", "expected"), ALIASES)
def test_parse_reads_every_alias(value: str | int, expected: Priority) -> None:
    """Each name, number and Portuguese word reads as its priority."""
    assert Priority.parse(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("LOW", LOW),
        ("  Normal  ", MEDIUM),
        ("MÉDIA", MEDIUM),
        (unicodedata.normalize("NFD", "Média"), MEDIUM),
        ("Alta\t", HIGH),
        ("EMERGÊNCIA", URGENT),
        (" 4 ", URGENT),
        ("Crítica", URGENT),
    ],
)
def test_parse_ignores_case_accents_and_outer_spaces(value: str, expected: Priority) -> None:
    """Case, accents (composed or not) and outer whitespace do not change the reading."""
    assert Priority.parse(value) is expected


@pytest.mark.parametrize("priority", list(Priority))
def test_parse_returns_a_priority_unchanged(priority: Priority) -> None:
    """A `Priority` passed to the parser is returned as it is."""
    assert Priority.parse(priority) is priority  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "actual_type"),
    [
        (True, "boolean"),
        (False, "boolean"),
        (1.0, "number"),
        (2.5, "number"),
        (None, "null"),
        (["high"], "array"),
        ({"priority": "high"}, "object"),
        (b"high", "bytes"),
    ],
)
def test_parse_refuses_other_types(value: object, actual_type: str) -> None:
    """Booleans, floats and other non-string, non-integer values are `wrong_type`."""
    with pytest.raises(TicketValidationError) as info:
        Priority.parse(value)  # type: ignore[arg-type]
    [problem] = info.value.problems
    assert (problem.path, problem.code, dict(problem.params)) == (
        (),
        "wrong_type",
        {"expected_type": "string", "actual_type": actual_type},
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("", ""),
        ("hight", "hight"),
        ("very high", "very high"),
        ("0", "0"),
        (0, "0"),
        (5, "5"),
        (-1, "-1"),
        ("1.0", "1.0"),
        ("low\nhigh", "low\\nhigh"),
        ("x" * 80, "x" * 59 + "…"),
    ],
)
def test_parse_refuses_unknown_names_as_invalid_choice(value: str | int, shown: str) -> None:
    """An unknown name is `invalid_choice`, listing the canonical names and a safe preview."""
    with pytest.raises(TicketValidationError) as info:
        Priority.parse(value)
    [problem] = info.value.problems
    assert (problem.path, problem.code, dict(problem.params)) == (
        (),
        "invalid_choice",
        {"choices": CHOICES, "value": shown},
    )


def test_invalid_choice_message_in_both_locales() -> None:
    """The message of an unknown priority names the choices, once placed under its field."""
    with pytest.raises(TicketValidationError) as info:
        Priority.parse("hight")
    problem = info.value.problems[0].with_prefix("priority")
    assert problem.message("en") == (
        "The priority must be one of: low, medium, high, urgent (got hight)."
    )
    assert problem.message("pt-BR") == (
        "O campo prioridade deve ser um destes: low, medium, high, urgent (recebido: hight)."
    )
    assert str(problem) == (
        "The priority must be one of: low, medium, high, urgent (got hight). @ $.priority"
    )


def test_order_is_low_medium_high_urgent() -> None:
    """Priorities compare by urgency."""
    assert LOW < MEDIUM < HIGH < URGENT
    assert URGENT > HIGH > MEDIUM > LOW
    assert LOW <= LOW <= MEDIUM  # noqa: PLR0124 (total_ordering derives <=)
    assert sorted([URGENT, LOW, HIGH, MEDIUM]) == [LOW, MEDIUM, HIGH, URGENT]
    assert max(Priority) is URGENT
    assert [p.rank for p in Priority] == [1, 2, 3, 4]


def test_priorities_do_not_compare_with_other_types() -> None:
    """Ordering a priority against a number or a string is a `TypeError`, not a guess."""
    with pytest.raises(TypeError):
        _ = LOW < 2
    with pytest.raises(TypeError):
        _ = HIGH > "low"


def test_values_are_the_wire_names() -> None:
    """The value of each priority is the name the wire format writes."""
    assert [p.value for p in Priority] == list(CHOICES)


@given(priorities())
def test_parse_reads_its_own_value_and_rank(priority: Priority) -> None:
    """Every priority parses back from its value, its rank and its rank as text."""
    assert Priority.parse(priority.value) is priority
    assert Priority.parse(priority.rank) is priority
    assert Priority.parse(str(priority.rank)) is priority


@given(st.sampled_from(ALIASES), st.booleans(), st.sampled_from(["", " ", "\t", "  "]))
def test_parse_ignores_case_of_any_alias(
    alias: tuple[str | int, Priority], upper: bool, padding: str
) -> None:
    """Any alias, upper- or lowercased and padded, reads as the same priority."""
    value, expected = alias
    text = str(value).upper() if upper else str(value)
    assert Priority.parse(f"{padding}{text}{padding}") is expected


@given(st.one_of(hostile_texts, st.integers()))
def test_parse_never_crashes(value: str | int) -> None:
    """Any text or integer either names a priority or gives `invalid_choice`."""
    try:
        result: object = Priority.parse(value)
    except TicketValidationError as exc:
        result = exc.codes
    assert isinstance(result, Priority) or result == ("invalid_choice",)
