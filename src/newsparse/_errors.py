"""The exceptions newsparse raises.

Every error caused by bad input, an invalid value or a misbehaving plugin is a
:class:`NewsparseError`, so ``except newsparse.NewsparseError`` catches all of
them and nothing else.  Errors about values also derive from :class:`ValueError`
so that code written against the standard library keeps working.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

__all__ = [
    "NO_VALUE",
    "ForeignError",
    "NewsparseError",
    "ParseError",
    "PluginError",
    "RenderError",
    "UnknownFormatError",
    "ValidationError",
    "article_prefix",
    "clip",
    "portable",
    "short_repr",
]

_EXCERPT_WIDTH = 60
_TITLE_WIDTH = 50


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
        shown = "" if value is NO_VALUE else f" (got {short_repr(value)})"
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
        self.excerpt = clip(excerpt) if excerpt is not None else None
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
    """A format cannot write an article: a value it cannot hold, or one it requires is missing.

    newsparse never drops data silently: when a format has no place for a field
    (TT text has no authors, say), rendering refuses the article instead; and
    when a format requires a value the article lacks (ninjs needs a url), it
    says so (:attr:`missing`).  ``str(error)`` reads::

        [source: ]article 3 ("Title"): format 'ninjs' requires a value for images[2].url: reason
        [source: ]article 3 ("Title"): format 'nitf' cannot represent meta['tt.number']: reason

    The article part is there once :attr:`index` or :attr:`title` is known
    (see :meth:`with_article`), the source part when :attr:`source` is.  The
    article number counts from 1, like lines; :attr:`index` counts from 0.

    :attr:`field` is a path into the article, in Python syntax: ``title``,
    ``published``, ``authors[0]``, ``images[2].url``,
    ``body[0].blocks[3]``, ``meta['tt.number']``.
    :func:`newsparse.fit` and ``render(..., on_drop=...)`` read it to find the
    part to drop.
    """

    def __init__(
        self,
        format: str,
        field: str,
        reason: str,
        *,
        missing: bool = False,
        index: int | None = None,
        title: str | None = None,
        source: str | None = None,
    ) -> None:
        self.format = format
        """Name of the format that refused."""
        self.field = field
        """The path of the refused value in the article, such as ``"images[2].url"``."""
        self.reason = reason
        """Why it cannot be written."""
        self.missing = missing
        """``True`` when the format requires a value that the article lacks
        (:attr:`field` is ``None`` or absent); ``False`` when the article holds
        a value the format cannot represent."""
        self.index = index
        """Position of the refused article among the articles rendered, counted
        from 0, or ``None`` when not known.  The command line counts it per input."""
        self.title = title
        """Title of the refused article, or ``None`` when not known."""
        self.source = source
        """Name of the input the article was read from, when known (the command
        line and :func:`newsparse.convert` set it), else ``None``."""
        super().__init__(self.problem)

    @property
    def problem(self) -> str:
        """The message without the source and the article: format, field and reason."""
        if self.missing:
            return f"format {self.format!r} requires a value for {self.field}: {self.reason}"
        return f"format {self.format!r} cannot represent {self.field}: {self.reason}"

    def with_article(self, index: int, title: str) -> RenderError:
        """Record which article was refused, unless that is known already; return the error.

        A format calls this on the error it raises for the article at
        ``index`` of those it was given (counted from 0)::

            for index, article in enumerate(articles):
                try:
                    check(article)
                except RenderError as error:
                    error.with_article(index, article.title)
                    raise

        :func:`newsparse.render_to` does it for a format that did not, when
        the format had read a single article.
        """
        if self.index is None:
            self.index = index
            self.title = title
        return self

    def __str__(self) -> str:
        return article_prefix(self.source, self.index, self.title) + self.problem

    def __reduce__(self) -> tuple[object, ...]:
        state = {
            "format": self.format,
            "field": self.field,
            "reason": self.reason,
            "missing": self.missing,
            "index": self.index,
            "title": self.title,
            "source": self.source,
        }
        return (_rebuild_render_error, (type(self), state))


def _rebuild_render_error(cls: type[RenderError], state: dict[str, Any]) -> RenderError:
    return cls(**state)


def article_prefix(source: str | None, index: int | None, title: str | None) -> str:
    """Return the ``source: article N ("title"): `` prefix of a rendering message.

    Each part is left out when it is ``None``; the article number is
    ``index + 1`` (it counts from 1, like lines).
    """
    text = f"{source}: " if source is not None else ""
    if index is not None or title is not None:
        number = f" {index + 1}" if index is not None else ""
        quoted = f" ({_quoted(title)})" if title is not None else ""
        text += f"article{number}{quoted}: "
    return text


def _quoted(title: str) -> str:
    """Return ``title`` in double quotes, on one line and clipped to a readable length."""
    text = " ".join(title.split())
    if len(text) > _TITLE_WIDTH:
        text = text[: _TITLE_WIDTH - 1] + "…"
    return f'"{text}"'


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


def clip(text: str) -> str:
    """Return ``text`` on one line, cut to the width of an excerpt in a message."""
    text = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", " ")
    if len(text) > _EXCERPT_WIDTH:
        return text[: _EXCERPT_WIDTH - 1] + "…"
    return text


def short_repr(value: object) -> str:
    """Return the ``repr`` of ``value``, cut to the width of an excerpt in a message."""
    text = repr(value)
    if len(text) > _EXCERPT_WIDTH:
        return text[: _EXCERPT_WIDTH - 1] + "…"
    return text


class ForeignError(Exception):
    """Stands for another library's exception in the chain of an error made :func:`portable`.

    It holds the original's type and message, as text, which always pickles.
    """

    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind
        """The original exception's type, ``module.QualifiedName``."""
        self.message = message
        """``str()`` of the original exception."""
        super().__init__(f"{kind}: {message}")

    def __reduce__(self) -> tuple[type[ForeignError], tuple[str, str]]:
        return (type(self), (self.kind, self.message))


_Error = TypeVar("_Error", bound=BaseException)


def portable(error: _Error) -> _Error:
    """Make ``error``'s chain safe to send to another process; return ``error``.

    An error pickles with its own fields (source, line, column...), but some
    picklers also pickle its ``__cause__``, ``__context__`` and traceback:
    Dask's ``distributed`` installs tblib's reducers for every exception,
    for the whole process (and for processes forked from it).  A format that
    reads XML often raises its :class:`ParseError` while handling an lxml
    error, which stays in ``__context__`` even with ``raise ... from None``,
    and lxml's errors do not pickle (their error log).  Every exception in
    the chain that is neither a newsparse error nor a built-in one is
    replaced here by a :class:`ForeignError` with its type and message; the
    traceback is dropped (its frames mean nothing in another process).
    Whether the context is shown (``__suppress_context__``) is kept.
    """
    _make_portable(error, set())
    return error


def _make_portable(error: BaseException, seen: set[int]) -> None:
    if id(error) in seen:
        return
    seen.add(id(error))
    error.__traceback__ = None
    if error.__cause__ is not None:
        error.__cause__ = _portable_link(error.__cause__, seen)
    if error.__context__ is not None:
        error.__context__ = _portable_link(error.__context__, seen)


def _portable_link(link: BaseException, seen: set[int]) -> BaseException:
    kind = type(link)
    if not (isinstance(link, NewsparseError) or kind.__module__ == "builtins"):
        link = ForeignError(f"{kind.__module__}.{kind.__qualname__}", str(link))
    _make_portable(link, seen)
    return link
