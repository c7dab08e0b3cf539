"""Message catalogs: every problem code, field label and finding in English and Portuguese.

The catalogs are JSON files shipped in ``ticketcore/locales/`` with flat, dotted keys
(``problem.too_short``, ``field.subject``), so that a JavaScript form can load the same file and
show the same sentences. Placeholders are ``{name}`` and are filled from a problem's parameters.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import TYPE_CHECKING, Final

from ticketcore._escape import visible
from ticketcore._frozen import FrozenMap
from ticketcore.errors import ParamValue, UnsupportedLocaleError

if TYPE_CHECKING:
    from ticketcore.errors import Problem

__all__ = ["DEFAULT_LOCALE", "LOCALES", "messages", "normalize_locale"]

LOCALES: Final = ("en", "pt-BR")
"""The locales that have a complete catalog; a test checks every key exists in each."""

DEFAULT_LOCALE: Final = "en"

_ALIASES: Final = {"en": "en", "pt": "pt-BR"}


def normalize_locale(locale: str, /) -> str:
    """Return the catalog name for *locale*, accepting ``pt_BR``, ``pt-br``, ``pt`` and ``en-US``.

    Raises:
        UnsupportedLocaleError: No catalog serves *locale*.
    """
    tag = locale.replace("_", "-").strip()
    for known in LOCALES:
        if tag.lower() == known.lower():
            return known
    language = tag.split("-", 1)[0].lower()
    if language in _ALIASES:
        return _ALIASES[language]
    raise UnsupportedLocaleError(locale, LOCALES)


@functools.cache
def _load(locale: str) -> FrozenMap[str, str]:
    text = resources.files("ticketcore").joinpath("locales", f"{locale}.json").read_text("utf-8")
    data = json.loads(text)
    return FrozenMap({key: value for key, value in data.items() if not key.startswith("$")})


def messages(locale: str = DEFAULT_LOCALE, /) -> Mapping[str, str]:
    """Return the whole message catalog of *locale*, keyed by stable dotted codes.

    >>> messages("pt-BR")["field.subject"]
    'assunto'
    """
    return _load(normalize_locale(locale))


def _param_text(name: str, value: ParamValue, catalog: Mapping[str, str]) -> str:
    if isinstance(value, tuple):
        return ", ".join(value)
    if name.endswith("_type") and isinstance(value, str):
        return catalog.get(f"type.{value}", value)
    if name == "status" and isinstance(value, str):
        return catalog.get(f"status.{value}", value)  # a service's status, in the reader's words
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def field_label(path: tuple[str | int, ...], catalog: Mapping[str, str]) -> str:
    """The localized label of the field a path points at (the last key name in it)."""
    for item in reversed(path):
        if isinstance(item, str):
            return catalog.get(f"field.{item}", f'"{visible(item)}"')
    return catalog["field.$root"]


def render(key: str, params: Mapping[str, ParamValue], locale: str, **extra: str) -> str:
    """Render catalog entry *key* with *params* in *locale*."""
    catalog = messages(locale)
    values = {name: _param_text(name, value, catalog) for name, value in params.items()}
    values.update(extra)
    return fill(catalog[key], values)


def render_problem(problem: Problem, locale: str) -> str:
    """Render *problem* as a sentence in *locale*, preferring a rule set's own message."""
    locale = normalize_locale(locale)
    catalog = messages(locale)
    label = field_label(problem.path, catalog)
    custom = problem.custom_messages.get(locale)
    if custom is not None:
        values = {name: _param_text(name, v, catalog) for name, v in problem.params.items()}
        return fill(custom, {**values, "field": label})
    return render(f"problem.{problem.code}", problem.params, locale, field=label)


# Only "{name}" is a placeholder: the same rule a frontend implements with one replace call, and
# no attribute access or format specs for a rule file's custom message to abuse.
_PLACEHOLDER: Final = re.compile(r"\{([a-z_]+)\}")


def fill(template: str, values: Mapping[str, str], /) -> str:
    """Replace each ``{name}`` in *template*; an unknown name stays visible as it is."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)
