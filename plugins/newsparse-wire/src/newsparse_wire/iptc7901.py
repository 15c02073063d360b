r"""The ``iptc7901`` format: IPTC 7901 text wires (dpa, and many European agencies).

A story as dpa sends it (``␁`` SOH, ``␂`` STX, ``␃`` ETX, ``␄`` EOT, ``␡`` DEL)::

    ␁eca062 4 i 211 ccccb   dpa 061         source and number, priority, category,
                                            word count, optional fields
    Germany-politics/                       the keyword line
    ␂Germany Social Democrats: ... fail =   the headline, ended by " ="
    ⏎
       Berlin (dpa) - Negotiations ...      paragraphs: blank lines between them,
    Chancellor Angela Merkel and ...        lines wrapped inside them
    ⏎
    # dpa NOTEBOOK                          the notebook: sections, a line each
    dpa wsz jln npr                         the sign-off
    ␃131137 GMT Nov 13                      ETX, the trailer (day, time, month, year)
    ␡␡␄                                     DEL padding, EOT

``docs/reference/formats/iptc7901.md`` documents every rule and the ``meta`` keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from newsparse import Article
from newsparse.plugin import Format, ParseItem, TextStream

from newsparse_wire.anpa import anpa_markers
from newsparse_wire.charset import CODEC
from newsparse_wire.common import (
    BodyBuilder,
    StoryReader,
    items,
    sample_head,
    split_byline,
    strip_quad,
    undouble,
    utc,
)
from newsparse_wire.framing import Line, transmissions

__all__ = ["Iptc7901Format"]

PREFIX = "iptc7901."
_FIRST = re.compile(
    r"(?P<source>[A-Za-z]*)(?P<number>\d+)\s+(?P<priority>\d)\s+(?P<category>\S+)"
    r"\s+(?P<words>\d+)(?P<rest>.*)\Z"
)
_TRAILER = re.compile(
    r"(?P<day>\d\d)(?P<hour>\d\d)(?P<minute>\d\d)\s*(?P<zone>GMT|UTC|Z)?"
    r"(?:\s+(?P<month>[A-Za-z\u00e4]{3})\w*\.?(?:\s+(?P<year>\d{2}|\d{4}))?)?\b"
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan",),
            ("feb",),
            ("mar", "mrz", "m\u00e4r"),
            ("apr",),
            ("may", "mai"),
            ("jun",),
            ("jul",),
            ("aug",),
            ("sep",),
            ("oct", "okt"),
            ("nov",),
            ("dec", "dez"),
        ),
        start=1,
    )
    for name in names
}
_SIGNOFF = re.compile(r"[a-z]{2,8}(?:[ /][a-z]{2,3}){1,8}\Z")
_FLAG_MAX = 30
_HEADLINE_MAX_LINES = 2


def _is_flag(text: str) -> bool:
    """Return whether a line of the headline block is a flag such as ``EXTRA``."""
    return len(text) <= _FLAG_MAX and text.upper() == text and any(c.isalpha() for c in text)


def _is_byline(text: str) -> bool:
    return text.lower().startswith("by ") and len(text) <= 80 and not text.endswith(".")


class _Story7901(StoryReader):
    """Reads one IPTC 7901 story."""

    def read(self) -> Article:
        story = self.story
        if not story.has_text:
            raise self.fail("the story has no STX, so no text", story.line, story.column)
        if not story.has_end:
            raise self.fail("the story's text has no ETX: it is cut off", *story.end)
        meta: dict[str, str] = {}
        self._header(meta)
        lines = undouble([(line, self.clean(line).replace("\t", " ")) for line in story.text])
        title, rest = self._headline(lines, meta)
        body = BodyBuilder()
        self._body(rest, body)
        authors: tuple[str, ...] = ()
        byline = body.take_first(_is_byline)
        if byline is not None:
            meta[PREFIX + "byline"] = byline
            authors = tuple(
                self.checked("authors", name, story.text[0]) for name in split_byline(byline)
            )
        last = body.pop_last()
        if last is not None and _SIGNOFF.match(last):
            meta[PREFIX + "signoff"] = last
        elif last is not None:
            body.paragraph(last)
        published = self._trailer(meta)
        return self.article(title=title, authors=authors, body=body, meta=meta, published=published)

    def _header(self, meta: dict[str, str]) -> None:
        texts = [(line, self.clean(line).strip()) for line in self.story.header]
        texts = [(line, text) for line, text in texts if text]
        if texts and (first := _FIRST.match(texts[0][1])):
            texts = texts[1:]
            if first["source"]:
                meta[PREFIX + "source"] = first["source"]
            meta[PREFIX + "number"] = first["number"]
            meta[PREFIX + "priority"] = first["priority"]
            meta[PREFIX + "category"] = first["category"]
            meta[PREFIX + "word-count"] = first["words"]
            if first["rest"].strip():
                meta[PREFIX + "optional"] = " ".join(first["rest"].split())
        if texts:
            meta[PREFIX + "keyword"] = "\n".join(text for _, text in texts)

    def _headline(
        self, lines: list[tuple[Line, str]], meta: dict[str, str]
    ) -> tuple[str, list[tuple[Line, str]]]:
        """Return the title and the lines after the headline block."""
        start = 0
        while start < len(lines) and not lines[start][1].strip():
            start += 1
        end = start
        while end < len(lines) and lines[end][1].strip():
            end += 1
        block = lines[start:end]
        ended = next((i for i, (_, t) in enumerate(block) if t.rstrip().endswith("=")), None)
        if ended is not None:
            heading, rest = block[: ended + 1], [*block[ended + 1 :], *lines[end:]]
        elif 0 < len(block) <= _HEADLINE_MAX_LINES:
            heading, rest = block, lines[end:]
        else:
            heading, rest = [], lines[start:]
        texts = [(line, strip_quad(text)) for line, text in heading]
        flags = []
        while len(texts) > 1 and _is_flag(texts[0][1]):
            flags.append(texts.pop(0)[1])
        if flags:
            meta[PREFIX + "flag"] = " ".join(flags)
        title = " ".join(text for _, text in texts if text)
        if not title:
            title = meta.get(PREFIX + "keyword", "").replace("\n", " ").strip()
        if not title:
            line, column = (lines[0][0].line, lines[0][0].column) if lines else self.story.end
            raise self.fail("the story has no headline and no keyword line", line, column)
        where = texts[0][0] if texts else self.story.text[0]
        return self.checked("title", title, where), rest

    def _body(self, rest: list[tuple[Line, str]], body: BodyBuilder) -> None:
        notebook = False
        for line, text in rest:
            if not text.strip():
                body.end_paragraph()
            elif text.startswith("#"):
                heading = text.lstrip("#").strip()
                notebook = True
                if heading:
                    body.heading(self.checked("Section.heading", heading, line))
            elif notebook:
                body.paragraph(text)
            else:
                body.line(text, new_paragraph=text.startswith(" "))

    def _trailer(self, meta: dict[str, str]) -> datetime | None:
        for line in self.story.trailer:
            text = self.clean(line).strip()
            if not text:
                continue
            meta[PREFIX + "trailer"] = text
            found = _TRAILER.match(text)
            if found is None or not (found["zone"] and found["month"] and found["year"]):
                return None
            month = _MONTHS.get(found["month"].lower())
            year = int(found["year"])
            if month is None:
                return None
            return utc(
                year + 2000 if year < 100 else year,
                month,
                int(found["day"]),
                int(found["hour"]),
                int(found["minute"]),
            )
        return None


class Iptc7901Format(Format):
    """IPTC 7901 text wire stories: parse only (see the reference page for why)."""

    name = "iptc7901"
    label = "IPTC 7901 text wire"
    encoding = CODEC

    def sniff(self, sample: str) -> float:
        """Score the control-code framing: SOH first, a 7901 header line, no ANPA codes."""
        head = sample_head(sample)
        if head is None:
            return 0.0
        if anpa_markers(*head):
            return 0.2
        first = head[1].lstrip().split("\n")[0].strip()
        return 0.95 if _FIRST.match(first) else 0.55

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        """Yield each story of ``stream`` as an article, then its diagnostics."""
        yield from items(transmissions(stream, source, self.name), source, self.name, _Story7901)
