"""Tests for `ticketcore.secret`."""

from __future__ import annotations

import copy
import logging
import pickle
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ticketcore import Secret

TOKEN = "3f1c9a7e-ab42-4d0b-9c55-0e8f6a2d7b13"
MASK = "********"

tokens = st.uuids().map(str)


def test_reveal_returns_the_value() -> None:
    """`reveal` is the one way to read the value."""
    assert Secret(TOKEN).reveal() == TOKEN


@pytest.mark.parametrize(
    ("render", "expected"),
    [
        (repr, "Secret('********')"),
        (str, MASK),
        (format, MASK),
        (lambda s: f"{s}", MASK),
        (lambda s: f"{s!r}", "Secret('********')"),
        (lambda s: f"{s:>10}", "  ********"),
        (lambda s: "%s" % s, MASK),  # noqa: UP031 (the old operator is what logging uses)
        ("{}".format, MASK),
        (lambda s: repr([s]), "[Secret('********')]"),
        (lambda s: repr({"password": s}), "{'password': Secret('********')}"),
    ],
)
def test_every_rendering_is_masked(render: Callable[[Secret], str], expected: str) -> None:
    """`repr`, `str`, `format`, f-strings and containers show the mask, not the value."""
    assert render(Secret(TOKEN)) == expected


def test_logging_shows_the_mask(caplog: pytest.LogCaptureFixture) -> None:
    """A secret passed to a logger as an argument is logged masked."""
    with caplog.at_level(logging.INFO):
        logging.getLogger("ticketcore.test").info("password=%s (%r)", Secret(TOKEN), Secret(TOKEN))
    assert caplog.messages == ["password=******** (Secret('********'))"]


def test_equality_compares_values() -> None:
    """Secrets are equal when their values are, and never equal to a plain string."""
    assert Secret(TOKEN) == Secret(TOKEN)
    assert Secret(TOKEN) != Secret(TOKEN + "x")
    assert Secret(TOKEN) != TOKEN
    assert hash(Secret(TOKEN)) == hash(Secret(TOKEN))
    assert len({Secret(TOKEN), Secret(TOKEN), Secret("other")}) == 2


def test_values_with_lone_surrogates_compare() -> None:
    """A value holding a lone surrogate still compares (it is encoded with surrogatepass)."""
    assert Secret("\ud800x") == Secret("\ud800x")
    assert Secret("\ud800x") != Secret("\udc00x")


def test_secret_is_immutable() -> None:
    """No attribute can be set or deleted."""
    secret = Secret(TOKEN)
    with pytest.raises(AttributeError, match="Secret is immutable"):
        secret._value = "changed"
    with pytest.raises(AttributeError, match="Secret is immutable"):
        del secret._value
    with pytest.raises(AttributeError, match="Secret is immutable"):
        secret.other = 1
    assert secret.reveal() == TOKEN


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_keeps_the_value(protocol: int) -> None:
    """Pickling is a trusted transport: the value survives, for every protocol."""
    restored = pickle.loads(pickle.dumps(Secret(TOKEN), protocol=protocol))  # noqa: S301
    assert isinstance(restored, Secret)
    assert restored.reveal() == TOKEN


def test_copies_keep_the_value() -> None:
    """`copy.copy` and `copy.deepcopy` give an equal secret."""
    secret = Secret(TOKEN)
    assert copy.copy(secret).reveal() == TOKEN
    assert copy.deepcopy(secret) == secret


@given(tokens)
def test_no_rendering_contains_the_value(token: str) -> None:
    """No rendering of any secret contains its value."""
    secret = Secret(token)
    renderings = [repr(secret), str(secret), format(secret), f"{secret!s:^40}", f"{secret!a}"]
    assert all(token not in text for text in renderings)
