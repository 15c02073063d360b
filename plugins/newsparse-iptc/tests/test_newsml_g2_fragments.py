"""Excerpts of NewsML-G2 and scheme catalogs: detected as NewsML-G2 and diagnosed (issue 21).

The IPTC's guidelines show parts of items without their item and without the
namespace (a ``groupSet``, a ``contentSet`` with inline NITF, a
``contentMeta``); a NAR ``catalog`` document defines schemes.  None of them
holds a news item: each is a ``ParseError`` saying what it is, never an
"unknown format" and never an article read by the ``html`` format.
"""

from __future__ import annotations

import newsparse
import pytest
from newsparse import ParseError

NAR = "http://iptc.org/std/nar/2006-10-01/"

GROUP_SET = """<groupSet root="G1">
    <group id="G1" role="group:main">
        <itemRef residref="urn:x:item-a" contenttype="application/vnd.iptc.g2.newsitem+xml">
            <itemClass qcode="ninat:text" />
            <title>Ferries stop at the outer quay</title>
        </itemRef>
    </group>
</groupSet>
"""

CONTENT_SET = """<contentSet>
    <inlineXML contenttype="application/xhtml+xml">
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Ice</title></head>
        <body><p>The harbour is closed.</p></body></html>
    </inlineXML>
</contentSet>
"""

CONTENT_META = """<?xml version="1.0" encoding="UTF-8"?>
<contentMeta>
    <contentCreated>2016-02-09T09:17:00+03:00</contentCreated>
    <dateline>MOSCOW, Monday (Reuters)</dateline>
</contentMeta>
"""

CATALOG = f"""<?xml version="1.0" encoding="UTF-8"?>
<catalog xmlns="{NAR}">
    <scheme alias="altidrole" uri="http://cv.iptc.org/newscodes/altidrole/"/>
</catalog>
"""


@pytest.mark.parametrize(
    ("text", "what", "line"),
    [
        (GROUP_SET, "groupSet", 1),
        (CONTENT_SET, "contentSet", 1),
        (CONTENT_META, "contentMeta", 2),
    ],
)
def test_a_fragment_without_its_item_is_newsml_g2_and_an_error(
    text: str, what: str, line: int
) -> None:
    assert newsparse.detect(text).name == "newsml-g2"
    with pytest.raises(ParseError, match=f"fragment.*<{what}>") as caught:
        newsparse.parse(text, source="listing.xml")
    assert (caught.value.source, caught.value.line, caught.value.column) == (
        "listing.xml",
        line,
        1,
    )


def test_a_scheme_catalog_is_newsml_g2_and_an_error() -> None:
    assert newsparse.detect(CATALOG).name == "newsml-g2"
    errors: list[ParseError] = []
    assert newsparse.parse(CATALOG, on_error=errors.append) == []
    (error,) = errors
    assert "catalog" in str(error)
    assert (error.line, error.column) == (2, 1)


def test_other_namespace_less_roots_are_not_claimed() -> None:
    # An element name NewsML-G2 does not use as a fragment's root: not newsml-g2.
    assert newsparse.get_format("newsml-g2").sniff("<story><p>Ice.</p></story>") == 0.0
