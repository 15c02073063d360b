"""Blocks as semantic HTML5 in newsparse's own markup, written and read back exactly.

Inside a ``<section>``, after its optional ``<h2>``, each block is one element:

=================  ==============================================================
block              markup
=================  ==============================================================
paragraph          ``<p>`` with ``<a href>``, ``<em>``, ``<strong>`` and ``<br>``
list               ``<ul>`` or ``<ol>``; each item an ``<li>`` with its text and,
                   for a nested list, a ``<ul>``/``<ol>`` after it
table              ``<table>`` with ``<caption>``, ``<thead>`` and ``<tbody>``;
                   header cells are ``<th>``, spans are ``colspan``/``rowspan``
quote              ``<figure class="quote">`` (``class="pull-quote"`` for a pull
                   quote) holding a ``<blockquote>`` of ``<p>`` and, for the
                   attribution, a ``<figcaption>``: the pattern the HTML
                   standard gives for a quotation and its source
preformatted       ``<pre>``
embed              ``<figure class="embed">`` with ``data-provider`` and
                   ``data-content-kind``, an ``<a href>`` to the content and
                   the fallback text in a ``<figcaption>``
figure             ``<figure>`` with ``<img>`` and ``<figcaption>``, as the
                   article's own images
live entry         a nested ``<article class="live-entry">``: a ``<header>``
                   with ``<time datetime>``, the title in ``<h3>`` and each
                   author in a ``<span class="author">``, then its blocks
=================  ==============================================================

Empty table cells are empty ``<td>`` elements; an item with only a nested
list has no text before it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape
from typing import Any

from lxml import etree

from newsparse._blocks import (
    Block,
    Embed,
    Figure,
    ListBlock,
    ListItem,
    LiveEntry,
    Paragraph,
    Preformatted,
    Quote,
    Table,
    TableCell,
    TableRow,
)
from newsparse._formats.inline import render_inline
from newsparse._image import Image
from newsparse._marks import Mark

__all__ = ["exact_text", "read_block", "read_figure", "write_block", "write_figure"]

_OPEN = {"emphasis": "<em>", "strong": "<strong>"}
_CLOSE = {"link": "</a>", "emphasis": "</em>", "strong": "</strong>"}
_MARK_OF_TAG = {"a": "link", "em": "emphasis", "strong": "strong"}


def _text(value: str) -> str:
    return escape(value, quote=False).replace("\n", "<br>")


def _attribute(value: str) -> str:
    return escape(value, quote=True)


# -- writing -----------------------------------------------------------------


def write_block(block: Block) -> str:
    """Return ``block`` as newsparse's HTML (see the module notes)."""
    return _WRITERS[type(block)](block)


def _inline(text: str, marks: tuple[Mark, ...]) -> str:
    return render_inline(text, marks, _text, _open_mark, _close_mark)


def _open_mark(mark: Mark) -> str:
    if mark.kind == "link":
        return f'<a href="{_attribute(mark.href or "")}">'
    return _OPEN[mark.kind]


def _close_mark(mark: Mark) -> str:
    return _CLOSE[mark.kind]


def _list(block: ListBlock) -> str:
    tag = "ol" if block.ordered else "ul"
    items = []
    for item in block.items:
        text = "" if item.text is None else _inline(item.text, item.marks)
        sublist = "" if item.sublist is None else _list(item.sublist)
        items.append(f"<li>{text}{sublist}</li>")
    return f"<{tag}>{''.join(items)}</{tag}>"


def _table(block: Table) -> str:
    parts = ["<table>"]
    if block.caption is not None:
        parts.append(f"<caption>{_text(block.caption)}</caption>")
    if block.head:
        parts.append(f"<thead>{''.join(map(_row, block.head))}</thead>")
    if block.rows:
        parts.append(f"<tbody>{''.join(map(_row, block.rows))}</tbody>")
    parts.append("</table>")
    return "".join(parts)


def _row(row: TableRow) -> str:
    cells = []
    for cell in row.cells:
        tag = "th" if cell.header else "td"
        spans = ""
        if cell.colspan != 1:
            spans += f' colspan="{cell.colspan}"'
        if cell.rowspan != 1:
            spans += f' rowspan="{cell.rowspan}"'
        text = "" if cell.text is None else _inline(cell.text, cell.marks)
        cells.append(f"<{tag}{spans}>{text}</{tag}>")
    return f"<tr>{''.join(cells)}</tr>"


def _quote(block: Quote) -> str:
    kind = "pull-quote" if block.pull else "quote"
    quoted = "".join(f"<p>{_inline(p.text, p.marks)}</p>" for p in block.paragraphs)
    source = f"<figcaption>{_text(block.attribution)}</figcaption>" if block.attribution else ""
    return f'<figure class="{kind}"><blockquote>{quoted}</blockquote>{source}</figure>'


def _embed(block: Embed) -> str:
    data = ""
    if block.provider is not None:
        data += f' data-provider="{_attribute(block.provider)}"'
    if block.content_kind is not None:
        data += f' data-content-kind="{_attribute(block.content_kind)}"'
    link = f'<a href="{_attribute(block.url)}">{_text(block.url)}</a>'
    text = f"<figcaption>{_text(block.text)}</figcaption>" if block.text is not None else ""
    return f'<figure class="embed"{data}>{link}{text}</figure>'


def _entry(block: LiveEntry) -> str:
    head = [f'<time datetime="{block.time.isoformat()}">{block.time.isoformat()}</time>']
    if block.title is not None:
        head.append(f"<h3>{_text(block.title)}</h3>")
    head.extend(f'<span class="author">{_text(name)}</span>' for name in block.authors)
    inner = "".join(map(write_block, block.blocks))
    return f'<article class="live-entry"><header>{"".join(head)}</header>{inner}</article>'


def write_figure(image: Image) -> str:
    """Return an image as ``<figure>`` with ``<img>`` and ``<figcaption>``."""
    parts = ["<figure>"]
    if image.url is not None or image.alt is not None:
        src = f' src="{_attribute(image.url)}"' if image.url is not None else ""
        alt = f' alt="{_attribute(image.alt)}"' if image.alt is not None else ""
        parts.append(f"<img{src}{alt}>")
    if image.caption is not None or image.credit is not None:
        parts.append("<figcaption>")
        if image.caption is not None:
            parts.append(f'<span class="caption">{_text(image.caption)}</span>')
        if image.credit is not None:
            parts.append(f'<small class="credit">{_text(image.credit)}</small>')
        parts.append("</figcaption>")
    parts.append("</figure>")
    return "".join(parts)


# -- reading back ------------------------------------------------------------


def read_block(element: etree._Element) -> Block:
    """Read one block element that :func:`write_block` wrote.

    Raises:
        ValueError: the element is not one :func:`write_block` writes.
    """
    read = _READERS.get((str(element.tag), element.get("class")))
    if read is None:
        raise ValueError(f"<{element.tag}> is not a block of newsparse markup")
    return read(element)


def _read_paragraph(element: etree._Element) -> Paragraph:
    text, marks = _marked(element)
    return Paragraph(text=text, marks=marks)


def _marked(element: etree._Element) -> tuple[str, list[Mark]]:
    """Return the text of ``element`` and the marks of its inline elements.

    Markup splits a mark that another one crosses (``<a><em>x</em></a><em> y</em>``),
    so pieces of one mark that touch are joined before the marks are made:
    a piece alone may start on a space that the whole mark does not.
    """
    parts: list[str] = []
    pieces: list[tuple[str, str | None, int, int]] = []  # kind, href, start, end
    length = 0

    def walk(node: etree._Element) -> None:
        nonlocal length
        if node.text:
            parts.append(node.text)
            length += len(node.text)
        for child in node:
            if child.tag == "br":
                parts.append("\n")
                length += 1
            elif child.tag in _MARK_OF_TAG:
                start = length
                walk(child)
                kind = _MARK_OF_TAG[str(child.tag)]
                href = child.get("href") if kind == "link" else None
                if length > start:
                    pieces.append((kind, href, start, length))
            else:
                raise ValueError(f"<{child.tag}> inside text is not newsparse markup")
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)

    walk(element)
    return "".join(parts), _joined(pieces)


def _joined(pieces: list[tuple[str, str | None, int, int]]) -> list[Mark]:
    marks: list[Mark] = []
    for kind, href, start, end in sorted(pieces, key=lambda p: (p[0], p[1] or "", p[2])):
        last = marks[-1] if marks else None
        if last is not None and (last.kind, last.href) == (kind, href) and start <= last.end:
            joined_end = max(end, last.end)
            marks[-1] = Mark(kind=kind, start=last.start, end=joined_end, href=href)
        else:
            marks.append(Mark(kind=kind, start=start, end=end, href=href))
    return marks


def _read_list(element: etree._Element) -> ListBlock:
    items = []
    for li in element:
        sublists = [child for child in li if child.tag in ("ul", "ol")]
        sublist = _read_list(sublists[0]) if sublists else None
        if sublists:
            li.remove(sublists[0])  # the item's own text is what is left
        text, marks = _marked(li)
        items.append(ListItem(text=text or None, marks=marks, sublist=sublist))
    return ListBlock(items=items, ordered=element.tag == "ol")


def _read_table(element: etree._Element) -> Table:
    captions = element.findall("caption")
    head = [_read_row(row) for row in element.findall("thead/tr")]
    rows = [_read_row(row) for row in element.findall("tbody/tr")]
    caption = exact_text(captions[0]) if captions else None
    return Table(caption=caption, head=head, rows=rows)


def _read_row(row: etree._Element) -> TableRow:
    cells = []
    for cell in row:
        text, marks = _marked(cell)
        cells.append(
            TableCell(
                text=text or None,
                marks=marks,
                header=cell.tag == "th",
                colspan=int(cell.get("colspan", "1")),
                rowspan=int(cell.get("rowspan", "1")),
            )
        )
    return TableRow(cells=cells)


def _read_quote(element: etree._Element, *, pull: bool) -> Quote:
    paragraphs = [_read_paragraph(p) for p in element.findall("blockquote/p")]
    sources = element.findall("figcaption")
    attribution = exact_text(sources[0]) if sources else None
    return Quote(paragraphs=paragraphs, attribution=attribution, pull=pull)


def _read_embed(element: etree._Element) -> Embed:
    links = element.findall("a")
    texts = element.findall("figcaption")
    if len(links) != 1:
        raise ValueError("an embed of newsparse markup has one <a href>")
    return Embed(
        url=links[0].get("href", ""),
        provider=element.get("data-provider"),
        content_kind=element.get("data-content-kind"),
        text=exact_text(texts[0]) if texts else None,
    )


def _read_entry(element: etree._Element) -> LiveEntry:
    headers = element.findall("header")
    if len(headers) != 1:
        raise ValueError("a live entry of newsparse markup has one <header>")
    header = headers[0]
    times = header.findall("time")
    titles = header.findall("h3")
    if len(times) != 1:
        raise ValueError("a live entry of newsparse markup has one <time>")
    return LiveEntry(
        time=datetime.fromisoformat(times[0].get("datetime", "")),
        title=exact_text(titles[0]) if titles else None,
        authors=[exact_text(span) for span in header.findall("span[@class='author']")],
        blocks=[read_block(child) for child in element if child is not header],
    )


def read_figure(figure: etree._Element) -> Image:
    """Read an image written by :func:`write_figure`."""
    images = figure.findall("img")
    captions = figure.findall("figcaption/span[@class='caption']")
    credits = figure.findall("figcaption/small[@class='credit']")
    return Image(
        url=images[0].get("src") if images else None,
        alt=images[0].get("alt") if images else None,
        caption=exact_text(captions[0]) if captions else None,
        credit=exact_text(credits[0]) if credits else None,
    )


def exact_text(element: etree._Element) -> str:
    """Return the text of ``element`` as written, with each ``<br>`` as a line break."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "br" else exact_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


_WRITERS: dict[type[Block], Callable[[Any], str]] = {
    Paragraph: lambda block: f"<p>{_inline(block.text, block.marks)}</p>",
    ListBlock: _list,
    Table: _table,
    Quote: _quote,
    Preformatted: lambda block: f"<pre>{escape(block.text, quote=False)}</pre>",
    Embed: _embed,
    Figure: lambda block: write_figure(block.image),
    LiveEntry: _entry,
}

_READERS: dict[tuple[str, str | None], Callable[[etree._Element], Block]] = {
    ("p", None): _read_paragraph,
    ("ul", None): _read_list,
    ("ol", None): _read_list,
    ("table", None): _read_table,
    ("pre", None): lambda element: Preformatted(text=element.text or ""),
    ("figure", "quote"): lambda element: _read_quote(element, pull=False),
    ("figure", "pull-quote"): lambda element: _read_quote(element, pull=True),
    ("figure", "embed"): _read_embed,
    ("figure", None): lambda element: Figure(image=read_figure(element)),
    ("article", "live-entry"): _read_entry,
}
