"""newsparse: news content in many formats as typed, immutable articles.

>>> import newsparse
>>> articles = newsparse.parse('[{"title": "Rain in Tehran"}]')
>>> articles[0].title
'Rain in Tehran'
"""

import importlib.metadata as _metadata

from newsparse.api import (
    convert,
    detect,
    fit,
    formats,
    get_format,
    iter_parse,
    parse,
    render,
    render_to,
)
from newsparse.dropping import DroppedField
from newsparse.errors import (
    NewsparseError,
    ParseError,
    PluginError,
    RenderError,
    UnknownFormatError,
    ValidationError,
)
from newsparse.format import Format
from newsparse.frozenmap import FrozenMap
from newsparse.hookspecs import hookimpl
from newsparse.limits import Limits
from newsparse.model import Article, Image, Section

try:
    __version__ = _metadata.version("newsparse")
except _metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "Article",
    "DroppedField",
    "Format",
    "FrozenMap",
    "Image",
    "Limits",
    "NewsparseError",
    "ParseError",
    "PluginError",
    "RenderError",
    "Section",
    "UnknownFormatError",
    "ValidationError",
    "__version__",
    "convert",
    "detect",
    "fit",
    "formats",
    "get_format",
    "hookimpl",
    "iter_parse",
    "parse",
    "render",
    "render_to",
]
