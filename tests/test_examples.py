"""Every example under ``examples/`` runs and does what its guide in ``docs/`` says.

The web framework and Dask examples need the ``examples`` extra. Outside CI a missing framework
skips its tests; in CI (the ``CI`` environment variable is set) the extra is installed, so a
missing framework fails them instead of hiding them.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from html import escape
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import ticketcore

EXAMPLES = Path(__file__).parent.parent / "examples"
TICKET = (EXAMPLES / "ticket.json").read_bytes()
INVALID_TICKET = (EXAMPLES / "invalid-ticket.json").read_bytes()
DRAFT: dict[str, Any] = {
    "department": "technical-support",
    "subject": "Site offline",
    "message": "The site is down since 10:00, it shows an error.",
}

# (Accept-Language header, the locale the examples answer in)
LOCALES = [
    (None, "en"),
    ("pt-BR", "pt-BR"),
    ("pt-br", "pt-BR"),
    ("pt", "pt-BR"),
    ("pt-BR,pt;q=0.9,en;q=0.8", "pt-BR"),
    ("en-US,en;q=0.9,pt;q=0.5", "en"),
    ("pt;q=0.2, en;q=0.8", "en"),
    ("fr-CA", "en"),
]


def require(module: str) -> ModuleType:
    """Import *module*; skip the test when it is missing, unless in CI, where it must exist."""
    if os.environ.get("CI"):
        return importlib.import_module(module)
    skipped: ModuleType = pytest.importorskip(module)
    return skipped


def load(relative: str) -> ModuleType:
    """Import the example at *relative* (to ``examples/``) under a name of its own."""
    path = EXAMPLES / relative
    name = "example_" + relative.removesuffix(".py").replace("/", "_").replace("-", "_")
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # Django finds its URLconf by module name
    spec.loader.exec_module(module)
    return module


# --- FastAPI and Flask: the same two endpoints -------------------------------------------------

Post = Callable[[str, bytes, "str | None"], tuple[int, Any]]


def fastapi_post() -> Post:
    """POST through FastAPI's test client."""
    require("fastapi")
    testclient = require("fastapi.testclient")
    client = testclient.TestClient(load("fastapi_endpoint/main.py").app)

    def post(url: str, body: bytes, accept_language: str | None) -> tuple[int, Any]:
        headers = {"Content-Type": "application/json"}
        if accept_language is not None:
            headers["Accept-Language"] = accept_language
        response = client.post(url, content=body, headers=headers)
        return response.status_code, response.json()

    return post


def flask_post() -> Post:
    """POST through Flask's test client."""
    require("flask")
    client = load("flask_route/app.py").app.test_client()

    def post(url: str, body: bytes, accept_language: str | None) -> tuple[int, Any]:
        headers = {"Content-Type": "application/json"}
        if accept_language is not None:
            headers["Accept-Language"] = accept_language
        response = client.post(url, data=body, headers=headers)
        return response.status_code, response.get_json()

    return post


@pytest.fixture(params=[fastapi_post, flask_post], ids=["fastapi", "flask"])
def post(request: pytest.FixtureRequest) -> Post:
    """POST a body to the FastAPI or the Flask example; get the status and the JSON answer."""
    make: Callable[[], Post] = request.param
    return make()


def test_a_valid_ticket_is_created(post: Post) -> None:
    """A valid ticket gets 201 and comes back in wire format, without its password."""
    status, body = post("/tickets", TICKET, None)
    assert status == 201
    assert body == ticketcore.to_dict(ticketcore.from_json(TICKET))
    assert list(body) == list(ticketcore.to_dict(ticketcore.from_json(TICKET)))  # wire order
    assert "password" not in body["credentials"]
    assert "Teste@123" not in json.dumps(body)


@pytest.mark.parametrize(("accept_language", "locale"), LOCALES)
def test_an_invalid_ticket_gets_422_with_every_problem(
    post: Post, accept_language: str | None, locale: str
) -> None:
    """An invalid ticket gets 422 and every problem, in the Accept-Language locale."""
    with pytest.raises(ticketcore.TicketValidationError) as expected:
        ticketcore.from_json(INVALID_TICKET)
    status, body = post("/tickets", INVALID_TICKET, accept_language)
    assert status == 422
    assert body == {"detail": expected.value.as_list(locale)}
    assert [problem["path"] for problem in body["detail"]] == [
        "$.attachments[0].size",
        "$.color",
        "$.priority",
        "$.location",
        "$.requester.email",
        "$.subject",
        "$.service",
    ]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b'{"subject": "a", "subject": "b"}', "duplicate_key"),
        (b'{"size": NaN}', "invalid_json_constant"),
        (b"[]", "wrong_type"),
        (b"not json", "invalid_json"),
        (b"\xff", "invalid_encoding"),
    ],
)
def test_a_hostile_body_gets_422_with_one_problem(post: Post, body: bytes, code: str) -> None:
    """What is not a JSON object at all is one ticketcore problem at the root."""
    status, answer = post("/tickets", body, "pt-BR")
    assert status == 422
    assert [(p["path"], p["code"]) for p in answer["detail"]] == [("$", code)]


@pytest.mark.parametrize(("accept_language", "locale"), LOCALES)
def test_a_draft_is_assessed(post: Post, accept_language: str | None, locale: str) -> None:
    """A draft gets its completeness report, with messages and hints in the client's locale."""
    status, body = post("/drafts/assess", json.dumps(DRAFT).encode(), accept_language)
    assert status == 200
    assert body == ticketcore.assess(DRAFT, locale=locale).as_dict()
    assert body["locale"] == locale


def test_an_invalid_draft_is_assessed_too(post: Post) -> None:
    """A draft that does not validate yet is still scored, and its secrets are not echoed."""
    draft = json.loads(INVALID_TICKET)
    draft["message"] = "Minha senha do painel é Teste@123, não consigo entrar."
    status, body = post("/drafts/assess", json.dumps(draft).encode(), "pt-BR")
    assert status == 200
    assert body == ticketcore.assess(draft, locale="pt-BR").as_dict()
    assert "Teste@123" not in json.dumps(body)


def test_a_draft_must_be_an_object(post: Post) -> None:
    """A draft that is not a JSON object is refused with 422."""
    status, _ = post("/drafts/assess", b"[1, 2]", None)
    assert status == 422


@pytest.mark.parametrize(("accept_language", "locale"), LOCALES)
def test_fastapi_negotiates_the_locale(accept_language: str | None, locale: str) -> None:
    """The FastAPI example's Accept-Language parser picks the catalog the client prefers."""
    require("fastapi")
    assert load("fastapi_endpoint/main.py").negotiate_locale(accept_language) == locale


# --- Django ------------------------------------------------------------------------------------


@pytest.fixture
def django_example() -> ModuleType:
    """The Django example, with its settings configured in code."""
    require("django")
    return load("django_view/tickets.py")


FORM = {
    "department": "technical-support",
    "subject": "x",
    "message": "",
    "location": "www.meusite.com.br:99999",
    "requester_name": "Maria",
    "requester_email": "maria@",
}


def test_django_form_puts_each_problem_under_its_field(django_example: ModuleType) -> None:
    """Each ticketcore problem shows under the form field its path points at."""
    form = django_example.TicketForm(FORM, locale="pt-BR")
    assert not form.is_valid()
    with pytest.raises(ticketcore.TicketValidationError) as expected:
        ticketcore.from_dict(form.draft)
    problems = {
        django_example.FORM_FIELD.get(p.path[:2], p.path[0]): [p.message("pt-BR")]
        for p in expected.value.problems
    }
    assert sorted(problems) == ["location", "message", "requester_email", "service", "subject"]
    errors = form.errors.get_json_data()
    assert {field: [e["message"] for e in errors[field]] for field in errors} == problems
    assert form.ticket is None
    assert form.report == ticketcore.assess(form.draft, locale="pt-BR")


def test_django_form_builds_the_ticket(django_example: ModuleType) -> None:
    """A complete form gives the ticket, the same as `from_dict` of the same draft."""
    data = {**FORM, "subject": "Site fora do ar", "location": "www.meusite.com.br"}
    data |= {"service": "hosting-4711", "message": "O site não abre desde as 10:00."}
    data |= {"requester_email": "maria@exemplo.com.br"}
    form = django_example.TicketForm(data)
    assert form.is_valid(), form.errors
    assert form.ticket == ticketcore.from_dict(form.draft)
    assert form.ticket.requester.email == "maria@exemplo.com.br"
    assert form.report == ticketcore.assess(form.ticket)


def test_django_view_shows_problems_and_hints(django_example: ModuleType) -> None:
    """The view answers 422 with every problem and the hints, in the browser's language."""
    client = require("django.test").Client()
    response = client.post("/", FORM, headers={"accept-language": "pt-BR"})
    assert response.status_code == 422
    page = response.content.decode()
    assert escape("O campo assunto deve ter pelo menos 3 caracteres (recebido: 1).") in page
    report = ticketcore.assess(django_example.to_draft(FORM), locale="pt-BR")
    assert report.findings
    for finding in report.findings:
        assert f'data-code="{finding.code}"' in page
        assert escape(finding.hint) in page


def test_django_view_creates_the_ticket(django_example: ModuleType) -> None:
    """A complete form is created: 201, and the hints for what it still lacks."""
    client = require("django.test").Client()
    assert client.get("/").status_code == 200
    data = {**FORM, "subject": "Site fora do ar", "location": "www.meusite.com.br"}
    data |= {"service": "hosting-4711", "message": "O site não abre desde as 10:00."}
    data |= {"requester_email": "maria@exemplo.com.br"}
    response = client.post("/", data)
    assert response.status_code == 201
    page = response.content.decode()
    assert "Ticket created: Site fora do ar" in page
    report = ticketcore.assess(django_example.to_draft(data))
    assert report.findings
    assert escape(report.findings[0].hint) in page


# --- Batch rescoring ---------------------------------------------------------------------------

EXPORT = EXAMPLES / "batch" / "export.jsonl"


def expected_report(lines: list[str]) -> list[dict[str, Any]]:
    """The report the batch examples must write for *lines*, computed here one by one."""
    report: list[dict[str, Any]] = []
    for line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            ticket_id, draft = record["id"], record["ticket"]
        except (ValueError, TypeError, KeyError):
            report.append({"id": None, "error": "not a record of the export"})
            continue
        try:
            ticketcore.from_dict(draft, context="import")
            problems: list[str] = []
        except ticketcore.TicketValidationError as error:
            problems = list(error.codes)
        assessed = ticketcore.assess(draft, context="import")
        report.append(
            {
                "id": ticket_id,
                "valid": not problems,
                "problems": problems,
                "score": assessed.score,
                "passed": assessed.passed,
                "missing": list(assessed.missing),
            }
        )
    return report


@pytest.fixture
def export(tmp_path: Path) -> Path:
    """The bundled export, with a blank line and a line that is not a record added."""
    path = tmp_path / "export.jsonl"
    path.write_text(EXPORT.read_text("utf-8") + "\n[1, 2]\n", encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON lines of *path*."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_the_bundled_export_has_valid_and_invalid_tickets() -> None:
    """The sample export holds both kinds of ticket, so the examples show both results."""
    report = expected_report(EXPORT.read_text("utf-8").splitlines())
    assert {line["valid"] for line in report} == {True, False}
    assert len({line["score"] for line in report}) > 2


def test_multiprocessing_rescoring(export: Path, tmp_path: Path) -> None:
    """The multiprocessing example, run as a script, writes the report in the export's order."""
    target = tmp_path / "report.jsonl"
    script = EXAMPLES / "batch" / "rescore_multiprocessing.py"
    result = subprocess.run(  # noqa: S603 (runs this interpreter on a fixed script)
        [sys.executable, str(script), str(export), str(target), "--processes", "2"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout == f"rescored 6 tickets into {target}\n"
    assert read_jsonl(target) == expected_report(export.read_text("utf-8").splitlines())


@pytest.mark.slow
def test_dask_rescoring(export: Path, tmp_path: Path) -> None:
    """The Dask example rescores on a local in-process cluster and writes the same report.

    It runs as a script, in a process of its own: the cluster's scheduler always opens an HTTP
    port (on the loopback interface only), which this test process's network guard forbids.
    """
    require("dask.bag")
    require("dask.distributed")
    target = tmp_path / "report.jsonl"
    script = EXAMPLES / "batch" / "rescore_dask.py"
    result = subprocess.run(  # noqa: S603 (runs this interpreter on a fixed script)
        [sys.executable, "-W", "error", str(script), str(export), str(target)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout == f"rescored 6 tickets into {target}\n"
    assert read_jsonl(target) == expected_report(export.read_text("utf-8").splitlines())


# --- The JavaScript form -----------------------------------------------------------------------

JS_FORM = EXAMPLES / "js-form"
JS_TESTS = Path(__file__).parent / "js"  # ajv and ajv-formats, installed by npm ci there


def schema_codes(schema: object) -> set[str]:
    """Every ticketcore code named in the schema's ``x-ticketcore-errors`` keywords."""
    if isinstance(schema, dict):
        codes = set(schema.get("x-ticketcore-errors", {}).values())
        return codes.union(*(schema_codes(value) for value in schema.values()))
    if isinstance(schema, list):
        return set().union(*(schema_codes(value) for value in schema))
    return set()


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The files export.py writes, run as a script, parsed, by file name."""
    target = tmp_path_factory.mktemp("js-form")
    subprocess.run(  # noqa: S603 (runs this interpreter on a fixed script)
        [sys.executable, str(JS_FORM / "export.py"), str(target)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return {path.name: json.loads(path.read_text("utf-8")) for path in target.iterdir()}


def test_export_writes_the_schema_and_the_catalogs(exported: dict[str, Any]) -> None:
    """export.py writes the schema and one catalog per locale, as ticketcore returns them."""
    assert sorted(exported) == ["messages.en.json", "messages.pt-BR.json", "schema.json"]
    assert exported["schema.json"] == ticketcore.json_schema()
    for locale in ticketcore.LOCALES:
        assert exported[f"messages.{locale}.json"] == dict(ticketcore.messages(locale))


def test_every_code_in_the_schema_has_a_message(exported: dict[str, Any]) -> None:
    """Each code the schema names has a message in every catalog, for the form to show."""
    codes = schema_codes(exported["schema.json"])
    assert {"required", "too_short", "too_long", "wrong_type", "unknown_field"} <= codes
    for locale in ticketcore.LOCALES:
        catalog = exported[f"messages.{locale}.json"]
        assert {code for code in codes if f"problem.{code}" not in catalog} == set()


RUN_FORM_JS = """
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [formJs, jsTests] = process.argv.slice(2);
const require = createRequire(`${jsTests}/package.json`);
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;
const { draftOf, makeValidator } = await import(pathToFileURL(formJs));
const input = JSON.parse(readFileSync(0, "utf8"));
const results = {};
for (const [locale, catalog] of Object.entries(input.catalogs)) {
  results[locale] = input.suites.map(({ schema, drafts }) => {
    const validate = makeValidator(Ajv2020, addFormats, schema, catalog, locale);
    return drafts.map((draft) => validate(draft));
  });
}
results.drafts = input.forms.map(draftOf);
process.stdout.write(JSON.stringify(results));
"""

ORDER_ID = ticketcore.CustomField(
    id="order_id",
    kind=ticketcore.FieldKind.TEXT,
    labels={"en": "Order number", "pt-BR": "Número do pedido"},
    required=["customer"],
    pattern=r"PED-[0-9]{4}",
    error_messages={"en": "Order numbers look like PED-1234.", "pt-BR": "Formato: PED-1234."},
)
NOTE = ticketcore.CustomField(
    id="note", kind=ticketcore.FieldKind.TEXT, labels={"en": "Note"}, max_length=5
)
BILLING = ticketcore.RuleSet(
    departments=[
        ticketcore.Department(id="billing", names={"en": "Billing"}, custom_fields=[ORDER_ID, NOTE])
    ]
)
# (rule set, drafts): the default rules, and a department with custom fields.
JS_SUITES: list[tuple[ticketcore.RuleSet | None, list[dict[str, Any]]]] = [
    (
        None,
        [
            json.loads(TICKET),
            json.loads(INVALID_TICKET),
            {"department": "sales", "subject": "  ", "message": "a\x01b", "priority": 7, "x": 1},
            {"department": "technical-support", "subject": "Site offline", "message": "Down."},
            {"department": "suporte", "subject": "x" * 201, "message": "", "attachments": [{}]},
        ],
    ),
    (
        BILLING,
        [
            {"department": "billing", "subject": "Boleto", "message": "Dois.", "custom_fields": {}},
            {
                "department": "billing",
                "subject": "Boleto",
                "message": "Dois boletos.",
                "custom_fields": {"order_id": "1234", "note": "123456", "extra": True},
            },
        ],
    ),
]
JS_CASES = [
    (suite, index) for suite, (_, drafts) in enumerate(JS_SUITES) for index in range(len(drafts))
]


@pytest.fixture(scope="module")
def form_js(exported: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What form.js answers for `JS_SUITES` in each locale, run by Node with ajv."""
    node = shutil.which("node")
    if node is None or not (JS_TESTS / "node_modules" / "ajv").is_dir():
        reason = "Node.js or tests/js/node_modules missing (run: npm ci --prefix tests/js)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    script = tmp_path_factory.mktemp("node") / "run.mjs"
    script.write_text(RUN_FORM_JS, "utf-8")
    document = {
        "suites": [
            {"schema": ticketcore.json_schema(rules), "drafts": drafts}
            for rules, drafts in JS_SUITES
        ],
        "catalogs": {loc: exported[f"messages.{loc}.json"] for loc in ticketcore.LOCALES},
        "forms": [{"subject": "  Ola\u0301 ", "service": "", "requester_email": " a@b.co "}],
    }
    done = subprocess.run(  # noqa: S603 (a fixed script; the input is this test's own)
        [node, str(script), str(JS_FORM / "form.js"), str(JS_TESTS)],
        input=json.dumps(document),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_js_form_accepts_a_valid_ticket(form_js: dict[str, Any]) -> None:
    """The bundled valid ticket has no problem in the browser either."""
    assert form_js["en"][0][0] == []


@pytest.mark.parametrize("locale", ticketcore.LOCALES)
@pytest.mark.parametrize(("suite", "index"), JS_CASES[1:])
def test_js_form_shows_the_messages_ticketcore_gives(
    form_js: dict[str, Any], suite: int, index: int, locale: str
) -> None:
    """Where the browser and ticketcore find the same problem, they say the same sentence."""
    rules, drafts = JS_SUITES[suite]
    with pytest.raises(ticketcore.TicketValidationError) as error:
        ticketcore.from_dict(drafts[index], rules=rules)
    expected = {(p["path"], p["code"]): p for p in error.value.as_list(locale)}
    found = {(p["path"], p["code"]): p for p in form_js[locale][suite][index]}
    both = expected.keys() & found.keys()
    assert len(both) >= len(found) / 2, (expected.keys(), found.keys())
    for key in both:
        if expected[key]["code"] != "invalid_choice":  # a pattern cannot tell the choices
            assert found[key]["message"] == expected[key]["message"]
        assert found[key]["loc"] == expected[key]["loc"]


def test_js_form_reads_the_fields_as_a_draft(form_js: dict[str, Any]) -> None:
    """The form trims and NFC-normalizes text, leaves out empty fields, nests the requester."""
    assert form_js["drafts"] == [
        {"subject": "Ol\u00e1", "requester": {"name": "", "email": "a@b.co"}}
    ]
