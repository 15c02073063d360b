"""Site parsers: what a plugin knows about one publisher's pages.

The ``html`` format reads any news page with generic rules.  Where those get a
publisher wrong, a plugin registers a :class:`SiteParser` for the
publisher's domains through the hook
:func:`~newsparse.plugin.newsparse_register_site_parsers`.  For a page from
one of those domains, the format asks the site parser first: every field it
supplies wins, and generic extraction fills the rest.

A field is either an XPath 1.0 selector (a class attribute, the simplest
way) or a method marked with :func:`extracts`, which receives the
:class:`Page`: the parsed tree, its JSON-LD objects and its meta tags, each
read once by the ``html`` format.  Sites change their markup: a redesign adds
a new *version* of the parser, a subclass with a later
:attr:`SiteParser.valid_from` date, and pages are read by the version that was
current when they were published, so old pages keep working.

>>> from newsparse.plugin import SiteParser, extracts
>>> class Gazette(SiteParser):
...     name = "example-gazette"
...     domains = ("gazette.example",)
...     title = "//h1[@class='headline']"
...     body = "//div[@class='story']"
...
...     @extracts("authors")
...     def bylines(self, page):
...         return tuple(name.removeprefix("By ") for name in page.texts("//p[@class='by']"))
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any, ClassVar, TypeVar
from urllib.parse import urlsplit

import attrs
from lxml import etree

from newsparse._errors import PluginError
from newsparse._formats.html import sitefields
from newsparse._formats.html.dom import collapse, text_content
from newsparse._model import Section
from newsparse._registry import Registry

__all__ = [
    "HEADINGS",
    "Page",
    "RegisteredSiteParser",
    "SiteFields",
    "SiteParser",
    "SiteParserRegistry",
    "choose_site_parser",
    "collapse",
    "extracts",
    "sections_of",
    "select",
    "text_content",
]

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
"""The tags :func:`sections_of` takes for section headings by default."""

_NAME = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")
_FIELD_MARK = "__newsparse_site_field__"
_Method = TypeVar("_Method", bound=Callable[..., Any])


@attrs.frozen
class SiteFields:
    """What a site parser found on a page; ``None`` means "leave it to generic extraction"."""

    title: str | None = None
    """The headline."""
    authors: tuple[str, ...] | None = None
    """The authors, as the page prints them (an empty tuple means "none")."""
    published: datetime | None = None
    """When the article was first published (timezone-aware)."""
    modified: datetime | None = None
    """When it was last changed (timezone-aware)."""
    summary: str | None = None
    """The standfirst."""
    topics: tuple[str, ...] | None = None
    """Keywords or tags."""
    body: tuple[etree._Element, ...] | None = None
    """The elements that hold the article text, in reading order; the generic
    collector reads headings, paragraphs and figures from them."""
    sections: tuple[Section, ...] | None = None
    """The body itself, when the parser builds it in code: it is used as it
    is, and :attr:`body` only serves to find figures."""


_FIELD_NAMES = tuple(field.name for field in attrs.fields(SiteFields))


@attrs.frozen(eq=False)
class Page:
    """One page as a site parser sees it, parsed once by the ``html`` format.

    Its helpers read a selector the way a field's selector is read, so a
    method marked with :func:`extracts` can start from what a class
    attribute would have found.
    """

    tree: etree._Element
    """The page's root element, after the parser's :attr:`~SiteParser.remove`
    selectors were applied (plain :class:`lxml.etree._Element` objects)."""
    url: str
    """The page's address (its canonical URL when it states one)."""
    json_ld: tuple[Mapping[str, Any], ...] = ()
    """Every JSON-LD object on the page, in page order, with ``@graph`` lists
    and nested lists flattened (as the page wrote them; not validated)."""
    meta: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    """The ``content`` of the ``<meta>`` tags, by their lower-cased
    ``property``, ``name`` or ``http-equiv``, in page order."""

    def select(self, path: str) -> list[etree._Element]:
        """Return the elements the XPath ``path`` selects (see :func:`select`)."""
        return select(self.tree, path)

    def texts(self, path: str) -> tuple[str, ...]:
        """Return the distinct non-empty texts ``path`` finds, collapsed, in order."""
        return sitefields.unique_texts(self.tree, path) or ()

    def text(self, path: str) -> str | None:
        """Return the first non-empty text ``path`` finds, collapsed, or ``None``."""
        return sitefields.first_text(self.tree, path)

    def date(self, path: str) -> datetime | None:
        """Return the first date ``path`` finds (a ``datetime`` attribute or a text)."""
        return sitefields.first_date(self.tree, path)

    def json_ld_of_type(self, *types: str) -> Iterator[Mapping[str, Any]]:
        """Yield the JSON-LD objects whose ``@type`` is (or lists) one of ``types``."""
        wanted = set(types)
        for obj in self.json_ld:
            kind = obj.get("@type")
            kinds = set(kind) if isinstance(kind, list) else {kind}
            if kinds & wanted:
                yield obj


def extracts(field: str) -> Callable[[_Method], _Method]:
    """Mark a :class:`SiteParser` method as the way to read ``field`` of :class:`SiteFields`.

    The method takes the :class:`Page` and returns the field's value, or
    ``None`` to leave the field to the selector of the same name, if any,
    and then to generic extraction.  Methods run after the selectors; each is
    independent of the others.  A subclass inherits the marked methods and
    may override one by defining a method of the same name.

    Raises:
        ValueError: ``field`` is not a field of :class:`SiteFields`.
    """
    if field not in _FIELD_NAMES:
        raise ValueError(f"{field!r} is not a site field; known: {', '.join(_FIELD_NAMES)}")

    def mark(method: _Method) -> _Method:
        setattr(method, _FIELD_MARK, field)
        return method

    return mark


class SiteParser:
    """Base class of a parser for one publisher's pages (one version of it).

    Subclasses set :attr:`name` and :attr:`domains`, and the selectors they
    know; each selector is an XPath 1.0 expression evaluated on the page's
    root element.  A selector that finds nothing leaves the field to generic
    extraction.  For anything selectors cannot say, write a method marked
    with :func:`extracts`; :meth:`extract` runs both.
    """

    name: ClassVar[str]
    """Unique name, such as ``"srf"``: lower-case letters, digits and ``._-``.
    Versions of one parser share it."""

    domains: ClassVar[tuple[str, ...]] = ()
    """Host names the parser reads, such as ``("srf.ch",)``; subdomains
    (``www.srf.ch``) match too."""

    url_pattern: ClassVar[str | None] = None
    """A regular expression the page's URL must contain a match for, to narrow
    the domains down (``r"/news/"``); ``None`` accepts every URL."""

    valid_from: ClassVar[date | None] = None
    """The first publication date this version reads.  Among the versions of
    one parser, a page is read by the one with the latest ``valid_from`` not
    after the page's date (the newest version when the date is unknown)."""

    title: ClassVar[str | None] = None
    """XPath of the headline: its text, collapsed."""
    authors: ClassVar[str | None] = None
    """XPath of the author names: one name per element or string found."""
    published: ClassVar[str | None] = None
    """XPath of the publication date: a ``datetime`` attribute or a text in a
    format ``parse_date`` reads."""
    summary: ClassVar[str | None] = None
    """XPath of the standfirst."""
    body: ClassVar[str | None] = None
    """XPath of the element(s) holding the article text."""
    remove: ClassVar[tuple[str, ...]] = ()
    """XPaths of elements to delete before anything is read (teasers inside the
    text, photo credits, newsletter boxes the generic rules miss)."""

    field_methods: ClassVar[Mapping[str, str]] = {}
    """The names of the methods marked with :func:`extracts`, by field
    (collected when the class is made, inherited ones included)."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        name = cls.__dict__.get("name")
        if name is not None and not _NAME.match(name):
            raise ValueError(f"site parser name {name!r} must match {_NAME.pattern!r}")
        methods: dict[str, str] = {}
        for klass in reversed(cls.__mro__):
            for attribute, value in vars(klass).items():
                field = getattr(value, _FIELD_MARK, None)
                if isinstance(field, str):
                    methods[field] = attribute
        cls.field_methods = methods

    def matches(self, url: str) -> bool:
        """Whether this parser reads the page at ``url`` (domain and pattern)."""
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
        if not any(host == domain or host.endswith("." + domain) for domain in self.domains):
            return False
        return self.url_pattern is None or re.search(self.url_pattern, url) is not None

    def extract(self, page: Page) -> SiteFields:
        """Return what the selectors, then the :func:`extracts` methods, find on ``page``.

        The :attr:`remove` selectors have been applied already.  A method's
        value (when not ``None``) replaces the selector's for its field.
        Override this only for what concerns the whole page, such as handing
        a page in an older layout to an older version.
        """
        root = page.tree
        fields = SiteFields(
            title=sitefields.first_text(root, self.title),
            authors=sitefields.unique_texts(root, self.authors),
            published=sitefields.first_date(root, self.published),
            summary=sitefields.first_text(root, self.summary),
            body=tuple(sitefields.elements(root, self.body)) or None,
        )
        found = {}
        for field, method in self.field_methods.items():
            value = getattr(self, method)(page)
            if value is not None:
                found[field] = value
        return attrs.evolve(fields, **found) if found else fields

    def __repr__(self) -> str:
        since = f" from {self.valid_from}" if self.valid_from else ""
        return f"<{type(self).__name__} {self.name!r}{since}>"


@attrs.frozen
class RegisteredSiteParser:
    """A site parser together with the plugin that registered it."""

    parser: SiteParser
    """The site parser instance."""
    plugin: str
    """Name of the plugin that registered it."""


class SiteParserRegistry(Registry[SiteParser, tuple[str, date | None], RegisteredSiteParser]):
    """Collects the site parsers one plugin registers.

    A plugin receives one in
    :func:`~newsparse.plugin.newsparse_register_site_parsers`
    and calls :meth:`add` once per version.  What it adds takes effect only
    once its hook has returned without error.
    """

    def entry(self, item: SiteParser) -> tuple[tuple[str, date | None], RegisteredSiteParser]:
        """Check that ``item`` is a :class:`SiteParser` with a name and domains.

        Its key is its name and :attr:`~SiteParser.valid_from`.

        Raises:
            PluginError: ``item`` is not a :class:`SiteParser` instance, or
                has no name or no domains.
        """
        if not isinstance(item, SiteParser):
            raise PluginError(
                self.plugin, f"registered {item!r}, which is not a newsparse SiteParser"
            )
        name = getattr(item, "name", None)
        if not isinstance(name, str) or not item.domains:
            raise PluginError(self.plugin, f"site parser {item!r} needs a name and domains")
        return (name, item.valid_from), RegisteredSiteParser(item, self.plugin)

    def taken(self, key: tuple[str, date | None], by: str) -> str:
        """Return why the version ``key`` (name, ``valid_from``) is refused."""
        name, since = key
        return f"site parser {name!r} (valid from {since}) is already registered by plugin {by!r}"

    @staticmethod
    def describe(key: tuple[str, date | None]) -> str:
        """Return ``name@valid_from``, or the name alone for a version without a date."""
        name, since = key
        return f"{name}@{since}" if since else name


def choose_site_parser(
    parsers: Sequence[RegisteredSiteParser], url: str | None, when: date | None
) -> RegisteredSiteParser | None:
    """Return the site parser version that reads the page at ``url``, published ``when``.

    Of the parsers that match the URL, the one with the longest matching
    domain wins (``news.example.com`` before ``example.com``); of its
    versions, the latest whose ``valid_from`` is not after ``when`` (the
    newest one when ``when`` is unknown, the oldest when every version is
    newer than the page).
    """
    if not url:
        return None
    matching = [entry for entry in parsers if entry.parser.matches(url)]
    if not matching:
        return None
    host = (urlsplit(url).hostname or "").lower()

    def specificity(entry: RegisteredSiteParser) -> int:
        return max(
            (len(d) for d in entry.parser.domains if host == d or host.endswith("." + d)),
            default=0,
        )

    best = max(matching, key=specificity)
    versions = sorted(
        (entry for entry in matching if entry.parser.name == best.parser.name),
        key=lambda entry: entry.parser.valid_from or date.min,
    )
    if when is None:
        return versions[-1]
    current = [entry for entry in versions if (entry.parser.valid_from or date.min) <= when]
    return current[-1] if current else versions[0]


def select(element: etree._Element, path: str) -> list[etree._Element]:
    """Return the elements the XPath expression ``path`` selects from ``element``.

    Text and attribute values it selects are left out, so the result is
    always a list of elements (empty when nothing matches).

    >>> from lxml import etree
    >>> from newsparse.plugin import select
    >>> page = etree.fromstring("<div><p class='a'>One</p><p>Two</p></div>")
    >>> [p.text for p in select(page, "//p[@class='a'] | //p/@class")]
    ['One']
    """
    found = element.xpath(path)
    if not isinstance(found, list):
        return []
    return [item for item in found if isinstance(item, etree._Element)]


def sections_of(
    blocks: Iterable[etree._Element], headings: frozenset[str] = HEADINGS
) -> tuple[Section, ...]:
    """Group text blocks into sections, for an :meth:`SiteParser.extract` that builds the body.

    Each block's text, with whitespace collapsed, is a paragraph, except that
    a block whose tag is in ``headings`` starts a new section under that
    heading.  Blocks without text (a ``p`` holding only an image) are skipped.

    >>> from lxml import etree
    >>> from newsparse.plugin import sections_of
    >>> story = etree.fromstring("<div><p>Intro.</p><h2>Later</h2><p>More  text.</p></div>")
    >>> [(s.heading, s.paragraphs) for s in sections_of(story)]
    [(None, ('Intro.',)), ('Later', ('More text.',))]
    """
    sections: list[Section] = []
    heading: str | None = None
    paragraphs: list[str] = []
    for block in blocks:
        text = collapse(text_content(block))
        if not text:
            continue
        if block.tag in headings:
            if heading is not None or paragraphs:
                sections.append(Section(heading=heading, paragraphs=paragraphs))
            heading, paragraphs = text, []
        else:
            paragraphs.append(text)
    if heading is not None or paragraphs:
        sections.append(Section(heading=heading, paragraphs=paragraphs))
    return tuple(sections)
