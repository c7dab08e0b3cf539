"""Tests for `ticketcore.credentials`."""

from __future__ import annotations

import unicodedata

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from _hostile import hostile_texts, wrong_types
from ticketcore import Credentials, Secret, TicketValidationError
from ticketcore.strategies import credentials

TOKEN = "8c1d2b9e-6f4a-4e1b-a3c7-5d9f0e2b4a61"


def problems(**fields: object) -> list[tuple[tuple[str | int, ...], str, dict[str, object]]]:
    """Build credentials from *fields* (over valid defaults) and return their problems."""
    values: dict[str, object] = {"username": "admin", "password": TOKEN}
    values.update(fields)
    with pytest.raises(TicketValidationError) as info:
        Credentials(**values)  # type: ignore[arg-type]
    return [(p.path, p.code, dict(p.params)) for p in info.value.problems]


def test_password_becomes_a_secret() -> None:
    """A string password is wrapped in a `Secret`, and a `Secret` is kept as it is."""
    secret = Secret(TOKEN)
    assert Credentials(username="admin", password=TOKEN).password == secret
    assert Credentials(username="admin", password=secret).password is secret


def test_repr_masks_the_password() -> None:
    """The representation shows the username and the mask."""
    assert repr(Credentials(username="admin", password=TOKEN)) == (
        "Credentials(username='admin', password=Secret('********'))"
    )


def test_password_is_kept_exactly() -> None:
    """Outer spaces and decomposed accents are part of a password; the username is normalized."""
    password = unicodedata.normalize("NFD", "  senha çã  ")
    creds = Credentials(username=unicodedata.normalize("NFD", " usuário "), password=password)
    assert creds.password.reveal() == password
    assert creds.username == "usuário"


def test_equality_and_hash_include_the_password() -> None:
    """Credentials with different passwords differ; equal ones hash alike."""
    one = Credentials(username="admin", password=TOKEN)
    assert one == Credentials(username="admin", password=TOKEN)
    assert hash(one) == hash(Credentials(username="admin", password=TOKEN))
    assert one != Credentials(username="admin", password=TOKEN + "!")


def test_asdict_keeps_the_secret_object() -> None:
    """`attrs.asdict` does not unwrap the password."""
    assert attrs.asdict(Credentials(username="admin", password=TOKEN)) == {
        "username": "admin",
        "password": Secret(TOKEN),
    }
    assert TOKEN not in repr(attrs.asdict(Credentials(username="admin", password=TOKEN)))


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"username": ""}, [(("username",), "blank", {})]),
        ({"username": "u" * 201}, [(("username",), "too_long", {"max": 200, "actual": 201})]),
        ({"username": "ad\tmin"}, [(("username",), "control_character", {"position": 2})]),
        ({"password": ""}, [(("password",), "blank", {})]),
        ({"password": "p" * 1025}, [(("password",), "too_long", {"max": 1024, "actual": 1025})]),
        ({"password": "abc\x07def"}, [(("password",), "control_character", {"position": 3})]),
        ({"password": "abc\ud800"}, [(("password",), "invalid_unicode", {"position": 3})]),
        (
            {"password": 1234},
            [(("password",), "wrong_type", {"expected_type": "secret", "actual_type": "integer"})],
        ),
        (
            {"username": None, "password": None},
            [
                (("username",), "wrong_type", {"expected_type": "string", "actual_type": "null"}),
                (("password",), "wrong_type", {"expected_type": "secret", "actual_type": "null"}),
            ],
        ),
    ],
)
def test_invalid_credentials_are_refused(
    fields: dict[str, object], expected: list[tuple[object, ...]]
) -> None:
    """Usernames and passwords are non-blank single lines; every problem is reported."""
    assert problems(**fields) == expected


def test_password_problem_gives_the_position_not_the_value() -> None:
    """The message about a password's control character never shows the password."""
    password = TOKEN[:10] + "\x07" + TOKEN[10:]
    with pytest.raises(TicketValidationError) as info:
        Credentials(username="admin", password=password)
    problem = info.value.problems[0].with_prefix("credentials")
    assert str(problem) == (
        "The password contains a control character at position 10, which is not allowed."
        " @ $.credentials.password"
    )
    assert problem.message("pt-BR") == (
        "O campo senha contém um caractere de controle na posição 10, o que não é permitido."
    )


@given(credentials())
def test_generated_credentials_rebuild_equal(creds: Credentials) -> None:
    """Credentials rebuilt from their own fields are equal."""
    assert Credentials(username=creds.username, password=creds.password) == creds
    assert Credentials(username=creds.username, password=creds.password.reveal()) == creds


@given(hostile_texts, hostile_texts)
def test_any_text_is_credentials_or_our_error(username: str, password: str) -> None:
    """No username or password makes construction raise anything but our error."""
    try:
        Credentials(username=username, password=password)
    except TicketValidationError as exc:
        assert {p.path for p in exc.problems} <= {("username",), ("password",)}  # noqa: PT017


@given(st.sampled_from(["username", "password"]), wrong_types)
def test_any_wrong_type_is_our_error(field: str, value: object) -> None:
    """A value of the wrong type gives `wrong_type` at that field only."""
    values: dict[str, object] = {"username": "admin", "password": TOKEN}
    values[field] = value
    with pytest.raises(TicketValidationError) as info:
        Credentials(**values)  # type: ignore[arg-type]
    assert [(p.path, p.code) for p in info.value.problems] == [((field,), "wrong_type")]
