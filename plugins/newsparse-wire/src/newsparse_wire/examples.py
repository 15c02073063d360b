"""Hand-written stories in both formats (synthetic, no agency's copy), for fuzzing and docs.

The fuzz harness (``fuzz/parse_checks.py``) starts its corpus from these.
"""

from __future__ import annotations

__all__ = ["ANPA_EXAMPLES", "IPTC7901_EXAMPLES"]

ANPA_EXAMPLES: tuple[str, ...] = (
    "\x16\x16\x01W1234\x1fports\n"
    "r a\x13\x11 BC-Harbour-Ferry 1stLd-Writethru  04-02 0321\n"
    "\x02^BC-Harbour-Ferry, 1st Ld-Writethru,321<\n"
    "^Harbour ferry resumes after winter pause <\n"
    "^Eds: Moves on general news wires.<\n"
    "^By ANNA EXAMPLE and BEN SAMPLE=\n"
    "^Associated Writers=\n"
    "\t   PORTVILLE (XP) _ The harbour ferry sailed again on Monday after a pause,\n"
    "its owners said. \n"
    " \n"
    "\t   ``We missed the sea,'' said captain Ola Nordmann. \n"
    "\n"
    "\t   \x03XP-WF-04-02-24 0915GMT<\n\n\x0c\n\x04",
    "\x16\x16\x01z0042\x1f-----\r\n"
    "r s\x14\x12 BC-RUN--Relay-Table     06-01 0080\r\n"
    "\x02^BC-RUN--Relay Table<\r\n"
    "^Relay League Table=\r\n"
    "^NORTH GROUP=\r\n"
    "\x08^;P;Pts;GB\x10 \r\n"
    "\x08Old\x10 Harbour;12;30;_\x10 \r\n"
    "\x08Hilltop;11;27;1{\x10 \r\n"
    "\r\n\t   \x03XP-WF-06-01-24 2210GMT<\r\n\x0c\r\n\x04",
)
"""ANPA 1312 stories: a text story with LF line ends, an agate table with CRLF."""

IPTC7901_EXAMPLES: tuple[str, ...] = (
    "\x01xpa042 3 i 57 ccccb   xpa 007\r\n\r\nPortville-ferry/transport/\r\n"
    "\x02EXTRA\nFerry service resumes in Portville =\r\n\r\n"
    "   Portville (xpa) - The harbour ferry of Portville sailed again on\r\n"
    "Monday after a pause of three months, its owners said.\r\n\r\n"
    "# Notebook\r\n\r\n## Contacts\r\n- Reporting: A. Person\r\n\r\n"
    "xpa ab cd\r\n\r\n\x03020915 GMT Apr 24\r\n\x7f\n\x7f\x04",
)
"""An IPTC 7901 story with a flag, a notebook, a sign-off and DEL padding."""
