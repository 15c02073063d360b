"""Checking what callers pass to the API, with messages that say what went wrong.

A mistake in the arguments (one article instead of a list, a binary stream
where text is written, swapped arguments) is a :class:`TypeError` that names
what was given and, where it can, the likely fix.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping

from newsparse._errors import short_repr
from newsparse._model import Article

__all__ = ["check_articles", "check_drop_handler", "check_text_stream", "kind_of"]


def check_articles(function: str, articles: object) -> None:
    """Raise :class:`TypeError` for ``articles`` that are plainly not an iterable of articles."""
    if isinstance(articles, Article):
        raise TypeError(f"{function}() takes an iterable of articles: wrap one article in a list")
    hint = ""
    if isinstance(articles, (str, bytes, bytearray)):
        hint = " (are the articles and the format swapped?)"
    elif isinstance(articles, io.IOBase) or hasattr(articles, "read"):
        hint = "; to render the articles of a file, parse it first, or use newsparse.convert()"
    elif isinstance(articles, Mapping):
        hint = "; make Article objects of it first"
    elif not isinstance(articles, Iterable):
        hint = ""
    else:
        return
    raise TypeError(
        f"{function}() takes an iterable of Article objects first, not {kind_of(articles)}{hint}"
    )


def check_text_stream(out: object) -> None:
    """Raise :class:`TypeError` unless ``out`` is a text stream to write to."""
    binary = isinstance(out, (io.RawIOBase, io.BufferedIOBase)) or "b" in str(
        getattr(out, "mode", "")
    )
    if not binary and callable(getattr(out, "write", None)):
        try:
            out.write("")  # type: ignore[attr-defined]  # a binary stream refuses a str
        except TypeError:
            binary = True
        else:
            return
    if binary:
        raise TypeError(
            f"render_to() writes text, and out is a binary stream ({kind_of(out)}): "
            "pass a text stream, such as io.StringIO() or a file opened with 'w' "
            "(or wrap it: io.TextIOWrapper(out, encoding='utf-8'))"
        )
    raise TypeError(
        f"render_to() writes to a text stream (with a write() method), not {kind_of(out)}"
        " (are two arguments swapped?)"
    )


def check_drop_handler(on_drop: object) -> None:
    """Raise :class:`TypeError` unless ``on_drop`` is ``None`` or callable."""
    if on_drop is not None and not callable(on_drop):
        raise TypeError(
            "on_drop must be None (refuse) or a callable that receives each "
            f"DroppedField, such as a_list.append, not {kind_of(on_drop)}"
        )


def kind_of(value: object) -> str:
    """Name what ``value`` is, for a message: ``None``, ``a str ('nitf')``, ``a StringIO``."""
    if value is None:
        return "None"
    kind = type(value).__name__
    article = "an" if kind[:1].lower() in "aeiou" else "a"
    if isinstance(value, (str, bytes)):
        return f"{article} {kind} ({short_repr(value)})"
    return f"{article} {kind}"
