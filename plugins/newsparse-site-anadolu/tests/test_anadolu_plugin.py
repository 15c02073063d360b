"""The plugin is found through its entry point, and reads only Anadolu Ajansı pages."""

from __future__ import annotations

from datetime import date, datetime
from importlib import metadata

import newsparse
import pytest
from newsparse.plugin import choose_site_parser, get_host

from newsparse_site_anadolu import TRT, AnadoluAjansi, AnadoluAjansi2026, __version__

# Anadolu Ajansı's article markup until April 2026, on a page that says where it is from.
PAGE = """<!DOCTYPE html><html lang="tr"><head>
<link rel="canonical" href="{url}">
<meta property="og:title" content="Belediye yeni köprü için düğmeye bastı">
</head><body><div class="detay-bg"><div class="detay-spot container">
<h1>Belediye yeni köprü için düğmeye bastı</h1>
<h4>Belediye meclisi, şehir merkezine yeni bir köprü yapılmasını onayladı.</h4>
<div class="row"><span>Ayşe Yılmaz, Mehmet Demir |</span>
<span class="tarih">03.02.2025 - Güncelleme : 04.02.2025</span></div>
</div></div>
<div class="detay-icerik"><h6>İzmir</h6><div>
<p>Belediye meclisi salı günü yaptığı toplantıda yeni köprü projesini oy birliğiyle kabul etti.</p>
<h3>"Çalışmalar mayısta başlayacak"</h3>
<p>Belediye başkanı, inşaatın mayıs ayında başlayıp iki yıl süreceğini söyledi.</p>
<span class="detay-foto-editor">Abonelik için lütfen iletişime geçiniz.</span></div>
<div class="detay-paylas"><h6>İlgili konular</h6></div></div>
</body></html>"""


def test_the_distribution_declares_the_entry_point() -> None:
    (entry,) = [ep for ep in metadata.entry_points(group="newsparse") if ep.name == "site-anadolu"]
    assert entry.value == "newsparse_site_anadolu.plugin"
    assert entry.dist is not None
    assert entry.dist.metadata["Name"] == "newsparse-site-anadolu"
    assert __version__ == metadata.version("newsparse-site-anadolu")


def test_the_host_lists_the_plugin_with_its_site_parsers() -> None:
    info = {plugin.name: plugin for plugin in get_host().plugins}["site-anadolu"]
    assert info.ok
    assert info.distribution == "newsparse-site-anadolu"
    assert info.hooks == ("newsparse_register_site_parsers",)
    assert info.site_parsers == ("anadolu", "anadolu@2026-04-06")
    registered = {type(entry.parser) for entry in get_host().site_parsers}
    assert {AnadoluAjansi, AnadoluAjansi2026} <= registered


@pytest.mark.parametrize(
    ("when", "version"),
    [(date(2025, 4, 5), None), (date(2026, 4, 6), date(2026, 4, 6)), (None, date(2026, 4, 6))],
)
def test_the_version_follows_the_publication_date(when: date | None, version: date | None) -> None:
    url = "https://www.aa.com.tr/tr/gundem/yeni-kopru/1"
    chosen = choose_site_parser(get_host().site_parsers, url, when)
    assert chosen is not None
    assert chosen.plugin == "site-anadolu"
    assert chosen.parser.valid_from == version


@pytest.mark.parametrize(
    "url", ["https://www.trthaber.com/haber/gundem/1.html", "https://www.aa.com.tr.example/tr/1"]
)
def test_a_page_of_another_site_is_not_touched(url: str, generic_only: None) -> None:
    page = PAGE.format(url=url)
    [generic] = newsparse.parse(page, "html")  # no plugin loaded here
    get_host().load_entry_points()
    assert "site-anadolu" in {plugin.name for plugin in get_host().plugins}
    [with_plugin] = newsparse.parse(page, "html")
    assert with_plugin == generic


def test_an_old_page_without_a_machine_readable_date_gets_the_old_rules() -> None:
    # The page's only date is in its text, so the newest version is chosen and
    # hands the page to the old one.
    [article] = newsparse.parse(PAGE.format(url="https://www.aa.com.tr/tr/gundem/1"), "html")
    assert article.published == datetime(2025, 2, 3, tzinfo=TRT)
    assert article.authors == ("Ayşe Yılmaz", "Mehmet Demir")
    assert (
        article.summary == "Belediye meclisi, şehir merkezine yeni bir köprü yapılmasını onayladı."
    )
    assert [(s.heading, s.paragraphs[0][:8]) for s in article.body] == [
        (None, "İzmir"),
        ('"Çalışmalar mayısta başlayacak"', "Belediye"),
    ]
    assert "Abonelik" not in article.text
    assert "İlgili konular" not in article.text
