"""Sphinx configuration of the newsparse documentation.

Build it from the repository root (the README gives the one command)::

    python -m sphinx -n -W --keep-going -b html docs docs/_build/html
    python -m sphinx -n -W --keep-going -b doctest docs docs/_build/doctest

The build needs no network access: see the intersphinx section below.
"""

from __future__ import annotations

import os
import sys
from importlib.metadata import version as distribution_version
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path.insert(0, str(DOCS / "_ext"))

import external_objects  # noqa: E402 - docs/_ext, put on the path just above

# -- Project -----------------------------------------------------------------

project = "newsparse"
author = "The newsparse developers"
copyright = "the newsparse developers"
release = distribution_version("newsparse")
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "myst_parser",
    "sphinx_click",
    "newsparse_docs",  # docs/_ext: the command-output directive
]

# Curly quotes and ellipses, but no dashes: "--help" must stay two hyphens in
# the generated command-line reference and everywhere else.
smartquotes_action = "qe"

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
# The tutorial's plugin is a real distribution that CI installs and tests; its
# files are shown with literalinclude, not read as pages.
exclude_patterns = ["_build", "tutorial/newsparse-brief", "Thumbs.db", ".DS_Store"]

# Every reference must resolve (the build runs with -n -W).
nitpicky = True
nitpick_ignore_regex = [
    # The type variables of FrozenMap (Mapping[K, V]) have no page of their own.
    (r"py:class", r"newsparse\._frozenmap\.[KV]"),
    # Likewise the type variables of the generic plugin registry, and the
    # module type an extension's hook specifications may come in.
    (r"py:class", r"newsparse\._registry\.[TKE]"),
    (r"py:class", r"types\.ModuleType"),
    # The type variable of the site-field decorator.
    (r"py:class", r"newsparse\._formats\.html\.sites\._Method"),
    # The engines of newsparse.integrations are optional, and not installed to
    # build the documentation; their types appear in signatures only.
    (r"py:class", r"(dask|distributed|pandas|pyspark)\..*"),
]

# -- MyST --------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

# -- Autodoc -----------------------------------------------------------------

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_class_signature = "mixed"
# Show ``data: Input`` rather than the seven types the alias stands for.  (Only
# aliases used on their own: Sphinx prints an alias inside ``X | None`` or
# ``Iterator[X]`` as "TypeAliasForwardRef(...)", so those are left expanded.)
autodoc_type_aliases = {"Input": "newsparse.Input"}
python_use_unqualified_type_names = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# -- Intersphinx -------------------------------------------------------------
#
# The build needs no network: the outside objects our pages link to are listed
# in docs/_ext/external_objects.py, which writes them as small local
# inventories.  NEWSPARSE_DOCS_ONLINE=1 reads the projects' own published
# inventories instead (a build with network, such as a documentation host).

ONLINE = os.environ.get("NEWSPARSE_DOCS_ONLINE") == "1"

if ONLINE:
    intersphinx_mapping = {
        name: (project.base, None) for name, project in external_objects.PROJECTS.items()
    }
else:
    intersphinx_mapping = external_objects.write_inventories(DOCS / "_build" / "inventories")

# -- Doctest -----------------------------------------------------------------

# Examples read files such as examples/aawsat-seed.txt relative to the
# repository root, as a reader running them from a clone would.  Hypothesis
# runs the examples' property tests without deadlines or timing health checks
# (as the test suite does), so that a busy machine does not fail them.
doctest_global_setup = f"""
import os
os.chdir({str(ROOT)!r})
import hypothesis
hypothesis.settings.register_profile(
    "newsparse-docs", deadline=None, suppress_health_check=[hypothesis.HealthCheck.too_slow]
)
hypothesis.settings.load_profile("newsparse-docs")
"""

# -- Command output (docs/_ext/newsparse_docs.py) ----------------------------

newsparse_command_cwd = str(ROOT)

# -- HTML --------------------------------------------------------------------

html_theme = "furo"
html_title = f"newsparse {release}"
html_static_path: list[str] = []
