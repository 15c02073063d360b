"""The newsparse plugin: registers the feed formats through the public hook.

newsparse finds it through the entry point in this distribution's
``pyproject.toml``::

    [project.entry-points.newsparse]
    feeds = "newsparse_feeds.plugin"
"""

from __future__ import annotations

from newsparse.plugin import FormatRegistry, hookimpl

from newsparse_feeds.format import AtomFormat, RssFormat

__all__ = ["newsparse_register_formats"]


@hookimpl
def newsparse_register_formats(registry: FormatRegistry) -> None:
    """Register the ``rss`` and ``atom`` formats."""
    registry.add(RssFormat())
    registry.add(AtomFormat())
