"""newsparse: news content in many formats as typed, immutable articles.

>>> import newsparse
>>> articles = newsparse.parse('[{"title": "Rain in Tehran"}]')
>>> articles[0].title
'Rain in Tehran'
"""

import importlib.metadata as _metadata

from newsparse._api import (
    ErrorHandler,
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
from newsparse._blocks import (
    BLOCK_KINDS,
    Block,
    Embed,
    Figure,
    ListBlock,
    ListItem,
    LiveEntry,
    Paragraph,
    Preformatted,
    Quote,
    Table,
    TableCell,
    TableRow,
)
from newsparse._dropping import DropHandler, DroppedField
from newsparse._errors import (
    NO_VALUE,
    NewsparseError,
    ParseError,
    PluginError,
    RenderError,
    UnknownFormatError,
    ValidationError,
)
from newsparse._format import Format
from newsparse._frozenmap import FrozenMap
from newsparse._hookspecs import hookimpl
from newsparse._jsonio import from_dict, from_json, json_schema, to_dict, to_json
from newsparse._limits import Limits
from newsparse._marks import MARK_KINDS, Mark
from newsparse._model import Article, Image, Section
from newsparse._naming import publish as _publish
from newsparse._textio import Input

# Public classes report the module users import them from, so tracebacks,
# reprs, pickles and the docs name ``newsparse.ParseError``, not the private
# module that defines it.
_publish(
    __name__,
    Block,
    Embed,
    Figure,
    ListBlock,
    ListItem,
    LiveEntry,
    Paragraph,
    Preformatted,
    Quote,
    Table,
    TableCell,
    TableRow,
    Mark,
    Article,
    DroppedField,
    Format,
    FrozenMap,
    Image,
    Limits,
    NewsparseError,
    ParseError,
    PluginError,
    RenderError,
    Section,
    UnknownFormatError,
    ValidationError,
)

try:
    __version__ = _metadata.version("newsparse")
except _metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "BLOCK_KINDS",
    "MARK_KINDS",
    "NO_VALUE",
    "Article",
    "Block",
    "DropHandler",
    "DroppedField",
    "Embed",
    "ErrorHandler",
    "Figure",
    "Format",
    "FrozenMap",
    "Image",
    "Input",
    "Limits",
    "ListBlock",
    "ListItem",
    "LiveEntry",
    "Mark",
    "NewsparseError",
    "Paragraph",
    "ParseError",
    "PluginError",
    "Preformatted",
    "Quote",
    "RenderError",
    "Section",
    "Table",
    "TableCell",
    "TableRow",
    "UnknownFormatError",
    "ValidationError",
    "__version__",
    "convert",
    "detect",
    "fit",
    "formats",
    "from_dict",
    "from_json",
    "get_format",
    "hookimpl",
    "iter_parse",
    "json_schema",
    "parse",
    "render",
    "render_to",
    "to_dict",
    "to_json",
]
