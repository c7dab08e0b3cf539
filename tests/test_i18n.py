"""Tests for `ticketcore.i18n` and the message catalogs in ``ticketcore/locales``."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import attrs
import pytest

import ticketcore
from ticketcore import (
    LOCALES,
    Attachment,
    Credentials,
    CustomField,
    Department,
    Problem,
    Requester,
    Service,
    Ticket,
    UnsupportedLocaleError,
    messages,
)
from ticketcore._check import JSON_TYPE_NAMES
from ticketcore.i18n import fill, normalize_locale

PACKAGE = Path(ticketcore.__file__).parent
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
SUBJECT = "The subject must be at least"


def catalog_file(locale: str) -> dict[str, str]:
    """The raw JSON of *locale*'s catalog, `$` keys included."""
    text = resources.files("ticketcore").joinpath("locales", f"{locale}.json").read_text("utf-8")
    data: dict[str, str] = json.loads(text)
    return data


def placeholders(template: str) -> set[str]:
    """The ``{name}`` placeholders of *template*."""
    return set(PLACEHOLDER.findall(template))


# --- The catalogs agree with each other -------------------------------------------------------


def test_catalog_files_are_the_supported_locales() -> None:
    """One JSON file per supported locale, each naming its own locale."""
    files = sorted(p.stem for p in (PACKAGE / "locales").glob("*.json"))
    assert files == sorted(LOCALES)
    for locale in LOCALES:
        assert catalog_file(locale)["$locale"] == locale


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_values_are_non_blank_strings(locale: str) -> None:
    """Every message is a non-blank string without outer whitespace."""
    for key, value in messages(locale).items():
        assert isinstance(value, str), key
        assert value, key
        assert value == value.strip(), key


def test_every_key_exists_in_every_locale() -> None:
    """English and Portuguese have exactly the same keys."""
    english, portuguese = set(messages("en")), set(messages("pt-BR"))
    assert sorted(english - portuguese) == []
    assert sorted(portuguese - english) == []


def test_every_placeholder_is_used_in_every_locale() -> None:
    """A placeholder used in one language's template is used in the other's."""
    english, portuguese = messages("en"), messages("pt-BR")
    mismatched = {
        key: (placeholders(english[key]), placeholders(portuguese[key]))
        for key in english
        if placeholders(english[key]) != placeholders(portuguese[key])
    }
    assert mismatched == {}


def test_placeholders_are_well_formed() -> None:
    """No template has a brace that is not part of a ``{name}`` placeholder."""
    for locale in LOCALES:
        for key, template in messages(locale).items():
            assert "{" not in PLACEHOLDER.sub("", template), (locale, key)
            assert "}" not in PLACEHOLDER.sub("", template), (locale, key)


# --- Every code raised in the source has a message --------------------------------------------


@attrs.frozen
class RaisedCode:
    """A problem code passed as a literal somewhere in the source."""

    code: str
    params: frozenset[str] | None  # None when the call's parameters are not all literal names
    where: str


def source_trees() -> Iterator[tuple[str, ast.Module]]:
    """Every module of the package, parsed."""
    for path in sorted(PACKAGE.rglob("*.py")):
        yield str(path.relative_to(PACKAGE)), ast.parse(path.read_text("utf-8"))


def callee(call: ast.Call) -> str | None:
    """The called name (``add`` for ``c.add(...)``)."""
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def functions(tree: ast.Module) -> Iterator[tuple[str, list[str], ast.FunctionDef]]:
    """Module-level functions and methods, with their positional parameter names.

    A class's ``__init__`` is listed under the class name, without ``self``.
    """
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            yield node.name, [a.arg for a in (*node.args.posonlyargs, *node.args.args)], node
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        for item in cls.body:
            if isinstance(item, ast.FunctionDef):
                names = [a.arg for a in (*item.args.posonlyargs, *item.args.args)][1:]
                yield (cls.name if item.name == "__init__" else item.name), names, item


def code_sinks(trees: list[tuple[str, ast.Module]]) -> dict[str, int | None]:
    """Callables that turn their ``code`` argument into a `Problem`, with its position.

    `Problem` itself takes ``code`` by keyword; a function (or a class, through its
    ``__init__``) that passes its own ``code`` parameter to a sink is a sink too, found to a
    fixed point.
    """
    sinks: dict[str, int | None] = {"Problem": None}
    candidates = [
        (name, names.index("code"), function)
        for _, tree in trees
        for name, names, function in functions(tree)
        if "code" in names
    ]
    changed = True
    while changed:
        changed = False
        for name, index, function in candidates:
            if name in sinks:
                continue
            for call in (n for n in ast.walk(function) if isinstance(n, ast.Call)):
                target = callee(call)
                if target in sinks:
                    argument = _code_argument(call, sinks[target])
                    if isinstance(argument, ast.Name) and argument.id == "code":
                        sinks[name] = index
                        changed = True
                        break
    return sinks


def _code_argument(call: ast.Call, index: int | None) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "code":
            return keyword.value
    if index is not None and len(call.args) > index:
        return call.args[index]
    return None


def _literal_params(call: ast.Call, index: int | None) -> frozenset[str] | None:
    names: set[str] = set()
    for keyword in call.keywords:
        if keyword.arg is None:
            return None  # **params
        if keyword.arg == "params":
            if not isinstance(keyword.value, ast.Dict):
                return None
            for key in keyword.value.keys:
                if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                    return None
                names.add(key.value)
        elif keyword.arg not in ("path", "code", "custom_messages"):
            names.add(keyword.arg)
    if index is None and len(call.args) > 0:
        return None
    return frozenset(names)


def raised_codes() -> list[RaisedCode]:
    """Every literal problem code in the package's source, with the parameters given to it."""
    trees = list(source_trees())
    sinks = code_sinks(trees)
    found = []
    for module, tree in trees:
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            target = callee(call)
            if target not in sinks:
                continue
            argument = _code_argument(call, sinks[target])
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                params = _literal_params(call, sinks[target])
                found.append(RaisedCode(argument.value, params, f"{module}:{call.lineno}"))
    return found


RAISED = raised_codes()


def test_code_discovery_finds_the_known_codes() -> None:
    """The source scan sees codes raised through every helper (so it can catch new ones)."""
    codes = {raised.code for raised in RAISED}
    assert {
        "too_short",  # Collector.add
        "wrong_type",  # Collector.wrong_type, through add
        "invalid_choice",  # raise_one, in priority
        "undeliverable_email",  # Problem(code=...)
        "unsafe_pattern",
        "executable_not_allowed",
    } <= codes
    assert len(codes) >= 30


@pytest.mark.parametrize("locale", LOCALES)
def test_every_raised_code_has_a_message(locale: str) -> None:
    """Each code raised anywhere in the package has a ``problem.<code>`` entry."""
    catalog = messages(locale)
    missing = sorted({r.where + " " + r.code for r in RAISED if f"problem.{r.code}" not in catalog})
    assert missing == []


@pytest.mark.parametrize("locale", LOCALES)
def test_every_placeholder_of_a_raised_code_is_given(locale: str) -> None:
    """Where a code is raised with literal parameters, they fill every placeholder."""
    catalog = messages(locale)
    unfilled = {
        raised.where: (raised.code, sorted(needed - raised.params - {"field"}))
        for raised in RAISED
        if raised.params is not None
        and (needed := placeholders(catalog.get(f"problem.{raised.code}", "")))
        - raised.params
        - {"field"}
    }
    assert unfilled == {}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_type_name_has_a_label(locale: str) -> None:
    """Every JSON type name and every type a check expects has a ``type.<name>`` entry."""
    expected: set[str] = set(JSON_TYPE_NAMES.values())
    for _, tree in source_trees():
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            for keyword in call.keywords:
                value = keyword.value
                if keyword.arg in ("expected_type", "actual_type") and isinstance(
                    value, ast.Constant
                ):
                    expected.add(str(value.value))
            if callee(call) == "wrong_type" and len(call.args) >= 2:
                type_argument = call.args[1]
                if isinstance(type_argument, ast.Constant):
                    expected.add(str(type_argument.value))
    catalog = messages(locale)
    assert sorted(t for t in expected if f"type.{t}" not in catalog) == []


@pytest.mark.parametrize(
    "cls", [Ticket, Attachment, Requester, Credentials, Service, Department, CustomField]
)
def test_every_field_of_the_domain_types_has_a_label(cls: type) -> None:
    """Problems name fields in words: each public field has a ``field.<name>`` entry."""
    names = {f.name for f in attrs.fields(cls) if f.init and not f.name.startswith("_")}
    for locale in LOCALES:
        assert sorted(n for n in names if f"field.{n}" not in messages(locale)) == []


# --- Locales ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("asked", "locale"),
    [
        ("en", "en"),
        ("EN", "en"),
        ("en-US", "en"),
        ("en_GB", "en"),
        ("pt-BR", "pt-BR"),
        ("pt_BR", "pt-BR"),
        ("pt-br", "pt-BR"),
        ("PT-BR", "pt-BR"),
        (" pt-BR ", "pt-BR"),
        ("pt", "pt-BR"),
        ("pt-PT", "pt-BR"),  # the only Portuguese there is
    ],
)
def test_normalize_locale(asked: str, locale: str) -> None:
    """Locale tags are read case-insensitively, with ``_`` or ``-``, falling back by language."""
    assert normalize_locale(asked) == locale
    assert messages(asked) is messages(locale)


@pytest.mark.parametrize("asked", ["fr", "de-DE", "", "zz", "english", "br"])
def test_unknown_locales_are_refused(asked: str) -> None:
    """A locale without a catalog raises `UnsupportedLocaleError`, naming what is supported."""
    with pytest.raises(UnsupportedLocaleError) as info:
        messages(asked)
    assert (info.value.locale, info.value.supported) == (asked, ("en", "pt-BR"))
    assert str(info.value) == f"unsupported locale {asked!r} (supported: en, pt-BR)"


def test_messages_is_a_read_only_mapping_without_metadata() -> None:
    """The catalog is the JSON file without its ``$`` keys, and cannot be changed."""
    catalog = messages("pt-BR")
    assert catalog["field.subject"] == "assunto"
    assert "$locale" not in catalog
    assert dict(catalog) == {k: v for k, v in catalog_file("pt-BR").items() if k[0] != "$"}
    with pytest.raises(TypeError):
        catalog["field.subject"] = "x"  # type: ignore[index]


# --- Rendering --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "values", "filled"),
    [
        ("The {field} is required.", {"field": "subject"}, "The subject is required."),
        ("{a} and {a}", {"a": "x"}, "x and x"),
        ("Missing {other}.", {}, "Missing {other}."),
        ("No {field.__class__} access.", {"field": "x"}, "No {field.__class__} access."),
        ("No {field!r} or {0}.", {"field": "x"}, "No {field!r} or {0}."),
        ("{field}", {"field": "{field}"}, "{field}"),
    ],
)
def test_fill_replaces_only_simple_placeholders(
    template: str, values: dict[str, str], filled: str
) -> None:
    """Only ``{name}`` is replaced, once; anything else stays visible as written."""
    assert fill(template, values) == filled


@pytest.mark.parametrize(
    ("params", "english"),
    [
        ({"min": 3, "actual": 1}, SUBJECT + " 3 characters long (got 1)."),
        ({"min": 2.5, "actual": True}, SUBJECT + " 2.5 characters long (got true)."),
        ({"min": None, "actual": False}, SUBJECT + " null characters long (got false)."),
        ({"min": ("a", "b"), "actual": "x"}, SUBJECT + " a, b characters long (got x)."),
    ],
)
def test_parameters_are_rendered_as_text(params: dict[str, object], english: str) -> None:
    """Numbers, booleans, null and tuples of names read naturally in a message."""
    problem = Problem(path=("subject",), code="too_short", params=params)  # type: ignore[arg-type]
    assert problem.message() == english


def test_type_parameters_are_translated() -> None:
    """``*_type`` parameters are shown with the locale's type names."""
    problem = Problem(
        path=("size",),
        code="wrong_type",
        params={"expected_type": "integer", "actual_type": "null"},
    )
    assert (
        problem.message("en") == "The file size in bytes must be a whole number, not empty (null)."
    )
    assert problem.message("pt-BR") == (
        "O campo tamanho do arquivo em bytes deve ser um número inteiro, não vazio (null)."
    )


@pytest.mark.parametrize(
    ("path", "english"),
    [
        ((), "The document is required."),
        (("attachments", 0), "The attachments is required."),
        (("custom_fields", "order_id"), 'The "order_id" is required.'),
        (("custom_fields", "a\nb"), 'The "a\\nb" is required.'),
    ],
)
def test_field_label_is_the_last_key_of_the_path(path: tuple[str | int, ...], english: str) -> None:
    """The field named in a message is the last key of its path, quoted when it has no label."""
    assert Problem(path=path, code="required").message() == english


def test_custom_message_in_an_alias_locale() -> None:
    """A rule set's own message is found whatever spelling of the locale is asked for."""
    problem = Problem(path=("x",), code="blank", custom_messages={"pt-BR": "Preencha {field}."})
    assert problem.message("pt_br") == 'Preencha "x".'
    assert problem.message("en") == 'The "x" must not be blank.'
