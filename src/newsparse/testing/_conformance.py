"""The conformance kit: the round-trip guarantees, as checks any format can run.

In a plugin's test suite, one class is enough::

    from newsparse.testing import FormatConformance, sparse_articles

    class TestMyFormat(FormatConformance):
        format_name = "myformat"
        canonical_examples = (MY_CANONICAL_INPUT,)
        accepted_examples = (MY_INPUT_WITH_CRLF, MY_INPUT_WITH_SPACES)

        def strategy(self):
            return sparse_articles()

pytest then runs every check below that applies to the registered format
(installed plugins register themselves; see :func:`newsparse.plugin.registered`
to register one for a test only).  The class, not the format, says which
articles the format represents exactly (:meth:`FormatConformance.strategy
<newsparse.testing.FormatConformance.strategy>`; every valid article unless
it says otherwise) and gives the hand-written examples, so that the format
itself carries nothing only tests need.  ``grep "def test_"`` on this module lists
every check.  Each guarantee is also a plain function (``check_*``, in
``newsparse.testing._checks``) for use in hand-written tests.

The guarantees, for a format F that parses and renders:

1. ``parse(render(articles, F), F) == articles`` for every list of articles F
   represents (``test_round_trips_one_article``, ``test_round_trips_lists``).
2. ``parse(render(parse(x))) == parse(x)`` for every input F accepts
   (``test_accepted_inputs_are_stable``).
3. ``render(parse(x)) == x`` for canonical input, which includes everything F
   renders (``test_output_is_canonical``, ``test_canonical_examples``).
4. What F cannot represent is refused with :class:`~newsparse.RenderError`
   naming the field, never dropped.  ``test_each_field_is_kept_or_refused``
   checks it field by field, without chance: for every field of the model
   (see :func:`~newsparse.testing.field_samples`), an article that sets
   just that field to a typical value must come back equal or be refused.
   ``test_unrepresentable_is_refused`` checks it on generated articles.

Besides these, the kit checks that text, bytes and file objects parse alike,
that detection does not mistake F's own output for another format, and that a
truncated document raises nothing but :class:`~newsparse.ParseError`, with
the same errors whether they raise or are collected.
For a format that implements :meth:`~newsparse.Format.split`, it checks that
the chunks hold the whole text and parse, one by one, to what the whole text
parses to (``test_split_parses_like_the_whole``); for one that implements
:meth:`~newsparse.Format.cut_points`, that every cut it names in a window of
bytes from anywhere in the output leaves two sides that parse, each on its
own, to what the whole parses to (``test_cut_points_parse_like_the_whole``,
:func:`~newsparse.testing.check_cut_points`); for a
:attr:`~newsparse.Format.joinable` one, that rendering a list equals joining
the renderings of its articles (in ``test_output_is_canonical``).  For a
format that renders but cannot be read back (a :attr:`~newsparse.Format.lossy`
view), it checks that any article renders to some text or is refused
(``test_renders_any_article_or_refuses``), and so does
``test_each_field_is_kept_or_refused`` for each field.

A check that does not apply to the format is not collected at all: a format
that does not split has no ``test_split_parses_like_the_whole``.  The kit
decides when pytest imports the test class, so the format must be registered
by then (an installed plugin always is).  A format registered later, by a
fixture, gets every check, and those that do not apply skip, saying why.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from newsparse._api import get_format, parse, render
from newsparse._errors import NewsparseError, RenderError
from newsparse._format import Format
from newsparse._model import Article, Section
from newsparse.testing._blockstrategies import typical_blocks
from newsparse.testing._checks import (
    ARTICLE_FIELDS,
    check_accepted_input,
    check_canonical,
    check_cut_points,
    check_refused_or_kept,
    check_renders_or_refuses,
    check_reported_like_raised,
    check_round_trip,
    check_split,
)
from newsparse.testing._fields import FieldSample, field_samples, with_sample
from newsparse.testing._strategies import articles, field_values

__all__ = [
    "FormatConformance",
    "check_accepted_input",
    "check_canonical",
    "check_cut_points",
    "check_refused_or_kept",
    "check_renders_or_refuses",
    "check_reported_like_raised",
    "check_round_trip",
    "check_split",
]

Need = Callable[[Format], str | None]
"""Why a check does not apply to a format, or ``None`` when it does."""


def _round_trips(fmt: Format) -> str | None:
    if not fmt.can_parse:
        return f"format {fmt.name!r} is render-only"
    if not fmt.can_render:
        return f"format {fmt.name!r} is parse-only"
    if fmt.lossy:
        return f"format {fmt.name!r} is a lossy view"
    return None


def _renders(fmt: Format) -> str | None:
    return None if fmt.can_render else f"format {fmt.name!r} is parse-only"


def _splits(fmt: Format) -> str | None:
    if not fmt.can_split:
        return f"format {fmt.name!r} does not split its input"
    return _round_trips(fmt)


def _cuts(fmt: Format) -> str | None:
    if not fmt.can_cut:
        return f"format {fmt.name!r} does not cut its input's bytes"
    return _round_trips(fmt)


_NEEDS: dict[str, Need] = {}
"""What each check of :class:`FormatConformance` needs, by its method name."""


def _applies_if(need: Need) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Record what the decorated check needs of a format to apply."""

    def record(check: Callable[..., None]) -> Callable[..., None]:
        _NEEDS[check.__name__] = need
        return check

    return record


_DRAWING: set[str] = set()
"""The names of the checks that draw their examples with Hypothesis."""


def _drawing(check: Callable[..., None]) -> Callable[..., None]:
    """Mark a check that takes Hypothesis's ``data``: each subclass runs it under ``given``."""
    _DRAWING.add(check.__name__)
    return check


def _given_for(check: Callable[..., None], share: float) -> Callable[..., None]:
    """Return ``check`` as a Hypothesis test of its own, for one subclass.

    It runs ``share`` of the active profile's examples (at least one).
    """

    def test(self: FormatConformance, data: st.DataObject) -> None:
        check(self, data)

    test.__name__ = check.__name__
    test.__qualname__ = check.__qualname__
    test.__doc__ = check.__doc__
    drawn = given(data=st.data())(test)
    if share == 1:
        return drawn
    base = settings.default
    assert base is not None
    return settings(base, max_examples=max(1, round(base.max_examples * share)))(drawn)


def _format_known_now(cls: type[FormatConformance]) -> Format | None:
    """Return the format under test if it is registered already, else ``None``."""
    name = getattr(cls, "format_name", None)
    if name is None:
        return None
    try:
        return get_format(name)
    except NewsparseError:
        return None  # registered later (by a fixture), or not at all: decided at run time


def _nothing_to_check(reasons: str) -> Callable[..., None]:
    def test_nothing_to_check(self: FormatConformance) -> None:
        """Report that none of the kit's checks applies to the format."""
        del self
        pytest.skip(f"no conformance check applies: {reasons}")

    return test_nothing_to_check


def _bases(checks: FormatConformance) -> list[Article]:
    """Return the articles the per-field check sets each field on.

    A bare article with a title, and the first article of the format's first
    example: a format may need a field the bare article lacks (an
    identifier, say), and would refuse every bare article for it.
    """
    bases = [Article(title="Kit article")]
    for example in (*checks.canonical_examples, *checks.accepted_examples):
        found = parse(example, checks.format_name)
        if found:
            bases.append(found[0])
            break
    return bases


def _require_known(sample: FieldSample) -> None:
    if sample.problem is not None:
        pytest.fail(f"{sample.field}: {sample.problem}", pytrace=False)


class FormatConformance:
    """Base class of a format's conformance tests.

    A subclass sets :attr:`format_name` and says what the kit cannot learn
    from the format itself: the articles the format represents exactly
    (:meth:`strategy`) and hand-written inputs (:attr:`canonical_examples`,
    :attr:`accepted_examples`).  Every check is a ``test_*`` method below;
    those that take ``data`` run as Hypothesis tests, made afresh for each
    subclass (drawing their examples from the active settings profile).
    Checks that do not apply to the format (the parsing checks of a
    render-only view, the split check of a format that does not split) are
    left out of the subclass when the format is registered as pytest
    collects it; see the module's description.
    """

    format_name: ClassVar[str]
    """The name of the format under test."""

    canonical_examples: ClassVar[Sequence[str]] = ()
    """Hand-written inputs in canonical form: each must render back byte for
    byte after parsing (``test_canonical_examples``).  None by default."""

    accepted_examples: ClassVar[Sequence[str]] = ()
    """Valid inputs that are *not* canonical (other spacing, line ends...):
    parsing, rendering and parsing again must give the same articles
    (``test_accepted_inputs_are_stable``).  None by default."""

    max_articles: ClassVar[int] = 3
    """The longest article lists the list checks generate."""

    example_share: ClassVar[float] = 1.0
    """The share of the active settings profile's ``max_examples`` that each
    drawing check runs (at least one example).  Below 1 for a format whose
    articles are slow to draw, render and parse (``0.5``: 100 examples under
    ``newsparse-ci``, 1,000 under ``newsparse-thorough``), to keep a CI run
    within its time; the profile active when the class is defined counts."""

    def strategy(self) -> SearchStrategy[Article]:
        """Return a Hypothesis strategy of the articles the format represents exactly.

        The round-trip checks render and parse these and expect equality.
        The default is every valid article
        (:func:`~newsparse.testing.articles`), which suits lossless formats
        such as JSON; a format with less room restricts it (start from
        :func:`~newsparse.testing.sparse_articles`).
        """
        return articles()

    def __init_subclass__(cls, **kwargs: object) -> None:
        # Each subclass gets its own Hypothesis tests, made from the drawing
        # checks: one test function shared by several classes would trip
        # Hypothesis's differing-executors health check, and settings are
        # left to the profile active when the class is defined (scaled by
        # example_share).  A check that does not apply is set to None, which
        # pytest does not collect; one the subclass writes itself is left alone.
        super().__init_subclass__(**kwargs)
        if not cls.example_share > 0:
            raise ValueError(f"example_share must be above 0, not {cls.example_share!r}")
        fmt = _format_known_now(cls)
        reasons: list[str] = []
        for name, need in _NEEDS.items():
            if name in cls.__dict__:
                continue
            reason = need(fmt) if fmt is not None else None
            check = getattr(FormatConformance, name)
            if reason is not None:
                setattr(cls, name, None)
                reasons.append(reason)
            elif name in _DRAWING:
                setattr(cls, name, _given_for(check, cls.example_share))
            elif getattr(cls, name) is None:  # left out by a base class
                setattr(cls, name, check)
        if len(reasons) == len(_NEEDS):
            why = "; ".join(sorted(set(reasons)))
            cls.test_nothing_to_check = _nothing_to_check(why)  # type: ignore[attr-defined]

    @property
    def format(self) -> Format:
        """The registered format under test."""
        return get_format(self.format_name)

    def _require(self, need: Need) -> Format:
        """Return the format, or skip when the check does not apply to it.

        Only a format registered after the class was collected gets here
        with a check that does not apply.
        """
        fmt = self.format
        reason = need(fmt)
        if reason is not None:
            pytest.skip(f"{reason} (it was registered too late to leave this check out)")
        return fmt

    @_applies_if(_round_trips)
    @_drawing
    def test_round_trips_one_article(self, data: st.DataObject) -> None:
        """Guarantee 1 for single articles from the strategy."""
        fmt = self._require(_round_trips)
        check_round_trip(fmt.name, [data.draw(self.strategy(), label="article")])

    @_applies_if(_round_trips)
    @_drawing
    def test_round_trips_lists(self, data: st.DataObject) -> None:
        """Guarantee 1 for lists of articles (the empty list included)."""
        fmt = self._require(_round_trips)
        items = data.draw(st.lists(self.strategy(), max_size=self.max_articles), label="articles")
        check_round_trip(fmt.name, items)

    @_applies_if(_round_trips)
    @_drawing
    def test_output_is_canonical(self, data: st.DataObject) -> None:
        """Guarantee 3 for everything the format renders; and joinability, if promised."""
        fmt = self._require(_round_trips)
        items = data.draw(st.lists(self.strategy(), max_size=self.max_articles), label="articles")
        text = render(items, fmt.name)
        check_canonical(fmt.name, text)
        if fmt.joinable:
            assert text == "".join(render([item], fmt.name) for item in items), "not joinable"

    @_applies_if(_round_trips)
    def test_canonical_examples(self) -> None:
        """Guarantee 3 for the hand-written canonical examples."""
        fmt = self._require(_round_trips)
        if not self.canonical_examples:
            pytest.skip(f"could not check: no canonical examples of {fmt.name!r} are given")
        for example in self.canonical_examples:
            check_canonical(fmt.name, example)

    @_applies_if(_round_trips)
    def test_accepted_inputs_are_stable(self) -> None:
        """Guarantee 2 for the canonical and the non-canonical examples."""
        fmt = self._require(_round_trips)
        examples = [*self.canonical_examples, *self.accepted_examples]
        if not examples:
            pytest.skip(f"could not check: no examples of {fmt.name!r} are given")
        for example in examples:
            check_accepted_input(fmt.name, example)

    @_applies_if(_renders)
    @pytest.mark.parametrize("sample", field_samples(), ids=str)
    def test_each_field_is_kept_or_refused(self, sample: FieldSample) -> None:
        """Guarantee 4, field by field: an article that sets one field keeps it or is refused.

        The field is set on a bare article and on the first article of the
        examples; each must render and parse back equal, or be refused with
        a RenderError naming a field.  For a view that cannot be read back,
        the bare article must render to text or be refused.
        """
        fmt = self._require(_renders)
        _require_known(sample)
        if _round_trips(fmt) is not None:
            check_renders_or_refuses(fmt.name, with_sample(Article(title="Kit article"), sample))
            return
        for base in _bases(self):
            check_refused_or_kept(fmt.name, with_sample(base, sample))

    @_applies_if(_renders)
    @pytest.mark.parametrize("sample", sorted(typical_blocks()))
    def test_blocks_are_kept_or_refused_as_declared(self, sample: str) -> None:
        """A block kind or mark the format does not declare is refused, naming the block.

        One section holding one typical block (or a paragraph with one mark)
        is set on a bare article and on the first article of the examples.
        Undeclared, rendering must raise a RenderError whose field is that
        block or its marks; declared, the block must be kept or the article
        refused (as in guarantee 4).
        """
        fmt = self._require(_renders)
        block = typical_blocks()[sample]
        kind, is_mark, _ = sample.partition("-mark")
        declared = (
            (kind in fmt.marks and "paragraph" in fmt.blocks) if is_mark else kind in fmt.blocks
        )
        for base in _bases(self):
            article = attrs.evolve(base, body=[Section(blocks=[block])])
            if not declared:
                with pytest.raises(RenderError) as refused:
                    render([article], fmt.name)
                assert refused.value.field.startswith("body[0].blocks[0]"), (
                    f"{fmt.name}: refused {refused.value.field}, not the {sample} block: "
                    f"{refused.value}"
                )
            elif _round_trips(fmt) is None:
                check_refused_or_kept(fmt.name, article)
            else:
                check_renders_or_refuses(fmt.name, article)

    @_applies_if(_round_trips)
    @_drawing
    def test_unrepresentable_is_refused(self, data: st.DataObject) -> None:
        """Guarantee 4 for any valid article, and for one of the strategy's with one field changed.

        Any article at all sets most fields, so a format that refuses many
        refuses it for one of those; half the examples therefore take an
        article of the strategy and change a single field.
        """
        fmt = self._require(_round_trips)
        if data.draw(st.booleans(), label="change one field of the format's own article"):
            article = data.draw(self.strategy(), label="own article")
            name = data.draw(st.sampled_from(ARTICLE_FIELDS), label="field")
            value: Any = data.draw(field_values(name), label=name)
            if name == "meta":
                value = {**article.meta, **value}
            article = attrs.evolve(article, **{name: value})
        else:
            article = data.draw(articles(), label="article")
        check_refused_or_kept(fmt.name, article)

    @_applies_if(_round_trips)
    @_drawing
    def test_inputs_of_every_kind_agree(self, data: st.DataObject) -> None:
        """Text, bytes (with and without BOM), and file objects parse alike."""
        fmt = self._require(_round_trips)
        items = data.draw(st.lists(self.strategy(), min_size=1, max_size=2), label="articles")
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

    @_applies_if(_round_trips)
    @_drawing
    def test_detection_finds_the_format(self, data: st.DataObject) -> None:
        """Check that detection on the format's own output gives the same articles."""
        fmt = self._require(_round_trips)
        items = data.draw(st.lists(self.strategy(), min_size=1, max_size=2), label="articles")
        assert parse(render(items, fmt.name)) == items

    @_applies_if(_round_trips)
    @_drawing
    def test_truncated_input_raises_only_newsparse_errors(self, data: st.DataObject) -> None:
        """Cutting the output anywhere gives articles or ParseErrors, alike raised or collected."""
        fmt = self._require(_round_trips)
        items = data.draw(st.lists(self.strategy(), min_size=1, max_size=2), label="articles")
        text = render(items, fmt.name)
        cut = data.draw(st.integers(min_value=0, max_value=len(text)), label="cut")
        check_reported_like_raised(fmt.name, text[:cut])

    @_applies_if(_splits)
    @_drawing
    def test_split_parses_like_the_whole(self, data: st.DataObject) -> None:
        """Check that chunks of the output, with a broken piece in, parse like the whole."""
        fmt = self._require(_splits)
        items = data.draw(st.lists(self.strategy(), max_size=4), label="articles")
        text = render(items, fmt.name)
        if items:  # the start of one of the articles, between two lines
            broken = render([data.draw(st.sampled_from(items), label="broken")], fmt.name)
            broken = broken[: data.draw(st.integers(0, len(broken)), label="cut")] + "\n"
            lines = text.splitlines(keepends=True)
            at = data.draw(st.integers(0, len(lines)), label="at line")
            text = "".join(lines[:at]) + broken + "".join(lines[at:])
        size = data.draw(st.integers(min_value=1, max_value=200), label="size")
        check_split(fmt.name, text, size)

    @_applies_if(_cuts)
    @_drawing
    def test_cut_points_parse_like_the_whole(self, data: st.DataObject) -> None:
        """Check that the byte cuts in a window of the output, with a broken piece in, are clean."""
        fmt = self._require(_cuts)
        items = data.draw(st.lists(self.strategy(), max_size=5), label="articles")
        text = render(items, fmt.name)
        if items:  # the start of one of the articles, between two lines
            broken = render([data.draw(st.sampled_from(items), label="broken")], fmt.name)
            broken = broken[: data.draw(st.integers(0, len(broken)), label="cut")] + "\n"
            lines = text.splitlines(keepends=True)
            at = data.draw(st.integers(0, len(lines)), label="at line")
            text = "".join(lines[:at]) + broken + "".join(lines[at:])
        encoded = text.encode("utf-8")
        start = data.draw(st.integers(0, len(encoded)), label="window start")
        end = data.draw(st.integers(start, len(encoded)), label="window end")
        check_cut_points(fmt.name, encoded, start, end)

    @_applies_if(_renders)
    @_drawing
    def test_renders_any_article_or_refuses(self, data: st.DataObject) -> None:
        """Check that any valid article renders to non-empty text or is refused naming a field."""
        fmt = self._require(_renders)
        check_renders_or_refuses(fmt.name, data.draw(articles(), label="article"))
