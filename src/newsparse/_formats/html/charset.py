"""The encoding a saved page's bytes declare for themselves.

The rule, applied to bytes input only (text is decoded already), in order:

1. A byte-order mark wins (newsparse's decoding checks it first).
2. A page that starts ``<`` followed by a zero byte, or a zero byte and
   ``<``, is UTF-16 without a mark (little- or big-endian).
3. Otherwise the first 4 KiB are searched for a declaration: ``<meta
   charset=...>``, ``<meta http-equiv="Content-Type" content="...;
   charset=...">`` or the XML declaration's ``encoding="..."``.  Labels are
   read the way browsers read them (the WHATWG Encoding Standard): ``latin1``,
   ``iso-8859-1`` and ``ascii`` mean windows-1252, ``gb2312`` means GB18030,
   ``shift_jis`` means Microsoft's code page 932, and so on; ``utf-16`` in a
   ``<meta>`` means UTF-8 (a page that could be searched as ASCII is not
   UTF-16).  An unknown label is ignored.
4. A legacy encoding is declared, but the non-ASCII bytes at the start of the
   page decode as UTF-8: the page is UTF-8 and the declaration is wrong (a
   template's leftover).  Text in a legacy encoding almost never happens to
   be valid UTF-8, while the reverse mistake is common.
5. Nothing declared: UTF-8.

Bytes that do not decode in the encoding chosen are a
:class:`~newsparse.ParseError` naming the byte offset, the line and the
column, and the encoding: newsparse never guesses its way past them, and
never drops them.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["codec_for_label", "declared_encoding"]

_PRESCAN_BYTES = 4096

# Both are matched against the lower-cased bytes: a case-sensitive pattern
# finds its start several times faster.
_META_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([a-z0-9._:-]+)")
_XML_ENCODING = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*<\?xml\b[^>]*?\bencoding\s*=\s*[\"']([a-z0-9._-]+)"
)

# Labels that browsers read differently from Python's codec of the same name
# (from the WHATWG Encoding Standard); other labels go to Python's codecs.
_BROWSER_LABELS = {
    **dict.fromkeys(
        (
            "ascii", "us-ascii", "ansi_x3.4-1968", "cp819", "csisolatin1", "ibm819",
            "iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987",
            "iso-ir-100", "l1", "latin1", "windows-1252", "x-cp1252", "cp1252",
        ),
        "cp1252",
    ),
    **dict.fromkeys(
        ("iso-8859-9", "iso8859-9", "iso_8859-9", "l5", "latin5", "windows-1254"), "cp1254"
    ),
    **dict.fromkeys(("tis-620", "iso-8859-11", "iso8859-11", "windows-874", "dos-874"), "cp874"),
    **dict.fromkeys(
        ("gb2312", "gbk", "x-gbk", "chinese", "csgb2312", "gb_2312-80", "gb18030"), "gb18030"
    ),
    **dict.fromkeys(
        ("shift_jis", "shift-jis", "sjis", "ms_kanji", "x-sjis", "windows-31j", "csshiftjis"),
        "cp932",
    ),
    **dict.fromkeys(("euc-kr", "ks_c_5601-1987", "windows-949", "cseuckr", "korean"), "cp949"),
    **dict.fromkeys(("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"), "big5hkscs"),
    **dict.fromkeys(("utf-16", "utf-16le", "utf-16be", "unicodefffe", "unicodefeff"), "utf-8"),
    "x-user-defined": None,
}  # fmt: skip


def declared_encoding(head: bytes) -> str | None:
    """Return the codec for a page starting with ``head``, or ``None`` for UTF-8.

    See the module docstring for the rule.  A byte-order mark is not looked
    at here: it wins before this is asked.
    """
    if head.startswith(b"<\x00") and b"\x00\x00" not in head[:8]:
        return "utf-16-le"
    if head.startswith(b"\x00<") and b"\x00\x00" not in head[:8]:
        return "utf-16-be"
    prescan = head[:_PRESCAN_BYTES].lower()
    found = _XML_ENCODING.match(prescan) or _META_CHARSET.search(prescan)
    if found is None:
        return None
    codec = codec_for_label(found.group(1).decode("ascii"))
    if codec is None or codec == "utf-8" or _starts_as_utf8(head):
        return None
    return codec


def codec_for_label(label: str) -> str | None:
    """Return Python's codec for an encoding label as a browser reads it, or ``None``."""
    label = label.strip().lower()
    if label in _BROWSER_LABELS:
        return _BROWSER_LABELS[label]
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _starts_as_utf8(head: bytes) -> bool:
    """Whether ``head`` holds non-ASCII bytes and all of them decode as UTF-8.

    ``head`` may end inside a character, which does not count against it.
    """
    if head.isascii():
        return False
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True
