"""Detect steps to reproduce: the actions that lead to the problem, in order.

Steps let the person solving a ticket see the problem with their own eyes instead of
guessing. One action ("when I open the site") is not a sequence yet: it is ``near``.

Actions are recognised in six shapes, in English and Brazilian Portuguese: list items that
start with a verb (``1. Open``, ``- clicar em``), any list under a "Steps:"/"Passos:" heading,
menu paths (``cPanel > Backup > Generate``), command transcripts (``$ composer install``),
code that reproduces the bug (two statements or more), and prose in the first or second person
or the imperative (``I clicked``, ``cliquei``, ``quando acesso o painel``, ``Open X. Click Y.``).
The verb lexicon is checked against `Text.words` with one set intersection, so its size does
not slow the scan down; only the verbs present are looked up in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import groupby, islice
from typing import Final

from ticketcore.completeness._text import (
    MAX_HITS,
    Detection,
    Span,
    Text,
    alternation,
    detection,
    gather,
    keyed,
    lexicon,
)

# Roles of a verb form, which decide the context it needs to count as an action.
_PAST = "past"  # cliquei, acessei: the customer did it; counts anywhere
_FIRST_PERSON = "first"  # clico, abro: the customer does it; counts anywhere
_IMPERATIVE = "imperative"  # clique, acesse: an instruction; counts anywhere
_INFINITIVE = "infinitive"  # "não consigo acessar" is a complaint, "ao acessar" a step
_GERUND = "gerund"  # "after clicking", "ao clicar"; or the first word of a list item
_BASE = "base"  # English "click": a command at the start of a sentence, or after "I"
_EN_PAST = "en-past"  # "clicked": the customer's after "I" or in a sequence, else maybe passive
_GO = "go"  # "vou em", "fui no": a move only when a place follows


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


# Regular Portuguese verbs of the actions customers take in a web panel, an app, an e-mail
# client or a shell. Each yields its infinitive, first-person forms, imperative and gerund.
# Left out on purpose: "verificar" and "solicitar" ("verifique meu site", "solicito o
# cancelamento" ask the support team to act), "pagar", "comprar", "contratar" and "renovar"
# (a purchase is history, not a way to reproduce a problem), "usar" ("uso o Chrome" is
# context) and "ligar" ("liguei para o suporte").
_PT_VERBS: Final = lexicon(
    """
    acessar clicar digitar entrar selecionar enviar mandar tentar executar rodar logar navegar
    salvar criar adicionar apagar deletar remover atualizar reiniciar iniciar parar desligar
    instalar reinstalar configurar alterar mudar copiar colar pressionar apertar voltar
    avançar fechar confirmar trocar limpar testar marcar desmarcar buscar pesquisar filtrar
    ordenar editar ativar desativar habilitar desabilitar cadastrar registrar baixar exportar
    importar carregar recarregar informar colocar arrastar soltar rolar tocar migrar apontar
    gerar emitir cancelar finalizar concluir recuperar resetar deslogar desconectar conectar
    autenticar sincronizar anexar agendar publicar validar aplicar chamar definir esperar
    aguardar gravar assinar consultar renomear duplicar compartilhar escanear fotografar
    enfileirar matar preencher escolher submeter mover abrir imprimir redefinir subir descer
    incluir excluir inserir
    """
)

_PT_FORMS: Final[dict[str, str]] = {
    form: role for verb in _PT_VERBS for form, role in _forms(verb).items()
} | {
    # Irregular forms: fazer, ir, inserir, incluir, excluir, sair, pôr.
    "fiz": _PAST,
    "fizemos": _PAST,
    "faço": _FIRST_PERSON,
    "faco": _FIRST_PERSON,
    "faça": _IMPERATIVE,
    "faca": _IMPERATIVE,
    "fazer": _INFINITIVE,
    "fazendo": _GERUND,
    "vou": _GO,
    "vamos": _GO,
    "fui": _GO,
    "fomos": _GO,
    "vá": _GO,
    "va": _GO,
    "ir": _GO,
    "indo": _GO,
    "insiro": _FIRST_PERSON,
    "insira": _IMPERATIVE,
    "incluí": _PAST,
    "inclua": _IMPERATIVE,
    "incluo": _FIRST_PERSON,
    "excluí": _PAST,
    "exclua": _IMPERATIVE,
    "excluo": _FIRST_PERSON,
    "saio": _FIRST_PERSON,
    "saí": _PAST,
    "saia": _IMPERATIVE,
    "sair": _INFINITIVE,
    "ponho": _FIRST_PERSON,
    "pus": _PAST,
    "coloquei": _PAST,
}

# English actions as base form, past and gerund. "check" is left out: "please check my site"
# asks the support team to act. "pay", "buy" and "renew" are left out like their Portuguese
# counterparts.
_EN_VERBS: Final = {
    "click": ("clicked", "clicking"),
    "open": ("opened", "opening"),
    "go": ("went", "going"),
    "navigate": ("navigated", "navigating"),
    "select": ("selected", "selecting"),
    "press": ("pressed", "pressing"),
    "enter": ("entered", "entering"),
    "type": ("typed", "typing"),
    "write": ("wrote", "writing"),
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
    "start": ("started", "starting"),
    "stop": ("stopped", "stopping"),
    "launch": ("launched", "launching"),
    "install": ("installed", "installing"),
    "activate": ("activated", "activating"),
    "deactivate": ("deactivated", "deactivating"),
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
    "pick": ("picked", "picking"),
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
    "filter": ("filtered", "filtering"),
    "sort": ("sorted", "sorting"),
    "insert": ("inserted", "inserting"),
    "drag": ("dragged", "dragging"),
    "drop": ("dropped", "dropping"),
    "switch": ("switched", "switching"),
    "turn": ("turned", "turning"),
    "edit": ("edited", "editing"),
    "rename": ("renamed", "renaming"),
    "move": ("moved", "moving"),
    "configure": ("configured", "configuring"),
    "clear": ("cleared", "clearing"),
    "point": ("pointed", "pointing"),
    "import": ("imported", "importing"),
    "export": ("exported", "exporting"),
    "generate": ("generated", "generating"),
    "print": ("printed", "printing"),
    "scan": ("scanned", "scanning"),
    "share": ("shared", "sharing"),
    "apply": ("applied", "applying"),
    "confirm": ("confirmed", "confirming"),
    "wait": ("waited", "waiting"),
    "connect": ("connected", "connecting"),
    "disconnect": ("disconnected", "disconnecting"),
    "authenticate": ("authenticated", "authenticating"),
    "call": ("called", "calling"),
    "clone": ("cloned", "cloning"),
    "build": ("built", "building"),
    "deploy": ("deployed", "deploying"),
    "push": ("pushed", "pushing"),
    "pull": ("pulled", "pulling"),
    "commit": ("committed", "committing"),
    "execute": ("executed", "executing"),
    "invoke": ("invoked", "invoking"),
    "kill": ("killed", "killing"),
    "schedule": ("scheduled", "scheduling"),
    "reset": ("reset", "resetting"),
    "set": ("set", "setting"),
    "put": ("put", "putting"),
    "hit": ("hit", "hitting"),
    "cd": ("cd", "cd"),
}
_EN_FORMS: Final[dict[str, str]] = {
    **{past: _EN_PAST for past, _ in _EN_VERBS.values()},
    **{gerund: _GERUND for _, gerund in _EN_VERBS.values()},
    **dict.fromkeys(_EN_VERBS, _BASE),
    "went": _GO,
}

_ACTION_FORMS: Final[dict[str, str]] = _EN_FORMS | _PT_FORMS
_ACTION_WORDS: Final = frozenset(_ACTION_FORMS)  # a set, so that "&" walks the smaller side

# Forms that are also everyday nouns, adjectives or prepositions ("sem acesso", "entre 9 e
# 10", "access denied", "type of plan", "I run a yoga studio"): they count after "I", "eu",
# "quando" and the like, or where an object follows ("acesso o painel", "type my password").
_AMBIGUOUS: Final = lexicon(
    """
    acesso envio entre logo salvo salve colo cola marco teste testes limpo baixo baixa ativo
    rolo role toque troco mudo fecho copia uso usar usando usei escolha informe volta marca
    espero registro cadastro anexo inicio filtro mato solto aplico tiro use
    access type set update change login log search upload connect point follow reset run
    print sort scan share drop turn call build push pull commit hit put order schedule
    """
)
# What makes an ambiguous form a verb: the object or place that follows it.
_OBJECTS: Final = lexicon(
    """
    the a an my your our his her their this that these those it them in into on onto up out
    with all any some each every o a os as um uma uns umas meu minha meus minhas seu sua
    nosso nossa no na nos nas em pelo pela todos todas esse essa este esta isso
    """
)
# Places after "vou", "fui", "went" that make them a move through the interface.
_PLACES: Final = lexicon("em no na nos nas até ate ao à aos pro pra para to into")

# Words right before a verb form that make it the customer's own action.
_SUBJECTS: Final = lexicon(
    """
    i we you eu nós nos quando se aí ai então entao depois primeiro primeiramente seguida fim
    finalmente daí dai then first next finally afterwards once já ja também tambem when after
    """
)
# Weaker links: they continue a sequence ("Open X, click Y and type Z"); "" marks the start
# of a sentence or line.
_LINKS: Final = lexicon("and e , &")
# Words after which an English gerund or a Portuguese infinitive is an action: "after
# logging in", "ao clicar", "após salvar", "consigo conectar".
_GERUND_CONTEXT: Final = lexicon("after when upon before by while")
_INFINITIVE_CONTEXT: Final = lexicon("ao após apos de consigo consegui")
# "Não consigo acessar", "I never click": what the customer cannot or did not do is no step.
_NEGATIONS: Final = lexicon("não nao not never nunca")
# "Tried to open", "tentei acessar": an attempt and its object are one action, not two.
_ATTEMPTS: Final = lexicon("try tried trying attempt attempted tentei tento tentar tente")
# Words after a verb that make it something other than a new step: contacting support ("abri
# um chamado") is history, retrying ("tentei de novo") repeats the last step, and "start" or
# "keep" before a gerund ("I start getting 429") describes the symptom, not an action.
_SUPPORT_CONTACT: Final = lexicon("chamado chamados ticket tickets protocolo")
# Objects of troubleshooting rather than reproduction: clearing the cache or restarting the
# router tells what was tried, not how to make the problem happen.
_TROUBLESHOOTING: Final = lexicon(
    """
    cache caches cookies histórico historico history roteador router modem incognito anônima
    anonima privada
    """
)
_RETRIES: Final = ("again", "novamente", "de novo", "outra vez")
_ASPECT_VERBS: Final = lexicon("start started starting stop stopped keep kept")

# Words that order a sequence. They are not actions themselves, but two of them ("first …
# then …") around one action still describe a sequence the solver can replay.
_SEQUENCE_WORDS: Final = lexicon(
    "first firstly then afterwards next finally lastly primeiro primeiramente depois finalmente"
)
_SEQUENCE_PHRASES: Final = keyed(
    (
        "step by step",
        "after that",
        "passo a passo",
        "em seguida",
        "por fim",
        "por último",
        "depois disso",
        "após isso",
        "logo após",
    )
)

_NEARBY = 120  # characters around a lone action where ordering words still describe it

# Headings that announce a list of steps: every item of a list under one counts, even when
# it names a menu entry rather than a verb ("Passos: 1. Relatórios 2. Gerar").
_STEP_HEADINGS: Final = keyed(
    (
        "steps to reproduce",
        "how to reproduce",
        "to reproduce",
        "repro steps",
        "steps",
        "passos para reproduzir",
        "como reproduzir",
        "para reproduzir",
        "passo a passo",
        "passos",
        "reprodução",
    )
)

# The marks that start a bulleted list item: hyphen, asterisk, bullet, middle dot, en and em
# dashes, pointer.
_BULLETS: Final = "-*\u2022\u00b7\u2013\u2014\u25ba"
_MARKER: Final = (
    r"(?:[0-9]{1,3}[.):-]|["
    + re.escape(_BULLETS)
    + r"]|(?:passo|step|etapa)[ \t]{0,2}[0-9]{1,3}[.):-]?)"
)

# A list item at the start of a line, and its first word. Only items that start with an
# action count, so that a list of domains, prices or questions is not mistaken for steps.
_LIST_ITEM: Final = re.compile(
    r"\n[ \t]{0,8}" + _MARKER + r"[ \t]{1,8}"
    r"(?:(?:eu|i|we|then|depois|e|and|aí|ai|primeiro|first)[ \t]{1,4})?"
    r"([^\W\d_]{1,24})"
)
# Any list item at the start of a line, whatever it says: used under a steps heading.
_ANY_ITEM: Final = re.compile(r"\n[ \t]{0,8}" + _MARKER + r"[ \t]{0,8}(\S[^\n]{0,300})")
# A numbered item inside a line ("passos: 1) acesse o painel 2) clique em X"). One pattern
# per mark, so the engine jumps from one "." (or ")") to the next; the look-behind then
# checks the digit before it.
_INLINE_ITEM_TAIL: Final = r"[ \t]{1,8}(?:(?:eu|i|we|then|depois|e|and)[ \t]{1,4})?([^\W\d_]{1,24})"
_INLINE_ITEMS: Final = (
    re.compile(r"\.(?<=[0-9]\.)" + _INLINE_ITEM_TAIL),
    re.compile(r"\)(?<=[0-9]\))" + _INLINE_ITEM_TAIL),
)
# A command typed at a prompt: "$ cmd", "user@host:~$ cmd", ">>> code", "C:\\> cmd",
# "# cmd" (a root shell). Each command line is one action.
_COMMAND_LINE: Final = re.compile(
    r"\n[ \t]{0,8}"
    r"(?:\$|>>>"
    r"|[\w.-]{1,32}@[\w.-]{1,64}:[^\n$#]{0,80}[$#]"  # user@host:~/dir$
    r"|(?:ps[ \t])?[a-z]:\\[^\n>]{0,120}>"  # C:\Users\x> and PowerShell's PS C:\>
    r"|(#))"
    r"[ \t]{1,4}([a-z./~_][\w.-]{0,40})([^\n]{0,300})"
)
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
# A statement of code that reproduces a bug: an import, an assignment of a call, a literal
# or a new object, or a call on its own line ("left.merge(right)", "$x->save();").
_CODE_LINE: Final = re.compile(
    r"\n[ \t]{0,12}(?:"
    r"import [^\n]{1,200}"
    r"|from [\w.]{1,80} import [^\n]{1,200}"
    r"|(?:const |let |var |val |final )?\$?[a-z_][\w.$\[\]'\"]{0,60}(?:->\w{1,40})?"
    r"[ \t]{0,2}=[ \t]{0,2}(?:new |await )?(?:[\w.$:\\]{1,80}\(|[\[{\"'])[^\n]{0,200}"
    r"|\$?[a-z_][\w$]{0,40}(?:(?:\.|->|::)[\w$]{1,40}){1,6}\([^\n]{0,200}\);?[ \t]{0,4}"
    r")(?=\n|$)"
)
# Separators of a menu path ("Arquivo > Configurações", "Settings → Email"): each one is a
# click the solver repeats.
_MENU_SEPARATORS: Final = (" > ", " -> ", " \u2192 ", " \u00bb ", " \u203a ")

# Punctuation around a word that does not change which word it is.
_PUNCTUATION: Final = ".,;:!?()\"'`\u201c\u201d"

# Where a sentence ends; a question ("should I click X?") describes no step taken. A "?"
# right before a closing quote belongs to a quoted label ('click "Lost your password?"').
_SENTENCE_END: Final = re.compile(r"[.!\n]|\?(?![\"'\u201d\u2019])")


def detect_steps(text: Text, /) -> Detection:
    r"""Find steps to reproduce: two or more actions, or one action in an ordered sequence.

    >>> detect_steps(Text.of("1. Open the site\n2. Click Login")).spans
    ((3, 7), (20, 25))
    >>> detect_steps(Text.of("Quando acesso o painel aparece erro")).found
    False
    """
    source = "\n" + text.lowered  # every line, the first included, starts after a "\n"
    actions = gather(
        _list_actions(source),
        _listed_steps(text, source),
        _command_actions(source),
        _code_statements(text, source),
        _menu_paths(text),
        _prose_actions(text),
    )
    actions = _merge_attempts(text, actions)
    sequence = list(_sequence_cues(text))
    if len(actions) == 1:
        # Words that order a sequence only make one action a sequence when they sit around
        # it ("first I log in, then …"), not in a story told paragraphs away.
        start, end = actions[0]
        sequence = [cue for cue in sequence if cue[1] > start - _NEARBY and cue[0] < end + _NEARBY]
    found = len(actions) >= 2 or (len(actions) == 1 and len(sequence) >= 2)
    if found:
        return detection([*actions, *sequence], found=True)
    return detection((), [*actions, *sequence])


def _shift(span: Span) -> Span:
    r"""Map a span in ``"\\n" + lowered`` back to the text."""
    return (span[0] - 1, span[1] - 1)


def _list_actions(source: str) -> Iterator[Span]:
    if source.find("\n", 1) >= 0 or source[1:2] in _BULLETS or source[1:2].isdigit():
        for match in islice(_LIST_ITEM.finditer(source), MAX_HITS):
            if _is_item_verb(match.group(1)):
                yield _shift(match.span(1))
    for pattern in _INLINE_ITEMS:
        for match in islice(pattern.finditer(source), MAX_HITS):
            start = match.start()
            digits = start
            while digits > 0 and source[digits - 1].isdigit() and start - digits < 3:
                digits -= 1
            if start - digits > 2 or (
                not source[digits - 1].isspace() and source[digits - 1] not in "(:;"
            ):
                continue  # "version 2.5", "R$ 298,80.", "item3)": a number, not a list marker
            if source[digits - 1] == "\n":
                continue  # a list item at the start of a line, already counted
            if _is_item_verb(match.group(1)):
                yield _shift(match.span(1))


def _is_item_verb(word: str) -> bool:
    return word in _ACTION_FORMS and word not in _AMBIGUOUS


def _listed_steps(text: Text, source: str) -> Iterator[Span]:
    """Every item of a list under a "Steps:" or "Passos:" heading."""
    low = text.lowered
    for first, heading in _STEP_HEADINGS:
        if first not in text.words or heading not in low:
            continue
        for _start, end in text.find(heading):
            line_end = low.find("\n", end)
            rest = low[end : line_end if line_end >= 0 else len(low)].strip(" \t:.-")
            if line_end < 0 or rest:
                continue  # not a heading: "the steps are simple", "passos: ver anexo"
            position = line_end + 1  # the "\n" before the next line, in ``source``
            items = []
            for _ in range(30):
                item = _ANY_ITEM.match(source, position)
                if item is None:
                    break
                items.append(_shift(item.span(1)))
                position = item.end()
            if items:
                yield from items
                return


def _command_actions(source: str) -> Iterator[Span]:
    if not any(prompt in source for prompt in ("$", ">", "#")):
        return
    for match in islice(_COMMAND_LINE.finditer(source), MAX_HITS):
        command = match.group(2)
        if match.group(1) and command not in _ROOT_COMMANDS and not command.startswith(("./", "/")):
            continue
        yield _shift((match.start(2), match.end(3)))


def _code_statements(text: Text, source: str) -> Iterator[Span]:
    if "(" not in source and "=" not in source and "import" not in text.words:
        return
    for match in islice(_CODE_LINE.finditer(source), MAX_HITS):
        yield _shift((match.start() + 1, match.end()))


def _menu_paths(text: Text) -> Iterator[Span]:
    low = text.lowered
    for separator in _MENU_SEPARATORS:
        if separator[-2] not in low:
            continue  # the arrow itself: a one-character check is far cheaper than the find
        position = low.find(separator)
        for _ in range(MAX_HITS):
            if position < 0:
                break
            end = position + len(separator)
            before, after = low[position - 1 : position], low[end : end + 1]
            if (before.isalnum() or before in ('"', "'", ")", "\u201d")) and (
                after.isalnum() or after in ('"', "'", "\u201c")
            ):
                yield (position + 1, end - 1)
            position = low.find(separator, end)


def _prose_actions(text: Text) -> Iterator[Span]:
    low = text.lowered
    for word in text.among(_ACTION_WORDS):
        role = _ACTION_FORMS[word]
        contexts = _CONTEXTS.get(word)
        for start, end in _occurrences(text, word):
            if low[start - 1 : start] == "-" or low[end : end + 1] == "-":
                continue  # part of a hyphenated name or option ("--dry-run", "e-mail")
            previous = _previous_word(low, start)
            if contexts is not None and previous not in contexts:
                continue  # the cheapest test first: most verb forms are nouns or complaints
            tokens = _following_words(low, end)
            following = [token.strip(_PUNCTUATION) for token in tokens]
            if (
                _is_action(word, role, previous, tokens)
                and not _in_question(low, end)
                and not _SUPPORT_CONTACT.intersection(following)
                and not _TROUBLESHOOTING.intersection(following)
                and not " ".join(following).startswith(_RETRIES)
                and not (word in _ASPECT_VERBS and following[:1] and following[0].endswith("ing"))
            ):
                yield (start, end)


def _occurrences(text: Text, word: str) -> Iterator[Span]:
    """Yield the spans `Text.find` yields for ``word``, less those its previous word rules out.

    Word soup repeats a noun such as "acesso" hundreds of times, each time after a word that
    cannot make it an action; `_in_context` skips those in C, where Python spends about a
    microsecond on each.
    """
    contexts = _CONTEXTS.get(word)
    if contexts is None:
        yield from text.find(word)
        return
    listed = not contexts.isdisjoint(text.words)
    for match in text.matches(word, _in_context(word, listed=listed)):
        yield match.span()


@cache
def _in_context(word: str, *, listed: bool) -> re.Pattern[str]:
    """Compile a pattern of ``word`` as a whole word, unless a word not in its contexts precedes.

    `_previous_word` reads a word that ends just before one blank as the previous word; every
    other context (a mark, a line break, the start of the text) is left to it. The contexts
    are shorter than its window, so such a word is the previous word exactly when it stands
    after a blank or at the start of the text, that is, when it is one of `Text.words`. The
    pattern starts with the word itself, so the engine jumps between its occurrences; the
    look-behinds have a fixed width each, and one per length of context word. Unless
    ``listed``, no context word is among the text's words, and the pattern does without them.
    """
    escaped = re.escape(word)
    tail = " " + escaped + ")"
    listed_words = (c for c in _CONTEXTS[word] if c[-1:].isalnum()) if listed else ()
    words = sorted(listed_words, key=len)
    after_context = [
        "(?<=(?<!\\S)" + alternation(group) + tail for _, group in groupby(words, key=len)
    ]
    return re.compile(
        escaped
        + "(?<!\\w"
        + escaped
        + ")(?!\\w)(?:"
        + "|".join(["(?<![^\\W_]" + tail, *after_context])
        + ")"
    )


def _is_action(word: str, role: str, previous: str, tokens: list[str]) -> bool:
    """Decide whether a verb form, between ``previous`` and the ``tokens`` after it, acts."""
    raw = tokens[0] if tokens else ""
    after = raw.strip(_PUNCTUATION)
    if previous in _NEGATIONS:
        return False  # "não conecto", "I never click"
    if role == _GO:
        return after in _PLACES
    if previous in _ROOT_COMMANDS and role == _BASE:
        return True  # a command typed inline: "git clone", "npm install"
    if word in _AMBIGUOUS:
        return previous in _SUBJECTS or (
            (previous in _LINKS or not previous)
            and (after in _OBJECTS or after in _ROOT_COMMANDS or _names_a_thing(raw))
        )
    if role in (_PAST, _FIRST_PERSON, _IMPERATIVE):
        return True
    if role == _INFINITIVE:
        return previous in _INFINITIVE_CONTEXT
    if role == _GERUND:
        return previous in _GERUND_CONTEXT
    # An English base or past form: an instruction at the start of a sentence or after "and",
    # or the customer's own action after "I", "then", ",".
    return previous in _SUBJECTS or previous in _LINKS or not previous


def _contexts(word: str, role: str) -> frozenset[str] | None:
    """The previous words that `_is_action` can accept for ``word``; None when it accepts any."""
    if role == _GO or (role in (_PAST, _FIRST_PERSON, _IMPERATIVE) and word not in _AMBIGUOUS):
        return None
    if role == _INFINITIVE and word not in _AMBIGUOUS:
        return _INFINITIVE_CONTEXT
    if role == _GERUND and word not in _AMBIGUOUS:
        return _GERUND_CONTEXT
    starts = _SUBJECTS | _LINKS | {""}
    return starts | _ROOT_COMMANDS if role == _BASE else starts


# Which previous words can make each form an action: checked before the words that follow
# are read, since in most texts most verb forms are nouns ("sem acesso") or complaints.
_CONTEXTS: Final = {
    word: contexts
    for word, role in _ACTION_FORMS.items()
    if (contexts := _contexts(word, role)) is not None
}


def _names_a_thing(token: str) -> bool:
    """Whether a token is quoted, code, a path or an address: 'type "admin"', "acesso www.x.com"."""
    if token.startswith(('"', "'", "`", "/", "./", "\u201c")) or "(" in token:
        return True
    host = token.strip(_PUNCTUATION).partition("://")[2] or token.strip(_PUNCTUATION)
    domain, dot, suffix = host.partition("/")[0].rpartition(".")
    return bool(dot and domain) and len(suffix) >= 2 and suffix.isalpha()


def _following_words(low: str, end: int) -> list[str]:
    """The (up to three) tokens after ``end``, punctuation included."""
    return low[end : end + 32].split()[:3]


def _in_question(low: str, end: int) -> bool:
    """Whether the sentence going on at ``end`` is a question ("Can I change my plan?")."""
    stop = _SENTENCE_END.search(low, end, end + 200)
    return stop is not None and stop.group() == "?"


def _previous_word(low: str, start: int) -> str:
    """Return the word before ``start``, "," after a comma, or "" at the start of a sentence."""
    window = low[max(0, start - 24) : start]
    if window[-1:] == " " and window[-2:-1].isalnum():
        stripped = unquoted = window[:-1]  # the common case, a word and a blank: no mark to read
    else:
        stripped = window.rstrip()
        if not stripped or "\n" in window[len(stripped) :]:
            return ""  # the start of the text or of a line
        last = stripped[-1]
        if last in ".!?:;>*)\u2022" or (last == "-" and len(stripped) < len(window)):
            return ""
        if last == ",":
            return ","
        unquoted = stripped.rstrip("\"'(\u201c\u201d")
        if not unquoted:
            return ""
    word = unquoted.rsplit(None, 1)[-1]
    if word in _INFINITIVE_CONTEXT and _negated(stripped):
        return "não"  # "não consigo acessar" is the complaint itself
    return word


def _negated(before: str) -> bool:
    words = before.split()
    return len(words) >= 2 and words[-2] in _NEGATIONS


def _merge_attempts(text: Text, actions: list[Span]) -> list[Span]:
    """Join "tried to open" and "tentei acessar" into one action; drop repeated spans."""
    low = text.lowered
    merged: list[Span] = []
    for span in sorted(set(actions)):
        if merged:
            last = merged[-1]
            if span[0] < last[1]:
                merged[-1] = (last[0], max(last[1], span[1]))
                continue
            gap = low[last[1] : span[0]]
            if low[last[0] : last[1]] in _ATTEMPTS and gap in (" ", " to "):
                merged[-1] = (last[0], span[1])
                continue
        merged.append(span)
    return merged


def _sequence_cues(text: Text) -> Iterable[Span]:
    words = text.words
    for word in words.intersection(_SEQUENCE_WORDS):
        yield from text.find(word)
    low = text.lowered
    for first, phrase in _SEQUENCE_PHRASES:
        if first in words and phrase in low:
            yield from text.find(phrase)
