"""Tests for the ``ticketcore`` command line: in process through `main`, and as a subprocess."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ticketcore import DEFAULT_RULES, TicketValidationError, from_dict
from ticketcore._cli import records
from ticketcore._cli.judge import Judge
from ticketcore.cli import main
from ticketcore.strategies import DRAFT_PARTS, InvalidTicketDict, WireDict, drafts, ticket_dicts

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
VALID = EXAMPLES / "ticket.json"
INVALID = EXAMPLES / "invalid-ticket.json"
# The bundled example is complete; without its screenshot it is valid and scores under 100.
WITHOUT_SCREENSHOT = json.dumps(
    {k: v for k, v in json.loads(VALID.read_text("utf-8")).items() if k != "attachments"}
).encode()
RECORD_KEYS = {
    "source",
    "line",
    "valid",
    "malformed",
    "department",
    "problems",
    "score",
    "min_score",
    "passed",
    "findings",
}
PASSWORD = "Zq-9xK!w7Rv2"


class Run:
    """The outcome of one in-process run: exit status, stdout and stderr."""

    def __init__(self, status: int, out: str, err: str) -> None:
        self.status = status
        self.out = out
        self.err = err

    @property
    def records(self) -> list[dict[str, Any]]:
        """The JSON objects printed, one per line."""
        return [json.loads(line) for line in self.out.splitlines()]


class TTY(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        """Say yes."""
        return True


def run(*argv: str | Path, stdin: bytes = b"", stderr: io.StringIO | None = None) -> Run:
    """Run `main` with *argv* and *stdin*, capturing what it prints."""
    out = io.StringIO()
    err = stderr if stderr is not None else io.StringIO()
    status = main([str(a) for a in argv], stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    return Run(status, out.getvalue(), err.getvalue())


def jsonl(*lines: object) -> bytes:
    """A JSON Lines file: dicts are dumped, bytes and strings written as they are."""
    parts = []
    for line in lines:
        if isinstance(line, bytes):
            parts.append(line)
        elif isinstance(line, str):
            parts.append(line.encode())
        else:
            parts.append(json.dumps(line, ensure_ascii=False).encode())
    return b"\n".join(parts) + b"\n"


def example(path: Path = VALID) -> WireDict:
    """The parsed example ticket."""
    data: WireDict = json.loads(path.read_text("utf-8"))
    return data


# --- check ------------------------------------------------------------------------------------


def test_check_prints_validity_score_and_findings() -> None:
    """A valid ticket gets a summary line, its completeness score and each finding with a hint."""
    result = run("check", VALID)
    lines = result.out.splitlines()
    assert result.status == 0
    assert lines[0] == (
        f"{VALID}: valid — technical-support, high priority, 'Site fora do ar desde as 10:00'"
    )
    assert re.fullmatch(r"  completeness \d+/100: passed", lines[1])
    assert lines[-1] == "1 ticket: 1 valid, 0 invalid, 0 malformed; 1 passed."
    assert result.err == ""


def test_check_lists_every_problem_and_fails() -> None:
    """An invalid ticket lists each problem with path, message and code, and exits 1."""
    result = run("check", VALID, INVALID)
    assert result.status == 1
    assert f"{INVALID}: invalid (7 problems)" in result.out
    assert "  $.priority: The priority must be one of: low, medium, high, urgent (got asap)." in (
        result.out
    )
    assert re.search(r"\n  completeness \d+/100: not passed \(invalid\)\n", result.out)
    assert result.out.splitlines()[-1] == "2 tickets: 1 valid, 1 invalid, 0 malformed; 1 passed."


def test_check_json_prints_one_record_per_ticket() -> None:
    """``--format json`` prints one object per ticket, and the summary on stderr only."""
    result = run("check", "--format", "json", VALID, INVALID)
    valid, invalid = result.records
    assert set(valid) == set(invalid) == RECORD_KEYS
    assert (valid["valid"], valid["passed"], valid["line"], valid["problems"]) == (
        True,
        True,
        None,
        [],
    )
    assert valid["source"] == str(VALID)
    assert 0 <= valid["score"] <= 100
    for finding in valid["findings"]:
        assert set(finding) == {"code", "severity", "field", "message", "hint"}
    with pytest.raises(TicketValidationError) as caught:
        from_dict(example(INVALID))
    assert invalid["problems"] == [
        {"path": p.location, "code": p.code, "message": p.message()} for p in caught.value.problems
    ]
    assert "service_missing" in [f["code"] for f in invalid["findings"]]
    assert result.err == "2 tickets: 1 valid, 1 invalid, 0 malformed; 1 passed.\n"


def test_check_speaks_portuguese() -> None:
    """``--locale pt-BR`` renders problems, findings and hints in Portuguese."""
    result = run("check", "--format", "json", "--locale", "pt_BR", INVALID)
    (record,) = result.records
    with pytest.raises(TicketValidationError) as caught:
        from_dict(example(INVALID))
    assert [p["message"] for p in record["problems"]] == [
        p.message("pt-BR") for p in caught.value.problems
    ]
    service = next(f for f in record["findings"] if f["code"] == "service_missing")
    assert service["hint"] == "Informe o serviço contratado a que o chamado se refere."


def test_min_score_makes_a_valid_ticket_fail() -> None:
    """A valid ticket under ``--min-score`` does not pass, and the run exits 1."""
    result = run("check", "--min-score", "100", "-", stdin=WITHOUT_SCREENSHOT)
    assert result.status == 1
    assert "not passed (below the minimum of 100)" in result.out
    assert result.out.splitlines()[-1] == "1 ticket: 1 valid, 0 invalid, 0 malformed; 0 passed."


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "--locale", "fr", "-"], "fr"),
        (["check", "--min-score", "101", "-"], "between 0 and 100"),
        (["check", "--colour", "-"], "unrecognized arguments: --colour"),
        (["score", "--jobs", "-1", "-"], "0 (one per CPU) or more"),
        (["check"], "required: FILE"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2(argv: list[str], message: str) -> None:
    """A bad option or argument is reported on stderr with the usage, and exits 2."""
    result = run(*argv)
    assert result.status == 2
    assert result.out == ""
    assert result.err.startswith("ticketcore: ")
    assert message in result.err


def test_a_missing_file_exits_2_after_checking_the_others(tmp_path: Path) -> None:
    """An unreadable file is reported; the other files are still checked."""
    result = run("check", tmp_path / "nope.json", VALID)
    assert result.status == 2
    assert (
        result.err
        == f"ticketcore: cannot read {tmp_path / 'nope.json'}: No such file or directory\n"
    )
    assert f"{VALID}: valid" in result.out


# --- Reading JSON and JSON Lines ----------------------------------------------------------------


BROKEN_JSONL = jsonl(
    example(),
    "",
    "this is not json",
    b'{"subject": "caf\xe9"}',
    "[1, 2]",
    example(INVALID),
    '{"subject": "cut here',
)


def test_jsonl_reports_malformed_lines_and_counts_every_line() -> None:
    """Blank, garbage, non-UTF-8, non-object and truncated lines are reported; nothing is lost."""
    result = run("check", "--format", "json", "-", stdin=BROKEN_JSONL)
    by_line = {r["line"]: r for r in result.records}
    assert sorted(by_line) == [1, 3, 4, 5, 6, 7]
    assert by_line[1]["valid"] is True
    assert by_line[6]["valid"] is False
    assert not by_line[6]["malformed"]
    malformed = {n: r["problems"][0]["code"] for n, r in by_line.items() if r["malformed"]}
    assert malformed == {
        3: "invalid_json",
        4: "invalid_encoding",
        5: "wrong_type",
        7: "invalid_json",
    }
    assert all(by_line[n]["score"] is None for n in malformed)
    assert result.err == "6 tickets: 1 valid, 1 invalid, 4 malformed, 1 blank; 1 passed.\n"
    assert result.status == 1


def test_jsonl_text_output_names_the_line() -> None:
    """In text, a malformed line shows its file, line number, problem and code."""
    result = run("check", "-", stdin=BROKEN_JSONL)
    assert "-:3: malformed\n  $: " in result.out
    assert "[invalid_json]" in result.out


def test_a_pretty_printed_document_is_one_ticket() -> None:
    """A JSON document over several lines is read whole: no line numbers."""
    result = run("check", "--format", "json", "-", stdin=VALID.read_bytes())
    (record,) = result.records
    assert (record["source"], record["line"], record["valid"]) == ("-", None, True)


def test_one_line_is_a_document_unless_named_jsonl(tmp_path: Path) -> None:
    """A lone line is a document; the ``.jsonl`` suffix makes it line 1 of JSON Lines."""
    one_line = jsonl(example())
    assert run("check", "--format", "json", "-", stdin=one_line).records[0]["line"] is None
    path = tmp_path / "tickets.jsonl"
    path.write_bytes(b"not json\n" + one_line)
    lines = [r["line"] for r in run("check", "--format", "json", path).records]
    assert lines == [1, 2]


def test_truncated_document_and_byte_order_mark() -> None:
    """A truncated document is malformed; a UTF-8 byte order mark is skipped."""
    truncated = run("check", "--format", "json", "-", stdin=VALID.read_bytes()[:50])
    assert truncated.records[0]["problems"][0]["code"] == "invalid_json"
    assert truncated.status == 1
    with_bom = run("check", "-", stdin=b"\xef\xbb\xbf" + VALID.read_bytes())
    assert with_bom.status == 0


def test_an_empty_input_is_malformed() -> None:
    """An empty file is reported, not silently accepted."""
    result = run("check", "--format", "json", "-", stdin=b"")
    assert result.records[0]["malformed"] is True
    assert result.status == 1


def test_overlong_lines_are_skipped_without_being_held(monkeypatch: pytest.MonkeyPatch) -> None:
    """A line over the document size limit is reported as too large; the next line is read."""
    monkeypatch.setattr(records, "MAX_DOCUMENT_BYTES", 64)
    monkeypatch.setattr(records, "_SKIP_CHUNK", 16)
    data = jsonl({"subject": "y"}, {"subject": "x" * 500}, {"subject": "z"}) + b"z" * 300
    result = run("check", "--format", "json", "-", stdin=data)
    problems = [(r["line"], r["problems"][0]["code"]) for r in result.records]
    assert problems == [
        (1, "required"),
        (2, "input_too_large"),
        (3, "required"),
        (4, "input_too_large"),
    ]
    document = run("check", "--format", "json", "-", stdin=b"[" + b" " * 100 + b"]")
    assert document.records[0]["problems"][0]["code"] == "input_too_large"


# --- Secrets ----------------------------------------------------------------------------------


def _with_password(data: WireDict) -> WireDict:
    credentials = data.get("credentials")
    username = credentials.get("username", "admin") if isinstance(credentials, dict) else "admin"
    return {**data, "credentials": {"username": username, "password": PASSWORD}}


def _outputs(stdin: bytes) -> str:
    runs = [
        run("check", "-", stdin=stdin),
        run("check", "--format", "json", "--locale", "pt-BR", "-", stdin=stdin),
        run("score", "-", stdin=stdin),
        run("redact", "-", stdin=stdin),
    ]
    return "".join(r.out + r.err for r in runs)


@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])
@given(ticket_dicts(), ticket_dicts(valid=False))
def test_no_command_prints_a_password(valid: WireDict, invalid: InvalidTicketDict) -> None:
    """Whatever the ticket, no command prints the password, nor one pasted in a text field."""
    pasted = {
        **example(),
        "subject": f"senha: {PASSWORD}",
        "priority": f"senha: {PASSWORD}",
        "message": f"Acesso com usuário admin e senha {PASSWORD} no painel.",
    }
    stdin = jsonl(_with_password(valid), _with_password(invalid.data), pasted)
    assert PASSWORD not in _outputs(stdin)


def test_a_password_in_the_subject_of_a_valid_ticket_is_masked() -> None:
    """The subject a valid ticket's summary line quotes is redacted."""
    data = {**example(), "subject": f"Painel: senha {PASSWORD}"}
    result = run("check", "-", stdin=json.dumps(data).encode())
    assert "'Painel: senha ********'" in result.out


# --- score ------------------------------------------------------------------------------------


def _score_input(count: int) -> bytes:
    tickets = [example(), example(INVALID), {**example(), "message": "Socorro"}]
    lines: list[object] = [tickets[i % 3] for i in range(count)]
    lines[count // 2] = "garbage"
    return jsonl(*lines)


def test_score_writes_a_record_per_line_and_a_summary(tmp_path: Path) -> None:
    """``score`` writes the same records as ``check --format json`` and sums them up on stderr."""
    stdin = _score_input(30)
    out = tmp_path / "report.jsonl"
    result = run("score", "-", "--out", out, stdin=stdin)
    scored = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    checked = run("check", "--format", "json", "-", stdin=stdin).records
    assert scored == checked
    assert result.out == ""
    summary = result.err.splitlines()
    assert (
        summary[0] == "ticketcore score: 30 tickets: 19 valid, 10 invalid, 1 malformed; 19 passed."
    )
    assert re.fullmatch(r"ticketcore score: mean completeness score: \d+\.\d/100", summary[1])
    findings = Counter(f["code"] for r in checked for f in r.get("findings") or ())
    listed = re.findall(r"(\w+) \((\d+)\)", summary[2].partition("most common findings: ")[2])
    assert [n for _, n in listed] == sorted((n for _, n in listed), reverse=True)
    assert {code: int(n) for code, n in listed} == {
        code: n for code, n in findings.items() if code in dict(listed)
    }
    assert len(listed) == min(5, len(findings))
    assert int(listed[-1][1]) >= max(
        (n for code, n in findings.items() if code not in dict(listed)), default=0
    )
    assert result.status == 1


def test_score_with_jobs_gives_the_same_output_in_order() -> None:
    """Several processes give the same report, in input order, as one."""
    stdin = _score_input(300)  # two chunks
    one = run("score", "-", stdin=stdin)
    three = run("score", "--jobs", "3", "-", stdin=stdin)
    assert three.out == one.out
    assert three.err == one.err
    assert [r["line"] for r in three.records] == list(range(1, 301))


def test_score_shows_a_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    """With stderr a terminal, tqdm draws a bar over the file's bytes; otherwise nothing."""
    path = tmp_path / "tickets.jsonl"
    path.write_bytes(_score_input(10))
    terminal = TTY()
    result = run("score", path, stderr=terminal)
    assert "scoring: 100%" in result.err
    assert "ticketcore score: 10 tickets" in result.err
    plain = run("score", path)
    assert "scoring" not in plain.err


def test_score_cannot_write_the_report(tmp_path: Path) -> None:
    """An output path that cannot be written is a usage error."""
    result = run("score", "-", "--out", tmp_path / "missing" / "r.jsonl", stdin=_score_input(3))
    assert result.status == 2
    assert "cannot write" in result.err


# --- redact -----------------------------------------------------------------------------------


def test_redact_masks_text_and_removes_the_password() -> None:
    """Credentials in text are masked, the password key is gone, everything else is kept."""
    data = {**example(), "message": "Acesse com senha: Teste@123 por favor"}
    result = run("redact", "-", stdin=json.dumps(data, indent=2).encode())
    redacted = json.loads(result.out)
    assert redacted["message"] == "Acesse com senha: ******** por favor"
    assert redacted["credentials"] == {"username": "admin"}
    assert {k: v for k, v in redacted.items() if k not in ("message", "credentials")} == {
        k: v for k, v in data.items() if k not in ("message", "credentials")
    }
    assert result.status == 0


def test_redact_keeps_jsonl_and_reports_malformed_lines() -> None:
    """JSON Lines stay JSON Lines; a line that is not an object is left out and reported."""
    stdin = jsonl({"credentials": "admin / Teste@123"}, "", "oops", {"subject": "ok"})
    result = run("redact", "-", stdin=stdin)
    assert result.records == [{}, {"subject": "ok"}]
    assert result.err == "ticketcore: -:3: not a JSON object, left out\n"
    assert result.status == 1


# --- Interruptions ----------------------------------------------------------------------------


def test_interrupt_exits_130_without_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C stops the run with status 130 and a one-line message."""

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Judge, "judge", interrupted)
    result = run("check", VALID)
    assert (result.status, result.err) == (130, "ticketcore: interrupted\n")


class ClosedPipe(io.StringIO):
    """A stdout whose reader went away."""

    def write(self, text: str) -> int:
        """Fail as a pipe without a reader does."""
        raise BrokenPipeError


def test_a_closed_pipe_exits_quietly() -> None:
    """When the reader of the output goes away, the run stops with status 141 and no message."""
    err = io.StringIO()
    status = main(["check", str(VALID)], stdin=io.BytesIO(), stdout=ClosedPipe(), stderr=err)
    assert (status, err.getvalue()) == (141, "")


# --- Drafts -----------------------------------------------------------------------------------

_CODES = {
    "steps": "steps_missing",
    "error_message": "error_message_missing",
    "location": "location_missing",
    "expected_behavior": "expected_behavior_missing",
    "screenshot": "screenshot_missing",
    "service": "service_missing",
}


@settings(max_examples=25)
@given(
    st.sets(st.sampled_from(DRAFT_PARTS)).flatmap(
        lambda m: st.tuples(st.just(m), drafts(missing=m))
    )
)
def test_check_reports_the_parts_a_draft_lacks(drawn: tuple[set[str], WireDict]) -> None:
    """Every part left out of a draft is a finding; no part present is."""
    missing, draft = drawn
    (record,) = run("check", "--format", "json", "-", stdin=json.dumps(draft).encode()).records
    codes = {f["code"] for f in record["findings"]}
    department = DEFAULT_RULES.department(draft["department"])
    assert department is not None
    judged = {
        part
        for part in DRAFT_PARTS
        if department.weight(_CODES[part])
        and (part != "service" or "service" in department.required_fields("customer"))
    }
    assert codes & set(_CODES.values()) == {_CODES[part] for part in missing & judged}


# --- As a subprocess --------------------------------------------------------------------------


def cli(*argv: str | Path, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    """Run ``python -m ticketcore`` from the repository root."""
    return subprocess.run(  # noqa: S603 (our own interpreter and module)
        [sys.executable, "-m", "ticketcore", *map(str, argv)],
        input=stdin.decode("utf-8", "surrogateescape"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        cwd=ROOT,
        check=False,
    )


def test_the_readme_quick_start_output_is_what_check_prints() -> None:
    """The README's first command prints exactly the output the README shows."""
    readme = (ROOT / "README.md").read_text("utf-8")
    command, output = re.search(
        r"## Quick start.*?```sh\n(.*?)\n```\n\n```text\n(.*?)```", readme, re.DOTALL
    ).groups()  # type: ignore[union-attr]
    argv = command.rsplit(".venv/bin/ticketcore ", 1)[1].split()
    result = cli(*argv)
    assert result.stdout == output
    assert result.returncode == (1 if "invalid" in output else 0)
    assert result.stderr == ""


def test_subprocess_reports_broken_input_and_continues() -> None:
    """As a program: broken JSON Lines on stdin give their line numbers and exit status 1."""
    result = cli("check", "-", stdin=BROKEN_JSONL)
    assert result.returncode == 1
    assert result.stderr == ""
    for line in (3, 4, 5, 7):
        assert f"-:{line}: malformed" in result.stdout
    assert result.stdout.endswith(
        "6 tickets: 1 valid, 1 invalid, 4 malformed, 1 blank; 1 passed.\n"
    )


def test_subprocess_missing_file_and_unknown_option_exit_2() -> None:
    """As a program: a missing file and an unknown option exit 2 with one line of explanation."""
    missing = cli("check", "no-such-file.json")
    assert missing.returncode == 2
    assert missing.stdout == "0 tickets: 0 valid, 0 invalid, 0 malformed; 0 passed.\n"
    assert "cannot read no-such-file.json" in missing.stderr
    unknown = cli("score", "--bogus", "x.jsonl")
    assert unknown.returncode == 2
    assert "unrecognized arguments: --bogus" in unknown.stderr
    assert "Traceback" not in missing.stderr + unknown.stderr


def test_subprocess_score_into_a_closed_pipe_exits_quietly() -> None:
    """``ticketcore score big.jsonl | head -1``: no traceback, status 141."""
    with subprocess.Popen(
        [sys.executable, "-m", "ticketcore", "score", "--jobs", "2", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    ) as process:
        assert process.stdin is not None
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdin.write(_score_input(600))  # output well over a pipe buffer
        process.stdin.close()
        first = process.stdout.readline()
        process.stdout.close()
        err = process.stderr.read()
        status = process.wait()
    assert json.loads(first)["line"] == 1
    assert status == 141
    assert err == b""


# --- Rules and schema -------------------------------------------------------------------------

STRICT_RULES = {
    "departments": [
        {
            "id": "technical-support",
            "names": {"en": "Technical support"},
            "requires": ["service", "location"],
            "min_score": 100,
        }
    ]
}


def test_rules_check_lists_every_problem_with_its_path() -> None:
    """A broken rule file gets every problem with its path, and exit status 1."""
    result = run("rules", "check", EXAMPLES / "rules-broken.toml")
    assert result.status == 1
    lines = result.out.splitlines()
    assert lines[0] == f"{EXAMPLES / 'rules-broken.toml'}: invalid (4 problems)"
    assert lines[1].startswith("  $.departments[0].id: ")
    assert lines[-1].endswith("[wrong_type]")


def test_rules_check_accepts_a_valid_file(tmp_path: Path) -> None:
    """A valid rule file is named with its departments; a missing one is a usage error."""
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(STRICT_RULES), "utf-8")
    result = run("rules", "check", path)
    assert (result.status, result.out) == (0, f"{path}: valid — 1 department: technical-support\n")
    missing = run("rules", "check", tmp_path / "none.toml")
    assert missing.status == 2
    assert "cannot read" in missing.err


def test_check_applies_the_rules_given(tmp_path: Path) -> None:
    """``--rules`` replaces the built-in rules: here a department's minimum score."""
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(STRICT_RULES), "utf-8")
    (record,) = run("check", "--format", "json", "--rules", path, VALID).records
    assert (record["valid"], record["min_score"], record["passed"]) == (True, 100, True)
    (record,) = run(
        "check", "--format", "json", "--rules", path, "-", stdin=WITHOUT_SCREENSHOT
    ).records
    assert (record["valid"], record["min_score"], record["passed"]) == (True, 100, False)
    broken = run("check", "--rules", EXAMPLES / "rules-broken.toml", VALID)
    assert broken.status == 2
    assert broken.out == ""
    assert "the rules in" in broken.err
    assert "[invalid_identifier]" in broken.err


def test_schema_prints_the_json_schema() -> None:
    """``schema --department`` prints that department's JSON Schema; an unknown one exits 2."""
    result = run("schema", "--department", "technical-support")
    schema = json.loads(result.out)
    assert result.status == 0
    assert schema["allOf"][0]["required"] == ["location", "service"]
    unknown = run("schema", "--department", "hr")
    assert unknown.status == 2
    assert "no department 'hr'" in unknown.err


def test_the_examples_in_the_cli_reference_are_what_the_commands_print(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each ``$ ticketcore …`` block of docs/cli.md shows the command's stdout then stderr."""
    monkeypatch.chdir(ROOT)
    text = (ROOT / "docs" / "cli.md").read_text("utf-8")
    blocks = re.findall(r"```console\n\$ ticketcore (.*?)\n(.*?)```", text, re.DOTALL)
    assert len(blocks) == 5
    for command, shown in blocks:
        result = run(*command.split())
        assert result.out + result.err == shown, command
