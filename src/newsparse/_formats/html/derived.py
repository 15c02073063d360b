"""A title for a page that states none: derived from its content, and marked so.

A page saved by a crawler may have lost its ``<head>``, be a fragment, or
never have had a title; its text is still an article.  When the metadata
gives no title (no JSON-LD headline, ``og:title``, ``<title>``, ``h1`` or
the like), the title is derived by this rule, in order:

1. the heading the text opens with (the first section's ``h2``-``h6``);
2. else the start of the text: the first sentence of the first paragraph,
   cut at a word boundary to at most ``MAX_DERIVED_TITLE`` characters
   (nothing is added: no ellipsis);
3. else the caption, then the alternative text, of the first image.

The article then carries ``meta["html.title-source"] = "derived"``
(with a low ``html.title-confidence``, see ``provenance``), which the
lossless JSON keeps.
A page with none of these (no text and no image at all) holds no content.
"""

from __future__ import annotations

import re

from newsparse._model import Image, Section

__all__ = ["DERIVED", "MAX_DERIVED_TITLE", "TITLE_SOURCE_KEY", "derive_title"]

TITLE_SOURCE_KEY = "html.title-source"
"""The ``meta`` key telling that the title is not the page's own."""

DERIVED = "derived"
"""The value of ``TITLE_SOURCE_KEY`` for a title derived from the content."""

MAX_DERIVED_TITLE = 100
"""The most characters a title taken from the start of the text has."""

# A sentence ends at ., ! or ? followed by a space, or at the CJK full stops.
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])\s|(?<=[\u3002\uff01\uff1f])")


def derive_title(sections: tuple[Section, ...], images: tuple[Image, ...]) -> str | None:
    """Return a title derived from the content by the module's rule, or ``None``."""
    if sections and sections[0].heading:
        return sections[0].heading
    for section in sections:
        for paragraph in section.paragraphs:
            line = paragraph.split("\n", 1)[0].strip()
            if line:
                return _start_of(line)
    for image in images:
        for text in (image.caption, image.alt):
            if text and text.strip():
                return _start_of(text.split("\n", 1)[0].strip())
    return None


def _start_of(text: str) -> str:
    """Return the first sentence of ``text``, cut at a word boundary to the length limit."""
    found = _SENTENCE_END.search(text)
    if found is not None:
        text = text[: found.start()].rstrip() or text
    if len(text) <= MAX_DERIVED_TITLE:
        return text
    # The space may follow the last character kept: look one further.
    space = text.rfind(" ", 0, MAX_DERIVED_TITLE + 1)
    # A text without spaces (Chinese, Japanese) is cut at the limit itself.
    if space > MAX_DERIVED_TITLE // 2:
        return text[:space].rstrip()
    return text[:MAX_DERIVED_TITLE]
