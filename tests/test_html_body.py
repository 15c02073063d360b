"""Tests of the generic body extractor of the ``html`` format, one rule each.

Each page is written by hand for the rule it tests, in the tests' own words;
without the rule, the test fails.
"""

from __future__ import annotations

from newsparse import Paragraph, Table, TableCell, TableRow
from newsparse._formats.html.body import Body, extract_body
from newsparse._formats.html.dom import parse_document

FIRST = (
    "The library on Mill Street will open on Sundays from next month, the town"
    " said, after volunteers offered to staff the desk in the afternoons."
)
SECOND = (
    "Opening hours had been cut two years ago to save money; the new plan costs"
    " nothing extra, since the heating runs on Sundays anyway for the archive."
)
THIRD = (
    "The head librarian said children's reading groups would come back first,"
    " followed by the evening talks that used to fill the upstairs hall."
)
COMMENT = (
    "I have lived here for thirty years and I think this is the best news the town"
    " has had in a long time; my grandchildren will love the reading groups, and"
    " I hope the talks come back soon as well, they were always very good."
)
TEASER = (
    "The swimming pool on the other side of town closes for repairs in May, and the"
    " council has not yet said when it will open again; swimmers are unhappy."
)


def extract(body: str, title: str | None = None) -> Body:
    text = f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"
    return extract_body(parse_document(text, "test.html"), skip=(title,))


def paragraphs(body: Body) -> list[str]:
    return [text for section in body.sections for text in section.paragraphs]


def test_text_with_line_breaks_inside_inline_markup_counts_for_a_wrapper() -> None:
    # The wrapper is named like boilerplate; its long blocks hold text in
    # <span>s with <br>s, which is inline text and keeps the wrapper.
    blocks = "".join(
        f"<div><span><span>{text}<br></span></span></div>" for text in (FIRST, SECOND, THIRD)
    )
    found = extract(f"<div class='widget'><div class='post-body'>{blocks}</div></div>")
    assert paragraphs(found) == [FIRST, SECOND, THIRD]


def test_line_breaks_inside_inline_markup_end_paragraphs() -> None:
    found = extract(f"<div class='post'><span>{FIRST}<br><br>{SECOND}</span><br>{THIRD}</div>")
    assert paragraphs(found) == [FIRST, SECOND, THIRD]


def test_a_long_comment_thread_is_never_taken_for_a_wrapper() -> None:
    comments = "".join(
        f"<li class='comment'><div class='comment-body'><p>{COMMENT}</p><p>{COMMENT.upper()}</p>"
        "</div></li>"
        for _ in range(3)
    )
    found = extract(
        f"<main><article><div class='entry'><p>{FIRST}</p></div></article>"
        f"<div id='comments' class='comments-area'><ol class='comment-list'>{comments}</ol></div>"
        "</main>"
    )
    assert paragraphs(found) == [FIRST]


def test_a_name_that_only_mentions_comments_is_a_wrapper() -> None:
    found = extract(
        f"<div class='story has-comments'><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></div>"
    )
    assert paragraphs(found) == [FIRST, SECOND, THIRD]


def test_a_list_of_articles_after_the_article_is_not_the_article() -> None:
    teasers = "".join(
        f"<article class='card'><p>{TEASER}</p><p>{TEASER.upper()}</p></article>" for _ in range(5)
    )
    found = extract(
        f"<div id='primary'><article><h1>Sundays</h1><div><p>{FIRST}</p><p>{SECOND}</p>"
        f"<p>{THIRD}</p></div></article><article><h3>More to read</h3>{teasers}</article></div>"
    )
    assert paragraphs(found) == [FIRST, SECOND, THIRD]


def test_teasers_close_in_score_do_not_widen_the_container() -> None:
    teasers = "".join(
        f"<article class='card'><p>{TEASER}</p><p>{TEASER.lower()}</p></article>" for _ in range(3)
    )
    found = extract(
        f"<div class='page'><div class='main'><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></div>"
        f"<div class='more'>{teasers}</div></div>"
    )
    assert paragraphs(found) == [FIRST, SECOND, THIRD]


def test_a_lone_rival_made_like_the_best_block_widens_the_container() -> None:
    # The article is cut into blocks of the same kind, a picture between
    # them; the first block holds less text than the second.
    def block(*texts: str) -> str:
        inner = "".join(f"<p>{text}</p>" for text in texts)
        return f"<div class='block'><div class='wrap'><div class='text'>{inner}</div></div></div>"

    found = extract(
        f"<div class='blocks'>{block(FIRST)}<div class='block'><img src='a.jpg'></div>"
        f"{block(SECOND, THIRD)}</div>"
    )
    assert paragraphs(found) == [FIRST, SECOND, THIRD]


def test_a_data_table_is_one_table_block_in_its_place() -> None:
    rows = "".join(
        f"<tr><td>{place}</td><td>{name}</td><td>{points}</td></tr>"
        for place, name, points in ((1, "Ann Smith", 410), (2, "Bo Jones", 395))
    )
    found = extract(
        f"<div class='story'><p>{FIRST}</p><table><tr><th>Place</th><th>Name</th>"
        f"<th>Points</th></tr>{rows}</table><p>{SECOND}</p></div>"
    )
    [section] = found.sections
    assert section.blocks == (
        Paragraph(text=FIRST),
        Table(
            head=[
                TableRow(
                    cells=[TableCell(text=t, header=True) for t in ("Place", "Name", "Points")]
                )
            ],
            rows=[
                TableRow(
                    cells=[TableCell(text="1"), TableCell(text="Ann Smith"), TableCell(text="410")]
                ),
                TableRow(
                    cells=[TableCell(text="2"), TableCell(text="Bo Jones"), TableCell(text="395")]
                ),
            ],
        ),
        Paragraph(text=SECOND),
    )


def test_a_heading_repeating_the_title_is_left_out() -> None:
    title = "Library opens on Sundays"
    found = extract(
        f"<div class='story'><h2>Good news for readers {title}</h2><p>{FIRST}</p>"
        f"<h2>What comes back</h2><p>{SECOND}</p></div>",
        title=title,
    )
    assert [section.heading for section in found.sections] == [None, "What comes back"]


def test_an_article_cut_into_many_small_blocks_is_taken_whole() -> None:
    # Each paragraph sits in its own small box, the boxes in groups of three:
    # the best box and its two rivals share the first group, which holds less
    # than a third of the article's text (the other boxes hold short notes).
    notes = [f"Note {number:02} on the hours." for number in range(45)]
    texts = [FIRST, SECOND, THIRD, *notes]
    boxes = [f"<section><div class='element'><p>{text}</p></div></section>" for text in texts]
    groups = "".join(
        f"<div class='group'><div>{''.join(boxes[start : start + 3])}</div></div>"
        for start in range(0, len(boxes), 3)
    )
    found = extract(f"<article><h1>Sundays</h1>{groups}</article>")
    assert paragraphs(found) == texts


def test_content_streamed_into_a_hidden_segment_is_read() -> None:
    found = extract(
        "<div class='shell'><template id='B:0'></template></div>"
        f"<div hidden id='S:0'><div class='story'><p>{FIRST}</p><p>{SECOND}</p></div></div>"
    )
    assert paragraphs(found) == [FIRST, SECOND]


def test_other_hidden_elements_stay_out() -> None:
    found = extract(
        f"<div class='story'><p>{FIRST}</p><div hidden id='S:x'><p>{SECOND}</p></div></div>"
    )
    assert paragraphs(found) == [FIRST]


def test_elements_with_a_hiding_class_stay_out() -> None:
    # A box the page shows only to readers who are not signed in, and a label
    # for screen readers; the text after "md:block" shows on wide screens.
    found = extract(
        f"<div class='story'><p>{FIRST}</p>"
        "<div class='signin-box hidden'><p>Create an account or sign in to continue.</p></div>"
        f"<p><span class='sr-only'>Story continues:</span></p><p>{SECOND}</p>"
        f"<div class='hidden md:block'><p>{THIRD}</p></div></div>"
    )
    assert paragraphs(found) == [FIRST, SECOND, THIRD]


def test_an_article_hidden_by_a_class_until_a_script_shows_it_is_read() -> None:
    found = extract(
        f"<main class='hidden'><article class='story hidden'><p>{FIRST}</p><p>{SECOND}</p>"
        "</article></main>"
    )
    assert paragraphs(found) == [FIRST, SECOND]


def test_paragraphs_named_after_the_paywall_are_the_text_it_locks() -> None:
    prompt = "Subscribe now to read the rest of this story, and every other one."
    found = extract(
        f"<div class='story'><p>{FIRST}</p><div class='paywall'><p>{prompt}</p></div>"
        f"<p class='paywall'>{SECOND}</p><p class='paywall'>{THIRD}</p>"
        f"<p class='paywall share'>{TEASER}</p></div>"
    )
    assert paragraphs(found) == [FIRST, SECOND, THIRD]


def test_a_wrapper_of_wide_characters_is_kept_sooner() -> None:
    # Japanese text: each block is under 80 characters, yet a paragraph's worth.
    blocks = "".join(
        f"<p>{sentence}</p>"
        for sentence in (
            "町の図書館は来月から日曜日も開館すると発表した。午後はボランティアが受付を担当する予定である。",
            "開館時間は二年前に予算削減のため短縮されていたが、今回の計画では追加の費用はかからないという。",
            "館長によると、まず子ども向けの読書会が再開され、その後に夜の講演会も戻ってくる見込みだという。",
            "利用者からは歓迎の声が上がっており、町は今後も開館時間の延長を検討していくと説明している。",
            "日曜日の開館は試験的なもので、半年後に利用者の数を調べてから続けるかどうかを決めるという。",
        )
    )
    found = extract(f"<div class='gate-ad'><div class='text'>{blocks}</div></div>")
    assert len(paragraphs(found)) == 5


def test_the_article_the_title_names_wins_over_a_longer_next_story() -> None:
    title = "Library opens on Sundays"
    longer = "".join(
        f"<p>{TEASER}</p><p>{TEASER.upper()}</p><p>{TEASER.lower()}</p>" for _ in range(2)
    )
    found = extract(
        f"<main><article><h1>{title}</h1><div class='text'><p>{FIRST}</p><p>{SECOND}</p></div>"
        f"</article><div class='next'><article><h1>Pool closes</h1><div class='text'>{longer}"
        "</div></article></div></main>",
        title=title,
    )
    assert paragraphs(found) == [FIRST, SECOND]


def test_an_article_inside_an_unclosed_aside_is_read() -> None:
    # The parser puts everything after an unclosed <aside> inside it.
    found = extract(
        f"<div class='columns'><aside class='rail'><article><p>{FIRST}</p><p>{SECOND}</p>"
        f"<p>{THIRD}</p></article></aside></div>"
    )
    assert paragraphs(found) == [FIRST, SECOND, THIRD]


def test_an_aside_of_short_teasers_stays_out() -> None:
    cards = "".join(f"<article><p>{TEASER}</p></article>" for _ in range(3))
    found = extract(f"<div class='story'><p>{FIRST}</p><p>{SECOND}</p></div><aside>{cards}</aside>")
    assert paragraphs(found) == [FIRST, SECOND]


def test_image_addresses_are_cleaned_not_dropped() -> None:
    text = "A paragraph long enough to be the article text, with a full sentence in it."
    page = (
        "<html><body><article><h1>T</h1>"
        f"<p>{text}</p>"
        '<figure><img src="https://example.org/my photo.jpg"><figcaption>One</figcaption></figure>'
        '<figure><img src="data:image/gif;base64,R0lG" data-src="https://example.org/lazy.jpg">'
        "<figcaption>Two</figcaption></figure>"
        '<figure><img src="https://example.org/\x03.jpg"><figcaption>Three</figcaption></figure>'
        "</article></body></html>"
    )
    images = extract_body(parse_document(page, "t.html")).images
    assert [image.url for image in images] == [
        "https://example.org/my%20photo.jpg",
        "https://example.org/lazy.jpg",
        "https://example.org/%03.jpg",
    ]


def test_a_photo_box_with_its_caption_in_a_paragraph_is_a_figure() -> None:
    caption = "Volunteers sorting books in the reading room on Saturday."
    found = extract(
        f"<div class='story'><p>{FIRST}</p>"
        f"<div class='photo'><img src='https://example.org/room.jpg'><p>{caption}</p></div>"
        f"<p>{SECOND}</p><div class='media-block'><p>{THIRD}</p></div></div>"
    )
    # A lone paragraph in a box named "media" but showing no picture is text.
    assert paragraphs(found) == [FIRST, SECOND, THIRD]
    assert [(image.url, image.caption) for image in found.images] == [
        ("https://example.org/room.jpg", caption)
    ]


def test_the_indentation_of_a_photo_box_does_not_make_it_long() -> None:
    caption = "Volunteers sorting books in the reading room on Saturday."
    indent = "\n" + " " * 40
    photo = (
        f"<div class='photo'>{indent * 6}<a href='big.jpg'>{indent * 4}<img src='room.jpg'>"
        f"{indent * 4}</a>{indent}<span class='text'>{caption}</span>{indent}</div>"
    )
    found = extract(f"<div class='story'><p>{FIRST}</p>{photo}<p>{SECOND}</p></div>")
    assert paragraphs(found) == [FIRST, SECOND]
    assert [image.caption for image in found.images] == [caption]


def test_a_caption_without_its_figure_makes_no_image() -> None:
    # Issue 22: an image is never made from caption text alone, without a URL.
    caption = "Volunteers sorting books in the reading room on Saturday."
    found = extract(
        f"<div class='story'><p>{FIRST}</p><figcaption>{caption}</figcaption><p>{SECOND}</p></div>"
    )
    assert paragraphs(found) == [FIRST, SECOND]
    assert found.images == ()


def test_a_box_about_the_author_stays_out() -> None:
    bio = "She has written for the paper since 2019, mostly about schools and health."
    found = extract(
        f"<div class='story'><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p>"
        f"<div class='author-box'><p>Ann Writer</p><p>{bio}</p></div></div>"
    )
    assert paragraphs(found) == [FIRST, SECOND, THIRD]


def test_a_link_wrapping_blocks_is_a_card_for_another_article() -> None:
    card = f"<a href='/pool'><h3>Pool closes for repairs</h3><div>{TEASER}</div></a>"
    found = extract(f"<div class='story'><p>{FIRST}</p><p>{SECOND}</p>{card}<p>{THIRD}</p></div>")
    assert paragraphs(found) == [FIRST, SECOND, THIRD]
    assert [section.heading for section in found.sections] == [None]
