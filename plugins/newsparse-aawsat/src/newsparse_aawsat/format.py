r"""The ``tt`` format: the "TT" wire text of Asharq Al-Awsat English.

A TT dump is plain text, one article after another.  This is an article in its
canonical form (``⏎`` marks a line end)::

    Headline⏎                       the headline
    ⏎                               one blank line
    Alt text of the image⏎          image lines (zero or more, see below)
    Caption of the image⏎
    TT⏎                             the marker line: exactly "TT"
    20⏎                             the TT number
    ⏎                               one blank line
    Headline⏎                       the headline again
    ⏎                               one blank line
    Alt text of the image⏎          the image lines again, and one blank line
    Caption of the image⏎           (left out with the blank line when the
    ⏎                                article has no image lines)
    First paragraph⏎                the body: one paragraph per line,
    ⏎                               separated by one blank line
    Last paragraph

Articles are separated by three blank lines (``"\n\n\n\n"`` after the last
paragraph), and the last article ends without a final newline, exactly as the
published sample does.

The grammar
-----------
The text is read line by line.  Every line is stripped of leading and
trailing whitespace (:meth:`str.strip`); a line that is then empty is a
*blank line*.  A *run* is a maximal sequence of consecutive non-blank lines.

``article``
    *headline*, 1-2 blank lines, *marker run*, then the *content*.
``headline``
    One line: the last line of the run before the marker run.  It becomes
    :attr:`Article.title <newsparse.Article.title>`.
``marker run``
    A run whose last two lines are ``TT`` (exactly; case matters) and the
    *TT number*, a line of decimal digits (:meth:`str.isdecimal`: ``20``,
    ``007``, ``٢٠``).  The run must end there: a blank line or the end of the
    input follows the number.  The lines of the run before ``TT`` are the
    *image lines*.  The number is kept exactly as written in
    ``Article.meta["tt.number"]`` (:data:`~newsparse_aawsat.format.NUMBER_KEY`).
``image lines``
    No line: the article has no image.  One line: one image with that
    caption and no alt text, ``Image(caption=line)``.  An even number of
    lines: one image per pair of lines, alt text then caption,
    ``Image(alt=first, caption=second)``; the sample's single image has the
    same text on both lines.  An odd number of three or more lines cannot be
    split into images unambiguously and is a :class:`~newsparse.ParseError`.
``content``
    The *repeated header*, if present, then the body.  The repeated header is
    the headline again (the first line after the marker run, if it equals the
    headline), followed by the image lines again (the next lines, if they equal
    them in order; they may be missing even when the headline is repeated,
    and without the repeated headline they are not looked for).  Every
    remaining non-blank line is one paragraph of a single
    :class:`~newsparse.Section` without heading; an article with no paragraph
    has an empty :attr:`~newsparse.Article.body`.
``separators``
    Runs of blank lines.  A run of **three or more** blank lines always ends
    the article, and what follows must be the next article's headline and
    marker run; one or two blank lines (or none, between paragraphs) stay
    inside an article.  An article also ends, after fewer blank lines or none,
    where a line is followed by 1-2 blank lines and a marker run: that line
    is the next article's headline.  Blank lines before the first article and
    after the last one are ignored.

Tolerant reading
----------------
Besides the canonical form, the parser accepts what the core already
normalises (``\r\n`` and ``\r`` line ends, a byte-order mark) and: leading and
trailing whitespace on any line; zero to two blank lines between paragraphs;
one to two blank lines inside the header; any number of blank lines between
articles (three or more as in the sample, or fewer, even none, since the next
headline is recognised by the marker run after it); a final newline or none; an article without the
repeated header, or with the headline but not the image lines repeated.
Rendering always gives the canonical form.

Ambiguities, and how they are resolved
--------------------------------------
The canonical form has none: every value the format can represent renders to
text that parses back to the same article.  Only non-canonical input can be
read two ways, and then these rules decide:

* After the marker run, a line equal to the headline is the repeated
  headline, not a paragraph, unless it is alone in its run and a marker run
  other than the repeated image lines follows it (then it is the next
  article's headline, which happens when consecutive articles share a
  headline and omit the repeated header).  A first paragraph that equals the
  headline therefore needs the repeated header in front of it, which the
  canonical form always writes.  Likewise the lines after the repeated
  headline that equal the image lines are the repeated image lines.
* The repeated image lines may end with ``TT`` and a number (an image whose
  alt text is ``TT`` and whose caption is a number): right after the
  repeated headline, a run equal to the image lines is the repeat, not the
  marker run of another article.
* In a body written without blank lines between paragraphs, a run that ends
  with a ``TT`` line and a number line is a marker run: the line before the
  blank lines above it starts a new article.  Canonical text puts a blank line
  between paragraphs, so a paragraph ``TT`` followed by a paragraph ``20`` is
  never mistaken for a marker there.
* Three or more blank lines between paragraphs end the article, so the
  paragraph after them must start a new article (a :class:`~newsparse.ParseError`
  otherwise).  This is what lets the parser notice an article that is cut off
  before its marker instead of reading its headline and captions as
  paragraphs of the article before it.

Errors and truncated input
--------------------------
A place where no article header can be read (text with no ``TT`` marker,
three or more blank lines between a headline and its marker run, a missing or
malformed number, text between a separator and a headline, an odd number of
image lines, a character the model forbids) is reported as a
:class:`~newsparse.ParseError` with the line and column (1-based) where the
input stops matching the grammar; the parser then looks for the next article
header, so the other articles are still read (see
:func:`newsparse.iter_parse`'s ``on_error``).  Each article yields exactly one
item, the article or the error that stopped it, and text that belongs to no
article yields one error of its own.

TT has no end-of-article marker, so a dump cut off inside the body of its last
article cannot be told from a shorter article: the last article is returned
with the paragraphs that are there (a line cut in the middle becomes a shorter
last paragraph).  A dump cut off before the last article's marker run is
complete (inside the headline, the image lines, or between ``TT`` and its
number) is a :class:`~newsparse.ParseError` at the end of the input, provided
three or more blank lines separate that article from the one before, as in
the canonical form; the earlier articles are read normally.

Memory
------
The input is read in chunks of :data:`~newsparse.textio.CHUNK_SIZE`
characters and parsed a run at a time, so memory is bounded by the largest
article (in text that is not TT at all: by the longest run of non-blank lines).

What TT cannot represent
------------------------
:meth:`TTFormat.render` raises :class:`~newsparse.RenderError` naming the field
for authors, published, modified, url, publisher, language, topics, summary,
any ``meta`` key other than ``tt.number`` (and a missing or non-decimal
``tt.number``), an image's url or credit, an image with alt text but no
caption, an image without alt text when there is more than one image, line
breaks in an image's text, a section heading, a second section, and a
paragraph with a line break.  It also refuses (as ``title``) a first article
whose headline starts with U+FEFF: at the start of a text that character is a
byte-order mark, which the reader removes.
"""

from __future__ import annotations

import io
import re
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol, TextIO

from newsparse.errors import ParseError, RenderError, ValidationError
from newsparse.format import Format, ParseItem
from newsparse.model import Article, Image, Section, check_text
from newsparse.textio import CHUNK_SIZE, TextStream

from newsparse_aawsat.examples import ACCEPTED_EXAMPLES, CANONICAL_EXAMPLES

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["ARTICLE_SEPARATOR", "MARKER", "NUMBER_KEY", "TTFormat"]

NUMBER_KEY = "tt.number"
"""The :attr:`Article.meta <newsparse.Article.meta>` key holding the TT number
(the line after ``TT``), exactly as written, such as ``"20"``."""

MARKER = "TT"
"""The marker line that ends an article's header, before the TT number."""

ARTICLE_SEPARATOR = "\n\n\n\n"
"""What canonical text puts between two articles: three blank lines."""

_SEPARATING_BLANKS = 3  # this many blank lines in a row always end an article
_BOM = "\ufeff"

#: The characters the model forbids in text (see :mod:`newsparse.model`);
#: used only to point an error at the right column.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")

_REFUSED_TUPLES = ("authors", "topics")
_REFUSED_VALUES = ("published", "modified", "url", "publisher", "language", "summary")


class _Run:
    """A run of consecutive non-blank lines, stripped, with its position."""

    __slots__ = ("after", "gap", "leads", "lines", "start")

    def __init__(
        self,
        start: int,
        lines: list[str],
        gap: int,
        leads: dict[int, int] | None,
        after: tuple[int, int] | None = None,
    ) -> None:
        self.start = start
        """Line number of the first line."""
        self.lines = lines
        """The lines, stripped."""
        self.gap = gap
        """How many blank lines come before the run."""
        self.leads = leads
        """Leading whitespace removed, by line number (only where there was some)."""
        self.after = after
        """Position of the end of the input, when the run ends there."""

    @property
    def end(self) -> int:
        """Line number of the last line."""
        return self.start + len(self.lines) - 1

    def position_after(self) -> tuple[int, int]:
        """Line and column just after the run (the next line, or the end of input)."""
        return self.after if self.after is not None else (self.end + 1, 1)

    def column(self, line: int, index: int = 0) -> int:
        """Column (1-based) of character ``index`` of the stripped ``line``."""
        lead = self.leads.get(line, 0) if self.leads else 0
        return lead + index + 1

    def drop(self, count: int) -> _Run:
        """Return the run without its first ``count`` lines (some must be left)."""
        return _Run(self.start + count, self.lines[count:], 0, self.leads, self.after)

    def head(self, count: int) -> _Run:
        """Return the run's first ``count`` lines."""
        return _Run(self.start, self.lines[:count], self.gap, self.leads)


class _Readable(Protocol):
    """What the lexer needs of its input: ``read(size)``."""

    def read(self, size: int, /) -> str:
        """Read up to ``size`` characters; ``""`` at the end."""
        ...


class _Lexer:
    """Splits a text stream into runs, a chunk at a time."""

    def __init__(self, stream: _Readable) -> None:
        self._stream = stream
        self._final_newline = True
        self.eof = (1, 1)
        """Line and column of the end of the input (set once it is reached)."""

    def _pieces(self) -> Iterator[list[str]]:
        """Yield lists of lines (without their ``"\\n"``), one list per chunk."""
        read = self._stream.read
        pending: list[str] = []
        while True:
            chunk = read(CHUNK_SIZE)
            if not chunk:
                break
            if "\n" not in chunk:
                pending.append(chunk)
                continue
            parts = chunk.split("\n")
            if pending:
                parts[0] = "".join(pending) + parts[0]
            pending = [parts.pop()]
            yield parts
        tail = "".join(pending)
        if tail:
            yield [tail]
        self._final_newline = not tail

    def runs(self) -> Iterator[_Run]:
        """Yield the runs of the input in order; sets :attr:`eof` before the last."""
        number = 0
        gap = 0
        lines: list[str] | None = None
        start = 0
        leads: dict[int, int] | None = None
        raw = ""
        for parts in self._pieces():
            first = number + 1
            for number, raw in enumerate(parts, first):
                text = raw.strip()
                if text:
                    if lines is None:
                        lines = [text]
                        start = number
                        leads = None
                    else:
                        lines.append(text)
                    if text is not raw and raw[0] != text[0]:
                        if leads is None:
                            leads = {}
                        leads[number] = len(raw) - len(raw.lstrip())
                elif lines is not None:
                    yield _Run(start, lines, gap, leads)
                    lines = None
                    gap = 1
                else:
                    gap += 1
        self.eof = (number + 1, 1) if self._final_newline else (number, len(raw) + 1)
        if lines is not None:
            yield _Run(start, lines, gap, leads, self.eof)


class _Queue:
    """The runs still to be read, with lookahead."""

    def __init__(self, runs: Iterator[_Run]) -> None:
        self._runs = runs
        self._items: deque[_Run] = deque()

    def peek(self, index: int = 0) -> _Run | None:
        """Return the run ``index`` places ahead, or ``None`` past the end."""
        items = self._items
        if index < len(items):
            return items[index]
        while len(items) <= index:
            run = next(self._runs, None)
            if run is None:
                return None
            items.append(run)
        return items[index]

    def pop(self) -> None:
        """Forget the first run."""
        self._items.popleft()

    def replace(self, run: _Run) -> None:
        """Put ``run`` in place of the first run."""
        self._items[0] = run

    def consume_lines(self, count: int) -> None:
        """Forget the first ``count`` lines, across runs."""
        while count:
            run = self._items[0]
            if len(run.lines) <= count:
                count -= len(run.lines)
                self._items.popleft()
            else:
                self._items[0] = run.drop(count)
                count = 0

    def lines_after_first(self, count: int) -> list[str]:
        """Return up to ``count`` lines after the first line, within the article."""
        found: list[str] = []
        index, offset = 0, 1
        while len(found) < count:
            run = self.peek(index)
            if run is None or (index and run.gap >= _SEPARATING_BLANKS):
                break
            found.extend(run.lines[offset : offset + count - len(found)])
            index, offset = index + 1, 0
        return found


def _marker_run(run: _Run | None) -> _Run | None:
    """Return ``run`` if it ends with the marker and a number, within an article."""
    if run is None or run.gap >= _SEPARATING_BLANKS:
        return None
    lines = run.lines
    if len(lines) >= 2 and lines[-2] == MARKER and lines[-1].isdecimal():
        return run
    return None


class _Draft:
    """An article being read: its header, and its paragraph runs so far."""

    __slots__ = ("body", "error", "header", "marker", "title")

    def __init__(self, header: _Run, marker: _Run) -> None:
        self.header = header  # a run of one line: the headline
        self.marker = marker
        self.title = header.lines[0]
        self.body: list[_Run] = []
        self.error: ParseError | None = None

    @property
    def image_lines(self) -> list[str]:
        return self.marker.lines[:-2]


class TTFormat(Format):
    """The Asharq Al-Awsat "TT" wire text (see :mod:`newsparse_aawsat.format`)."""

    name = "tt"
    label = "Asharq Al-Awsat TT wire text"
    extensions = (".tt",)

    # -- detection ---------------------------------------------------------

    def sniff(self, sample: str) -> float:
        """Score 0.95 when the sample starts with a TT article header, else 0.0.

        The header is a headline line, one or two blank lines, and a run of
        lines ending with ``TT`` and a number; this shape is unique to TT.
        """
        runs = _Lexer(io.StringIO(sample)).runs()
        first = next(runs, None)
        if first is None or len(first.lines) != 1:
            return 0.0
        return 0.95 if _marker_run(next(runs, None)) is not None else 0.0

    # -- parsing -----------------------------------------------------------

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        """Read the articles one at a time (see the module docstring)."""
        lexer = _Lexer(stream)
        queue = _Queue(lexer.runs())
        draft: _Draft | None = None
        while (run := queue.peek()) is not None:
            marker = _marker_run(queue.peek(1))
            if draft is not None:
                if run.gap < _SEPARATING_BLANKS:
                    if marker is None:
                        draft.body.append(run)
                        queue.pop()
                        continue
                    # The run's last line is the headline of the next article.
                    if len(run.lines) > 1:
                        draft.body.append(run.head(len(run.lines) - 1))
                        run = run.drop(len(run.lines) - 1)
                yield self._finish(draft, source)
                draft = None
            # An article must start here: at the beginning of the input, after
            # three or more blank lines, or after the previous article's body.
            if marker is None:
                yield self._header_error(run, queue.peek(1), lexer, source)
                queue.pop()
                while (run := queue.peek()) is not None and _marker_run(queue.peek(1)) is None:
                    queue.pop()  # skip to the next article header
                if run is not None and len(run.lines) > 1:
                    queue.replace(run.drop(len(run.lines) - 1))
                continue
            if len(run.lines) > 1:
                yield self._error(
                    "text between articles: an article starts with a single headline line,"
                    " then a blank line",
                    source,
                    run.start,
                    run.column(run.start),
                    run.lines[0],
                )
                run = run.drop(len(run.lines) - 1)
            queue.replace(run)
            draft = self._start(queue, run, marker, source)
        if draft is not None:
            yield self._finish(draft, source)

    def _start(self, queue: _Queue, header: _Run, marker: _Run, source: str) -> _Draft:
        """Read the header at the front of ``queue``: ``header`` (one line), ``marker``."""
        queue.pop()
        queue.pop()
        draft = _Draft(header, marker)
        count = len(marker.lines) - 2
        if count > 2 and count % 2:
            draft.error = self._error(
                f"{count} image lines: write two lines (alt text, caption) per image,"
                " or a single caption line for an article's only image",
                source,
                marker.start,
                marker.column(marker.start),
                marker.lines[0],
            )
        self._skip_repeated_header(queue, draft)
        return draft

    def _skip_repeated_header(self, queue: _Queue, draft: _Draft) -> None:
        run = queue.peek()
        if run is None or run.gap >= _SEPARATING_BLANKS or run.lines[0] != draft.title:
            return
        images = draft.image_lines
        if len(run.lines) == 1:
            marker = _marker_run(queue.peek(1))
            if marker is not None and marker.lines != images:
                return  # the headline of the next article, which has the same headline
        if images and queue.lines_after_first(len(images)) == images:
            queue.consume_lines(1 + len(images))
        else:
            queue.consume_lines(1)

    def _finish(self, draft: _Draft, source: str) -> ParseItem:
        if draft.error is not None:
            return draft.error
        lines = draft.image_lines
        paragraphs = [line for run in draft.body for line in run.lines]
        try:
            if not lines:
                images: tuple[Image, ...] = ()
            elif len(lines) == 1:
                images = (Image(caption=lines[0]),)
            else:
                images = tuple(
                    Image(alt=lines[index], caption=lines[index + 1])
                    for index in range(0, len(lines), 2)
                )
            return Article(
                title=draft.title,
                body=(Section(paragraphs=paragraphs),) if paragraphs else (),
                images=images,
                meta={NUMBER_KEY: draft.marker.lines[-1]},
            )
        except ValidationError as error:
            return self._locate(draft, error, source)

    def _locate(self, draft: _Draft, error: ValidationError, source: str) -> ParseError:
        """Turn a model error into a ParseError at the offending character."""
        places = [(draft.header, draft.header.start, draft.title, "the headline")]
        places += [
            (draft.marker, draft.marker.start + index, line, "an image line")
            for index, line in enumerate(draft.image_lines)
        ]
        places += [
            (run, run.start + index, line, "a paragraph")
            for run in draft.body
            for index, line in enumerate(run.lines)
        ]
        for run, number, text, what in places:
            try:
                check_text(what, text, single_line=True)
            except ValidationError as bad:
                found = _FORBIDDEN.search(text)
                index = found.start() if found else 0
                return self._error(
                    f"{what} is not valid text: {bad.reason}",
                    source,
                    number,
                    run.column(number, index),
                    text,
                )
        header = draft.header
        return self._error(str(error), source, header.start, header.column(header.start), None)

    def _header_error(
        self, run: _Run, following: _Run | None, lexer: _Lexer, source: str
    ) -> ParseError:
        """Explain why no article header starts with ``run``."""
        headline = f"the headline on line {run.end}"
        if following is None:
            line, column = lexer.eof
            return self._error(
                f"the input ends before the TT marker of the article starting with {headline}:"
                " expected a blank line, image lines, 'TT' and a number",
                source,
                line,
                column,
                run.lines[-1],
            )
        if following.gap >= _SEPARATING_BLANKS:
            return self._error(
                f"{following.gap} blank lines after {headline}: three or more separate"
                " articles, so the article has no TT marker (expected one or two blank"
                " lines, image lines, 'TT' and a number)",
                source,
                run.end + _SEPARATING_BLANKS,
                1,
                None,
            )
        lines = following.lines
        if lines[-1] == MARKER:
            line, column = following.position_after()
            return self._error(
                f"expected the TT number on the line after 'TT' (line {following.end})",
                source,
                line,
                column,
                None,
            )
        if len(lines) >= 2 and lines[-2] == MARKER:
            text = lines[-1]
            index = next((i for i, char in enumerate(text) if not char.isdecimal()), 0)
            return self._error(
                f"expected a number after 'TT', found {text!r}",
                source,
                following.end,
                following.column(following.end, index),
                text,
            )
        for index in range(len(lines) - 2):
            if lines[index] == MARKER and lines[index + 1].isdecimal():
                return self._error(
                    "expected a blank line after the TT number",
                    source,
                    following.start + index + 2,
                    following.column(following.start + index + 2),
                    lines[index + 2],
                )
        line, column = following.position_after()
        return self._error(
            f"no TT marker: expected a line 'TT' and a line with the TT number after"
            f" the image lines (lines {following.start}-{following.end}) of the article"
            f" starting with {headline}",
            source,
            line,
            column,
            None,
        )

    def _error(
        self, message: str, source: str, line: int, column: int, excerpt: str | None
    ) -> ParseError:
        return ParseError(
            message, format=self.name, source=source, line=line, column=column, excerpt=excerpt
        )

    # -- rendering ---------------------------------------------------------

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        """Write the articles in canonical TT form (see the module docstring).

        Raises:
            RenderError: an article holds a value TT cannot represent; the
                error names the field (``"authors"``, ``"images[0].url"``,
                ``"body[0].paragraphs[2]"``, ``"meta['tt.number']"`` ...).
        """
        separator = ""
        for article in articles:
            if not separator and article.title.startswith(_BOM):
                raise self._refuse(
                    "title",
                    "a TT text cannot start with U+FEFF: it would be read as a byte-order mark",
                )
            text = self._article_text(article)
            out.write(separator + text)
            separator = ARTICLE_SEPARATOR

    def _refuse(self, field: str, reason: str) -> RenderError:
        return RenderError(self.name, field, reason)

    def _article_text(self, article: Article) -> str:
        for field in _REFUSED_TUPLES:
            if getattr(article, field):
                raise self._refuse(field, "TT text has no place for it")
        for field in _REFUSED_VALUES:
            if getattr(article, field) is not None:
                raise self._refuse(field, "TT text has no place for it")
        number = self._number(article)
        image_lines = self._image_lines(article.images)
        paragraphs = self._paragraphs(article.body)
        title = article.title
        header = "".join(line + "\n" for line in image_lines)
        parts = [f"{title}\n\n{header}{MARKER}\n{number}\n\n{title}"]
        if image_lines:
            parts.append("\n".join(image_lines))
        parts.extend(paragraphs)
        return "\n\n".join(parts)

    def _number(self, article: Article) -> str:
        for key in article.meta:
            if key != NUMBER_KEY:
                raise self._refuse(f"meta[{key!r}]", f"TT text keeps only meta[{NUMBER_KEY!r}]")
        number = article.meta.get(NUMBER_KEY)
        field = f"meta[{NUMBER_KEY!r}]"
        if number is None:
            raise self._refuse(field, "every TT article has a number after its 'TT' line")
        if not number.isdecimal():
            raise self._refuse(field, f"the TT number must be decimal digits, not {number!r}")
        return number

    def _image_lines(self, images: tuple[Image, ...]) -> list[str]:
        lines: list[str] = []
        for index, image in enumerate(images):
            field = f"images[{index}]"
            if image.url is not None:
                raise self._refuse(f"{field}.url", "TT text has no image addresses")
            if image.credit is not None:
                raise self._refuse(f"{field}.credit", "TT text has no separate image credit")
            if image.caption is None:
                raise self._refuse(
                    f"{field}.caption", "TT writes an image as its caption (after its alt text)"
                )
            if image.alt is None and len(images) > 1:
                raise self._refuse(
                    f"{field}.alt",
                    "with several images each needs alt text and a caption (two lines)",
                )
            for part in ("alt", "caption"):
                text = getattr(image, part)
                if text is not None and "\n" in text:
                    raise self._refuse(f"{field}.{part}", "TT image lines hold no line break")
            if image.alt is not None:
                lines.append(image.alt)
            lines.append(image.caption)
        return lines

    def _paragraphs(self, body: tuple[Section, ...]) -> tuple[str, ...]:
        if len(body) > 1:
            raise self._refuse("body[1]", "TT text has one untitled section only")
        if not body:
            return ()
        section = body[0]
        if section.heading is not None:
            raise self._refuse("body[0].heading", "TT text has no section headings")
        for index, paragraph in enumerate(section.paragraphs):
            if "\n" in paragraph:
                raise self._refuse(
                    f"body[0].paragraphs[{index}]", "a TT paragraph is a single line"
                )
        return section.paragraphs

    # -- testing -----------------------------------------------------------

    def strategy(self) -> SearchStrategy[Article]:
        """Articles TT represents exactly: see :func:`newsparse_aawsat.testing.tt_articles`."""
        from newsparse_aawsat.testing import tt_articles  # noqa: PLC0415 - needs hypothesis

        return tt_articles()

    def canonical_examples(self) -> Iterable[str]:
        """Return two hand-written synthetic dumps in canonical form."""
        return CANONICAL_EXAMPLES

    def accepted_examples(self) -> Iterable[str]:
        """Return non-canonical variants: CRLF, extra blank lines, no repeat, spaces..."""
        return ACCEPTED_EXAMPLES
