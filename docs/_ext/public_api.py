"""Present the public API as ``ticketcore.<name>``, and keep the API reference complete.

- The ``public-api-rest`` directive (in an ``eval-rst`` block, at the end of ``api.md``)
  documents every name of ``ticketcore.__all__`` that the page has not described yet, so a new
  export appears in the reference at once, before someone files it under a fitting heading.
- Warns (an error under ``-W``) when a name of ``ticketcore.__all__`` has no
  ``ticketcore.<name>`` description anywhere.
- Gives re-exported constants and type aliases the docstring written where they are defined
  (``LOCALES: Final = ...`` followed by a string in ``ticketcore/i18n.py``): autodoc looks for
  such docstrings only in the module being documented, ``ticketcore/__init__.py``.
- Names types by their public name (``Location``, not ``ticketcore.location.Location``), shows
  ``Mapping`` for the private read-only mapping, ``DEFAULT_LIMITS`` for its long value and
  ``...`` for attrs' factory defaults (``NOTHING``).
"""

from __future__ import annotations

import ast
import enum
import inspect
import re
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import PycodeError
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import ticketcore

logger = logging.getLogger(__name__)


def _attribute_doc(module: str, name: str, depth: int = 0) -> list[str] | None:
    """The docstring of *name* in *module*, following ``from x import name`` to where it is set."""
    try:
        analyzer = ModuleAnalyzer.for_module(module)
    except PycodeError:
        return None
    lines = analyzer.find_attr_docs().get(("", name))
    if lines is not None or depth > 5:
        return list(lines) if lines is not None else None
    for node in ast.parse(analyzer.code).body:
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.level == 0
            and any((alias.asname or alias.name) == name for alias in node.names)
        ):
            return _attribute_doc(node.module, name, depth + 1)
    return None


# Event handlers take the positional arguments Sphinx passes.
def _fill_data_docstring(  # noqa: PLR0917
    app: Sphinx, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    module, _, attr = name.rpartition(".")
    if what == "data" and module == "ticketcore":
        # Without a docstring of its own, autodoc shows the value's type's (``tuple``'s).
        lines[:] = _attribute_doc(module, attr) or []


# A dotted path through ticketcore's modules, such as ticketcore.location.Location.
_QUALIFIED = re.compile(r"\bticketcore(?:\.\w+)+\.(\w+)\b")
_PRIVATE_TYPES = {"FrozenMap": "Mapping"}  # ticketcore._frozen.FrozenMap: read-only, hashable


def _public_names(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in _PRIVATE_TYPES:
            return _PRIVATE_TYPES[name]
        return name if name in ticketcore.__all__ else match.group(0)

    return _QUALIFIED.sub(replace, text)


def _shorten_types(  # noqa: PLR0917
    app: Sphinx, what: str, name: str, obj: object, options: Any, lines: list[str]
) -> None:
    lines[:] = [_public_names(line) if line.startswith(":vartype ") else line for line in lines]


def _shorten_signature(  # noqa: PLR0917
    app: Sphinx,
    what: str,
    name: str,
    obj: object,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    if signature is None:
        return None
    signature = signature.replace(repr(ticketcore.DEFAULT_LIMITS), "DEFAULT_LIMITS")
    # attrs.NOTHING marks a default made by a factory; "..." keeps the signature parseable.
    signature = signature.replace("= NOTHING", "= ...")
    return _public_names(signature), return_annotation


def _autodoc_lines(name: str) -> list[str]:
    obj = getattr(ticketcore, name)
    target = f"ticketcore.{name}"
    if inspect.isclass(obj) and issubclass(obj, BaseException):
        return [f".. autoexception:: {target}", "   :members:"]
    if inspect.isclass(obj) and issubclass(obj, enum.Enum):
        return [f".. autoclass:: {target}", "   :members:", "   :undoc-members:"]
    if inspect.isclass(obj):
        return [f".. autoclass:: {target}", "   :members:"]
    if callable(obj):
        return [f".. autofunction:: {target}"]
    return [f".. autodata:: {target}", "   :no-value:"]


class PublicApiRest(SphinxDirective):
    """Document the names of ``ticketcore.__all__`` not yet described on this page."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        objects = self.env.get_domain("py").objects
        here = {name for name, entry in objects.items() if entry.docname == self.env.docname}
        rest = [name for name in ticketcore.__all__ if f"ticketcore.{name}" not in here]
        if not rest:
            return []
        source, line = self.get_source_info()
        lines = StringList()
        for name in rest:
            for text in [*_autodoc_lines(name), ""]:
                lines.append(text, source, line)
        container = nodes.container()
        self.state.nested_parse(lines, self.content_offset, container)
        return container.children


def _check_all_documented(app: Sphinx, env: BuildEnvironment) -> None:
    documented = env.get_domain("py").objects
    for name in ticketcore.__all__:
        if f"ticketcore.{name}" not in documented:
            logger.warning("ticketcore.%s is in __all__ but not in the API reference", name)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("public-api-rest", PublicApiRest)
    app.connect("autodoc-process-docstring", _fill_data_docstring)
    app.connect("autodoc-process-docstring", _shorten_types, priority=600)  # after napoleon
    app.connect("autodoc-process-signature", _shorten_signature)
    app.connect("env-check-consistency", _check_all_documented)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
