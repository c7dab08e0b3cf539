"""`Department`: where a ticket goes, and what it must contain to be worked on."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from ticketcore._check import (
    Collector,
    check_identifier,
    check_parts,
    check_text,
    normalize_text,
    preview,
)
from ticketcore._criteria import DEFAULT_WEIGHTS, MAX_SCORE
from ticketcore._frozen import FrozenMap, freeze
from ticketcore.context import CONTEXTS, Context, to_contexts
from ticketcore.custom_field import CustomField

__all__ = ["REQUIRABLE_FIELDS", "Department"]

REQUIRABLE_FIELDS: Final = (
    "service",
    "location",
    "error_message",
    "credentials",
    "attachments",
    "requester",
)
"""The optional ticket fields a department can make required."""

NAME_MAX_LENGTH: Final = 100


def _names(value: Mapping[str, str]) -> FrozenMap[str, str]:
    if isinstance(value, Mapping):
        return freeze({k: normalize_text(v) for k, v in value.items()})
    return value


def _requires(
    value: Iterable[str] | Mapping[str, bool | Iterable[str]],
) -> FrozenMap[str, frozenset[str]]:
    if isinstance(value, Mapping):
        return freeze({k: to_contexts(v) for k, v in value.items()})
    if isinstance(value, Iterable) and not isinstance(value, str):
        # Anything but a name is kept as its repr, for the checks to report as an invalid choice.
        names = (name if isinstance(name, str) else repr(name) for name in value)
        return freeze({name: frozenset(CONTEXTS) for name in names})
    return value  # type: ignore[return-value]  # left for the checks to report


def _weights(value: Mapping[str, int]) -> FrozenMap[str, int]:
    return freeze(dict(value)) if isinstance(value, Mapping) else value


def _check_score(c: Collector, path: tuple[str, ...], value: int) -> None:
    if value < 0:
        c.add(path, "too_small", min=0, actual=value)
    elif value > MAX_SCORE:
        c.add(path, "too_large", max=MAX_SCORE, actual=value)


def _custom_fields(value: Iterable[CustomField]) -> tuple[CustomField, ...]:
    return tuple(value) if isinstance(value, (list, tuple)) else value  # type: ignore[return-value]


@attrs.frozen(kw_only=True)
class Department:
    """A department of the help desk, and what its tickets must contain.

    >>> support = Department(
    ...     id="technical-support",
    ...     names={"en": "Technical support", "pt-BR": "Suporte técnico"},
    ...     requires={"service": True, "location": ["customer"]},
    ... )
    >>> sorted(support.required_fields("customer"))
    ['location', 'service']
    >>> sorted(support.required_fields("import"))
    ['service']

    Attributes:
        id: A slug (``technical-support``), written in the wire format.
        names: The display name per locale; ``en`` is required.
        requires: For each optional ticket field it requires (see `REQUIRABLE_FIELDS`), the
            contexts in which it is required. A plain list of field names requires them in
            every context.
        custom_fields: The department's own fields.
        weights: Completeness weights that replace the defaults, by finding code (see
            `ticketcore.DEFAULT_WEIGHTS`); a weight of 0 turns the criterion off.
        min_score: The completeness score a customer's ticket needs to be submitted.
    """

    id: str
    names: FrozenMap[str, str] = attrs.field(converter=_names)
    requires: FrozenMap[str, frozenset[str]] = attrs.field(factory=FrozenMap, converter=_requires)
    custom_fields: tuple[CustomField, ...] = attrs.field(default=(), converter=_custom_fields)
    weights: FrozenMap[str, int] = attrs.field(factory=FrozenMap, converter=_weights)
    min_score: int = 0

    def __attrs_post_init__(self) -> None:
        c = Collector()
        check_identifier(c, ("id",), self.id)
        if not isinstance(self.names, Mapping):
            c.wrong_type(("names",), "object", self.names)
        else:
            if "en" not in self.names:
                c.add(("names",), "missing_translation", locale="en")
            for locale, name in self.names.items():
                check_text(c, ("names", str(locale)), name, max_length=NAME_MAX_LENGTH)
        if not isinstance(self.requires, Mapping):
            c.wrong_type(("requires",), "object", self.requires)
        else:
            for field, contexts in self.requires.items():
                if field not in REQUIRABLE_FIELDS:
                    c.add(
                        ("requires",),
                        "invalid_choice",
                        choices=REQUIRABLE_FIELDS,
                        value=preview(field),
                    )
                elif not isinstance(contexts, frozenset) or not contexts <= set(CONTEXTS):
                    c.add(
                        ("requires", field),
                        "invalid_choice",
                        choices=CONTEXTS,
                        value=preview(
                            sorted(map(str, contexts))
                            if isinstance(contexts, frozenset)
                            else contexts
                        ),
                    )
        check_parts(c, "custom_fields", self.custom_fields, CustomField, "CustomField")
        self._check_scoring(c)
        c.raise_if_any()

    def _check_scoring(self, c: Collector) -> None:
        if not isinstance(self.weights, Mapping):
            c.wrong_type(("weights",), "object", self.weights)
        else:
            for code, weight in self.weights.items():
                if code not in DEFAULT_WEIGHTS:
                    c.add(
                        ("weights",),
                        "invalid_choice",
                        choices=tuple(DEFAULT_WEIGHTS),
                        value=preview(code),
                    )
                elif type(weight) is not int:
                    c.wrong_type(("weights", code), "integer", weight)
                else:
                    _check_score(c, ("weights", code), weight)
        if type(self.min_score) is not int:
            c.wrong_type(("min_score",), "integer", self.min_score)
        else:
            _check_score(c, ("min_score",), self.min_score)

    def name(self, locale: str = "en") -> str:
        """The display name in *locale*, falling back to English."""
        return self.names.get(locale, self.names["en"])

    def required_fields(self, context: Context = "customer") -> frozenset[str]:
        """The optional ticket fields this department requires in *context*."""
        return frozenset(field for field, ctx in self.requires.items() if context in ctx)

    def weight(self, code: str, /) -> int:
        """The completeness weight of the finding *code* in this department."""
        return self.weights.get(code, DEFAULT_WEIGHTS.get(code, 0))

    def custom_field(self, field_id: str, /) -> CustomField | None:
        """The custom field called *field_id*, if the department has one."""
        for custom in self.custom_fields:
            if custom.id == field_id:
                return custom
        return None
