"""The public functions: parse, iter_parse, render, fit, convert, detect, formats."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TextIO

import attrs

from newsparse._arguments import check_articles, check_drop_handler, check_text_stream, kind_of
from newsparse._blockfit import fit_blocks, refusal, writes_everything
from newsparse._dropping import DropHandler, DroppedField, fit_article
from newsparse._errors import (
    NewsparseError,
    ParseError,
    RenderError,
    UnknownFormatError,
    short_repr,
)
from newsparse._format import Format
from newsparse._limits import DEFAULT_LIMITS, Limits
from newsparse._model import Article
from newsparse._pipeline import detect_format, encoding_for, guarded, plugin_fault
from newsparse._plugins import get_host
from newsparse._source import Source, input_name, open_source
from newsparse._textio import Input

__all__ = [
    "ErrorHandler",
    "convert",
    "detect",
    "fit",
    "formats",
    "get_format",
    "iter_parse",
    "parse",
    "render",
    "render_to",
]

ErrorHandler = Callable[[ParseError], None]
"""Receives each :class:`~newsparse.ParseError` when parsing should go on."""


def formats() -> Mapping[str, Format]:
    """Return every registered format by name (built-in and from plugins)."""
    return get_host().formats


def get_format(name: str) -> Format:
    """Return the format called ``name``.

    Raises:
        UnknownFormatError: no format has that name; the message lists the
            names there are.
        TypeError: ``name`` is not a ``str`` (arguments in the wrong order,
            say); the message says what was passed.
    """
    if not isinstance(name, str):
        raise TypeError(
            f"a format is named by a str, such as 'json', not {kind_of(name)}"
            " (are two arguments swapped?)"
        )
    found = get_host().format(name)
    if found is None:
        names = ", ".join(sorted(formats()))
        raise UnknownFormatError(f"no format named {short_repr(name)}; known formats: {names}")
    return found


def detect(data: Input, *, source: str | None = None) -> Format:
    """Return the format that scores best on the start of ``data``.

    The formats score the first 64 KiB of the input (``SAMPLE_SIZE``),
    or all of it when it is shorter; for compressed input, of the
    decompressed text.  A file object is left as it was found, so that
    ``parse(stream, detect(stream).name)`` reads the whole input:

    * a stream that can seek (a file, :class:`io.BytesIO`,
      :class:`io.StringIO`) goes back to the position it had, which need
      not be its start;
    * from a stream that cannot (a pipe, ``sys.stdin``), what was read is
      kept, weakly keyed on the stream object, and the next
      :func:`parse`, :func:`iter_parse` or :func:`detect` of that same
      object reads it first.  Do not read such a stream by other means
      between ``detect`` and the parse: the kept start would be missing
      from what you read.  Simpler still, let :func:`iter_parse` detect
      (``format=None``): it reads the stream once.

    Detection waits for the whole sample (or the end of the input), so on a
    live pipe it returns once 64 KiB have arrived or the writer closed; name
    the format to get each article as soon as it is complete.

    Raises:
        UnknownFormatError: no format recognises the input, or two or more
            tie for the best score; the error lists every score.  Short
            text (``str`` or bytes) that looks like a file name gets a hint
            to pass a :class:`pathlib.Path`: text is always content.
        ValueError: ``data`` is a stream that can neither seek nor be
            weakly referred to, so what detection reads could not be
            given back; nothing has been read.
    """
    opened = open_source(data, name=source)
    if not opened.can_give_back:
        raise ValueError(
            f"{opened.name}: detect() cannot give back what it would read from a stream"
            " that can neither seek nor be weakly referred to; pass the stream to"
            " parse() or iter_parse() with format=None, which detect and read it in one go"
        )
    try:
        return detect_format(opened, data=data, function="detect")
    finally:
        opened.give_back()
        opened.close()


def iter_parse(
    data: Input,
    format: str | None = None,
    *,
    source: str | None = None,
    on_error: ErrorHandler | None = None,
    limits: Limits | None = None,
) -> Iterator[Article]:
    """Parse ``data`` lazily, yielding each article as soon as it is read.

    Memory stays bounded however large the input, as long as the format
    streams (every built-in format does).

    Args:
        data: text (``str`` is content, never a path), bytes, a
            :class:`pathlib.Path`, or a text or binary file object.
        format: the format's name, or ``None`` to detect it.
        source: the name used in errors; defaults to the path, the file
            object's ``name``, or ``"<string>"``/``"<bytes>"``.
        on_error: ``None`` raises the first :class:`~newsparse.ParseError`.
            A callable receives every error instead and parsing goes on with
            the next article wherever the format can find it, so that one bad
            article does not lose the others.  Nothing is skipped silently:
            every article left out is reported to ``on_error``.
        limits: bounds on the input's size, each article's size and nesting
            (see :class:`~newsparse.Limits`); ``None`` means the
            defaults, which protect a server from hostile input.

    Raises:
        ParseError: bad input (when ``on_error`` is ``None``).
        UnknownFormatError: ``format`` is unknown or cannot parse (it is
            render-only), or detection failed.
        PluginError: the format's own code failed unexpectedly.
    """
    return _iter_parse(
        data, format, source=source, on_error=on_error, limits=limits, function="iter_parse"
    )


def _iter_parse(
    data: Input,
    format: str | None,
    *,
    source: str | None,
    on_error: ErrorHandler | None,
    limits: Limits | None,
    function: str,
) -> Iterator[Article]:
    """Do what :func:`iter_parse` documents; ``function`` is the caller's name, for hints."""
    opened = open_source(data, name=source)
    try:
        try:
            fmt, encoding = _format_and_encoding(opened, format, data, function)
        except BaseException:
            _give_back_quietly(opened)  # the caller may try again with another format
            raise
        reader = opened.reader(
            encoding=encoding,
            format_name=fmt.name,
            limits=DEFAULT_LIMITS if limits is None else limits,
        )
        for item in guarded(fmt, reader, opened.name):
            if isinstance(item, Article):
                yield item
            elif on_error is None:
                raise item
            else:
                on_error(item)
    finally:
        opened.close()


def _format_and_encoding(
    opened: Source, format: str | None, data: object, function: str
) -> tuple[Format, str]:
    """Return the format to parse ``opened`` with (named or detected) and the encoding."""
    fmt = (
        get_format(format)
        if format is not None
        else detect_format(opened, data=data, function=function)
    )
    if not fmt.can_parse:
        raise UnknownFormatError(f"format {fmt.name!r} is render-only and cannot parse")
    return fmt, encoding_for(fmt, opened)


def _give_back_quietly(opened: Source) -> None:
    """Give a stream back after a failure, unless that fails too (the first error wins)."""
    with contextlib.suppress(OSError, ValueError):
        opened.give_back()


def parse(
    data: Input,
    format: str | None = None,
    *,
    source: str | None = None,
    on_error: ErrorHandler | None = None,
    limits: Limits | None = None,
) -> list[Article]:
    """Parse every article in ``data``; see :func:`iter_parse` for the arguments.

    >>> import newsparse
    >>> errors = []
    >>> text = '{"title": "One"}\\n{"title": ""}\\n{"title": "Three"}\\n'
    >>> [a.title for a in newsparse.parse(text, "jsonl", on_error=errors.append)]
    ['One', 'Three']
    >>> print(errors[0])
    <string>:2:1: $.title: must not be empty (use None for 'no value') (got '') [jsonl]
    """
    articles = _iter_parse(
        data, format, source=source, on_error=on_error, limits=limits, function="parse"
    )
    return list(articles)


def render_to(
    articles: Iterable[Article],
    format: str,
    out: TextIO,
    *,
    on_drop: DropHandler | None = None,
) -> None:
    """Write ``articles`` to the text stream ``out`` in ``format``.

    Args:
        articles: the articles, any iterable of :class:`~newsparse.Article`.
        format: the output format's name.
        out: a text stream (``io.StringIO``, a file opened with ``"w"``); a
            binary stream is a :class:`TypeError`.
        on_drop: ``None`` (the default) refuses an article the format cannot
            write exactly, with a :class:`~newsparse.RenderError`.  A callable
            is the lossy opt-in: what the format cannot hold is dropped (see
            :func:`fit`), and the callable receives each
            :class:`~newsparse.DroppedField`, its ``index`` the article's
            position among ``articles``.  A value that is required but missing,
            the title and the body text are never dropped: those refusals
            stay errors.

    Raises:
        RenderError: the format cannot write an article; the error names the
            field, the article's index and its title.
        UnknownFormatError: no such format, or it is parse-only.
        TypeError: an argument of the wrong kind (arguments swapped, a
            binary stream, an item that is not an article).
        PluginError: the format's own code failed unexpectedly.
    """
    check_articles("render_to", articles)
    fmt = _renderer(format)
    check_text_stream(out)
    check_drop_handler(on_drop)
    checked = _Checked(articles, fmt if on_drop is None else None)
    stream = checked if on_drop is None else _fitted(fmt, checked, on_drop)
    try:
        fmt.render(stream, out)
    except RenderError as error:
        if error.index is None and checked.first is not None and checked.count == 1:
            # The format had read one article only: the error is about that one.
            error.with_article(0, checked.first.title)
        raise
    except (NewsparseError, _NotAnArticleError):
        raise
    except RecursionError:
        deep = _too_deep(fmt)
        if checked.first is not None and checked.count == 1:
            deep.with_article(0, checked.first.title)
        raise deep from None
    except Exception as error:
        raise plugin_fault(fmt, "render", "<articles>", error) from error


def _too_deep(fmt: Format) -> RenderError:
    """Return the error of an article nested past the recursion limit a format can go to."""
    return RenderError(
        fmt.name,
        "body",
        "a block nests too deep to be written (lists within lists past Python's recursion limit)",
    )


def render(
    articles: Iterable[Article],
    format: str,
    *,
    on_drop: DropHandler | None = None,
) -> str:
    """Return ``articles`` rendered in ``format`` as one string.

    ``on_drop`` works as in :func:`render_to`:

    >>> import newsparse
    >>> article = newsparse.Article(title="Rain", topics=["Weather"], meta={"tt.number": "7"})
    >>> newsparse.render([article], "tt")
    Traceback (most recent call last):
      ...
    newsparse.RenderError: article 1 ("Rain"): format 'tt' cannot represent topics: ...
    >>> dropped = []
    >>> print(newsparse.render([article], "tt", on_drop=dropped.append))
    Rain
    <BLANKLINE>
    TT
    7
    <BLANKLINE>
    Rain
    >>> print(dropped[0])
    article 1 ("Rain"): dropped topics (('Weather',)): format 'tt' cannot represent topics: ...

    Raises:
        RenderError: the format cannot write an article; nothing is returned
            (no partial output).
        UnknownFormatError: no such format, or it is parse-only.
        TypeError: an argument of the wrong kind.
        PluginError: the format's own code failed unexpectedly.
    """
    check_articles("render", articles)
    out = io.StringIO()
    render_to(articles, format, out, on_drop=on_drop)
    return out.getvalue()


def fit(article: Article, format: str) -> tuple[Article, tuple[DroppedField, ...]]:
    """Return ``article`` without what ``format`` cannot hold, and what was left out.

    The article is rendered alone; each refusal that names a part that can
    go (a ``meta`` key, an optional field, an author, a topic, an image or a
    part of one: see ``newsparse._dropping``) drops that part, and the
    article is tried again.  An article the format accepts comes back as it
    is, with an empty tuple.

    >>> import newsparse
    >>> article = newsparse.Article(title="Rain", url="https://example.com/rain",
    ...                             meta={"tt.number": "7"})
    >>> fitted, dropped = newsparse.fit(article, "ninjs")
    >>> dict(fitted.meta)
    {}
    >>> [(note.field, note.value) for note in dropped]
    [("meta['tt.number']", '7')]

    Raises:
        RenderError: a refusal that names nothing that can be dropped (a
            required value that is missing, the title, the body text).
        UnknownFormatError: no such format, or it is parse-only.
        PluginError: the format's own code failed unexpectedly.
    """
    if not isinstance(article, Article):
        raise TypeError(f"fit() takes one Article, not {kind_of(article)}")
    fitted, dropped, error = _fit(_renderer(format), article)
    if error is not None:
        error.index, error.title = None, article.title  # one article, not a list of them
        raise error
    return fitted, dropped


def convert(
    data: Input,
    to: str,
    *,
    from_: str | None = None,
    source: str | None = None,
    on_error: ErrorHandler | None = None,
    on_drop: DropHandler | None = None,
    limits: Limits | None = None,
) -> str:
    """Parse ``data`` (in ``from_``, or detected) and render it in ``to``.

    ``source``, ``on_error`` and ``limits`` work as in :func:`iter_parse`,
    ``on_drop`` as in :func:`render_to`.  Articles are rendered as they are
    read; the text is returned only when all went well.  A
    :class:`~newsparse.RenderError` and each :class:`~newsparse.DroppedField`
    name the input (``source``) and the article's position among the
    articles read from it.

    Raises:
        ParseError: bad input (when ``on_error`` is ``None``).
        RenderError: ``to`` cannot write an article.
        UnknownFormatError: a format is unknown or cannot do its part
            (``from_`` must parse, ``to`` must render), or detection failed.
        PluginError: a format's own code failed unexpectedly.
    """
    name = source if source is not None else input_name(data)
    articles = _iter_parse(
        data, from_, source=source, on_error=on_error, limits=limits, function="convert"
    )

    def named(dropped: DroppedField) -> None:
        assert on_drop is not None  # only passed on when set
        on_drop(attrs.evolve(dropped, source=name))

    try:
        return render(articles, to, on_drop=None if on_drop is None else named)
    except RenderError as error:
        if error.source is None:
            error.source = name
        raise


def _renderer(name: str) -> Format:
    """Return the format called ``name`` if it can render."""
    fmt = get_format(name)
    if not fmt.can_render:
        raise UnknownFormatError(f"format {fmt.name!r} is parse-only and cannot render")
    return fmt


def _fit(
    fmt: Format, article: Article
) -> tuple[Article, tuple[DroppedField, ...], RenderError | None]:
    """Drop what ``fmt`` refuses from ``article`` (see :func:`fit` and :func:`fit_article`)."""

    def try_render(candidate: Article) -> None:
        refused = refusal(candidate, fmt.name, fmt.blocks, fmt.marks)
        if refused is not None:
            raise refused
        try:
            fmt.render([candidate], io.StringIO())
        except NewsparseError:
            raise
        except RecursionError:
            raise _too_deep(fmt) from None
        except Exception as error:
            raise plugin_fault(fmt, "render", "<article>", error) from error

    flattened, flat_notes = fit_blocks(article, fmt.name, fmt.blocks, fmt.marks)
    fitted, dropped, error = fit_article(flattened, try_render)
    return fitted, flat_notes + dropped, error


def _fitted(fmt: Format, articles: Iterable[Article], on_drop: DropHandler) -> Iterator[Article]:
    """Yield each article as :func:`fit` leaves it, reporting what was dropped.

    An article with a refusal that cannot be dropped goes on as it is (with
    what could be dropped dropped), so that rendering it raises the refusal
    with the article's index.
    """
    for index, article in enumerate(articles):
        fitted, dropped, _ = _fit(fmt, article)
        for note in dropped:
            on_drop(attrs.evolve(note, index=index))
        refused = refusal(fitted, fmt.name, fmt.blocks, fmt.marks)
        if refused is not None:  # the format cannot write paragraphs: nothing holds the text
            raise refused.with_article(index, fitted.title)
        yield fitted


class _NotAnArticleError(TypeError):
    """The caller passed something other than articles to render."""


class _Checked(Iterator[Article]):
    """The articles to render, each checked as the format reads it; counts them."""

    def __init__(self, articles: Iterable[Article], fmt: Format | None) -> None:
        self._items = iter(articles)
        self._format = fmt  # checks the blocks and marks of each article, unless None
        if fmt is not None and writes_everything(fmt.blocks, fmt.marks):
            self._format = None
        self.count = 0
        """How many articles the format has read."""
        self.first: Article | None = None
        """The first article the format read."""

    def __next__(self) -> Article:
        item = next(self._items)
        if not isinstance(item, Article):
            raise _NotAnArticleError(
                f"item {self.count} to render is {kind_of(item)}, not an Article"
            )
        if self._format is not None:
            refused = refusal(item, self._format.name, self._format.blocks, self._format.marks)
            if refused is not None:
                raise refused.with_article(self.count, item.title)
        if self.first is None:
            self.first = item
        self.count += 1
        return item
