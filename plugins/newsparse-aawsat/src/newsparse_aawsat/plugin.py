"""The newsparse plugin: registers the ``tt`` format through the public hook.

newsparse finds it through the entry point declared in this distribution's
``pyproject.toml``::

    [project.entry-points.newsparse]
    aawsat = "newsparse_aawsat.plugin"
"""

from __future__ import annotations

import newsparse
from newsparse.plugin import FormatRegistry

from newsparse_aawsat.format import TTFormat

__all__ = ["newsparse_register_formats"]


@newsparse.hookimpl
def newsparse_register_formats(registry: FormatRegistry) -> None:
    """Register the ``tt`` format."""
    registry.add(TTFormat())
