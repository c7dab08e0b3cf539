"""`RuleSet`: the departments, priorities and limits that every frontend of a help desk shares.

A rule set is data: `RuleSet.load` reads a JSON or TOML rule file, `RuleSet.from_dict` its
parsed content, and `RuleSet.to_dict` writes it back without loss. The default rule set,
`DEFAULT_RULES`, is read from a rule file shipped in the package (``ticketcore/data``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from importlib import resources
from typing import Any, Final

import attrs

from ticketcore import _rules_io
from ticketcore._check import Collector, check_parts, preview
from ticketcore._convert import parse_json
from ticketcore.department import Department
from ticketcore.limits import DEFAULT_LIMITS, Limits
from ticketcore.priority import Priority

__all__ = ["DEFAULT_RULES", "RuleSet"]


def _departments(value: Iterable[Department]) -> tuple[Department, ...]:
    return tuple(value) if isinstance(value, (list, tuple)) else value  # type: ignore[return-value]


def _priorities(value: Iterable[Priority]) -> tuple[Priority, ...]:
    if isinstance(value, (list, tuple)):
        items = tuple(value)
        if all(isinstance(p, Priority) for p in items):
            return tuple(sorted(items))
        return items  # left for the checks to report
    return value  # type: ignore[return-value]  # left for the checks to report


@attrs.frozen(kw_only=True)
class RuleSet:
    """The rules a help desk applies to tickets: its departments, priorities and limits.

    >>> rules = RuleSet(
    ...     departments=[Department(id="sales", names={"en": "Sales"})],
    ...     priorities=[Priority.HIGH, Priority.LOW],
    ... )
    >>> rules.priorities
    (<Priority.LOW: 'low'>, <Priority.HIGH: 'high'>)
    >>> RuleSet.from_dict(rules.to_dict()) == rules
    True

    Attributes:
        departments: The departments tickets can go to, each with its requirements.
        priorities: The priorities a ticket may have, from low to urgent (all four by default).
        limits: The sizes every ticket must respect.
    """

    departments: tuple[Department, ...] = attrs.field(converter=_departments)
    priorities: tuple[Priority, ...] = attrs.field(default=tuple(Priority), converter=_priorities)
    limits: Limits = DEFAULT_LIMITS

    def __attrs_post_init__(self) -> None:
        c = Collector()
        if self.departments == ():
            c.add(("departments",), "required")
        else:
            check_parts(c, "departments", self.departments, Department, "Department")
        self._check_priorities(c)
        if not isinstance(self.limits, Limits):
            c.wrong_type(("limits",), "Limits", self.limits)
        c.raise_if_any()

    def _check_priorities(self, c: Collector) -> None:
        if not isinstance(self.priorities, tuple):
            c.wrong_type(("priorities",), "array", self.priorities)
            return
        if not self.priorities:
            c.add(("priorities",), "required")
        seen: set[Priority] = set()
        for index, priority in enumerate(self.priorities):
            if not isinstance(priority, Priority):
                c.wrong_type(("priorities", index), "Priority", priority)
            elif priority in seen:
                c.add(("priorities", index), "duplicate", value=preview(priority.value))
            else:
                seen.add(priority)

    @classmethod
    def from_dict(cls, data: object, /) -> RuleSet:
        """Read a rule set from the content of a rule file (a parsed JSON or TOML document).

        The format is described in the documentation's "Rule sets" page.

        Raises:
            TicketValidationError: Every problem in *data*, each with its path
                (``$.departments[1].custom_fields[0].pattern``).
        """
        return _rules_io.rules_from_dict(data, cls)

    @classmethod
    def load(cls, path: str | os.PathLike[str], /) -> RuleSet:
        """Read a rule set from a JSON (``.json``) or TOML (``.toml``) file.

        Raises:
            TicketValidationError: The file is not UTF-8, not valid JSON or TOML (codes
                ``invalid_json``, ``invalid_toml``), has another suffix
                (``unsupported_format``), or its rules are broken (every problem).
            OSError: The file cannot be read.
        """
        return _rules_io.load_rules(path, cls)

    def to_dict(self) -> dict[str, Any]:
        """Write this rule set as a rule file's content (JSON-ready), every key included."""
        return _rules_io.rules_to_dict(self)

    def department(self, department_id: str, /) -> Department | None:
        """The department called *department_id*, if there is one."""
        for department in self.departments:
            if department.id == department_id:
                return department
        return None

    @property
    def department_ids(self) -> tuple[str, ...]:
        """The ids of the departments, in order."""
        return tuple(d.id for d in self.departments)

    @property
    def default_priority(self) -> Priority:
        """The priority of a ticket that gives none: medium, or the lowest offered without it."""
        return Priority.MEDIUM if Priority.MEDIUM in self.priorities else self.priorities[0]


def _default_rules() -> RuleSet:
    data = resources.files("ticketcore").joinpath("data", "default_rules.json").read_bytes()
    return RuleSet.from_dict(parse_json(data))


DEFAULT_RULES: Final = _default_rules()
"""The rules of the hosting-support form customers know, read from ``data/default_rules.json``.

Technical support requires the related service and the affected location from customers and
agents (not on import: migrated tickets never asked for them), weighs a missing error message
more (30) and needs a completeness score of 40; billing offers an optional invoice number;
sales requires nothing. All four priorities are offered.
"""
