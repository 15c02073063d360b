"""The title: the headline without the site's name, as the page's sources agree on it.

Candidates come in the source order of
``metadata`` (JSON-LD ``headline``, then an
article object's ``name``, ``og:title``, ``twitter:title``, Dublin Core
and the like, microdata ``headline``, the ``<h1>``, the ``<title>``).  Any
of them may carry the site name, as in ``"Headline | Example News"``: the
text is cut at a bar, a spaced hyphen, en or em dash, a middle dot,
``»``, ``::`` or a full-width bar or colon, and a first or last part that
matches the publisher, ``og:site_name`` or the domain name (ignoring case,
spaces and punctuation) is dropped.  When one of the parts equals the
page's ``<h1>``, the ``<h1>`` is the title.  The other parts are put back
together with the separators they had.

The first candidate left is the title, unless two other sources correct
it:

* ``og:title`` decides whether a kicker or an added clause belongs to the
  headline.  When the title and the ``og:title`` differ only by a lead in
  front (``"Topic: Headline"`` against ``"Headline"``; the lead ends at a
  word boundary and is shorter than the rest) or by words added at the
  end (after a space, fewer words than they share), the ``og:title`` is
  the title.  It is written to stand alone in link previews, so it
  carries the kicker or the clause when the publisher counts it as part
  of the headline, while JSON-LD headlines and ``<h1>`` elements are
  often put together by templates that add or leave out the kicker
  whatever the headline is.
* When the title and the ``<h1>`` put different leads before the same
  text at a separator (``": "``, ``" - "``, ``" | "``, ``" / "``...),
  leads with no word in common and each shorter than that text, the text
  is the title: a kicker that changes from one place to the next is a
  label, not part of the headline.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from urllib.parse import urlsplit

from newsparse._formats.html.cleaning import clean_line, squash, unescape
from newsparse._formats.html.dom import text_of
from newsparse._formats.html.jsonld import is_article
from newsparse._formats.html.sources import PageSources

__all__ = ["choose_title", "page_h1", "page_title_element", "site_names", "strip_site_name"]

_TITLE_SEPARATOR = re.compile(
    r"\s+(?:[|\-\u2013\u2014\u00b7\u2022:\u00bb/]|::)\s+|\s*[|\u00bb\u00b7\u2022\uff5c\uff1a]\s*"
)
_ADDED_WORDS = re.compile(r"\s+\w")  # words added after a title: a space, then a word
# Between a kicker and the headline: "Topic: Headline", "Topic - Headline".
_LEAD_SEPARATOR = re.compile(r"\s*[:|/\u00bb\uff1a]\s+|\s+[-\u2013\u2014]\s+")
_WORD = re.compile(r"\w+")


def site_names(page: PageSources, publisher: str | None, url: str | None) -> set[str]:
    """Return the names the site goes by, squashed: publisher, site name, domain."""
    names = {squash(publisher)} if publisher else set()
    names.update(squash(v) for v in page.metas("og:site_name", "application-name") if v)
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:  # an invalid IPv6 literal, say
        host = None
    if host:
        host = host.removeprefix("www.")
        names.add(squash(host))
        names.add(squash(host.rsplit(".", 1)[0]))
    names.discard("")
    return names


def choose_title(page: PageSources, names: set[str]) -> str | None:
    """Return the headline without the site's names (the module docstring gives the rules).

    ``names`` are the names the site goes by (see :func:`site_names`).
    """
    h1 = page_h1(page)
    # og:title is often another source's text again: it is cut only once.
    stripped: dict[str, str] = {}

    def strip(title: str) -> str:
        if title not in stripped:
            stripped[title] = strip_site_name(title, names, h1)
        return stripped[title]

    first = next(_site_stripped_titles(_title_candidates(page), strip), None)
    if first is None:
        if h1:
            return h1
        title = page_title_element(page)
        return strip_site_name(title, names, None) if title else None
    social = next(_site_stripped_titles(page.metas("og:title"), strip), None)
    if social is not None and squash(social) in names:
        social = None
    return _agreed_title(first, social, h1)


def _title_candidates(page: PageSources) -> Iterator[object]:
    """Yield the title candidates in priority order."""
    yield from (unescape(v) for v in page.ld_values("headline"))
    for obj in page.ld:  # an article's name is its headline; a web page's is not
        if is_article(obj):
            yield unescape(obj.get("name"))
    yield from page.metas(
        "og:title",
        "twitter:title",
        "dc.title",
        "dcterms.title",
        "citation_title",
        "parsely-title",
        "sailthru.title",
        "title",
    )
    yield from page.itemprop("headline")


def page_h1(page: PageSources) -> str | None:
    """Return the text of the article's first ``<h1>``, if any (read once per page)."""
    if page.first_h1 is False:
        page.first_h1 = _first_h1(page)
    return page.first_h1 if isinstance(page.first_h1, str) else None


def _first_h1(page: PageSources) -> str | None:
    article = page.article()
    headings = (
        list(itertools.islice(article.iterdescendants("h1"), 3)) if article is not None else []
    )
    headings = headings or page.elements["h1"]
    for heading in headings[:3]:
        text = clean_line(text_of(heading))
        if text:
            return text
    return None


def page_title_element(page: PageSources) -> str | None:
    """Return the ``<title>`` text, if any."""
    for element in page.elements["title"][:1]:
        return clean_line(text_of(element))
    return None


def strip_site_name(title: str, names: set[str], h1: str | None) -> str:
    """Remove a leading or trailing part of ``title`` that is the site's name."""
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    separators = _TITLE_SEPARATOR.findall(title)
    # Drop the site name from the end, then from the start.
    for _ in range(2):
        if len(parts) > 1 and squash(parts[-1]) in names:
            parts.pop()
            separators.pop()
        elif len(parts) > 1 and squash(parts[0]) in names:
            parts.pop(0)
            separators.pop(0)
    if h1 is not None and h1 in parts:
        return h1
    rebuilt = parts[0]
    for separator, part in zip(separators, parts[1:], strict=True):
        rebuilt += separator + part
    return rebuilt.strip()


def _site_stripped_titles(
    candidates: Iterable[object], strip: Callable[[str], str]
) -> Iterator[str]:
    """Yield the titles the candidates clean to, each without the site name (``strip``)."""
    for candidate in candidates:
        title = clean_line(candidate)
        if title is not None:
            title = strip(title)
            if title:
                yield title


def _agreed_title(first: str, social: str | None, h1: str | None) -> str:
    """Return the title: the first candidate, unless ``og:title`` or the ``<h1>`` correct it.

    ``social`` is the ``og:title`` without the site name (``None`` when the
    page has none, or it is only the site's name).
    """
    title = social if social is not None and _one_headline(first, social) else first
    shared = _shared_headline(title, h1) if h1 is not None else None
    return shared or title


def _one_headline(first: str, second: str) -> bool:
    """Return whether the two differ only by a kicker in front or by words added at the end."""
    return (
        _has_lead(first, second)
        or _has_lead(second, first)
        or _extends(first, second)
        or _extends(second, first)
    )


def _extends(longer: str, shorter: str) -> bool:
    """Return whether ``longer`` is ``shorter`` followed by more words, fewer than it has."""
    if len(longer) <= len(shorter) or not longer.startswith(shorter):
        return False
    added = longer[len(shorter) :]
    return _ADDED_WORDS.match(added) is not None and len(added.split()) < len(shorter.split())


def _has_lead(longer: str, shorter: str) -> bool:
    """Return whether ``longer`` is ``shorter`` with a shorter lead in front (a kicker).

    The lead ends at a word boundary (``"Topic: "``, ``"Topic - "``,
    ``"Topic-"``) and holds a letter or digit.
    """
    if len(longer) <= len(shorter) or not longer.endswith(shorter):
        return False
    lead = longer[: -len(shorter)]
    return (
        len(lead) < len(shorter)
        and not lead[-1].isalnum()
        and any(character.isalnum() for character in lead)
    )


def _shared_headline(title: str, h1: str) -> str | None:
    """Return the headline ``title`` and the ``<h1>`` share behind different kickers.

    Both put a lead before the same text at a separator (``"Topic: "``,
    ``"Topic - "``); the leads have no word in common and are shorter than
    the shared text.
    """
    if h1 == title:
        return None
    leads = _leads(title)
    if not leads or not any(h1.endswith(tail) for tail in leads):
        return None
    for tail, lead in _leads(h1).items():
        mine = leads.get(tail)
        if mine is None or len(tail) <= max(len(lead), len(mine)):
            continue
        words, my_words = _words(lead), _words(mine)
        if words and my_words and not words & my_words:
            return tail
    return None


def _leads(text: str) -> dict[str, str]:
    """Return what follows each lead separator of ``text``, mapped to what comes before it."""
    return {
        text[match.end() :]: text[: match.start()]
        for match in _LEAD_SEPARATOR.finditer(text)
        if match.start() > 0 and match.end() < len(text)
    }


def _words(text: str) -> set[str]:
    """Return the words of ``text``, lower-cased."""
    return set(_WORD.findall(text.lower()))
