"""The authors: the names the page's first source naming a person gives.

Each source value is cleaned: a leading byline word (*By*, *Von*, *Por*,
*Par*, *Di*, *Door*, *Av*, *Af*, *Przez*...) is dropped, as are a trailing
note in brackets (``"Jane Doe (jd)"``) and a trailing *reporter* word after
Korean, Japanese or Chinese names.  Values that are URLs, e-mail
addresses, social handles, URL slugs (``jane-doe``), picture credits in
brackets or hold no letter at all are dropped.  A value is split at
commas, semicolons, ``/``, ``&``, ``+`` and the word *and* in a few
languages (*and*, *und*, *y*, *e*, *et*, *en*, *og*, *och*, *i*, *a*,
*és*, *ve*...) only when every part looks like a name: one to five words,
each starting with a capital letter or being a lower-case name particle
(*von*, *de*, *van*...), no digits; a short lower-case agency name
(``dpa``) counts as a name when another part is a full name.
Duplicates are dropped, keeping the first, and so is a name that is
another one plus more words (``"Jane Doe Follow"``).

The first source naming a person wins; sources are not merged.  A name
that is the site's own (the publisher, ``og:site_name`` or the domain) is
dropped when the same source names someone else, and used only when no
later source names a person.  Elements picked by class name alone
(*byline*, *author*) are the weakest source: read only when no other
source named anyone, not even the site.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from lxml import etree

from newsparse._formats.html.cleaning import MAX_ITEMS, clean_line, squash, unescape, unique
from newsparse._formats.html.dom import text_of
from newsparse._formats.html.sources import PageSources

__all__ = ["choose_authors", "choose_authors_from", "json_ld_author_values"]

# Words that open a byline ("By Jane Doe") in a few languages.
_BYLINE_WORDS = (
    "by",
    "written by",
    "words by",
    "reporting by",
    "von",
    "vom",
    "por",
    "par",
    "di",
    "da",
    "door",
    "av",
    "af",
    "przez",
    "autor",
    "autorin",
    "auteur",
    "author",
    "authors",
    "text",
    "texto",
    "testo",
    "tekst",
    "redakcja",
    "ein kommentar von",
    "eine analyse von",
    "ein gastbeitrag von",
    "von unserem korrespondenten",
)
_BYLINE = re.compile(
    r"^\s*(?:"
    + "|".join(re.escape(w) for w in sorted(_BYLINE_WORDS, key=len, reverse=True))
    + r")\b\s*:?\s*",
    re.IGNORECASE,
)
_AUTHOR_SEPARATOR = re.compile(
    r"\s*(?:[,;/|&+]|\s(?:and|und|y|e|et|en|og|och|i|a|és|ve|и|та|ja|sowie|und von)\s)\s*",
    re.IGNORECASE,
)
_PARTICLES = frozenset(
    (
        *("von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du"),
        *("la", "le", "el", "al", "bin", "ibn", "ben", "zu", "ter", "ten", "y", "e", "dei"),
    )
)
_NOT_A_NAME = re.compile(r"[\d@#<>{}\[\]=_]|https?:|www\.", re.IGNORECASE)
_HANDLE = re.compile(r"^@\w+$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")  # "jane-doe", from a URL
_TRAILING_NOTE = re.compile(r"\s*\([^()]{1,60}\)$")  # "Jane Doe (jd)", "Name (site.com)"
_TRAILING_TITLE = re.compile(r"\s*(?:기자|記者|特派員|특파원)$")  # "reporter" after CJK names
_AGENCY = re.compile(r"^[a-z]{2,5}$")  # "dpa", "afp": agencies written in lower case
_ARTICLE_ITEMTYPE = re.compile(r"Article|Posting|WebPage|Report", re.IGNORECASE)
_HAS_URL_SPACE = re.compile(r"[\t\r\n]")
_AUTHOR_PATH = re.compile(
    r"/(?:author|authors|autor|autoren|auteur|auteurs|autore|autori|journalist|journalists"
    r"|reporter|reporters|redakteur|redaktion/person)/[^/]+",
    re.IGNORECASE,
)
# Elements whose class names a byline or an author name (in any case), not
# an author's biography, picture or social links (these words in lower case).
_BYLINE_CLASSES = ("byline", "author")
_NOT_BYLINE_CLASSES = ("bio", "image", "img", "avatar", "photo", "social", "date", "time")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_CLASS_ATTRIBUTES = etree.XPath("descendant::*/@class")


def choose_authors(page: PageSources, site_names: set[str]) -> tuple[str, ...]:
    """Return the authors from the first source that names a person.

    A name equal to the site's own name (``"Example News"`` as author of an
    article on Example News) is kept only when no source names anyone else.
    """
    return choose_authors_from(page, site_names)[0]


def choose_authors_from(
    page: PageSources, site_names: set[str]
) -> tuple[tuple[str, ...], str | None]:
    """Return the authors as :func:`choose_authors` does, and the name of their source.

    The source is one of ``json-ld``, ``article:author``, ``meta``,
    ``microdata``, ``rel-author``, ``author-link``, ``byline`` (an element
    with such a class name), with ``+site`` added when the only name is the
    site's own; ``None`` when no source names anyone.
    """
    fallback: tuple[str, ...] = ()
    fallback_label: str | None = None
    for label, weak, source in _author_sources(page):
        if weak and fallback:
            break
        names: list[str] = []
        for value in source:
            names.extend(_author_names(value))
            if len(names) >= MAX_ITEMS:
                break
        if not names:
            continue
        names = _drop_extended(unique(names[:MAX_ITEMS]))
        people = [name for name in names if squash(name) not in site_names]
        if people:
            return tuple(people), label
        if names and not fallback:
            fallback = tuple(names)
            fallback_label = f"{label}+site"
    return fallback, fallback_label


def _author_sources(page: PageSources) -> Iterator[tuple[str, bool, Iterable[object]]]:
    """Yield the author sources in priority order, each a list of raw values.

    Each comes with its name and whether it is *weak*: a guess from class names, used
    only when no other source names even the site itself.
    """
    yield "json-ld", False, [v for a in page.ld_values("author") for v in json_ld_author_values(a)]
    yield "article:author", False, list(page.metas("article:author", "og:article:author"))
    yield (
        "meta",
        False,
        list(
            page.metas(
                "author",
                "dc.creator",
                "dcterms.creator",
                "citation_author",
                "parsely-author",
                "sailthru.author",
                "byl",
            )
        ),
    )
    article = page.article()
    yield "microdata", False, _microdata_authors(page, article)
    yield "rel-author", False, [text_of(a) for a in page.owners(".//a/@rel", article, "author")]
    yield "author-link", False, _author_links(page, article)
    yield "byline", True, _byline_elements(page, article)


def _microdata_authors(page: PageSources, scope: etree._Element | None) -> list[str]:
    """Return the author names given by ``itemprop="author"`` elements of the article.

    Authors of an image, a video or a comment (the nearest ``itemscope``
    has such a type) are left out.
    """
    names = []
    for element in page.itemprop_elements("author", scope)[:MAX_ITEMS]:
        owner = next((a for a in element.iterancestors() if a.get("itemscope") is not None), None)
        kind = (owner.get("itemtype") or "") if owner is not None else ""
        if kind and not _ARTICLE_ITEMTYPE.search(kind):
            continue
        if element.get("itemscope") is not None:
            inner = page.owners(".//*/@itemprop", element, "name")[:1]
            for name in inner:
                names.append(name.get("content") or text_of(name))
        else:
            names.append(element.get("content") or text_of(element))
    return names


def _author_links(page: PageSources, scope: etree._Element | None) -> list[str]:
    """Return the texts of links to author pages (``/author/jane-doe``) near the top."""
    names = []
    for link in page.owners(".//a/@href", scope):
        href = link.get("href") or ""
        # The path is part of the address (less the tabs and line breaks
        # that splitting removes): most links fail the quick test.
        if (_AUTHOR_PATH.search(href) or _HAS_URL_SPACE.search(href)) and _AUTHOR_PATH.search(
            _url_path(href)
        ):
            text = text_of(link)
            if text and len(text) <= 100:
                names.append(text)
        if len(names) >= 10:
            break
    return names


def _byline_elements(page: PageSources, scope: etree._Element | None) -> list[str]:
    """Return the texts of the first elements whose class says byline or author."""
    found = _byline_candidates(scope if scope is not None else page.root)
    element = next(found, None)
    for _ in range(20):
        if element is None:
            break
        following = next(found, None)
        # Candidates come in document order, so a candidate holding
        # another one is followed by it: such a container is skipped, and
        # its inner element read instead.
        if following is None or element not in following.iterancestors():
            text = text_of(element)
            if 0 < len(text) <= 100:
                return [text]
        element = following
    return []


def _byline_candidates(scope: etree._Element) -> Iterator[etree._Element]:
    """Yield the elements in ``scope`` whose class says byline or author, in document order."""
    # Selecting the class attributes, each knowing its element, is several
    # times faster than visiting every element for its class.
    found = _CLASS_ATTRIBUTES(scope)
    for names in found if isinstance(found, list) else ():
        if not isinstance(names, etree._ElementUnicodeResult):
            continue
        lowered = names.translate(_ASCII_LOWER)
        if any(word in lowered for word in _BYLINE_CLASSES) and not any(
            word in names for word in _NOT_BYLINE_CLASSES
        ):
            element = names.getparent()
            if element is not None:
                yield element


def _url_path(url: str) -> str:
    """Return the path of ``url``, or ``""`` when it cannot be split."""
    try:
        return urlsplit(url).path
    except ValueError:
        return ""


def _looks_like_name(part: str, *, agency: bool = False) -> bool:
    """Return whether ``part`` could be one person's or organisation's name.

    With ``agency``, a short lower-case word (``dpa``, ``afp``) counts too.
    """
    if agency and _AGENCY.match(part):
        return True
    words = part.split()
    if not 1 <= len(words) <= 5 or _NOT_A_NAME.search(part):
        return False
    return all(
        word[0].isupper() or not word[0].isalpha() or word.lower() in _PARTICLES for word in words
    ) and any(word[0].isupper() for word in words)


def _author_names(value: object) -> list[str]:
    """Return the cleaned author names one source value holds."""
    text = clean_line(unescape(value))
    if text is None or len(text) > 300:
        return []
    text = _BYLINE.sub("", text, count=1).strip(" ,;:|-\u2013\u2014\u00b7")
    if not text:
        return []
    parts = [p.strip(" .,;:") for p in _AUTHOR_SEPARATOR.split(text)]
    parts = [p for p in parts if p]
    # Lower-case agency names count only next to a full name ("Jo Wolf, dpa"),
    # so that "Smith and sons" stays whole.
    agency = any(len(part.split()) > 1 for part in parts)
    split = len(parts) > 1 and all(_looks_like_name(part, agency=agency) for part in parts)
    candidates = parts if split else [text]
    names = []
    for candidate in candidates:
        name = _BYLINE.sub("", candidate, count=1).strip()
        name = _TRAILING_TITLE.sub("", _TRAILING_NOTE.sub("", name)).strip()
        if (
            not any(character.isalpha() for character in name)
            or name.startswith("(")
            or _is_link_like(name)
            or _SLUG.match(name)
        ):
            continue
        names.append(name)
    return names


def _drop_extended(names: Iterable[str]) -> list[str]:
    """Drop names that are another name plus more words ("Jane Doe Follow")."""
    names = list(names)
    return [name for name in names if not any(name.startswith(other + " ") for other in names)]


def _is_link_like(text: str) -> bool:
    """Return whether ``text`` is a URL, an e-mail address or a social handle."""
    lowered = text.lower()
    return (
        lowered.startswith(("http://", "https://", "//", "www."))
        or ("@" in text and " " not in text)
        or _HANDLE.match(text) is not None
    )


def json_ld_author_values(value: object, depth: int = 0) -> Iterator[object]:
    """Yield the name strings of a JSON-LD ``author`` value."""
    if depth > 4:
        return
    if isinstance(value, list):
        for item in value[:MAX_ITEMS]:
            yield from json_ld_author_values(item, depth + 1)
    elif isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, (str, list)):
            yield from json_ld_author_values(name, depth + 1)
        elif isinstance(value.get("givenName"), str) and isinstance(value.get("familyName"), str):
            yield f"{value['givenName']} {value['familyName']}"
    elif isinstance(value, str):
        yield value
