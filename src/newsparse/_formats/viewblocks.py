"""How the ``text`` and ``markdown`` views write each block kind.

``text``
    Paragraphs as they are; list items as ``- item`` (``1. item`` when
    numbered), nested items indented by two spaces; a table's caption, then
    one line per row with cells separated by `` | ``; a quote's paragraphs,
    then ``— attribution``; preformatted text as it is; an embed as
    ``[Embed: provider, address]`` and its fallback text; a figure as
    ``[Image: caption — credit]``; a live entry as its time and title on one
    line, then its blocks.
``markdown``
    CommonMark with the GitHub table extension: links as ``[text](<url>)``,
    emphasis as ``*text*``, strong as ``**text**``; nested lists; GFM tables
    (the first header row, or an empty one, above the rest); ``>`` quotes
    with the attribution on a last ``— name`` line; fenced code for
    preformatted text; an embed as a link; a figure as an image; a live
    entry as a ``###`` heading with its time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from newsparse._blocks import (
    Block,
    Embed,
    Figure,
    ListBlock,
    LiveEntry,
    Paragraph,
    Preformatted,
    Quote,
    Table,
    TableRow,
)
from newsparse._formats.inline import render_inline
from newsparse._image import Image
from newsparse._marks import Mark

__all__ = [
    "image_text",
    "markdown_block",
    "markdown_escape",
    "markdown_image",
    "markdown_inline",
    "text_block",
]

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#!|~&])")
_MARKDOWN_BLOCK_MARK = re.compile(r"^(\s*)([-=>+])", re.MULTILINE)
_MARKDOWN_LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


def _escape_inline(text: str) -> str:
    """Escape the characters Markdown reads as inline markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _escape_line_starts(text: str) -> str:
    """Escape what Markdown reads as a block's start at the start of a line ("- ", "1.")."""
    text = _MARKDOWN_BLOCK_MARK.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    # "1." starts a list; a backslash before a digit is no escape, so it goes before the dot.
    return _MARKDOWN_LIST_NUMBER.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def markdown_escape(text: str) -> str:
    """Escape ``text`` so that Markdown shows it as it is, at the start of a block too."""
    return _escape_line_starts(_escape_inline(text))


def image_text(image: Image) -> str | None:
    """Return an image's caption (or alt text) and credit, for the views."""
    words = [text for text in (image.caption or image.alt, image.credit) if text]
    return " — ".join(words) or None


# -- text --------------------------------------------------------------------


def text_block(block: Block) -> str | None:
    """Return ``block`` as plain text for the ``text`` view (``None``: nothing to show)."""
    write = _TEXT_WRITERS.get(type(block))
    return write(block) if write is not None else (block.plain_text or None)


def _text_table(block: Table) -> str:
    lines = [block.caption] if block.caption else []
    lines.extend(_text_row(row) for row in (*block.head, *block.rows))
    return "\n".join(lines)


def _text_quote(block: Quote) -> str:
    parts = [paragraph.text for paragraph in block.paragraphs]
    if block.attribution:
        parts.append("— " + block.attribution)
    return "\n\n".join(parts)


def _text_embed(block: Embed) -> str:
    where = ", ".join(part for part in (block.provider, block.url) if part)
    return f"[Embed: {where}]" + (f"\n{block.text}" if block.text else "")


def _text_figure(block: Figure) -> str | None:
    text = image_text(block.image)
    return f"[Image: {text}]" if text else None


def _text_entry(block: LiveEntry) -> str:
    head = block.time.isoformat(sep=" ", timespec="minutes")
    if block.title:
        head += " · " + block.title
    if block.authors:
        head += " · By " + ", ".join(block.authors)
    inner = [text for text in map(text_block, block.blocks) if text]
    return "\n\n".join([head, *inner])


def _text_list(block: ListBlock, indent: str) -> list[str]:
    lines = []
    for number, item in enumerate(block.items, start=1):
        bullet = f"{number}. " if block.ordered else "- "
        if item.text is not None:
            text = item.text.replace("\n", "\n" + indent + " " * len(bullet))
            lines.append(indent + bullet + text)
        if item.sublist is not None:
            lines.extend(_text_list(item.sublist, indent + "  "))
    return lines


def _text_row(row: TableRow) -> str:
    return row.plain_text.replace("\n", " ")


# -- markdown ----------------------------------------------------------------


def markdown_block(block: Block, escape: Callable[[str], str]) -> str | None:
    """Return ``block`` as CommonMark/GFM (``None``: nothing to show)."""
    write = _MARKDOWN_WRITERS.get(type(block))
    return write(block, escape) if write is not None else (escape(block.plain_text) or None)


def _markdown_paragraph(block: Paragraph, escape: Callable[[str], str]) -> str:
    return _hard_breaks(markdown_inline(block.text, block.marks, escape))


def _markdown_quote(block: Quote, escape: Callable[[str], str]) -> str:
    paragraphs = [_markdown_paragraph(paragraph, escape) for paragraph in block.paragraphs]
    if block.attribution:
        paragraphs.append("— " + escape(block.attribution))
    return "\n>\n".join(_quoted(text) for text in paragraphs)


def _markdown_code(block: Preformatted, _escape: Callable[[str], str]) -> str:
    fence = "```"
    while fence in block.text:
        fence += "`"
    return f"{fence}\n{block.text}\n{fence}"


def _markdown_embed(block: Embed, escape: Callable[[str], str]) -> str:
    label = escape(block.provider or block.content_kind or "Embedded content")
    link = f"[{label}](<{block.url}>)"
    return link + (f"\n\n{_hard_breaks(escape(block.text))}" if block.text else "")


def _markdown_figure(block: Figure, escape: Callable[[str], str]) -> str | None:
    return markdown_image(block.image, escape)


def _markdown_entry(block: LiveEntry, escape: Callable[[str], str]) -> str:
    head = "### " + block.time.isoformat(sep=" ", timespec="minutes")
    if block.title:
        head += " · " + escape(block.title)
    parts = [head]
    if block.authors:
        parts.append("*By " + escape(", ".join(block.authors)) + "*")
    parts.extend(text for text in (markdown_block(b, escape) for b in block.blocks) if text)
    return "\n\n".join(parts)


def _markdown_list_block(block: ListBlock, escape: Callable[[str], str]) -> str:
    return "\n".join(_markdown_list(block, "", escape))


def markdown_inline(
    text: str, marks: tuple[Mark, ...], escape: Callable[[str], str], *, line_start: bool = True
) -> str:
    """Return marked text as Markdown: links, ``*emphasis*`` and ``**strong**``.

    The marks' pieces are escaped as inline text, and the starts of lines of
    the whole (only where a line starts, so ``[4.2](<url>)`` stays as it
    is); with ``line_start=False`` (a table cell) no line starts there.
    """
    if not marks:
        return escape(text) if line_start else _escape_inline(text)
    rendered = render_inline(text, marks, _escape_inline, _open, _close, spaces_outside=True)
    return _escape_line_starts(rendered) if line_start else rendered


def _open(mark: Mark) -> str:
    return {"link": "[", "emphasis": "*", "strong": "**"}[mark.kind]


def _close(mark: Mark) -> str:
    if mark.kind == "link":
        return f"](<{mark.href}>)"
    return "*" if mark.kind == "emphasis" else "**"


def markdown_image(image: Image, escape: Callable[[str], str]) -> str | None:
    """Return an image as ``![alt](<url>)`` and an italic caption line."""
    lines = []
    if image.url:
        alt = escape(image.alt or "").replace("\n", " ")
        lines.append(f"![{alt}](<{image.url}>)")
    text = image_text(image)
    if text:
        lines.append(f"*{_hard_breaks(escape(text))}*")
    return "\n".join(lines) or None


def _hard_breaks(text: str) -> str:
    return text.replace("\n", "\\\n")


def _quoted(text: str) -> str:
    return "> " + text.replace("\n", "\n> ")


def _markdown_list(block: ListBlock, indent: str, escape: Callable[[str], str]) -> list[str]:
    lines = []
    for number, item in enumerate(block.items, start=1):
        bullet = f"{number}. " if block.ordered else "- "
        inner = indent + " " * len(bullet)
        if item.text is not None:
            text = _hard_breaks(markdown_inline(item.text, item.marks, escape))
            lines.append(indent + bullet + text.replace("\n", "\n" + inner))
        else:
            lines.append(indent + bullet.rstrip())
        if item.sublist is not None:
            lines.extend(_markdown_list(item.sublist, inner, escape))
    return lines


def _markdown_table(block: Table, escape: Callable[[str], str]) -> str:
    rows = [*block.head, *block.rows]
    width = max(sum(cell.colspan for cell in row.cells) for row in rows)
    header, body = (rows[0], rows[1:]) if block.head else (None, rows)

    def cells(row: TableRow | None) -> list[str]:
        texts: list[str] = []
        for cell in row.cells if row is not None else ():
            text = (
                ""
                if cell.text is None
                else markdown_inline(cell.text, cell.marks, escape, line_start=False)
            )
            texts.append(text.replace("\n", "<br>"))  # escape() took care of "|"
            texts.extend("" for _ in range(cell.colspan - 1))
        return texts + [""] * (width - len(texts))

    lines = ["| " + " | ".join(cells(header)) + " |", "|" + " --- |" * width]
    lines.extend("| " + " | ".join(cells(row)) + " |" for row in body)
    if block.caption:
        lines.insert(0, f"*{_hard_breaks(escape(block.caption))}*\n")
    return "\n".join(lines)


_TEXT_WRITERS: dict[type[Block], Callable[[Any], str | None]] = {
    Paragraph: lambda block: block.text,
    Preformatted: lambda block: block.text,
    ListBlock: lambda block: "\n".join(_text_list(block, "")),
    Table: _text_table,
    Quote: _text_quote,
    Embed: _text_embed,
    Figure: _text_figure,
    LiveEntry: _text_entry,
}

_MARKDOWN_WRITERS: dict[type[Block], Callable[[Any, Callable[[str], str]], str | None]] = {
    Paragraph: _markdown_paragraph,
    ListBlock: _markdown_list_block,
    Table: _markdown_table,
    Quote: _markdown_quote,
    Preformatted: _markdown_code,
    Embed: _markdown_embed,
    Figure: _markdown_figure,
    LiveEntry: _markdown_entry,
}
