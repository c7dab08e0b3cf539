"""Private: accept only regular expressions that match in linear time.

Rule-set authors write patterns for custom fields; Python's backtracking engine can take
exponential time on patterns such as ``(a+)+$``. A pattern is accepted only when no repetition
contains another unbounded repetition or an alternation, and it uses no backreferences or
lookarounds: with that, matching a bounded value costs time proportional to its length.
"""

from __future__ import annotations

import importlib
import re
import warnings
from typing import Any, Final

# The stdlib's own regex parser (private, stable since 3.11; the public sre_parse alias warns).
_c: Any = importlib.import_module("re._constants")
_p: Any = importlib.import_module("re._parser")

_REPEATS: Final = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)}
_FORBIDDEN: Final = {_c.GROUPREF, _c.GROUPREF_EXISTS, _c.ASSERT, _c.ASSERT_NOT}
_MAX_PATTERN_LENGTH: Final = 1000


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
    return "backtracking" if _unsafe(parsed, inside_repeat=False) else None


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
