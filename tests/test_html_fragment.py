"""newsparse.plugin.read_fragment: an HTML fragment that is all article content."""

from __future__ import annotations

from newsparse import Figure, Image, Paragraph, Section
from newsparse.plugin import Fragment, read_fragment


def test_short_fragment_is_read_whole() -> None:
    # A page's container choice would find no article in text this short.
    found = read_fragment("<p>One short.</p><p>Two short.</p>")
    assert found.sections == (Section(paragraphs=("One short.", "Two short.")),)


def test_headings_figures_and_bare_text() -> None:
    found = read_fragment(
        "Lead line.<br>Second line.<h2>Part</h2><p>Text.</p><script>x()</script>"
        '<figure><img src="/a.jpg" alt="A"><figcaption>Cap.</figcaption></figure>'
    )
    picture = Image(url="/a.jpg", alt="A", caption="Cap.")
    # The figure comes after text: it is also a block at its place.
    assert found.sections == (
        Section(paragraphs=("Lead line.", "Second line.")),
        Section(heading="Part", blocks=(Paragraph(text="Text."), Figure(image=picture))),
    )
    assert found.images == (picture,)


def test_title_is_left_out_and_stray_end_tags_are_harmless() -> None:
    found = read_fragment("</div><p>The title</p><p>Body.</p><div>", title="The title")
    assert found.sections == (Section(paragraphs=("Body.",)),)


def test_empty_and_comment_only_fragments() -> None:
    assert read_fragment("") == Fragment()
    assert read_fragment("<!-- nothing -->") == Fragment()
