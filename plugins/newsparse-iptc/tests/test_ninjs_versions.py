"""ninjs 1.x, 2.x and 3.x are one format (issue 21): the version is detected and each is read."""

from __future__ import annotations

import json

import newsparse
import pytest
from newsparse import ParseError, RenderError

# Superdesk's ninjs 1.x: guid, no uri; the body as body_html.
V1 = {
    "guid": "urn:newsml:localhost:2017-08-24:c044",
    "type": "text",
    "versioncreated": "2017-08-24T04:38:34+0000",
    "headline": "Ice closes the harbour ",
    "body_html": "<p>Ice closed the harbour,\nthe port said.<br/></p><p>Ferries wait.</p>",
    "description_text": "Ice.",
    "byline": "Ana Lind",
    "subject": [{"code": "01000000", "name": "weather"}],
    "authors": [{"name": "Ana Lind", "role": "writer"}],
    "ednote": "ed note",
}


def one(value: object) -> newsparse.Article:
    (article,) = newsparse.parse(json.dumps(value), "ninjs")
    return article


def test_ninjs_1_from_superdesk() -> None:
    article = one(V1)
    assert article.url == "urn:newsml:localhost:2017-08-24:c044"
    assert article.title == "Ice closes the harbour"
    assert article.paragraphs == ("Ice closed the harbour, the port said.", "Ferries wait.")
    assert article.summary == "Ice."
    assert article.authors == ("Ana Lind",)
    assert article.topics == ("weather",)
    assert article.modified is not None
    assert article.modified.isoformat() == "2017-08-24T04:38:34+00:00"
    assert article.meta["ninjs.by"] == "Ana Lind"
    assert article.meta["ninjs.ednote"] == "ed note"


def test_ninjs_1_is_detected() -> None:
    assert newsparse.detect(json.dumps(V1, indent=4).encode()).name == "ninjs"


def test_ninjs_1_body_forms_markup_first() -> None:
    # The IPTC's ninjs 1.0 example: body_text and body_xhtml; the markup keeps paragraphs.
    base = {"uri": "http://x.example/1", "headline": "H", "body_text": "One. Two."}
    assert one(base).paragraphs == ("One. Two.",)
    assert one({**base, "body_xhtml": "<p>One.</p><p>Two.</p>"}).paragraphs == ("One.", "Two.")


def test_a_ninjs_1_body_in_a_form_not_read_is_named() -> None:
    with pytest.raises(ParseError, match="body_rtf"):
        one({"uri": "u", "headline": "H", "body_rtf": "{\\rtf1 x}"})


def test_ninjs_1_associations_keyed_by_name() -> None:
    picture = {
        "type": "picture",
        "headline": "Harbour",
        "description_text": "Ice in the harbour.",
        "byline": "Ana Lind",
        "renditions": {
            "thumbnail": {"href": "https://x.example/t.jpg"},
            "original": {"href": "https://x.example/o.jpg"},
        },
    }
    article = one({**V1, "associations": {"featuremedia": picture, "other": None}})
    (image,) = article.images
    assert (image.url, image.caption, image.credit) == (
        "https://x.example/o.jpg",
        "Ice in the harbour.",
        "Ana Lind",
    )


def test_a_search_envelope_gives_its_items() -> None:
    # BBC's API: {"total", "limit", "offset", "item": [...]} around the items.
    envelope = {"total": 2, "limit": 20, "offset": 0, "item": [V1, {**V1, "headline": "Two"}]}
    assert [a.title for a in newsparse.parse(json.dumps(envelope), "ninjs")] == [
        "Ice closes the harbour",
        "Two",
    ]


def test_a_date_without_a_zone_is_kept_as_written_and_not_written() -> None:
    article = one({**V1, "firstcreated": "2018-05-28T16:40:08"})
    assert article.published is None
    assert article.meta["ninjs.firstcreated"] == "2018-05-28T16:40:08"
    with pytest.raises(RenderError, match="firstcreated"):
        newsparse.render([article], "ninjs")
    with pytest.raises(ParseError, match="not a date"):
        one({**V1, "firstcreated": "yesterday"})


@pytest.mark.parametrize("kind", ["picture", "video", "audio", "graphic"])
def test_a_media_item_is_diagnosed_by_its_type(kind: str) -> None:
    with pytest.raises(ParseError, match=f"type '{kind}'"):
        one({**V1, "type": kind})


def test_writing_stays_ninjs_3() -> None:
    rendered = json.loads(newsparse.render([one(V1)], "ninjs"))
    assert rendered["standard"]["version"] == "3.0"
    assert rendered["uri"] == V1["guid"]
    assert rendered["headlines"] == [{"role": "main", "value": "Ice closes the harbour"}]
    assert "headline" not in rendered
    assert "guid" not in rendered
