"""Everything a plugin author imports: formats, site parsers, hooks and the plugin host.

A format plugin subclasses :class:`Format` and registers it from a
``newsparse_register_formats`` hook marked with :data:`hookimpl`.  A site
parser plugin subclasses :class:`SiteParser` and registers it from
``newsparse_register_site_parsers``.  The model (:class:`~newsparse.Article`,
:class:`~newsparse.Section`, :class:`~newsparse.Image`) and the errors come
from the top level, :mod:`newsparse`; the conformance kit from
:mod:`newsparse.testing`.  A format whose items carry HTML content (a feed,
a wire) reads it into sections and images with :func:`read_fragment`, the
``html`` format's rules for a fragment that is all article.  Nothing else in
the package is public: modules whose names start with ``_`` may change in any
release.

>>> from newsparse.plugin import Format, hookimpl
>>> class Shout(Format):
...     name = "shout"
...     extensions = (".shout",)
"""

from newsparse._format import Chunk, Format, ParseItem, as_input
from newsparse._formats.html.blockhtml import block_of_html, html_of_block
from newsparse._formats.html.fragment import Fragment, read_fragment
from newsparse._formats.html.hooks import newsparse_register_site_parsers
from newsparse._formats.html.sites import (
    Page,
    RegisteredSiteParser,
    SiteFields,
    SiteParser,
    SiteParserRegistry,
    choose_site_parser,
    collapse,
    extracts,
    sections_of,
    select,
    text_content,
)
from newsparse._hookspecs import hookimpl, hookspec, newsparse_register_formats
from newsparse._limits import DEFAULT_LIMITS, Limits, limits_of, utf8_longer_than
from newsparse._model import check_text
from newsparse._naming import publish as _publish
from newsparse._plugins import (
    ENTRY_POINT_GROUP,
    ENV_DISABLE_AUTOLOAD,
    ENV_STRICT,
    PluginHost,
    PluginInfo,
    get_host,
    registered,
    reset_host,
)
from newsparse._registry import Extension, FormatRegistry, Registered, RegisteredFormat, Registry
from newsparse._textio import CHUNK_SIZE, SAMPLE_SIZE, TextStream

# Public classes report the module users import them from (see newsparse/__init__.py).
_publish(
    __name__,
    Chunk,
    Extension,
    Fragment,
    FormatRegistry,
    PluginHost,
    PluginInfo,
    Registered,
    RegisteredFormat,
    RegisteredSiteParser,
    Registry,
    SiteFields,
    SiteParser,
    SiteParserRegistry,
    TextStream,
)

__all__ = [
    "CHUNK_SIZE",
    "DEFAULT_LIMITS",
    "ENTRY_POINT_GROUP",
    "ENV_DISABLE_AUTOLOAD",
    "ENV_STRICT",
    "SAMPLE_SIZE",
    "Chunk",
    "Extension",
    "Format",
    "FormatRegistry",
    "Fragment",
    "Limits",
    "Page",
    "ParseItem",
    "PluginHost",
    "PluginInfo",
    "Registered",
    "RegisteredFormat",
    "RegisteredSiteParser",
    "Registry",
    "SiteFields",
    "SiteParser",
    "SiteParserRegistry",
    "TextStream",
    "as_input",
    "block_of_html",
    "check_text",
    "choose_site_parser",
    "collapse",
    "extracts",
    "get_host",
    "hookimpl",
    "hookspec",
    "html_of_block",
    "limits_of",
    "newsparse_register_formats",
    "newsparse_register_site_parsers",
    "read_fragment",
    "registered",
    "reset_host",
    "sections_of",
    "select",
    "text_content",
    "utf8_longer_than",
]
