"""Every compiled regex in ticketcore runs in linear time on adversarial input.

The patterns are found by walking the package (module level, and inside module-level tuples,
lists, sets and dicts); the attacks and timings are those of ``scripts/regex_growth.py``, which
prints the table of growth ratios. A pattern the package only calls anchored (``match`` at one
position) is timed that way; every other one with ``finditer`` over the whole text.
"""

from __future__ import annotations

import contextlib
import functools
import re
from pathlib import Path

import pytest

from _support import best_time, load_script
from ticketcore import TicketValidationError, assess, from_dict
from ticketcore.completeness import _steps

ROOT = Path(__file__).resolve().parent.parent


growth = load_script("regex_growth")
PATTERNS: list[tuple[str, re.Pattern[str]]] = growth.package_patterns()
CALLS: dict[str, set[str]] = growth.uses()

# Quadratic under an unanchored search ("aaa...a!" makes `[a-z]*\Z` rescan the run from every
# position), linear as the package calls them: anchored at one position. Measured with
# ``python scripts/regex_growth.py --unanchored``: about x100 for 10 times the input.
QUADRATIC_IF_SEARCHED = (
    "_check._IDENTIFIER",
    "errors._IDENTIFIER",
    "_redact_patterns.BLANK_TO_LINE_END",
    "_redact_patterns.SLASH_AND_VALUE",
)


def test_every_compiled_regex_is_found() -> None:
    """The walk finds the patterns of every module, including those held in tuples."""
    names = {name for name, _ in PATTERNS}
    assert len(PATTERNS) >= 60
    assert {
        "_redact_patterns.LABELED_VALUE",
        "_check._CONTROL_SINGLE_LINE",
        "attachment._MEDIA_TYPE",
        "errors._IDENTIFIER",
        "completeness._steps._INLINE_ITEMS[0]",
        "completeness._errors._ERROR_CODES[0][1]",
    } <= names
    assert len({id(pattern) for _, pattern in PATTERNS}) == len(PATTERNS)


@pytest.mark.parametrize("name", QUADRATIC_IF_SEARCHED)
def test_patterns_that_must_stay_anchored_are(name: str) -> None:
    """Patterns that backtrack when searched are only ever called with match or fullmatch."""
    assert name in {found for found, _ in PATTERNS}
    assert growth.usage(name, CALLS) == "match", (
        f"{name} is called unanchored somewhere; guard it with a lookbehind first"
    )


def test_unknown_calls_are_timed_as_searches() -> None:
    """A pattern whose calls the source does not show is timed at every position."""
    assert growth.usage("completeness._steps._INLINE_ITEMS[0]", CALLS) == "search"
    assert growth.usage("_redact_patterns.LABELED_VALUE", CALLS) == "search"
    assert growth.usage("_redact_patterns.PLACEHOLDER", CALLS) == "match"


def test_attack_texts_have_the_asked_size() -> None:
    """Every attack text is exactly as long as asked, and nested ones open then close."""
    pattern = re.compile(r"password[:=]\s*(\S+)")
    for attack in growth.attacks(pattern):
        assert len(growth.attack_text(pattern, attack, 1000)) == 1000
    assert growth.attack_text(pattern, "nested-parens", 4) == "(())"
    assert growth.attack_text(pattern, "letters, stopped", 4) == "aaa\x00"
    assert "literal 'password'+space" in growth.attacks(pattern)


def test_a_backtracking_pattern_is_caught() -> None:
    """The measure itself sees a quadratic pattern (the check would catch one)."""
    assert growth.growth(re.compile(r"a*b"), "letters", 1024, 10240, rounds=2) > 30


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_regex_grows_linearly(name: str, pattern: re.Pattern[str]) -> None:
    """Ten times more adversarial input costs at most 20 times the time, 10 KiB to 1 MiB."""
    use = growth.usage(name, CALLS)
    worst, screened = growth.screen(name, pattern, use)
    assert screened <= growth.LIMIT, f"x{screened:.1f} from 10 to 100 KiB of {worst}"
    ratio = growth.judged_growth(pattern, worst, 100 * growth.KIB, growth.MIB, use=use)
    assert ratio <= growth.LIMIT, f"x{ratio:.1f} from 100 KiB to 1 MiB of {worst}"


def _built_at_run_time() -> list[tuple[str, re.Pattern[str]]]:
    """The steps detector's per-verb patterns, for the verb forms with the most contexts.

    They are compiled when a text first holds the verb form, so the module walk cannot see
    them; the forms with the most context words give the longest look-behind alternations.
    """
    contexts = _steps._CONTEXTS
    crowded = sorted(contexts, key=lambda form: (-len(contexts[form]), form))[:2]
    return [
        (f"completeness._steps._in_context({form!r}, listed={listed})", built)
        for form in crowded
        for listed in (True, False)
        for built in [_steps._in_context(form, listed=listed)]
    ]


@pytest.mark.parametrize(
    ("name", "pattern"), _built_at_run_time(), ids=[name for name, _ in _built_at_run_time()]
)
def test_patterns_built_at_run_time_grow_linearly(name: str, pattern: re.Pattern[str]) -> None:
    """The verb patterns the steps detector compiles on demand are as linear as the rest."""
    worst, screened = growth.screen(name, pattern, "search")
    assert screened <= growth.LIMIT, f"x{screened:.1f} from 10 to 100 KiB of {worst}"
    ratio = growth.judged_growth(pattern, worst, 100 * growth.KIB, growth.MIB, use="search")
    assert ratio <= growth.LIMIT, f"x{ratio:.1f} from 100 KiB to 1 MiB of {worst}"


# --- A ticket at the maximum sizes ------------------------------------------------------------

# Ticket prose in both languages, with the cues the detectors look for.
_PROSE = (
    "Bom dia, o site está fora do ar desde ontem e quando acesso o painel dá erro 500. "
    "I tried the admin panel at www.example.com/admin and it should load in two seconds. "
)
# Text that makes detectors and redaction do the most work per character.
MAX_SIZE_ATTACKS = {
    "numbered steps": "1. ",
    "labeled passwords": "senha: a1 ",
    "hosts": "a.b ",
    "brackets": "[",
    "urls": "http://",
    "error codes": "erro 500 ",
    "key headers": "-----BEGIN PRIVATE KEY-----\n",
    "letters": "a",
    "digits": "7",
}
# Linear work with more of it per character than prose (one redaction every ten characters).
MAX_SIZE_RATIO = 10


def _max_document(unit: str) -> dict[str, object]:
    """A ticket document with every text at its maximum length, made of *unit*."""

    def fill(size: int, text: str = unit) -> str:
        return (text * (size // len(text) + 1))[:size]

    return {
        "department": "technical-support",
        "subject": fill(200),
        "message": fill(65_536),
        "error_message": fill(8_192),
        "service": fill(100, "hosting-4711"),
        "location": "www.example.com/admin",
        "credentials": {"username": fill(200), "password": fill(1_024)},
        "requester": {"name": fill(200), "email": "maria@example.com.br"},
        "attachments": [
            {"filename": fill(250, "a") + ".png", "content_type": "image/png", "size": 1000}
        ]
        * 10,
    }


def _validate_and_assess(document: dict[str, object]) -> None:
    # Adversarial text may be invalid (a name with a line break): it is checked all the same.
    with contextlib.suppress(TicketValidationError):
        from_dict(document)
    assess(document)


@pytest.mark.parametrize("unit", MAX_SIZE_ATTACKS.values(), ids=MAX_SIZE_ATTACKS.keys())
def test_a_maximal_ticket_validates_and_assesses_in_bounded_time(unit: str) -> None:
    """A ticket at the maximum sizes costs at most 10x a prose ticket of the same sizes."""
    hostile, benign = _max_document(unit), _max_document(_PROSE)
    _validate_and_assess(benign)  # caches (locations, e-mail) warm, as in a running service
    ratios: list[float] = []
    while len(ratios) < 5 and (not ratios or ratios[-1] > MAX_SIZE_RATIO):
        slow = best_time(functools.partial(_validate_and_assess, hostile), repeat=2)
        fast = best_time(functools.partial(_validate_and_assess, benign), repeat=2)
        ratios.append(slow / fast)
    assert min(ratios) <= MAX_SIZE_RATIO, ratios
