"""Gathering a body's headings and paragraphs into sections, in reading order.

Both formats of the plugin read a body as a run of headings and paragraphs;
:class:`SectionBuilder` turns that run into the model's sections.
"""

from __future__ import annotations

from newsparse import Block, Paragraph, Section

__all__ = ["SectionBuilder"]


class SectionBuilder:
    """Appends sections to ``sections`` as headings and paragraphs come.

    A heading closes the section before it and opens a new one; a paragraph
    joins the open section (the first section has no heading when text comes
    before any heading).  Call :meth:`close` at the end of the body.
    """

    def __init__(self, sections: list[Section]) -> None:
        self.sections = sections
        self.heading: str | None = None
        self.blocks: list[Block] = []

    def heading_found(self, heading: str) -> None:
        """Close the open section and start one under ``heading``."""
        self.close()
        self.heading = heading

    def paragraph_found(self, paragraph: str) -> None:
        """Add ``paragraph`` to the open section."""
        self.blocks.append(Paragraph(text=paragraph))

    def block_found(self, block: Block | None) -> None:
        """Add ``block`` (a list, a table, a marked paragraph...) to the open section."""
        if block is not None:
            self.blocks.append(block)

    def close(self) -> None:
        """Append the open section, if it holds anything, and start afresh."""
        if self.heading is not None or self.blocks:
            self.sections.append(Section(heading=self.heading, blocks=self.blocks))
        self.heading, self.blocks = None, []
