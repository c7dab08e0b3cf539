"""A pydantic v2 model of wire format v1, validating what ticketcore validates, for comparison."""

from __future__ import annotations

import datetime as dt
import ipaddress
import unicodedata
from typing import Annotated, Literal
from urllib.parse import urlsplit

import validators
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    StrictInt,
    StrictStr,
    field_validator,
    model_validator,
)

_ALIASES = {
    "low": "low", "lowest": "low", "1": "low", "baixa": "low",
    "medium": "medium", "normal": "medium", "2": "medium", "media": "medium",
    "moderate": "medium", "high": "high", "3": "high", "alta": "high",
    "urgent": "urgent", "emergency": "urgent", "critical": "urgent", "highest": "urgent",
    "4": "urgent", "urgente": "urgent", "emergencia": "urgent", "critica": "urgent",
}  # fmt: skip
_TYPES = frozenset(
    {"image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain",
     "text/csv", "application/zip", "application/x-zip-compressed"}
)  # fmt: skip
_EXECUTABLE = frozenset({"exe", "com", "bat", "cmd", "scr", "msi", "dll", "js", "sh", "jar"})
_SPECIAL = frozenset({"test", "example", "invalid", "localhost", "local", "internal"})
_DEPARTMENTS = ("technical-support", "billing", "sales")


def _nfc(value: object) -> object:
    if isinstance(value, str):
        value = value.strip()
        return value if value.isascii() else unicodedata.normalize("NFC", value)
    return value


def _no_controls(value: str) -> str:
    if any((ord(ch) < 32 and ch not in "\n\t") or 127 <= ord(ch) <= 159 for ch in value):
        raise ValueError("control character")
    return value


Text = Annotated[StrictStr, BeforeValidator(_nfc), AfterValidator(_no_controls)]
Subject = Annotated[Text, Field(min_length=3, max_length=200)]
Message = Annotated[Text, Field(min_length=1, max_length=65_536)]
Short = Annotated[Text, Field(min_length=1, max_length=200)]


def _priority(value: object) -> object:
    if value is None:
        return "medium"
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return value  # the Literal check reports it
    folded = unicodedata.normalize("NFKD", str(value).strip().casefold())
    key = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _ALIASES.get(key, value)


def _location(value: str) -> str:
    rest = value.split("://", 1)[1] if "://" in value else value
    try:
        ipaddress.ip_address(rest)
    except ValueError:
        pass
    else:
        return value
    parts = urlsplit("//" + rest)
    host = parts.hostname or ""
    _ = parts.port  # raises ValueError on a bad port
    try:
        ipaddress.ip_address(host)
    except ValueError:
        tld = host.rpartition(".")[2]
        if host != "localhost" and not validators.domain(host, consider_tld=tld not in _SPECIAL):
            raise ValueError("invalid location") from None
        host = host.encode("idna").decode("ascii")
    path = rest[len(parts.netloc) :]
    if path and not validators.url(f"https://{host}{path}"):
        raise ValueError("invalid location")
    return value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Credentials(_Model):
    username: Short
    password: Annotated[StrictStr, Field(min_length=1, max_length=1024)]


class Attachment(_Model):
    filename: Annotated[Text, Field(min_length=1, max_length=255)]
    content_type: StrictStr
    size: Annotated[StrictInt, Field(ge=0, le=25 * 1024 * 1024)]

    @field_validator("filename")
    @classmethod
    def _safe_name(cls, value: str) -> str:
        if "/" in value or "\\" in value or ".." in value:
            raise ValueError("invalid file name")
        if value.rpartition(".")[2].lower() in _EXECUTABLE:
            raise ValueError("executable not allowed")
        return value

    @field_validator("content_type")
    @classmethod
    def _allowed_type(cls, value: str) -> str:
        if value.split(";", 1)[0].strip().lower() not in _TYPES:
            raise ValueError("content type not allowed")
        return value


class Requester(_Model):
    name: Short
    email: Annotated[EmailStr, Field(max_length=320)]


class Ticket(_Model):
    schema_version: Literal[1] = 1
    department: Literal["technical-support", "billing", "sales"]
    subject: Subject
    message: Message
    priority: Annotated[Literal["low", "medium", "high", "urgent"], BeforeValidator(_priority)] = (
        "medium"
    )
    service: Short | None = None
    location: Annotated[Text, Field(max_length=2048), AfterValidator(_location)] | None = None
    credentials: Credentials | None = None
    error_message: Annotated[Text, Field(max_length=8192)] | None = None
    attachments: Annotated[list[Attachment], Field(max_length=10)] = []
    requester: Requester | None = None
    custom_fields: dict[str, StrictStr | StrictInt | float | bool] = {}
    created_at: dt.datetime | None = None

    @field_validator("created_at", mode="before")
    @classmethod
    def _aware(cls, value: object) -> object:
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValueError("datetime must be a string")
        parsed = dt.datetime.fromisoformat(value)
        if parsed.utcoffset() is None:
            raise ValueError("datetime needs an offset")
        return parsed

    @model_validator(mode="after")
    def _requirements(self) -> Ticket:
        if self.department == "technical-support" and (
            self.service is None or self.location is None
        ):
            raise ValueError("technical support needs service and location")
        return self
