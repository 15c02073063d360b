"""Writing marked text as nested markup (HTML elements, Markdown delimiters).

Marks are ranges that may overlap (see ``newsparse._marks``); markup nests.
:func:`render_inline` walks the text once, keeps a stack of open marks, and
when a mark ends under another one, closes the ones above it and opens them
again after.  Links open outside emphasis, emphasis outside strong, so the
common cases come out as a person would write them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from newsparse._marks import Mark

__all__ = ["render_inline"]

_ORDER = {"link": 0, "emphasis": 1, "strong": 2}


def render_inline(
    text: str,
    marks: tuple[Mark, ...],
    escape: Callable[[str], str],
    open_mark: Callable[[Mark], str],
    close_mark: Callable[[Mark], str],
    *,
    spaces_outside: bool = False,
) -> str:
    """Return ``text`` escaped, with the markup of each mark around its range.

    With ``spaces_outside``, a mark opened again after a space opens after
    it: Markdown reads ``** now**`` as no emphasis at all.  It changes the
    range the markup covers, so exact writers (HTML) leave it off.
    """
    if not marks:
        return escape(text)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    parts: list[str] = []
    stack: list[Mark] = []
    for start, end in itertools.pairwise(cuts):
        active = sorted(
            (m for m in marks if m.start <= start and end <= m.end),
            key=lambda m: (_ORDER[m.kind], m.start),
        )
        # Close down to the longest prefix of the stack that stays open.
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] == active[keep]:
            keep += 1
        while len(stack) > keep:
            parts.append(close_mark(stack.pop()))
        piece = text[start:end]
        if spaces_outside and len(active) > keep:
            spaces = piece[: len(piece) - len(piece.lstrip())]
            parts.append(spaces)
            piece = piece[len(spaces) :]
        for mark in active[keep:]:
            parts.append(open_mark(mark))
            stack.append(mark)
        parts.append(escape(piece))
    while stack:
        parts.append(close_mark(stack.pop()))
    return "".join(parts)
