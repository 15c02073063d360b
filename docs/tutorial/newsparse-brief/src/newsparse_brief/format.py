"""The ``brief`` format: short news items in a plain, line-based text.

A brief document holds articles separated by a line ``%%``.  This is one
article in canonical form::

    # Rain returns to Riyadh             the headline, after "# "
    By A. Writer; B. Reporter            optional: the authors, separated by "; "
    2025-04-29T09:30:00+03:00            optional: when it was published (ISO 8601)
                                         a blank line, then the body:
    Light rain fell on Monday.           one paragraph per line,
                                         with a blank line between paragraphs
    Showers are expected until Thursday.

Reading is tolerant: whitespace around lines, extra blank lines, ``#``
without a space, and a date with a space instead of ``T`` are accepted, and
rendering writes the canonical form back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from typing import NamedTuple, TextIO

from newsparse import Article, Format, ParseError, RenderError, Section, ValidationError
from newsparse.plugin import ParseItem, TextStream, check_text

__all__ = ["BYLINE", "HEADLINE", "SEPARATOR", "BriefFormat"]

HEADLINE = "#"
"""What the first line of an article starts with, before the headline."""

BYLINE = "By "
"""What the byline starts with, before the author names."""

SEPARATOR = "%%"
"""The line between two articles."""

_NO_PLACE = ("images", "modified", "url", "publisher", "language", "topics", "summary")
"""Article fields a brief cannot hold: rendering refuses an article that sets one."""


class _Line(NamedTuple):
    """One line of the input, stripped, and where its text starts."""

    number: int
    """The line number, counted from 1."""
    column: int
    """The column of the first character of ``text``, counted from 1."""
    text: str
    """The line without its line end and surrounding whitespace."""


def _split(stream: TextStream) -> Iterator[list[_Line]]:
    """Yield the lines of each article: the text between two ``%%`` lines.

    Only one article is held in memory at a time.  Text with nothing but
    blank lines holds no article and yields nothing.
    """
    lines: list[_Line] = []
    for number, raw in enumerate(stream, start=1):
        text = raw.strip()
        if text == SEPARATOR:
            if any(line.text for line in lines):
                yield lines
            lines = []
        else:
            lines.append(_Line(number, len(raw) - len(raw.lstrip()) + 1, text))
    if any(line.text for line in lines):
        yield lines


class BriefFormat(Format):
    """News briefs: a headline, an optional byline and date, and paragraphs."""

    name = "brief"
    label = "News briefs"
    extensions = (".brief",)

    def sniff(self, sample: str) -> float:
        """Score text that starts with ``# `` and a headline.

        A Markdown document can start that way too, so the score is only
        0.5, or 0.8 when a byline follows or a separator line appears.
        """
        lines = [line.strip() for line in sample.split("\n") if line.strip()]
        if not lines or not lines[0].startswith(HEADLINE + " "):
            return 0.0
        if (len(lines) > 1 and lines[1].startswith(BYLINE)) or SEPARATOR in lines:
            return 0.8
        return 0.5

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        """Read the articles one at a time; a bad article is reported, not fatal."""
        for lines in _split(stream):
            try:
                yield self._read_article(lines, source)
            except ParseError as error:
                yield error  # the caller decides; the next article is read all the same

    def _read_article(self, lines: list[_Line], source: str) -> Article:
        """Build one article from its lines.

        Raises:
            ParseError: the lines are not a valid brief article.
        """
        while not lines[0].text:  # blank lines before the headline
            lines = lines[1:]
        first = lines[0]
        if not first.text.startswith(HEADLINE):
            raise self._error(
                f"an article starts with '# ' and its headline, found {first.text!r}",
                source,
                first.number,
                first.column,
            )
        rest = first.text[len(HEADLINE) :]
        title = rest.strip()
        column = first.column + len(HEADLINE) + len(rest) - len(rest.lstrip())
        if not title:
            raise self._error("the headline is empty", source, first.number, column)
        self._check("the headline", title, source, first.number, column)

        authors: list[str] = []
        published: datetime | None = None
        index = 1
        while index < len(lines) and lines[index].text:  # the header ends at a blank line
            line = lines[index]
            if line.text.startswith(BYLINE) and not authors:
                authors = self._authors(line, source)
            elif not line.text.startswith(BYLINE) and published is None:
                published = self._date(line, source)
            else:
                raise self._error(
                    "expected a blank line before the first paragraph",
                    source,
                    line.number,
                    line.column,
                )
            index += 1

        paragraphs = []
        for line in lines[index:]:
            if line.text:
                self._check("a paragraph", line.text, source, line.number, line.column)
                paragraphs.append(line.text)
        try:
            return Article(
                title=title,
                authors=authors,
                published=published,
                body=[Section(paragraphs=paragraphs)] if paragraphs else [],
            )
        except ValidationError as error:  # a safety net: the checks above catch it all
            raise self._error(str(error), source, first.number, first.column) from None

    def _authors(self, line: _Line, source: str) -> list[str]:
        """Return the author names of a byline such as ``By A. Writer; B. Reporter``."""
        names: list[str] = []
        offset = len(BYLINE)
        for part in line.text[offset:].split(";"):
            name = part.strip()
            column = line.column + offset + len(part) - len(part.lstrip())
            if not name:
                raise self._error("an author name is empty", source, line.number, column)
            if name in names:
                raise self._error(f"{name!r} is named twice", source, line.number, column)
            self._check("an author name", name, source, line.number, column)
            names.append(name)
            offset += len(part) + 1
        return names

    def _date(self, line: _Line, source: str) -> datetime:
        """Return the date-time on ``line``, which must have a UTC offset."""
        try:
            value = datetime.fromisoformat(line.text)
        except ValueError:
            raise self._error(
                "expected a byline ('By ...') or a date such as 2025-04-29T09:30:00+03:00,"
                f" found {line.text!r}",
                source,
                line.number,
                line.column,
            ) from None
        offset = value.utcoffset()
        if offset is None or offset % timedelta(minutes=1):
            raise self._error(
                "the date needs a UTC offset in whole minutes, such as +03:00",
                source,
                line.number,
                line.column,
            )
        return value

    def _check(self, what: str, text: str, source: str, number: int, column: int) -> None:
        """Raise a ParseError if ``text`` breaks the model's rules for text."""
        try:
            check_text(what, text, single_line=True)
        except ValidationError as error:
            raise self._error(f"{what} {error.reason}", source, number, column) from None

    def _error(self, message: str, source: str, line: int, column: int) -> ParseError:
        return ParseError(message, format=self.name, source=source, line=line, column=column)

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        """Write the articles in canonical form, separated by ``%%`` lines.

        Raises:
            RenderError: an article holds a value a brief cannot represent;
                the error names the field, such as ``"images"`` or
                ``"body[0].paragraphs[2]"``.
        """
        separator = ""
        for article in articles:
            text = self._article_text(article)  # may raise before anything is written
            out.write(separator + text)
            separator = SEPARATOR + "\n"

    def _article_text(self, article: Article) -> str:
        """Return one article in canonical form, or refuse it."""
        for field in _NO_PLACE:
            if getattr(article, field):
                raise RenderError(self.name, field, "a brief has no place for it")
        for key in article.meta:
            raise RenderError(self.name, f"meta[{key!r}]", "a brief has no metadata")
        lines = [f"{HEADLINE} {article.title}"]
        if article.authors:
            for index, name in enumerate(article.authors):
                if ";" in name:
                    raise RenderError(
                        self.name, f"authors[{index}]", "';' separates names in a byline"
                    )
            lines.append(BYLINE + "; ".join(article.authors))
        if article.published is not None:
            lines.append(article.published.isoformat())
        for paragraph in self._paragraphs(article):
            lines += ["", paragraph]
        return "\n".join(lines) + "\n"

    def _paragraphs(self, article: Article) -> tuple[str, ...]:
        """Return the paragraphs of the article's one untitled section, or refuse."""
        if not article.body:
            return ()
        if len(article.body) > 1:
            raise RenderError(self.name, "body[1]", "a brief has a single untitled section")
        section = article.body[0]
        if section.heading is not None:
            raise RenderError(self.name, "body[0].heading", "a brief has no headings")
        for index, paragraph in enumerate(section.paragraphs):
            field = f"body[0].paragraphs[{index}]"
            if "\n" in paragraph:
                raise RenderError(self.name, field, "a paragraph is a single line")
            if paragraph == SEPARATOR:
                raise RenderError(self.name, field, "it would read as the article separator")
        return section.paragraphs
