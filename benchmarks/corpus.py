"""A deterministic corpus of wire-format tickets: ~70% valid, ~30% invalid with several problems."""

from __future__ import annotations

import random
from typing import Any

DEPARTMENTS = ("technical-support", "billing", "sales")
_WORDS_EN = [
    "site",
    "down",
    "error",
    "login",
    "panel",
    "backup",
    "email",
    "invoice",
    "plan",
    "upgrade",
    "database",
    "slow",
    "timeout",
    "certificate",
    "domain",
    "server",
    "please",
    "help",
    "since",
    "yesterday",
    "customers",
    "cannot",
    "access",
    "the",
    "page",
]
_WORDS_PT = [
    "site",
    "fora",
    "do",
    "ar",
    "erro",
    "acesso",
    "painel",
    "cópia",
    "e-mail",
    "fatura",
    "plano",
    "atualização",
    "banco",
    "lento",
    "certificado",
    "domínio",
    "servidor",
    "por",
    "favor",
    "ajuda",
    "desde",
    "ontem",
    "clientes",
    "não",
    "conseguem",
    "acessar",
]
_NAMES = ("Maria", "João", "Ana", "Pedro", "Alice", "Bob", "Lúcia", "Carlos", "Fernanda", "Tom")
_DOMAINS = ("example.com", "exemplo.com.br", "empresa.org", "loja.net", "café.com.br")
_LOCATIONS = (
    "www.seu-site.com/admin",
    "https://example.com/wp-login.php",
    "café.com.br",
    "192.0.2.10",
    "[2001:db8::1]:8080",
    "2001:db8::1",
    "ftp://files.example.org:2121/pub",
    "app.test",
    "loja.net:8443/checkout?step=2",
    "http://198.51.100.7/status",
)
_FILES = (("erro.png", "image/png"), ("log.txt", "text/plain"), ("fatura.pdf", "application/pdf"))
_PRIORITIES = ("low", "medium", "high", "urgent", "Média", "ALTA", "normal", 3, None)


def _text(rng: random.Random, words: tuple[str, ...], size: int) -> str:
    out: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(words)
        out.append(word)
        length += len(word) + 1
    return " ".join(out)[:size].strip() or "x"


def _valid(rng: random.Random, emails: list[str]) -> dict[str, Any]:
    words = _WORDS_PT if rng.random() < 0.5 else _WORDS_EN
    department = rng.choice(DEPARTMENTS)
    doc: dict[str, Any] = {
        "schema_version": 1,
        "department": department,
        "subject": _text(rng, words, rng.randint(10, 80)),
        "message": _text(rng, words, rng.randint(100, 8192)),
        "priority": rng.choice(_PRIORITIES),
        "requester": {"name": rng.choice(_NAMES), "email": rng.choice(emails)},
        "created_at": f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T10:00:00"
        + rng.choice(("+00:00", "-03:00", "Z")),
    }
    if department == "technical-support" or rng.random() < 0.3:
        doc["service"] = f"hosting-{rng.randint(1, 9999)}"
        doc["location"] = rng.choice(_LOCATIONS)
    if rng.random() < 0.4:
        doc["error_message"] = _text(rng, words, rng.randint(20, 400))
    if rng.random() < 0.3:
        doc["credentials"] = {"username": "admin", "password": f"s3cret-{rng.randint(0, 999)}"}
    doc["attachments"] = [
        {"filename": name, "content_type": kind, "size": rng.randint(1, 5_000_000)}
        for name, kind in rng.sample(_FILES, rng.randint(0, 3))
    ]
    return doc


# Each breaks one rule; an invalid document gets several of them.
_BREAKS = (
    lambda d, r: d.update(subject="x"),
    lambda d, r: d.update(subject=42),
    lambda d, r: d.update(priority="whenever"),
    lambda d, r: d.update(department="hr"),
    lambda d, r: d.update(location="not a host"),
    lambda d, r: d.update(requester={"name": "", "email": "nobody@"}),
    lambda d, r: d.update(created_at="2024-01-01T10:00:00"),
    lambda d, r: d.update(extra_key=1),
    lambda d, r: d.update(message=""),
    lambda d, r: d.update(
        attachments=[{"filename": "virus.exe", "content_type": "image/png", "size": 1}]
    ),
    lambda d, r: d.update(
        attachments=[{"filename": "a.png", "content_type": "image/png", "size": "12"}]
    ),
    lambda d, r: d.update(error_message=["boom"]),
)


def make_corpus(n: int = 10_000, seed: int = 20240601) -> list[tuple[bool, dict[str, Any]]]:
    """Return *n* (is_valid, document) pairs, the same for the same *seed*."""
    rng = random.Random(seed)
    emails = [
        f"{rng.choice(_NAMES).lower()}.{i}@{rng.choice(_DOMAINS)}".replace("ã", "a")
        for i in range(300)
    ]
    corpus: list[tuple[bool, dict[str, Any]]] = []
    for _ in range(n):
        doc = _valid(rng, emails)
        if rng.random() < 0.3:
            for index in rng.sample(range(len(_BREAKS)), rng.randint(2, 5)):
                _BREAKS[index](doc, rng)
            corpus.append((False, doc))
        else:
            corpus.append((True, doc))
    return corpus
