"""The exported JSON Schema: valid draft 2020-12, shaped by the rule set, coded for frontends."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import ticketcore
from _parity_corpus import CUSTOM_RULES
from ticketcore import (
    DEFAULT_RULES,
    Priority,
    TicketValidationError,
    from_dict,
    json_schema,
    messages,
    strategies,
    to_dict,
)
from ticketcore.schema import ERRORS, KEYWORDS, NOT_WS, WS

# Codes a validator of the schema may report: the ones ticketcore's catalogs have.
CATALOG_CODES = {
    key.removeprefix("problem.") for key in messages("en") if key.startswith("problem.")
}


def _subschemas(node: object) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _subschemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from _subschemas(value)


SCHEMAS = [
    json_schema(),
    json_schema(department="technical-support", context="agent"),
    json_schema(CUSTOM_RULES),
    json_schema(CUSTOM_RULES, department="hosting", context="import"),
]


@pytest.mark.parametrize("schema", SCHEMAS, ids=lambda s: s["$id"])
def test_schema_is_valid_draft_2020_12(schema: dict[str, Any]) -> None:
    """Every exported schema validates against the draft 2020-12 metaschema."""
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("schema", SCHEMAS, ids=lambda s: s["$id"])
def test_every_code_is_in_the_catalogs(schema: dict[str, Any]) -> None:
    """Each code in x-ticketcore-errors names a catalog message and a keyword beside it."""
    for node in _subschemas(schema):
        for keyword, code in node.get(ERRORS, {}).items():
            assert code in CATALOG_CODES
            assert keyword in node


@pytest.mark.parametrize("schema", SCHEMAS, ids=lambda s: s["$id"])
def test_extension_keywords_are_the_documented_ones(schema: dict[str, Any]) -> None:
    """The only keywords outside the 2020-12 vocabularies are the x-ticketcore ones."""
    found = {key for node in _subschemas(schema) for key in node if key.startswith("x-")}
    assert found <= set(KEYWORDS)


def test_ids_name_context_and_department() -> None:
    """The $id says which context and department the schema is for."""
    assert json_schema()["$id"] == "urn:ticketcore:ticket:v1:customer"
    assert (
        json_schema(department="billing", context="import")["$id"]
        == "urn:ticketcore:ticket:v1:import:billing"
    )


def test_department_schema_requires_what_the_department_requires() -> None:
    """With a department, its required fields in the context are required."""
    customer = json_schema(department="technical-support")
    assert customer["properties"]["department"]["enum"] == ["technical-support"]
    assert customer["allOf"][0]["required"] == ["location", "service"]
    imported = json_schema(department="technical-support", context="import")
    assert imported["allOf"][0]["required"] == []  # migrations never asked for them


def test_all_departments_schema_has_one_branch_per_department() -> None:
    """Without a department, each department's requirements apply under an if on its id."""
    schema = json_schema()
    assert schema["properties"]["department"]["enum"] == [
        "technical-support",
        "billing",
        "sales",
    ]
    conditions = [b["if"]["properties"]["department"]["const"] for b in schema["allOf"]]
    assert conditions == ["technical-support", "billing", "sales"]


def test_limits_come_from_the_rule_set() -> None:
    """Lengths and attachment limits are the rule set's."""
    props = json_schema(CUSTOM_RULES)["properties"]
    assert props["subject"]["maxLength"] == 60
    assert props["message"]["maxLength"] == 500
    assert props["attachments"]["maxItems"] == 2
    assert props["attachments"]["items"]["properties"]["size"]["maximum"] == 1000
    assert props["subject"][ERRORS] == {
        "type": "wrong_type",
        "maxLength": "too_long",
    }


def test_custom_fields_carry_labels_messages_and_kinds() -> None:
    """A custom field's schema has its label, its own error message and its kind's type."""
    branch = json_schema(CUSTOM_RULES, department="hosting")["allOf"][0]
    fields = branch["properties"]["custom_fields"]
    assert fields["required"] == ["api_key", "order_id"]
    assert fields["additionalProperties"] is False
    order = fields["properties"]["order_id"]
    assert order["title"] == "Order number"
    assert order["x-ticketcore-labels"] == {"en": "Order number", "pt-BR": "Número do pedido"}
    assert order["x-ticketcore-messages"] == {"en": "Order numbers look like PED-1234."}
    assert fields["properties"]["port"] == {
        "type": "number",
        "minimum": 1,
        "maximum": 65535,
        ERRORS: {"type": "wrong_type", "minimum": "too_small", "maximum": "too_large"},
        "title": "Port",
        "x-ticketcore-labels": {"en": "Port"},
    }
    assert fields["properties"]["api_key"]["writeOnly"] is True
    plan_checks = fields["properties"]["plan"]["then"]["allOf"]
    assert {"enum": ["Basic", "Pro", "Plano Básico"], ERRORS: {"enum": "invalid_choice"}} in (
        plan_checks
    )


def test_unknown_department_or_context_is_refused() -> None:
    """Asking for a department the rules lack, or a context that does not exist, raises."""
    with pytest.raises(TicketValidationError) as info:
        json_schema(department="nope")
    assert [(p.path, p.code) for p in info.value.problems] == [
        (("department",), "unknown_department")
    ]
    with pytest.raises(TicketValidationError) as info:
        json_schema(context="robot")  # type: ignore[arg-type]
    assert [(p.path, p.code) for p in info.value.problems] == [(("context",), "invalid_choice")]


def test_json_schema_is_public() -> None:
    """json_schema is exported from the package."""
    assert ticketcore.json_schema is json_schema
    assert "json_schema" in ticketcore.__all__


def test_whitespace_class_is_what_str_strip_removes() -> None:
    r"""The schema's whitespace is Python's (str.isspace), not ECMA-262's \s."""
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    pattern = re.compile(f"{WS}+")
    assert all(pattern.fullmatch(ch) for ch in spaces)
    assert re.findall(WS, "".join(map(chr, range(0x3001)))) == [s for s in spaces if s < "\u3001"]
    assert re.search(NOT_WS, "".join(spaces)) is None


# --- Properties: the schema never refuses what ticketcore writes, and agrees on text rules. ---

_VALIDATOR = Draft202012Validator(json_schema())
# Every priority offered: strategies.ticket_dicts draws priorities a rule set may not offer.
_ALL_PRIORITIES = attrs.evolve(CUSTOM_RULES, priorities=tuple(Priority))
_CUSTOM_VALIDATOR = Draft202012Validator(json_schema(_ALL_PRIORITIES))
# Codes of rules the schema cannot express (see docs/rules.md, "What the schema cannot check").
_TICKETCORE_ONLY_CODES = {
    "invalid_location",
    "invalid_port",
    "unsupported_scheme",
    "invalid_email",
    "invalid_datetime",
    "naive_datetime",
}


@given(strategies.tickets(department=st.sampled_from(DEFAULT_RULES.departments)))
def test_what_ticketcore_writes_validates(ticket: ticketcore.Ticket) -> None:
    """Every document to_dict writes (secrets included) is valid under the schema."""
    assert _VALIDATOR.is_valid(to_dict(ticket, include_secrets=True))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(strategies.ticket_dicts(rules=_ALL_PRIORITIES))
def test_valid_documents_validate(document: dict[str, Any]) -> None:
    """Documents ticketcore accepts under a rule set with custom fields validate too."""
    from_dict(document, rules=_ALL_PRIORITIES)
    assert _CUSTOM_VALIDATOR.is_valid(document)


@given(strategies.ticket_dicts(valid=False))
def test_invalid_documents_are_refused(case: Any) -> None:
    """Documents with one rule broken are refused, unless the rule is beyond JSON Schema."""
    if case.code not in _TICKETCORE_ONLY_CODES:
        assert not _VALIDATOR.is_valid(case.data)


_TEXT = st.text(
    st.characters(codec="utf-8")
    | st.sampled_from(["\ud800", " ", "\t", "\n", "\r", "\x1f", "\x85", "\u3000", ".", "/"]),
    max_size=12,
)


def _composed(text: str) -> bool:
    return not re.search("[\ud800-\udfff]", text) and unicodedata.is_normalized("NFC", text)


def _both(document: dict[str, Any]) -> tuple[bool, bool]:
    try:
        from_dict(document)
        accepted = True
    except TicketValidationError:
        accepted = False
    return accepted, _VALIDATOR.is_valid(document)


_BASE = {"department": "sales", "subject": "Plan upgrade", "message": "Which plan has SSH?"}


@given(_TEXT.filter(_composed), st.sampled_from(["subject", "message", "service", "error_message"]))
def test_text_rules_agree(text: str, key: str) -> None:
    """On short composed text, ticketcore and the schema agree on blank, length and controls."""
    accepted, valid = _both({**_BASE, key: text})
    assert accepted == valid


@given(_TEXT.filter(_composed) | st.sampled_from(["a.exe", "b.PNG ", ".sh", "x.pdf."]))
def test_filename_rules_agree(name: str) -> None:
    """On short composed names, ticketcore and the schema agree on every file-name rule."""
    attachment = {"filename": name, "content_type": "image/png", "size": 1}
    accepted, valid = _both({**_BASE, "attachments": [attachment]})
    assert accepted == valid


@given(
    st.sampled_from(["high", "Média", "URGENTE", "normal", "4", "baixa", "critical"]).flatmap(
        lambda word: st.builds(
            "".join,
            st.lists(
                st.sampled_from([*word, " ", "\u0301", "X"]) | st.just(word.upper()), max_size=8
            ),
        )
    )
)
def test_priority_rules_agree(text: str) -> None:
    """On spellings near the aliases, ticketcore and the schema agree on the priority."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    accepted, valid = _both({**_BASE, "priority": text})
    assert accepted == valid
