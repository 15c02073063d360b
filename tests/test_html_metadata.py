"""Tests for the metadata extractor of the html format.

Every page here is a small hand-written snippet; the expected values were
worked out by hand from the rules in the module docstring.
"""

from __future__ import annotations

import gzip
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsparse import Article, Image, ParseError
from newsparse._formats.html.dom import parse_document
from newsparse._formats.html.metadata import MAX_IMAGES, PageMetadata, extract_metadata

UTC = timezone.utc
CEST = timezone(timedelta(hours=2))


def meta_of(head: str = "", body: str = "", *, lang: str = "") -> PageMetadata:
    attribute = f' lang="{lang}"' if lang else ""
    page = f"<html{attribute}><head>{head}</head><body>{body}</body></html>"
    return extract_metadata(parse_document(page, "test.html"))


def ld(*objects: object) -> str:
    return "".join(
        f'<script type="application/ld+json">{json.dumps(obj)}</script>' for obj in objects
    )


def og(**properties: str) -> str:
    return "".join(
        f'<meta property="{key.replace("__", ":").replace("_", ":", 1)}" content="{value}">'
        for key, value in properties.items()
    )


def named(name: str, content: str) -> str:
    return f'<meta name="{name}" content="{content}">'


def as_article(metadata: PageMetadata) -> Article:
    """Build the model from the metadata: raises if any value breaks its rules."""
    return Article(
        title=metadata.title or "untitled",
        authors=metadata.authors,
        published=metadata.published,
        modified=metadata.modified,
        url=metadata.url,
        publisher=metadata.publisher,
        language=metadata.language,
        topics=metadata.topics,
        summary=metadata.summary,
        images=metadata.images,
    )


# -- JSON-LD -----------------------------------------------------------------

FULL_ARTICLE = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Rain falls on the plain",
    "author": {"@type": "Person", "name": "Jane Doe"},
    "publisher": {"@type": "Organization", "name": "Example News"},
    "datePublished": "2024-05-03T15:47:42+02:00",
    "dateModified": "2024-05-04T08:00:00Z",
    "keywords": "weather, rain , Spain",
    "articleSection": "Science",
    "description": "It mainly falls there.",
    "image": {
        "@type": "ImageObject",
        "url": "https://example.com/rain.jpg",
        "caption": "Rain over fields",
        "creditText": "AP",
    },
    "inLanguage": "en-GB",
    "mainEntityOfPage": {"@type": "WebPage", "@id": "https://example.com/rain"},
}


def test_json_ld_news_article_fills_every_field() -> None:
    assert meta_of(ld(FULL_ARTICLE)) == PageMetadata(
        title="Rain falls on the plain",
        authors=("Jane Doe",),
        published=datetime(2024, 5, 3, 15, 47, 42, tzinfo=CEST),
        modified=datetime(2024, 5, 4, 8, tzinfo=UTC),
        url="https://example.com/rain",
        publisher="Example News",
        language="en-GB",
        topics=("weather", "rain", "Spain"),  # articleSection is not a topic
        summary="It mainly falls there.",
        images=(
            Image(url="https://example.com/rain.jpg", caption="Rain over fields", credit="AP"),
        ),
    )


def test_json_ld_in_a_graph_with_other_things() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "name": "Example News", "url": "https://example.com/"},
            {"@type": "WebSite", "name": "Example", "url": "https://example.com/"},
            {
                "@type": "BreadcrumbList",
                "itemListElement": [{"@type": "ListItem", "name": "Home"}],
            },
            {"@type": ["Article", "NewsArticle"], "headline": "Graph headline", "author": "Al Bo"},
        ],
    }
    metadata = meta_of(ld(graph))
    assert metadata.title == "Graph headline"
    assert metadata.authors == ("Al Bo",)
    assert metadata.url is None  # the Organization's url is not the article's


def test_json_ld_top_level_array_and_schema_url_types() -> None:
    data = [
        {"@type": "BreadcrumbList", "name": "Not this"},
        {
            "@type": "http://schema.org/BlogPosting",
            "name": "Named post",
            "url": "https://b.example/p",
        },
    ]
    metadata = meta_of(ld(data))
    assert metadata.title == "Named post"
    assert metadata.url == "https://b.example/p"


def test_json_ld_webpage_counts_only_with_article_fields() -> None:
    assert meta_of(ld({"@type": "WebPage", "name": "Just a page"})).title is None
    page = {"@type": "WebPage", "headline": "Page story", "datePublished": "2024-01-02T03:04Z"}
    metadata = meta_of(ld(page))
    assert metadata.title == "Page story"
    assert metadata.published == datetime(2024, 1, 2, 3, 4, tzinfo=UTC)


def test_json_ld_main_entity_of_a_webpage() -> None:
    page = {
        "@type": "WebPage",
        "mainEntity": {"@type": "ReportageNewsArticle", "headline": "Inner", "author": "Bo Li"},
    }
    metadata = meta_of(ld(page))
    assert metadata.title == "Inner"
    assert metadata.authors == ("Bo Li",)


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Jane Doe", ("Jane Doe",)),
        ({"@type": "Person", "name": "Jane Doe"}, ("Jane Doe",)),
        ({"@type": "Person", "givenName": "Jane", "familyName": "Doe"}, ("Jane Doe",)),
        ({"@type": "Organization", "name": "Reuters"}, ("Reuters",)),
        (
            [{"@type": "Person", "name": "Jane Doe"}, "John Roe", {"name": ["Ann Lee"]}],
            ("Jane Doe", "John Roe", "Ann Lee"),
        ),
        ([{"@type": "Person", "name": "Jane Doe"}, {"name": "Jane Doe"}], ("Jane Doe",)),
        ({"@type": "Person", "url": "https://example.com/jane"}, ()),
        ("https://example.com/authors/jane", ()),
        (42, ()),
    ],
)
def test_json_ld_author_shapes(author: object, expected: tuple[str, ...]) -> None:
    assert meta_of(ld({"@type": "NewsArticle", "author": author})).authors == expected


@pytest.mark.parametrize(
    ("keywords", "expected"),
    [
        ("a, b,c", ("a", "b", "c")),
        ("one; two", ("one", "two")),
        (["x", "y", "x", " "], ("x", "y")),
        ("single", ("single",)),
        ([1, None, "ok"], ("ok",)),
    ],
)
def test_json_ld_keywords(keywords: object, expected: tuple[str, ...]) -> None:
    assert meta_of(ld({"@type": "Article", "keywords": keywords})).topics == expected


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        ("https://e.x/a.jpg", (Image(url="https://e.x/a.jpg"),)),
        (
            ["https://e.x/a.jpg", "https://e.x/b.jpg", "https://e.x/a.jpg"],
            (Image(url="https://e.x/a.jpg"), Image(url="https://e.x/b.jpg")),
        ),
        (
            {
                "@type": "ImageObject",
                "contentUrl": "https://e.x/c.jpg",
                "description": "A cat",
                "author": {"name": "Photo Person"},
            },
            (Image(url="https://e.x/c.jpg", caption="A cat", credit="Photo Person"),),
        ),
        ({"@type": "ImageObject", "caption": "No address"}, ()),  # no image without a URL
        ({"@type": "ImageObject"}, ()),
        ("data:image/png;base64,AAAA", ()),
    ],
)
def test_json_ld_image_shapes(image: object, expected: tuple[Image, ...]) -> None:
    assert meta_of(ld({"@type": "NewsArticle", "image": image})).images == expected


def test_the_fullest_article_object_wins() -> None:
    thin = {"@type": "Article", "name": "Thin"}
    full = {
        "@type": "NewsArticle",
        "headline": "Full",
        "author": "Ann Lee",
        "datePublished": "2024-05-03T10:00Z",
    }
    assert meta_of(ld(thin, full)).title == "Full"


def test_a_related_article_lends_no_authors() -> None:
    main = {"@type": "NewsArticle", "headline": "Main story", "datePublished": "2024-05-03T10:00Z"}
    other = {"@type": "NewsArticle", "headline": "Another story", "author": "Not Me"}
    page = {
        "@type": "WebPage",
        "datePublished": "2024-05-03T10:00Z",
        "publisher": {"name": "Example News"},
    }
    metadata = meta_of(ld(main, other, page))
    assert metadata.title == "Main story"
    assert metadata.authors == ()
    assert metadata.publisher == "Example News"  # the page object fills the gap


@pytest.mark.parametrize(
    "script",
    [
        '<!-- {"@type": "NewsArticle", "headline": "Wrapped"} -->',
        '{"@type": "NewsArticle", "headline": "Wrapped"};',
        '{"@type": "NewsArticle", "headline": "Wrapped"} trailing rubbish',
        '{"@type": "NewsArticle", "headline": "Wrapped\ttab"}'.replace("\\t", "\t"),
    ],
)
def test_forgiving_json(script: str) -> None:
    title = meta_of(f'<script type="application/ld+json">{script}</script>').title
    assert title in ("Wrapped", "Wrapped tab")


def test_html_entities_in_json_ld_are_decoded() -> None:
    article = {"@type": "NewsArticle", "headline": "Tom &amp; Jerry&#8217;s &quot;day&quot;"}
    assert meta_of(ld(article)).title == 'Tom & Jerry\u2019s "day"'


# -- meta tags ---------------------------------------------------------------


def test_opengraph() -> None:
    head = (
        og(
            og_title="OG title",
            og_description="OG summary",
            og_url="https://example.com/og",
            og_site_name="OG Site",
            og_image="https://example.com/og.jpg",
            og_image__alt="What it shows",
            og_locale="pt_BR",
            article_published_time="2024-05-03T15:47:42+02:00",
            article_modified_time="2024-05-03T16:00:00+02:00",
            article_author="Ana Souza",
            article_section="World",
        )
        + og(article_tag="one")
        + og(article_tag="two")
    )
    assert meta_of(head) == PageMetadata(
        title="OG title",
        authors=("Ana Souza",),
        published=datetime(2024, 5, 3, 15, 47, 42, tzinfo=CEST),
        modified=datetime(2024, 5, 3, 16, tzinfo=CEST),
        url="https://example.com/og",
        publisher="OG Site",
        language="pt-BR",
        topics=("one", "two"),
        summary="OG summary",
        images=(Image(url="https://example.com/og.jpg", alt="What it shows"),),
    )


def test_an_author_url_is_not_a_name() -> None:
    head = og(article_author="https://facebook.com/someone") + named("author", "Real Name")
    assert meta_of(head).authors == ("Real Name",)


def test_twitter_and_plain_meta_tags() -> None:
    head = (
        named("twitter:title", "Tweet title")
        + named("twitter:description", "Tweet summary")
        + named("twitter:image", "https://example.com/t.jpg")
        + named("author", "Kim Park")
        + named("news_keywords", "alpha, beta")
        + named("keywords", "ignored, because news_keywords came first")
        + named("date", "2024-02-01T09:30:00+01:00")
        + '<link rel="canonical" href="https://example.com/canon">'
    )
    metadata = meta_of(head, lang="de")
    assert metadata.title == "Tweet title"
    assert metadata.summary == "Tweet summary"
    assert metadata.images == (Image(url="https://example.com/t.jpg"),)
    assert metadata.authors == ("Kim Park",)
    assert metadata.topics == ("alpha", "beta")
    assert metadata.published == datetime(2024, 2, 1, 8, 30, tzinfo=UTC)
    assert metadata.url == "https://example.com/canon"
    assert metadata.language == "de"


def test_dublin_core_and_citation_tags() -> None:
    head = (
        named("DC.title", "DC title")
        + named("DC.creator", "Dee Cee")
        + named("DCTERMS.issued", "2023-11-05T12:00Z")
        + named("dc.language", "fr")
        + named("citation_publisher", "A Journal")
        + named("DC.subject", "maths")
    )
    metadata = meta_of(head)
    assert metadata.title == "DC title"
    assert metadata.authors == ("Dee Cee",)
    assert metadata.published == datetime(2023, 11, 5, 12, tzinfo=UTC)
    assert metadata.language == "fr"
    assert metadata.publisher == "A Journal"
    assert metadata.topics == ("maths",)


@pytest.mark.parametrize(
    "head",
    [
        named("parsely-pub-date", "2022-03-04T05:06:00Z"),
        named("sailthru.date", "2022-03-04 05:06:00 +0000"),
        named("pubdate", "Fri, 04 Mar 2022 05:06:00 GMT"),
        named("publish-date", "2022-03-04T05:06Z"),
        named("article.published", "2022-03-04T06:06+01:00"),
        named("citation_publication_date", "2022-03-04T05:06Z"),
        '<meta itemprop="datePublished" content="2022-03-04T05:06:00Z">',
    ],
)
def test_each_date_tag(head: str) -> None:
    assert meta_of(head).published == datetime(2022, 3, 4, 5, 6, tzinfo=UTC)


def test_microdata() -> None:
    body = (
        '<article itemscope itemtype="https://schema.org/NewsArticle">'
        '<h1 itemprop="headline">Micro headline</h1>'
        '<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
        '<span itemprop="name">Mia Cro</span></span>'
        '<time itemprop="datePublished" datetime="2021-06-07T08:09:10Z">7 June</time>'
        '<figure itemscope itemtype="https://schema.org/ImageObject">'
        '<span itemprop="author">Photo Grapher</span></figure>'
        "</article>"
    )
    metadata = meta_of(body=body)
    assert metadata.title == "Micro headline"
    assert metadata.authors == ("Mia Cro",)  # not the photographer
    assert metadata.published == datetime(2021, 6, 7, 8, 9, 10, tzinfo=UTC)


# -- the document ------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("<title>Story of the day | Example News</title>", "Story of the day"),
        ("<title>Example News - Story of the day</title>", "Story of the day"),
        ("<title>Story of the day \u2013 EXAMPLE NEWS</title>", "Story of the day"),
        ("<title>Story: the sequel - Example News</title>", "Story: the sequel"),
        ("<title>Story - with a dash</title>", "Story - with a dash"),
        (og(og_title="Story of the day | Example News"), "Story of the day"),
    ],
)
def test_site_name_is_cut_from_titles(head: str, expected: str) -> None:
    assert meta_of(head + og(og_site_name="Example News")).title == expected


def test_title_cut_by_the_domain_name() -> None:
    head = "<title>Story of the day - example.com</title>" + og(og_url="https://www.example.com/s")
    assert meta_of(head).title == "Story of the day"


def test_title_element_gives_way_to_the_matching_h1() -> None:
    head = "<title>Story of the day | Section | Some Site</title>"
    assert meta_of(head, "<h1>Story of the day</h1>").title == "Story of the day"


def test_h1_in_the_article_beats_the_title_element() -> None:
    body = "<h1>Site logo</h1><article><h1>Real headline</h1></article>"
    assert meta_of("<title>Something else</title>", body).title == "Real headline"


def test_title_element_is_the_last_resort() -> None:
    assert meta_of("<title> Only   this </title>").title == "Only this"


# -- the title: what og:title and the h1 say of the first candidate -----------


def headline_and_og(headline: str, og_title: str, body: str = "") -> str | None:
    head = ld({"@type": "NewsArticle", "headline": headline}) + og(og_title=og_title)
    return meta_of(head, body).title


@pytest.mark.parametrize(
    ("headline", "og_title"),
    [
        # og:title leaves the kicker out: so does the title
        ("Harbour festival: Boats return to the old quay", "Boats return to the old quay"),
        ("Harbour festival - Boats return to the old quay", "Boats return to the old quay"),
        ("Night-Boats return to the old quay", "Boats return to the old quay"),
        # og:title keeps the kicker the headline lacks: so does the title
        ("Boats return to the old quay", "Harbour festival: Boats return to the old quay"),
    ],
)
def test_og_title_decides_whether_the_kicker_belongs(headline: str, og_title: str) -> None:
    assert headline_and_og(headline, og_title) == og_title


@pytest.mark.parametrize(
    ("headline", "og_title"),
    [
        # og:title is the headline without the clause added at its end
        ("Council approves the new bridge after a long debate", "Council approves the new bridge"),
        # og:title adds a clause to the headline
        ("Council approves the new bridge", "Council approves the new bridge over the river"),
    ],
)
def test_og_title_decides_whether_an_added_clause_belongs(headline: str, og_title: str) -> None:
    assert headline_and_og(headline, og_title) == og_title


@pytest.mark.parametrize(
    ("headline", "og_title"),
    [
        # a different wording: the headline stays first
        ("Council approves the new bridge", "Bridge plan gets the green light"),
        # a lead longer than what follows it is not a kicker
        ("Long report from the committee meeting: Bridge wins", "Bridge wins"),
        # most of the headline is not an added clause
        ("Council approves the new bridge over the old river", "Council approves"),
        # cut before a quotation mark (an attribute broken by a quote), not a clause
        (
            'Mayor calls the new bridge over the river "a gift"',
            "Mayor calls the new bridge over the river",
        ),
        # the og:title is only the site's name
        ("Example News celebrates", "Example News"),
    ],
)
def test_og_title_does_not_replace_another_headline(headline: str, og_title: str) -> None:
    site = og(og_site_name="Example News")
    head = ld({"@type": "NewsArticle", "headline": headline}) + og(og_title=og_title) + site
    assert meta_of(head).title == headline


def test_different_kickers_before_one_headline_are_left_out() -> None:
    head = og(og_title="Weather alert: Storm closes the mountain pass for the weekend")
    body = "<h1><span>Road news</span> - Storm closes the mountain pass for the weekend</h1>"
    assert meta_of(head, body).title == "Storm closes the mountain pass for the weekend"


REWORDED = "City council fails traders: here is what must change before the winter"


@pytest.mark.parametrize(
    ("og_title", "h1"),
    [
        # the leads share words: the first part was reworded, it is no kicker
        (REWORDED, "Town council fails traders: here is what must change before the winter"),
        # the same lead
        (REWORDED, "City council fails traders - here is what must change before the winter"),
        # leads longer than the text they share are no kickers
        ("Storm closes the mountain pass: Updates", "Hikers wait at a lodge - Updates"),
    ],
)
def test_a_shared_end_needs_short_kickers_of_their_own(og_title: str, h1: str) -> None:
    assert meta_of(og(og_title=og_title), f"<h1>{h1}</h1>").title == og_title


def test_document_dates_and_bylines() -> None:
    body = (
        "<article><header>"
        '<time datetime="2020-01-02T03:04:05+01:00">2 Jan</time>'
        '<a rel="author" href="/people/ann">Ann Lee</a>'
        "</header><p>Text</p></article>"
    )
    metadata = meta_of(body=body)
    assert metadata.published == datetime(2020, 1, 2, 2, 4, 5, tzinfo=UTC)
    assert metadata.authors == ("Ann Lee",)


def test_author_page_links() -> None:
    body = '<article><p>von <a href="https://e.x/autoren/max-muster">Max Muster</a></p></article>'
    assert meta_of(body=body).authors == ("Max Muster",)


def test_byline_class() -> None:
    body = (
        '<article><div class="article-byline"><span>By Jo Smith and Al Jones</span></div></article>'
    )
    assert meta_of(body=body).authors == ("Jo Smith", "Al Jones")


def test_byline_class_inner_element_and_case() -> None:
    # The outer box holds a byline element: the inner one is read.  Class
    # names match in any case, but a picture or date box is not a byline.
    body = (
        '<article><div class="Author-Box">'
        '<span class="author-photo">Photo: Ed Snap</span>'
        '<span class="AUTHOR-name">Kim Park</span></div></article>'
    )
    assert meta_of(body=body).authors == ("Kim Park",)


def test_byline_class_container_without_inner_text_is_skipped() -> None:
    body = (
        '<article><div class="byline"><span class="byline-name"></span></div>'
        '<p class="author">Lee Wu</p></article>'
    )
    assert meta_of(body=body).authors == ("Lee Wu",)


def test_dates_read_beyond_the_first_candidate() -> None:
    # The first candidate is a bare date and a later one has a time: the later
    # one wins, in the zone of a modification date that has an offset.
    head = (
        named("date", "2021-03-04")
        + named("pubdate", "2021-03-04 10:00")
        + og(article_modified_time="2021-03-05T08:00:00+02:00")
    )
    metadata = meta_of(head)
    assert metadata.published == datetime(2021, 3, 4, 8, 0, tzinfo=UTC)
    assert metadata.modified == datetime(2021, 3, 5, 6, 0, tzinfo=UTC)


def test_microdata_dates_and_headline() -> None:
    body = (
        '<div itemscope itemtype="https://schema.org/NewsArticle">'
        '<h2 itemprop="headline">Microdata headline</h2>'
        '<span itemprop="datePublished" content="2022-06-07T08:09:10Z">7 June</span>'
        '<span itemprop="dateModified">2022-06-08T01:02:03Z</span></div>'
    )
    metadata = meta_of(body=body)
    assert metadata.title == "Microdata headline"
    assert metadata.published == datetime(2022, 6, 7, 8, 9, 10, tzinfo=UTC)
    assert metadata.modified == datetime(2022, 6, 8, 1, 2, 3, tzinfo=UTC)


# -- priority ----------------------------------------------------------------


def test_priority_json_ld_then_opengraph_then_meta_then_document() -> None:
    article = {"@type": "NewsArticle", "headline": "From JSON-LD"}
    head_og = og(og_title="From OG", og_description="OG summary")
    head_meta = named("description", "Meta summary") + named("author", "Meta Author")
    body = '<h1>From h1</h1><a rel="author" href="/a">Dom Author</a>'
    metadata = meta_of(ld(article) + head_og + head_meta, body)
    assert metadata.title == "From JSON-LD"
    assert metadata.summary == "OG summary"
    assert metadata.authors == ("Meta Author",)
    assert meta_of(head_og + head_meta, body).title == "From OG"
    assert meta_of(head_meta, body).title == "From h1"
    assert meta_of("", body).authors == ("Dom Author",)


def test_a_precise_date_beats_a_bare_date_from_a_better_source() -> None:
    head = ld({"@type": "NewsArticle", "datePublished": "2024-05-03"}) + og(
        article_published_time="2024-05-03T09:15:00+02:00"
    )
    assert meta_of(head).published == datetime(2024, 5, 3, 9, 15, tzinfo=CEST)
    assert meta_of(ld({"@type": "NewsArticle", "datePublished": "2024-05-03"})).published == (
        datetime(2024, 5, 3, tzinfo=UTC)
    )


def test_a_naive_date_borrows_the_offset_of_another_date() -> None:
    article = {
        "@type": "NewsArticle",
        "datePublished": "2024-05-03 09:15",
        "dateModified": "2024-05-03T10:00:00+02:00",
    }
    metadata = meta_of(ld(article))
    assert metadata.published == datetime(2024, 5, 3, 9, 15, tzinfo=CEST)
    alone = meta_of(ld({"@type": "NewsArticle", "datePublished": "2024-05-03 09:15"}))
    assert alone.published == datetime(2024, 5, 3, 9, 15, tzinfo=UTC)


def test_the_site_name_as_author_gives_way_to_a_person() -> None:
    article = {
        "@type": "NewsArticle",
        "author": {"@type": "Organization", "name": "Example News"},
        "publisher": {"name": "Example News"},
    }
    assert meta_of(ld(article) + named("author", "Jane Doe")).authors == ("Jane Doe",)
    assert meta_of(ld(article)).authors == ("Example News",)
    both = dict(article, author=["Jane Doe", "Example News"])
    assert meta_of(ld(both)).authors == ("Jane Doe",)


# -- author normalisation ----------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By Jane Doe", ("Jane Doe",)),
        ("BY JANE DOE", ("JANE DOE",)),
        ("Von Hans Meier", ("Hans Meier",)),
        ("Por María López", ("María López",)),
        ("Par Jean Dupont", ("Jean Dupont",)),
        ("Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("Anna Berg, Jan Falk und Eva Ruiz", ("Anna Berg", "Jan Falk", "Eva Ruiz")),
        ("Felix Fuchs und Jo Wolf, dpa", ("Felix Fuchs", "Jo Wolf", "dpa")),
        ("Ludwig van Beethoven & Clara Schumann", ("Ludwig van Beethoven", "Clara Schumann")),
        ("Jane Doe, senior correspondent in Paris", ("Jane Doe, senior correspondent in Paris",)),
        ("Smith and sons", ("Smith and sons",)),
        ("Elena Ober (obe)", ("Elena Ober",)),
        ("김철수 기자", ("김철수",)),
        ("jane@example.com", ()),
        ("@janedoe", ()),
        ("www.example.com", ()),
        ("jane-doe", ()),
        ("(Image: Getty)", ()),
        ("By", ()),
    ],
)
def test_author_normalisation(raw: str, expected: tuple[str, ...]) -> None:
    assert meta_of(named("author", raw)).authors == expected


def test_authors_are_deduplicated_in_order() -> None:
    article = {"@type": "NewsArticle", "author": ["B Bee", "A Ay", "By B Bee", "A Ay"]}
    assert meta_of(ld(article)).authors == ("B Bee", "A Ay")


def test_a_name_with_a_trailing_button_label_is_dropped() -> None:
    body = (
        '<article><a href="/author/ann">Ann Lee</a><a href="/author/ann">Ann Lee Follow</a>'
        "</article>"
    )
    assert meta_of(body=body).authors == ("Ann Lee",)


# -- language and URLs -------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("en", "en"),
        ("pt_BR", "pt-BR"),
        ("de-DE", "de-DE"),
        ("en-US,en;q=0.9", "en"),
        ("x", None),
        ("\u00e9\u00e9", None),
    ],
)
def test_language(value: str, expected: str | None) -> None:
    assert meta_of(og(og_locale=value)).language == expected


def test_canonical_url_needs_to_be_absolute_http() -> None:
    assert meta_of('<link rel="canonical" href="/relative">').url is None
    assert meta_of('<link rel="canonical" href="//e.x/p">').url == "https://e.x/p"
    assert meta_of(og(og_url="javascript:alert(1)")).url is None


# -- hostile pages -----------------------------------------------------------


@pytest.mark.parametrize(
    "script",
    [
        "",
        "{",
        "null",
        "[]",
        "42",
        '"just a string"',
        "[" * 100_000 + "]" * 100_000,
        '{"@type": "NewsArticle", "headline": ' + "9" * 5000 + "}",
        '{"@type": {"nested": true}, "headline": ["a", "b"]}',
        '{"@type": "NewsArticle", "headline": {"@value": 3}, "author": [[[["Deep"]]]]}',
        '{"@type": "NewsArticle", "author": {"name": {"first": "x"}}, "image": [[{}]]}',
        '{"@type": "NewsArticle", "datePublished": 20240503, "keywords": {"a": 1}}',
        '{"@type": "NewsArticle", "inLanguage": {"name": "English"}, "publisher": [1, null]}',
        '{"@type": "NewsArticle", "mainEntityOfPage": 5, "url": ["a b"], "description": 1.5}',
        '{"@graph": {"@graph": {"@graph": {"@type": "Article", "headline": "\\ud800"}}}}',
        '{"@type": "NewsArticle", "headline": "a\\u0000b\\u2028c\\u0085d"}',
        '{"@type": "NewsArticle", "datePublished": "1e999"}',
        '{"@type": "NewsArticle", "headline": "' + "x " * 50_000 + '"}',
    ],
)
def test_hostile_json_ld_never_raises(script: str) -> None:
    metadata = meta_of(f'<script type="application/ld+json">{script}</script>')
    as_article(metadata)


def test_forbidden_characters_become_spaces() -> None:
    article = {"@type": "NewsArticle", "headline": "a\u0000b\u2028c\u0085d\ud800e"}
    assert meta_of(ld(article)).title == "a b c d e"


def test_huge_values_are_dropped() -> None:
    article = {"@type": "NewsArticle", "headline": "word " * 10_000, "author": "Ann " * 500}
    metadata = meta_of(ld(article))
    assert metadata.title is None
    assert metadata.authors == ()


def test_many_images_are_capped() -> None:
    images = [f"https://e.x/{n}.jpg" for n in range(50)]
    assert len(meta_of(ld({"@type": "NewsArticle", "image": images})).images) == MAX_IMAGES


def test_an_empty_page() -> None:
    assert meta_of() == PageMetadata()


_FRAGMENTS = [
    ld(FULL_ARTICLE),
    ld({"@type": "NewsArticle", "author": [{"name": "A B"}, 3], "image": [{}, "x y"]}),
    og(og_title="T | S", og_site_name="S", og_locale="en_GB", og_image=" "),
    named("author", "By X Y and Z W"),
    named("keywords", ",,;"),
    named("date", "2024-99-99"),
    '<link rel="canonical" href="https://e.x/c">',
    "<title>Title - Site</title>",
    "<h1>Heading</h1>",
    '<article><time datetime="2024-01-01T00:00:00+05:45">x</time></article>',
    '<div class="byline">By Someone</div>',
    '<a rel="author" href="/a/b">\u0001Ctrl\u2029Name</a>',
    '<script type="application/ld+json">{"@type":"NewsArticle","headline":',
    "<meta property='og:title' content='\u00a0 '>",
]


@given(
    st.lists(
        st.one_of(
            st.sampled_from(_FRAGMENTS),
            st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
            st.sampled_from(_FRAGMENTS).flatmap(
                lambda fragment: st.integers(0, len(fragment)).map(lambda cut: fragment[:cut])
            ),
        ),
        max_size=8,
    )
)
def test_never_raises_and_values_fit_the_model(parts: list[str]) -> None:
    text = "".join(parts).strip() or "<p>x</p>"
    try:
        root = parse_document(text, "fuzz.html")
    except ParseError:  # pages with no element at all
        return
    metadata = extract_metadata(root)
    as_article(metadata)
    for moment in (metadata.published, metadata.modified):
        assert moment is None or moment.utcoffset() is not None


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "@type",
                        "@graph",
                        "headline",
                        "name",
                        "author",
                        "datePublished",
                        "dateModified",
                        "keywords",
                        "image",
                        "publisher",
                        "inLanguage",
                        "url",
                        "mainEntityOfPage",
                        "description",
                        "caption",
                    ]
                ),
                inner,
                max_size=6,
            )
        ),
        max_leaves=30,
    ).map(lambda data: {"@type": "NewsArticle", "x": data} if not isinstance(data, dict) else data)
)
def test_arbitrary_json_ld_never_raises(data: object) -> None:
    if isinstance(data, dict) and "@type" not in data:
        data = dict(data, **{"@type": "NewsArticle"})
    as_article(meta_of(ld(data).replace("NaN", "0").replace("Infinity", "1")))


# -- the real corpus ---------------------------------------------------------

FUNDUS = Path("/work/shared/corpora/fundus")


@pytest.mark.skipif(not FUNDUS.is_dir(), reason="the fundus corpus (/work/shared) is not here")
def test_fundus_corpus_never_raises_and_mostly_finds_titles() -> None:
    manifest = json.loads((FUNDUS / "manifest.json").read_text(encoding="utf-8"))
    titles = 0
    for entry in manifest:
        data = gzip.decompress((FUNDUS / "test_data" / entry["html"]).read_bytes())
        metadata = extract_metadata(parse_document(data.decode("utf-8"), entry["html"]))
        as_article(metadata)
        expected = json.loads((FUNDUS / "test_data" / entry["json"]).read_text(encoding="utf-8"))
        title = expected[entry["version"]].get("title")
        if metadata.title and title and re.sub(r"\s+", " ", title).strip() == metadata.title:
            titles += 1
    assert titles >= 0.8 * len(manifest)
