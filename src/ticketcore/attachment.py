"""`Attachment`: the description of a file a customer attaches (a screenshot, a log)."""

from __future__ import annotations

import re
from typing import Final

import attrs

from ticketcore._check import (
    Collector,
    check_text,
    has_bidi_override,
    normalize_text,
    preview,
)

__all__ = ["EXECUTABLE_EXTENSIONS", "Attachment"]

FILENAME_MAX_LENGTH: Final = 255
"""Longest file name, the limit of common file systems."""

CONTENT_TYPE_MAX_LENGTH: Final = 255
"""Longest media type with its parameters (RFC 6838 allows 127 characters for each name)."""

EXECUTABLE_EXTENSIONS: Final = frozenset(
    {
        "exe", "com", "bat", "cmd", "scr", "pif", "msi", "msp", "dll", "cpl", "jar", "vbs",
        "vbe", "js", "jse", "wsf", "wsh", "ps1", "psm1", "hta", "lnk", "reg", "sh", "bash",
        "command", "app", "apk", "deb", "rpm", "run", "bin", "elf", "dmg", "pkg", "iso",
    }
)  # fmt: skip
"""Extensions refused whatever the rules allow: agents must never be led to run a file."""

# RFC 6838 section 4.2: type "/" subtype, restricted-name characters; parameters may follow ";".
_MEDIA_TYPE: Final = re.compile(
    r"[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}"
)
_PATH_SEPARATORS: Final = ("/", "\\")


def _normalize_content_type(value: str) -> str:
    raw: object = value
    if not isinstance(raw, str):
        return value
    return ";".join(part.strip() for part in value.strip().lower().split(";"))


@attrs.frozen(kw_only=True)
class Attachment:
    """A file attached to a ticket, described by name, media type and size (not its content).

    Attributes:
        filename: The file's name, without any directory part (``erro.png``).
        content_type: Its media type, lowercased (``image/png``); parameters are kept.
        size: Its size in bytes.

    Raises:
        TicketValidationError: The name is unsafe (path separators, ``..``, control or
            direction-override characters), names an executable, or a value has the wrong type.
            Which types and sizes a ticket accepts is the ticket's `Limits`' business.
    """

    filename: str = attrs.field(converter=normalize_text)
    content_type: str = attrs.field(converter=_normalize_content_type)
    size: int

    def __attrs_post_init__(self) -> None:
        c = Collector()
        if check_text(c, ("filename",), self.filename, max_length=FILENAME_MAX_LENGTH):
            name = self.filename
            if (
                any(sep in name for sep in _PATH_SEPARATORS)
                or ".." in name
                or has_bidi_override(name)
            ):
                c.add(("filename",), "invalid_filename")
            elif self.extension in EXECUTABLE_EXTENSIONS:
                c.add(("filename",), "executable_not_allowed", value=preview(name))
        before = len(c.problems)
        if (
            check_text(c, ("content_type",), self.content_type, max_length=CONTENT_TYPE_MAX_LENGTH)
            and len(c.problems) == before
            and not _MEDIA_TYPE.fullmatch(self.media_type)
        ):
            c.add(("content_type",), "invalid_content_type", value=preview(self.content_type))
        if not isinstance(self.size, int) or isinstance(self.size, bool):
            c.wrong_type(("size",), "integer", self.size)
        elif self.size < 0:
            c.add(("size",), "too_small", min=0, actual=self.size)
        c.raise_if_any()

    @property
    def extension(self) -> str:
        """The lowercased extension without the dot (``"png"``), or ``""`` when there is none.

        Trailing dots and spaces are ignored, as Windows ignores them: ``virus.exe.`` runs.
        """
        stem, dot, ext = self.filename.rstrip(". ").rpartition(".")
        return ext.lower() if dot and stem else ""

    @property
    def media_type(self) -> str:
        """The media type without parameters (``text/plain`` for ``text/plain; charset=utf-8``)."""
        return self.content_type.split(";", 1)[0]
