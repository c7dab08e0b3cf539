"""`Ticket`: a support ticket, valid and immutable from the moment it exists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import attrs

from ticketcore._check import (
    Collector,
    check_text,
    normalize_optional_text,
    normalize_text,
    preview,
)
from ticketcore._frozen import FrozenMap, freeze
from ticketcore.attachment import Attachment
from ticketcore.context import CONTEXTS, Context
from ticketcore.credentials import Credentials
from ticketcore.custom_field import CustomValue
from ticketcore.department import Department
from ticketcore.limits import DEFAULT_LIMITS, Limits
from ticketcore.location import Location
from ticketcore.priority import Priority
from ticketcore.requester import Requester

__all__ = ["Ticket"]

# Identifiers of a contracted service ("hosting-4711"); a free-text name would not find it.
SERVICE_MAX_LENGTH = 100


def _attachments(value: tuple[Attachment, ...] | list[Attachment]) -> tuple[Attachment, ...]:
    return tuple(value) if isinstance(value, list) else value


# Every priority, in order; most tickets are checked against it, so it is checked only once.
_ALL_PRIORITIES = tuple(Priority)


def _priorities(value: tuple[Priority, ...] | list[Priority]) -> tuple[Priority, ...]:
    if isinstance(value, (list, tuple)):
        value = tuple(value)
        return _ALL_PRIORITIES if value == _ALL_PRIORITIES else value
    return value


def _custom(value: Mapping[str, CustomValue]) -> FrozenMap[str, CustomValue]:
    return freeze(value) if isinstance(value, Mapping) else value


@attrs.frozen(kw_only=True)
class Ticket:
    r"""A support ticket. Construction validates every field and reports all problems at once.

    Text is stripped and NFC-normalized (line breaks become ``\n``); an empty optional text
    becomes ``None``. Change a ticket with `attrs.evolve`, which validates again.

    >>> from ticketcore import Department
    >>> sales = Department(id="sales", names={"en": "Sales"})
    >>> Ticket(department=sales, subject="  Plan upgrade ", message="Which plan has SSH?").subject
    'Plan upgrade'

    Attributes:
        department: Where the ticket goes; it decides which optional fields are required.
        subject: A one-line summary.
        message: The description, with the step-by-step to reproduce.
        priority: How soon it needs attention.
        service: The identifier of the related contracted service.
        location: The affected domain, IP or URL.
        credentials: Panel username and password, when support needs them to look.
        error_message: The exact error text, the most useful field of all.
        attachments: Screenshots and logs.
        requester: Who opened the ticket.
        custom_fields: Values of the department's custom fields, by field id.
        created_at: When the ticket was created (timezone-aware).
        limits: The sizes the ticket was checked against (not part of its value).
        priorities: The priorities offered, which `priority` must be one of (not part of its
            value; every priority by default).
        context: Who submitted it, which decides what was required (not part of its value).

    Raises:
        TicketValidationError: Every problem found, each with its path (``$.attachments[0].size``).
    """

    department: Department
    subject: str = attrs.field(converter=normalize_text)
    message: str = attrs.field(converter=normalize_text)
    priority: Priority = Priority.MEDIUM
    service: str | None = attrs.field(default=None, converter=normalize_optional_text)
    location: Location | None = None
    credentials: Credentials | None = None
    error_message: str | None = attrs.field(default=None, converter=normalize_optional_text)
    attachments: tuple[Attachment, ...] = attrs.field(default=(), converter=_attachments)
    requester: Requester | None = None
    custom_fields: FrozenMap[str, CustomValue] = attrs.field(factory=FrozenMap, converter=_custom)
    created_at: dt.datetime | None = None
    limits: Limits = attrs.field(default=DEFAULT_LIMITS, eq=False, repr=False)
    priorities: tuple[Priority, ...] = attrs.field(
        default=_ALL_PRIORITIES, converter=_priorities, eq=False, repr=False
    )
    context: Context = attrs.field(default="customer", eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        c = Collector()
        limits = self.limits
        if not isinstance(limits, Limits):
            c.wrong_type(("limits",), "Limits", limits)
            limits = DEFAULT_LIMITS
        if self.context not in CONTEXTS:
            c.add(("context",), "invalid_choice", choices=CONTEXTS, value=preview(self.context))
        department_ok = isinstance(self.department, Department)
        if not department_ok:
            c.wrong_type(("department",), "Department", self.department)
        check_text(
            c,
            ("subject",),
            self.subject,
            min_length=limits.subject_min_length,
            max_length=limits.subject_max_length,
        )
        check_text(
            c, ("message",), self.message, max_length=limits.message_max_length, multiline=True
        )
        offered = self.priorities
        offered_ok = isinstance(offered, tuple)
        if offered is _ALL_PRIORITIES:
            pass
        elif not offered_ok:
            c.wrong_type(("priorities",), "array", offered)
        elif not offered:
            c.add(("priorities",), "required")
            offered_ok = False
        else:
            for index, item in enumerate(offered):
                if not isinstance(item, Priority):
                    c.wrong_type(("priorities", index), "Priority", item)
                    offered_ok = False
        if not isinstance(self.priority, Priority):
            c.wrong_type(("priority",), "Priority", self.priority)
        elif offered_ok and self.priority not in offered:
            c.add(
                ("priority",),
                "invalid_choice",
                choices=tuple(p.value for p in offered),
                value=self.priority.value,
            )
        if self.service is not None:
            check_text(c, ("service",), self.service, max_length=SERVICE_MAX_LENGTH)
        for name, kind in (
            ("location", Location),
            ("credentials", Credentials),
            ("requester", Requester),
        ):
            value = getattr(self, name)
            if value is not None and not isinstance(value, kind):
                c.wrong_type((name,), kind.__name__, value)
        if self.error_message is not None:
            check_text(
                c,
                ("error_message",),
                self.error_message,
                max_length=limits.error_message_max_length,
                multiline=True,
            )
        self._check_attachments(c, limits)
        if self.created_at is not None:
            if not isinstance(self.created_at, dt.datetime):
                c.wrong_type(("created_at",), "datetime", self.created_at)
            elif self.created_at.utcoffset() is None:
                c.add(("created_at",), "naive_datetime")
        if department_ok:
            self._check_requirements(c)
            self._check_custom_fields(c)
        c.raise_if_any()

    def _check_attachments(self, c: Collector, limits: Limits) -> None:
        if not isinstance(self.attachments, tuple):
            c.wrong_type(("attachments",), "array", self.attachments)
            return
        if len(self.attachments) > limits.max_attachments:
            c.add(
                ("attachments",),
                "too_many",
                max=limits.max_attachments,
                actual=len(self.attachments),
            )
        for index, attachment in enumerate(self.attachments):
            path = ("attachments", index)
            if not isinstance(attachment, Attachment):
                c.wrong_type(path, "Attachment", attachment)
                continue
            if attachment.size > limits.max_attachment_size:
                c.add(
                    (*path, "size"),
                    "too_large",
                    max=limits.max_attachment_size,
                    actual=attachment.size,
                )
            if attachment.media_type not in limits.allowed_content_types:
                c.add(
                    (*path, "content_type"),
                    "not_allowed",
                    value=preview(attachment.media_type),
                    allowed=tuple(sorted(limits.allowed_content_types)),
                )
            if attachment.extension and attachment.extension not in limits.allowed_extensions:
                c.add(
                    (*path, "filename"),
                    "not_allowed",
                    value=preview(attachment.filename),
                    allowed=tuple(sorted(limits.allowed_extensions)),
                )

    def _check_requirements(self, c: Collector) -> None:
        if self.context not in CONTEXTS:
            return
        for field in sorted(self.department.required_fields(self.context)):
            value = getattr(self, field)
            if value is None or value == ():
                c.add((field,), "required")

    def _check_custom_fields(self, c: Collector) -> None:
        if not isinstance(self.custom_fields, Mapping):
            c.wrong_type(("custom_fields",), "object", self.custom_fields)
            return
        department = self.department
        normalized: dict[str, CustomValue] = {}
        for key, value in self.custom_fields.items():
            definition = department.custom_field(key) if isinstance(key, str) else None
            if definition is None:
                c.add(("custom_fields", str(key)), "unknown_field")
                continue
            normalized[key] = definition.normalize(value)  # type: ignore[assignment]
            c.extend(definition.check(normalized[key]), "custom_fields", key)
        if not c.problems:  # the value is final only once it is valid
            object.__setattr__(self, "custom_fields", freeze(normalized))
        if self.context not in CONTEXTS:  # already reported; it may not even be hashable
            return
        for definition in department.custom_fields:
            if self.context in definition.required and definition.id not in self.custom_fields:
                c.add(("custom_fields", definition.id), "required")

    @property
    def has_credentials(self) -> bool:
        """Whether the ticket carries credentials (their values stay secret)."""
        return self.credentials is not None
