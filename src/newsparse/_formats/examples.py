"""Hand-written inputs of the built-in formats, for their tests and the fuzz harness.

Each format has a canonical tuple (inputs that must render back byte for
byte after parsing) and an accepted one (valid inputs written otherwise),
which its :class:`~newsparse.testing.FormatConformance` subclass declares as
:attr:`~newsparse.testing.FormatConformance.canonical_examples` and
:attr:`~newsparse.testing.FormatConformance.accepted_examples`.  The fuzz
harness starts its corpora from them too, so this module needs nothing but
the standard library.  The formats themselves never import it.
"""

from __future__ import annotations

__all__ = [
    "HTML_ACCEPTED",
    "HTML_CANONICAL",
    "JSONL_ACCEPTED",
    "JSONL_CANONICAL",
    "JSON_ACCEPTED",
    "JSON_CANONICAL",
    "WARC_ACCEPTED",
]

_JSON_LD = (
    '[{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Rain in Tehran",'
    ' "author": [{"@type": "Person", "name": "A. Writer"}],'
    ' "datePublished": "2025-04-29T09:30:00+03:30", "inLanguage": "en",'
    ' "identifier": [{"@type": "PropertyValue", "propertyID": "tt.number", "value": "20"}]}]'
)

_HTML_DOCUMENT = (
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

_HTML_OTHERWISE = (
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

HTML_CANONICAL = (_HTML_DOCUMENT,)
"""The ``html`` format's canonical examples: a document in newsparse's own markup."""

HTML_ACCEPTED = (_HTML_OTHERWISE,)
"""The ``html`` format's accepted examples: the same document, other case, quoting, spacing."""

_JSON_ARTICLE = """{
    "title": "Oman hosts a fourth round of talks",
    "body": [
      {
        "heading": null,
        "paragraphs": [
          "The talks were moved to Muscat.",
          "“Our red lines are clear,” she said."
        ]
      },
      {
        "heading": "Reactions",
        "paragraphs": [
          "صحيفة الشرق الأوسط reported the date."
        ]
      }
    ],
    "images": [
      {
        "url": "https://example.com/muscat.jpg",
        "alt": "A street in Muscat",
        "caption": "Muscat, the venue (AFP)",
        "credit": "AFP"
      }
    ],
    "authors": [
      "A. Writer"
    ],
    "published": "2025-04-29T09:30:00+03:00",
    "modified": null,
    "url": "https://example.com/news/1",
    "publisher": "Example News",
    "language": "en",
    "topics": [
      "Iran",
      "Oman"
    ],
    "summary": null,
    "meta": {
      "example.id": "1"
    }
  }"""
"""One article of the ``json`` format with every field set, indented as ``render`` writes it."""

JSON_CANONICAL = ("[]\n", "[\n  " + _JSON_ARTICLE + "\n]\n")
"""The ``json`` format's canonical examples: an empty array and a one-article document."""

JSON_ACCEPTED = (
    _JSON_ARTICLE,
    '[{"title": "One"},{"title":"Two", "authors": ["B"]}]',
    "  [ ]  ",
    '{"title": "Short", "published": "2025-01-01T00:00:00Z"}\r\n',
)
"""The ``json`` format's accepted examples: a bare object, a compact array, a short document."""

JSONL_CANONICAL = (
    "",
    '{"title": "One", "body": [], "images": [], "authors": [], "published": null, '
    '"modified": null, "url": null, "publisher": null, "language": null, "topics": [], '
    '"summary": null, "meta": {}}\n'
    '{"title": "اثنان", "body": [{"heading": null, "paragraphs": ["نص"]}], "images": [], '
    '"authors": [], "published": "2020-11-24T12:00:00+03:30", "modified": null, '
    '"url": null, "publisher": null, "language": "ar", "topics": [], "summary": null, '
    '"meta": {}}\n',
)
"""The ``jsonl`` format's canonical examples: no articles, and two hand-written lines."""

JSONL_ACCEPTED = ('{"title": "One"}\r\n\r\n  \n{"title": "Two"}', '\n\n{"title": "Three"}\n')
"""The ``jsonl`` format's accepted examples: short lines, blank lines and CRLF line ends."""


def _warc_record(kind: str, block: str, content_type: str) -> str:
    head = (
        f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Date: 2025-04-29T06:00:00Z\r\n"
        "WARC-Target-URI: https://example.com/rain\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head + block + "\r\n\r\n"


WARC_ACCEPTED = (
    _warc_record("request", "GET /rain HTTP/1.1\r\n\r\n", "application/http; msgtype=request")
    + _warc_record(
        "response",
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + _HTML_OTHERWISE,
        "application/http; msgtype=response",
    ),
)
"""A WARC file (ASCII, so its UTF-8 bytes are the file): a request and its response
with a page; the ``warc`` format is parse-only, so nothing is canonical."""
