r"""Private: accept only regular expressions whose matching time stays polynomially small.

Rule-set authors write patterns for custom fields; Python's backtracking engine can take
exponential time on patterns such as ``(a+)+$``, and polynomial time on unbounded repetitions
that take turns on the same characters (``\d*\d*\d*x`` is cubic). A pattern is accepted only
when no repetition contains another unbounded repetition or an alternation, it uses no
backreferences or lookarounds, and no three unbounded repetitions in a row can share one run of
characters. What remains matches in time at most quadratic in the value's length, which the
custom field's ``max_length`` bounds (``.*foo.*`` is quadratic on ``foofoo…\n``; 200
characters, the default, cost microseconds).
"""

from __future__ import annotations

import importlib
import re
import warnings
from collections.abc import Iterator
from typing import Any, Final, NamedTuple

# The stdlib's own regex parser (private, stable since 3.11; the public sre_parse alias warns).
_c: Any = importlib.import_module("re._constants")
_p: Any = importlib.import_module("re._parser")
_compiler: Any = importlib.import_module("re._compiler")

_REPEATS: Final = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)}
_FORBIDDEN: Final = {_c.GROUPREF, _c.GROUPREF_EXISTS, _c.ASSERT, _c.ASSERT_NOT}
_MAX_PATTERN_LENGTH: Final = 1000
_SINGLE: Final = {_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN}
_ATOMIC: Final = getattr(_c, "ATOMIC_GROUP", None)
# Characters to tell which ones two character sets share: Latin, and one of each other script,
# digit and space kind that ``\w``, ``\d`` and ``\s`` also match.
_SAMPLE: Final = "".join(map(chr, range(0x250))) + (
    "\u0301\u0391\u03b1\u0410\u0430\u05d0\u0660\u0966\u0e01\u1680\u200b\u2028\u3000"
    "\u4e00\uff10\U0001f600"
)
_MAX_CHAIN: Final = 2  # unbounded repetitions sharing a run: 2 is quadratic, 3 cubic
_MAX_NODES: Final = 2000  # bounded repetitions written out: (\d*){3} is \d*\d*\d*


def unsafe_reason(pattern: str, /) -> str | None:
    """Why *pattern* is refused (``"syntax"``, ``"backtracking"``, ``"too_long"``), or ``None``."""
    if len(pattern) > _MAX_PATTERN_LENGTH:
        return "too_long"
    # The parser warns (FutureWarning) about sets whose meaning a future Python changes, such
    # as "[a--b]": refused as a syntax problem, never leaked as a warning (an error under -W).
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            parsed = _p.parse(pattern)
            re.compile(pattern)
        except (re.error, RecursionError, OverflowError, Warning):
            return "syntax"
    if _unsafe(parsed, inside_repeat=False) or _takes_turns(parsed):
        return "backtracking"
    return None


def _unsafe(items: Any, *, inside_repeat: bool) -> bool:
    for op, arg in items:
        if op in _FORBIDDEN:
            return True
        if op in _REPEATS:
            low, high, body = arg
            unbounded = high == _c.MAXREPEAT or high - low > 20
            if inside_repeat and unbounded:
                return True
            if _unsafe(body, inside_repeat=inside_repeat or unbounded):
                return True
        elif op is _c.BRANCH:
            if inside_repeat:
                return True
            if any(_unsafe(branch, inside_repeat=False) for branch in arg[1]):
                return True
        elif op is _c.SUBPATTERN:
            if _unsafe(arg[-1], inside_repeat=inside_repeat):
                return True
        elif op == getattr(_c, "ATOMIC_GROUP", None) and _unsafe(arg, inside_repeat=inside_repeat):
            return True
    return False


class _Node(NamedTuple):
    """One step of a sequence: the characters it can consume, and how it repeats."""

    alphabet: frozenset[str]
    nullable: bool
    unbounded: bool


class _TooLargeError(Exception):
    """Writing the bounded repetitions out makes more than `_MAX_NODES` steps."""


def _takes_turns(parsed: Any) -> bool:
    """Whether more than `_MAX_CHAIN` unbounded repetitions can share one run of characters."""
    alphabets: dict[str, frozenset[str]] = {}
    try:
        return any(
            _longest_chain(nodes) > _MAX_CHAIN
            for nodes in _sequences(parsed.data, parsed.state, alphabets)
        )
    except _TooLargeError:
        return True


def _sequences(
    items: Any, state: Any, alphabets: dict[str, frozenset[str]]
) -> Iterator[list[_Node]]:
    """The sequence of *items* written out, then the sequences of its alternatives, at any depth.

    Groups and repeats are written out into the sequence itself, so only the alternatives of
    an alternation (one node in the sequence) need sequences of their own.
    """
    nodes: list[_Node] = []
    _write_out(items, state, alphabets, nodes, optional=False)
    yield nodes
    for branch in _alternatives(items):
        yield from _sequences(branch, state, alphabets)


def _children(op: Any, arg: Any) -> tuple[Any, ...]:
    """The item lists directly inside one parsed item: a group's, a repeat's, each branch."""
    if op is _c.SUBPATTERN:
        return (arg[-1],)
    if op is _ATOMIC:
        return (arg,)
    if op in _REPEATS:
        return (arg[2],)
    if op is _c.BRANCH:
        return tuple(arg[1])
    return ()


def _alternatives(items: Any) -> Iterator[Any]:
    """The branches of the outermost alternations in *items*, inside groups and repeats too."""
    for op, arg in items:
        if op is _c.BRANCH:
            yield from arg[1]
        else:
            for child in _children(op, arg):
                yield from _alternatives(child)


def _write_out(
    items: Any,
    state: Any,
    alphabets: dict[str, frozenset[str]],
    nodes: list[_Node],
    *,
    optional: bool,
) -> None:
    """Append the steps of *items* to *nodes*, with groups opened and bounded repeats unrolled."""
    for item in items:
        op, arg = item
        if op is _c.SUBPATTERN or op is _ATOMIC:
            (inside,) = _children(op, arg)
            _write_out(inside, state, alphabets, nodes, optional=optional)
            continue
        if op in _REPEATS:
            low, high, body = arg
            if not _unbounded(low, high) and _has_unbounded(body):
                for copy in range(high):
                    _write_out(body, state, alphabets, nodes, optional=optional or copy >= low)
                continue
        if len(nodes) >= _MAX_NODES:
            raise _TooLargeError
        width = _p.SubPattern(state, [item]).getwidth()[0]
        nodes.append(
            _Node(
                alphabet=_alphabet([item], state, alphabets),
                nullable=optional or width == 0,
                unbounded=_has_unbounded([item]),
            )
        )


def _unbounded(low: int, high: int) -> bool:
    return high == _c.MAXREPEAT or high - low > 20


def _has_unbounded(items: Any) -> bool:
    return any(
        (op in _REPEATS and _unbounded(arg[0], arg[1]))
        or any(_has_unbounded(child) for child in _children(op, arg))
        for op, arg in items
    )


def _alphabet(items: Any, state: Any, alphabets: dict[str, frozenset[str]]) -> frozenset[str]:
    """The sample characters that some single-character step inside *items* matches."""
    found: frozenset[str] = frozenset()
    for item in items:
        op, arg = item
        if op in _SINGLE:
            key = repr(item)
            if key not in alphabets:
                single = _compiler.compile(_p.SubPattern(state, [item]), state.flags)
                alphabets[key] = frozenset(ch for ch in _SAMPLE if single.fullmatch(ch))
            found |= alphabets[key]
        else:
            for child in _children(op, arg):
                found |= _alphabet(child, state, alphabets)
    return found


def _longest_chain(nodes: list[_Node]) -> int:
    """The most unbounded steps in a row that can all take turns on one run of characters.

    Two unbounded steps take turns when some character suits both and every step between
    them can be skipped or matched with such a character. Counting stops past `_MAX_CHAIN`.
    """
    chains: dict[int, int] = {}
    for index, node in enumerate(nodes):
        if not node.unbounded:
            continue
        length = 1
        for start in range(index - 1, -1, -1):
            earlier = nodes[start]
            if earlier.unbounded:
                shared = earlier.alphabet & node.alphabet
                if shared and all(
                    n.nullable or n.alphabet & shared for n in nodes[start + 1 : index]
                ):
                    length = max(length, chains[start] + 1)
            if not earlier.nullable and not earlier.alphabet & node.alphabet:
                break  # a step that must consume what this one cannot: nothing before counts
        if length > _MAX_CHAIN:
            return length
        chains[index] = length
    return max(chains.values(), default=0)
