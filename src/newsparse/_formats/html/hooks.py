"""The ``html`` format's own hook: site parsers.

The core of newsparse knows formats and nothing else.  The ``html`` format
lets plugins add publisher knowledge to it: it declares the hook below as an
:class:`~newsparse.plugin.Extension` (:data:`SITE_PARSERS`) when the
built-in plugin registers it, and reads the site parsers the plugin host
collects through that hook.  A plugin implements the hook as it implements
any newsparse hook::

    from newsparse import hookimpl

    @hookimpl
    def newsparse_register_site_parsers(registry):
        registry.add(MySite())
"""

from __future__ import annotations

from newsparse._formats.html.sites import SiteParserRegistry
from newsparse._hookspecs import hookspec
from newsparse._registry import Extension

__all__ = ["SITE_PARSERS", "newsparse_register_site_parsers"]


@hookspec
def newsparse_register_site_parsers(registry: SiteParserRegistry) -> None:
    """Register site parsers: publisher knowledge for the ``html`` format.

    Called once for each plugin, like
    :func:`~newsparse.plugin.newsparse_register_formats`.

    Args:
        registry: call :meth:`registry.add(parser)
            <newsparse.plugin.Registry.add>` once per
            :class:`~newsparse.plugin.SiteParser` instance (once per version).
            Adding a name and ``valid_from`` another plugin already added
            raises :class:`~newsparse.PluginError` naming both plugins.

    Returns:
        Nothing; the registry collects the parsers.
    """


class _Specs:
    """The namespace given to pluggy's ``add_hookspecs``: this hook alone."""

    newsparse_register_site_parsers = staticmethod(newsparse_register_site_parsers)


SITE_PARSERS = Extension(
    name="site_parsers",
    hookspecs=_Specs,
    hook="newsparse_register_site_parsers",
    registry=SiteParserRegistry,
)
"""The ``html`` format's extension: site parsers, listed as ``site_parsers``."""
