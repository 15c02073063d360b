"""Streaming: articles come out before the input is read to the end."""

from __future__ import annotations

import io
from typing import IO, cast

import newsparse
from newsparse import Article, Image, Section


class CountingStream(io.BytesIO):
    """A binary stream that records how far it has been read."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.consumed = 0

    def read(self, size: int | None = -1, /) -> bytes:
        chunk = super().read(size)
        self.consumed = self.tell()
        return chunk


def many(count: int) -> list[Article]:
    return [
        Article(
            title=f"Headline number {index}",
            images=[Image(alt="Alt text", caption=f"Caption {index}")],
            body=[Section(paragraphs=[f"Paragraph {index}.{n}" + " word" * 40 for n in range(5)])],
            meta={"tt.number": str(index % 100)},
        )
        for index in range(count)
    ]


def test_iter_parse_yields_the_first_article_early() -> None:
    articles = many(3000)  # about 3.5 MB of TT text
    data = newsparse.render(articles, "tt").encode("utf-8")
    stream = CountingStream(data)
    items = newsparse.iter_parse(cast(IO[bytes], stream), "tt")
    assert next(items) == articles[0]
    assert stream.consumed <= 256 * 1024
    assert stream.consumed < len(data) // 8
    assert list(items) == articles[1:]


def test_detection_then_streaming() -> None:
    articles = many(500)
    stream = CountingStream(newsparse.render(articles, "tt").encode("utf-8"))
    items = newsparse.iter_parse(cast(IO[bytes], stream))
    assert next(items) == articles[0]
    assert stream.consumed <= 256 * 1024
