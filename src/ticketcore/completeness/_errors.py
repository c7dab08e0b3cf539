"""Detect the error message: the exact words or code the system showed the customer.

An exact message is the fastest way to the cause: it can be searched in logs, in the code and
in the knowledge base. "It gives an error" cannot; it is ``near``, and so is a bare number
that may be a status code.

The message can be machine-shaped (``HTTP 404``, ``SQLSTATE[HY000]``, ``TypeError``, a stack
trace, a log line, ``ERR_CONNECTION_REFUSED``, ``550 5.1.1``), a well-known phrase a server or
browser prints (``Bad Gateway``, ``Error establishing a database connection``), or text the
customer quotes or reports after a display verb (``aparece "Senha inválida"``, ``it says: …``,
``diz que …``). Invoice numbers, prices, phone numbers, times, dates and versions are not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from ticketcore.completeness._text import Detection, Span, Text, detection, lexicon

# Words that name an error without quoting it ("it gives an error", "dá erro"): the customer
# saw something, but not what. They are near on their own and strong next to a code, a quote
# or a colon followed by the message.
_ERROR_WORDS: Final = frozenset(
    {"error", "errors", "erro", "erros", "exception", "falha", "failure", "failed", "fatal"}
)

# Verbs and nouns after which a quote or a colon introduces what the screen showed.
_DISPLAY_WORDS: Final = lexicon(
    """
    error errors erro erros exception message messages mensagem mensagens aparece apareceu
    aparecem aparecendo appears appeared says said saying shows showed showing diz dizendo disse
    exibe exibindo exibiu mostra mostrando mostrou retorna retornando retornou returns returned
    returning displays displayed reads alert alerta aviso popup pop-up informa informando gives
    gave dá da deu get got getting recebo recebi receive received warning notice texto text
    escrito written failure falha fatal
    """
)

# Display verbs after which a colon introduces the message ("aparece: Senha inválida",
# "it says: invalid token"). Nouns such as "message" are left out: "Mensagem:" heads a form.
_COLON_WORDS: Final = lexicon(
    """
    aparece apareceu aparecem appears appeared says said shows showed diz disse exibe exibiu
    mostra mostrou retorna retornou returns returned displays displayed reads alerta alert aviso
    popup pop-up
    """
)

# Reported speech: the words that follow are the message, paraphrased closely enough to be
# searched for ("diz que a senha está incorreta", "it says that the domain is not pointed").
_REPORTING: Final = (
    "diz que",
    "dizendo que",
    "informando que",
    "falando que",
    "aparece escrito",
    "está escrito",
    "says that",
    "saying that",
    "it says",
    "which says",
    "that says",
)

# Messages servers, browsers, mail systems and applications print word for word. Each is
# keyed by one of its words, checked against the text's words before the text is searched.
_KNOWN_MESSAGES: Final = (
    "internal server error",
    "bad gateway",
    "service unavailable",
    "service temporarily unavailable",
    "gateway timeout",
    "gateway time-out",
    "too many redirects",
    "redirected you too many times",
    "too many requests",
    "too many connections",
    "connection refused",
    "connection timed out",
    "connection reset",
    "connection was reset",
    "access denied",
    "permission denied",
    "no such file or directory",
    "page not found",
    "file not found",
    "command not found",
    "not found on this server",
    "forbidden",
    "you don't have permission",
    "this site can't be reached",
    "this site can\u2019t be reached",  # with the typographic apostrophe Chrome prints
    "your connection is not private",
    "this page isn't working",
    "this page isn\u2019t working",
    "não é possível acessar esse site",
    "sua conexão não é particular",
    "esta página não está funcionando",
    "página não encontrada",
    "acesso negado",
    "permissão negada",
    "mailbox unavailable",
    "mailbox full",
    "mailbox is full",
    "over quota",
    "quota exceeded",
    "user unknown",
    "recipient address rejected",
    "sender address rejected",
    "message rejected",
    "mail delivery failed",
    "undelivered mail returned to sender",
    "delivery status notification",
    "could not be delivered",
    "delivery has failed",
    "authentication failed",
    "authentication failure",
    "falha na autenticação",
    "falha de autenticação",
    "invalid credentials",
    "invalid username or password",
    "incorrect username or password",
    "usuário ou senha inválidos",
    "usuário ou senha incorretos",
    "could not resolve host",
    "name or service not known",
    "temporary failure in name resolution",
    "certificate has expired",
    "handshake failed",
    "handshake failure",
    "traceback (most recent call last)",
    "stack trace",
    "stacktrace",
    "segmentation fault",
    "segfault",
    "core dumped",
    "allowed memory size",
    "maximum execution time",
    "headers already sent",
    "error establishing a database connection",
    "erro ao estabelecer uma conexão com o banco de dados",
    "critical error on this website",
    "critical error on your website",
    "erro crítico neste site",
    "parse error",
    "syntax error, unexpected",
    "uncaught exception",
    "uncaught error",
    "unhandled exception",
    "sqlstate",
    "nxdomain",
    "servfail",
    "econnrefused",
    "econnreset",
    "etimedout",
    "enotfound",
    "ehostunreach",
    "enetunreach",
    "eaddrinuse",
    "eacces",
    "enoent",
    "errno",
)
_MESSAGES_BY_WORD: Final[dict[str, tuple[str, ...]]] = {}
for _message in _KNOWN_MESSAGES:
    _key = max(re.findall(r"[^\W\d_]+", _message), key=len)
    _MESSAGES_BY_WORD[_key] = (*_MESSAGES_BY_WORD.get(_key, ()), _message)

# PHP and other runtimes start a message with its level and a colon ("Warning: include(x):
# failed to open stream", "Fatal error: Allowed memory size …").
_LEVEL_PREFIXES: Final = ("fatal error:", "warning:", "notice:", "deprecated:", "strict standards:")

# Browser and TLS error codes (ERR_CONNECTION_REFUSED, NET::ERR_CERT_DATE_INVALID,
# DNS_PROBE_FINISHED_NXDOMAIN, SSL_ERROR_RX_RECORD_TOO_LONG, SEC_ERROR_UNKNOWN_ISSUER).
_ERROR_CODE: Final = re.compile(
    r"err_[a-z0-9_]{3,60}|_error(?:_[a-z0-9_]{1,60})?|dns_probe_[a-z_]{3,40}"
)

# Exception class names in the original case: "TypeError", "PDOException",
# "java.lang.NullPointerException". The engine jumps between capital "E"s.
_EXCEPTION_NAME: Final = re.compile(r"E(?:rror|xception)(?![a-z])")

# A stack frame: a source file with a line number, as Java, Python, PHP, Node and .NET print
# them ("Y.java:12)", 'x.py", line 3', "x.php on line 12", "x.php(12)", "app.js:10:5").
_STACK_FRAME: Final = re.compile(
    r"\.(?:java|kt|scala|groovy|php|py|js|mjs|ts|rb|go|cs|vb|cpp|c|h)"
    r"(?:\"?, line |:| on line |\()[0-9]{1,7}"
)

# PHP names the file and line of every message ("in /var/www/x.php on line 12").
_PHP_LINE: Final = re.compile(r" on line [0-9]{1,7}")

# A log level in brackets, as Apache, nginx and most loggers write it ("[error]",
# "[core:error]", "[php7:error]", "[crit]").
_LOG_LEVEL: Final = re.compile(
    r"\[(?:[a-z0-9_]{1,20}:)?(?:error|err|warn|warning|crit|critical|alert|emerg|fatal|severe)\]"
)

# Log levels in capitals at the start of a log line ("2024-05-01 10:00:00 ERROR ...").
_LOG_WORDS: Final = ("ERROR", "WARN", "WARNING", "FATAL", "CRITICAL", "SEVERE")
# A timestamp earlier on the same line, which makes the capitalised level a log line.
_TIMESTAMP: Final = re.compile(r"[0-9]{2}:[0-9]{2}|[0-9]{4}-[0-9]{2}-[0-9]{2}")

# Oracle ("ORA-00942") and Windows ("0x80070005") error codes.
_ORACLE_CODE: Final = re.compile(r"ora-[0-9]{4,5}")
_HEX_CODE: Final = re.compile(r"0x[0-9a-f]{8}(?![0-9a-z])")

# A status code: three digits on their own (not part of "1500", "1.500", "500,00", "500%",
# "#500", "R$500"). The engine jumps between the digits 1-5; the look-behind sits after the first
# digit so that the jump still works.
_STATUS_CODE: Final = re.compile(r"[1-5](?<![\w.,:/$#-][1-5])[0-9]{2}(?![\w%]|[.,:/-][0-9])")
# HTTP and SMTP status codes a customer is likely to see on a screen or in a bounce.
_HTTP_CODES: Final = lexicon(
    """
    400 401 402 403 404 405 406 408 409 410 413 414 415 422 429 431 451
    500 501 502 503 504 505 507 508 509 520 521 522 523 524 525 526 527 530
    """
)
_SMTP_CODES: Final = lexicon("421 450 451 452 530 535 550 551 552 553 554")
# An SMTP enhanced status code after a reply code ("550 5.1.1", "554-5.7.1").
_ENHANCED_STATUS: Final = re.compile(r"[ -][245]\.[0-9]{1,3}\.[0-9]{1,3}(?![0-9])")
# Words right before a number that make it a status code ("HTTP 404", "erro 500", "status
# 503", "retorna 502", "a 404").
_CODE_CONTEXT: Final = lexicon(
    """
    http https error erro status code código codigo retorna retornou returns returned gives
    gave dá da deu get got getting recebo recebi aparece shows showing um uma an a o
    """
)
# Words right after a number that make it a status code ("404 error", "500 page").
_CODE_FOLLOWERS: Final = lexicon("error erro page página pagina status code código")
# Words next to a number that make it something else: money, an order, a quantity.
_NOT_A_CODE: Final = lexicon(
    """
    r$ $ us$ € £ pedido pedidos order orders invoice fatura nota boleto nº n° número numero
    protocolo ticket chamado plano plan id cpf cnpj tel telefone phone ramal cep versão version
    reais dólares dollars mb gb kb tb ms segundos seconds minutos minutes horas hours dias days
    usuários users emails e-mails contas accounts vezes times visitas visits produtos products
    itens items %
    """
)

# A quoted passage on one line: straight, curly ("\u201c…\u201d", "\u2018…\u2019") and angle
# quotes, and backticks; the closing mark of each opening one.
_QUOTE_CLOSERS: Final = {
    '"': '"',
    "\u201c": "\u201d",
    "«": "»",
    "`": "`",
    "'": "'",
    "\u2018": "\u2019",
}
_QUOTE_OPENERS: Final = "".join(_QUOTE_CLOSERS)
_QUOTE: Final = re.compile("[" + re.escape(_QUOTE_OPENERS) + "]")

# Words that make quoted or colon-introduced text read as an error, whatever precedes it.
_ERRORISH: Final = re.compile(
    r"error|erro|fail|falh|denied|negad|invalid|inválid|incorrect|incorret|not found"
    r"|não encontrad|unable|could not|cannot|can't|não foi possível|não é possível|timeout"
    r"|timed out|refused|recusad|expired|expirad|forbidden|unavailable|indisponível|exception"
    r"|unreachable|inacessível|went wrong|deu errado|wrong"
)

_WINDOW = 48  # how far back, on the same line, a display word may sit before a quote


def detect_error_message(text: Text, /) -> Detection:
    """Find the exact error message or code the customer saw.

    >>> detect_error_message(Text.of("The page shows HTTP 500.")).spans
    ((20, 23),)
    >>> detect_error_message(Text.of("Dá erro quando salvo")).found
    False
    """
    spans: list[Span] = []
    near: list[Span] = []
    spans.extend(_machine_errors(text))
    spans.extend(_known_messages(text))
    _error_words(text, spans, near)
    spans.extend(_quoted_messages(text))
    spans.extend(_reported_messages(text))
    _status_codes(text, spans, near)
    return detection(spans, near)


def detect_error_field(field: Text, /) -> Detection:
    """Judge a dedicated "exact error message" field.

    Whatever the customer typed there is meant as the message, so it counts unquoted when it
    reads as one ("Falha no login.", "Network is unreachable"), as long as it says more than
    a bare complaint ("dá erro", "doesnt work", "tela branca").

    >>> detect_error_field(Text.of("Falha no login.")).found
    True
    >>> detect_error_field(Text.of("dá erro")).found
    False
    """
    detected = detect_error_message(field)
    if detected.found:
        return detected
    low = field.lowered
    words = field.words - _BARE_COMPLAINT
    if _ERRORISH.search(low) and words - _ERROR_WORDS:
        stripped = low.strip()
        start = low.index(stripped[:1])
        return detection([(start, start + len(stripped))])
    return detected


# Words of a complaint that names no message: in the error field, "dá erro" or "gives an
# error" is as empty as in the text.
_BARE_COMPLAINT: Final = lexicon(
    """
    dá da deu dando give gives gave giving get gets got an a o um uma the it isso is there
    aparece appears shows some algum alguma just só so
    """
)


def _machine_errors(text: Text) -> Iterable[Span]:
    low = text.lowered
    original = text.original
    if "err" in low or "dns_probe" in low:
        for match in _ERROR_CODE.finditer(low):
            start = match.start()
            while start > 0 and (low[start - 1].isalnum() or low[start - 1] in "_:"):
                start -= 1  # take in "NET::" and "SSL" before "_ERROR"
            yield (start, match.end())
    if "Error" in original or "Exception" in original:
        for match in _EXCEPTION_NAME.finditer(original):
            start = match.start()
            if start and original[start - 1].isalnum():
                yield (_name_start(original, start), match.end())
    if "." in low:
        yield from (m.span() for m in _STACK_FRAME.finditer(low))
    if " on line " in low:
        yield from (m.span() for m in _PHP_LINE.finditer(low))
    if "[" in low:
        yield from (m.span() for m in _LOG_LEVEL.finditer(low))
    if "ora-" in low:
        yield from (m.span() for m in _ORACLE_CODE.finditer(low))
    if "0x" in low:
        yield from (m.span() for m in _HEX_CODE.finditer(low))
    for level in _LOG_WORDS:
        if level in original:
            yield from _log_lines(text, level)
    for prefix in _LEVEL_PREFIXES:
        if prefix in low:
            yield from _find_phrase(low, prefix)


def _name_start(original: str, start: int) -> int:
    r"""Walk back over a qualified class name ("java.lang.", "Illuminate\\Database\\")."""
    floor = max(0, start - 120)
    while start > floor and (original[start - 1].isalnum() or original[start - 1] in "._\\$"):
        start -= 1
    return start


def _log_lines(text: Text, level: str) -> Iterable[Span]:
    original = text.original
    position = original.find(level)
    while position >= 0:
        end = position + len(level)
        before = original[position - 1 : position] if position else ""
        after = original[end : end + 1]
        if not before.isalnum() and not after.isalnum():
            line_start = original.rfind("\n", max(0, position - 80), position) + 1
            head = original[max(line_start, position - 80) : position]
            if before == "[" or after in (":", "]") or _TIMESTAMP.search(head):
                yield (position, end)
        position = original.find(level, end)


def _known_messages(text: Text) -> Iterable[Span]:
    low = text.lowered
    for word in text.words.intersection(_MESSAGES_BY_WORD):
        for message in _MESSAGES_BY_WORD[word]:
            if message in low:
                yield from _find_phrase(low, message)


def _find_phrase(low: str, phrase: str) -> Iterable[Span]:
    position = low.find(phrase)
    while position >= 0:
        end = position + len(phrase)
        if not (position and low[position - 1].isalnum()):
            yield (position, end)
        position = low.find(phrase, end)


def _error_words(text: Text, spans: list[Span], near: list[Span]) -> None:
    """Judge "error", "erro", "falha": strong with a code or a colon and a message, else near."""
    low = text.lowered
    for word in text.words.intersection(_ERROR_WORDS):
        for start, end in text.find(word):
            message = _message_after(low, end)
            if message:
                spans.append((start, message[1]))
            else:
                near.append((start, end))


# What may follow an error word and make it a message: a code ("erro 500", "error code 1045",
# "error #2002", "error: 0x80070005") or a colon and at least two words of text.
_CODE_AFTER: Final = re.compile(
    r"[ \t]{0,2}(?:code|código|codigo|nº|n°|no\.|number|número)?[ \t]{0,2}[:#-]?[ \t]{0,2}"
    r"(?:[0-9]{3,6}|0x[0-9a-f]{4,8}|[a-z]{1,4}[-_]?[0-9]{3,6})(?![\w.,])"
)
_COLON_MESSAGE: Final = re.compile(
    r"[ \t]{0,2}:[ \t]{0,3}\n?[ \t]{0,3}([^\s:][^\n]{0,300}?)(?=\n|$|[.!](?:\s|$))"
)


def _message_after(low: str, end: int) -> Span | None:
    code = _CODE_AFTER.match(low, end)
    if code:
        return code.span()
    colon = _COLON_MESSAGE.match(low, end)
    if colon and len(colon.group(1).split()) >= 2:
        return colon.span(1)
    return None


def _quoted_messages(text: Text) -> Iterable[Span]:
    """Quoted text after a display word ("aparece 'Erro ao salvar'"), or that reads as an error."""
    low = text.lowered
    if not any(quote in low for quote in _QUOTE_OPENERS):
        return
    resume = 0
    for match in _QUOTE.finditer(low):
        start = match.start()
        if start < resume:
            continue
        opener = match.group()
        if opener in "'\u2018" and start and low[start - 1].isalnum():
            continue  # an apostrophe: "don't", "it's"
        closer = _QUOTE_CLOSERS[opener]
        stop = low.find(closer, start + 1, start + 302)
        newline = low.find("\n", start + 1, stop if stop >= 0 else start + 1)
        if stop < 0 or newline >= 0:
            continue
        if opener == "'" and stop + 1 < len(low) and low[stop + 1].isalnum():
            continue  # "it's 'fine' it's" — an apostrophe closes nothing
        quoted = low[start + 1 : stop]
        resume = stop + 1
        if len(quoted.strip()) < 3:
            continue
        if _ERRORISH.search(quoted) or _display_word_before(text, start):
            yield (start, stop + 1)


def _display_word_before(text: Text, position: int) -> bool:
    low = text.lowered
    line_start = low.rfind("\n", max(0, position - _WINDOW), position) + 1
    window = low[max(line_start, position - _WINDOW) : position]
    return any(word.strip(".,;:!?()-—") in _DISPLAY_WORDS for word in window.split()[-4:])


def _reported_messages(text: Text) -> Iterable[Span]:
    """Reported speech ("diz que a senha expirou") and "aparece:"/"says:" before the message."""
    low = text.lowered
    words = text.words
    for phrase in _REPORTING:
        if phrase.split()[0] in words and phrase in low:
            for start, end in _find_phrase(low, phrase):
                message = _words_after(low, end)
                if message:
                    yield (start, message)
    if ":" in low:
        for word in words.intersection(_COLON_WORDS):
            for start, end in text.find(word):
                colon = _COLON_MESSAGE.match(low, end)
                if colon and len(colon.group(1).split()) >= 2:
                    yield (start, colon.end(1))


_SENTENCE: Final = re.compile(r"[^\n.!?]{1,300}")


def _words_after(low: str, end: int) -> int | None:
    """End of the clause after ``end`` when it has at least two words, else None."""
    clause = _SENTENCE.match(low, end)
    if clause and len(clause.group().split()) >= 2:
        return clause.end()
    return None


def _status_codes(text: Text, spans: list[Span], near: list[Span]) -> None:
    """Three-digit status codes: strong in context or with an SMTP enhanced code, else near."""
    low = text.lowered
    for match in _STATUS_CODE.finditer(low):
        code = match.group()
        if code not in _HTTP_CODES and code not in _SMTP_CODES:
            continue
        start, end = match.span()
        before = _word_before(low, start)
        after = _word_after(low, end)
        if before in _NOT_A_CODE or after in _NOT_A_CODE or low[start - 2 : start] == "r$":
            continue
        enhanced = _ENHANCED_STATUS.match(low, end) if code in _SMTP_CODES else None
        if enhanced:
            spans.append((start, enhanced.end()))
        elif before in _CODE_CONTEXT or after in _CODE_FOLLOWERS or _known_after(low, end):
            spans.append((start, end))
        else:
            near.append((start, end))


def _known_after(low: str, end: int) -> bool:
    """Whether a reason phrase follows the code ("404 Not Found", "503 Service Unavailable")."""
    rest = low[end : end + 40].lstrip(" -:\u2013")
    return rest.startswith(_REASON_PHRASES)


# The start of the reason phrase servers print after a status code.
_REASON_PHRASES: Final = (
    "not found",
    "forbidden",
    "unauthorized",
    "bad ",
    "internal",
    "service",
    "gateway",
    "too many",
    "method not",
    "request",
    "payment",
    "gone",
    "conflict",
    "unprocessable",
)


def _word_before(low: str, start: int) -> str:
    words = low[max(0, start - 24) : start].split()
    return words[-1].strip("()[]:,;\"'") if words and low[start - 1 : start].isspace() else ""


def _word_after(low: str, end: int) -> str:
    words = low[end : end + 24].split()
    return words[0].strip("()[]:,;.\"'") if words and low[end : end + 1].isspace() else ""
