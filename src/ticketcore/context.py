"""Who submits a ticket, which decides what it must contain."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Literal, TypeAlias, get_args

__all__ = ["CONTEXTS", "Context"]

Context: TypeAlias = Literal["customer", "agent", "import"]
"""``customer``: a form on the web or in an app; ``agent``: a support agent opening a ticket for
someone; ``import``: a migration of old tickets, which must not fail on what was never asked."""

CONTEXTS: Final[tuple[Context, ...]] = get_args(Context)
"""Every context, in the order of the `Context` type."""
"""Every `Context`, in the order of the type: ``("customer", "agent", "import")``."""


def to_contexts(value: bool | Iterable[str]) -> frozenset[str]:  # noqa: FBT001 (a converter)
    """Read a requirement: ``True`` is every context, ``False`` none, else the contexts named."""
    if value is True:
        return frozenset(CONTEXTS)
    if value is False:
        return frozenset()
    if isinstance(value, str):
        return frozenset({value})
    if isinstance(value, Iterable):
        # Anything but a name is kept as its repr, for the checks to report as an invalid choice.
        return frozenset(item if isinstance(item, str) else repr(item) for item in value)
    return value  # left for the checks to report
