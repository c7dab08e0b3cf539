"""`assess`: turn the detectors' view of a ticket into a score, findings and hints."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice
from typing import Final

import attrs

from ticketcore._criteria import DEFAULT_WEIGHTS, MAX_SCORE, Severity
from ticketcore.completeness._detectors import (
    Detection,
    Span,
    Text,
    detect_vague_subject,
    scan_ticket,
)
from ticketcore.completeness._draft import Draft
from ticketcore.completeness._report import CompletenessReport, Evidence, Finding, Satisfied
from ticketcore.context import Context
from ticketcore.errors import TicketValidationError
from ticketcore.i18n import normalize_locale, render
from ticketcore.location import Location
from ticketcore.redact import redact
from ticketcore.rules import DEFAULT_RULES, RuleSet
from ticketcore.service import Service
from ticketcore.ticket import Ticket

__all__ = ["MIN_MESSAGE_WORDS", "assess"]

MIN_MESSAGE_WORDS: Final = 8
"""Fewer words than this in the message, and support cannot act on it without asking."""


@attrs.frozen
class _Criterion:
    name: str
    code: str
    field: str
    severity: Severity


_CRITERIA: Final = (
    _Criterion("steps", "steps_missing", "message", "warning"),
    _Criterion("error_message", "error_message_missing", "error_message", "warning"),
    _Criterion("location", "location_missing", "location", "warning"),
    _Criterion("expected_behavior", "expected_behavior_missing", "message", "info"),
    _Criterion("screenshot", "screenshot_missing", "attachments", "info"),
    _Criterion("message_length", "message_too_short", "message", "warning"),
    _Criterion("subject", "subject_vague", "subject", "warning"),
    _Criterion("service", "service_missing", "service", "warning"),
)
"""The weighted criteria, in the order their findings are reported."""

_WORD: Final = re.compile(r"\w+")

_SEVERITY_ORDER: Final = {"blocker": 0, "warning": 1, "info": 2}

# Attachments that show what the customer saw: pictures of the screen, and logs.
_SCREENSHOT_TYPES: Final = ("image/",)
_LOG_TYPES: Final = frozenset({"text/plain", "application/json", "application/x-har+json"})
_EVIDENCE_EXTENSIONS: Final = frozenset(
    {"png", "jpg", "jpeg", "gif", "webp", "bmp", "heic", "tif", "tiff", "log", "txt", "har"}
)


@attrs.frozen
class _Judgement:
    """One criterion judged: met or not, in which field, on which spans."""

    met: bool
    field: str
    evidence: tuple[Evidence, ...]


def assess(
    ticket_or_draft: Ticket | Mapping[str, object],
    /,
    *,
    rules: RuleSet | None = None,
    locale: str = "en",
    context: Context | None = None,
    services: Iterable[Service] | None = None,
) -> CompletenessReport:
    """Judge whether a ticket, or a draft still being typed, tells support enough to act.

    >>> report = assess({
    ...     "department": "technical-support",
    ...     "subject": "Erro 500 no painel",
    ...     "message": "Ao clicar em Salvar no painel aparece uma página em branco.",
    ...     "location": "www.example.com/admin",
    ... }, locale="pt-BR")
    >>> report.score
    55
    >>> report.missing
    ('service_missing', 'steps_missing', 'expected_behavior_missing', 'screenshot_missing')
    >>> report.findings[0].severity, report.findings[0].hint
    ('blocker', 'Informe o serviço contratado a que o chamado se refere.')

    Args:
        ticket_or_draft: A `Ticket`, or any mapping in the wire format, even one that does
            not validate yet: values of the wrong type are read as absent.
        rules: The rule set that gives the department's requirements and weights; the
            default rules when ``None``.
        locale: The language of the findings' messages and hints (``en``, ``pt-BR``).
        context: Who submits (``customer``, ``agent``, ``import``), which decides which fields
            the department requires; the ticket's own context, or ``customer`` for a draft.
        services: The requester's services, when the host application knows them: a
            location that is not on the ticket's service is then a warning.

    Returns:
        The score, the findings (blockers first) and the criteria met.

    Raises:
        TypeError: *ticket_or_draft* is neither a ticket nor a mapping.
        UnsupportedLocaleError: No catalog serves *locale*.
    """
    locale = normalize_locale(locale)
    draft = Draft.of(ticket_or_draft)
    rules = DEFAULT_RULES if rules is None else rules
    if context is None:
        context = ticket_or_draft.context if isinstance(ticket_or_draft, Ticket) else "customer"
    department = draft.department or (
        rules.department(draft.department_id) if draft.department_id else None
    )
    required = department.required_fields(context) if department else frozenset()

    judged = _judge(draft, required)
    findings: list[Finding] = []
    present: list[Satisfied] = []
    met = total = 0
    for criterion in _CRITERIA:
        judgement = judged.get(criterion.name)
        weight = (
            department.weight(criterion.code) if department else DEFAULT_WEIGHTS[criterion.code]
        )
        if judgement is None or weight == 0:
            continue
        total += weight
        if judgement.met:
            met += weight
            present.append(
                Satisfied(
                    criterion=criterion.name, field=judgement.field, evidence=judgement.evidence
                )
            )
        else:
            severity: Severity = "blocker" if criterion.field in required else criterion.severity
            findings.append(_finding(criterion, severity, judgement.evidence, weight, locale))
    findings.extend(_credentials(draft, locale))
    findings.extend(_off_service(draft, services, locale))
    findings.sort(key=lambda f: _SEVERITY_ORDER[f.severity])
    return CompletenessReport(
        score=MAX_SCORE if total == 0 else (MAX_SCORE * met + total // 2) // total,
        findings=tuple(findings),
        present=tuple(present),
        department=department.id if department else None,
        min_score=department.min_score if department else 0,
        locale=locale,
    )


def _judge(draft: Draft, required: frozenset[str]) -> dict[str, _Judgement]:
    scan = scan_ticket(
        subject=draft.subject,
        message=draft.message,
        location=draft.location,
        error_message=draft.error_message,
    )
    judged = {name: _judged(field, found) for name, (field, found) in scan.items()}
    judged["screenshot"] = _screenshot(draft.attachments)
    judged["message_length"] = _message_length(draft.message)
    judged["subject"] = _subject(draft.subject)
    if "service" in required:
        judged["service"] = _Judgement(met=draft.service is not None, field="service", evidence=())
    return judged


def _judged(field: str, found: Detection) -> _Judgement:
    spans = found.spans if found.found else found.near
    return _Judgement(met=found.found, field=field, evidence=_evidence(field, spans))


def _evidence(field: str, spans: Iterable[Span]) -> tuple[Evidence, ...]:
    return tuple(Evidence(field, start, end) for start, end in spans)


def _screenshot(attachments: Sequence[tuple[str, str]]) -> _Judgement:
    shown = tuple(
        Evidence(f"attachments[{index}].filename", 0, len(filename))
        for index, (filename, media_type) in enumerate(attachments)
        if filename and _shows_the_problem(filename, media_type)
    )
    return _Judgement(met=bool(shown), field="attachments", evidence=shown)


def _shows_the_problem(filename: str, media_type: str) -> bool:
    media_type = media_type.partition(";")[0].strip().lower()
    extension = filename.rpartition(".")[2].lower() if "." in filename else ""
    return (
        media_type.startswith(_SCREENSHOT_TYPES)
        or media_type in _LOG_TYPES
        or extension in _EVIDENCE_EXTENSIONS
    )


def _message_length(message: str) -> _Judgement:
    words = sum(1 for _ in islice(_WORD.finditer(message), MIN_MESSAGE_WORDS))
    met = words >= MIN_MESSAGE_WORDS
    stripped = message.strip()
    near = () if met or not stripped else ((message.index(stripped[0]), len(message.rstrip())),)
    return _Judgement(met=met, field="message", evidence=_evidence("message", near))


def _subject(subject: str) -> _Judgement:
    if not subject.strip():
        return _Judgement(met=False, field="subject", evidence=())
    vague = detect_vague_subject(Text.of(subject))
    return _Judgement(
        met=not vague.found,
        field="subject",
        evidence=_evidence("subject", vague.spans) if vague.found else (),
    )


def _finding(
    criterion: _Criterion,
    severity: Severity,
    evidence: tuple[Evidence, ...],
    weight: int,
    locale: str,
) -> Finding:
    # The field to fill in, wherever the near misses were seen ("erro" in the message).
    code = criterion.code
    message, hint = _advice(code, locale)
    return Finding(
        code=code,
        severity=severity,
        field=criterion.field,
        evidence=evidence,
        message=message,
        hint=hint,
        weight=weight,
    )


@functools.cache
def _advice(code: str, locale: str) -> tuple[str, str]:
    """The message and hint of a finding that takes no parameters, rendered once per locale."""
    return render(f"finding.{code}.message", {}, locale), render(f"finding.{code}.hint", {}, locale)


def _credentials(draft: Draft, locale: str) -> Iterator[Finding]:
    evidence = tuple(
        Evidence(field, r.start, r.end)
        for field, text in (
            ("subject", draft.subject),
            ("message", draft.message),
            ("error_message", draft.error_message),
        )
        if text
        for r in redact(text).redactions
    )
    if evidence:
        message, hint = _advice("credentials_in_message", locale)
        yield Finding(
            code="credentials_in_message",
            severity="blocker",
            field=evidence[0].field,
            evidence=evidence,
            message=message,
            hint=hint,
            weight=0,
        )


def _off_service(
    draft: Draft, services: Iterable[Service] | None, locale: str
) -> Iterator[Finding]:
    if services is None or draft.service is None or draft.location is None:
        return
    service = next((s for s in services if s.id == draft.service), None)
    if service is None or service.location is None:
        return
    try:
        location = Location(draft.location)
    except TicketValidationError:
        return  # validation reports a location that does not parse
    if _same_site(location.host, service.location.host):
        return
    code = "location_not_on_service"
    params = {"host": location.host, "service": service.name, "service_host": service.location.host}
    yield Finding(
        code=code,
        severity="warning",
        field="location",
        evidence=(Evidence("location", 0, len(draft.location)),),
        message=render(f"finding.{code}.message", params, locale),
        hint=render(f"finding.{code}.hint", params, locale),
        weight=0,
    )


def _same_site(host: str, service_host: str) -> bool:
    """Whether *host* is the service's host or one of its subdomains (or the reverse)."""
    host, service_host = host.lower().rstrip("."), service_host.lower().rstrip(".")
    return (
        host == service_host
        or host.endswith("." + service_host)
        or service_host.endswith("." + host)
    )
