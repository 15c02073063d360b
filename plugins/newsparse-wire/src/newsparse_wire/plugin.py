"""The newsparse plugin: registers the ``anpa1312`` and ``iptc7901`` formats.

newsparse finds it through the entry point declared in this distribution's
``pyproject.toml``::

    [project.entry-points.newsparse]
    wire = "newsparse_wire.plugin"
"""

from __future__ import annotations

from newsparse.plugin import FormatRegistry, hookimpl

from newsparse_wire.anpa import Anpa1312Format
from newsparse_wire.iptc7901 import Iptc7901Format

__all__ = ["newsparse_register_formats"]


@hookimpl
def newsparse_register_formats(registry: FormatRegistry) -> None:
    """Register the ``anpa1312`` and ``iptc7901`` formats."""
    registry.add(Anpa1312Format())
    registry.add(Iptc7901Format())
