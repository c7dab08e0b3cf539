"""Tests for `ticketcore.serialize`: round trips, hostile input, exact problems, secrets."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ticketcore.custom_field import CustomField, FieldKind
from ticketcore.department import Department
from ticketcore.errors import Path, Problem, TicketValidationError
from ticketcore.rules import RuleSet
from ticketcore.serialize import from_dict, from_json, to_dict, to_json
from ticketcore.ticket import Ticket

try:  # shared strategies, when the module that holds them exists
    from ticketcore.strategies import tickets as _shared_tickets  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - depends on the state of the tree
    _shared_tickets = None

# --- strategies -------------------------------------------------------------------------------

_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZáéíóúçãõÇÉ0123456789"
_WORD = st.text(_LETTERS, min_size=1, max_size=12)


def _sentence(min_words: int, max_words: int) -> st.SearchStrategy[str]:
    return st.lists(_WORD, min_size=min_words, max_size=max_words).map(" ".join)


_SUBJECTS = _sentence(1, 8).filter(lambda s: 3 <= len(s) <= 200)
_MESSAGES = st.lists(_sentence(1, 10), min_size=1, max_size=4).map("\n".join)
_LOCATIONS = st.sampled_from(
    [
        "www.seu-site.com/admin",
        "https://example.com",
        "café.com.br",
        "192.0.2.10",
        "[2001:db8::1]:8080",
        "2001:db8::1",
        "ftp://files.example.org:2121/pub",
        "app.test",
    ]
)
_EMAILS = st.sampled_from(
    ["maria@example.com.br", "joao.silva@example.com", "ops+alerts@example.org"]
)
_PASSWORDS = st.text(
    st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40
).filter(lambda p: p.strip() == p and len(p) >= 1)
_ATTACHMENT = st.fixed_dictionaries(
    {
        "filename": st.sampled_from(["erro.png", "log.txt", "fatura.pdf", "dados.csv"]),
        "content_type": st.sampled_from(["image/png", "text/plain", "application/pdf"]),
        "size": st.integers(0, 25 * 1024 * 1024),
    }
)
_PRIORITIES = st.sampled_from(
    ["low", "Média", "ALTA", "urgent", "normal", "crítica", 1, 2, 3, 4, None]
)
_DATETIMES = st.datetimes(
    min_value=dt.datetime(2000, 1, 1),
    max_value=dt.datetime(2100, 1, 1),
    timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=-3))]),
).map(lambda d: d.isoformat())


@st.composite
def wire_tickets(draw: st.DrawFn) -> dict[str, Any]:
    """Valid wire documents for the default rule set (customer context)."""
    department = draw(st.sampled_from(["technical-support", "billing", "sales"]))
    doc: dict[str, Any] = {
        "department": department,
        "subject": draw(_SUBJECTS),
        "message": draw(_MESSAGES),
    }
    support = department == "technical-support"
    optional: dict[str, st.SearchStrategy[Any]] = {
        "schema_version": st.just(1),
        "priority": _PRIORITIES,
        "error_message": _MESSAGES,
        "credentials": st.fixed_dictionaries({"username": _WORD, "password": _PASSWORDS}),
        "attachments": st.lists(_ATTACHMENT, max_size=3),
        "requester": st.fixed_dictionaries({"name": _sentence(1, 3), "email": _EMAILS}),
        "created_at": _DATETIMES,
    }
    if support:
        doc["service"] = draw(st.from_regex(r"hosting-[0-9]{1,6}", fullmatch=True))
        doc["location"] = draw(_LOCATIONS)
    else:
        optional["service"] = st.from_regex(r"hosting-[0-9]{1,6}", fullmatch=True)
        optional["location"] = _LOCATIONS
    for key, strategy in optional.items():
        if draw(st.booleans()):
            doc[key] = draw(strategy)
    return doc


# The first e-mail and location checks load lookup tables (idna, email-validator); do it here,
# not inside the first example hypothesis times.
for _email in ("maria@example.com.br", "joao.silva@example.com", "ops+alerts@example.org"):
    from_dict(
        {
            "department": "technical-support",
            "subject": "Warm up",
            "message": "Warm up",
            "service": "hosting-1",
            "location": "café.com.br/x",
            "requester": {"name": "Maria", "email": _email},
        }
    )


def _tickets() -> st.SearchStrategy[Ticket]:
    if _shared_tickets is not None:  # pragma: no cover - depends on the state of the tree
        return _shared_tickets()  # type: ignore[no-any-return]
    return wire_tickets().map(from_dict)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda c: st.lists(c) | st.dictionaries(st.text(), c),
    max_leaves=20,
)
_EDGE_VALUES = st.sampled_from(
    [
        "",
        10**30,
        -1,
        True,
        [[[]]],
        [{"a": [1]}],
        "x" * 10_000,
        "\ud800",
        "a\x00b",
        "line\x1bbreak",
        None,
        {},
        1.5,
    ]
).map(copy.deepcopy)  # a fresh object each time, so that mutations never make a cycle


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """A valid wire document with keys dropped and values replaced, at any depth."""
    doc = json.loads(json.dumps(draw(wire_tickets())))
    for _ in range(draw(st.integers(1, 4))):
        containers: list[Any] = [doc, *_walk(doc)]
        target = draw(st.sampled_from(containers))
        if isinstance(target, dict) and target:
            key = draw(st.sampled_from(sorted(target)))
            action = draw(st.sampled_from(["drop", "json", "edge", "extra"]))
            if action == "drop":
                del target[key]
            elif action == "json":
                target[key] = draw(_JSON)
            elif action == "edge":
                target[key] = draw(_EDGE_VALUES)
            else:
                target[draw(st.text(max_size=5))] = draw(_EDGE_VALUES)
        elif isinstance(target, list) and target:
            index = draw(st.integers(0, len(target) - 1))
            target[index] = draw(_JSON | _EDGE_VALUES)
    return doc


def _walk(value: Any) -> Any:
    if isinstance(value, dict):
        for item in value.values():
            if isinstance(item, (dict, list)):
                yield item
                yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, (dict, list)):
                yield item
                yield from _walk(item)


# --- helpers ----------------------------------------------------------------------------------

_MISSING = object()


def _step(value: Any, key: str | int) -> Any:
    if isinstance(value, dict) and isinstance(key, str):
        return value.get(key, _MISSING)
    if isinstance(value, list) and isinstance(key, int) and 0 <= key < len(value):
        return value[key]
    return _MISSING


def _at(data: Any, path: Path) -> Any:
    for key in path:
        data = _step(data, key)
        if data is _MISSING:
            break
    return data


def assert_path_exists(data: Any, problem: Problem) -> None:
    """Fail unless *problem*'s path leads to a value of *data* (a missing key, for ``required``)."""
    path = problem.path
    if problem.code == "required":
        parent = _at(data, path[:-1])
        assert parent is not _MISSING, problem
        # A blank optional text is an empty form field: reported as required, like a missing one.
        assert _step(parent, path[-1]) in (_MISSING, None, "") or (
            isinstance(_step(parent, path[-1]), str) and not _step(parent, path[-1]).strip()
        ), problem
    else:
        assert _at(data, path) is not _MISSING, problem


def problems_of(data: object, **options: Any) -> list[tuple[Path, str]]:
    """The (path, code) of every problem `from_dict` reports for *data*."""
    with pytest.raises(TicketValidationError) as info:
        from_dict(data, **options)
    return [(p.path, p.code) for p in info.value.problems]


def check_total(data: object) -> None:
    """`from_dict` returns a ticket or our error, whose every path is in the input."""
    try:
        result = from_dict(data)
    except TicketValidationError as exc:
        assert exc.problems  # noqa: PT017 (a property: any outcome but a crash is fine)
        for problem in exc.problems:
            assert_path_exists(data, problem)
    else:
        assert isinstance(result, Ticket)


BASE: dict[str, Any] = {"department": "billing", "subject": "Invoice wrong", "message": "Fix it"}

# --- round trip -------------------------------------------------------------------------------


def _rules_of(ticket: Ticket) -> RuleSet:
    return RuleSet(departments=(ticket.department,), limits=ticket.limits)


@given(_tickets())
def test_dict_round_trip(ticket: Ticket) -> None:
    """Writing a ticket with its secrets and reading it back gives the same ticket."""
    written = to_dict(ticket, include_secrets=True)
    assert from_dict(written, rules=_rules_of(ticket), context=ticket.context) == ticket


@given(_tickets())
def test_json_round_trip(ticket: Ticket) -> None:
    """The JSON text round trip gives the same ticket too."""
    written = to_json(ticket, include_secrets=True)
    assert from_json(written, rules=_rules_of(ticket), context=ticket.context) == ticket


@given(wire_tickets())
def test_output_is_canonical(doc: dict[str, Any]) -> None:
    """Writing is idempotent: a written document reads back to the same document."""
    written = to_dict(from_dict(doc), include_secrets=True)
    assert to_dict(from_dict(written), include_secrets=True) == written


# --- fuzz -------------------------------------------------------------------------------------


@given(_JSON)
def test_any_json_value_gives_ticket_or_our_error(value: object) -> None:
    """Any JSON value is read into a ticket or refused with problems found in the input."""
    check_total(value)


@given(st.dictionaries(st.sampled_from([*BASE, "priority", "requester", "zz"]), _JSON))
def test_any_json_object_with_known_keys_gives_ticket_or_our_error(value: object) -> None:
    """Objects with the format's keys and arbitrary values never crash the reader."""
    check_total(value)


@given(mutated())
def test_mutated_ticket_gives_ticket_or_our_error(doc: dict[str, Any]) -> None:
    """A valid document with dropped keys and swapped values never crashes the reader."""
    check_total(doc)


@given(st.text() | st.binary())
def test_any_text_or_bytes_gives_ticket_or_our_error(text: str | bytes) -> None:
    """`from_json` refuses any text or bytes with our error, never another exception."""
    try:
        from_json(text)
    except TicketValidationError as exc:
        assert exc.problems  # noqa: PT017 (a property: any outcome but a crash is fine)
    # A ticket is accepted too, but random text is never one in practice.


@given(mutated())
def test_mutated_ticket_as_json_gives_ticket_or_our_error(doc: dict[str, Any]) -> None:
    """The same holds for mutated documents read as JSON text."""
    text = json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass")
    try:
        from_json(text)
    except TicketValidationError as exc:
        assert exc.problems  # noqa: PT017 (a property: any outcome but a crash is fine)


# --- exact problems ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"priority": ["high"]}, [(("priority",), "wrong_type")]),
        ({"subject": 42}, [(("subject",), "wrong_type")]),
        ({"message": None}, [(("message",), "wrong_type")]),
        ({"credentials": "admin"}, [(("credentials",), "wrong_type")]),
        ({"custom_fields": {"a": [1]}}, [(("custom_fields", "a"), "wrong_type")]),
        (
            {"attachments": [{"filename": "a.png", "content_type": "image/png", "size": "12"}]},
            [(("attachments", 0, "size"), "wrong_type")],
        ),
        (
            {
                "attachments": [
                    {"filename": "a.png", "content_type": "image/png", "size": 1},
                    {"filename": "a.png", "content_type": "image/png", "size": True},
                ]
            },
            [(("attachments", 1, "size"), "wrong_type")],
        ),
        ({"attachments": {"filename": "a.png"}}, [(("attachments",), "wrong_type")]),
        ({"requester": {"name": 1, "email": "a@b.com"}}, [(("requester", "name"), "wrong_type")]),
    ],
)
def test_type_confusion(changes: dict[str, Any], expected: list[tuple[Path, str]]) -> None:
    """A value of the wrong JSON type is reported at its path, never coerced."""
    assert problems_of({**BASE, **changes}) == expected


def test_wrong_type_params() -> None:
    """A wrong type says what was expected and what arrived."""
    with pytest.raises(TicketValidationError) as info:
        from_dict({**BASE, "attachments": [{"filename": "a", "content_type": "x", "size": "12"}]})
    (problem,) = info.value.problems
    assert dict(problem.params) == {"expected_type": "integer", "actual_type": "string"}


def test_unknown_keys_each_reported() -> None:
    """Every unknown key, at the top and nested, is its own problem."""
    doc = {
        **BASE,
        "size": "12",
        "zz": 1,
        "requester": {"name": "Ana", "email": "ana@example.com", "phone": "1"},
        "credentials": {"username": "u", "password": "p", "token": "t"},
        "attachments": [{"filename": "a.png", "content_type": "image/png", "size": 1, "x": 0}],
    }
    assert sorted(problems_of(doc)) == sorted(
        [
            (("size",), "unknown_field"),
            (("zz",), "unknown_field"),
            (("requester", "phone"), "unknown_field"),
            (("credentials", "token"), "unknown_field"),
            (("attachments", 0, "x"), "unknown_field"),
        ]
    )
    ticket = from_dict(doc, ignore_unknown=True)
    assert ticket.requester is not None
    assert ticket.requester.email == "ana@example.com"
    assert len(ticket.attachments) == 1


def test_missing_nested_keys_are_required() -> None:
    """A missing key of a nested object is reported as required at its path."""
    doc = {**BASE, "requester": {"name": "x"}, "attachments": [{"filename": "a.png"}]}
    assert problems_of(doc) == [
        (("attachments", 0, "content_type"), "required"),
        (("attachments", 0, "size"), "required"),
        (("requester", "email"), "required"),
    ]


def test_schema_version() -> None:
    """A missing version reads as 1; any other version, or a boolean, is unsupported."""
    assert from_dict(BASE) == from_dict({**BASE, "schema_version": 1})
    assert to_dict(from_dict(BASE))["schema_version"] == 1
    for version in (2, True, "1", 1.0, None):
        assert problems_of({**BASE, "schema_version": version}) == [
            (("schema_version",), "unsupported_version")
        ]


@pytest.mark.parametrize(
    ("given_", "canonical"),
    [("Média", "medium"), ("ALTA", "high"), ("normal", "medium"), (4, "urgent"), ("1", "low")],
)
def test_priority_aliases(given_: str | int, canonical: str) -> None:
    """Other help desks' priority names are read and written back canonically."""
    assert to_dict(from_dict({**BASE, "priority": given_}))["priority"] == canonical


def test_datetimes() -> None:
    """Datetimes need an offset and are written with ``Z`` for UTC."""
    assert problems_of({**BASE, "created_at": "2024-01-01T10:00:00"}) == [
        (("created_at",), "naive_datetime")
    ]
    assert problems_of({**BASE, "created_at": "yesterday"}) == [
        (("created_at",), "invalid_datetime")
    ]
    utc = from_dict({**BASE, "created_at": "2024-01-01T10:00:00+00:00"})
    assert to_dict(utc)["created_at"] == "2024-01-01T10:00:00Z"
    brt = from_dict({**BASE, "created_at": "2024-01-01T10:00:00-03:00"})
    assert to_dict(brt)["created_at"] == "2024-01-01T10:00:00-03:00"


def test_unknown_department() -> None:
    """An unknown department is reported with the choices."""
    with pytest.raises(TicketValidationError) as info:
        from_dict({**BASE, "department": "hr"})
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == (("department",), "unknown_department")
    assert problem.params["choices"] == ("technical-support", "billing", "sales")


def test_context_decides_requirements() -> None:
    """Support needs service and location from customers, not on import."""
    doc = {"department": "technical-support", "subject": "Site down", "message": "It is down"}
    assert problems_of(doc) == [(("location",), "required"), (("service",), "required")]
    imported = from_dict(doc, context="import")
    assert imported.location is None
    assert imported.service is None


def test_every_problem_of_both_stages_in_one_error() -> None:
    """Shape problems and value problems come together in one error, in a stable order."""
    doc = {
        "department": "technical-support",
        "subject": 1,
        "message": "",
        "priority": "zzz",
        "attachments": [{"filename": "a.png", "content_type": "image/png", "size": "1"}],
        "requester": {"name": "", "email": "bad"},
        "created_at": "x",
        "extra": 1,
    }
    assert problems_of(doc) == [
        (("subject",), "wrong_type"),
        (("attachments", 0, "size"), "wrong_type"),
        (("extra",), "unknown_field"),
        (("priority",), "invalid_choice"),
        (("requester", "name"), "blank"),
        (("requester", "email"), "invalid_email"),
        (("created_at",), "invalid_datetime"),
        (("message",), "blank"),
        (("location",), "required"),
        (("service",), "required"),
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (b"\xff\xfe{}", "invalid_encoding"),
        ('{"department": "sales", "department": "billing"}', "duplicate_key"),
        ('{"subject": NaN}', "invalid_json_constant"),
        ('{"size": Infinity}', "invalid_json_constant"),
        ("[" * 100_000, "too_deep"),
        ('{"a":' * 17 + "1" + "}" * 17, "too_deep"),
        ('{"size": ' + "1" * 5000 + "}", "invalid_json"),
        ("{", "invalid_json"),
        (b" " * (4 * 1024 * 1024 + 1), "input_too_large"),
        (" " * (4 * 1024 * 1024 + 1), "input_too_large"),
        ("[]", "wrong_type"),
        ('"ticket"', "wrong_type"),
    ],
)
def test_hostile_json(text: str | bytes, code: str) -> None:
    """Hostile documents are refused with one problem at the root."""
    with pytest.raises(TicketValidationError) as info:
        from_json(text)
    assert [(p.path, p.code) for p in info.value.problems] == [((), code)]


def test_megabyte_subject_refused_early() -> None:
    """A megabyte subject is reported as too long, with its length."""
    with pytest.raises(TicketValidationError) as info:
        from_dict({**BASE, "subject": "x" * 1_000_000, "message": "y" * 1_000_000})
    assert [(p.path, p.code, dict(p.params)) for p in info.value.problems] == [
        (("subject",), "too_long", {"max": 200, "actual": 1_000_000}),
        (("message",), "too_long", {"max": 65_536, "actual": 1_000_000}),
    ]


def test_json_bytes_and_text_agree() -> None:
    """UTF-8 bytes and text read to the same ticket."""
    text = json.dumps({**BASE, "subject": "Fatura com cobrança"}, ensure_ascii=False)
    assert from_json(text) == from_json(text.encode("utf-8")) == from_json(bytearray(text, "utf8"))


# --- secrets ----------------------------------------------------------------------------------

_VAULT = RuleSet(
    departments=(
        Department(
            id="hosting",
            names={"en": "Hosting"},
            custom_fields=(
                CustomField(id="api_token", kind=FieldKind.SECRET, labels={"en": "API token"}),
                CustomField(id="plan", kind=FieldKind.TEXT, labels={"en": "Plan"}),
            ),
        ),
    )
)


@given(_PASSWORDS.filter(lambda p: len(p) >= 4 and p not in "********"))
def test_default_output_has_no_trace_of_secrets(password: str) -> None:
    """Passwords and secret custom fields are left out unless asked for."""
    doc = {
        "department": "hosting",
        "subject": "Panel access",
        "message": "Please look",
        "credentials": {"username": "admin", "password": password},
        "custom_fields": {"api_token": password, "plan": "basic"},
    }
    ticket = from_dict(doc, rules=_VAULT)
    written = to_dict(ticket)
    assert written["credentials"] == {"username": "admin"}
    assert written["custom_fields"] == {"plan": "basic"}
    values = [v for part in written.values() if isinstance(part, dict) for v in part.values()]
    assert password not in [*values, *written.values()]
    assert password not in json.loads(to_json(ticket))["credentials"].values()
    assert "api_token" not in to_json(ticket)
    revealed = to_dict(ticket, include_secrets=True)
    assert revealed["credentials"] == {"username": "admin", "password": password}
    assert revealed["custom_fields"] == {"api_token": password, "plan": "basic"}
    assert json.loads(to_json(ticket, include_secrets=True))["credentials"]["password"] == password
    assert from_dict(revealed, rules=_VAULT) == ticket


def test_problem_params_never_hold_the_password() -> None:
    """A too-long password is reported by length, not by value."""
    password = "hunter2-" * 200
    with pytest.raises(TicketValidationError) as info:
        from_dict({**BASE, "credentials": {"username": "u", "password": password}})
    assert info.value.codes == ("too_long",)
    assert "hunter2" not in repr(info.value.problems)
    assert "hunter2" not in str(info.value)
