"""A tiny newsparse plugin: the ``demo`` format, one article title per line.

A document is the marker line ``#demo`` followed by one headline per line::

    #demo
    Rain in Tehran
    Talks resume in Muscat

Blank lines are ignored and surrounding whitespace is stripped.  Only the
title of an article can be represented: rendering anything else is refused
with :class:`~newsparse.RenderError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

import attrs

from newsparse import Article, Format, ParseError, RenderError, ValidationError, hookimpl
from newsparse._registry import FormatRegistry
from newsparse._textio import TextStream

__all__ = ["MARKER", "DemoFormat", "newsparse_register_formats"]

MARKER = "#demo"
"""The first line of every ``demo`` document."""

_EMPTY = Article(title="x")


class DemoFormat(Format):
    """The marker line, then one article title per line."""

    name = "demo"
    label = "Demo titles"
    extensions = (".demo",)
    media_types = ("text/x-newsparse-demo",)

    def sniff(self, sample: str) -> float:
        """Score the marker line as certain, anything else as impossible."""
        first = sample.split("\n", 1)[0]
        return 0.95 if first.strip() == MARKER else 0.0

    def parse(self, stream: TextStream, source: str) -> Iterator[Article | ParseError]:
        """Yield one title-only article per non-blank line after the marker."""
        number = 0
        for number, line in enumerate(stream, start=1):
            text = line.strip()
            if number == 1:
                if text != MARKER:
                    raise self._error(f"expected the marker line {MARKER!r}", source, 1)
                continue
            if not text:
                continue
            try:
                yield Article(title=text)
            except ValidationError as error:
                yield self._error(str(error), source, number)
        if number == 0:
            raise self._error(f"expected the marker line {MARKER!r}, found nothing", source, 1)

    def _error(self, message: str, source: str, line: int) -> ParseError:
        return ParseError(message, format=self.name, source=source, line=line, column=1)

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        """Write the marker line and each title; refuse any other field."""
        checked = list(articles)
        for article in checked:
            for field in attrs.fields(Article):
                if field.name != "title" and getattr(article, field.name) != getattr(
                    _EMPTY, field.name
                ):
                    raise RenderError(self.name, field.name, "only titles can be represented")
        out.write(MARKER + "\n")
        for article in checked:
            out.write(article.title + "\n")


@hookimpl
def newsparse_register_formats(registry: FormatRegistry) -> None:
    """Register the ``demo`` format."""
    registry.add(DemoFormat())
