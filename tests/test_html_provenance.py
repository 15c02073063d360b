"""Where the html format's fields came from, and how sure it is (issue 22, part 2).

Each page here is written by hand; the expected sources are read off the
page (which element or tag states the value), not off the code's output.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsparse
from newsparse import Article
from newsparse.cli import cli

PROSE = (
    "The council met on Tuesday evening and, after a long debate about the budget, "
    "agreed to open the new bridge to cyclists in the spring, a year later than planned."
)
BODY = f"<article><p>{PROSE}</p><p>{PROSE} Again.</p><p>{PROSE} Once more.</p></article>"


def page(head: str, body: str = BODY) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def ld(**values: object) -> str:
    return (
        '<script type="application/ld+json">'
        + json.dumps({"@type": "NewsArticle", **values})
        + "</script>"
    )


def parse_one(html: str) -> Article:
    [article] = newsparse.parse(html, "html")
    return article


def confidence(article: Article, field: str) -> float:
    return float(article.meta[f"html.{field}-confidence"])


def test_disagreeing_titles_are_kept_with_their_sources() -> None:
    # The JSON-LD headline and the og:title differ by more than a kicker: the
    # headline is the title, and the og:title is kept as the alternative.
    article = parse_one(
        page(
            ld(headline="Council opens the bridge to cyclists")
            + '<meta property="og:title" content="Why cyclists waited a year for a bridge">'
        )
    )
    assert article.title == "Council opens the bridge to cyclists"
    assert article.meta["html.title-source"] == "json-ld"
    assert article.meta["html.title-alternative.og:title"] == (
        "Why cyclists waited a year for a bridge"
    )
    assert "html.title-alternative.json-ld" not in article.meta


def test_agreeing_sources_make_the_title_surer() -> None:
    agreed = parse_one(
        page(
            ld(headline="Bridge opens")
            + '<meta property="og:title" content="Bridge opens">'
            + "<title>Bridge opens</title>"
        )
    )
    disputed = parse_one(
        page(
            ld(headline="Bridge opens")
            + '<meta property="og:title" content="Cyclists wait a year">'
            + "<title>A long wait is over</title>"
        )
    )
    assert agreed.meta["html.title-source"] == disputed.meta["html.title-source"] == "json-ld"
    assert not [key for key in agreed.meta if "alternative" in key]
    assert confidence(agreed, "title") > confidence(disputed, "title")


def test_title_from_h1_and_from_the_title_element() -> None:
    from_h1 = parse_one(page("", "<h1>Bridge opens</h1>" + BODY))
    assert from_h1.meta["html.title-source"] == "h1"
    from_title = parse_one(page("<title>Bridge opens</title>"))
    assert from_title.meta["html.title-source"] == "title"
    assert confidence(from_title, "title") < confidence(from_h1, "title") + 0.2


def test_a_dublin_core_title_is_named_as_a_meta_source() -> None:
    # Only a Dublin Core title and a <title> with the site's name: the title
    # is the Dublin Core one, and the <title> (cut of the site name) agrees.
    article = parse_one(
        page('<meta name="dc.title" content="Bridge opens"><title>Bridge opens</title>')
    )
    assert article.title == "Bridge opens"
    assert article.meta["html.title-source"] == "meta"
    assert not [key for key in article.meta if "alternative" in key]


def test_a_derived_title_has_a_low_confidence() -> None:
    article = parse_one(f"<p>{PROSE}</p>")
    assert article.meta["html.title-source"] == "derived"
    assert confidence(article, "title") < 0.5


def test_the_sources_of_authors_and_dates() -> None:
    article = parse_one(
        page(
            "<title>Bridge</title>"
            '<meta name="author" content="Jane Doe">'
            '<meta property="article:published_time" content="2024-05-03T10:00:00+02:00">'
            + ld(dateModified="2024-05-04")
        )
    )
    assert article.authors == ("Jane Doe",)
    assert article.meta["html.authors-source"] == "meta"
    assert article.meta["html.published-source"] == "meta"
    assert article.meta["html.modified-source"] == "json-ld:date"  # a bare calendar date
    assert confidence(article, "modified") < confidence(article, "published")


def test_a_byline_element_is_a_weaker_source_than_json_ld() -> None:
    body = BODY.replace("<article>", '<article><div class="byline">By Jane Doe</div>')
    byline = parse_one(page("<title>Bridge</title>", body))
    stated = parse_one(page("<title>Bridge</title>" + ld(author={"name": "Jane Doe"})))
    assert byline.authors == stated.authors == ("Jane Doe",)
    assert byline.meta["html.authors-source"] == "byline"
    assert stated.meta["html.authors-source"] == "json-ld"
    assert confidence(byline, "authors") < confidence(stated, "authors")


def test_a_time_without_offset_is_marked() -> None:
    article = parse_one(page("<title>B</title>" + ld(datePublished="2024-05-03T10:00:00")))
    assert article.meta["html.published-source"] == "json-ld:no-offset"


def test_no_author_and_no_date_have_no_keys() -> None:
    article = parse_one(page("<title>Bridge</title>"))
    assert not any(key.startswith(("html.authors", "html.published")) for key in article.meta)


def test_the_body_names_its_container() -> None:
    body = f'<nav><a href="/">Home</a></nav><div id="story" class="post main">{BODY}</div>'
    article = parse_one(page("<title>Bridge</title>", body))
    assert article.meta["html.body-source"] == "container"
    assert article.meta["html.body-container"] == "article"


@pytest.mark.parametrize(
    ("container", "expected"),
    [
        # A control character in a tag name (lxml keeps it), a class and an id:
        # meta cannot hold it, so the description shows U+FFFD in its place.
        ("<sto\x7fry>{}</sto\x7fry>", "sto\ufffdry"),
        ('<div class="po\x01st main">{}</div>', "div.po\ufffdst.main"),
        ('<div id="st\x7fory">{}</div>', "div#st\ufffdory"),
    ],
)
def test_a_container_name_meta_cannot_hold_is_made_printable(container: str, expected: str) -> None:
    paragraphs = f"<p>{PROSE}</p><p>{PROSE} Again.</p><p>{PROSE} Once more.</p>"
    body = '<nav><a href="/">Home</a></nav>' + container.format(paragraphs)
    article = parse_one(page("<title>Bridge</title>", body))
    assert article.meta["html.body-source"] == "container"
    assert article.meta["html.body-container"] == expected


def test_prose_is_surer_than_short_lines_and_links() -> None:
    prose = parse_one(page("<title>Bridge</title>"))
    items = "".join(f'<p><a href="/{n}">Story number {n}</a> and more</p>' for n in range(30))
    front = parse_one(page("<title>Front</title>", f"<main>{items}</main>"))
    assert front.paragraphs  # the front page gives its lines
    assert confidence(prose, "body") > 0.75
    assert confidence(front, "body") < 0.5


def test_lines_that_end_unlike_sentences_are_less_sure_than_prose() -> None:
    # Teasers' headlines, labels and credits do not end like sentences; a
    # body of them is less likely the article, at the same lengths.
    unended = PROSE.rstrip(".")
    lines = "".join(f"<p>{unended} {n}</p>" for n in range(3))
    sentences = "".join(f"<p>{unended} {n}.</p>" for n in range(3))
    teasers = parse_one(page("<title>Bridge</title>", f"<article>{lines}</article>"))
    prose = parse_one(page("<title>Bridge</title>", f"<article>{sentences}</article>"))
    assert len(teasers.paragraphs) == len(prose.paragraphs) == 3
    assert confidence(teasers, "body") < confidence(prose, "body") - 0.2


@pytest.mark.parametrize(
    ("ending", "plain"),
    [
        (".\u201c", '."'),  # German: „Das war gut.“
        (".\u2018\u201c", '."'),  # a quote inside a German quote
        (".\u00ab", '."'),  # Danish: »Det var godt.«
        (" \u0964", "."),  # Hindi: the danda
    ],
)
def test_sentences_end_as_each_language_ends_them(ending: str, plain: str) -> None:
    # Krautreporter, Bhaskar: prose that ends its quotes the German way, or
    # its sentences with a danda, looked like labels.
    def body(end: str) -> str:
        return "".join(f"<p>{PROSE.rstrip('.')} {n}{end}</p>" for n in range(3))

    native = parse_one(page("<title>Bridge</title>", f"<article>{body(ending)}</article>"))
    usual = parse_one(page("<title>Bridge</title>", f"<article>{body(plain)}</article>"))
    assert confidence(native, "body") == confidence(usual, "body") > 0.75


def test_the_last_resort_is_less_sure_of_a_list_of_links() -> None:
    # Every text of a page with no article found: links there are a menu.
    names = ["Harbour", "Bridge works", "Council notes", "Weather"]
    linked = parse_one(
        page("<title>T</title>", "".join(f"<div><a href='/{n}'>{n}</a></div>" for n in names))
    )
    plain = parse_one(page("<title>T</title>", "".join(f"<div>{n}</div>" for n in names)))
    assert linked.meta["html.body-source"] == plain.meta["html.body-source"] == "all-text"
    assert linked.paragraphs == plain.paragraphs
    assert confidence(linked, "body") < confidence(plain, "body")


def test_a_body_the_json_ld_text_contradicts_is_less_sure() -> None:
    stated = " ".join(["An entirely different text about the harbour and its boats."] * 8)
    agreeing = parse_one(page("<title>B</title>" + ld(articleBody=PROSE)))
    contradicted = parse_one(page("<title>B</title>" + ld(articleBody=stated)))
    assert agreeing.meta["html.body-source"] == contradicted.meta["html.body-source"]
    assert confidence(contradicted, "body") < confidence(agreeing, "body")


def test_a_stated_excerpt_of_the_text_does_not_make_the_body_less_sure() -> None:
    # Pages often state only their first lines as the JSON-LD articleBody: the
    # words of a right body are then mostly missing from it, and that tells
    # nothing against the body.
    excerpt = "The council met on Tuesday evening and, after a long debate"
    stated = parse_one(page("<title>B</title>" + ld(articleBody=excerpt)))
    unstated = parse_one(page("<title>B</title>"))
    assert stated.paragraphs == unstated.paragraphs
    assert confidence(stated, "body") == confidence(unstated, "body")
    # An excerpt of another text still counts against it.
    other = parse_one(page("<title>B</title>" + ld(articleBody="Boats left the harbour at dawn.")))
    assert confidence(other, "body") < confidence(unstated, "body") - 0.1


@pytest.mark.parametrize(
    "body",
    [
        "Test",
        "<p>abc</p><p>def</p> ghi",
        "<article><h2>Test Case 1</h2><img src='a.jpg'><h2>Test Case 2</h2></article>",
        "<ol><li>First step</li><li>Second step</li><li>Third step</li></ol>",
    ],
)
def test_a_small_page_whose_whole_text_is_the_body_is_sure(body: str) -> None:
    # Readability's hand-made pages of a few words: nothing else on the page
    # could have been the article, so the shape of its few words says nothing.
    article = parse_one(page("<title>Small</title>", body))
    assert confidence(article, "body") >= 0.8


def test_a_few_words_picked_out_of_a_larger_page_stay_unsure() -> None:
    # The same few words, with a page of other text left out, are still a
    # doubtful choice.
    others = "".join(
        f"<div class='card'><span>{PROSE}</span> <span>{n}</span></div>" for n in range(6)
    )
    body = f"<article><p>abc</p><p>def</p></article>{others}"
    article = parse_one(page("<title>T</title>", body))
    assert confidence(article, "body") < 0.5


def test_the_json_ld_body_and_the_last_resort_are_named() -> None:
    script_page = parse_one(page("<title>B</title>" + ld(articleBody=PROSE * 5), "<div></div>"))
    assert script_page.meta["html.body-source"] == "json-ld"
    short = parse_one("<div><a href='/a'>A</a> <a href='/b'>B</a></div>")
    assert short.meta["html.body-source"] == "all-text"
    empty = parse_one(page("<title>Video</title>", "<video src='v.mp4'></video>"))
    assert empty.meta["html.body-source"] == "none"
    assert confidence(empty, "body") == 0.0


def test_every_confidence_is_a_number_from_0_to_1_with_two_decimals() -> None:
    article = parse_one(
        page(ld(headline="H", author={"name": "Jane Doe"}, datePublished="2024-01-02"))
    )
    found = {key: value for key, value in article.meta.items() if key.endswith("-confidence")}
    assert set(found) == {
        "html.title-confidence",
        "html.authors-confidence",
        "html.published-confidence",
        "html.body-confidence",
    }
    for value in found.values():
        assert re.fullmatch(r"[01]\.\d\d", value)
        assert 0.0 <= float(value) <= 1.0


@pytest.mark.parametrize("target", ["json", "html"])
def test_the_record_survives_the_lossless_formats(target: str) -> None:
    article = parse_one(page(ld(headline="H") + '<meta property="og:title" content="Other">'))
    [back] = newsparse.parse(newsparse.render([article], target), target)
    assert back.meta == article.meta
    assert back.meta["html.title-alternative.og:title"] == "Other"


# -- newsparse explain ---------------------------------------------------------


def test_explain_shows_each_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("p.html").write_text(
        page(
            ld(headline="Bridge opens", author={"name": "Jane Doe"})
            + '<meta property="og:title" content="Why cyclists waited">'
        ),
        encoding="utf-8",
    )
    runner = CliRunner()
    result = runner.invoke(cli, ["explain", "p.html"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "p.html: article 1: Bridge opens"
    assert re.match(r"  title +json-ld +\d\.\d\d  Bridge opens$", lines[1])
    assert re.match(r" +also og:title +Why cyclists waited$", lines[2])
    assert re.match(r"  authors +json-ld +\d\.\d\d  Jane Doe$", lines[3])
    assert re.match(
        r"  body +container +\d\.\d\d  3 paragraphs, \d+ characters in article$", lines[4]
    )
    as_json = runner.invoke(cli, ["explain", "p.html", "--json"])
    [item] = json.loads(as_json.output)
    assert item["fields"]["title"]["alternatives"] == {"og:title": "Why cyclists waited"}
    assert item["fields"]["authors"]["source"] == "json-ld"


def test_explain_reports_bad_input_and_bad_usage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("empty.html").write_text("<html><!-- nothing --></html>", encoding="utf-8")
    Path("seed.json").write_text('{"title": "Plain"}', encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["explain", "p.html"]).exit_code == 2  # no such file
    assert runner.invoke(cli, ["explain", "seed.json", "-f", "nosuch"]).exit_code == 2
    bad = runner.invoke(cli, ["explain", "empty.html", "-f", "html"])
    assert bad.exit_code == 1
    assert "error:" in bad.output
    plain = runner.invoke(cli, ["explain", "seed.json", "-f", "json"])
    assert plain.exit_code == 0
    assert "(no sources recorded by this format)" in plain.output
