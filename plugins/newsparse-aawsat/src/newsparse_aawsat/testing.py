"""A Hypothesis strategy of the articles TT represents exactly.

Needs Hypothesis (``pip install newsparse[testing]``).  The format never
imports this module: the conformance tests do, as their
:meth:`FormatConformance.strategy <newsparse.testing.FormatConformance.strategy>`.
"""

from __future__ import annotations

from hypothesis import strategies as st
from newsparse import Article, Image, Section
from newsparse.testing import sparse_articles, texts

from newsparse_aawsat.syntax import MARKER, NUMBER_KEY

__all__ = ["tt_articles", "tt_numbers"]


def tt_numbers() -> st.SearchStrategy[str]:
    """TT numbers: decimal digits, mostly ASCII (``"20"``, ``"007"``), some of other scripts."""
    return st.one_of(
        st.from_regex(r"[0-9]{1,4}", fullmatch=True),
        st.text(st.characters(categories=["Nd"]), min_size=1, max_size=4),
    )


def _lines(title: str) -> st.SearchStrategy[str]:
    # Single-line text of every script, plus the values the grammar must not
    # confuse with structure: the marker, a number, and the headline itself.
    return st.one_of(
        texts(single_line=True),
        texts(single_line=True),
        texts(single_line=True),
        st.sampled_from([MARKER, "20", title]),
    )


def _articles_titled(title: str) -> st.SearchStrategy[Article]:
    line = _lines(title)
    pairs = st.lists(
        st.builds(lambda alt, caption: Image(alt=alt, caption=caption), line, line),
        min_size=1,
        max_size=3,
    )
    images = st.one_of(
        st.just(()),
        line.map(lambda caption: (Image(caption=caption),)),
        pairs,
        # Image lines that end like a marker run: the repeated header then
        # looks like the header of another article.
        st.tuples(pairs, tt_numbers()).map(
            lambda drawn: (*drawn[0], Image(alt=MARKER, caption=drawn[1]))
        ),
    )
    body = st.one_of(
        st.just(()),
        st.lists(line, min_size=1, max_size=6).map(
            lambda paragraphs: (Section(paragraphs=paragraphs),)
        ),
    )
    return sparse_articles(
        title=st.just(title),
        body=body,
        images=images,
        meta=tt_numbers().map(lambda number: {NUMBER_KEY: number}),
    )


def tt_articles() -> st.SearchStrategy[Article]:
    """Generate every kind of article TT represents exactly.

    That is a headline; no image, one image with a caption and perhaps alt
    text, or several images each with alt text and a caption; no body or one
    untitled section of single-line paragraphs; and ``meta`` holding only
    ``"tt.number"``.  Texts come from :func:`newsparse.testing.texts` (every
    script, right-to-left ones included) and, often, from the values that look
    like TT structure: ``"TT"``, ``"20"`` and the article's own headline.
    """
    # A headline starting with U+FEFF cannot open a TT text (it reads as a
    # byte-order mark, and render() refuses it there), so none starts with it.
    return (
        st.one_of(texts(single_line=True, max_words=12), st.sampled_from([MARKER, "20"]))
        .filter(lambda title: not title.startswith("\ufeff"))
        .flatmap(_articles_titled)
    )
