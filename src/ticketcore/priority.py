"""Ticket priority, ordered from low to urgent, and the parser for other help desks' names."""

from __future__ import annotations

import enum
import functools
import unicodedata
from typing import Final

from ticketcore._check import preview, raise_one, type_name

__all__ = ["Priority"]


@functools.total_ordering
class Priority(enum.Enum):
    """How soon a ticket needs attention: ``LOW < MEDIUM < HIGH < URGENT``.

    The value is the canonical name written in the wire format.
    """

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    URGENT = "urgent"

    @property
    def rank(self) -> int:
        """1 for low up to 4 for urgent, the numbering Freshdesk and osTicket use."""
        return _RANKS[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Priority):
            return NotImplemented
        return self.rank < other.rank

    @classmethod
    def parse(cls, value: str | int, /) -> Priority:
        """Read a priority as other help desks and customers write it.

        Accepts the canonical names; ``normal`` (Zendesk, osTicket) as medium; ``emergency``,
        ``critical`` and ``highest`` as urgent; ``lowest`` as low; the numbers 1 to 4 (as int
        or text, Freshdesk and osTicket order); and Portuguese ``baixa``, ``média``/``media``,
        ``normal``, ``alta``, ``urgente``, ``emergência``, ``crítica``. Case, accents and outer
        spaces are ignored.

        >>> Priority.parse("Média")
        <Priority.MEDIUM: 'medium'>
        >>> Priority.parse(4)
        <Priority.URGENT: 'urgent'>

        Raises:
            TicketValidationError: *value* names no priority (code ``invalid_choice``), or is not
                a string or an integer (code ``wrong_type``).
        """
        if isinstance(value, Priority):
            return value
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise_one((), "wrong_type", expected_type="string", actual_type=type_name(value))
        # An integer too long to write as text is no rank either (str() would raise).
        key = _fold(value if isinstance(value, str) else str(value) if -9 < value < 9 else "")
        try:
            return _ALIASES[key]
        except KeyError:
            raise_one(
                (),
                "invalid_choice",
                choices=tuple(p.value for p in Priority),
                value=preview(value),
            )


_RANKS: Final = {Priority.LOW: 1, Priority.MEDIUM: 2, Priority.HIGH: 3, Priority.URGENT: 4}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_ALIASES: Final[dict[str, Priority]] = {
    _fold(name): priority
    for priority, names in {
        Priority.LOW: ("low", "lowest", "1", "baixa"),
        Priority.MEDIUM: ("medium", "normal", "2", "média", "moderate"),
        Priority.HIGH: ("high", "3", "alta"),
        Priority.URGENT: (
            "urgent",
            "emergency",
            "critical",
            "highest",
            "4",
            "urgente",
            "emergência",
            "crítica",
        ),
    }.items()
    for name in names
}
