"""Entity references in the XML formats: expanded within bounds, or an error naming them.

Never dropped: a reference either gives the text it stands for or is a
ParseError with the entity's name and the reference's line and column.
"""

from __future__ import annotations

from pathlib import Path

import newsparse
import pytest
from hypothesis import given
from hypothesis import strategies as st
from newsparse import Limits, ParseError

from newsparse_iptc import entities

NAR = "http://iptc.org/std/nar/2006-10-01/"
NITF = "http://iptc.org/std/NITF/2006-10-18/"
XHTML = "http://www.w3.org/1999/xhtml"
DECLARATION = '<?xml version="1.0"?>\n'


def nitf(subset: str, headline: str, paragraph: str = "Text.", doctype: str = "") -> str:
    """An NITF document whose DOCTYPE holds ``subset`` (line 2), its body on line 3."""
    return (
        f"{DECLARATION}<!DOCTYPE nitf{doctype} [{subset}]>\n"
        f"<nitf><body><body.head><hedline><hl1>{headline}</hl1></hedline></body.head>"
        f"<body.content><p>{paragraph}</p></body.content></body></nitf>\n"
    )


def news_item(subset: str, headline: str, content: str) -> str:
    """A NewsML-G2 item whose DOCTYPE holds ``subset``; ``content`` goes in its ``contentSet``."""
    return (
        f"{DECLARATION}<!DOCTYPE newsItem [{subset}]>\n"
        f'<newsItem xmlns="{NAR}" guid="g" standard="NewsML-G2" standardversion="2.35">\n'
        '<itemMeta><itemClass qcode="ninat:text"/><provider/>\n'
        "<versionCreated>2024-01-17T08:30:00Z</versionCreated></itemMeta>\n"
        f"<contentMeta><headline>{headline}</headline></contentMeta>\n"
        f"<contentSet>{content}</contentSet>\n"
        "</newsItem>\n"
    )


def inline_nitf(paragraph: str) -> str:
    return (
        f'<inlineXML contenttype="application/nitf+xml"><nitf xmlns="{NITF}"><body>'
        f"<body.content><p>{paragraph}</p></body.content></body></nitf></inlineXML>"
    )


def inline_xhtml(paragraph: str) -> str:
    return (
        f'<inlineXML contenttype="application/xhtml+xml"><html xmlns="{XHTML}">'
        f"<head><title>T</title></head><body><p>{paragraph}</p></body></html></inlineXML>"
    )


def error_of(text: str, format_name: str = "nitf", **options: object) -> ParseError:
    with pytest.raises(ParseError) as caught:
        newsparse.parse(text, format_name, source="feed.xml", **options)  # type: ignore[arg-type]
    assert caught.value.format == format_name
    assert caught.value.source == "feed.xml"
    return caught.value


def position(text: str, needle: str) -> tuple[int, int]:
    """The line and column of the first ``needle`` in ``text`` (both from 1)."""
    at = text.index(needle)
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


# -- expanded ----------------------------------------------------------------------


def test_an_internal_entity_in_nitf_gives_its_text() -> None:
    # The case: the reference gave nothing ("Profits at  rise").
    text = nitf('<!ENTITY co "Acme Corp">', "Profits at &co; rise", "Profits at &co; rise.")
    (article,) = newsparse.parse(text, "nitf")
    assert article.title == "Profits at Acme Corp rise"
    assert article.body[0].paragraphs == ("Profits at Acme Corp rise.",)


def test_nested_entities_and_character_references_expand_in_order() -> None:
    subset = (
        '<!ENTITY firm "Acme &amp; Sons &#169;">'
        '<!ENTITY full "&firm; Ltd">'
        '<!ENTITY amp2 "AT&#38;#38;T">'
    )
    text = nitf(subset, "&full; and &amp2;")
    (article,) = newsparse.parse(text, "nitf")
    assert article.title == "Acme & Sons \u00a9 Ltd and AT&T"


def test_an_entity_holding_markup_gives_its_elements() -> None:
    subset = '<!ENTITY credit "<p>Reported by <em>Acme</em> wire.</p>">'
    text = nitf(subset, "Title").replace("<p>Text.</p>", "<p>First.</p>&credit;<p>Last.</p>")
    (article,) = newsparse.parse(text, "nitf")
    assert article.body[0].paragraphs == ("First.", "Reported by Acme wire.", "Last.")


@pytest.mark.parametrize("rendition", [inline_nitf, inline_xhtml], ids=["nitf", "xhtml"])
def test_internal_entities_in_newsml_g2_and_its_inline_content(rendition: object) -> None:
    assert callable(rendition)
    subset = '<!ENTITY co "Acme Corp"><!ENTITY note "<p>By <em>&co;</em>.</p>">'
    paragraphs = "Profits at &co; rise.</p>&note;<p>End."
    text = news_item(subset, "Profits at &co; rise", rendition(paragraphs))
    (article,) = newsparse.parse(text, "newsml-g2")
    assert article.title == "Profits at Acme Corp rise"
    found = [p for section in article.body for p in section.paragraphs]
    assert found == ["Profits at Acme Corp rise.", "By Acme Corp.", "End."]


def test_without_a_loaded_dtd_an_html_entity_name_gives_its_character() -> None:
    # The DOCTYPE names an external DTD, which is never read.
    text = nitf("", "Caf&eacute;&nbsp;Nord", doctype=' SYSTEM "nitf-3-6.dtd"')
    (article,) = newsparse.parse(text, "nitf")
    assert article.title == "Caf\u00e9\u00a0Nord"


def escaped(value: str) -> str:
    """``value`` written as an entity value whose replacement text reads back as ``value``."""
    for char, reference in (("&", "&amp;"), ("<", "&lt;"), ('"', "&#34;"), ("%", "&#37;")):
        value = value.replace(char, reference)
    return value


@given(
    st.text(
        st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")),
        min_size=1,
        max_size=40,
    )
)
def test_a_reference_reads_as_its_text_written_in_place(value: str) -> None:
    by_reference = nitf(f'<!ENTITY e "{escaped(value)}">', "A &e; B", "[&e;]")
    in_place = escaped(value).replace("&#34;", '"').replace("&#37;", "%")
    written = nitf("", f"A {in_place} B", f"[{in_place}]")
    assert newsparse.parse(by_reference, "nitf") == newsparse.parse(written, "nitf")


# -- errors naming the entity ----------------------------------------------------


@pytest.mark.parametrize(
    "declaration",
    ['SYSTEM "file:///etc/hostname"', 'PUBLIC "-//Acme//Text" "http://127.0.0.1:9/x"'],
    ids=["system", "public"],
)
def test_an_external_entity_is_an_error_naming_it(declaration: str) -> None:
    text = nitf(f"<!ENTITY ext {declaration}>", "Profits at &ext; rise")
    error = error_of(text)
    assert "'ext'" in error.message
    assert "external" in error.message
    assert (error.line, error.column) == position(text, "&ext;") == (3, 49)


def test_an_external_entity_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("CANARY-7f3a", encoding="utf-8")
    text = nitf(f'<!ENTITY ext SYSTEM "{secret.as_uri()}">', "T &ext;")
    error = error_of(text)
    assert "CANARY" not in str(error)


def test_an_external_entity_inside_an_internal_one_names_both() -> None:
    subset = '<!ENTITY ext SYSTEM "file:///etc/hostname"><!ENTITY co "Acme &ext;">'
    text = nitf(subset, "Title", "At &co; now")
    error = error_of(text)
    assert "'ext'" in error.message
    assert "'co'" in error.message
    assert (error.line, error.column) == position(text, "&co;")


def test_an_undeclared_name_that_is_no_html_entity_is_an_error() -> None:
    text = nitf("", "Title", "One &nbsp; two &acmeco; three", doctype=' SYSTEM "nitf.dtd"')
    error = error_of(text)
    assert "'acmeco'" in error.message
    assert (error.line, error.column) == position(text, "&acmeco;")


def test_an_undeclared_entity_without_any_dtd_is_an_error_naming_it() -> None:
    text = (
        DECLARATION
        + "<nitf><body><body.head><hedline><hl1>A&nbsp;B</hl1></hedline></body.head></body></nitf>"
    )
    error = error_of(text)
    assert "'nbsp'" in error.message
    assert (error.line, error.column) == (2, 45)


def test_an_undeclared_entity_in_newsml_g2_is_an_error_naming_it() -> None:
    text = news_item("", "Title", inline_xhtml("Caf&eacute; &acmeco;")).replace(
        "<!DOCTYPE newsItem []>", '<!DOCTYPE newsItem SYSTEM "g2.dtd">'
    )
    error = error_of(text, "newsml-g2")
    assert "'acmeco'" in error.message
    assert (error.line, error.column) == position(text, "&acmeco;")


def test_a_name_declared_as_general_and_parameter_entity_is_an_error() -> None:
    subset = '<!ENTITY % twice "<!ENTITY other \'O\'>"> %twice; <!ENTITY twice "T">'
    error = error_of(nitf(subset, "Title &other;", "A &twice; B"))
    assert "'twice'" in error.message


# -- bounds -------------------------------------------------------------------------


def billion_laughs() -> str:
    levels = ['<!ENTITY lol0 "lollollollollollollollollollol">']
    levels += [f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)]
    return "".join(levels)


def test_billion_laughs_is_an_error_naming_the_entity() -> None:
    text = nitf(billion_laughs(), "Laughs", "Small &lol1; then &lol9;")
    error = error_of(text)
    assert "'lol9'" in error.message
    assert (error.line, error.column) == position(text, "&lol9;")


def test_billion_laughs_in_an_attribute_is_an_error_naming_the_entity() -> None:
    text = nitf(billion_laughs(), "Laughs").replace("<p>", '<p class="&lol9;">')
    error = error_of(text)
    assert "'lol9'" in error.message
    assert (error.line, error.column) == position(text, "&lol9;")


def test_quadratic_blowup_is_an_error_naming_the_entity() -> None:
    text = nitf(f'<!ENTITY a "{"a" * 100_000}">', "Blowup", "&a;" * 20_000)
    error = error_of(text)
    assert "'a'" in error.message
    assert error.line == 3


def test_expansion_beyond_max_article_bytes_is_an_error() -> None:
    # 30 references of 1,000 bytes: 30 kB more than the document's 1.3 kB.
    text = nitf(f'<!ENTITY k "{"k" * 1000}">', "Title", "&k;" * 30)
    assert len(newsparse.parse(text, "nitf", limits=Limits(max_article_bytes=40_000))) == 1
    error = error_of(text, limits=Limits(max_article_bytes=20_000))
    assert "'k'" in error.message
    assert "max_article_bytes" in error.message
    # The 19th reference passes 20,000 bytes: 1,245 + 19 * 1,000.
    assert len(text.encode()) + 18 * 1000 < 20_000 < len(text.encode()) + 19 * 1000
    line, column = position(text, "&k;")
    assert (error.line, error.column) == (line, column + 18 * 3)


def test_more_references_than_the_count_bound_is_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(entities, "MAX_ENTITY_REFERENCES", 25)
    # Each &pair; expands two references of &one; and itself: 3 references.
    text = nitf('<!ENTITY one "1"><!ENTITY pair "&one;&one;">', "Title", "&pair;" * 9)
    error = error_of(text)
    assert "'pair'" in error.message
    assert "25" in error.message
    line, column = position(text, "&pair;")
    assert (error.line, error.column) == (line, column + 8 * 6)  # the 9th: 27 > 25


def test_a_bad_entity_in_a_stream_is_reported_and_the_next_document_read() -> None:
    bad = nitf('<!ENTITY ext SYSTEM "file:///etc/hostname">', "Bad &ext;")
    good = nitf('<!ENTITY co "Acme">', "Good &co;")
    errors: list[ParseError] = []
    articles = newsparse.parse(bad + good, "nitf", on_error=errors.append)
    assert [article.title for article in articles] == ["Good Acme"]
    (error,) = errors
    assert "'ext'" in error.message
    assert error.line == 3
