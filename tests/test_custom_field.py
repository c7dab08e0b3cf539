"""Tests for `ticketcore.custom_field`."""

from __future__ import annotations

import math
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from _hostile import hostile_texts, wrong_types
from ticketcore import CustomField, FieldKind, Secret, TicketValidationError
from ticketcore.strategies import custom_fields, custom_values

CONTEXT_CHOICES = ("customer", "agent", "import")


def field(kind: FieldKind, **options: Any) -> CustomField:
    """A custom field of *kind* called ``extra``, with *options*."""
    return CustomField(id="extra", kind=kind, labels={"en": "Extra"}, **options)


def wrong(expected: str, actual: str) -> dict[str, object]:
    """The parameters of a `wrong_type` problem."""
    return {"expected_type": expected, "actual_type": actual}


def check(definition: CustomField, value: object) -> list[tuple[object, ...]]:
    """The problems of *value* (normalized first, as a ticket does) for *definition*."""
    return [(p.path, p.code, dict(p.params)) for p in definition.check(definition.normalize(value))]


VALID_VALUES = [
    (FieldKind.TEXT, {}, "  pedido 42 ", "pedido 42"),
    (FieldKind.TEXT, {"pattern": r"PED-\d{4}"}, "PED-1234", "PED-1234"),
    (FieldKind.TEXT, {"min_length": 3, "max_length": 5}, "abc", "abc"),
    (FieldKind.TEXT, {"max_length": 5}, "abcde", "abcde"),
    (FieldKind.MULTILINE, {}, "linha 1\r\nlinha 2\tfim", "linha 1\nlinha 2\tfim"),
    (FieldKind.MULTILINE, {}, "x" * 4096, "x" * 4096),
    (FieldKind.NUMBER, {}, 42, 42),
    (FieldKind.NUMBER, {}, -2.5, -2.5),
    (FieldKind.NUMBER, {"minimum": 1, "maximum": 65535}, 8000, 8000),
    (FieldKind.NUMBER, {"minimum": 1, "maximum": 65535}, 65535, 65535),
    (FieldKind.CHOICE, {"options": ["basic", "pro"]}, " pro ", "pro"),
    (FieldKind.CHOICE, {"options": ["  Plano Básico "]}, "Plano Básico", "Plano Básico"),
    (FieldKind.BOOLEAN, {}, True, True),
    (FieldKind.BOOLEAN, {}, False, False),
    (FieldKind.EMAIL, {}, "caixa@example.com.br", "caixa@example.com.br"),
    (FieldKind.URL, {}, "www.seu-site.com/admin", "www.seu-site.com/admin"),
    (FieldKind.URL, {}, "https://[2001:db8::1]:8443/", "https://[2001:db8::1]:8443/"),
    (FieldKind.DOMAIN, {}, "café.com.br", "café.com.br"),
    (FieldKind.DOMAIN, {}, "app.test", "app.test"),
    (FieldKind.IP, {}, "192.168.0.1", "192.168.0.1"),
    (FieldKind.IP, {}, "2001:db8::1", "2001:db8::1"),
    (FieldKind.SECRET, {}, " token com espaços ", Secret(" token com espaços ")),
    (FieldKind.SECRET, {}, Secret("abc"), Secret("abc")),
]


@pytest.mark.parametrize(("kind", "options", "value", "stored"), VALID_VALUES)
def test_valid_values_pass_and_are_normalized(
    kind: FieldKind, options: dict[str, Any], value: object, stored: object
) -> None:
    """Each kind accepts its values, normalized as a ticket stores them."""
    definition = field(kind, **options)
    assert definition.normalize(value) == stored
    assert check(definition, value) == []


INVALID_VALUES = [
    (FieldKind.TEXT, {}, "", [((), "blank", {})]),
    (FieldKind.TEXT, {}, "a\nb", [((), "control_character", {"position": 1})]),
    (FieldKind.TEXT, {}, "x" * 201, [((), "too_long", {"max": 200, "actual": 201})]),
    (FieldKind.TEXT, {"min_length": 3}, "ab", [((), "too_short", {"min": 3, "actual": 2})]),
    (FieldKind.TEXT, {"max_length": 5}, "abcdef", [((), "too_long", {"max": 5, "actual": 6})]),
    (FieldKind.TEXT, {"pattern": r"PED-\d{4}"}, "PED-12", [((), "pattern_mismatch", {})]),
    (FieldKind.TEXT, {"pattern": r"PED-\d{4}"}, "xPED-1234", [((), "pattern_mismatch", {})]),
    (FieldKind.TEXT, {}, 42, [((), "wrong_type", wrong("string", "integer"))]),
    (FieldKind.MULTILINE, {}, "a\x00b", [((), "control_character", {"position": 1})]),
    (FieldKind.MULTILINE, {}, "x" * 4097, [((), "too_long", {"max": 4096, "actual": 4097})]),
    (FieldKind.NUMBER, {}, "42", [((), "wrong_type", wrong("number", "string"))]),
    (FieldKind.NUMBER, {}, True, [((), "wrong_type", wrong("number", "boolean"))]),
    (FieldKind.NUMBER, {}, math.nan, [((), "wrong_type", wrong("number", "non-finite"))]),
    (FieldKind.NUMBER, {}, -math.inf, [((), "wrong_type", wrong("number", "non-finite"))]),
    (FieldKind.NUMBER, {"minimum": 1}, 0, [((), "too_small", {"min": 1, "actual": 0})]),
    (
        FieldKind.NUMBER,
        {"maximum": 65535},
        65536,
        [((), "too_large", {"max": 65535, "actual": 65536})],
    ),
    (FieldKind.NUMBER, {"maximum": 0.5}, 0.75, [((), "too_large", {"max": 0.5, "actual": 0.75})]),
    (
        FieldKind.CHOICE,
        {"options": ["basic", "pro"]},
        "Pro",
        [((), "invalid_choice", {"choices": ("basic", "pro"), "value": "Pro"})],
    ),
    (FieldKind.CHOICE, {"options": ["basic"]}, 1, [((), "wrong_type", wrong("string", "integer"))]),
    (FieldKind.BOOLEAN, {}, "true", [((), "wrong_type", wrong("boolean", "string"))]),
    (FieldKind.BOOLEAN, {}, 1, [((), "wrong_type", wrong("boolean", "integer"))]),
    (FieldKind.EMAIL, {}, "caixa@", [((), "invalid_email", {})]),
    (FieldKind.EMAIL, {}, "caixa@localhost", [((), "invalid_email", {})]),
    (FieldKind.URL, {}, "index.php", [((), "invalid_location", {})]),
    (FieldKind.URL, {}, "file:///etc/passwd", [((), "invalid_location", {})]),
    (FieldKind.DOMAIN, {}, "not a domain", [((), "invalid_location", {})]),
    (FieldKind.DOMAIN, {}, "https://example.com", [((), "invalid_location", {})]),
    (FieldKind.IP, {}, "999.1.1.1", [((), "invalid_location", {})]),
    (FieldKind.IP, {}, "example.com", [((), "invalid_location", {})]),
    (FieldKind.SECRET, {}, 1234, [((), "wrong_type", wrong("secret", "integer"))]),
    (FieldKind.SECRET, {}, "abc\x07", [((), "control_character", {"position": 3})]),
    (FieldKind.SECRET, {}, "", [((), "blank", {})]),
]


@pytest.mark.parametrize(("kind", "options", "value", "expected"), INVALID_VALUES)
def test_invalid_values_give_exact_problems(
    kind: FieldKind, options: dict[str, Any], value: object, expected: list[tuple[object, ...]]
) -> None:
    """Each kind refuses values with a code and the rule's parameters."""
    assert check(field(kind, **options), value) == expected


@pytest.mark.parametrize(
    "pattern",
    [r"PED-\d{4}", r"[A-Z]{2}\d+", r"(a|b)*", r"(?:ab)+", r"[a-z0-9._%+-]+@[a-z0-9.-]+", r"a++"],
)
def test_safe_patterns_are_accepted(pattern: str) -> None:
    """Patterns that match in linear time are accepted and compiled."""
    assert field(FieldKind.TEXT, pattern=pattern).pattern == pattern


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        (r"(a+)+$", "backtracking"),
        (r"(a|aa)*", "backtracking"),
        (r"(a*)*", "backtracking"),
        (r"(\w+)\1", "backtracking"),
        (r"(?P<x>a)(?P=x)", "backtracking"),
        (r"(?=a)a", "backtracking"),
        (r"(?!a)b", "backtracking"),
        (r"(?<=a)b", "backtracking"),
        (r"(?<!a)b", "backtracking"),
        (r"(a", "syntax"),
        (r"(?(1)a|b)", "syntax"),
        ("a" * 1001, "too_long"),
    ],
)
def test_unsafe_patterns_are_refused(pattern: str, reason: str) -> None:
    """Nested repetition, alternation under repetition, backreferences and lookarounds fail."""
    with pytest.raises(TicketValidationError) as info:
        field(FieldKind.TEXT, pattern=pattern)
    assert [(p.path, p.code, dict(p.params)) for p in info.value.problems] == [
        (("pattern",), "unsafe_pattern", {"reason": reason})
    ]


def test_unsafe_pattern_message_in_both_locales() -> None:
    """The unsafe-pattern message says why and what to avoid."""
    with pytest.raises(TicketValidationError) as info:
        field(FieldKind.TEXT, pattern=r"(a+)+$")
    problem = info.value.problems[0]
    assert str(problem) == (
        "The pattern is a regular expression that could take too long to match (backtracking):"
        " avoid nested repetition, alternation inside repetition, backreferences and"
        " lookarounds. @ $.pattern"
    )
    assert problem.message("pt-BR") == (
        "O campo padrão é uma expressão regular que pode demorar demais para ser avaliada"
        " (backtracking): evite repetições aninhadas, alternativas dentro de repetições,"
        " referências a grupos e lookarounds."
    )


DEFINITION_PROBLEMS = [
    ({"id": "Order ID"}, [(("id",), "invalid_identifier", {"value": "Order ID", "max": 64})]),
    ({"id": "a" * 65}, [(("id",), "invalid_identifier", {"value": "a" * 59 + "…", "max": 64})]),
    ({"id": 7}, [(("id",), "wrong_type", wrong("string", "integer"))]),
    ({"kind": "text"}, [(("kind",), "wrong_type", wrong("FieldKind", "string"))]),
    ({"labels": {"pt-BR": "Pedido"}}, [(("labels",), "missing_translation", {"locale": "en"})]),
    ({"labels": {"en": " "}}, [(("labels", "en"), "blank", {})]),
    ({"labels": "Order"}, [(("labels",), "wrong_type", wrong("object", "string"))]),
    (
        {"error_messages": {"en": 5}},
        [(("error_messages", "en"), "wrong_type", wrong("string", "integer"))],
    ),
    (
        {"required": ["robots"]},
        [(("required",), "invalid_choice", {"choices": CONTEXT_CHOICES, "value": "robots"})],
    ),
    (
        {"required": [["customer"]]},
        [(("required",), "invalid_choice", {"choices": CONTEXT_CHOICES, "value": "['customer']"})],
    ),
    ({"required": 3}, [(("required",), "wrong_type", wrong("array", "integer"))]),
    ({"min_length": -1}, [(("min_length",), "too_small", {"min": 0, "actual": -1})]),
    ({"max_length": "9"}, [(("max_length",), "wrong_type", wrong("integer", "string"))]),
    ({"max_length": True}, [(("max_length",), "wrong_type", wrong("integer", "boolean"))]),
    ({"minimum": "1"}, [(("minimum",), "wrong_type", wrong("number", "string"))]),
    ({"kind": FieldKind.CHOICE}, [(("options",), "required", {})]),
    ({"options": ["a", 1]}, [(("options", 1), "wrong_type", wrong("string", "integer"))]),
    ({"options": "a,b"}, [(("options",), "wrong_type", wrong("array", "string"))]),
    ({"pattern": 5}, [(("pattern",), "wrong_type", wrong("string", "integer"))]),
]


@pytest.mark.parametrize(("changes", "expected"), DEFINITION_PROBLEMS)
def test_invalid_definitions_are_refused(
    changes: dict[str, Any], expected: list[tuple[object, ...]]
) -> None:
    """A rule set's field definition is checked like any input, with paths into it."""
    values: dict[str, Any] = {"id": "order_id", "kind": FieldKind.TEXT, "labels": {"en": "Order"}}
    values.update(changes)
    with pytest.raises(TicketValidationError) as info:
        CustomField(**values)
    assert [(p.path, p.code, dict(p.params)) for p in info.value.problems] == expected


@pytest.mark.parametrize(
    ("required", "contexts"),
    [
        (True, {"customer", "agent", "import"}),
        (False, set()),
        ("agent", {"agent"}),
        (["customer", "agent"], {"customer", "agent"}),
        (("customer",), {"customer"}),
    ],
)
def test_required_reads_every_form(required: object, contexts: set[str]) -> None:
    """``required`` is a flag, one context, or a list of contexts."""
    assert field(FieldKind.TEXT, required=required).required == contexts


ORDER = CustomField(
    id="order_id",
    kind=FieldKind.TEXT,
    labels={"en": "Order number", "pt-BR": "Número do pedido"},
    pattern=r"PED-\d{4}",
    error_messages={
        "en": "Order numbers look like PED-1234 ({field}).",
        "pt-BR": "Números de pedido são como PED-1234 ({field}).",
    },
)


def test_custom_error_messages_replace_the_catalog_in_both_locales() -> None:
    """A field's own error messages are used for its value problems, in each locale."""
    [problem] = [p.with_prefix("custom_fields", "order_id") for p in ORDER.check("PED-12")]
    assert problem.code == "pattern_mismatch"
    assert problem.message("en") == 'Order numbers look like PED-1234 ("order_id").'
    assert problem.message("pt-BR") == 'Números de pedido são como PED-1234 ("order_id").'
    assert problem.message("pt_BR") == problem.message("pt-BR")
    assert (
        str(problem) == 'Order numbers look like PED-1234 ("order_id"). @ $.custom_fields.order_id'
    )


def test_custom_error_messages_fall_back_to_the_catalog_per_locale() -> None:
    """A locale the field has no message for uses the catalog's message."""
    english_only = attrs.evolve(ORDER, error_messages={"en": "Use PED-1234."})
    [problem] = [p.with_prefix("custom_fields", "order_id") for p in english_only.check("PED-12")]
    assert problem.message("en") == "Use PED-1234."
    assert problem.message("pt-BR") == 'O campo "order_id" não está no formato esperado.'


def test_custom_error_messages_do_not_replace_wrong_type() -> None:
    """Type problems keep the catalog's message, which says what type was expected."""
    [problem] = [p.with_prefix("custom_fields", "order_id") for p in ORDER.check(42)]
    assert problem.message("en") == 'The "order_id" must be text, not a whole number.'
    assert problem.message("pt-BR") == 'O campo "order_id" deve ser texto, não um número inteiro.'


def test_label_falls_back_to_english() -> None:
    """`label` gives the locale's label, or the English one."""
    assert ORDER.label("pt-BR") == "Número do pedido"
    assert ORDER.label("es") == "Order number"
    assert ORDER.label() == "Order number"


def test_text_max_length_defaults_by_kind() -> None:
    """Text fields default to 200 characters, multi-line ones to 4096."""
    assert field(FieldKind.TEXT).text_max_length == 200
    assert field(FieldKind.MULTILINE).text_max_length == 4096
    assert field(FieldKind.TEXT, max_length=20).text_max_length == 20


def test_is_text_by_kind() -> None:
    """Every kind but numbers and booleans holds text."""
    assert [k.value for k in FieldKind if not k.is_text] == ["number", "boolean"]


@given(custom_fields())
def test_generated_fields_rebuild_equal(definition: CustomField) -> None:
    """A field definition evolved without changes equals and hashes like the original."""
    again = attrs.evolve(definition)
    assert again == definition
    assert hash(again) == hash(definition)


@given(st.data())
def test_generated_values_pass_their_field(data: st.DataObject) -> None:
    """Values from `custom_values` pass the check of the field they were drawn for."""
    definition = data.draw(custom_fields())
    value = data.draw(custom_values(definition))
    assert definition.check(definition.normalize(value)) == ()


@given(st.sampled_from(FieldKind), st.one_of(hostile_texts, wrong_types))
def test_any_value_gives_problems_not_exceptions(kind: FieldKind, value: object) -> None:
    """Checking any value of any kind returns problems and never raises."""
    definition = field(kind, options=["a"]) if kind is FieldKind.CHOICE else field(kind)
    problems = definition.check(definition.normalize(value))
    assert all(p.path == () for p in problems)


DEFINITION_FIELDS = [
    "id", "kind", "labels", "required", "min_length", "max_length", "minimum", "maximum",
    "options", "pattern", "error_messages",
]  # fmt: skip
ANY_VALUE = st.one_of(
    hostile_texts,
    wrong_types,
    st.dictionaries(hostile_texts, st.one_of(hostile_texts, wrong_types), max_size=3),
    st.lists(st.one_of(hostile_texts, wrong_types), max_size=3),
)


@given(st.sampled_from(DEFINITION_FIELDS), ANY_VALUE)
def test_any_value_in_any_definition_field_gives_our_error(field: str, value: object) -> None:
    """Any value in any field of a definition gives a field, or problems under that field."""
    values: dict[str, Any] = {"id": "extra", "kind": FieldKind.TEXT, "labels": {"en": "Extra"}}
    values[field] = value
    try:
        CustomField(**values)
    except TicketValidationError as exc:
        assert {p.path[0] for p in exc.problems} == {field}  # noqa: PT017
