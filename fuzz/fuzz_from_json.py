"""Fuzz `ticketcore.from_json`: any bytes or text gives a `Ticket` or a `TicketValidationError`.

Run by hand: ``python fuzz/fuzz_from_json.py`` (see ``fuzz/README.md``).
"""

from __future__ import annotations

import json

from _fuzzdata import VALID_TICKETS, Draw, main, require, ticket_document

from ticketcore import Ticket, TicketValidationError, from_json, to_json


def check_error(error: TicketValidationError) -> None:
    """An error must list problems that render in every locale and as JSON."""
    require(bool(error.problems), "an error without problems")
    str(error)
    error.messages("pt-BR")
    json.dumps(error.as_list("en"))


def check_ticket(ticket: Ticket) -> None:
    """A ticket read from JSON survives a round trip through the wire format."""
    text = to_json(ticket, include_secrets=True)
    require(from_json(text) == ticket, f"round trip changed the ticket: {text}")


def one_input(data: bytes) -> None:
    """Feed *data* to from_json, as bytes, text, a mutated valid document or a drawn one."""
    draw = Draw(data)
    mode = draw.below(4)
    payload: str | bytes
    if mode == 0:
        payload = draw.rest()
    elif mode == 1:
        payload = draw.rest().decode("utf-8", "surrogateescape")
    elif mode == 2:
        payload = draw.mutate_bytes(json.dumps(draw.choice(VALID_TICKETS)).encode())
    else:
        try:
            payload = json.dumps(
                ticket_document(draw), default=repr, ensure_ascii=draw.below(2) == 0
            )
        except (RecursionError, ValueError):  # json itself cannot write it: nothing to test
            return
    try:
        ticket = from_json(payload)
    except TicketValidationError as error:
        check_error(error)
    else:
        check_ticket(ticket)


if __name__ == "__main__":
    main(one_input)
