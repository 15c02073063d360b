"""The newsparse plugin: registers the Dagbladet site parsers through the public hook.

newsparse finds it through the entry point declared in this distribution's
``pyproject.toml``::

    [project.entry-points.newsparse]
    site-dagbladet = "newsparse_site_dagbladet.plugin"
"""

from __future__ import annotations

import newsparse
from newsparse.plugin import SiteParserRegistry

from newsparse_site_dagbladet.parser import Dagbladet, Dagbladet2025

__all__ = ["newsparse_register_site_parsers"]


@newsparse.hookimpl
def newsparse_register_site_parsers(registry: SiteParserRegistry) -> None:
    """Register both versions of the ``dagbladet`` site parser."""
    registry.add(Dagbladet())
    registry.add(Dagbladet2025())
