"""How newsparse reads a file object it is given, and gives it back.

:func:`reading_method` picks the method that returns what a stream holds
without waiting for more (so that a pipe's articles are parsed as they
arrive); :func:`rewinder` and :data:`KEPT` let :func:`newsparse.detect`
leave a stream as it found it.  Used by ``newsparse._source.open_source``.
"""

from __future__ import annotations

import io
import weakref
from collections.abc import Callable
from typing import Any

__all__ = ["KEPT", "reading_method", "rewinder", "weakly_referable"]

KEPT: weakref.WeakKeyDictionary[Any, bytes | str] = weakref.WeakKeyDictionary()
"""What ``give_back`` kept of streams that cannot
seek, until the next ``open_source`` of the same stream."""


def reading_method(stream: Any) -> Callable[[int], bytes | str]:
    """Choose the method that returns what ``stream`` has without waiting for more.

    ``read(n)`` of a buffered binary stream over a pipe waits until it has
    ``n`` bytes or the pipe is closed; ``read1(n)`` returns what is there.
    A text stream's ``read(n)`` waits too, but ``readline(n)`` stops at the
    end of a line.  ``read1`` and ``readline`` are not used where a subclass
    overrides ``read`` after them (they would go around the override).
    """
    cls = type(stream)
    read1 = getattr(stream, "read1", None)
    if callable(read1) and not _overridden_after(cls, "read", "read1"):
        return read1  # type: ignore[no-any-return]
    readline = getattr(stream, "readline", None)
    if (
        isinstance(stream, io.TextIOBase)
        and callable(readline)
        and not _overridden_after(cls, "read", "readline")
        and not _seekable(stream)
    ):
        return readline  # type: ignore[no-any-return]
    return stream.read  # type: ignore[no-any-return]


def _overridden_after(cls: type, name: str, other: str) -> bool:
    """Whether a subclass defines ``name`` below the class that defines ``other``."""
    for klass in cls.__mro__:
        attributes = vars(klass)
        if other in attributes:
            return False
        if name in attributes:
            return True
    return False


def _seekable(stream: Any) -> bool:
    try:
        return bool(stream.seekable())
    except (AttributeError, OSError, ValueError):
        return False


def rewinder(stream: Any) -> Callable[[], object] | None:
    """Return a function that seeks ``stream`` back to where it is now (``None``: it cannot)."""
    if not _seekable(stream):
        return None
    try:
        position = stream.tell()
    except (AttributeError, OSError, ValueError):
        return None
    return lambda: stream.seek(position)


def weakly_referable(stream: object) -> bool:
    """Whether ``stream`` can be a key of :data:`KEPT` (a weak reference to it can be made)."""
    try:
        weakref.ref(stream)
    except TypeError:
        return False
    return True
