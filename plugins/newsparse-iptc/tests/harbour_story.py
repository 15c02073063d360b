"""The body and image of the hand-written "harbour ice" examples, worked out by hand.

The canonical NITF and NewsML-G2 examples tell the same story, so their read
tests expect the same sections and image.
"""

from __future__ import annotations

from newsparse import Image, Section

BODY = (
    Section(
        paragraphs=(
            "Ice 30 centimetres thick closed the inner harbour on Wednesday.",
            # "&amp;" in the source.
            "Ferries will use the outer quay & the bus link.",
        )
    ),
    Section(
        heading="What travellers should do",
        paragraphs=("Allow twenty minutes more for the walk to the outer quay.",),
    ),
)
"""Two paragraphs before the ``hl2``, one after it."""

IMAGE = Image(
    url="https://harbour.example/img/ice.jpg",
    alt="A ferry",
    caption="The 7:10 ferry, stuck at the inner quay.",
    credit="Per Ek",
)
"""The ``media`` element: reference, alternate text, caption, producer."""
