"""newsparse: news content in many formats as typed, immutable articles."""

from newsparse.errors import (
    NewsparseError,
    ParseError,
    PluginError,
    RenderError,
    UnknownFormatError,
    ValidationError,
)
from newsparse.frozenmap import FrozenMap
from newsparse.model import Article, Image, Section

__all__ = [
    "Article",
    "FrozenMap",
    "Image",
    "NewsparseError",
    "ParseError",
    "PluginError",
    "RenderError",
    "Section",
    "UnknownFormatError",
    "ValidationError",
]
