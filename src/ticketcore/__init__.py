"""Model, validate and judge the completeness of help-desk support tickets.

>>> import ticketcore
>>> ticketcore.Priority.parse("urgente")
<Priority.URGENT: 'urgent'>
"""

from ticketcore._criteria import DEFAULT_WEIGHTS, FINDING_CODES
from ticketcore._version import __version__
from ticketcore.attachment import Attachment
from ticketcore.completeness import (
    CompletenessReport,
    Evidence,
    Finding,
    Satisfied,
    assess,
)
from ticketcore.context import CONTEXTS, Context
from ticketcore.credentials import Credentials
from ticketcore.custom_field import CustomField, CustomValue, FieldKind
from ticketcore.department import Department
from ticketcore.errors import (
    Problem,
    TicketcoreError,
    TicketValidationError,
    UnsupportedLocaleError,
    render_path,
)
from ticketcore.i18n import LOCALES, messages
from ticketcore.limits import DEFAULT_LIMITS, Limits
from ticketcore.location import Location, LocationKind
from ticketcore.priority import Priority
from ticketcore.redact import RedactedText, Redaction, RedactionKind, redact
from ticketcore.requester import Requester
from ticketcore.rules import DEFAULT_RULES, RuleSet
from ticketcore.schema import json_schema
from ticketcore.secret import Secret
from ticketcore.serialize import (
    SCHEMA_VERSION,
    Serializer,
    from_dict,
    from_json,
    make_serializer,
    to_dict,
    to_json,
)
from ticketcore.service import Service, ServiceKind, ServiceStatus
from ticketcore.ticket import Ticket

__all__ = [
    "CONTEXTS",
    "DEFAULT_LIMITS",
    "DEFAULT_RULES",
    "DEFAULT_WEIGHTS",
    "FINDING_CODES",
    "LOCALES",
    "SCHEMA_VERSION",
    "Attachment",
    "CompletenessReport",
    "Context",
    "Credentials",
    "CustomField",
    "CustomValue",
    "Department",
    "Evidence",
    "FieldKind",
    "Finding",
    "Limits",
    "Location",
    "LocationKind",
    "Priority",
    "Problem",
    "RedactedText",
    "Redaction",
    "RedactionKind",
    "Requester",
    "RuleSet",
    "Satisfied",
    "Secret",
    "Serializer",
    "Service",
    "ServiceKind",
    "ServiceStatus",
    "Ticket",
    "TicketValidationError",
    "TicketcoreError",
    "UnsupportedLocaleError",
    "__version__",
    "assess",
    "from_dict",
    "from_json",
    "json_schema",
    "make_serializer",
    "messages",
    "redact",
    "render_path",
    "to_dict",
    "to_json",
]
