"""Hand-written wire stories for the tests (synthetic: no agency's copy), and where the corpus is.

Each builder returns the bytes of one story with LF line ends; tests change
the line ends, drop parts, or join several stories.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"
WIRE = SHARED / "corpora" / "wire"
needs_wire_corpus = pytest.mark.skipif(
    not WIRE.is_dir(), reason=f"the agency wire corpus is not here (looked in {WIRE})"
)

SYN, SOH, STX, ETX, EOT, US = b"\x16", b"\x01", b"\x02", b"\x03", b"\x04", b"\x1f"


def anpa_story(
    *,
    syn: bool = True,
    number: bytes = b"1234",
    headline: bytes = b"Harbour ferry resumes after winter pause <",
    top: bytes = (
        b"^Eds: Moves on general news and business wires.<\n"
        b"^By ANNA EXAMPLE and BEN SAMPLE=\n"
        b"^Associated Writers=\n"
    ),
    body: bytes = (
        b"\t   PORTVILLE (XP) _ The harbour ferry sailed again on Monday after a three-month\n"
        b"pause, its owners said. \n"
        b" \n"
        b"\t   ``We missed the sea,'' said captain Ola Nordmann. \n"
        b" \n"
        b"\t   The crossing takes 12 minutes.\n"
    ),
    trailer: bytes = b"\t   \x03XP-WF-04-02-24 0915GMT<\n\n\x0c\n",
    end: bytes = EOT,
) -> bytes:
    """Return an ANPA 1312 story in AP's layout."""
    head = (SYN + SYN if syn else b"") + SOH + b"W" + number + US + b"ports\n"
    head += b"r a\x13\x11 BC-Harbour-Ferry 1stLd-Writethru  04-02 0321\n"
    text = STX + b"^BC-Harbour-Ferry, 1st Ld-Writethru,321<\n^" + headline + b"\n"
    return head + text + top + body + b"\n" + trailer + end


def agate_story() -> bytes:
    """Return an ANPA 1312 tabular (agate) story: BS rows, DLE space bands, ``{`` for a half."""
    return (
        SYN + SYN + SOH + b"z0042" + US + b"-----\n"
        b"r s\x14\x12 BC-RUN--Relay-Table     06-01 0080\n" + STX + b"^BC-RUN--Relay Table<\n"
        b"^Relay League Table=\n"
        b"^By Example Sports=\n"
        b"^NORTH GROUP=\n"
        b"^Early Results=\n"
        b"\x08^;P;Pts;GB\x10 \n"
        b"\x08Old\x10 Harbour;12;30;_\x10 \n"
        b"\x08Hilltop;11;27;1{\x10 \n"
        b"^Late Results=\n"
        b"\t   Old Harbour 3, Hilltop 2< \n"
        b"\n\t   \x03XP-WF-06-01-24 2210GMT<\n\x0c\n" + EOT
    )


def iptc_story(
    *,
    headline: bytes = b"Ferry service resumes in Portville =",
    body: bytes = (
        b"   Portville (xpa) - The harbour ferry of Portville sailed again on\n"
        b"Monday after a pause of three months, its owners said.\n"
        b"\n"
        b'   "We missed the sea," captain Ola Nordmann told xpa.\n'
        b"\n"
        b"xpa ab cd\n"
    ),
    trailer: bytes = ETX + b"020915 GMT Apr 24\n\x7f\n\x7f",
    end: bytes = EOT,
) -> bytes:
    """Return an IPTC 7901 story in dpa's layout."""
    return (
        SOH
        + b"xpa042 3 i 57 ccccb   xpa 007\n\nPortville-ferry/transport/\n"
        + STX
        + headline
        + b"\n\n"
        + body
        + b"\n"
        + trailer
        + end
    )
