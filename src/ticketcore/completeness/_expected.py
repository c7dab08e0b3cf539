"""Detect the expected behaviour: what the customer wanted to happen instead.

Without it the solver cannot tell a bug from a misunderstanding, nor know when the ticket is
done: "the invoice should show the discount" can be checked, "the invoice is wrong" cannot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from ticketcore.completeness._text import Detection, Span, Text, detection, lexicon

# Phrases that state what should happen or what used to happen, in English and Portuguese.
# Each is looked for only when its first word is among the text's words.
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
    "instead",
    "used to",
    "ought to",
    "meant to",
    "was working",
    "were working",
    "worked before",
    "worked fine",
    "worked normally",
    "it worked",
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
    "o normal é",
    "o normal seria",
    "era para",
    "era pra",
    "em vez de",
    "ao invés de",
    "antes funcionava",
    "funcionava antes",
    "funcionava normalmente",
    "funcionava perfeitamente",
    "funcionava bem",
    "estava funcionando",
    "sempre funcionou",
    "tinha que",
    "teria que",
    "precisa aparecer",
    "precisa abrir",
    "tem que aparecer",
    "tem que abrir",
)
_EXPECTATIONS_BY_WORD: Final[dict[str, tuple[str, ...]]] = {}
for _phrase in _EXPECTATIONS:
    _first = _phrase.split()[0]
    _EXPECTATIONS_BY_WORD[_first] = (*_EXPECTATIONS_BY_WORD.get(_first, ()), _phrase)

# Words that hint at an expectation without stating it ("it does not work properly",
# "normalmente abre"): near, so the customer can be asked to say what "properly" means.
_HINTS: Final = lexicon(
    """
    normally normalmente normal properly correctly corretamente direito funcione funcionar
    work working
    """
)

# What turns a cue into something else: a question to support ("should I restart?", "what
# should we do"), a habit ("I'm used to"), a deadline ("era para ontem").
_ASKING_SUBJECTS: Final = frozenset({"i", "we", "you"})
_HABIT_WORDS: Final = lexicon("am i'm i\u2019m get got getting be being are")
_DEADLINES: Final = frozenset({"ontem", "hoje", "amanhã", "amanha", "já", "ja", "agora"})

# Where a sentence, and the expectation it states, ends.
_CLAUSE: Final = re.compile(r"[^\n.!?]{0,240}[.!?]?")


def detect_expected_behavior(text: Text, /) -> Detection:
    """Find a statement of the expected behaviour ("it should …", "deveria …", "antes funcionava").

    >>> detect_expected_behavior(Text.of("The page should load.")).spans
    ((9, 20),)
    >>> detect_expected_behavior(Text.of("Should I restart the server?")).found
    False
    """
    spans = list(_expectations(text))
    near = [] if spans else list(_hints(text))
    return detection(spans, near)


def _expectations(text: Text) -> Iterable[Span]:
    low = text.lowered
    for word in text.words.intersection(_EXPECTATIONS_BY_WORD):
        for phrase in _EXPECTATIONS_BY_WORD[word]:
            if phrase not in low:
                continue
            for start, end in text.find(phrase):
                clause = _CLAUSE.match(low, end)
                stop = clause.end() if clause else end
                if stop and low[stop - 1] == "?":
                    continue  # a question: "what should I do?", "o que deveria fazer?"
                if _is_other_use(low, start, end, word):
                    continue
                yield (start, _trim(low, start, stop))


def _is_other_use(low: str, start: int, end: int, word: str) -> bool:
    following = low[end : end + 24].split()
    after = following[0].strip(",.;:") if following else ""
    preceding = low[max(0, start - 24) : start].split()
    before = preceding[-1] if preceding else ""
    if word == "should" and after in _ASKING_SUBJECTS:
        return True  # "should I …", "should we …"
    if low.startswith("used to", start) and before in _HABIT_WORDS:
        return True  # "I'm used to …", "get used to …"
    return word in ("era", "tinha", "teria") and after in _DEADLINES


def _trim(low: str, start: int, stop: int) -> int:
    while stop > start and low[stop - 1] in " \t.!,;:":
        stop -= 1
    return stop


def _hints(text: Text) -> Iterable[Span]:
    for word in text.words.intersection(_HINTS):
        yield from text.find(word)
