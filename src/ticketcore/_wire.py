"""Private: the wire format v1 as plain attrs classes, which cattrs structures with strict types.

These classes only describe the *shape* of the JSON document; the domain types validate the
values. Keeping the two apart means the business model never bends to the format, and a future
format version gets its own classes.
"""

from __future__ import annotations

from typing import Final, TypeAlias

import attrs

SCHEMA_VERSION: Final = 1
"""The wire format version written on output; documents without one are read as version 1."""

Scalar: TypeAlias = str | int | float | bool


@attrs.define
class WireCredentials:
    username: str
    password: str


@attrs.define
class WireAttachment:
    filename: str
    content_type: str
    size: int


@attrs.define
class WireRequester:
    name: str
    email: str


@attrs.define
class WireTicket:
    department: str
    subject: str
    message: str
    schema_version: int = SCHEMA_VERSION
    priority: str | int | None = None
    service: str | None = None
    location: str | None = None
    credentials: WireCredentials | None = None
    error_message: str | None = None
    attachments: list[WireAttachment] | None = None
    requester: WireRequester | None = None
    custom_fields: dict[str, Scalar] | None = None
    created_at: str | None = None


TICKET_KEYS: Final = frozenset(a.name for a in attrs.fields(WireTicket))
