"""Tests for `ticketcore.attachment`."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _hostile import hostile_texts, wrong_types
from ticketcore import Attachment, TicketValidationError
from ticketcore.attachment import EXECUTABLE_EXTENSIONS
from ticketcore.strategies import attachments


def problems(**fields: object) -> list[tuple[tuple[str | int, ...], str, dict[str, object]]]:
    """Build an attachment from *fields* (over valid defaults) and return its problems."""
    values: dict[str, object] = {"filename": "erro.png", "content_type": "image/png", "size": 1}
    values.update(fields)
    with pytest.raises(TicketValidationError) as info:
        Attachment(**values)  # type: ignore[arg-type]
    return [(p.path, p.code, dict(p.params)) for p in info.value.problems]


@pytest.mark.parametrize(
    ("filename", "content_type", "expected"),
    [
        ("erro.png", "image/png", ("erro.png", "image/png", "image/png", "png")),
        ("  erro.png  ", " Image/PNG ", ("erro.png", "image/png", "image/png", "png")),
        (
            "log.txt",
            "text/plain; Charset=UTF-8",
            ("log.txt", "text/plain;charset=utf-8", "text/plain", "txt"),
        ),
        ("PRINT.PNG", "image/png", ("PRINT.PNG", "image/png", "image/png", "png")),
        (
            "backup.tar.gz",
            "application/gzip",
            ("backup.tar.gz", "application/gzip", "application/gzip", "gz"),
        ),
        ("README", "text/plain", ("README", "text/plain", "text/plain", "")),
        (".bashrc", "text/plain", (".bashrc", "text/plain", "text/plain", "")),
        ("notes.", "text/plain", ("notes.", "text/plain", "text/plain", "")),
        (
            "relatório final.pdf",
            "application/pdf",
            ("relatório final.pdf", "application/pdf", "application/pdf", "pdf"),
        ),
        (
            "Captura de Tela 13.00.00.png",
            "image/png",
            ("Captura de Tela 13.00.00.png", "image/png", "image/png", "png"),
        ),
        ("a" * 251 + ".png", "image/png", ("a" * 251 + ".png", "image/png", "image/png", "png")),
    ],
)
def test_valid_attachments_are_normalized(
    filename: str, content_type: str, expected: tuple[str, str, str, str]
) -> None:
    """Names are stripped, media types lowercased; `media_type` and `extension` are derived."""
    attachment = Attachment(filename=filename, content_type=content_type, size=0)
    assert (
        attachment.filename,
        attachment.content_type,
        attachment.media_type,
        attachment.extension,
    ) == expected


INVALID_FILENAMES = [
    ("../etc/passwd", "invalid_filename", {}),
    ("..", "invalid_filename", {}),
    ("a..b.png", "invalid_filename", {}),
    ("fotos/erro.png", "invalid_filename", {}),
    ("C:\\Users\\maria\\erro.png", "invalid_filename", {}),
    ("erro\u202egnp.exe", "invalid_filename", {}),  # shows as "erroexe.png"
    ("erro\u2066.png", "invalid_filename", {}),
    ("virus.exe", "executable_not_allowed", {"value": "virus.exe"}),
    ("VIRUS.EXE", "executable_not_allowed", {"value": "VIRUS.EXE"}),
    ("virus.exe.", "executable_not_allowed", {"value": "virus.exe."}),
    ("virus.exe . .", "executable_not_allowed", {"value": "virus.exe . ."}),
    ("setup.msi", "executable_not_allowed", {"value": "setup.msi"}),
    ("run.ps1", "executable_not_allowed", {"value": "run.ps1"}),
    ("fatura.pdf.bat", "executable_not_allowed", {"value": "fatura.pdf.bat"}),
    ("script.Sh", "executable_not_allowed", {"value": "script.Sh"}),
    ("x" * 250 + ".exe", "executable_not_allowed", {"value": "x" * 59 + "…"}),
    ("erro\x00.png", "control_character", {"position": 4}),
    ("erro\n.png", "control_character", {"position": 4}),
    ("erro\t.png", "control_character", {"position": 4}),
    ("erro\x85.png", "control_character", {"position": 4}),
    ("erro\ud800.png", "invalid_unicode", {"position": 4}),
    ("", "blank", {}),
    ("   ", "blank", {}),
    ("a" * 252 + ".png", "too_long", {"max": 255, "actual": 256}),
]


@pytest.mark.parametrize(("filename", "code", "params"), INVALID_FILENAMES)
def test_unsafe_filenames_are_refused(filename: str, code: str, params: dict[str, object]) -> None:
    """Path parts, direction overrides, controls, executables and long names are refused."""
    assert problems(filename=filename) == [(("filename",), code, params)]


@pytest.mark.parametrize("extension", sorted(EXECUTABLE_EXTENSIONS))
def test_every_executable_extension_is_refused(extension: str) -> None:
    """Each executable extension is refused, whatever its case."""
    for name in (f"file.{extension}", f"file.{extension.upper()}"):
        assert problems(filename=name) == [
            (("filename",), "executable_not_allowed", {"value": name})
        ]


@pytest.mark.parametrize(
    ("content_type", "code", "params"),
    [
        ("png", "invalid_content_type", {"value": "png"}),
        ("image/png/x", "invalid_content_type", {"value": "image/png/x"}),
        ("image/", "invalid_content_type", {"value": "image/"}),
        ("/png", "invalid_content_type", {"value": "/png"}),
        ("image/p ng", "invalid_content_type", {"value": "image/p ng"}),
        ("image/png, image/gif", "invalid_content_type", {"value": "image/png, image/gif"}),
        ("", "blank", {}),
        ("text/plain;\x00x", "control_character", {"position": 11}),
        ("text/plain;\ud800", "invalid_unicode", {"position": 11}),
        ("text/plain;" + "a" * 245, "too_long", {"max": 255, "actual": 256}),
        (None, "wrong_type", {"expected_type": "string", "actual_type": "null"}),
        (5, "wrong_type", {"expected_type": "string", "actual_type": "integer"}),
    ],
)
def test_invalid_media_types_are_refused(
    content_type: object, code: str, params: dict[str, object]
) -> None:
    """A media type must be a safe ``type/subtype`` string."""
    assert problems(content_type=content_type) == [(("content_type",), code, params)]


@pytest.mark.parametrize(
    ("size", "code", "params"),
    [
        (-1, "too_small", {"min": 0, "actual": -1}),
        (True, "wrong_type", {"expected_type": "integer", "actual_type": "boolean"}),
        (False, "wrong_type", {"expected_type": "integer", "actual_type": "boolean"}),
        (1.5, "wrong_type", {"expected_type": "integer", "actual_type": "number"}),
        (1.0, "wrong_type", {"expected_type": "integer", "actual_type": "number"}),
        ("3", "wrong_type", {"expected_type": "integer", "actual_type": "string"}),
        (None, "wrong_type", {"expected_type": "integer", "actual_type": "null"}),
    ],
)
def test_invalid_sizes_are_refused(size: object, code: str, params: dict[str, object]) -> None:
    """A size is a non-negative integer, and a boolean is not one."""
    assert problems(size=size) == [(("size",), code, params)]


def test_every_problem_is_reported_at_once() -> None:
    """Bad name, media type and size give three problems, in field order."""
    assert problems(filename="../x.png", content_type="nope", size=-5) == [
        (("filename",), "invalid_filename", {}),
        (("content_type",), "invalid_content_type", {"value": "nope"}),
        (("size",), "too_small", {"min": 0, "actual": -5}),
    ]


def test_a_name_with_a_control_character_and_an_executable_extension_reports_both() -> None:
    """The executable check still runs on a name with a control character, previewed safely."""
    assert problems(filename="a\x07b.exe") == [
        (("filename",), "control_character", {"position": 1}),
        (("filename",), "executable_not_allowed", {"value": "a\\u0007b.exe"}),
    ]


def test_messages_in_both_locales() -> None:
    """Attachment problems read as full sentences in English and Portuguese."""
    with pytest.raises(TicketValidationError) as info:
        Attachment(filename="virus.exe", content_type="png", size=-1)
    rendered = [
        (str(p.with_prefix("attachments", 0)), p.message("pt-BR")) for p in info.value.problems
    ]
    assert rendered == [
        (
            (
                "The file name virus.exe looks like an executable program, which is never"
                " accepted. @ $.attachments[0].filename"
            ),
            "O campo nome do arquivo virus.exe parece um programa executável, que nunca é aceito.",
        ),
        (
            (
                "The file type png is not a valid media type such as image/png."
                " @ $.attachments[0].content_type"
            ),
            "O campo tipo do arquivo png não é um tipo de mídia válido, como image/png.",
        ),
        (
            "The file size in bytes must be at least 0 (got -1). @ $.attachments[0].size",
            "O campo tamanho do arquivo em bytes deve ser no mínimo 0 (recebido: -1).",
        ),
    ]


@given(attachments())
def test_generated_attachments_rebuild_equal(attachment: Attachment) -> None:
    """An attachment rebuilt from its own fields is equal to it (normalization is idempotent)."""
    again = Attachment(
        filename=attachment.filename, content_type=attachment.content_type, size=attachment.size
    )
    assert again == attachment
    assert hash(again) == hash(attachment)


@given(hostile_texts, hostile_texts)
def test_any_text_is_an_attachment_or_our_error(filename: str, content_type: str) -> None:
    """No file name or media type makes construction raise anything but our error."""
    try:
        Attachment(filename=filename, content_type=content_type, size=0)
    except TicketValidationError as exc:
        assert {p.path for p in exc.problems} <= {("filename",), ("content_type",)}  # noqa: PT017


@given(st.sampled_from(["filename", "content_type", "size"]), wrong_types)
def test_any_wrong_type_is_our_error(field: str, value: object) -> None:
    """A value of the wrong type in any field gives problems at that field only."""
    values: dict[str, object] = {"filename": "a.png", "content_type": "image/png", "size": 1}
    values[field] = value
    try:
        Attachment(**values)  # type: ignore[arg-type]
    except TicketValidationError as exc:
        assert {p.path for p in exc.problems} == {(field,)}  # noqa: PT017
