"""Private: strict reading of untrusted documents, shared by the wire format and rule files.

`parse_json` and `parse_toml` turn text into Python values, refusing what parsers disagree on
(duplicate keys, ``NaN``) and what only an attacker sends (huge or deeply nested documents).
The hooks below make a cattrs converter structure JSON types exactly (no coercion), and
`problems_of` turns the converter's error tree into `Problem`s with paths.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from typing import Any, Final, NoReturn, TypeVar

from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from ticketcore._check import preview, type_name
from ticketcore.errors import Path, Problem, TicketValidationError

__all__ = [
    "MAX_DEPTH",
    "MAX_DOCUMENT_BYTES",
    "InvalidError",
    "array_of",
    "fail",
    "object_of",
    "parse_json",
    "parse_toml",
    "problems_of",
    "strict",
]

T = TypeVar("T")

MAX_DOCUMENT_BYTES: Final = 4 * 1024 * 1024
"""Largest JSON document `from_json` reads: room for a maximal ticket, not for a flood."""

MAX_DEPTH: Final = 16
"""Deepest nesting accepted; wire format v1 needs 3 levels, so anything deeper is hostile."""


class InvalidError(Exception):
    """Raised by the converter's hooks; carries problems relative to the hook's value."""

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code)
        self.problem = Problem(path=(), code=code, params=params)


def strict(expected: type, name: str) -> Callable[[object, object], Any]:
    def structure(value: object, _: object) -> Any:
        # bool is an int subclass, and an int is not a float: JSON types are matched exactly.
        if type(value) is not expected and not (expected is float and type(value) is int):
            raise InvalidError("wrong_type", expected_type=name, actual_type=type_name(value))
        return value

    return structure


def object_of(structure: Callable[[Any, type[T]], T]) -> Callable[[object, type[T]], T]:
    def structure_object(value: object, cls: type[T]) -> T:
        if type(value) is not dict:
            raise InvalidError("wrong_type", expected_type="object", actual_type=type_name(value))
        return structure(value, cls)

    return structure_object


def array_of(
    item: Callable[[object, type[T]], T], cls: type[T]
) -> Callable[[object, object], list[T]]:
    def structure_array(value: object, _: object) -> list[T]:
        if type(value) is not list:
            raise InvalidError("wrong_type", expected_type="array", actual_type=type_name(value))
        items: list[T] = []
        errors: list[Exception] = []
        for index, element in enumerate(value):
            try:
                items.append(item(element, cls))
            except (ClassValidationError, InvalidError) as exc:
                exc.__notes__ = [IterableValidationNote(f"@ index {index}", index, cls)]
                errors.append(exc)
        if errors:
            raise IterableValidationError("invalid items", errors, list)
        return items

    return structure_array


def problems_of(exc: BaseException, path: Path, out: list[Problem]) -> None:
    """Translate a cattrs error tree (or one of our hooks' errors) into problems with paths."""
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        with_notes, without_notes = exc.group_exceptions()
        for sub, note in with_notes:
            step = note.index if isinstance(note, IterableValidationNote) else note.name
            problems_of(sub, (*path, step), out)
        for sub in without_notes:
            problems_of(sub, path, out)
    elif isinstance(exc, ForbiddenExtraKeysError):
        out.extend(
            Problem(path=(*path, key), code="unknown_field") for key in sorted(exc.extra_fields)
        )
    elif isinstance(exc, InvalidError):
        out.append(exc.problem.with_prefix(*path))
    elif isinstance(exc, TicketValidationError):
        out.extend(p.with_prefix(*path) for p in exc.problems)
    elif isinstance(exc, KeyError):
        out.append(Problem(path=path, code="required"))
    else:  # a bug, not bad input: let the tests see it
        raise exc


def parse_json(text: str | bytes | bytearray, /) -> object:
    """Parse untrusted JSON text strictly: UTF-8 only, no NaN, no duplicate keys, bounded size.

    Raises:
        TicketValidationError: With one problem at the root (``$``) saying what is wrong.
    """
    if isinstance(text, (bytes, bytearray)):
        if len(text) > MAX_DOCUMENT_BYTES:
            fail("input_too_large", max=MAX_DOCUMENT_BYTES, actual=len(text))
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            fail("invalid_encoding", position=exc.start)
    elif not isinstance(text, str):
        fail("wrong_type", expected_type="string", actual_type=type_name(text))
    elif len(text) > MAX_DOCUMENT_BYTES:
        fail("input_too_large", max=MAX_DOCUMENT_BYTES, actual=len(text))
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except InvalidError as exc:
        raise TicketValidationError([exc.problem]) from None
    except RecursionError:
        fail("too_deep", max=MAX_DEPTH)
    except json.JSONDecodeError as exc:
        fail("invalid_json", line=exc.lineno, column=exc.colno)
    except ValueError:  # an integer with more digits than Python converts
        fail("invalid_json", line=0, column=0)
    if _depth(value) > MAX_DEPTH:
        fail("too_deep", max=MAX_DEPTH)
    return value


def fail(code: str, /, **params: Any) -> NoReturn:
    raise TicketValidationError([Problem(path=(), code=code, params=params)])


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise InvalidError("duplicate_key", value=preview(key))
            seen.add(key)
    return result


def _no_constant(name: str) -> Any:
    raise InvalidError("invalid_json_constant", value=name)


def _depth(value: object) -> int:
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return depth
        if type(item) is dict:
            deepest = max(deepest, depth)
            stack.extend((v, depth + 1) for v in item.values())
        elif type(item) is list:
            deepest = max(deepest, depth)
            stack.extend((v, depth + 1) for v in item)
    return deepest


# tomllib's errors carry their position only in the message before Python 3.14.
_TOML_POSITION: Final = re.compile(r"at line (\d+), column (\d+)")


def parse_toml(text: str | bytes | bytearray, /) -> object:
    """Parse untrusted TOML text (or UTF-8 bytes) with the same bounds as `parse_json`.

    Raises:
        TicketValidationError: With one problem at the root (``$``): ``invalid_toml``,
            ``invalid_encoding``, ``input_too_large`` or ``too_deep``.
    """
    if isinstance(text, (bytes, bytearray)):
        if len(text) > MAX_DOCUMENT_BYTES:
            fail("input_too_large", max=MAX_DOCUMENT_BYTES, actual=len(text))
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            fail("invalid_encoding", position=exc.start)
    elif not isinstance(text, str):
        fail("wrong_type", expected_type="string", actual_type=type_name(text))
    elif len(text) > MAX_DOCUMENT_BYTES:
        fail("input_too_large", max=MAX_DOCUMENT_BYTES, actual=len(text))
    try:
        value = tomllib.loads(text)
    except RecursionError:
        fail("too_deep", max=MAX_DEPTH)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        column = getattr(exc, "colno", None)
        if line is None or column is None:
            found = _TOML_POSITION.search(str(exc))
            if found:
                line, column = int(found[1]), int(found[2])
            else:  # "at end of document"
                last = text.rsplit("\n", 1)[-1]
                line, column = text.count("\n") + 1, len(last) + 1
        fail("invalid_toml", line=line, column=column)
    if _depth(value) > MAX_DEPTH:
        fail("too_deep", max=MAX_DEPTH)
    return value
