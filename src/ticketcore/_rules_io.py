"""Private: rule files — their shape, reading them strictly, and writing them back.

A rule file is read in two stages, as tickets are: a strict cattrs converter checks the shape
of each object (JSON types, no unknown keys), then the domain types (`Department`,
`CustomField`, `Limits`, `RuleSet`) check the values. Each department and custom field is read
on its own, so that one broken part does not hide the problems of the others, and every
problem comes out in one `TicketValidationError` with its path into the file.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs
import cattrs
from cattrs.errors import ClassValidationError
from cattrs.gen import make_dict_structure_fn

from ticketcore._check import Collector, preview, type_name
from ticketcore._convert import (
    MAX_DOCUMENT_BYTES,
    InvalidError,
    array_of,
    fail,
    object_of,
    parse_json,
    parse_toml,
    problems_of,
    strict,
)
from ticketcore.context import CONTEXTS
from ticketcore.custom_field import CustomField, FieldKind
from ticketcore.department import Department
from ticketcore.errors import Problem, TicketValidationError
from ticketcore.limits import Limits
from ticketcore.priority import Priority

if TYPE_CHECKING:
    from ticketcore.rules import RuleSet

__all__ = ["RULES_VERSION", "load_rules", "rules_from_dict", "rules_to_dict"]

RULES_VERSION: Final = 1
"""The version of the rule-file format, written as ``schema_version``."""

FILE_FORMATS: Final = (".json", ".toml")

W = TypeVar("W")
T = TypeVar("T")

# Objects whose parts are read one by one are kept raw by the converter.
_Raw = dict[str, Any]


@attrs.define
class WireLimits:
    subject_min_length: int | None = None
    subject_max_length: int | None = None
    message_max_length: int | None = None
    error_message_max_length: int | None = None
    text_max_length: int | None = None
    max_attachments: int | None = None
    max_attachment_size: int | None = None
    allowed_content_types: list[str] | None = None
    allowed_extensions: list[str] | None = None


@attrs.define
class WireCustomField:
    id: str
    kind: str
    labels: dict[str, str]
    required: bool | list[str] | None = None
    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    options: list[str] | None = None
    pattern: str | None = None
    error_messages: dict[str, str] | None = None


@attrs.define
class WireDepartment:
    id: str
    names: dict[str, str]
    requires: dict[str, bool | list[str]] | list[str] | None = None
    custom_fields: list[_Raw] | None = None
    weights: dict[str, int] | None = None
    min_score: int | None = None


@attrs.define
class WireRules:
    departments: list[_Raw]
    schema_version: int = RULES_VERSION
    priorities: list[str] | None = None
    limits: _Raw | None = None


# Valid values for required keys whose own problems were already reported, so that the other
# keys of the same object are still checked.
_FIELD_STAND_INS: Final = {"id": "stand-in", "kind": "text", "labels": {"en": "Stand-in"}}
_DEPARTMENT_STAND_INS: Final = {"id": "stand-in", "names": {"en": "Stand-in"}}
_RULES_STAND_INS: Final[Mapping[str, object]] = {"departments": []}


def _raw_object(value: object, _: object) -> _Raw:
    if type(value) is not dict:
        raise InvalidError("wrong_type", expected_type="object", actual_type=type_name(value))
    return value


def _raw_array(value: object, _: object) -> list[_Raw]:
    if type(value) is not list:
        raise InvalidError("wrong_type", expected_type="array", actual_type=type_name(value))
    return value


def _map_of(item: Callable[[object, object], Any]) -> Callable[[object, object], dict[str, Any]]:
    """A hook for an object of string keys whose values *item* checks, reporting each one."""

    def structure_map(value: object, _: object) -> dict[str, Any]:
        if type(value) is not dict:
            raise InvalidError("wrong_type", expected_type="object", actual_type=type_name(value))
        problems: list[Problem] = []
        for key, element in value.items():
            if type(key) is not str:  # only a Python dict can have one
                problems.append(_wrong_type((), "string", key))
                continue
            try:
                item(element, None)
            except (InvalidError, TicketValidationError) as exc:
                problems_of(exc, (key,), problems)
        if problems:
            raise TicketValidationError(problems)
        return value

    return structure_map


_strings = array_of(strict(str, "string"), str)


def _contexts(value: object, _: object) -> bool | list[str] | None:
    """``true``, ``false`` or an array of context names."""
    if value is None or type(value) is bool:
        return value
    if type(value) is not list:
        raise InvalidError("wrong_type", expected_type="array", actual_type=type_name(value))
    try:
        return _strings(value, None)
    except cattrs.BaseValidationError as exc:
        problems: list[Problem] = []
        problems_of(exc, (), problems)
        raise TicketValidationError(problems) from None


def _requires(value: object, _: object) -> dict[str, bool | list[str]] | list[str] | None:
    """An object of field names to contexts, or an array of field names."""
    if value is None:
        return None
    if type(value) is list:
        return _contexts(value, None)  # type: ignore[return-value]
    if type(value) is not dict:
        raise InvalidError("wrong_type", expected_type="object", actual_type=type_name(value))
    return _map_of(_contexts)(value, None)


def make_rules_converter() -> cattrs.Converter:
    """A converter that checks the shape of a rule file strictly: exact JSON types, no extras."""
    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    converter.register_structure_hook(str, strict(str, "string"))
    converter.register_structure_hook(int, strict(int, "integer"))
    converter.register_structure_hook(float, strict(float, "number"))
    converter.register_structure_hook(bool, strict(bool, "boolean"))
    converter.register_structure_hook_func(lambda t: t == list[str], _strings)
    converter.register_structure_hook_func(lambda t: t == _Raw, _raw_object)
    converter.register_structure_hook_func(lambda t: t == list[_Raw], _raw_array)
    converter.register_structure_hook_func(
        lambda t: t == dict[str, str], _map_of(strict(str, "string"))
    )
    converter.register_structure_hook_func(
        lambda t: t == dict[str, int], _map_of(strict(int, "integer"))
    )
    converter.register_structure_hook_func(lambda t: t == bool | list[str] | None, _contexts)
    converter.register_structure_hook_func(
        lambda t: t == dict[str, bool | list[str]] | list[str] | None, _requires
    )
    for cls in (WireLimits, WireCustomField, WireDepartment, WireRules):
        converter.register_structure_hook(cls, object_of(make_dict_structure_fn(cls, converter)))
    return converter


@functools.cache
def _converter() -> cattrs.Converter:
    return make_rules_converter()


def _wrong_type(path: tuple[str | int, ...], expected: str, value: object) -> Problem:
    return Problem(
        path=path,
        code="wrong_type",
        params={"expected_type": expected, "actual_type": type_name(value)},
    )


def _structure(data: _Raw, cls: type[W], problems: list[Problem]) -> W | None:
    try:
        return _converter().structure(data, cls)
    except (ClassValidationError, InvalidError) as exc:
        problems_of(exc, (), problems)
        return None


def _part(
    data: object, cls: type[W], make: Callable[[W], T], stand_ins: Mapping[str, object]
) -> tuple[T | None, list[Problem]]:
    """Read one object of the file: its shape, then its values; every problem, relative to it.

    When keys have the wrong shape, the object is read again without them (with stand-ins for
    required ones), so that the values of its other keys are checked too.
    """
    if type(data) is not dict:
        return None, [_wrong_type((), "object", data)]
    problems: list[Problem] = []
    wire = _structure(data, cls, problems)
    broken = {p.path[0] for p in problems if p.path}
    if wire is None:
        rest = {k: v for k, v in data.items() if k not in broken}
        rest.update((k, v) for k, v in stand_ins.items() if k in broken)
        wire = _structure(rest, cls, [])
        if wire is None:
            return None, problems
    try:
        value = make(wire)
    except TicketValidationError as exc:
        problems.extend(p for p in exc.problems if not p.path or p.path[0] not in broken)
        return None, problems
    return (None if problems else value), problems


def _parts(
    c: Collector,
    name: str,
    items: Sequence[object],
    *,
    cls: type[W],
    make: Callable[[W], T],
    stand_ins: Mapping[str, object],
) -> tuple[list[T], list[int]]:
    """Read each item of the array *name*; return those that are valid and their indices."""
    made: list[T] = []
    origin: list[int] = []
    for index, item in enumerate(items):
        value, problems = _part(item, cls, make, stand_ins)
        c.extend(problems, name, index)
        if value is not None:
            made.append(value)
            origin.append(index)
    return made, origin


def _renumber(problems: Sequence[Problem], name: str, origin: Sequence[int]) -> list[Problem]:
    """Give the problems found in the valid items of *name* the items' indices in the file."""
    result = []
    for problem in problems:
        path = problem.path
        if len(path) > 1 and path[0] == name and isinstance(path[1], int):
            result.append(attrs.evolve(problem, path=(name, origin[path[1]], *path[2:])))
        else:
            result.append(problem)
    return result


def _custom_field(wire: WireCustomField) -> CustomField:
    c = Collector()
    kind = FieldKind.TEXT  # a stand-in when the kind is unknown, to check the rest
    try:
        kind = FieldKind(wire.kind)
    except ValueError:
        c.add(
            ("kind",),
            "invalid_choice",
            choices=tuple(k.value for k in FieldKind),
            value=preview(wire.kind),
        )
    field = None
    try:
        field = CustomField(
            id=wire.id,
            kind=kind,
            labels=wire.labels,
            required=False if wire.required is None else wire.required,
            min_length=wire.min_length,
            max_length=wire.max_length,
            minimum=wire.minimum,
            maximum=wire.maximum,
            options=tuple(wire.options or ()),
            pattern=wire.pattern,
            error_messages=wire.error_messages or {},
        )
    except TicketValidationError as exc:
        c.extend(exc.problems)
    c.raise_if_any()
    assert field is not None  # noqa: S101 (no problem means it was built)
    return field


def _department(wire: WireDepartment) -> Department:
    c = Collector()
    fields, origin = _parts(
        c,
        "custom_fields",
        wire.custom_fields or (),
        cls=WireCustomField,
        make=_custom_field,
        stand_ins=_FIELD_STAND_INS,
    )
    department = None
    try:
        department = Department(
            id=wire.id,
            names=wire.names,
            requires={} if wire.requires is None else wire.requires,
            custom_fields=fields,
            weights=wire.weights or {},
            min_score=0 if wire.min_score is None else wire.min_score,
        )
    except TicketValidationError as exc:
        c.extend(_renumber(exc.problems, "custom_fields", origin))
    c.raise_if_any()
    assert department is not None  # noqa: S101 (no problem means it was built)
    return department


def _limits(wire: WireLimits) -> Limits:
    given = {a.name: getattr(wire, a.name) for a in attrs.fields(WireLimits)}
    return Limits(**{name: value for name, value in given.items() if value is not None})


def _priorities(c: Collector, names: Sequence[str]) -> tuple[Priority, ...]:
    """Read the priorities offered: canonical names only, each once, at least one."""
    found: list[Priority] = []
    for index, name in enumerate(names):
        try:
            priority = Priority(name)
        except ValueError:
            c.add(
                ("priorities", index),
                "invalid_choice",
                choices=tuple(p.value for p in Priority),
                value=preview(name),
            )
            continue
        if priority in found:
            c.add(("priorities", index), "duplicate", value=preview(name))
        found.append(priority)
    if not names:
        c.add(("priorities",), "required")
    return tuple(found)


def _rule_set(make: Callable[..., RuleSet]) -> Callable[[WireRules], RuleSet]:
    def build(wire: WireRules) -> RuleSet:
        c = Collector()
        departments, origin = _parts(
            c,
            "departments",
            wire.departments,
            cls=WireDepartment,
            make=_department,
            stand_ins=_DEPARTMENT_STAND_INS,
        )
        options: dict[str, Any] = {}
        if wire.priorities is not None:
            checked = Collector()
            priorities = _priorities(checked, wire.priorities)
            c.extend(checked.problems)
            if not checked.problems:
                options["priorities"] = priorities
        if wire.limits is not None:
            limits, problems = _part(wire.limits, WireLimits, _limits, {})
            c.extend(problems, "limits")
            if limits is not None:
                options["limits"] = limits
        rules = None
        try:
            rules = make(departments=departments, **options)
        except TicketValidationError as exc:
            found = _renumber(exc.problems, "departments", origin)
            if wire.departments:  # each was reported; none was valid
                found = [p for p in found if p.path != ("departments",)]
            c.extend(found)
        c.raise_if_any()
        assert rules is not None  # noqa: S101 (no problem means it was built)
        return rules

    return build


def rules_from_dict(data: object, make: Callable[..., RuleSet]) -> RuleSet:
    """Read a rule file's parsed content; *make* is the `RuleSet` class.

    Raises:
        TicketValidationError: Every problem, with its path into the file.
    """
    if type(data) is not dict:
        raise TicketValidationError([_wrong_type((), "object", data)])
    version = data.get("schema_version", RULES_VERSION)
    if type(version) is not int or version != RULES_VERSION:
        raise TicketValidationError(
            [
                Problem(
                    path=("schema_version",),
                    code="unsupported_version",
                    params={"value": preview(version), "supported": (str(RULES_VERSION),)},
                )
            ]
        )
    rules, problems = _part(data, WireRules, _rule_set(make), _RULES_STAND_INS)
    if problems:
        raise TicketValidationError(problems)
    assert rules is not None  # noqa: S101 (no problem means it was built)
    return rules


def _contexts_of(value: frozenset[str]) -> list[str]:
    return [context for context in CONTEXTS if context in value]


def _custom_field_dict(field: CustomField) -> dict[str, Any]:
    return {
        "id": field.id,
        "kind": field.kind.value,
        "labels": dict(field.labels),
        "required": _contexts_of(field.required),
        "min_length": field.min_length,
        "max_length": field.max_length,
        "minimum": field.minimum,
        "maximum": field.maximum,
        "options": list(field.options),
        "pattern": field.pattern,
        "error_messages": dict(field.error_messages),
    }


def _department_dict(department: Department) -> dict[str, Any]:
    return {
        "id": department.id,
        "names": dict(department.names),
        "requires": {name: _contexts_of(ctx) for name, ctx in department.requires.items()},
        "custom_fields": [_custom_field_dict(f) for f in department.custom_fields],
        "weights": dict(department.weights),
        "min_score": department.min_score,
    }


def _limits_dict(limits: Limits) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for field in attrs.fields(Limits):
        value = getattr(limits, field.name)
        result[field.name] = sorted(value) if isinstance(value, frozenset) else value
    return result


def rules_to_dict(rules: RuleSet) -> dict[str, Any]:
    """Write *rules* in the rule-file format, every key included."""
    return {
        "schema_version": RULES_VERSION,
        "departments": [_department_dict(d) for d in rules.departments],
        "priorities": [p.value for p in rules.priorities],
        "limits": _limits_dict(rules.limits),
    }


def load_rules(path: str | os.PathLike[str], make: Callable[..., RuleSet]) -> RuleSet:
    """Read the rule file at *path*: JSON (``.json``) or TOML (``.toml``).

    Raises:
        TicketValidationError: The file is not valid JSON or TOML, or its rules are broken.
        OSError: The file cannot be read.
    """
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in FILE_FORMATS:
        fail("unsupported_format", value=preview(file.name), allowed=FILE_FORMATS)
    with file.open("rb") as stream:
        content = stream.read(MAX_DOCUMENT_BYTES + 1)
    data = parse_json(content) if suffix == ".json" else parse_toml(content)
    return rules_from_dict(data, make)
