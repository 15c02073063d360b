"""The install instructions and the docs build work on a fresh machine, as written.

newsparse and its plugins are not on a package index, so an instruction such
as ``pip install newsparse-aawsat`` fails for every reader.  These tests read
every ``pip install`` command in the README files and the documentation and
check that each names our distributions only in a way that works from a clone:
a path (``-e plugins/newsparse-aawsat``) or a wheel folder (``--find-links``).

The docs build must not need the network either: ``docs/conf.py`` links other
projects' documentation through small local inventories, which are checked
here too.
"""

from __future__ import annotations

import ast
import os
import re
import runpy
import shlex
import zlib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"

#: The distributions of this repository, none of them on a package index.
OUR_DISTRIBUTIONS = {
    "newsparse",
    "newsparse-aawsat",
    "newsparse-iptc",
    "newsparse-feeds",
    "newsparse-site-anadolu",
    "newsparse-site-dagbladet",
    "newsparse-site-hankookilbo",
    "newsparse-wire",
    "newsparse-brief",
}

_FENCE = re.compile(r"^```(?:console|sh|shell|bash|text)?\s*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_REQUIREMENT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def instruction_files() -> list[Path]:
    """Every Markdown file a reader may follow: READMEs and the documentation."""
    files = [REPO / "README.md", *sorted(REPO.glob("plugins/*/README.md"))]
    files += [path for path in sorted(DOCS.rglob("*.md")) if "_build" not in path.parts]
    return files


def pip_install_commands(text: str) -> list[str]:
    """Return the ``pip install`` commands of the shell blocks in ``text``.

    A line may hold several commands joined by ``&&``; a ``$`` prompt is
    dropped; a trailing comment is ignored.
    """
    commands = []
    for block in _FENCE.findall(text):
        for raw in block.splitlines():
            line = raw.strip().removeprefix("$ ")
            for command in line.split("&&"):
                if "pip install" not in command:
                    continue
                words = shlex.split(command, comments=True)
                if "pip" in words and words[words.index("pip") + 1 :][:1] == ["install"]:
                    commands.append(command.strip())
    return commands


def unreachable_requirements(command: str) -> list[str]:
    """Return the requirements of ``command`` that pip cannot find on a fresh machine.

    Those are our distributions named by name (``newsparse-aawsat``,
    ``"newsparse[dask]"``), unless the command points pip at a wheel folder
    (``--find-links``/``-f``).  Paths (``.``, ``plugins/x``, ``"$NEWSPARSE[testing]"``)
    are fine.
    """
    words = shlex.split(command, comments=True)
    if "--find-links" in words or "-f" in words:
        return []
    arguments = words[words.index("install") + 1 :]
    bad = []
    for word in arguments:
        if word.startswith("-"):
            continue
        name = _REQUIREMENT_NAME.match(word)
        if name is None or (name.end() < len(word) and word[name.end()] in "/"):
            continue  # a path
        rest = word[name.end() :]
        if rest and rest[0] not in "[<>=!~;":
            continue  # not a requirement, a path such as ./x or x.whl
        if name[0].lower().replace("_", "-") in OUR_DISTRIBUTIONS:
            bad.append(word)
    return bad


def test_the_command_reader_sees_through_prompts_and_chains() -> None:
    text = (
        "```console\n$ python3 -m venv .venv && .venv/bin/python -m pip install -q -e . x\n"
        "$ pip install newsparse-aawsat  # from PyPI\n```\n"
        "Inline `pip install newsparse` is prose.\n"
    )
    assert pip_install_commands(text) == [
        ".venv/bin/python -m pip install -q -e . x",
        "pip install newsparse-aawsat  # from PyPI",
    ]


@pytest.mark.parametrize(
    ("command", "bad"),
    [
        ("pip install newsparse newsparse-aawsat", ["newsparse", "newsparse-aawsat"]),
        ("pip install 'newsparse[dask]'", ["newsparse[dask]"]),
        ("pip install newsparse-iptc>=0.1", ["newsparse-iptc>=0.1"]),
        ("pip install -e . -e plugins/newsparse-aawsat", []),
        ('pip install -e "$NEWSPARSE[testing]"', []),
        ("pip install --find-links dist newsparse newsparse-aawsat", []),
        ("pip install ruff mypy", []),
        ('pip install -e ".[test]"', []),
    ],
)
def test_unreachable_requirements_are_found(command: str, bad: list[str]) -> None:
    assert unreachable_requirements(command) == bad


def test_every_pip_install_works_from_a_clone() -> None:
    failing = []
    seen = 0
    for path in instruction_files():
        for command in pip_install_commands(path.read_text(encoding="utf-8")):
            seen += 1
            bad = unreachable_requirements(command)
            if bad:
                failing.append(f"{path.relative_to(REPO)}: {command!r} needs {bad} from an index")
    assert seen >= 15, seen  # the READMEs and docs do hold this many install commands
    assert not failing, "\n".join(failing)


def test_the_install_page_builds_a_wheel_of_every_distribution() -> None:
    page = (DOCS / "howto" / "install.md").read_text(encoding="utf-8")
    [wheel_command] = list(re.findall(r"^\$ (pip wheel .*)$", page, re.MULTILINE))
    folders = {word for word in shlex.split(wheel_command) if word == "." or "/" in word}
    plugins = {f"plugins/{path.name}" for path in REPO.glob("plugins/*") if path.is_dir()}
    assert folders == {".", *plugins}


# -- The docs build needs no network ------------------------------------------


def _read_inventory(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    header = data.split(b"\n", 4)
    assert header[0] == b"# Sphinx inventory version 2"
    assert header[3] == b"# The remainder of this file is compressed using zlib."
    body = zlib.decompress(header[4]).decode("utf-8")
    return [line.split(" ") for line in body.splitlines()]


def test_the_docs_read_only_local_inventories(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSPARSE_DOCS_ONLINE", raising=False)
    monkeypatch.chdir(REPO)
    config = runpy.run_path(str(DOCS / "conf.py"))
    mapping = config["intersphinx_mapping"]
    assert {"python", "attrs", "cattrs", "lxml", "hypothesis", "pluggy"} <= set(mapping)
    for name, (base, inventory) in mapping.items():
        assert base.startswith("https://"), name
        # None (or a URL) would make Sphinx download the inventory.
        assert isinstance(inventory, str), name
        assert os.path.isfile(inventory), name
        entries = _read_inventory(Path(inventory))
        assert entries, name
        for entry in entries:
            _target, role, priority, address, display = entry
            assert role.startswith(("py:", "std:")), entry
            assert priority == "1", entry
            assert display == "-", entry
            assert not address.startswith("http"), entry  # relative to the base
    pluggy_names = {entry[0] for entry in _read_inventory(Path(mapping["pluggy"][1]))}
    assert "pluggy.PluginManager" in pluggy_names


def test_dashes_in_the_docs_stay_hyphens() -> None:
    """``--help`` in the generated CLI reference must not become an en dash."""
    tree = ast.parse((DOCS / "conf.py").read_text(encoding="utf-8"))
    settings = {
        target.id: node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    action = settings.get("smartquotes_action")
    # Sphinx's default, "qDe", turns "--" into an en dash.
    assert isinstance(action, ast.Constant), "docs/conf.py must set smartquotes_action"
    assert isinstance(action.value, str)
    assert "D" not in action.value
    assert "d" not in action.value
