"""`Location`: the affected place as customers type it — a URL, a domain or an IP address."""

from __future__ import annotations

import enum
import ipaddress
from typing import Final
from urllib.parse import urlsplit

import attrs
import validators

from ticketcore._check import Collector, check_text, normalize_text, preview

__all__ = ["Location", "LocationKind"]

MAX_LENGTH: Final = 2048
"""Longest location accepted; browsers and servers commonly cap URLs near this size."""

SCHEMES: Final = ("http", "https", "ftp", "ftps", "sftp", "ws", "wss")
"""Schemes a customer's affected location may use."""

# Reserved names (RFC 2606, RFC 6761, RFC 6762, ICANN's .internal) are not in the IANA root
# zone, yet developers' bug reports point at them ("app.test", "printer.local").
SPECIAL_USE_TLDS: Final = frozenset(
    {"test", "example", "invalid", "localhost", "local", "internal"}
)


class LocationKind(enum.Enum):
    """What the host of a location is."""

    DOMAIN = "domain"
    IPV4 = "ipv4"
    IPV6 = "ipv6"


@attrs.frozen
class Location:
    """An affected place: ``www.seu-site.com/admin``, ``https://x.com``, ``café.com.br``, an IP.

    Construct it from the text the customer typed; the parts are parsed and checked on
    construction, and an invalid location cannot exist. Equality and hashing use the text.

    >>> loc = Location("Café.com.br:8080/admin")
    >>> loc.kind, loc.host, loc.host_unicode, loc.port, loc.path
    (<LocationKind.DOMAIN: 'domain'>, 'xn--caf-dma.com.br', 'café.com.br', 8080, '/admin')
    >>> Location("[2001:db8::1]:8080").host
    '2001:db8::1'

    Attributes:
        text: The location as given, stripped and NFC-normalized.
        kind: Whether the host is a domain, an IPv4 or an IPv6 address.
        scheme: The URL scheme when one was typed (``None`` for ``www.x.com/admin``).
        host: The host in ASCII: punycode for international domains, compressed for IPv6.
        host_unicode: The host as people read it (``café.com.br``).
        port: The port when one was typed.
        path: Path, query and fragment as typed (``""`` when none).

    Raises:
        TicketValidationError: The text is not a valid location (code ``invalid_location``,
            ``invalid_port``, ``unsupported_scheme``, ``too_long`` …).
    """

    text: str = attrs.field(converter=normalize_text)
    kind: LocationKind = attrs.field(init=False, eq=False)
    scheme: str | None = attrs.field(init=False, eq=False)
    host: str = attrs.field(init=False, eq=False)
    host_unicode: str = attrs.field(init=False, eq=False, repr=False)
    port: int | None = attrs.field(init=False, eq=False)
    path: str = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        c = Collector()
        if check_text(c, (), self.text, max_length=MAX_LENGTH):
            c.raise_if_any()
            _parse_into(self, c)
        c.raise_if_any()

    @classmethod
    def parse(cls, text: str, /) -> Location:
        """Parse *text* into a location (the same as ``Location(text)``)."""
        return cls(text)

    @property
    def url(self) -> str:
        """A link to the location, with ``https`` assumed when no scheme was typed."""
        host = f"[{self.host}]" if self.kind is LocationKind.IPV6 else self.host
        port = f":{self.port}" if self.port is not None else ""
        return f"{self.scheme or 'https'}://{host}{port}{self.path}"

    def __str__(self) -> str:
        return self.text


def _parse_into(location: Location, c: Collector) -> None:
    text = location.text
    scheme: str | None = None
    if "://" in text:
        scheme, _, rest = text.partition("://")
        scheme = scheme.lower()
        if not scheme:  # "://x.com" names no scheme at all
            c.add((), "invalid_location")
            return
        if scheme not in SCHEMES:
            c.add((), "unsupported_scheme", scheme=preview(scheme), allowed=SCHEMES)
            return
    else:
        rest = text
    # A bare IPv6 address ("2001:db8::1") has colons that urlsplit would read as a port.
    try:
        bare = ipaddress.ip_address(rest)
    except ValueError:
        pass
    else:
        _set(location, kind=_kind_of(bare), scheme=scheme, host=bare.compressed, port=None, path="")
        return
    try:
        parts = urlsplit("//" + rest)
        port = parts.port
        hostname = parts.hostname
    except ValueError as exc:
        if "out of range" in str(exc):  # urlsplit reads the port, then rejects its range
            port_text = rest.split("]")[-1].split("/", 1)[0].rpartition(":")[2]
            c.add((), "invalid_port", port=preview(port_text))
        else:
            c.add((), "invalid_location")
        return
    if port == 0:
        c.add((), "invalid_port", port="0")
        return
    if not hostname or parts.username is not None or parts.password is not None:
        # Credentials in a URL belong in the credentials field, never in the location.
        c.add((), "invalid_location")
        return
    path = rest[len(parts.netloc) :]
    host_text = rest[: len(parts.netloc)].rsplit("@", 1)[-1]
    if host_text.startswith("["):
        host_text = host_text[1 : host_text.index("]")]
    else:
        host_text = host_text.rsplit(":", 1)[0] if port is not None else host_text
    try:
        address = ipaddress.ip_address(host_text)
    except ValueError:
        address = None
    if address is not None:
        if isinstance(address, ipaddress.IPv6Address) and not rest.startswith("["):
            c.add((), "invalid_location")
            return
        kind, host, host_unicode = _kind_of(address), address.compressed, address.compressed
    else:
        host_unicode = host_text.lower().rstrip(".")
        if not _is_domain(host_unicode):
            c.add((), "invalid_location")
            return
        try:
            host = host_unicode.encode("idna").decode("ascii")
        except UnicodeError:
            c.add((), "invalid_location")
            return
        kind = LocationKind.DOMAIN
    # The path is checked under https whatever the scheme: validators.url knows no ws/wss.
    url = f"https://{_bracket(host, kind)}{path}"
    if path and not validators.url(url, simple_host=host == "localhost"):
        c.add((), "invalid_location")
        return
    _set(location, kind=kind, scheme=scheme, host=host, port=port, path=path, unicode=host_unicode)


def _is_domain(host: str) -> bool:
    if host == "localhost":
        return True
    # The TLD check makes "index.php" and "backup.tar.gz" file names, not hosts.
    tld = host.rpartition(".")[2]
    return bool(validators.domain(host, consider_tld=tld not in SPECIAL_USE_TLDS))


def _bracket(host: str, kind: LocationKind) -> str:
    return f"[{host}]" if kind is LocationKind.IPV6 else host


def _kind_of(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> LocationKind:
    return LocationKind.IPV4 if address.version == 4 else LocationKind.IPV6


def _set(
    location: Location,
    *,
    kind: LocationKind,
    scheme: str | None,
    host: str,
    port: int | None,
    path: str,
    unicode: str | None = None,
) -> None:
    setter = object.__setattr__  # the parts are derived once, while the instance is being built
    setter(location, "kind", kind)
    setter(location, "scheme", scheme)
    setter(location, "host", host)
    setter(location, "host_unicode", unicode if unicode is not None else host)
    setter(location, "port", port)
    setter(location, "path", path)
