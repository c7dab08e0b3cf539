"""`Service`: a service the customer has contracted (hosting, a domain, a VPS …)."""

from __future__ import annotations

import enum
from typing import Final

import attrs

from ticketcore._check import Collector, check_identifier, check_text, normalize_text
from ticketcore.location import Location

__all__ = ["Service", "ServiceKind", "ServiceStatus"]

NAME_MAX_LENGTH: Final = 200


class ServiceKind(enum.Enum):
    """What a contracted service is."""

    HOSTING = "hosting"
    DOMAIN = "domain"
    VPS = "vps"
    DEDICATED = "dedicated"
    EMAIL = "email"
    STREAMING = "streaming"
    SSL = "ssl"
    BACKUP = "backup"
    OTHER = "other"


class ServiceStatus(enum.Enum):
    """Whether a service is running; support treats a suspended service differently."""

    ACTIVE = "active"
    SUSPENDED = "suspended"
    CANCELLED = "cancelled"


@attrs.frozen(kw_only=True)
class Service:
    """A customer's contracted service, as the host application's records describe it.

    Tickets refer to a service by `id`; the host passes its `Service` records to
    `ticketcore.from_dict` to check that reference.

    Attributes:
        id: The service's identifier (``hosting-4711``).
        name: Its display name (``Hospedagem Plus - meusite.com.br``).
        kind: What it is.
        location: Where it lives (its main domain or server address), when it has one.
        status: Whether it is active, suspended or cancelled.
    """

    id: str
    name: str = attrs.field(converter=normalize_text)
    kind: ServiceKind = ServiceKind.OTHER
    location: Location | None = None
    status: ServiceStatus = ServiceStatus.ACTIVE

    def __attrs_post_init__(self) -> None:
        c = Collector()
        check_identifier(c, ("id",), self.id)
        check_text(c, ("name",), self.name, max_length=NAME_MAX_LENGTH)
        if not isinstance(self.kind, ServiceKind):
            c.wrong_type(("kind",), "ServiceKind", self.kind)
        if self.location is not None and not isinstance(self.location, Location):
            c.wrong_type(("location",), "Location", self.location)
        if not isinstance(self.status, ServiceStatus):
            c.wrong_type(("status",), "ServiceStatus", self.status)
        c.raise_if_any()

    @property
    def is_active(self) -> bool:
        """Whether the service is active."""
        return self.status is ServiceStatus.ACTIVE
