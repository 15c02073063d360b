"""The modules of ``src/newsparse`` import each other without a cycle.

The test reads every module with :mod:`ast` (nothing is imported), resolves
each ``import x`` and ``from x import y``, absolute or relative, to the module
of the package it names, and looks for cycles in the graph those edges make.
Imports under ``if TYPE_CHECKING:`` are left out: they never run.  Imports
inside a function do run, later; they are edges too, marked "lazy" in the
message, since a lazy import only hides a cycle from the interpreter.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import attrs

SOURCE = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "newsparse"


@attrs.frozen
class Edge:
    """``source`` imports ``target`` at line ``line``; ``lazy`` when inside a function."""

    source: str
    target: str
    line: int
    lazy: bool

    def __str__(self) -> str:
        how = " (lazy)" if self.lazy else ""
        return f"{self.source} -> {self.target} (line {self.line}){how}"


def module_names(root: Path) -> dict[str, Path]:
    """Return every module under ``root/PACKAGE`` by dotted name (a package by its name)."""
    names: dict[str, Path] = {}
    for path in sorted((root / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _imports(node: ast.AST, *, lazy: bool) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Yield each import statement under ``node`` that runs, with whether it is lazy."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.Import, ast.ImportFrom)):
            yield child, lazy
        elif isinstance(child, ast.If) and _is_type_checking(child.test):
            for other in child.orelse:
                yield from _imports(ast.Module(body=[other], type_ignores=[]), lazy=lazy)
        elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            yield from _imports(child, lazy=True)
        else:
            yield from _imports(child, lazy=lazy)


def _resolve(
    statement: ast.Import | ast.ImportFrom, module: str, is_package: bool, known: set[str]
) -> Iterator[str]:
    """Yield the known modules ``statement`` (in ``module``) imports."""
    if isinstance(statement, ast.Import):
        for alias in statement.names:
            name = alias.name
            while name and name not in known:  # "import a.b.c" where c is not a module
                name = name.rpartition(".")[0]
            if name:
                yield name
        return
    if statement.level:
        package = module if is_package else module.rpartition(".")[0]
        for _ in range(statement.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{statement.module}" if statement.module else package
    else:
        base = statement.module or ""
    for alias in statement.names:
        submodule = f"{base}.{alias.name}"
        if submodule in known:
            yield submodule
        elif base in known:
            yield base


def import_graph(root: Path) -> dict[str, list[Edge]]:
    """Return the edges leaving each module of the package, by module."""
    names = module_names(root)
    known = set(names)
    graph: dict[str, list[Edge]] = {}
    for module, path in names.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        edges = graph.setdefault(module, [])
        for statement, lazy in _imports(tree, lazy=False):
            for target in _resolve(statement, module, is_package, known):
                if target != module:
                    edges.append(Edge(module, target, statement.lineno, lazy))
    return graph


def find_cycles(graph: dict[str, list[Edge]]) -> list[list[Edge]]:
    """Return one cycle through each strongly connected group of modules (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for edge in graph.get(node, []):
            if edge.target not in index:
                visit(edge.target)
                low[node] = min(low[node], low[edge.target])
            elif edge.target in on_stack:
                low[node] = min(low[node], index[edge.target])
        if low[node] == index[node]:
            group: set[str] = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_cycle_in(graph, group) for group in groups]


def _cycle_in(graph: dict[str, list[Edge]], group: set[str]) -> list[Edge]:
    """Return the edges of one cycle through the smallest-named module of ``group``."""
    start = min(group)
    paths: dict[str, list[Edge]] = {start: []}
    queue = [start]
    while queue:  # breadth first: the shortest way back to start
        node = queue.pop(0)
        for edge in graph[node]:
            if edge.target not in group:
                continue
            if edge.target == start:
                return [*paths[node], edge]
            if edge.target not in paths:
                paths[edge.target] = [*paths[node], edge]
                queue.append(edge.target)
    raise AssertionError(f"no cycle through {start}")  # a strongly connected group has one


def describe(cycle: list[Edge]) -> str:
    """Return a cycle as one line per import."""
    return "\n".join(f"  {edge}" for edge in cycle)


def test_the_package_has_no_import_cycle() -> None:
    cycles = find_cycles(import_graph(SOURCE))
    message = "\n".join(f"import cycle {n}:\n{describe(c)}" for n, c in enumerate(cycles, 1))
    assert not cycles, message


# --- the checker itself, on small packages written for the test ------------------


def write_package(root: Path, modules: dict[str, str]) -> Path:
    for name, text in modules.items():
        path = root.joinpath(PACKAGE, *name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_a_cycle_through_a_function_level_import_is_found_and_called_lazy(
    tmp_path: Path,
) -> None:
    root = write_package(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "from newsparse import b\n",
            "b.py": "def f():\n    from newsparse.sub.c import x\n",
            "sub/__init__.py": "",
            "sub/c.py": "from .. import a\nx = 1\n",
        },
    )
    [cycle] = find_cycles(import_graph(root))
    assert [str(edge) for edge in cycle] == [
        "newsparse.a -> newsparse.b (line 1)",
        "newsparse.b -> newsparse.sub.c (line 2) (lazy)",
        "newsparse.sub.c -> newsparse.a (line 1)",
    ]


def test_type_checking_imports_and_one_way_imports_make_no_cycle(tmp_path: Path) -> None:
    root = write_package(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "import newsparse.b\nfrom newsparse.b import name\n",
            "b.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from newsparse import a\n"
                "else:\n    import os\n"
                "name = 1\n"
            ),
        },
    )
    graph = import_graph(root)
    assert [edge.target for edge in graph["newsparse.a"]] == ["newsparse.b", "newsparse.b"]
    assert graph["newsparse.b"] == []
    assert find_cycles(graph) == []


def test_the_else_branch_of_type_checking_counts(tmp_path: Path) -> None:
    root = write_package(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "from newsparse import b\n",
            "b.py": "if TYPE_CHECKING:\n    pass\nelse:\n    from . import a\n",
        },
    )
    [cycle] = find_cycles(import_graph(root))
    assert [edge.target for edge in cycle] == ["newsparse.b", "newsparse.a"]
