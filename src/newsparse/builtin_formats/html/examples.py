"""Hand-written documents in the ``html`` format's own markup, for its conformance tests."""

from __future__ import annotations

__all__ = ["ACCEPTED", "CANONICAL"]

_JSON_LD = (
    '[{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Rain in Tehran",'
    ' "author": [{"@type": "Person", "name": "A. Writer"}],'
    ' "datePublished": "2025-04-29T09:30:00+03:30", "inLanguage": "en",'
    ' "identifier": [{"@type": "PropertyValue", "propertyID": "tt.number", "value": "20"}]}]'
)

CANONICAL = (
    "<!DOCTYPE html>\n<html>\n<head>\n"
    '<meta charset="utf-8">\n'
    '<meta name="generator" content="newsparse">\n'
    "<title>Rain in Tehran</title>\n"
    f'<script type="application/ld+json">{_JSON_LD}</script>\n'
    "</head>\n<body>\n"
    '<article lang="en">\n'
    "<h1>Rain in Tehran</h1>\n"
    '<figure><img src="https://example.com/rain.jpg" alt="Umbrellas"><figcaption>'
    '<span class="caption">Valiasr Street</span><small class="credit">AFP</small>'
    "</figcaption></figure>\n"
    "<section><p>It rained.</p><p>Streets flooded;<br>schools closed.</p></section>\n"
    "</article>\n</body>\n</html>\n"
)
"""One article with an image, a two-line paragraph and a ``meta`` value."""

ACCEPTED = (
    "<!doctype html><HTML><HEAD><META CHARSET=utf-8>"
    "<meta content=newsparse name=generator><TITLE>Anything</TITLE>"
    "<script type='application/ld+json'>\n"
    '[ { "headline" : "Rain in Tehran", "inLanguage": "en",\n'
    '    "datePublished": "2025-04-29T09:30:00+03:30",\n'
    '    "author": [ {"name": "A. Writer"} ],\n'
    '    "identifier": [ {"propertyID": "tt.number", "value": "20"} ] } ]\n'
    "</script></HEAD>\n<BODY>\n  <ARTICLE lang=en>\n    <H1>Rain in Tehran</H1>\n"
    "    <FIGURE><IMG alt='Umbrellas' src='https://example.com/rain.jpg'>\n"
    "      <FIGCAPTION><span class=caption>Valiasr Street</span>"
    "<small class=credit>AFP</small></FIGCAPTION>\n    </FIGURE>\n"
    "    <SECTION>\n      <P>It rained.</P>\n      <P>Streets flooded;<BR>schools closed.</P>\n"
    "    </SECTION>\n  </ARTICLE>\n</BODY></HTML>"
)
"""The same article written differently: upper-case tags, other quoting and spacing."""
