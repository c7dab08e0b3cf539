"""ticketcore, Python's jsonschema and JavaScript's ajv accept and reject exactly the same payloads.

The corpus is in ``_parity_corpus``; ajv runs once per test session, in one Node process, over
every payload (``tests/js/validate.js``, installed by ``npm ci --prefix tests/js``). Without Node
or the modules the ajv test is skipped locally and fails in CI (``CI`` set).
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from _parity_corpus import CASES, RULES, SCHEMA_ONLY, TICKETCORE_ONLY, Case
from ticketcore import TicketValidationError, from_dict, json_schema

JS_DIR = Path(__file__).parent / "js"
ALL_CASES = (*CASES, *(case for case, _ in TICKETCORE_ONLY), *(case for case, _ in SCHEMA_ONLY))


def _key(case: Case) -> tuple[str, str | None, str]:
    return (case.rules, case.department, case.context)


@functools.cache
def _schema(key: tuple[str, str | None, str]) -> dict[str, Any]:
    rules, department, context = key
    return json_schema(RULES[rules], department=department, context=context)  # type: ignore[arg-type]


@functools.cache
def _validator(key: tuple[str, str | None, str]) -> Draft202012Validator:
    return Draft202012Validator(_schema(key))


@functools.cache
def _ticketcore_accepts(payload: str, rules: str, context: str) -> bool:
    try:
        from_dict(json.loads(payload), rules=RULES[rules], context=context)  # type: ignore[arg-type]
    except TicketValidationError:
        return False
    return True


def ticketcore_accepts(case: Case) -> bool:
    """Whether ticketcore reads the payload as a ticket (remembered: many cases share one)."""
    return _ticketcore_accepts(json.dumps(case.payload), case.rules, case.context)


_VERDICTS: dict[str, bool] = {}


def jsonschema_accepts(case: Case) -> bool:
    """Whether Python's jsonschema finds the payload valid (remembered by case)."""
    if case.name not in _VERDICTS:
        _VERDICTS[case.name] = bool(_validator(_key(case)).is_valid(case.payload))
    return _VERDICTS[case.name]


@pytest.fixture(scope="module")
def ajv() -> dict[str, bool]:
    """The verdict of ajv on every case, by case name, from one Node process."""
    node = shutil.which("node")
    if node is None or not (JS_DIR / "node_modules" / "ajv").is_dir():
        reason = "Node.js or tests/js/node_modules missing (run: npm ci --prefix tests/js)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    keys = sorted({_key(case) for case in ALL_CASES}, key=repr)
    index = {key: i for i, key in enumerate(keys)}
    document = {
        "schemas": [_schema(key) for key in keys],
        "cases": [[index[_key(case)], case.payload] for case in ALL_CASES],
    }
    done = subprocess.run(  # noqa: S603 (a fixed script; the input is the test's own corpus)
        [node, str(JS_DIR / "validate.js")],
        input=json.dumps(document),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)["results"]
    assert len(results) == len(ALL_CASES)
    return {case.name: result["valid"] for case, result in zip(ALL_CASES, results, strict=True)}


def test_corpus_is_large_and_covers_every_department() -> None:
    """The corpus has at least 200 payloads, valid and invalid, from every department."""
    names = {case.name for case in ALL_CASES}
    assert len(names) == len(ALL_CASES)
    assert len(CASES) >= 200
    verdicts = Counter(ticketcore_accepts(case) for case in CASES)
    assert verdicts[True] >= 100
    assert verdicts[False] >= 100
    departments = {
        case.payload["department"]
        for case in CASES
        if isinstance(case.payload, dict) and isinstance(case.payload.get("department"), str)
    }
    for rules in RULES.values():
        assert set(rules.department_ids) <= departments


def test_jsonschema_agrees_with_ticketcore() -> None:
    """Python's jsonschema accepts exactly the payloads ticketcore accepts."""
    disagree = [
        (case.name, ticketcore_accepts(case))
        for case in CASES
        if ticketcore_accepts(case) != jsonschema_accepts(case)
    ]
    assert disagree == []


def test_ajv_agrees_with_ticketcore(ajv: dict[str, bool]) -> None:
    """The ajv validator accepts exactly the payloads ticketcore accepts."""
    disagree = [
        (case.name, ticketcore_accepts(case))
        for case in CASES
        if ticketcore_accepts(case) != ajv[case.name]
    ]
    assert disagree == []


def test_ajv_agrees_with_jsonschema_everywhere(ajv: dict[str, bool]) -> None:
    """The two schema validators agree on every payload, the documented gaps included."""
    disagree = [case.name for case in ALL_CASES if jsonschema_accepts(case) != ajv[case.name]]
    assert disagree == []


@pytest.mark.parametrize(("case", "why"), TICKETCORE_ONLY, ids=lambda v: getattr(v, "name", ""))
def test_ticketcore_only(case: Case, why: str) -> None:
    """Rules beyond JSON Schema: the schema accepts these payloads, ticketcore rejects them."""
    assert why
    assert jsonschema_accepts(case)
    assert not ticketcore_accepts(case)


@pytest.mark.parametrize(("case", "why"), SCHEMA_ONLY, ids=lambda v: getattr(v, "name", ""))
def test_schema_only(case: Case, why: str) -> None:
    """Raw values the schema counts before normalization: it rejects what ticketcore accepts."""
    assert why
    assert not jsonschema_accepts(case)
    assert ticketcore_accepts(case)
