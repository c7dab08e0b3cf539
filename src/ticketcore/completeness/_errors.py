"""Detect the error message: the exact words or code the system showed the customer.

An exact message is the fastest way to the cause: it can be searched in logs, in the code and
in the knowledge base. "It gives an error" cannot; it is ``near``, and so is a bare number
that may be a status code.

A message counts when it is machine-shaped (``HTTP 404``, ``SQLSTATE[HY000]``, ``TypeError``,
a stack frame, a log line, ``ERR_CONNECTION_REFUSED``, ``550 5.1.1``, ``code PAY-4012``), a
well-known phrase servers and browsers print (``Bad Gateway``), quoted text that reads as an
error (``"Cupom inválido"``), or the system's own wording after a colon or a display verb
(``aparece: Senha inválida``, ``it says Failed to retrieve directory listing``). The
customer's paraphrase ("diz que o serviço não está disponível") is not a message, and neither
are invoice numbers, prices, phone numbers, times, dates and versions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from typing import Final

from ticketcore.completeness._text import (
    MAX_HITS,
    MAX_SPANS,
    Detection,
    Span,
    Text,
    alternation,
    detection,
    gather,
    lexicon,
)

# Words that name an error without quoting it ("it gives an error", "dá erro"): the customer
# saw something, but not what. Near on their own; strong next to a code or a colon.
_ERROR_WORDS: Final = lexicon("error errors erro erros exception falha failure fatal")

# Words after which a colon introduces what the screen, the log or the bounce said ("Error:",
# "aparece:", "the reply was:", "Exception Type:").
_DISPLAY_VERBS: Final = lexicon(
    """
    aparece apareceu aparecem appears appeared say says said saying shows showed showing show
    diz dizendo disse exibe exibiu mostra mostrou retorna retornou returns returned return
    displays displayed reads get got gets recebo recebi receive received dá da deu gives gave
    informa informou volta voltou
    """
)
_MESSAGE_NOUNS: Final = lexicon(
    """
    message mensagem mensagens aviso alerta alert warning notice popup pop-up reason motivo
    reply resposta retorno response result resultado output saída saida log
    """
)

# Words that make quoted or colon-introduced text read as an error. Quoted button labels
# ("Salvar"), success texts ("E-mail enviado com sucesso") and marketing ("blazing fast")
# do not contain them.
_ERRORISH: Final = re.compile(
    alternation(
        phrase.replace("_", " ")  # "_" joins the words of a phrase in the list below
        for phrase in lexicon(
            """
            error erro fail falh denied negad invalid inválid incorrect incorret not_found
            não_encontrad nao_encontrad unable could_not couldn't cannot can't can\u2019t
            não_foi_possível não_é_possível nao_foi_possivel não_pode timeout timed_out
            time-out esgotad refused recus expired expirad expirou forbidden proibid
            unavailable indisponível exception unreachable inacessível went_wrong deu_errado
            wrong suspen cheia cheio perdid declined not_secure não_seguro inseguro not_private
            não_é_particular blocked bloquead try_again tente_novamente unexpected inesperad
            warning conflict conflito gone_away rejected rejeitad problem not_allowed
            não_permitid unauthorized não_autorizad missing does_not_exist doesn't_exist
            não_existe exceeded excedid not_responding não_responde undefined null no_such
            """
        )
    )
    + r"|\bfull\b|\blost\b"  # whole words only: not "fully", "Full Backup" is a label
)

# Messages servers, browsers, mail systems and runtimes print word for word. Each is keyed by
# its longest word, checked against the text's words before the text is searched.
_KNOWN_MESSAGES: Final = (
    "internal server error",
    "bad gateway",
    "service unavailable",
    "service temporarily unavailable",
    "gateway timeout",
    "gateway time-out",
    "gateway timed out",
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
    "server has gone away",
    "mixed content:",
    "error establishing a database connection",
    "erro ao estabelecer uma conexão com o banco de dados",
    "critical error on this website",
    "critical error on your website",
    "erro crítico no seu site",
    "erro crítico neste site",
    "parse error",
    "syntax error, unexpected",
    "uncaught exception",
    "uncaught error",
    "unhandled exception",
    "npm err!",
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
_MESSAGE_KEYS: Final = frozenset(_MESSAGES_BY_WORD)

# PHP and other runtimes start a message with its level and a colon ("Warning: include(x):
# failed to open stream", "Fatal error: Allowed memory size …").
_LEVEL_PREFIXES: Final = (
    ("fatal", "fatal error:"),
    ("warning", "warning:"),
    ("notice", "notice:"),
    ("deprecated", "deprecated:"),
    ("strict", "strict standards:"),
)

# Browser and TLS error codes (ERR_CONNECTION_REFUSED, NET::ERR_CERT_DATE_INVALID,
# DNS_PROBE_FINISHED_NXDOMAIN, SSL_ERROR_RX_RECORD_TOO_LONG, SEC_ERROR_UNKNOWN_ISSUER).
# One pattern per literal start, so that the engine jumps between occurrences of it; each is
# run only when the word it contains is among the text's words.
_ERROR_CODES: Final = (
    ("err", re.compile(r"err_[a-z0-9_]{3,60}")),
    ("error", re.compile(r"_error(?:_[a-z0-9_]{1,60})?")),
    ("probe", re.compile(r"dns_probe_[a-z_]{3,40}")),
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
# A log line that starts with a bracketed timestamp ("[2024-03-18 21:03:11]",
# "[Mon Jan 01 10:00:00 2024]"); it is an error message when the line reads as one.
_LOG_TIMESTAMP: Final = re.compile(
    r"\[(?:[0-9]{4}-[0-9]{2}-[0-9]{2}[ t]{1,2}|[a-z]{3} [a-z]{3} [0-9]{1,2} )[0-9]{2}:[0-9]{2}"
)

# Log levels in capitals, as loggers print them ("2024-05-01 10:00:00 ERROR …", "npm ERR!").
_LOG_WORDS: Final = ("ERROR", "WARN", "WARNING", "FATAL", "CRITICAL", "SEVERE")
# A timestamp earlier on the same line, which makes the capitalised level a log line.
_TIMESTAMP: Final = re.compile(r"[0-9]{2}:[0-9]{2}|[0-9]{4}-[0-9]{2}-[0-9]{2}")

# Oracle ("ORA-00942") and Windows ("0x80070005", "0x800CCC0E") error codes.
_ORACLE_CODE: Final = re.compile(r"ora-[0-9]{4,5}")
_HEX_CODE: Final = re.compile(r"0x[0-9a-f]{8}(?![0-9a-z])")

# "code"/"código" and the code it names ("fails with code PAY-4012", "código
# E_UPLOAD_TIMEOUT", "npm ERR! code ERESOLVE", "Error code: 3").
_CODE_WORDS: Final = lexicon("code código codigo cód cod")
_CODE_TOKEN: Final = re.compile(r"[ \t]{0,2}(?:[:#=][ \t]{0,2})?([\w.-]{1,40})")

# A status code: three digits on their own (not part of "1500", "1.500", "500,00", "500%",
# "#500", "R$500", "400-500"; "550-5.7.1" is an SMTP reply). The engine jumps between the
# digits 1-5; the look-behind sits after the first digit so that the jump still works.
_STATUS_CODE: Final = re.compile(
    r"[1-5](?<![\w.,:/$#-][1-5])[0-9]{2}(?![\w%]|[.,:/][0-9]|-[0-9]{2})"
)
# Status codes a customer is likely to see on a screen or in a bounce; a bare one is near.
_COMMON_CODES: Final = lexicon(
    """
    400 401 402 403 404 405 406 408 409 410 413 414 415 419 422 429 431 451
    500 501 502 503 504 505 507 508 509 520 521 522 523 524 525 526 527 530
    421 450 452 535 550 551 552 553 554
    """
)
_SMTP_CODES: Final = lexicon("421 450 451 452 530 535 550 551 552 553 554")
# An SMTP enhanced status code after a reply code ("550 5.1.1", "554-5.7.1").
_ENHANCED_STATUS: Final = re.compile(r"[ -][245]\.[0-9]{1,3}\.[0-9]{1,3}(?![0-9])")
# Words right before a number that make it a status code ("HTTP 404", "erro 500", "status
# 503", "retorna 502", "dá 503", "a 404 page").
_CODE_CONTEXT: Final = lexicon(
    """
    http https error erro status code código codigo retorna retornou returns returned return
    gives gave dá da deu get got getting gets recebo recebi aparece shows showing with com
    """
)
_ARTICLES: Final = lexicon("a an um uma o the")
# Words right after a number that make it a status code ("404 error", "500 page").
_CODE_FOLLOWERS: Final = lexicon("error erro errors erros page página pagina status code código")
# Words next to a number that make it something else: money, an order, a quantity.
_NOT_A_CODE: Final = lexicon(
    """
    r$ $ us$ € £ pedido pedidos order orders invoice fatura nota boleto nº n° número numero
    protocolo ticket chamado plano plan id cpf cnpj tel telefone phone ramal cep versão version
    reais dólares dollars mb gb kb tb ms segundos seconds minutos minutes horas hours dias days
    usuários users emails e-mails contas accounts vezes times visitas visits produtos products
    itens items listeners ouvintes pessoas people clientes customers % x
    """
)
# Words that make a code nearby the expected outcome rather than what happened.
_EXPECTING: Final = re.compile(r"expect|should|deveria|esperad|supposed")

# The start of the reason phrase servers print after a status code ("404 Not Found").
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
    "server",
    "(unknown status)",
)

# A colon that may introduce a message: right after a word, followed by text on the same
# line or after at most one blank line. The engine jumps between the colons; the
# look-behind checks the letter before each.
_COLON: Final = re.compile(
    r":(?<=[^\W\d_]:)[ \t]{0,3}(?=[^\s:/]|\n[ \t]{0,3}\S|\n[ \t]{0,3}\n[ \t]{0,3}\S)"
)
# The line a message is on: the rest of this line, or the next non-blank one.
_LINE: Final = re.compile(r"[ \t]{0,3}(?:\n[ \t]{0,3}){0,2}(\S[^\n]{0,299})")
# A line that starts with a program's name in lowercase and a colon, as command-line tools
# report failures ("curl: (7) Failed to connect", "fatal: not a git repository",
# "/bin/sh: php: not found"). Headings a customer writes ("Obs:", "Problema:") are
# capitalised.
_PROGRAM_LINE: Final = re.compile(r"\n[ \t]{0,4}([a-z/][a-z0-9_./-]{1,30}): ([^\n]{3,300})")

# Quotes and punctuation around a word.
_PUNCTUATION: Final = "\"'\u201c\u201d\u2018\u2019.,:;!?()"

# Words a message that follows a display verb must not start with: a pronoun or an article
# is the customer's sentence going on ("it says I have to", "shows The page"), not a quote.
_NOT_A_QUOTE_START: Final = lexicon(
    """
    i a o the it this that there these my your our he she they we you eu um uma os as ele ela
    isso nada nothing something algo some uns umas me
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
_QUOTE: Final = re.compile("[" + re.escape("".join(_QUOTE_CLOSERS)) + "]")

# Words right before a quote that make it a label of the interface, not a message.
_UI_WORDS: Final = lexicon(
    """
    click clicked clicking tap tapped press pressed choose chose select selected tick ticked
    button link menu option tab clico cliquei clique clicar toco toquei toque aperto apertei
    marco marquei marque escolho escolhi seleciono selecionei botão botao opção opcao aba
    """
)

# How much of a dedicated error field is read as one message; a longer field is a pasted
# log, which `detect_error_message` reads in full.
_MAX_FIELD = 1000

# Words of a complaint that names no message: in the error field, "dá erro" or "gives an
# error" is as empty as in the text.
_BARE_COMPLAINT: Final = lexicon(
    """
    dá da deu dando give gives gave giving get gets got an a o um uma the it isso is there
    aparece appears shows some algum alguma just só so
    """
)


def detect_error_message(text: Text, /) -> Detection:
    """Find the exact error message or code the customer saw.

    >>> detect_error_message(Text.of("The page shows HTTP 500.")).spans
    ((20, 23),)
    >>> detect_error_message(Text.of("Dá erro quando salvo")).found
    False
    """
    spans = gather(
        _machine_errors(text),
        _known_messages(text),
        _codes(text),
        _colon_messages(text),
        _verbatim_reports(text),
        _program_errors(text),
        _quoted_messages(text),
    )
    near: list[Span] = []
    if len(spans) < MAX_SPANS:
        _error_words(text, spans, near)
        _status_codes(text, spans, near)
    return detection(spans, near)


def detect_error_field(field: Text, /) -> Detection:
    """Judge a dedicated "exact error message" field.

    Whatever the customer typed there is meant as the message, so it counts unquoted when it
    reads as one ("Falha no login.", "Network is unreachable", "AutoSSL: DNS DCV: …", a code),
    as long as it says more than a bare complaint ("dá erro", "doesnt work", "tela branca").

    >>> detect_error_field(Text.of("Falha no login.")).found
    True
    >>> detect_error_field(Text.of("dá erro")).found
    False
    """
    detected = detect_error_message(field)
    if detected.found:
        return detected
    low = field.lowered[:_MAX_FIELD]
    stripped = low.strip()
    start = low.index(stripped[:1]) if stripped else 0
    whole = [(start, start + len(stripped))]
    if _ERRORISH.search(low) and field.words - _BARE_COMPLAINT - _ERROR_WORDS:
        return detection(whole)
    if any(_is_code_like(token) for token in field.original[:_MAX_FIELD].split()):
        return detection(whole)
    if ": " in stripped and len(stripped.split()) >= 3:
        return detection(whole)  # "Component: detail", the shape of a machine message
    return detected


def _machine_errors(text: Text) -> Iterator[Span]:
    # The cheap checks against `Text.words` decide which scans run: a substring test on a
    # long text costs as much as the scan it would save.
    low = text.lowered
    original = text.original
    words = text.words
    for word, pattern in _ERROR_CODES:
        if word not in words:
            continue
        for match in islice(pattern.finditer(low), MAX_HITS):
            start = match.start()
            while start > 0 and (low[start - 1].isalnum() or low[start - 1] in "_:"):
                start -= 1  # take in "NET::" and "SSL" before "_ERROR"
            yield (start, match.end())
    for match in islice(_EXCEPTION_NAME.finditer(original), MAX_HITS):
        start = match.start()
        if start and original[start - 1].isalnum():
            yield (_name_start(original, start), match.end())
    yield from (m.span() for m in islice(_STACK_FRAME.finditer(low), MAX_HITS))
    if "line" in words:
        yield from (m.span() for m in islice(_PHP_LINE.finditer(low), MAX_HITS))
    if "[" in low:
        yield from (m.span() for m in islice(_LOG_LEVEL.finditer(low), MAX_HITS))
        yield from _timestamped_lines(low)
    if "ora" in words:
        yield from (m.span() for m in islice(_ORACLE_CODE.finditer(low), MAX_HITS))
    yield from (m.span() for m in islice(_HEX_CODE.finditer(low), MAX_HITS))
    for level in _LOG_WORDS:
        if level.lower() in words:
            yield from _log_lines(text, level)
    for first, prefix in _LEVEL_PREFIXES:
        if first in words:
            yield from _find_phrase(low, prefix)


def _name_start(original: str, start: int) -> int:
    r"""Walk back over a qualified class name ("java.lang.", "Illuminate\\Database\\")."""
    floor = max(0, start - 120)
    while start > floor and (original[start - 1].isalnum() or original[start - 1] in "._\\$"):
        start -= 1
    return start


def _timestamped_lines(low: str) -> Iterator[Span]:
    """Log lines that start with a bracketed timestamp and report a failure."""
    for match in islice(_LOG_TIMESTAMP.finditer(low), MAX_HITS):
        line_end = low.find("\n", match.end())
        end = line_end if line_end >= 0 else len(low)
        if _ERRORISH.search(low, match.end(), end):
            yield (match.start(), end)


def _log_lines(text: Text, level: str) -> Iterator[Span]:
    """Capitalised log levels: after a timestamp, in brackets, or before a colon or "!"."""
    original = text.original
    position = original.find(level)
    for _ in range(MAX_HITS):
        if position < 0:
            return
        end = position + len(level)
        before = original[position - 1 : position] if position else ""
        after = original[end : end + 1]
        if not before.isalnum() and not after.isalnum():
            line_start = original.rfind("\n", max(0, position - 80), position) + 1
            head = original[max(line_start, position - 80) : position]
            if before == "[" or after in (":", "]", "!") or _TIMESTAMP.search(head):
                yield (position, end)
        position = original.find(level, end)


def _known_messages(text: Text) -> Iterator[Span]:
    low = text.lowered
    for word in text.among(_MESSAGE_KEYS):
        for message in _MESSAGES_BY_WORD[word]:
            if message in low:
                yield from _find_phrase(low, message)


def _find_phrase(low: str, phrase: str) -> Iterator[Span]:
    position = low.find(phrase)
    for _ in range(MAX_HITS):
        if position < 0:
            return
        end = position + len(phrase)
        if not (position and low[position - 1].isalnum()):
            yield (position, end)
        position = low.find(phrase, end)


def _codes(text: Text) -> Iterator[Span]:
    """A code named as such: "code PAY-4012", "código E_UPLOAD_TIMEOUT", "code: 3"."""
    original = text.original
    for word in text.among(_CODE_WORDS):
        for start, end in text.find(word):
            token = _CODE_TOKEN.match(original, end)
            if token is None:
                continue
            code = token.group(1).rstrip(".-")
            if code and (_is_code_like(code) or code.isdigit()):
                yield (start, token.start(1) + len(code))


def _is_code_like(token: str) -> bool:
    """Whether a token looks like a machine code rather than a word.

    >>> [_is_code_like(t) for t in ("PAY-4012", "E_UPLOAD", "invalid_grant", "SIGABRT")]
    [True, True, True, True]
    >>> [_is_code_like(t) for t in ("clientTransferProhibited", "iPhone", "Salvar", "DNS")]
    [True, False, False, False]
    """
    core = token.strip(".,;:()[]\"'")
    if len(core) < 3 or not any(char.isalpha() for char in core):
        return False
    has_digit = any(char.isdigit() for char in core)
    if "_" in core.strip("_") and core.replace("_", "").isalnum():
        return True  # snake_case identifiers: E_UPLOAD_TIMEOUT, redirect_uri_mismatch
    letters = [char for char in core if char.isalpha()]
    capitals = sum(char.isupper() for char in letters)
    if capitals == len(letters) >= 2:
        return has_digit or len(letters) >= 5  # PAY-4012, AADSTS50011, ERESOLVE, SIGABRT
    # camelCase that no brand uses: "clientTransferProhibited", not "iPhone" or "eBay".
    return core[0].islower() and capitals >= 2 and len(core) >= 8 and core.isalnum()


def _colon_messages(text: Text) -> Iterator[Span]:
    """Text after a colon that follows an error word or a display verb ("Error: invalid_grant")."""
    low = text.lowered
    if ":" not in low:
        return
    resume = 0
    for colon in islice(_COLON.finditer(low), MAX_HITS):
        position = colon.start()
        if position < resume:
            continue
        line_start = low.rfind("\n", max(0, position - 80), position) + 1
        head = low[max(line_start, position - 80) : position].split()[-5:]
        cues = [word.strip(".,;:()[]!") for word in head]
        strong = any(cue in _ERROR_WORDS or cue in _DISPLAY_VERBS for cue in cues)
        noun = any(cue in _MESSAGE_NOUNS for cue in cues)
        if not (strong or noun):
            continue
        line = _LINE.match(low, colon.end())
        if line is None:
            continue
        message = line.group(1).rstrip()
        if not message or message.startswith(("$ ", "# ", ">>> ")):
            continue  # a command the customer typed, not what came back
        readable = len(message.split()) >= 2 or _is_code_like(
            text.original[line.start(1) : line.end(1)]
        )
        # A heading such as "Resultado:" introduces the customer's own account unless what
        # follows reads as an error ("Result: Can't connect to MySQL server").
        if readable and (strong or _ERRORISH.search(message)):
            resume = line.end(1)
            yield (line.start(1), line.start(1) + len(message))


def _program_errors(text: Text) -> Iterator[Span]:
    """A command-line tool's complaint on its own line ("curl: (7) Failed to connect …")."""
    low = text.lowered
    if ":" not in low:
        return
    source = "\n" + text.original  # every line, the first included, starts after a "\n"
    for match in islice(_PROGRAM_LINE.finditer(source), MAX_HITS):
        start, end = match.start(2) - 1, match.end(2) - 1
        if _ERRORISH.search(low, start, end):
            yield (start, end)


def _verbatim_reports(text: Text) -> Iterator[Span]:
    """Wording reproduced after a display verb: "says Failed to …", "aparece Acesso negado".

    The words must start with a capital letter or on a new line, as copied text does, and read
    as an error: "it shows GBP prices" or "returns False" are the customer's description.
    """
    original = text.original
    low = text.lowered
    for word in text.among(_DISPLAY_VERBS):
        for _start, end in text.find(word):
            line = _LINE.match(original, end)
            if line is None:
                continue
            rest = line.group(1)
            first = rest.split(None, 1)[0] if rest.strip() else ""
            bare = first.strip(_PUNCTUATION)
            if not bare or bare.lower() in _NOT_A_QUOTE_START:
                continue
            starts_line = "\n" in low[end : line.start(1)]
            capitalised = bare[0].isupper() or bare[0] in "#["
            stop = _clause_end(rest)
            if (
                (capitalised or starts_line)
                and len(rest.split()) >= 2
                and _ERRORISH.search(low, line.start(1), line.start(1) + stop)
            ):
                yield (line.start(1), line.start(1) + stop)


def _clause_end(rest: str) -> int:
    """Where a reported message ends: at the end of its sentence."""
    for index, char in enumerate(rest):
        if char in ".!?" and (index + 1 == len(rest) or rest[index + 1].isspace()):
            return index
    return len(rest.rstrip())


def _quoted_messages(text: Text) -> Iterator[Span]:
    """Quoted text that reads as an error ("Cupom inválido", 'Your session has expired')."""
    low = text.lowered
    if not any(quote in low for quote in _QUOTE_CLOSERS):
        return
    resume = 0
    for match in islice(_QUOTE.finditer(low), MAX_HITS):
        start = match.start()
        if start < resume:
            continue
        opener = match.group()
        if opener in "'\u2018" and start and low[start - 1].isalnum():
            continue  # an apostrophe: "don't", "it's"
        closer = _QUOTE_CLOSERS[opener]
        stop = low.find(closer, start + 1, start + 302)
        if stop < 0 or low.find("\n", start + 1, stop) >= 0:
            continue
        if opener == "'" and stop + 1 < len(low) and low[stop + 1].isalnum():
            continue  # an apostrophe closes nothing: "it's 'fine' it's"
        resume = stop + 1
        quoted = low[start + 1 : stop]
        if len(quoted.strip()) < 3 or not _ERRORISH.search(quoted):
            continue
        if _UI_WORDS.intersection(low[max(0, start - 24) : start].split()[-2:]):
            continue  # a label the customer clicked: click "Lost your password?"
        yield (start, stop + 1)


def _error_words(text: Text, spans: list[Span], near: list[Span]) -> None:
    """Judge "error", "erro", "falha": strong before a code ("erro 500"), else near."""
    low = text.lowered
    words = text.words.intersection(_ERROR_WORDS)
    if words and not any(digit in low for digit in "0123456789"):
        # Every code has a digit, so each word is near; near spans are whole words that never
        # join, and `detection` keeps the first `MAX_SPANS` of them: the rest need no look.
        for word in words:
            near.extend(islice(text.find(word), MAX_SPANS))
        return
    for word in words:
        for start, end in text.find(word):
            code = _CODE_AFTER.match(low, end)
            if code:
                spans.append((start, code.end()))
            else:
                near.append((start, end))


# What may follow an error word and make it a message: a code ("erro 500", "error code 1045",
# "error #2002", "error: 0x80070005", "erro 400: redirect_uri_mismatch").
_CODE_AFTER: Final = re.compile(
    r"[ \t]{0,2}(?:(?:code|código|codigo|nº|n°|number|número)[ \t]{0,2})?(?:[:#-][ \t]{0,2})?"
    r"(?:[0-9]{3,6}|0x[0-9a-f]{4,8}|[a-z]{1,4}[-_]?[0-9]{3,6})(?![\w.,])"
)


def _status_codes(text: Text, spans: list[Span], near: list[Span]) -> None:
    """Three-digit status codes: strong in context or with an SMTP enhanced code, else near."""
    low = text.lowered
    if "4" not in low and "5" not in low:
        return  # only 4xx and 5xx count; a digit search is far cheaper than the scan
    for match in islice(_STATUS_CODE.finditer(low), MAX_HITS):
        code = match.group()
        if code[0] not in "45":
            continue  # 1xx-3xx are not errors ("200 OK" is a success)
        start, end = match.span()
        before = _words_before(low, start)
        after = _word_after(low, end)
        last = before[-1] if before else ""
        if last in _NOT_A_CODE or after in _NOT_A_CODE or low[start - 2 : start] == "r$":
            continue
        if _EXPECTING.search(low, max(0, start - 40), start):
            continue  # the code the customer expected: "I expect the GET to return 404"
        enhanced = _ENHANCED_STATUS.match(low, end) if code in _SMTP_CODES else None
        in_context = (
            last in _CODE_CONTEXT
            or last.startswith("http/")
            or (last in _ARTICLES and len(before) > 1 and before[-2] in _CODE_CONTEXT)
            or after in _CODE_FOLLOWERS
            or low[end : end + 40].lstrip(" -:\u2013").startswith(_REASON_PHRASES)
            or _starts_reply_line(text, start, end)
        )
        if enhanced:
            spans.append((start, enhanced.end()))
        elif in_context:
            spans.append((start, end))
        elif code in _COMMON_CODES:
            near.append((start, end))


def _starts_reply_line(text: Text, start: int, end: int) -> bool:
    """A server reply pasted on its own line: "550 No Such User Here"."""
    low = text.lowered
    line_start = low.rfind("\n", max(0, start - 8), start) + 1
    if low[line_start:start].strip(" \t") or (line_start == 0 and start > 8):
        return False
    following = text.original[end : end + 2]
    return following[:1] in (" ", "-") and following[1:2].isupper()


def _words_before(low: str, start: int) -> list[str]:
    if not low[start - 1 : start].isspace():
        return []
    return [word.strip("()[]:,;\"'") for word in low[max(0, start - 32) : start].split()[-2:]]


def _word_after(low: str, end: int) -> str:
    words = low[end : end + 24].split()
    return words[0].strip("()[]:,;.\"'") if words and low[end : end + 1].isspace() else ""
