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
    ``Article.meta["tt.number"]`` (:data:`~newsparse_aawsat.syntax.NUMBER_KEY`).
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
repeated header, or with the headline but not the image lines repeated
(except where the input ends: see *Errors and truncated input*).
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

A dump cut off before the last article's marker run is complete (inside the
headline, the image lines, or between ``TT`` and its number) is a
:class:`~newsparse.ParseError` at the end of the input, provided three or
more blank lines separate that article from the one before, as in the
canonical form; the earlier articles are read normally.

A whole article goes on after its TT number: canonical text always writes
the repeated header.  So the last article of the input is also a
:class:`~newsparse.ParseError` at the end of the input, "cut off", and is not
returned, when the input ends

* right after its TT number (or inside it), with nothing after the marker run;
* inside its repeated headline: the only line after the marker run is the
  start of the headline (``Khamenei Raises`` for ``Khamenei Raises Doubts``);
* after its repeated headline, when it has image lines, with nothing after
  it, or with lines that are only the start of its image lines (the last one
  possibly cut in the middle).

Only those shapes at the end of the input are read so; the same lines
followed by another article are read as the tolerant rules above say.  TT
has no end-of-article marker, so a dump cut off inside the body of its last
article, or right after the whole repeated header, cannot be told from a
shorter article: the last article is returned with the paragraphs that are
there (a line cut in the middle becomes a shorter last paragraph).

Bytes that cannot be decoded (or input over
:attr:`newsparse.Limits.max_input_bytes`) end the parse with a
:class:`~newsparse.ParseError` at that place.  The articles before it are
still returned when they are known to be whole: those followed by three or
more blank lines before the bad place, or by another article's header.  The
article the bad place is in, or that it may still belong to (one or two
blank lines after its last paragraph), is not returned cut short: the error
stands for it.

Memory and speed
----------------
The input is read in chunks of :data:`~newsparse.plugin.CHUNK_SIZE`
characters.  Each stretch of text between two separators (``"\n\n\n\n"``)
that is exactly the canonical form of an article is read at once with string
methods (:mod:`newsparse_aawsat.canonical`); everything else goes to the
general reader (:mod:`newsparse_aawsat.general`), which reads a run of lines
at a time and implements every rule above.  Both give the same articles and
errors, and the fast path resumes after each non-canonical stretch.  Memory
is bounded by the largest article plus
:data:`~newsparse_aawsat.canonical.SPAN_LIMIT` (1 MiB) of text; in text that is
not TT at all, by the longest run of non-blank lines.  The article size limit
(:attr:`newsparse.Limits.max_article_bytes`, 64 MiB by default) bounds the
text between two separators (:mod:`newsparse_aawsat.bounded`): a longer
stretch is a :class:`~newsparse.ParseError` that ends the parse, at the line
where the stretch starts, and none of it is read as an article.

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

from collections.abc import Iterable, Iterator
from typing import TextIO

from newsparse import Article, Format, Image, RenderError, Section
from newsparse.plugin import Chunk, ParseItem, TextStream, limits_of

from newsparse_aawsat.bounded import ArticleBound
from newsparse_aawsat.canonical import read_articles
from newsparse_aawsat.cutting import byte_cuts, split_text
from newsparse_aawsat.general import GeneralReader, header_score
from newsparse_aawsat.syntax import ARTICLE_SEPARATOR, MARKER, NUMBER_KEY

__all__ = ["ARTICLE_SEPARATOR", "MARKER", "NUMBER_KEY", "TTFormat"]

_BOM = "\ufeff"
_REFUSED_TUPLES = ("authors", "topics")
_REFUSED_VALUES = ("published", "modified", "url", "publisher", "language", "summary")


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
        return header_score(sample)

    # -- parsing -----------------------------------------------------------

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        """Read the articles one at a time (see the module docstring).

        Canonical articles take a fast path (:mod:`newsparse_aawsat.canonical`);
        the general reader (:mod:`newsparse_aawsat.general`) reads everything
        else, with the same result.
        """
        most = limits_of(stream).max_article_bytes
        if most is None:
            return read_articles(stream, GeneralReader(self.name, source))
        return self._parse_bounded(stream, source, most)

    def _parse_bounded(self, stream: TextStream, source: str, most: int) -> Iterator[ParseItem]:
        """Read as :meth:`parse` does, under the article limit (see ``bounded``)."""
        bound = ArticleBound(stream, most, format_name=self.name, source=source)
        yield from read_articles(bound, GeneralReader(self.name, source))
        if bound.error is not None:
            raise bound.error

    # -- cutting, for parallel parsing -------------------------------------

    def split(self, stream: TextStream, size: int) -> Iterator[Chunk]:
        """Cut the input only where the grammar leaves no doubt (:mod:`newsparse_aawsat.cutting`).

        That is between two articles in canonical form, after three blank
        lines: a dump that is not canonical anywhere stays one chunk.
        """
        return split_text(stream, size)

    def cut_points(self, window: bytes) -> Iterator[int]:
        """Yield the places in ``window`` where :meth:`split` would cut too."""
        return byte_cuts(window)

    # -- rendering ---------------------------------------------------------

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        """Write the articles in canonical TT form (see the module docstring).

        Raises:
            RenderError: an article holds a value TT cannot represent; the
                error names the field (``"authors"``, ``"images[0].url"``,
                ``"body[0].blocks[2]"``, ``"meta['tt.number']"`` ...).
        """
        separator = ""
        for index, article in enumerate(articles):
            try:
                if not separator and article.title.startswith(_BOM):
                    raise self._refuse(
                        "title",
                        "a TT text cannot start with U+FEFF: it would be read as a byte-order mark",
                    )
                text = self._article_text(article)
            except RenderError as error:
                error.with_article(index, article.title)
                raise
            out.write(separator + text)
            separator = ARTICLE_SEPARATOR

    def _refuse(self, field: str, reason: str, *, missing: bool = False) -> RenderError:
        return RenderError(self.name, field, reason, missing=missing)

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
            raise self._refuse(
                field, "every TT article has a number after its 'TT' line", missing=True
            )
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
                    f"{field}.caption",
                    "TT writes an image as its caption (after its alt text)",
                    missing=True,
                )
            if image.alt is None and len(images) > 1:
                raise self._refuse(
                    f"{field}.alt",
                    "with several images each needs alt text and a caption (two lines)",
                    missing=True,
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
                raise self._refuse(f"body[0].blocks[{index}]", "a TT paragraph is a single line")
        return section.paragraphs

    # -- testing -----------------------------------------------------------
