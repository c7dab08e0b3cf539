"""`Secret`: a string that never shows itself."""

from __future__ import annotations

import hmac
from typing import Any, Final, NoReturn

__all__ = ["Secret"]

MASK: Final = "********"
"""What every rendering of a secret shows instead of its value."""


class Secret:
    """A secret string (a panel password, a token) that ``repr``, ``str`` and ``format`` mask.

    The value is read only through `reveal`. Two secrets are equal when their values are (the
    comparison takes constant time). `Secret` is deliberately not an attrs class, so
    ``attrs.asdict`` of a ticket keeps the `Secret` object rather than unwrapping its value.
    Pickling keeps the value: pickle is a transport between trusted processes.

    >>> password = Secret("hunter2")
    >>> password
    Secret('********')
    >>> f"{password}"
    '********'
    >>> password.reveal()
    'hunter2'
    """

    __slots__ = ("_value",)
    _value: str

    def __init__(self, value: str, /) -> None:
        object.__setattr__(self, "_value", value)

    def reveal(self) -> str:
        """Return the secret value. Call it only where the value is really needed."""
        return self._value

    def __repr__(self) -> str:
        return f"Secret({MASK!r})"

    def __str__(self) -> str:
        return MASK

    def __format__(self, format_spec: str) -> str:
        return format(MASK, format_spec)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return hmac.compare_digest(
            self._value.encode("utf-8", "surrogatepass"),
            other._value.encode("utf-8", "surrogatepass"),
        )

    def __hash__(self) -> int:
        return hash((Secret, self._value))

    def __setattr__(self, name: str, value: object) -> NoReturn:
        msg = "Secret is immutable"
        raise AttributeError(msg)

    def __delattr__(self, name: str) -> NoReturn:
        msg = "Secret is immutable"
        raise AttributeError(msg)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Secret, (self._value,))
