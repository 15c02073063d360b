"""Tests of site parsers: choosing one for a page, registering them, and what they change.

A site parser is registered by a plugin here exactly as a third-party plugin
would (the ``newsparse_register_site_parsers`` hook), with ``registered()``.
"""

from __future__ import annotations

import io
from datetime import date, datetime, timezone
from typing import ClassVar

import pytest
from lxml import html

import newsparse
from newsparse import PluginError, Section, hookimpl
from newsparse._formats.html.format import HtmlFormat
from newsparse._formats.html.sites import RegisteredSiteParser
from newsparse.plugin import (
    Page,
    SiteFields,
    SiteParser,
    SiteParserRegistry,
    choose_site_parser,
    extracts,
    get_host,
    registered,
    sections_of,
)

TEXT = (
    "The council voted on Tuesday to keep the old bridge open, after engineers said"
    " the repairs made last spring would hold for another decade at least."
)
AD = "Subscribe now and get the first three months of the Gazette for free, today only."


class Gazette(SiteParser):
    name = "gazette"
    domains = ("gazette.example",)
    title = "//h1[@class='headline']"
    authors = "//span[@class='writer']"
    published = "//time[@class='stamp']"
    body = "//div[@class='story']"
    remove: ClassVar[tuple[str, ...]] = ("//div[@class='story']/aside",)


class GazetteRedesign(Gazette):
    valid_from = date(2024, 1, 1)
    title = "//h1[@class='new-headline']"


class Sports(SiteParser):
    name = "gazette-sports"
    domains = ("sports.gazette.example",)


def entries(*parsers: SiteParser) -> list[RegisteredSiteParser]:
    return [RegisteredSiteParser(parser, "test") for parser in parsers]


def test_a_parser_matches_its_domains_and_subdomains() -> None:
    parser = Gazette()
    assert parser.matches("https://gazette.example/news/1")
    assert parser.matches("https://www.gazette.example/news/1")
    assert not parser.matches("https://notgazette.example/news/1")
    assert not parser.matches("https://gazette.example.org/news/1")


def test_the_url_pattern_narrows_the_domains() -> None:
    class Opinion(Gazette):
        name = "gazette-opinion"
        url_pattern = r"/opinion/"

    assert Opinion().matches("https://gazette.example/opinion/2")
    assert not Opinion().matches("https://gazette.example/news/2")


def test_the_most_specific_domain_wins() -> None:
    found = choose_site_parser(
        entries(Gazette(), Sports()), "https://sports.gazette.example/a", None
    )
    assert found is not None
    assert found.parser.name == "gazette-sports"


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (None, date(2024, 1, 1)),  # unknown date: the newest version
        (date(2023, 12, 31), None),  # before the redesign
        (date(2024, 1, 1), date(2024, 1, 1)),
        (date(2025, 6, 1), date(2024, 1, 1)),
    ],
)
def test_the_version_current_at_the_page_date_is_chosen(
    when: date | None, expected: date | None
) -> None:
    found = choose_site_parser(
        entries(GazetteRedesign(), Gazette()), "https://gazette.example/a", when
    )
    assert found is not None
    assert found.parser.valid_from == expected


def test_no_url_or_no_match_means_no_parser() -> None:
    assert choose_site_parser(entries(Gazette()), None, None) is None
    assert choose_site_parser(entries(Gazette()), "https://other.example/", None) is None


def test_names_are_checked() -> None:
    with pytest.raises(ValueError, match="site parser name"):

        class Bad(SiteParser):
            name = "Bad Name"


def test_the_registry_refuses_duplicates_and_junk() -> None:
    registry = SiteParserRegistry("one", {})
    registry.add(Gazette())
    registry.add(GazetteRedesign())
    with pytest.raises(PluginError, match="already registered"):
        registry.add(Gazette())
    with pytest.raises(PluginError, match="not a newsparse SiteParser"):
        registry.add("gazette")  # type: ignore[arg-type]

    class NoDomains(SiteParser):
        name = "nowhere"

    with pytest.raises(PluginError, match="needs a name and domains"):
        registry.add(NoDomains())
    assert set(registry.added()) == {("gazette", None), ("gazette", date(2024, 1, 1))}
    other = SiteParserRegistry("two", registry.added())
    with pytest.raises(PluginError, match="by plugin 'one'"):
        other.add(Gazette())


class GazettePlugin:
    @hookimpl
    def newsparse_register_site_parsers(self, registry: SiteParserRegistry) -> None:
        registry.add(Gazette())
        registry.add(GazetteRedesign())


def gazette_page(published: str, headline_class: str = "headline") -> str:
    return f"""<!DOCTYPE html><html lang="en"><head>
<link rel="canonical" href="https://www.gazette.example/news/bridge">
<meta property="og:title" content="Generic title | Gazette">
<meta property="article:published_time" content="{published}">
</head><body>
<h1 class="{headline_class}">The <b>bridge</b> stays open</h1>
<span class="writer">Ada Byline</span><span class="writer">Bo Second</span>
<time class="stamp" datetime="{published}">today</time>
<div class="teaser"><p>{TEXT.replace("bridge", "tunnel")} {TEXT}</p></div>
<div class="story"><p>{TEXT}</p><aside><p>{AD}</p></aside><p>{TEXT.upper()}</p></div>
</body></html>"""


def test_a_registered_site_parser_supplies_its_fields() -> None:
    with registered(GazettePlugin(), name="gazette-plugin") as info:
        assert info.site_parsers == ("gazette", "gazette@2024-01-01")
        [article] = newsparse.parse(gazette_page("2023-05-02T10:00:00+02:00"), "html")
    assert article.title == "The bridge stays open"
    assert article.authors == ("Ada Byline", "Bo Second")
    assert article.published == datetime(2023, 5, 2, 8, 0, tzinfo=timezone.utc)
    assert article.paragraphs == (TEXT, TEXT.upper())  # the aside is removed
    assert article.url == "https://www.gazette.example/news/bridge"  # generic fills the rest


def test_the_redesign_reads_newer_pages() -> None:
    page = gazette_page("2024-05-02T10:00:00+02:00", headline_class="new-headline")
    with registered(GazettePlugin(), name="gazette-plugin"):
        [article] = newsparse.parse(page, "html")
    assert article.title == "The bridge stays open"


def test_without_the_plugin_generic_extraction_reads_the_page() -> None:
    [article] = newsparse.parse(gazette_page("2023-05-02T10:00:00+02:00"), "html")
    assert article.title == "Generic title"
    url = "https://www.gazette.example/news/bridge"
    assert choose_site_parser(get_host().site_parsers, url, None) is None


def test_a_fault_in_a_site_parser_names_the_plugin() -> None:
    class Broken(Gazette):
        name = "broken"

        def extract(self, page: Page) -> SiteFields:
            raise KeyError("the parser's own bug")

    class BrokenPlugin:
        @hookimpl
        def newsparse_register_site_parsers(self, registry: SiteParserRegistry) -> None:
            registry.add(Broken())

    with (
        registered(BrokenPlugin(), name="broken-plugin"),
        pytest.raises(PluginError, match="site parser 'broken' failed") as caught,
    ):
        newsparse.parse(gazette_page("2023-05-02T10:00:00+02:00"), "html")
    assert caught.value.plugin == "broken-plugin"
    assert isinstance(caught.value.__cause__, KeyError)


def test_the_html_format_reads_the_parsers_it_was_given_not_a_global() -> None:
    page = gazette_page("2023-05-02T10:00:00+02:00")
    registered_html = get_host().formats["html"]
    assert isinstance(registered_html, HtmlFormat)
    with registered(GazettePlugin(), name="gazette-plugin"):
        names = [entry.parser.name for entry in registered_html.site_parsers]
        assert names.count("gazette") == 2
        [with_parsers] = registered_html.parse(io.StringIO(page), "<page>")
        [own] = HtmlFormat().parse(io.StringIO(page), "<page>")  # given no site parsers
    assert isinstance(with_parsers, newsparse.Article)
    assert with_parsers.title == "The bridge stays open"
    assert isinstance(own, newsparse.Article)
    assert own.title == "Generic title"


def test_unregistering_removes_the_site_parsers() -> None:
    before = get_host().site_parsers  # installed site-parser plugins, if any
    with registered(GazettePlugin(), name="gazette-plugin"):
        assert len(get_host().site_parsers) == len(before) + 2
    assert get_host().site_parsers == before


def test_sections_of_groups_blocks_under_headings() -> None:
    story = html.fromstring(
        "<div><p>Intro.</p><p><img src='a.jpg'></p><h3>Later</h3><p>More \n text.</p>"
        "<h3>Empty</h3><h3>Last</h3><p>End.</p></div>"
    )
    assert sections_of(story) == (
        Section(paragraphs=("Intro.",)),
        Section(heading="Later", paragraphs=("More text.",)),
        Section(heading="Empty"),
        Section(heading="Last", paragraphs=("End.",)),
    )
    assert sections_of(story, headings=frozenset()) == (
        Section(paragraphs=("Intro.", "Later", "More text.", "Empty", "Last", "End.")),
    )


JSON_LD_PAGE = (
    """<html><head>
<meta property="og:title" content="Generic title">
<meta name="Author" content="Ann Lee">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "name": "The page"},
  {"@type": ["NewsArticle", "Thing"], "headline": "From JSON-LD", "wordCount": 41}
]}
</script>
</head><body><h1 class="headline">The bridge stays open</h1>
<p class="by">By Jane Doe</p><p class="by">By John Roe</p>
<div class="story"><p>TEXT</p></div></body></html>"""
).replace("TEXT", TEXT)


def _page(markup: str, url: str = "https://gazette.example/a") -> Page:
    return Page(tree=html.fromstring(markup), url=url)


def test_a_field_method_fills_its_field_after_the_selectors() -> None:
    class WithMethods(Gazette):
        name = "with-methods"

        @extracts("authors")
        def bylines(self, page: Page) -> tuple[str, ...]:
            return tuple(name.removeprefix("By ") for name in page.texts("//p[@class='by']"))

        @extracts("summary")
        def nothing(self, page: Page) -> str | None:
            return None

    fields = WithMethods().extract(_page(JSON_LD_PAGE))
    assert fields.authors == ("Jane Doe", "John Roe")  # the method, not the selector's nothing
    assert fields.title == "The bridge stays open"  # the selector, untouched
    assert fields.summary is None  # None leaves the field alone
    assert WithMethods.field_methods == {"authors": "bylines", "summary": "nothing"}


def test_a_method_wins_over_the_selector_of_its_field_and_subclasses_inherit_it() -> None:
    class Base(Gazette):
        name = "base"

        @extracts("title")
        def shouted(self, page: Page) -> str | None:
            title = page.text(self.title or "")
            return title.upper() if title else None

    class Later(Base):
        valid_from = date(2030, 1, 1)

    class Overriding(Base):
        name = "overriding"

        def shouted(self, page: Page) -> str | None:
            return "Overridden"

    page = _page(JSON_LD_PAGE)
    assert Base().extract(page).title == "THE BRIDGE STAYS OPEN"
    assert Later().extract(page).title == "THE BRIDGE STAYS OPEN"
    assert Overriding().extract(page).title == "Overridden"


def test_only_site_fields_can_be_extracted() -> None:
    with pytest.raises(ValueError, match="'headline' is not a site field"):
        extracts("headline")


def test_the_page_carries_json_ld_and_meta_tags_parsed_once_by_the_html_format() -> None:
    seen: list[Page] = []

    class Recording(Gazette):
        name = "recording"

        @extracts("topics")
        def record(self, page: Page) -> None:
            seen.append(page)

    class RecordingPlugin:
        @hookimpl
        def newsparse_register_site_parsers(self, registry: SiteParserRegistry) -> None:
            registry.add(Recording())

    markup = JSON_LD_PAGE.replace(
        "<head>", '<head><link rel="canonical" href="https://gazette.example/story">'
    )
    with registered(RecordingPlugin(), name="recording-plugin"):
        [article] = newsparse.parse(markup, "html")
    assert article.title == "The bridge stays open"
    [page] = seen
    assert page.url == "https://gazette.example/story"
    assert [obj.get("@type") for obj in page.json_ld] == [None, "WebPage", ["NewsArticle", "Thing"]]
    [news] = page.json_ld_of_type("NewsArticle")
    assert news["wordCount"] == 41
    assert page.meta["og:title"] == ("Generic title",)
    assert page.meta["author"] == ("Ann Lee",)
    assert page.date("//nothing") is None
