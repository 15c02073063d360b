"""Sphinx configuration of the newsparse documentation.

Build it from the repository root (the README gives the one command)::

    python -m sphinx -n -W --keep-going -b html docs docs/_build/html
    python -m sphinx -n -W --keep-going -b doctest docs docs/_build/doctest

``NEWSPARSE_DOCS_OFFLINE=1`` (set by CI) builds without any network access:
see the intersphinx section below.
"""

from __future__ import annotations

import os
import re
import sys
from importlib.metadata import version as distribution_version
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path.insert(0, str(DOCS / "_ext"))

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

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
# The tutorial's plugin is a real distribution that CI installs and tests; its
# files are shown with literalinclude, not read as pages.
exclude_patterns = ["_build", "tutorial/newsparse-brief", "Thumbs.db", ".DS_Store"]

# Every reference must resolve (the build runs with -n -W).
nitpicky = True
nitpick_ignore_regex = [
    # There is no local (Debian) inventory of pluggy's documentation, so an
    # offline build (CI) cannot resolve references into it; online builds
    # resolve them through the intersphinx mapping below.
    (r"py:.*", r"pluggy\..*"),
    # The type variables of FrozenMap (Mapping[K, V]) have no page of their own.
    (r"py:class", r"newsparse\.frozenmap\.[KV]"),
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
autodoc_type_aliases = {"Input": "newsparse.textio.Input"}
python_use_unqualified_type_names = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# -- Intersphinx -------------------------------------------------------------
#
# Each entry is (base URL, inventory).  Where a Debian documentation package
# has put the inventory on this machine, that file is read instead of the
# network; otherwise Sphinx fetches ``objects.inv`` from the base URL.  The
# links in the built pages point at the base URL either way.  CI installs the
# packages (see .ci/run) and sets NEWSPARSE_DOCS_OFFLINE=1, which also leaves
# out pluggy, for which Debian has no documentation package.

OFFLINE = os.environ.get("NEWSPARSE_DOCS_OFFLINE") == "1"


def _inventory(url: str, *local: str) -> tuple[str, str | None]:
    for path in local:
        if Path(path).is_file():
            return (url, path)
    return (url, None)


def _python_inventories() -> list[str]:
    """Return the inventories of python3.X-doc packages, newest Python first.

    python3-doc brings the docs of the distribution's Python (python3.11-doc
    on Debian 12); the folder names of other packages (python3.11-venv) are
    only symbolic links to the same folder.
    """
    found = []
    for path in Path("/usr/share/doc").glob("python3.*/html/objects.inv"):
        version = re.fullmatch(r"python3\.(\d+)", path.parts[-3])
        if version is not None:
            found.append((int(version[1]), str(path)))
    return [path for _, path in sorted(found, reverse=True)]


intersphinx_mapping = {
    "python": _inventory("https://docs.python.org/3", *_python_inventories()),
    "attrs": _inventory(
        "https://www.attrs.org/en/stable", "/usr/share/doc/python-attr-doc/html/objects.inv"
    ),
    "cattrs": _inventory(
        "https://catt.rs/en/stable", "/usr/share/doc/python-cattrs-doc/html/objects.inv"
    ),
    "lxml": _inventory(
        "https://lxml.de/apidoc", "/usr/share/doc/python-lxml/html/apidoc/objects.inv"
    ),
    "hypothesis": _inventory(
        "https://hypothesis.readthedocs.io/en/latest",
        "/usr/share/doc/python-hypothesis-doc/html/objects.inv",
    ),
    "click": _inventory(
        "https://click.palletsprojects.com/en/stable",
        "/usr/share/doc/python-click-doc/html/objects.inv",
    ),
}
if not OFFLINE:
    intersphinx_mapping["pluggy"] = ("https://pluggy.readthedocs.io/en/stable", None)

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
