"""A Django form and view that build a ticket with ticketcore and show what it lacks.

One file, no project scaffold: the settings are configured in code. Run it with
``python tickets.py runserver`` from this directory and open http://127.0.0.1:8000/.

The form leaves every rule to ticketcore: it turns the fields into a wire-format draft, asks
`ticketcore.from_dict` for a ticket, and puts each problem under the form field its path points
at. Whether the ticket is valid or not, `ticketcore.assess` scores it, and the page lists the
hints for what is missing, in the browser's language.
"""

from __future__ import annotations

import sys
from typing import Any

from django.conf import settings

if not settings.configured:
    settings.configure(
        DEBUG=True,
        SECRET_KEY="example-only-not-secret",  # noqa: S106 (a demo; read it from the environment)
        ROOT_URLCONF=__name__,
        ALLOWED_HOSTS=["127.0.0.1", "localhost", "testserver"],
        USE_I18N=True,
        LANGUAGE_CODE="en",
        LANGUAGES=[("en", "English"), ("pt-br", "Português (Brasil)")],
        TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}],
    )

import django

django.setup()

from django import forms  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.template import engines  # noqa: E402
from django.urls import path  # noqa: E402
from django.utils import translation  # noqa: E402

import ticketcore  # noqa: E402

# The form fields that go into the wire format's "requester" object, and the reverse: the form
# field a problem's path points at, when it has another name than the wire key.
REQUESTER = {"requester_name": "name", "requester_email": "email"}
FORM_FIELD: dict[tuple[str | int, ...], str] = {
    ("requester", wire): field for field, wire in REQUESTER.items()
}


class TicketForm(forms.Form):
    """The ticket form. Its fields are all optional: ticketcore decides what is required."""

    department = forms.ChoiceField(
        required=False,
        choices=[(d.id, d.name("en")) for d in ticketcore.DEFAULT_RULES.departments],
    )
    subject = forms.CharField(required=False, strip=False)
    service = forms.CharField(required=False)
    priority = forms.ChoiceField(
        required=False, initial="medium", choices=[(p.value, p.value) for p in ticketcore.Priority]
    )
    message = forms.CharField(required=False, strip=False, widget=forms.Textarea)
    location = forms.CharField(required=False, help_text="The affected domain, URL or IP address")
    error_message = forms.CharField(required=False, widget=forms.Textarea)
    requester_name = forms.CharField(required=False)
    requester_email = forms.CharField(required=False)

    def __init__(self, *args: Any, locale: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.locale = locale
        self.draft: dict[str, Any] = {}
        self.ticket: ticketcore.Ticket | None = None
        self.report: ticketcore.CompletenessReport | None = None

    def clean(self) -> dict[str, Any]:
        """Build the ticket; put each ticketcore problem under the field it is about."""
        cleaned = super().clean() or {}
        self.draft = to_draft(cleaned)
        try:
            self.ticket = ticketcore.from_dict(self.draft)
        except ticketcore.TicketValidationError as error:
            for problem in error.problems:
                field = FORM_FIELD.get(problem.path[:2], problem.path[0] if problem.path else None)
                self.add_error(
                    field if field in self.fields else None, problem.message(self.locale)
                )
        # Valid or not, the form says what the ticket still lacks.
        self.report = ticketcore.assess(self.ticket or self.draft, locale=self.locale)
        return cleaned


def to_draft(fields: dict[str, Any]) -> dict[str, Any]:
    """The form's fields as a wire-format document; empty fields are left out."""
    draft = {key: value for key, value in fields.items() if value and key not in REQUESTER}
    requester = {wire: fields.get(key, "") for key, wire in REQUESTER.items()}
    if any(requester.values()):
        draft["requester"] = requester
    return draft


PAGE = engines["django"].from_string(
    """<!doctype html>
<title>New ticket</title>
{% if ticket %}<p class="created">Ticket created: {{ ticket.subject }}</p>{% endif %}
{% if report %}
<section class="completeness">
  <p>Completeness: <meter min="0" max="100" value="{{ report.score }}">{{ report.score }}</meter>
  {{ report.score }}/100</p>
  <ul>{% for finding in report.findings %}
    <li class="{{ finding.severity }}" data-code="{{ finding.code }}">
      {{ finding.message }} <small>{{ finding.hint }}</small></li>{% endfor %}
  </ul>
</section>
{% endif %}
<form method="post">{{ form.as_div }}<button>Send</button></form>
"""
)


def new_ticket(request: HttpRequest) -> HttpResponse:
    """Show the form; on POST, create the ticket or show every problem, and the hints."""
    locale = translation.get_language_from_request(request)  # "en" or "pt-br"
    form = TicketForm(request.POST or None, locale=locale)
    if request.method == "POST" and form.is_valid():
        # A real view stores form.ticket here and redirects.
        context = {"form": TicketForm(locale=locale), "ticket": form.ticket, "report": form.report}
        return HttpResponse(PAGE.render(context, request), status=201)
    status = 422 if form.is_bound else 200
    return HttpResponse(PAGE.render({"form": form, "report": form.report}, request), status=status)


urlpatterns = [path("", new_ticket)]

if __name__ == "__main__":
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
