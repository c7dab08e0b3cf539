"""The completeness report: a score, what is missing and why, and what was found present."""

from __future__ import annotations

from typing import Any

import attrs

from ticketcore._criteria import MAX_SCORE, Severity

__all__ = ["CompletenessReport", "Evidence", "Finding", "Satisfied"]


@attrs.frozen
class Evidence:
    """A span of one text field of the ticket that a criterion was judged on.

    Attributes:
        field: The field the span points into: ``subject``, ``message``, ``location``,
            ``error_message``, or an attachment's ``attachments[N].filename``.
        start: Offset of the first character, in code points (``str`` indexing).
        end: Offset just past the last character (``[start, end)``).
    """

    field: str
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        """The span as a JSON-ready dict."""
        return {"field": self.field, "start": self.start, "end": self.end}


@attrs.frozen(kw_only=True)
class Finding:
    """One thing the ticket lacks, or should not contain, with what to do about it.

    Attributes:
        code: A stable machine code, such as ``steps_missing`` (see `FINDING_CODES`).
        severity: ``blocker`` (the ticket should not be sent as it is), ``warning`` (it
            will likely need a round trip), or ``info``.
        field: The ticket field to fill in or fix (the evidence may point elsewhere).
        evidence: The spans that nearly satisfied the criterion (a lone action, the word
            "error" without its text) or, for ``credentials_in_message``, the secrets.
        message: What is wrong, in the report's locale.
        hint: What to add or change, in the report's locale.
        weight: How many points of the score's scale the criterion is worth (0 for findings
            that do not count in the score).
    """

    code: str
    severity: Severity
    field: str | None
    evidence: tuple[Evidence, ...] = ()
    message: str
    hint: str
    weight: int

    def as_dict(self) -> dict[str, Any]:
        """The finding as a JSON-ready dict."""
        return {
            "code": self.code,
            "severity": self.severity,
            "field": self.field,
            "weight": self.weight,
            "message": self.message,
            "hint": self.hint,
            "evidence": [e.as_dict() for e in self.evidence],
        }


@attrs.frozen(kw_only=True)
class Satisfied:
    """A criterion the ticket meets, with the evidence a form can highlight.

    Attributes:
        criterion: The criterion's name (``steps``, ``location``, ``error_message``, …).
        field: The field where it was found.
        evidence: The spans that satisfied it.
    """

    criterion: str
    field: str | None
    evidence: tuple[Evidence, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The criterion as a JSON-ready dict."""
        return {
            "criterion": self.criterion,
            "field": self.field,
            "evidence": [e.as_dict() for e in self.evidence],
        }


@attrs.frozen(kw_only=True)
class CompletenessReport:
    """How complete a ticket is, what it lacks, and what it already has.

    Attributes:
        score: 0 to 100: the weight of the criteria met over the weight of those that apply.
        findings: What the ticket lacks or should not contain, blockers first.
        present: The criteria it meets, with their evidence.
        department: The id of the department the ticket was judged for, when known.
        min_score: The department's minimum score to submit (0 when it sets none).
        locale: The locale of the messages and hints.
    """

    score: int
    findings: tuple[Finding, ...] = ()
    present: tuple[Satisfied, ...] = ()
    department: str | None = None
    min_score: int = 0
    locale: str = "en"

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.score <= MAX_SCORE:
            msg = f"score must be between 0 and {MAX_SCORE} (got {self.score})"
            raise ValueError(msg)

    @property
    def missing(self) -> tuple[str, ...]:
        """The codes of the findings, in the order of `findings`."""
        return tuple(f.code for f in self.findings)

    @property
    def blockers(self) -> tuple[Finding, ...]:
        """The findings that stop a submission."""
        return tuple(f for f in self.findings if f.severity == "blocker")

    @property
    def passed(self) -> bool:
        """Whether the ticket reaches the minimum score and has no blocker.

        A draft whose department is absent or unknown has no minimum and no required
        field, so it passes on completeness; validation (`from_dict`) is what rejects it.
        """
        return self.score >= self.min_score and not self.blockers

    def finding(self, code: str, /) -> Finding | None:
        """The finding with *code*, if the report has one."""
        for finding in self.findings:
            if finding.code == code:
                return finding
        return None

    def as_dict(self) -> dict[str, Any]:
        """The report as a JSON-ready dict; it never holds ticket text, only offsets."""
        return {
            "score": self.score,
            "passed": self.passed,
            "min_score": self.min_score,
            "department": self.department,
            "locale": self.locale,
            "missing": list(self.missing),
            "findings": [f.as_dict() for f in self.findings],
            "present": [p.as_dict() for p in self.present],
        }
