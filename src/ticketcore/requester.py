"""`Requester`: who opened the ticket, with an e-mail address checked by email-validator."""

from __future__ import annotations

import functools
from typing import Final

import attrs
import email_validator

from ticketcore._check import Collector, check_text, normalize_text
from ticketcore.errors import Problem, TicketValidationError

__all__ = ["Requester"]

NAME_MAX_LENGTH: Final = 200
EMAIL_MAX_LENGTH: Final = 320
"""RFC 3696 errata 1690: 64 octets of local part, "@", 255 of domain."""


@functools.lru_cache(maxsize=4096)
def normalize_email(address: str, /) -> str | None:
    """Return *address* normalized by email-validator, or ``None`` when its syntax is invalid.

    Offline: no DNS query is made. Cached, because the same requesters write again and again,
    and the syntax check is the most expensive step of validating a ticket.
    """
    try:
        return email_validator.validate_email(address, check_deliverability=False).normalized
    except email_validator.EmailNotValidError:
        return None


def _normalize(value: str) -> str:
    text = normalize_text(value)
    if isinstance(text, str) and len(text) <= EMAIL_MAX_LENGTH:
        return normalize_email(text) or text
    return text


@attrs.frozen(kw_only=True)
class Requester:
    """The person who opened the ticket.

    The e-mail address is checked for syntax and normalized (the domain lowercased, Unicode
    NFC) without any network access; call `check_deliverability` to ask DNS whether the domain
    accepts mail.

    >>> Requester(name="Maria Silva", email="Maria@Example.COM.br").email
    'Maria@example.com.br'

    Attributes:
        name: The requester's name as they write it.
        email: The normalized e-mail address.
    """

    name: str = attrs.field(converter=normalize_text)
    email: str = attrs.field(converter=_normalize)

    def __attrs_post_init__(self) -> None:
        c = Collector()
        check_text(c, ("name",), self.name, max_length=NAME_MAX_LENGTH)
        before = len(c.problems)
        if (
            check_text(c, ("email",), self.email, max_length=EMAIL_MAX_LENGTH)
            and len(c.problems) == before
            and normalize_email(self.email) != self.email
        ):
            c.add(("email",), "invalid_email")
        c.raise_if_any()

    def check_deliverability(self, *, timeout: int = 15) -> None:
        """Ask DNS whether the e-mail domain accepts mail. This makes network queries.

        Raises:
            TicketValidationError: The domain does not accept mail (code
                ``undeliverable_email``, path ``$.email``).
        """
        try:
            email_validator.validate_email(self.email, check_deliverability=True, timeout=timeout)
        except email_validator.EmailNotValidError as exc:
            problem = Problem(path=("email",), code="undeliverable_email")
            raise TicketValidationError([problem]) from exc
