"""Live blogs: the entries a page states in its JSON-LD, as ``LiveEntry`` blocks.

A live blog (a ticker of a match, an election night, a trial) says what it
is in its JSON-LD: a ``LiveBlogPosting`` whose ``liveBlogUpdate`` lists the
entries, each with its time (``datePublished``, else ``dateCreated``, else
``dateModified``), an optional ``headline``, ``author`` and ``articleBody``.
The page's markup has no common shape for entries, so the JSON-LD is the
source:

* each update with a time and a text or a headline becomes a
  :class:`~newsparse.LiveEntry` (its body's lines are paragraphs; markup in
  it is taken out, character references decoded); an update without a time
  is left out, and its text stays wherever the page's text has it;
* only the entries the page shows count: an entry whose title or one of
  whose paragraphs is in the text found in the page.  A live blog's
  JSON-LD often lists its whole history while the page shows the latest
  entries; the others are not the page's text (as for any extractor);
* the entries go, in the order the page lists them, into one section at the
  end of the body, and the paragraphs of the text found in the page that
  repeat an entry's text or title are taken out of the sections before
  (a section left with neither text nor a heading of its own goes), so no
  text is there twice and none is lost.

Pages that are not live blogs, and live blogs whose JSON-LD lists no usable
entry, keep the body found in the page.
"""

from __future__ import annotations

from typing import Any

from newsparse._blocks import Block, LiveEntry, Paragraph
from newsparse._errors import ValidationError
from newsparse._formats.html.authors import json_ld_author_values
from newsparse._formats.html.cleaning import (
    MAX_ITEMS,
    clean_line,
    text_paragraphs,
    unescape,
    unique,
)
from newsparse._formats.html.dates import parse_date
from newsparse._formats.html.jsonld import is_live_blog
from newsparse._model import Section

__all__ = ["live_entries", "with_live_entries"]

_MAX_ENTRIES = 2000  # updates read from one page
_TIME_KEYS = ("datePublished", "dateCreated", "dateModified")


def live_entries(
    objects: list[dict[str, Any]], found: tuple[Section, ...]
) -> tuple[LiveEntry, ...]:
    """Return the entries of the first live blog among the JSON-LD objects that ``found`` shows.

    ``found`` is the body found in the page; only the entries it shows are
    built (a live blog's JSON-LD may list hundreds).
    """
    for obj in objects:
        if not is_live_blog(obj):
            continue
        updates = obj.get("liveBlogUpdate")
        if isinstance(updates, dict):
            updates = [updates]
        if not isinstance(updates, list):
            return ()
        shown = _shown_texts(found)
        entries = (_entry(update, shown) for update in updates[:_MAX_ENTRIES])
        return tuple(entry for entry in entries if entry is not None)
    return ()


def _entry(update: object, shown: set[str]) -> LiveEntry | None:
    if not isinstance(update, dict):
        return None
    title = clean_line(unescape(update.get("headline")))
    texts = text_paragraphs(update.get("articleBody"))
    if title not in shown and not any(text in shown for text in texts):
        return None  # the page does not show it
    time = next(
        (parsed for key in _TIME_KEYS if (parsed := parse_date(update.get(key))) is not None), None
    )
    if time is None:
        return None
    blocks = [Paragraph(text=text) for text in texts]
    authors = unique(
        name
        for value in json_ld_author_values(update.get("author"))
        if (name := clean_line(unescape(value))) is not None
    )
    if not blocks and title is None:
        return None
    try:
        return LiveEntry(time=time.value, title=title, blocks=blocks, authors=authors[:MAX_ITEMS])
    except ValidationError:  # pragma: no cover - every value above is clean
        return None


def _shown_texts(found: tuple[Section, ...]) -> set[str]:
    """Return the texts of the blocks and headings of the body found in the page."""
    texts = {block.plain_text for section in found for block in section.blocks}
    texts.update(section.heading for section in found if section.heading)
    return texts


def with_live_entries(
    found: tuple[Section, ...], entries: tuple[LiveEntry, ...]
) -> tuple[Section, ...]:
    """Return the body: ``found`` without what repeats an entry, then the entries."""
    if not entries:
        return found
    repeated = {entry.title for entry in entries if entry.title}
    repeated.update(block.plain_text for entry in entries for block in entry.blocks)
    sections: list[Section] = []
    for section in found:
        blocks: list[Block] = [
            block
            for block in section.blocks
            if not (type(block) is Paragraph and block.text in repeated)
        ]
        heading = None if section.heading in repeated else section.heading
        if any(block.plain_text for block in blocks) or heading is not None:
            sections.append(Section(heading=heading, blocks=blocks))
    sections.append(Section(blocks=entries))
    return tuple(sections)
