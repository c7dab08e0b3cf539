"""Tests for `ticketcore.service`."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _hostile import hostile_texts, wrong_types
from ticketcore import Location, Service, ServiceKind, ServiceStatus, TicketValidationError


def wrong(expected: str, actual: str) -> dict[str, object]:
    """The parameters of a `wrong_type` problem."""
    return {"expected_type": expected, "actual_type": actual}


def test_a_service_is_normalized_and_defaults_to_active_other() -> None:
    """The name is stripped; kind and status default to other and active."""
    service = Service(id="hosting-4711", name=" Hospedagem Plus - meusite.com.br ")
    assert (service.name, service.kind, service.status, service.location) == (
        "Hospedagem Plus - meusite.com.br",
        ServiceKind.OTHER,
        ServiceStatus.ACTIVE,
        None,
    )
    assert service.is_active


@pytest.mark.parametrize(
    ("status", "active"),
    [
        (ServiceStatus.ACTIVE, True),
        (ServiceStatus.SUSPENDED, False),
        (ServiceStatus.CANCELLED, False),
    ],
)
def test_is_active_follows_the_status(status: ServiceStatus, active: bool) -> None:
    """Only an active service is active."""
    service = Service(id="vps-12", name="VPS", kind=ServiceKind.VPS, status=status)
    assert service.is_active is active


def test_a_service_can_have_a_location() -> None:
    """A service records where it lives."""
    location = Location("meusite.com.br")
    assert Service(id="hosting-1", name="Hospedagem", location=location).location is location


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"id": "Hosting 1", "name": ""},
            [
                (("id",), "invalid_identifier", {"value": "Hosting 1", "max": 64}),
                (("name",), "blank", {}),
            ],
        ),
        ({"name": "N" * 201}, [(("name",), "too_long", {"max": 200, "actual": 201})]),
        ({"kind": "hosting"}, [(("kind",), "wrong_type", wrong("ServiceKind", "string"))]),
        ({"status": "active"}, [(("status",), "wrong_type", wrong("ServiceStatus", "string"))]),
        ({"location": "x.com"}, [(("location",), "wrong_type", wrong("Location", "string"))]),
    ],
)
def test_invalid_services_are_refused(
    changes: dict[str, Any], expected: list[tuple[object, ...]]
) -> None:
    """Ids are slugs, names short single lines, kind, status and location of their types."""
    values: dict[str, Any] = {"id": "hosting-4711", "name": "Hospedagem"}
    values.update(changes)
    with pytest.raises(TicketValidationError) as info:
        Service(**values)
    assert [(p.path, p.code, dict(p.params)) for p in info.value.problems] == expected


@given(st.sampled_from(["id", "name", "kind", "location", "status"]), hostile_texts | wrong_types)
def test_any_value_in_any_field_gives_our_error(field: str, value: object) -> None:
    """Any value in any field gives a service or problems at that field only."""
    values: dict[str, Any] = {"id": "hosting-4711", "name": "Hospedagem", field: value}
    try:
        Service(**values)
    except TicketValidationError as exc:
        assert {p.path for p in exc.problems} == {(field,)}  # noqa: PT017
