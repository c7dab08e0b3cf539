"""Hypothesis strategies that build valid ticketcore objects, for the tests of host applications.

Everything a strategy here produces constructs without error: tickets in English and
Portuguese, international domain names, IPv4 and IPv6 addresses with ports, attachments within
the `Limits`, and custom fields of every `FieldKind`. Use them to test code that receives
tickets (a queue consumer, a mail template) without hand-writing fixtures::

    from hypothesis import given
    from ticketcore import strategies

    @given(strategies.tickets())
    def test_every_ticket_has_a_subject(ticket):
        assert render_mail(ticket).startswith(ticket.subject)

This module needs Hypothesis, which the ``testing`` extra installs:
``pip install 'ticketcore[testing]'``.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final, Literal, TypeVar, overload

import attrs

try:
    import hypothesis.strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as exc:  # pragma: no cover (a test hides hypothesis to run this)
    _msg = (
        "ticketcore.strategies needs Hypothesis, which is not installed; "
        "install the testing extra: pip install 'ticketcore[testing]'"
    )
    raise ImportError(_msg, name=exc.name) from exc

from ticketcore._check import normalize_text
from ticketcore._criteria import DEFAULT_WEIGHTS, MAX_SCORE
from ticketcore.attachment import EXECUTABLE_EXTENSIONS, FILENAME_MAX_LENGTH, Attachment
from ticketcore.context import CONTEXTS, Context
from ticketcore.credentials import Credentials
from ticketcore.custom_field import CustomField, CustomValue, FieldKind
from ticketcore.department import REQUIRABLE_FIELDS, Department
from ticketcore.limits import DEFAULT_LIMITS, Limits
from ticketcore.location import Location
from ticketcore.priority import Priority
from ticketcore.requester import Requester
from ticketcore.rules import DEFAULT_RULES, RuleSet
from ticketcore.serialize import to_dict
from ticketcore.ticket import Ticket

__all__ = [
    "DRAFT_PARTS",
    "InvalidTicketDict",
    "WireDict",
    "attachments",
    "credentials",
    "custom_fields",
    "custom_values",
    "departments",
    "domains",
    "drafts",
    "emails",
    "error_messages",
    "identifiers",
    "locations",
    "messages",
    "passwords",
    "priorities",
    "requesters",
    "rule_sets",
    "subjects",
    "texts",
    "ticket_dicts",
    "tickets",
]

T = TypeVar("T")

_ALNUM: Final = "abcdefghijklmnopqrstuvwxyz0123456789"


def _words(*, separators: str, max_words: int, max_size: int = 12) -> st.SearchStrategy[str]:
    """Lowercase ASCII words joined by one of *separators* (``loja-do-joao``, ``maria.silva``).

    Built from plain text strategies rather than ``from_regex``, which is several times slower.
    """
    word = st.text(_ALNUM, min_size=1, max_size=max_size)
    return st.builds(
        lambda first, rest: first + "".join(sep + w for sep, w in rest),
        word,
        st.lists(st.tuples(st.sampled_from(separators), word), max_size=max_words - 1),
    )


# Strategy builders are cached (here and below): building and validating a strategy costs far
# more than drawing from it, and a composite would otherwise rebuild its parts for every example.
@functools.cache
def _or_none(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


# ---------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------

_CONTROL: Final[tuple[Literal["Cc"]]] = ("Cc",)
# Every character a single-line field accepts: anything encodable except control characters
# (category Cc); surrogates are not encodable, so the codec leaves them out.
_LINE_CHARACTERS: Final[st.SearchStrategy[str]] = st.characters(
    codec="utf-8", exclude_categories=_CONTROL
)
_MULTILINE_CHARACTERS: Final[st.SearchStrategy[str]] = st.characters(
    codec="utf-8", exclude_categories=_CONTROL, include_characters="\n\t"
)


@functools.cache
def texts(
    *, min_size: int = 1, max_size: int = 200, multiline: bool = False
) -> st.SearchStrategy[str]:
    r"""Arbitrary valid text, already normalized (NFC, stripped, ``\n`` line breaks).

    Any Unicode except control characters (``\n`` and ``\t`` allowed when *multiline*);
    the length, counted after normalization, is between *min_size* and *max_size*.
    """
    if min_size < 0 or max_size < min_size:
        msg = f"need 0 <= min_size <= max_size, got min_size={min_size}, max_size={max_size}"
        raise InvalidArgument(msg)
    alphabet = _MULTILINE_CHARACTERS if multiline else _LINE_CHARACTERS
    # Generating a little more than needed leaves room for the whitespace that is stripped.
    raw = st.text(alphabet, min_size=min_size, max_size=max_size + 4)
    return raw.map(normalize_text).filter(lambda s: min_size <= len(s) <= max_size)


def _fill(templates: Sequence[str], **parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Templates with ``{name}`` parts drawn from *parts*."""

    @st.composite
    def build(draw: st.DrawFn) -> str:
        template = draw(st.sampled_from(templates))
        values = {
            name: draw(strategy) for name, strategy in parts.items() if f"{{{name}}}" in template
        }
        return template.format(**values)

    return build()


_TIMES: Final = st.builds(
    "{:02d}:{:02d}".format, st.integers(0, 23), st.sampled_from([0, 5, 15, 30, 45])
)
_PATHS: Final = st.one_of(
    st.sampled_from(
        [
            "/admin",
            "/wp-admin/",
            "/wp-login.php",
            "/painel",
            "/loja/produto?id=42",
            "/index.php?route=checkout/cart",
            "/api/v1/status#health",
            "/área-do-cliente",
            "/ação/promoção",
            "/~maria/",
        ]
    ),
    st.lists(_words(separators="-_", max_words=2, max_size=8), min_size=1, max_size=4).map(
        lambda segments: "/" + "/".join(segments)
    ),
)

_SUBJECTS_EN: Final = (
    "Site {domain} down since {time}",
    "Cannot log in to the control panel",
    "HTTP 500 on {path}",
    "E-mails to {email} are bouncing",
    "SSL certificate expired on {domain}",
    "Database connection error on {domain}",
    "Website very slow since {time}",
    "How do I point {domain} to my VPS?",
    "Backup restore request",
    "Upgrade plan for {domain}",
    "FTP upload fails with timeout",
    "Mailbox full",
)
_SUBJECTS_PT: Final = (
    "Site {domain} fora do ar desde {time}",
    "Não consigo acessar o painel",
    "Erro 500 ao abrir {path}",
    "E-mails para {email} voltando",
    "Certificado SSL expirado em {domain}",
    "Erro de conexão com o banco de dados em {domain}",
    "Lentidão no site desde as {time}",
    "Como apontar o domínio {domain} para a VPS?",
    "Solicitação de restauração de backup",
    "Migração de hospedagem",
    "Rádio fora do ar",
    "Cobrança duplicada na fatura",
)
_STEPS_EN: Final = (
    "1. Open https://{domain}{path}\n2. Log in as admin\n3. The page shows HTTP 500",
    "1. Open the webmail\n2. Send a message to {email}\n3. It comes back as undeliverable",
    "Since {time} the site {domain} does not load. I did not change anything.",
    "When I upload a file over FTP the connection drops after a few seconds.",
    "Steps:\n\t- go to {path}\n\t- click Save\nExpected: the page saves. Actual: a blank page.",
)
_STEPS_PT: Final = (
    "1. Acesse https://{domain}{path}\n2. Faça login como admin\n3. Aparece o erro 500",
    "1. Abra o webmail\n2. Envie uma mensagem para {email}\n3. Ela volta como não entregue",
    "Desde as {time} o site {domain} não carrega. Não alterei nada.",
    "Quando envio um arquivo por FTP a conexão cai depois de alguns segundos.",
    "Passos:\n\t- acesse {path}\n\t- clique em Salvar\nEsperado: salvar. Obtido: página em branco.",
    "Olá, bom dia!\n\nO site está fora do ar. Podem verificar, por favor?\n\nObrigada,\nMaria",
)
_ERRORS: Final = (
    "HTTP 500 Internal Server Error",
    "Error establishing a database connection",
    "Erro ao estabelecer uma conexão com o banco de dados",
    "SQLSTATE[HY000] [2002] Connection refused",
    "550 5.1.1 <{email}>: Recipient address rejected: User unknown",
    "Fatal error: Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes)",
    "ERR_SSL_PROTOCOL_ERROR",
    "NET::ERR_CERT_DATE_INVALID",
    "530 Login authentication failed",
    "Warning: mysqli_connect(): (HY000/1045): Access denied for user 'root'@'localhost'",
    "Traceback (most recent call last):\n  File \"app.py\", line 12, in <module>\nKeyError: 'id'",
)


@functools.cache
def subjects(limits: Limits = DEFAULT_LIMITS) -> st.SearchStrategy[str]:
    """Ticket subjects in English and Portuguese (and some arbitrary text) that fit *limits*."""
    realistic = st.one_of(
        _fill(_SUBJECTS_EN, domain=domains(), time=_TIMES, path=_PATHS, email=emails()),
        _fill(_SUBJECTS_PT, domain=domains(), time=_TIMES, path=_PATHS, email=emails()),
    )
    low, high = limits.subject_min_length, limits.subject_max_length
    return st.one_of(
        realistic.filter(lambda s: low <= len(s) <= high),
        texts(min_size=low, max_size=min(high, low + 80)),
    )


@functools.cache
def messages(limits: Limits = DEFAULT_LIMITS) -> st.SearchStrategy[str]:
    """Ticket messages, often with numbered steps, in English and Portuguese, that fit *limits*."""
    parts = {"domain": domains(), "time": _TIMES, "path": _PATHS, "email": emails()}
    realistic = st.one_of(_fill(_STEPS_EN, **parts), _fill(_STEPS_PT, **parts))
    high = limits.message_max_length
    return st.one_of(
        realistic.filter(lambda s: len(s) <= high),
        texts(max_size=min(high, 600), multiline=True),
    )


@functools.cache
def error_messages(limits: Limits = DEFAULT_LIMITS) -> st.SearchStrategy[str]:
    """Error texts as customers paste them (HTTP, PHP, SMTP, browser errors) that fit *limits*."""
    high = limits.error_message_max_length
    return st.one_of(
        _fill(_ERRORS, email=emails()).filter(lambda s: len(s) <= high),
        texts(max_size=min(high, 300), multiline=True),
    )


# ---------------------------------------------------------------------------------------------
# Places: domains, addresses, locations
# ---------------------------------------------------------------------------------------------

_ASCII_LABELS: Final = _words(separators="-", max_words=2)
_IDN_LABELS: Final = st.sampled_from(
    [
        "café",
        "ação",
        "pão-de-queijo",
        "coração",
        "são-paulo",
        "loja-do-joão",
        "münchen",
        "españa",
        "bücher",
        "例え",
        "пример",
        "δοκιμή",
    ]
)
_PUBLIC_TLDS: Final = ("com", "com.br", "net", "org", "br", "pt", "io", "dev", "app", "net.br")
# Reserved names that developers' tickets point at (see `ticketcore.location.SPECIAL_USE_TLDS`).
_SPECIAL_TLDS: Final = ("test", "example", "local", "internal")


@functools.cache
def domains(*, idn: bool = True, special_use: bool = True) -> st.SearchStrategy[str]:
    """Domain names: ``www.loja.com.br``, ``café.com.br`` (when *idn*), ``app.test``.

    With *special_use*, reserved test names (``.test``, ``.local`` …) appear too; e-mail
    addresses cannot use them.
    """
    labels = st.one_of(_ASCII_LABELS, _IDN_LABELS) if idn else _ASCII_LABELS
    tlds = _PUBLIC_TLDS + _SPECIAL_TLDS if special_use else _PUBLIC_TLDS
    return st.builds(
        "{}{}.{}".format,
        st.sampled_from(["", "www.", "painel.", "mail.", "loja.", "app.staging."]),
        labels,
        st.sampled_from(tlds),
    )


@functools.cache
def emails() -> st.SearchStrategy[str]:
    """E-mail addresses, with Portuguese and international characters, that pass the check."""
    local = st.one_of(
        _words(separators="._+-", max_words=3),
        st.sampled_from(["maria", "joão.silva", "contato", "suporte", "Maria.Silva", "zoë"]),
    )
    return st.builds("{}@{}".format, local, domains(special_use=False))


_PORTS: Final = st.none() | st.integers(1, 65535)
_OPTIONAL_PATHS: Final = st.just("") | _PATHS
_FORMS: Final = st.sampled_from(["domain", "url", "ipv4", "ipv6", "bare-ipv6", "localhost"])
_SCHEMES: Final = st.sampled_from(["http", "https", "HTTPS", "ftp", "sftp", "wss"])
_URL_HOSTS: Final = domains() | st.ip_addresses(v=4).map(str)


@st.composite
def _location_texts(draw: st.DrawFn) -> str:
    form = draw(_FORMS)
    port = draw(_PORTS)
    path = draw(_OPTIONAL_PATHS)
    suffix = (f":{port}" if port is not None else "") + path
    if form == "domain":
        return draw(domains()) + suffix
    if form == "url":
        scheme = draw(_SCHEMES)
        host = draw(_URL_HOSTS)
        return f"{scheme}://{host}{suffix}"
    if form == "ipv4":
        return f"{draw(st.ip_addresses(v=4))}{suffix}"
    if form == "ipv6":
        return f"[{draw(st.ip_addresses(v=6))}]{suffix}"
    if form == "bare-ipv6":
        return str(draw(st.ip_addresses(v=6)))
    return f"localhost:{port or 3000}{path}"


@functools.cache
def locations() -> st.SearchStrategy[Location]:
    """Affected locations as customers type them.

    Domains (international ones too) with or without port and path, full URLs, IPv4, IPv6 in
    brackets with a port or bare, ``localhost:3000`` and reserved test domains.
    """
    return _location_texts().map(Location)


# ---------------------------------------------------------------------------------------------
# People and access
# ---------------------------------------------------------------------------------------------

_NAMES: Final = (
    "Maria Silva",
    "João Pereira",
    "José da Conceição",
    "Ana Luíza Gonçalves",
    "Antônio Araújo",
    "Zoë Ångström",
    "Renée O'Connor",
    "Ngozi Okafor",
    "李雷",
    "Ólafur Arnalds",
)


@functools.cache
def requesters() -> st.SearchStrategy[Requester]:
    """Requesters with Portuguese and international names and valid e-mail addresses."""
    names = st.one_of(st.sampled_from(_NAMES), texts(max_size=80))
    return st.builds(Requester, name=names, email=emails())


@functools.cache
def passwords(*, min_size: int = 8, max_size: int = 64) -> st.SearchStrategy[str]:
    """Passwords: any characters but controls, spaces included and kept as typed."""
    return st.text(_LINE_CHARACTERS, min_size=min_size, max_size=max_size)


_USERNAMES: Final = st.one_of(
    st.sampled_from(["admin", "root", "maria.silva", "joao_pereira", "cpanel-user", "usuário"]),
    _words(separators="._-", max_words=3, max_size=10),
)


@functools.cache
def credentials() -> st.SearchStrategy[Credentials]:
    """Panel credentials; the password is a `Secret`."""
    return st.builds(Credentials, username=_USERNAMES, password=passwords())


# ---------------------------------------------------------------------------------------------
# Attachments
# ---------------------------------------------------------------------------------------------

# The media type browsers send for each extension, where the pair is obvious.
_MEDIA_TYPES: Final = {
    "png": ("image/png",),
    "jpg": ("image/jpeg",),
    "jpeg": ("image/jpeg",),
    "gif": ("image/gif",),
    "webp": ("image/webp",),
    "pdf": ("application/pdf",),
    "txt": ("text/plain", "text/plain; charset=utf-8"),
    "log": ("text/plain",),
    "csv": ("text/csv", "text/csv; charset=UTF-8"),
    "zip": ("application/zip", "application/x-zip-compressed"),
}
_STEMS: Final = st.one_of(
    st.sampled_from(
        [
            "erro",
            "screenshot",
            "Captura de Tela 2026-11-24 às 13.00.00",
            "Screen Shot 2026-11-24 at 10.15.42",
            "print (2)",
            "apache_error",
            "relatório-mensal",
            "nota fiscal",
            "WhatsApp Image 2026-11-24 at 09.41.07",
        ]
    ),
    st.text(
        st.characters(categories=("L", "N"), include_characters=" -_()"), min_size=1, max_size=60
    )
    .map(normalize_text)
    .filter(bool),
)


def _attachment_kinds(limits: Limits) -> list[tuple[str, str]]:
    """The (extension, media type) pairs an attachment may have under *limits*."""
    types = sorted(t for t in limits.allowed_content_types if _accepts_media_type(t))
    extensions = sorted(
        e
        for e in limits.allowed_extensions
        if e not in EXECUTABLE_EXTENSIONS and e.isalnum() and e.isascii() and e == e.lower()
    )
    if not types:
        return []
    pairs = [
        (ext, media)
        for ext in extensions
        for media in _MEDIA_TYPES.get(ext, ())
        if media.split(";")[0] in types
    ]
    if pairs:
        return pairs
    # Rules with their own types: any allowed extension (or none) with any allowed type.
    return [(ext, media) for ext in extensions or [""] for media in types]


def _accepts_media_type(media_type: str) -> bool:
    try:
        Attachment(filename="probe.txt", content_type=media_type, size=0)
    except ValueError:
        return False
    return True


@functools.cache
def attachments(limits: Limits = DEFAULT_LIMITS) -> st.SearchStrategy[Attachment]:
    """Attachments a ticket checked against *limits* accepts: allowed types, extensions, sizes.

    Raises:
        hypothesis.errors.InvalidArgument: *limits* allow no content type at all.
    """
    kinds = _attachment_kinds(limits)
    if not kinds:
        msg = "these limits allow no attachment content type"
        raise InvalidArgument(msg)

    kind_strategy = st.sampled_from(kinds)
    sizes = st.integers(0, limits.max_attachment_size)

    @st.composite
    def build(draw: st.DrawFn) -> Attachment:
        extension, media_type = draw(kind_strategy)
        stem = draw(_STEMS)
        if extension:
            extension = extension.upper() if draw(st.booleans()) else extension
            stem = stem[: FILENAME_MAX_LENGTH - len(extension) - 1]
        filename = f"{stem}.{extension}" if extension else stem
        return Attachment(filename=filename, content_type=media_type, size=draw(sizes))

    return build()


# ---------------------------------------------------------------------------------------------
# Departments and custom fields
# ---------------------------------------------------------------------------------------------


@functools.cache
def identifiers() -> st.SearchStrategy[str]:
    """Slug identifiers for departments, services and custom fields (``technical-support``)."""
    return _words(separators="-_", max_words=4, max_size=15)


@functools.cache
def priorities() -> st.SearchStrategy[Priority]:
    """Any `Priority`."""
    return st.sampled_from(Priority)


_CONTEXT_SETS: Final = st.one_of(
    st.booleans(), st.lists(st.sampled_from(CONTEXTS), unique=True, max_size=3)
)

# Patterns rule sets use, each with values that match it. Only ASCII classes: ``\d`` would
# also match other scripts' digits, which is valid but not what these fields are about.
_PATTERNS: Final = st.sampled_from(
    [
        r"PED-[0-9]{4}",
        r"[A-Z]{2}[0-9]{3,6}",
        r"[0-9]{5}-[0-9]{3}",  # a Brazilian postal code (CEP)
        r"[a-z0-9_]{3,16}",
        r"(BR|PT)-[0-9]{2}",
    ]
)
_OPTIONS: Final = st.lists(
    st.sampled_from(["basic", "plus", "pro", "Plano Básico", "Revenda", "VPS 2 GB"])
    | texts(max_size=40),
    min_size=1,
    max_size=5,
    unique=True,
)
_MIN_LENGTHS: Final = st.integers(1, 5)
_MAX_LENGTHS: Final = st.integers(10, 200)
_MULTILINE_MAX_LENGTHS: Final = st.integers(50, 4096)
_BOUNDS: Final = st.none() | st.integers(-1000, 1000) | st.floats(-1e6, 1e6)


def _labels(english: Sequence[str], portuguese: Sequence[str]) -> st.SearchStrategy[dict[str, str]]:
    pairs = st.sampled_from(list(zip(english, portuguese, strict=True)))
    return st.one_of(
        pairs.map(lambda p: {"en": p[0], "pt-BR": p[1]}),
        pairs.map(lambda p: {"en": p[0]}),
        texts(max_size=60).map(lambda s: {"en": s}),
    )


_FIELD_LABELS: Final = _labels(
    ["Order number", "Mailbox", "Stream port", "Plan", "Notes", "Server IP", "Panel URL"],
    ["Número do pedido", "Caixa postal", "Porta do streaming", "Plano", "Observações",
     "IP do servidor", "URL do painel"],
)  # fmt: skip
_FIELD_ERRORS: Final[st.SearchStrategy[dict[str, str]]] = st.one_of(
    st.just({}),
    st.just({"en": "Order numbers look like PED-1234.", "pt-BR": "Pedidos são como PED-1234."}),
    st.just({"en": "Check this value."}),
)


@st.composite
def _custom_field(draw: st.DrawFn, kind: FieldKind) -> CustomField:
    options: tuple[str, ...] = ()
    pattern = min_length = max_length = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    if kind is FieldKind.CHOICE:
        options = tuple(draw(_OPTIONS))
    elif kind is FieldKind.TEXT:
        pattern = draw(_or_none(_PATTERNS))
        if pattern is None:
            min_length = draw(_or_none(_MIN_LENGTHS))
            max_length = draw(_or_none(_MAX_LENGTHS))
    elif kind is FieldKind.MULTILINE:
        max_length = draw(_or_none(_MULTILINE_MAX_LENGTHS))
    elif kind is FieldKind.NUMBER:
        minimum, maximum = draw(_BOUNDS), draw(_BOUNDS)
        if minimum is not None and maximum is not None and maximum < minimum:
            minimum, maximum = maximum, minimum
    return CustomField(
        id=draw(identifiers()),
        kind=kind,
        labels=draw(_FIELD_LABELS),
        required=draw(_CONTEXT_SETS),
        min_length=min_length,
        max_length=max_length,
        minimum=minimum,
        maximum=maximum,
        options=options,
        pattern=pattern,
        error_messages=draw(_FIELD_ERRORS),
    )


@functools.cache
def custom_fields(kind: FieldKind | None = None) -> st.SearchStrategy[CustomField]:
    """Custom field definitions of *kind* (of every kind when ``None``).

    Text fields may have a (safe) pattern or length bounds, numbers a range, choices a few
    options; some are required in some contexts, some have their own error messages.
    """
    kinds = st.just(kind) if kind is not None else st.sampled_from(FieldKind)
    return kinds.flatmap(_custom_field)


@functools.cache
def custom_values(field: CustomField, /) -> st.SearchStrategy[CustomValue]:
    """Raw values that *field* accepts, as a ticket's ``custom_fields`` would hold them."""
    kind = field.kind
    if kind is FieldKind.BOOLEAN:
        return st.booleans()
    if kind is FieldKind.NUMBER:
        return _numbers(field.minimum, field.maximum)
    if kind is FieldKind.CHOICE:
        return st.sampled_from(field.options)
    if kind is FieldKind.EMAIL:
        return emails()
    if kind is FieldKind.URL:
        return locations().map(str)
    if kind is FieldKind.DOMAIN:
        return domains()
    if kind is FieldKind.IP:
        return st.ip_addresses().map(str)
    if kind is FieldKind.SECRET:
        return passwords(max_size=min(64, field.text_max_length))
    if field.pattern is not None:
        return st.from_regex(field.pattern, fullmatch=True)
    return texts(
        min_size=field.min_length or 1,
        max_size=min(field.text_max_length, 300),
        multiline=kind is FieldKind.MULTILINE,
    )


@functools.cache
def _numbers(
    minimum: int | float | None, maximum: int | float | None
) -> st.SearchStrategy[int | float]:
    floats = st.floats(minimum, maximum, allow_nan=False, allow_infinity=False)
    low = None if minimum is None else math.ceil(minimum)
    high = None if maximum is None else math.floor(maximum)
    if low is not None and high is not None and high < low:
        return floats
    return st.integers(low, high) | floats


_DEPARTMENT_NAMES: Final = _labels(
    ["Technical support", "Billing", "Sales", "Domains", "E-mail", "Streaming", "Migrations"],
    ["Suporte técnico", "Financeiro", "Comercial", "Domínios", "E-mail", "Streaming", "Migrações"],
)
_REQUIRES: Final = st.one_of(
    st.lists(st.sampled_from(REQUIRABLE_FIELDS), unique=True, max_size=3),
    st.dictionaries(st.sampled_from(REQUIRABLE_FIELDS), _CONTEXT_SETS, max_size=3),
)


@functools.cache
def departments(*, max_custom_fields: int = 3) -> st.SearchStrategy[Department]:
    """Departments with names in English (and often Portuguese), requirements and custom fields.

    Requirements are a plain list of fields or a mapping of fields to contexts.
    """
    return st.builds(
        Department,
        id=identifiers(),
        names=_DEPARTMENT_NAMES,
        requires=_REQUIRES,
        custom_fields=st.lists(
            custom_fields(), max_size=max_custom_fields, unique_by=lambda f: f.id
        ),
    )


# ---------------------------------------------------------------------------------------------
# Tickets
# ---------------------------------------------------------------------------------------------

_UTC_OFFSETS: Final = st.sampled_from(
    [dt.UTC] + [dt.timezone(dt.timedelta(hours=h)) for h in (-3, -5, 1, 9)]
    + [dt.timezone(dt.timedelta(hours=5, minutes=30))]
)  # fmt: skip
_SERVICES: Final = st.builds(
    "{}-{}".format,
    st.sampled_from(["hosting", "vps", "domain", "email", "ssl", "hospedagem", "dominio", "radio"]),
    st.integers(1, 999_999),
)
_CREATED_AT: Final = st.none() | st.datetimes(timezones=_UTC_OFFSETS)


def tickets(
    *,
    department: Department | st.SearchStrategy[Department] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    context: Context = "customer",
    priorities: Iterable[Priority] = tuple(Priority),
) -> st.SearchStrategy[Ticket]:
    """Valid tickets, checked against *limits* and submitted in *context*.

    Args:
        department: The department of every ticket, a strategy for it, or ``None`` for
            `departments()`. What it requires in *context* is always filled in, including its
            required custom fields; other optional fields are filled in or not.
        limits: The limits the tickets respect (subject and message lengths, attachments).
        context: Who submits the tickets, which decides what is required.
        priorities: The priorities offered (`RuleSet.priorities`): every ticket has one of
            them.

    Raises:
        hypothesis.errors.InvalidArgument: The department requires attachments in *context*
            but *limits* allow none (when *department* is a strategy: on drawing).
    """
    if department is None:
        department_strategy = departments()
    elif isinstance(department, Department):
        # Fails now, rather than on every draw, when the requirements cannot be met.
        _attachment_lists(limits, required="attachments" in department.required_fields(context))
        department_strategy = st.just(department)
    else:
        department_strategy = department
    offered = tuple(sorted(set(priorities)))
    if not offered:
        msg = "tickets() needs at least one priority to offer"
        raise InvalidArgument(msg)
    return _tickets(department_strategy, limits, context, offered)


@st.composite
def _tickets(
    draw: st.DrawFn,
    department_strategy: st.SearchStrategy[Department],
    limits: Limits,
    context: Context,
    offered: tuple[Priority, ...],
) -> Ticket:
    department = draw(department_strategy)
    required = department.required_fields(context)

    def optional(name: str, strategy: st.SearchStrategy[T]) -> T | None:
        return draw(strategy if name in required else _or_none(strategy))

    custom: dict[str, CustomValue] = {}
    for field in department.custom_fields:
        if context in field.required or draw(st.booleans()):
            custom[field.id] = draw(custom_values(field))
    return Ticket(
        department=department,
        subject=draw(subjects(limits)),
        message=draw(messages(limits)),
        priority=draw(st.sampled_from(offered)),
        priorities=offered,
        service=optional("service", _SERVICES),
        location=optional("location", locations()),
        credentials=optional("credentials", credentials()),
        error_message=optional("error_message", error_messages(limits)),
        attachments=draw(_attachment_lists(limits, required="attachments" in required)),
        requester=optional("requester", requesters()),
        custom_fields=custom,
        created_at=draw(_CREATED_AT),
        limits=limits,
        context=context,
    )


@functools.cache
def _attachment_lists(limits: Limits, *, required: bool) -> st.SearchStrategy[list[Attachment]]:
    low = 1 if required else 0
    high = min(limits.max_attachments, 4)
    if high < low or not _attachment_kinds(limits):
        if required:
            msg = "the department requires attachments, but these limits allow none"
            raise InvalidArgument(msg)
        return st.just([])
    return st.lists(attachments(limits), min_size=low, max_size=high)


# Strategies for the wire format (ticket dictionaries, drafts) belong below this line.

# ---------------------------------------------------------------------------------------------
# Wire-format documents: ticket dictionaries and drafts
# ---------------------------------------------------------------------------------------------

WireDict = dict[str, Any]
"""A wire-format document: a parsed JSON object."""

_Change = Callable[[WireDict, RuleSet], object]


@attrs.frozen
class InvalidTicketDict:
    """A wire-format document that breaks one known rule, drawn from ``ticket_dicts(valid=False)``.

    `ticketcore.from_dict` rejects `data` and reports, among its problems (usually the only
    one), a problem with this `code` at this `path`.

    Attributes:
        data: The document: a valid one with one rule broken.
        code: The code of the problem that breaks it, such as ``invalid_email``.
        path: Where the problem is, such as ``("requester", "email")``.
    """

    data: WireDict = attrs.field(eq=False)
    code: str
    path: tuple[str | int, ...]


def _unknown_department(data: WireDict, rules: RuleSet) -> None:
    name = "unknown-department"
    while name in rules.department_ids:
        name += "-x"
    data["department"] = name


# Each entry breaks one rule of a valid document, whatever its department and limits.
_BREAKS: Final[tuple[tuple[str, tuple[str | int, ...], _Change], ...]] = (
    ("wrong_type", ("subject",), lambda d, _: d.update(subject=42)),
    ("required", ("message",), lambda d, _: d.pop("message")),
    ("invalid_choice", ("priority",), lambda d, _: d.update(priority="asap")),
    ("unknown_department", ("department",), _unknown_department),
    ("unknown_field", ("color",), lambda d, _: d.update(color="blue")),
    (
        "invalid_email",
        ("requester", "email"),
        lambda d, _: d.update(requester={"name": "Maria Silva", "email": "maria@"}),
    ),
    ("invalid_port", ("location",), lambda d, _: d.update(location="meusite.com.br:99999")),
    ("invalid_location", ("location",), lambda d, _: d.update(location="not a host")),
    (
        "executable_not_allowed",
        ("attachments", 0, "filename"),
        lambda d, _: d.update(
            attachments=[{"filename": "setup.exe", "content_type": "image/png", "size": 1}]
        ),
    ),
    (
        "wrong_type",
        ("attachments", 0, "size"),
        lambda d, _: d.update(
            attachments=[{"filename": "erro.png", "content_type": "image/png", "size": "12"}]
        ),
    ),
    ("naive_datetime", ("created_at",), lambda d, _: d.update(created_at="2026-11-24T10:00")),
    ("unsupported_version", ("schema_version",), lambda d, _: d.update(schema_version=99)),
    (
        "wrong_type",
        ("credentials", "password"),
        lambda d, _: d.update(credentials={"username": "admin", "password": 12345678}),
    ),
)


@overload
def ticket_dicts(
    *, valid: Literal[True] = True, rules: RuleSet | None = None, context: Context = "customer"
) -> st.SearchStrategy[WireDict]: ...
@overload
def ticket_dicts(
    *, valid: Literal[False], rules: RuleSet | None = None, context: Context = "customer"
) -> st.SearchStrategy[InvalidTicketDict]: ...
def ticket_dicts(
    *, valid: bool = True, rules: RuleSet | None = None, context: Context = "customer"
) -> st.SearchStrategy[WireDict] | st.SearchStrategy[InvalidTicketDict]:
    """Wire-format documents (parsed JSON objects), as a form or an API receives them.

    Valid documents go to a department of *rules* and carry what it requires in *context*;
    keys without a value are sometimes left out, and passwords are included. An invalid one
    is a valid document with one rule broken, in an `InvalidTicketDict` that says which
    problem `ticketcore.from_dict` reports::

        @given(strategies.ticket_dicts(valid=False))
        def test_the_api_rejects_bad_tickets(case):
            response = client.post("/tickets", json=case.data)
            assert response.status_code == 422
            assert case.code in [p["code"] for p in response.json()["problems"]]

    Args:
        valid: Whether `ticketcore.from_dict` (given *rules* and *context*) accepts them.
        rules: The rule set; `ticketcore.DEFAULT_RULES` when ``None``.
        context: Who submits the tickets, which decides what is required.
    """
    rule_set = DEFAULT_RULES if rules is None else rules
    documents = _valid_dicts(rule_set, context)
    if valid:
        return documents
    return st.tuples(documents, st.sampled_from(_BREAKS)).map(
        lambda drawn: _broken(drawn[0], drawn[1], rule_set)
    )


def _broken(
    data: WireDict, broken: tuple[str, tuple[str | int, ...], _Change], rules: RuleSet
) -> InvalidTicketDict:
    code, path, change = broken
    change(data, rules)
    return InvalidTicketDict(data, code, path)


@functools.cache
def _valid_dicts(rules: RuleSet, context: Context) -> st.SearchStrategy[WireDict]:
    tickets_ = tickets(
        department=st.sampled_from(rules.departments),
        limits=rules.limits,
        context=context,
        priorities=rules.priorities,
    )

    @st.composite
    def build(draw: st.DrawFn) -> WireDict:
        data = to_dict(draw(tickets_), include_secrets=True)
        for key in [k for k, v in data.items() if v is None or v in ([], {})]:
            if draw(st.booleans()):
                del data[key]
        return data

    return build()


DRAFT_PARTS: Final = (
    "steps",
    "error_message",
    "location",
    "expected_behavior",
    "screenshot",
    "service",
)
"""The parts of a ticket that `drafts` can leave out, named as the scorer's criteria."""

_DraftPart = Literal[
    "steps", "error_message", "location", "expected_behavior", "screenshot", "service"
]

# Texts the scorer reads unambiguously: the subject and the problem statement name no site and
# no error, and are long and specific enough; steps, expected behaviour, error messages and
# locations are each recognised on their own. tests/test_strategies.py checks it on every draw.
_DRAFT_TEXTS: Final = {
    "en": {
        "subject": (
            "Payment page of the shop fails at checkout",
            "Customers cannot pay at the checkout of the shop",
            "Newsletter signup form rejects every address",
        ),
        "problem": (
            (
                "Since this morning the checkout of our shop stops every customer who tries to pay "
                "for an order."
            ),
            (
                "Since yesterday nobody can subscribe to our newsletter through the signup form on "
                "the home page."
            ),
        ),
        "steps": (
            "1. Open the shop\n2. Add a product to the cart\n3. Click Pay",
            "Steps:\n- open the home page\n- type an address in the signup form\n- click Subscribe",
        ),
        "expected": (
            "I expected the payment page to open.",
            "It should show the confirmation page.",
        ),
    },
    "pt-BR": {
        "subject": (
            "Página de pagamento da loja falha no checkout",
            "Clientes não conseguem pagar no checkout da loja",
            "Formulário de cadastro da newsletter recusa endereços",
        ),
        "problem": (
            (
                "Desde hoje de manhã o checkout da nossa loja impede todos os clientes de pagar um "
                "pedido."
            ),
            (
                "Desde ontem ninguém consegue assinar a newsletter pelo formulário de cadastro da "
                "página inicial."
            ),
        ),
        "steps": (
            "1. Acesse a loja\n2. Adicione um produto ao carrinho\n3. Clique em Pagar",
            (
                "Passos:\n- abra a página inicial\n- digite um endereço no formulário\n- clique em "
                "Assinar"
            ),
        ),
        "expected": (
            "O esperado era abrir a página de pagamento.",
            "Deveria aparecer a página de confirmação.",
        ),
    },
}
_DRAFT_ERRORS: Final = (
    "HTTP 500 Internal Server Error",
    "Error establishing a database connection",
    "SQLSTATE[HY000] [2002] Connection refused",
    "ERR_SSL_PROTOCOL_ERROR",
    "Fatal error: Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes)",
)
_SCREENSHOTS: Final = st.builds(
    lambda stem, ext, size: {
        "filename": f"{stem}.{ext}",
        "content_type": "image/png" if ext == "png" else "image/jpeg",
        "size": size,
    },
    st.sampled_from(["erro", "screenshot", "captura-de-tela", "checkout"]),
    st.sampled_from(["png", "jpg"]),
    st.integers(1, 2_000_000),
)
_OTHER_FILES: Final[st.SearchStrategy[list[dict[str, Any]]]] = st.just([]) | st.just(
    [{"filename": "contrato.pdf", "content_type": "application/pdf", "size": 48213}]
)


def drafts(
    *, missing: Iterable[_DraftPart] = (), rules: RuleSet | None = None
) -> st.SearchStrategy[WireDict]:
    """Drafts of tickets for `ticketcore.assess`: wire-format documents with chosen parts left out.

    Every part of `DRAFT_PARTS` not in *missing* is there, in a form the completeness
    scorer recognises (numbered steps, a pasted error, a URL, an expected result, a
    screenshot, the service); the parts in *missing* are absent. The rest (subject, a
    statement of the problem, department, priority) is always there, in English or Portuguese.
    A draft need not validate: a department may require a part that is missing.

    >>> from hypothesis import given
    >>> @given(drafts(missing=["steps", "screenshot"]))
    ... def test(draft):
    ...     assert "location" in draft and "error_message" in draft
    ...     assert all(a["filename"].endswith(".pdf") for a in draft.get("attachments", []))
    >>> test()

    Args:
        missing: The parts to leave out (names from `DRAFT_PARTS`).
        rules: The rule set whose departments the drafts go to; the default when ``None``.

    Raises:
        hypothesis.errors.InvalidArgument: A name in *missing* is not in `DRAFT_PARTS`.
    """
    absent = frozenset(missing)
    unknown = sorted(absent.difference(DRAFT_PARTS))
    if unknown:
        msg = f"unknown draft parts {unknown}; choose from {list(DRAFT_PARTS)}"
        raise InvalidArgument(msg)
    return _drafts(absent, DEFAULT_RULES if rules is None else rules)


@functools.cache
def _drafts(absent: frozenset[str], rules: RuleSet) -> st.SearchStrategy[WireDict]:
    @st.composite
    def build(draw: st.DrawFn) -> WireDict:
        texts_ = _DRAFT_TEXTS[draw(st.sampled_from(sorted(_DRAFT_TEXTS)))]
        paragraphs = [draw(st.sampled_from(texts_["problem"]))]
        if "steps" not in absent:
            paragraphs.append(draw(st.sampled_from(texts_["steps"])))
        if "expected_behavior" not in absent:
            paragraphs.append(draw(st.sampled_from(texts_["expected"])))
        draft: WireDict = {
            "department": draw(st.sampled_from(rules.department_ids)),
            "subject": draw(st.sampled_from(texts_["subject"])),
            "priority": draw(st.sampled_from(rules.priorities)).value,
            "message": "\n\n".join(paragraphs),
        }
        if "service" not in absent:
            draft["service"] = draw(_SERVICES)
        if "location" not in absent:
            draft["location"] = draw(domains(special_use=False)) + draw(_OPTIONAL_PATHS)
        if "error_message" not in absent:
            draft["error_message"] = draw(st.sampled_from(_DRAFT_ERRORS))
        if "screenshot" not in absent:
            draft["attachments"] = [draw(_SCREENSHOTS)]
        elif files := draw(_OTHER_FILES):
            draft["attachments"] = files
        return draft

    return build()


# ---------------------------------------------------------------------------------------------
# Rule sets
# ---------------------------------------------------------------------------------------------

_WEIGHTS: Final = st.dictionaries(
    st.sampled_from(tuple(DEFAULT_WEIGHTS)), st.integers(0, MAX_SCORE), max_size=3
)
_PRIORITY_SETS: Final = st.lists(st.sampled_from(Priority), min_size=1, max_size=4, unique=True)
_LIMITS: Final = st.just(DEFAULT_LIMITS) | st.builds(
    Limits,
    subject_min_length=st.integers(0, 10),
    subject_max_length=st.integers(10, 500),
    message_max_length=st.integers(1, 100_000),
    max_attachments=st.integers(0, 20),
    max_attachment_size=st.integers(0, 50 * 1024 * 1024),
    allowed_content_types=st.sets(st.sampled_from(sorted(DEFAULT_LIMITS.allowed_content_types))),
    allowed_extensions=st.sets(st.sampled_from(sorted(DEFAULT_LIMITS.allowed_extensions))),
)


@st.composite
def _scored_departments(draw: st.DrawFn, max_custom_fields: int) -> Department:
    department = draw(departments(max_custom_fields=max_custom_fields))
    return attrs.evolve(
        department, weights=draw(_WEIGHTS), min_score=draw(st.integers(0, MAX_SCORE))
    )


@functools.cache
def rule_sets(
    *, max_departments: int = 3, max_custom_fields: int = 3
) -> st.SearchStrategy[RuleSet]:
    """Rule sets, as a rule file could describe them.

    One to *max_departments* departments with distinct ids, each as `departments()` draws them
    plus completeness weights and a minimum score; a non-empty set of priorities; the default
    limits or others.
    """
    return st.builds(
        RuleSet,
        departments=st.lists(
            _scored_departments(max_custom_fields),
            min_size=1,
            max_size=max_departments,
            unique_by=lambda d: d.id,
        ),
        priorities=_PRIORITY_SETS,
        limits=_LIMITS,
    )
