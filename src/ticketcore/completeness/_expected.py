"""Detect the expected behaviour: what the customer wanted to happen instead.

Without it the solver cannot tell a bug from a misunderstanding, nor know when the ticket is
done: "the invoice should show the discount" can be checked, "the invoice is wrong" cannot.

It is stated outright ("should", "expected", "deveria", "o correto seria", "em vez de"), by
pointing at a promise ("the docs say …", "segundo o site de vocês"), as a need ("we need them
to arrive in the inbox"), or by describing concretely how it worked before ("antes aparecia o
cadeado", "until last week they arrived within minutes"). A bare "it worked before" or
"antes funcionava" does not say what working means: it is ``near``, like "normally".
Questions ("should I restart?", "devo contratar o VPS?") state nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from typing import Final

from ticketcore.completeness._text import (
    MAX_HITS,
    Detection,
    Span,
    Text,
    detection,
    gather,
    keyed,
    lexicon,
)

# Phrases that state what should happen, in English and Portuguese. Each is looked for only
# when its first word is among the text's words.
_EXPECTATIONS: Final = (
    "should",
    "shouldn't",
    "shouldn\u2019t",
    "should not",
    "supposed to",
    "expected",
    "expecting",
    "expect",
    "expectation",
    "instead of",
    "ought to",
    "meant to",
    "would like it to",
    "deveria",
    "deveriam",
    "esperado",
    "esperada",
    "esperava",
    "esperávamos",
    "o correto seria",
    "o certo seria",
    "o correto é",
    "o certo é",
    "o correto era",
    "o certo era",
    "o normal é",
    "o normal seria",
    "era para",
    "era pra",
    "em vez de",
    "ao invés de",
    "ao inves de",
    "tinha que",
    "teria que",
    "tem que aparecer",
    "tem que abrir",
    "tem que chegar",
    "precisa aparecer",
    "precisa abrir",
    "precisa chegar",
)
# Promises the customer holds the service to: the documentation, the plan, the contract.
_PROMISES: Final = (
    "docs say",
    "docs said",
    "documentation says",
    "documentation said",
    "according to the docs",
    "according to the documentation",
    "as advertised",
    "your plan says",
    "the plan says",
    "your sla",
    "a documentação diz",
    "a documentacao diz",
    "como diz a documentação",
    "segundo a documentação",
    "segundo a documentacao",
    "de acordo com a documentação",
    "segundo o site de vocês",
    "segundo o site de voces",
    "o plano diz",
    "conforme o contrato",
)
_PHRASES_BY_WORD: Final[dict[str, tuple[str, ...]]] = {}
for _phrase in _EXPECTATIONS + _PROMISES:
    _first = _phrase.split()[0]
    _PHRASES_BY_WORD[_first] = (*_PHRASES_BY_WORD.get(_first, ()), _phrase)
_PHRASE_KEYS: Final = frozenset(_PHRASES_BY_WORD)

# Uses of the cues that state nothing about the outcome wanted: what does work "as expected",
# a habit ("I'm used to"), a deadline ("era para ontem"), a preference ("I'd like to pay by
# transfer instead of card").
_AS_EXPECTED: Final = ("as expected", "like expected", "como esperado", "conforme esperado")
_ASKING_SUBJECTS: Final = lexicon("i we you")
_DEADLINES: Final = lexicon("ontem hoje amanhã amanha já ja agora")
_PREFERENCES: Final = re.compile(r"like to|want to|prefer|gostaria|quero|prefiro|queria")

# "Before" markers that introduce how the service used to behave.
_BEFORE_WORDS: Final = lexicon("antes anteriormente until previously formerly")
# Habits of the service, followed by the verb in its base form: "it used to load in 2 s".
_HABITS: Final = keyed(("used to", "costumava", "costumavam"))
_HABIT_WORDS: Final = lexicon("am i'm i\u2019m get got getting be being are")
# "Até semana passada", "até ontem": the same, in two words.
_UNTIL: Final = re.compile(
    r"até (?:a |o )?(?:semana|mês|mes|ontem|sexta|segunda|então|a atualização|o update)"
)
# A version number ("3.3", "v2.1"), found from its dot; "na 3.3" or "in version 2.1" before
# it names the release that behaved differently.
_VERSION_DOT: Final = re.compile(r"\.(?<=[0-9]\.)[0-9]")
_IN_VERSION: Final = ("na ", "in ", "na versão ", "na versao ", "in version ", "on version ")
# Irregular English past forms; regular ones end in "-ed", Portuguese imperfects in "-ava"
# or "-ia".
_EN_PAST: Final = lexicon(
    "was were came took went got had ran sent showed shown saw did could would arrived"
)
# Words that carry no description of the earlier behaviour: "antes enviava normal" and
# "it worked fine" say only that it worked.
_BARE_BEFORE: Final = lexicon(
    """
    funcionava funcionavam funcionou worked working work normal normalmente bem fine ok okay
    perfeitamente perfectly direito certinho sem problema problemas problem problems issue
    issues before antes tudo everything all it isso was were well good ótimo otimo sempre
    always just só so que the a o e and de do da no na em in on at with com as os um uma
    anteriormente until previously formerly se if also também tambem então entao there
    """
)
# A stated need for an outcome: "we need them to arrive", "need to be delivered",
# "precisamos que os e-mails cheguem". "Preciso que vocês …" asks support to act instead.
_NEED: Final = re.compile(
    r"needs? (?!to |you |help|a |an |some |your )[\w'-]{1,20}(?: [\w'-]{1,20}){0,2} to "
    r"|needs? to be [a-z]{2,20}ed\b"
    r"|precisa(?:mos)? que (?!voc|vc|alguém|alguem|me |nos |verifiq|resolv)"
)

# The words that let `_NEED` run at all.
_NEED_WORDS: Final = lexicon("need needs precisa precisamos")

# Words that hint at an expectation without stating it: near.
_HINTS: Final = lexicon(
    """
    normally normalmente properly correctly corretamente funcionava worked working funcione
    """
)
_BARE_PHRASES: Final = keyed(("antes funcionava", "worked before", "was working", "used to work"))

# A negative question states the expectation it asks about: "Shouldn't it be $47.88?".
_RHETORICAL: Final = ("shouldn't", "shouldn\u2019t", "should not", "isn't it supposed")

# Where a sentence, and the expectation it states, ends; and a tag that keeps a statement
# a statement ("it should appear, no?", "o correto seria R$ 238,80, nao?").
# A "." or "?" inside a token ("users?page=2", "3.3", "example.com") does not end it.
_CLAUSE: Final = re.compile(r"(?:[^\n.!?]|[.!?](?=[^\s.!?])){0,240}[.!?]?")
_TAGS: Final = (
    "right",
    "no",
    "né",
    "ne",
    "nao",
    "não",
    "certo",
    "correct",
    "ok",
    "isn't it",
    "não é",
    "nao e",
    "verdade",
)


def detect_expected_behavior(text: Text, /) -> Detection:
    """Find a statement of the expected behaviour.

    >>> detect_expected_behavior(Text.of("The page should load.")).spans
    ((9, 20),)
    >>> detect_expected_behavior(Text.of("Should I restart the server?")).found
    False
    """
    spans = gather(_stated(text), _earlier_behaviour(text), _needs(text))
    near = [] if spans else list(_hints(text))
    return detection(spans, near)


def _stated(text: Text) -> Iterator[Span]:
    low = text.lowered
    for word in text.among(_PHRASE_KEYS):
        for phrase in _PHRASES_BY_WORD[word]:
            if phrase not in low:
                continue
            for start, end in text.find(phrase):
                stop = _clause_end(low, end)
                if _is_question(low, start, stop) or _is_other_use(low, start, end, word):
                    continue
                yield (start, _trim(low, start, stop))


def _clause_end(low: str, end: int) -> int:
    clause = _CLAUSE.match(low, end)
    return clause.end() if clause else end


def _is_question(low: str, start: int, stop: int) -> bool:
    """A question asks for advice ("should I …?") unless it only tags a statement ("…, no?").

    A negative question ("Shouldn't it be $47.88?", "Não deveria ser R$ 238?") is rhetorical:
    it states the expectation.
    """
    if low[stop - 1 : stop] != "?":
        return False
    if low.startswith(_RHETORICAL, start) or low[max(0, start - 4) : start] in ("não ", "nao "):
        return False
    tail = low[max(start, stop - 16) : stop - 1].rstrip()
    return not any(
        tail.endswith(tag) and tail[-len(tag) - 1 : -len(tag)] in (" ", ",", "") for tag in _TAGS
    )


def _is_other_use(low: str, start: int, end: int, word: str) -> bool:
    following = low[end : end + 24].split()
    after = following[0].strip(",.;:!?") if following else ""
    if word == "should" and after in _ASKING_SUBJECTS:
        return True  # "should I …", "should we …"
    if low[max(0, start - 16) : end].endswith(_AS_EXPECTED):
        return True  # "the backup runs as expected"
    if word in ("instead", "em", "ao") and _PREFERENCES.search(low, max(0, start - 60), start):
        return True  # "I'd like to pay by transfer instead of card"
    return word in ("era", "tinha", "teria") and after in _DEADLINES


def _earlier_behaviour(text: Text) -> Iterator[Span]:
    """A concrete account of how it used to work ("antes aparecia o cadeado")."""
    low = text.lowered
    starts = [start for word in text.among(_BEFORE_WORDS) for start, _end in text.find(word)]
    if "até" in text.words:
        starts.extend(match.start() for match in islice(_UNTIL.finditer(low), MAX_HITS))
    if "." in low:
        starts.extend(_version_starts(low))
    for start in starts:
        if low.startswith(("antes de ", "antes do ", "antes que "), start):
            continue  # "antes de ontem", "antes de atualizar": a moment, not the old behaviour
        stop = _clause_end(low, start)
        if _is_question(low, start, stop):
            continue
        words = [word.strip(".!?,;:()\"'") for word in low[start:stop].split()[1:]]
        verb = next((index for index, word in enumerate(words) if _is_past(word)), None)
        # What follows the verb describes the behaviour; what precedes it ("antes da troca
        # do computador funcionava") only dates it.
        if verb is not None and _describes(words[verb + 1 :]):
            yield (start, _trim(low, start, stop))
    yield from _habits(text)


def _habits(text: Text) -> Iterator[Span]:
    """What it "used to" do, when said concretely: "it used to load in two seconds"."""
    low = text.lowered
    for first, phrase in _HABITS:
        if first not in text.words:
            continue
        for start, end in text.find(phrase):
            before = low[max(0, start - 12) : start].split()
            if before and before[-1] in _HABIT_WORDS:
                continue  # "I'm used to the old panel": a habit of the customer's
            stop = _clause_end(low, end)
            words = [word.strip(".!?,;:()\"'") for word in low[end:stop].split()]
            # The first word is the verb ("load", "abrir"); the rest must describe it.
            if len(words) > 1 and _describes(words[1:]):
                yield (start, _trim(low, start, stop))


def _describes(words: list[str]) -> bool:
    return any(word and word not in _BARE_BEFORE and not _is_past(word) for word in words)


def _version_starts(low: str) -> Iterator[int]:
    for match in islice(_VERSION_DOT.finditer(low), MAX_HITS):
        number = match.start()
        while number > 0 and (low[number - 1].isdigit() or low[number - 1] == "v"):
            number -= 1
        head = low[max(0, number - 12) : number]
        for prefix in _IN_VERSION:
            if head.endswith(prefix) and (
                len(head) == len(prefix) or not head[-len(prefix) - 1].isalnum()
            ):
                yield number - len(prefix)
                break


def _is_past(word: str) -> bool:
    if len(word) >= 5 and word.endswith(("ava", "avam", "ia", "iam")):
        return word.isascii()  # chegava, aparecia, abriam; not transferência, família
    return word in _EN_PAST or (len(word) >= 5 and word.endswith("ed"))


def _needs(text: Text) -> Iterator[Span]:
    low = text.lowered
    if not text.words & _NEED_WORDS:
        return
    for match in islice(_NEED.finditer(low), MAX_HITS):
        stop = _clause_end(low, match.start())
        if not _is_question(low, match.start(), stop):
            yield (match.start(), _trim(low, match.start(), stop))


def _trim(low: str, start: int, stop: int) -> int:
    while stop > start and low[stop - 1] in " \t.!?,;:":
        stop -= 1
    return stop


def _hints(text: Text) -> Iterator[Span]:
    for word in text.among(_HINTS):
        yield from text.find(word)
    for first, phrase in _BARE_PHRASES:
        if first in text.words:
            yield from text.find(phrase)
