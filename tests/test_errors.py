"""Tests for `ticketcore.errors`."""

from __future__ import annotations

import json
import pickle

import attrs
import pytest
from hypothesis import given

from _hostile import hostile_texts
from ticketcore import (
    Problem,
    Ticket,
    TicketcoreError,
    TicketValidationError,
    UnsupportedLocaleError,
    render_path,
)
from ticketcore.errors import Path

PROTOCOLS = range(pickle.HIGHEST_PROTOCOL + 1)

TOO_SHORT = Problem(path=("subject",), code="too_short", params={"min": 3, "actual": 1})
NOT_ALLOWED = Problem(
    path=("attachments", 0, "content_type"),
    code="not_allowed",
    params={"value": "image/svg+xml", "allowed": ("image/png", "image/jpeg")},
)
CUSTOM = Problem(
    path=("custom_fields", "order_id"),
    code="pattern_mismatch",
    custom_messages={"en": "Use PED-1234.", "pt-BR": "Use PED-1234, por favor."},
)
ERROR = TicketValidationError([TOO_SHORT, NOT_ALLOWED, CUSTOM])


def test_validation_error_is_a_value_error_and_ours() -> None:
    """`TicketValidationError` is both a `ValueError` and a `TicketcoreError`."""
    assert isinstance(ERROR, ValueError)
    assert isinstance(ERROR, TicketcoreError)
    assert issubclass(UnsupportedLocaleError, ValueError)
    assert issubclass(UnsupportedLocaleError, TicketcoreError)
    assert issubclass(TicketcoreError, Exception)


def test_validation_error_needs_a_problem() -> None:
    """An error without problems is a programming mistake, refused at once."""
    with pytest.raises(ValueError, match="needs at least one problem") as info:
        TicketValidationError([])
    assert type(info.value) is ValueError


def test_validation_error_exposes_its_problems() -> None:
    """The error keeps its problems in order, and lists their codes and messages."""
    assert ERROR.problems == (TOO_SHORT, NOT_ALLOWED, CUSTOM)
    assert ERROR.codes == ("too_short", "not_allowed", "pattern_mismatch")
    assert ERROR.messages() == (
        "The subject must be at least 3 characters long (got 1). @ $.subject",
        (
            "The file type image/svg+xml is not allowed (allowed: image/png, image/jpeg)."
            " @ $.attachments[0].content_type"
        ),
        "Use PED-1234. @ $.custom_fields.order_id",
    )
    assert ERROR.messages("pt-BR")[2] == "Use PED-1234, por favor. @ $.custom_fields.order_id"


def test_str_counts_and_lists_the_problems() -> None:
    """`str` says how many problems there are and gives one line for each."""
    assert str(ERROR) == "\n".join(["3 problems:", *(f"- {m}" for m in ERROR.messages())])
    assert str(TicketValidationError([TOO_SHORT])) == (
        "1 problem:\n- The subject must be at least 3 characters long (got 1). @ $.subject"
    )


def test_as_list_is_json_ready() -> None:
    """`as_list` gives plain dicts that `json.dumps` accepts, tuples turned into lists."""
    assert ERROR.as_list("pt-BR")[:2] == [
        {
            "path": "$.subject",
            "loc": ["subject"],
            "code": "too_short",
            "params": {"min": 3, "actual": 1},
            "message": "O campo assunto deve ter pelo menos 3 caracteres (recebido: 1).",
        },
        {
            "path": "$.attachments[0].content_type",
            "loc": ["attachments", 0, "content_type"],
            "code": "not_allowed",
            "params": {"value": "image/svg+xml", "allowed": ["image/png", "image/jpeg"]},
            "message": "O valor image/svg+xml não é permitido no campo tipo do arquivo"
            " (permitidos: image/png, image/jpeg).",
        },
    ]
    assert json.loads(json.dumps(ERROR.as_list())) == ERROR.as_list()


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_validation_error_pickles_intact(protocol: int) -> None:
    """The error and its problems, custom messages included, survive every pickle protocol."""
    restored = pickle.loads(pickle.dumps(ERROR, protocol=protocol))  # noqa: S301
    assert type(restored) is TicketValidationError
    assert restored.problems == ERROR.problems
    assert restored.problems[2].custom_messages == CUSTOM.custom_messages
    assert str(restored) == str(ERROR)
    assert restored.args == ERROR.args


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_problem_pickles_intact(protocol: int) -> None:
    """A problem survives every pickle protocol and still renders."""
    for problem in (TOO_SHORT, NOT_ALLOWED, CUSTOM):
        restored = pickle.loads(pickle.dumps(problem, protocol=protocol))  # noqa: S301
        assert restored == problem
        assert restored.message("pt-BR") == problem.message("pt-BR")


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_unsupported_locale_error_pickles_intact(protocol: int) -> None:
    """The locale error keeps what was asked and what is supported."""
    error = UnsupportedLocaleError("fr", ("en", "pt-BR"))
    restored = pickle.loads(pickle.dumps(error, protocol=protocol))  # noqa: S301
    assert (restored.locale, restored.supported, str(restored)) == (
        "fr",
        ("en", "pt-BR"),
        "unsupported locale 'fr' (supported: en, pt-BR)",
    )


def test_error_raised_by_a_ticket_pickles_intact() -> None:
    """An error raised by validation round-trips through pickle."""
    with pytest.raises(TicketValidationError) as info:
        Ticket(department=None, subject="", message="")  # type: ignore[arg-type]
    restored = pickle.loads(pickle.dumps(info.value))  # noqa: S301
    assert restored.problems == info.value.problems
    assert restored.codes == ("wrong_type", "blank", "blank")


def test_problems_are_frozen_hashable_values() -> None:
    """Problems compare by value, hash, and cannot be changed."""
    same = Problem(path=["subject"], code="too_short", params={"actual": 1, "min": 3})
    assert same == TOO_SHORT
    assert hash(same) == hash(TOO_SHORT)
    assert same.path == ("subject",)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        same.code = "other"  # type: ignore[misc]


def test_with_prefix_puts_the_part_under_its_parent() -> None:
    """`with_prefix` prepends path items and keeps everything else."""
    moved = TOO_SHORT.with_prefix("tickets", 2)
    assert (moved.path, moved.code, moved.params) == (
        ("tickets", 2, "subject"),
        "too_short",
        TOO_SHORT.params,
    )
    assert CUSTOM.with_prefix("x").custom_messages == CUSTOM.custom_messages


def test_problem_str_is_message_at_path() -> None:
    """`str(problem)` is the English message, then ``@`` and the path."""
    assert str(TOO_SHORT) == "The subject must be at least 3 characters long (got 1). @ $.subject"
    assert TOO_SHORT.location == "$.subject"


def test_problem_message_refuses_unknown_locales() -> None:
    """Asking for a locale without a catalog raises `UnsupportedLocaleError`."""
    with pytest.raises(UnsupportedLocaleError) as info:
        TOO_SHORT.message("fr")
    assert str(info.value) == "unsupported locale 'fr' (supported: en, pt-BR)"


@pytest.mark.parametrize(
    ("path", "rendered"),
    [
        ((), "$"),
        (("subject",), "$.subject"),
        (("attachments", 0, "filename"), "$.attachments[0].filename"),
        (("custom_fields", "order_id"), "$.custom_fields.order_id"),
        (("custom_fields", "order id"), '$.custom_fields["order id"]'),
        (("custom_fields", 'say "hi"'), '$.custom_fields["say \\"hi\\""]'),
        (("custom_fields", "a\\b"), '$.custom_fields["a\\\\b"]'),
        (("custom_fields", "a\nb"), '$.custom_fields["a\\nb"]'),
        (("custom_fields", "x\u202egnp.exe"), '$.custom_fields["x\\u202egnp.exe"]'),
        (("custom_fields", "\ud800"), '$.custom_fields["\\ud800"]'),
        (("custom_fields", "pedido-nº"), '$.custom_fields["pedido-nº"]'),
        (("names", "pt-BR"), '$.names["pt-BR"]'),
        (("_private", "x1"), "$._private.x1"),
        (("1st",), '$["1st"]'),
        (("",), '$[""]'),
        ((0, 1), "$[0][1]"),
    ],
)
def test_render_path(path: Path, rendered: str) -> None:
    """Identifiers use dots, indices brackets, other keys quoted and escaped like JSON."""
    assert render_path(path) == rendered


@given(hostile_texts)
def test_a_quoted_key_reads_back_as_a_json_string(key: str) -> None:
    """A rendered key is one UTF-8 line; quoted, it is the JSON string of the key."""
    rendered = render_path(("custom_fields", key))
    assert "\n" not in rendered
    rendered.encode("utf-8")
    if rendered != f"$.custom_fields.{key}":
        assert rendered.startswith('$.custom_fields["')
        # JSON reads an escaped surrogate pair as one character, as UTF-16 does.
        as_utf16 = key.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
        assert json.loads(rendered.removeprefix("$.custom_fields[").removesuffix("]")) == as_utf16
