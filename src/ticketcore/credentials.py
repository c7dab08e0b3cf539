"""`Credentials`: the panel username and password a customer gives so support can look."""

from __future__ import annotations

from typing import Final

import attrs

from ticketcore._check import Collector, check_text, normalize_text
from ticketcore.secret import Secret

__all__ = ["Credentials"]

USERNAME_MAX_LENGTH: Final = 200
PASSWORD_MAX_LENGTH: Final = 1024


def _to_secret(value: Secret | str) -> Secret:
    return Secret(value) if isinstance(value, str) else value


@attrs.frozen(kw_only=True)
class Credentials:
    """A username and a password; the password is a `Secret` and never shows itself.

    The password is kept exactly as given (no trimming, no Unicode normalization): spaces and
    composed characters may be part of it.

    >>> Credentials(username="admin", password="hunter2")
    Credentials(username='admin', password=Secret('********'))
    """

    username: str = attrs.field(converter=normalize_text)
    password: Secret = attrs.field(converter=_to_secret)

    def __attrs_post_init__(self) -> None:
        c = Collector()
        check_text(c, ("username",), self.username, max_length=USERNAME_MAX_LENGTH)
        if not isinstance(self.password, Secret):
            c.wrong_type(("password",), "secret", self.password)
        else:
            # The checks report lengths and positions, never the value itself.
            check_text(c, ("password",), self.password.reveal(), max_length=PASSWORD_MAX_LENGTH)
        c.raise_if_any()
