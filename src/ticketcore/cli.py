"""The ``ticketcore`` command line (also ``python -m ticketcore``).

Commands: ``check`` validates and assesses ticket files, ``score`` writes a JSON Lines report
for a file of any size, ``schema`` prints the JSON Schema of the wire format, ``rules check``
validates a rule file, ``redact`` prints tickets with their credentials masked. The reference,
with every option and output format, is ``docs/cli.md``.

Exit status: 0 when every ticket is valid and complete enough; 1 when a ticket is invalid,
malformed or does not pass; 2 for a usage error or unreadable input; 130 when interrupted;
141 when the reader of the output went away (``ticketcore score big.jsonl | head``).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import stat as stat_
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Final, NoReturn, TextIO

from ticketcore._cli.judge import Judge, Settings, Tally
from ticketcore._cli.records import Record, read_records
from ticketcore._cli.redacting import redact_document
from ticketcore._cli.score import dumps, score_records
from ticketcore._cli.text import render
from ticketcore._convert import parse_json
from ticketcore._version import __version__
from ticketcore.context import CONTEXTS
from ticketcore.errors import TicketValidationError, UnsupportedLocaleError
from ticketcore.i18n import normalize_locale
from ticketcore.rules import DEFAULT_RULES, RuleSet
from ticketcore.schema import json_schema

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_FAILED: Final = 1
EXIT_USAGE: Final = 2
EXIT_INTERRUPTED: Final = 130  # 128 + SIGINT, as shells report it
EXIT_BROKEN_PIPE: Final = 141  # 128 + SIGPIPE


class _UsageError(Exception):
    """A command line or input the command cannot work with (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message}\n{self.format_usage().rstrip()}")


@dataclasses.dataclass(frozen=True)
class _Streams:
    stdin: BinaryIO
    stdout: TextIO
    stderr: TextIO


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: BinaryIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line with *argv* (``sys.argv[1:]`` by default); return the exit status.

    Args:
        argv: The arguments after the program name.
        stdin: Where ``-`` reads from (bytes); ``sys.stdin``'s buffer by default.
        stdout: Where results go; ``sys.stdout`` by default.
        stderr: Where diagnostics, the progress bar and summaries go; ``sys.stderr`` by default.
    """
    io = _Streams(
        stdin=stdin if stdin is not None else sys.stdin.buffer,
        stdout=stdout if stdout is not None else sys.stdout,
        stderr=stderr if stderr is not None else sys.stderr,
    )
    try:
        try:
            args = _parser().parse_args(argv)
        except SystemExit as exc:  # --help and --version
            return exc.code if isinstance(exc.code, int) else EXIT_USAGE
        command: Callable[[argparse.Namespace, _Streams], int] = args.command
        status = command(args, io)
        io.stdout.flush()
    except _UsageError as exc:
        print(f"ticketcore: {exc}", file=io.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`ticketcore score big.jsonl | head`): stop quietly. Python's
        # documentation recommends pointing stdout at devnull, so that the flush at exit does
        # not raise again.
        if io.stdout is sys.stdout:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print("ticketcore: interrupted", file=io.stderr)
        return EXIT_INTERRUPTED
    return status


# --- The commands ---------------------------------------------------------------------------


def _check(args: argparse.Namespace, io: _Streams) -> int:
    judge = Judge(_settings(args))
    tally = Tally()
    unreadable = False
    for name in args.files:
        with _reading(name, io) as stream:
            if stream is None:
                unreadable = True
                continue
            for record in read_records(stream, name):
                verdict, ticket = judge.judge(record, name)
                tally.add(verdict)
                if verdict is None:
                    continue
                if args.format == "json":
                    print(dumps(verdict), file=io.stdout)
                else:
                    print(*render(verdict, ticket), sep="\n", file=io.stdout)
    summary = tally.summary()[0]
    print(summary, file=io.stdout if args.format == "text" else io.stderr)
    return _status(tally, unreadable=unreadable)


def _score(args: argparse.Namespace, io: _Streams) -> int:
    settings = _settings(args)
    name: str = args.file
    with _reading(name, io) as stream, _writing(args.out, io) as out:
        if stream is None:
            return EXIT_USAGE
        bar = _progress_bar(stream, io.stderr)
        try:
            tally = score_records(
                read_records(stream, name),
                name,
                settings,
                out,
                jobs=args.jobs or os.cpu_count() or 1,
                progress=None if bar is None else bar.update,
            )
        finally:
            if bar is not None:
                bar.close()
    for line in tally.summary():
        print(f"ticketcore score: {line}", file=io.stderr)
    return _status(tally, unreadable=False)


def _schema(args: argparse.Namespace, io: _Streams) -> int:
    rules = _rules(args.rules)
    if args.department is not None and rules.department(args.department) is None:
        known = ", ".join(rules.department_ids)
        raise _UsageError(f"no department {args.department!r} in the rules (known: {known})")
    schema = json_schema(rules, department=args.department, context=args.context)
    print(json.dumps(schema, indent=2, ensure_ascii=False), file=io.stdout)
    return EXIT_OK


def _rules_check(args: argparse.Namespace, io: _Streams) -> int:
    locale = _locale(args.locale)
    path: str = args.file
    try:
        rules = RuleSet.load(path)
    except OSError as exc:
        raise _UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    except TicketValidationError as exc:
        count = len(exc.problems)
        print(f"{path}: invalid ({count} problem{'' if count == 1 else 's'})", file=io.stdout)
        for problem in exc.problems:
            message = problem.message(locale)
            print(f"  {problem.location}: {message} [{problem.code}]", file=io.stdout)
        return EXIT_FAILED
    ids = rules.department_ids
    count = len(ids)
    print(
        f"{path}: valid — {count} department{'' if count == 1 else 's'}: {', '.join(ids)}",
        file=io.stdout,
    )
    return EXIT_OK


def _redact(args: argparse.Namespace, io: _Streams) -> int:
    rules = _rules(args.rules)
    status = EXIT_OK
    for name in args.files:
        with _reading(name, io) as stream:
            if stream is None:
                status = EXIT_USAGE
                continue
            for record in read_records(stream, name):
                if record.blank and record.line is not None:
                    continue
                where = name if record.line is None else f"{name}:{record.line}"
                data = _parse(record)
                if data is None:
                    print(f"ticketcore: {where}: not a JSON object, left out", file=io.stderr)
                    status = max(status, EXIT_FAILED)
                    continue
                redacted = redact_document(data, rules)
                if record.line is None:
                    print(json.dumps(redacted, indent=2, ensure_ascii=False), file=io.stdout)
                else:
                    print(dumps(redacted), file=io.stdout)
    return status


# --- Helpers --------------------------------------------------------------------------------


def _status(tally: Tally, *, unreadable: bool) -> int:
    if unreadable:
        return EXIT_USAGE
    return EXIT_OK if tally.ok else EXIT_FAILED


def _parse(record: Record) -> dict[str, Any] | None:
    if record.overflow:
        return None
    try:
        data = parse_json(record.raw)
    except TicketValidationError:
        return None
    return data if isinstance(data, dict) else None


@contextlib.contextmanager
def _reading(name: str, io: _Streams) -> Iterator[BinaryIO | None]:
    """Open *name* for reading (``-`` is stdin); yield ``None`` after reporting a failure."""
    if name == "-":
        yield io.stdin
        return
    try:
        stream = Path(name).open("rb")  # noqa: SIM115 (closed below)
    except OSError as exc:
        print(f"ticketcore: cannot read {name}: {exc.strerror or exc}", file=io.stderr)
        yield None
        return
    with stream:
        yield stream


@contextlib.contextmanager
def _writing(name: str, io: _Streams) -> Iterator[TextIO]:
    if name == "-":
        yield io.stdout
        return
    try:
        stream = Path(name).open("w", encoding="utf-8", newline="\n")  # noqa: SIM115
    except OSError as exc:
        raise _UsageError(f"cannot write {name}: {exc.strerror or exc}") from None
    with stream:
        yield stream


def _progress_bar(stream: BinaryIO, stderr: TextIO) -> Any:
    """A tqdm bar over the input's bytes, when stderr is a terminal; else ``None``."""
    if not stderr.isatty():
        return None
    from tqdm import tqdm  # noqa: PLC0415 (only when a terminal shows it)

    try:
        stat = os.fstat(stream.fileno())
        total = stat.st_size if stat.st_size and stat_.S_ISREG(stat.st_mode) else None
    except (OSError, ValueError):
        total = None
    return tqdm(
        total=total,
        unit="B",
        unit_scale=True,
        unit_divisor=1024,
        desc="scoring",
        file=stderr,
        dynamic_ncols=True,
    )


def _settings(args: argparse.Namespace) -> Settings:
    return Settings(
        rules=_rules(args.rules),
        locale=_locale(args.locale),
        context=args.context,
        min_score=args.min_score,
    )


def _locale(name: str) -> str:
    try:
        return normalize_locale(name)
    except UnsupportedLocaleError as exc:
        raise _UsageError(str(exc)) from None


def _rules(path: str | None) -> RuleSet:
    if path is None:
        return DEFAULT_RULES
    try:
        return RuleSet.load(path)
    except OSError as exc:
        raise _UsageError(f"cannot read the rules {path}: {exc.strerror or exc}") from None
    except TicketValidationError as exc:
        lines = "\n".join(f"  {p.location}: {p.message()} [{p.code}]" for p in exc.problems)
        msg = f"the rules in {path} are invalid (check them with: ticketcore rules check {path})"
        raise _UsageError(f"{msg}\n{lines}") from None


# --- The parser -----------------------------------------------------------------------------


def _score_value(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"must be between 0 and 100 (got {value})")
    return value


def _jobs_value(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (one per CPU) or more (got {value})")
    return value


def _judging_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", metavar="FILE", help="the rule set (default: the built-in one)")
    parser.add_argument(
        "--locale", default="en", help="language of messages and hints: en, pt-BR (default: en)"
    )
    parser.add_argument(
        "--context",
        choices=CONTEXTS,
        default="customer",
        help="who submits the tickets, which decides what is required (default: customer)",
    )
    parser.add_argument(
        "--min-score",
        type=_score_value,
        default=0,
        metavar="N",
        help="tickets scoring under N do not pass (the department's own minimum always applies)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ticketcore", description="Validate, judge and redact help-desk support tickets."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check", help="validate and assess ticket files (JSON or JSON Lines)"
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="a JSON or JSONL file; - for stdin")
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people, json for one JSON object per ticket (default: text)",
    )
    _judging_options(check)
    check.set_defaults(command=_check)

    score = commands.add_parser("score", help="score a JSON Lines file of any size")
    score.add_argument("file", metavar="FILE", help="a JSONL file; - for stdin")
    score.add_argument(
        "--out", default="-", metavar="FILE", help="where the report goes (default: - for stdout)"
    )
    score.add_argument(
        "--jobs",
        type=_jobs_value,
        default=1,
        metavar="N",
        help="processes that judge tickets; 0 for one per CPU (default: 1)",
    )
    _judging_options(score)
    score.set_defaults(command=_score)

    schema = commands.add_parser("schema", help="print the JSON Schema of the wire format")
    schema.add_argument("--department", metavar="ID", help="the schema of one department")
    schema.add_argument("--rules", metavar="FILE", help="the rule set (default: the built-in one)")
    schema.add_argument(
        "--context",
        choices=CONTEXTS,
        default="customer",
        help="who submits, which decides what is required (default: customer)",
    )
    schema.set_defaults(command=_schema)

    rules = commands.add_parser("rules", help="work with rule files")
    rules_commands = rules.add_subparsers(title="commands", required=True, metavar="COMMAND")
    rules_check = rules_commands.add_parser("check", help="validate a rule file")
    rules_check.add_argument("file", metavar="FILE")
    rules_check.add_argument("--locale", default="en", help="language of the problems")
    rules_check.set_defaults(command=_rules_check)

    redact = commands.add_parser(
        "redact", help="print tickets with credentials masked and passwords removed"
    )
    redact.add_argument(
        "files", nargs="+", metavar="FILE", help="a JSON or JSONL file; - for stdin"
    )
    redact.add_argument("--rules", metavar="FILE", help="the rule set, for secret custom fields")
    redact.set_defaults(command=_redact)
    return parser
