"""Sphinx configuration for the ticketcore documentation.

Build: ``sphinx-build -W --keep-going -b html docs docs/_build/html``.
Test the examples: ``sphinx-build -W -b doctest docs docs/_build/doctest``.
The build makes no network requests (no intersphinx inventories are fetched).
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
# The package comes from the source tree, so the docs describe the code next to them even when
# an older ticketcore is installed; local extensions live in _ext/.
sys.path[:0] = [str(HERE.parent / "src"), str(HERE / "_ext")]

import ticketcore  # noqa: E402 (needs the path above)

project = "ticketcore"
author = "The ticketcore developers"
copyright = "the ticketcore developers"
release = ticketcore.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "catalog_table",
    "public_api",
]

source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
# Single backticks in docstrings (`Ticket`, `attrs.evolve`) link when the target is documented.
default_role = "py:obj"

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# Docstrings: Google style. Attributes become a field list rather than attribute directives, so
# the attributes of attrs classes are described once, with the class.
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
napoleon_use_rtype = False

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
python_use_unqualified_type_names = True
python_maximum_signature_line_length = 88

# Every example in the pages and docstrings runs under `-b doctest`. Docstring examples use the
# names of their module, which the package re-exports; pages import what they use.
doctest_global_setup = "import ticketcore\nfrom ticketcore import *"
doctest_test_doctest_blocks = "default"

html_theme = "furo"
html_title = f"ticketcore {release}"
