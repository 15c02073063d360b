"""The parse pipeline that the public API and the parallel workers share (private).

Detection (:func:`detect_format`), the encoding of bytes (:func:`encoding_for`)
and running a format's parse with its contract enforced (:func:`guarded`):
only articles and parse errors come out, and anything else a format raises
becomes a :class:`~newsparse.PluginError` naming its plugin
(:func:`plugin_fault`).  ``newsparse._api`` builds the public functions on
these; ``newsparse._parallel`` runs them in its worker processes.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator, Mapping

from newsparse._errors import NewsparseError, ParseError, PluginError, UnknownFormatError
from newsparse._format import Format, ParseItem
from newsparse._model import Article
from newsparse._plugins import get_host
from newsparse._source import Source
from newsparse._textio import TextReader

__all__ = ["detect_format", "encoding_for", "guarded", "plugin_fault", "sniff"]


def formats() -> Mapping[str, Format]:
    """Return every registered format by name."""
    return get_host().formats


def detect_format(source: Source, *, data: object = None, function: str = "") -> Format:
    """Return the best format for ``source``.

    ``data`` and ``function`` (the input as given, and the public function
    called) let the error hint at passing a path when the input looks like one.
    """
    scores: list[tuple[float, Format]] = []
    for fmt in formats().values():
        if fmt.can_parse:
            scores.append((sniff(fmt, source), fmt))
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


def sniff(fmt: Format, source: Source) -> float:
    try:
        score = float(fmt.sniff(source.sample_text(encoding_for(fmt, source))))
    except NewsparseError:
        raise
    except Exception as error:
        raise plugin_fault(fmt, "sniff", source.name, error) from error
    return min(max(score, 0.0), 1.0)


def encoding_for(fmt: Format, source: Source) -> str:
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
        raise plugin_fault(fmt, "declared_encoding", source.name, error) from error
    return declared or fmt.encoding


def guarded(fmt: Format, reader: TextReader, source: str) -> Iterator[ParseItem]:
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
        raise plugin_fault(fmt, "parse", source, error) from error


def _check_item(fmt: Format, source: str, item: object) -> None:
    if not isinstance(item, (Article, ParseError)):
        kind = type(item).__name__
        raise plugin_fault(fmt, "parse", source, TypeError(f"yielded a {kind}"))


def plugin_fault(fmt: Format, action: str, source: str, error: BaseException) -> PluginError:
    plugin = get_host().plugin_of(fmt.name) if fmt.name in formats() else "<unregistered>"
    return PluginError(
        plugin,
        f"format {fmt.name!r} failed in {action}() on {source}: {type(error).__name__}: {error}",
    )
