"""The format contract: what a plugin implements to teach newsparse a format.

A format is an instance of a :class:`Format` subclass.  It has a unique
:attr:`~newsparse.Format.name`, says how to recognise its input
(:meth:`~newsparse.Format.sniff`), and implements
:meth:`~newsparse.Format.parse`, :meth:`~newsparse.Format.render` or both.  A
format that only overrides one of them is parse-only or render-only, and the
public API refuses the other direction with a clear error.

Formats read text, never bytes: newsparse decodes the input first (see
:attr:`Format.encoding <newsparse.Format.encoding>` and
:meth:`Format.declared_encoding <newsparse.Format.declared_encoding>`) and translates ``\\r\\n``
and ``\\r`` line ends to ``\\n``, so a format's own line and column numbers
match what an editor shows.  A format that hands its whole input to a parser
reading bytes (lxml, for instance) may call
``read_utf8`` on the stream it is given:
UTF-8 input then reaches that parser without being decoded and encoded again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import ClassVar, NamedTuple, TextIO

from newsparse._errors import ParseError
from newsparse._model import Article
from newsparse._textio import TextStream

__all__ = ["Chunk", "Format", "ParseItem", "as_input"]

ParseItem = Article | ParseError
"""What :meth:`Format.parse <newsparse.Format.parse>` yields: an article, or
the error that stopped one article from being read while the rest of the
input can still be read."""


class Chunk(NamedTuple):
    """A piece of an input that holds whole articles.

    :meth:`Format.split <newsparse.Format.split>` makes them.
    """

    text: str
    """The text of the piece: complete articles, as :meth:`~newsparse.Format.parse` reads them."""
    line: int
    """The line of the input on which :attr:`text` starts, counted from 1."""


def as_input(text: str) -> str:
    """Return the text of a :class:`Chunk` as an input that reads as that text.

    Text input loses a leading byte-order mark (U+FEFF) when it is opened,
    which is right for a whole input but not for a chunk: in the middle of
    the input the character is part of the text.  One U+FEFF in front is the
    one removed, so the chunk reaches
    :meth:`Format.parse <newsparse.Format.parse>` as it is.
    """
    return "\ufeff" + text


_NAME = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")


class Format:
    """Base class of every format, built-in or from a plugin.

    Subclasses set the class attributes and override :meth:`parse`,
    :meth:`render` or both.  Instances must be safe to use from several
    threads at once, so keep per-call state in local variables.
    """

    name: ClassVar[str]
    """Unique short name, such as ``"json"`` or ``"tt"``: lower-case letters,
    digits and ``._-``.  Users pass it as ``format=``."""

    label: ClassVar[str]
    """A human-readable name, such as ``"JSON Lines"``."""

    extensions: ClassVar[tuple[str, ...]] = ()
    """File name extensions, with the dot (``(".jsonl",)``); used by the
    command line to pick an output format and to break detection ties."""

    media_types: ClassVar[tuple[str, ...]] = ()
    """IANA media types of the format, such as ``("application/json",)``."""

    encoding: ClassVar[str] = "utf-8"
    """The encoding assumed for byte input without a byte-order mark.  A BOM
    (UTF-8, UTF-16 or UTF-32) always wins over it."""

    joinable: ClassVar[bool] = False
    """``True`` when rendering several articles writes exactly the texts of
    rendering each one alone, one after the other, with nothing before,
    between or after them (``jsonl``: one line per article).  ``newsparse
    convert --jobs`` then renders the articles in its worker processes too.
    The conformance kit checks the promise."""

    lossy: ClassVar[bool] = False
    """``True`` for render-only views meant for people (``text``,
    ``markdown``) that leave fields out by design.  Lossless formats refuse
    what they cannot represent instead (:class:`~newsparse.RenderError`)."""

    blocks: ClassVar[frozenset[str]] = frozenset({"paragraph"})
    """The block kinds the format writes (see :data:`newsparse.BLOCK_KINDS`).

    Rendering refuses an article holding any other kind with a
    :class:`~newsparse.RenderError` naming the block, before the format sees
    it, so a format never drops a block it does not know.  The default is
    paragraphs only.  The conformance kit checks both halves of the promise:
    each declared kind round-trips, every other kind is refused."""

    marks: ClassVar[frozenset[str]] = frozenset()
    """The inline marks the format writes (see :data:`newsparse.MARK_KINDS`):
    ``"link"``, ``"emphasis"``, ``"strong"``.  A mark it does not declare is
    refused like a block kind.  The default is none."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        name = cls.__dict__.get("name")
        if name is not None and not _NAME.match(name):
            raise ValueError(f"format name {name!r} must match {_NAME.pattern!r}")

    @property
    def can_parse(self) -> bool:
        """Whether this format reads input (overrides :meth:`parse`)."""
        return type(self).parse is not Format.parse

    @property
    def can_render(self) -> bool:
        """Whether this format writes output (overrides :meth:`render`)."""
        return type(self).render is not Format.render

    @property
    def can_split(self) -> bool:
        """Whether this format can cut its input at article boundaries (overrides :meth:`split`)."""
        return type(self).split is not Format.split

    def sniff(self, sample: str) -> float:
        """Score how likely ``sample`` is the start of an input of this format.

        Args:
            sample: the first characters of the input (up to 64 KiB of it),
                decoded with :attr:`encoding` and with line ends translated; it
                may end in the middle of a line or of a character sequence.

        Returns:
            A score from ``0.0`` (certainly not this format) to ``1.0``
            (certainly this format).  Return ``0.9`` or more only when a marker
            unique to the format is present.  The default returns ``0.0``, so
            a format is never chosen unless it looks.
        """
        del sample
        return 0.0

    def declared_encoding(self, head: bytes) -> str | None:
        """Return the encoding that byte input names for itself, if it does.

        Formats whose documents declare their encoding (an HTML ``<meta
        charset>``, an XML declaration) override this; the default returns
        ``None``.  A byte-order mark wins over the declaration, and the
        declaration over :attr:`encoding`.  It is not called for text input,
        which is decoded already.

        Args:
            head: the first bytes of the input (up to 64 KiB, fewer if the
                input is shorter); it may end inside a character.

        Returns:
            A codec name Python knows (see :mod:`codecs`), or ``None`` to use
            :attr:`encoding`.
        """
        del head
        return None

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        """Read articles from ``stream`` lazily, one at a time.

        Args:
            stream: the decoded input; read it in pieces (iterate its lines, or
                ``read(size)``) so that memory stays bounded however large it is.
            source: the input's name, for :class:`~newsparse.ParseError`.

        Yields:
            Each :class:`~newsparse.Article` as soon as it is complete.  When
            one article is bad but the format can find where the next one
            starts, yield a :class:`~newsparse.ParseError` for it and go on;
            the caller decides whether that stops the parse.

        Raises:
            ParseError: the input cannot be read any further.
        """
        del stream, source
        raise NotImplementedError(f"format {self.name!r} cannot parse")

    def split(self, stream: TextStream, size: int) -> Iterator[Chunk]:
        """Cut ``stream`` into pieces that can be parsed independently.

        Optional: a format whose inputs hold many articles implements it so
        that one large input can be parsed by several processes at once
        (``newsparse convert --jobs``).  Each :class:`~newsparse.plugin.Chunk`
        is a run of whole lines of the input that starts at an article
        boundary and holds complete articles.  Parsing the chunks one after
        the other with :meth:`parse` must give exactly the items that parsing
        the whole input gives, in the same order, with line numbers counted
        from each chunk's start (the caller adds
        :attr:`Chunk.line <newsparse.plugin.Chunk.line>` - 1).  So a chunk
        never begins inside an article nor depends on state left by the
        chunk before it, and every line of the input is in one chunk, blank
        lines included, so that nothing is lost.  A chunk may hold less of a
        line than the input when that gives the same items (``jsonl`` keeps
        only the start of a line over the article limit, enough to report it).

        Args:
            stream: the decoded input, as :meth:`parse` receives it.
            size: the number of characters a chunk should hold; a chunk
                may be longer when one article is, and the last one shorter.

        Yields:
            The chunks, in the order of the input.

        Raises:
            ParseError: the input cannot be read (an undecodable byte, the
                input size limit), as :meth:`parse` would raise it; yield the
                text read before the error as a last chunk first, since
                :meth:`parse` reads the articles before it.
        """
        del stream, size
        raise NotImplementedError(f"format {self.name!r} cannot split its input")

    @property
    def can_cut(self) -> bool:
        """Whether this format names places to cut its bytes (overrides :meth:`cut_points`)."""
        return type(self).cut_points is not Format.cut_points

    def cut_points(self, window: bytes) -> Iterator[int]:
        """Find places in ``window`` where the input can be cut into independent byte ranges.

        Optional, and stricter than :meth:`split`: it lets ``newsparse convert
        --jobs`` and the Dask integration hand each worker a byte range of a
        file, which the worker reads itself, instead of reading and cutting
        the whole input in one process.  ``window`` is a stretch of the
        input's bytes taken from anywhere in it (not necessarily at a line
        start, its end not necessarily the input's end), in UTF-8 with the
        line ends as they are in the file.

        Each offset ``p`` yielded (``0 < p < len(window)``, ascending) must be
        a boundary whatever comes before and after the window: cutting the
        input there, decoding each side on its own and parsing it with
        :meth:`parse` must give exactly the items of the whole input, in
        order, with the second side's line numbers counted from the cut.  So
        ``window[p - 1]`` is a line feed, and the format must be *certain*
        from the window alone: where the text could be read two ways (a line
        that looks like a separator or a header inside an article), yield
        nothing.  Fewer cuts only mean fewer pieces; a wrong cut changes the
        result.  The conformance kit checks the promise (its
        ``check_cut_points``).

        Args:
            window: bytes of the input (UTF-8), from any offset.

        Yields:
            Offsets into ``window`` where the input can be cut.
        """
        del window
        raise NotImplementedError(f"format {self.name!r} cannot cut its input's bytes")

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        """Write ``articles`` to ``out`` in this format.

        Check each article before writing any of it, so that a
        :class:`~newsparse.RenderError` never leaves half an article behind.
        Name the refused value by its path in the article (``"images[2].url"``,
        ``"meta['tt.number']"``: see :attr:`RenderError.field
        <newsparse.RenderError.field>`), set ``missing=True`` when a value the
        format requires is absent, and record the article with
        :meth:`RenderError.with_article <newsparse.RenderError.with_article>`,
        so that the message names it and ``on_drop`` can drop the right part.

        Raises:
            RenderError: an article holds a value this format cannot represent,
                or lacks one it requires.
        """
        del articles, out
        raise NotImplementedError(f"format {self.name!r} cannot render")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"
