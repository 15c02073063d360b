"""The public functions: parse, iter_parse, render, convert, detect, formats."""

from __future__ import annotations

import codecs
import contextlib
import io
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TextIO

from newsparse.errors import NewsparseError, ParseError, PluginError, UnknownFormatError
from newsparse.format import Format, ParseItem
from newsparse.limits import DEFAULT_LIMITS, Limits
from newsparse.model import Article
from newsparse.plugins import get_host
from newsparse.textio import Input, Source, TextReader, open_source

__all__ = [
    "ErrorHandler",
    "convert",
    "detect",
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
    """
    available = formats()
    try:
        return available[name]
    except KeyError:
        names = ", ".join(sorted(available))
        raise UnknownFormatError(f"no format named {name!r}; known formats: {names}") from None


def detect(data: Input, *, source: str | None = None) -> Format:
    """Return the format that scores best on the start of ``data``.

    The formats score the first 64 KiB of the input (:data:`~newsparse.textio.SAMPLE_SIZE`),
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
        return _detect(opened, data=data, function="detect")
    finally:
        opened.give_back()
        opened.close()


def _detect(source: Source, *, data: object = None, function: str = "") -> Format:
    """Return the best format for ``source``.

    ``data`` and ``function`` (the input as given, and the public function
    called) let the error hint at passing a path when the input looks like one.
    """
    scores: list[tuple[float, Format]] = []
    for fmt in formats().values():
        if fmt.can_parse:
            scores.append((_sniff(fmt, source), fmt))
    scores.sort(key=lambda pair: pair[0], reverse=True)
    tried = [(fmt.name, score) for score, fmt in scores]
    if not scores or scores[0][0] <= 0.0:
        if source.problem is not None:  # bad compressed data: that is what to say
            raise UnknownFormatError(f"{source.name}: {source.problem}")
        hint = _path_hint(data, function)
        raise UnknownFormatError(
            f"{source.name}: no format recognises this input{hint}", tried=tried
        )
    best = [fmt for score, fmt in scores if score == scores[0][0]]
    if len(best) > 1:
        name = _without_compression_suffix(source).lower()
        by_extension = [fmt for fmt in best if name.endswith(fmt.extensions or ("\0",))]
        if len(by_extension) == 1:
            return by_extension[0]
        names = " and ".join(fmt.name for fmt in best)
        hint = _path_hint(data, function)
        raise UnknownFormatError(
            f"{source.name}: cannot tell {names} apart; pass format={hint}", tried=tried
        )
    return best[0]


_COMPRESSION_SUFFIXES = {"gzip": ".gz", "bzip2": ".bz2", "xz": ".xz"}


def _without_compression_suffix(source: Source) -> str:
    """Return the source's name without ``.gz`` (say) if it is compressed so."""
    suffix = _COMPRESSION_SUFFIXES.get(source.compression or "")
    if suffix and source.name.lower().endswith(suffix):
        return source.name[: -len(suffix)]
    return source.name


_LONGEST_PATH_HINTED = 1024


def _path_hint(data: object, function: str) -> str:
    """Return a hint for text that detection failed on and that looks like a path.

    Text, a ``str`` or bytes, looks like a path when it is a single short
    line naming a file that exists, or ending in the extension of a format
    (or of a compression).  The file is never opened: text is content, by
    contract.  Bytes get the same hint as the same ``str``.
    """
    if isinstance(data, (bytes, bytearray, memoryview)) and len(data) <= _LONGEST_PATH_HINTED:
        try:
            data = bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            return ""
    if not isinstance(data, str) or len(data) > _LONGEST_PATH_HINTED:
        return ""
    text = data.strip()
    if not text or "\n" in text or "\r" in text:
        return ""
    extensions = [ext for fmt in formats().values() for ext in fmt.extensions]
    extensions += _COMPRESSION_SUFFIXES.values()
    if not (text.lower().endswith(tuple(extensions)) or _is_file(text)):
        return ""
    return (
        f"; text is parsed as it is, never read as a file name:"
        f" did you mean {function}(Path({text!r}))?"
    )


def _is_file(text: str) -> bool:
    try:
        return os.path.isfile(text)
    except (OSError, ValueError):
        return False


def _sniff(fmt: Format, source: Source) -> float:
    try:
        score = float(fmt.sniff(source.sample_text(_encoding_for(fmt, source))))
    except NewsparseError:
        raise
    except Exception as error:
        raise _plugin_fault(fmt, "sniff", source.name, error) from error
    return min(max(score, 0.0), 1.0)


def _encoding_for(fmt: Format, source: Source) -> str:
    """Return the encoding for bytes input: what it declares, else ``fmt.encoding``.

    A byte-order mark wins over both; decoding looks for it first.
    """
    if type(fmt).declared_encoding is Format.declared_encoding:
        return fmt.encoding  # nothing to ask: do not wait for the whole sample
    head = source.head
    if head is None:
        return fmt.encoding
    try:
        declared = fmt.declared_encoding(head)
        if declared is not None:
            codecs.lookup(declared)
    except NewsparseError:
        raise
    except Exception as error:
        raise _plugin_fault(fmt, "declared_encoding", source.name, error) from error
    return declared or fmt.encoding


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
            (see :class:`~newsparse.limits.Limits`); ``None`` means the
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
        for item in _guarded(fmt, reader, opened.name):
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
        get_format(format) if format is not None else _detect(opened, data=data, function=function)
    )
    if not fmt.can_parse:
        raise UnknownFormatError(f"format {fmt.name!r} is render-only and cannot parse")
    return fmt, _encoding_for(fmt, opened)


def _give_back_quietly(opened: Source) -> None:
    """Give a stream back after a failure, unless that fails too (the first error wins)."""
    with contextlib.suppress(OSError, ValueError):
        opened.give_back()


def _guarded(fmt: Format, reader: TextReader, source: str) -> Iterator[ParseItem]:
    """Run ``fmt.parse``, turning its unexpected exceptions into :class:`PluginError`.

    A :class:`ParseError` the format *raises* ends the parse; it is passed on
    (marked ``fatal``) so that the caller reports it like a yielded one.  Any
    other exception, a :class:`~newsparse.ValidationError` included (a format
    must turn those into a :class:`ParseError` with a position), is a fault of
    the format.
    """
    try:
        for item in fmt.parse(reader, source):
            _check_item(fmt, source, item)
            yield item
    except ParseError as error:
        error.fatal = True
        yield error
    except PluginError:
        raise
    except Exception as error:  # a ValidationError too: formats report ParseError
        raise _plugin_fault(fmt, "parse", source, error) from error


def _check_item(fmt: Format, source: str, item: object) -> None:
    if not isinstance(item, (Article, ParseError)):
        kind = type(item).__name__
        raise _plugin_fault(fmt, "parse", source, TypeError(f"yielded a {kind}"))


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


def render_to(articles: Iterable[Article], format: str, out: TextIO) -> None:
    """Write ``articles`` to the text stream ``out`` in ``format``.

    Raises:
        RenderError: the format cannot represent a value of an article.
        UnknownFormatError: no such format, or it is parse-only.
        PluginError: the format's own code failed unexpectedly.
    """
    fmt = get_format(format)
    if not fmt.can_render:
        raise UnknownFormatError(f"format {fmt.name!r} is parse-only and cannot render")
    checked = _only_articles(articles)
    try:
        fmt.render(checked, out)
    except (NewsparseError, _NotAnArticleError):
        raise
    except Exception as error:
        raise _plugin_fault(fmt, "render", "<articles>", error) from error


def render(articles: Iterable[Article], format: str) -> str:
    """Return ``articles`` rendered in ``format`` as one string.

    Raises:
        RenderError: the format cannot represent a value of an article;
            nothing is returned (no partial output).
        UnknownFormatError: no such format, or it is parse-only.
        PluginError: the format's own code failed unexpectedly.
    """
    if isinstance(articles, Article):
        raise TypeError("render() takes an iterable of articles: wrap one article in a list")
    out = io.StringIO()
    render_to(articles, format, out)
    return out.getvalue()


def convert(
    data: Input,
    to: str,
    *,
    from_: str | None = None,
    source: str | None = None,
    on_error: ErrorHandler | None = None,
    limits: Limits | None = None,
) -> str:
    """Parse ``data`` (in ``from_``, or detected) and render it in ``to``.

    ``source``, ``on_error`` and ``limits`` work as in :func:`iter_parse`.  Articles are
    rendered as they are read; the text is returned only when all went well.

    Raises:
        ParseError: bad input (when ``on_error`` is ``None``).
        RenderError: ``to`` cannot represent a value of an article.
        UnknownFormatError: a format is unknown or cannot do its part
            (``from_`` must parse, ``to`` must render), or detection failed.
        PluginError: a format's own code failed unexpectedly.
    """
    articles = _iter_parse(
        data, from_, source=source, on_error=on_error, limits=limits, function="convert"
    )
    return render(articles, to)


class _NotAnArticleError(TypeError):
    """The caller passed something other than articles to render."""


def _only_articles(articles: Iterable[Article]) -> Iterator[Article]:
    for index, article in enumerate(articles):
        if not isinstance(article, Article):
            raise _NotAnArticleError(
                f"item {index} to render is a {type(article).__name__}, not an Article"
            )
        yield article


def _plugin_fault(fmt: Format, action: str, source: str, error: BaseException) -> PluginError:
    plugin = get_host().plugin_of(fmt.name) if fmt.name in formats() else "<unregistered>"
    return PluginError(
        plugin,
        f"format {fmt.name!r} failed in {action}() on {source}: {type(error).__name__}: {error}",
    )
