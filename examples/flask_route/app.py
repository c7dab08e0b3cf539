"""A Flask app that accepts tickets and scores drafts with ticketcore.

Run it with ``flask --app app run`` from this directory, then::

    curl -i -X POST localhost:5000/tickets -H 'Accept-Language: pt-BR' \
         -H 'Content-Type: application/json' --data @../ticket.json

- ``POST /tickets`` answers 201 with the ticket in wire format (the password left out), or 422
  with every problem, each with its path, code and a message in the Accept-Language locale.
- ``POST /drafts/assess`` scores a ticket being typed (it may not validate yet) and answers the
  completeness report: score, what is missing, and a hint for each.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, request

import ticketcore

app = Flask(__name__)
app.json.sort_keys = False  # type: ignore[attr-defined]  # keep the wire format's key order
# ticketcore refuses documents over 4 MiB itself; Flask stops larger bodies before reading them.
app.config["MAX_CONTENT_LENGTH"] = 4 * 2**20


def request_locale() -> str:
    """The ticketcore locale the client prefers, from its Accept-Language header."""
    # Werkzeug matches "pt" and "pt-br" to "pt-BR", and ranks by quality.
    return request.accept_languages.best_match(ticketcore.LOCALES, default="en") or "en"


@app.post("/tickets")
def create_ticket() -> tuple[dict[str, Any], int]:
    """Validate the JSON body as a ticket: 201 with the ticket, or 422 with every problem."""
    # The raw body goes to ticketcore, which also refuses duplicate keys, NaN and bad UTF-8.
    try:
        ticket = ticketcore.from_json(request.get_data())
    except ticketcore.TicketValidationError as error:
        return {"detail": error.as_list(request_locale())}, 422
    # A real service stores the ticket here, with to_json(ticket, include_secrets=True).
    return ticketcore.to_dict(ticket), 201


@app.post("/drafts/assess")
def assess_draft() -> tuple[dict[str, Any], int]:
    """Score a draft, valid or not, for a form to show what is missing while the user types."""
    draft = request.get_json()  # Flask answers 400 or 415 when the body is not JSON
    if not isinstance(draft, dict):
        return {"detail": "a draft is a JSON object"}, 422
    report = ticketcore.assess(draft, locale=request_locale())
    return report.as_dict(), 200
