"""The newsparse plugin: registers the Hankook Ilbo site parsers through the public hook.

newsparse finds it through the entry point declared in this distribution's
``pyproject.toml``::

    [project.entry-points.newsparse]
    site-hankookilbo = "newsparse_site_hankookilbo.plugin"
"""

from __future__ import annotations

import newsparse
from newsparse.plugin import SiteParserRegistry

from newsparse_site_hankookilbo.parser import HankookIlbo, HankookIlbo2026

__all__ = ["newsparse_register_site_parsers"]


@newsparse.hookimpl
def newsparse_register_site_parsers(registry: SiteParserRegistry) -> None:
    """Register both versions of the ``hankookilbo`` site parser."""
    registry.add(HankookIlbo())
    registry.add(HankookIlbo2026())
