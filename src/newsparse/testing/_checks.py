"""The round-trip guarantees as plain functions, for the kit and for hand-written tests.

Each ``check_*`` function raises :class:`AssertionError` with a message that
names the format and, where data is lost, each field that differs (such as
``images[0].credit: sent 'AFP', parsed back None``).
:class:`~newsparse.testing.FormatConformance` runs them on generated and
hand-picked articles.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

import attrs

from newsparse._api import get_format, iter_parse, parse, render
from newsparse._dropping import field_path
from newsparse._errors import NewsparseError, ParseError, RenderError
from newsparse._format import as_input
from newsparse._model import Article, Image, Section

__all__ = [
    "ARTICLE_FIELDS",
    "check_accepted_input",
    "check_canonical",
    "check_cut_points",
    "check_refusal",
    "check_refused_or_kept",
    "check_renders_or_refuses",
    "check_reported_like_raised",
    "check_round_trip",
    "check_split",
    "differences",
]

ARTICLE_FIELDS = tuple(field.name for field in attrs.fields(Article))
"""The names of the fields of :class:`~newsparse.Article`, in the model's order."""

_MISSING = object()


def differences(sent: Sequence[Article], got: Sequence[Article]) -> list[str]:
    """Return one line per value that differs between two lists of articles.

    Each line names the field as a path (``published``, ``images[0].credit``,
    ``meta['kit.note']``; with ``[i]`` in front when the lists hold several
    articles) and both values.  An empty list means the lists are equal.
    """
    if len(sent) != len(got):
        return [f"rendered {len(sent)} article(s), parsed back {len(got)}"]
    several = len(sent) > 1
    return [
        line
        for index, (one, other) in enumerate(zip(sent, got, strict=True))
        for line in _differences(one, other, f"[{index}]" if several else "")
    ]


def _differences(sent: object, got: object, path: str) -> list[str]:
    if sent == got:
        return []
    if isinstance(sent, (Article, Section, Image)) and type(got) is type(sent):
        return [
            line
            for field in attrs.fields(type(sent))
            for line in _differences(
                getattr(sent, field.name),
                getattr(got, field.name),
                f"{path}.{field.name}" if path else field.name,
            )
        ]
    if isinstance(sent, tuple) and isinstance(got, tuple) and len(sent) == len(got):
        return [
            line
            for index, (one, other) in enumerate(zip(sent, got, strict=True))
            for line in _differences(one, other, f"{path}[{index}]")
        ]
    if isinstance(sent, Mapping) and isinstance(got, Mapping):
        keys = [*sent, *(key for key in got if key not in sent)]
        return [
            f"{path}[{key!r}]: sent {_shown(sent.get(key, _MISSING))}, "
            f"parsed back {_shown(got.get(key, _MISSING))}"
            for key in keys
            if sent.get(key, _MISSING) != got.get(key, _MISSING)
        ]
    return [f"{path}: sent {sent!r}, parsed back {got!r}"]


def _shown(value: object) -> str:
    return "nothing" if value is _MISSING else repr(value)


def _lost(format_name: str, sent: Sequence[Article], got: Sequence[Article], text: str) -> str:
    lines = "".join(f"\n  {line}" for line in differences(sent, got))
    return f"{format_name}: rendered without a RenderError but lost data:{lines}\nrendered:\n{text}"


def _parse_rendered(format_name: str, text: str, sent: Sequence[Article]) -> list[Article]:
    """Parse what the format rendered, failing the check if it cannot be read."""
    try:
        return parse(text, format_name)
    except NewsparseError as error:
        raise AssertionError(
            f"{format_name}: its own output does not parse: {error}\n"
            f"articles: {list(sent)!r}\nrendered:\n{text}"
        ) from error


def check_refusal(format_name: str, error: RenderError) -> None:
    """Assert that ``error`` is a refusal by ``format_name`` naming a field of the article.

    The field must be a path such as ``images[0].credit`` or
    ``meta['x.key']`` that starts with a field of :class:`~newsparse.Article`,
    as :attr:`RenderError.field <newsparse.RenderError.field>` promises and
    :func:`newsparse.fit` needs to find what to drop.
    """
    assert error.format == format_name, f"the RenderError names format {error.format!r}"
    path = field_path(error.field)
    assert path is not None and path[0] in ARTICLE_FIELDS, (  # noqa: PT018
        f"{format_name}: the RenderError names {error.field!r}, which is no path into an "
        "Article (such as 'images[0].credit' or \"meta['x.key']\")"
    )


def check_round_trip(format_name: str, items: Sequence[Article]) -> str:
    """Assert guarantee 1 for ``items`` and return the rendered text."""
    text = render(items, format_name)
    back = _parse_rendered(format_name, text, items)
    assert back == list(items), _lost(format_name, items, back, text)
    return text


def check_canonical(format_name: str, text: str) -> None:
    """Assert guarantee 3: ``text`` renders back byte for byte after parsing."""
    again = render(parse(text, format_name), format_name)
    assert again == text, f"{format_name}: render(parse(x)) != x\nx:\n{text!r}\ngot:\n{again!r}"


def check_accepted_input(format_name: str, text: str) -> None:
    """Assert guarantee 2: parsing, rendering and parsing ``text`` is stable."""
    first = parse(text, format_name)
    rendered = render(first, format_name)
    second = _parse_rendered(format_name, rendered, first)
    assert second == first, _lost(format_name, first, second, rendered)


def check_refused_or_kept(format_name: str, article: Article) -> None:
    """Assert guarantee 4: ``article`` renders losslessly or is refused.

    A refusal must be a :class:`~newsparse.RenderError` of the format that
    names a field of the article; a rendering must parse back to the same
    article, and the failure names each field that came back different.
    """
    try:
        text = render([article], format_name)
    except RenderError as error:
        check_refusal(format_name, error)
        return
    back = _parse_rendered(format_name, text, [article])
    assert back == [article], _lost(format_name, [article], back, text)


def check_renders_or_refuses(format_name: str, article: Article) -> None:
    """Assert that a format that renders writes ``article`` or refuses it with a RenderError.

    For views that cannot be read back: the output must not be empty (an
    article rendered as nothing is dropped), and it must encode in the
    format's :attr:`~newsparse.Format.encoding`, in which files are written.
    """
    fmt = get_format(format_name)
    try:
        text = render([article], format_name)
    except RenderError as error:
        check_refusal(format_name, error)
        return
    assert text.strip(), f"{format_name}: rendered {article!r} as {text!r}"
    try:
        text.encode(fmt.encoding)
    except UnicodeEncodeError as error:
        raise AssertionError(
            f"{format_name}: the output does not encode in {fmt.encoding}: {error}"
        ) from error


def check_reported_like_raised(format_name: str, text: str) -> None:
    """Assert that bad input is reported the same way whether errors raise or are collected.

    Parsing ``text`` may only succeed or raise :class:`~newsparse.ParseError`
    (a :class:`~newsparse.PluginError`, which means the format's code broke,
    fails the check).  Collecting the errors with ``on_error`` must report
    exactly what raising would: no error when nothing is raised (and the same
    articles), and first the error that would have been raised otherwise.
    Each error names the format and the source, and points at a line of
    ``text`` and a column from 1.
    """
    raised: ParseError | None = None
    articles: list[Article] = []
    try:
        articles = parse(text, format_name)
    except ParseError as error:
        raised = error
    errors: list[ParseError] = []
    collected = parse(text, format_name, on_error=errors.append)
    lines = text.count("\n") + 1
    for reported in errors:
        assert (reported.format, reported.source) == (format_name, "<string>"), (
            f"the error {reported} names format {reported.format!r} and source {reported.source!r}"
        )
        assert 1 <= reported.line <= lines, f"the error {reported} is past line {lines}, the last"
        assert reported.column >= 1, f"the error {reported} points at column {reported.column}"
    if raised is None:
        assert not errors, f"collecting reported {errors[0]}, but parsing raised nothing"
        assert collected == articles, "collecting errors changed the articles"
    else:
        assert errors, f"parsing raised {raised}, but collecting reported no error"
        first = errors[0]
        assert (first.message, first.line, first.column) == (
            raised.message,
            raised.line,
            raised.column,
        ), f"parsing raised {raised}, but the first error collected is {first}"


def check_split(format_name: str, text: str, size: int) -> None:
    """Check that :meth:`~newsparse.Format.split` cuts ``text`` into independent chunks.

    The chunks, joined, must give ``text`` back, and parsing them one by one
    (moving their errors' lines by the chunk's first line) must give what
    parsing ``text`` gives: the same articles and errors, in the same order.
    """
    fmt = get_format(format_name)
    chunks = list(fmt.split(io.StringIO(text), size))
    assert "".join(chunk.text for chunk in chunks) == text
    line = 1
    for chunk in chunks:
        assert chunk.line == line, f"a chunk says it starts on line {chunk.line}, not {line}"
        line += chunk.text.count("\n")
    assert _items(text, format_name) == [
        item for chunk in chunks for item in _items(chunk.text, format_name, chunk.line - 1)
    ]


def check_cut_points(format_name: str, data: bytes, start: int = 0, end: int | None = None) -> int:
    """Check that each place :meth:`~newsparse.Format.cut_points` finds cuts ``data`` cleanly.

    ``data`` is a whole input (UTF-8); the format is shown only the window
    ``data[start:end]``.  For each place it finds there, the two sides of
    ``data`` cut at that place, parsed each on its own (the lines of the
    second moved by the lines of the first), must give what ``data`` gives:
    the same articles and errors, in the same order.  Returns the number of
    places found, so that a test can also check that cuts are made.
    """
    fmt = get_format(format_name)
    window = data[start:end]
    whole = _items(data.decode("utf-8"), format_name)
    found = 0
    previous = 0
    for place in fmt.cut_points(window):
        assert previous < place < len(window), (
            f"cut_points gave {place}: places must grow and lie inside the window"
        )
        assert window[place - 1 : place] == b"\n", f"the cut at {place} is not after a line feed"
        previous = place
        before = data[: start + place].decode("utf-8")
        shift = before.replace("\r\n", "\n").replace("\r", "\n").count("\n")
        after = data[start + place :].decode("utf-8")
        pieces = _items(before, format_name) + _items(after, format_name, shift)
        assert pieces == whole, (
            f"cut at byte {start + place}, the two sides parse to\n{pieces}\n"
            f"and the whole input to\n{whole}"
        )
        found += 1
    return found


def _items(text: str, format_name: str, shift: int = 0) -> list[object]:
    """Every article, and every error as (message, line, column), of ``text``."""
    found: list[object] = []

    def keep(error: ParseError) -> None:
        found.append((error.message, error.line + shift, error.column))

    try:
        found.extend(iter_parse(as_input(text), format_name, on_error=keep))
    except ParseError as error:
        keep(error)
    return found
