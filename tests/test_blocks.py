"""Structured bodies: the block model, marks, JSON, refusal and flattening, the views."""

from __future__ import annotations

import copy
import json
import pickle
from datetime import datetime, timedelta, timezone

import attrs
import pytest
from hypothesis import given

import newsparse
from newsparse import (
    BLOCK_KINDS,
    MARK_KINDS,
    Article,
    Figure,
    Image,
    ListBlock,
    ListItem,
    LiveEntry,
    Mark,
    Paragraph,
    Preformatted,
    Quote,
    RenderError,
    Section,
    Table,
    TableCell,
    TableRow,
    ValidationError,
)
from newsparse.testing import blocks, typical_blocks

UTC3 = timezone(timedelta(hours=3))
TEXT = "Read the full report now"


def link(start: int, end: int, href: str = "https://example.com/r") -> Mark:
    return Mark(kind="link", start=start, end=end, href=href)


def test_paragraph_sections_keep_working_as_before() -> None:
    section = Section(heading="Results", paragraphs=["One.", "Two."])
    assert section.paragraphs == ("One.", "Two.")
    assert section.blocks == (Paragraph(text="One."), Paragraph(text="Two."))
    assert section == Section(
        heading="Results", blocks=[Paragraph(text="One."), Paragraph(text="Two.")]
    )
    assert hash(section) == hash(Section(heading="Results", paragraphs=["One.", "Two."]))
    article = Article(title="T", body=[section])
    assert article.paragraphs == ("One.", "Two.")
    assert article.text == "Results\n\nOne.\n\nTwo."
    assert article.word_count == 2


def test_a_section_of_plain_texts_behaves_like_one_of_unmarked_paragraphs() -> None:
    # Sections built from texts keep them until `blocks` is read (a speed-up
    # for paragraph-only formats): nothing a user can observe may differ.
    texts = ["One.", "Two words."]
    blocks = [Paragraph(text=text) for text in texts]
    for read_blocks_first in (False, True):
        lazy = Section(heading="H", paragraphs=texts)
        if read_blocks_first:
            assert lazy.blocks == tuple(blocks)
        eager = Section(heading="H", blocks=blocks)
        assert lazy == eager
        assert eager == lazy
        assert hash(lazy) == hash(eager)
        assert repr(lazy) == repr(eager)
        assert lazy.paragraphs == eager.paragraphs == ("One.", "Two words.")
        assert lazy.text == eager.text == "H\n\nOne.\n\nTwo words."
        assert pickle.loads(pickle.dumps(lazy)) == eager
        assert copy.deepcopy(lazy) == eager
        assert attrs.evolve(lazy, heading="G") == Section(heading="G", blocks=blocks)
        assert attrs.asdict(lazy)["blocks"] == attrs.asdict(eager)["blocks"]
    lazy = Section(paragraphs=texts)
    assert lazy.blocks is lazy.blocks  # built once, then kept
    assert type(lazy.blocks) is tuple
    assert all(type(b) is Paragraph for b in lazy.blocks)
    descriptor = Section.__dict__["blocks"]
    assert descriptor.__get__(None, Section) is descriptor  # the class attribute


def test_paragraphs_and_blocks_together_are_refused() -> None:
    with pytest.raises(ValidationError, match="not both"):
        Section(paragraphs=["a"], blocks=[Paragraph(text="b")])


def test_section_paragraphs_give_only_paragraph_blocks_and_text_gives_all() -> None:
    items = ListBlock(items=[ListItem(text="first"), ListItem(text="second")])
    section = Section(blocks=[Paragraph(text="Intro."), items, Figure(image=Image(url="u"))])
    assert section.paragraphs == ("Intro.",)
    assert section.text == "Intro.\n\nfirst\nsecond"
    assert Article(title="T", body=[section]).word_count == 3


@pytest.mark.parametrize(
    ("text", "mark", "problem"),
    [
        (TEXT, Mark(kind="strong", start=4, end=9), "whitespace"),  # " full"
        (TEXT, Mark(kind="strong", start=20, end=30), "ends past the text"),
        ("ab", "not a mark", "must be a Mark"),
    ],
)
def test_bad_marks_are_refused(text: str, mark: object, problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        Paragraph(text=text, marks=[mark])  # type: ignore[list-item]


def test_a_mark_checks_its_own_fields() -> None:
    with pytest.raises(ValidationError, match="one of"):
        Mark(kind="underline", start=0, end=1)
    with pytest.raises(ValidationError, match="needs an href"):
        Mark(kind="link", start=0, end=1)
    with pytest.raises(ValidationError, match="only links"):
        Mark(kind="strong", start=0, end=1, href="https://x")
    with pytest.raises(ValidationError, match="greater than start"):
        Mark(kind="strong", start=3, end=3)
    with pytest.raises(ValidationError, match="int >= 0"):
        Mark(kind="strong", start=True, end=3)


def test_marks_take_one_canonical_form() -> None:
    # "full" (9-13) and "report" (14-20) emphasised, given out of order and
    # overlapping another emphasis: one mark over "full report".
    given_marks = [
        Mark(kind="emphasis", start=14, end=20),
        Mark(kind="emphasis", start=9, end=13),
        Mark(kind="emphasis", start=11, end=16),
    ]
    assert Paragraph(text=TEXT, marks=given_marks).marks == (
        Mark(kind="emphasis", start=9, end=20),
    )
    # Touching links to one target are one link; to two targets, two links.
    assert Paragraph(text="abcd", marks=[link(0, 2), link(2, 4)]).marks == (link(0, 4),)
    two = Paragraph(text="abcd", marks=[link(2, 4, "https://b"), link(0, 2, "https://a")])
    assert two.marks == (link(0, 2, "https://a"), link(2, 4, "https://b"))


def test_overlapping_links_are_refused() -> None:
    with pytest.raises(ValidationError, match="links must not overlap"):
        Paragraph(text="abcdef", marks=[link(0, 4, "https://a"), link(2, 6, "https://b")])


def test_each_block_checks_its_rules() -> None:
    with pytest.raises(ValidationError, match="must not be empty"):
        ListBlock(items=[])
    with pytest.raises(ValidationError, match="needs text, a sublist or both"):
        ListItem()
    with pytest.raises(ValidationError, match="at least one row"):
        Table(caption="Empty")
    with pytest.raises(ValidationError, match="int >= 1"):
        TableCell(text="x", colspan=0)
    with pytest.raises(ValidationError, match="True or False"):
        ListBlock(items=[ListItem(text="a")], ordered=1)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="entries do not nest"):
        LiveEntry(time=datetime(2025, 1, 1, tzinfo=UTC3), blocks=[typical_blocks()["live-entry"]])
    with pytest.raises(ValidationError, match="timezone"):
        LiveEntry(time=datetime(2025, 1, 1), title="Naive")
    with pytest.raises(ValidationError, match="whitespace"):
        Quote(paragraphs=[Paragraph(text="q")], attribution=" me")


def test_preformatted_text_keeps_its_indentation_only() -> None:
    assert Preformatted(text="  x = 1\n    y").text == "  x = 1\n    y"
    for bad in ("\n  x", "x  ", "x\n", ""):
        with pytest.raises(ValidationError):
            Preformatted(text=bad)


def test_every_kind_and_mark_has_a_typical_sample() -> None:
    samples = typical_blocks()
    assert {key for key in samples if not key.endswith("-mark")} == BLOCK_KINDS
    assert {key.removesuffix("-mark") for key in samples if key.endswith("-mark")} == MARK_KINDS
    assert {block.kind for block in samples.values()} == BLOCK_KINDS


# -- JSON --------------------------------------------------------------------


def test_plain_sections_keep_the_old_json_shape() -> None:
    article = Article(title="T", body=[Section(heading="H", paragraphs=["a", "b"])])
    data = newsparse.to_dict(article)
    assert data["body"] == [{"heading": "H", "paragraphs": ["a", "b"]}]


def test_json_of_a_table_and_a_link_reads_back_and_looks_as_documented() -> None:
    table = Table(
        head=[TableRow(cells=[TableCell(text="Team", header=True)])],
        rows=[TableRow(cells=[TableCell(text="Ajax", colspan=2)])],
    )
    article = Article(
        title="T", body=[Section(blocks=[Paragraph(text=TEXT, marks=[link(9, 20)]), table])]
    )
    data = json.loads(newsparse.to_json(article))
    first, second = data["body"][0]["blocks"]
    assert first == {
        "type": "paragraph",
        "text": TEXT,
        "marks": [{"kind": "link", "start": 9, "end": 20, "href": "https://example.com/r"}],
    }
    assert second["type"] == "table"
    assert second["rows"][0]["cells"][0]["colspan"] == 2
    assert newsparse.from_dict(data) == article


def test_json_written_before_blocks_still_reads() -> None:
    # The shape of a section in JSON written by 0.x releases before blocks.
    old = '{"title": "T", "body": [{"heading": null, "paragraphs": ["One.", "Two."]}]}'
    assert newsparse.from_json(old).body[0].paragraphs == ("One.", "Two.")


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ({"type": "nope"}, "unknown block type 'nope'"),
        ({"text": "a"}, "required key 'type' is missing"),
        ({"type": "list", "items": [{"text": "a"}], "ordered": 1}, "expected true or false"),
        (
            {
                "type": "paragraph",
                "text": "a",
                "marks": [{"kind": "strong", "start": "0", "end": 1}],
            },
            "expected an integer",
        ),
        (
            {"type": "quote", "paragraphs": [{"type": "list"}]},
            "expected a block of type 'paragraph'",
        ),
        ({"type": "paragraph", "text": "a", "extra": 1}, "unknown key"),
    ],
)
def test_bad_blocks_in_json_are_parse_errors_with_a_path(block: object, message: str) -> None:
    document = json.dumps({"title": "T", "body": [{"blocks": [block]}]})
    with pytest.raises(newsparse.ParseError, match=message) as error:
        newsparse.from_json(document)
    assert "$.body[0].blocks[0]" in str(error.value)


def test_the_schema_describes_blocks_and_has_a_version() -> None:
    schema = newsparse.json_schema()
    assert schema["version"] == 2
    assert schema["$id"].endswith("/2")
    variants = [ref["$ref"].rpartition("/")[2] for ref in schema["$defs"]["block"]["oneOf"]]
    kinds = {schema["$defs"][name]["properties"]["type"]["const"] for name in variants}
    assert kinds == BLOCK_KINDS


@given(blocks())
def test_every_generated_block_round_trips_through_json(block: object) -> None:
    article = Article(title="T", body=[Section(blocks=[block])])  # type: ignore[list-item]
    assert newsparse.from_json(newsparse.to_json(article)) == article


# -- refusal and flattening --------------------------------------------------


@pytest.mark.parametrize("kind", sorted(BLOCK_KINDS - {"paragraph"}))
def test_tt_refuses_every_other_block_naming_it(kind: str) -> None:
    article = Article(
        title="T",
        meta={"tt.number": "7"},
        body=[Section(blocks=[Paragraph(text="Intro."), typical_blocks()[kind]])],
    )
    with pytest.raises(RenderError) as refused:
        newsparse.render([article], "tt")
    assert refused.value.field == "body[0].blocks[1]"
    assert f"{kind} blocks" in str(refused.value)


def test_a_mark_the_format_cannot_write_is_refused_naming_the_marks() -> None:
    article = Article(
        title="T", meta={"tt.number": "7"}, body=[Section(blocks=[typical_blocks()["link-mark"]])]
    )
    with pytest.raises(RenderError, match="link marks") as refused:
        newsparse.render([article], "tt")
    assert refused.value.field == "body[0].blocks[0].marks"


def test_fit_flattens_blocks_into_paragraphs_and_reports_each() -> None:
    samples = typical_blocks()
    article = Article(
        title="T",
        meta={"tt.number": "7"},
        body=[
            Section(blocks=[samples["list"], samples["table"], samples["link-mark"]]),
            Section(blocks=[samples["figure"]]),
        ],
    )
    fitted, dropped = newsparse.fit(article, "tt")
    assert fitted.body[0].paragraphs == (
        "Ajax 2, PSV 1",
        "Feyenoord 0, AZ 0",
        "Played in Rotterdam",
        "Results",
        "Team | Points",
        "Ajax | 61",
        "PSV",
        "Season not finished",
        "The minister said on Monday that talks will resume.",
    )
    assert len(fitted.body) == 1  # the section holding only a figure is gone
    assert [note.field for note in dropped] == [
        "body[0].blocks[0]",
        "body[0].blocks[1]",
        "body[0].blocks[2]",
        "body[1].blocks[0]",
    ]
    assert dropped[3].value == samples["figure"]
    assert dropped[3].reason == (
        "format 'tt' cannot represent body[1].blocks[0]: it cannot write figure blocks"
    )


def test_render_with_on_drop_writes_the_flattened_text() -> None:
    article = Article(
        title="T", meta={"tt.number": "7"}, body=[Section(blocks=[typical_blocks()["quote"]])]
    )
    dropped: list[newsparse.DroppedField] = []
    text = newsparse.render([article], "tt", on_drop=dropped.append)
    assert "We will not give up.\n\nThe mayor" in text
    assert [note.index for note in dropped] == [0]


def test_json_declares_every_block_and_mark() -> None:
    for name in ("json", "jsonl", "text", "markdown"):
        fmt = newsparse.get_format(name)
        assert fmt.blocks == BLOCK_KINDS
        assert fmt.marks == MARK_KINDS
    assert newsparse.get_format("tt").blocks == frozenset({"paragraph"})


# -- the views ---------------------------------------------------------------


def test_markdown_renders_every_block() -> None:
    samples = typical_blocks()
    marked = Paragraph(text=TEXT, marks=[link(9, 20), Mark(kind="strong", start=14, end=24)])
    article = Article(
        title="T",
        body=[Section(blocks=[marked, samples["list"], samples["table"], samples["quote"]])],
    )
    text = newsparse.render([article], "markdown")
    assert "Read the [full **report**](<https://example.com/r>) **now**" in text
    assert "- Ajax 2, PSV 1\n- Feyenoord 0, AZ 0\n  1. Played in Rotterdam" in text
    assert "| Team | Points |\n| --- | --- |\n| Ajax | 61 |\n| PSV |  |" in text
    assert "| Season not finished |  |" in text
    assert "> We will not give up.\n>\n> — The mayor" in text


def test_markdown_escapes_line_starts_only_where_a_line_starts() -> None:
    version = Paragraph(text="4.2.3 is out.", marks=[link(0, 5)])
    numbered = Paragraph(
        text="1. is not a list here", marks=[Mark(kind="emphasis", start=3, end=5)]
    )
    cell = Table(rows=[TableRow(cells=[TableCell(text="16.6%"), TableCell(text="- 3")])])
    article = Article(title="T", body=[Section(blocks=[version, numbered, cell])])
    text = newsparse.render([article], "markdown")
    assert "[4.2.3](<https://example.com/r>) is out." in text
    assert "1\\. *is* not a list here" in text
    assert "| 16.6% | - 3 |" in text


def test_markdown_fences_preformatted_text_and_links_embeds() -> None:
    samples = typical_blocks()
    article = Article(title="T", body=[Section(blocks=[samples["preformatted"], samples["embed"]])])
    text = newsparse.render([article], "markdown")
    assert "```\n  Team     P\n  Ajax    61\n```" in text
    assert "[YouTube](<https://www.youtube.com/watch?v=abc123>)\n\nFootage of the flood" in text


def test_text_view_renders_lists_tables_and_live_entries() -> None:
    samples = typical_blocks()
    article = Article(
        title="T", body=[Section(blocks=[samples["list"], samples["table"], samples["live-entry"]])]
    )
    text = newsparse.render([article], "text")
    assert "- Ajax 2, PSV 1\n- Feyenoord 0, AZ 0\n  1. Played in Rotterdam" in text
    assert "Results\nTeam | Points\nAjax | 61\nPSV\nSeason not finished" in text
    assert (
        "2025-04-29 09:30+03:00 · Talks resume · By A. Writer\n\nDelegations arrived at nine."
        in text
    )
