"""`RuleSet`: the departments and limits that every frontend of a help desk shares."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs

from ticketcore._check import Collector, check_parts
from ticketcore.department import Department
from ticketcore.limits import DEFAULT_LIMITS, Limits

__all__ = ["DEFAULT_RULES", "RuleSet"]


def _departments(value: Iterable[Department]) -> tuple[Department, ...]:
    return tuple(value) if isinstance(value, (list, tuple)) else value  # type: ignore[return-value]


@attrs.frozen(kw_only=True)
class RuleSet:
    """The rules a help desk applies to tickets: its departments and its limits.

    Attributes:
        departments: The departments tickets can go to, each with its requirements.
        limits: The sizes every ticket must respect.
    """

    departments: tuple[Department, ...] = attrs.field(converter=_departments)
    limits: Limits = DEFAULT_LIMITS

    def __attrs_post_init__(self) -> None:
        c = Collector()
        if self.departments == ():
            c.add(("departments",), "required")
        else:
            check_parts(c, "departments", self.departments, Department, "Department")
        if not isinstance(self.limits, Limits):
            c.wrong_type(("limits",), "Limits", self.limits)
        c.raise_if_any()

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


DEFAULT_RULES: Final = RuleSet(
    departments=(
        Department(
            id="technical-support",
            names={"en": "Technical support", "pt-BR": "Suporte técnico"},
            # Support cannot look at a problem without knowing which service and where.
            # Migrated tickets never asked for the location, so import does not require it.
            requires={"service": ["customer", "agent"], "location": ["customer", "agent"]},
        ),
        Department(id="billing", names={"en": "Billing", "pt-BR": "Financeiro"}),
        Department(id="sales", names={"en": "Sales", "pt-BR": "Comercial"}),
    )
)
"""The rules of the hosting-support form customers know: technical support, billing, sales."""
