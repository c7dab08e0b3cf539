"""The error model: every problem has a path, a stable code, parameters and localized messages.

A `TicketValidationError` carries *all* the problems found in one input, so that a person filling
a form learns everything to fix at once. Each `Problem` is a small value object: it pickles, it
compares by value, and it renders its message in any supported locale from the message catalogs
(see `ticketcore.messages`), which frontends in other languages can load too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, TypeAlias

import attrs

from ticketcore._escape import visible
from ticketcore._frozen import FrozenMap, freeze

__all__ = [
    "ParamValue",
    "Path",
    "PathItem",
    "Problem",
    "TicketValidationError",
    "TicketcoreError",
    "UnsupportedLocaleError",
    "render_path",
]

PathItem: TypeAlias = str | int
"""One step into a document: a key name or a list index."""

Path: TypeAlias = tuple[PathItem, ...]
"""Where a problem is, from the root of the validated document; ``()`` is the root itself."""

ParamValue: TypeAlias = str | int | float | bool | tuple[str, ...] | None
"""A rule parameter carried by a problem (a limit, the length that arrived, the allowed values)."""

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def render_path(path: Path, /) -> str:
    """Render *path* as a JSONPath-like string, as frontends and logs show it.

    >>> render_path(("attachments", 0, "filename"))
    '$.attachments[0].filename'
    >>> render_path(("custom_fields", "order id"))
    '$.custom_fields["order id"]'

    Quoted keys are escaped as JSON strings are, so a key holding a line break cannot forge a
    log line.
    """
    parts = ["$"]
    for item in path:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif _IDENTIFIER.match(item):
            parts.append(f".{item}")
        else:
            escaped = visible(item.replace("\\", "\\\\").replace('"', '\\"'))
            parts.append(f'["{escaped}"]')
    return "".join(parts)


class TicketcoreError(Exception):
    """Base class of every error ticketcore raises on purpose."""


class UnsupportedLocaleError(TicketcoreError, ValueError):
    """A locale was asked for that has no message catalog."""

    def __init__(self, locale: str, supported: tuple[str, ...]) -> None:
        super().__init__(locale, supported)
        self.locale = locale
        self.supported = supported

    def __str__(self) -> str:
        return f"unsupported locale {self.locale!r} (supported: {', '.join(self.supported)})"


def _to_path(value: Iterable[PathItem]) -> Path:
    return tuple(value)


# An integer this long is no limit and no real size; it is shown by its magnitude (``~1e5000``),
# because Python refuses to write integers of more than 4300 digits as text (or JSON).
_PARAM_MAX_BITS = 256


def _bounded(value: ParamValue) -> ParamValue:
    if isinstance(value, int) and value.bit_length() > _PARAM_MAX_BITS:
        sign = "-" if value < 0 else ""
        return f"{sign}~1e{int(value.bit_length() * 0.30103)}"  # log10(2)
    return value


def _to_params(value: Mapping[str, ParamValue]) -> FrozenMap[str, ParamValue]:
    if isinstance(value, Mapping) and any(isinstance(v, int) for v in value.values()):
        return freeze({key: _bounded(item) for key, item in value.items()})
    return freeze(value)


def _to_messages(value: Mapping[str, str]) -> FrozenMap[str, str]:
    return freeze(value)


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with an input: where it is, which rule it broke, and the rule's parameters.

    Attributes:
        path: Where the offending value is (names and indices from the document root).
        code: A stable machine code, such as ``too_short`` or ``invalid_email``.
        params: The rule's parameters and what arrived (``{"min": 3, "actual": 1}``). They never
            contain secret values.
        custom_messages: Messages per locale that a rule set gave for this problem (a custom
            field's own error text); they take precedence over the catalog's.
    """

    path: Path = attrs.field(converter=_to_path)
    code: str
    params: FrozenMap[str, ParamValue] = attrs.field(factory=FrozenMap, converter=_to_params)
    custom_messages: FrozenMap[str, str] = attrs.field(
        factory=FrozenMap, converter=_to_messages, repr=False
    )

    @property
    def location(self) -> str:
        """The path rendered as ``$.attachments[0].filename``."""
        return render_path(self.path)

    def message(self, locale: str = "en") -> str:
        """Render this problem as a full sentence in *locale* (``"en"`` or ``"pt-BR"``)."""
        from ticketcore.i18n import render_problem  # noqa: PLC0415 (i18n imports this module)

        return render_problem(self, locale)

    def with_prefix(self, *prefix: PathItem) -> Problem:
        """Return this problem with *prefix* put in front of its path."""
        return attrs.evolve(self, path=(*prefix, *self.path))

    def as_dict(self, locale: str = "en") -> dict[str, Any]:
        """Return a JSON-ready description, for API responses such as a 422 body."""
        return {
            "path": self.location,
            "loc": list(self.path),
            "code": self.code,
            "params": {k: list(v) if isinstance(v, tuple) else v for k, v in self.params.items()},
            "message": self.message(locale),
        }

    def __str__(self) -> str:
        return f"{self.message()} @ {self.location}"


class TicketValidationError(TicketcoreError, ValueError):
    """An input did not validate; `problems` lists every problem found, each with its path.

    Args:
        problems: The problems, in the order they were found. At least one.
    """

    def __init__(self, problems: Iterable[Problem], /) -> None:
        found = tuple(problems)
        if not found:
            msg = "a TicketValidationError needs at least one problem"
            raise ValueError(msg)
        super().__init__(found)
        self.problems: tuple[Problem, ...] = found

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the problems, in order."""
        return tuple(problem.code for problem in self.problems)

    def messages(self, locale: str = "en") -> tuple[str, ...]:
        """Every problem rendered as ``"<message> @ <path>"`` in *locale*."""
        return tuple(f"{p.message(locale)} @ {p.location}" for p in self.problems)

    def as_list(self, locale: str = "en") -> list[dict[str, Any]]:
        """The problems as JSON-ready dicts (see `Problem.as_dict`)."""
        return [problem.as_dict(locale) for problem in self.problems]

    def __str__(self) -> str:
        count = len(self.problems)
        head = "1 problem" if count == 1 else f"{count} problems"
        return "\n".join([f"{head}:", *(f"- {line}" for line in self.messages())])

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problems,))
