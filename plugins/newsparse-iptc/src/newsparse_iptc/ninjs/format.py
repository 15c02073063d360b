"""The ``ninjs`` format: IPTC News in JSON items, one article each.

Input is one ninjs object, an array of them, several objects one after the
other, or a search API's envelope around an array of them; ninjs 1.x
(``headline``, ``body_html``, ...), ninjs 2 (lower-case property names) and
ninjs 3 (camel case) are all read (:mod:`~newsparse_iptc.ninjs.versions`).
``render`` writes each article as a ninjs 3.0 object, indented by two
spaces, followed by a line end.

The field mapping is in ``docs/reference/formats/ninjs.md``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import TextIO

from newsparse import Article, Format, Limits, ParseError
from newsparse.plugin import ParseItem, TextStream, limits_of, utf8_longer_than

from newsparse_iptc.ninjs import bodyhtml, names
from newsparse_iptc.ninjs.read import read_item
from newsparse_iptc.ninjs.versions import is_envelope
from newsparse_iptc.ninjs.write import check, to_item
from newsparse_iptc.output import write_all

__all__ = ["NinjsFormat"]

_START = re.compile(r"\s*[\[{]")
_URI = re.compile(r'"uri"\s*:\s*"')
_HEADLINES = re.compile(r'"headlines"\s*:\s*\[')
_OTHER_KEYS = re.compile(
    r'"(?:bodies|renditions|associations)"\s*:\s*\[|"standard"\s*:\s*\{'
    r'|"(?:firstCreated|firstcreated|versionCreated|versioncreated|pubStatus|pubstatus)"\s*:'
)
# ninjs 1.x: a headline string and a body in one of its forms.
_HEADLINE = re.compile(r'"headline"\s*:\s*"')
_IDENTIFIER = re.compile(r'"(?:uri|guid)"\s*:\s*"')
_BODY_V1 = re.compile(r'"body_[A-Za-z0-9]+"\s*:\s*"')
_OTHER_V1 = re.compile(r'"(?:versioncreated|firstcreated|pubstatus|description_text)"\s*:')
_SPACE = " \t\n\r"


class NinjsFormat(Format):
    """ninjs 1.x, 2 and 3 items (see :mod:`newsparse_iptc.ninjs.format`)."""

    name = names.FORMAT_NAME
    label = "ninjs (IPTC News in JSON)"
    extensions = (".ninjs", ".ninjs.json")
    media_types = ("application/ninjs+json",)
    blocks = bodyhtml.BLOCKS
    marks = bodyhtml.MARKS

    def sniff(self, sample: str) -> float:
        """Score how surely ``sample`` starts ninjs.

        0.95 for JSON holding ``"uri": "..."`` and a ``headlines`` array (which
        newsparse's own JSON never has); 0.9 for ninjs 1.x: ``uri`` or
        ``guid``, a ``headline`` string and a ``body_<format>`` string; 0.6
        for ``uri`` and another ninjs property (``bodies``, ``standard``,
        ``versionCreated``, ...), or a ninjs 1.x ``headline`` with
        ``versioncreated``, ``pubstatus``, ...; else 0.0.
        """
        if not _START.match(sample):
            return 0.0
        if _URI.search(sample) and _HEADLINES.search(sample):
            return 0.95
        if _IDENTIFIER.search(sample) and _HEADLINE.search(sample):
            if _BODY_V1.search(sample):
                return 0.9
            if _OTHER_V1.search(sample):
                return 0.6
        if not _URI.search(sample):
            return 0.0
        return 0.6 if _OTHER_KEYS.search(sample) else 0.0

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        """Read every ninjs object of ``stream`` as one article."""
        limits = limits_of(stream)
        text = stream.read()
        decoder = json.JSONDecoder()
        index = _skip(text, 0)
        while index < len(text):
            try:
                value, end = decoder.raw_decode(text, index)
            except ValueError as error:
                position = getattr(error, "pos", index)
                raise self._error(f"not JSON: {error}", text, position, source) from None
            except RecursionError:
                raise self._error("JSON nested too deeply", text, index, source) from None
            yield from self._items(
                value, text=text, start=index, end=end, limits=limits, source=source
            )
            index = _skip(text, end)

    def _items(
        self, value: object, *, text: str, start: int, end: int, limits: Limits, source: str
    ) -> Iterator[ParseItem]:
        if utf8_longer_than(text[start:end], limits.max_article_bytes):
            raise self._error(
                f"a JSON value is larger than the limit of {limits.max_article_bytes} bytes"
                " (max_article_bytes)",
                text,
                start,
                source,
            )
        if limits.max_depth is not None and _depth(value) > limits.max_depth:
            raise self._error(
                f"JSON nested more than {limits.max_depth} deep (max_depth)", text, start, source
            )
        if isinstance(value, dict) and (wrapped := is_envelope(value)) is not None:
            value = value[wrapped]  # a search API's envelope: its items are read
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, dict):
                yield self._error("a ninjs item must be a JSON object", text, start, source)
                continue
            try:
                yield read_item(item)
            except (ValueError, TypeError) as error:
                yield self._error(str(error), text, start, source)

    def _error(self, message: str, text: str, index: int, source: str) -> ParseError:
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        return ParseError(message, format=self.name, source=source, line=line, column=column)

    def render(self, articles: Iterable[Article], out: TextIO) -> None:
        """Write each article as a ninjs 3.0 object.

        Raises:
            RenderError: an article holds a value ninjs cannot hold exactly
                (see the format's reference page).
        """
        write_all(articles, out, check, _document)


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index] in _SPACE:
        index += 1
    return index


def _depth(value: object) -> int:
    """Return how deeply ``value`` nests arrays and objects (a scalar is 0)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        children = (
            item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        )
        if children is None:
            continue
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children)
    return deepest


def _document(article: Article) -> str:
    return json.dumps(to_item(article), ensure_ascii=False, indent=2) + "\n"
