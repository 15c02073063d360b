"""Inline marks: links, emphasis and strong text as ranges over a block's text.

A text that carries marks stays a plain :class:`str`; each :class:`Mark`
names a kind and the range ``text[start:end]`` it covers (counted in code
points, as Python slices count).  This keeps the common case (text without
marks) exactly as cheap as before, keeps ``paragraph.text`` the plain text,
and lets marks overlap freely: a link may hold strong text that runs on past
its end, which tree models (HTML elements) can only express by splitting.

Rules, checked by ``check_marks`` whenever a block is built:

* a mark covers at least one character, lies within its text, and neither
  starts nor ends on whitespace (``"<a>word </a>"`` is the link ``"word"``);
* a link has an ``href`` (a URL by the model's rules); other kinds have none;
* two links never overlap;
* marks are kept in one canonical order, and two marks of the same kind that
  overlap or touch are one mark (two links only when their ``href`` is the
  same).  So two ways of writing the same styling give equal blocks, which
  is what makes round-trips through HTML exact.

A line break inside marked text is the ``"\\n"`` of the text itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs

from newsparse._errors import ValidationError
from newsparse._values import as_tuple, url

__all__ = ["EMPHASIS", "LINK", "MARK_KINDS", "STRONG", "Mark", "check_marks"]

LINK: Final = "link"
EMPHASIS: Final = "emphasis"
STRONG: Final = "strong"

MARK_KINDS: Final = frozenset({LINK, EMPHASIS, STRONG})
"""Every kind of inline mark the model has."""

_set = object.__setattr__


@attrs.frozen(kw_only=True, init=False)
class Mark:
    """A range of a block's text that is a link, emphasised or strong.

    >>> from newsparse import Mark, Paragraph
    >>> report = Mark(kind="link", start=9, end=15, href="https://example.org/r")
    >>> paragraph = Paragraph(text="Read the report.", marks=[report])
    >>> paragraph.text[report.start : report.end]
    'report'

    Attributes:
        kind: ``"link"``, ``"emphasis"`` or ``"strong"``.
        start: Index of the first character covered, in ``text``.
        end: Index one past the last character covered.
        href: The link's target, for links only.
    """

    kind: str
    start: int
    end: int
    href: str | None = None

    def __init__(self, *, kind: str, start: int, end: int, href: str | None = None) -> None:
        if kind not in MARK_KINDS:
            raise ValidationError("Mark.kind", kind, f"must be one of {sorted(MARK_KINDS)}")
        for name, value in (("start", start), ("end", end)):
            if type(value) is not int or value < 0:
                raise ValidationError(f"Mark.{name}", value, "must be an int >= 0")
        if end <= start:
            raise ValidationError("Mark.end", end, f"must be greater than start ({start})")
        if kind == LINK:
            if href is None:
                raise ValidationError("Mark.href", href, "a link needs an href")
            href = url("Mark.href", href)
        elif href is not None:
            raise ValidationError("Mark.href", href, f"only links have an href, not {kind}")
        _set(self, "kind", kind)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "href", href)

    @property
    def sort_key(self) -> tuple[int, int, str, str]:
        """The key of the canonical order: start, end, kind, href."""
        return (self.start, self.end, self.kind, self.href or "")


def check_marks(field: str, text: str, value: Iterable[Mark]) -> tuple[Mark, ...]:
    """Check the marks of ``text`` and return them in canonical form (see the module notes)."""
    if value == ():
        return ()
    marks = as_tuple(field, value)
    for index, mark in enumerate(marks):
        if not isinstance(mark, Mark):
            raise ValidationError(f"{field}[{index}]", mark, "must be a Mark")
        if mark.end > len(text):
            raise ValidationError(
                f"{field}[{index}]", mark, f"ends past the text ({len(text)} characters)"
            )
        if text[mark.start].isspace() or text[mark.end - 1].isspace():
            raise ValidationError(
                f"{field}[{index}]",
                mark,
                f"must not start or end on whitespace ({text[mark.start : mark.end]!r})",
            )
    return _canonical(field, sorted(marks, key=_sort_key))


def _sort_key(mark: Mark) -> tuple[int, int, str, str]:
    return mark.sort_key


def _canonical(field: str, marks: list[Mark]) -> tuple[Mark, ...]:
    """Merge touching or overlapping marks of one kind; refuse links that overlap."""
    result: list[Mark] = []
    open_by_kind: dict[str, int] = {}  # kind -> index in result of its last mark
    for mark in marks:
        last_index = open_by_kind.get(mark.kind)
        last = None if last_index is None else result[last_index]
        overlaps = last is not None and mark.start < last.end
        if overlaps and mark.href != last.href:  # type: ignore[union-attr]
            raise ValidationError(
                field, (last, mark), "links must not overlap (two targets for one text)"
            )
        if last is not None and mark.start <= last.end and mark.href == last.href:
            if mark.end > last.end:
                result[last_index] = Mark(  # type: ignore[index]
                    kind=mark.kind, start=last.start, end=mark.end, href=mark.href
                )
            continue
        open_by_kind[mark.kind] = len(result)
        result.append(mark)
    result.sort(key=_sort_key)
    return tuple(result)
