"""`Limits`: the configurable sizes a ticket must respect (lengths, attachments)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs

from ticketcore._check import Collector

__all__ = ["DEFAULT_LIMITS", "MIB", "Limits"]

MIB: Final = 1024 * 1024

# Screenshots, documents and logs: what a support agent opens safely to see a problem.
_CONTENT_TYPES: Final = frozenset(
    {
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
        "application/pdf",
        "text/plain",
        "text/csv",
        "application/zip",
        "application/x-zip-compressed",  # what Windows browsers send for .zip
    }
)
_EXTENSIONS: Final = frozenset(
    {"png", "jpg", "jpeg", "gif", "webp", "pdf", "txt", "log", "csv", "zip"}
)


def _names(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, Iterable) and not isinstance(value, str):
        try:
            return frozenset(value)
        except TypeError:  # unhashable items: left for the checks to report
            pass
    return value  # type: ignore[return-value]  # left for the checks to report


@attrs.frozen(kw_only=True)
class Limits:
    """Sizes a ticket must respect. Lengths count characters after normalization.

    Attributes:
        subject_min_length: Shortest subject (a subject of one or two letters says nothing).
        subject_max_length: Longest subject.
        message_max_length: Longest message (64 KiB of characters by default).
        error_message_max_length: Longest error message (8 KiB of characters by default).
        text_max_length: Longest short text (names, usernames, service references, custom text).
        max_attachments: How many files a ticket may carry.
        max_attachment_size: Largest file, in bytes.
        allowed_content_types: Media types accepted for attachments.
        allowed_extensions: File name extensions accepted for attachments (lowercase, no dot).
    """

    subject_min_length: int = 3
    subject_max_length: int = 200
    message_max_length: int = 65_536
    error_message_max_length: int = 8_192
    text_max_length: int = 200
    max_attachments: int = 10
    max_attachment_size: int = 25 * MIB
    allowed_content_types: frozenset[str] = attrs.field(default=_CONTENT_TYPES, converter=_names)
    allowed_extensions: frozenset[str] = attrs.field(default=_EXTENSIONS, converter=_names)

    def __attrs_post_init__(self) -> None:
        c = Collector()
        for field in attrs.fields(Limits):
            value = getattr(self, field.name)
            if isinstance(field.default, int):
                if not isinstance(value, int) or isinstance(value, bool):
                    c.wrong_type((field.name,), "integer", value)
                elif value < 0:
                    c.add((field.name,), "too_small", min=0, actual=value)
            elif not isinstance(value, (frozenset, list, tuple)):
                c.wrong_type((field.name,), "array", value)
            else:  # a list or tuple is left only when its items could not form a set
                for item in value:
                    if not isinstance(item, str):
                        c.wrong_type((field.name,), "string", item)
                        break
        if (
            isinstance(self.subject_min_length, int)
            and isinstance(self.subject_max_length, int)
            and self.subject_max_length < self.subject_min_length
        ):
            c.add(
                ("subject_max_length",),
                "invalid_range",
                min=self.subject_min_length,
                actual=self.subject_max_length,
            )
        c.raise_if_any()


DEFAULT_LIMITS: Final = Limits()
"""The limits used when none are given: subject of 3 to 200 characters, 10 files of 25 MiB."""
