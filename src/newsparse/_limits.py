"""Limits on what one parse may read, so that hostile input cannot exhaust a server.

Every parse runs under a :class:`Limits`; :func:`newsparse.parse` and
:func:`newsparse.iter_parse` take one as ``limits=``, and the command line
as ``--max-input-size``, ``--max-article-size`` and ``--max-depth``.  Going
over a limit is a :class:`~newsparse.ParseError` at the place where it
happened, never a truncated article:

``max_input_bytes``
    The whole input (characters, for text input; decompressed bytes, for
    compressed input).  Checked by newsparse as it reads, for every format;
    the articles before the limit are still returned, and the error ends the
    parse.
``max_article_bytes``
    One article's text in the input: a line of ``jsonl``, an element of a
    ``json`` array, a whole ``html`` page.  Checked by the format before it
    holds much more than that in memory; ``jsonl`` reports the line and goes
    on with the next, ``json`` and ``html`` stop.  The ``tt`` plugin bounds
    the text between two article separators, and stops.  Each format's
    reference says how it applies the limit.
``max_depth``
    How deeply the input may nest (JSON arrays and objects, HTML elements).
    The HTML parser (libxml2) never goes deeper than 256, whatever this says.

The defaults let any real news input through and stop what is plainly an
attack.  ``None`` turns a limit off.  A format from a plugin reads the limits
of its parse with :func:`limits_of`.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

__all__ = ["DEFAULT_LIMITS", "Limits", "limits_of", "parse_size", "utf8_longer_than"]

_GiB = 1 << 30
_MiB = 1 << 20


def _positive(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"Limits.{attribute.name} must be a positive int or None, got {value!r}")


@attrs.frozen(kw_only=True)
class Limits:
    """Bounds on one parse (see ``newsparse._limits``); ``None`` means no bound.

    >>> from newsparse._limits import Limits
    >>> Limits()
    Limits(max_input_bytes=1073741824, max_article_bytes=67108864, max_depth=256)
    >>> Limits(max_article_bytes=None).max_article_bytes is None
    True
    """

    max_input_bytes: int | None = attrs.field(default=_GiB, validator=_positive)
    """Bytes of input (characters for text input, decompressed bytes for
    compressed input); default 1 GiB."""

    max_article_bytes: int | None = attrs.field(default=64 * _MiB, validator=_positive)
    """Bytes of input one article may take up; default 64 MiB."""

    max_depth: int | None = attrs.field(default=256, validator=_positive)
    """Levels of nesting; default 256 (libxml2's own limit for HTML)."""


DEFAULT_LIMITS = Limits()
"""The limits a parse runs under unless it is given others."""


def limits_of(stream: object) -> Limits:
    """Return the limits of the parse reading ``stream`` (the defaults for other streams).

    A format calls it with the stream its ``parse`` was given.
    """
    limits = getattr(stream, "limits", None)
    return limits if isinstance(limits, Limits) else DEFAULT_LIMITS


def utf8_longer_than(text: str, most: int | None) -> bool:
    """Whether ``text`` takes more than ``most`` bytes in UTF-8 (never, if ``most`` is ``None``).

    Cheap for texts well under the limit: a character takes 1 to 4 bytes, so
    only a text longer than a quarter of ``most`` is encoded to measure it.
    """
    if most is None or 4 * len(text) <= most:
        return False
    return len(text) > most or len(text.encode("utf-8", "surrogatepass")) > most


_SIZE = re.compile(r"\s*(\d+)\s*([kmg]i?b?|b)?\s*\Z", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1 << 10, "m": _MiB, "g": _GiB}


def parse_size(text: str) -> int | None:
    """Read a size such as ``"512"``, ``"64K"``, ``"16MiB"`` or ``"1G"``; ``"none"`` is ``None``.

    Units are powers of 1024.

    >>> from newsparse._limits import parse_size
    >>> parse_size("16M"), parse_size("2 KiB"), parse_size("none")
    (16777216, 2048, None)

    Raises:
        ValueError: the text is not a size.
    """
    if text.strip().lower() in {"none", "off", "unlimited"}:
        return None
    found = _SIZE.match(text)
    if found is None or int(found.group(1)) < 1:
        raise ValueError(f"not a size: {text!r} (say 512, 64K, 16M or 1G, or none)")
    unit = (found.group(2) or "").lower()[:1]
    return int(found.group(1)) * _UNITS[unit]
