"""Shared test configuration: Hypothesis profiles and a guard against network access.

Profiles: ``dev`` (the default, 100 examples), ``ci`` (200 examples, loaded when the ``CI``
environment variable is set, prints the blob that reproduces a failure), ``thorough`` (2000
examples, for a run before a release: ``pytest --hypothesis-profile thorough``) and ``fuzz`` (the
same, for ``pytest tests/test_fuzz.py --hypothesis-profile fuzz -s``). No profile has
a deadline: a slow example on a busy two-core runner is not a bug, and the suite's run time is
watched as a whole.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator

import pytest
from hypothesis import settings

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None, print_blob=True)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.register_profile("fuzz", max_examples=2000, deadline=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def _no_network(*args: object, **kwargs: object) -> None:
    msg = "tests must not use the network (ticketcore validates offline)"
    raise RuntimeError(msg)


@pytest.fixture(autouse=True, scope="session")
def no_network() -> Iterator[None]:
    """Make any DNS query or connection fail loudly, so no test depends on the network."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket, "getaddrinfo", _no_network)
        patch.setattr(socket.socket, "connect", _no_network)
        patch.setattr(socket.socket, "connect_ex", _no_network)
        patch.setattr(socket.socket, "sendto", _no_network)  # DNS over UDP
        yield
