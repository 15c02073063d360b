"""The plugin is found through its entry point, and reads only Dagbladet pages."""

from __future__ import annotations

from datetime import date
from importlib import metadata

import newsparse
import pytest
from newsparse.plugin import choose_site_parser, get_host

from newsparse_site_dagbladet import Dagbladet, Dagbladet2025, __version__

# Dagbladet's 2024 article markup, on a page that says where it is from.
PAGE = """<!DOCTYPE html><html lang="no"><head>
<link rel="canonical" href="{url}">
<meta property="og:title" content="Bystyret sa ja til ny bru">
<meta property="article:published_time" content="2024-03-04T10:00:00+01:00">
</head><body><main id="main"><article class="article-entity">
<div class="article-top expand"><div class="content"><header>
<div class="kicker">Endelig:</div><h1 class="headline">Ny bru <span>i sentrum</span></h1>
<h3 class="subtitle">Bystyret vedtok i kveld å bygge en ny bru over elva.</h3>
</header></div><section class="meta"><div class="bylines">
<div class="byline"><address class="name"><a rel="author">Kari Nordmann</a></address></div>
</div></section></div>
<div class="body-copy">
<p>Bystyret vedtok tirsdag kveld å bygge en ny bru over elva, etter flere års debatt.</p>
<figure><figcaption>BRUA: Slik skal den se ut. Foto: Kommunen</figcaption></figure>
<h2>Byggestart i mai</h2>
<p>Arbeidet skal etter planen starte i mai og ta to år, ifølge kommunen.</p>
</div></article></main></body></html>"""


def test_the_distribution_declares_the_entry_point() -> None:
    (entry,) = [
        ep for ep in metadata.entry_points(group="newsparse") if ep.name == "site-dagbladet"
    ]
    assert entry.value == "newsparse_site_dagbladet.plugin"
    assert entry.dist is not None
    assert entry.dist.metadata["Name"] == "newsparse-site-dagbladet"
    assert __version__ == metadata.version("newsparse-site-dagbladet")


def test_the_host_lists_the_plugin_with_its_site_parsers() -> None:
    info = {plugin.name: plugin for plugin in get_host().plugins}["site-dagbladet"]
    assert info.ok
    assert info.distribution == "newsparse-site-dagbladet"
    assert info.hooks == ("newsparse_register_site_parsers",)
    assert info.site_parsers == ("dagbladet", "dagbladet@2025-01-01")
    registered = {type(entry.parser) for entry in get_host().site_parsers}
    assert {Dagbladet, Dagbladet2025} <= registered


@pytest.mark.parametrize(
    ("when", "version"),
    [(date(2024, 5, 9), None), (date(2026, 1, 6), date(2025, 1, 1)), (None, date(2025, 1, 1))],
)
def test_the_version_follows_the_publication_date(when: date | None, version: date | None) -> None:
    url = "https://www.dagbladet.no/nyheter/ny-bru/1"
    chosen = choose_site_parser(get_host().site_parsers, url, when)
    assert chosen is not None
    assert chosen.plugin == "site-dagbladet"
    assert chosen.parser.valid_from == version


@pytest.mark.parametrize(
    "url", ["https://www.vg.no/nyheter/i/1", "https://www.ikkedagbladet.no/nyheter/ny-bru/1"]
)
def test_a_page_of_another_site_is_not_touched(url: str, generic_only: None) -> None:
    page = PAGE.format(url=url)
    [generic] = newsparse.parse(page, "html")  # no plugin loaded here
    get_host().load_entry_points()
    assert "site-dagbladet" in {plugin.name for plugin in get_host().plugins}
    [with_plugin] = newsparse.parse(page, "html")
    assert with_plugin == generic


def test_the_same_page_on_dagbladet_no_is_read_by_the_plugin(generic_only: None) -> None:
    page = PAGE.format(url="https://www.dagbladet.no/nyheter/ny-bru/1")
    [generic] = newsparse.parse(page, "html")
    get_host().load_entry_points()
    [article] = newsparse.parse(page, "html")
    assert article != generic
    assert article.title == "Ny bru i sentrum"
    assert article.summary == "Bystyret vedtok i kveld å bygge en ny bru over elva."
    assert [(s.heading, len(s.paragraphs)) for s in article.body] == [
        (None, 1),
        ("Byggestart i mai", 1),
    ]
