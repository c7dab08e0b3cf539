"""Fuzz `ticketcore.from_dict`: any value gives a `Ticket` or a `TicketValidationError`.

Run by hand: ``python fuzz/fuzz_from_dict.py`` (see ``fuzz/README.md``).
"""

from __future__ import annotations

from _fuzzdata import Draw, main, ticket_document
from fuzz_from_json import check_error, check_ticket

from ticketcore import CONTEXTS, TicketValidationError, from_dict


def one_input(data: bytes) -> None:
    """Feed a drawn value, or a mutated valid ticket, to from_dict in any context."""
    draw = Draw(data)
    context = draw.choice(CONTEXTS)
    ignore_unknown = draw.below(4) == 0
    document = ticket_document(draw)
    try:
        ticket = from_dict(document, context=context, ignore_unknown=ignore_unknown)
    except TicketValidationError as error:
        check_error(error)
    else:
        if context == "customer":
            check_ticket(ticket)


if __name__ == "__main__":
    main(one_input)
