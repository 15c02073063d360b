"""Reading a page's structured blocks: lists, data tables, quotes, embeds, preformatted text.

The body collector (``newsparse._formats.html.collect``) hands each of these
elements of the chosen content here; what comes back is one block, or
``None`` when the element is not what it looks like (a list whose items hold
whole paragraphs, a layout table), and the collector then reads it as before,
block by block.

Lists
    A ``ul`` or ``ol`` whose items hold only inline text and nested lists is
    a :class:`~newsparse.ListBlock`; nested lists are the item's ``sublist``.
    An item made mostly of links (a menu that survived pruning) is left out,
    as a link list always was; a list left with no item is no block.
Tables
    A ``table`` whose rows hold only inline text in their cells, with at
    least two cells in some row, is a data table (results, a timetable, a
    market table) and becomes a :class:`~newsparse.Table`: ``caption``,
    ``thead`` rows (or a first row of ``th`` cells) as header rows, ``th``
    cells as header cells, ``colspan``/``rowspan`` kept (clamped to 1..1000).
    Any other table is layout and is walked as a container.
Quotes and embeds
    A ``blockquote`` is a :class:`~newsparse.Quote` of its paragraphs, with
    the text of a ``cite`` or ``footer`` inside it as the attribution; a
    class naming a pull quote makes it one.  The blockquote embeds of social
    platforms (a ``twitter-tweet``, ``instagram-media``, ``tiktok-embed``,
    ``bluesky-embed``, ``threads`` class) are an :class:`~newsparse.Embed`
    instead, with the post's address and its text as the fallback.
Frames
    Pruning removes frames, except those of known video, social, audio, map
    and chart platforms (``provider_of``), which it renames
    ``newsparse-embed``; each becomes an :class:`~newsparse.Embed` with the
    frame's address, the platform's name and the kind of content.
Preformatted text
    A ``pre`` keeps its line breaks and indentation (tabs and line ends are
    kept, other control characters become spaces).

These are rules about HTML and about the embed markup of platforms, not
about any site.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from lxml import etree

from newsparse._blocks import (
    Embed,
    ListBlock,
    ListItem,
    Paragraph,
    Preformatted,
    Quote,
    Table,
    TableCell,
    TableRow,
)
from newsparse._formats.html.dom import clean_url, collapse, is_element, text_content
from newsparse._formats.html.marking import (
    MarkKey,
    Part,
    collapse_marked,
    marked_parts,
    marked_text,
)

__all__ = [
    "EMBED_TAG",
    "ItemFilter",
    "embed_of_frame",
    "list_block",
    "preformatted",
    "provider_of",
    "quote_or_embed",
    "table_block",
]

EMBED_TAG = "newsparse-embed"
"""The tag pruning gives a frame of a known platform, so that it survives."""

_LISTS = frozenset({"ul", "ol"})
_NO_KEYS: frozenset[MarkKey] = frozenset()
_CELLS = frozenset({"td", "th"})
_MAX_SPAN = 1000
_PULL_QUOTE = re.compile(r"pull-?quote", re.IGNORECASE)
_ATTRIBUTION = ("cite", "footer")

# Host (without "www.") -> (platform, kind of content).  A host matches itself
# and its subdomains.
_PROVIDERS: dict[str, tuple[str, str]] = {
    "youtube.com": ("YouTube", "video"),
    "youtube-nocookie.com": ("YouTube", "video"),
    "youtu.be": ("YouTube", "video"),
    "vimeo.com": ("Vimeo", "video"),
    "dailymotion.com": ("Dailymotion", "video"),
    "dai.ly": ("Dailymotion", "video"),
    "twitter.com": ("X", "post"),
    "x.com": ("X", "post"),
    "instagram.com": ("Instagram", "post"),
    "facebook.com": ("Facebook", "post"),
    "tiktok.com": ("TikTok", "video"),
    "bsky.app": ("Bluesky", "post"),
    "threads.net": ("Threads", "post"),
    "open.spotify.com": ("Spotify", "audio"),
    "soundcloud.com": ("SoundCloud", "audio"),
    "google.com/maps": ("Google Maps", "map"),
    "datawrapper.dwcdn.net": ("Datawrapper", "chart"),
    "flo.uri.sh": ("Flourish", "chart"),
}
_EMBED_CLASSES: dict[str, tuple[str, str]] = {
    "twitter-tweet": ("X", "post"),
    "twitter-video": ("X", "video"),
    "instagram-media": ("Instagram", "post"),
    "tiktok-embed": ("TikTok", "video"),
    "bluesky-embed": ("Bluesky", "post"),
    "text-post-media": ("Threads", "post"),
}


def provider_of(url: str | None) -> tuple[str, str] | None:
    """Return the platform and kind of content of an embed address, or ``None``.

    >>> provider_of("https://www.youtube.com/embed/abc")
    ('YouTube', 'video')
    """
    if not url:
        return None
    try:
        parts = urlsplit(url if "//" in url else "https://" + url)
    except ValueError:
        return None
    host = (parts.hostname or "").removeprefix("www.")
    if host == "google.com" and parts.path.startswith("/maps"):
        return _PROVIDERS["google.com/maps"]
    while host:
        if host in _PROVIDERS:
            return _PROVIDERS[host]
        _, _, host = host.partition(".")
        if "." not in host:
            return None
    return None


def embed_of_frame(frame: etree._Element) -> Embed | None:
    """Return the embed a kept frame shows, or ``None`` when it has no usable address."""
    url = clean_url(frame.get("src") or frame.get("data-src"))
    found = provider_of(url)
    if url is None or found is None:
        return None
    title = collapse(frame.get("title") or "") or None
    return Embed(url=url, provider=found[0], content_kind=found[1], text=title)


ItemFilter = Callable[[etree._Element, str], bool]
"""Whether the text of a list item is article text (the collector's rules for text)."""


def list_block(element: etree._Element, keeps: ItemFilter) -> ListBlock | None:
    """Return ``element`` (a ``ul``/``ol``) as a list, or ``None`` when it is not a plain list."""
    try:
        items = [item for item in map(_item_reader(keeps), _items(element)) if item is not None]
    except _NotPlainError:
        return None
    return ListBlock(items=items, ordered=element.tag == "ol") if items else None


class _NotPlainError(Exception):
    """A list item holds blocks: the list is read as a container instead."""


def _items(element: etree._Element) -> list[etree._Element]:
    children = [child for child in element if is_element(child)]
    if any(child.tag != "li" for child in children):
        raise _NotPlainError
    return children


def _item_reader(keeps: ItemFilter) -> Callable[[etree._Element], ListItem | None]:
    def read(li: etree._Element) -> ListItem | None:
        """Return the item, or ``None`` to leave it out (no text kept and no sublist)."""
        parts: list[Part] = [(li.text or "", _NO_KEYS)]
        sublist: ListBlock | None = None
        for child in li:
            if child.tag in _LISTS:
                if sublist is not None:
                    raise _NotPlainError
                sublist = list_block(child, keeps)
                if sublist is None and collapse(text_content(child)):
                    raise _NotPlainError
            elif is_element(child):
                if _holds_blocks(child):
                    raise _NotPlainError
                marked_parts(child, _NO_KEYS, parts)
            parts.append((child.tail or "", _NO_KEYS))
        text, marks = collapse_marked(parts)
        if text and not keeps(li, text):
            text = ""
        if not text and sublist is None:
            return None
        return ListItem(text=text or None, marks=marks if text else (), sublist=sublist)

    return read


_BLOCK_TAGS = ("p", "div", "li", "blockquote", "pre", "table", "ul", "ol", "section", "article",
               "h1", "h2", "h3", "h4", "h5", "h6", "figure", "dl")  # fmt: skip


def _holds_blocks(element: etree._Element) -> bool:
    return (
        element.tag in _BLOCK_TAGS or next(element.iterdescendants(*_BLOCK_TAGS), None) is not None
    )


def table_block(table: etree._Element, keeps: ItemFilter) -> Table | None:
    """Return ``table`` as a data table, or ``None`` when it is a layout table.

    A row whose text ``keeps`` refuses (a row of links) is left out.
    """
    rows: list[tuple[etree._Element, bool]] = []  # each row and whether it is in thead
    for part in table:
        if part.tag == "tr":
            rows.append((part, False))
        elif part.tag in ("thead", "tbody", "tfoot"):
            rows.extend((row, part.tag == "thead") for row in part if row.tag == "tr")
        elif part.tag not in ("caption", "colgroup", "col") and is_element(part):
            return None
    if not rows:
        return None
    widest = 0
    for row, _ in rows:
        cells = [cell for cell in row if cell.tag in _CELLS]
        if any(_holds_blocks(cell) for cell in cells):
            return None
        widest = max(widest, len(cells))
    if widest < 2:
        return None
    head: list[TableRow] = []
    body: list[TableRow] = []
    for index, (row, in_head) in enumerate(rows):
        read = [_cell(cell) for cell in row if cell.tag in _CELLS]
        text = " ".join(cell.text for cell in read if cell.text is not None)
        if not text or not keeps(row, text):
            continue
        first_row_of_headers = index == 0 and all(cell.header for cell in read)
        (head if in_head or (first_row_of_headers and not body) else body).append(
            TableRow(cells=read)
        )
    if not head and not body:
        return None
    captions = [collapse(text_content(c)) for c in table if c.tag == "caption"]
    caption = next((text for text in captions if text), None)
    return Table(caption=caption, head=head, rows=body)


def _cell(cell: etree._Element) -> TableCell:
    text = collapse(text_content(cell))
    return TableCell(
        text=text or None,
        marks=(marked_text(cell, text) or ()) if text else (),
        header=cell.tag == "th",
        colspan=_span(cell.get("colspan")),
        rowspan=_span(cell.get("rowspan")),
    )


def _span(value: str | None) -> int:
    digits = (value or "").strip()
    if not digits.isdigit():
        return 1
    return min(max(int(digits), 1), _MAX_SPAN)


def quote_or_embed(quote: etree._Element) -> Quote | Embed | None:
    """Return a ``blockquote`` as an embedded post or as a quote.

    ``None`` when it has no text, or holds more than paragraphs and its
    source (see :func:`_plain_quote`): the caller then reads it block by block.
    """
    classes = quote.get("class", "").split()
    # Lazy loaders keep the platform's class name in a data attribute
    # (data-twitter="twitter-tweet") until a script builds the post.
    named = classes + [str(value) for key, value in quote.items() if str(key).startswith("data-")]
    for name in named:
        if name in _EMBED_CLASSES:
            return _embedded_post(quote, *_EMBED_CLASSES[name])
    if not _plain_quote(quote):
        return None
    attribution_parts = [
        collapse(text_content(element)) for element in quote.iterdescendants(*_ATTRIBUTION)
    ]
    attribution = " ".join(part for part in attribution_parts if part) or None
    paragraphs = [
        _quoted_paragraph(p, collapse(_text_without(p, _ATTRIBUTION)))
        for p in quote.iterdescendants("p")
    ]
    kept = [paragraph for paragraph in paragraphs if paragraph is not None]
    if not kept:
        whole = _quoted_paragraph(quote, collapse(_text_without(quote, _ATTRIBUTION)))
        kept = [whole] if whole is not None else []
    if not kept:
        return None
    if attribution is not None:
        attribution = attribution.lstrip(_DASHES).strip() or None
    pull = any(_PULL_QUOTE.search(name) for name in classes)
    return Quote(paragraphs=kept, attribution=attribution, pull=pull)


def _quoted_paragraph(element: etree._Element, text: str) -> Paragraph | None:
    """Return a quoted paragraph with its marks (none when its source sits inside it)."""
    if not text:
        return None
    if next(element.iterdescendants(*_ATTRIBUTION), None) is not None:
        return Paragraph(text=text)
    return Paragraph(text=text, marks=marked_text(element, text) or ())


def _plain_quote(quote: etree._Element) -> bool:
    """Whether ``quote`` holds inline text only, or only paragraphs and its source.

    Anything else (a list, a heading, text between paragraphs) is read block
    by block, so that none of it is lost.
    """
    children = [child for child in quote if is_element(child)]
    blocks = [child for child in children if _holds_blocks(child)]
    if not blocks:
        return True
    if any(child.tag != "p" for child in blocks):
        return False
    loose = [quote.text or ""]
    for child in children:
        if child not in blocks and child.tag not in _ATTRIBUTION:
            loose.append(text_content(child))
        loose.append(child.tail or "")
    return not collapse("".join(loose))


def _embedded_post(quote: etree._Element, provider: str, kind: str) -> Embed | None:
    url = clean_url(quote.get("data-instgrm-permalink") or quote.get("cite"))
    if url is None:
        links = [clean_url(a.get("href")) for a in quote.iter("a")]
        platform_links = [link for link in links if link and provider_of(link) is not None]
        url = platform_links[-1] if platform_links else None
    if url is None:
        return None
    # Words of neighbouring elements ("night!</p>— Club") stay apart.
    text = collapse(" ".join(str(part) for part in quote.itertext())) or None
    return Embed(url=url, provider=provider, content_kind=kind, text=text)


def _text_without(element: etree._Element, tags: tuple[str, ...]) -> str:
    """Return the text of ``element`` leaving out the elements named ``tags``."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in tags and is_element(child):
            parts.append(_text_without(child, tags))
        parts.append(child.tail or "")
    return "".join(parts)


_DASHES = "\u2014\u2013\u2015- "  # em dash, en dash, horizontal bar, hyphen: "— The mayor"
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def preformatted(pre: etree._Element) -> Preformatted | None:
    """Return the text of a ``pre`` with its spacing, or ``None`` when it has none."""
    text = text_content(pre).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    text = "\n".join(lines).rstrip()
    return Preformatted(text=text) if text else None
