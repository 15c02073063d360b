"""The conformance kit: the round-trip guarantees, as checks any format can run.

In a plugin's test suite, one class is enough::

    from newsparse.testing import FormatConformance

    class TestMyFormat(FormatConformance):
        format_name = "myformat"

pytest then runs every check below against the registered format (installed
plugins register themselves; see :func:`newsparse.plugins.registered` to
register one for a test only).  The checks use the format's own
:meth:`~newsparse.Format.strategy` and examples.  Each guarantee is also a
plain function (``check_*``) for use in hand-written tests.

The guarantees, for a format F that parses and renders:

1. ``parse(render(articles, F), F) == articles`` for every list of articles F
   represents (``test_round_trips_one_article``, ``test_round_trips_lists``).
2. ``parse(render(parse(x))) == parse(x)`` for every input F accepts
   (``test_accepted_inputs_are_stable``).
3. ``render(parse(x)) == x`` for canonical input, which includes everything F
   renders (``test_output_is_canonical``, ``test_canonical_examples``).
4. What F cannot represent is refused with :class:`~newsparse.RenderError`,
   never dropped (``test_unrepresentable_is_refused``).

Besides these, the kit checks that text, bytes and file objects parse alike,
that detection does not mistake F's own output for another format, and that a
truncated document raises nothing but :class:`~newsparse.NewsparseError`.
For a format that implements :meth:`~newsparse.Format.split`, it checks that
the chunks hold the whole text and parse, one by one, to what the whole text
parses to (``test_split_parses_like_the_whole``); for a
:attr:`~newsparse.Format.joinable` one, that rendering a list equals joining
the renderings of its articles (in ``test_output_is_canonical``).
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Sequence
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse.api import get_format, iter_parse, parse, render
from newsparse.errors import NewsparseError, ParseError, RenderError
from newsparse.format import Format, as_input
from newsparse.model import Article
from newsparse.testing.strategies import articles

__all__ = [
    "FormatConformance",
    "check_accepted_input",
    "check_canonical",
    "check_refused_or_kept",
    "check_round_trip",
    "check_split",
]


def check_round_trip(format_name: str, items: Sequence[Article]) -> str:
    """Assert guarantee 1 for ``items`` and return the rendered text."""
    text = render(items, format_name)
    back = parse(text, format_name)
    assert back == list(items), f"{format_name}: parse(render(a)) != a\nrendered:\n{text}"
    return text


def check_canonical(format_name: str, text: str) -> None:
    """Assert guarantee 3: ``text`` renders back byte for byte after parsing."""
    again = render(parse(text, format_name), format_name)
    assert again == text, f"{format_name}: render(parse(x)) != x\nx:\n{text!r}\ngot:\n{again!r}"


def check_accepted_input(format_name: str, text: str) -> None:
    """Assert guarantee 2: parsing, rendering and parsing ``text`` is stable."""
    first = parse(text, format_name)
    second = parse(render(first, format_name), format_name)
    assert second == first, f"{format_name}: parse(render(parse(x))) != parse(x)"


def check_refused_or_kept(format_name: str, article: Article) -> None:
    """Assert guarantee 4: ``article`` renders losslessly or is refused."""
    try:
        text = render([article], format_name)
    except RenderError as error:
        refused_by = error.format
        assert refused_by == format_name, f"RenderError names format {refused_by!r}"
        return
    back = parse(text, format_name)
    assert back == [article], (
        f"{format_name}: rendered without a RenderError but lost data\n"
        f"rendered:\n{text}\nparsed back:\n{back!r}"
    )


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


def _property_test(name: str) -> Callable[..., None]:
    def test(self: FormatConformance, data: st.DataObject) -> None:
        getattr(self, name)(data)

    test.__name__ = "test_" + name.removeprefix("property_")
    test.__doc__ = getattr(FormatConformance, name).__doc__
    return given(data=st.data())(test)


class FormatConformance:
    """Base class of a format's conformance tests; set :attr:`format_name`.

    Each ``property_<check>`` method below runs as the Hypothesis test
    ``test_<check>`` of every subclass (drawing its examples from the active
    settings profile); the ``test_*`` methods are plain tests.  Checks that
    do not apply (render checks on a parse-only format, say) are skipped
    with the reason given.
    """

    format_name: ClassVar[str]
    """The name of the format under test."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        # Each subclass gets its own Hypothesis tests, made from the
        # ``property_*`` methods: one test function shared by several classes
        # would trip Hypothesis's differing-executors health check, and
        # settings are left to the profile active when the tests run.
        super().__init_subclass__(**kwargs)
        for name in dir(cls):
            if name.startswith("property_"):
                setattr(cls, "test_" + name.removeprefix("property_"), _property_test(name))

    max_articles: ClassVar[int] = 3
    """The longest article lists the list checks generate."""

    @property
    def format(self) -> Format:
        """The registered format under test."""
        return get_format(self.format_name)

    def _require(self, *, parse_ok: bool = True, render_ok: bool = True) -> Format:
        fmt = self.format
        if parse_ok and not fmt.can_parse:
            pytest.skip(f"format {fmt.name!r} is render-only")
        if render_ok and not fmt.can_render:
            pytest.skip(f"format {fmt.name!r} is parse-only")
        if fmt.lossy and parse_ok:
            pytest.skip(f"format {fmt.name!r} is a lossy view")
        return fmt

    def property_round_trips_one_article(self, data: st.DataObject) -> None:
        """Guarantee 1 for single articles from the format's strategy."""
        fmt = self._require()
        check_round_trip(fmt.name, [data.draw(fmt.strategy(), label="article")])

    def property_round_trips_lists(self, data: st.DataObject) -> None:
        """Guarantee 1 for lists of articles (the empty list included)."""
        fmt = self._require()
        items = data.draw(st.lists(fmt.strategy(), max_size=self.max_articles), label="articles")
        check_round_trip(fmt.name, items)

    def property_output_is_canonical(self, data: st.DataObject) -> None:
        """Guarantee 3 for everything the format renders; and joinability, if promised."""
        fmt = self._require()
        items = data.draw(st.lists(fmt.strategy(), max_size=self.max_articles), label="articles")
        text = render(items, fmt.name)
        check_canonical(fmt.name, text)
        if fmt.joinable:
            assert text == "".join(render([item], fmt.name) for item in items), "not joinable"

    def test_canonical_examples(self) -> None:
        """Guarantee 3 for the format's hand-written canonical examples."""
        fmt = self._require()
        examples = list(fmt.canonical_examples())
        if not examples:
            pytest.skip(f"format {fmt.name!r} provides no canonical examples")
        for example in examples:
            check_canonical(fmt.name, example)

    def test_accepted_inputs_are_stable(self) -> None:
        """Guarantee 2 for the format's canonical and non-canonical examples."""
        fmt = self._require()
        examples = [*fmt.canonical_examples(), *fmt.accepted_examples()]
        if not examples:
            pytest.skip(f"format {fmt.name!r} provides no examples")
        for example in examples:
            check_accepted_input(fmt.name, example)

    def property_unrepresentable_is_refused(self, data: st.DataObject) -> None:
        """Guarantee 4 for any valid article at all."""
        fmt = self._require()
        check_refused_or_kept(fmt.name, data.draw(articles(), label="article"))

    def property_inputs_of_every_kind_agree(self, data: st.DataObject) -> None:
        """Text, bytes (with and without BOM), and file objects parse alike."""
        fmt = self._require()
        items = data.draw(st.lists(fmt.strategy(), min_size=1, max_size=2), label="articles")
        text = render(items, fmt.name)
        encoded = text.encode(fmt.encoding)
        for given_input in (
            encoded,
            b"\xef\xbb\xbf" + text.encode("utf-8"),
            io.BytesIO(encoded),
            io.StringIO(text),
            text.replace("\n", "\r\n"),
        ):
            assert parse(given_input, fmt.name) == items

    def property_detection_finds_the_format(self, data: st.DataObject) -> None:
        """Check that detection on the format's own output gives the same articles."""
        fmt = self._require()
        items = data.draw(st.lists(fmt.strategy(), min_size=1, max_size=2), label="articles")
        assert parse(render(items, fmt.name)) == items

    def property_truncated_input_raises_only_newsparse_errors(self, data: st.DataObject) -> None:
        """Cutting the output anywhere gives articles or NewsparseError, nothing else."""
        fmt = self._require()
        items = data.draw(st.lists(fmt.strategy(), min_size=1, max_size=2), label="articles")
        text = render(items, fmt.name)
        cut = data.draw(st.integers(min_value=0, max_value=len(text)), label="cut")
        with contextlib.suppress(NewsparseError):
            parse(text[:cut], fmt.name)
        errors: list[ParseError] = []
        parse(text[:cut], fmt.name, on_error=errors.append)  # collecting never raises
        assert all(isinstance(error, ParseError) for error in errors)

    def property_split_parses_like_the_whole(self, data: st.DataObject) -> None:
        """Check that chunks of the output, with a broken piece in, parse like the whole."""
        fmt = self._require()
        if not fmt.can_split:
            pytest.skip(f"format {fmt.name!r} does not split its input")
        items = data.draw(st.lists(fmt.strategy(), max_size=4), label="articles")
        text = render(items, fmt.name)
        if items:  # the start of one of the articles, between two lines
            broken = render([data.draw(st.sampled_from(items), label="broken")], fmt.name)
            broken = broken[: data.draw(st.integers(0, len(broken)), label="cut")] + "\n"
            lines = text.splitlines(keepends=True)
            at = data.draw(st.integers(0, len(lines)), label="at line")
            text = "".join(lines[:at]) + broken + "".join(lines[at:])
        size = data.draw(st.integers(min_value=1, max_value=200), label="size")
        check_split(fmt.name, text, size)

    def property_renders_any_article_or_refuses(self, data: st.DataObject) -> None:
        """Check that rendering any valid article gives text or a RenderError only."""
        fmt = self._require(parse_ok=False)
        article = data.draw(articles(), label="article")
        try:
            text = render([article], fmt.name)
        except RenderError:
            return
        assert isinstance(text, str)
