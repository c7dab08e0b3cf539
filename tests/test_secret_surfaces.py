"""A password given to a ticket never shows up where it should not.

Every way a value can escape a program (``repr``, formatting, logging, errors, serialization,
copies, the command line...) is a *surface*, registered in `SURFACES` with a function that
renders a ticket holding a password through it. Each surface is checked on a fixed ticket
(whose secret custom field is checked too) and on generated ones. Surfaces that are meant to
carry the secret (``pickle``, ``to_dict(include_secrets=True)``) are in `CARRIERS`: they prove
that the checks would see a leak. ``pytest -s -k surface_count`` prints how many surfaces are
checked.
"""

from __future__ import annotations

import copy
import functools
import io
import json
import logging
import pickle
import pprint
import string
import subprocess
import sys
import traceback
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ticketcore
from ticketcore import (
    DEFAULT_RULES,
    Credentials,
    CustomField,
    Department,
    FieldKind,
    RuleSet,
    Secret,
    Ticket,
    TicketcoreError,
    TicketValidationError,
    UnsupportedLocaleError,
    assess,
    from_dict,
    from_json,
    strategies,
    to_dict,
    to_json,
)

# The password of every ticket here starts and ends with a marker that nothing else contains,
# so that a rendering that shows the password, or a shortened preview of it, is caught.
HEAD = "pw0HEADq"
TAIL = "zTAILpw9"
TOKEN = "tok1HEADq-panel-token-zTAILtok"  # a secret custom field's value


def _password(middle: str = "Hunter 2 ção!") -> str:
    return f"{HEAD}{middle}{TAIL}"


def _leaks(text: str | bytes) -> list[str]:
    """The markers of a secret found in *text*."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "backslashreplace")
    return [marker for marker in (HEAD, TAIL, TOKEN[:10], TOKEN[-10:]) if marker in text]


# --- The ticket and what can go wrong with it -----------------------------------------------

SECRETS = Department(
    id="secrets",
    names={"en": "Secrets", "pt-BR": "Segredos"},
    custom_fields=[
        CustomField(id="panel_token", kind=FieldKind.SECRET, labels={"en": "Panel token"}),
    ],
)
RULES = RuleSet(departments=[*DEFAULT_RULES.departments, SECRETS])


def _fixed_ticket() -> Ticket:
    return from_dict(
        {
            "department": "secrets",
            "subject": "Painel não abre",
            "message": "1. Abro www.example.com.br/admin\n2. Entro com o usuário admin\n"
            "3. Aparece erro 500 em vez do painel.",
            "location": "www.example.com.br/admin",
            "credentials": {"username": "admin", "password": _password()},
            "error_message": "HTTP 500 Internal Server Error",
            "requester": {"name": "Maria Silva", "email": "maria@example.com.br"},
            "custom_fields": {"panel_token": TOKEN},
            "created_at": "2026-11-24T13:00:00Z",
        },
        rules=RULES,
    )


def _document(ticket: Ticket) -> dict[str, Any]:
    """The wire document of *ticket*, password included (what a form posts)."""
    return to_dict(ticket, include_secrets=True)


def _invalid_document(ticket: Ticket) -> dict[str, Any]:
    """The document with a password and an invalid subject, e-mail and extra key."""
    data = _document(ticket)
    data["subject"] = "x"
    data["requester"] = {"name": "Maria", "email": "not an e-mail"}
    data["credentials"]["extra"] = "key"
    return data


def _rules_for(ticket: Ticket) -> RuleSet:
    return RULES if ticket.department == SECRETS else DEFAULT_RULES


@functools.lru_cache(maxsize=2)  # surfaces share the errors of one ticket
def _validation_error(ticket: Ticket) -> TicketValidationError:
    """The error of a document holding the password and other invalid fields."""
    with pytest.raises(TicketValidationError) as caught:
        from_dict(_invalid_document(ticket), rules=_rules_for(ticket))
    return caught.value


@functools.lru_cache(maxsize=2)  # surfaces share the errors of one ticket
def _constructor_error(ticket: Ticket) -> TicketValidationError:
    """The error of evolving the ticket (password kept) into an invalid one."""
    with pytest.raises(TicketValidationError) as caught:
        attrs.evolve(ticket, subject="x", attachments=[object()])  # type: ignore[list-item]
    return caught.value


@functools.lru_cache(maxsize=2)  # surfaces share the errors of one ticket
def _credentials_error(ticket: Ticket) -> TicketValidationError:
    """The error of credentials whose password is too long and holds a control character."""
    assert ticket.credentials is not None
    password = ticket.credentials.password.reveal()
    with pytest.raises(TicketValidationError) as caught:
        Credentials(username="", password=f"{password}\x00{'x' * 1100}{password}")
    return caught.value


@functools.lru_cache(maxsize=2)
def _json_errors(ticket: Ticket) -> tuple[TicketValidationError, ...]:
    """The errors of from_json on documents holding the password that do not parse or validate."""
    text = json.dumps(_document(ticket))
    password = json.dumps(_password())
    bad_documents: list[str | bytes] = [
        text[:-1],  # cut off
        text.replace("{", '{"password": ' + password + ", ", 1).replace(
            '"credentials": {', '"credentials": {"password": "a", ', 1
        ),  # duplicate keys
        text[:-1] + ', "x": NaN}',
        text.encode() + b"\xff",  # not UTF-8
        "[" * 40 + text + "]" * 40,  # too deep
        text.replace('"subject": ', '"subject": 12, "s": ', 1),
        json.dumps([_document(ticket)]),  # not an object
        json.dumps(_invalid_document(ticket)),
    ]
    errors = []
    for document in bad_documents:
        with pytest.raises(TicketValidationError) as caught:
            from_json(document, rules=_rules_for(ticket))
        errors.append(caught.value)
    return tuple(errors)


@functools.lru_cache(maxsize=2)  # surfaces share the errors of one ticket
def _locale_error(ticket: Ticket) -> UnsupportedLocaleError:
    with pytest.raises(UnsupportedLocaleError) as caught:
        _validation_error(ticket).messages("xx-PASSWORD")
    return caught.value


def _errors(ticket: Ticket) -> Iterator[TicketcoreError]:
    yield _validation_error(ticket)
    yield _constructor_error(ticket)
    yield _credentials_error(ticket)
    yield from _json_errors(ticket)
    yield _locale_error(ticket)


def _error_text(error: BaseException) -> str:
    parts = [str(error), repr(error), repr(error.args), f"{error}", f"{error!r}"]
    if isinstance(error, TicketValidationError):
        for locale in ticketcore.LOCALES:
            parts.extend(error.messages(locale))
            parts.append(json.dumps(error.as_list(locale), ensure_ascii=False))
        parts.extend(repr(problem) for problem in error.problems)
        parts.extend(str(problem) for problem in error.problems)
    return "\n".join(parts)


# --- The surfaces ---------------------------------------------------------------------------

Surface = Callable[[Ticket], str | bytes]
SURFACES: dict[str, Surface] = {}
"""Every surface checked: name -> what it shows of a ticket holding a password."""
CARRIERS: dict[str, Surface] = {}
"""Surfaces that keep the secret on purpose (a transport, an explicit request)."""


def surface(name: str, *, carries: bool = False) -> Callable[[Surface], Surface]:
    """Register a surface under *name* (in `CARRIERS` when it keeps the secret on purpose)."""

    def register(function: Surface) -> Surface:
        registry = CARRIERS if carries else SURFACES
        assert name not in registry, name
        registry[name] = function
        return function

    return register


def _password_of(ticket: Ticket) -> Secret:
    assert ticket.credentials is not None
    return ticket.credentials.password


# Text rendering of the objects.
surface("repr(ticket)")(repr)
surface("str(ticket)")(str)
surface("ascii(ticket)")(ascii)
surface("format(ticket)")(format)
surface("format(ticket, spec)")(lambda t: format(t, ""))
surface("f-string {ticket!r}")(lambda t: f"{t!r}")
surface("f-string {ticket!s}")(lambda t: f"{t!s}")
surface("f-string {ticket!a}")(lambda t: f"{t!a}")
surface("str.format field access")("{0.credentials.password}".format)
surface("%-formatting %s %r")(lambda t: "%s %r" % (t, t))  # noqa: UP031
surface("pprint.pformat")(pprint.pformat)
surface("repr(credentials)")(lambda t: repr(t.credentials))
surface("str(credentials)")(lambda t: str(t.credentials))
surface("repr(password)")(lambda t: repr(_password_of(t)))
surface("str(password)")(lambda t: str(_password_of(t)))
surface("f-string {password}")(lambda t: f"{_password_of(t)}")
surface("f-string {password!r}")(lambda t: f"{_password_of(t)!r}")
surface("f-string {password:>40}")(lambda t: f"{_password_of(t):>40}|{_password_of(t):*^9.3}")
surface("%-formatting password")(lambda t: "%s|%r|%a" % ((_password_of(t),) * 3))
surface("string.Template")(
    lambda t: string.Template("$p").substitute(p=_password_of(t)),
)
surface("repr(custom_fields)")(lambda t: repr(t.custom_fields) + str(dict(t.custom_fields)))


# Object dumps.
surface("attrs.asdict")(lambda t: repr(attrs.asdict(t)))
surface("attrs.astuple")(lambda t: repr(attrs.astuple(t)))
surface("attrs.asdict to JSON, default=str")(
    lambda t: json.dumps(attrs.asdict(t), default=str, ensure_ascii=False)
)
_CONVERTER = cattrs.Converter()
surface("cattrs.unstructure")(
    lambda t: json.dumps(_CONVERTER.unstructure(t), default=str, ensure_ascii=False)
)
surface("__slots__ dump")(
    lambda t: repr({n: getattr(t, n) for n in type(t).__slots__})  # type: ignore[attr-defined]
)
surface("__getstate__")(lambda t: repr(t.__getstate__()))


@surface("vars()")
def _vars(ticket: Ticket) -> str:
    shown = []
    for value in (ticket, ticket.credentials, _password_of(ticket)):
        try:
            shown.append(repr(vars(value)))
        except TypeError:  # slotted: no __dict__ to dump
            shown.append("-")
    return "\n".join(shown)


surface("dir() and attribute values")(
    lambda t: repr(
        {n: getattr(t.credentials, n) for n in dir(t.credentials) if not n.startswith("__")}
    )
)


# Copies: they hold the secret (checked separately) but do not show it.
surface("copy.copy")(lambda t: repr(copy.copy(t)))
surface("copy.deepcopy")(lambda t: repr(copy.deepcopy(t)))
surface("attrs.evolve")(lambda t: repr(attrs.evolve(t, subject="Another subject")))


# Default serialization.
surface("to_dict")(lambda t: repr(to_dict(t)))
surface("to_json")(to_json)
surface("json.dumps(to_dict)")(lambda t: json.dumps(to_dict(t)))


@surface("pickled TicketValidationError")
def _pickled_error(ticket: Ticket) -> bytes:
    error = _validation_error(ticket)
    restored = pickle.loads(pickle.dumps(error))  # noqa: S301  (our own bytes)
    return pickle.dumps(error) + _error_text(restored).encode()


# Errors.
surface("TicketValidationError from from_dict")(lambda t: _error_text(_validation_error(t)))
surface("TicketValidationError from the constructor")(lambda t: _error_text(_constructor_error(t)))
surface("TicketValidationError from Credentials")(lambda t: _error_text(_credentials_error(t)))
surface("TicketValidationError from from_json")(
    lambda t: "\n".join(_error_text(error) for error in _json_errors(t))
)
surface("UnsupportedLocaleError")(lambda t: _error_text(_locale_error(t)))


@surface("tracebacks of every error")
def _tracebacks(ticket: Ticket) -> str:
    return "".join(line for error in _errors(ticket) for line in traceback.format_exception(error))


@surface("traceback with locals, ticket built from objects")
def _traceback_locals(ticket: Ticket) -> str:
    # Frame locals hold what the caller passed; here that is a Credentials whose password is
    # a Secret already, so even a traceback that shows locals masks it.
    exception = traceback.TracebackException.from_exception(
        _constructor_error(ticket), capture_locals=True
    )
    return "".join(exception.format())


# Logging.
def _log(ticket: Ticket, emit: Callable[[logging.Logger], None], fmt: str) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter(fmt))
    logger = logging.getLogger(f"ticketcore.tests.secrets.{id(stream)}")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        emit(logger)
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


surface("logging %s")(lambda t: _log(t, lambda log: log.warning("ticket %s", t), "%(message)s"))
surface("logging %r")(lambda t: _log(t, lambda log: log.warning("ticket %r", t), "%(message)s"))
surface("logging extra=")(
    lambda t: _log(
        t,
        lambda log: log.warning("got", extra={"ticket": t, "password": _password_of(t)}),
        "%(message)s %(ticket)s %(password)s",
    )
)


@surface("logging exc_info")
def _log_exception(ticket: Ticket) -> str:
    def emit(log: logging.Logger) -> None:
        for error in _errors(ticket):
            log.error("invalid ticket %r", ticket, exc_info=error)
        try:
            raise _validation_error(ticket)
        except TicketcoreError:
            log.exception("invalid ticket %s", ticket, stack_info=True)

    return _log(ticket, emit, "%(message)s")


@surface("structured logging (record as JSON)")
def _log_json(ticket: Ticket) -> str:
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logger = logging.getLogger("ticketcore.tests.secrets.json")
    logger.propagate = False
    handler = Keep()
    logger.addHandler(handler)
    try:
        logger.warning("ticket", extra={"ticket": ticket, "data": to_dict(ticket)})
    finally:
        logger.removeHandler(handler)
    return "\n".join(json.dumps(vars(r), default=repr, ensure_ascii=False) for r in records)


@surface("warnings")
def _warnings(ticket: Ticket) -> str:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn(f"odd ticket {ticket}", UserWarning, stacklevel=1)
        warnings.warn(str(_validation_error(ticket)), UserWarning, stacklevel=1)
    return "".join(
        warnings.formatwarning(w.message, w.category, w.filename, w.lineno) for w in caught
    )


# Completeness reports.
def _report_text(report: ticketcore.CompletenessReport) -> str:
    return "\n".join(
        [
            repr(report),
            str(report),
            json.dumps(report.as_dict(), ensure_ascii=False),
            *(repr(f) for f in report.findings),
        ]
    )


surface("assess(ticket)")(lambda t: _report_text(assess(t, rules=_rules_for(t))))
surface("assess(ticket, locale=pt-BR, context=agent)")(
    lambda t: _report_text(assess(t, rules=_rules_for(t), locale="pt-BR", context="agent"))
)
surface("assess(valid draft)")(lambda t: _report_text(assess(_document(t), rules=_rules_for(t))))
surface("assess(invalid draft)")(
    lambda t: _report_text(assess(_invalid_document(t), rules=_rules_for(t)))
)


@surface("assess(draft with the password pasted in the message)")
def _assess_pasted(ticket: Ticket) -> str:
    data = _document(ticket)
    password = ticket.credentials.password.reveal()  # type: ignore[union-attr]
    data["message"] = f"{data['message']}\nMeu login é admin e a senha: {password}"
    data["error_message"] = f"Access denied; password={password}"
    report = assess(data, rules=_rules_for(ticket))
    assert "credentials_in_message" in report.missing
    return _report_text(report)


# Carriers: they keep the secret on purpose, and prove that the markers are found.
surface("pickle", carries=True)(pickle.dumps)
surface("to_dict(include_secrets=True)", carries=True)(
    lambda t: repr(to_dict(t, include_secrets=True))
)
surface("to_json(include_secrets=True)", carries=True)(lambda t: to_json(t, include_secrets=True))
surface("reveal()", carries=True)(lambda t: _password_of(t).reveal())


# --- Tests ----------------------------------------------------------------------------------

CLI_SURFACES = ("cli check", "cli check --format json", "cli redact", "cli score")
MIN_SURFACES = 60


@pytest.fixture(scope="module")
def fixed_ticket() -> Ticket:
    """The ticket with a password and a secret custom field."""
    return _fixed_ticket()


def test_the_fixed_ticket_holds_its_secrets(fixed_ticket: Ticket) -> None:
    """The fixed ticket carries the password and the secret custom field."""
    assert _password_of(fixed_ticket).reveal() == _password()
    assert fixed_ticket.custom_fields["panel_token"] == Secret(TOKEN)


@pytest.mark.parametrize("name", SURFACES)
def test_surface_hides_the_secrets(name: str, fixed_ticket: Ticket) -> None:
    """The surface shows neither the password nor the secret custom field."""
    assert _leaks(SURFACES[name](fixed_ticket)) == []


@pytest.mark.parametrize("name", CARRIERS)
def test_carrier_keeps_the_secrets(name: str, fixed_ticket: Ticket) -> None:
    """A surface meant to carry secrets does carry them: the markers are seen when present."""
    found = _leaks(CARRIERS[name](fixed_ticket))
    assert HEAD in found
    assert TAIL in found


def _generated_tickets() -> st.SearchStrategy[Ticket]:
    @st.composite
    def build(draw: st.DrawFn) -> Ticket:
        ticket = draw(
            strategies.tickets(
                department=st.sampled_from(DEFAULT_RULES.departments),
                limits=DEFAULT_RULES.limits,
            )
        )
        username = draw(strategies.credentials()).username
        middle = draw(strategies.passwords(min_size=0, max_size=40))
        return attrs.evolve(
            ticket, credentials=Credentials(username=username, password=_password(middle))
        )

    return build()


# A quarter of the profile's examples: each example goes through every surface (~60 ms).
@settings(max_examples=max(10, settings().max_examples // 4))
@given(_generated_tickets())
def test_no_surface_shows_a_generated_password(ticket: Ticket) -> None:
    """On generated tickets and passwords, no surface shows the password; carriers do."""
    leaking = {name: found for name, show in SURFACES.items() if (found := _leaks(show(ticket)))}
    assert leaking == {}
    assert all(_leaks(show(ticket)) for show in CARRIERS.values())


def test_copies_and_pickles_keep_the_secret(fixed_ticket: Ticket) -> None:
    """copy, deepcopy and pickle keep the password: the copy can still reveal it."""
    for twin in (
        copy.copy(fixed_ticket),
        copy.deepcopy(fixed_ticket),
        pickle.loads(pickle.dumps(fixed_ticket)),  # noqa: S301  (our own bytes)
    ):
        assert twin == fixed_ticket
        assert _password_of(twin).reveal() == _password()
        assert twin.custom_fields["panel_token"] == Secret(TOKEN)


def test_equality_and_hashing_see_the_password(fixed_ticket: Ticket) -> None:
    """Tickets that differ only in their password are different values (documented)."""
    assert fixed_ticket.credentials is not None
    other = attrs.evolve(
        fixed_ticket,
        credentials=attrs.evolve(fixed_ticket.credentials, password=_password("another")),
    )
    same = attrs.evolve(
        fixed_ticket,
        credentials=attrs.evolve(fixed_ticket.credentials, password=_password()),
    )
    assert other != fixed_ticket
    assert same == fixed_ticket
    assert hash(same) == hash(fixed_ticket)
    assert len({fixed_ticket, same, other}) == 2
    # A secret never equals the plain string it wraps, so comparing cannot be used to probe it.
    assert _password_of(fixed_ticket) != _password()
    assert _password() != _password_of(fixed_ticket)


def test_every_error_class_is_covered(fixed_ticket: Ticket) -> None:
    """The error surfaces raise every concrete ticketcore error class there is."""

    def subclasses(cls: type[BaseException]) -> set[type[BaseException]]:
        found = set(cls.__subclasses__())
        for sub in cls.__subclasses__():
            found |= subclasses(sub)
        return found

    raised = {type(error) for error in _errors(fixed_ticket)}
    public = {
        cls
        for cls in subclasses(TicketcoreError)
        if cls.__module__.startswith("ticketcore") and not cls.__name__.startswith("_")
    }
    assert public <= raised


# --- The command line -------------------------------------------------------------------------


def _cli(*args: str) -> str:
    done = subprocess.run(  # noqa: S603  (our own interpreter and arguments)
        [sys.executable, "-m", "ticketcore", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        encoding="utf-8",
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def cli_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JSON Lines file of a valid and an invalid ticket, with a password and a pasted one."""
    data = _document(_fixed_ticket())
    data["department"] = "technical-support"
    data["service"] = "hosting-4711"
    data["custom_fields"] = {}
    data["message"] += f"\nSe precisar, a senha: {_password('pasted')}"
    invalid = {**data, "subject": "x", "requester": {"name": "Maria", "email": "not an e-mail"}}
    path = tmp_path_factory.mktemp("cli") / "tickets.jsonl"
    lines = [json.dumps(data, ensure_ascii=False), json.dumps(invalid)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cli_outputs_hide_the_password(cli_file: Path) -> None:
    """The check (text, JSON), redact and score commands never print a password of the file."""
    outputs = {
        "cli check": _cli("check", str(cli_file)),
        "cli check --format json": _cli("check", "--format", "json", str(cli_file)),
        "cli redact": _cli("redact", str(cli_file)),
        "cli score": _cli("score", str(cli_file)),
    }
    assert set(outputs) == set(CLI_SURFACES)
    # They did read both tickets and saw the pasted password.
    assert outputs["cli redact"].count("senha: ********") == 2
    for name in ("cli check", "cli check --format json", "cli score"):
        assert outputs[name].count("credentials_in_message") >= 2, name
    assert {name: _leaks(text) for name, text in outputs.items() if _leaks(text)} == {}


def test_surface_count() -> None:
    """At least MIN_SURFACES surfaces are checked (printed with ``pytest -s``)."""
    count = len(SURFACES) + len(CLI_SURFACES) + 2  # + copies kept, equality and hashing
    print(f"\nsecret surfaces checked: {count} ({len(CARRIERS)} carriers as controls)")
    assert count >= MIN_SURFACES
