"""Tests for `ticketcore.location`."""

from __future__ import annotations

import pickle

import attrs
import pytest
from hypothesis import given

from _hostile import hostile_texts, wrong_types
from ticketcore import Location, LocationKind, TicketValidationError
from ticketcore.strategies import locations

DOMAIN, IPV4, IPV6 = LocationKind.DOMAIN, LocationKind.IPV4, LocationKind.IPV6

# text, (kind, scheme, host, host_unicode, port, path, url)
VALID = [
    (
        "www.seu-site.com/admin",
        (
            DOMAIN,
            None,
            "www.seu-site.com",
            "www.seu-site.com",
            None,
            "/admin",
            "https://www.seu-site.com/admin",
        ),
    ),
    (
        "https://www.example.com/admin?x=1#y",
        (
            DOMAIN,
            "https",
            "www.example.com",
            "www.example.com",
            None,
            "/admin?x=1#y",
            "https://www.example.com/admin?x=1#y",
        ),
    ),
    (
        "HTTP://Example.COM/Path",
        (DOMAIN, "http", "example.com", "example.com", None, "/Path", "http://example.com/Path"),
    ),
    (
        "café.com.br",
        (DOMAIN, None, "xn--caf-dma.com.br", "café.com.br", None, "", "https://xn--caf-dma.com.br"),
    ),
    (
        "CAFÉ.com.br:8080/loja",
        (
            DOMAIN,
            None,
            "xn--caf-dma.com.br",
            "café.com.br",
            8080,
            "/loja",
            "https://xn--caf-dma.com.br:8080/loja",
        ),
    ),
    (
        "xn--caf-dma.com.br",
        (
            DOMAIN,
            None,
            "xn--caf-dma.com.br",
            "xn--caf-dma.com.br",
            None,
            "",
            "https://xn--caf-dma.com.br",
        ),
    ),
    (
        "http://例え.jp/パス",
        (DOMAIN, "http", "xn--r8jz45g.jp", "例え.jp", None, "/パス", "http://xn--r8jz45g.jp/パス"),
    ),
    ("example.com.", (DOMAIN, None, "example.com", "example.com", None, "", "https://example.com")),
    ("192.168.0.1", (IPV4, None, "192.168.0.1", "192.168.0.1", None, "", "https://192.168.0.1")),
    (
        "192.168.0.1:8080",
        (IPV4, None, "192.168.0.1", "192.168.0.1", 8080, "", "https://192.168.0.1:8080"),
    ),
    (
        "http://10.0.0.1:2082/cpanel",
        (IPV4, "http", "10.0.0.1", "10.0.0.1", 2082, "/cpanel", "http://10.0.0.1:2082/cpanel"),
    ),
    (
        "[2001:db8::1]:8080",
        (IPV6, None, "2001:db8::1", "2001:db8::1", 8080, "", "https://[2001:db8::1]:8080"),
    ),
    (
        "[2001:DB8:0:0::1]",
        (IPV6, None, "2001:db8::1", "2001:db8::1", None, "", "https://[2001:db8::1]"),
    ),
    ("2001:db8::1", (IPV6, None, "2001:db8::1", "2001:db8::1", None, "", "https://[2001:db8::1]")),
    ("https://[::1]:443/a", (IPV6, "https", "::1", "::1", 443, "/a", "https://[::1]:443/a")),
    (
        "localhost:3000",
        (DOMAIN, None, "localhost", "localhost", 3000, "", "https://localhost:3000"),
    ),
    (
        "http://localhost/x",
        (DOMAIN, "http", "localhost", "localhost", None, "/x", "http://localhost/x"),
    ),
    ("app.test", (DOMAIN, None, "app.test", "app.test", None, "", "https://app.test")),
    (
        "printer.local/status",
        (
            DOMAIN,
            None,
            "printer.local",
            "printer.local",
            None,
            "/status",
            "https://printer.local/status",
        ),
    ),
    (
        "ftp://files.example.com",
        (
            DOMAIN,
            "ftp",
            "files.example.com",
            "files.example.com",
            None,
            "",
            "ftp://files.example.com",
        ),
    ),
    (
        "wss://stream.example.com:8443/live",
        (
            DOMAIN,
            "wss",
            "stream.example.com",
            "stream.example.com",
            8443,
            "/live",
            "wss://stream.example.com:8443/live",
        ),
    ),
    (
        "example.com:65535",
        (DOMAIN, None, "example.com", "example.com", 65535, "", "https://example.com:65535"),
    ),
    (
        "  https://example.com  ",
        (DOMAIN, "https", "example.com", "example.com", None, "", "https://example.com"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_valid_locations_are_parsed_into_parts(text: str, expected: tuple[object, ...]) -> None:
    """Each way customers write a place is parsed into kind, scheme, host, port and path."""
    location = Location(text)
    assert (
        location.kind,
        location.scheme,
        location.host,
        location.host_unicode,
        location.port,
        location.path,
        location.url,
    ) == expected
    assert str(location) == location.text == text.strip()


SCHEME_CHOICES = ("http", "https", "ftp", "ftps", "sftp", "ws", "wss")

INVALID = [
    ("example.com:0", "invalid_port", {"port": "0"}),
    ("example.com:99999", "invalid_port", {"port": "99999"}),
    ("example.com:65536", "invalid_port", {"port": "65536"}),
    ("[2001:db8::1]:0", "invalid_port", {"port": "0"}),
    ("[2001:db8::1]:99999", "invalid_port", {"port": "99999"}),
    ("https://example.com:99999/admin", "invalid_port", {"port": "99999"}),
    ("example.com:-1", "invalid_location", {}),
    ("example.com:http", "invalid_location", {}),
    ("example.com:", "invalid_location", {}),
    ("file:///etc/passwd", "unsupported_scheme", {"scheme": "file", "allowed": SCHEME_CHOICES}),
    ("gopher://x.com", "unsupported_scheme", {"scheme": "gopher", "allowed": SCHEME_CHOICES}),
    ("WAIS://x.com", "unsupported_scheme", {"scheme": "wais", "allowed": SCHEME_CHOICES}),
    ("://example.com", "invalid_location", {}),
    ("javascript:alert(1)", "invalid_location", {}),
    ("mailto:maria@example.com", "invalid_location", {}),
    ("https://admin:hunter2@example.com", "invalid_location", {}),
    ("https://admin@example.com/admin", "invalid_location", {}),
    ("maria@example.com", "invalid_location", {}),
    ("index.php", "invalid_location", {}),
    ("backup.tar.gz", "invalid_location", {}),
    ("example", "invalid_location", {}),
    ("exa mple.com", "invalid_location", {}),
    ("ex_ample.com", "invalid_location", {}),
    ("example.com/a b", "invalid_location", {}),
    ("example.com\\admin", "invalid_location", {}),
    ("http://256.1.1.1", "invalid_location", {}),
    ("1.2.3", "invalid_location", {}),
    ("2001:db8::1/admin", "invalid_location", {}),
    ("https://", "invalid_location", {}),
    ("", "blank", {}),
    ("   ", "blank", {}),
    ("exa\x00mple.com", "control_character", {"position": 3}),
    ("example.com/\tadmin", "control_character", {"position": 12}),
    ("\ud800.com", "invalid_unicode", {"position": 0}),
    ("example.com/" + "a" * 2037, "too_long", {"max": 2048, "actual": 2049}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "code", "params"), INVALID)
def test_invalid_locations_give_one_problem(
    text: str, code: str, params: dict[str, object]
) -> None:
    """Bad ports, schemes, credentials in URLs, file names and bad text each give their code."""
    with pytest.raises(TicketValidationError) as info:
        Location(text)
    [problem] = info.value.problems
    assert (problem.path, problem.code, dict(problem.params)) == ((), code, params)


def test_longest_location_is_accepted() -> None:
    """A location of exactly 2048 characters is valid."""
    text = "example.com/" + "a" * 2036
    assert Location(text).path == "/" + "a" * 2036


@pytest.mark.parametrize(
    ("value", "actual_type"),
    [(None, "null"), (42, "integer"), (b"example.com", "bytes"), (["example.com"], "array")],
)
def test_non_text_is_wrong_type(value: object, actual_type: str) -> None:
    """A location must be text."""
    with pytest.raises(TicketValidationError) as info:
        Location(value)  # type: ignore[arg-type]
    [problem] = info.value.problems
    assert (problem.code, dict(problem.params)) == (
        "wrong_type",
        {"expected_type": "string", "actual_type": actual_type},
    )


def test_invalid_port_message_in_both_locales() -> None:
    """The port message names the port and the valid range."""
    with pytest.raises(TicketValidationError) as info:
        Location("example.com:99999")
    problem = info.value.problems[0].with_prefix("location")
    assert str(problem) == (
        "The affected location has the port 99999, which is out of range (1 to 65535). @ $.location"
    )
    assert problem.message("pt-BR") == (
        "O campo local afetado tem a porta 99999, fora do intervalo permitido (1 a 65535)."
    )


def test_equality_and_hash_use_the_text() -> None:
    """Locations compare by their normalized text."""
    assert Location(" example.com/a ") == Location("example.com/a")
    assert hash(Location(" example.com/a ")) == hash(Location("example.com/a"))
    assert Location("example.com") != Location("https://example.com")


def test_parse_is_the_constructor() -> None:
    """`Location.parse` builds the same location as the constructor."""
    assert Location.parse("café.com.br") == Location("café.com.br")


def test_location_is_frozen() -> None:
    """A location cannot be changed after construction."""
    location = Location("example.com")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        location.host = "evil.com"  # type: ignore[misc]


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_keeps_every_part(protocol: int) -> None:
    """A pickled location comes back with its parsed parts."""
    location = Location("https://café.com.br:8443/loja")
    restored = pickle.loads(pickle.dumps(location, protocol=protocol))  # noqa: S301
    assert restored == location
    assert (restored.host, restored.host_unicode, restored.port, restored.path) == (
        "xn--caf-dma.com.br",
        "café.com.br",
        8443,
        "/loja",
    )


@given(locations())
def test_generated_locations_parse_back_the_same(location: Location) -> None:
    """Parsing a location's own text again gives the same location and parts."""
    again = Location(location.text)
    assert again == location
    assert (again.kind, again.scheme, again.host, again.host_unicode, again.port, again.path) == (
        location.kind,
        location.scheme,
        location.host,
        location.host_unicode,
        location.port,
        location.path,
    )
    assert Location(location.url).host == location.host


@given(hostile_texts)
def test_any_text_is_a_location_or_our_error(text: str) -> None:
    """No text makes the parser raise anything but `TicketValidationError`."""
    try:
        Location(text)
    except TicketValidationError as exc:
        assert all(problem.path == () for problem in exc.problems)  # noqa: PT017


@given(wrong_types)
def test_any_other_type_is_wrong_type(value: object) -> None:
    """Any value that is not text is `wrong_type`, and nothing else."""
    with pytest.raises(TicketValidationError) as info:
        Location(value)  # type: ignore[arg-type]
    assert info.value.codes == ("wrong_type",)
