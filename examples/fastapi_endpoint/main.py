"""A FastAPI service that accepts tickets and scores drafts with ticketcore.

Run it with ``uvicorn main:app`` from this directory, then::

    curl -i -X POST localhost:8000/tickets -H 'Accept-Language: pt-BR' \
         -H 'Content-Type: application/json' --data @../ticket.json

- ``POST /tickets`` answers 201 with the ticket in wire format (the password left out), or 422
  with every problem, each with its path, code and a message in the Accept-Language locale.
- ``POST /drafts/assess`` scores a ticket being typed (it may not validate yet) and answers the
  completeness report: score, what is missing, and a hint for each.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Body, FastAPI, Header, Request
from fastapi.responses import JSONResponse

import ticketcore

app = FastAPI(title="Help desk")


def negotiate_locale(accept_language: str | None) -> str:
    """Pick the ticketcore locale the client prefers (``en`` unless it asks for Portuguese).

    >>> negotiate_locale("pt-BR,pt;q=0.9,en;q=0.8")
    'pt-BR'
    >>> negotiate_locale("fr-CA, en;q=0.5")
    'en'
    """
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate((accept_language or "").split(",")):
        tag, _, options = item.strip().partition(";")
        try:
            quality = float(options.strip().removeprefix("q=") or 1)
        except ValueError:
            continue
        # "pt", "pt-br" and "pt_BR" all mean the pt-BR catalog; "en-US" means en.
        language = tag.strip().replace("_", "-").split("-")[0].lower()
        ranked.extend(
            (-quality, position, locale)
            for locale in ticketcore.LOCALES
            if quality > 0 and locale.split("-")[0].lower() == language
        )
    return min(ranked)[2] if ranked else "en"


Locale = Annotated[str, Header(alias="Accept-Language")]


@app.post("/tickets", status_code=201)
async def create_ticket(request: Request, accept_language: Locale = "en") -> JSONResponse:
    """Validate the JSON body as a ticket: 201 with the ticket, or 422 with every problem."""
    locale = negotiate_locale(accept_language)
    # The raw body goes to ticketcore, which also refuses duplicate keys, NaN and huge documents.
    try:
        ticket = ticketcore.from_json(await request.body())
    except ticketcore.TicketValidationError as error:
        return JSONResponse({"detail": error.as_list(locale)}, status_code=422)
    # A real service stores the ticket here, with to_json(ticket, include_secrets=True).
    return JSONResponse(ticketcore.to_dict(ticket), status_code=201)


@app.post("/drafts/assess")
def assess_draft(
    draft: Annotated[dict[str, Any], Body()], accept_language: Locale = "en"
) -> dict[str, Any]:
    """Score a draft, valid or not, for a form to show what is missing while the user types."""
    report = ticketcore.assess(draft, locale=negotiate_locale(accept_language))
    return report.as_dict()
