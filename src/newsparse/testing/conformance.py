"""The conformance kit: the round-trip guarantees, as checks any format can run.

In a plugin's test suite, one class is enough::

    from newsparse.testing import FormatConformance

    class TestMyFormat(FormatConformance):
        format_name = "myformat"

pytest then runs every check below that applies to the registered format
(installed plugins register themselves; see :func:`newsparse.plugins.registered`
to register one for a test only).  The checks use the format's own
:meth:`~newsparse.Format.strategy` and examples.  Each guarantee is also a
plain function (``check_*``, in :mod:`newsparse.testing.checks`) for use in
hand-written tests.

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
parses to (``test_split_parses_like_the_whole``); for a
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
from collections.abc import Callable
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse.api import get_format, parse, render
from newsparse.errors import NewsparseError
from newsparse.format import Format
from newsparse.model import Article
from newsparse.testing.checks import (
    ARTICLE_FIELDS,
    check_accepted_input,
    check_canonical,
    check_refused_or_kept,
    check_renders_or_refuses,
    check_reported_like_raised,
    check_round_trip,
    check_split,
)
from newsparse.testing.fields import FieldSample, field_samples, with_sample
from newsparse.testing.strategies import articles, field_values

__all__ = [
    "FormatConformance",
    "check_accepted_input",
    "check_canonical",
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


_NEEDS: dict[str, Need] = {}
"""What each check of :class:`FormatConformance` needs, by its method name."""


def _applies_if(need: Need) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Record what the decorated check needs of a format to apply."""

    def record(check: Callable[..., None]) -> Callable[..., None]:
        _NEEDS[check.__name__] = need
        return check

    return record


def _test_name(name: str) -> str:
    return "test_" + name.removeprefix("property_").removeprefix("test_")


def _property_test(name: str) -> Callable[..., None]:
    def test(self: FormatConformance, data: st.DataObject) -> None:
        getattr(self, name)(data)

    test.__name__ = _test_name(name)
    test.__doc__ = getattr(FormatConformance, name).__doc__
    return given(data=st.data())(test)


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


def _bases(fmt: Format) -> list[Article]:
    """Return the articles the per-field check sets each field on.

    A bare article with a title, and the first article of the format's first
    example: a format may need a field the bare article lacks (an
    identifier, say), and would refuse every bare article for it.
    """
    bases = [Article(title="Kit article")]
    for example in (*fmt.canonical_examples(), *fmt.accepted_examples()):
        found = parse(example, fmt.name)
        if found:
            bases.append(found[0])
            break
    return bases


def _require_known(sample: FieldSample) -> None:
    if sample.problem is not None:
        pytest.fail(f"{sample.field}: {sample.problem}", pytrace=False)


class FormatConformance:
    """Base class of a format's conformance tests; set :attr:`format_name`.

    Each ``property_<check>`` method below runs as the Hypothesis test
    ``test_<check>`` of every subclass (drawing its examples from the active
    settings profile); the ``test_*`` methods are plain tests.  Checks that
    do not apply to the format (the parsing checks of a render-only view,
    the split check of a format that does not split) are left out of the
    subclass when the format is registered as pytest collects it; see the
    module's description.
    """

    format_name: ClassVar[str]
    """The name of the format under test."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        # Each subclass gets its own Hypothesis tests, made from the
        # ``property_*`` methods: one test function shared by several classes
        # would trip Hypothesis's differing-executors health check, and
        # settings are left to the profile active when the tests run.  A
        # check that does not apply is set to None, which pytest does not
        # collect; one the subclass writes itself is left alone.
        super().__init_subclass__(**kwargs)
        fmt = _format_known_now(cls)
        reasons: list[str] = []
        for name, need in _NEEDS.items():
            test_name = _test_name(name)
            if test_name in cls.__dict__:
                continue
            reason = need(fmt) if fmt is not None else None
            if reason is not None:
                setattr(cls, test_name, None)
                reasons.append(reason)
            elif name.startswith("property_"):
                setattr(cls, test_name, _property_test(name))
            elif getattr(cls, test_name) is None:  # left out by a base class
                setattr(cls, test_name, getattr(FormatConformance, name))
        if len(reasons) == len(_NEEDS):
            why = "; ".join(sorted(set(reasons)))
            cls.test_nothing_to_check = _nothing_to_check(why)  # type: ignore[attr-defined]

    max_articles: ClassVar[int] = 3
    """The longest article lists the list checks generate."""

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
    def property_round_trips_one_article(self, data: st.DataObject) -> None:
        """Guarantee 1 for single articles from the format's strategy."""
        fmt = self._require(_round_trips)
        check_round_trip(fmt.name, [data.draw(fmt.strategy(), label="article")])

    @_applies_if(_round_trips)
    def property_round_trips_lists(self, data: st.DataObject) -> None:
        """Guarantee 1 for lists of articles (the empty list included)."""
        fmt = self._require(_round_trips)
        items = data.draw(st.lists(fmt.strategy(), max_size=self.max_articles), label="articles")
        check_round_trip(fmt.name, items)

    @_applies_if(_round_trips)
    def property_output_is_canonical(self, data: st.DataObject) -> None:
        """Guarantee 3 for everything the format renders; and joinability, if promised."""
        fmt = self._require(_round_trips)
        items = data.draw(st.lists(fmt.strategy(), max_size=self.max_articles), label="articles")
        text = render(items, fmt.name)
        check_canonical(fmt.name, text)
        if fmt.joinable:
            assert text == "".join(render([item], fmt.name) for item in items), "not joinable"

    @_applies_if(_round_trips)
    def test_canonical_examples(self) -> None:
        """Guarantee 3 for the format's hand-written canonical examples."""
        fmt = self._require(_round_trips)
        examples = list(fmt.canonical_examples())
        if not examples:
            pytest.skip(f"could not check: format {fmt.name!r} provides no canonical examples")
        for example in examples:
            check_canonical(fmt.name, example)

    @_applies_if(_round_trips)
    def test_accepted_inputs_are_stable(self) -> None:
        """Guarantee 2 for the format's canonical and non-canonical examples."""
        fmt = self._require(_round_trips)
        examples = [*fmt.canonical_examples(), *fmt.accepted_examples()]
        if not examples:
            pytest.skip(f"could not check: format {fmt.name!r} provides no examples")
        for example in examples:
            check_accepted_input(fmt.name, example)

    @_applies_if(_renders)
    @pytest.mark.parametrize("sample", field_samples(), ids=str)
    def test_each_field_is_kept_or_refused(self, sample: FieldSample) -> None:
        """Guarantee 4, field by field: an article that sets one field keeps it or is refused.

        The field is set on a bare article and on the first article of the
        format's examples; each must render and parse back equal, or be
        refused with a RenderError naming a field.  For a view that cannot
        be read back, the bare article must render to text or be refused.
        """
        fmt = self._require(_renders)
        _require_known(sample)
        if _round_trips(fmt) is not None:
            check_renders_or_refuses(fmt.name, with_sample(Article(title="Kit article"), sample))
            return
        for base in _bases(fmt):
            check_refused_or_kept(fmt.name, with_sample(base, sample))

    @_applies_if(_round_trips)
    def property_unrepresentable_is_refused(self, data: st.DataObject) -> None:
        """Guarantee 4 for any valid article, and for the format's own with one field changed.

        Any article at all sets most fields, so a format that refuses many
        refuses it for one of those; half the examples therefore take an
        article of the format's strategy and change a single field.
        """
        fmt = self._require(_round_trips)
        if data.draw(st.booleans(), label="change one field of the format's own article"):
            article = data.draw(fmt.strategy(), label="own article")
            name = data.draw(st.sampled_from(ARTICLE_FIELDS), label="field")
            value: Any = data.draw(field_values(name), label=name)
            if name == "meta":
                value = {**article.meta, **value}
            article = attrs.evolve(article, **{name: value})
        else:
            article = data.draw(articles(), label="article")
        check_refused_or_kept(fmt.name, article)

    @_applies_if(_round_trips)
    def property_inputs_of_every_kind_agree(self, data: st.DataObject) -> None:
        """Text, bytes (with and without BOM), and file objects parse alike."""
        fmt = self._require(_round_trips)
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

    @_applies_if(_round_trips)
    def property_detection_finds_the_format(self, data: st.DataObject) -> None:
        """Check that detection on the format's own output gives the same articles."""
        fmt = self._require(_round_trips)
        items = data.draw(st.lists(fmt.strategy(), min_size=1, max_size=2), label="articles")
        assert parse(render(items, fmt.name)) == items

    @_applies_if(_round_trips)
    def property_truncated_input_raises_only_newsparse_errors(self, data: st.DataObject) -> None:
        """Cutting the output anywhere gives articles or ParseErrors, alike raised or collected."""
        fmt = self._require(_round_trips)
        items = data.draw(st.lists(fmt.strategy(), min_size=1, max_size=2), label="articles")
        text = render(items, fmt.name)
        cut = data.draw(st.integers(min_value=0, max_value=len(text)), label="cut")
        check_reported_like_raised(fmt.name, text[:cut])

    @_applies_if(_splits)
    def property_split_parses_like_the_whole(self, data: st.DataObject) -> None:
        """Check that chunks of the output, with a broken piece in, parse like the whole."""
        fmt = self._require(_splits)
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

    @_applies_if(_renders)
    def property_renders_any_article_or_refuses(self, data: st.DataObject) -> None:
        """Check that any valid article renders to non-empty text or is refused naming a field."""
        fmt = self._require(_renders)
        check_renders_or_refuses(fmt.name, data.draw(articles(), label="article"))
