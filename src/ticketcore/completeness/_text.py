"""The prepared text and the detection result shared by every completeness detector."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import Final

import attrs

Span = tuple[int, int]
"""A ``[start, end)`` range of character offsets into the original text."""

MAX_SPANS = 32
"""Most evidence spans one detection keeps: enough to show the customer, bounded in size."""

MAX_HITS = 200
"""Most occurrences of one word or pattern a detector examines in Python.

The engine finds occurrences in C, but judging each one (its neighbours, its case) is Python
work; the bound keeps a text that repeats one cue a million times as fast as ordinary prose.
"""


def _valid_spans(
    instance: object, attribute: attrs.Attribute[tuple[Span, ...]], value: tuple[Span, ...]
) -> None:
    for start, end in value:
        if not 0 <= start < end:
            msg = f"{attribute.name} must hold non-empty [start, end) spans (got {(start, end)!r})"
            raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Detection:
    """What one detector saw in one text.

    Attributes:
        found: The criterion is satisfied.
        spans: Evidence that satisfied it, in text order; empty when not found.
        near: Evidence that nearly satisfied it (a single action, the word "error" with no
            message, a number that may be a code): what the customer is told is "close".
    """

    found: bool
    spans: tuple[Span, ...] = attrs.field(default=(), validator=_valid_spans)
    near: tuple[Span, ...] = attrs.field(default=(), validator=_valid_spans)

    def __attrs_post_init__(self) -> None:
        if self.found and not self.spans:
            msg = "a detection that is found must carry evidence spans (got none)"
            raise ValueError(msg)


NOTHING = Detection(found=False)
"""The detection of a text that holds no evidence at all."""


def detection(
    spans: Iterable[Span], near: Iterable[Span] = (), *, found: bool | None = None
) -> Detection:
    """Build a detection from evidence: sorted, overlaps joined, capped at `MAX_SPANS`.

    Args:
        spans: Evidence for the criterion.
        near: Evidence that nearly satisfies it; dropped where it overlaps ``spans``.
        found: Whether the criterion holds; by default, whether there is any evidence.
    """
    kept = _tidy(spans)
    if found is None:
        found = bool(kept)
    if not found:
        near = [*kept, *near]
        kept = ()
    close = _tidy(near)
    if kept:
        close = tuple(s for s in close if not any(_overlap(s, k) for k in kept))
    if not kept and not close:
        return NOTHING
    return Detection(found=found, spans=kept, near=close)


def _tidy(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Sort spans and join the ones that overlap, so each piece of evidence shows once."""
    joined: list[Span] = []
    for start, end in sorted(spans):
        if start >= end:
            continue
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        elif len(joined) == MAX_SPANS:
            break  # later spans could only join the one past the cap
        else:
            joined.append((start, end))
    return tuple(joined)


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # Full case mapping lengthens a few characters ("İ" becomes "i" plus a combining dot);
    # keeping only the first character of each mapping keeps every offset valid.
    return "".join(char.lower()[:1] for char in text)


# The pieces of a token that count as words: letters and digits, joined by straight or
# typographic apostrophes ("don't"), so that "erro:", "(clique" and "sim/não" yield the words
# inside them. Possessive quantifiers: a word, once read, is never given back.
_WORD: Final = re.compile(r"[^\W_]++(?:['\u2019][^\W_]++)*+")


@attrs.frozen(kw_only=True)
class Text:
    """A text prepared once for every detector.

    Attributes:
        original: The text as the customer wrote it; every span points into it.
        lowered: A lowercased copy of the same length, so that an offset found in one is valid
            in the other.
        words: The distinct words of ``lowered``, computed on construction. A detector checks
            a whole lexicon against them with one set intersection, instead of scanning the
            text once per cue word, and looks for the positions of the few words present.
    """

    original: str
    lowered: str = attrs.field()
    words: frozenset[str] = attrs.field(init=False, repr=False, eq=False)

    @lowered.validator
    def _same_length(self, attribute: attrs.Attribute[str], value: str) -> None:
        if len(value) != len(self.original):
            msg = (
                f"{attribute.name} must be as long as original "
                f"(got {len(value)} characters for {len(self.original)})"
            )
            raise ValueError(msg)

    def __attrs_post_init__(self) -> None:
        # Derived, so that it cannot disagree with the text; frozen, hence the bypass.
        object.__setattr__(self, "words", _words(self.lowered))

    @classmethod
    def of(cls, text: str, /) -> Text:
        """Prepare ``text`` for the detectors.

        >>> Text.of("İstanbul").lowered
        'istanbul'
        """
        return cls(original=text, lowered=_lower(text))

    def among(self, lexicon: frozenset[str], /) -> list[str]:
        """The words of *lexicon* that the text holds, sorted.

        A set's order changes with the interpreter's hash seed; sorting keeps which evidence
        fits under `MAX_SPANS` the same from one process to the next.

        >>> Text.of("Then I clicked, then I opened it").among(frozenset({"opened", "clicked"}))
        ['clicked', 'opened']
        """
        return sorted(self.words & lexicon)

    def find(self, word: str, /, *, limit: int = MAX_HITS) -> Iterator[Span]:
        """Yield the spans where ``word`` (lowercase) stands as whole words.

        At most ``limit`` occurrences are looked at, whole words or not (see `MAX_HITS`).

        >>> list(Text.of("Error, errors and terror: ERROR").find("error"))
        [(0, 5), (26, 31)]
        """
        low = self.lowered
        size = len(word)
        position = low.find(word)
        while position >= 0 and limit > 0:
            limit -= 1
            end = position + size
            if not (position and _is_word_char(low[position - 1])) and not (
                end < len(low) and _is_word_char(low[end])
            ):
                yield (position, end)
            position = low.find(word, position + 1)

    def matches(self, word: str, pattern: re.Pattern[str], /) -> Iterator[re.Match[str]]:
        r"""Yield the matches of ``pattern`` at the spans `find` yields for ``word``, in order.

        ``pattern`` matches ``word`` as a whole word and nothing more, with look-arounds of its
        own; as it starts with the word, the engine jumps between occurrences in C, and only
        the occurrences that pass its look-arounds cost any Python work. Like `find`, it
        looks at the first `MAX_HITS` occurrences only, counted once there can be that many.

        >>> pattern = re.compile(r"error(?<!\werror)(?!\w)(?<!the error)")
        >>> [m.span() for m in Text.of("Error, errors and the error").matches("error", pattern)]
        [(0, 5)]
        """
        low = self.lowered
        if _overlaps_itself(word):  # counts of non-overlapping occurrences would miss some
            for start, _end in self.find(word):
                match = pattern.match(low, start)
                if match is not None:
                    yield match
            return
        seen = counted_to = 0
        for match in pattern.finditer(low):
            start = match.start()
            if start >= MAX_HITS * len(word):  # fewer occurrences fit before ``start``
                seen += low.count(word, counted_to, start)
                counted_to = start
                if seen >= MAX_HITS:
                    return
            yield match


def _overlaps_itself(word: str) -> bool:
    """Whether two occurrences of ``word`` can overlap, as in "dropped" and "droppedropped"."""
    return any(word.startswith(word[-size:]) for size in range(1, len(word)))


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _words(lowered: str) -> frozenset[str]:
    tokens = frozenset(lowered.split())
    # Tokens glued to punctuation ("erro:", "(clique") are split once each, in one pass over
    # their concatenation; keeping the glued token as well does no harm. Tokens longer than
    # `_MAX_GLUED` are URLs, hashes or pasted junk, whose pieces are not prose.
    glued = " ".join(token for token in tokens if len(token) <= _MAX_GLUED and not token.isalnum())
    return tokens.union(_WORD.findall(glued))


_MAX_GLUED = 120


def gather(*sources: Iterable[Span]) -> list[Span]:
    """Collect evidence from ``sources`` in turn, at most `MAX_SPANS` spans.

    Sources are generators that only do their work when asked, so once a detector holds as
    much evidence as it can report, the remaining sources are never run.
    """
    return list(islice(chain.from_iterable(sources), MAX_SPANS))


def alternation(words: Iterable[str], /) -> str:
    """Write words as one regex alternation shaped as a prefix tree.

    A flat ``erro|error|errado`` makes the engine try every word at every position; the
    tree shares prefixes, so each position costs a few character tests.

    >>> alternation(["error", "erro", "errado", "fail"])
    '(?:err(?:ado|o(?:r)?)|fail)'
    """
    tree: _Tree = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree)


_Tree = dict[str, "_Tree"]


def _branches(node: _Tree) -> str:
    branches = [re.escape(char) + _branches(node[char]) for char in sorted(node) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


def keyed(phrases: Iterable[str], /) -> tuple[tuple[str, str], ...]:
    """Pair each phrase with its first word, the word checked against `Text.words` first.

    >>> keyed(["em seguida", "then"])
    (('em', 'em seguida'), ('then', 'then'))
    """
    return tuple((phrase.split()[0], phrase) for phrase in phrases)


def lexicon(words: str, /) -> frozenset[str]:
    """Read a word list written as whitespace-separated words, the way the lexicons are kept.

    >>> sorted(lexicon("help ajuda  socorro"))
    ['ajuda', 'help', 'socorro']
    """
    return frozenset(words.split())
