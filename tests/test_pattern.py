"""Tests for `ticketcore._pattern`, the guard against regular expressions that backtrack."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _hostile import hostile_texts
from ticketcore._pattern import unsafe_reason

SAFE = [
    r"PED-\d{4}",
    r"[A-Z]{2}\d{3,6}",
    r"\d{5}-\d{3}",
    r"[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}",
    r"(?:ab)+",
    r"(a|b)*",  # single characters: the parser makes it a character class
    r"(a{1,5})+",  # a small bounded repetition inside is fine
    r"x{2,}",
    r"a++",
    r"(?i)abc",
    r"^\w+$",
    r"(BR|PT)-\d{2}",  # alternation outside any repetition
    r".*foo.*",
    "a" * 1000,
]


@pytest.mark.parametrize("pattern", SAFE)
def test_linear_patterns_are_accepted(pattern: str) -> None:
    """Patterns without nested or ambiguous repetition are accepted."""
    assert unsafe_reason(pattern) is None


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        (r"(a+)+$", "backtracking"),
        (r"(a*)*", "backtracking"),
        (r"(?:a+)+b", "backtracking"),
        (r"(a|aa)*", "backtracking"),
        (r"(a|b|cd)+", "backtracking"),
        (r"(\d+\.)+\d+", "backtracking"),
        (r"(a{1,30})+", "backtracking"),
        (r"((ab)*c)*", "backtracking"),
        (r"(\w+)\1", "backtracking"),
        (r"(?P<x>a)(?P=x)", "backtracking"),
        (r"(?=a)a", "backtracking"),
        (r"(?!a)b", "backtracking"),
        (r"(?<=a)b", "backtracking"),
        (r"(?<!a)b", "backtracking"),
        (r"(?>a+)+", "backtracking"),
        (r"(a", "syntax"),
        (r"a{2,1}", "syntax"),
        (r"[z-a]", "syntax"),
        (r"(?(1)a|b)", "syntax"),
        (r"\p{L}", "syntax"),
        (r"[a--b]", "syntax"),  # a FutureWarning: its meaning will change
        (r"[[:alpha:]]", "syntax"),
        ("a" * 1001, "too_long"),
    ],
)
def test_unsafe_patterns_give_a_reason(pattern: str, reason: str) -> None:
    """Ambiguous repetition, backreferences, lookarounds, bad syntax and length give a reason."""
    assert unsafe_reason(pattern) == reason


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d*\d*\d*\d*\d*x",  # ~20 s on 200 digits before it was refused
        r"\d*\d*\d*x",
        r"(\d*){3}x",  # a bounded repetition written out
        r"((\d*){20}){20}x",
        r"\w*-?\w*-?\w*!",  # optional steps between do not separate them
        r"\d+5\d+5\d+x",  # nor do steps that the repetitions' characters can match
        r"(\d*|a)(\d*|b)(\d*|c)x",  # alternatives that hold a repetition
        r"(?:x|\d*\d*\d*y){2}",  # inside an alternative, inside a bounded repeat
        r"(?i)A*a*[aA]*!",  # the same characters once the case is ignored
        r"[^x]*[^y]*[^z]*",
        r"(?:ab)+(?:ba)+(?:ab)+x",
        r"[ab]*[bc]*[cd]*x",  # a chain of shared characters, each pair its own
    ],
)
def test_three_repetitions_taking_turns_are_refused(pattern: str) -> None:
    """Three unbounded repetitions that can share one run of characters are refused."""
    assert unsafe_reason(pattern) == "backtracking"


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d*\d*x",  # quadratic at most: the field's max_length bounds it
        r"\d+a\d+a\d+",  # a step the repetitions cannot match separates them
        r"\d*\D*\d*",  # no character suits two neighbours
        r"\s*\w*\s*",
        r"[a-z]+\d+[a-z]+\d+",
        "".join(f"{letter}*" for letter in "abcdefghijklmnopqrstuvwxyz"),
    ],
)
def test_repetitions_that_cannot_take_turns_are_accepted(pattern: str) -> None:
    """Repetitions apart, or of different characters, or only two in a row, are accepted."""
    assert unsafe_reason(pattern) is None


@given(hostile_texts)
def test_any_text_gives_a_reason_or_none(pattern: str) -> None:
    """No text makes the guard raise; what it accepts compiles."""
    reason = unsafe_reason(pattern)
    assert reason in (None, "syntax", "backtracking", "too_long")
    if reason is None:
        re.compile(pattern)


@given(st.text(alphabet="()|*+?{}[]^$.\\ab1,:=!<>-", max_size=30))
def test_any_regex_like_text_gives_a_reason_or_none(pattern: str) -> None:
    """Text made of regular-expression syntax never makes the guard raise."""
    reason = unsafe_reason(pattern)
    assert reason in (None, "syntax", "backtracking", "too_long")
    if reason is None:
        re.compile(pattern)


def test_deeply_nested_groups_do_not_crash() -> None:
    """Hundreds of nested groups give an answer, not a `RecursionError`."""
    assert unsafe_reason("(" * 400 + "a" + ")" * 400) is None
    assert unsafe_reason("(" * 200 + "a+" + ")+" * 200) == "backtracking"
