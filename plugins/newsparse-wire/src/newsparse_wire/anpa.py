r"""The ``anpa1312`` format: ANPA 1312 text wires (AP and the agencies that follow it).

A story as AP sends it (``␖`` SYN, ``␁`` SOH, ``␂`` STX, ``␃`` ETX, ``␄`` EOT,
``␟`` US, ``␓␑`` DC3 DC1)::

    ␖␖␁W2870␟asian                          service level, story number, selectors
    f l␓␑ BC-LT--Argentina-CancerB  11-13 1049   priority, category, format codes,
                                            keyword, version, date, word count
    ␂^BC-LT--Argentina-Cancer Beauty,466<   the keyword line: slug, take key, words
    ^For Argentine chemo patients, ...<     the headline
    ^Eds: With AP Photos.<                  notes, a summary, the byline
    ^By PAUL BYRNE=
    ^Associated Press=                      the byline's title
    \t   BUENOS AIRES, Argentina (AP) _ ...  tab-indented paragraphs
    \t   ^␃AP-WF-11-13-13 1509GMT<          ETX, the trailer (sender, date, time)
    ␌␄                                      form feed, EOT

:mod:`newsparse_wire` documents every rule and the ``meta`` keys
(``docs/reference/formats/anpa1312.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from newsparse import Article
from newsparse.plugin import Format, ParseItem, TextStream

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

__all__ = ["Anpa1312Format"]

PREFIX = "anpa1312."
_FIRST = re.compile(r"(?P<service>[A-Za-z])(?P<number>\d{2,5})\x1f?(?P<selectors>\S*)\s*\Z")
_SECOND = re.compile(
    r"(?P<priority>[A-Za-z]) (?P<category>[A-Za-z])(?P<codes>[\x11-\x14]*) ?"
    r"(?P<keyword>\S+)(?P<version>.*?)\s*"
    r"(?:(?P<date>\d\d-\d\d) (?P<count>\d{1,5}))?\s*\Z"
)
_CODE_NAMES = {"\x11": "DC1", "\x12": "DC2", "\x13": "DC3", "\x14": "DC4"}
_TRAILER = re.compile(
    r"(?P<sender>[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*?)-(?P<month>\d\d)-(?P<day>\d\d)-(?P<year>\d\d)"
    r" ?(?P<hour>\d\d)(?P<minute>\d\d) ?(?P<zone>GMT|UTC|Z)?\b"
)
_CYCLE = re.compile(r"(?:AM|PM|BC)-", re.IGNORECASE)
_NOTE = re.compile(r"(?:eds|editors?|editor's note)\s*:", re.IGNORECASE)
_PHOTO = re.compile(r"(?:AP |CP |)(?:photos?|graphics?|video)\b", re.IGNORECASE)
_BYLINE = re.compile(r"by\s+\S", re.IGNORECASE)
_SENTENCE_END = (".", "!", "?", '"', "'")
_DASH = re.compile(r"(?<= )_(?= )|^_(?= )")
_SPACE_BAND = re.compile("\x10 ?")


def _typeset(text: str) -> str:
    """Apply the text conventions of AP's ANPA copy (see the reference page)."""
    text = text.replace("``", '"').replace("''", '"').replace("`", "'")
    text = _SPACE_BAND.sub(" ", text).replace("\x08", "").replace("\t", " ")
    return _DASH.sub("\u2014", text)


def _row(text: str) -> str:
    """Return a row of tabular (agate) text as one paragraph."""
    text = text.replace("\x08", "").lstrip("^")
    text = _SPACE_BAND.sub(" ", text).replace("\t", " ")
    return strip_quad(text).replace("{", "\u00bd")


class _AnpaStory(StoryReader):
    """Reads one ANPA 1312 story."""

    def read(self) -> Article:
        story = self.story
        if not story.has_text:
            raise self.fail("the story has no STX, so no text", story.line, story.column)
        if not story.has_end:
            raise self.fail("the story's text has no ETX: it is cut off", *story.end)
        meta: dict[str, str] = {}
        self._header(meta)
        lines = undouble([(line, self.clean(line, keep="\x08\x10")) for line in story.text])
        top, rest = self._caret_block(lines)
        fields = self._top(top, meta)
        body: BodyBuilder = fields.pop("builder")  # type: ignore[assignment]
        rows = self._body(rest, body)
        if rows:
            meta[PREFIX + "rows"] = str(rows)
        published = self._trailer(meta)
        return self.article(**fields, body=body, meta=meta, published=published)

    def _header(self, meta: dict[str, str]) -> None:
        """Read the header lines into ``meta``: the two standard lines, and any other as written."""
        unknown: list[str] = []
        first = second = None
        for line in self.story.header:
            text = line.text.strip()
            if not text:
                continue
            if first is None and second is None and (first := _FIRST.match(text)):
                continue
            if second is None and (second := _SECOND.match(text)):
                continue
            text = self.clean(line).strip()
            if text:
                unknown.append(text)
        if first is not None:
            meta[PREFIX + "service-level"] = first["service"]
            meta[PREFIX + "story-number"] = first["number"]
            if first["selectors"]:
                meta[PREFIX + "selectors"] = first["selectors"]
        if second is not None:
            self._routing(second, meta)
        if unknown:
            meta[PREFIX + "header"] = "\n".join(unknown)

    @staticmethod
    def _routing(second: re.Match[str], meta: dict[str, str]) -> None:
        """Read the header's second line: priority, category, codes, keyword, version, date."""
        meta[PREFIX + "priority"] = second["priority"]
        meta[PREFIX + "category"] = second["category"]
        if second["codes"]:
            meta[PREFIX + "format-codes"] = " ".join(_CODE_NAMES[c] for c in second["codes"])
        meta[PREFIX + "keyword"] = second["keyword"]
        if second["version"].strip():
            meta[PREFIX + "version"] = second["version"].strip()
        if second["date"]:
            meta[PREFIX + "date"] = second["date"]
            meta[PREFIX + "word-count"] = second["count"]

    def _caret_block(
        self, lines: list[tuple[Line, str]]
    ) -> tuple[list[tuple[Line, str]], list[tuple[Line, str]]]:
        """Split the text into the ``^`` lines at its top and the rest."""
        for index, (_, text) in enumerate(lines):
            if text.strip() and not text.startswith("^"):
                return [item for item in lines[:index] if item[1].strip()], lines[index:]
        return [item for item in lines if item[1].strip()], []

    def _top(self, top: list[tuple[Line, str]], meta: dict[str, str]) -> dict[str, object]:
        """Read the keyword line, the headline, notes, summary and byline."""
        entries = [(line, _typeset(strip_quad(text[1:])).strip()) for line, text in top]
        entries = [(line, text) for line, text in entries if text]
        if entries and self._is_keyword_line(entries[0][1], meta):
            self._keyword_line(entries.pop(0)[1], meta)
        body = BodyBuilder()
        found: dict[str, object] = {"title": None, "summary": None, "authors": ()}
        notes: dict[str, list[str]] = {"editors-note": [], "photos": []}
        after_byline: list[str] = []
        for line, text in entries:
            if PREFIX + "byline" in meta:
                after_byline.append(text)
            elif _NOTE.match(text):
                notes["editors-note"].append(text)
            elif _PHOTO.match(text) and found["title"] is not None:
                notes["photos"].append(text)
            else:
                self._display_line(line, text, found, meta, body)
        if len(after_byline) == 1 and top[-1][1].rstrip().endswith("="):
            meta[PREFIX + "byline-title"] = after_byline.pop()
        for text in after_byline:
            body.heading(text)
        meta.update({PREFIX + key: "\n".join(texts) for key, texts in notes.items() if texts})
        if found["title"] is None:
            found["title"] = meta.get(PREFIX + "slug") or meta.get(PREFIX + "keyword")
        if found["title"] is None:
            start = self.story.text[0] if self.story.text else None
            where = (start.line, start.column) if start else self.story.end
            raise self.fail("the story has no headline and no keyword", *where)
        return {**found, "builder": body}

    def _display_line(
        self,
        line: Line,
        text: str,
        found: dict[str, object],
        meta: dict[str, str],
        body: BodyBuilder,
    ) -> None:
        """Read a ``^`` line of the top that is not a note: headline, byline, summary or text."""
        if found["title"] is None:
            found["title"] = self.checked("title", text, line)
        elif _BYLINE.match(text):
            meta[PREFIX + "byline"] = text
            found["authors"] = tuple(
                self.checked("authors", name, line) for name in split_byline(text)
            )
        elif found["summary"] is None and text.endswith(_SENTENCE_END):
            found["summary"] = self.checked("summary", text, line)
        else:
            body.paragraph(text)

    def _is_keyword_line(self, text: str, meta: dict[str, str]) -> bool:
        keyword = meta.get(PREFIX + "keyword", "")
        stem = keyword.split("--")[0] + "--" if "--" in keyword else None
        return (
            bool(re.search(r",\s*\d+\Z", text))
            or bool(_CYCLE.match(text))
            or (stem is not None and text.startswith(stem))
        )

    def _keyword_line(self, text: str, meta: dict[str, str]) -> None:
        parts = [part.strip() for part in text.split(",")]
        if len(parts) > 1 and parts[-1].isdigit():
            meta[PREFIX + "text-word-count"] = parts.pop()
        meta[PREFIX + "slug"] = parts[0]
        take = ", ".join(part for part in parts[1:] if part)
        if take:
            meta[PREFIX + "take-key"] = take

    def _body(self, rest: list[tuple[Line, str]], body: BodyBuilder) -> int:
        """Read the paragraphs, subheads and table rows; return the number of rows."""
        rows = 0
        for line, text in rest:
            if not text.strip():
                body.end_paragraph()
            elif text.startswith("^"):
                heading = _typeset(strip_quad(text[1:])).strip()
                if heading:
                    body.heading(self.checked("Section.heading", heading, line))
            elif text.startswith("\x08"):
                row = _row(text)
                if row:
                    rows += 1
                    body.paragraph(row)
            else:
                indented = text.startswith(("\t", "  "))
                body.line(_typeset(strip_quad(text)), new_paragraph=indented)
        return rows

    def _trailer(self, meta: dict[str, str]) -> datetime | None:
        """Read the trailer into ``meta``; return the publication time when it is in UTC."""
        for line in self.story.trailer:
            text = strip_quad(self.clean(line))
            if not text:
                continue
            meta[PREFIX + "trailer"] = text
            found = _TRAILER.search(text)
            if found is None or found["zone"] is None:
                return None
            year = int(found["year"])
            return utc(
                year + (2000 if year < 70 else 1900),
                int(found["month"]),
                int(found["day"]),
                int(found["hour"]),
                int(found["minute"]),
            )
        return None


def anpa_markers(before: str, header: str) -> bool:
    """Return whether a header shows what only ANPA 1312 has (SYN, US, DC codes)."""
    first, _, second = header.partition("\n")
    return (
        "\x16" in before
        or "\x1f" in first
        or bool(re.match(r"[A-Za-z] [A-Za-z][\x11-\x14]", second.lstrip("\x00\x7f")))
    )


class Anpa1312Format(Format):
    """ANPA 1312 text wire stories: parse only (see the reference page for why)."""

    name = "anpa1312"
    label = "ANPA 1312 text wire"
    encoding = CODEC

    def sniff(self, sample: str) -> float:
        """Score the control-code framing: SOH first, and ANPA's own header codes."""
        head = sample_head(sample)
        if head is None:
            return 0.0
        return 0.95 if anpa_markers(*head) else 0.5

    def parse(self, stream: TextStream, source: str) -> Iterator[ParseItem]:
        """Yield each story of ``stream`` as an article, then its diagnostics."""
        yield from items(transmissions(stream, source, self.name), source, self.name, _AnpaStory)
