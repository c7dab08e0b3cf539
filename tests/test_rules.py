"""Tests for `ticketcore.rules`: rule sets as data, the default rules, priorities and services."""

from __future__ import annotations

import copy
import json
import pickle
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ticketcore import (
    DEFAULT_RULES,
    Department,
    FieldKind,
    Priority,
    RuleSet,
    Service,
    ServiceStatus,
    Ticket,
    TicketValidationError,
    from_dict,
    from_json,
    make_serializer,
)
from ticketcore._convert import parse_json
from ticketcore.strategies import rule_sets

SALES = {"id": "sales", "names": {"en": "Sales"}}


def problems(data: object) -> list[tuple[str, str]]:
    """The (path, code) of every problem `RuleSet.from_dict` finds in *data*."""
    with pytest.raises(TicketValidationError) as info:
        RuleSet.from_dict(data)
    return [(p.location, p.code) for p in info.value.problems]


def rules_with(**department: Any) -> dict[str, Any]:
    """A rule document with one department: sales, with *department*'s keys changed."""
    return {"departments": [{**SALES, **department}]}


def field(**changes: Any) -> dict[str, Any]:
    """A custom field of the rule format: an order number, with *changes*."""
    return {"id": "order", "kind": "text", "labels": {"en": "Order"}, **changes}


# --- The default rules ------------------------------------------------------------------------


def test_default_rules_are_read_from_the_packaged_file() -> None:
    """`DEFAULT_RULES` is the rule file shipped in the package, read like any other."""
    data = resources.files("ticketcore").joinpath("data", "default_rules.json").read_bytes()
    assert RuleSet.from_dict(parse_json(data)) == DEFAULT_RULES


def test_default_rules_mirror_the_hosting_support_form() -> None:
    """Technical support, billing and sales, named in English and Portuguese."""
    assert DEFAULT_RULES.department_ids == ("technical-support", "billing", "sales")
    names = {d.id: (d.name("en"), d.name("pt-BR")) for d in DEFAULT_RULES.departments}
    assert names == {
        "technical-support": ("Technical support", "Suporte técnico"),
        "billing": ("Billing", "Financeiro"),
        "sales": ("Sales", "Comercial"),
    }
    assert DEFAULT_RULES.priorities == (
        Priority.LOW,
        Priority.MEDIUM,
        Priority.HIGH,
        Priority.URGENT,
    )


def test_default_technical_support_requirements_and_scoring() -> None:
    """Support needs the service and the location (not on import) and weighs errors more."""
    support = DEFAULT_RULES.department("technical-support")
    assert support is not None
    assert support.required_fields("customer") == {"service", "location"}
    assert support.required_fields("agent") == {"service", "location"}
    assert support.required_fields("import") == frozenset()
    assert support.weight("error_message_missing") == 30
    assert support.weight("steps_missing") == 25
    assert support.min_score == 40


def test_default_billing_and_sales() -> None:
    """Billing has an optional invoice number; neither billing nor sales requires a service."""
    billing = DEFAULT_RULES.department("billing")
    sales = DEFAULT_RULES.department("sales")
    assert billing is not None
    assert sales is not None
    invoice = billing.custom_field("invoice")
    assert invoice is not None
    assert invoice.kind is FieldKind.TEXT
    assert invoice.required == frozenset()
    assert invoice.label("pt-BR") == "Número da fatura"
    for context in ("customer", "agent", "import"):
        assert billing.required_fields(context) == frozenset()
        assert sales.required_fields(context) == frozenset()
        assert sales.custom_fields == ()


def test_default_billing_invoice_has_its_own_message() -> None:
    """A too-long invoice number is explained in the rule file's own words."""
    doc = {
        "department": "billing",
        "subject": "Cobrança duplicada",
        "message": "Fui cobrado duas vezes.",
        "custom_fields": {"invoice": "F" * 41},
    }
    with pytest.raises(TicketValidationError) as info:
        from_dict(doc)
    assert info.value.messages("pt-BR") == (
        (
            "Digite o número da fatura como aparece nela, com até 40 caracteres."
            " @ $.custom_fields.invoice"
        ),
    )


# --- The format -------------------------------------------------------------------------------


def test_minimal_document_takes_every_default() -> None:
    """Only the departments are required; everything else has its default."""
    rules = RuleSet.from_dict({"departments": [SALES]})
    assert rules == RuleSet(departments=[Department(id="sales", names={"en": "Sales"})])


def test_to_dict_writes_every_key_in_canonical_form() -> None:
    """Requirements and required contexts are written as arrays of contexts, sets sorted."""
    rules = RuleSet.from_dict(
        {
            "schema_version": 1,
            "departments": [
                {
                    **SALES,
                    "requires": ["requester"],
                    "custom_fields": [field(required=True, pattern="PED-[0-9]{4}")],
                    "weights": {"subject_vague": 0},
                    "min_score": 20,
                }
            ],
            "priorities": ["urgent", "low"],
            "limits": {"max_attachments": 2, "allowed_extensions": ["png", "jpg"]},
        }
    )
    written = rules.to_dict()
    assert written["schema_version"] == 1
    assert written["priorities"] == ["low", "urgent"]
    assert written["departments"] == [
        {
            "id": "sales",
            "names": {"en": "Sales"},
            "requires": {"requester": ["customer", "agent", "import"]},
            "custom_fields": [
                {
                    "id": "order",
                    "kind": "text",
                    "labels": {"en": "Order"},
                    "required": ["customer", "agent", "import"],
                    "min_length": None,
                    "max_length": None,
                    "minimum": None,
                    "maximum": None,
                    "options": [],
                    "pattern": "PED-[0-9]{4}",
                    "error_messages": {},
                }
            ],
            "weights": {"subject_vague": 0},
            "min_score": 20,
        }
    ]
    assert written["limits"]["max_attachments"] == 2
    assert written["limits"]["allowed_extensions"] == ["jpg", "png"]
    assert written["limits"]["subject_min_length"] == 3
    assert json.loads(json.dumps(written)) == written


def test_lenient_forms_are_read() -> None:
    """``true``/``false`` and a list of field names mean what the constructors make of them."""
    rules = RuleSet.from_dict(
        rules_with(
            requires={"service": True, "location": False, "requester": ["agent"]},
            custom_fields=[field(required=False), field(id="plan", required=["import"])],
        )
    )
    sales = rules.departments[0]
    assert sales.required_fields("customer") == {"service"}
    assert sales.required_fields("agent") == {"service", "requester"}
    assert [f.required for f in sales.custom_fields] == [frozenset(), frozenset({"import"})]


@given(rule_sets())
def test_round_trip(rules: RuleSet) -> None:
    """Any rule set survives `to_dict` and `from_dict`, also through JSON text."""
    written = rules.to_dict()
    assert RuleSet.from_dict(written) == rules
    assert RuleSet.from_dict(parse_json(json.dumps(written))) == rules
    assert RuleSet.from_dict(written).to_dict() == written


# --- Broken rule files ------------------------------------------------------------------------

CONTEXTS_CHOICE = "invalid_choice"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(None, [("$", "wrong_type")], id="null"),
        pytest.param([SALES], [("$", "wrong_type")], id="array"),
        pytest.param({}, [("$.departments", "required")], id="no departments"),
        pytest.param({"departments": []}, [("$.departments", "required")], id="empty"),
        pytest.param({"departments": {}}, [("$.departments", "wrong_type")], id="object"),
        pytest.param({"departments": [7]}, [("$.departments[0]", "wrong_type")], id="number"),
        pytest.param(
            {"departments": [SALES], "schema_version": 2},
            [("$.schema_version", "unsupported_version")],
            id="version",
        ),
        pytest.param(
            {"departments": [SALES], "schema_version": True},
            [("$.schema_version", "unsupported_version")],
            id="version bool",
        ),
        pytest.param(
            {"departments": [SALES], "colour": "red", "extra": 1},
            [("$.colour", "unknown_field"), ("$.extra", "unknown_field")],
            id="unknown keys",
        ),
        pytest.param(
            {"departments": [SALES, {"id": "sales", "names": {"en": "Vendas"}}]},
            [("$.departments[1].id", "duplicate")],
            id="duplicate department",
        ),
        pytest.param(
            rules_with(id="Sales!", names={"pt-BR": "Vendas"}),
            [
                ("$.departments[0].id", "invalid_identifier"),
                ("$.departments[0].names", "missing_translation"),
            ],
            id="department values",
        ),
        pytest.param(
            rules_with(names={"en": 3}, min_score="50", weights={"steps_missing": 1.5}),
            [
                ("$.departments[0].names.en", "wrong_type"),
                ("$.departments[0].weights.steps_missing", "wrong_type"),
                ("$.departments[0].min_score", "wrong_type"),
            ],
            id="department types",
        ),
        pytest.param(
            rules_with(weights={"steps_missing": 101, "luck": 5}, min_score=-1),
            [
                ("$.departments[0].weights.steps_missing", "too_large"),
                ("$.departments[0].weights", "invalid_choice"),
                ("$.departments[0].min_score", "too_small"),
            ],
            id="scoring",
        ),
        pytest.param(
            rules_with(requires={"service": ["robot"], "phone": True}),
            [
                ("$.departments[0].requires", "invalid_choice"),
                ("$.departments[0].requires.service", "invalid_choice"),
            ],
            id="requires values",
        ),
        pytest.param(
            rules_with(requires={"service": "customer", "location": [1]}),
            [
                ("$.departments[0].requires.service", "wrong_type"),
                ("$.departments[0].requires.location[0]", "wrong_type"),
            ],
            id="requires types",
        ),
        pytest.param(
            rules_with(requires="service"),
            [("$.departments[0].requires", "wrong_type")],
            id="requires text",
        ),
        pytest.param(
            rules_with(custom_fields=[field(pattern="(a+)+$")]),
            [("$.departments[0].custom_fields[0].pattern", "unsafe_pattern")],
            id="unsafe pattern",
        ),
        pytest.param(
            rules_with(custom_fields=[field(pattern="[unclosed")]),
            [("$.departments[0].custom_fields[0].pattern", "unsafe_pattern")],
            id="pattern syntax",
        ),
        pytest.param(
            rules_with(custom_fields=[field(kind="colour", labels={})]),
            [
                ("$.departments[0].custom_fields[0].kind", "invalid_choice"),
                ("$.departments[0].custom_fields[0].labels", "missing_translation"),
            ],
            id="field kind and labels",
        ),
        pytest.param(
            rules_with(custom_fields=[field(kind="choice")]),
            [("$.departments[0].custom_fields[0].options", "required")],
            id="choice without options",
        ),
        pytest.param(
            rules_with(custom_fields=[field(min_length=5, max_length=2, minimum=10, maximum=1)]),
            [
                ("$.departments[0].custom_fields[0].max_length", "invalid_range"),
                ("$.departments[0].custom_fields[0].maximum", "invalid_range"),
            ],
            id="inverted bounds",
        ),
        pytest.param(
            rules_with(custom_fields=[field(minimum=float("inf"), maximum=float("nan"))]),
            [
                ("$.departments[0].custom_fields[0].minimum", "wrong_type"),
                ("$.departments[0].custom_fields[0].maximum", "wrong_type"),
            ],
            id="non-finite bounds",
        ),
        pytest.param(
            rules_with(custom_fields=[field(min_length="3", minimum=True, options="a", size=1)]),
            [
                ("$.departments[0].custom_fields[0].min_length", "wrong_type"),
                ("$.departments[0].custom_fields[0].minimum", "wrong_type"),
                ("$.departments[0].custom_fields[0].options", "wrong_type"),
                ("$.departments[0].custom_fields[0].size", "unknown_field"),
            ],
            id="field types",
        ),
        pytest.param(
            rules_with(custom_fields=[field(required=["customer", "robot"], error_messages=[])]),
            [
                ("$.departments[0].custom_fields[0].error_messages", "wrong_type"),
                ("$.departments[0].custom_fields[0].required", "invalid_choice"),
            ],
            id="field contexts and messages",
        ),
        pytest.param(
            rules_with(custom_fields=[field(), field(labels={"en": "Again"})]),
            [("$.departments[0].custom_fields[1].id", "duplicate")],
            id="duplicate field",
        ),
        pytest.param(
            rules_with(custom_fields=[{"kind": "text"}]),
            [
                ("$.departments[0].custom_fields[0].id", "required"),
                ("$.departments[0].custom_fields[0].labels", "required"),
            ],
            id="field missing keys",
        ),
        pytest.param(
            {"departments": [SALES], "priorities": ["low", "asap", "low", 4]},
            [
                ("$.priorities[3]", "wrong_type"),
            ],
            id="priority types",
        ),
        pytest.param(
            {"departments": [SALES], "priorities": ["low", "asap", "low"]},
            [("$.priorities[1]", "invalid_choice"), ("$.priorities[2]", "duplicate")],
            id="priority values",
        ),
        pytest.param(
            {"departments": [SALES], "priorities": []},
            [("$.priorities", "required")],
            id="no priorities",
        ),
        pytest.param(
            {"departments": [SALES], "limits": {"max_attachments": -1, "pages": 2}},
            [("$.limits.pages", "unknown_field"), ("$.limits.max_attachments", "too_small")],
            id="limits",
        ),
        pytest.param(
            {
                "departments": [SALES],
                "limits": {"allowed_extensions": "png", "text_max_length": 1.5},
            },
            [
                ("$.limits.text_max_length", "wrong_type"),
                ("$.limits.allowed_extensions", "wrong_type"),
            ],
            id="limits types",
        ),
        pytest.param(
            {"departments": [SALES], "limits": {"subject_min_length": 9, "subject_max_length": 4}},
            [("$.limits.subject_max_length", "invalid_range")],
            id="limits range",
        ),
    ],
)
def test_broken_rule_files(data: object, expected: list[tuple[str, str]]) -> None:
    """Each broken rule document reports every problem, each at its path into the document."""
    assert sorted(problems(data)) == sorted(expected)


def test_every_problem_of_a_document_at_once() -> None:
    """Problems in several departments, fields, priorities and limits come in one error."""
    data = {
        "departments": [
            SALES,
            {
                "id": "support",
                "names": {"en": "Support"},
                "colour": "blue",
                "custom_fields": [
                    field(),
                    field(id="port", kind="number", pattern=7, minimum=9, maximum=1),
                    field(id="x", kind="choice"),
                ],
            },
            {"id": "sales", "names": {}},
        ],
        "priorities": ["high", "asap"],
        "limits": {"max_attachments": "ten"},
    }
    assert problems(data) == [
        ("$.departments[1].colour", "unknown_field"),
        ("$.departments[1].custom_fields[1].pattern", "wrong_type"),
        ("$.departments[1].custom_fields[1].maximum", "invalid_range"),
        ("$.departments[1].custom_fields[2].options", "required"),
        ("$.departments[2].names", "missing_translation"),
        ("$.priorities[1]", "invalid_choice"),
        ("$.limits.max_attachments", "wrong_type"),
    ]


def test_broken_rule_file_messages() -> None:
    """The messages name the rule, in both locales."""
    data = rules_with(custom_fields=[field(pattern="(ab|cd)*x")], min_score=101)
    with pytest.raises(TicketValidationError) as info:
        RuleSet.from_dict(data)
    assert info.value.messages() == (
        (
            "The pattern is a regular expression that could take too long to match"
            " (backtracking): avoid nested repetition, alternation inside repetition,"
            " backreferences and lookarounds. @ $.departments[0].custom_fields[0].pattern"
        ),
        "The minimum score must be at most 100 (got 101). @ $.departments[0].min_score",
    )
    assert info.value.messages("pt-BR")[1].endswith("@ $.departments[0].min_score")
    assert pickle.loads(pickle.dumps(info.value)).problems  # noqa: S301 (our own bytes) == info.value.problems


def test_rule_problem_paths_keep_file_positions_after_broken_items() -> None:
    """A duplicate after a broken item is reported at its own index in the file."""
    data = rules_with(custom_fields=[field(id="A B"), field(id="plan"), field(id="plan")])
    assert problems(data) == [
        ("$.departments[0].custom_fields[0].id", "invalid_identifier"),
        ("$.departments[0].custom_fields[2].id", "duplicate"),
    ]


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)  # fmt: skip
_KEYS = st.sampled_from(
    ["departments", "priorities", "limits", "id", "names", "requires", "custom_fields", "kind",
     "labels", "required", "pattern", "options", "minimum", "weights", "min_score", "en"]
)  # fmt: skip


@st.composite
def _mutated(draw: st.DrawFn) -> object:
    """A valid rule document with one value somewhere replaced or added."""
    doc: Any = copy.deepcopy(DEFAULT_RULES.to_dict())
    doc["departments"][1]["custom_fields"].append(
        {"id": "plan", "kind": "choice", "labels": {"en": "Plan"}, "options": ["a", "b"]}
    )
    node = doc
    for _ in range(draw(st.integers(0, 5))):
        children = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
        containers = [(k, v) for k, v in children if isinstance(v, (dict, list)) and v]
        if not containers:
            break
        _, node = draw(st.sampled_from(containers))
    value = draw(_JSON)
    if isinstance(node, list):
        node[draw(st.integers(0, len(node) - 1))] = value
    else:
        node[draw(_KEYS | st.sampled_from(sorted(node)))] = value
    return doc


def read(data: object) -> RuleSet | TicketValidationError:
    """The rule set read from *data*, or the error that lists its problems."""
    try:
        return RuleSet.from_dict(data)
    except TicketValidationError as error:
        return error


@given(_JSON | _mutated())
def test_any_json_value_gives_a_rule_set_or_our_error(data: object) -> None:
    """No JSON value makes `RuleSet.from_dict` raise anything but `TicketValidationError`."""
    outcome = read(data)
    if isinstance(outcome, RuleSet):
        assert RuleSet.from_dict(outcome.to_dict()) == outcome
    else:
        for line in (*outcome.messages("en"), *outcome.messages("pt-BR")):
            assert "\n" not in line


# --- Files ------------------------------------------------------------------------------------

TOML = """\
priorities = ["medium", "high", "urgent"]

[[departments]]
id = "technical-support"
names = { en = "Technical support", pt-BR = "Suporte técnico" }
requires = { service = ["customer", "agent"], location = true }
weights = { error_message_missing = 30 }
min_score = 40

[[departments.custom_fields]]
id = "panel"
kind = "url"
labels = { en = "Panel address", pt-BR = "Endereço do painel" }
required = ["customer"]

[[departments]]
id = "sales"
names = { en = "Sales", pt-BR = "Comercial" }

[limits]
max_attachments = 3
allowed_extensions = ["png", "pdf"]
"""


def test_load_json_and_toml_files(tmp_path: Path) -> None:
    """The same rules read from TOML and from JSON (of `to_dict`) are equal."""
    toml_file = tmp_path / "rules.toml"
    toml_file.write_text(TOML, encoding="utf-8")
    rules = RuleSet.load(toml_file)
    assert rules.department_ids == ("technical-support", "sales")
    assert rules.priorities == (Priority.MEDIUM, Priority.HIGH, Priority.URGENT)
    assert rules.limits.allowed_extensions == {"png", "pdf"}
    support = rules.departments[0]
    assert support.required_fields("import") == {"location"}
    assert support.custom_fields[0].kind is FieldKind.URL
    json_file = tmp_path / "rules.JSON"
    json_file.write_text(json.dumps(rules.to_dict(), ensure_ascii=False), encoding="utf-8")
    assert RuleSet.load(str(json_file)) == rules


def load_problems(path: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """The (path, code, params) of every problem `RuleSet.load` finds in the file at *path*."""
    with pytest.raises(TicketValidationError) as info:
        RuleSet.load(path)
    return [(p.location, p.code, dict(p.params)) for p in info.value.problems]


FORMATS = (".json", ".toml")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("rules.json", b'{"departments": [', ("invalid_json", {"line": 1, "column": 18})),
        (
            "rules.json",
            b'{"departments": [], "departments": []}',
            ("duplicate_key", {"value": "departments"}),
        ),
        ("rules.json", b"\xef\xbb\xbf{}", ("invalid_json", {"line": 1, "column": 1})),
        ("rules.json", b'{"a": "\xff"}', ("invalid_encoding", {"position": 7})),
        (
            "rules.toml",
            b"departments = [\n  {id = }\n]",
            ("invalid_toml", {"line": 2, "column": 9}),
        ),
        ("rules.toml", b'id = "\xc3"', ("invalid_encoding", {"position": 6})),
        ("rules.toml", b"x = 1\nx = 2", ("invalid_toml", {"line": 2, "column": 6})),
        (
            "rules.yaml",
            b"departments: []",
            ("unsupported_format", {"value": "rules.yaml", "allowed": FORMATS}),
        ),
        ("rules", b"{}", ("unsupported_format", {"value": "rules", "allowed": FORMATS})),
    ],
)
def test_broken_files(
    tmp_path: Path, name: str, content: bytes, expected: tuple[str, dict[str, Any]]
) -> None:
    """A file that is not UTF-8 JSON or TOML, or has another suffix, gets one problem at $."""
    path = tmp_path / name
    path.write_bytes(content)
    assert load_problems(path) == [("$", *expected)]


def test_broken_rules_in_a_file(tmp_path: Path) -> None:
    """The problems of the rules in a file have paths into the file."""
    path = tmp_path / "rules.toml"
    path.write_text("[[departments]]\nid = 'sales'", encoding="utf-8")
    assert load_problems(path) == [("$.departments[0].names", "required", {})]


def test_broken_file_messages(tmp_path: Path) -> None:
    """The TOML and format messages, in both locales."""
    path = tmp_path / "rules.toml"
    path.write_bytes(b"departments = [")
    with pytest.raises(TicketValidationError) as info:
        RuleSet.load(path)
    assert info.value.messages() == ("The document is not valid TOML (line 1, column 16). @ $",)
    assert info.value.messages("pt-BR") == (
        "O documento não é um TOML válido (linha 1, coluna 16). @ $",
    )
    with pytest.raises(TicketValidationError) as info:
        RuleSet.load(tmp_path / "rules.yml")
    assert info.value.messages() == (
        (
            "The file rules.yml must be JSON or TOML, named with one of the suffixes:"
            " .json, .toml. @ $"
        ),
    )


def test_missing_file_is_an_os_error(tmp_path: Path) -> None:
    """A file that cannot be read is the caller's problem, not the rules'."""
    with pytest.raises(FileNotFoundError):
        RuleSet.load(tmp_path / "absent.json")


def test_toml_values_json_cannot_hold_are_refused(tmp_path: Path) -> None:
    """TOML dates and infinities are not values of the format."""
    path = tmp_path / "rules.toml"
    path.write_text(
        'since = 2024-01-01\n[[departments]]\nid = "s"\nnames = {en = "S"}\n'
        '[[departments.custom_fields]]\nid = "n"\nkind = "number"\nlabels = {en = "N"}\n'
        "maximum = inf\n",
        encoding="utf-8",
    )
    assert [(p, c) for p, c, _ in load_problems(path)] == [
        ("$.since", "unknown_field"),
        ("$.departments[0].custom_fields[0].maximum", "wrong_type"),
    ]


# --- Priorities offered -----------------------------------------------------------------------

HIGH_ONLY = RuleSet(
    departments=DEFAULT_RULES.departments, priorities=[Priority.URGENT, Priority.HIGH]
)
SALES_DOC = {
    "department": "sales",
    "subject": "Plano com SSH?",
    "message": "Qual plano tem SSH?",
}


def test_priorities_are_kept_in_order() -> None:
    """The priorities offered are ordered from low to urgent, whatever the order given."""
    assert HIGH_ONLY.priorities == (Priority.HIGH, Priority.URGENT)


@pytest.mark.parametrize(
    ("priorities", "expected"),
    [
        ([], [("$.priorities", "required")]),
        ([Priority.LOW, Priority.LOW], [("$.priorities[1]", "duplicate")]),
        (["low"], [("$.priorities[0]", "wrong_type")]),
        ("low", [("$.priorities", "wrong_type")]),
    ],
)
def test_priorities_are_checked(priorities: object, expected: list[tuple[str, str]]) -> None:
    """A rule set offers at least one priority, each a `Priority`, each once."""
    with pytest.raises(TicketValidationError) as info:
        RuleSet(departments=DEFAULT_RULES.departments, priorities=priorities)  # type: ignore[arg-type]
    assert [(p.location, p.code) for p in info.value.problems] == expected


@pytest.mark.parametrize("priority", ["low", "Média", 2, "baixa"])
def test_a_priority_not_offered_is_refused(priority: object) -> None:
    """A ticket's priority must be one the rules offer; the message lists those."""
    with pytest.raises(TicketValidationError) as info:
        from_dict({**SALES_DOC, "priority": priority}, rules=HIGH_ONLY)
    (problem,) = info.value.problems
    assert (problem.location, problem.code) == ("$.priority", "invalid_choice")
    assert problem.params["choices"] == ("high", "urgent")


def test_an_unknown_priority_lists_the_priorities_offered() -> None:
    """An unknown name is refused with the offered priorities as the choices."""
    with pytest.raises(TicketValidationError) as info:
        from_dict({**SALES_DOC, "priority": "asap"}, rules=HIGH_ONLY)
    assert info.value.messages() == (
        "The priority must be one of: high, urgent (got asap). @ $.priority",
    )


def test_default_priority() -> None:
    """A ticket without a priority gets medium, or the lowest offered without medium."""
    assert from_dict(SALES_DOC).priority is Priority.MEDIUM
    assert from_dict(SALES_DOC, rules=HIGH_ONLY).priority is Priority.HIGH
    urgent = from_dict({**SALES_DOC, "priority": "urgente"}, rules=HIGH_ONLY)
    assert urgent.priority is Priority.URGENT


def test_ticket_checks_the_priorities_offered() -> None:
    """`Ticket` itself refuses a priority that is not offered."""
    sales = DEFAULT_RULES.department("sales")
    with pytest.raises(TicketValidationError) as info:
        Ticket(
            department=sales,  # type: ignore[arg-type]
            subject="Plano com SSH?",
            message="Qual plano tem SSH?",
            priority=Priority.LOW,
            priorities=(Priority.HIGH,),
        )
    assert [(p.location, p.code) for p in info.value.problems] == [("$.priority", "invalid_choice")]


# --- Services ---------------------------------------------------------------------------------

SUPPORT_DOC = {
    "department": "technical-support",
    "subject": "Site fora do ar",
    "message": "O site não abre desde as 10:00.",
    "service": "hosting-4711",
    "location": "www.example.com.br",
}
HOSTING = Service(id="hosting-4711", name="Hospedagem Plus")
SUSPENDED = Service(id="hosting-4711", name="Hospedagem Plus", status=ServiceStatus.SUSPENDED)
VPS = Service(id="vps-12", name="VPS 2 GB")


def service_problems(doc: dict[str, Any], services: list[Service]) -> list[tuple[str, str]]:
    """The (path, code) of the problems `from_dict` finds with *services*."""
    with pytest.raises(TicketValidationError) as info:
        from_dict(doc, services=services)
    return [(p.location, p.code) for p in info.value.problems]


def test_service_among_the_requesters_is_accepted() -> None:
    """A ticket about one of the requester's active services is valid."""
    assert from_dict(SUPPORT_DOC, services=[VPS, HOSTING]).service == "hosting-4711"
    padded = from_dict({**SUPPORT_DOC, "service": " hosting-4711 "}, services=[HOSTING])
    assert padded.service == "hosting-4711"


def test_without_services_nothing_is_checked() -> None:
    """Without ``services``, any service reference is accepted as before."""
    assert from_dict(SUPPORT_DOC).service == "hosting-4711"


def test_unknown_service() -> None:
    """A service the requester does not have is refused, in both locales."""
    with pytest.raises(TicketValidationError) as info:
        from_dict(SUPPORT_DOC, services=[VPS])
    (problem,) = info.value.problems
    assert problem.code == "unknown_service"
    assert problem.params["choices"] == ("vps-12",)
    assert info.value.messages() == (
        "The related service hosting-4711 is not one of the requester's services. @ $.service",
    )
    assert info.value.messages("pt-BR") == (
        (
            "O campo serviço relacionado hosting-4711 não é um dos serviços do solicitante."
            " @ $.service"
        ),
    )
    assert service_problems(SUPPORT_DOC, []) == [("$.service", "unknown_service")]


def test_inactive_service() -> None:
    """A suspended or cancelled service is refused, with its status."""
    with pytest.raises(TicketValidationError) as info:
        from_json(json.dumps(SUPPORT_DOC), services=(SUSPENDED,))
    (problem,) = info.value.problems
    assert (problem.code, problem.params["status"]) == ("inactive_service", "suspended")
    assert info.value.messages() == (
        (
            "The related service hosting-4711 is not active (status: suspended);"
            " choose an active service. @ $.service"
        ),
    )
    assert "(situação: suspenso)" in info.value.messages("pt-BR")[0]


def test_service_problems_come_with_the_others() -> None:
    """The service check is reported with every other problem, and not over its own."""
    doc = {**SUPPORT_DOC, "subject": "x"}
    assert service_problems(doc, [VPS]) == [
        ("$.subject", "too_short"),
        ("$.service", "unknown_service"),
    ]
    assert service_problems({**SUPPORT_DOC, "service": "a\x00b"}, [VPS]) == [
        ("$.service", "control_character")
    ]
    assert service_problems({**SUPPORT_DOC, "service": 5}, [VPS]) == [("$.service", "wrong_type")]


def test_a_serializer_with_services() -> None:
    """`make_serializer(services=...)` and `with_services` check, sharing one converter."""
    serializer = make_serializer(services=[HOSTING])
    assert serializer.from_dict(SUPPORT_DOC).service == "hosting-4711"
    suspended = serializer.with_services([SUSPENDED])
    with pytest.raises(TicketValidationError):
        suspended.from_dict(SUPPORT_DOC)
    assert suspended.with_services(None).from_dict(SUPPORT_DOC).service == "hosting-4711"
    with pytest.raises(TypeError, match="Service objects"):
        serializer.with_services(["hosting-4711"])  # type: ignore[list-item]
