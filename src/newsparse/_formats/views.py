"""The built-in render-only views ``text`` and ``markdown``, for people and NLP.

They are *lossy by design* (:attr:`~newsparse.Format.lossy`): they show what a
reader wants (headline, byline, date, summary, images, body) and leave the rest
(``meta``, topics, language) out.  Use ``json`` or ``jsonl`` to keep everything.

``text``
    The headline, a byline and date line, the address, the summary, image
    captions in brackets, then headings and blocks, each separated by a
    blank line.  Articles are separated by a line holding only ``* * *``.
``markdown``
    The same as CommonMark: ``#`` headline, ``##`` headings, ``>`` summary,
    ``![alt](url)`` images with an italic caption line; characters that
    Markdown would read as markup are escaped.  Articles are separated by a
    ``---`` rule.

Both write every block kind and mark; ``newsparse._formats.viewblocks``
says how.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from newsparse._blocks import BLOCK_KINDS
from newsparse._format import Format
from newsparse._formats.viewblocks import (
    image_text,
    markdown_block,
    markdown_escape,
    markdown_image,
    text_block,
)
from newsparse._marks import MARK_KINDS
from newsparse._model import Article

__all__ = ["MarkdownView", "TextView"]


def _byline(article: Article) -> str | None:
    parts = []
    if article.authors:
        parts.append("By " + ", ".join(article.authors))
    if article.published is not None:
        parts.append(article.published.isoformat(sep=" ", timespec="minutes"))
    return " · ".join(parts) or None


def _write_blocks(blocks: Iterable[str | None], out: TextIO, separator: str) -> None:
    first = True
    for block in blocks:
        if block is None:
            continue
        if block is _ARTICLE_BREAK:
            out.write(separator)
            first = True
            continue
        out.write(block if first else "\n\n" + block)
        first = False
    if not first:
        out.write("\n")


_ARTICLE_BREAK = "\x00article-break"


class TextView(Format):
    """Plain text for reading or for NLP pipelines (render-only, lossy)."""

    name = "text"
    label = "Plain text"
    extensions = (".txt",)
    media_types = ("text/plain",)
    lossy = True
    blocks = BLOCK_KINDS
    marks = MARK_KINDS

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        """Write each article as blocks of plain text."""
        _write_blocks(self._blocks(articles), out, "\n\n* * *\n\n")

    def _blocks(self, articles: Iterable[Article]) -> Iterator[str | None]:
        for index, article in enumerate(articles):
            if index:
                yield _ARTICLE_BREAK
            yield article.title
            yield _byline(article)
            yield article.url
            yield article.summary
            for image in article.images:
                text = image_text(image)
                yield f"[Image: {text}]" if text else None
            for section in article.body:
                yield section.heading
                yield from map(text_block, section.blocks)


_escape = markdown_escape


def _hard_breaks(text: str) -> str:
    return text.replace("\n", "\\\n")


class MarkdownView(Format):
    """CommonMark for reading and publishing (render-only, lossy)."""

    name = "markdown"
    label = "Markdown"
    extensions = (".md", ".markdown")
    media_types = ("text/markdown",)
    lossy = True
    blocks = BLOCK_KINDS
    marks = MARK_KINDS

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        """Write each article as a CommonMark document."""
        _write_blocks(self._blocks(articles), out, "\n\n---\n\n")

    def _blocks(self, articles: Iterable[Article]) -> Iterator[str | None]:
        for index, article in enumerate(articles):
            if index:
                yield _ARTICLE_BREAK
            yield "# " + _escape(article.title)
            byline = _byline(article)
            yield f"*{_escape(byline)}*" if byline else None
            yield f"<{article.url}>" if article.url else None
            if article.summary:
                yield "> " + _hard_breaks(_escape(article.summary)).replace("\n", "\n> ")
            for image in article.images:
                yield markdown_image(image, _escape)
            for section in article.body:
                yield "## " + _escape(section.heading) if section.heading else None
                for block in section.blocks:
                    yield markdown_block(block, _escape)
