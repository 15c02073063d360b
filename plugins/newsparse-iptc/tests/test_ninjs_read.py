"""Reading ninjs 2 and 3: each field of the mapping, checked against hand-written items."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import newsparse
import pytest
from newsparse import Image, ListBlock, ListItem, ParseError, Section

from newsparse_iptc.ninjs.examples import ACCEPTED, CANONICAL


def one(item: dict[str, object]) -> newsparse.Article:
    (article,) = newsparse.parse(json.dumps(item), "ninjs")
    return article


def minimal(**properties: object) -> dict[str, object]:
    return {"uri": "urn:x", "headlines": [{"value": "Headline"}], **properties}


def test_canonical_example_field_by_field() -> None:
    (article,) = newsparse.parse(CANONICAL, "ninjs")
    assert article.title == "Ice closes the inner harbour"
    assert article.url == "https://harbour.example/ports/ice"
    assert article.body == (
        Section(paragraphs=("Ice closed the harbour.",)),
        Section(heading="Travellers", paragraphs=("Wait & go.",)),
    )
    assert article.images == (
        Image(
            url="https://harbour.example/img/ice.jpg",
            alt="A ferry in grey ice",
            caption="The 7:10 ferry, stuck at the inner quay.",
            credit="Per Ek",
        ),
    )
    cet = timezone(timedelta(hours=1))
    assert article.published == datetime(2024, 1, 17, 8, 30, tzinfo=cet)
    assert article.modified == datetime(2024, 1, 17, 10, 15, tzinfo=cet)
    assert (article.authors, article.topics) == (("Ana Lind",), ("ports",))
    assert (article.publisher, article.language) == ("Harbour Post", "en")
    assert article.summary == "The port authority shut the inner basin at dawn."
    assert dict(article.meta) == {
        "ninjs.urgency": "3",
        "ninjs.copyright.holder": "Harbour Post",
        "ninjs.slugline": "ICE-HARBOUR",
        "ninjs.subheadline": "Ferries run from the outer quay until Friday",
    }


def test_ninjs_2_item() -> None:
    (article,) = newsparse.parse(ACCEPTED[0], "ninjs")
    assert article.url == "urn:newsml:harbour.example:20240117:ice"
    assert article.title == "Ice closes the inner harbour"
    assert article.published == datetime(2024, 1, 17, 7, 30, tzinfo=timezone.utc)
    # A plain-text body: paragraphs are separated by a blank line.
    assert article.paragraphs == ("Ice closed the harbour.", "Ferries wait.")
    # "by" is kept as written; authors come from people.
    assert article.authors == ()
    assert article.meta["ninjs.by"] == "By Ana Lind"
    assert article.meta["ninjs.copyright.holder"] == "Harbour Post"
    assert article.topics == ("ports",)


def test_array_of_items_and_html_body() -> None:
    first, second = newsparse.parse(ACCEPTED[1], "ninjs")
    # h3 is a heading too; a list is a list; a figure in the body is an image.
    assert first.body == (
        Section(paragraphs=("First",)),
        Section(heading="Then", blocks=(ListBlock(items=[ListItem(text="x")]),)),
    )
    assert first.images == (Image(url="a.jpg", alt="A", caption="Cap"),)
    assert (second.title, second.body) == ("Two", ())


def test_several_objects_one_after_the_other() -> None:
    text = json.dumps(minimal(uri="a")) + "\n" + json.dumps(minimal(uri="b")) + "\n"
    assert [article.url for article in newsparse.parse(text, "ninjs")] == ["a", "b"]


def test_headline_roles() -> None:
    headlines = [{"role": "sub", "value": "Sub"}, {"role": "main", "value": " Main\nline "}]
    article = one(minimal(headlines=headlines))
    assert article.title == "Main line"
    assert article.meta["ninjs.subheadline"] == "Sub"


def test_summary_needs_the_summary_role_or_a_lone_description() -> None:
    assert one(minimal(descriptions=[{"value": "Only"}])).summary == "Only"
    two = [{"role": "caption", "value": "C"}, {"role": "summary", "value": "S\n\nT"}]
    assert one(minimal(descriptions=two)).summary == "S\n\nT"
    assert one(minimal(descriptions=[{"role": "caption", "value": "C"}])).summary is None


def test_association_image_from_rendition_or_uri() -> None:
    associations = [
        {
            "name": "a",
            "uri": "urn:pic",
            "type": "picture",
            "renditions": [{"name": "thumb", "href": "https://x/t.jpg"}],
        },
        {"name": "b", "uri": "https://x/b.png", "type": "graphic"},
        {"name": "c", "uri": "urn:video", "type": "video"},
    ]
    assert one(minimal(associations=associations)).images == (
        Image(url="https://x/t.jpg"),
        Image(url="https://x/b.png"),
    )


def test_urgency_and_strings_are_kept_as_written() -> None:
    article = one(minimal(urgency=2.0, edNote="  keep  ", pubStatus="withheld"))
    assert article.meta["ninjs.urgency"] == "2"
    assert article.meta["ninjs.ednote"] == "  keep  "
    assert article.meta["ninjs.pubstatus"] == "withheld"


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"headlines": [{"value": "T"}]}, "no uri"),
        ({"uri": "u"}, "no headline"),
        # A date without a UTC offset is kept as written (test_ninjs_versions.py).
        (minimal(firstCreated="17 January 2024"), "not a date"),
        (minimal(urgency="high"), "urgency"),
        (minimal(headlines="T"), "array"),
        (minimal(bodies=[{"contentType": "image/png", "value": "x"}]), "cannot be read"),
    ],
)
def test_invalid_items(item: dict[str, object], message: str) -> None:
    with pytest.raises(ParseError, match=message):
        newsparse.parse(json.dumps(item), "ninjs")
