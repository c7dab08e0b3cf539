"""The ``ticketcore`` command line: ``ticketcore check FILE…`` validates ticket files.

Exit status: 0 when every ticket is valid, 1 when any is invalid, 2 for a usage error or an
unreadable file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ticketcore.errors import TicketValidationError, UnsupportedLocaleError
from ticketcore.i18n import normalize_locale
from ticketcore.serialize import make_serializer
from ticketcore.ticket import Ticket

__all__ = ["main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ticketcore", description="Validate and judge help-desk support tickets."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check", help="validate ticket files (JSON documents) and list every problem"
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="a JSON file, or - for stdin")
    check.add_argument("--locale", default="en", help="language of the messages (en, pt-BR)")
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line with *argv* (``sys.argv[1:]`` by default); return the exit status."""
    out = stdout or sys.stdout
    args = _parser().parse_args(argv)
    try:
        locale = normalize_locale(args.locale)
    except UnsupportedLocaleError as exc:
        print(f"ticketcore: {exc}", file=sys.stderr)
        return EXIT_USAGE
    serializer = make_serializer()
    status = EXIT_OK
    for name in args.files:
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as exc:
            print(f"ticketcore: cannot read {name}: {exc.strerror}", file=sys.stderr)
            return EXIT_USAGE
        try:
            ticket = serializer.from_json(data)
        except TicketValidationError as exc:
            status = EXIT_INVALID
            count = len(exc.problems)
            print(f"{name}: invalid ({count} problem{'s' if count != 1 else ''})", file=out)
            for problem in exc.problems:
                print(f"  {problem.location}: {problem.message(locale)} [{problem.code}]", file=out)
        else:
            print(f"{name}: valid — {_summary(ticket)}", file=out)
    return status


def _summary(ticket: Ticket) -> str:
    return f"{ticket.department.id}, {ticket.priority.value} priority, {ticket.subject!r}"
