"""``ticketcore redact``: tickets with credentials in their text masked, passwords removed."""

from __future__ import annotations

from typing import Any

from ticketcore.custom_field import FieldKind
from ticketcore.redact import redact
from ticketcore.rules import RuleSet

__all__ = ["redact_document"]


def redact_document(data: dict[str, Any], rules: RuleSet) -> dict[str, Any]:
    """A copy of the wire-format *data* that holds no credential.

    Every text value is masked with `ticketcore.redact.redact`: customers paste credentials
    into the subject, message and error message, but also into a location
    (``ftp://user:pass@host``) or a custom field. The password is removed from
    ``credentials`` (and ``credentials`` as a whole when it is not an object, since its shape
    then says nothing about where the secret is); custom fields of kind ``secret`` in the
    ticket's department are removed. Other keys are kept as they are, in their order.
    """
    out: dict[str, Any] = _masked(data)
    if "credentials" in out:
        credentials = out["credentials"]
        if isinstance(credentials, dict):
            out["credentials"] = {k: v for k, v in credentials.items() if k != "password"}
        else:
            del out["credentials"]
    custom = out.get("custom_fields")
    department_id = out.get("department")
    department = rules.department(department_id) if isinstance(department_id, str) else None
    if isinstance(custom, dict) and department is not None:
        secret = {f.id for f in department.custom_fields if f.kind is FieldKind.SECRET}
        out["custom_fields"] = {k: v for k, v in custom.items() if k not in secret}
    return out


def _masked(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value).text
    if isinstance(value, dict):
        return {key: _masked(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_masked(item) for item in value]
    return value
