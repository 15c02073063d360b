"""The public line: which modules are public, and who may import what.

The public API is the top-level package, :mod:`newsparse.plugin`,
:mod:`newsparse.testing`, the integrations and the ``newsparse`` command
(:mod:`newsparse.cli`).  Every other module's name starts with ``_``.  The
first-party plugins and the tutorial's plugin are written as any third-party
plugin would be, so they import only public names: a refactor of the core
that keeps the public API cannot break them.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src" / "newsparse"

PUBLIC_MODULES = {
    "newsparse",
    "newsparse.plugin",
    "newsparse.testing",
    "newsparse.integrations",
    "newsparse.integrations.rows",
    "newsparse.integrations.dask",
    "newsparse.integrations.spark",
    "newsparse.integrations.parquet",
    "newsparse.cli",
    "newsparse.__main__",
}
"""Modules whose names are public; every other one must be private."""

PLUGIN_ROOTS = sorted(
    [
        *(REPO / "plugins").glob("*/src"),
        *(REPO / "plugins").glob("*/tests"),
        REPO / "docs" / "tutorial" / "newsparse-brief",
    ]
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_private(module: str) -> bool:
    return any(part.startswith("_") and not part.startswith("__") for part in module.split("."))


def test_every_module_outside_the_public_api_is_private() -> None:
    public_but_unlisted = sorted(
        name
        for name in map(_module_name, SRC.rglob("*.py"))
        if not _is_private(name) and name not in PUBLIC_MODULES
    )
    assert not public_but_unlisted, (
        f"modules neither listed as public nor named with a leading _: {public_but_unlisted}"
    )


def _core_imports(path: Path) -> list[tuple[int, str, str | None]]:
    """Return ``(line, module, name)`` for each import of a newsparse module in ``path``."""
    found: list[tuple[int, str, str | None]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "newsparse" or alias.name.startswith("newsparse."):
                    found.append((node.lineno, alias.name, None))
        elif (
            isinstance(node, ast.ImportFrom)
            and node.level == 0
            and node.module
            and (node.module == "newsparse" or node.module.startswith("newsparse."))
        ):
            found.extend((node.lineno, node.module, alias.name) for alias in node.names)
    return found


def _non_public(module: str, name: str | None) -> str | None:
    """Say why importing ``name`` from ``module`` goes past the public line, or None."""
    if module not in PUBLIC_MODULES or module in {"newsparse.cli", "newsparse.__main__"}:
        return f"module {module} is not public"
    if name is None:
        return None
    public = getattr(importlib.import_module(module), "__all__", ())
    if name not in public:
        return f"{module}.{name} is not in {module}.__all__"
    return None


@pytest.mark.parametrize("root", PLUGIN_ROOTS, ids=lambda root: str(root.relative_to(REPO)))
def test_first_party_plugins_import_only_public_names(root: Path) -> None:
    crossings = [
        f"{path.relative_to(REPO)}:{line}: {reason}"
        for path in sorted(root.rglob("*.py"))
        for line, module, name in _core_imports(path)
        if (reason := _non_public(module, name)) is not None
    ]
    assert not crossings, "imports past the public line:\n" + "\n".join(crossings)


def test_the_check_catches_a_private_import(tmp_path: Path) -> None:
    plugin = tmp_path / "plugin.py"
    plugin.write_text(
        "from newsparse import parse\n"
        "from newsparse.plugin import Format, select\n"
        "from newsparse._textio import TextReader\n"
        "from newsparse.plugin import Nonexistent\n"
        "import newsparse._api\n",
        encoding="utf-8",
    )
    reasons = [_non_public(module, name) for _, module, name in _core_imports(plugin)]
    assert reasons == [
        None,
        None,
        None,
        "module newsparse._textio is not public",
        "newsparse.plugin.Nonexistent is not in newsparse.plugin.__all__",
        "module newsparse._api is not public",
    ]


def test_core_modules_import_from_each_other_only_what_they_export() -> None:
    # Private modules have interfaces too: a name another module imports is in
    # the module's __all__, so what a module offers can be read at its top.
    crossings = []
    for path in sorted(SRC.rglob("*.py")):
        for line, module, name in _core_imports(path):
            if name is None:
                continue
            imported = importlib.import_module(module)
            if isinstance(getattr(imported, name, None), type(ast)):
                continue  # a submodule
            if name not in getattr(imported, "__all__", ()):
                crossings.append(f"{path.relative_to(REPO)}:{line}: {module}.{name}")
    assert not crossings, "imports of names missing from __all__:\n" + "\n".join(crossings)
