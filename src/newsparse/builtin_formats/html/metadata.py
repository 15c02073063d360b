"""What a web page says about its article outside the body text.

:func:`extract_metadata` reads a parsed page and returns a
:class:`PageMetadata` whose every value already satisfies the model's rules
(see :mod:`newsparse.model`).  It never raises, whatever the page holds:
each source is read defensively and values of the wrong type, unreadable
JSON or absurd dates are skipped.

Sources, in priority order
--------------------------
Each field takes its value from the first source that has a usable one:

1. **JSON-LD** (``<script type="application/ld+json">``).  Objects are found at
   the top level, in arrays, in ``@graph`` and under ``mainEntity``.  Only
   objects about an article count: an ``@type`` of the schema.org article
   family (``Article``, ``NewsArticle`` and its kinds, ``BlogPosting``,
   ``LiveBlogPosting``, ``Report``...), named plainly or by URL, or a
   ``WebPage`` that carries article fields (a headline, an author or a
   publication date).  When there are several, the one with a headline and
   the most article fields wins; the others only fill fields it lacks, and
   only when they do not name a different headline (a list of related
   articles must not lend its authors).
2. **OpenGraph** (``og:*``, ``article:*``).  ``article:author`` counts only when
   it is a name, not a profile URL.
3. **Other meta tags**: Twitter cards, ``author``, ``description``,
   ``keywords``/``news_keywords``, ``date``/``pubdate``/``publish-date``,
   Dublin Core (``DC.*``, ``dcterms.*``), Highwire ``citation_*``, Parse.ly,
   Sailthru, microdata ``itemprop`` values, ``<link rel="canonical">`` and
   ``<html lang>``.
4. **The document itself**: ``<title>``, the first ``<h1>`` (one inside
   ``<article>`` or ``<main>`` first), ``<time datetime>`` in the article,
   ``rel="author"`` links and elements whose class, id or itemprop says
   *byline* or *author*.

Field rules
-----------
Title
    Candidates come in the source order above (JSON-LD ``headline``, then an
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
Authors
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
Dates
    See :mod:`newsparse.builtin_formats.html.dates`.  A candidate with a time
    of day beats a bare calendar date from any source.  A time written without
    a UTC offset takes the offset of another date on the page that has one
    (most pages write all their dates in one zone), else it is read as UTC.
Topics
    ``keywords`` (a comma-separated string or a list), ``article:tag``,
    ``news_keywords`` and the like.  ``articleSection`` and
    ``article:section`` are *not* topics: they name where the page sits in
    the site's navigation, not what it is about.
Language
    ``_`` is read as ``-`` (``pt_BR`` becomes ``pt-BR``); a value that is not a
    BCP 47 tag is cut to its leading language subtag, or dropped.
Images
    The JSON-LD ``image`` (URL string, ``ImageObject`` with caption and
    credit, or a list of those), then ``og:image`` (with ``og:image:alt``)
    and ``twitter:image``; the same URL is kept once, at most
    :data:`MAX_IMAGES` images.
"""

from __future__ import annotations

import functools
import html as html_entities
import itertools
import json
import re
import string
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timezone, tzinfo
from typing import Any, cast
from urllib.parse import urlsplit

import attrs
from lxml import etree

from newsparse.builtin_formats.html.dates import ParsedDate, parse_date
from newsparse.builtin_formats.html.dom import clean_url, collapse, text_of
from newsparse.model import Image

__all__ = ["MAX_IMAGES", "PageMetadata", "extract_metadata"]

#: At most this many images are reported.
MAX_IMAGES = 10

_MAX_LINE = 1000  # longer single-line values are not titles, names or topics
_MAX_TEXT = 20_000  # longer summaries are not summaries
_MAX_ITEMS = 200  # authors, topics: more than this is a keyword dump
_MAX_DEPTH = 12  # how deep JSON-LD objects are looked for
_MAX_OBJECTS = 500  # how many JSON-LD objects are looked at
_MAX_SCRIPT = 2_000_000  # characters of one JSON-LD script

# Forbidden by the model: C0/C1 controls but tab and newline, DEL, U+2028/9
# and lone surrogates.  They become spaces.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*\Z")
_LANGUAGE_START = re.compile(r"[A-Za-z]{2,3}(?=[^A-Za-z]|\Z)")
_TAG = re.compile(r"<[A-Za-z/!][^>]*>")


@attrs.frozen
class PageMetadata:
    """What a page says about its article, outside the body text."""

    title: str | None = None
    """The headline, without the site name."""

    authors: tuple[str, ...] = ()
    """Author names, without duplicates."""

    published: datetime | None = None
    """When the article was first published (timezone-aware)."""

    modified: datetime | None = None
    """When the article was last changed (timezone-aware)."""

    url: str | None = None
    """The canonical URL."""

    publisher: str | None = None
    """The site or publication name."""

    language: str | None = None
    """The language as a BCP 47 tag, such as ``"en"`` or ``"pt-BR"``."""

    topics: tuple[str, ...] = ()
    """Keywords, tags or subjects, without duplicates."""

    summary: str | None = None
    """The standfirst or description."""

    images: tuple[Image, ...] = ()
    """The lead image(s), with caption and credit when known."""

    body_text: tuple[str, ...] = ()
    """The paragraphs of the JSON-LD ``articleBody``, when the page gives one:
    the body's text as the publisher states it, without headings or figures."""


def extract_metadata(root: etree._Element) -> PageMetadata:
    """Return what the page rooted at ``root`` says about its article.

    Never raises: values that cannot be read are left out.
    """
    page = _Page(root)
    publisher = _first(page.publisher_candidates(), _clean_line)
    url = _first(page.url_candidates(), _clean_absolute_url)
    published, modified = page.dates()
    site_names = page.site_names(publisher, url)
    return PageMetadata(
        title=page.title(site_names),
        authors=page.authors(site_names),
        published=published,
        modified=modified,
        url=url,
        publisher=publisher,
        language=_first(page.language_candidates(), _clean_language),
        topics=page.topics(),
        summary=_first(page.summary_candidates(), _clean_summary),
        images=page.images(),
        body_text=_first_paragraphs(page.ld_values("articleBody")),
    )


def _first_paragraphs(candidates: Iterable[object]) -> tuple[str, ...]:
    """Return the lines of the first text candidate, tags taken out, as paragraphs."""
    for candidate in candidates:
        text = _as_text(_unescape(candidate))
        if not text:
            continue
        if "<" in text:
            text = _TAG.sub("\n", text)
        paragraphs = tuple(filter(None, (collapse(line) for line in text.splitlines())))
        if paragraphs:
            return paragraphs
    return ()


# -- cleaning values ---------------------------------------------------------


def _as_text(value: object) -> str | None:
    """Return ``value`` when it is a string, the text of a one-string list, else ``None``."""
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("@value")
    return value if isinstance(value, str) else None


def _clean_text(value: object, limit: int) -> str | None:
    """Return ``value`` as model text (whitespace collapsed), or ``None``."""
    text = _as_text(value)
    if text is None or len(text) > limit * 4:
        return None
    text = collapse(_FORBIDDEN.sub(" ", text))
    if not text or len(text) > limit:
        return None
    return text


def _clean_line(value: object) -> str | None:
    """Return ``value`` as single-line model text, or ``None``."""
    return _clean_text(value, _MAX_LINE)


def _clean_summary(value: object) -> str | None:
    """Return ``value`` as a summary, with any HTML tags taken out, or ``None``."""
    text = _as_text(value)
    if text is not None and "<" in text:
        text = _TAG.sub(" ", text)
    return _clean_text(text, _MAX_TEXT)


def _clean_url(value: object) -> str | None:
    """Return ``value`` as an address the model accepts, or ``None`` (see ``dom.clean_url``)."""
    return clean_url(_as_text(value))


def _clean_absolute_url(value: object) -> str | None:
    """Return ``value`` as an absolute http(s) URL, or ``None``."""
    url = _clean_url(value)
    if url is not None and url.startswith("//"):
        url = "https:" + url
    if url is None or not url.lower().startswith(("http://", "https://")):
        return None
    return url


def _clean_language(value: object) -> str | None:
    """Return ``value`` as a BCP 47 tag, or ``None``."""
    text = _as_text(value)
    if text is None or len(text) > 100:
        return None
    text = text.strip().replace("_", "-")
    if _LANGUAGE.match(text):
        return text
    match = _LANGUAGE_START.match(text)
    return match.group() if match else None


def _first(candidates: Iterable[object], clean: Callable[[object], str | None]) -> str | None:
    """Return the first candidate that cleans to a value."""
    for candidate in candidates:
        value = clean(candidate)
        if value is not None:
            return value
    return None


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    """Return ``values`` without duplicates, in their first order."""
    return tuple(dict.fromkeys(values))


def _unescape(value: object) -> object:
    """Decode HTML character references left in a JSON-LD string."""
    if isinstance(value, str) and "&" in value:
        return html_entities.unescape(value)
    return value


# -- authors -----------------------------------------------------------------

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
    text = _clean_line(_unescape(value))
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


def _json_ld_author_values(value: object, depth: int = 0) -> Iterator[object]:
    """Yield the name strings of a JSON-LD ``author`` value."""
    if depth > 4:
        return
    if isinstance(value, list):
        for item in value[:_MAX_ITEMS]:
            yield from _json_ld_author_values(item, depth + 1)
    elif isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, (str, list)):
            yield from _json_ld_author_values(name, depth + 1)
        elif isinstance(value.get("givenName"), str) and isinstance(value.get("familyName"), str):
            yield f"{value['givenName']} {value['familyName']}"
    elif isinstance(value, str):
        yield value


# -- JSON-LD -----------------------------------------------------------------

_ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "satiricalarticle",
        "scholarlyarticle",
        "techarticle",
        "report",
        "blogposting",
        "liveblogposting",
    }
)
_PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage", "mediagallery"})
_ARTICLE_FIELDS = (
    "headline",
    "author",
    "datePublished",
    "dateModified",
    "publisher",
    "image",
    "description",
    "keywords",
    "articleBody",
    "inLanguage",
)


def _types(obj: dict[str, Any]) -> set[str]:
    """Return the lower-cased local names of an object's ``@type``."""
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    names = set()
    for item in values[:20]:
        if isinstance(item, str):
            names.add(re.split(r"[/:#]", item.strip())[-1].lower())
    return names


def _json_ld_objects(scripts: Iterable[etree._Element]) -> list[dict[str, Any]]:
    """Return every JSON-LD object in ``scripts``, flattened out of arrays and graphs."""
    found: list[dict[str, Any]] = []
    for script in scripts:
        kind = (script.get("type") or "").strip().lower()
        if kind != "application/ld+json":
            continue
        data = _load_json(script.text or "")
        if data is not None:
            _collect(data, found, 0)
        if len(found) >= _MAX_OBJECTS:
            break
    return found


def _load_json(text: str) -> object:
    """Parse a JSON-LD script, forgiving comment wrappers; ``None`` when it is not JSON."""
    if len(text) > _MAX_SCRIPT:
        return None
    text = text.strip()
    for wrapper in ("<!--", "//<![CDATA[", "<![CDATA["):
        if text.startswith(wrapper):
            text = text[len(wrapper) :]
    for wrapper in ("-->", "//]]>", "]]>", ";"):
        if text.endswith(wrapper):
            text = text[: -len(wrapper)]
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
        pass
    try:  # a valid object followed by rubbish
        return json.JSONDecoder(strict=False).raw_decode(text.strip())[0]
    except (ValueError, RecursionError):
        return None


def _collect(data: object, found: list[dict[str, Any]], depth: int) -> None:
    """Add the objects in ``data`` (arrays, ``@graph``, ``mainEntity``) to ``found``."""
    if depth > _MAX_DEPTH or len(found) >= _MAX_OBJECTS:
        return
    if isinstance(data, list):
        for item in data[:_MAX_OBJECTS]:
            _collect(item, found, depth + 1)
    elif isinstance(data, dict):
        found.append(data)
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            inner = data.get(key)
            if isinstance(inner, (list, dict)):
                _collect(inner, found, depth + 1)


def _article_score(obj: dict[str, Any]) -> int | None:
    """Return how likely ``obj`` describes the page's article, or ``None`` when it does not."""
    types = _types(obj)
    fields = sum(1 for name in _ARTICLE_FIELDS if obj.get(name))
    if types & _ARTICLE_TYPES:
        base = 100
    elif types & _PAGE_TYPES and any(obj.get(n) for n in ("headline", "author", "datePublished")):
        base = 0
    else:
        return None
    return base + (50 if isinstance(obj.get("headline"), str) else 0) + fields


def _article_objects(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the article objects: the best first, then those that may fill its gaps."""
    scored = [
        (score, i, obj)
        for i, obj in enumerate(objects)
        if (score := _article_score(obj)) is not None
    ]
    if not scored:
        return []
    scored.sort(key=lambda item: (-item[0], item[1]))
    best = scored[0][2]
    headline = _clean_line(_unescape(best.get("headline")))
    chosen = [best]
    for _, _, obj in scored[1:]:
        other = _clean_line(_unescape(obj.get("headline")))
        if other is None or headline is None or other == headline:
            chosen.append(obj)
    return chosen


# -- the page ----------------------------------------------------------------

_TITLE_SEPARATOR = re.compile(
    r"\s+(?:[|\-\u2013\u2014\u00b7\u2022:\u00bb/]|::)\s+|\s*[|\u00bb\u00b7\u2022\uff5c\uff1a]\s*"
)
_NORMALISE_NAME = re.compile(r"[\W_]+")
_ADDED_WORDS = re.compile(r"\s+\w")  # words added after a title: a space, then a word
# Between a kicker and the headline: "Topic: Headline", "Topic - Headline".
_LEAD_SEPARATOR = re.compile(r"\s*[:|/\u00bb\uff1a]\s+|\s+[-\u2013\u2014]\s+")
_WORD = re.compile(r"\w+")
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
# The tags ``_Page`` finds in one walk of the page: the article's possible
# scopes, and the elements metadata comes from.
_INDEXED = ("article", "main", "meta", "script", "h1", "title", "link", "time")


@functools.lru_cache(maxsize=128)
def _compiled(path: str) -> etree.XPath:
    """Return ``path`` compiled (compiling an expression costs more than running it).

    Raises:
        etree.XPathSyntaxError: ``path`` is not an XPath expression.
    """
    return etree.XPath(path)


def _meta_keys(attributes: dict[str, str]) -> list[str]:
    """Return the lower-cased keys a ``<meta>`` element with ``attributes`` is known by."""
    keys: list[str] = []
    for attribute in ("property", "name", "http-equiv"):
        value = attributes.get(attribute)
        if value:
            keys.extend(value.lower().split()[:5])
    return keys


def _squash(text: str) -> str:
    """Return ``text`` reduced to lower-case letters and digits, for loose comparison."""
    return _NORMALISE_NAME.sub("", text).lower()


class _Page:
    """The sources of one page, read once, and the rules that combine them."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        # The elements the rules look for in the whole page, found in one
        # walk (each walk of a large page costs about as much as another).
        self.elements: dict[str, list[etree._Element]] = {tag: [] for tag in _INDEXED}
        for element in root.iter(*_INDEXED):
            self.elements[element.tag].append(element)
        self.meta: dict[str, list[str]] = {}
        for element in self.elements["meta"]:
            # All the attributes at once: cheaper than asking for four.
            attributes = cast("dict[str, str]", dict(element.items()))
            content = attributes.get("content")
            if content is None:
                continue
            for key in _meta_keys(attributes):
                values = self.meta.setdefault(key, [])
                if len(values) < _MAX_ITEMS:
                    values.append(content)
        self.ld = _article_objects(_json_ld_objects(self.elements["script"]))
        self._article: etree._Element | bool | None = False
        self._itemprops: dict[str, list[etree._Element]] | None = None
        self._main_roles: list[etree._Element] | None = None

    # helpers

    def ld_values(self, key: str) -> Iterator[object]:
        """Yield the values of ``key`` in the article objects, best object first."""
        for obj in self.ld:
            value = obj.get(key)
            if value is not None and value not in ("", []):
                yield value

    def metas(self, *keys: str) -> Iterator[str]:
        """Yield the contents of the meta tags named by ``keys``, in that order."""
        for key in keys:
            yield from self.meta.get(key, ())

    def article(self) -> etree._Element | None:
        """Return the element that holds the article (``<article>``, ``<main>``), if any."""
        if self._article is False:
            found = (
                self.elements["article"]
                or self.elements["main"]
                or self.main_roles()
                or self.itemprop_elements("articleBody")
            )
            self._article = found[0] if found else None
        return self._article if isinstance(self._article, etree._Element) else None

    def main_roles(self) -> list[etree._Element]:
        """Return the elements with ``role="main"``, in document order (found once)."""
        if self._main_roles is None:
            self._main_roles = self.owners("descendant::*/@role", value="main")
        return self._main_roles

    def attributes(
        self, path: str, scope: etree._Element | None = None
    ) -> list[etree._ElementUnicodeResult]:
        """Return the attribute values ``path`` selects (from ``scope``, or the root).

        Each knows its element (``getparent()``).  Selecting attributes is
        several times faster in libxml2 than selecting elements by a test
        on their attributes (``//*[@a]``).
        """
        try:
            found = _compiled(path)(scope if scope is not None else self.root)
        except (etree.XPathError, ValueError):
            return []
        if not isinstance(found, list):
            return []
        return [item for item in found if isinstance(item, etree._ElementUnicodeResult)]

    def owners(
        self, path: str, scope: etree._Element | None = None, value: str | None = None
    ) -> list[etree._Element]:
        """Return the elements of the attributes ``path`` selects (with ``value``, if given)."""
        found = []
        for attribute in self.attributes(path, scope):
            if value is None or attribute == value:
                element = attribute.getparent()
                if element is not None:
                    found.append(element)
        return found

    def itemprop_elements(
        self, name: str, scope: etree._Element | None = None
    ) -> list[etree._Element]:
        """Return the elements whose ``itemprop`` is ``name``, in document order.

        Those of the whole page are found in one pass, the first time any is
        asked for.
        """
        if scope is not None:
            return self.owners(".//*/@itemprop", scope, name)
        if self._itemprops is None:
            self._itemprops = {}
            for value in self.attributes("descendant::*/@itemprop"):
                element = value.getparent()
                if element is not None:
                    self._itemprops.setdefault(value, []).append(element)
        return self._itemprops.get(name, [])

    def itemprop(self, name: str, *, scope: etree._Element | None = None) -> Iterator[str]:
        """Yield the values of microdata properties called ``name``."""
        for element in self.itemprop_elements(name, scope):
            for attribute in ("content", "datetime"):
                value = element.get(attribute)
                if value:
                    yield value
                    break
            else:
                if element.tag != "meta":
                    yield text_of(element)

    # title

    def site_names(self, publisher: str | None, url: str | None) -> set[str]:
        """Return the names the site goes by, squashed: publisher, site name, domain."""
        names = {_squash(publisher)} if publisher else set()
        names.update(_squash(v) for v in self.metas("og:site_name", "application-name") if v)
        try:
            host = urlsplit(url).hostname if url else None
        except ValueError:  # an invalid IPv6 literal, say
            host = None
        if host:
            host = host.removeprefix("www.")
            names.add(_squash(host))
            names.add(_squash(host.rsplit(".", 1)[0]))
        names.discard("")
        return names

    def title(self, names: set[str]) -> str | None:
        """Return the headline without the site's names (the module docstring gives the rules).

        ``names`` are the names the site goes by (see :meth:`site_names`).
        """
        h1 = self.h1()
        # og:title is often another source's text again: it is cut only once.
        stripped: dict[str, str] = {}

        def strip(title: str) -> str:
            if title not in stripped:
                stripped[title] = _strip_site_name(title, names, h1)
            return stripped[title]

        first = next(_site_stripped_titles(self.title_candidates(), strip), None)
        if first is None:
            if h1:
                return h1
            title = self.title_element()
            return _strip_site_name(title, names, None) if title else None
        social = next(_site_stripped_titles(self.metas("og:title"), strip), None)
        if social is not None and _squash(social) in names:
            social = None
        return _agreed_title(first, social, h1)

    def title_candidates(self) -> Iterator[object]:
        """Yield the title candidates in priority order."""
        yield from (_unescape(v) for v in self.ld_values("headline"))
        for obj in self.ld:  # an article's name is its headline; a web page's is not
            if _types(obj) & _ARTICLE_TYPES:
                yield _unescape(obj.get("name"))
        yield from self.metas(
            "og:title",
            "twitter:title",
            "dc.title",
            "dcterms.title",
            "citation_title",
            "parsely-title",
            "sailthru.title",
            "title",
        )
        yield from self.itemprop("headline")

    def h1(self) -> str | None:
        """Return the text of the article's first ``<h1>``, if any."""
        article = self.article()
        headings = (
            list(itertools.islice(article.iterdescendants("h1"), 3)) if article is not None else []
        )
        headings = headings or self.elements["h1"]
        for heading in headings[:3]:
            text = _clean_line(text_of(heading))
            if text:
                return text
        return None

    def title_element(self) -> str | None:
        """Return the ``<title>`` text, if any."""
        for element in self.elements["title"][:1]:
            return _clean_line(text_of(element))
        return None

    # authors

    def authors(self, site_names: set[str]) -> tuple[str, ...]:
        """Return the authors from the first source that names a person.

        A name equal to the site's own name (``"Example News"`` as author of an
        article on Example News) is kept only when no source names anyone else.
        """
        fallback: tuple[str, ...] = ()
        for weak, source in self.author_sources():
            if weak and fallback:
                break
            names: list[str] = []
            for value in source:
                names.extend(_author_names(value))
                if len(names) >= _MAX_ITEMS:
                    break
            if not names:
                continue
            names = _drop_extended(_unique(names[:_MAX_ITEMS]))
            people = [name for name in names if _squash(name) not in site_names]
            if people:
                return tuple(people)
            if names and not fallback:
                fallback = tuple(names)
        return fallback

    def author_sources(self) -> Iterator[tuple[bool, Iterable[object]]]:
        """Yield the author sources in priority order, each a list of raw values.

        Each comes with whether it is *weak*: a guess from class names, used
        only when no other source names even the site itself.
        """
        yield False, [v for a in self.ld_values("author") for v in _json_ld_author_values(a)]
        yield False, list(self.metas("article:author", "og:article:author"))
        yield (
            False,
            list(
                self.metas(
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
        article = self.article()
        yield False, self.microdata_authors(article)
        yield False, [text_of(a) for a in self.owners(".//a/@rel", article, "author")]
        yield False, self.author_links(article)
        yield True, self.byline_elements(article)

    def microdata_authors(self, scope: etree._Element | None) -> list[str]:
        """Return the author names given by ``itemprop="author"`` elements of the article.

        Authors of an image, a video or a comment (the nearest ``itemscope``
        has such a type) are left out.
        """
        names = []
        for element in self.itemprop_elements("author", scope)[:_MAX_ITEMS]:
            owner = next(
                (a for a in element.iterancestors() if a.get("itemscope") is not None), None
            )
            kind = (owner.get("itemtype") or "") if owner is not None else ""
            if kind and not _ARTICLE_ITEMTYPE.search(kind):
                continue
            if element.get("itemscope") is not None:
                inner = self.owners(".//*/@itemprop", element, "name")[:1]
                for name in inner:
                    names.append(name.get("content") or text_of(name))
            else:
                names.append(element.get("content") or text_of(element))
        return names

    def author_links(self, scope: etree._Element | None) -> list[str]:
        """Return the texts of links to author pages (``/author/jane-doe``) near the top."""
        names = []
        for link in self.owners(".//a/@href", scope):
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

    def byline_elements(self, scope: etree._Element | None) -> list[str]:
        """Return the texts of the first elements whose class says byline or author."""
        found = _byline_candidates(scope if scope is not None else self.root)
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

    # dates

    def dates(self) -> tuple[datetime | None, datetime | None]:
        """Return the publication and modification dates.

        Candidates are read only as far as the rules need them: usually the
        first one settles both the zone and the date.
        """
        published_raw = _Replay(self.published_candidates())
        modified_raw = _Replay(self.modified_candidates())
        zone = _shared_zone(itertools.chain(published_raw, modified_raw))
        return _best_date(published_raw, zone), _best_date(modified_raw, zone)

    def published_candidates(self) -> Iterator[object]:
        """Yield the publication date candidates in priority order."""
        yield from self.ld_values("datePublished")
        yield from self.metas(
            "article:published_time",
            "og:article:published_time",
            "og:published_time",
            "article:published",
            "article.published",
            "datepublished",
            "date",
            "pubdate",
            "publishdate",
            "publish-date",
            "publish_date",
            "published_time",
            "published-date",
            "dc.date.issued",
            "dcterms.issued",
            "dc.date",
            "dcterms.date",
            "dc.date.created",
            "dcterms.created",
            "citation_publication_date",
            "citation_date",
            "citation_online_date",
            "parsely-pub-date",
            "sailthru.date",
            "article_date_original",
            "original-publish-date",
            "cxenseparse:recs:publishtime",
        )
        yield from self.itemprop("datePublished")
        yield from self.ld_values("dateCreated")
        article = self.article()
        times = article.iterdescendants("time") if article is not None else self.elements["time"]
        dated = (element for element in times if element.get("datetime") is not None)
        for element in itertools.islice(dated, 3):
            yield element.get("datetime")

    def modified_candidates(self) -> Iterator[object]:
        """Yield the modification date candidates in priority order."""
        yield from self.ld_values("dateModified")
        yield from self.metas(
            "article:modified_time",
            "og:article:modified_time",
            "og:updated_time",
            "article:modified",
            "article.updated",
            "datemodified",
            "last-modified",
            "dc.date.modified",
            "dcterms.modified",
            "parsely-updated",
            "sailthru.lastmodified",
        )
        yield from self.itemprop("dateModified")

    # the simple fields

    def url_candidates(self) -> Iterator[object]:
        """Yield the canonical URL candidates in priority order."""
        for value in self.ld_values("mainEntityOfPage"):
            yield value.get("@id") or value.get("url") if isinstance(value, dict) else value
        yield from self.ld_values("url")
        yield from self.metas("og:url", "twitter:url", "parsely-link", "citation_public_url")
        for link in self.elements["link"]:
            if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
                yield link.get("href")

    def publisher_candidates(self) -> Iterator[object]:
        """Yield the publisher name candidates in priority order."""
        for value in self.ld_values("publisher"):
            items = value if isinstance(value, list) else [value]
            for item in items[:5]:
                yield _unescape(item.get("name") if isinstance(item, dict) else item)
        yield from self.metas(
            "og:site_name",
            "dc.publisher",
            "dcterms.publisher",
            "citation_publisher",
            "citation_journal_title",
            "application-name",
        )

    def language_candidates(self) -> Iterator[object]:
        """Yield the language candidates in priority order."""
        yield from self.ld_values("inLanguage")
        yield from self.metas("og:locale", "content-language", "dc.language", "language")
        yield self.root.get("lang")
        yield self.root.get("{http://www.w3.org/XML/1998/namespace}lang")

    def summary_candidates(self) -> Iterator[object]:
        """Yield the summary candidates in priority order."""
        yield from (_unescape(v) for v in self.ld_values("description"))
        yield from self.metas(
            "og:description",
            "twitter:description",
            "description",
            "dc.description",
            "dcterms.description",
            "dcterms.abstract",
            "citation_abstract",
        )

    def topics(self) -> tuple[str, ...]:
        """Return the topics from the first source that gives any."""
        sources: list[list[object]] = [
            list(self.ld_values("keywords")),
            list(self.metas("article:tag", "og:article:tag")),
        ]
        for key in (
            "news_keywords",
            "keywords",
            "parsely-tags",
            "sailthru.tags",
            "dc.subject",
            "dcterms.subject",
            "citation_keywords",
        ):
            sources.append(list(self.metas(key)))
        for source in sources:
            topics = []
            for value in source:
                topics.extend(_split_topics(value))
            if topics:
                return _unique(topics[:_MAX_ITEMS])
        return ()

    def images(self) -> tuple[Image, ...]:
        """Return the lead images, JSON-LD first, then OpenGraph and Twitter cards."""
        images: list[Image] = []
        seen: set[str] = set()

        def add(
            url: object, alt: object = None, caption: object = None, credit: object = None
        ) -> None:
            clean = _clean_url(url)
            if clean is not None and clean in seen:
                return
            fields = {
                "alt": _clean_summary(_unescape(alt)),
                "caption": _clean_summary(_unescape(caption)),
                "credit": _clean_line(_unescape(credit)),
            }
            if clean is None and not any(fields.values()):
                return
            if clean is not None:
                seen.add(clean)
            images.append(Image(url=clean, **fields))

        for value in list(self.ld_values("image"))[:1]:
            for item in (value if isinstance(value, list) else [value])[:MAX_IMAGES]:
                if isinstance(item, dict):
                    credit = item.get("creditText") or item.get("copyrightHolder")
                    if credit is None:
                        credit = next(_json_ld_author_values(item.get("author")), None)
                    if isinstance(credit, dict):
                        credit = credit.get("name")
                    url = item.get("url") or item.get("contentUrl") or item.get("@id")
                    add(url, None, item.get("caption") or item.get("description"), credit)
                else:
                    add(item)
        alts = self.meta.get("og:image:alt", [])
        for index, url in enumerate(self.metas("og:image", "og:image:url", "og:image:secure_url")):
            add(url, alts[index] if index < len(alts) else None)
        for url in self.metas("twitter:image", "twitter:image:src"):
            add(url, next(self.metas("twitter:image:alt"), None))
        return tuple(images[:MAX_IMAGES])


def _byline_candidates(scope: etree._Element) -> Iterator[etree._Element]:
    """Yield the elements in ``scope`` whose class says byline or author, in document order."""
    for element in scope.iterdescendants(etree.Element):
        names = element.get("class")
        if not names:
            continue
        lowered = names.translate(_ASCII_LOWER)
        if any(word in lowered for word in _BYLINE_CLASSES) and not any(
            word in names for word in _NOT_BYLINE_CLASSES
        ):
            yield element


class _Replay(Iterable[object]):
    """The values of an iterator, read from it once and given again to each new reader."""

    def __init__(self, values: Iterator[object]) -> None:
        self._values = values
        self._read: list[object] = []
        self._done = False

    def __iter__(self) -> Iterator[object]:
        index = 0
        while True:
            if index < len(self._read):
                yield self._read[index]
            elif self._done:
                return
            else:
                try:
                    self._read.append(next(self._values))
                except StopIteration:
                    self._done = True
                    return
                continue
            index += 1


def _url_path(url: str) -> str:
    """Return the path of ``url``, or ``""`` when it cannot be split."""
    try:
        return urlsplit(url).path
    except ValueError:
        return ""


def _split_topics(value: object) -> list[str]:
    """Return the topics one keywords value holds (a list or a comma-separated string)."""
    items = value if isinstance(value, list) else [value]
    topics: list[str] = []
    for item in items[:_MAX_ITEMS]:
        if not isinstance(item, str):
            continue
        for part in re.split(r"[,;]" if "," in item or ";" in item else r"\n", item):
            topic = _clean_line(_unescape(part))
            if topic is not None and len(topic) <= 200:
                topics.append(topic)
    return topics


def _strip_site_name(title: str, names: set[str], h1: str | None) -> str:
    """Remove a leading or trailing part of ``title`` that is the site's name."""
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    separators = _TITLE_SEPARATOR.findall(title)
    # Drop the site name from the end, then from the start.
    for _ in range(2):
        if len(parts) > 1 and _squash(parts[-1]) in names:
            parts.pop()
            separators.pop()
        elif len(parts) > 1 and _squash(parts[0]) in names:
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
        title = _clean_line(candidate)
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


def _shared_zone(candidates: Iterable[object]) -> tzinfo:
    """Return the offset the page's aware dates use, or UTC when none has one."""
    for candidate in candidates:
        parsed = parse_date(candidate)
        if parsed is not None and parsed.had_offset:
            return parsed.value.tzinfo or timezone.utc
    return timezone.utc


def _best_date(candidates: Iterable[object], zone: tzinfo) -> datetime | None:
    """Return the first candidate with a time of day, else the first bare date."""
    fallback: ParsedDate | None = None
    for candidate in candidates:
        parsed = parse_date(candidate, zone)
        if parsed is None:
            continue
        if parsed.has_time:
            return parsed.value
        if fallback is None:
            fallback = parsed
    return fallback.value if fallback is not None else None
