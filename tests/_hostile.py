"""Strategies for hostile input that only the tests need (valid objects: ticketcore.strategies)."""

from __future__ import annotations

from hypothesis import strategies as st

# Characters that break naive validators: controls, line breaks, direction overrides, lone
# surrogates, combining marks, separators that URL, path and e-mail parsers treat specially.
TRICKY = (
    "\x00", "\x07", "\t", "\n", "\r", "\r\n", "\x1b", "\x7f", "\x85", "\x9b", "\u2028",
    "\u202e", "\u2066", "\ufeff", "\u200b", "\ud800", "\udfff", "\u0301", "\u00a0", "\u3002",
    "/", "\\", "..", ":", "@", "[", "]", "%", "#", "?", ".", " ", "://", "xn--", "é", "ß",
)  # fmt: skip

hostile_texts = st.lists(st.characters(exclude_categories=()) | st.sampled_from(TRICKY)).map(
    "".join
)
"""Any text, surrogates and control characters included, rich in the characters above."""

wrong_types = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.binary(max_size=8),
    st.lists(st.integers(), max_size=3),
    st.lists(st.lists(st.text(max_size=3), max_size=2), max_size=2),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.tuples(st.text(max_size=3)),
    st.builds(object),
    st.just(...),
)
"""Values of the wrong type for any text, number or object field."""
