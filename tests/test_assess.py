"""Tests for `ticketcore.assess`: the score, the findings and their evidence."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _hostile import hostile_texts, wrong_types
from ticketcore import (
    DEFAULT_RULES,
    DEFAULT_WEIGHTS,
    FINDING_CODES,
    LOCALES,
    CompletenessReport,
    Department,
    Location,
    RuleSet,
    Service,
    Ticket,
    UnsupportedLocaleError,
    assess,
    messages,
    to_dict,
)
from ticketcore.strategies import tickets

COMPLETE = {
    "department": "technical-support",
    "subject": "Site offline since 10:00",
    "service": "hosting-4711",
    "message": (
        "1. Open https://www.example.com/admin\n"
        "2. Log in as admin\n"
        "3. Click Save on the settings page\n"
        "I expected the settings to be saved, but the page shows an error."
    ),
    "location": "www.example.com/admin",
    "error_message": "HTTP 500 Internal Server Error",
    "attachments": [{"filename": "error.png", "content_type": "image/png", "size": 48213}],
}

COMPLETO = {
    "department": "technical-support",
    "subject": "Painel não salva as configurações",
    "service": "hospedagem-4711",
    "message": (
        "Primeiro acesso o painel em loja.com.br/admin, depois clico em Salvar.\n"
        "O correto seria salvar as configurações, mas aparece uma página de erro."
    ),
    "location": "loja.com.br/admin",
    "error_message": "Fatal error: Allowed memory size exhausted",
    "attachments": [{"filename": "tela.jpg", "content_type": "image/jpeg", "size": 1000}],
}


def without(draft: Mapping[str, Any], *keys: str, **changes: Any) -> dict[str, Any]:
    """A copy of *draft* without *keys* and with *changes*."""
    return {k: v for k, v in draft.items() if k not in keys} | changes


@pytest.mark.parametrize("draft", [COMPLETE, COMPLETO], ids=["en", "pt-BR"])
def test_a_complete_ticket_scores_100_and_shows_what_it_has(draft: dict[str, Any]) -> None:
    """Every criterion met: full score, no findings, each criterion present with evidence."""
    report = assess(draft)
    assert (report.score, report.findings, report.passed) == (100, (), True)
    assert {p.criterion for p in report.present} == {
        "steps",
        "error_message",
        "location",
        "expected_behavior",
        "screenshot",
        "message_length",
        "subject",
        "service",
    }
    texts = {**draft, "attachments[0].filename": draft["attachments"][0]["filename"]}
    for satisfied in report.present:
        for span in satisfied.evidence:
            assert texts[span.field][span.start : span.end].strip()


SHORT = {"steps_missing", "expected_behavior_missing", "message_too_short"}


@pytest.mark.parametrize(
    ("draft", "missing"),
    [
        (without(COMPLETE, "location"), set()),  # the URL in the message counts
        (without(COMPLETE, "location", message="It broke."), {"location_missing"} | SHORT),
        (without(COMPLETE, "error_message"), {"error_message_missing"}),  # "shows an error"
        (
            without(COMPLETE, "error_message", message="Log in, then save. It fails."),
            {"error_message_missing", "expected_behavior_missing", "message_too_short"},
        ),
        (without(COMPLETE, "attachments"), {"screenshot_missing"}),
        (
            without(COMPLETE, attachments=[{"filename": "app.log", "content_type": "text/plain"}]),
            set(),
        ),
        (without(COMPLETE, subject="URGENT!!! HELP"), {"subject_vague"}),
        (without(COMPLETE, subject="   "), {"subject_vague"}),
        (without(COMPLETE, "service"), {"service_missing"}),
        (without(COMPLETE, "service", department="sales"), set()),
        (without(COMPLETO, "service", department="nenhum"), set()),  # unknown: no requirements
        (without(COMPLETO, message="O site caiu."), SHORT),
    ],
)
def test_what_is_missing(draft: dict[str, Any], missing: set[str]) -> None:
    """Each part taken away is reported, and only where nothing else supplies it."""
    assert set(assess(draft).missing) == missing


def test_an_empty_draft_reports_every_criterion() -> None:
    """With nothing typed yet, everything is missing and the score is 0."""
    report = assess({})
    assert report.score == 0
    assert set(report.missing) == set(DEFAULT_WEIGHTS) - {"service_missing"}
    assert report.department is None


def test_required_fields_are_blockers_and_come_first() -> None:
    """A field the department requires is a blocker; the rest are warnings or information."""
    report = assess(without(COMPLETE, "service", "location", message="Broken."))
    assert [f.code for f in report.blockers] == ["location_missing", "service_missing"]
    assert report.findings[: len(report.blockers)] == report.blockers
    assert not report.passed
    severities = {f.code: f.severity for f in assess({"subject": "Help"}).findings}
    assert severities == {
        "steps_missing": "warning",
        "error_message_missing": "warning",
        "location_missing": "warning",
        "expected_behavior_missing": "info",
        "screenshot_missing": "info",
        "message_too_short": "warning",
        "subject_vague": "warning",
    }


@pytest.mark.parametrize("department", ["billing", "sales"])
def test_billing_and_sales_are_not_asked_how_to_reproduce_a_bug(department: str) -> None:
    """The default rules weigh the technical criteria only where there is a fault to find."""
    draft = {
        "department": department,
        "subject": "Second copy of the November invoice",
        "message": "Please send me a second copy of the November invoice for my hosting plan.",
    }
    report = assess(draft)
    assert (report.score, report.missing) == (100, ())
    assert set(assess({"department": department}).missing) == {
        "message_too_short",
        "subject_vague",
    }


def test_import_context_does_not_require_the_location() -> None:
    """Migrated tickets are judged without the fields only customers must give."""
    draft = without(COMPLETE, "location", message="It broke.")
    assert assess(draft).finding("location_missing").severity == "blocker"  # type: ignore[union-attr]
    assert assess(draft, context="import").finding("location_missing").severity == "warning"  # type: ignore[union-attr]


def test_the_score_is_the_weight_met_over_the_weight_that_applies() -> None:
    """The score is the share of the department's weights that the ticket meets."""
    report = assess(without(COMPLETE, "attachments", "service"))
    weights = DEFAULT_RULES.department("technical-support").weight  # type: ignore[union-attr]
    total = sum(weights(code) for code in DEFAULT_WEIGHTS)
    lost = weights("screenshot_missing") + weights("service_missing")
    assert report.score == round(100 * (total - lost) / total)


def test_department_weights_and_minimum_score_apply() -> None:
    """A department's weights replace the defaults; weight 0 turns a criterion off."""
    rules = RuleSet(
        departments=(
            Department(
                id="billing",
                names={"en": "Billing"},
                weights={"steps_missing": 0, "screenshot_missing": 0, "location_missing": 0},
                min_score=90,
            ),
        )
    )
    draft = {"department": "billing", "subject": "Invoice 2026-11 charged twice", "message": "x"}
    report = assess(draft, rules=rules)
    assert "steps_missing" not in report.missing
    assert "screenshot_missing" not in report.missing
    assert report.min_score == 90
    assert report.score < 90
    assert not report.passed
    assert {f.code: f.weight for f in report.findings}["error_message_missing"] == 20


def test_weights_that_are_all_zero_give_a_full_score() -> None:
    """A department that weighs nothing cannot fail on completeness."""
    rules = RuleSet(
        departments=(
            Department(
                id="sales",
                names={"en": "Sales"},
                weights=dict.fromkeys(DEFAULT_WEIGHTS, 0),
            ),
        )
    )
    report = assess({"department": "sales"}, rules=rules)
    assert (report.score, report.missing) == (100, ())


@pytest.mark.parametrize(
    ("field", "text", "secret"),
    [
        ("message", "Can't log in. senha: 123abc, user admin", "123abc"),
        ("message", "password=hunter22 on the panel", "hunter22"),
        ("subject", "panel pwd: S3cr3t!", "S3cr3t!"),
        ("error_message", "postgres://app:tops3cret@db:5432/app refused", "tops3cret"),
    ],
)
def test_credentials_in_text_are_a_blocker_that_points_at_them(
    field: str, text: str, secret: str
) -> None:
    """A pasted password is a security blocker whose evidence is the secret's span."""
    report = assess(without(COMPLETE, **{field: text}))
    finding = report.finding("credentials_in_message")
    assert finding is not None
    assert finding.severity == "blocker"
    assert finding.weight == 0
    assert [(e.field, text[e.start : e.end]) for e in finding.evidence] == [(field, secret)]
    shown = json.dumps(report.as_dict()) + repr(report) + str(report)
    assert secret not in shown


def test_ordinary_talk_of_passwords_is_not_a_finding() -> None:
    """Saying that one forgot a password is not pasting it."""
    draft = without(
        COMPLETE, message=COMPLETE["message"] + "\nI forgot my password; a senha não funciona."
    )
    assert "credentials_in_message" not in assess(draft).missing


SERVICES = (
    Service(id="hosting-4711", name="Hosting", location=Location("example.com")),
    Service(id="vps-1", name="VPS", location=Location("203.0.113.7")),
)


@pytest.mark.parametrize(
    ("service", "location", "warned"),
    [
        ("hosting-4711", "www.example.com/admin", False),
        ("hosting-4711", "https://example.com", False),
        ("hosting-4711", "shop.other.com.br", True),
        ("vps-1", "203.0.113.7:8080", False),
        ("vps-1", "www.example.com", True),
        ("unknown", "shop.other.com.br", False),  # validation reports an unknown service
        ("hosting-4711", "not a location", False),  # validation reports a bad location
    ],
)
def test_a_location_off_the_service_is_a_warning(service: str, location: str, warned: bool) -> None:
    """With the requester's services known, a location elsewhere is a warning, not an error."""
    report = assess(without(COMPLETE, service=service, location=location), services=SERVICES)
    finding = report.finding("location_not_on_service")
    assert (finding is not None) == warned
    if finding is not None:
        assert finding.severity == "warning"
        assert report.score == 100
        assert "Hosting" in finding.message or "VPS" in finding.message
    assert (
        assess(without(COMPLETE, service=service, location=location)).finding(
            "location_not_on_service"
        )
        is None
    )


def test_findings_speak_the_locale() -> None:
    """Messages and hints come from the catalog of the locale asked for, aliases accepted."""
    english = assess({})
    portuguese = assess({}, locale="pt_BR")
    assert portuguese.locale == "pt-BR"
    for en, pt in zip(english.findings, portuguese.findings, strict=True):
        assert en.code == pt.code
        assert en.message == messages("en")[f"finding.{en.code}.message"]
        assert pt.hint == messages("pt-BR")[f"finding.{pt.code}.hint"]
        assert en.hint != pt.hint


def test_an_unknown_locale_is_refused() -> None:
    """An unsupported locale raises before any work."""
    with pytest.raises(UnsupportedLocaleError):
        assess({}, locale="fr")


@pytest.mark.parametrize("value", [None, "ticket", ["subject"], 42, b"{}"])
def test_only_tickets_and_mappings_are_assessed(value: object) -> None:
    """Anything but a ticket or a mapping is a programming error."""
    with pytest.raises(TypeError, match="Ticket or a mapping"):
        assess(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("code", [*FINDING_CODES, "location_not_on_service"])
def test_every_finding_has_a_message_and_a_hint(locale: str, code: str) -> None:
    """Both catalogs hold a message and a hint for every code, with the same placeholders."""
    catalog = messages(locale)
    for part in ("message", "hint"):
        text = catalog[f"finding.{code}.{part}"]
        english = messages("en")[f"finding.{code}.{part}"]
        assert set(re.findall(r"\{\w+\}", text)) == set(re.findall(r"\{\w+\}", english))


# -- properties ----------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile_texts,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
WIRE_KEYS = st.sampled_from(
    ["department", "subject", "message", "location", "error_message", "service", "attachments"]
)
DRAFTS = st.dictionaries(
    WIRE_KEYS | st.text(max_size=8),
    st.one_of(
        hostile_texts,
        JSON_VALUES,
        wrong_types,
        st.lists(st.dictionaries(st.sampled_from(["filename", "content_type"]), JSON_VALUES)),
    ),
    max_size=8,
)


def check_report(report: CompletenessReport, draft: Mapping[str, Any]) -> None:
    """The invariants of every report."""
    assert 0 <= report.score <= 100
    assert len(set(report.missing)) == len(report.missing)
    met = {p.criterion for p in report.present}
    assert len(met) == len(report.present)
    json.dumps(report.as_dict())
    for finding in report.findings:
        assert finding.message
        assert finding.hint
        assert finding.code in (*FINDING_CODES, "location_not_on_service")
    for item in (*report.findings, *report.present):
        for span in item.evidence:
            if "[" in span.field:
                continue
            text = draft[span.field]
            assert 0 <= span.start < span.end <= len(text)


@given(DRAFTS, st.sampled_from(LOCALES))
def test_any_mapping_is_assessed_without_raising(draft: dict[Any, Any], locale: str) -> None:
    """Whatever a form sends, assess returns a report that keeps its invariants."""
    check_report(assess(draft, locale=locale), draft)


@given(tickets())
def test_a_ticket_and_its_wire_form_are_judged_alike(ticket: Ticket) -> None:
    """A valid ticket gives the same report as its wire-format document and its rules."""
    document = to_dict(ticket)
    by_ticket = assess(ticket)
    rules = RuleSet(departments=(ticket.department,))
    assert by_ticket == assess(document, rules=rules, context=ticket.context)
    check_report(by_ticket, document)


PARTS = {
    "location": st.sampled_from(["www.example.com/admin", "192.0.2.10", "no painel", "x"]),
    "error_message": st.sampled_from(["HTTP 500", "SQLSTATE[HY000] [2002]", "deu erro", "?"]),
    "service": st.sampled_from(["hosting-4711", "vps-1"]),
    "attachments": st.sampled_from(
        [
            [{"filename": "tela.png", "content_type": "image/png"}],
            [{"filename": "notes.pdf", "content_type": "application/pdf"}],
        ]
    ),
}


@given(
    tickets().map(to_dict),
    st.lists(st.sampled_from(sorted(PARTS)), min_size=1, unique=True),
    st.data(),
)
def test_adding_a_missing_part_never_lowers_the_score(
    document: dict[str, Any], parts: list[str], data: st.DataObject
) -> None:
    """Filling in the location, error, service or an attachment never costs points."""
    bare = without(document, *parts)
    filled = bare | {part: data.draw(PARTS[part], label=part) for part in parts}
    before, after = assess(bare), assess(filled)
    assert after.score >= before.score
    assert set(after.missing) - {"location_not_on_service"} <= set(before.missing)


# Over 32 actions, 32 error cues and 32 expectations of many different words: more evidence
# than a detection keeps, so which spans are kept must not depend on the order of a set.
_CROWDED = " ".join(
    f"Then I {verb} the page and it says Error {400 + n}. It should have opened; antes abria."
    for n, verb in enumerate(
        ["clicked", "opened", "typed", "saved", "selected", "pressed", "entered", "closed"] * 6
    )
)
_REPORT_JSON = (
    "import json, sys, ticketcore;"
    "print(json.dumps(ticketcore.assess({'message': sys.argv[1]}).as_dict()))"
)


def test_reports_do_not_depend_on_the_hash_seed() -> None:
    """Two interpreters with different hash seeds keep the same evidence of a crowded text."""
    reports = {
        subprocess.run(  # noqa: S603 (this interpreter on a fixed script)
            [sys.executable, "-c", _REPORT_JSON, _CROWDED],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(reports) == 1
    (report,) = reports
    assert len(json.loads(report)["present"][0]["evidence"]) == 32
