"""Tests for the public surface: `ticketcore.__all__`, docstrings, version, optional extras."""

from __future__ import annotations

import ast
import importlib.metadata
import inspect
import itertools
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import ticketcore
from ticketcore import strategies

PACKAGE = Path(ticketcore.__file__).parent


def isort_key(name: str) -> tuple[int, str]:
    """The order ruff (RUF022) keeps ``__all__`` in: CONSTANTS, then Classes, then the rest."""
    if name.isupper() and len(name) > 1:
        return 0, name
    if name[0].isupper():
        return 1, name
    return 2, name


@pytest.mark.parametrize("module", [ticketcore, strategies], ids=lambda m: m.__name__)
def test_all_is_sorted_without_duplicates(module: ModuleType) -> None:
    """``__all__`` is sorted and names each export once."""
    assert module.__all__ == sorted(module.__all__, key=isort_key)
    assert len(set(module.__all__)) == len(module.__all__)


@pytest.mark.parametrize("name", ticketcore.__all__)
def test_every_exported_name_is_importable(name: str) -> None:
    """Each name in ``ticketcore.__all__`` exists on the package."""
    assert hasattr(ticketcore, name)


def test_star_import_gives_exactly_all() -> None:
    """``from ticketcore import *`` binds exactly the names of ``__all__``."""
    namespace: dict[str, object] = {}
    exec("from ticketcore import *", namespace)  # noqa: S102 (a fixed statement)
    assert sorted(k for k in namespace if k != "__builtins__") == sorted(ticketcore.__all__)


def test_the_main_names_import_together() -> None:
    """The names most programs need come from the package itself."""
    from ticketcore import (  # noqa: PLC0415 (the import is what is tested)
        Attachment,
        Credentials,
        Department,
        Location,
        Priority,
        Requester,
        Secret,
        Service,
        Ticket,
        TicketValidationError,
    )

    imported = (Ticket, Department, Service, Priority, Requester, Location, Attachment,
                Credentials, Secret, TicketValidationError)  # fmt: skip
    assert all(getattr(ticketcore, cls.__name__) is cls for cls in imported)
    assert issubclass(TicketValidationError, ValueError)


def attribute_docstrings() -> dict[str, str]:
    """Module-level names followed by a docstring, in every module of the package."""
    documented = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        body = ast.parse(path.read_text("utf-8")).body
        for statement, following in itertools.pairwise(body):
            targets: list[ast.expr] = []
            if isinstance(statement, ast.Assign):
                targets = statement.targets
            elif isinstance(statement, ast.AnnAssign):
                targets = [statement.target]
            if (
                isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                for target in targets:
                    if isinstance(target, ast.Name):
                        documented[target.id] = following.value.value
    return documented


DOCUMENTED = attribute_docstrings()


def own_docstring(module: ModuleType, name: str) -> str:
    """The docstring of *module*'s public *name*: its own, or the one after its assignment."""
    obj = getattr(module, name)
    if name in DOCUMENTED:  # constants and type aliases
        return DOCUMENTED[name]
    if inspect.isclass(obj):
        return str(vars(obj).get("__doc__") or "")
    if callable(obj) or inspect.ismodule(obj):  # functions, also behind functools.cache
        return obj.__doc__ or ""
    return ""


@pytest.mark.parametrize(
    ("module", "name"),
    [(ticketcore, n) for n in ticketcore.__all__ if n != "__version__"]
    + [(strategies, n) for n in strategies.__all__],
    ids=lambda x: x if isinstance(x, str) else x.__name__,
)
def test_every_public_name_has_a_docstring(module: ModuleType, name: str) -> None:
    """Classes, functions and constants exported publicly are documented."""
    assert own_docstring(module, name).strip()


def test_version_comes_from_the_package_metadata() -> None:
    """``__version__`` is the installed distribution's version."""
    assert ticketcore.__version__ == importlib.metadata.version("ticketcore")


@pytest.mark.parametrize(
    "module",
    sorted(
        f"ticketcore.{p.stem}"
        for p in PACKAGE.glob("*.py")
        if not p.stem.startswith("_") and p.stem != "strategies"
    ),
)
def test_public_modules_are_documented(module: str) -> None:
    """Every public module has a docstring."""
    assert (importlib.import_module(module).__doc__ or "").strip()


def test_strategies_need_hypothesis_and_say_how_to_get_it() -> None:
    """Without Hypothesis, the package imports but `ticketcore.strategies` explains the extra."""
    script = (
        "import sys\n"
        "sys.modules['hypothesis'] = None\n"
        "import ticketcore\n"
        "try:\n"
        "    import ticketcore.strategies\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
        "    print(exc.name, type(exc.__cause__).__name__)\n"
    )
    result = subprocess.run(  # noqa: S603 (runs this interpreter on a fixed script)
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.splitlines() == [
        (
            "ticketcore.strategies needs Hypothesis, which is not installed; install the"
            " testing extra: pip install 'ticketcore[testing]'"
        ),
        "hypothesis.strategies ModuleNotFoundError",
    ]
