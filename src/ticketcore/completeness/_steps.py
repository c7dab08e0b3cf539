"""Detect steps to reproduce: the actions that lead to the problem, in order.

Steps are what lets the person solving a ticket see the problem with their own eyes instead
of guessing. One action ("when I open the site") is not a sequence yet: it is ``near``.

Actions are recognised by verb forms, in English and Brazilian Portuguese, in four shapes:
list items (``1. Open``, ``- Clicar em``), command transcripts (``$ composer install``), prose
in the first person (``I clicked``, ``cliquei``, ``quando acesso``) and imperative sentences
(``Open X. Click Y.``). The verb lexicon is checked against `Text.words` with one set
intersection, so its size does not slow the scan down.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from ticketcore.completeness._text import Detection, Span, Text, detection, lexicon


def _forms(infinitive: str) -> dict[str, str]:
    """Map the Portuguese forms of a regular verb that describe an action to their role."""
    stem, ending = infinitive[:-2], infinitive[-2:]
    # Before "e" and "i", "c" and "g" keep their sound as "qu" and "gu" (clicar, cliquei).
    soft = stem[:-1] + {"c": "qu", "g": "gu", "ç": "c"}.get(stem[-1:], stem[-1:])
    if ending == "ar":
        return {
            infinitive: _INFINITIVE,
            stem + "o": _FIRST_PERSON,
            stem + "amos": _FIRST_PERSON,
            soft + "ei": _PAST,
            soft + "e": _IMPERATIVE,
            stem + "ando": _GERUND,
        }
    vowel = ending[0]
    return {
        infinitive: _INFINITIVE,
        stem + "o": _FIRST_PERSON,
        stem + vowel + "mos": _FIRST_PERSON,
        stem + "i": _PAST,
        stem + "a": _IMPERATIVE,
        stem + ("endo" if vowel == "e" else "indo"): _GERUND,
    }


# Roles of a verb form, which decide the context it needs to count as an action.
_PAST = "past"  # cliquei, acessei: the customer did it; counts anywhere
_FIRST_PERSON = "first"  # clico, acesso: counts anywhere unless it is also a common noun
_IMPERATIVE = "imperative"  # clique, acesse: an instruction; counts anywhere
_INFINITIVE = "infinitive"  # clicar: "não consigo acessar" is a complaint, "ao acessar" a step
_GERUND = "gerund"  # clicking, clicando: "after clicking", or in a list item
_BASE = "base"  # English click, open: a command at the start of a sentence, or after "I"
_EN_PAST = "en-past"  # clicked, opened: "I clicked"; alone it may be passive ("was updated")

# Regular Portuguese verbs of the actions customers take in a web panel, an e-mail client or
# a shell. Each yields its infinitive, first-person present and past, imperative and gerund.
# "verificar" and "solicitar" are left out: "verifique meu site" and "solicito o cancelamento"
# ask the support team to act, they do not describe what the customer did.
_PT_VERBS: Final = lexicon(
    """
    acessar clicar digitar entrar selecionar enviar tentar executar rodar logar navegar salvar
    criar adicionar apagar atualizar reiniciar instalar configurar alterar mudar copiar colar
    pressionar apertar voltar fechar confirmar trocar limpar testar marcar desmarcar buscar
    pesquisar editar ativar desativar habilitar desabilitar cadastrar baixar exportar importar
    carregar recarregar informar colocar arrastar rolar tocar migrar apontar gerar cancelar
    finalizar pagar comprar reinstalar recuperar resetar deslogar desconectar conectar
    sincronizar anexar agendar publicar validar preencher escolher submeter
    abrir imprimir redefinir subir descer
    """
)

_PT_FORMS: Final[dict[str, str]] = {
    form: role for verb in _PT_VERBS for form, role in _forms(verb).items()
} | {
    # Irregular forms of "fazer", "ir", "inserir", "incluir", "excluir", "sair".
    "fiz": _PAST,
    "fizemos": _PAST,
    "faço": _FIRST_PERSON,
    "faco": _FIRST_PERSON,
    "faça": _IMPERATIVE,
    "faca": _IMPERATIVE,
    "fazer": _INFINITIVE,
    "fazendo": _GERUND,
    "fui": _PAST,
    "vou": _FIRST_PERSON,
    "vá": _IMPERATIVE,
    "insiro": _FIRST_PERSON,
    "inseri": _PAST,
    "insira": _IMPERATIVE,
    "inserir": _INFINITIVE,
    "inserindo": _GERUND,
    "incluí": _PAST,
    "inclua": _IMPERATIVE,
    "incluir": _INFINITIVE,
    "excluí": _PAST,
    "exclui": _PAST,
    "exclua": _IMPERATIVE,
    "excluir": _INFINITIVE,
    "saí": _PAST,
    "saia": _IMPERATIVE,
    "sair": _INFINITIVE,
}

# English actions as base form, past and gerund. "check" is left out on purpose: "please
# check my site" asks the support team to act, it does not describe what the customer did.
_EN_VERBS: Final = {
    "click": ("clicked", "clicking"),
    "open": ("opened", "opening"),
    "go": ("went", "going"),
    "navigate": ("navigated", "navigating"),
    "select": ("selected", "selecting"),
    "press": ("pressed", "pressing"),
    "enter": ("entered", "entering"),
    "type": ("typed", "typing"),
    "submit": ("submitted", "submitting"),
    "upload": ("uploaded", "uploading"),
    "download": ("downloaded", "downloading"),
    "login": ("logged", "logging"),
    "log": ("logged", "logging"),
    "sign": ("signed", "signing"),
    "access": ("accessed", "accessing"),
    "visit": ("visited", "visiting"),
    "try": ("tried", "trying"),
    "attempt": ("attempted", "attempting"),
    "run": ("ran", "running"),
    "install": ("installed", "installing"),
    "update": ("updated", "updating"),
    "upgrade": ("upgraded", "upgrading"),
    "change": ("changed", "changing"),
    "save": ("saved", "saving"),
    "add": ("added", "adding"),
    "create": ("created", "creating"),
    "delete": ("deleted", "deleting"),
    "remove": ("removed", "removing"),
    "fill": ("filled", "filling"),
    "choose": ("chose", "choosing"),
    "refresh": ("refreshed", "refreshing"),
    "reload": ("reloaded", "reloading"),
    "restart": ("restarted", "restarting"),
    "reboot": ("rebooted", "rebooting"),
    "send": ("sent", "sending"),
    "paste": ("pasted", "pasting"),
    "copy": ("copied", "copying"),
    "enable": ("enabled", "enabling"),
    "disable": ("disabled", "disabling"),
    "scroll": ("scrolled", "scrolling"),
    "tap": ("tapped", "tapping"),
    "close": ("closed", "closing"),
    "search": ("searched", "searching"),
    "insert": ("inserted", "inserting"),
    "drag": ("dragged", "dragging"),
    "switch": ("switched", "switching"),
    "edit": ("edited", "editing"),
    "configure": ("configured", "configuring"),
    "clear": ("cleared", "clearing"),
    "point": ("pointed", "pointing"),
    "import": ("imported", "importing"),
    "export": ("exported", "exporting"),
    "wait": ("waited", "waiting"),
    "pay": ("paid", "paying"),
    "connect": ("connected", "connecting"),
    "reset": ("reset", "resetting"),
    "set": ("set", "setting"),
    "follow": ("followed", "following"),
}
_EN_FORMS: Final[dict[str, str]] = {
    **{past: _EN_PAST for past, _ in _EN_VERBS.values()},
    **{gerund: _GERUND for _, gerund in _EN_VERBS.values()},
    **dict.fromkeys(_EN_VERBS, _BASE),
}

_ACTION_FORMS: Final[dict[str, str]] = _EN_FORMS | _PT_FORMS

# Forms that are also everyday nouns, adjectives or prepositions ("sem acesso", "entre 9 e
# 10", "access denied", "type of plan"): they count only right after "I", "eu", "quando" and
# other words that make them verbs, never at the start of a sentence or in a list item.
_AMBIGUOUS: Final = lexicon(
    """
    acesso envio entre logo salvo salve colo cola marco teste testes limpo baixo baixa ativo
    rolo role toque troco mudo fecho copia uso usar usando pago escolha informe volta gero
    conecto compro cancelo carrego busco cola marca subo desço vou fui
    access type set update change login log search upload connect point follow reset
    """
)

# Words right before a verb form that make it the customer's own action.
_SUBJECTS: Final = lexicon(
    """
    i we eu nós nos quando se aí ai então entao depois primeiro primeiramente seguida fim
    finalmente daí dai then first next finally afterwards once já ja também tambem when after
    """
)
# Weaker links: they continue a sequence of commands ("Open X, click Y and type Z").
_LINKS: Final = frozenset({"and", "e", ",", "&"})
# Words after which an English gerund or a Portuguese infinitive is an action: "after
# logging in", "ao clicar", "após salvar".
_GERUND_CONTEXT: Final = frozenset({"after", "when", "upon", "before", "by", "while"})
_INFINITIVE_CONTEXT: Final = frozenset({"ao", "após", "apos", "de"})
# "Tried to open", "tentei acessar": an attempt and its object are one action, not two.
_ATTEMPTS: Final = frozenset(
    {"try", "tried", "trying", "attempt", "attempted", "tentei", "tento", "tentar", "tente"}
)

# Words that order a sequence. They are not actions themselves, but two of them ("first …
# then …") around one action still describe a sequence the solver can replay.
_SEQUENCE_WORDS: Final = lexicon(
    """
    first firstly then afterwards next finally lastly primeiro primeiramente depois finalmente
    """
)
# Phrases that announce steps outright.
_STEP_PHRASES: Final = (
    "step by step",
    "steps to reproduce",
    "to reproduce",
    "passo a passo",
    "para reproduzir",
    "passos para reproduzir",
    "after that",
    "em seguida",
    "por fim",
    "depois disso",
    "após isso",
    "logo após",
    "por último",
)

# The marks that start a bulleted list item: hyphen, asterisk, bullet, middle dot, en and em
# dashes, pointer.
_BULLETS: Final = "-*\u2022\u00b7\u2013\u2014\u25ba"

# A list item at the start of a line: a bullet or "passo 1"/"step 1", then its first word.
# Only items that start with an action count, so that a list of domains, prices or questions
# is not mistaken for steps. Bounded repetitions keep each attempt short.
_BULLET_ITEM: Final = re.compile(
    r"\n[ \t]{0,8}(?:["
    + re.escape(_BULLETS)
    + r"]|(?:passo|step|etapa)[ \t]{0,2}[0-9]{1,3}[.):-]?)[ \t]{1,8}"
    r"(?:(?:eu|i|we|then|depois|e|and|aí|ai|primeiro|first)[ \t]{1,4})?"
    r"([^\W\d_]{1,24})"
)
# A numbered item ("1. Open", "2) clique em"), at the start of a line or inline in a sentence
# ("passos: 1) acesse 2) clique"). The engine jumps between the rare "." and ")" characters.
_NUMBERED_ITEM: Final = re.compile(
    r"[.)](?<=[0-9][.)])[ \t]{0,8}(?:(?:eu|i|we|then|depois|e|and)[ \t]{1,4})?([^\W\d_]{1,24})"
)
# A command typed at a prompt: "$ cmd", "user@host:~$ cmd", ">>> code", "C:\\> cmd",
# "# cmd" (a root shell). Each command line is one action.
_COMMAND_LINE: Final = re.compile(
    r"\n[ \t]{0,8}"
    r"(?:\$|>>>"
    r"|[\w.-]{1,32}@[\w.-]{1,64}:[^\n$#]{0,80}[$#]"  # user@host:~/dir$
    r"|(?:ps[ \t])?[a-z]:\\[^\n>]{0,120}>"  # C:\Users\x> and PowerShell's PS C:\>
    r"|(#))"
    r"[ \t]{1,4}([a-z./~_][\w.-]{0,40})"
)
# Where a sentence ends; a question ("should I click X?") describes no step taken.
_SENTENCE_END: Final = re.compile(r"[.!?\n]")

# Commands a root prompt ("# cmd") is followed by; "# Heading" in Markdown is not a command.
_ROOT_COMMANDS: Final = lexicon(
    """
    ls cd cat sudo su systemctl service apt apt-get yum dnf npm yarn pip pip3 python python3 php
    composer git curl wget ssh scp rsync mysql mysqldump psql docker kubectl nginx apachectl
    httpd ping traceroute dig nslookup host telnet nc chmod chown mkdir rm cp mv tail head grep
    crontab wp artisan node make tar unzip zip find df du free top htop ps kill reboot
    certbot openssl iptables ufw firewall-cmd journalctl echo touch nano vi vim
    """
)


def detect_steps(text: Text, /) -> Detection:
    r"""Find steps to reproduce: two or more actions, or one action in an ordered sequence.

    >>> detect_steps(Text.of("1. Open the site\n2. Click Login")).spans
    ((3, 7), (20, 25))
    >>> detect_steps(Text.of("Quando acesso o painel aparece erro")).found
    False
    """
    actions = [*_list_actions(text), *_command_actions(text), *_prose_actions(text)]
    actions = _merge_attempts(text, actions)
    sequence = list(_sequence_cues(text))
    found = len(actions) >= 2 or (len(actions) == 1 and len(sequence) >= 2)
    if found:
        return detection([*actions, *sequence], found=True)
    return detection((), [*actions, *sequence])


def _list_actions(text: Text) -> Iterable[Span]:
    low = text.lowered
    if "\n" in low or (low and low[0] in _BULLETS):
        padded_start = 1 if low[:1] != "\n" else 0
        source = "\n" + low if padded_start else low
        for match in _BULLET_ITEM.finditer(source):
            if _is_item_verb(match.group(1)):
                yield (match.start(1) - padded_start, match.end(1) - padded_start)
    if "." in low or ")" in low:
        for match in _NUMBERED_ITEM.finditer(low):
            start = match.start()
            digits = start
            while digits > 0 and low[digits - 1].isdigit() and start - digits < 3:
                digits -= 1
            if digits and not low[digits - 1].isspace() and low[digits - 1] not in "(:;,":
                continue  # "version 2.5", "R$ 10.", "item3)": a number, not a list marker
            if _is_item_verb(match.group(1)):
                yield match.span(1)


def _is_item_verb(word: str) -> bool:
    return word in _ACTION_FORMS and word not in _AMBIGUOUS


def _command_actions(text: Text) -> Iterable[Span]:
    low = text.lowered
    if not any(prompt in low for prompt in ("$", ">>>", ">", "#")):
        return
    padded_start = 1 if low[:1] != "\n" else 0
    source = "\n" + low if padded_start else low
    for match in _COMMAND_LINE.finditer(source):
        command = match.group(2)
        if match.group(1) and command not in _ROOT_COMMANDS and not command.startswith(("./", "/")):
            continue
        yield (match.start(2) - padded_start, match.end(2) - padded_start)


def _prose_actions(text: Text) -> Iterable[Span]:
    low = text.lowered
    for word in text.words.intersection(_ACTION_FORMS):
        role = _ACTION_FORMS[word]
        for start, end in text.find(word):
            previous = _previous_word(low, start)
            if _is_action(word, role, previous) and not _in_question(low, end):
                yield (start, end)


def _is_action(word: str, role: str, previous: str) -> bool:
    """Decide whether a verb form, after the word ``previous``, is the customer's action."""
    if word in _AMBIGUOUS:
        return previous in _SUBJECTS
    if role in (_PAST, _FIRST_PERSON, _IMPERATIVE):
        return True
    if role == _INFINITIVE:
        return previous in _INFINITIVE_CONTEXT
    if role == _GERUND:
        return previous in _GERUND_CONTEXT
    if role == _EN_PAST:
        return previous in _SUBJECTS
    # An English base form: an instruction at the start of a sentence or after "and", or
    # the customer's own action after "I"/"then".
    return previous in _SUBJECTS or previous in _LINKS or previous == ""


def _in_question(low: str, end: int) -> bool:
    """Whether the sentence going on at ``end`` is a question ("Can I change my plan?")."""
    stop = _SENTENCE_END.search(low, end, end + 200)
    return stop is not None and stop.group() == "?"


def _previous_word(low: str, start: int) -> str:
    """Return the word before ``start``, "," after a comma, or "" at the start of a sentence."""
    window = low[max(0, start - 24) : start]
    stripped = window.rstrip()
    if not stripped or "\n" in window[len(stripped) :]:
        return ""  # the start of the text or of a line
    last = stripped[-1]
    if last in ".!?:;>*•-)":
        return ""
    if last == ",":
        return ","
    return stripped.rsplit(None, 1)[-1].strip("\"'“”(")


def _merge_attempts(text: Text, actions: list[Span]) -> list[Span]:
    """Join "tried to open" and "tentei acessar" into one action; drop repeated spans."""
    low = text.lowered
    merged: list[Span] = []
    for span in sorted(set(actions)):
        if merged:
            last = merged[-1]
            if span[0] < last[1]:
                continue
            gap = low[last[1] : span[0]]
            if low[last[0] : last[1]] in _ATTEMPTS and gap in (" ", " to "):
                merged[-1] = (last[0], span[1])
                continue
        merged.append(span)
    return merged


def _sequence_cues(text: Text) -> Iterable[Span]:
    words = text.words
    for word in sorted(words.intersection(_SEQUENCE_WORDS)):
        yield from text.find(word)
    low = text.lowered
    for phrase in _STEP_PHRASES:
        if phrase.split()[0] in words and phrase in low:
            yield from text.find(phrase)
