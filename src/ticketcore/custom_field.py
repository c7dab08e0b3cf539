"""`CustomField`: a field a department adds to its form, with its own rules and messages."""

from __future__ import annotations

import enum
import ipaddress
import math
import re
from collections.abc import Mapping
from typing import Final, TypeAlias

import attrs
import validators

from ticketcore._check import (
    Collector,
    check_identifier,
    check_text,
    normalize_text,
    preview,
)
from ticketcore._frozen import FrozenMap, freeze
from ticketcore._pattern import unsafe_reason
from ticketcore.context import CONTEXTS, to_contexts
from ticketcore.errors import Problem
from ticketcore.location import Location
from ticketcore.requester import normalize_email
from ticketcore.secret import Secret

__all__ = ["CustomField", "CustomValue", "FieldKind"]

CustomValue: TypeAlias = str | int | float | bool | Secret
"""What a custom field holds: text for the text-like kinds, a number, a flag or a secret."""

TEXT_MAX_LENGTH: Final = 200
MULTILINE_MAX_LENGTH: Final = 4096


class FieldKind(enum.Enum):
    """The kinds of custom field a rule set may declare."""

    TEXT = "text"
    MULTILINE = "multiline"
    NUMBER = "number"
    CHOICE = "choice"
    BOOLEAN = "boolean"
    EMAIL = "email"
    URL = "url"
    DOMAIN = "domain"
    IP = "ip"
    SECRET = "secret"  # noqa: S105 (the name of a kind, not a password)

    @property
    def is_text(self) -> bool:
        """Whether values of this kind are strings that lengths and patterns apply to."""
        return self not in (FieldKind.NUMBER, FieldKind.BOOLEAN)


def _labels(value: Mapping[str, str]) -> FrozenMap[str, str]:
    if isinstance(value, Mapping):
        return freeze({k: normalize_text(v) for k, v in value.items()})
    return value


def _options(value: tuple[str, ...]) -> tuple[str, ...]:
    # Normalized as the values compared with them are, so "Plano Básico " matches.
    return tuple(map(normalize_text, value)) if isinstance(value, (list, tuple)) else value


@attrs.frozen(kw_only=True)
class CustomField:
    """A department's own field: an order number, the affected mailbox, a radio station's port.

    Attributes:
        id: The key under ``custom_fields`` in a ticket (``order_id``).
        kind: What the value is; text-like kinds are strings.
        labels: The field's label per locale; ``en`` is required.
        required: The contexts in which the field must be filled (``True`` for all of them).
        min_length: Shortest text value.
        max_length: Longest text value (200 by default, 4096 for multi-line text).
        minimum: Smallest number.
        maximum: Largest number.
        options: The values a ``choice`` field accepts.
        pattern: A regular expression a text value must match in full. Only patterns that
            match in linear time are accepted (no nested repetition, no backreferences).
        error_messages: A message per locale shown instead of the catalog's when the value is
            invalid, such as "Order numbers look like PED-1234."
    """

    id: str
    kind: FieldKind
    labels: FrozenMap[str, str] = attrs.field(converter=_labels)
    required: frozenset[str] = attrs.field(default=frozenset(), converter=to_contexts)
    min_length: int | None = None
    max_length: int | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    options: tuple[str, ...] = attrs.field(default=(), converter=_options)
    pattern: str | None = None
    error_messages: FrozenMap[str, str] = attrs.field(factory=FrozenMap, converter=_labels)
    _compiled: re.Pattern[str] | None = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        c = Collector()
        check_identifier(c, ("id",), self.id)
        if not isinstance(self.kind, FieldKind):
            c.wrong_type(("kind",), "FieldKind", self.kind)
        _check_texts(c, "labels", self.labels, need_english=True)
        _check_texts(c, "error_messages", self.error_messages, need_english=False)
        if not isinstance(self.required, frozenset):
            c.wrong_type(("required",), "array", self.required)
        else:
            for context in sorted(map(str, self.required - set(CONTEXTS))):
                c.add(("required",), "invalid_choice", choices=CONTEXTS, value=preview(context))
        for name in ("min_length", "max_length"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                c.wrong_type((name,), "integer", value)
            elif value is not None and value < 0:
                c.add((name,), "too_small", min=0, actual=value)
        for name in ("minimum", "maximum"):
            value = getattr(self, name)
            if value is not None and (
                not isinstance(value, (int, float)) or isinstance(value, bool)
            ):
                c.wrong_type((name,), "number", value)
            elif isinstance(value, float) and not math.isfinite(value):
                # TOML and Python allow inf and nan; no value compares usefully with them.
                c.add((name,), "wrong_type", expected_type="number", actual_type="non-finite")
        _check_range(c, "max_length", self.min_length, self.max_length)
        _check_range(c, "maximum", self.minimum, self.maximum)
        if self.kind is FieldKind.CHOICE and not self.options:
            c.add(("options",), "required")
        if not isinstance(self.options, tuple):
            c.wrong_type(("options",), "array", self.options)
        else:
            for index, option in enumerate(self.options):
                if not isinstance(option, str):
                    c.wrong_type(("options", index), "string", option)
        compiled = None
        if self.pattern is not None:
            if not isinstance(self.pattern, str):
                c.wrong_type(("pattern",), "string", self.pattern)
            elif reason := unsafe_reason(self.pattern):
                c.add(("pattern",), "unsafe_pattern", reason=reason)
            else:
                compiled = re.compile(self.pattern)
        object.__setattr__(self, "_compiled", compiled)
        c.raise_if_any()

    @property
    def text_max_length(self) -> int:
        """The effective longest text value."""
        if self.max_length is not None:
            return self.max_length
        return MULTILINE_MAX_LENGTH if self.kind is FieldKind.MULTILINE else TEXT_MAX_LENGTH

    def label(self, locale: str = "en") -> str:
        """The label in *locale*, falling back to English."""
        return self.labels.get(locale, self.labels["en"])

    def normalize(self, value: object, /) -> object:
        """Normalize a raw value the way the ticket stores it (text stripped, secrets wrapped)."""
        if self.kind is FieldKind.SECRET and isinstance(value, str):
            return Secret(value)
        if self.kind is FieldKind.MULTILINE or (
            self.kind.is_text and self.kind is not FieldKind.SECRET
        ):
            return normalize_text(value) if isinstance(value, str) else value
        return value

    def check(self, value: object, /) -> tuple[Problem, ...]:
        """Check a normalized value; paths in the problems are relative to the value."""
        c = Collector()
        kind = self.kind
        if kind is FieldKind.BOOLEAN:
            if not isinstance(value, bool):
                c.wrong_type((), "boolean", value)
        elif kind is FieldKind.NUMBER:
            self._check_number(c, value)
        elif kind is FieldKind.SECRET:
            if not isinstance(value, Secret):
                c.wrong_type((), "secret", value)
            else:
                check_text(c, (), value.reveal(), max_length=self.text_max_length)
        elif (
            check_text(
                c,
                (),
                value,
                min_length=self.min_length or 1,
                max_length=self.text_max_length,
                multiline=kind is FieldKind.MULTILINE,
            )
            and not c.problems
        ):
            assert isinstance(value, str)  # noqa: S101  (check_text returned True)
            self._check_text_value(c, value)
        return tuple(self._with_messages(p) for p in c.problems)

    def _check_number(self, c: Collector, value: object) -> None:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            c.wrong_type((), "number", value)
        elif not math.isfinite(value):
            c.add((), "wrong_type", expected_type="number", actual_type="non-finite")
        elif self.minimum is not None and value < self.minimum:
            c.add((), "too_small", min=self.minimum, actual=value)
        elif self.maximum is not None and value > self.maximum:
            c.add((), "too_large", max=self.maximum, actual=value)

    def _check_text_value(self, c: Collector, value: str) -> None:
        kind = self.kind
        if kind is FieldKind.CHOICE:
            if value not in self.options:
                c.add((), "invalid_choice", choices=self.options, value=preview(value))
        elif kind is FieldKind.EMAIL:
            if normalize_email(value) is None:
                c.add((), "invalid_email")
        elif kind in (FieldKind.URL, FieldKind.DOMAIN, FieldKind.IP):
            self._check_address(c, value)
        if self._compiled is not None and not self._compiled.fullmatch(value):
            c.add((), "pattern_mismatch")

    def _check_address(self, c: Collector, value: str) -> None:
        if self.kind is FieldKind.IP:
            try:
                ipaddress.ip_address(value)
            except ValueError:
                c.add((), "invalid_location")
        elif self.kind is FieldKind.DOMAIN:
            if not validators.domain(value):
                c.add((), "invalid_location")
        else:
            try:
                Location(value)
            except ValueError:
                c.add((), "invalid_location")

    def _with_messages(self, problem: Problem) -> Problem:
        if not self.error_messages or problem.code in ("required", "wrong_type"):
            return problem
        return attrs.evolve(problem, custom_messages=self.error_messages)


def _is_number(value: object) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, float) and math.isfinite(value)
    )


def _check_range(c: Collector, name: str, low: object, high: object) -> None:
    """Report the upper bound *name* below the lower one: no value could fit between them."""
    if (
        isinstance(low, (int, float))
        and isinstance(high, (int, float))
        and _is_number(low)
        and _is_number(high)
        and high < low
    ):
        c.add((name,), "invalid_range", min=low, actual=high)


def _check_texts(c: Collector, name: str, value: object, *, need_english: bool) -> None:
    if not isinstance(value, Mapping):
        c.wrong_type((name,), "object", value)
        return
    if need_english and "en" not in value:
        c.add((name,), "missing_translation", locale="en")
    for key, text in value.items():
        if not isinstance(key, str):
            c.wrong_type((name,), "string", key)
        else:
            check_text(c, (name, key), text, max_length=MULTILINE_MAX_LENGTH)
