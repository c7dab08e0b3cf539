"""Shared by the fuzz targets: turn fuzzer bytes into hostile documents, and run a target.

A target is a function ``one_input(data: bytes) -> None`` that feeds *data* to one entry point
of ticketcore and raises only when it finds a bug (an exception the API does not promise, or a
broken invariant). `Draw` decodes the bytes into JSON-like values, text full of characters that
break parsers, and mutations of valid documents, without needing atheris; `main` runs a target
under atheris when it is installed, else on seeded pseudo-random bytes.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ticketcore import DEFAULT_RULES
from ticketcore._wire import TICKET_KEYS

Target = Callable[[bytes], None]


class BugFoundError(AssertionError):
    """An invariant of ticketcore does not hold: a bug, not bad input."""


def require(condition: bool, what: str) -> None:  # noqa: FBT001 (an assertion)
    """Raise `BugFoundError` unless *condition* holds (``assert`` would vanish under ``-O``)."""
    if not condition:
        raise BugFoundError(what)


# Characters that break naive validators: controls, line breaks, direction overrides, lone
# surrogates, combining marks, and separators that URL, path and e-mail parsers treat specially.
TRICKY = (
    "\x00", "\x07", "\t", "\n", "\r", "\r\n", "\x1b", "\x7f", "\x85", "\u2028", "\u202e",
    "\u2066", "\ufeff", "\u200b", "\ud800", "\udfff", "\u0301", "\u00a0", "\u3002", "/", "\\",
    "..", ":", "@", "[", "]", "{", "}", "%", "#", "?", ".", " ", "://", "xn--", "é", "ß", "İ",
    "senha: ", "password=", "-----BEGIN PRIVATE KEY-----", "1. ", "erro 500", "https://",
    "www.example.com", "a" * 9, "7" * 9, '"', "'", "*", "+", "(", ")", "$", "^", "|",
)  # fmt: skip

# Keys that the wire format, its parts and rule files know, so that mutations reach deep code.
KEYS = (
    *sorted(TICKET_KEYS),
    "username", "password", "filename", "content_type", "size", "name", "email",
    "departments", "priorities", "limits", "id", "names", "requires", "custom_fields",
    "weights", "min_score", "kind", "labels", "required", "min_length", "max_length",
    "minimum", "maximum", "options", "pattern", "error_messages", "en", "pt-BR", "invoice",
    "technical-support", "billing", "sales", "customer", "agent", "import",
)  # fmt: skip

# Sizes around the limits (64 KiB message, 8 KiB error message, 200 characters, 4x shrink).
SIZES = (0, 1, 2, 3, 199, 200, 201, 8192, 8193, 65536, 65537, 262145)

VALID_TICKETS: tuple[dict[str, Any], ...] = (
    {
        "schema_version": 1,
        "department": "technical-support",
        "subject": "Site offline since 10:00",
        "service": "hosting-4711",
        "priority": "high",
        "message": "1. Open https://www.example.com/admin\n2. Log in\n3. The page shows HTTP 500",
        "location": "www.example.com/admin",
        "credentials": {"username": "admin", "password": "hunter2!"},
        "error_message": "HTTP 500 Internal Server Error",
        "attachments": [{"filename": "error.png", "content_type": "image/png", "size": 48213}],
        "requester": {"name": "Maria Silva", "email": "maria@example.com.br"},
        "custom_fields": {},
        "created_at": "2026-11-24T13:00:00Z",
    },
    {
        "department": "billing",
        "subject": "Fatura em dobro",
        "message": "Recebi duas cobranças da fatura deste mês, deveria ser uma só.",
        "priority": "baixa",
        "custom_fields": {"invoice": "NF-2026-0042"},
    },
    {"department": "sales", "subject": "Plan upgrade", "message": "Which plan has SSH?"},
)


class Draw:
    """Reads decisions from fuzzer bytes; once they run out, every decision is 0."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.position = 0

    def byte(self) -> int:
        """The next byte (0 when exhausted)."""
        if self.position >= len(self.data):
            return 0
        value = self.data[self.position]
        self.position += 1
        return value

    def below(self, n: int) -> int:
        """A number in ``range(n)``."""
        value = self.byte()
        if n > 256:
            value = value << 8 | self.byte()
        return value % n

    def choice(self, options: tuple[Any, ...] | list[Any]) -> Any:
        """One of *options*."""
        return options[self.below(len(options))]

    def text(self) -> str:
        """Short text of tricky characters and code points, or a long run at a limit."""
        mode = self.below(8)
        if mode == 0:  # a size around a limit, of one repeated piece
            return (self.choice(TRICKY) * self.choice(SIZES))[: self.choice(SIZES)]
        pieces = []
        for _ in range(self.below(12)):
            if self.below(3):
                pieces.append(self.choice(TRICKY))
            else:  # any code point, surrogates included
                pieces.append(chr(self.below(0x110000)))
        return "".join(pieces)

    def number(self) -> object:
        """An int or float, including the edges: huge, negative, NaN, infinities."""
        return self.choice(
            (
                0, 1, -1, 3, 200, 65536, 2**31, 2**63, 10**30, -(10**30), 0.5, -0.0, 1e308,
                10**5000, -(10**5000),  # too long for str(): Python refuses over 4300 digits
                float("inf"), float("-inf"), float("nan"), self.below(100_000), True, False,
            )
        )  # fmt: skip

    def value(self, depth: int = 0) -> object:
        """Any JSON-like value (and a few Python ones a host might pass by mistake)."""
        kind = self.below(10 if depth < 4 else 5)
        if kind == 0:
            return None
        if kind == 1:
            return self.number()
        if kind in (2, 3):
            return self.text()
        if kind == 4:
            return self.choice(KEYS)
        if kind in (5, 6):
            return {self.key(): self.value(depth + 1) for _ in range(self.below(6))}
        if kind == 7:
            return [self.value(depth + 1) for _ in range(self.below(5))]
        if kind == 8:  # deep nesting, past the interpreter's recursion limit at times
            value: object = self.value(depth + 1)
            wrap = self.below(3)
            for _ in range(self.choice((1, 2, 17, 40, 5000))):
                value = [value] if wrap == 0 else {"a": value} if wrap == 1 else ([value], 1)
            return value
        return self.choice(((), (1, "a"), b"bytes", frozenset({1}), object()))

    def key(self) -> str:
        """A key: usually one the formats know, sometimes any text."""
        return self.choice(KEYS) if self.below(4) else self.text()

    def mutate(self, document: object) -> object:
        """A copy of *document* with a few values replaced, removed or wrapped."""
        result = copy.deepcopy(document)
        for _ in range(1 + self.below(4)):
            result = self._mutate_once(result)
        return result

    def _mutate_once(self, document: object) -> object:
        container = document
        # Walk down a few levels, then change something at the place reached.
        for _ in range(self.below(4)):
            if isinstance(container, dict) and container:
                child = container[self.choice(list(container))]
            elif isinstance(container, list) and container:
                child = self.choice(container)
            else:
                break
            if not isinstance(child, (dict, list)):
                break
            container = child
        operation = self.below(6)
        if isinstance(container, dict):
            key = self.choice(list(container)) if container and self.below(2) else self.key()
            if operation == 0:
                container.pop(key, None)
            elif operation == 1:
                container[key] = [container.get(key)]
            elif operation in (2, 3):  # same type, hostile content: reaches the checks
                container[key] = self._like(container.get(key))
            else:
                container[key] = self.value()
        elif isinstance(container, list):
            if operation == 0 and container:
                container.pop(self.below(len(container)))
            elif operation == 1 and container:
                container.extend(container[:1] * self.below(12))
            else:
                container.append(self.value())
        else:
            return self.value()
        return document

    def _like(self, value: object) -> object:
        if isinstance(value, str):
            return self.text() if self.below(2) else value + self.text()
        if isinstance(value, (int, float)):
            return self.number()
        return self.value()

    def mutate_bytes(self, data: bytes) -> bytes:
        """*data* with a few bytes flipped, inserted or removed."""
        buffer = bytearray(data)
        for _ in range(1 + self.below(6)):
            position = self.below(len(buffer) + 1)
            operation = self.below(3)
            if operation == 0 and position < len(buffer):
                buffer[position] ^= 1 << self.below(8)
            elif operation == 1:
                buffer[position:position] = bytes([self.byte()])
            elif position < len(buffer):
                del buffer[position]
        return bytes(buffer)

    def rest(self) -> bytes:
        """The bytes not read yet."""
        return self.data[self.position :]


def ticket_document(draw: Draw) -> object:
    """A hostile ticket document: any value, or a mutated valid ticket."""
    return draw.mutate(draw.choice(VALID_TICKETS)) if draw.below(3) else draw.value()


def rules_document(draw: Draw) -> object:
    """A hostile rule file's content: any value, or mutated default rules."""
    return draw.mutate(DEFAULT_RULES.to_dict()) if draw.below(3) else draw.value()


def seeds() -> list[bytes]:
    """Inputs to start from: the valid documents as JSON, and a few decisions."""
    documents = [json.dumps(d).encode() for d in VALID_TICKETS]
    return [*documents, json.dumps(DEFAULT_RULES.to_dict()).encode(), b"", b"\x01\x02\x03"]


def run(target: Target, *, runs: int, seed: int, max_length: int = 512) -> int:
    """Call *target* on *runs* inputs: seeds, their mutations and random bytes.

    Returns the number of inputs tried. A crash writes its input to ``crash-<sha1>.bin`` in
    the current directory, then re-raises.
    """
    chooser = random.Random(seed)  # noqa: S311 (test data, not security)
    corpus = seeds()
    for count in range(runs):
        if count < len(corpus):
            data = corpus[count]
        elif chooser.random() < 0.5:
            data = Draw(chooser.randbytes(16)).mutate_bytes(chooser.choice(corpus))
        else:
            data = chooser.randbytes(chooser.randrange(max_length))
        try:
            target(data)
        except BaseException:
            name = f"crash-{hashlib.sha1(data).hexdigest()}.bin"  # noqa: S324 (a file name)
            Path(name).write_bytes(data)
            print(f"crash: input written to {name}", file=sys.stderr)
            raise
    return runs


def main(target: Target) -> None:
    """Fuzz *target* with atheris when installed, else on pseudo-random bytes.

    Without atheris: ``--runs N`` (default 10000), ``--seed S``; a file argument replays it.
    With atheris, the arguments are libFuzzer's (``-runs=N``, ``-max_total_time=S``, a corpus
    directory, a crash file to replay).
    """
    try:
        import atheris  # noqa: PLC0415 (optional: run by hand, never a dependency)
    except ImportError:
        atheris = None
    if atheris is not None:
        atheris.instrument_all()
        atheris.Setup(sys.argv, target)
        atheris.Fuzz()
        return
    parser = argparse.ArgumentParser(description="fuzz without atheris (pseudo-random bytes)")
    parser.add_argument("replay", nargs="*", type=Path, help="input files to replay")
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.replay:
        for path in args.replay:
            target(path.read_bytes())
        print(f"{len(args.replay)} inputs replayed, no crash")
        return
    start = time.perf_counter()
    tried = run(target, runs=args.runs, seed=args.seed)
    print(f"{tried} inputs tried in {time.perf_counter() - start:.1f} s, no crash")
