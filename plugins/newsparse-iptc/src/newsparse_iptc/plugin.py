"""The newsparse plugin: registers the IPTC formats through the public hook.

newsparse finds it through the entry point declared in this distribution's
``pyproject.toml``::

    [project.entry-points.newsparse]
    iptc = "newsparse_iptc.plugin"
"""

from __future__ import annotations

import newsparse
from newsparse.plugin import FormatRegistry

from newsparse_iptc.newsml1.format import Newsml1Format
from newsparse_iptc.newsml_g2.format import NewsmlG2Format
from newsparse_iptc.ninjs.format import NinjsFormat
from newsparse_iptc.nitf.format import NitfFormat

__all__ = ["newsparse_register_formats"]


@newsparse.hookimpl
def newsparse_register_formats(registry: FormatRegistry) -> None:
    """Register the ``nitf``, ``ninjs``, ``newsml-g2`` and ``newsml1`` formats."""
    registry.add(NitfFormat())
    registry.add(NinjsFormat())
    registry.add(NewsmlG2Format())
    registry.add(Newsml1Format())
