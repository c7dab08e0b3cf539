"""The wire format: untrusted JSON in, a valid `Ticket` or every problem out; and back.

`from_dict` and `from_json` are the one door into the domain. They check the document's shape
with a strict cattrs converter (no coercion: ``"size": "12"`` is an error, not 12), then build
the domain types, and report every problem of both stages in one `TicketValidationError`, each
with the path of the offending value. `to_dict` and `to_json` write wire format v1, leaving the
password out unless asked.

A `Serializer` holds the converter and its caches; make one with `make_serializer` and reuse it.
The module-level functions use a shared serializer per set of options.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, TypeVar

import attrs
import cattrs
from cattrs.errors import ClassValidationError
from cattrs.gen import make_dict_structure_fn

from ticketcore._check import Collector, normalize_optional_text, preview, type_name
from ticketcore._convert import (
    InvalidError,
    array_of,
    object_of,
    parse_json,
    problems_of,
    strict,
)
from ticketcore._frozen import FrozenMap
from ticketcore._wire import (
    SCHEMA_VERSION,
    TICKET_KEYS,
    Scalar,
    WireAttachment,
    WireCredentials,
    WireRequester,
    WireTicket,
)
from ticketcore.attachment import Attachment
from ticketcore.context import Context
from ticketcore.credentials import Credentials
from ticketcore.department import Department
from ticketcore.errors import Problem, TicketValidationError
from ticketcore.location import Location
from ticketcore.priority import Priority
from ticketcore.requester import Requester
from ticketcore.rules import DEFAULT_RULES, RuleSet
from ticketcore.secret import Secret
from ticketcore.service import Service
from ticketcore.ticket import Ticket

__all__ = [
    "SCHEMA_VERSION",
    "Serializer",
    "from_dict",
    "from_json",
    "make_serializer",
    "to_dict",
    "to_json",
]

# NFC can shrink text (a letter and its combining accent become one character) but never by
# more than this factor, so a raw string this much longer than a limit is too long for sure
# and is refused before any normalization or validation work is spent on it.
_SHRINK_FACTOR: Final = 4

T = TypeVar("T")


def _by_id(services: Iterable[Service] | None) -> FrozenMap[str, Service] | None:
    if services is None or isinstance(services, FrozenMap):
        return services
    index: dict[str, Service] = {}
    for service in services:
        if not isinstance(service, Service):
            msg = f"services must be Service objects, not {type(service).__name__}"
            raise TypeError(msg)
        index[service.id] = service
    return FrozenMap(index)


def _scalar(value: object, _: object) -> Scalar:
    if type(value) not in (str, int, float, bool):
        raise InvalidError("wrong_type", expected_type="string", actual_type=type_name(value))
    return value  # type: ignore[return-value]


def _priority(value: object, _: object) -> str | int | None:
    if value is not None and type(value) not in (str, int):
        raise InvalidError("wrong_type", expected_type="string", actual_type=type_name(value))
    return value  # type: ignore[return-value]


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    converter.register_structure_hook(str, strict(str, "string"))
    converter.register_structure_hook(int, strict(int, "integer"))
    converter.register_structure_hook(float, strict(float, "number"))
    converter.register_structure_hook(bool, strict(bool, "boolean"))
    # cattrs lets None through for "X | None" and then dispatches on X.
    converter.register_structure_hook_func(lambda t: t == str | int | None, _priority)
    converter.register_structure_hook_func(lambda t: t == dict[str, Scalar], _scalars)
    for cls in (WireCredentials, WireAttachment, WireRequester, WireTicket):
        converter.register_structure_hook(cls, object_of(make_dict_structure_fn(cls, converter)))
    attachment = object_of(make_dict_structure_fn(WireAttachment, converter))
    converter.register_structure_hook_func(
        lambda t: t == list[WireAttachment], array_of(attachment, WireAttachment)
    )
    return converter


def _scalars(value: object, _: object) -> dict[str, Scalar]:
    if type(value) is not dict:
        raise InvalidError("wrong_type", expected_type="object", actual_type=type_name(value))
    bad = [
        Problem(
            path=(key,), code="wrong_type", params={"expected_type": "string", "actual_type": t}
        )
        for key, item in value.items()
        if (t := type_name(item)) not in ("string", "integer", "number", "boolean")
    ]
    if bad:
        raise TicketValidationError(bad)
    return value


@attrs.frozen
class Serializer:
    """Reads and writes wire format v1 under one rule set. Make it with `make_serializer`.

    A serializer is immutable and safe to share between threads; it caches the work it can
    reuse (the converter, parsed locations), bounded in size.

    Attributes:
        rules: The departments, priorities and limits tickets are checked against.
        context: Who submits the tickets read, which decides which fields are required.
        ignore_unknown: Whether keys the format does not know are skipped.
        services: The requester's services by id, when the related service is checked
            against them (see `with_services`); ``None`` checks nothing.
    """

    rules: RuleSet
    context: Context
    ignore_unknown: bool
    _converter: cattrs.Converter = attrs.field(repr=False)
    _location: Callable[[str], Location] = attrs.field(repr=False)
    services: FrozenMap[str, Service] | None = attrs.field(default=None, converter=_by_id)

    def with_services(self, services: Iterable[Service] | None, /) -> Serializer:
        """A serializer that also checks that a ticket's service is one of *services*, active.

        The host passes the requester's contracted services; a ticket naming another is refused
        (code ``unknown_service`` at ``$.service``), and one naming a suspended or cancelled
        service too (``inactive_service``). The converter and caches are shared.
        """
        return attrs.evolve(self, services=services)

    def from_dict(self, data: object, /) -> Ticket:
        """Build a `Ticket` from a wire-format document (a parsed JSON object).

        Raises:
            TicketValidationError: Every problem in *data*, each with its path.
        """
        if type(data) is not dict:
            raise TicketValidationError(
                [
                    Problem(
                        path=(),
                        code="wrong_type",
                        params={"expected_type": "object", "actual_type": type_name(data)},
                    )
                ]
            )
        if self.ignore_unknown:
            data = _known_keys(data)
        version = data.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION or type(version) is not int:
            raise TicketValidationError(
                [
                    Problem(
                        path=("schema_version",),
                        code="unsupported_version",
                        params={"value": preview(version), "supported": (str(SCHEMA_VERSION),)},
                    )
                ]
            )
        problems = self._too_long(data)
        broken = {str(p.path[0]) for p in problems}
        try:
            wire = self._structure(data, broken)
        except TicketValidationError as exc:
            problems = _merge(problems, list(exc.problems))
            broken.update(str(p.path[0]) for p in exc.problems if p.path)
            # Check the values of every key whose shape was right, so that one error lists
            # every problem: the broken keys are replaced by neutral stand-ins.
            try:
                wire = self._structure(_stand_ins(data, broken), broken)
            except TicketValidationError:
                raise TicketValidationError(problems) from None
        try:
            ticket = self._build(wire, broken)
        except TicketValidationError as exc:
            problems = _merge(problems, list(exc.problems))
            ticket = None
        if ticket is None or problems:
            raise TicketValidationError(problems)
        return ticket

    def _structure(self, data: dict[str, Any], broken: set[str]) -> WireTicket:
        if broken:
            data = _stand_ins(data, broken)
        try:
            return self._converter.structure(data, WireTicket)
        except (ClassValidationError, InvalidError) as exc:
            found: list[Problem] = []
            problems_of(exc, (), found)
            raise TicketValidationError(found) from None

    def from_json(self, text: str | bytes | bytearray, /) -> Ticket:
        """Parse a JSON document (text, or UTF-8 bytes) and build a `Ticket` from it.

        Raises:
            TicketValidationError: The document is not JSON (code ``invalid_json``), not UTF-8
                (``invalid_encoding``), too large or too deep, or does not validate.
        """
        return self.from_dict(parse_json(text))

    def to_dict(self, ticket: Ticket, /, *, include_secrets: bool = False) -> dict[str, Any]:
        """Write *ticket* as a wire-format document.

        Every key is written, ``null`` or empty when the ticket has no value. Passwords and
        secret custom fields are left out unless *include_secrets* is true.
        """
        credentials = ticket.credentials
        creds: dict[str, str] | None = None
        if credentials is not None:
            creds = {"username": credentials.username}
            if include_secrets:
                creds["password"] = credentials.password.reveal()
        custom: dict[str, Scalar] = {}
        for key, value in ticket.custom_fields.items():
            if isinstance(value, Secret):
                if include_secrets:
                    custom[key] = value.reveal()
            else:
                custom[key] = value
        requester = ticket.requester
        created_at = ticket.created_at
        return {
            "schema_version": SCHEMA_VERSION,
            "department": ticket.department.id,
            "subject": ticket.subject,
            "service": ticket.service,
            "priority": ticket.priority.value,
            "message": ticket.message,
            "location": ticket.location.text if ticket.location is not None else None,
            "credentials": creds,
            "error_message": ticket.error_message,
            "attachments": [
                {"filename": a.filename, "content_type": a.content_type, "size": a.size}
                for a in ticket.attachments
            ],
            "requester": (
                {"name": requester.name, "email": requester.email}
                if requester is not None
                else None
            ),
            "custom_fields": custom,
            "created_at": _format_datetime(created_at) if created_at is not None else None,
        }

    def to_json(self, ticket: Ticket, /, *, include_secrets: bool = False) -> str:
        """Write *ticket* as compact JSON text (UTF-8 characters kept, not escaped)."""
        return json.dumps(
            self.to_dict(ticket, include_secrets=include_secrets),
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def _too_long(self, data: Mapping[str, object]) -> list[Problem]:
        limits = self.rules.limits
        problems = []
        for key, limit in (
            ("subject", limits.subject_max_length),
            ("message", limits.message_max_length),
            ("error_message", limits.error_message_max_length),
        ):
            value = data.get(key)
            if type(value) is str and len(value) > limit * _SHRINK_FACTOR:
                problems.append(
                    Problem(
                        path=(key,), code="too_long", params={"max": limit, "actual": len(value)}
                    )
                )
        return problems

    def _build(self, wire: WireTicket, broken: set[str]) -> Ticket | None:
        """Build the ticket, or ``None`` when it fails only because of *broken* keys."""
        c = Collector()
        failed = set(broken)

        def part(name: str, make: Callable[[], T], *prefix: str | int) -> T | None:
            try:
                return make()
            except TicketValidationError as exc:
                c.extend(exc.problems, name, *prefix)
                failed.add(name)
                return None

        department = self.rules.department(wire.department)
        if "department" in failed:
            department = _PLACEHOLDER
        elif department is None:
            c.add(
                ("department",),
                "unknown_department",
                value=preview(wire.department),
                choices=self.rules.department_ids,
            )
            failed.add("department")
            department = _PLACEHOLDER
        offered = self.rules.priorities
        priority = (
            self.rules.default_priority
            if wire.priority is None
            else part("priority", functools.partial(_parse_priority, wire.priority, offered))
        )
        location = (
            None
            if wire.location is None
            else part("location", functools.partial(self._location, wire.location))
        )
        creds = wire.credentials
        credentials = (
            None
            if creds is None
            else part(
                "credentials",
                functools.partial(
                    Credentials,
                    username=creds.username,
                    password=Secret(creds.password),
                ),
            )
        )
        who = wire.requester
        requester = (
            None
            if who is None
            else part("requester", functools.partial(Requester, name=who.name, email=who.email))
        )
        attachments = []
        for index, item in enumerate(wire.attachments or ()):
            made = part(
                "attachments",
                functools.partial(
                    Attachment,
                    filename=item.filename,
                    content_type=item.content_type,
                    size=item.size,
                ),
                index,
            )
            if made is not None:
                attachments.append(made)
        created_at = None
        if wire.created_at is not None:
            created_at = part("created_at", functools.partial(_parse_datetime, wire.created_at))
        custom_fields: Mapping[str, Scalar] = wire.custom_fields or {}
        if "department" in failed:
            custom_fields = {}  # without the department, its custom fields are unknown
        try:
            ticket = Ticket(
                department=department,
                subject=wire.subject,
                message=wire.message,
                priority=priority or self.rules.default_priority,
                service=wire.service,
                location=location,
                credentials=credentials,
                error_message=wire.error_message,
                attachments=tuple(attachments),
                requester=requester,
                custom_fields=custom_fields,
                created_at=created_at,
                limits=self.rules.limits,
                priorities=offered,
                context=self.context,
            )
        except TicketValidationError as exc:
            # A part that failed was left out; what the ticket says about its absence is noise.
            c.extend(p for p in exc.problems if p.path[0] not in failed)
            ticket = None
        if self.services is not None and isinstance(wire.service, str):
            self._check_service(c, wire.service)
        c.raise_if_any()
        return ticket

    def _check_service(self, c: Collector, reference: str) -> None:
        """Check the ticket's service against the requester's, unless it is already refused."""
        if any(p.path[:1] == ("service",) for p in c.problems):
            return
        service_id = normalize_optional_text(reference)
        if service_id is None:
            return
        assert self.services is not None  # noqa: S101 (the caller checked)
        service = self.services.get(service_id)
        if service is None:
            c.add(
                ("service",),
                "unknown_service",
                value=preview(service_id),
                choices=tuple(sorted(self.services)),
            )
        elif not service.is_active:
            c.add(
                ("service",),
                "inactive_service",
                value=preview(service_id),
                status=service.status.value,
            )


def _parse_priority(value: str | int, offered: tuple[Priority, ...]) -> Priority:
    """Read a priority; an unknown one is reported with the priorities *offered* as choices."""
    try:
        return Priority.parse(value)
    except TicketValidationError as exc:
        raise TicketValidationError(
            [
                attrs.evolve(p, params={**p.params, "choices": tuple(o.value for o in offered)})
                if p.code == "invalid_choice"
                else p
                for p in exc.problems
            ]
        ) from None


_PLACEHOLDER: Final = Department(id="unknown", names={"en": "Unknown"})


# Valid values for required keys whose own problems were already reported.
_STAND_INS: Final = {"department": _PLACEHOLDER.id, "subject": "stand-in", "message": "stand-in"}


def _stand_ins(data: dict[str, Any], broken: set[str]) -> dict[str, Any]:
    result = {k: v for k, v in data.items() if k not in broken}
    result.update((k, v) for k, v in _STAND_INS.items() if k in broken)
    return result


def _merge(first: list[Problem], second: list[Problem]) -> list[Problem]:
    seen = {p.path for p in first}
    return [*first, *(p for p in second if p.path not in seen)]


def _keys(cls: type) -> frozenset[str]:
    return frozenset(field.name for field in attrs.fields(cls))


# The keys of each nested object, read from the wire classes that define the format.
_NESTED_KEYS: Final = {
    "credentials": _keys(WireCredentials),
    "requester": _keys(WireRequester),
}
_ATTACHMENT_KEYS: Final = _keys(WireAttachment)


def _only(keys: frozenset[str], value: object) -> object:
    if type(value) is dict:
        return {k: v for k, v in value.items() if k in keys}
    return value


def _known_keys(data: dict[str, Any]) -> dict[str, Any]:
    result = {k: v for k, v in data.items() if k in TICKET_KEYS}
    for key, names in _NESTED_KEYS.items():
        if key in result:
            result[key] = _only(names, result[key])
    attachments = result.get("attachments")
    if type(attachments) is list:
        result["attachments"] = [_only(_ATTACHMENT_KEYS, item) for item in attachments]
    return result


def _parse_datetime(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise TicketValidationError([Problem(path=(), code="invalid_datetime")]) from None
    if value.utcoffset() is None:
        raise TicketValidationError([Problem(path=(), code="naive_datetime")])
    return value


def _format_datetime(value: dt.datetime) -> str:
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def make_serializer(
    *,
    rules: RuleSet | None = None,
    context: Context = "customer",
    ignore_unknown: bool = False,
    location_cache_size: int = 4096,
    services: Iterable[Service] | None = None,
) -> Serializer:
    """Make a `Serializer` for *rules* (the default rule set when ``None``).

    Args:
        rules: The departments and limits tickets are checked against.
        context: Who submits the tickets read (``customer``, ``agent`` or ``import``), which
            decides which fields are required.
        ignore_unknown: Skip keys the format does not know instead of reporting each one
            (code ``unknown_field``), for readers of newer documents.
        location_cache_size: How many parsed locations to remember.
        services: The requester's services: a ticket's service must be one of them, and
            active (see `Serializer.with_services`). ``None`` checks nothing.
    """
    return Serializer(
        rules=DEFAULT_RULES if rules is None else rules,
        context=context,
        ignore_unknown=ignore_unknown,
        converter=_make_converter(),
        location=functools.lru_cache(maxsize=location_cache_size)(Location),
        services=services,
    )


@functools.lru_cache(maxsize=16)
def _shared(rules: RuleSet | None, context: Context, *, ignore_unknown: bool) -> Serializer:
    return make_serializer(rules=rules, context=context, ignore_unknown=ignore_unknown)


def from_dict(
    data: object,
    /,
    *,
    rules: RuleSet | None = None,
    context: Context = "customer",
    ignore_unknown: bool = False,
    services: Iterable[Service] | None = None,
) -> Ticket:
    """Build a `Ticket` from a wire-format document; see `Serializer.from_dict`.

    With *services* (the requester's services), the ticket's service must be one of them and
    active (codes ``unknown_service``, ``inactive_service``).

    >>> ticket = from_dict({"department": "sales", "subject": "Plano com SSH?",
    ...                     "message": "Qual plano tem acesso SSH?", "priority": "Alta"})
    >>> ticket.priority
    <Priority.HIGH: 'high'>

    Raises:
        TicketValidationError: Every problem in *data*, each with its path.
    """
    serializer = _shared(rules, context, ignore_unknown=ignore_unknown)
    if services is not None:
        serializer = serializer.with_services(services)
    return serializer.from_dict(data)


def from_json(
    text: str | bytes | bytearray,
    /,
    *,
    rules: RuleSet | None = None,
    context: Context = "customer",
    ignore_unknown: bool = False,
    services: Iterable[Service] | None = None,
) -> Ticket:
    """Parse JSON text and build a `Ticket`; see `Serializer.from_json` and `from_dict`."""
    serializer = _shared(rules, context, ignore_unknown=ignore_unknown)
    if services is not None:
        serializer = serializer.with_services(services)
    return serializer.from_json(text)


def to_dict(ticket: Ticket, /, *, include_secrets: bool = False) -> dict[str, Any]:
    """Write *ticket* as a wire-format document; see `Serializer.to_dict`."""
    return _shared(None, "customer", ignore_unknown=False).to_dict(
        ticket, include_secrets=include_secrets
    )


def to_json(ticket: Ticket, /, *, include_secrets: bool = False) -> str:
    """Write *ticket* as JSON text; see `Serializer.to_json`."""
    return _shared(None, "customer", ignore_unknown=False).to_json(
        ticket, include_secrets=include_secrets
    )
