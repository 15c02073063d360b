"""Writing articles as clean, semantic HTML5, and reading that markup back exactly.

One document holds the articles given, in order::

    <!DOCTYPE html>
    <html>
    <head>
    <meta charset="utf-8">
    <meta name="generator" content="newsparse">
    <title>first headline</title>
    <script type="application/ld+json">[{"@type": "NewsArticle", ...}, ...]</script>
    </head>
    <body>
    <article lang="en">
    <h1>headline</h1>
    <p class="summary">standfirst</p>
    <figure><img src="..." alt="..."><figcaption><span class="caption">...</span>
      <small class="credit">...</small></figcaption></figure>
    <section><h2>heading</h2><p>paragraph</p><ul>...</ul><table>...</table>...</section>
    </article>
    ...
    </body>
    </html>

The metadata (authors, dates, URL, publisher, language, topics, summary and
``meta``) is in the schema.org JSON-LD, one ``NewsArticle`` per article; the
text is in the elements.  A line break inside a text is a ``<br>``; every
other character is kept as it is, escaped where HTML needs it.  Each block
of a section is one element (see ``newsparse._formats.html.ownblocks``).

The ``generator`` mark tells ``read_own_markup`` that the document is
newsparse's own, which it then reads element by element without the generic
heuristics, so every valid article survives the round trip unchanged.
Without the mark (a page edited by hand, say) the generic reader reads it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from html import escape
from typing import Any

from lxml import etree

from newsparse._formats.html.ownblocks import (
    exact_text,
    read_block,
    read_figure,
    write_block,
    write_figure,
)
from newsparse._model import Article, Section

__all__ = ["GENERATOR", "read_own_markup", "render_document"]

GENERATOR = "newsparse"
"""The content of the ``<meta name="generator">`` that marks newsparse's own markup."""

_JSON_LD = "application/ld+json"


# -- writing -------------------------------------------------------------------


def render_document(articles: Sequence[Article]) -> str:
    """Return the HTML document holding ``articles`` (see the module docstring)."""
    title = f"<title>{_text(articles[0].title)}</title>\n" if articles else ""
    data = json.dumps([_json_ld(article) for article in articles], ensure_ascii=False)
    # "<" never appears raw in the script, so no "</script>" can end it early.
    data = data.replace("<", "\\u003c")
    head = (
        '<meta charset="utf-8">\n'
        f'<meta name="generator" content="{GENERATOR}">\n'
        f"{title}"
        f'<script type="{_JSON_LD}">{data}</script>\n'
    )
    body = "".join(_article(article) for article in articles)
    return f"<!DOCTYPE html>\n<html>\n<head>\n{head}</head>\n<body>\n{body}</body>\n</html>\n"


def _text(value: str) -> str:
    return escape(value, quote=False).replace("\n", "<br>")


def _attribute(value: str) -> str:
    return escape(value, quote=True)


def _article(article: Article) -> str:
    lang = f' lang="{_attribute(article.language)}"' if article.language else ""
    parts = [f"<article{lang}>\n<h1>{_text(article.title)}</h1>\n"]
    if article.summary is not None:
        parts.append(f'<p class="summary">{_text(article.summary)}</p>\n')
    parts.extend(write_figure(image) + "\n" for image in article.images)
    parts.extend(_section(section) for section in article.body)
    parts.append("</article>\n")
    return "".join(parts)


def _section(section: Section) -> str:
    heading = f"<h2>{_text(section.heading)}</h2>" if section.heading is not None else ""
    return f"<section>{heading}{''.join(map(write_block, section.blocks))}</section>\n"


def _json_ld(article: Article) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
    }
    if article.authors:
        data["author"] = [{"@type": "Person", "name": name} for name in article.authors]
    if article.published is not None:
        data["datePublished"] = article.published.isoformat()
    if article.modified is not None:
        data["dateModified"] = article.modified.isoformat()
    if article.url is not None:
        data["url"] = article.url
    if article.publisher is not None:
        data["publisher"] = {"@type": "Organization", "name": article.publisher}
    if article.language is not None:
        data["inLanguage"] = article.language
    if article.topics:
        data["keywords"] = list(article.topics)
    if article.summary is not None:
        data["description"] = article.summary
    if article.meta:
        data["identifier"] = [
            {"@type": "PropertyValue", "propertyID": key, "value": value}
            for key, value in article.meta.items()
        ]
    return data


# -- reading back -----------------------------------------------------------------


# Compiled once: every page read is asked whether newsparse wrote it.
_GENERATOR_MARKS = etree.XPath("/html/head/meta[@name='generator']/@content")


def read_own_markup(root: etree._Element) -> list[Article] | None:
    """Read a document :func:`render_document` wrote; ``None`` for any other page.

    Raises:
        ValueError, TypeError, KeyError: the document carries the mark but its
            JSON-LD or its elements do not fit together (the caller reports
            them as a parse error).
    """
    marks = _GENERATOR_MARKS(root)
    if not isinstance(marks, list) or GENERATOR not in marks:
        return None
    scripts = _elements(root, f"/html/head/script[@type='{_JSON_LD}']")
    if len(scripts) != 1:
        raise ValueError("newsparse markup has exactly one JSON-LD script")
    records = json.loads(scripts[0].text or "")
    elements = _elements(root, "/html/body/article")
    if not isinstance(records, list) or len(records) != len(elements):
        raise ValueError("the JSON-LD does not list one record per <article>")
    pairs = zip(records, elements, strict=True)
    return [_read_article(record, element) for record, element in pairs]


def _read_article(record: dict[str, Any], element: etree._Element) -> Article:
    summary_elements = _elements(element, "p[@class='summary']")
    return Article(
        title=exact_text(_single(element, "h1")),
        body=[_read_section(section) for section in _elements(element, "section")],
        images=[read_figure(figure) for figure in _elements(element, "figure")],
        authors=[author["name"] for author in record.get("author", ())],
        published=_moment(record.get("datePublished")),
        modified=_moment(record.get("dateModified")),
        url=record.get("url"),
        publisher=record["publisher"]["name"] if "publisher" in record else None,
        language=element.get("lang"),
        topics=record.get("keywords", ()),
        summary=exact_text(summary_elements[0]) if summary_elements else None,
        meta={item["propertyID"]: item["value"] for item in record.get("identifier", ())},
    )


def _read_section(section: etree._Element) -> Section:
    children = list(section)
    heading = None
    if children and children[0].tag == "h2":
        heading = exact_text(children.pop(0))
    return Section(heading=heading, blocks=[read_block(child) for child in children])


def _single(element: etree._Element, path: str) -> etree._Element:
    found = _elements(element, path)
    if len(found) != 1:
        raise ValueError(f"an <article> of newsparse markup has one <{path}>")
    return found[0]


def _elements(element: etree._Element, path: str) -> list[etree._Element]:
    """Return the elements ``path`` selects from ``element``."""
    found = element.xpath(path)
    return (
        [item for item in found if isinstance(item, etree._Element)]
        if isinstance(found, list)
        else []
    )


def _moment(value: object) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("a date in newsparse markup is an ISO 8601 string")
    return datetime.fromisoformat(value)
