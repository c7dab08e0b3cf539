"""Private validation helpers: a problem collector and the checks shared by the domain types.

Converters in the domain types are total (they never raise): they normalize what they can and
leave anything else for these checks, which report *every* problem with its path instead of
stopping at the first.
"""

from __future__ import annotations

import re
import reprlib
import unicodedata
from collections.abc import Iterable
from typing import Final, NoReturn, Protocol

from ticketcore._escape import visible
from ticketcore.errors import ParamValue, Path, Problem, TicketValidationError

# Characters a single-line field may never hold. C0 and C1 controls corrupt logs and terminals;
# newline and tab are allowed only in multi-line text. Checked with one regex pass (linear time).
_CONTROL_MULTILINE: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_SINGLE_LINE: Final = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")
# Bidirectional overrides make "gpj.exe" display as "exe.jpg": refused in file names.
_BIDI_OVERRIDE: Final = re.compile(r"[\u202a-\u202e\u2066-\u2069]")

JSON_TYPE_NAMES: Final = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    dict: "object",
    list: "array",
    tuple: "array",
    type(None): "null",
}


def type_name(value: object, /) -> str:
    """The JSON name of *value*'s type when it has one, else its Python class name."""
    return JSON_TYPE_NAMES.get(type(value), type(value).__name__)


class Collector:
    """Gathers problems under a path prefix and raises them all together."""

    __slots__ = ("problems",)

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: Path, code: str, /, **params: ParamValue) -> None:
        """Record one problem."""
        self.problems.append(Problem(path=path, code=code, params=params))

    def extend(self, problems: Iterable[Problem], /, *prefix: str | int) -> None:
        """Record *problems* found in a part, under *prefix*."""
        self.problems.extend(p.with_prefix(*prefix) if prefix else p for p in problems)

    def wrong_type(self, path: Path, expected: str, value: object, /) -> None:
        """Record that *value* at *path* is not of the *expected* type."""
        self.add(path, "wrong_type", expected_type=expected, actual_type=type_name(value))

    def raise_if_any(self) -> None:
        """Raise a `TicketValidationError` with every problem collected, if any."""
        if self.problems:
            raise TicketValidationError(self.problems)


def raise_one(path: Path, code: str, /, **params: ParamValue) -> NoReturn:
    """Raise a `TicketValidationError` with a single problem."""
    raise TicketValidationError([Problem(path=path, code=code, params=params)])


def normalize_text(value: str, /) -> str:
    r"""Return *value* NFC-normalized, with line breaks as ``\\n`` and outer whitespace stripped.

    Anything that is not a string is returned as it is, for the checks to report.
    """
    raw: object = value
    if not isinstance(raw, str):
        return value
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.strip()
    if value.isascii():
        return value
    if _SURROGATE.search(value):  # NFC of a lone surrogate is meaningless; report it as is
        return value
    return unicodedata.normalize("NFC", value)


def normalize_optional_text(value: str | None, /) -> str | None:
    """Like `normalize_text`, but a blank string becomes ``None`` (an empty form field)."""
    if value is None:
        return None
    result = normalize_text(value)
    return None if isinstance(result, str) and not result else result


def check_text(
    c: Collector,
    path: Path,
    value: object,
    /,
    *,
    min_length: int = 1,
    max_length: int,
    multiline: bool = False,
) -> bool:
    """Check a normalized text value; return whether it is a string at all.

    Lengths count characters (code points) after normalization, as JSON Schema's ``maxLength``
    does, so the exported schema and this check agree.
    """
    if not isinstance(value, str):
        c.wrong_type(path, "string", value)
        return False
    length = len(value)
    if length == 0 and min_length > 0:
        c.add(path, "blank")
    elif length < min_length:
        c.add(path, "too_short", min=min_length, actual=length)
    elif length > max_length:
        c.add(path, "too_long", max=max_length, actual=length)
    if value.isascii():
        control = (_CONTROL_MULTILINE if multiline else _CONTROL_SINGLE_LINE).search(value)
    else:
        if surrogate := _SURROGATE.search(value):
            c.add(path, "invalid_unicode", position=surrogate.start())
        control = (_CONTROL_MULTILINE if multiline else _CONTROL_SINGLE_LINE).search(value)
    if control:
        c.add(path, "control_character", position=control.start())
    return True


def has_bidi_override(value: str, /) -> bool:
    """Whether *value* holds a bidirectional override character."""
    return not value.isascii() and _BIDI_OVERRIDE.search(value) is not None


class _ShortRepr(reprlib.Repr):
    """A ``repr`` bounded in depth and length, for values a caller's code may nest or grow.

    A list nested 100,000 deep or an integer of a million digits is previewed, rather than
    raising `RecursionError` or `ValueError`.
    """

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() > _PREVIEW_MAX_BITS:
            return f"{'-' if x < 0 else ''}~1e{int(x.bit_length() * 0.30103)}"
        return super().repr_int(x, level)


_PREVIEW_MAX_BITS: Final = 256
_SHORT_REPR: Final = _ShortRepr()
_SHORT_REPR.maxlevel = 3
_SHORT_REPR.maxother = 60


def preview(value: object, /, limit: int = 60) -> str:
    r"""A short, visibly shortened rendering of an offending value for a message.

    Control characters, direction overrides and lone surrogates are escaped (``\n``), so
    that the message stays one readable line that encodes as UTF-8.
    """
    text = visible(value if isinstance(value, str) else _SHORT_REPR.repr(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


IDENTIFIER_MAX_LENGTH: Final = 64
# Identifiers (departments, services, custom fields) travel in URLs, JSON keys and CSS classes:
# lowercase ASCII keeps them unambiguous everywhere.
_IDENTIFIER: Final = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")


def check_identifier(c: Collector, path: Path, value: object, /) -> None:
    """Check a slug-like identifier (``technical-support``, ``hosting-4711``, ``order_id``)."""
    if not isinstance(value, str):
        c.wrong_type(path, "string", value)
    elif len(value) > IDENTIFIER_MAX_LENGTH or not _IDENTIFIER.match(value):
        c.add(path, "invalid_identifier", value=preview(value), max=IDENTIFIER_MAX_LENGTH)


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


def check_parts(
    c: Collector, name: str, parts: object, kind: type[_Identified], expected: str, /
) -> None:
    """Check that *parts* is a tuple of *kind* instances, no two with the same ``id``."""
    if not isinstance(parts, tuple):
        c.wrong_type((name,), "array", parts)
        return
    seen: set[str] = set()
    for index, part in enumerate(parts):
        if not isinstance(part, kind):
            c.wrong_type((name, index), expected, part)
        elif part.id in seen:
            c.add((name, index, "id"), "duplicate", value=preview(part.id))
        else:
            seen.add(part.id)
