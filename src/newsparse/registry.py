"""The format registry a plugin fills in through its hook."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from newsparse.errors import PluginError
from newsparse.format import Format

__all__ = ["FormatRegistry", "RegisteredFormat"]


@attrs.frozen
class RegisteredFormat:
    """A format together with the plugin that registered it."""

    format: Format
    """The format instance."""
    plugin: str
    """Name of the plugin that registered it."""


class FormatRegistry:
    """Collects the formats one plugin registers.

    A plugin receives one in :func:`~newsparse.hookspecs.newsparse_register_formats`
    and calls :meth:`add`.  What it adds takes effect only once its hook has
    returned without error, so a plugin that fails half-way registers nothing.
    """

    def __init__(self, plugin: str, existing: Mapping[str, RegisteredFormat]) -> None:
        self._plugin = plugin
        self._existing = existing
        self._added: dict[str, RegisteredFormat] = {}

    @property
    def plugin(self) -> str:
        """Name of the plugin this registry collects for."""
        return self._plugin

    def add(self, format: Format) -> None:
        """Register ``format`` under its :attr:`~newsparse.Format.name`.

        Raises:
            PluginError: ``format`` is not a :class:`~newsparse.Format`
                instance, has no name, or its name is taken (the message
                names both plugins).
        """
        if not isinstance(format, Format):
            raise PluginError(
                self._plugin, f"registered {format!r}, which is not a newsparse.Format instance"
            )
        name = getattr(format, "name", None)
        if not isinstance(name, str):
            raise PluginError(self._plugin, f"format {format!r} has no name")
        for taken in (self._existing.get(name), self._added.get(name)):
            if taken is not None:
                raise PluginError(
                    self._plugin,
                    f"format name {name!r} is already registered by plugin {taken.plugin!r}",
                )
        self._added[name] = RegisteredFormat(format, self._plugin)

    def added(self) -> dict[str, RegisteredFormat]:
        """Return what was added, by format name."""
        return dict(self._added)
