"""Rendering errors that say what is wrong, where, and the explicit way to drop what a format lacks.

Issue 18, items 7 and 10: a :class:`~newsparse.RenderError` names the field
(a path), says whether a required value is missing, and names the article
(index and title) and, through :func:`newsparse.convert`, the input;
``on_drop`` / :func:`newsparse.fit` drop only on request and report every
dropped field; arguments of the wrong kind are a :class:`TypeError` that says
what was expected.
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import newsparse
from newsparse import Article, DroppedField, Image, RenderError, Section
from newsparse._dropping import field_path
from newsparse.testing import articles

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "examples" / "aawsat-seed.txt"
EXAMPLE_JSON = REPO / "examples" / "article.json"
SEED_TITLES = (
    "Khamenei Raises Doubts on Negotiations with the West",
    "Washington-Tehran Nuclear Talks Postponed as Iran Reasserts Red Lines",
)


def need(*names: str) -> None:
    missing = [name for name in names if name not in newsparse.formats()]
    if missing:
        pytest.skip(f"the plugins of {', '.join(missing)} are not installed")


@pytest.fixture
def seed() -> list[Article]:
    need("tt")
    return newsparse.parse(SEED, "tt")


# -- RenderError ---------------------------------------------------------------


def test_render_error_keeps_every_part_through_pickle() -> None:
    error = RenderError(
        "ninjs", "images[2].url", "needed", missing=True, index=3, title="Rain", source="d.jsonl"
    )
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is RenderError
    parts = ("format", "field", "reason", "missing", "index", "title", "source")
    assert [getattr(copy, name) for name in parts] == [getattr(error, name) for name in parts]
    assert str(copy) == str(error)
    assert str(error) == (
        "d.jsonl: article 4 (\"Rain\"): format 'ninjs' requires a value for images[2].url: needed"
    )


def test_a_long_title_is_shown_on_one_line_and_clipped() -> None:
    error = RenderError("tt", "url", "no place", index=0, title="A  very\nlong " + "word " * 20)
    shown = str(error).split('"')[1]
    assert shown.startswith("A very long word word")
    assert shown.endswith("…")
    assert len(shown) == 50


def test_a_format_sets_the_article_once() -> None:
    error = RenderError("tt", "url", "no place").with_article(2, "Inner")
    assert error.with_article(0, "Outer") is error
    assert (error.index, error.title) == (2, "Inner")


# -- the real cases ------------------------------------------------------------


def test_the_seed_converts_to_nitf_keeping_its_tt_number(seed: list[Article]) -> None:
    """NITF holds a key it has no element for as a head/meta: nothing is refused or dropped."""
    need("nitf")
    dropped: list[DroppedField] = []
    text = newsparse.convert(SEED, "nitf", on_drop=dropped.append)
    assert dropped == []
    assert newsparse.parse(text, "nitf") == seed


def test_a_conversion_on_request_lists_each_dropped_field_with_its_input(
    seed: list[Article], tmp_path: Path
) -> None:
    need("ninjs")
    dump = tmp_path / "seed.jsonl"
    addressed = [attrs.evolve(a, url=f"https://aawsat.example/{n}") for n, a in enumerate(seed)]
    dump.write_text(newsparse.render(addressed, "jsonl"), encoding="utf-8")
    dropped: list[DroppedField] = []
    text = newsparse.convert(dump, "ninjs", on_drop=dropped.append)
    assert [(d.index, d.title, d.field, d.source) for d in dropped] == [
        (0, SEED_TITLES[0], "images[0]", str(dump)),
        (0, SEED_TITLES[0], "meta['tt.number']", str(dump)),
        (1, SEED_TITLES[1], "images[0]", str(dump)),
        (1, SEED_TITLES[1], "meta['tt.number']", str(dump)),
    ]
    assert str(dropped[3]).startswith(
        f'{dump}: article 2 ("Washington-Tehran Nuclear Talks Postponed as Iran…"): '
        "dropped meta['tt.number'] ('20'): format 'ninjs' cannot represent meta['tt.number']: "
    )
    # Nothing but the images without an address and the number went.
    assert newsparse.parse(text, "ninjs") == [
        attrs.evolve(a, meta={}, images=()) for a in addressed
    ]


def test_an_image_without_url_is_a_missing_value_for_ninjs() -> None:
    need("ninjs")
    article = Article(
        title="Gallery", url="https://example.com/g", images=[Image(caption="Harbour at dawn")]
    )
    with pytest.raises(RenderError) as caught:
        newsparse.render([article], "ninjs")
    assert (caught.value.field, caught.value.missing) == ("images[0].url", True)
    assert "format 'ninjs' requires a value for images[0].url: " in str(caught.value)
    assert "cannot represent" not in str(caught.value)


def test_images_without_url_are_dropped_whole_and_named_by_their_first_index() -> None:
    need("ninjs")
    kept = [Image(url="https://example.com/a.jpg"), Image(url="https://example.com/c.jpg")]
    article = Article(
        title="Gallery",
        url="https://example.com/g",
        images=[kept[0], Image(caption="b"), kept[1], Image(caption="d", credit="AFP")],
    )
    dropped: list[DroppedField] = []
    text = newsparse.render([article], "ninjs", on_drop=dropped.append)
    assert [(d.field, d.value) for d in dropped] == [
        ("images[1]", Image(caption="b")),
        ("images[3]", Image(caption="d", credit="AFP")),
    ]
    assert dropped[1].reason.startswith("format 'ninjs' requires a value for images[3].url: ")
    assert newsparse.parse(text, "ninjs") == [attrs.evolve(article, images=kept)]


def test_what_cannot_be_dropped_stays_an_error_with_the_opt_in() -> None:
    need("ninjs")
    article = Article(title="No address", images=[Image(caption="c")])
    dropped: list[DroppedField] = []
    fine = Article(title="x", url="https://e.com/x")
    with pytest.raises(RenderError) as caught:
        newsparse.render([fine, article], "ninjs", on_drop=dropped.append)
    assert (caught.value.field, caught.value.missing) == ("url", True)
    assert (caught.value.index, caught.value.title) == (1, "No address")
    assert dropped == []  # the article url is checked first: nothing was dropped before it


@pytest.mark.parametrize(
    ("source", "target", "refused", "left"),
    [
        ("seed", "ninjs", "url", "url"),
        ("seed", "newsml-g2", "meta['newsml-g2.guid']", "meta['newsml-g2.guid']"),
        ("json", "tt", "authors", "meta['tt.number']"),
    ],
)
def test_the_whole_set_of_real_conversions(
    source: str, target: str, refused: str, left: str | None
) -> None:
    """Without the opt-in each is refused; with it, what remains is a missing required value."""
    need("tt", target)
    path = SEED if source == "seed" else EXAMPLE_JSON
    with pytest.raises(RenderError) as caught:
        newsparse.convert(path, target)
    assert (caught.value.field, caught.value.index, caught.value.source) == (refused, 0, str(path))
    dropped: list[DroppedField] = []
    if left is None:
        newsparse.convert(path, target, on_drop=dropped.append)
    else:
        with pytest.raises(RenderError) as caught:
            newsparse.convert(path, target, on_drop=dropped.append)
        assert (caught.value.field, caught.value.missing) == (left, True)
        assert "requires a value for" in str(caught.value)
    assert all(d.source == str(path) and d.format == target for d in dropped)
    if refused != left:
        assert dropped[0].field == refused


# -- fit -------------------------------------------------------------------------


def test_fit_returns_an_accepted_article_unchanged() -> None:
    need("tt")
    article = Article(title="Quake", meta={"tt.number": "20"})
    assert newsparse.fit(article, "tt") == (article, ())


def test_fit_drops_each_refused_part_and_nothing_else() -> None:
    need("tt")
    when = datetime(2025, 5, 6, 12, 0, tzinfo=timezone.utc)
    article = Article(
        title="Quake",
        body=[Section(paragraphs=["It shook."])],
        images=[Image(url="https://e.com/q.jpg", alt="Rubble", caption="Rubble in Van")],
        authors=["A. Writer"],
        published=when,
        topics=["Turkey"],
        meta={"tt.number": "20", "x.desk": "world"},
    )
    fitted, dropped = newsparse.fit(article, "tt")
    assert [(d.field, d.value) for d in dropped] == [
        ("authors", ("A. Writer",)),
        ("topics", ("Turkey",)),
        ("published", when),
        ("meta['x.desk']", "world"),
        ("images[0].url", "https://e.com/q.jpg"),
    ]
    assert fitted == Article(
        title="Quake",
        body=article.body,
        images=[Image(alt="Rubble", caption="Rubble in Van")],
        meta={"tt.number": "20"},
    )
    assert str(dropped[2]) == (
        'article ("Quake"): dropped published (2025-05-06T12:00:00+00:00): '
        "format 'tt' cannot represent published: TT text has no place for it"
    )


def test_fit_refuses_what_names_no_droppable_part() -> None:
    need("tt")
    headed = Article(
        title="Quake", body=[Section(heading="H", paragraphs=["p"])], meta={"tt.number": "1"}
    )
    with pytest.raises(RenderError) as caught:
        newsparse.fit(headed, "tt")
    assert caught.value.field == "body[0].heading"
    assert str(caught.value).startswith("article (\"Quake\"): format 'tt' cannot represent ")


@pytest.mark.parametrize(
    ("field", "path"),
    [
        ("title", ("title",)),
        ("images[12].url", ("images", 12, "url")),
        ("body[0].paragraphs[3]", ("body", 0, "paragraphs", 3)),
        ("meta['tt.number']", ("meta", "tt.number")),
        ('meta["it\'s"]', ("meta", "it's")),
        ("summary (paragraph 2)", None),
        ("images[x]", None),
    ],
)
def test_field_paths_are_read_as_python_syntax(
    field: str, path: tuple[str | int, ...] | None
) -> None:
    assert field_path(field) == path


# -- nothing is ever dropped without the opt-in ----------------------------------

LOSSLESS_TARGETS = ["tt", "nitf", "ninjs", "newsml-g2"]


@pytest.mark.parametrize("target", LOSSLESS_TARGETS)
@settings(max_examples=60, deadline=None)
@given(article=articles())
def test_every_drop_is_a_refusal_without_the_opt_in(target: str, article: Article) -> None:
    need(target)
    try:
        text = newsparse.render([article], target)
    except RenderError as error:
        refusal: RenderError | None = error
    else:
        refusal = None
    try:
        fitted, dropped = newsparse.fit(article, target)
    except RenderError:
        assert refusal is not None  # what fit cannot fix, render refuses too
        return
    if refusal is None:
        assert (fitted, dropped) == (article, ())
        assert newsparse.render([fitted], target) == text
        return
    # Render refused what fit dropped: the first drop is exactly that refusal.
    assert dropped
    assert dropped[0].reason == refusal.problem
    # The title is never touched, nor the body unless a block or mark was
    # refused (it is flattened then, never dropped: see test_blocks.py);
    # what is left is accepted and reads back unchanged.
    assert fitted.title == article.title
    if not any(note.field.startswith("body") for note in dropped):
        assert fitted.body == article.body
    assert newsparse.parse(newsparse.render([fitted], target), target) == [fitted]


# -- the lossy opt-in through render_to ------------------------------------------


def test_on_drop_receives_the_position_in_the_render_call() -> None:
    need("tt")
    number = {"tt.number": "1"}
    items = [Article(title="A", meta=number), Article(title="B", url="https://e.com", meta=number)]
    dropped: list[DroppedField] = []
    out = io.StringIO()
    newsparse.render_to(iter(items), "tt", out, on_drop=dropped.append)
    assert [(d.index, d.title, d.field) for d in dropped] == [(1, "B", "url")]
    assert newsparse.parse(out.getvalue(), "tt") == [items[0], attrs.evolve(items[1], url=None)]


def test_dropped_field_pickles() -> None:
    note = DroppedField("nitf", "images[1]", Image(caption="c"), "why", index=1, title="T")
    assert pickle.loads(pickle.dumps(note)) == note


# -- arguments of the wrong kind ---------------------------------------------------


def test_render_to_a_binary_stream_is_a_type_error_not_a_plugin_error() -> None:
    with pytest.raises(TypeError, match=r"binary stream \(a BytesIO\).*io\.TextIOWrapper"):
        newsparse.render_to([Article(title="A")], "jsonl", io.BytesIO())  # type: ignore[arg-type]


def test_render_to_a_file_opened_in_binary_mode_is_a_type_error(tmp_path: Path) -> None:
    with (tmp_path / "out").open("wb") as out, pytest.raises(TypeError, match="binary stream"):
        newsparse.render_to([Article(title="A")], "jsonl", out)  # type: ignore[arg-type]


def _swapped() -> Iterator[tuple[str, object]]:
    items = [Article(title="A")]
    out = io.StringIO()
    yield "a StringIO", lambda: newsparse.render_to(items, out, "json")  # type: ignore[arg-type]
    yield "a StringIO", lambda: newsparse.get_format(out)  # type: ignore[arg-type]
    yield "a StringIO", lambda: newsparse.parse('{"title": "A"}', out)  # type: ignore[arg-type]
    yield "a list", lambda: newsparse.render(items, items)  # type: ignore[arg-type]
    yield r"not a str \('json'\)", lambda: newsparse.render("json", items)  # type: ignore[arg-type]
    yield "not a StringIO; to render", lambda: newsparse.render(out, "json")  # type: ignore[arg-type]
    yield "not a dict", lambda: newsparse.render({"title": "A"}, "json")  # type: ignore[dict-item]
    yield "not an int", lambda: newsparse.render(5, "json")  # type: ignore[arg-type]
    yield "not a list", lambda: newsparse.render_to(items, "json", [])  # type: ignore[arg-type]
    yield "not a bool", lambda: newsparse.render(items, "json", on_drop=True)  # type: ignore[arg-type]
    yield "one Article, not a list", lambda: newsparse.fit(items, "json")  # type: ignore[arg-type]


@pytest.mark.parametrize(("message", "call"), list(_swapped()))
def test_arguments_of_the_wrong_kind_are_type_errors_that_say_what_was_passed(
    message: str, call: object
) -> None:
    assert callable(call)
    with pytest.raises(TypeError, match=message):
        call()


def test_an_unknown_format_name_is_shown_short() -> None:
    with pytest.raises(newsparse.UnknownFormatError) as caught:
        newsparse.get_format("{" + "x" * 500 + "}")
    assert len(str(caught.value).split(";")[0]) < 90


@pytest.mark.parametrize("format_name", ["json", "html", "markdown"])
def test_a_list_nested_past_the_recursion_limit_is_a_render_error(format_name: str) -> None:
    # Found with nested lists in NITF: 1,200 levels made every format fail
    # with a PluginError (a RecursionError in the core's checks), not a
    # refusal naming the article.
    nested = newsparse.ListBlock(items=[newsparse.ListItem(text="leaf")])
    for level in range(1200):
        nested = newsparse.ListBlock(
            items=[newsparse.ListItem(text=f"level {level}", sublist=nested)]
        )
    article = newsparse.Article(title="Deep", body=[newsparse.Section(blocks=[nested])])
    with pytest.raises(newsparse.RenderError, match="nests too deep") as caught:
        newsparse.render([article], format_name)
    assert caught.value.index == 0
    assert not isinstance(caught.value, newsparse.PluginError)
