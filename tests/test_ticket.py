"""Tests for `ticketcore.ticket` (and the text normalization every domain type shares)."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import unicodedata
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from _hostile import hostile_texts, wrong_types
from ticketcore import (
    CONTEXTS,
    DEFAULT_LIMITS,
    Attachment,
    Credentials,
    CustomField,
    Department,
    FieldKind,
    Limits,
    Location,
    Priority,
    Requester,
    Secret,
    Ticket,
    TicketValidationError,
)
from ticketcore._check import normalize_optional_text, normalize_text
from ticketcore.department import REQUIRABLE_FIELDS
from ticketcore.limits import MIB
from ticketcore.strategies import departments, tickets

ORDER = CustomField(
    id="order_id",
    kind=FieldKind.TEXT,
    labels={"en": "Order number", "pt-BR": "Número do pedido"},
    pattern=r"PED-\d{4}",
    required=["customer"],
    error_messages={
        "en": "Order numbers look like PED-1234.",
        "pt-BR": "Números de pedido são como PED-1234.",
    },
)
API_TOKEN = CustomField(id="api_token", kind=FieldKind.SECRET, labels={"en": "API token"})
SUPPORT = Department(
    id="technical-support",
    names={"en": "Technical support", "pt-BR": "Suporte técnico"},
    requires={"service": True, "location": ["customer"]},
    custom_fields=[ORDER, API_TOKEN],
)
SALES = Department(id="sales", names={"en": "Sales", "pt-BR": "Comercial"})
UTC = dt.UTC
CONTEXT_CHOICES = ("customer", "agent", "import")


def ticket(**changes: Any) -> Ticket:
    """A minimal valid sales ticket, with *changes*."""
    values: dict[str, Any] = {
        "department": SALES,
        "subject": "Plan upgrade",
        "message": "Which plan has SSH access?",
    }
    values.update(changes)
    return Ticket(**values)


def problems_of(**changes: Any) -> list[tuple[tuple[str | int, ...], str, dict[str, object]]]:
    """The problems of `ticket` with *changes*, as (path, code, params)."""
    with pytest.raises(TicketValidationError) as info:
        ticket(**changes)
    return [(p.path, p.code, dict(p.params)) for p in info.value.problems]


def wrong(expected: str, actual: str) -> dict[str, object]:
    """The parameters of a `wrong_type` problem."""
    return {"expected_type": expected, "actual_type": actual}


def png(size: int = 48_213, name: str = "erro.png") -> Attachment:
    """A screenshot attachment."""
    return Attachment(filename=name, content_type="image/png", size=size)


# --- Construction and normalization -----------------------------------------------------------


def test_minimal_ticket_has_defaults() -> None:
    """Only department, subject and message are needed; the rest has defaults."""
    t = ticket()
    assert (t.priority, t.service, t.location, t.credentials, t.error_message) == (
        Priority.MEDIUM,
        None,
        None,
        None,
        None,
    )
    assert (t.attachments, dict(t.custom_fields), t.requester, t.created_at) == ((), {}, None, None)
    assert (t.limits, t.context, t.has_credentials) == (DEFAULT_LIMITS, "customer", False)


def test_text_fields_are_normalized() -> None:
    r"""Text is stripped, NFC-composed, with ``\n`` line breaks; blank optional text is None."""
    t = ticket(
        subject="  Site fora do ar  ",
        message="1. Abra o site\r\n2. Faça login\r3. " + unicodedata.normalize("NFD", "Não abre"),
        service="  hosting-4711 ",
        error_message=" \r\n ",
    )
    assert t.subject == "Site fora do ar"
    assert t.message == "1. Abra o site\n2. Faça login\n3. Não abre"
    assert t.service == "hosting-4711"
    assert t.error_message is None
    assert ticket(service="").service is None


def test_collections_become_immutable() -> None:
    """A list of attachments becomes a tuple and a dict of custom fields a hashable mapping."""
    t = ticket(attachments=[png()], custom_fields={})
    assert t.attachments == (png(),)
    assert isinstance(hash(t), int)


def test_custom_field_values_are_normalized() -> None:
    """Custom text values are stripped and secret values wrapped in a `Secret`."""
    t = ticket(
        department=SUPPORT,
        service="hosting-4711",
        location=Location("www.seu-site.com/admin"),
        custom_fields={"order_id": " PED-1234 ", "api_token": " s3cr3t-v4lue "},
    )
    assert dict(t.custom_fields) == {"order_id": "PED-1234", "api_token": Secret(" s3cr3t-v4lue ")}
    assert "s3cr3t" not in repr(t)


def test_has_credentials() -> None:
    """`has_credentials` says whether credentials were given."""
    assert ticket(credentials=Credentials(username="admin", password="hunter22")).has_credentials


def test_limits_and_context_are_not_part_of_the_value() -> None:
    """Two tickets with the same content are equal whatever limits and context checked them."""
    one = ticket(context="agent", limits=Limits(subject_min_length=1))
    assert one == ticket()
    assert hash(one) == hash(ticket())
    assert "limits" not in repr(one)


def test_ticket_is_frozen_and_evolve_validates() -> None:
    """A ticket cannot be changed in place, and `attrs.evolve` checks the new values."""
    t = ticket()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        t.subject = "x"  # type: ignore[misc]
    assert attrs.evolve(t, priority=Priority.HIGH).priority is Priority.HIGH
    with pytest.raises(TicketValidationError) as info:
        attrs.evolve(t, subject="x")
    assert info.value.codes == ("too_short",)


# --- Every problem at once, with exact messages -----------------------------------------------

BAD_TICKET: dict[str, Any] = {
    "department": SUPPORT,
    "subject": "Hi",
    "message": "  ",
    "priority": "high",
    "error_message": "Fatal\x07error",
    "attachments": [
        Attachment(filename="erro.docx", content_type="application/msword", size=30 * MIB)
    ],
    "custom_fields": {"order_id": "PED-12", "color\n": "blue"},
    "created_at": dt.datetime(2026, 11, 24, 13, 0),
}
TYPES = (
    "application/pdf, application/x-zip-compressed, application/zip, image/gif, image/jpeg,"
    " image/png, image/webp, text/csv, text/plain"
)
EXTENSIONS = "csv, gif, jpeg, jpg, log, pdf, png, txt, webp, zip"
ALLOWED_TYPES = tuple(TYPES.split(", "))
ALLOWED_EXTENSIONS = tuple(EXTENSIONS.split(", "))

# path, code, params, English message, Portuguese message, str(problem)
BAD_TICKET_PROBLEMS = [
    (
        ("subject",),
        "too_short",
        {"min": 3, "actual": 2},
        "The subject must be at least 3 characters long (got 2).",
        "O campo assunto deve ter pelo menos 3 caracteres (recebido: 2).",
        "$.subject",
    ),
    (
        ("message",),
        "blank",
        {},
        "The message must not be blank.",
        "O campo mensagem não pode ficar em branco.",
        "$.message",
    ),
    (
        ("priority",),
        "wrong_type",
        wrong("Priority", "string"),
        "The priority must be a Priority, not text.",
        "O campo prioridade deve ser um Priority, não texto.",
        "$.priority",
    ),
    (
        ("error_message",),
        "control_character",
        {"position": 5},
        "The error message contains a control character at position 5, which is not allowed.",
        (
            "O campo mensagem de erro contém um caractere de controle na posição 5, o que não é"
            " permitido."
        ),
        "$.error_message",
    ),
    (
        ("attachments", 0, "size"),
        "too_large",
        {"max": 26_214_400, "actual": 31_457_280},
        "The file size in bytes must be at most 26214400 (got 31457280).",
        "O campo tamanho do arquivo em bytes deve ser no máximo 26214400 (recebido: 31457280).",
        "$.attachments[0].size",
    ),
    (
        ("attachments", 0, "content_type"),
        "not_allowed",
        {"value": "application/msword", "allowed": ALLOWED_TYPES},
        f"The file type application/msword is not allowed (allowed: {TYPES}).",
        (
            "O valor application/msword não é permitido no campo tipo do arquivo"
            f" (permitidos: {TYPES})."
        ),
        "$.attachments[0].content_type",
    ),
    (
        ("attachments", 0, "filename"),
        "not_allowed",
        {"value": "erro.docx", "allowed": ALLOWED_EXTENSIONS},
        f"The file name erro.docx is not allowed (allowed: {EXTENSIONS}).",
        f"O valor erro.docx não é permitido no campo nome do arquivo (permitidos: {EXTENSIONS}).",
        "$.attachments[0].filename",
    ),
    (
        ("created_at",),
        "naive_datetime",
        {},
        "The creation date must include a time zone offset, such as Z or -03:00.",
        "O campo data de criação deve incluir o fuso horário, como Z ou -03:00.",
        "$.created_at",
    ),
    (
        ("location",),
        "required",
        {},
        "The affected location is required.",
        "O campo local afetado é obrigatório.",
        "$.location",
    ),
    (
        ("service",),
        "required",
        {},
        "The related service is required.",
        "O campo serviço relacionado é obrigatório.",
        "$.service",
    ),
    (
        ("custom_fields", "order_id"),
        "pattern_mismatch",
        {},
        "Order numbers look like PED-1234.",
        "Números de pedido são como PED-1234.",
        "$.custom_fields.order_id",
    ),
    (
        ("custom_fields", "color\n"),
        "unknown_field",
        {},
        'The field "color\\n" is not recognised.',
        'O campo "color\\n" não é reconhecido.',
        '$.custom_fields["color\\n"]',
    ),
]


def test_a_ticket_with_many_bad_fields_reports_every_problem_once() -> None:
    """One `TicketValidationError` lists every problem with its path, code and parameters."""
    with pytest.raises(TicketValidationError) as info:
        Ticket(**BAD_TICKET)
    assert [(p.path, p.code, dict(p.params)) for p in info.value.problems] == [
        (path, code, params) for path, code, params, *_ in BAD_TICKET_PROBLEMS
    ]


@pytest.mark.parametrize(
    ("index", "expected"), list(enumerate(BAD_TICKET_PROBLEMS)), ids=lambda x: str(x)[:40]
)
def test_each_problem_renders_in_both_locales(index: int, expected: tuple[Any, ...]) -> None:
    """Each problem reads as a full sentence in English and Portuguese, with its path."""
    with pytest.raises(TicketValidationError) as info:
        Ticket(**BAD_TICKET)
    problem = info.value.problems[index]
    *_, english, portuguese, location = expected
    assert problem.message("en") == english
    assert problem.message("pt-BR") == portuguese
    assert problem.location == location
    assert str(problem) == f"{english} @ {location}"


def test_error_str_lists_every_problem() -> None:
    """`str` of the error counts the problems and gives one line per problem."""
    with pytest.raises(TicketValidationError) as info:
        Ticket(**BAD_TICKET)
    lines = str(info.value).split("\n")
    assert lines[0] == "12 problems:"
    assert lines[1:] == [f"- {english} @ {loc}" for *_, english, _pt, loc in BAD_TICKET_PROBLEMS]
    assert (
        info.value.messages("pt-BR")[1] == "O campo mensagem não pode ficar em branco. @ $.message"
    )


def test_wrong_types_in_every_field_are_reported_together() -> None:
    """A value of the wrong type in each field gives one `wrong_type` (or choice) per field."""
    with pytest.raises(TicketValidationError) as info:
        Ticket(
            department="sales",  # type: ignore[arg-type]
            subject=5,  # type: ignore[arg-type]
            message=None,  # type: ignore[arg-type]
            priority=None,  # type: ignore[arg-type]
            service=5,  # type: ignore[arg-type]
            location="www.example.com",  # type: ignore[arg-type]
            credentials={"username": "admin"},  # type: ignore[arg-type]
            error_message=b"boom",  # type: ignore[arg-type]
            attachments=5,  # type: ignore[arg-type]
            requester="maria@example.com",  # type: ignore[arg-type]
            custom_fields=[("order_id", "PED-1234")],  # type: ignore[arg-type]
            created_at="2026-11-24T13:00:00Z",  # type: ignore[arg-type]
            limits={},  # type: ignore[arg-type]
            context=None,  # type: ignore[arg-type]
        )
    assert [(p.path, p.code, dict(p.params)) for p in info.value.problems] == [
        (("limits",), "wrong_type", wrong("Limits", "object")),
        (("context",), "invalid_choice", {"choices": CONTEXT_CHOICES, "value": "None"}),
        (("department",), "wrong_type", wrong("Department", "string")),
        (("subject",), "wrong_type", wrong("string", "integer")),
        (("message",), "wrong_type", wrong("string", "null")),
        (("priority",), "wrong_type", wrong("Priority", "null")),
        (("service",), "wrong_type", wrong("string", "integer")),
        (("location",), "wrong_type", wrong("Location", "string")),
        (("credentials",), "wrong_type", wrong("Credentials", "object")),
        (("requester",), "wrong_type", wrong("Requester", "string")),
        (("error_message",), "wrong_type", wrong("string", "bytes")),
        (("attachments",), "wrong_type", wrong("array", "integer")),
        (("created_at",), "wrong_type", wrong("datetime", "string")),
    ]


# --- Limits -----------------------------------------------------------------------------------


def test_at_most_ten_attachments_by_default() -> None:
    """Ten files pass; eleven give `too_many` on the list."""
    assert len(ticket(attachments=[png()] * 10).attachments) == 10
    assert problems_of(attachments=[png()] * 11) == [
        (("attachments",), "too_many", {"max": 10, "actual": 11})
    ]


def test_attachment_size_limit_is_inclusive() -> None:
    """A file of exactly 25 MiB passes; one byte more is `too_large`."""
    assert ticket(attachments=[png(25 * MIB)]).attachments[0].size == 25 * MIB
    assert problems_of(attachments=[png(), png(25 * MIB + 1)]) == [
        (("attachments", 1, "size"), "too_large", {"max": 25 * MIB, "actual": 25 * MIB + 1})
    ]


@pytest.mark.parametrize(
    ("attachment", "expected"),
    [
        (
            Attachment(filename="erro.png", content_type="image/svg+xml", size=1),
            [
                (
                    ("attachments", 0, "content_type"),
                    "not_allowed",
                    {"value": "image/svg+xml", "allowed": ALLOWED_TYPES},
                )
            ],
        ),
        (
            Attachment(filename="erro.svg", content_type="image/png", size=1),
            [
                (
                    ("attachments", 0, "filename"),
                    "not_allowed",
                    {"value": "erro.svg", "allowed": ALLOWED_EXTENSIONS},
                )
            ],
        ),
        (
            Attachment(filename="log.txt", content_type="text/plain; charset=utf-8", size=1),
            [],
        ),
        (Attachment(filename="README", content_type="text/plain", size=1), []),
        (Attachment(filename="ERRO.PNG", content_type="image/png", size=1), []),
    ],
)
def test_content_types_and_extensions_must_be_allowed(
    attachment: Attachment, expected: list[tuple[object, ...]]
) -> None:
    """Media types (without parameters) and extensions are checked against the limits."""
    if expected:
        assert problems_of(attachments=[attachment]) == expected
    else:
        assert ticket(attachments=[attachment]).attachments == (attachment,)


def test_custom_limits_replace_the_defaults() -> None:
    """A rule set's own limits decide lengths, counts, sizes, types and extensions."""
    limits = Limits(
        subject_min_length=10,
        message_max_length=20,
        error_message_max_length=5,
        max_attachments=1,
        max_attachment_size=1000,
        allowed_content_types={"application/msword"},
        allowed_extensions=["doc"],
    )
    word = Attachment(filename="pedido.doc", content_type="application/msword", size=1000)
    valid = ticket(subject="Ten chars!", message="m", attachments=[word], limits=limits)
    assert valid.limits is limits
    assert problems_of(
        subject="Too short",
        message="x" * 21,
        error_message="123456",
        attachments=[word, png(1001)],
        limits=limits,
    ) == [
        (("subject",), "too_short", {"min": 10, "actual": 9}),
        (("message",), "too_long", {"max": 20, "actual": 21}),
        (("error_message",), "too_long", {"max": 5, "actual": 6}),
        (("attachments",), "too_many", {"max": 1, "actual": 2}),
        (("attachments", 1, "size"), "too_large", {"max": 1000, "actual": 1001}),
        (
            ("attachments", 1, "content_type"),
            "not_allowed",
            {"value": "image/png", "allowed": ("application/msword",)},
        ),
        (("attachments", 1, "filename"), "not_allowed", {"value": "erro.png", "allowed": ("doc",)}),
    ]


def test_limits_of_the_wrong_type_fall_back_to_the_defaults() -> None:
    """Bad limits are reported, and the ticket is still checked against the default limits."""
    assert problems_of(limits="strict", subject="Hi") == [
        (("limits",), "wrong_type", wrong("Limits", "string")),
        (("subject",), "too_short", {"min": 3, "actual": 2}),
    ]


# --- Requirements and contexts ----------------------------------------------------------------


def support_ticket(**changes: Any) -> Ticket:
    """A complete technical-support ticket, with *changes*."""
    values: dict[str, Any] = {
        "department": SUPPORT,
        "service": "hosting-4711",
        "location": Location("www.seu-site.com/admin"),
        "custom_fields": {"order_id": "PED-1234"},
    }
    values.update(changes)
    return ticket(**values)


def test_a_complete_support_ticket_is_valid() -> None:
    """With service, location and order number, a customer's support ticket is valid."""
    assert support_ticket().department is SUPPORT


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        (
            "customer",
            [
                (("location",), "required", {}),
                (("service",), "required", {}),
                (("custom_fields", "order_id"), "required", {}),
            ],
        ),
        ("agent", [(("service",), "required", {})]),
        ("import", [(("service",), "required", {})]),
    ],
)
def test_requirements_depend_on_the_context(
    context: str, expected: list[tuple[object, ...]]
) -> None:
    """A customer must give what the department requires of customers; import is relaxed."""
    assert (
        problems_of(
            department=SUPPORT, service=None, location=None, custom_fields={}, context=context
        )
        == expected
    )


def test_import_does_not_require_a_customer_only_field() -> None:
    """An imported ticket without the customer-only location and order number is valid."""
    t = support_ticket(location=None, custom_fields={}, context="import")
    assert (t.location, dict(t.custom_fields), t.context) == (None, {}, "import")


@pytest.mark.parametrize("field", REQUIRABLE_FIELDS)
def test_a_list_requires_a_field_in_every_context(field: str) -> None:
    """A department that lists a field requires it from customers, agents and imports alike."""
    strict = Department(id="strict", names={"en": "Strict"}, requires=[field])
    for context in ("customer", "agent", "import"):
        assert problems_of(department=strict, context=context) == [((field,), "required", {})]


def test_an_empty_attachment_list_does_not_meet_a_requirement() -> None:
    """Required attachments need at least one file."""
    strict = Department(id="strict", names={"en": "Strict"}, requires=["attachments"])
    assert problems_of(department=strict, attachments=[]) == [(("attachments",), "required", {})]
    assert ticket(department=strict, attachments=[png()]).attachments == (png(),)


@pytest.mark.parametrize(
    ("context", "shown"), [("robot", "robot"), (["customer"], "['customer']"), (None, "None")]
)
def test_unknown_context_is_invalid_choice(context: object, shown: str) -> None:
    """The context must be customer, agent or import, even when it is not hashable."""
    assert problems_of(department=SUPPORT, context=context) == [
        (("context",), "invalid_choice", {"choices": CONTEXT_CHOICES, "value": shown})
    ]


def test_custom_field_keys_must_be_known() -> None:
    """Keys a department does not define are `unknown_field`, with the key in the path."""
    assert problems_of(custom_fields={"color": "blue", 3: "x", "order id": 1}) == [
        (("custom_fields", "color"), "unknown_field", {}),
        (("custom_fields", "3"), "unknown_field", {}),
        (("custom_fields", "order id"), "unknown_field", {}),
    ]


def test_custom_field_problems_have_paths_under_their_key() -> None:
    """A custom value's problems sit under ``custom_fields.<id>``."""
    with pytest.raises(TicketValidationError) as info:
        support_ticket(custom_fields={"order_id": 1234, "api_token": ""})
    assert [(p.location, p.code) for p in info.value.problems] == [
        ("$.custom_fields.order_id", "wrong_type"),
        ("$.custom_fields.api_token", "blank"),
    ]


@pytest.mark.parametrize(
    ("created_at", "expected"),
    [
        (dt.datetime(2026, 11, 24, 13, tzinfo=UTC), []),
        (dt.datetime(2026, 11, 24, 10, tzinfo=dt.timezone(dt.timedelta(hours=-3))), []),
        (dt.datetime(2026, 11, 24, 13), [(("created_at",), "naive_datetime", {})]),
        (dt.date(2026, 11, 24), [(("created_at",), "wrong_type", wrong("datetime", "date"))]),
        (1_790_000_000, [(("created_at",), "wrong_type", wrong("datetime", "integer"))]),
    ],
)
def test_created_at_must_be_timezone_aware(
    created_at: object, expected: list[tuple[object, ...]]
) -> None:
    """The creation time is an aware `datetime`."""
    if expected:
        assert problems_of(created_at=created_at) == expected
    else:
        assert ticket(created_at=created_at).created_at == created_at


# --- Text normalization (shared by every domain type) -----------------------------------------


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("  texto  ", "texto"),
        ("a\r\nb\rc\n", "a\nb\nc"),
        (unicodedata.normalize("NFD", "ação"), "ação"),
        ("\u212b", "\u00c5"),  # the Angstrom sign composes to the letter Å
        ("\t\n x \u00a0", "x"),
        ("\ud800 ", "\ud800"),  # a lone surrogate is kept as it is, for the checks to report
        ("", ""),
    ],
)
def test_normalize_text(raw: str, normalized: str) -> None:
    r"""Text is stripped, NFC-composed and given ``\n`` line breaks."""
    assert normalize_text(raw) == normalized


@pytest.mark.parametrize(
    ("raw", "expected"), [(None, None), ("", None), (" \r\n ", None), (" x ", "x")]
)
def test_normalize_optional_text(raw: str | None, expected: str | None) -> None:
    """Blank optional text becomes None."""
    assert normalize_optional_text(raw) == expected


@given(hostile_texts)
def test_normalize_text_is_idempotent(text: str) -> None:
    """Normalizing normalized text changes nothing."""
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert normalize_optional_text(normalize_optional_text(text)) == normalize_optional_text(text)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"subject": "Erro\x00 no site"}, [(("subject",), "control_character", {"position": 4})]),
        ({"subject": "Erro\tno site"}, [(("subject",), "control_character", {"position": 4})]),
        ({"subject": "Erro\nno site"}, [(("subject",), "control_character", {"position": 4})]),
        ({"message": "linha 1\nlinha\t2"}, []),
        ({"message": "linha\x1b[31m"}, [(("message",), "control_character", {"position": 5})]),
        ({"message": "ok\x85"}, []),  # a trailing NEL is whitespace: stripped
        ({"message": "o\x85k"}, [(("message",), "control_character", {"position": 1})]),
        ({"error_message": "HTTP 500\n\tat line 3"}, []),
        ({"service": "hosting\t1"}, [(("service",), "control_character", {"position": 7})]),
        ({"subject": "Erro \ud800"}, [(("subject",), "invalid_unicode", {"position": 5})]),
        (
            {"message": "\udfff\x01"},
            [
                (("message",), "invalid_unicode", {"position": 0}),
                (("message",), "control_character", {"position": 1}),
            ],
        ),
    ],
)
def test_control_characters_and_lone_surrogates_are_refused(
    changes: dict[str, Any], expected: list[tuple[object, ...]]
) -> None:
    """Controls (but newline and tab in multi-line text) and lone surrogates give a position."""
    if expected:
        assert problems_of(**changes) == expected
    else:
        assert isinstance(ticket(**changes), Ticket)


# --- Properties -------------------------------------------------------------------------------


def init_fields(t: Ticket) -> dict[str, Any]:
    """The constructor arguments that rebuild *t*."""
    return {f.name: getattr(t, f.name) for f in attrs.fields(Ticket) if f.init}


@given(tickets())
def test_generated_tickets_rebuild_equal(t: Ticket) -> None:
    """A ticket rebuilt from its own field values, or evolved, equals and hashes like itself."""
    assert Ticket(**init_fields(t)) == t
    assert attrs.evolve(t) == t
    assert hash(attrs.evolve(t)) == hash(t)
    assert t.subject == normalize_text(t.subject)
    assert t.message == normalize_text(t.message)


@given(tickets())
def test_generated_tickets_pickle(t: Ticket) -> None:
    """A ticket survives pickling."""
    assert pickle.loads(pickle.dumps(t)) == t  # noqa: S301


OTHER_CONTEXTS = [c for c in CONTEXTS if c != "customer"]


@given(st.sampled_from(OTHER_CONTEXTS).flatmap(lambda c: tickets(context=c)))
def test_generated_tickets_in_other_contexts_are_valid(t: Ticket) -> None:
    """The strategy honours the context it is given."""
    assert Ticket(**init_fields(t)) == t
    assert t.context in ("agent", "import")


LIMITS = Limits(
    subject_min_length=10,
    message_max_length=300,
    max_attachments=2,
    max_attachment_size=1000,
    allowed_content_types={"application/msword", "image/png"},
    allowed_extensions={"doc", "png"},
)


@given(tickets(limits=LIMITS, department=departments(max_custom_fields=0)))
def test_generated_tickets_respect_custom_limits(t: Ticket) -> None:
    """Tickets drawn for custom limits satisfy them."""
    assert Ticket(**init_fields(t)) == t
    assert len(t.subject) >= 10
    assert len(t.attachments) <= 2
    assert all(a.size <= 1000 and a.extension in ("doc", "png") for a in t.attachments)


def _in_department(kind: FieldKind) -> Callable[[object], Ticket]:
    definition = CustomField(id="extra", kind=kind, labels={"en": "Extra"}, options=("a", "b"))
    department = Department(id="extra", names={"en": "Extra"}, custom_fields=[definition])
    return lambda value: ticket(department=department, custom_fields={"extra": value})


FIELD_BUILDERS: dict[str, Callable[[Any], object]] = {
    "subject": lambda v: ticket(subject=v),
    "message": lambda v: ticket(message=v),
    "error_message": lambda v: ticket(error_message=v),
    "service": lambda v: ticket(service=v),
    "location": lambda v: ticket(location=Location(v)),
    "requester.name": lambda v: ticket(requester=Requester(name=v, email="maria@example.com")),
    "requester.email": lambda v: ticket(requester=Requester(name="Maria", email=v)),
    "credentials.username": lambda v: ticket(credentials=Credentials(username=v, password="pw")),
    "credentials.password": lambda v: ticket(credentials=Credentials(username="u", password=v)),
    "attachments.filename": lambda v: ticket(
        attachments=[Attachment(filename=v, content_type="image/png", size=1)]
    ),
    "attachments.content_type": lambda v: ticket(
        attachments=[Attachment(filename="a.png", content_type=v, size=1)]
    ),
    **{f"custom_fields.{kind.value}": _in_department(kind) for kind in FieldKind},
}


def outcome(build: Callable[[Any], object], value: object) -> TicketValidationError | None:
    """Run *build* on *value*: None when it succeeds, our error when it fails, else raise."""
    try:
        build(value)
    except TicketValidationError as exc:
        return exc
    return None


def assert_readable(error: TicketValidationError | None) -> None:
    """Every message of *error* is one line that encodes as UTF-8, in both locales."""
    if error is None:
        return
    for locale in ("en", "pt-BR"):
        for line in error.messages(locale):
            assert "\n" not in line
            line.encode("utf-8")
    json.dumps(error.as_list("pt-BR"), ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("field", sorted(FIELD_BUILDERS))
@given(text=hostile_texts)
def test_any_text_in_any_field_gives_our_error_or_a_ticket(field: str, text: str) -> None:
    """No text in any text field raises anything but `TicketValidationError`, readably."""
    assert_readable(outcome(FIELD_BUILDERS[field], text))


TICKET_FIELDS = [f.name for f in attrs.fields(Ticket) if f.init]


@pytest.mark.parametrize("field", TICKET_FIELDS)
@given(value=wrong_types)
def test_any_type_in_any_ticket_field_gives_problems_at_that_field(
    field: str, value: object
) -> None:
    """A value of any type in any field gives our error, with every problem under that field."""
    error = outcome(lambda v: ticket(**{field: v}), value)
    assert_readable(error)
    if error is not None:
        assert {p.path[0] for p in error.problems} == {field}


@pytest.mark.parametrize("field", sorted(FIELD_BUILDERS))
@given(value=wrong_types)
def test_any_type_in_any_nested_field_gives_our_error(field: str, value: object) -> None:
    """A value of any type in a part's field or a custom field gives our error, never a crash."""
    assert_readable(outcome(FIELD_BUILDERS[field], value))


# --- Secrets ----------------------------------------------------------------------------------

tokens = st.uuids().map(str)


def secret_ticket(password: str, **changes: Any) -> Ticket:
    """A support ticket carrying *password* as credentials and as a secret custom field."""
    return support_ticket(
        credentials=Credentials(username="admin", password=password),
        custom_fields={"order_id": "PED-1234", "api_token": password},
        **changes,
    )


@given(tokens)
def test_a_secret_shows_in_no_rendering_of_its_ticket(token: str) -> None:
    """The password appears in no repr, str, format or `attrs.asdict` of the ticket or its parts."""
    t = secret_ticket(token)
    assert t.credentials is not None
    renderings = [
        repr(t),
        str(t),
        f"{t}",
        format(t, ""),
        repr(attrs.asdict(t)),
        repr(attrs.astuple(t)),
        repr(t.credentials),
        str(t.credentials),
        repr(t.credentials.password),
        f"{t.credentials.password}",
        repr(t.custom_fields),
        repr(dict(t.custom_fields)),
    ]
    assert [text for text in renderings if token in text] == []
    assert t.credentials.password.reveal() == token


@given(tokens, st.integers(0, 36), st.sampled_from(["\x07", "\x00", "\n", "\ud800"]))
def test_a_secret_shows_in_no_error_message(token: str, position: int, bad: str) -> None:
    """Errors about a ticket carrying a secret, or about the secret itself, never show it."""
    broken = token[:position] + bad + token[position:]
    errors = [outcome(lambda p: secret_ticket(p, subject="x"), token)]
    errors.append(outcome(secret_ticket, broken))
    errors.append(
        outcome(lambda p: ticket(department=SUPPORT, custom_fields={"api_token": p}), broken)
    )
    assert all(error is not None for error in errors)
    pieces = [piece for piece in (token, token[:position], token[position:]) if len(piece) >= 8]
    for error in errors:
        assert error is not None
        texts = [
            str(error),
            repr(error),
            repr(error.problems),
            *error.messages("pt-BR"),
            json.dumps(error.as_list("en")),
        ]
        assert [piece for piece in pieces for text in texts if piece in text] == []
