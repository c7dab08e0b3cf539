"""The shared corpus of the schema parity test: payloads, the rule sets and schemas they go through.

Every case is one wire-format payload, the rule set and context it is read under, and the
schema it is checked against (all departments, or the payload's own department). Payloads are a
valid base ticket per department with one change each: every rule of the wire format and of the
rule sets below is broken once and kept once, so each ends up accepted and rejected.

`CASES` holds the payloads on which ticketcore and the exported schema must agree. The rules
JSON Schema cannot express are kept apart, never silently dropped:

- `TICKETCORE_ONLY`: payloads the schema accepts and ticketcore rejects (its checks go further:
  location and e-mail syntax, real dates, NFC);
- `SCHEMA_ONLY`: payloads the schema rejects and ticketcore accepts (the schema counts the raw
  characters of a value ticketcore strips and normalizes first; exotic priority spellings).

Both are listed, with the reason, in ``docs/rules.md`` ("What the schema cannot check").
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any, Final, NamedTuple

from ticketcore import (
    DEFAULT_RULES,
    Context,
    CustomField,
    Department,
    FieldKind,
    Limits,
    Priority,
    RuleSet,
)

CUSTOM_RULES: Final = RuleSet(
    departments=(
        Department(
            id="hosting",
            names={"en": "Hosting", "pt-BR": "Hospedagem"},
            requires={
                "service": ["customer", "agent"],
                "location": ["customer"],
                "error_message": ["customer"],
                "attachments": ["customer"],
            },
            custom_fields=(
                CustomField(
                    id="order_id",
                    kind=FieldKind.TEXT,
                    labels={"en": "Order number", "pt-BR": "Número do pedido"},
                    required=["customer"],
                    min_length=8,
                    max_length=8,
                    pattern=r"PED-[0-9]{4}",
                    error_messages={"en": "Order numbers look like PED-1234."},
                ),
                CustomField(
                    id="notes",
                    kind=FieldKind.MULTILINE,
                    labels={"en": "Notes"},
                    min_length=3,
                    max_length=50,
                ),
                CustomField(
                    id="port",
                    kind=FieldKind.NUMBER,
                    labels={"en": "Port"},
                    minimum=1,
                    maximum=65535,
                ),
                CustomField(
                    id="plan",
                    kind=FieldKind.CHOICE,
                    labels={"en": "Plan"},
                    options=("Basic", "Pro", "Plano Básico"),
                ),
                CustomField(id="urgent_fix", kind=FieldKind.BOOLEAN, labels={"en": "Urgent fix"}),
                CustomField(id="contact", kind=FieldKind.EMAIL, labels={"en": "Contact"}),
                CustomField(id="site", kind=FieldKind.URL, labels={"en": "Site"}),
                CustomField(id="zone", kind=FieldKind.DOMAIN, labels={"en": "DNS zone"}),
                CustomField(id="server_ip", kind=FieldKind.IP, labels={"en": "Server IP"}),
                CustomField(
                    id="api_key",
                    kind=FieldKind.SECRET,
                    labels={"en": "API key"},
                    required=["customer", "agent"],
                    max_length=40,
                ),
            ),
        ),
        Department(
            id="accounts",
            names={"en": "Accounts"},
            requires={"credentials": True, "requester": ["customer", "agent"]},
        ),
        Department(id="plain", names={"en": "Plain"}),
    ),
    priorities=(Priority.LOW, Priority.HIGH, Priority.URGENT),
    limits=Limits(
        subject_min_length=5,
        subject_max_length=60,
        message_max_length=500,
        error_message_max_length=100,
        max_attachments=2,
        max_attachment_size=1000,
        allowed_content_types={"image/png", "application/pdf", "text/plain"},
        allowed_extensions={"png", "pdf", "txt", "log", "sh"},  # "sh" stays refused
    ),
)
"""A rule set with every kind of custom field, per-context requirements, three priorities and
tight limits."""

RULES: Final = {"default": DEFAULT_RULES, "custom": CUSTOM_RULES}


class Case(NamedTuple):
    """One payload, read under ``RULES[rules]`` in *context*, checked against one schema."""

    name: str
    rules: str
    department: str | None  # the schema's department; None for the all-departments schema
    context: Context
    payload: Any


_ATTACHMENT: Final = {"filename": "erro.png", "content_type": "image/png", "size": 48213}
_SMALL: Final = {"filename": "erro.png", "content_type": "image/png", "size": 100}

# A valid ticket per department, with every optional key filled in.
BASES: Final[dict[tuple[str, str], dict[str, Any]]] = {
    ("default", department): {
        "schema_version": 1,
        "department": department,
        "subject": "Site fora do ar desde as 10:00",
        "service": "hosting-4711",
        "priority": "high",
        "message": "1. Abra https://www.example.com/admin\n2. Entre\n3. Aparece HTTP 500",
        "location": "www.example.com/admin",
        "credentials": {"username": "admin", "password": "Teste@123"},
        "error_message": "HTTP 500 Internal Server Error",
        "attachments": [_ATTACHMENT],
        "requester": {"name": "Maria Silva", "email": "maria@example.com.br"},
        "custom_fields": {},
        "created_at": "2026-11-24T13:00:00Z",
    }
    for department in ("technical-support", "billing", "sales")
}
for _department in ("hosting", "accounts", "plain"):
    BASES["custom", _department] = {
        "schema_version": 1,
        "department": _department,
        "subject": "Painel lento",
        "service": "vps-12",
        "priority": "urgent",
        "message": "O painel demora 30 s para abrir.\nDesde ontem.",
        "location": "painel.example.com:2083",
        "credentials": {"username": "root", "password": " senha com espaços "},
        "error_message": "504 Gateway Timeout",
        "attachments": [_SMALL],
        "requester": {"name": "João", "email": "joao@exemplo.com.br"},
        "custom_fields": {},
        "created_at": "2026-11-24T10:00:00-03:00",
    }
BASES["custom", "hosting"]["custom_fields"] = {
    "order_id": "PED-1234",
    "notes": "Cliente antigo",
    "port": 2083,
    "plan": "Pro",
    "urgent_fix": False,
    "contact": "ops@example.com",
    "site": "https://example.com/status",
    "zone": "example.com",
    "server_ip": "192.0.2.10",
    "api_key": "k3y-0123456789",
}

_DROP: Final = object()
"""A mutation value that removes the key."""

Mutation = tuple[str, tuple[str | int, ...], object]


def _set(payload: Any, path: tuple[str | int, ...], value: object) -> Any:
    result = copy.deepcopy(payload)
    if not path:
        return copy.deepcopy(value)
    target = result
    for step in path[:-1]:
        target = target[step]
    if value is _DROP:
        del target[path[-1]]
    else:
        target[path[-1]] = copy.deepcopy(value)
    return result


def _text_mutations(key: str, limit: int, *, minimum: int = 1) -> list[Mutation]:
    return [
        (f"{key} at its limit", (key,), "a" * limit),
        (f"{key} over its limit", (key,), "a" * (limit + 1)),
        (f"{key} far over its limit", (key,), "a" * (limit * 5)),
        (f"{key} at its minimum", (key,), "b" * minimum),
        (f"{key} under its minimum", (key,), "b" * (minimum - 1)),
        (f"{key} padded under its minimum", (key,), "  " + "c" * (minimum - 1) + "  "),
        (f"{key} padded at its minimum", (key,), "\u3000" + "c" * minimum + " "),
        (f"{key} blank", (key,), "   "),
        (f"{key} empty", (key,), ""),
        (f"{key} with a NUL", (key,), "ab\x00cdefg"),
        (f"{key} with DEL", (key,), "abcdef\x7f"),
        (f"{key} with a C1 control", (key,), "abc\x9bdef"),
        (f"{key} with a tab inside", (key,), "abc\tdefgh"),
        (f"{key} with a line break inside", (key,), "abcde\nfgh"),
        (f"{key} with CRLF inside", (key,), "abcde\r\nfgh"),
        (f"{key} with a trailing line break", (key,), "abcdefgh\n"),
        (f"{key} with a leading tab", (key,), "\tabcdefgh"),
        (f"{key} with a unit separator inside", (key,), "abc \x1f def"),
        (f"{key} with a trailing unit separator", (key,), "abcdefgh \x1f"),
        (f"{key} with a vertical tab inside", (key,), "abcd\x0befgh"),
        (f"{key} with NEL at the end", (key,), "abcdefgh\x85"),
        (f"{key} with a lone surrogate", (key,), "abc\ud800defgh"),
        (f"{key} with an emoji", (key,), "Erro 😱 no site"),
        (f"{key} with accents", (key,), "Não consigo acessar"),
        (f"{key} with a direction override", (key,), "abc\u202edefgh"),
        (f"{key} a number", (key,), 42),
        (f"{key} a list", (key,), ["abc"]),
        (f"{key} null", (key,), None),
        (f"{key} absent", (key,), _DROP),
    ]


def _location_mutations() -> list[Mutation]:
    # Only the text rules: which texts are locations is ticketcore's (see TICKETCORE_ONLY).
    keep = (
        "blank", "empty", "with a NUL", "with DEL", "with a C1 control", "with a tab inside",
        "with a line break inside", "with a vertical tab inside", "with a lone surrogate",
        "a number", "a list", "null", "absent",
    )  # fmt: skip
    return [
        *(m for m in _text_mutations("location", 2048) if m[0].removeprefix("location ") in keep),
        ("location over its limit", ("location",), "x.com/" + "a" * 2043),
        ("location at its limit", ("location",), "x.com/" + "a" * 2042),
        ("location padded", ("location",), "  www.example.com/admin\n"),
        ("location a URL", ("location",), "https://www.example.com/admin"),
        ("location an IPv6 address with a port", ("location",), "[2001:db8::1]:8080"),
        ("location an international domain", ("location",), "café.com.br"),
    ]


def _mutations(rules: RuleSet) -> list[Mutation]:
    limits = rules.limits
    attachment = copy.deepcopy(_SMALL)
    most, largest = limits.max_attachments, limits.max_attachment_size
    mutations: list[Mutation] = [
        ("unchanged", (), _DROP),
        ("unknown key", ("color",), "red"),
        ("schema_version 2", ("schema_version",), 2),
        ("schema_version as text", ("schema_version",), "1"),
        ("schema_version null", ("schema_version",), None),
        ("schema_version true", ("schema_version",), True),
        ("schema_version absent", ("schema_version",), _DROP),
        ("department unknown", ("department",), "nope"),
        ("department in capitals", ("department",), "SALES"),
        ("department a number", ("department",), 3),
        ("department null", ("department",), None),
        ("department absent", ("department",), _DROP),
        *_text_mutations("subject", limits.subject_max_length, minimum=limits.subject_min_length),
        *_text_mutations("message", limits.message_max_length),
        *_text_mutations("service", 100),
        *_location_mutations(),
        *_text_mutations("error_message", limits.error_message_max_length),
    ]
    for value in (
        "low", "medium", "high", "urgent", "Normal", " Alta ", "MÉDIA", "média", "media",
        "urgente", "emergência", "CRITICAL", "Crítica", "lowest", "highest", "moderate", "3",
        " 1 ", "\uff48\uff49\uff47\uff48", "me\u0301dia", None, 1, 2, 4,
        "asap", "", "  ", "hi gh", "highh", "0", "5", 0, 5, -1, True, 2.5, ["high"], {"p": 1},
    ):  # fmt: skip
        mutations.append((f"priority {value!r}", ("priority",), value))  # noqa: PERF401
    mutations += [
        ("credentials null", ("credentials",), None),
        ("credentials absent", ("credentials",), _DROP),
        ("credentials a string", ("credentials",), "admin:secret"),
        ("credentials without password", ("credentials", "password"), _DROP),
        ("credentials with an extra key", ("credentials", "host"), "x"),
        ("username blank", ("credentials", "username"), "  "),
        ("username at its limit", ("credentials", "username"), "u" * 200),
        ("username over its limit", ("credentials", "username"), "u" * 201),
        ("password empty", ("credentials", "password"), ""),
        ("password a space", ("credentials", "password"), " "),
        ("password with a tab", ("credentials", "password"), "pass\tword"),
        ("password with a trailing line break", ("credentials", "password"), "password\n"),
        ("password at its limit", ("credentials", "password"), "p" * 1024),
        ("password over its limit", ("credentials", "password"), "p" * 1025),
        ("password a number", ("credentials", "password"), 1234),
        ("requester null", ("requester",), None),
        ("requester absent", ("requester",), _DROP),
        ("requester without e-mail", ("requester", "email"), _DROP),
        ("requester with an extra key", ("requester", "phone"), "555-0100"),
        ("requester name blank", ("requester", "name"), ""),
        ("requester name over its limit", ("requester", "name"), "n" * 201),
        ("e-mail in capitals", ("requester", "email"), "Maria@Example.COM.br"),
        ("e-mail padded", ("requester", "email"), "  maria@example.com  "),
        ("e-mail international", ("requester", "email"), "joão@café.com.br"),
        ("e-mail without @", ("requester", "email"), "maria.example.com"),
        ("e-mail with two @", ("requester", "email"), "maria@x@example.com"),
        ("e-mail with a space", ("requester", "email"), "maria silva@example.com"),
        ("e-mail without a dot in the domain", ("requester", "email"), "maria@localhost"),
        ("e-mail empty", ("requester", "email"), ""),
        ("e-mail a number", ("requester", "email"), 5),
        ("e-mail over its limit", ("requester", "email"), "m" * 64 + "@" + "d" * 260 + ".com"),
        ("attachments null", ("attachments",), None),
        ("attachments absent", ("attachments",), _DROP),
        ("attachments empty", ("attachments",), []),
        ("attachments an object", ("attachments",), attachment),
        ("attachments at their limit", ("attachments",), [attachment] * most),
        ("attachments over their limit", ("attachments",), [attachment] * (most + 1)),
        ("attachment a string", ("attachments", 0), "erro.png"),
        ("attachment without size", ("attachments", 0, "size"), _DROP),
        ("attachment with an extra key", ("attachments", 0, "url"), "https://x.com/a.png"),
        ("attachment size 0", ("attachments", 0, "size"), 0),
        ("attachment size -1", ("attachments", 0, "size"), -1),
        ("attachment size at its limit", ("attachments", 0, "size"), largest),
        ("attachment size over its limit", ("attachments", 0, "size"), largest + 1),
        ("attachment size huge", ("attachments", 0, "size"), 10**30),
        ("attachment size as text", ("attachments", 0, "size"), "12"),
        ("attachment size 1.5", ("attachments", 0, "size"), 1.5),
        ("attachment size true", ("attachments", 0, "size"), True),
    ]
    for filename in (
        "erro.PNG", "relatório.pdf", "log.txt. ", "log.txt . .", "noext", ".png", ".bashrc",
        "archive.tar.png", "photo.exe.png", "a" * 251 + ".png", "a" * 252 + ".png", "x.docx",
        "x.", "x.p ng", "virus.exe", "virus.EXE", "virus.exe.", "virus.exe . ", "install.sh",
        ".exe", "a.b.exe", "a/b.png", "a\\b.png", "..png", "a..png", "../etc.png",
        "\u202egnp.exe", "ab\u2066c.png", "tab\tname.png", "", "  ", "erro.png\n", 5, None,
    ):  # fmt: skip
        mutations.append((f"filename {filename!r}", ("attachments", 0, "filename"), filename))
    for content_type in (
        "IMAGE/PNG", "image/png; charset=binary", " image/png ", "image/png;", "text/plain",
        "text/html", "image/svg+xml", "application/x-zip-compressed", "image", "image/png\x00",
        "", "  ", 5, None, "i" * 256,
    ):  # fmt: skip
        mutations.append(
            (f"content_type {content_type!r}", ("attachments", 0, "content_type"), content_type)
        )
    mutations += [
        ("custom_fields null", ("custom_fields",), None),
        ("custom_fields a list", ("custom_fields",), []),
        ("custom_fields with an unknown key", ("custom_fields", "nope"), 1),
        ("custom_fields with a null value", ("custom_fields", "nope"), None),
        ("custom_fields with an object value", ("custom_fields", "nope"), {"a": 1}),
        ("created_at with an offset", ("created_at",), "2026-11-24T13:00:00-03:00"),
        ("created_at with a compact offset", ("created_at",), "2026-11-24T13:00:00+0300"),
        ("created_at in minutes", ("created_at",), "2026-11-24T13:00Z"),
        ("created_at without an offset", ("created_at",), "2026-11-24T13:00:00"),
        ("created_at text", ("created_at",), "yesterday"),
        ("created_at empty", ("created_at",), ""),
        ("created_at a number", ("created_at",), 1764000000),
        ("created_at null", ("created_at",), None),
    ]
    return mutations


def _custom_field_mutations() -> list[Mutation]:
    def field(name: str, value: object) -> tuple[str, tuple[str | int, ...], object]:
        return (f"custom field {name} = {value!r}", ("custom_fields", name), value)

    values: dict[str, tuple[object, ...]] = {
        "order_id": ("PED-0001", "PED-12", "ped-1234", "PED-12345", "XPED-1234", "", 1, _DROP),
        "notes": ("abc", "ab", "  ab  ", "a\nb\nc", "a\tb\tc", "x" * 50, "x" * 51, "a\x00bc", 5),
        "port": (1, 65535, 0, 65536, 80.5, -3, "80", True, _DROP),
        "plan": ("Basic", "Plano Básico", "basic", "Premium", "", 5, _DROP),
        "urgent_fix": (True, "true", 1, None, _DROP),
        "contact": ("ops@example.com", " ops@example.com ", "ops", "ops@example", "", 5, _DROP),
        "site": ("https://example.com", "", "  ", "a\x00b", 5, _DROP),
        "zone": ("example.com.br", "", 5, _DROP),
        "server_ip": ("2001:db8::1", "", 5, _DROP),
        "api_key": (" spaced key ", "", " ", "k" * 40, "k" * 41, "a\tb", "key\n", 5, _DROP),
    }  # fmt: skip
    return [field(name, value) for name, options in values.items() for value in options]


# The keys whose requirement depends on the department and the context.
_REQUIREMENT_KEYS: Final = frozenset(
    {"service", "location", "error_message", "credentials", "attachments", "requester"}
)


def _schemas_for(
    department: str, path: tuple[str | int, ...]
) -> Iterator[tuple[str | None, Context]]:
    """The schemas a payload is checked against.

    The all-departments one for customers; for the other contexts too when the change touches
    a requirement; the department's own one for the departments with requirements (a form).
    """
    yield None, "customer"
    if not path or path[0] in _REQUIREMENT_KEYS or path[0] == "custom_fields":
        yield None, "agent"
        yield None, "import"
    if department in ("technical-support", "hosting", "accounts"):
        yield department, "customer"


def _build() -> list[Case]:
    cases: list[Case] = []
    for (rules_name, department), base in BASES.items():
        mutations = _mutations(RULES[rules_name])
        if department == "hosting":
            mutations += _custom_field_mutations()
        for name, path, value in mutations:
            payload = base if name == "unchanged" else _set(base, path, value)
            for schema_department, context in _schemas_for(department, path):
                cases.append(
                    Case(
                        f"{rules_name}/{department}/{context}"
                        f"{'/own' if schema_department else ''}: {name}",
                        rules_name,
                        schema_department,
                        context,
                        payload,
                    )
                )
    roots: tuple[object, ...] = ([], "ticket", None, 42)
    cases += [Case(f"root {r!r}", "default", None, "customer", r) for r in roots]
    return cases


CASES: Final = _build()

_TECH: Final = BASES["default", "technical-support"]
_HOSTING: Final = BASES["custom", "hosting"]


def _gap(
    name: str, base: dict[str, Any], path: tuple[str | int, ...], value: object, why: str
) -> tuple[Case, str]:
    rules = "custom" if base is _HOSTING else "default"
    return Case(name, rules, None, "customer", _set(base, path, value)), why


TICKETCORE_ONLY: Final[tuple[tuple[Case, str], ...]] = (
    _gap("location with a TLD that does not exist", _TECH, ("location",), "index.php", "location"),
    _gap("location with credentials", _TECH, ("location",), "https://u:p@example.com", "location"),
    _gap("location with an out-of-range port", _TECH, ("location",), "x.com:99999", "location"),
    _gap("location with a space", _TECH, ("location",), "exa mple.com", "location"),
    _gap("e-mail with two dots", _TECH, ("requester", "email"), "m@example..com", "email"),
    _gap("e-mail with a hyphen label", _TECH, ("requester", "email"), "m@-x.com", "email"),
    _gap("created_at on day 45", _TECH, ("created_at",), "2026-11-45T13:00:00Z", "datetime"),
    _gap("created_at a date only", _TECH, ("created_at",), "2026-11-24", "datetime"),
    _gap("priority 2.0", _TECH, ("priority",), 2.0, "integer"),
    _gap("attachment size 1.0", _TECH, ("attachments", 0, "size"), 1.0, "integer"),
    _gap("schema_version 1.0", _TECH, ("schema_version",), 1.0, "integer"),
    _gap("subject shorter once composed", _TECH, ("subject",), "e\u0301e", "nfc"),
    _gap("custom URL", _HOSTING, ("custom_fields", "site"), "not a url", "location"),
    _gap("custom domain", _HOSTING, ("custom_fields", "zone"), "exa_mple", "location"),
    _gap("custom IP", _HOSTING, ("custom_fields", "server_ip"), "999.1.1.1", "location"),
    _gap("custom e-mail", _HOSTING, ("custom_fields", "contact"), "a@b..com", "email"),
)
"""Payloads the schema accepts and ticketcore rejects, with the rule's family."""

SCHEMA_ONLY: Final[tuple[tuple[Case, str], ...]] = (
    _gap("subject padded over its limit", _TECH, ("subject",), " " + "a" * 200, "raw length"),
    _gap("subject decomposed at its limit", _TECH, ("subject",), "e\u0301" * 200, "raw length"),
    _gap("message of CRLF lines", _HOSTING, ("message",), "a\r\n" * 170, "raw length"),
    _gap("choice padded", _HOSTING, ("custom_fields", "plan"), " Pro ", "raw choice"),
    _gap("pattern value padded", _HOSTING, ("custom_fields", "order_id"), " PED-1234", "raw"),
    _gap("priority in mathematical letters", _TECH, ("priority",), "\U0001d421igh", "fold"),
)
"""Payloads the schema rejects and ticketcore accepts, with the reason."""

Check = Callable[[Case], bool]
