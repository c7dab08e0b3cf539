"""Tests for `ticketcore.department`."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from _hostile import hostile_texts, wrong_types
from ticketcore import CustomField, Department, FieldKind, TicketValidationError
from ticketcore._criteria import DEFAULT_WEIGHTS
from ticketcore.department import REQUIRABLE_FIELDS
from ticketcore.strategies import departments

CONTEXT_CHOICES = ("customer", "agent", "import")
ORDER = CustomField(id="order_id", kind=FieldKind.TEXT, labels={"en": "Order"})


def wrong(expected: str, actual: str) -> dict[str, object]:
    """The parameters of a `wrong_type` problem."""
    return {"expected_type": expected, "actual_type": actual}


def support(**changes: Any) -> Department:
    """The technical support department, with *changes*."""
    values: dict[str, Any] = {
        "id": "technical-support",
        "names": {"en": "Technical support", "pt-BR": "Suporte técnico"},
    }
    values.update(changes)
    return Department(**values)


@pytest.mark.parametrize(
    ("requires", "customer", "agent", "importing"),
    [
        ((), set(), set(), set()),
        (
            ["service", "location"],
            {"service", "location"},
            {"service", "location"},
            {"service", "location"},
        ),
        (
            {"service": True, "location": ["customer"]},
            {"service", "location"},
            {"service"},
            {"service"},
        ),
        ({"service": False}, set(), set(), set()),
        ({"requester": "agent"}, set(), {"requester"}, set()),
        ({"attachments": ("customer", "agent")}, {"attachments"}, {"attachments"}, set()),
    ],
)
def test_required_fields_per_context(
    requires: object, customer: set[str], agent: set[str], importing: set[str]
) -> None:
    """A list requires fields everywhere; a mapping says in which contexts."""
    department = support(requires=requires)
    assert department.required_fields("customer") == customer
    assert department.required_fields("agent") == agent
    assert department.required_fields("import") == importing
    assert department.required_fields() == customer


def test_names_are_normalized_and_fall_back_to_english() -> None:
    """Names are stripped; `name` falls back to English."""
    department = support(names={"en": " Technical support ", "pt-BR": "Suporte técnico"})
    assert department.name() == "Technical support"
    assert department.name("pt-BR") == "Suporte técnico"
    assert department.name("es") == "Technical support"


def test_custom_field_lookup() -> None:
    """`custom_field` finds a field by id, or gives ``None``."""
    department = support(custom_fields=[ORDER])
    assert department.custom_fields == (ORDER,)
    assert department.custom_field("order_id") is ORDER
    assert department.custom_field("nope") is None


DEFINITION_PROBLEMS = [
    (
        {"id": "Technical Support"},
        [(("id",), "invalid_identifier", {"value": "Technical Support", "max": 64})],
    ),
    ({"id": "-support"}, [(("id",), "invalid_identifier", {"value": "-support", "max": 64})]),
    (
        {"id": "suporte-técnico"},
        [(("id",), "invalid_identifier", {"value": "suporte-técnico", "max": 64})],
    ),
    ({"id": "a\nb"}, [(("id",), "invalid_identifier", {"value": "a\\nb", "max": 64})]),
    ({"names": {"pt-BR": "Suporte"}}, [(("names",), "missing_translation", {"locale": "en"})]),
    ({"names": {"en": "Support", "pt-BR": "  "}}, [(("names", "pt-BR"), "blank", {})]),
    ({"names": {"en": "S" * 101}}, [(("names", "en"), "too_long", {"max": 100, "actual": 101})]),
    ({"names": ["Support"]}, [(("names",), "wrong_type", wrong("object", "array"))]),
    (
        {"requires": ["bogus"]},
        [(("requires",), "invalid_choice", {"choices": REQUIRABLE_FIELDS, "value": "bogus"})],
    ),
    (
        {"requires": [["service"]]},
        [(("requires",), "invalid_choice", {"choices": REQUIRABLE_FIELDS, "value": "['service']"})],
    ),
    (
        {"requires": {"service": ["nobody"]}},
        [
            (
                ("requires", "service"),
                "invalid_choice",
                {"choices": CONTEXT_CHOICES, "value": "['nobody']"},
            )
        ],
    ),
    (
        {"requires": {"service": [["customer"]]}},
        [
            (
                ("requires", "service"),
                "invalid_choice",
                {"choices": CONTEXT_CHOICES, "value": "[\"['customer']\"]"},
            )
        ],
    ),
    (
        {"requires": {"service": 1}},
        [(("requires", "service"), "invalid_choice", {"choices": CONTEXT_CHOICES, "value": "1"})],
    ),
    ({"requires": "service"}, [(("requires",), "wrong_type", wrong("object", "string"))]),
    (
        {"custom_fields": [ORDER, ORDER]},
        [(("custom_fields", 1, "id"), "duplicate", {"value": "order_id"})],
    ),
    (
        {"custom_fields": [ORDER, {"id": "x"}]},
        [(("custom_fields", 1), "wrong_type", wrong("CustomField", "object"))],
    ),
    ({"custom_fields": ORDER}, [(("custom_fields",), "wrong_type", wrong("array", "CustomField"))]),
]


@pytest.mark.parametrize(("changes", "expected"), DEFINITION_PROBLEMS)
def test_invalid_departments_are_refused(
    changes: dict[str, Any], expected: list[tuple[object, ...]]
) -> None:
    """Ids, names, requirements and custom fields are checked, each problem with its path."""
    with pytest.raises(TicketValidationError) as info:
        support(**changes)
    assert [(p.path, p.code, dict(p.params)) for p in info.value.problems] == expected


def test_every_problem_is_reported_at_once() -> None:
    """A department with a bad id, no English name and a bad requirement gets three problems."""
    with pytest.raises(TicketValidationError) as info:
        Department(id="Bad Id", names={"pt-BR": "Suporte"}, requires=["bogus"])
    assert info.value.codes == ("invalid_identifier", "missing_translation", "invalid_choice")


def test_missing_translation_message_in_both_locales() -> None:
    """The missing-name message says which locale needs a text."""
    with pytest.raises(TicketValidationError) as info:
        support(names={"pt-BR": "Suporte"})
    [problem] = info.value.problems
    assert str(problem) == "The names must include a text for the locale en. @ $.names"
    assert problem.message("pt-BR") == ("O campo nomes precisa incluir um texto para o idioma en.")


def test_duplicate_message_in_both_locales() -> None:
    """The duplicate-id message names the id."""
    with pytest.raises(TicketValidationError) as info:
        support(custom_fields=[ORDER, ORDER])
    [problem] = info.value.problems
    assert str(problem) == (
        "The identifier order_id appears more than once. @ $.custom_fields[1].id"
    )
    assert problem.message("pt-BR") == "O campo identificador order_id aparece mais de uma vez."


def test_departments_are_hashable_values() -> None:
    """Equal departments are equal and hash alike, whatever form `requires` was given in."""
    one = support(requires=["service"])
    other = support(requires={"service": True})
    assert one == other
    assert hash(one) == hash(other)


@given(departments())
def test_generated_departments_rebuild_equal(department: Department) -> None:
    """A department evolved without changes equals the original."""
    assert attrs.evolve(department) == department


FIELDS = ["id", "names", "requires", "custom_fields", "weights", "min_score"]
ANY_VALUE = st.one_of(
    hostile_texts,
    wrong_types,
    st.dictionaries(hostile_texts, st.one_of(hostile_texts, wrong_types), max_size=3),
    st.lists(st.one_of(hostile_texts, wrong_types), max_size=3),
)


@given(st.sampled_from(FIELDS), ANY_VALUE)
def test_any_value_in_any_field_gives_our_error(field: str, value: object) -> None:
    """Any value in any field gives a department, or problems under that field only."""
    values: dict[str, Any] = {"id": "support", "names": {"en": "Support"}, field: value}
    try:
        Department(**values)
    except TicketValidationError as exc:
        assert {p.path[0] for p in exc.problems} == {field}  # noqa: PT017


def test_weights_replace_the_defaults_by_code() -> None:
    """A department's weight for a code wins; other codes keep the default."""
    department = support(weights={"steps_missing": 40, "screenshot_missing": 0})
    assert department.weight("steps_missing") == 40
    assert department.weight("screenshot_missing") == 0
    assert department.weight("location_missing") == DEFAULT_WEIGHTS["location_missing"]


@pytest.mark.parametrize(
    ("values", "path", "code"),
    [
        ({"weights": {"steps": 10}}, ("weights",), "invalid_choice"),
        ({"weights": {"steps_missing": -1}}, ("weights", "steps_missing"), "too_small"),
        ({"weights": {"steps_missing": 101}}, ("weights", "steps_missing"), "too_large"),
        ({"weights": {"steps_missing": 2.5}}, ("weights", "steps_missing"), "wrong_type"),
        ({"weights": {"steps_missing": True}}, ("weights", "steps_missing"), "wrong_type"),
        ({"weights": ["steps_missing"]}, ("weights",), "wrong_type"),
        ({"min_score": 101}, ("min_score",), "too_large"),
        ({"min_score": -5}, ("min_score",), "too_small"),
        ({"min_score": "50"}, ("min_score",), "wrong_type"),
    ],
)
def test_bad_scoring_rules_are_reported(
    values: dict[str, Any], path: tuple[str, ...], code: str
) -> None:
    """Weights must be known codes with whole numbers 0-100; so must the minimum score."""
    with pytest.raises(TicketValidationError) as caught:
        support(**values)
    assert [(p.path, p.code) for p in caught.value.problems] == [(path, code)]
