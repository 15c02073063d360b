"""Reading Atom 1.0: the field mapping, xml:base, text constructs, the WENN feed."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import newsparse
import pytest
from newsparse import Image, Section

from feeds import ATOM, atom

# The repository, and the shared data folder beside it (absent in a plain clone).
REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"

WENN = SHARED / "corpora" / "wire" / "wenn.xml"


def test_atom_entry_fields() -> None:
    first, second = newsparse.parse(ATOM, "atom")
    plus_one = timezone(timedelta(hours=1))
    assert first.title == "Le bac revient"  # type="html": the markup is read, not shown
    assert first.url == "https://quai.example/articles/bac"  # resolved against xml:base
    assert first.published == datetime(2024, 3, 5, 9, 30, tzinfo=plus_one)
    assert first.modified == datetime(2024, 3, 5, 10, tzinfo=plus_one)
    assert first.authors == ("Anne Auteur",)
    assert first.topics == ("Transport", "local")  # the label, else the term
    assert first.summary == "Le bac est de retour."
    assert first.language == "fr"
    assert first.paragraphs == ("Le bac est revenu mardi.", "Il part deux fois par jour.")
    assert first.images == (Image(url="https://quai.example/img/bac.jpg", alt="Le bac"),)
    assert first.meta == {
        "feed.id": "urn:quai:1",
        "feed.title": "Le Quai",
        "feed.link": "https://quai.example/",
    }
    assert second.authors == ("La Redaction",)  # the feed's author, as RFC 4287 says
    assert second.published is None
    assert second.body == (Section(paragraphs=("Premier paragraphe.", "Second paragraphe.")),)


def test_content_type_html_escaped() -> None:
    feed = atom(
        "<entry><title>A</title><content type='html'>&lt;p&gt;One.&lt;/p&gt;"
        "&lt;h3&gt;Part&lt;/h3&gt;&lt;p&gt;Two.&lt;/p&gt;</content></entry>"
    )
    [article] = newsparse.parse(feed, "atom")
    assert article.body == (
        Section(paragraphs=("One.",)),
        Section(heading="Part", paragraphs=("Two.",)),
    )


def test_content_out_of_line_goes_to_meta() -> None:
    feed = atom(
        "<entry><title>A</title><summary>Short.</summary>"
        "<content src='https://f.example/a.html' type='text/html'/></entry>"
    )
    [article] = newsparse.parse(feed, "atom")
    assert article.meta["feed.content_src"] == "https://f.example/a.html"
    assert article.summary == "Short."


def test_nested_xml_base_resolves_in_turn() -> None:
    feed = atom(
        "<entry xml:base='sub/'><title>A</title><link href='page'/></entry>",
        head="<title>F</title>",
    ).replace("<feed ", "<feed xml:base='https://b.example/root/' ")
    [article] = newsparse.parse(feed, "atom")
    assert article.url == "https://b.example/root/sub/page"


def test_extension_text_replaces_a_stub_content() -> None:
    story = "A long enough paragraph of the real story that the extension element holds here."
    feed = atom(
        "<entry><title>A</title><content type='text'>Placeholder.</content>"
        f"<x:story xmlns:x='urn:x'>{story}</x:story></entry>"
    )
    [article] = newsparse.parse(feed, "atom")
    assert article.paragraphs == (story,)
    assert article.meta["feed.content"] == "Placeholder."


def test_long_content_is_kept_over_extension_text() -> None:
    content = "Real content. " * 20
    feed = atom(
        f"<entry><title>A</title><content type='text'>{content}</content>"
        f"<x:note xmlns:x='urn:x'>{'Some other long note text. ' * 5}</x:note></entry>"
    )
    [article] = newsparse.parse(feed, "atom")
    assert article.paragraphs == (content.strip(),)
    assert "feed.content" not in article.meta


@pytest.mark.skipif(not WENN.is_file(), reason=f"the wire corpus is not here ({WENN})")
def test_wenn_feed() -> None:
    # Values read from the file by hand: two entries; the story is in
    # wenn_cm:first_line and wenn_cm:body, atom:content holds a placeholder.
    first, second = newsparse.parse(WENN)
    assert first.title == "Suge Knight involved in fatal hit and run incident"
    assert second.title == "Jagged Edge singer Kyle Norman arrested over domestic assault"
    assert first.paragraphs[0] == (
        "Police officials in Los Angeles are investigating a fatal hit and run incident"
        " involving rap mogul SUGE KNIGHT on Thursday (29Jan15)."
    )
    assert first.paragraphs[1].startswith("The embattled hip-hop mogul's lawyer James Blatt")
    assert first.paragraphs[-1].endswith("from the film shoot prior to the incident.")
    assert len(first.paragraphs) == 5
    assert len(second.paragraphs) == 5
    assert second.paragraphs[-1].endswith("booked for the assault.")
    assert first.meta["feed.content"] == "This is body content1."
    assert first.meta["feed.id"] == "urn:feed-wenn-com:newsfeedarticle:2:2222:1"
    assert first.meta["feed.title"] == "WENN Feed"
    assert first.modified == datetime(2015, 1, 30, 0, 33, 6, tzinfo=timezone.utc)
    assert first.authors == ("WENN Newsdesk",)
    assert first.topics == ("Music",)
    assert first.language == "en"
