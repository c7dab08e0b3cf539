"""Private: make untrusted text safe to show in a message, a path or a log line."""

from __future__ import annotations

import re
from typing import Final

# Control characters (C0, DEL, C1), the Unicode line separators, direction overrides and
# isolates, and unpaired surrogates: shown raw, they forge log lines, reorder what a reader
# sees, or make the message impossible to encode as UTF-8.
_UNSAFE: Final = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_SHORT: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str, /) -> str:
    r"""Return *text* with unsafe characters escaped as JSON escapes them (``\n``, ``\u202e``).

    >>> visible("a\nb\u202ec")
    'a\\nb\\u202ec'
    """
    if text.isascii() and text.isprintable():
        return text
    return _UNSAFE.sub(lambda m: _SHORT.get(m.group()) or f"\\u{ord(m.group()):04x}", text)
