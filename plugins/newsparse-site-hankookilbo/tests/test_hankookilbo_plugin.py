"""The plugin is found through its entry point, and reads only Hankook Ilbo pages."""

from __future__ import annotations

from datetime import date
from importlib import metadata

import newsparse
import pytest
from newsparse.plugin import choose_site_parser, get_host

from newsparse_site_hankookilbo import HankookIlbo, HankookIlbo2026, __version__

# Hankook Ilbo's old article markup, on a page that says where it is from.
PAGE = """<!DOCTYPE html><html lang="ko"><head>
<link rel="canonical" href="{url}">
<meta property="og:title" content="시의회, 다리 보수 예산 통과 | 신문">
<meta property="article:published_time" content="2025-03-04T10:00:00+09:00">
</head><body>
<div itemprop="articleBody">
<h2 class="sub-tit-ll">첫째 줄<br>둘째 줄</h2>
<p class="editor-p">시의회는 4일 본회의를 열어 낡은 다리를 고치는 예산을 통과시켰다.</p>
<h3 class="editor-tit">남은 과제</h3>
<p class="editor-p">시는 공사 기간 동안 우회 도로를 열고 버스 노선을 조정하겠다고 밝혔다.</p>
<div class="writer"><span class="name"><strong>홍길동</strong> 기자</span></div>
</div></body></html>"""


def test_the_distribution_declares_the_entry_point() -> None:
    (entry,) = [
        ep for ep in metadata.entry_points(group="newsparse") if ep.name == "site-hankookilbo"
    ]
    assert entry.value == "newsparse_site_hankookilbo.plugin"
    assert entry.dist is not None
    assert entry.dist.metadata["Name"] == "newsparse-site-hankookilbo"
    assert __version__ == metadata.version("newsparse-site-hankookilbo")


def test_the_host_lists_the_plugin_with_its_site_parsers() -> None:
    info = {plugin.name: plugin for plugin in get_host().plugins}["site-hankookilbo"]
    assert info.ok
    assert info.distribution == "newsparse-site-hankookilbo"
    assert info.hooks == ("newsparse_register_site_parsers",)
    assert info.site_parsers == ("hankookilbo", "hankookilbo@2026-01-28")
    registered = {type(entry.parser) for entry in get_host().site_parsers}
    assert {HankookIlbo, HankookIlbo2026} <= registered


@pytest.mark.parametrize(
    ("url", "when", "version"),
    [
        ("https://www.hankookilbo.com/News/Read/A2025051516330004328", date(2025, 5, 15), None),
        ("https://hankookilbo.com/news/article/A1", date(2026, 1, 28), date(2026, 1, 28)),
        ("https://m.hankookilbo.com/news/article/A1", None, date(2026, 1, 28)),
    ],
)
def test_the_version_follows_the_publication_date(
    url: str, when: date | None, version: date | None
) -> None:
    chosen = choose_site_parser(get_host().site_parsers, url, when)
    assert chosen is not None
    assert chosen.plugin == "site-hankookilbo"
    assert chosen.parser.valid_from == version


@pytest.mark.parametrize(
    "url",
    ["https://www.example-daily.kr/news/1", "https://www.nothankookilbo.com/News/Read/A1"],
)
def test_a_page_of_another_site_is_not_touched(url: str, generic_only: None) -> None:
    page = PAGE.format(url=url)
    [generic] = newsparse.parse(page, "html")  # no plugin loaded here
    get_host().load_entry_points()
    assert "site-hankookilbo" in {plugin.name for plugin in get_host().plugins}
    [with_plugin] = newsparse.parse(page, "html")
    assert with_plugin == generic


def test_the_same_page_on_hankookilbo_com_is_read_by_the_plugin(generic_only: None) -> None:
    page = PAGE.format(url="https://www.hankookilbo.com/News/Read/A2025030410000000001")
    [generic] = newsparse.parse(page, "html")
    get_host().load_entry_points()
    [article] = newsparse.parse(page, "html")
    assert article != generic
    assert article.summary == "첫째 줄\n둘째 줄"
    assert [(s.heading, len(s.paragraphs)) for s in article.body] == [(None, 1), ("남은 과제", 1)]
    assert article.authors == ("홍길동",)
