"""The newsparse plugin: registers the Anadolu Ajansı site parsers through the public hook.

newsparse finds it through the entry point declared in this distribution's
``pyproject.toml``::

    [project.entry-points.newsparse]
    site-anadolu = "newsparse_site_anadolu.plugin"
"""

from __future__ import annotations

import newsparse
from newsparse.plugin import SiteParserRegistry

from newsparse_site_anadolu.parser import AnadoluAjansi, AnadoluAjansi2026

__all__ = ["newsparse_register_site_parsers"]


@newsparse.hookimpl
def newsparse_register_site_parsers(registry: SiteParserRegistry) -> None:
    """Register both versions of the ``anadolu`` site parser."""
    registry.add(AnadoluAjansi())
    registry.add(AnadoluAjansi2026())
