"""Tests for `ticketcore.strategies`, the public Hypothesis strategies."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ticketcore import (
    DEFAULT_RULES,
    Attachment,
    Credentials,
    CustomField,
    Department,
    FieldKind,
    Limits,
    Location,
    LocationKind,
    Priority,
    RuleSet,
    Ticket,
    TicketValidationError,
    from_dict,
)
from ticketcore._check import normalize_text
from ticketcore.completeness._detectors import scan_ticket
from ticketcore.requester import normalize_email
from ticketcore.strategies import (
    DRAFT_PARTS,
    InvalidTicketDict,
    WireDict,
    attachments,
    custom_fields,
    custom_values,
    domains,
    drafts,
    emails,
    error_messages,
    identifiers,
    locations,
    messages,
    passwords,
    subjects,
    texts,
    ticket_dicts,
    tickets,
)

STRICT = Department(
    id="strict",
    names={"en": "Strict"},
    requires=["service", "location", "error_message", "credentials", "attachments", "requester"],
    custom_fields=[
        CustomField(
            id=f"f_{kind.value}",
            kind=kind,
            labels={"en": kind.value},
            required=True,
            options=("basic", "pro") if kind is FieldKind.CHOICE else (),
        )
        for kind in FieldKind
    ],
)


@given(texts(min_size=2, max_size=5), texts(max_size=50, multiline=True))
def test_texts_are_normalized_and_sized(line: str, lines: str) -> None:
    """Texts come normalized, within their sizes, single-line unless asked."""
    assert normalize_text(line) == line
    assert 2 <= len(line) <= 5
    assert "\n" not in line
    assert normalize_text(lines) == lines
    assert 1 <= len(lines) <= 50


def test_texts_refuse_impossible_sizes() -> None:
    """Sizes that no text can have are an `InvalidArgument`."""
    with pytest.raises(InvalidArgument):
        texts(min_size=5, max_size=2)
    with pytest.raises(InvalidArgument):
        texts(min_size=-1)


@given(subjects(), messages(), error_messages())
def test_subjects_and_messages_fit_the_default_limits(
    subject: str, message: str, error: str
) -> None:
    """Subjects, messages and error texts are valid for the default limits."""
    assert 3 <= len(normalize_text(subject)) <= 200
    assert len(message) <= 65_536
    assert len(error) <= 8_192


@given(subjects(Limits(subject_min_length=30, subject_max_length=40)))
def test_subjects_follow_the_limits(subject: str) -> None:
    """Subjects drawn for limits respect their lengths."""
    assert 30 <= len(normalize_text(subject)) <= 40


@given(domains(special_use=False), emails())
def test_domains_and_emails_are_valid(domain: str, email: str) -> None:
    """Domains parse as locations and e-mail addresses pass the e-mail check."""
    assert Location(domain).kind is LocationKind.DOMAIN
    assert normalize_email(email) is not None


def test_locations_include_every_kind_ports_and_idn() -> None:
    """Domains, IPv4 and IPv6 appear, with ports, schemes and international names."""
    seen: set[str] = set()

    @settings(max_examples=300, database=None)
    @given(locations())
    def collect(location: Location) -> None:
        seen.add(location.kind.value)
        if location.port is not None:
            seen.add("port")
        if location.scheme is not None:
            seen.add("scheme")
        if location.host != location.host_unicode:
            seen.add("idn")

    collect()
    assert seen == {"domain", "ipv4", "ipv6", "port", "scheme", "idn"}


@given(passwords())
def test_passwords_are_valid_and_kept_as_drawn(password: str) -> None:
    """Passwords have at least 8 characters and make valid credentials unchanged."""
    assert len(password) >= 8
    assert Credentials(username="admin", password=password).password.reveal() == password


@given(identifiers())
def test_identifiers_are_slugs(identifier: str) -> None:
    """Identifiers are valid department ids."""
    assert Department(id=identifier, names={"en": "x"}).id == identifier


CUSTOM_LIMITS = Limits(
    max_attachments=3,
    max_attachment_size=100,
    allowed_content_types={"application/msword"},
    allowed_extensions={"doc", "exe"},
)


@given(attachments(CUSTOM_LIMITS))
def test_attachments_follow_custom_limits(attachment: Attachment) -> None:
    """Attachments drawn for limits use their types and sizes, never an executable."""
    assert attachment.content_type == "application/msword"
    assert attachment.extension == "doc"
    assert 0 <= attachment.size <= 100


def test_attachments_need_an_allowed_content_type() -> None:
    """Limits that allow no content type allow no attachment."""
    with pytest.raises(InvalidArgument):
        attachments(Limits(allowed_content_types=[]))


@pytest.mark.parametrize("kind", list(FieldKind))
@given(data=st.data())
def test_custom_values_pass_every_kind(kind: FieldKind, data: st.DataObject) -> None:
    """For every kind, drawn values pass the drawn field's check."""
    field = data.draw(custom_fields(kind))
    assert field.kind is kind
    value = data.draw(custom_values(field))
    assert field.check(field.normalize(value)) == ()


@given(tickets(department=STRICT))
def test_tickets_fill_everything_a_department_requires(ticket: Ticket) -> None:
    """A department's requirements and required custom fields are always filled."""
    assert None not in (ticket.service, ticket.location, ticket.error_message)
    assert None not in (ticket.credentials, ticket.requester)
    assert ticket.attachments
    assert set(ticket.custom_fields) == {f.id for f in STRICT.custom_fields}


@given(tickets(department=st.sampled_from([STRICT]), context="import"))
def test_tickets_take_a_department_strategy_and_context(ticket: Ticket) -> None:
    """The department may be a strategy, and the context is the one asked for."""
    assert ticket.department is STRICT
    assert ticket.context == "import"


def test_tickets_refuse_required_attachments_that_limits_forbid() -> None:
    """A department requiring files under limits that allow none cannot be satisfied."""
    with pytest.raises(InvalidArgument, match="requires attachments"):
        tickets(department=STRICT, limits=Limits(max_attachments=0))


def test_tickets_need_no_attachment_when_limits_allow_none() -> None:
    """Without required files, limits that allow none give tickets without attachments."""
    sales = Department(id="sales", names={"en": "Sales"})

    @settings(max_examples=10, database=None)
    @given(tickets(department=sales, limits=Limits(allowed_content_types=[])))
    def draw(ticket: Ticket) -> None:
        assert ticket.attachments == ()

    draw()


STRICT_RULES = RuleSet(departments=[STRICT, *DEFAULT_RULES.departments])


@given(ticket_dicts(), ticket_dicts(rules=STRICT_RULES, context="agent"))
def test_ticket_dicts_are_accepted(data: WireDict, strict: WireDict) -> None:
    """Valid documents pass `from_dict` under their rules and context, password included."""
    assert from_dict(data).department.id == data["department"]
    ticket = from_dict(strict, rules=STRICT_RULES, context="agent")
    if ticket.credentials is not None:
        assert ticket.credentials.password.reveal() == strict["credentials"]["password"]


URGENT_ONLY = RuleSet(
    departments=DEFAULT_RULES.departments,
    priorities=[Priority.HIGH, Priority.URGENT],
)


@given(ticket_dicts(rules=URGENT_ONLY), drafts(rules=URGENT_ONLY), st.data())
def test_documents_have_a_priority_the_rules_offer(
    data: WireDict, draft: WireDict, more: st.DataObject
) -> None:
    """Documents, drafts and tickets drawn for a rule set only have the priorities it offers."""
    assert Priority.parse(data["priority"]) in URGENT_ONLY.priorities
    assert from_dict(data, rules=URGENT_ONLY).priority in URGENT_ONLY.priorities
    assert Priority.parse(draft["priority"]) in URGENT_ONLY.priorities
    ticket = more.draw(tickets(priorities=[Priority.LOW]))
    assert (ticket.priority, ticket.priorities) == (Priority.LOW, (Priority.LOW,))


def test_tickets_need_a_priority_to_offer() -> None:
    """An empty set of priorities cannot give a ticket."""
    with pytest.raises(InvalidArgument, match="at least one priority"):
        tickets(priorities=[])


@given(ticket_dicts(valid=False), ticket_dicts(valid=False, rules=STRICT_RULES))
def test_invalid_ticket_dicts_carry_the_problem_they_say(
    case: InvalidTicketDict, strict: InvalidTicketDict
) -> None:
    """`from_dict` reports the code the invalid document announces, at its path."""
    for rules, drawn in ((None, case), (STRICT_RULES, strict)):
        with pytest.raises(TicketValidationError) as caught:
            from_dict(drawn.data, rules=rules)
        assert (drawn.code, drawn.path) in [(p.code, p.path) for p in caught.value.problems]


@given(
    st.sets(st.sampled_from(DRAFT_PARTS)).flatmap(
        lambda m: st.tuples(st.just(m), drafts(missing=m))
    )
)
def test_drafts_leave_out_exactly_the_missing_parts(drawn: tuple[set[str], WireDict]) -> None:
    """The scorer's detectors find every part of a draft but the missing ones."""
    missing, draft = drawn
    scan = scan_ticket(
        subject=draft["subject"],
        message=draft["message"],
        location=draft.get("location"),
        error_message=draft.get("error_message"),
    )
    found = {name for name, (_, detection) in scan.items() if detection.found}
    if "screenshot" not in missing:
        found.add("screenshot")
    if "service" in draft:
        found.add("service")
    assert found == set(DRAFT_PARTS) - missing
    assert all(a["content_type"].startswith("image/") for a in draft.get("attachments", [])) == (
        "screenshot" not in missing or not draft.get("attachments")
    )


def test_drafts_refuse_unknown_parts() -> None:
    """A part the scorer does not know is an `InvalidArgument`."""
    with pytest.raises(InvalidArgument, match="unknown draft parts"):
        drafts(missing=["steps", "colour"])  # type: ignore[list-item]
