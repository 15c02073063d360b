"""A Sphinx extension for the newsparse docs.

It does five things:

* documents newsparse's public classes from the private modules that define
  them (``newsparse._naming`` made them report their public module, where
  autodoc would not find their attribute docstrings), and resolves a
  reference to a private path (``newsparse._limits.Limits``, as signatures
  name them) to the public name it is documented under;

* adds the ``command-output`` directive (below);
* adds the ``module-notes`` directive, which shows the docstring of a private
  module as prose (``.. module-notes:: newsparse._formats.html.titles``):
  the rules it describes are part of a format's contract, but the module is
  not public, so no object is documented and nothing can link to it;
* resolves type names that the code imports only for type checkers (under
  ``if TYPE_CHECKING:``), which autodoc therefore cannot qualify, such as
  Hypothesis's ``SearchStrategy``;
* stops napoleon from reading an attribute docstring such as ``"Name of the
  input: a path..."`` as ``type: description``.  newsparse's attribute
  docstrings are prose and never use that Google-style shorthand.

The ``command-output`` directive runs a ``newsparse`` command while the docs
are built and shows the command with what it printed, so the output in the
pages can never drift from what the program does::

    ```{command-output} newsparse formats
    ```

Options:

``:returncode: N``
    The exit status the command must have (default 0).  Any other status
    fails the build, so a broken example cannot go unnoticed.
``:stderr:``
    Show what the command printed on stderr too (after stdout).
``:max-lines: N``
    Show only the first N lines of the output, then a line ``...``.
``:max-width: N``
    Cut lines longer than N characters, ending them with ``…``.
``:input: PATH``
    Feed the file PATH (relative to the repository root) on stdin.
``:env: NAME=VALUE ...``
    Set environment variables for the command (shown before it).

Only ``newsparse`` commands can be run: they are run as
``python -m newsparse`` with the interpreter that runs Sphinx, from the
directory named by the ``newsparse_command_cwd`` setting.
"""

from __future__ import annotations

import importlib
import inspect
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.ext import intersphinx
from sphinx.ext.napoleon.docstring import GoogleDocstring
from sphinx.util.docutils import SphinxDirective

#: Names imported under ``if TYPE_CHECKING:`` in annotations, and what they are.
TYPE_CHECKING_NAMES = {
    "SearchStrategy": "hypothesis.strategies.SearchStrategy",
}


class CommandOutput(SphinxDirective):
    """Run a newsparse command at build time and show it with its output."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "returncode": directives.nonnegative_int,
        "stderr": directives.flag,
        "max-lines": directives.positive_int,
        "max-width": directives.positive_int,
        "input": directives.unchanged_required,
        "env": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        """Run the command and return a literal block with it and its output."""
        command = self.arguments[0]
        words = shlex.split(command)
        if not words or words[0] != "newsparse":
            raise self.error(f"command-output runs newsparse commands only, not {command!r}")
        cwd = Path(self.config.newsparse_command_cwd)
        stdin = None
        if "input" in self.options:
            stdin = (cwd / self.options["input"]).read_bytes()
        settings = self.options.get("env", "").split()
        # The output must not depend on how the builder's shell is set up.
        env = {
            name: value
            for name, value in os.environ.items()
            if name not in {"NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD", "NEWSPARSE_STRICT_PLUGINS"}
        }
        env["PYTHONIOENCODING"] = "utf-8"
        for setting in settings:
            name, equals, value = setting.partition("=")
            if not equals:
                raise self.error(f"expected NAME=VALUE in :env:, got {setting!r}")
            env[name] = value
        done = subprocess.run(
            [sys.executable, "-m", "newsparse", *words[1:]],
            cwd=cwd,
            env=env,
            input=stdin,
            capture_output=True,
            timeout=120,
            check=False,
        )
        expected = self.options.get("returncode", 0)
        stdout = done.stdout.decode("utf-8")
        stderr = done.stderr.decode("utf-8")
        if done.returncode != expected:
            raise self.error(
                f"{command!r} exited with status {done.returncode}, not {expected}:\n"
                f"{stdout}{stderr}"
            )
        output = stdout + (stderr if "stderr" in self.options else "")
        lines = output.rstrip("\n").split("\n")
        limit = self.options.get("max-lines")
        if limit is not None and len(lines) > limit:
            lines = [*lines[:limit], "..."]
        width = self.options.get("max-width")
        if width is not None:
            lines = [line if len(line) <= width else line[: width - 1] + "…" for line in lines]
        prompt = " ".join([*settings, command])
        if "input" in self.options:
            prompt += f" < {self.options['input']}"
        shown = f"$ {prompt}\n" + "\n".join(lines)
        block = nodes.literal_block(shown, shown, language="console")
        self.set_source_info(block)
        return [block]


def resolve_type_checking_name(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    """Resolve a bare name from :data:`TYPE_CHECKING_NAMES` through intersphinx."""
    target = TYPE_CHECKING_NAMES.get(node.get("reftarget", ""))
    if node.get("refdomain") != "py" or target is None:
        return None
    node["reftarget"] = target
    return intersphinx.missing_reference(app, env, node, contnode)


def _attribute_without_inline_type(self: GoogleDocstring) -> tuple[str, list[str]]:
    """Read an attribute docstring as description only (see the module docstring)."""
    first = self._lines.next()
    lines = [first, *self._dedent(self._consume_to_end())]
    return "", type(self)(lines, self._config).lines()


PUBLIC_MODULES = (
    "newsparse",
    "newsparse.plugin",
    "newsparse.testing",
    "newsparse.integrations.rows",
    "newsparse.integrations.dask",
    "newsparse.integrations.spark",
    "newsparse.integrations.parquet",
)
"""The public API's modules, first home first (``newsparse.Format``, then
``newsparse.plugin.Format``)."""


def public_names() -> dict[str, str]:
    """Map the private path of each public object to its public name, and restore its module.

    Classes published by ``newsparse._naming`` get back the ``__module__``
    that defines them, so that autodoc reads their source (attribute
    docstrings) there; the pages still document them under the public name.
    """
    names: dict[str, str] = {}
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            defined_in = getattr(value, "__newsparse_defined_in__", None)
            if isinstance(value, type) and isinstance(defined_in, str):
                value.__module__ = defined_in
            home = getattr(value, "__module__", None)
            qualname = getattr(value, "__qualname__", name)
            if isinstance(home, str) and home != module_name:
                names.setdefault(f"{home}.{qualname}", f"{module_name}.{name}")
            names.setdefault(name, f"{module_name}.{name}")
    return names


PUBLIC_NAMES: dict[str, str] = {}


def resolve_private_path(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Element | None:
    """Resolve ``newsparse._x.Name`` (or ``Name.attr``) to its documented public name."""
    target = node.get("reftarget", "")
    if node.get("refdomain") != "py" or not target:
        return None
    domain = env.get_domain("py")
    refdoc = node.get("refdoc", "")
    head, attribute = target, ""
    while head:
        public = PUBLIC_NAMES.get(head)
        if public is not None and (head.startswith("newsparse.") or "." not in head):
            new_target = public + attribute
            found: nodes.Element | None = domain.resolve_xref(
                env, refdoc, app.builder, node["reftype"], new_target, node, contnode
            )
            if found is None:
                matches = domain.resolve_any_xref(
                    env, refdoc, app.builder, new_target, node, contnode
                )
                found = matches[0][1] if matches else None
            return found
        head, _, tail = head.rpartition(".")
        attribute = f".{tail}{attribute}"
    return None


class ModuleNotes(SphinxDirective):
    """Show a module's docstring as prose, without documenting the module."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Parse the docstring of the module named by the argument."""
        module = importlib.import_module(self.arguments[0])
        text = inspect.cleandoc(module.__doc__ or "")
        if not text:
            raise self.error(f"{self.arguments[0]} has no docstring")
        container = nodes.container()
        lines = headings_as_rubrics(text.splitlines())
        self.state.nested_parse(StringList(lines, self.arguments[0]), 0, container)
        return list(container.children)


def headings_as_rubrics(lines: list[str]) -> list[str]:
    """Turn the underlined headings of a docstring into rubrics.

    A directive's content cannot open sections of the page it sits in, and the
    notes should not appear in the page's table of contents anyway.
    """
    result: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        underline = following.strip()
        if (
            line.strip()
            and not line.startswith(" ")
            and len(underline) >= len(line.strip())
            and set(underline) <= set("-=~^")
            and len(set(underline)) == 1
        ):
            result.extend([f".. rubric:: {line.strip()}", ""])
            index += 2
            continue
        result.append(line)
        index += 1
    return result


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives, their setting and the two fixes."""
    app.add_config_value("newsparse_command_cwd", ".", "env", types=[str])
    app.add_directive("command-output", CommandOutput)
    app.add_directive("module-notes", ModuleNotes)
    app.connect("missing-reference", resolve_type_checking_name)
    PUBLIC_NAMES.update(public_names())
    app.connect("missing-reference", resolve_private_path)
    # Replaces napoleon's _consume_inline_attribute; if a future Sphinx renames
    # it, the nitpicky build reports the stray "types" again.
    GoogleDocstring._consume_inline_attribute = _attribute_without_inline_type  # type: ignore[method-assign]
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
