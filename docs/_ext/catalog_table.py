"""Sphinx directive ``catalog-table``: a table of catalog entries, generated from the catalogs.

In a MyST page::

    ```{catalog-table} problem
    ```

lists every ``problem.*`` key of the message catalogs with its placeholders and its text in each
locale of `ticketcore.LOCALES`, so the documentation cannot drift from the catalogs. A key that
is missing from a catalog, or whose placeholders differ from English, is reported as a warning
(an error under ``-W``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import ticketcore

logger = logging.getLogger(__name__)

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def _placeholders(text: str) -> list[str]:
    # {field} is the label of the field a problem points at; the others are its parameters.
    return [name for name in dict.fromkeys(_PLACEHOLDER.findall(text)) if name != "field"]


def _cell(*children: nodes.Node) -> nodes.entry:
    return nodes.entry("", nodes.paragraph("", "", *children))


def _literals(names: Iterable[str]) -> list[nodes.Node]:
    cell: list[nodes.Node] = []
    for name in names:
        if cell:
            cell.append(nodes.Text(", "))
        cell.append(nodes.literal(name, name))
    return cell


class CatalogTable(SphinxDirective):
    """Render the catalog entries under one key prefix (``problem``, ``field`` …) as a table."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        prefix = self.arguments[0].rstrip(".") + "."
        locales = ticketcore.LOCALES
        catalogs = {locale: ticketcore.messages(locale) for locale in locales}
        for locale in locales:
            path = resources.files("ticketcore").joinpath("locales", f"{locale}.json")
            self.env.note_dependency(str(path))  # rebuild the page when a catalog changes

        keys = sorted({key for catalog in catalogs.values() for key in catalog})
        keys = [key for key in keys if key.startswith(prefix)]
        if not keys:
            logger.warning("no catalog key starts with %r", prefix, location=self.get_location())
            return []
        english = catalogs[locales[0]]
        for key in keys:
            expected = set(_placeholders(english.get(key, "")))
            for locale, catalog in catalogs.items():
                if key not in catalog or set(_placeholders(catalog[key])) != expected:
                    logger.warning(
                        "catalog %s: %r is missing or has other placeholders than in %s",
                        locale,
                        key,
                        locales[0],
                        location=self.get_location(),
                    )
        with_params = any(_placeholders(english.get(key, "")) for key in keys)

        headers = ["Code", *(["Parameters"] if with_params else []), *locales]
        widths = [16, *([14] if with_params else []), *([35] * len(locales))]
        group = nodes.tgroup(cols=len(headers))
        group += [nodes.colspec(colwidth=width) for width in widths]
        group += nodes.thead("", nodes.row("", *(_cell(nodes.Text(h)) for h in headers)))
        body = nodes.tbody()
        for key in keys:
            code = key.removeprefix(prefix)
            row = nodes.row(ids=[nodes.make_id(key)])  # errors.html#problem-too-short
            row += _cell(nodes.literal(code, code))
            if with_params:
                row += _cell(*_literals(_placeholders(english.get(key, ""))))
            row += [_cell(nodes.Text(catalog.get(key, ""))) for catalog in catalogs.values()]
            body += row
        group += body
        return [nodes.table("", group, classes=["catalog-table"])]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("catalog-table", CatalogTable)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
