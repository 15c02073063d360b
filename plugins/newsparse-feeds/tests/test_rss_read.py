"""Reading RSS 2.0 and RSS 1.0: the field mapping and the quirks of real feeds."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import newsparse
import pytest
from newsparse import Figure, Image, Paragraph, ParseError, Section

from feeds import RSS1, RSS2, rss


def test_rss2_item_fields() -> None:
    first, second = newsparse.parse(RSS2, "rss")
    assert first.title == "Ferry returns to the harbour"
    assert first.url == "https://harbour.example/2024/ferry"  # resolved against the channel link
    assert first.published == datetime(2024, 3, 5, 9, 30, tzinfo=timezone.utc)
    assert first.authors == ("Ann Writer", "Bo Helper")
    assert first.topics == ("Transport", "Local")
    assert first.summary == "The ferry is back."
    assert first.language == "en-GB"  # from the channel
    ferry = Image(
        url="https://harbour.example/img/ferry.jpg", alt="The ferry", caption="At the quay."
    )
    assert first.body == (
        Section(paragraphs=("The ferry came back on Tuesday after a long repair.",)),
        # The picture after the text is also a figure at its place, resolved alike.
        Section(
            heading="Timetable",
            blocks=(Paragraph(text="It sails twice a day from now on."), Figure(image=ferry)),
        ),
    )
    assert first.images == (ferry,)
    assert first.meta == {
        "feed.id": "harbour-1",
        "feed.title": "Harbour Times",
        "feed.link": "https://harbour.example/news/",
    }
    assert second.title == "Second story"
    assert second.body == ()  # a one-line description is a summary, not a story
    assert second.summary == "Only a teaser."


def test_rss1_rdf_items() -> None:
    [article] = newsparse.parse(RSS1, "rss")
    assert article.title == "Eins"
    assert article.url == "https://rdf.example/1"
    assert article.published == datetime(2024, 3, 5, 8, tzinfo=timezone(timedelta(hours=1)))
    assert article.authors == ("Eva Schreiber",)
    assert article.topics == ("Politik",)
    assert article.language == "de"
    assert article.meta["feed.id"] == "https://rdf.example/1"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Sat, 07 Sep 2002 09:42:31 EST", datetime(2002, 9, 7, 14, 42, 31, tzinfo=timezone.utc)),
        ("Sat, 07 Sep 02 09:42 GMT", datetime(2002, 9, 7, 9, 42, tzinfo=timezone.utc)),
        ("7 Sep 1999 23:59:59 +0530", datetime(1999, 9, 7, 18, 29, 59, tzinfo=timezone.utc)),
        ("Mon, 9 September 2002 01:00:00 PDT", datetime(2002, 9, 9, 8, tzinfo=timezone.utc)),
    ],
)
def test_pub_date_variants(written: str, expected: datetime) -> None:
    [article] = newsparse.parse(rss(f"<item><title>A</title><pubDate>{written}</pubDate></item>"))
    assert article.published == expected


def test_unreadable_date_is_kept_in_meta() -> None:
    feed = rss("<item><title>A</title><pubDate>sometime soon</pubDate></item>")
    [article] = newsparse.parse(feed, "rss")
    assert article.published is None
    assert article.meta["feed.date"] == "sometime soon"


def test_double_escaped_html_description() -> None:
    # In the XML "&amp;lt;p&amp;gt;", which reads as "&lt;p&gt;": HTML escaped twice.
    feed = rss(
        "<item><title>A</title><description>"
        "&amp;lt;p&amp;gt;One &amp;amp;amp; two.&amp;lt;/p&amp;gt;"
        "&amp;lt;p&amp;gt;Three.&amp;lt;/p&amp;gt;</description></item>"
    )
    [article] = newsparse.parse(feed, "rss")
    assert article.paragraphs == ("One & two.", "Three.")
    assert article.summary is None  # the description is the whole story: it is the body


def test_cdata_description_with_markup_is_the_body() -> None:
    feed = rss(
        "<item><title>A</title><description><![CDATA[<p>First&nbsp;part.</p><p>Second.</p>]]>"
        "</description></item>"
    )
    [article] = newsparse.parse(feed, "rss")
    assert article.paragraphs == ("First part.", "Second.")  # the html rules collapse spaces


def test_undeclared_html_entity_is_read_as_its_character_without_an_error() -> None:
    # Feeds use HTML's entities without declaring them; every feed reader
    # reads them, and the repair is exact, so it is no error.
    feed = rss("<item><title>Caf&eacute;&nbsp;news</title></item>")
    errors: list[ParseError] = []
    [article] = newsparse.parse(feed, "rss", on_error=errors.append)
    assert article.title == "Caf\u00e9 news"  # a no-break space collapses like any space
    assert errors == []
    assert newsparse.parse(feed, "rss") == [article]


def test_bare_ampersand_is_read_as_an_ampersand_without_an_error() -> None:
    feed = rss("<item><title>AT&T results</title><link>https://t.example/?a=1&b=2</link></item>")
    errors: list[ParseError] = []
    [article] = newsparse.parse(feed, "rss", on_error=errors.append)
    assert article.title == "AT&T results"
    assert article.url == "https://t.example/?a=1&b=2"
    assert errors == []


def test_an_entity_declaration_is_still_refused() -> None:
    feed = '<!DOCTYPE rss [<!ENTITY x "y">]>\n' + rss("<item><title>A &x;</title></item>")
    with pytest.raises(ParseError, match="declares entities"):
        newsparse.parse(feed, "rss")


def test_rss_author_email_only_is_kept() -> None:
    [article] = newsparse.parse(rss("<item><title>A</title><author>a@t.example</author></item>"))
    assert article.authors == ("a@t.example",)


def test_item_without_title_takes_its_first_sentence() -> None:
    feed = rss("<item><description>Storm hits the coast. More later.</description></item>")
    [article] = newsparse.parse(feed, "rss")
    assert article.title == "Storm hits the coast."
    assert article.meta["feed.title_derived"] == "true"


def test_item_without_title_and_text_is_an_error_and_others_are_read() -> None:
    feed = rss("<item><link>https://t.example/x</link></item>\n<item><title>Kept</title></item>")
    errors: list[ParseError] = []
    articles = newsparse.parse(feed, "rss", on_error=errors.append)
    assert [a.title for a in articles] == ["Kept"]
    [error] = errors
    assert "no title" in error.message
    assert error.line == 1


def test_guid_permalink_is_the_url_without_link() -> None:
    [article] = newsparse.parse(
        rss("<item><title>A</title><guid>https://t.example/a</guid></item>")
    )
    assert article.url == "https://t.example/a"


def test_image_enclosure_and_other_enclosures() -> None:
    feed = rss(
        '<item><title>A</title><enclosure url="/p.jpg" type="image/jpeg" length="1"/>'
        '<enclosure url="/a.mp3" type="audio/mpeg" length="1"/></item>'
    )
    [article] = newsparse.parse(feed, "rss")
    assert article.images == (Image(url="https://t.example/p.jpg"),)


def test_media_group_is_one_image_the_largest_rendition() -> None:
    feed = rss(
        "<item><title>A</title><media:group>"
        '<media:content url="https://t.example/s.jpg" medium="image" width="100" height="50"/>'
        '<media:content url="https://t.example/l.jpg" medium="image" width="1000" height="500"/>'
        "<media:description>The quay.</media:description><media:credit>Jo</media:credit>"
        '</media:group><media:content url="https://t.example/other.png" type="image/png">'
        "<media:title>Other</media:title></media:content>"
        '<media:thumbnail url="https://t.example/thumb.jpg"/></item>'
    )
    [article] = newsparse.parse(feed, "rss")
    assert article.images == (
        Image(url="https://t.example/l.jpg", caption="The quay.", credit="Jo"),
        Image(url="https://t.example/other.png", alt="Other"),
    )


def test_media_thumbnail_alone_is_an_image() -> None:
    feed = rss('<item><title>A</title><media:thumbnail url="https://t.example/t.jpg"/></item>')
    [article] = newsparse.parse(feed, "rss")
    assert article.images == (Image(url="https://t.example/t.jpg"),)


def test_html_elements_written_unescaped_in_description() -> None:
    feed = rss("<item><title>A</title><description><p>One.</p><p>Two.</p></description></item>")
    [article] = newsparse.parse(feed, "rss")
    assert article.paragraphs == ("One.", "Two.")


def test_declared_latin1_that_is_utf8_is_read_as_utf8() -> None:
    text = '<?xml version="1.0" encoding="ISO-8859-1"?>' + rss("<item><title>Café</title></item>")
    [article] = newsparse.parse(text.encode("utf-8"), "rss")
    assert article.title == "Café"


def test_undeclared_windows_1252_bytes() -> None:
    data = rss("<item><title>Caf\u00e9 \u2013 news</title></item>").encode("cp1252")
    [article] = newsparse.parse(data, "rss")
    assert article.title == "Caf\u00e9 \u2013 news"


def test_declared_latin1_is_honoured() -> None:
    text = '<?xml version="1.0" encoding="ISO-8859-1"?>' + rss("<item><title>Café</title></item>")
    [article] = newsparse.parse(text.encode("latin-1"), "rss")
    assert article.title == "Café"


def test_rss_without_channel_is_an_error() -> None:
    with pytest.raises(ParseError, match="no channel"):
        newsparse.parse('<rss version="2.0"></rss>', "rss")
