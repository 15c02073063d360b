"""Telling when a document's declared encoding has made its text wrong.

Byte input is decoded with the encoding its XML declaration names, unless
its first 64 KiB are valid UTF-8 (:func:`newsparse_iptc.xmlsafe.declared_encoding`).
When the UTF-8 starts later, or the bytes mix both, a single-byte decoding
turns each UTF-8 character into two to four characters (the "ø" of
"København" becomes "\u00c3\u00b8").  :func:`misread_utf8` finds such sequences in a
document that declares a single-byte encoding, so that the format reports
them (after the document's articles) rather than let them pass unnoticed.
"""

from __future__ import annotations

import codecs
import re
from functools import cache

from newsparse import ParseError

from newsparse_iptc.xmlsafe import Document

__all__ = ["misread_utf8"]

_DECLARED = re.compile(r"""\A\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_EXAMPLE = 12  # characters of the misread text shown in the message


@cache
def _pattern(codec: str) -> re.Pattern[str] | None:
    """Return what a UTF-8 sequence of two to four bytes becomes when decoded with ``codec``."""
    try:
        leads = bytes(range(0xC2, 0xF5)).decode(codec, errors="ignore")
        follows = bytes(range(0x80, 0xC0)).decode(codec, errors="ignore")
    except (LookupError, ValueError):
        return None
    if len(leads) != 0xF5 - 0xC2 or not follows:
        return None  # not a single-byte encoding: nothing to look for
    return re.compile(f"[{re.escape(leads)}][{re.escape(follows)}]{{1,3}}")


def misread_utf8(document: Document, *, format_name: str, source: str) -> ParseError | None:
    """Return an error if ``document`` declares a single-byte encoding and reads as misread UTF-8.

        A match counts only when the characters, encoded back with the declared
        encoding, are one valid UTF-8 character (U+00C3 U+00B8 is "ø"; U+00C3
    and "x" are no such pair).  The
        error names the first such place.
    """
    declared = _DECLARED.match(document.text)
    if declared is None:
        return None
    try:
        codec = codecs.lookup(declared.group(1)).name
    except LookupError:
        return None
    pattern = _pattern(codec)
    if pattern is None:
        return None
    for found in pattern.finditer(document.text):
        try:
            found.group().encode(codec).decode("utf-8")
        except UnicodeError:
            continue
        before = document.text[: found.start()]
        line = document.first_line + before.count("\n")
        column = found.start() - (before.rfind("\n") + 1) + 1
        shown = document.text[found.start() : found.start() + _EXAMPLE]
        return ParseError(
            f"the text looks like UTF-8 decoded as {declared.group(1)}, the encoding the XML"
            f" declaration names ({shown!r} ...): characters may be misread; the articles"
            " before this error were read as declared",
            format=format_name,
            source=source,
            line=line,
            column=column,
        )
    return None
