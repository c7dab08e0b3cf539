"""Private: the patterns and word lists behind `ticketcore.redact`.

Every pattern here runs in time linear in the text. The rules that keep it so:

* every repetition of "any character" is bounded (``{0,40}``) or possessive (``++``), so a failed
  attempt never backtracks through a long run;
* a pattern that scans a run of token characters first asserts that the run *starts* there (a
  lookbehind for a non-token character), so each run is scanned from one place only, not once
  per character of the run;
* a value that is scanned is consumed by the match, so the next search starts after it.

Patterns are built from named fragments, each commented with what it accepts.
"""

from __future__ import annotations

import re
from typing import Final

# --- Shared fragments -------------------------------------------------------------------------

# Not preceded by a letter or digit ("1Password" is a product, not a label); "_", "-" and "." may
# precede, so that identifiers such as DB_PASSWORD and X-API-Key count. Two kinds of identifier
# glue a label to letters: camelCase (smtpPassword, accessToken) and all capitals (PGPASSWORD).
_LEFT: Final = (
    r"(?:(?<![^\W_])"
    r"|(?<=(?-i:[a-z]))(?=(?-i:[A-Z]))"
    r"|(?<=(?-i:[A-Z]))(?=(?-i:PASSWORD|TOKEN|SECRET)))"
)
# Not followed by a letter, digit or "_": "passport", "passo", "tokens", "PASSWORD_MIN_LENGTH"
# and "token_type" are not labels.
_RIGHT: Final = r"(?!\w)"
# Blanks inside a line; values never continue on the next line.
_BLANK: Final = r"[ \t]"

# Characters that make a value look like a credential rather than a word of prose: digits and the
# symbols people put in passwords. Sentence punctuation (.,;:'"-) and brackets are left out on
# purpose, because they end or wrap words in prose.
CREDENTIAL_SYMBOLS: Final = "!@#$%^&*+=/\\|~_?"
_CRED_CLASS: Final = r"[0-9!@#$%^&*+=/\\|~_?]"
_NON_CRED_CLASS: Final = r"[^\s0-9!@#$%^&*+=/\\|~_?]"

# --- Labels -----------------------------------------------------------------------------------

# Password labels, English and Portuguese; longer spellings first.
PASSWORD_LABELS: Final = r"password|passphrase|passcode|passwd|pass|pwd|pw|pin|senha"  # noqa: S105
# Short labels that are also common words ("pass the ticket", "pin the issue"): they need a
# separator, or a user name right before them.
AMBIGUOUS_LABELS: Final = frozenset({"pass", "pw", "pin"})
# Token labels: identifiers ending in token/secret/key, "Bearer", and the Portuguese phrases
# "chave de API", "chave da API", "chave de acesso", "chave secreta". A bare "key" or "chave" is
# not a label ("the key is to restart", "chave PIX").
TOKEN_LABELS: Final = (
    r"secret[_\- ]access[_\- ]key|secret[_\- ]?key|access[_\- ]key|api[_\- ]?key"  # noqa: S105
    r"|auth[_\- ]?key"
    r"|token|secret|bearer|authorization:[ \t]*basic"
    r"|chave[ \t]+(?:d[aeo][ \t]+)?(?:api|acesso|secreta)"
)
# Words that may follow a label before its separator: "senha do e-mail:", "senha provisória:",
# "password for the shared drive:", "token de acesso é". The first word must be one of these (a
# preposition or an adjective of passwords); up to three more words may follow it.
_QUALIFIER_HEADS: Final = (
    r"for|of|do|da|dos|das|de|no|na|para|pra|pro"
    r"|to|provis[oó]ria|tempor[aá]ria|atual|atualizada|nova|novo|antiga|padr[aã]o|inicial"
    r"|definitiva|correta|certa"
)
_QUALIFIER: Final = (
    rf"(?:{_BLANK}+(?:{_QUALIFIER_HEADS}){_RIGHT}(?:{_BLANK}+[^\s:=]{{1,30}}+){{0,3}})"
)
# Words that may stand between a label and its value: "password is X", "senha é X", "changed the
# password to X", "trocou a senha para X".
_WEAK_WORDS: Final = r"is|was|to|é|eh|era|ser[aá]|seria|para|pra"
# A strong separator: "=", ":", ":=", "=>", optionally after "is"/"é" ("password is: X"). After a
# quoted label also a comma, as in wp-config.php's define('DB_PASSWORD', 'x'), and an XML
# attribute, as in .NET's <add key="SmtpPassword" value="x" />.
_STRONG: Final = (
    rf"(?:{_BLANK}+(?:{_WEAK_WORDS}))?{_BLANK}*"
    r"(?P<strong>:=|=>|[:=]|(?(lq)(?:,(?=[ \t]*[\"'])|[ \t]+value[ \t]*=)|(?!)))"
    rf"{_BLANK}*"
)
_WEAK: Final = rf"{_BLANK}+(?P<weak>{_WEAK_WORDS}){_BLANK}+"
_NONE: Final = rf"(?P<none>{_BLANK}+)"

# --- Values -----------------------------------------------------------------------------------

# A quoted value: up to 200 characters on one line, and the closing quote must end a word.
_QUOTE_END: Final = r"(?=[\s.,;:!?)\]}>]|\Z)"
_QUOTED: Final = (
    rf"\"(?P<dq>[^\"\n]{{1,200}}+)\"{_QUOTE_END}"
    rf"|'(?P<sq>[^'\n]{{1,200}}+)'{_QUOTE_END}"
)
# An unquoted value runs to the next blank. The lookahead is a cheap prefilter done inside the
# regex engine: the value has a digit or symbol, or (after a strong separator) it is the last
# word on its line. Python then applies the exact rule.
_SHAPED_AHEAD: Final = rf"(?={_NON_CRED_CLASS}*+{_CRED_CLASS})"
_ALONE_AHEAD: Final = r"(?=\S++[ \t]*+(?:\r?\n|\Z|/))"  # or "user / password" follows
_UNQUOTED: Final = rf"(?(strong)(?:{_SHAPED_AHEAD}|{_ALONE_AHEAD})|{_SHAPED_AHEAD})(?P<uq>\S++)"
_VALUE: Final = rf"(?:{_QUOTED}|{_UNQUOTED})"

# A lookahead for the first letter of every label lets the regex engine skip most positions
# quickly (it halves the time on ticket text); keep it in sync with the labels.
LABELED_VALUE: Final = re.compile(
    rf"(?=[pstbac]){_LEFT}(?P<label>(?P<pw>{PASSWORD_LABELS})|(?P<tok>{TOKEN_LABELS})){_RIGHT}"
    r"(?P<lq>[\"'])?"
    rf"(?:(?P<qual>{_QUALIFIER})?(?:{_STRONG}|{_WEAK})|{_NONE})"
    rf"{_VALUE}",
    re.IGNORECASE,
)
"""A password or token label, its separator and its value candidate."""

# "user admin pass xyz", "usuário admin e senha xyz", "login jdoe, password X": a username
# directly followed by a password label. Only here may a short letters-only value follow "pass"
# without a separator.
USER_PASS_PAIR: Final = re.compile(
    rf"(?=[ul]){_LEFT}(?:username|user|login|usu[aá]rio){_RIGHT}{_BLANK}*[:=]?{_BLANK}*"
    r"(?P<user>[^\s,;/]{1,100}+)"
    rf"{_BLANK}*(?:[,;/]{_BLANK}*|(?:and|e){_BLANK}+)?"
    rf"(?P<label>password|passwd|pass|pwd|pw|pin|senha){_RIGHT}{_BLANK}*(?P<strong>[:=])?{_BLANK}*"
    rf"(?:{_QUOTED}|(?P<uq>\S++))",
    re.IGNORECASE,
)
"""A username and a password label in a row, and the value after the label."""

# "user/pass: root/Toor#99", "login e senha: joao / Jo@o2024": a user label joined to the
# password label, whose value is then "user/password".
USER_LABEL_BEFORE: Final = re.compile(
    r"(?:username|user|login|usu[aá]rio)(?:[ \t]*/[ \t]*|[ \t]+(?:e|and|&)[ \t]+)\Z",
    re.IGNORECASE,
)
# The second half of "user / password" after the user name.
SLASH_AND_VALUE: Final = re.compile(r"[ \t]*/[ \t]*(\S++)")

# Connection strings. The match starts at the literal "://" (fast to find); the scheme before it
# is checked in Python. user: no ":", "/", "@" or blank; password: up to the last "@" before the
# next "/" or blank (passwords may contain "@" and ":"; a raw "/" must be percent-encoded).
URL_CREDENTIALS: Final = re.compile(r"://(?P<user>[^\s/@:]*+):(?P<pw>[^\s/]+)@")
URL_SCHEME: Final = re.compile(r"(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]{0,30}\Z")

# Tokens recognised by their issuer's prefix, wherever they appear. Case-sensitive.
_TOKEN_CHAR: Final = r"[A-Za-z0-9_\-]"  # noqa: S105  (a character class)
PREFIXED_TOKEN: Final = re.compile(
    rf"(?=[gsrxAe])(?<!{_TOKEN_CHAR})(?:"  # the first letters of the prefixes below
    r"gh[pousr]_[A-Za-z0-9]{30,}+"  # GitHub classic tokens
    r"|github_pat_[A-Za-z0-9_]{40,}+"  # GitHub fine-grained tokens
    r"|[sr]k_(?:live|test)_[A-Za-z0-9]{16,}+"  # Stripe secret and restricted keys
    r"|sk-[A-Za-z0-9_\-]{20,}+"  # OpenAI / Anthropic style keys (digit checked in Python)
    r"|xox[abposr]-[A-Za-z0-9\-]{10,}+"  # Slack
    r"|(?:AKIA|ASIA)[A-Z0-9]{16}"  # AWS access key ids
    r"|AIza[A-Za-z0-9_\-]{35}"  # Google API keys
    r"|glpat-[A-Za-z0-9_\-]{20,}+"  # GitLab personal access tokens
    r"|eyJ[A-Za-z0-9_\-]{8,}+\.eyJ[A-Za-z0-9_\-]{8,}+\.[A-Za-z0-9_\-]{10,}+"  # JWT
    rf")(?!{_TOKEN_CHAR})"
)
"""A token with a well-known prefix."""
TOKEN_PREFIXES: Final = (
    "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "k_live_", "k_test_", "sk-",
    "xox", "AKIA", "ASIA", "AIza", "glpat-", "eyJ",
)  # fmt: skip

# PEM private keys: the header, then the body up to the matching END line or the next BEGIN.
PEM_BEGIN: Final = re.compile(r"-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY-----")
PEM_STOP: Final = re.compile(r"-----(?:END[ A-Z0-9]{0,40}PRIVATE KEY-----|BEGIN)")

# mysql/mariadb clients take the password glued to -p: mysql -u root -p'secret'.
MYSQL_FLAG: Final = re.compile(
    r"(?<=[ \t])-p(?:'(?P<sq>[^'\n]{1,200}+)'|\"(?P<dq>[^\"\n]{1,200}+)\"|(?P<uq>[^\s'\"\-]\S*+))"
)
# A value read again without its quotes runs to the next blank.
NON_BLANK_RUN: Final = re.compile(r"\S++")
# The rest of a line is blank (the value before it stood alone on its line).
BLANK_TO_LINE_END: Final = re.compile(r"[ \t]*+(?:\r?\n|\Z)")
MYSQL_COMMAND: Final = re.compile(r"\b(?:mysql|mysqldump|mysqladmin|mariadb)\b", re.IGNORECASE)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- Words ------------------------------------------------------------------------------------

# Substrings of the lowered text that can start a labeled value; a text without any of them skips
# the label patterns entirely.
LABEL_KEYWORDS: Final = (
    "pass", "pw", "pin", "senha", "token", "secret", "key", "bearer", "chave", "authorization",
)  # fmt: skip

# Letters-only words that follow a label in prose or forms and are never the password itself:
# states ("expired"), instructions ("attached"), placeholders ("none", "redacted") and the labels
# themselves. A letters-only value is a password only when it is not one of these.
STOPWORDS: Final = _words(
    """
    a an the is are was were be been it its this that these those my your his her our their
    same one none null nil undefined true false yes no ok empty blank required optional
    expired expires invalid incorrect wrong correct changed reset locked blocked unknown
    missing attached attachment below above here there later phone sms email mail whatsapp
    forgot forgotten default hidden redacted removed censored masked secret password passwords
    token tokens pass pwd senha senhas field please see check send sent same usual new old
    temporary temp policy manager change update updated protected
    through to on off in out over by with without via from into onto at as if when then and or
    but not all any some n/a tbd todo
    o os as um uma uns umas do da dos das de no na nos nas ao aos em por para pra pro com sem
    que se e ou mas não nao sim é eh está esta estão estao foi era ser sera será mesma mesmo
    nenhuma nenhum vazia vazio obrigatória obrigatorio obrigatório opcional
    expirou expirada expirado inválida invalida inválido invalido incorreta incorreto errada
    errado correta correto certa certo trocada trocar alterada alterar bloqueada bloqueado
    redefinida redefinir resetar resetada esqueci esquecida desconhecida anexo anexa anexado
    abaixo acima aqui depois telefone celular padrão padrao provisória provisoria atual nova
    antiga oculta ocultada removida removido omitida mascarada segredo campo política politica
    """
)

# Function words (articles, prepositions, pronouns, conjunctions): a quoted phrase made mostly of
# these is prose ("a de sempre"), whereas a passphrase is made of content words.
FUNCTION_WORDS: Final = _words(
    """
    a an the is are was were be it its this that my your his her our their to of in on at by for
    with from as and or but not
    o os as um uma uns umas do da dos das de no na nos nas ao aos em por para pra pro com sem que
    se e ou mas não nao é
    """
)

# Values that stand for "no value here": runs of mask characters, environment references,
# template placeholders.
PLACEHOLDER: Final = re.compile(
    r"[*•·xX#._\-?]+"  # ********, xxxxx, ####, ???
    r"|[<\[({][^\W\d]+(?:[ \-][^\W\d]+)*[>\])}]"  # <redacted>, [REMOVIDO], (none)
    r"|\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Z_][A-Z0-9_]*"  # ${db_password}, $DB_PASSWORD
    r"|%[A-Za-z_][A-Za-z0-9_]*%"  # %DB_PASSWORD%
    r"|\{\{.*\}\}",  # {{ secret }}
    re.DOTALL,
)
USER_CONNECTORS: Final = frozenset({"e", "and", "&", "/"})
