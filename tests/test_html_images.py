"""Images of the ``html`` format: one image per photo, always with an address (issue 22).

The pages are written by hand; the expected images are read off the markup.
"""

from __future__ import annotations

import json

import newsparse
from newsparse import Article, Image

TEXT = (
    "<p>The council voted on Tuesday to keep the old bridge open, after engineers said"
    " the repairs made last spring would hold for another decade at least.</p>"
    "<p>Residents had asked for a new crossing for years, and the vote, seven to two,"
    " leaves them waiting again; the mayor said the budget allowed nothing else.</p>"
)


def parse_one(body: str, head: str = "") -> Article:
    page = (
        f"<html><head><title>Old bridge stays open</title>{head}</head>"
        f"<body><article>{body}</article></body></html>"
    )
    [article] = newsparse.parse(page, "html")
    return article


def test_the_sources_and_srcset_of_a_picture_are_one_image() -> None:
    article = parse_one(
        "<figure><picture>"
        "<source media='(min-width: 800px)' srcset='https://e.x/bridge-1600.webp 1600w,"
        " https://e.x/bridge-800.webp 800w' sizes='100vw' type='image/webp'>"
        "<source srcset='https://e.x/bridge-1600.jpg 1600w, https://e.x/bridge-800.jpg 800w'>"
        "<img src='https://e.x/bridge-800.jpg' srcset='https://e.x/bridge-1600.jpg 2x'"
        " alt='The bridge'></picture><figcaption>The old bridge.</figcaption></figure>" + TEXT
    )
    assert article.images == (
        Image(url="https://e.x/bridge-800.jpg", alt="The bridge", caption="The old bridge."),
    )


def test_a_picture_without_src_takes_its_largest_candidate() -> None:
    article = parse_one(
        "<figure><picture>"
        "<source srcset='https://e.x/a-400.jpg 400w, https://e.x/a-1200.jpg 1200w'>"
        "<img alt='The bridge'></picture></figure>" + TEXT
    )
    assert [image.url for image in article.images] == ["https://e.x/a-1200.jpg"]


def test_crops_of_one_photo_are_one_image() -> None:
    data = {
        "@type": "NewsArticle",
        "headline": "Old bridge stays open",
        "image": [
            "https://e.x/2024/05/bridge-16x9.jpg",
            "https://e.x/2024/05/bridge-4x3.jpg",
            "https://e.x/2024/05/bridge-1x1.jpg",
        ],
    }
    head = (
        f'<script type="application/ld+json">{json.dumps(data)}</script>'
        '<meta property="og:image" content="https://e.x/2024/05/bridge-1200x630.jpg?w=1200">'
    )
    article = parse_one(
        "<figure><img src='https://e.x/2024/05/bridge-800x450.jpg'></figure>"
        "<figure><img src='https://e.x/2024/05/river-800x450.jpg'></figure>" + TEXT,
        head,
    )
    assert [image.url for image in article.images] == [
        "https://e.x/2024/05/bridge-16x9.jpg",
        "https://e.x/2024/05/river-800x450.jpg",  # another photo
    ]


def test_no_image_is_made_from_a_caption_alone() -> None:
    data = {
        "@type": "NewsArticle",
        "headline": "Old bridge stays open",
        "image": {"@type": "ImageObject", "caption": "The bridge at dusk"},
    }
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    article = parse_one(
        "<figure><figcaption>A video of the vote</figcaption></figure>" + TEXT, head
    )
    assert article.images == ()


def test_json_ld_addresses_are_unescaped() -> None:
    data = {
        "@type": "NewsArticle",
        "headline": "Old bridge stays open",
        "image": {"@type": "ImageObject", "url": "https://e.x/img?id=7&amp;w=1200"},
    }
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    article = parse_one(TEXT, head)
    assert [image.url for image in article.images] == ["https://e.x/img?id=7&w=1200"]
