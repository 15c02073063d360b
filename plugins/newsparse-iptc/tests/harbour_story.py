"""The fields of the hand-written "harbour ice" examples, worked out by hand.

The canonical NITF and NewsML-G2 examples tell the same story, so their read
tests expect the same fields (``meta`` aside, which each format names its way).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from newsparse import Article, Image, Section

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


def assert_fields(article: Article) -> None:
    """Assert every field but ``meta`` of the canonical examples."""
    assert article.title == "Ice closes the inner harbour"
    assert article.body == BODY
    assert article.images == (IMAGE,)
    assert article.authors == ("Ana Lind",)
    cet = timezone(timedelta(hours=1))
    assert article.published == datetime(2024, 1, 17, 8, 30, tzinfo=cet)
    assert article.published.utcoffset() == timedelta(hours=1)
    assert article.modified == datetime(2024, 1, 17, 10, 15, tzinfo=cet)
    assert article.url == "https://harbour.example/ports/ice"
    assert article.publisher == "Harbour Post"
    assert article.language == "en"
    assert article.topics == ("ports", "weather")
    assert article.summary == "The port authority shut the inner basin at dawn."
