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

from newsparse.builtin_formats.html.fragment import Fragment, read_fragment
from newsparse.format import Chunk, Format, ParseItem, as_input
from newsparse.hookspecs import hookimpl
from newsparse.limits import DEFAULT_LIMITS, Limits, limits_of, utf8_longer_than
from newsparse.model import check_text
from newsparse.plugins import (
    ENTRY_POINT_GROUP,
    ENV_DISABLE_AUTOLOAD,
    ENV_STRICT,
    PluginHost,
    PluginInfo,
    get_host,
    registered,
    reset_host,
)
from newsparse.registry import FormatRegistry, RegisteredFormat
from newsparse.sites import (
    SiteFields,
    SiteParser,
    SiteParserRegistry,
    choose_site_parser,
    collapse,
    sections_of,
    select,
    text_content,
)
from newsparse.textio import CHUNK_SIZE, TextStream

__all__ = [
    "CHUNK_SIZE",
    "DEFAULT_LIMITS",
    "ENTRY_POINT_GROUP",
    "ENV_DISABLE_AUTOLOAD",
    "ENV_STRICT",
    "Chunk",
    "Format",
    "FormatRegistry",
    "Fragment",
    "Limits",
    "ParseItem",
    "PluginHost",
    "PluginInfo",
    "RegisteredFormat",
    "SiteFields",
    "SiteParser",
    "SiteParserRegistry",
    "TextStream",
    "as_input",
    "check_text",
    "choose_site_parser",
    "collapse",
    "get_host",
    "hookimpl",
    "limits_of",
    "read_fragment",
    "registered",
    "reset_host",
    "sections_of",
    "select",
    "text_content",
    "utf8_longer_than",
]
