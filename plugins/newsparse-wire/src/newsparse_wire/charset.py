"""The decoding rule of the wire formats, as a codec: UTF-8 or windows-1252, story by story.

A wire file says nothing of its character set: old feeds send 7-bit ASCII or
ISO 8859-1, newer ones windows-1252 or UTF-8, and a file gathered from
several systems may mix them.  So bytes are decoded one story at a time (a
story's bytes run up to its EOT, or up to the SOH of the next one; both are
ASCII bytes that never occur inside a UTF-8 sequence): as UTF-8 when they are
valid UTF-8, otherwise as windows-1252, with the five bytes windows-1252
leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) read as the C1 control
characters of the same value, as ISO 8859-1 reads them; the readers report
those.  Text input was decoded by the caller and is read as it is.

Importing this module registers the codec under the name :data:`CODEC`,
which the formats name as their :attr:`~newsparse.Format.encoding`.
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing_extensions import Buffer

__all__ = ["CODEC", "decode_piece"]

CODEC = "newsparse-wire"
"""The codec's name (``codecs.lookup`` also finds it as ``newsparse_wire``)."""

_MOST_HELD = 1 << 20
"""Bytes held back at most while waiting for the end of a story: a longer
stretch without SOH or EOT is decided at its last line end."""

_TO_CP1252 = str.maketrans(
    {
        chr(byte): char
        for byte in range(0x80, 0xA0)
        if (char := bytes([byte]).decode("cp1252", errors="ignore"))
    }
)
_STORY_START = re.compile(b"(?=\x01)|(?<=\x04)")


def decode_piece(data: bytes) -> str:
    """Decode the bytes of one story by the rule of the module."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1").translate(_TO_CP1252)


def _decode_stories(data: bytes) -> str:
    return "".join(decode_piece(piece) for piece in _STORY_START.split(data) if piece)


class _Decoder(codecs.IncrementalDecoder):
    """Holds back the bytes of the story being received until it is complete."""

    def __init__(self, errors: str = "strict") -> None:
        super().__init__(errors)
        self._held = b""

    def decode(self, input: Buffer, final: bool = False) -> str:
        data = self._held + bytes(input)
        if final:
            self._held = b""
            return _decode_stories(data)
        cut = max(data.rfind(b"\x01"), data.rfind(b"\x04") + 1)
        if cut <= 0 and len(data) > _MOST_HELD:
            cut = data.rfind(b"\n") + 1 or len(data)
        if cut <= 0:
            self._held = data
            return ""
        self._held = data[cut:]
        return _decode_stories(data[:cut])

    def reset(self) -> None:
        self._held = b""

    def getstate(self) -> tuple[bytes, int]:
        return self._held, 0

    def setstate(self, state: tuple[bytes, int]) -> None:
        self._held = state[0]


def _decode(data: Buffer, errors: str = "strict") -> tuple[str, int]:
    del errors
    raw = bytes(data)
    return _decode_stories(raw), len(raw)


def _encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
    return text.encode("utf-8", errors), len(text)


def _search(name: str) -> codecs.CodecInfo | None:
    if name.replace("-", "_") != CODEC.replace("-", "_"):
        return None
    return codecs.CodecInfo(
        _encode,
        _decode,
        incrementaldecoder=_Decoder,
        incrementalencoder=codecs.getincrementalencoder("utf-8"),
        name=CODEC,
    )


codecs.register(_search)
