"""Tests for `ticketcore.requester`."""

from __future__ import annotations

import unicodedata

import email_validator
import pytest
from hypothesis import given
from hypothesis import strategies as st

from _hostile import hostile_texts, wrong_types
from ticketcore import Requester, TicketValidationError
from ticketcore.strategies import requesters


def problems(**fields: object) -> list[tuple[tuple[str | int, ...], str, dict[str, object]]]:
    """Build a requester from *fields* (over valid defaults) and return its problems."""
    values: dict[str, object] = {"name": "Maria Silva", "email": "maria@example.com.br"}
    values.update(fields)
    with pytest.raises(TicketValidationError) as info:
        Requester(**values)  # type: ignore[arg-type]
    return [(p.path, p.code, dict(p.params)) for p in info.value.problems]


@pytest.mark.parametrize(
    ("email", "normalized"),
    [
        ("maria@example.com.br", "maria@example.com.br"),
        ("Maria@Example.COM.br", "Maria@example.com.br"),
        ("MARIA@EXAMPLE.COM", "MARIA@example.com"),
        ("  maria@example.com  ", "maria@example.com"),
        ("joão@exemplo.com.br", "joão@exemplo.com.br"),
        ("maria@CAFÉ.com.br", "maria@café.com.br"),
        ("maria@xn--caf-dma.com.br", "maria@café.com.br"),
        ("maria+suporte@example.com", "maria+suporte@example.com"),
        (unicodedata.normalize("NFD", "joão@example.com"), "joão@example.com"),
    ],
)
def test_email_is_normalized(email: str, normalized: str) -> None:
    """The domain is lowercased (and shown in Unicode), the text stripped and NFC."""
    assert Requester(name="Maria", email=email).email == normalized


def test_name_is_stripped_and_composed() -> None:
    """The name is stripped and NFC-normalized."""
    name = unicodedata.normalize("NFD", "  José da Conceição ")
    assert Requester(name=name, email="jose@example.com").name == "José da Conceição"


@pytest.mark.parametrize(
    ("email", "code", "params"),
    [
        ("maria", "invalid_email", {}),
        ("maria@", "invalid_email", {}),
        ("@example.com", "invalid_email", {}),
        ("maria@example", "invalid_email", {}),
        ("maria@localhost", "invalid_email", {}),
        ("maria@app.test", "invalid_email", {}),
        ("maria@@example.com", "invalid_email", {}),
        ("maria silva@example.com", "invalid_email", {}),
        ('"maria silva"@example.com', "invalid_email", {}),
        ("maria@[127.0.0.1]", "invalid_email", {}),
        ("maria@exa_mple.com", "invalid_email", {}),
        ("", "blank", {}),
        ("   ", "blank", {}),
        ("maria\x00@example.com", "control_character", {"position": 5}),
        ("maria@example.com\x1b[2J", "control_character", {"position": 17}),
        ("\ud800@example.com", "invalid_unicode", {"position": 0}),
        ("a" * 310 + "@example.com", "too_long", {"max": 320, "actual": 322}),
        (5, "wrong_type", {"expected_type": "string", "actual_type": "integer"}),
        (None, "wrong_type", {"expected_type": "string", "actual_type": "null"}),
    ],
)
def test_invalid_emails_are_refused(email: object, code: str, params: dict[str, object]) -> None:
    """Addresses email-validator refuses, and bad text, give one problem at ``email``."""
    assert problems(email=email) == [(("email",), code, params)]


@pytest.mark.parametrize(
    ("name", "code", "params"),
    [
        ("", "blank", {}),
        ("\t ", "blank", {}),
        ("M" * 201, "too_long", {"max": 200, "actual": 201}),
        ("Maria\nSilva", "control_character", {"position": 5}),
        (["Maria"], "wrong_type", {"expected_type": "string", "actual_type": "array"}),
    ],
)
def test_invalid_names_are_refused(name: object, code: str, params: dict[str, object]) -> None:
    """The name is a non-blank single line of at most 200 characters."""
    assert problems(name=name) == [(("name",), code, params)]


def test_both_problems_are_reported() -> None:
    """A bad name and a bad address are reported together."""
    assert problems(name="", email="maria") == [
        (("name",), "blank", {}),
        (("email",), "invalid_email", {}),
    ]


def test_invalid_email_message_in_both_locales() -> None:
    """The e-mail message gives an example address in each language."""
    with pytest.raises(TicketValidationError) as info:
        Requester(name="Maria", email="maria")
    problem = info.value.problems[0].with_prefix("requester")
    assert str(problem) == (
        "The e-mail address must be a valid address, such as maria@example.com. @ $.requester.email"
    )
    assert problem.message("pt-BR") == (
        "O campo endereço de e-mail deve ser um endereço válido, como maria@exemplo.com.br."
    )


def test_deliverability_failure_is_wrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    """An undeliverable domain is `undeliverable_email`, chained from the library's error."""
    calls: list[tuple[str, dict[str, object]]] = []
    original = email_validator.EmailUndeliverableError("The domain name does not accept email.")

    def fake_validate_email(email: str, **options: object) -> None:
        calls.append((email, options))
        raise original

    requester = Requester(name="Maria", email="maria@example.com")
    monkeypatch.setattr(email_validator, "validate_email", fake_validate_email)
    with pytest.raises(TicketValidationError) as info:
        requester.check_deliverability(timeout=3)
    assert [(p.path, p.code, dict(p.params)) for p in info.value.problems] == [
        (("email",), "undeliverable_email", {})
    ]
    assert info.value.__cause__ is original
    assert calls == [("maria@example.com", {"check_deliverability": True, "timeout": 3})]
    assert info.value.problems[0].message("en") == (
        "The domain of the e-mail address does not accept e-mail."
    )
    assert info.value.problems[0].message("pt-BR") == (
        "O domínio do campo endereço de e-mail não recebe e-mails."
    )


def test_deliverable_address_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    """When email-validator accepts the domain, `check_deliverability` returns quietly."""
    seen: list[str] = []
    monkeypatch.setattr(email_validator, "validate_email", lambda email, **_: seen.append(email))
    Requester(name="Maria", email="maria@example.com").check_deliverability()
    assert seen == ["maria@example.com"]


@given(requesters())
def test_generated_requesters_rebuild_equal(requester: Requester) -> None:
    """A requester rebuilt from its own fields is equal (normalization is idempotent)."""
    assert Requester(name=requester.name, email=requester.email) == requester


@given(hostile_texts, hostile_texts)
def test_any_text_is_a_requester_or_our_error(name: str, email: str) -> None:
    """No name or address makes construction raise anything but our error."""
    try:
        Requester(name=name, email=email)
    except TicketValidationError as exc:
        assert {p.path for p in exc.problems} <= {("name",), ("email",)}  # noqa: PT017


@given(st.sampled_from(["name", "email"]), wrong_types)
def test_any_wrong_type_is_our_error(field: str, value: object) -> None:
    """A value of the wrong type gives `wrong_type` at that field only."""
    values: dict[str, object] = {"name": "Maria", "email": "maria@example.com"}
    values[field] = value
    with pytest.raises(TicketValidationError) as info:
        Requester(**values)  # type: ignore[arg-type]
    assert [(p.path, p.code) for p in info.value.problems] == [((field,), "wrong_type")]
