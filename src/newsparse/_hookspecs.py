"""The hooks a newsparse plugin can implement.

A plugin is a module (or any object) with functions marked by
:data:`newsparse.hookimpl` whose names are hook names below.  It is found
through the ``newsparse`` entry-point group::

    [project.entry-points.newsparse]
    myformat = "newsparse_myformat.plugin"

Every hook name starts with ``newsparse_``; a marked function whose name is not
a hook is an error, so a typo cannot silently do nothing.  Hooks are called
once per plugin, and newsparse knows which plugin registered what.

These are the core's hooks.  A format can add hooks of its own, for the
plugins that extend it (see :class:`~newsparse.plugin.Extension`): the
``html`` format's :func:`~newsparse.plugin.newsparse_register_site_parsers`
is one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from newsparse._registry import FormatRegistry

__all__ = [
    "PROJECT_NAME",
    "hookimpl",
    "hookspec",
    "newsparse_register_formats",
]

PROJECT_NAME = "newsparse"
"""The pluggy project name, shared by the markers and the plugin manager."""

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
"""Marks the hook specifications in this module."""

hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
"""Marks a plugin's hook implementations; exported as ``newsparse.hookimpl``."""


@hookspec
def newsparse_register_formats(registry: FormatRegistry) -> None:
    """Register the formats the plugin provides.

    Called once for each plugin when newsparse first needs its formats.

    Args:
        registry: call :meth:`registry.add(format)
            <newsparse.plugin.FormatRegistry.add>` once per
            :class:`~newsparse.Format` instance.  Adding a name another
            plugin already added raises :class:`~newsparse.PluginError`
            naming both plugins.

    Returns:
        Nothing; the registry collects the formats.
    """
