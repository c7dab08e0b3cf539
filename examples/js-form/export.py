"""Write the files the JavaScript form loads: the JSON Schema and the message catalogs.

Usage: ``python export.py [directory]`` (this directory by default). Run it again whenever the
rule set or ticketcore changes, so that the browser checks what the server checks.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import ticketcore


def export(directory: Path, rules: ticketcore.RuleSet | None = None) -> list[Path]:
    """Write ``schema.json`` and ``messages.<locale>.json`` into *directory*; return the paths."""
    files = {"schema.json": ticketcore.json_schema(rules)}
    for locale in ticketcore.LOCALES:
        files[f"messages.{locale}.json"] = dict(ticketcore.messages(locale))
    written = []
    for name, content in files.items():
        path = directory / name
        path.write_text(json.dumps(content, ensure_ascii=False, indent=1) + "\n", "utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent
    for path in export(target):
        print(f"wrote {path}")
