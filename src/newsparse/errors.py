"""The exceptions newsparse raises.

Every error caused by bad input, an invalid value or a misbehaving plugin is a
:class:`NewsparseError`, so ``except newsparse.NewsparseError`` catches all of
them and nothing else.  Errors about values also derive from :class:`ValueError`
so that code written against the standard library keeps working.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "NewsparseError",
    "ParseError",
    "PluginError",
    "RenderError",
    "UnknownFormatError",
    "ValidationError",
]

_EXCERPT_WIDTH = 60


class _NoValue:
    """The type of :data:`NO_VALUE`; pickles as a reference to that one object."""

    def __repr__(self) -> str:
        return "NO_VALUE"

    def __reduce__(self) -> str:
        return "NO_VALUE"


NO_VALUE: Any = _NoValue()
"""Stands for the value in a :class:`ValidationError` when none can be shown
(a required key that is missing, say)."""


class NewsparseError(Exception):
    """Base class of every error newsparse raises on bad input or bad values."""


class ValidationError(NewsparseError, ValueError):
    """A model value breaks one of the documented invariants.

    Raised when an :class:`~newsparse.Article`, :class:`~newsparse.Section` or
    :class:`~newsparse.Image` is built from a value it cannot hold.
    """

    def __init__(self, field: str, value: object, reason: str) -> None:
        self.field = field
        """Dotted name of the offending field, such as ``"Section.paragraphs[2]"``."""
        self.value = value
        """The rejected value."""
        self.reason = reason
        """Why the value was rejected."""
        shown = "" if value is NO_VALUE else f" (got {_short_repr(value)})"
        super().__init__(f"{field}: {reason}{shown}")

    def __reduce__(self) -> tuple[type[ValidationError], tuple[str, object, str]]:
        return (type(self), (self.field, self.value, self.reason))


class ParseError(NewsparseError, ValueError):
    """The input is not a valid document of the format being read.

    ``str(error)`` has the form ``source:line:column: message`` (GCC-style, so
    editors and CI logs can jump to it).  Lines and columns count from 1;
    a column counts characters, not bytes.
    """

    def __init__(
        self,
        message: str,
        *,
        format: str,
        source: str = "<string>",
        line: int = 1,
        column: int = 1,
        excerpt: str | None = None,
    ) -> None:
        self.message = message
        """What is wrong, without the location."""
        self.format = format
        """Name of the format that was being read, for example ``"json"``."""
        self.source = source
        """Name of the input: a file path, ``"<stdin>"`` or ``"<string>"``."""
        self.line = line
        """Line of the problem, counted from 1."""
        self.column = column
        """Column of the problem, in characters, counted from 1."""
        self.excerpt = _clip(excerpt) if excerpt is not None else None
        """A short piece of the input around the problem, or ``None``."""
        self.fatal = False
        """``True`` when the error ended the parse (nothing after it was read);
        ``False`` when the format went on with the next article."""
        super().__init__(message)

    def __str__(self) -> str:
        text = f"{self.source}:{self.line}:{self.column}: {self.message} [{self.format}]"
        if self.excerpt:
            text += f"\n    {self.excerpt}"
        return text

    def __reduce__(self) -> tuple[object, ...]:
        state = {
            "message": self.message,
            "format": self.format,
            "source": self.source,
            "line": self.line,
            "column": self.column,
            "excerpt": self.excerpt,
        }
        return (_rebuild_parse_error, (type(self), state, self.fatal))


def _rebuild_parse_error(cls: type[ParseError], state: dict[str, Any], fatal: bool) -> ParseError:
    error = cls(**state)
    error.fatal = fatal
    return error


class RenderError(NewsparseError, ValueError):
    """A format cannot represent a value of the article being rendered.

    newsparse never drops data silently: when a format has no place for a field
    (TT text has no authors, say), rendering refuses the article instead.
    """

    def __init__(self, format: str, field: str, reason: str) -> None:
        self.format = format
        """Name of the format that refused."""
        self.field = field
        """The field (or dotted path) the format cannot represent."""
        self.reason = reason
        """Why it cannot be represented."""
        super().__init__(f"format {format!r} cannot represent {field}: {reason}")

    def __reduce__(self) -> tuple[type[RenderError], tuple[str, str, str]]:
        return (type(self), (self.format, self.field, self.reason))


class UnknownFormatError(NewsparseError, LookupError):
    """No format by that name, or detection found no single best format."""

    def __init__(self, message: str, *, tried: Sequence[tuple[str, float]] = ()) -> None:
        self.tried = tuple(tried)
        """``(format name, score)`` pairs that detection tried, best first."""
        if self.tried:
            scores = ", ".join(f"{name}={score:.2f}" for name, score in self.tried)
            message = f"{message} (tried: {scores})"
        super().__init__(message)


class PluginError(NewsparseError):
    """A plugin failed to load, to register, or misbehaved while running."""

    def __init__(self, plugin: str, message: str) -> None:
        self.plugin = plugin
        """Name of the plugin (its entry-point name, or the registered name)."""
        super().__init__(f"plugin {plugin!r}: {message}")
        self.detail = message
        """The message without the plugin's name."""

    def __reduce__(self) -> tuple[type[PluginError], tuple[str, str]]:
        return (type(self), (self.plugin, self.detail))


def _clip(text: str) -> str:
    text = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", " ")
    if len(text) > _EXCERPT_WIDTH:
        return text[: _EXCERPT_WIDTH - 1] + "…"
    return text


def _short_repr(value: object) -> str:
    text = repr(value)
    if len(text) > _EXCERPT_WIDTH:
        return text[: _EXCERPT_WIDTH - 1] + "…"
    return text
