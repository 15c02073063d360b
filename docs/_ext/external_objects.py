"""The objects of other projects' documentation that our pages link to.

Intersphinx normally downloads each project's ``objects.inv`` while the docs
are built, so a build without network fails (and ``-W`` makes that fatal).
Instead, this module lists the few dozen outside objects that our pages and
docstrings name, each with the address of its entry in that project's
documentation, and :func:`write_inventories` writes them as small local
inventories that ``conf.py`` hands to intersphinx.  The build then needs no
network and gives the same links everywhere.

When a page names an outside object that is not listed, the nitpicky build
(``-n -W``) fails with "reference target not found: NAME": add NAME here,
with its address, under its project.  ``NEWSPARSE_DOCS_ONLINE=1`` makes
``conf.py`` read the projects' real inventories instead (for a published
build with network), which also shows whether an address here went stale.

The addresses are facts taken from each project's published inventory.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import NamedTuple

__all__ = ["PROJECTS", "Project", "write_inventories"]


class Project(NamedTuple):
    """One outside project: where its documentation lives and what we link to."""

    base: str
    """The base address of the documentation; the addresses below are relative to it."""
    objects: tuple[tuple[str, str, str], ...]
    """``(domain:role, name, address)`` for each object we link to."""


_PY = "library/"
_ABC = _PY + "collections.abc.html"
_PLUGGY = "api_reference.html#pluggy."

PROJECTS: dict[str, Project] = {
    "python": Project(
        "https://docs.python.org/3",
        (
            ("py:method", "bytes.translate", _PY + "stdtypes.html#bytes.translate"),
            ("py:method", "str.isprintable", _PY + "stdtypes.html#str.isprintable"),
            ("py:method", "str.strip", _PY + "stdtypes.html#str.strip"),
            ("py:module", "codecs", _PY + "codecs.html#module-codecs"),
            ("py:module", "gzip", _PY + "gzip.html#module-gzip"),
            ("py:module", "zoneinfo", _PY + "zoneinfo.html#module-zoneinfo"),
            *(
                ("py:class", f"collections.abc.{name}", f"{_ABC}#collections.abc.{name}")
                for name in ("Callable", "Iterable", "Iterator", "Mapping", "Sequence")
            ),
            ("py:class", "datetime.date", _PY + "datetime.html#datetime.date"),
            ("py:class", "datetime.datetime", _PY + "datetime.html#datetime.datetime"),
            ("py:class", "datetime.tzinfo", _PY + "datetime.html#datetime.tzinfo"),
            ("py:function", "functools.cache", _PY + "functools.html#functools.cache"),
            ("py:class", "io.StringIO", _PY + "io.html#io.StringIO"),
            ("py:class", "io.BytesIO", _PY + "io.html#io.BytesIO"),
            ("py:class", "json.JSONDecoder", _PY + "json.html#json.JSONDecoder"),
            ("py:class", "os.PathLike", _PY + "os.html#os.PathLike"),
            ("py:class", "pathlib.Path", _PY + "pathlib.html#pathlib.Path"),
            ("py:data", "sys.stdin", _PY + "sys.html#sys.stdin"),
            ("py:exception", "TypeError", _PY + "exceptions.html#TypeError"),
            ("py:exception", "ValueError", _PY + "exceptions.html#ValueError"),
            ("py:exception", "OverflowError", _PY + "exceptions.html#OverflowError"),
            ("py:exception", "UnicodeDecodeError", _PY + "exceptions.html#UnicodeDecodeError"),
            ("py:class", "types.MappingProxyType", _PY + "types.html#types.MappingProxyType"),
        ),
    ),
    "attrs": Project(
        "https://www.attrs.org/en/stable",
        (
            ("py:function", "attrs.define", "api.html#attrs.define"),
            ("py:function", "attrs.evolve", "api.html#attrs.evolve"),
        ),
    ),
    "cattrs": Project(
        "https://catt.rs/en/stable",
        (
            ("py:module", "cattrs", "cattrs.html#module-cattrs"),
            ("py:class", "cattrs.Converter", "cattrs.html#cattrs.Converter"),
        ),
    ),
    "lxml": Project(
        "https://lxml.de/apidoc",
        (("py:class", "lxml.etree._Element", "lxml.etree.html#lxml.etree._Element"),),
    ),
    "hypothesis": Project(
        "https://hypothesis.readthedocs.io/en/latest",
        (
            (
                "py:class",
                "hypothesis.strategies.SearchStrategy",
                "details.html#hypothesis.strategies.SearchStrategy",
            ),
            # Annotations name the class where it is defined, not where it is exported.
            (
                "py:class",
                "hypothesis.strategies._internal.core.DataObject",
                "data.html#hypothesis.strategies.DataObject",
            ),
        ),
    ),
    "pluggy": Project(
        "https://pluggy.readthedocs.io/en/stable",
        (
            ("py:class", "pluggy.HookimplMarker", _PLUGGY + "HookimplMarker"),
            ("py:class", "pluggy.HookspecMarker", _PLUGGY + "HookspecMarker"),
            ("py:class", "pluggy.PluginManager", _PLUGGY + "PluginManager"),
            # Annotations name the class where it is defined, not where it is exported.
            ("py:class", "pluggy._manager.PluginManager", _PLUGGY + "PluginManager"),
            ("py:exception", "pluggy.PluginValidationError", _PLUGGY + "PluginValidationError"),
        ),
    ),
}


def write_inventories(folder: Path) -> dict[str, tuple[str, str]]:
    """Write one Sphinx inventory (version 2) per project into ``folder``.

    Returns the ``intersphinx_mapping`` that reads them: for each project, its
    base address (where the links point) and the path of its local inventory.
    """
    folder.mkdir(parents=True, exist_ok=True)
    mapping = {}
    for name, project in PROJECTS.items():
        header = (
            "# Sphinx inventory version 2\n"
            f"# Project: {name}\n"
            "# Version: \n"
            "# The remainder of this file is compressed using zlib.\n"
        )
        lines = "".join(
            f"{target} {role} 1 {address} -\n" for role, target, address in project.objects
        )
        path = folder / f"{name}.inv"
        path.write_bytes(header.encode("utf-8") + zlib.compress(lines.encode("utf-8")))
        mapping[name] = (project.base, str(path))
    return mapping
