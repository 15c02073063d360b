"""Hypothesis strategies of the articles the IPTC formats represent exactly.

Needs Hypothesis (``pip install newsparse[testing]``).  The formats never
import this module: the conformance tests do, as each
:meth:`FormatConformance.strategy <newsparse.testing.FormatConformance.strategy>`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import attrs
from hypothesis import strategies as st
from newsparse import Article, Image, Section
from newsparse.testing import (
    blocks,
    datetimes,
    images,
    languages,
    sparse_articles,
    texts,
    urls,
)

from newsparse_iptc.block_strategies import (
    lines,
    nitf_blocks,
    nitf_sections,
    paragraph_texts,
    sections_of,
)
from newsparse_iptc.dates import format_extended
from newsparse_iptc.newsml_g2 import names as g2_names
from newsparse_iptc.newsml_g2.write import repeats_by_line
from newsparse_iptc.ninjs import bodyhtml
from newsparse_iptc.ninjs import names as ninjs_names
from newsparse_iptc.nitf import names

__all__ = [
    "lines",
    "newsml_g2_articles",
    "newsml_g2_meta",
    "ninjs_articles",
    "ninjs_meta",
    "nitf_articles",
    "nitf_blocks",
    "nitf_meta",
    "paragraph_texts",
]


def _images() -> st.SearchStrategy[Image]:
    optional = st.one_of(st.none(), lines(max_words=8))
    return st.builds(_image, st.one_of(st.none(), urls()), optional, optional, optional, lines(4))


def _image(
    url: str | None, alt: str | None, caption: str | None, credit: str | None, fallback: str
) -> Image:
    if url is None and alt is None and caption is None and credit is None:
        caption = fallback
    return Image(url=url, alt=alt, caption=caption, credit=credit)


def nitf_meta() -> st.SearchStrategy[dict[str, str]]:
    """``meta`` maps of the ``nitf`` keys, with values NITF writes exactly.

    ``"nitf.date.issue"`` and ``"nitf.title"`` are left to the article
    strategy, which knows the published date and the title, and so are the
    ``"nitf.note"`` keys, which go together.  Other keys
    (a generic ``head/meta`` each) hold any text XML can hold, kept exactly.
    """
    token = st.from_regex(r"[A-Za-z0-9._:-]{1,8}", fullmatch=True)
    several = st.lists(lines(max_words=6), min_size=1, max_size=3).map("\n".join)
    values = {
        names.DOC_ID: lines(max_words=3),
        names.URGENCY: st.one_of(st.sampled_from("12345678"), token),
        names.DATE_RELEASE: st.one_of(st.just("20240117T120000Z"), lines(max_words=2)),
        names.DATE_EXPIRE: lines(max_words=2),
        names.COPYRIGHT_HOLDER: lines(max_words=4),
        names.COPYRIGHT_YEAR: st.one_of(st.sampled_from(["2024", "1999"]), token),
        names.SUBHEADLINE: several,
        names.BYLINE_TITLE: several,
        names.DATELINE: lines(max_words=5),
    }
    own = st.fixed_dictionaries({}, optional=values)
    return st.tuples(own, _foreign_meta()).map(lambda drawn: {**drawn[1], **drawn[0]})


_OWN_KEYS = frozenset(names.META_KEYS) | frozenset(g2_names.META_KEYS)


def _foreign_meta() -> st.SearchStrategy[dict[str, str]]:
    """Keys no IPTC format has an element for, with any text XML 1.0 can hold."""
    keys = st.one_of(
        st.sampled_from(["html.title-source", "anpa-sequence", "tt.number"]),
        st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,12}", fullmatch=True),
    ).filter(lambda key: key not in _OWN_KEYS)
    values = st.one_of(st.just(""), texts()).filter(
        lambda value: "\ufffe" not in value and "\uffff" not in value
    )
    return st.dictionaries(keys, values, max_size=3)


@st.composite
def _articles(draw: st.DrawFn, moments: st.SearchStrategy[datetime] | None = None) -> Article:
    moments = datetimes() if moments is None else moments
    article = draw(
        sparse_articles(
            title=lines(),
            body=nitf_sections(),
            images=st.lists(_images(), max_size=3),
            authors=st.lists(lines(max_words=4), max_size=3, unique=True),
            published=st.one_of(st.none(), moments),
            modified=st.one_of(st.none(), moments),
            url=st.one_of(st.none(), urls()),
            publisher=st.one_of(st.none(), lines(max_words=4)),
            language=st.one_of(st.none(), languages()),
            topics=st.lists(lines(max_words=3), max_size=4, unique=True),
            summary=st.one_of(
                st.none(), st.lists(lines(max_words=20), min_size=1, max_size=3).map("\n\n".join)
            ),
            meta=nitf_meta(),
        )
    )
    meta = dict(article.meta)
    head_title = draw(st.one_of(st.none(), lines()))
    if head_title is not None and head_title != article.title:
        meta[names.HEAD_TITLE] = head_title
    if article.published is None and draw(st.booleans()):
        meta[names.DATE_ISSUE] = draw(st.sampled_from(["20240117", "20240117T0830", "sometime"]))
    meta.update(draw(_notes()))
    return Article(**{**_fields(article), "meta": meta})


@st.composite
def _notes(draw: st.DrawFn) -> dict[str, str]:
    """Draw the ``nitf.note`` keys: texts, with classes and types unless all are the default."""
    notes = draw(
        st.lists(
            st.tuples(
                lines(max_words=8),
                st.sampled_from(names.NOTE_CLASSES),
                st.sampled_from(names.NOTE_TYPES),
            ),
            max_size=2,
        ),
        label="notes",
    )
    if not notes:
        return {}
    texts, classes, types = zip(*notes, strict=True)
    found = {names.NOTE: "\n".join(texts)}
    if set(classes) != {names.NOTE_CLASSES[0]}:
        found[names.NOTE_CLASS] = "\n".join(classes)
    if set(types) != {names.NOTE_TYPES[0]}:
        found[names.NOTE_TYPE] = "\n".join(types)
    return found


def _fields(article: Article) -> dict[str, Any]:
    return {attribute.name: getattr(article, attribute.name) for attribute in attrs.fields(Article)}


def nitf_articles() -> st.SearchStrategy[Article]:
    """Generate every kind of article the ``nitf`` format represents exactly.

    Texts are single-line with collapsed whitespace (as XML text reads back);
    the first section may be untitled, the others have headings, and the
    body holds every block kind and mark NITF declares
    (:func:`nitf_blocks`); the summary
    is one to three such paragraphs; ``meta`` holds only the ``nitf`` keys.
    """
    return _articles()


def ninjs_meta() -> st.SearchStrategy[dict[str, str]]:
    """``meta`` maps of the ``ninjs`` keys, with values ninjs writes exactly.

    JSON keeps any string, so most values are any text (the empty string
    included); the urgency is a number and the publication status one of three.
    """
    anything = st.one_of(st.just(""), texts())
    values: dict[str, st.SearchStrategy[str]] = dict.fromkeys(ninjs_names.META_KEYS, anything)
    values[ninjs_names.URGENCY] = st.integers(min_value=0, max_value=99).map(str)
    values[ninjs_names.PUB_STATUS] = st.sampled_from(["usable", "withheld", "canceled"])
    return st.fixed_dictionaries({}, optional=values)


def ninjs_articles() -> st.SearchStrategy[Article]:
    """Generate every kind of article the ``ninjs`` format represents exactly.

    Every article has a url (ninjs requires a ``uri``) and every image too
    (an association needs one); the body holds every block kind and mark
    the HTML body keeps, with texts as HTML reads them back (whitespace
    collapsed, line breaks as ``<br>``), and only the first section may be
    untitled.  Everything else is any valid value: JSON keeps it.
    """
    return sparse_articles(
        title=texts(single_line=True, max_words=12),
        body=_ninjs_body(),
        images=st.lists(images().filter(lambda image: image.url is not None), max_size=3),
        authors=st.lists(texts(single_line=True, max_words=4), max_size=3, unique=True),
        published=st.one_of(st.none(), datetimes()),
        modified=st.one_of(st.none(), datetimes()),
        url=urls(),
        publisher=st.one_of(st.none(), texts(single_line=True, max_words=4)),
        language=st.one_of(st.none(), languages()),
        topics=st.lists(texts(single_line=True, max_words=3), max_size=4, unique=True),
        summary=st.one_of(st.none(), texts(max_words=30)),
        meta=ninjs_meta(),
    )


def _ninjs_body() -> st.SearchStrategy[list[Section]]:
    kept = blocks(kinds=bodyhtml.BLOCKS, marks=bodyhtml.MARKS).filter(
        lambda block: all(
            bodyhtml.body_problem(text) is None for _, text in bodyhtml.block_texts("", block)
        )
    )
    return sections_of(kept, first=4, each=3, titled=3)


_G2_DATES = ["2024", "2024-01", "2024-01-17", "2024-01-17T08:30:00", "2024-01-17T08:30:00.5+01:00"]


def newsml_g2_meta() -> st.SearchStrategy[dict[str, str]]:
    """``meta`` maps of the ``newsml-g2`` keys that stand alone, with values it writes exactly.

    The keys that depend on other fields (the guid, the dates kept as
    written, ``by``, the inline NITF's headline and abstract) are left to
    :func:`newsml_g2_articles`.
    """
    qcode = st.from_regex(r"[a-z]{2,8}:[A-Za-z0-9._-]{1,10}", fullmatch=True)
    several = st.lists(lines(max_words=6), min_size=1, max_size=3).map("\n".join)
    values = {
        g2_names.VERSION: st.integers(min_value=1, max_value=10**9).map(str),
        g2_names.SUBHEADLINE: several,
        g2_names.CONTENT_CREATED: st.sampled_from(_G2_DATES),
        g2_names.CONTENT_MODIFIED: st.sampled_from(_G2_DATES),
        g2_names.EMBARGOED: st.sampled_from(_G2_DATES[-2:]),
        g2_names.URGENCY: st.sampled_from("123456789"),
        g2_names.PUB_STATUS: qcode,
        g2_names.PROVIDER: qcode,
        g2_names.PROVIDER_URI: urls(),
        g2_names.ED_NOTE: several,
        g2_names.COPYRIGHT_HOLDER: lines(max_words=4),
        g2_names.COPYRIGHT_NOTICE: lines(max_words=10),
        g2_names.USAGE_TERMS: lines(max_words=10),
        g2_names.SLUGLINE: lines(max_words=3),
        g2_names.DATELINE: lines(max_words=5),
        g2_names.LOCATED: lines(max_words=3),
        g2_names.GENRE: several,
    }
    return st.fixed_dictionaries({}, optional=values)


@st.composite
def _g2_articles(draw: st.DrawFn) -> Article:
    article = draw(_articles(_g2_datetimes()))
    meta = {**article.meta, **draw(newsml_g2_meta())}
    meta[g2_names.GUID] = draw(lines(max_words=3))
    with_by = draw(st.booleans())
    if article.authors and with_by:
        # A first paragraph repeating a by line is read as that by line (Reuters).
        meta[g2_names.BY] = draw(
            st.lists(
                lines(max_words=5).filter(lambda line: not repeats_by_line(article, line)),
                min_size=1,
                max_size=2,
            ).map("\n".join)
        )
    inline = draw(st.one_of(st.none(), lines()))
    if inline is not None and inline != article.title:
        meta[g2_names.INLINE_HEADLINE] = inline
    if names.HEAD_TITLE in meta and meta[names.HEAD_TITLE] in {article.title, inline}:
        del meta[names.HEAD_TITLE]
    summary = article.summary
    if summary is not None and "\n\n" not in summary:
        abstract = draw(st.one_of(st.none(), lines(max_words=20)))
        if abstract is not None and abstract != summary:
            meta[g2_names.INLINE_ABSTRACT] = abstract
    fields = _fields(article)
    if article.published is None and draw(st.booleans()):
        meta[g2_names.FIRST_CREATED] = draw(
            st.sampled_from(["2024-01-17T08:30:00", "1999-12-31T23:59:59.25"])
        )
    if article.modified is None and draw(st.booleans()):
        meta[g2_names.VERSION_CREATED] = draw(
            st.sampled_from(["2024-01-18T09:00:00", "2000-01-01T00:00:00"])
        )
    dates = [article.published, article.modified]
    if all(moment is None for moment in dates) and not (
        {g2_names.FIRST_CREATED, g2_names.VERSION_CREATED} & set(meta)
    ):
        fields["modified"] = draw(_g2_datetimes())
    elif _same_text(article.published, article.modified):
        fields["modified"] = None
    return Article(**{**fields, "meta": meta})


def _g2_datetimes() -> st.SearchStrategy[datetime]:
    """Aware datetimes whose UTC offset XML Schema takes (-14:00 to +14:00)."""
    most = timedelta(hours=14)
    return datetimes().filter(lambda moment: abs(moment.utcoffset() or timedelta(0)) <= most)


def _same_text(first: datetime | None, second: datetime | None) -> bool:
    return (
        first is not None
        and second is not None
        and format_extended(first) == format_extended(second)
    )


def newsml_g2_articles() -> st.SearchStrategy[Article]:
    """Generate every kind of article the ``newsml-g2`` format represents exactly.

    Those of :func:`nitf_articles` (the body goes in the inline NITF, with
    its ``nitf.*`` keys), with a guid, at least one date (a news item needs
    ``versionCreated``), a ``modified`` that is not written as ``published``,
    and the ``newsml-g2.*`` keys.
    """
    return _g2_articles()
