"""Checks on the Sphinx documentation's sources (docs/).

The build itself (``sphinx -n -W`` and the doctest builder) runs in .ci/run;
these tests catch what a clean build cannot: a public name nobody documented,
a CLI page retyped by hand, a tutorial that stopped showing part of its code.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import click

from newsparse.cli import cli

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
REFERENCE = DOCS / "reference"
TUTORIAL = DOCS / "tutorial" / "write-a-plugin.md"
BRIEF_FORMAT = DOCS / "tutorial" / "newsparse-brief" / "src" / "newsparse_brief" / "format.py"

# A directive that documents one object, in MyST (```{autoclass} x) or in
# reStructuredText (.. autoclass:: x), with its options on the lines after it.
_DIRECTIVE = re.compile(
    r"^(?:```\{|\.\. )(?P<kind>auto\w+|py:\w+)(?:\}|::)[ \t]+(?P<name>[\w.]+)[ \t]*\n"
    r"(?P<options>(?:[ \t]*:[\w-]+:.*\n)*)",
    re.MULTILINE,
)
_MODULE_OPTION = re.compile(r":module:[ \t]*([\w.]+)")
_DOCUMENTING = {"class", "exception", "function", "data", "attribute", "method", "decorator"}


def documented_names(source: str) -> set[str]:
    """Return the full names of the objects that directives in ``source`` document."""
    names = set()
    for match in _DIRECTIVE.finditer(source):
        kind = match["kind"]
        name = match["name"]
        if kind.startswith("py:"):
            if kind.removeprefix("py:") not in _DOCUMENTING:
                continue
            module = _MODULE_OPTION.search(match["options"])
            if module is not None:
                name = f"{module[1]}.{name}"
        elif kind == "automodule":
            continue
        names.add(name)
    return names


def reference_sources() -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in sorted(REFERENCE.rglob("*.md"))}


PUBLIC_MODULES = (
    "newsparse",
    "newsparse.plugin",
    "newsparse.testing",
    "newsparse.integrations.rows",
    "newsparse.integrations.dask",
    "newsparse.integrations.spark",
    "newsparse.integrations.parquet",
)
"""The modules that make up the public API; every other module is private."""


def _resolve(name: str) -> object:
    module_name, _, attribute = name.rpartition(".")
    try:
        return getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError):
        return None


def test_every_public_name_is_in_the_api_reference() -> None:
    documented = set().union(*map(documented_names, reference_sources().values()))
    # A name re-exported by a second public module (newsparse.plugin.Format is
    # newsparse.Format) counts as documented when the object it names is.
    documented_objects = [
        value for value in map(_resolve, documented) if isinstance(value, type) or callable(value)
    ]
    missing = []
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            full = f"{module_name}.{name}"
            value = getattr(module, name)
            if full in documented:
                continue
            if (isinstance(value, type) or callable(value)) and any(
                value is other for other in documented_objects
            ):
                continue
            missing.append(full)
    assert not missing, f"not documented in docs/reference/: {missing}"


def test_the_reference_documents_only_public_modules() -> None:
    private = []
    for path, source in reference_sources().items():
        for match in _DIRECTIVE.finditer(source):
            parts = match["name"].split(".")
            if parts[0] == "newsparse" and any(
                part.startswith("_") and not part.startswith("__") for part in parts
            ):
                private.append(f"{path.relative_to(REPO)}: {match['kind']} {match['name']}")
    assert not private, "the reference documents private names:\n" + "\n".join(private)


def test_documented_names_come_from_directives_only() -> None:
    source = (
        "```{autofunction} newsparse.parse\n```\n\n"
        ".. autoclass:: newsparse.Article\n   :members:\n\n"
        "```{py:data} __version__\n:module: newsparse\n:type: str\n```\n\n"
        "```{automodule} newsparse._errors\n```\n\n"
        "{func}`newsparse.render` is only mentioned, not documented.\n"
    )
    assert documented_names(source) == {
        "newsparse.parse",
        "newsparse.Article",
        "newsparse.__version__",
    }


def test_the_cli_reference_is_generated_by_sphinx_click() -> None:
    page = (REFERENCE / "cli.md").read_text(encoding="utf-8")
    directive = re.search(
        r"^\.\. click:: newsparse\.cli:cli\n((?:[ \t]+:.*\n)*)", page, re.MULTILINE
    )
    assert directive is not None, "docs/reference/cli.md must use the click directive"
    options = {line.strip() for line in directive[1].splitlines()}
    assert {":prog: newsparse", ":nested: full"} <= options
    assert isinstance(cli, click.Group)
    assert {"convert", "formats", "plugins"} <= set(cli.commands)


def test_the_tutorial_shows_all_of_the_example_format() -> None:
    """Every part of newsparse_brief/format.py appears in the tutorial.

    The tutorial shows the file piece by piece, so a reader who copies every
    piece gets the whole, tested file: the imports and constants, each
    function and class (``:pyobject:``) and the head of ``BriefFormat``.
    The same holds for the tests the tutorial walks through: the examples
    and the conformance class, then the hand-written tests.
    """
    tree = ast.parse(BRIEF_FORMAT.read_text(encoding="utf-8"))
    objects = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == "BriefFormat":
            methods = [item for item in node.body if isinstance(item, ast.FunctionDef)]
            objects += [f"BriefFormat.{method.name}" for method in methods]
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            objects.append(node.name)
    page = TUTORIAL.read_text(encoding="utf-8")
    shown = set(re.findall(r"^:pyobject: ([\w.]+)$", page, re.MULTILINE))
    missing = [name for name in objects if name not in shown]
    assert not missing, f"the tutorial does not show {missing} from {BRIEF_FORMAT.name}"
    for piece in (
        ":end-before: class _Line",
        ":start-at: class BriefFormat",
        ":end-before: class TestBriefConformance",
        ":pyobject: TestBriefConformance",
        ":start-at: def test_the_entry_point",
    ):
        assert f"\n{piece}" in page, f"the tutorial lost the piece {piece!r}"


def test_the_security_page_names_tests_that_exist() -> None:
    page = (REPO / "docs" / "reference" / "security.md").read_text(encoding="utf-8")
    named = re.findall(r"`((?:plugins/[\w-]+/)?tests/[\w/]+\.py)::(\w+)`", page)
    assert len(named) >= 25  # the page names its proofs this way
    for path, name in named:
        source = (REPO / path).read_text(encoding="utf-8")
        assert re.search(rf"^def {name}\(", source, re.MULTILINE), f"{path}::{name} is not a test"
    files = re.findall(r"`((?:plugins/[\w-]+/)?tests/[\w/]+\.py)`", page)
    assert all((REPO / path).is_file() for path in files), files
