"""What the scorer reads of a ticket or of a draft: its text fields, read leniently.

A draft is a form being typed: any mapping in the wire format, with keys missing, values of
the wrong type, or text that would not validate. The scorer judges what is there and never
raises on content, so a value of the wrong type reads as absent (validation reports it).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from ticketcore.department import Department
from ticketcore.ticket import Ticket

__all__ = ["Draft"]


@attrs.frozen(kw_only=True)
class Draft:
    """The fields of a ticket or draft that completeness is judged on."""

    department_id: str | None = None
    department: Department | None = None
    subject: str = ""
    message: str = ""
    location: str | None = None
    error_message: str | None = None
    service: str | None = None
    attachments: tuple[tuple[str, str], ...] = ()
    """Each attachment's file name and media type (empty when not a string)."""

    @classmethod
    def of(cls, value: Ticket | Mapping[str, object], /) -> Draft:
        """Read *value*, a `Ticket` or a wire-format mapping.

        Raises:
            TypeError: *value* is neither (a programming error, not a content problem).
        """
        if isinstance(value, Ticket):
            return cls(
                department_id=value.department.id,
                department=value.department,
                subject=value.subject,
                message=value.message,
                location=None if value.location is None else value.location.text,
                error_message=value.error_message,
                service=value.service,
                attachments=tuple((a.filename, a.content_type) for a in value.attachments),
            )
        if isinstance(value, Mapping):
            return cls(
                department_id=_text(value.get("department")),
                subject=_text(value.get("subject")) or "",
                message=_text(value.get("message")) or "",
                location=_text(value.get("location")),
                error_message=_text(value.get("error_message")),
                service=_text(value.get("service")),
                attachments=_attachments(value.get("attachments")),
            )
        msg = f"assess() takes a Ticket or a mapping, not {type(value).__name__}"
        raise TypeError(msg)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _attachments(value: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list | tuple):
        return ()
    return tuple(
        (_text(item.get("filename")) or "", _text(item.get("content_type")) or "")
        for item in value
        if isinstance(item, Mapping)
    )
