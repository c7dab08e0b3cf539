"""JSON Schema (draft 2020-12) of the wire format under a rule set, for frontends to validate.

`json_schema` describes wire format v1 with the rule set's departments, limits and custom fields,
so that a JavaScript form (ajv) or another program rejects before submitting what ticketcore
would reject. Each constraint carries the ticketcore problem code it stands for in the extension
keyword ``x-ticketcore-errors`` (a map from the JSON Schema keyword to the code), so a failing
keyword maps to the message ``problem.<code>`` of the shared catalogs (`ticketcore.messages`).

Values are checked as they arrive (raw): lower bounds of text are written to ignore outer
whitespace, as ticketcore strips text before counting, while upper bounds (``maxLength``) count
the raw characters. A frontend that strips and NFC-normalizes its values before validating gets
the same verdict as ticketcore for every rule the schema expresses; the rules it cannot express
(international domains, e-mail syntax, file-name subtleties) are listed in the documentation.

Every regular expression in the schema is written in the common subset of ECMA-262 (JSON
Schema's dialect, run by ajv with the ``u`` flag) and Python's ``re``, and matches in linear
time on the lengths it is run on: the patterns of a text value are only tried once the value
fits its ``maxLength`` (an ``if``/``then`` pair), so a huge value costs one length check.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from typing import Any, Final

from ticketcore._wire import SCHEMA_VERSION
from ticketcore.attachment import (
    _MEDIA_TYPE,
    CONTENT_TYPE_MAX_LENGTH,
    EXECUTABLE_EXTENSIONS,
    FILENAME_MAX_LENGTH,
)
from ticketcore.context import CONTEXTS, Context
from ticketcore.credentials import PASSWORD_MAX_LENGTH, USERNAME_MAX_LENGTH
from ticketcore.custom_field import CustomField, FieldKind
from ticketcore.department import Department
from ticketcore.errors import Problem, TicketValidationError
from ticketcore.limits import Limits
from ticketcore.location import MAX_LENGTH as LOCATION_MAX_LENGTH
from ticketcore.priority import _ALIASES, Priority
from ticketcore.requester import EMAIL_MAX_LENGTH
from ticketcore.requester import NAME_MAX_LENGTH as REQUESTER_NAME_MAX_LENGTH
from ticketcore.rules import DEFAULT_RULES, RuleSet
from ticketcore.ticket import SERVICE_MAX_LENGTH

__all__ = ["json_schema"]

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
ID_PREFIX: Final = "urn:ticketcore:ticket:v1"
"""The start of the schema's ``$id``; ``:<context>`` follows, then ``:<id>`` for one department."""

ERRORS: Final = "x-ticketcore-errors"
"""Extension keyword: a map from each JSON Schema keyword beside it to a ticketcore problem code."""
LABELS: Final = "x-ticketcore-labels"
"""Extension keyword: a custom field's label per locale."""
MESSAGES: Final = "x-ticketcore-messages"
"""Extension keyword: a custom field's own error message per locale, shown instead of the catalog's
for every code but ``required`` and ``wrong_type``."""
DEPARTMENTS: Final = "x-ticketcore-departments"
"""Extension keyword: each department's display name per locale, by id."""
KEYWORDS: Final = (DEPARTMENTS, ERRORS, LABELS, MESSAGES)
"""The extension keywords, which a strict validator (ajv) must be told about."""

# --- Regular-expression fragments, valid in ECMA-262 (u flag) and in Python's re. ----------


def _u(char: str) -> str:
    r"""*char* as a pattern atom: ``\uXXXX`` in the BMP, the character itself above it."""
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else char


def _ranges(codes: Iterable[int]) -> str:
    """A character-class body for *codes*, with runs written as ranges."""
    items = sorted(set(codes))
    parts: list[str] = []
    start = 0
    while start < len(items):
        end = start
        while end + 1 < len(items) and items[end + 1] == items[end] + 1:
            end += 1
        low, high = chr(items[start]), chr(items[end])
        parts.append(_u(low) if start == end else f"{_u(low)}-{_u(high)}")
        start = end + 1
    return "".join(parts)


# What Python's str.strip() removes (str.isspace), which differs from ECMA-262's \s.
_SPACE_CODES: Final = (
    0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680,
    *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
)  # fmt: skip
WS: Final = f"[{_ranges(_SPACE_CODES)}]"
NOT_WS: Final = f"[^{_ranges(_SPACE_CODES)}]"
_WS_BUT_SPACE: Final = f"[{_ranges(c for c in _SPACE_CODES if c != 0x20)}]"
_ANY: Final = r"[\s\S]"
_END: Final = r"(?![\s\S])"  # "$" would also match before a final newline in Python

# Control characters ticketcore refuses (C0, DEL, C1), split into those str.strip() removes
# from the ends of a value (so they are refused only between other characters) and the rest.
_CONTROLS: Final = frozenset((*range(0x20), *range(0x7F, 0xA0)))
_MULTILINE_ALLOWED: Final = frozenset((0x09, 0x0A, 0x0D))  # \r becomes \n before the check


def _control_pattern(*, multiline: bool) -> str:
    refused = _CONTROLS - _MULTILINE_ALLOWED if multiline else _CONTROLS
    strippable = refused & set(_SPACE_CODES)
    inner = f"[{_ranges(refused - strippable)}]"
    # A strippable control is refused when its run of whitespace lies between other characters.
    # The classes around it do not overlap, so the match takes linear time.
    spaces_before = f"[{_ranges(set(_SPACE_CODES) - strippable)}]*"
    return f"{inner}|{NOT_WS}{spaces_before}[{_ranges(strippable)}]{WS}*{NOT_WS}"


_CONTROL_SINGLE_LINE: Final = _control_pattern(multiline=False)
_CONTROL_MULTILINE: Final = _control_pattern(multiline=True)
_CONTROL_RAW: Final = f"[{_ranges(_CONTROLS)}]"  # for values kept exactly (passwords, secrets)
_SURROGATE: Final = r"[\ud800-\udfff]"
_BIDI_OVERRIDE: Final = r"\u202a-\u202e\u2066-\u2069"


def _at_least(length: int) -> str:
    """A pattern found in a text whose stripped form has at least *length* characters."""
    if length <= 1:
        return NOT_WS
    return f"{NOT_WS}{_ANY}{{{length - 2},}}{NOT_WS}"


@functools.cache
def _lowercase_of() -> dict[str, frozenset[int]]:
    """For each one-character lowercase form, the BMP characters whose ``lower()`` it is."""
    found: dict[str, set[int]] = {}
    for code in range(0x10000):
        lower = chr(code).lower()
        if len(lower) == 1:
            found.setdefault(lower, set()).add(code)
    return {k: frozenset(v) for k, v in found.items()}


def _caseless(text: str) -> str:
    """A pattern matching *text* whatever the case, as ``value.lower() == text`` does."""
    table = _lowercase_of()
    return "".join(f"[{_ranges(table.get(ch, frozenset()) | {ord(ch)})}]" for ch in text)


# Where Priority.parse's folding (case, accents, compatibility forms) is spelled out in the
# schema: Latin letters with their accents, combining marks and full-width forms. Other
# characters that fold to a letter (mathematical letters, ligatures) are ticketcore-only.
_FOLD_RANGES: Final = (
    range(0x0250),
    range(0x0300, 0x0370),
    range(0x1E00, 0x1F00),
    range(0xFF00, 0xFF60),
)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.cache
def _folds() -> tuple[dict[str, frozenset[int]], frozenset[int]]:
    by_letter: dict[str, set[int]] = {}
    vanishing: set[int] = set()
    for block in _FOLD_RANGES:
        for code in block:
            folded = _fold(chr(code))
            if folded == "":
                vanishing.add(code)
            elif len(folded) == 1 and not chr(code).isspace():
                by_letter.setdefault(folded, set()).add(code)
    return {k: frozenset(v) for k, v in by_letter.items()}, frozenset(vanishing)


@functools.cache
def _priority_pattern(offered: tuple[Priority, ...]) -> str:
    by_letter, vanishing = _folds()
    marks = f"[{_ranges(vanishing)}]*"
    names = sorted(
        (name for name, p in _ALIASES.items() if p in offered), key=lambda n: (-len(n), n)
    )
    alternatives = (
        "".join(f"[{_ranges(by_letter.get(ch, frozenset()) | {ord(ch)})}]{marks}" for ch in name)
        for name in names
    )
    return f"^{WS}*{marks}(?:{'|'.join(alternatives)}){WS}*{_END}"


# --- Schema builders. ------------------------------------------------------------------------


def _codes(**codes: str) -> dict[str, dict[str, str]]:
    return {ERRORS: codes}


def _text(
    *,
    max_length: int,
    min_length: int = 1,
    multiline: bool = False,
    nullable: bool = False,
    blank_is_absent: bool = False,
    exact: bool = False,
    checks: Iterable[dict[str, Any]] = (),
) -> dict[str, Any]:
    """A text value as ticketcore checks it (stripped and NFC-normalized unless *exact*).

    Args:
        max_length: Longest value (raw characters).
        min_length: Shortest value once stripped; 0 for none.
        multiline: Tabs and line breaks allowed.
        nullable: ``null`` is accepted (an optional key).
        blank_is_absent: A blank value is read as absent, so it needs no length.
        exact: The value is kept as given (a password): no stripping, raw lengths.
        checks: More subschemas the value must satisfy, each with its codes.
    """
    rules: list[dict[str, Any]] = []
    if exact:
        if min_length:
            rules.append({"minLength": min_length, **_codes(minLength="blank")})
        control = _CONTROL_RAW
    else:
        if min_length and not blank_is_absent:
            rules.append({"pattern": NOT_WS, **_codes(pattern="blank")})
            if min_length > 1:
                rules.append(
                    {
                        "minLength": min_length,
                        "pattern": _at_least(min_length),
                        **_codes(minLength="too_short", pattern="too_short"),
                    }
                )
        control = _CONTROL_MULTILINE if multiline else _CONTROL_SINGLE_LINE
    rules.append({"not": {"pattern": control}, **_codes(**{"not": "control_character"})})
    rules.append({"not": {"pattern": _SURROGATE}, **_codes(**{"not": "invalid_unicode"})})
    rules.extend(checks)
    return {
        "type": ["string", "null"] if nullable else "string",
        "maxLength": max_length,
        # The patterns run only on values within the length, which bounds their cost.
        # ("not" of a string keyword would refuse null, hence the type in the condition.)
        "if": {"type": "string", "maxLength": max_length},
        "then": {"allOf": rules},
        **_codes(type="wrong_type", maxLength="too_long"),
    }


def _object(
    properties: dict[str, Any], *, required: Iterable[str] = (), nullable: bool = False
) -> dict[str, Any]:
    return {
        "type": ["object", "null"] if nullable else "object",
        "properties": properties,
        "required": sorted(required),
        "additionalProperties": False,
        **_codes(type="wrong_type", required="required", additionalProperties="unknown_field"),
    }


def _email_check() -> dict[str, Any]:
    # A necessary condition of email-validator's syntax (no quoted local parts or domain
    # literals by default): one "@", no whitespace, a dot in the domain.
    part = f"[^@{_ranges(_SPACE_CODES)}]+"
    syntax = f"^{WS}*{part}@{part}\\.{part}{WS}*{_END}"
    return {"pattern": syntax, **_codes(pattern="invalid_email")}


_TAIL: Final = f"[. ]*(?:{_WS_BUT_SPACE}{WS}*)?{_END}"
"""What follows a file name's extension: trailing dots and spaces (ignored, as Windows does)."""


def _alternation(words: Iterable[str]) -> str:
    return "(?:" + "|".join(_caseless(w) for w in sorted(words)) + ")"


def _filename(limits: Limits) -> dict[str, Any]:
    executable = _alternation(EXECUTABLE_EXTENSIONS)
    allowed = sorted(set(limits.allowed_extensions) - EXECUTABLE_EXTENSIONS)
    checks: list[dict[str, Any]] = [
        {
            "not": {"pattern": f"[/\\\\{_BIDI_OVERRIDE}]|\\.\\."},
            **_codes(**{"not": "invalid_filename"}),
        },
        {
            # The extension is an executable one, and something comes before it.
            "not": {
                "allOf": [
                    {"pattern": f"\\.{executable}{_TAIL}"},
                    {"not": {"pattern": f"^{WS}*\\.{executable}{_TAIL}"}},
                ]
            },
            **_codes(**{"not": "executable_not_allowed"}),
        },
    ]
    # No extension (no dot, or only a leading one), or an allowed extension.
    no_extension = f"^{WS}*\\.?[^.]*{_TAIL}"
    alternatives: list[dict[str, Any]] = [{"pattern": no_extension}]
    if allowed:
        alternatives.append({"pattern": f"\\.{_alternation(allowed)}{_TAIL}"})
    checks.append({"anyOf": alternatives, **_codes(anyOf="not_allowed")})
    return _text(max_length=FILENAME_MAX_LENGTH, checks=checks)


def _content_type(limits: Limits) -> dict[str, Any]:
    allowed = sorted(t for t in limits.allowed_content_types if _MEDIA_TYPE.fullmatch(t))
    checks = []
    if allowed:
        media = _alternation(allowed)
        pattern = f"^{WS}*{media}{WS}*(?:;{_ANY}*)?{_END}"
        checks.append({"pattern": pattern, **_codes(pattern="not_allowed")})
    else:
        checks.append({"not": {}, **_codes(**{"not": "not_allowed"})})
    return _text(max_length=CONTENT_TYPE_MAX_LENGTH, checks=checks)


def _attachments(limits: Limits) -> dict[str, Any]:
    item = _object(
        {
            "filename": _filename(limits),
            "content_type": _content_type(limits),
            "size": {
                "type": "integer",
                "minimum": 0,
                "maximum": limits.max_attachment_size,
                **_codes(type="wrong_type", minimum="too_small", maximum="too_large"),
            },
        },
        required=("filename", "content_type", "size"),
    )
    return {
        "type": ["array", "null"],
        "maxItems": limits.max_attachments,
        "items": item,
        **_codes(type="wrong_type", maxItems="too_many"),
    }


# An ISO 8601 date and time as datetime.fromisoformat reads it ends with an offset to be
# timezone-aware; which dates and times exist is ticketcore's check.
_OFFSET: Final = r"(?:[Zz]|[+-][0-9]{2}(?::?[0-9]{2}(?::?[0-9]{2}(?:[.,][0-9]+)?)?)?)" + _END


def _created_at() -> dict[str, Any]:
    return {
        "type": ["string", "null"],
        "allOf": [
            {"pattern": "^[0-9]{4}", **_codes(pattern="invalid_datetime")},
            {"pattern": _OFFSET, **_codes(pattern="naive_datetime")},
        ],
        **_codes(type="wrong_type"),
    }


def _priority_schema(offered: tuple[Priority, ...]) -> dict[str, Any]:
    ranks = sorted(p.rank for p in offered)
    schema: dict[str, Any] = {
        "type": ["string", "integer", "null"],
        # Integers are the ranks 1 to 4 (Freshdesk's and osTicket's numbering); text is a
        # name or an alias ("normal", "Alta", " média ") in any case, with or without accents.
        "minimum": ranks[0],
        "maximum": ranks[-1],
        "pattern": _priority_pattern(offered),
        "examples": [p.value for p in offered],
        **_codes(
            type="wrong_type",
            minimum="invalid_choice",
            maximum="invalid_choice",
            pattern="invalid_choice",
        ),
    }
    gaps = [rank for rank in range(ranks[0], ranks[-1]) if rank not in ranks]
    if gaps:
        schema["not"] = {"enum": gaps}
        schema[ERRORS]["not"] = "invalid_choice"
    return schema


def _custom_field(field: CustomField) -> dict[str, Any]:
    kind = field.kind
    schema: dict[str, Any]
    if kind is FieldKind.BOOLEAN:
        schema = {"type": "boolean", **_codes(type="wrong_type")}
    elif kind is FieldKind.NUMBER:
        schema = {"type": "number", **_codes(type="wrong_type")}
        if field.minimum is not None:
            schema["minimum"] = field.minimum
            schema[ERRORS]["minimum"] = "too_small"
        if field.maximum is not None:
            schema["maximum"] = field.maximum
            schema[ERRORS]["maximum"] = "too_large"
    elif kind is FieldKind.SECRET:
        schema = _text(max_length=field.text_max_length, exact=True)
        schema["writeOnly"] = True
    else:
        checks: list[dict[str, Any]] = []
        if kind is FieldKind.CHOICE:
            checks.append({"enum": list(field.options), **_codes(enum="invalid_choice")})
        elif kind is FieldKind.EMAIL:
            checks.append(_email_check())
        if field.pattern is not None:
            checks.append(
                {"pattern": f"^(?:{field.pattern}){_END}", **_codes(pattern="pattern_mismatch")}
            )
        schema = _text(
            max_length=field.text_max_length,
            min_length=field.min_length or 1,
            multiline=kind is FieldKind.MULTILINE,
            checks=checks,
        )
    schema["title"] = field.label("en")
    schema[LABELS] = dict(field.labels)
    if field.error_messages:
        schema[MESSAGES] = dict(field.error_messages)
    return schema


def _custom_fields(department: Department, context: Context) -> dict[str, Any]:
    required = [f.id for f in department.custom_fields if context in f.required]
    schema = _object(
        {f.id: _custom_field(f) for f in department.custom_fields},
        required=required,
        nullable=not required,
    )
    if required:
        schema[ERRORS]["type"] = "required"  # null stands for "not filled in"
    return schema


# What "required" adds to an optional key: present, not null, and not blank where a blank
# value is read as absent.
_PRESENT: Final = {"not": {"type": "null"}, **_codes(**{"not": "required"})}
_REQUIRED: Final[dict[str, dict[str, Any]]] = {
    "service": {"type": "string", "pattern": NOT_WS, **_codes(type="required", pattern="required")},
    "error_message": {
        "type": "string",
        "pattern": NOT_WS,
        **_codes(type="required", pattern="required"),
    },
    "location": _PRESENT,
    "credentials": _PRESENT,
    "requester": _PRESENT,
    "attachments": {"type": "array", "minItems": 1, **_codes(type="required", minItems="required")},
}


def _requirements(department: Department, context: Context) -> dict[str, Any]:
    """What *department* adds to the document in *context*: required keys, its custom fields."""
    fields = sorted(department.required_fields(context))
    custom = _custom_fields(department, context)
    required = [*fields, *(["custom_fields"] if custom["required"] else [])]
    return {
        "properties": {**{f: _REQUIRED[f] for f in fields}, "custom_fields": custom},
        "required": required,
        **_codes(required="required"),
    }


def _scalars() -> dict[str, Any]:
    return {
        "type": ["object", "null"],
        "additionalProperties": {
            "type": ["string", "number", "boolean"],
            **_codes(type="wrong_type"),
        },
        **_codes(type="wrong_type"),
    }


def json_schema(
    rules: RuleSet | None = None,
    /,
    *,
    department: str | None = None,
    context: Context = "customer",
) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of wire format v1 under *rules*.

    Without *department* the schema covers every department (one ``if``/``then`` per
    department); with it, only that department's tickets. The fields the department requires
    in *context* are ``required``. Each constraint names the ticketcore problem code it stands
    for in ``x-ticketcore-errors``.

    >>> schema = json_schema(department="technical-support")
    >>> schema["$id"], schema["allOf"][0]["required"]
    ('urn:ticketcore:ticket:v1:customer:technical-support', ['location', 'service'])

    Args:
        rules: The rule set (the default rule set when ``None``).
        department: The id of one department of *rules*.
        context: Who submits (``customer``, ``agent`` or ``import``), which decides what the
            departments require.

    Raises:
        TicketValidationError: *department* is not in *rules* (code ``unknown_department``) or
            *context* is not a context (``invalid_choice``).
    """
    rules = DEFAULT_RULES if rules is None else rules
    if context not in CONTEXTS:
        raise TicketValidationError(
            [
                Problem(
                    path=("context",),
                    code="invalid_choice",
                    params={"choices": CONTEXTS, "value": str(context)[:60]},
                )
            ]
        )
    limits = rules.limits
    if department is None:
        departments = rules.departments
        schema_id = f"{ID_PREFIX}:{context}"
    else:
        chosen = rules.department(department)
        if chosen is None:
            raise TicketValidationError(
                [
                    Problem(
                        path=("department",),
                        code="unknown_department",
                        params={"value": str(department)[:60], "choices": rules.department_ids},
                    )
                ]
            )
        departments = (chosen,)
        schema_id = f"{ID_PREFIX}:{context}:{chosen.id}"
    properties: dict[str, Any] = {
        "schema_version": {"const": SCHEMA_VERSION, **_codes(const="unsupported_version")},
        "department": {
            "type": "string",
            "enum": [d.id for d in departments],
            DEPARTMENTS: {d.id: dict(d.names) for d in departments},
            **_codes(type="wrong_type", enum="unknown_department"),
        },
        "subject": _text(
            min_length=limits.subject_min_length, max_length=limits.subject_max_length
        ),
        "message": _text(max_length=limits.message_max_length, multiline=True),
        "priority": _priority_schema(rules.priorities),
        "service": _text(max_length=SERVICE_MAX_LENGTH, nullable=True, blank_is_absent=True),
        "location": _text(max_length=LOCATION_MAX_LENGTH, nullable=True),
        "credentials": _object(
            {
                "username": _text(max_length=USERNAME_MAX_LENGTH),
                "password": {
                    **_text(max_length=PASSWORD_MAX_LENGTH, exact=True),
                    "writeOnly": True,
                },
            },
            required=("username", "password"),
            nullable=True,
        ),
        "error_message": _text(
            max_length=limits.error_message_max_length,
            multiline=True,
            nullable=True,
            blank_is_absent=True,
        ),
        "attachments": _attachments(limits),
        "requester": _object(
            {
                "name": _text(max_length=REQUESTER_NAME_MAX_LENGTH),
                "email": _text(max_length=EMAIL_MAX_LENGTH, checks=[_email_check()]),
            },
            required=("name", "email"),
            nullable=True,
        ),
        "custom_fields": _scalars(),
        "created_at": _created_at(),
    }
    if department is None:
        branches = [
            {
                "if": {"properties": {"department": {"const": d.id}}, "required": ["department"]},
                "then": _requirements(d, context),
            }
            for d in departments
        ]
    else:
        branches = [_requirements(departments[0], context)]
    return {
        "$schema": DIALECT,
        "$id": schema_id,
        "title": "Support ticket (ticketcore wire format v1)",
        "type": "object",
        "properties": properties,
        "required": ["department", "subject", "message"],
        "additionalProperties": False,
        "allOf": branches,
        **_codes(type="wrong_type", required="required", additionalProperties="unknown_field"),
    }
