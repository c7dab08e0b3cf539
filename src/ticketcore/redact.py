r"""Find credentials that customers paste into ticket text, and mask them.

`redact` looks for four kinds of secret, in English and Brazilian Portuguese text, and replaces
each secret *value* by a mask, keeping the label around it so the reader still understands the
message (``senha: ********``):

* **private keys**: the body of a ``-----BEGIN ... PRIVATE KEY-----`` block, up to its ``-----END
  ... PRIVATE KEY-----`` line; a block whose END was cut off is masked to the end of the text (or
  to the next ``-----BEGIN``). Certificates and public keys are left alone.
* **connection strings**: the password of ``scheme://user:password@host`` for any scheme
  (mysql, postgres, mongodb+srv, redis, ftp, smtp, amqp, https...). The user name stays.
* **tokens** recognised by their issuer's prefix anywhere in the text (``ghp_``, ``gho_``,
  ``github_pat_``, ``sk-``, ``sk_live_``, ``xoxb-``, ``AKIA``, ``AIza``, ``glpat-``, JWTs
  ``eyJ….eyJ….sig``), and tokens after a token label (``token``, ``api_key``, ``X-API-Key``,
  ``client_secret``, ``SECRET_KEY``, ``Bearer``, ``Authorization: Basic``, ``chave de
  acesso``...).
* **passwords** after a password label (``password``, ``passwd``, ``passphrase``, ``passcode``,
  ``pass``, ``pwd``, ``pw``, ``pin``, ``senha``, also inside identifiers: ``DB_PASSWORD``,
  ``SMTP_PASS``, ``smtpPassword``, ``PGPASSWORD``), and the value glued to ``mysql -p``.

When is a word after a label a secret? Prose about passwords is far more common in tickets than
passwords ("I forgot my password", "a senha não funciona", "token expired"), so the rule is:

1. The label stands alone as a word, or ends an identifier: "passport", "passo", "1Password",
   "max_tokens", "PASSWORD_MIN_LENGTH" and "token_type" are not labels.
2. The label is followed by a separator: a strong one (``:``, ``=``, ``:=``, ``=>``; after a
   quoted label also a comma, as in ``define('DB_PASSWORD', 'x')``, or an XML ``value=``), a
   linking word (``is``, ``was``, ``to``, ``é``, ``era``, ``para``), or just a blank. Between the
   label and a separator there may be a short qualifier that starts with a preposition or a
   password adjective ("senha do e-mail:", "senha provisória:", "password for the shared
   drive:", "token de acesso é").
3. The value is a quoted string (``"my pass phrase"``, ``'abc 123'``), or the run of non-blank
   characters after the separator, on the same line.
4. The value must look like a credential: it contains a digit or one of ``!@#$%^&*+=/\|~_?``
   (not counting a final ``!`` or ``?``). Three exceptions take a value whatever its shape: a
   quoted value, a value after a strong separator that is the last word of its line
   (``Password: sunshine``, as in forms and config files, where prose would go on), and a value
   right after a user name (``user admin pass xyz``, ``usuário admin e senha xyz``); but a quoted
   phrase made of function words for the most part is prose ("a senha é 'a de sempre'"). In every
   case the value must not be a stop word ("the", "do", "não", "incorreta", "expirou",
   "attached"...), a placeholder (``********``, ``xxxx``, ``???``, ``<your password>``,
   ``[REDACTED]``, ``${DB_PASSWORD}``), a URL, or shorter than 3 characters (4 for a number, so
   "did not pass: 3 of 120" stays).
5. Tokens after a token label must look random: at least 8 characters with letters and digits,
   or 16 with both cases. "The token is invalid" and "chave PIX" stay.
6. A bare ``pass``, ``pw`` or ``pin`` with no separator is a common word ("pass the ticket to
   level 2") unless a user name comes right before it.

Where a value ends: at the first blank or line end; in a query string (``?user=x&password=y&``)
at the next ``&``, and in a ``key=value;`` connection string at the next ``;``. One final
sentence mark (``.``, ``,``, ``;``, ``:``) is left out of the value, so ``senha: abc123.`` masks
``abc123`` and keeps the period; so is a closing bracket or quote that has no opening partner
inside the value, and an opening one that has no closing partner. For ``user/pass: root/x`` and
``login e senha: joao / x`` only the part after the slash is masked. User names are never
masked.

Offsets are those of the original text. The text is lowercased once, only to decide cheaply which
patterns can match at all; the patterns then run case-insensitively on the original text, so a
character whose lowercase form is longer (``"İ".lower()`` has two code points) cannot shift an
offset. Every pattern runs in linear time (see ``ticketcore._redact_patterns``).
"""

from __future__ import annotations

import enum
import re
import string
from collections.abc import Iterator
from typing import Final

import attrs

from ticketcore import _redact_patterns as _p

__all__ = ["RedactedText", "Redaction", "RedactionKind", "redact"]

DEFAULT_MASK: Final = "********"
"""What replaces each secret value unless the caller chooses another mask."""


class RedactionKind(enum.Enum):
    """What kind of secret a redaction hid. The values are stable names for JSON output."""

    PASSWORD = "password"  # noqa: S105  (the name of a kind, not a secret)
    """A password after a label: ``senha: 123abc``, ``password=hunter2``, ``pwd:``."""
    TOKEN = "token"  # noqa: S105  (the name of a kind, not a secret)
    """An API key or token: labeled, ``Bearer``, a well-known prefix, or a JWT."""
    PRIVATE_KEY = "private_key"
    """The body of a PEM ``PRIVATE KEY`` block."""
    CONNECTION_STRING = "connection_string"
    """The password part of ``scheme://user:password@host``."""


@attrs.frozen(kw_only=True)
class Redaction:
    """One masked secret: where its value was in the original text, and what it was.

    Attributes:
        start: Offset of the first character of the secret value in the original text.
        end: Offset just past the secret value (``[start, end)``); the label is not included.
        kind: What kind of secret it was.
    """

    start: int
    end: int
    kind: RedactionKind

    def __attrs_post_init__(self) -> None:
        # One check for the whole object: redact builds many of these, so it must be cheap.
        if type(self.start) is not int or type(self.end) is not int:
            raise TypeError(
                f"start and end must be int (got {type(self.start).__name__}, "
                f"{type(self.end).__name__})"
            )
        if not 0 <= self.start < self.end:
            raise ValueError(
                f"offsets must satisfy 0 <= start < end (got start={self.start}, end={self.end})"
            )
        if not isinstance(self.kind, RedactionKind):
            raise TypeError(f"kind must be a RedactionKind (got {type(self.kind).__name__})")


def _check_redactions(
    instance: RedactedText,
    attribute: attrs.Attribute[tuple[Redaction, ...]],
    value: tuple[object, ...],
) -> None:
    previous_end = 0
    for index, item in enumerate(value):
        if not isinstance(item, Redaction):
            raise TypeError(f"redactions[{index}] must be a Redaction (got {type(item).__name__})")
        if item.start < previous_end:
            raise ValueError(
                f"redactions must be sorted and must not overlap "
                f"(redactions[{index}] starts at {item.start}, before {previous_end})"
            )
        previous_end = item.end


@attrs.frozen(kw_only=True)
class RedactedText:
    """The result of `redact`: the masked text and where the secrets were.

    It holds no secret: ``repr`` shows the masked text and offsets only.

    Attributes:
        text: The text with each secret value replaced by the mask.
        redactions: The secrets found, sorted and non-overlapping, as offsets into the
            *original* text.
    """

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    redactions: tuple[Redaction, ...] = attrs.field(
        validator=[attrs.validators.instance_of(tuple), _check_redactions]
    )

    @property
    def found(self) -> bool:
        """Whether any secret was found (and masked)."""
        return bool(self.redactions)


def redact(text: str, /, *, mask: str = DEFAULT_MASK) -> RedactedText:
    """Mask the credentials in *text*: passwords, tokens, private keys, connection strings.

    Only the secret value is replaced; labels, user names and punctuation around it stay. The
    rules that tell a secret from prose are in this module's docstring. Redacting a redacted text
    again changes nothing, as long as the mask does not itself look like a secret (the default
    ``********`` does not; neither does any mask without blanks, digits or password symbols).

    Args:
        text: Free text, such as a ticket message.
        mask: What replaces each secret value.

    Returns:
        The masked text and the offsets of the secrets in *text*.

    Raises:
        TypeError: *text* or *mask* is not a string.
        ValueError: *mask* is empty.

    >>> result = redact("login: admin / senha: Teste@123.")
    >>> result.text
    'login: admin / senha: ********.'
    >>> result.redactions
    (Redaction(start=22, end=31, kind=<RedactionKind.PASSWORD: 'password'>),)
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str (got {type(text).__name__})")
    if not isinstance(mask, str):
        raise TypeError(f"mask must be a str (got {type(mask).__name__})")
    if not mask:
        raise ValueError("mask must not be empty")
    spans = sorted(_candidates(text, mask))  # (start, end, priority) decide: kinds never compared
    redactions = tuple(_merge(spans))
    pieces: list[str] = []
    position = 0
    for item in redactions:
        pieces.append(text[position : item.start])
        pieces.append(mask)
        position = item.end
    pieces.append(text[position:])
    return RedactedText(text="".join(pieces), redactions=redactions)


# --- Finding candidates -------------------------------------------------------------------------

_Span = tuple[int, int, int, RedactionKind]
"""start, end, priority (which kind wins where two detectors overlap), kind."""

# Each priority belongs to one kind, so that sorting spans never has to compare kinds.
_PRIORITY: Final = {
    RedactionKind.PRIVATE_KEY: 5,
    RedactionKind.CONNECTION_STRING: 4,
    RedactionKind.TOKEN: 3,
    RedactionKind.PASSWORD: 1,
}
_LABELED_TOKEN_PRIORITY: Final = 2  # a labeled token yields to the same token found by its prefix
_MIN_LENGTH: Final = 3
_MIN_DIGITS: Final = 4  # "pass: 3 of 120", "100 tokens": short numbers are counts
_TOKEN_MIN_LENGTH: Final = 8
_TOKEN_MIXED_CASE_LENGTH: Final = 16
_SENTENCE_MARKS: Final = ".,;:"
_CLOSERS: Final = {")": "(", "]": "[", "}": "{", ">": "<"}
_OPENERS: Final = {opener: closer for closer, opener in _CLOSERS.items()}
_QUOTES: Final = "\"'"
_IDENTIFIER_CHARS: Final = frozenset(string.ascii_letters + string.digits + "_-.")
_IDENTIFIER_LOOKBACK: Final = 40
_SCHEME_LOOKBACK: Final = 32
_SLASH_PAIR_LOOKBACK: Final = 40


def _gate(prefix: str) -> str:
    """A character of ``prefix`` that prose seldom holds."""
    for char in "_-JAx":
        if char in prefix:
            return char
    raise ValueError(f"token prefix {prefix!r} has none of the gate characters")


# The token prefixes grouped by a rare character they contain: one search for a character is
# much cheaper than one per prefix, and most texts hold none of these characters.
_PREFIX_GATES: Final = tuple(
    (char, tuple(prefix for prefix in _p.TOKEN_PREFIXES if _gate(prefix) == char))
    for char in dict.fromkeys(_gate(prefix) for prefix in _p.TOKEN_PREFIXES)
)


def _candidates(text: str, mask: str) -> Iterator[_Span]:
    lowered = text.lower()  # only for the cheap "can anything match?" checks below
    if "-----begin" in lowered:
        yield from _private_keys(text, mask)
    if "://" in text:
        yield from _connection_strings(text, mask)
    if any(char in text and any(p in text for p in prefixes) for char, prefixes in _PREFIX_GATES):
        yield from _prefixed_tokens(text)
    if any(keyword in lowered for keyword in _p.LABEL_KEYWORDS):
        yield from _labeled_values(text, mask)
        if "user" in lowered or "login" in lowered or "usu" in lowered:
            yield from _user_pass_pairs(text, mask)
    if "-p" in text and ("mysql" in lowered or "mariadb" in lowered):
        yield from _mysql_flags(text, mask)


def _merge(spans: list[_Span]) -> Iterator[Redaction]:
    """Join overlapping spans (sorted by start) so that every candidate stays covered.

    Where spans overlap, the kind of the span with the highest priority names the union.
    """
    current: _Span | None = None
    for span in spans:
        if current is not None and span[0] < current[1]:
            winner = span if span[2] > current[2] else current
            current = (current[0], max(current[1], span[1]), winner[2], winner[3])
            continue
        if current is not None:
            yield Redaction(start=current[0], end=current[1], kind=current[3])
        current = span
    if current is not None:
        yield Redaction(start=current[0], end=current[1], kind=current[3])


def _private_keys(text: str, mask: str) -> Iterator[_Span]:
    position = 0
    while (header := _p.PEM_BEGIN.search(text, position)) is not None:
        stop = _p.PEM_STOP.search(text, header.end())
        if stop is None:
            body_end, position = len(text), len(text)
        elif stop.group().startswith("-----END"):
            body_end, position = stop.start(), stop.end()
        else:  # the next BEGIN: this block was cut off
            body_end, position = stop.start(), stop.start()
        start, end = _strip_pem_body(text, header.end(), body_end)
        if start < end and text[start:end] != mask:
            yield (start, end, _PRIORITY[RedactionKind.PRIVATE_KEY], RedactionKind.PRIVATE_KEY)


def _strip_pem_body(text: str, start: int, end: int) -> tuple[int, int]:
    r"""Leave out blanks and escaped line breaks (``\n`` inside JSON) around a key body."""
    changed = True
    while changed and start < end:
        changed = False
        if text[start].isspace():
            start, changed = start + 1, True
        elif text.startswith(("\\n", "\\r"), start, end):
            start, changed = start + 2, True
        if start < end and text[end - 1].isspace():
            end, changed = end - 1, True
        elif end - start >= 2 and text[end - 2 : end] in ("\\n", "\\r"):
            end, changed = end - 2, True
    return start, end


def _connection_strings(text: str, mask: str) -> Iterator[_Span]:
    for match in _p.URL_CREDENTIALS.finditer(text):
        colon = match.start()
        if _p.URL_SCHEME.search(text, max(0, colon - _SCHEME_LOOKBACK), colon) is None:
            continue
        if match.group("pw") == mask:
            continue
        start, end = match.span("pw")
        kind = RedactionKind.CONNECTION_STRING
        yield (start, end, _PRIORITY[kind], kind)


def _prefixed_tokens(text: str) -> Iterator[_Span]:
    for match in _p.PREFIXED_TOKEN.finditer(text):
        value = match.group()
        if value.startswith("sk-") and not any(char.isdigit() for char in value):
            continue  # "sk-" plus a long kebab-case word is a name, not a key
        yield (match.start(), match.end(), _PRIORITY[RedactionKind.TOKEN], RedactionKind.TOKEN)


def _labeled_values(text: str, mask: str) -> Iterator[_Span]:
    judged_to = 0  # matches inside a value already judged are skipped: linear time
    for match in _p.LABELED_VALUE.finditer(text):
        if match.start() < judged_to:
            continue
        kind = RedactionKind.PASSWORD if match.group("pw") is not None else RedactionKind.TOKEN
        if match.group("none") is not None and (match.group("pw") or "").lower() in (
            _p.AMBIGUOUS_LABELS
        ):
            continue  # a verb or a noun, unless a user name precedes it (see _user_pass_pairs)
        judged_to, span = _judge_value(
            text, match, kind=kind, mask=mask, strong=match.group("strong") is not None
        )
        if span is not None:
            priority = _LABELED_TOKEN_PRIORITY if kind is RedactionKind.TOKEN else _PRIORITY[kind]
            yield (*span, priority, kind)


def _user_pass_pairs(text: str, mask: str) -> Iterator[_Span]:
    kind = RedactionKind.PASSWORD
    judged_to = 0
    for match in _p.USER_PASS_PAIR.finditer(text):
        if match.start() < judged_to:
            continue
        user = match.group("user").lower()
        if user in _p.USER_CONNECTORS or user in _p.STOPWORDS:
            continue  # "usuário e senha estão corretos"
        judged_to, span = _judge_value(text, match, kind=kind, mask=mask, pair=True)
        if span is not None:
            yield (*span, _PRIORITY[kind], kind)


def _judge_value(
    text: str,
    match: re.Match[str],
    *,
    kind: RedactionKind,
    mask: str,
    strong: bool = False,
    pair: bool = False,
) -> tuple[int, tuple[int, int] | None]:
    """Find where the value after a label ends and whether it is a credential.

    Returns how far the text was read, and the value's span if it is a credential. A quoted
    value that is not acceptable (``'0'>00``) is read again as an unquoted one.
    """
    label_start = match.start("label")
    if match.group("uq") is None:
        group = "dq" if match.group("dq") is not None else "sq"
        start, end = match.span(group)
        if _acceptable(text[start:end], kind=kind, mask=mask, quoted=True):
            return match.end(), (start, end)
        run = _p.NON_BLANK_RUN.match(text, start - 1)
        assert run is not None  # noqa: S101  (the opening quote itself is not blank)
        start, end = run.span()
    else:
        start, end = match.span("uq")
    read_to = end
    if _p.USER_LABEL_BEFORE.search(text, max(0, label_start - _SLASH_PAIR_LOOKBACK), label_start):
        # "user/pass: root/secret", "login e senha: joao / secret": mask the second half only
        second = _p.SLASH_AND_VALUE.match(text, end)
        if "/" in text[start:end]:
            start = text.index("/", start, end) + 1
        elif second is not None:
            start, end = second.span(1)
            read_to = end
    alone = strong and _rest_of_line_is_blank(text, end)
    end = _cut_at_field_delimiter(text, label_start, start, end)
    start, end = _trim(text, start, end)
    value = text[start:end]
    if start < end and _acceptable(value, kind=kind, mask=mask, quoted=pair, alone=alone):
        return read_to, (start, end)
    return read_to, None


def _mysql_flags(text: str, mask: str) -> Iterator[_Span]:
    kind = RedactionKind.PASSWORD
    line_start, checked_to, line_has_command = 0, 0, False
    for match in _p.MYSQL_FLAG.finditer(text):
        # Look for the command between the start of the line and the flag, scanning each part
        # of the text once however many flags a line has.
        newline = text.rfind("\n", checked_to, match.start())
        if newline != -1:
            line_start, line_has_command = newline + 1, False
        if not line_has_command:
            found = _p.MYSQL_COMMAND.search(text, max(line_start, checked_to - 16), match.start())
            line_has_command = found is not None
        checked_to = match.start()
        if not line_has_command:
            continue
        group = next(name for name in ("sq", "dq", "uq") if match.group(name) is not None)
        start, end = match.span(group)
        if group == "uq":
            start, end = _trim(text, start, end)
        if start < end and text[start:end] != mask:
            yield (start, end, _PRIORITY[kind], kind)


# --- Judging a value ------------------------------------------------------------------------------


def _cut_at_field_delimiter(text: str, label_start: int, start: int, end: int) -> int:
    """End the value at the delimiter that came before its label: ``&`` or ``;``."""
    ident_start = label_start
    limit = max(0, label_start - _IDENTIFIER_LOOKBACK)
    while ident_start > limit and text[ident_start - 1] in _IDENTIFIER_CHARS:
        ident_start -= 1
    before = text[ident_start - 1] if ident_start > 0 else ""
    delimiter = "&" if before in ("&", "?") else ";" if before == ";" else ""
    if delimiter:
        found = text.find(delimiter, start, end)
        if found != -1:
            return found
    return end


def _rest_of_line_is_blank(text: str, position: int) -> bool:
    return _p.BLANK_TO_LINE_END.match(text, position) is not None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Leave out one final sentence mark and unbalanced brackets or quotes around a value."""
    if end - start > 1 and text[end - 1] in _SENTENCE_MARKS:
        end -= 1
    if end - start > 1:
        last = text[end - 1]
        value = text[start:end]
        if _unbalanced(value, last, _CLOSERS):
            end -= 1
    if end - start > 1:
        first = text[start]
        value = text[start:end]
        if _unbalanced(value, first, _OPENERS):
            start += 1
    return start, end


def _unbalanced(value: str, char: str, partners: dict[str, str]) -> bool:
    """Whether the bracket or quote *char* at one end of *value* has no partner inside it."""
    if char in partners:
        return value.count(partners[char]) < value.count(char)
    return char in _QUOTES and value.count(char) % 2 == 1


def _acceptable(
    value: str, *, kind: RedactionKind, mask: str, quoted: bool, alone: bool = False
) -> bool:
    """Whether *value*, found after a label, is a credential (rules 4 and 5 of the module)."""
    if len(value) < _MIN_LENGTH or value == mask or "://" in value:
        return False
    if value.isdigit() and len(value) < _MIN_DIGITS:
        return False
    if value.lower() in _p.STOPWORDS or _p.PLACEHOLDER.fullmatch(value):
        return False
    if kind is RedactionKind.TOKEN:
        return _looks_random(value)
    if _has_credential_character(value):
        return True
    words = value.lower().split()
    if len(words) > 1:  # a quoted phrase: a passphrase is made of content words, not "a de sempre"
        return sum(word in _p.FUNCTION_WORDS for word in words) * 2 < len(words)
    return quoted or alone


def _has_credential_character(value: str) -> bool:
    core = value.rstrip("!?")
    return any(char.isdigit() or char in _p.CREDENTIAL_SYMBOLS for char in core)


def _looks_random(value: str) -> bool:
    has_digit = any(char.isdigit() for char in value)
    has_letter = any(char.isalpha() for char in value)
    if len(value) >= _TOKEN_MIN_LENGTH and has_digit and has_letter:
        return True
    mixed_case = any(char.isupper() for char in value) and any(char.islower() for char in value)
    return len(value) >= _TOKEN_MIXED_CASE_LENGTH and mixed_case
