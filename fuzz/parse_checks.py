"""What newsparse promises about any input, as checks the fuzz harness runs.

:func:`check_input` parses one input every way a caller can (bytes and text,
raising and collecting errors) and raises :class:`InvariantError` when a
promise is broken.  ``fuzz_parse.py`` calls it on every input libFuzzer makes,
and the test suite imports this module too, so the checks cannot rot unnoticed.
It needs no atheris.
"""

from __future__ import annotations

import codecs
import contextlib
from collections.abc import Iterable
from pathlib import Path

import newsparse
from newsparse import Article, NewsparseError, ParseError, PluginError, UnknownFormatError
from newsparse._compressed import MAGIC_SIZE, compression_of
from newsparse._formats import examples
from newsparse._textio import SAMPLE_SIZE

__all__ = [
    "DETECT",
    "KNOWN_ISSUES",
    "SOURCE",
    "InvariantError",
    "check_input",
    "format_examples",
    "seed_inputs",
    "write_seeds",
]

DETECT = "detect"
"""Format argument that parses with ``format=None`` (detection) instead of one format."""

SOURCE = "fuzz-input"
"""The source name passed to every parse, which every error must carry."""

_JSON_BLANKS = " \t\n\r"


KNOWN_ISSUES: dict[str, tuple[tuple[str, str], ...]] = {
    # Reported crashes not fixed yet, each reproduced by an xfail(strict=True)
    # test in tests/test_fuzz.py; remove an entry when its bug is fixed (its
    # xfail test then fails).  For example:
    # "html": (("ValidationError", "Image.url: must not hold whitespace"),),
}
"""Crashes already reported, by format: (exception type, start of its message).

:func:`check_input` lets a :class:`~newsparse.PluginError` caused by one of
these pass, so that fuzzing goes on finding new problems."""


class InvariantError(AssertionError):
    """newsparse broke one of its promises about bad input."""


def _known_issue(error: BaseException, format_name: str | None) -> bool:
    cause = error.__cause__
    if not isinstance(error, PluginError) or cause is None:
        return False
    names = list(KNOWN_ISSUES) if format_name is None else [format_name]
    return any(
        type(cause).__name__ == kind and str(cause).startswith(message)
        for name in names
        for kind, message in KNOWN_ISSUES.get(name, ())
    )


def _fail(message: str, data: bytes | str) -> InvariantError:
    return InvariantError(f"{message}\ninput ({len(data)}): {data[:300]!r}")


def _check_error(error: BaseException, format_name: str | None, data: bytes | str) -> None:
    """Assert that ``error`` is allowed to reach a caller, with a usable position."""
    allowed: tuple[type[BaseException], ...] = (ParseError,)
    if format_name is None:
        allowed = (ParseError, UnknownFormatError)
    if not isinstance(error, allowed) and not _known_issue(error, format_name):
        # A PluginError is a NewsparseError, but here it means the format's own
        # code crashed: report it with the original exception.
        raise _fail(f"escaped: {type(error).__name__}: {error}", data) from error
    if isinstance(error, ParseError):
        if error.source != SOURCE:
            raise _fail(f"error names source {error.source!r}, not {SOURCE!r}", data)
        if format_name is not None and error.format != format_name:
            raise _fail(f"error names format {error.format!r}, not {format_name!r}", data)
        if error.line < 1:
            raise _fail(f"error line {error.line!r} is not >= 1: {error}", data)
        if error.column < 1:
            raise _fail(f"error column {error.column!r} is not >= 1: {error}", data)
        str(error)  # the message must be printable


def _collect(
    data: bytes | str, format_name: str | None
) -> tuple[list[Article], list[ParseError], BaseException | None]:
    """Parse collecting errors; return the articles, the errors and what escaped."""
    errors: list[ParseError] = []
    articles: list[Article] = []
    try:
        for article in newsparse.iter_parse(
            data, format_name, source=SOURCE, on_error=errors.append
        ):
            articles.append(article)
    except Exception as error:
        return articles, errors, error
    return articles, errors, None


def _raising(
    data: bytes | str, format_name: str | None
) -> tuple[list[Article], BaseException | None]:
    """Parse with ``on_error=None``; return the articles read and what was raised."""
    articles: list[Article] = []
    try:
        for article in newsparse.iter_parse(data, format_name, source=SOURCE):
            articles.append(article)
    except Exception as error:
        return articles, error
    return articles, None


def _where(error: BaseException | None) -> tuple[object, ...] | None:
    if isinstance(error, ParseError):
        return (type(error), error.message, error.line, error.column, error.fatal)
    if error is None:
        return None
    return (type(error), str(error))


def _check_once(data: bytes | str, format_name: str | None) -> tuple[object, ...]:
    """Check one input in both error modes; return what collecting read."""
    articles, errors, escaped = _collect(data, format_name)
    for error in errors:
        _check_error(error, format_name, data)
        if error.fatal and error is not errors[-1]:
            raise _fail("a fatal error was followed by more errors", data)
    if escaped is not None:
        _check_error(escaped, format_name, data)
        if isinstance(escaped, ParseError):
            raise _fail("with on_error set, a ParseError was raised, not reported", data)
    # Raising must stop exactly where collecting reported its first error.
    prefix, raised = _raising(data, format_name)
    if raised is not None:
        _check_error(raised, format_name, data)
    expected = _where(errors[0] if errors else escaped)
    if _where(raised) != expected:
        raise _fail(f"raising gave {_where(raised)}, collecting {expected}", data)
    if errors and prefix != articles[: len(prefix)]:
        raise _fail("raising read other articles than collecting before the error", data)
    if not errors and escaped is None and prefix != articles:
        raise _fail("raising and collecting read different articles", data)
    if format_name == "jsonl":
        _check_jsonl_lines(data, articles, errors)
    return (articles, [_where(error) for error in errors], _where(escaped))


BINARY_FORMATS = frozenset({"warc"})
"""Formats that read bytes, whose lengths count bytes, and refuse text input."""


def _read_as_bytes(data: bytes, format_name: str | None) -> bool:
    """Whether ``data`` is read by a format of :data:`BINARY_FORMATS` (named or detected)."""
    if format_name is None:
        try:
            format_name = newsparse.detect(data).name
        except NewsparseError:
            return False
    return format_name in BINARY_FORMATS


def _declares_other_encoding(data: bytes, format_name: str | None) -> bool:
    """Whether a format may decode ``data`` as something else than UTF-8."""
    formats = newsparse.formats()
    names = [format_name] if format_name is not None else list(formats)
    for name in names:
        try:
            declared = formats[name].declared_encoding(data[:SAMPLE_SIZE])
        except (LookupError, ValueError):
            return True  # checked elsewhere: parsing reports it
        if declared is not None and codecs.lookup(declared).name != "utf-8":
            return True
    return False


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _decoded_text(data: bytes | str) -> str | None:
    """Return the text a format reads from ``data`` (``None``: it does not decode)."""
    if isinstance(data, str):
        text = data.removeprefix("\ufeff")
    else:
        encoding = "utf-8"
        for bom, bom_encoding in _BOMS:
            if data.startswith(bom):
                data, encoding = data[len(bom) :], bom_encoding
                break
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_jsonl_lines(
    data: bytes | str, articles: list[Article], errors: list[ParseError]
) -> None:
    """Assert that every non-blank JSON Lines line gave one article or one error."""
    text = _decoded_text(data)
    if text is None:
        return
    lines = [
        number for number, line in enumerate(text.split("\n"), start=1) if line.strip(_JSON_BLANKS)
    ]
    if len(articles) + len(errors) != len(lines):
        raise _fail(
            f"{len(lines)} non-blank lines gave {len(articles)} articles and {len(errors)} errors",
            data,
        )
    error_lines = [error.line for error in errors]
    if len(set(error_lines)) != len(error_lines) or not set(error_lines) <= set(lines):
        raise _fail(f"errors on lines {error_lines}, non-blank lines are {lines}", data)


def check_input(data: bytes, format_name: str) -> None:
    """Parse ``data`` every way a caller can and assert newsparse's promises.

    The promises: only a :class:`~newsparse.NewsparseError` escapes (a
    :class:`~newsparse.ParseError` for a named format, which is never a
    :class:`~newsparse.PluginError` from a crash); each error names the
    source, the format and a line and column of at least 1; raising stops
    where collecting reports its first error; a fatal error is the last one;
    valid UTF-8 bytes and the same text give the same result (unless the bytes
    start like compressed data, which is decompressed); and in JSON
    Lines every non-blank line gives exactly one article or one error.

    Args:
        data: the input.
        format_name: a format's name, or :data:`DETECT` to let newsparse
            detect the format.

    Raises:
        InvariantError: a promise was broken (the message shows the input).
    """
    name = None if format_name == DETECT else format_name
    from_bytes = _check_once(data, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", "replace")
        _check_once(text, name)
        return
    from_text = _check_once(text, name)
    if _declares_other_encoding(data, name):
        return  # the bytes are decoded as they say, the text is not
    if compression_of(data[:MAGIC_SIZE]) is not None:
        return  # the bytes are decompressed (zip and bzip2 start in ASCII), the text is not
    if _read_as_bytes(data, name):
        return  # a binary format refuses text: there is nothing to compare
    if from_text != from_bytes:
        raise _fail("the same input as bytes and as text gave different results", data)


def format_examples() -> dict[str, tuple[str, ...]]:
    """Return the hand-written inputs of each format whose examples are known, by name.

    The formats do not carry examples: their tests declare them, from these
    modules (the built-in formats' and those of the first-party plugins
    that are installed).
    """
    found = {
        "html": (*examples.HTML_CANONICAL, *examples.HTML_ACCEPTED),
        "json": (*examples.JSON_CANONICAL, *examples.JSON_ACCEPTED),
        "jsonl": (*examples.JSONL_CANONICAL, *examples.JSONL_ACCEPTED),
        "warc": examples.WARC_ACCEPTED,
    }
    with contextlib.suppress(ImportError):
        from newsparse_aawsat import examples as tt  # noqa: PLC0415 - an optional plugin

        found["tt"] = (*tt.CANONICAL_EXAMPLES, *tt.ACCEPTED_EXAMPLES)
    with contextlib.suppress(ImportError):
        from newsparse_iptc.newsml_g2 import examples as g2  # noqa: PLC0415 - an optional plugin
        from newsparse_iptc.ninjs import examples as ninjs  # noqa: PLC0415
        from newsparse_iptc.nitf import examples as nitf  # noqa: PLC0415

        found["newsml-g2"] = (g2.CANONICAL, g2.ACCEPTED, g2.XHTML, g2.MESSAGE)
        found["ninjs"] = (ninjs.CANONICAL, *ninjs.ACCEPTED)
        found["nitf"] = (nitf.CANONICAL, nitf.ACCEPTED)
    with contextlib.suppress(ImportError):
        from newsparse_wire import examples as wire  # noqa: PLC0415 - an optional plugin

        found["anpa1312"] = wire.ANPA_EXAMPLES
        found["iptc7901"] = wire.IPTC7901_EXAMPLES
    with contextlib.suppress(ImportError):
        from newsparse_iptc.newsml1 import examples as newsml1  # noqa: PLC0415 - an optional plugin

        found["newsml1"] = (
            newsml1.BASIC,
            newsml1.TWO_ITEMS,
            newsml1.PACKAGE,
            newsml1.PHOTO,
            newsml1.HTML_CDATA,
            newsml1.XHTML,
            newsml1.PLAIN,
        )
    return found


def seed_inputs(format_name: str) -> list[bytes]:
    """Return valid inputs to start a corpus: the formats' examples and renders.

    The examples of every format (:func:`format_examples`) are parsed and,
    where ``format_name`` can represent them, rendered in ``format_name``.
    """
    formats = newsparse.formats()
    known = {name: found for name, found in format_examples().items() if name in formats}
    seeds: list[str] = list(known.get(format_name, ()))
    for other, inputs in known.items():
        for example in inputs:
            seeds.append(example)
            if format_name in formats and formats[format_name].can_render:
                seeds += _renders(example, other, format_name)
    unique = dict.fromkeys(seed.encode("utf-8", "surrogatepass") for seed in seeds)
    return list(unique)


def _renders(example: str, source_format: str, target: str) -> Iterable[str]:
    try:
        articles = newsparse.parse(example, source_format)
    except NewsparseError:
        return []
    found = []
    for article in articles:
        try:
            found.append(newsparse.render([article], target))
        except NewsparseError:
            continue
    return found


def write_seeds(corpus: Path, format_name: str) -> None:
    """Fill the folder ``corpus`` with :func:`seed_inputs`, unless it holds files already."""
    corpus.mkdir(parents=True, exist_ok=True)
    if any(corpus.iterdir()):
        return
    for number, seed in enumerate(seed_inputs(format_name)):
        (corpus / f"seed-{number:03d}").write_bytes(seed)
