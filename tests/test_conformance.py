"""The conformance kit: every built-in format passes it, and broken formats fail it.

The broken formats below write one JSON object per line, like a plugin an
author might write in an afternoon, and each loses one field without a
:class:`~newsparse.RenderError`.  The kit must fail each of them, every run,
naming the field; an honest twin that refuses the same field must pass.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any, ClassVar, TextIO

import attrs
import pytest
from hypothesis import Phase, settings
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

import newsparse
from newsparse import Article, Format, Image, ParseError, RenderError, Section, hookimpl
from newsparse import _format as format_module
from newsparse._format import ParseItem
from newsparse._formats import examples
from newsparse._plugins import registered
from newsparse._registry import FormatRegistry
from newsparse._textio import TextStream
from newsparse.testing import (
    FormatConformance,
    check_renders_or_refuses,
    check_reported_like_raised,
    datetimes,
    field_samples,
    images,
    sparse_articles,
    texts,
    typical_blocks,
    with_sample,
)
from newsparse.testing import _conformance as conformance
from newsparse.testing import _fields as kit_fields

pytest_plugins = ["pytester"]


class TestJson(FormatConformance):
    format_name = "json"
    canonical_examples = examples.JSON_CANONICAL
    accepted_examples = examples.JSON_ACCEPTED


class TestJsonLines(FormatConformance):
    format_name = "jsonl"
    canonical_examples = examples.JSONL_CANONICAL
    accepted_examples = examples.JSONL_ACCEPTED


class TestText(FormatConformance):
    format_name = "text"


class TestMarkdown(FormatConformance):
    format_name = "markdown"


class TestHtml(FormatConformance):
    format_name = "html"
    canonical_examples = examples.HTML_CANONICAL
    accepted_examples = examples.HTML_ACCEPTED


# -- formats made to fail ------------------------------------------------------


def _image_data(image: Image, fields: Iterable[str]) -> dict[str, str]:
    return {name: getattr(image, name) for name in fields if getattr(image, name) is not None}


class LineJson(Format):
    """One JSON object per line with the fields in :attr:`keeps`.

    It refuses every other field except those in :attr:`drops`, which it
    leaves out without a word: the defect the kit must find.
    """

    label = "Kit test format"
    keeps: ClassVar[tuple[str, ...]] = ("title",)
    drops: ClassVar[tuple[str, ...]] = ()
    image_fields: ClassVar[tuple[str, ...]] = ("url", "alt", "caption", "credit")

    def sniff(self, sample: str) -> float:
        return 1.0 if sample.startswith(json.dumps({"kit": self.name})[:-1]) else 0.0

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                data.pop("kit")
                if "images" in data:
                    data["images"] = [Image(**image) for image in data["images"]]
                if "published" in data:
                    data["published"] = datetime.fromisoformat(data["published"])
                yield Article(**data)
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                # ValidationError is a ValueError
                yield ParseError(str(error), format=self.name, source=source, line=number)

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        lines = []
        for article in articles:
            data: dict[str, Any] = {"kit": self.name}
            for field in attrs.fields(Article):
                value = getattr(article, field.name)
                if value in (None, (), {}) or field.name in self.drops:
                    continue
                if field.name not in self.keeps:
                    raise RenderError(self.name, field.name, "this format has no place for it")
                if field.name == "images":
                    value = [_image_data(image, self.image_fields) for image in value]
                elif field.name == "published":
                    value = value.isoformat()
                data[field.name] = value
            lines.append(json.dumps(data, ensure_ascii=False) + "\n")
        out.write("".join(lines))


class DropsPublished(LineJson):
    """Keeps the title and authors; leaves out ``published`` (the issue's case)."""

    name = "kit-drops-published"
    keeps: ClassVar[tuple[str, ...]] = ("title", "authors")
    drops: ClassVar[tuple[str, ...]] = ("published",)


class KeepsPublished(DropsPublished):
    """The honest twin of :class:`DropsPublished`: it keeps ``published``."""

    name = "kit-keeps-published"
    keeps = ("title", "authors", "published")
    drops = ()


class RefusesPublished(DropsPublished):
    """The other honest twin of :class:`DropsPublished`: it refuses ``published``."""

    name = "kit-refuses-published"
    drops = ()


class DropsImageCredit(LineJson):
    """Keeps images but leaves out their credit."""

    name = "kit-drops-credit"
    keeps = ("title", "images")
    image_fields = ("url", "alt", "caption")


class DropsMeta(LineJson):
    """Keeps the title only, and leaves out ``meta``."""

    name = "kit-drops-meta"
    drops = ("meta",)


class Plugin:
    """Registers the formats above."""

    @hookimpl
    def newsparse_register_formats(self, registry: FormatRegistry) -> None:
        for kind in (DropsPublished, KeepsPublished, RefusesPublished, DropsImageCredit, DropsMeta):
            registry.add(kind())


@pytest.fixture
def kit_formats() -> Iterator[None]:
    """Register the formats of this module for one test."""
    with registered(Plugin(), name="kit-test-formats"):
        yield


def _with_authors() -> SearchStrategy[Article]:
    return sparse_articles(authors=st.lists(texts(single_line=True), max_size=2, unique=True))


def _with_authors_and_date() -> SearchStrategy[Article]:
    return _with_authors().flatmap(
        lambda article: st.builds(attrs.evolve, st.just(article), published=datetimes())
    )


def _uncredited_images() -> SearchStrategy[Article]:
    uncredited = images().filter(lambda image: image.credit is None)
    return sparse_articles(images=st.lists(uncredited, max_size=2))


KIT_STRATEGIES: dict[str, Callable[[], SearchStrategy[Article]]] = {
    "kit-drops-published": _with_authors,
    "kit-keeps-published": _with_authors_and_date,
    "kit-refuses-published": _with_authors,
    "kit-drops-credit": _uncredited_images,
}
"""What each kit format represents exactly (``sparse_articles`` for the others)."""

KIT_CANONICAL = {
    "kit-refuses-published": (
        '{"kit": "kit-refuses-published", "title": "Rain", "authors": ["A. Writer"]}\n',
    ),
}
"""The hand-written canonical examples of the kit formats that have some."""


def _conformance(format_name: str) -> type[FormatConformance]:
    """Return a conformance class for ``format_name``, made while it is registered."""

    def strategy(self: FormatConformance) -> SearchStrategy[Article]:
        del self
        return KIT_STRATEGIES.get(format_name, sparse_articles)()

    members = {
        "format_name": format_name,
        "strategy": strategy,
        "canonical_examples": KIT_CANONICAL.get(format_name, ()),
    }
    return type("Checks", (FormatConformance,), members)


def _per_field_failures(format_name: str) -> dict[str, str]:
    """Run the kit's per-field check on every sample; return the failures by sample id."""
    checks = _conformance(format_name)()
    failures = {}
    for sample in field_samples():
        try:
            checks.test_each_field_is_kept_or_refused(sample)
        except AssertionError as error:
            failures[sample.id] = str(error)
    return failures


PUBLISHED_IDS = {
    "published-utc",
    "published-offset",
    "published-offset-seconds",
    "published-negative-offset-microseconds",
}


@pytest.mark.usefixtures("kit_formats")
def test_the_kit_names_a_dropped_published_date() -> None:
    failures = _per_field_failures("kit-drops-published")
    assert set(failures) == PUBLISHED_IDS
    assert (
        "published: sent datetime.datetime(2025, 4, 29, 6, 30, tzinfo=datetime.timezone.utc),"
        " parsed back None"
    ) in failures["published-utc"]
    assert "rendered without a RenderError but lost data" in failures["published-offset"]


@pytest.mark.usefixtures("kit_formats")
def test_the_kit_names_a_dropped_image_credit() -> None:
    failures = _per_field_failures("kit-drops-credit")
    assert set(failures) == {"Image.credit-alone", "Image.credit-with-url", "images-two-images"}
    assert "images[0].credit: sent 'AFP', parsed back None" in failures["Image.credit-with-url"]
    assert "images[1].credit: sent 'AFP', parsed back None" in failures["images-two-images"]
    # An image with only a credit comes back with nothing in it, which does not parse.
    assert "its own output does not parse" in failures["Image.credit-alone"]
    assert "credit='AFP'" in failures["Image.credit-alone"]


@pytest.mark.usefixtures("kit_formats")
def test_the_kit_names_dropped_meta() -> None:
    failures = _per_field_failures("kit-drops-meta")
    assert set(failures) == {"meta-one-key", "meta-empty-value"}
    assert "meta['kit.note']: sent 'a value', parsed back nothing" in failures["meta-one-key"]
    assert "meta['kit.empty']: sent '', parsed back nothing" in failures["meta-empty-value"]


@pytest.mark.usefixtures("kit_formats")
@pytest.mark.parametrize("format_name", ["kit-keeps-published", "kit-refuses-published"])
def test_formats_that_keep_or_refuse_pass_every_field(format_name: str) -> None:
    assert _per_field_failures(format_name) == {}


@pytest.mark.usefixtures("kit_formats")
def test_the_random_check_changes_one_field_of_the_formats_own_articles() -> None:
    """Articles of any kind almost never reach the dropped field; one changed field does."""
    checks = _conformance("kit-drops-published")
    # Derandomized: the draws depend on the check's code.  About one in 24
    # examples changes ``published``; 500 leave a wide margin (300 are enough today).
    no_shrinking = settings(
        derandomize=True, database=None, max_examples=500, deadline=None, phases=[Phase.generate]
    )
    test = no_shrinking(checks.test_unrepresentable_is_refused)
    with pytest.raises(AssertionError, match=r"\n  published: sent datetime"):
        test(checks())


def test_every_field_of_the_model_has_samples() -> None:
    fields = {sample.field for sample in field_samples()}
    assert {field.name for field in attrs.fields(Article)} <= fields
    assert {f"images[0].{field.name}" for field in attrs.fields(Image)} <= fields
    assert {f"body[0].{field.name}" for field in attrs.fields(Section)} <= fields
    assert [sample.id for sample in field_samples() if sample.problem] == []
    ids = [sample.id for sample in field_samples()]
    assert len(ids) == len(set(ids))


def test_each_sample_sets_just_its_field() -> None:
    bare = Article(title="Kit article")
    for sample in field_samples():
        changed = {
            field.name
            for field in attrs.fields(Article)
            if getattr(with_sample(bare, sample), field.name) != getattr(bare, field.name)
        }
        assert changed == {sample.field.split("[")[0]}, sample.id


def test_meta_samples_keep_the_articles_own_keys() -> None:
    [sample] = [sample for sample in field_samples() if sample.id == "meta-one-key"]
    article = with_sample(Article(title="A", meta={"tt.number": "7"}), sample)
    assert dict(article.meta) == {"tt.number": "7", "kit.note": "a value"}


def test_a_field_without_a_listed_value_gets_one_from_its_type(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    listed = {key: value for key, value in kit_fields._ARTICLE_VALUES.items() if key != "publisher"}
    monkeypatch.setattr(kit_fields, "_ARTICLE_VALUES", listed)
    samples = kit_fields.field_samples.__wrapped__()
    [publisher] = [sample for sample in samples if sample.field == "publisher"]
    assert (publisher.id, dict(publisher.changes)) == (
        "publisher-typical",
        {"publisher": "Sample text"},
    )


# -- which checks a class collects -----------------------------------------------


def _collected(cls: type[FormatConformance]) -> set[str]:
    return {
        name for name in dir(cls) if name.startswith("test_") and getattr(cls, name) is not None
    }


ROUND_TRIP_CHECKS = {
    "test_accepted_inputs_are_stable",
    "test_blocks_are_kept_or_refused_as_declared",
    "test_canonical_examples",
    "test_detection_finds_the_format",
    "test_each_field_is_kept_or_refused",
    "test_inputs_of_every_kind_agree",
    "test_output_is_canonical",
    "test_renders_any_article_or_refuses",
    "test_round_trips_lists",
    "test_round_trips_one_article",
    "test_truncated_input_raises_only_newsparse_errors",
    "test_unrepresentable_is_refused",
}


def test_a_format_that_does_not_split_has_no_split_check() -> None:
    assert _collected(TestJson) == ROUND_TRIP_CHECKS
    # jsonl splits, and says where it can be cut: both checks apply.
    assert _collected(TestJsonLines) == ROUND_TRIP_CHECKS | {
        "test_split_parses_like_the_whole",
        "test_cut_points_parse_like_the_whole",
    }


def test_a_view_has_only_the_render_checks() -> None:
    expected = {
        "test_blocks_are_kept_or_refused_as_declared",
        "test_each_field_is_kept_or_refused",
        "test_renders_any_article_or_refuses",
    }
    assert _collected(TestText) == expected


def test_a_format_registered_later_gets_every_check_and_skips_what_does_not_apply() -> None:
    later = _conformance("kit-drops-meta")  # not registered yet
    assert "test_split_parses_like_the_whole" in _collected(later)
    with (
        registered(Plugin(), name="kit-test-formats"),
        pytest.raises(pytest.skip.Exception) as caught,
    ):
        later().test_split_parses_like_the_whole()
    assert "'kit-drops-meta' does not split its input" in str(caught.value)
    assert "registered too late" in str(caught.value)


class ParseOnly(Format):
    name = "kit-parse-only"
    label = "Parse-only"

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        del stream, source
        yield from ()


@pytest.mark.usefixtures("kit_formats")
def test_a_parse_only_format_says_that_nothing_applies() -> None:
    class ParseOnlyPlugin:
        @hookimpl
        def newsparse_register_formats(self, registry: FormatRegistry) -> None:
            registry.add(ParseOnly())

    with registered(ParseOnlyPlugin(), name="kit-parse-only"):
        checks = _conformance("kit-parse-only")
    assert _collected(checks) == {"test_nothing_to_check"}
    with pytest.raises(pytest.skip.Exception, match="'kit-parse-only' is parse-only"):
        checks().test_nothing_to_check()  # type: ignore[attr-defined]


def test_a_check_the_class_writes_itself_is_kept() -> None:
    class Own(FormatConformance):
        format_name = "json"

        def test_split_parses_like_the_whole(self) -> None:
            """The author's own version."""

    assert Own.__dict__["test_split_parses_like_the_whole"] is not None


def test_every_check_is_written_out_by_name() -> None:
    """``grep "def test_"`` on the kit lists every check a class can collect."""
    source = inspect.getsource(conformance)
    written = set(re.findall(r"^    def (test_\w+)\(self", source, re.MULTILINE))
    checks = ROUND_TRIP_CHECKS | {"test_split_parses_like_the_whole"}
    # The one test a class gets when no check applies is written out too, and
    # the byte-cut check, which jsonl needs (tt and nitf do too).
    cuts = {"test_cut_points_parse_like_the_whole"}
    assert written == checks | {"test_nothing_to_check"} | cuts
    assert _collected(TestJsonLines) == checks | cuts


def test_the_format_contract_carries_nothing_only_tests_need() -> None:
    test_only = {"strategy", "canonical_examples", "accepted_examples"}
    assert test_only.isdisjoint(dir(Format))
    for name, fmt in newsparse.formats().items():
        assert test_only.isdisjoint(dir(fmt)), name
    source = inspect.getsource(format_module)
    assert "newsparse.testing" not in source
    assert "hypothesis" not in source


def test_the_class_gives_the_examples() -> None:
    class Checks(FormatConformance):
        format_name = "json"
        canonical_examples = ("[ ]\n",)  # valid, but render writes "[]\n"

    with pytest.raises(AssertionError, match=r"json: render\(parse\(x\)\) != x"):
        Checks().test_canonical_examples()


def test_the_class_gives_the_strategy() -> None:
    drawn: list[Article] = []

    def record(article: Article) -> Article:
        drawn.append(article)
        return article

    class Checks(FormatConformance):
        format_name = "json"

        def strategy(self) -> SearchStrategy[Article]:
            return st.builds(Article, title=st.sampled_from(["Rain", "Snow"])).map(record)

    Checks().test_round_trips_one_article()
    assert drawn
    assert {article.title for article in drawn} <= {"Rain", "Snow"}
    assert all(article == Article(title=article.title) for article in drawn)


# -- pytest's own report ---------------------------------------------------------


def _run(pytester: pytest.Pytester, format_name: str, *args: str) -> pytest.RunResult:
    """Run pytest on a conformance class for ``format_name``, with few examples per check."""
    profile = settings.get_current_profile_name()
    settings.register_profile("kit-few", max_examples=10, deadline=None, database=None)
    pytester.makepyfile(
        test_kit=(
            "from hypothesis import strategies as st\n"
            "from newsparse.testing import FormatConformance, sparse_articles, texts\n\n"
            f"class TestKit(FormatConformance):\n    format_name = {format_name!r}\n"
            f"    canonical_examples = {KIT_CANONICAL.get(format_name, ())!r}\n\n"
            "    def strategy(self):\n"
            "        authors = st.lists(texts(single_line=True), max_size=2, unique=True)\n"
            "        return sparse_articles(authors=authors)\n"
        )
    )
    try:
        with registered(Plugin(), name="kit-test-formats"):
            return pytester.runpytest_inprocess(
                "-p", "no:randomly", "-p", "no:cacheprovider", "--hypothesis-profile=kit-few", *args
            )
    finally:
        settings.load_profile(profile)


def test_pytest_fails_the_dropped_field_by_name(pytester: pytest.Pytester) -> None:
    result = _run(pytester, "kit-drops-published", "-k", "each_field", "-rf")
    result.assert_outcomes(passed=len(field_samples()) - 4, failed=4)
    result.stdout.fnmatch_lines(
        ["FAILED test_kit.py::TestKit::test_each_field_is_kept_or_refused[[]published-utc[]]*"]
    )


def test_pytest_passes_an_honest_format_without_skips(pytester: pytest.Pytester) -> None:
    result = _run(pytester, "kit-refuses-published")
    # Two checks are parametrized: one test per field sample, one per typical block.
    per_sample = len(field_samples()) + len(typical_blocks())
    result.assert_outcomes(passed=len(ROUND_TRIP_CHECKS) - 2 + per_sample)


# -- the checks themselves -------------------------------------------------------


class Blank(Format):
    """A view that renders nothing at all, or refuses naming no field."""

    name = "kit-blank"
    label = "Blank"
    lossy = True

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        for article in articles:
            if article.images:
                raise RenderError(self.name, "Image.url", "no pictures")
            if article.summary:
                raise RenderError(self.name, "summary (paragraph 1)", "no summaries")
        out.write("\n")


class Misplaced(LineJson):
    """Reports a bad line one line further down than it is."""

    name = "kit-misplaced"

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        for item in super().parse(stream, source):
            if isinstance(item, ParseError):
                item.line += 1
            yield item


@pytest.fixture
def broken_checks() -> Iterator[None]:
    class BrokenPlugin:
        @hookimpl
        def newsparse_register_formats(self, registry: FormatRegistry) -> None:
            registry.add(Blank())
            registry.add(Misplaced())

    with registered(BrokenPlugin(), name="kit-broken-checks"):
        yield


@pytest.mark.usefixtures("broken_checks")
def test_a_view_must_render_something() -> None:
    with pytest.raises(AssertionError, match="kit-blank: rendered Article"):
        check_renders_or_refuses("kit-blank", Article(title="Rain"))


@pytest.mark.usefixtures("broken_checks")
def test_a_refusal_must_name_a_field_of_the_article() -> None:
    not_a_path = r"names 'Image\.url', which is no path into an Article"
    with pytest.raises(AssertionError, match=not_a_path):
        check_renders_or_refuses("kit-blank", Article(title="Rain", images=[Image(alt="Sky")]))
    with pytest.raises(AssertionError, match=r"names 'summary \(paragraph 1\)', which is no path"):
        check_renders_or_refuses("kit-blank", Article(title="Rain", summary="Wet.\n\nVery."))


@pytest.mark.usefixtures("broken_checks")
def test_errors_must_point_inside_the_input() -> None:
    check_reported_like_raised("kit-misplaced", '{"kit": "kit-misplaced", "title": "A"}\n')
    with pytest.raises(AssertionError, match="is past line 2, the last"):
        check_reported_like_raised("kit-misplaced", '{"kit": "kit-misplaced", "title": "A"}\n{')
