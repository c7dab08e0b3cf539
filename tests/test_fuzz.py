"""Hostile input never crashes: the four doors of ticketcore fuzzed with Hypothesis.

``from_json`` (text and bytes) and ``from_dict`` give a `Ticket` or a `TicketValidationError`;
``RuleSet.from_dict`` a `RuleSet` or a `TicketcoreError`; ``assess`` a report for any mapping,
never an exception. Inputs are any JSON-like value, text rich in characters that break parsers,
and valid documents with a few parts mutated. The atheris targets under ``fuzz/`` (run by hand
for longer) are run here too, on Hypothesis bytes, so that they cannot rot.

``pytest tests/test_fuzz.py -s`` prints how many inputs were tried; ``--hypothesis-profile
fuzz`` tries ten times more.
"""

from __future__ import annotations

import collections
import importlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _hostile import hostile_texts
from ticketcore import (
    CONTEXTS,
    DEFAULT_RULES,
    LOCALES,
    RuleSet,
    TicketcoreError,
    TicketValidationError,
    assess,
    from_dict,
    from_json,
    strategies,
)

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"
TARGETS = ("fuzz_from_json", "fuzz_from_dict", "fuzz_rules", "fuzz_assess")


def _load_targets() -> dict[str, ModuleType]:
    sys.path.insert(0, str(FUZZ))  # the targets import their shared module by its bare name
    try:
        return {name: importlib.import_module(name) for name in TARGETS}
    finally:
        sys.path.remove(str(FUZZ))


MODULES = _load_targets()
check_error: Callable[[TicketValidationError], None] = MODULES["fuzz_from_json"].check_error
check_ticket: Callable[[Any], None] = MODULES["fuzz_from_json"].check_ticket
check_report: Callable[[Any], None] = MODULES["fuzz_assess"].check_report
KEYS: tuple[str, ...] = sys.modules["_fuzzdata"].KEYS

TRIED: collections.Counter[str] = collections.Counter()
"""Inputs tried, by entry point."""


@pytest.fixture(autouse=True, scope="module")
def _report_inputs_tried() -> Iterator[None]:
    yield
    total = sum(TRIED.values())
    detail = ", ".join(f"{name} {count}" for name, count in sorted(TRIED.items()))
    print(f"\nfuzz: {total} inputs tried ({detail}); no crash")


# --- Strategies -------------------------------------------------------------------------------

_keys = st.sampled_from(KEYS) | st.text(max_size=8)
_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.sampled_from(KEYS)
    | hostile_texts
    | st.text(max_size=5)
)
json_values = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_keys, children, max_size=5),
    max_leaves=20,
)
"""Any JSON-like value (floats include NaN and infinities, as a Python caller may pass)."""


def _nested(depth: int) -> object:
    value: object = "x"
    for _ in range(depth):
        value = [value]
    return value


python_values = st.recursive(
    _scalars
    | st.sampled_from([5000, -5000, 19]).map(lambda e: 10 ** abs(e) * (1 if e > 0 else -1))
    | st.sampled_from([17, 1000, 5000]).map(_nested),  # past the recursion limit
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_keys, children, max_size=5),
    max_leaves=20,
)
"""What a Python caller may pass where a JSON document is expected: also huge and deep values.

Integers of 5000 digits are more than ``str()`` writes (4300 digits at most); lists nested
5000 deep are past the interpreter's recursion limit.
"""


@st.composite
def _mutated(
    draw: st.DrawFn, documents: st.SearchStrategy[Any], values: st.SearchStrategy[Any]
) -> Any:
    document = json.loads(json.dumps(draw(documents)))  # a deep copy, JSON types only
    for _ in range(draw(st.integers(1, 3))):
        container = document
        while True:  # walk down a random path, stopping at some container
            children = (
                list(container.values())
                if isinstance(container, dict)
                else container
                if isinstance(container, list)
                else []
            )
            nested = [c for c in children if isinstance(c, (dict, list)) and c]
            if not nested or draw(st.booleans()):
                break
            container = draw(st.sampled_from(nested))
        if isinstance(container, dict):
            keys = [*container, *KEYS[:3]]
            key = draw(st.sampled_from(keys) | _keys)
            if draw(st.integers(0, 3)) == 0:
                container.pop(key, None)
            else:
                container[key] = draw(values)
        elif isinstance(container, list):
            container.append(draw(values))
    return document


def mutated(
    documents: st.SearchStrategy[Any], values: st.SearchStrategy[Any] = python_values
) -> st.SearchStrategy[Any]:
    """Valid *documents* with one to three *values* replaced, added or removed at any depth."""
    return _mutated(documents, values)


# --- The atheris targets, without atheris -----------------------------------------------------


@pytest.mark.parametrize("name", TARGETS)
def test_fuzz_target_runs_on_its_seeds(name: str) -> None:
    """Each target's one_input accepts its seeds and a few fixed byte strings."""
    one_input = MODULES[name].one_input
    for data in (*sys.modules["_fuzzdata"].seeds(), b"\x00" * 64, b"\xff" * 64, bytes(range(256))):
        one_input(data)
        TRIED[name] += 1


@pytest.mark.parametrize("name", TARGETS)
@given(data=st.binary(max_size=512))
def test_fuzz_target_never_crashes(name: str, data: bytes) -> None:
    """Each target's one_input finds no bug on Hypothesis bytes."""
    MODULES[name].one_input(data)
    TRIED[name] += 1


def test_fuzz_loop_without_atheris_counts_its_inputs() -> None:
    """The plain loop that replaces atheris runs seeds, mutations and random bytes."""
    calls: list[bytes] = []
    assert sys.modules["_fuzzdata"].run(calls.append, runs=20, seed=1) == 20
    assert len(calls) == 20
    assert len(set(calls)) > 10


# --- from_json and from_dict ------------------------------------------------------------------


def _read(read: Callable[[], object], entry: str) -> None:
    TRIED[entry] += 1
    try:
        ticket = read()
    except TicketValidationError as error:
        check_error(error)
    else:
        check_ticket(ticket)


@given(hostile_texts | json_values.map(json.dumps))
def test_from_json_text_gives_a_ticket_or_our_error(text: str) -> None:
    """Any text, JSON or not, gives a ticket or a TicketValidationError."""
    _read(lambda: from_json(text), "from_json")


@given(
    st.binary()
    | mutated(strategies.ticket_dicts(), json_values).map(lambda d: json.dumps(d).encode())
)
def test_from_json_bytes_gives_a_ticket_or_our_error(data: bytes) -> None:
    """Any bytes, UTF-8 or not, give a ticket or a TicketValidationError."""
    _read(lambda: from_json(data), "from_json")


@given(python_values, st.sampled_from(CONTEXTS), st.booleans())
def test_from_dict_any_value_gives_a_ticket_or_our_error(
    value: object, context: str, ignore_unknown: bool
) -> None:
    """Any JSON-like value gives a ticket or a TicketValidationError."""
    _read(
        lambda: from_dict(value, context=context, ignore_unknown=ignore_unknown),  # type: ignore[arg-type]
        "from_dict",
    )


@given(mutated(strategies.ticket_dicts()))
def test_from_dict_mutated_tickets_give_a_ticket_or_our_error(document: object) -> None:
    """A valid ticket with values replaced at any depth gives a ticket or our error."""
    _read(lambda: from_dict(document), "from_dict")


# --- Rule files -------------------------------------------------------------------------------


def _rules(document: object) -> None:
    TRIED["RuleSet.from_dict"] += 1
    try:
        rules = RuleSet.from_dict(document)
    except TicketValidationError as error:
        check_error(error)
    except TicketcoreError:
        pass
    else:
        assert RuleSet.from_dict(rules.to_dict()) == rules


@given(python_values)
def test_rules_from_any_value_give_rules_or_our_error(value: object) -> None:
    """Any JSON-like value gives a rule set or a TicketcoreError."""
    _rules(value)


@given(mutated(st.just(DEFAULT_RULES.to_dict()) | strategies.rule_sets().map(RuleSet.to_dict)))
def test_mutated_rules_give_rules_or_our_error(document: object) -> None:
    """Valid rules with values replaced at any depth give a rule set or our error."""
    _rules(document)


# --- assess -----------------------------------------------------------------------------------


def _assess(document: dict[str, Any], locale: str, context: str) -> None:
    TRIED["assess"] += 1
    check_report(assess(document, locale=locale, context=context))  # type: ignore[arg-type]


@given(st.dictionaries(_keys, python_values, max_size=8), st.sampled_from(LOCALES))
def test_assess_any_mapping_gives_a_report(document: dict[str, Any], locale: str) -> None:
    """Any mapping, however wrong, gives a report: assess never raises on content."""
    _assess(document, locale, "customer")


@given(
    mutated(strategies.drafts() | strategies.ticket_dicts()),
    st.sampled_from(LOCALES),
    st.sampled_from(CONTEXTS),
)
def test_assess_mutated_drafts_gives_a_report(
    document: dict[str, Any], locale: str, context: str
) -> None:
    """A draft or ticket with values replaced at any depth gives a report."""
    _assess(document, locale, context)


# --- The crashes fuzzing found, kept ----------------------------------------------------------

FOUND = {
    "nested past the recursion limit": _nested(5000),
    "an integer too long for str()": 10**5000,
    "a negative one": -(10**5000),
}


@pytest.mark.parametrize("value", FOUND.values(), ids=FOUND.keys())
@pytest.mark.parametrize(
    "key", ["schema_version", "priority", "department", "attachments", "custom_fields"]
)
def test_values_found_by_fuzzing_give_our_error(key: str, value: object) -> None:
    """Deep and huge values give problems that render, where they once raised other errors."""
    document = {**MODULES["fuzz_from_json"].VALID_TICKETS[0], key: value}
    with pytest.raises(TicketValidationError) as caught:
        from_dict(document)
    check_error(caught.value)
    check_report(assess(document))


@pytest.mark.parametrize("value", FOUND.values(), ids=FOUND.keys())
def test_sizes_and_scores_found_by_fuzzing_give_our_error(value: object) -> None:
    """A huge file size or minimum score is shown by its magnitude in the message."""
    ticket = {
        **MODULES["fuzz_from_json"].VALID_TICKETS[2],
        "attachments": [{"filename": "a.png", "content_type": "image/png", "size": value}],
    }
    rules = {**DEFAULT_RULES.to_dict(), "schema_version": value}
    for read in (lambda: from_dict(ticket), lambda: RuleSet.from_dict(rules)):
        with pytest.raises(TicketValidationError) as caught:
            read()
        check_error(caught.value)
    if isinstance(value, int):
        with pytest.raises(TicketValidationError) as caught:
            from_dict(ticket)
        assert "~1e5000" in str(caught.value)
