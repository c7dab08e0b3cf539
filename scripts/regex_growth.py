"""Measure how the time of every compiled regex in ticketcore grows with its input.

Each pattern found in the package (at module level, or inside module-level tuples, lists, sets
and dicts) scans adversarial texts of growing size with ``finditer``: runs of digits, dots,
spaces and letters, nested brackets, and repeated fragments of the pattern's own literals
(``password: password: ...`` for a password label). A pattern that backtracks catastrophically
takes ~100 times longer on 10 times more text; a linear one ~10 times.

The screen runs every attack at 10 KiB and 100 KiB; the pattern's worst attack then runs at
100 KiB and 1 MiB. Ratios are of best-of-N timings, both sizes timed in turn, with the time of a
trivial scan of the same text added to both sides so that patterns failing at once are not
judged on microseconds of jitter. ``tests/test_regex_growth.py`` asserts on these figures.

Usage: ``python scripts/regex_growth.py`` prints one row per pattern and the worst ratio.
"""

from __future__ import annotations

import argparse
import ast
import functools
import gc
import importlib
import pkgutil
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Literal

import ticketcore

KIB = 1024
MIB = 1024 * KIB
LIMIT = 20.0
"""Largest accepted growth for 10 times the input: linear is ~10, quadratic ~100; a busy
machine (caches shared with other work) pushes linear patterns to ~15."""

# Modules that run code on import (the command line entry point).
_SKIP_MODULES = frozenset({"ticketcore.__main__"})

_GENERIC_UNITS = {
    "digits": "7",
    "dots": ".",
    "spaces": " ",
    "letters": "a",
    "capitals": "A",
    "accented": "é",
    "newlines": "\n",
    "tabs": "\t",
    "colons": ":",
    "equals": "=",
    "quotes": '"',
    "apostrophes": "'",
    "hyphens": "-",
    "underscores": "_",
    "slashes": "/",
    "backslashes": "\\",
    "at-signs": "@",
    "letter-dot": "a.",
    "digit-dot": "1.",
    "letter-space": "a ",
    "word-colon": "ab: ",
    "mixed": "aA1_",
    "host-ish": "a.b ",
    "url-ish": "http://a",
    "brackets-flat": "[]",
}
_NESTED = {
    "nested-brackets": "[]",
    "nested-parens": "()",
    "nested-braces": "{}",
    "nested-angles": "<>",
}
# A run that ends in a character nothing expects: "aaa...a\x00" defeats a pattern that would
# match the whole run at the end of the text (``[a-z]*\Z``).
_STOPPED = ("spaces", "tabs", "letters", "digits", "dots", "hyphens", "underscores")
_STOP = "\x00"
_MAX_LITERAL_UNITS = 8
_ANCHORED_METHODS = frozenset({"match", "fullmatch"})
_METHODS = frozenset(
    {"match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split"}
)

Use = Literal["search", "match"]
_WORD = re.compile(r"(?<![\\?])(?<!\(\?P<)[A-Za-z]{2,}")
_PUNCTUATION = re.compile(r"""\\?([:=@/#'"\-_,;!&%$.])""")


@dataclass(frozen=True)
class Row:
    """The growth of one pattern: its worst attack, at both scales."""

    name: str
    attack: str
    use: Use  # how the package calls it: anywhere in the text, or anchored at one position
    screen: float  # worst ratio, 100 KiB over 10 KiB, over every attack
    ratio: float  # 1 MiB over 100 KiB, on the worst attack of the screen


def package_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every compiled regex of the package, with a name saying where it is."""
    found: dict[int, tuple[str, re.Pattern[str]]] = {}
    modules = pkgutil.walk_packages(ticketcore.__path__, "ticketcore.")
    names = ["ticketcore", *(m.name for m in modules if m.name not in _SKIP_MODULES)]
    for module_name in names:
        module: ModuleType = importlib.import_module(module_name)
        short = module_name.removeprefix("ticketcore.")
        for attribute, value in vars(module).items():
            for where, pattern in _patterns_in(f"{short}.{attribute}", value, depth=0):
                found.setdefault(id(pattern), (where, pattern))
    return sorted(found.values(), key=lambda item: item[0])


def _patterns_in(where: str, value: object, *, depth: int) -> Iterator[tuple[str, re.Pattern[str]]]:
    if isinstance(value, re.Pattern):
        yield where, value
    elif depth >= 3:
        return
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from _patterns_in(f"{where}[{index}]", item, depth=depth + 1)
    elif isinstance(value, (set, frozenset)):
        for item in value:
            yield from _patterns_in(f"{where}{{}}", item, depth=depth + 1)
    elif isinstance(value, dict) or type(value).__name__ == "FrozenMap":
        for key, item in value.items():  # type: ignore[attr-defined]
            yield from _patterns_in(f"{where}[{key!r}]", item, depth=depth + 1)


def uses() -> dict[str, set[str]]:
    """The methods the package calls on each name (``{"_WORD": {"finditer"}}``), from its source.

    A name is a module-level attribute; patterns held in containers are called through other
    names and do not appear here.
    """
    found: dict[str, set[str]] = {}
    root = Path(ticketcore.__file__).parent
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Attribute) and node.attr in _METHODS):
                continue
            target = node.value
            name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", None)
            if name is not None:
                found.setdefault(name, set()).add(node.attr)
    return found


def usage(name: str, calls: dict[str, set[str]]) -> Use:
    """``match`` when every call on the pattern called *name* is anchored, else ``search``.

    Anchored patterns are timed with ``match`` (how the package runs them); a pattern whose
    calls are unknown (one held in a tuple) or include any unanchored one is timed with
    ``finditer`` at every position, the worst case.
    """
    methods = calls.get(name.rsplit(".", 1)[-1])
    return "match" if methods and methods <= _ANCHORED_METHODS else "search"


def attack_units(pattern: re.Pattern[str]) -> dict[str, str]:
    """The repeated units to attack *pattern* with: generic ones and its own literals."""
    units = dict(_GENERIC_UNITS)
    source = pattern.pattern
    words = list(dict.fromkeys(_WORD.findall(source)))
    words.sort(key=len, reverse=True)
    punctuation = "".join(dict.fromkeys(_PUNCTUATION.findall(source)))
    for word in words[: _MAX_LITERAL_UNITS // 2]:
        units[f"literal {word!r}+space"] = f"{word} "
        units[f"literal {word!r}+punctuation"] = f"{word}{punctuation[:2] or ':'} "
    if words:
        units["literals joined"] = " ".join(words[:6]) + " "
    if punctuation:
        units["punctuation"] = punctuation
        units["letters and punctuation"] = "a" + "a".join(punctuation)
    return units


def attack_text(pattern: re.Pattern[str], attack: str, size: int) -> str:
    """The text of *attack* on *pattern*, exactly *size* characters long."""
    if attack.endswith(", stopped"):
        return fill(_GENERIC_UNITS[attack.removesuffix(", stopped")], size - 1) + _STOP
    if attack in _NESTED:
        return fill(attack, size)
    return fill(attack_units(pattern)[attack], size)


def fill(unit: str, size: int) -> str:
    """*unit* repeated to exactly *size* characters; a nested unit opens then closes."""
    if unit in _NESTED:
        opener, closer = _NESTED[unit]
        half = size // 2
        return opener * half + closer * (size - half)
    return (unit * (size // len(unit) + 1))[:size]


def attacks(pattern: re.Pattern[str]) -> list[str]:
    """The names of every attack on *pattern*: runs, stopped runs, nesting, its literals."""
    return [*attack_units(pattern), *(f"{u}, stopped" for u in _STOPPED), *_NESTED]


def _best(action: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            action()
            best = min(best, time.perf_counter() - start)
    finally:
        if enabled:
            gc.enable()
    return best


def _scan(pattern: re.Pattern[str], text: str, use: Use = "search") -> Callable[[], object]:
    if use == "match":
        return functools.partial(pattern.match, text)

    def run() -> int:
        return sum(1 for _ in pattern.finditer(text))

    return run


_TRIVIAL = re.compile("\x00")


def growth(
    pattern: re.Pattern[str],
    attack: str,
    small: int,
    large: int,
    *,
    use: Use = "search",
    rounds: int,
    repeat: int = 1,
) -> float:
    """Time on *large* over time on *small* characters of *attack*, best of *rounds*."""
    short, long = attack_text(pattern, attack, small), attack_text(pattern, attack, large)
    floor = _best(_scan(_TRIVIAL, long), repeat=3)
    slow = fast = float("inf")
    for _ in range(rounds):  # both sizes in turn: a burst of load slows both alike
        slow = min(slow, _best(_scan(pattern, long, use), repeat))
        fast = min(fast, _best(_scan(pattern, short, use), repeat))
    return (slow + floor) / (fast + floor)


def judged_growth(
    pattern: re.Pattern[str],
    attack: str,
    small: int,
    large: int,
    *,
    use: Use = "search",
    repeat: int = 1,
) -> float:
    """`growth`, measured again with more rounds when a first look exceeds `LIMIT`.

    A superlinear pattern stays slow on every try; a linear one that a noisy timing pushed
    past the limit comes back near 10.
    """
    measured = growth(pattern, attack, small, large, use=use, rounds=1, repeat=repeat)
    for rounds in (3, 5):
        if measured <= LIMIT:
            break
        again = growth(pattern, attack, small, large, use=use, rounds=rounds, repeat=2)
        measured = min(measured, again)
    return measured


def screen(name: str, pattern: re.Pattern[str], use: Use) -> tuple[str, float]:
    """Every attack at 10 KiB and 100 KiB: the worst one and its growth."""
    screened = {
        attack: judged_growth(pattern, attack, 10 * KIB, 100 * KIB, use=use, repeat=2)
        for attack in attacks(pattern)
    }
    worst = max(screened, key=screened.__getitem__)
    return worst, screened[worst]


def measure(*, unanchored: bool = False) -> list[Row]:
    """Screen every attack on every pattern, then time each pattern's worst one at scale.

    With *unanchored*, patterns the package only anchors are timed with ``finditer`` too,
    up to 100 KiB (a quadratic one would take minutes at 1 MiB).
    """
    calls = uses()
    rows = []
    for name, pattern in package_patterns():
        use = "search" if unanchored else usage(name, calls)
        worst, screened = screen(name, pattern, use)
        if unanchored and usage(name, calls) == "match":
            ratio = float("nan")
        else:
            ratio = judged_growth(pattern, worst, 100 * KIB, MIB, use=use)
        rows.append(Row(name=name, attack=worst, use=use, screen=screened, ratio=ratio))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--unanchored",
        action="store_true",
        help="time the patterns the package only anchors with finditer as well (up to 100 KiB)",
    )
    rows = measure(unanchored=parser.parse_args().unanchored)
    width = max(len(row.name) for row in rows)
    print(f"{'pattern':<{width}}  {'use':<6}  {'10K->100K':>9}  {'100K->1M':>8}  worst attack")
    for row in sorted(rows, key=lambda r: (r.ratio, r.screen), reverse=True):
        print(
            f"{row.name:<{width}}  {row.use:<6}  {row.screen:>9.1f}  {row.ratio:>8.1f}  "
            f"{row.attack}"
        )
    worst = max(rows, key=lambda r: max(r.ratio, r.screen) if r.ratio == r.ratio else r.screen)
    print(
        f"\n{len(rows)} patterns; worst growth for 10x input: "
        f"x{max(worst.ratio, worst.screen):.1f} ({worst.name}, {worst.attack}); limit x{LIMIT:g}"
    )
    sys.exit(0 if all(r.screen <= LIMIT and not r.ratio > LIMIT for r in rows) else 1)


if __name__ == "__main__":
    main()
