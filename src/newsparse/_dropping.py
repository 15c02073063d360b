"""Dropping what a format cannot hold: the explicit, lossy opt-in of rendering.

Without it, a format refuses an article it cannot write exactly
(:class:`~newsparse.RenderError`).  With it (:func:`newsparse.fit`,
``render(..., on_drop=...)``, ``newsparse convert --drop-unrepresentable``),
the refused part is removed and the article tried again, until the format
accepts it; every removed part is reported as a :class:`DroppedField`.

:func:`drop_refused` decides what to remove for one error, from the path in
:attr:`RenderError.field <newsparse.RenderError.field>`:

* ``meta['key']``: that key.
* ``published``, ``modified``, ``url``, ``publisher``, ``language``,
  ``summary``: the value (it becomes ``None``).
* ``authors``, ``topics``, ``images``: all of them; ``authors[i]``,
  ``topics[i]``, ``images[i]``: that one.
* ``images[i].url`` (``alt``, ``caption``, ``credit``): that part of the
  image, or the whole image when the format requires the part and it is
  missing, or when the image would have no part left.

The title and the body text are never dropped, and a required value that is
missing elsewhere (ninjs needs the article's ``url``, TT needs
``meta['tt.number']``) cannot be made up: those errors stay errors.  Each drop
removes a value the article holds, so trying again ends after at most as
many rounds as the article has droppable values.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeAlias

import attrs

from newsparse._errors import RenderError, ValidationError, article_prefix, clip, short_repr
from newsparse._model import Article, Image

__all__ = ["DropHandler", "DroppedField", "drop_refused", "field_path", "fit_article"]


@attrs.frozen
class DroppedField:
    """A part of an article that was left out because the output format cannot hold it.

    ``str(dropped)`` reads ``[source: ]article 3 ("Title"): dropped
    meta['tt.number'] ('8217'): format 'nitf' cannot represent ...``.
    """

    format: str
    """Name of the format that could not hold it."""

    field: str
    """Path of what was dropped, in the syntax of :attr:`RenderError.field
    <newsparse.RenderError.field>`: ``meta['tt.number']``, ``images[2]``..."""

    value: object
    """The value that was dropped (a ``str``, an :class:`~newsparse.Image`,
    a tuple of authors, a datetime...)."""

    reason: str
    """Why: the :attr:`RenderError.problem <newsparse.RenderError.problem>`
    of the refusal, which may name a part of the dropped value (the missing
    ``images[2].url`` of the dropped ``images[2]``)."""

    index: int | None = None
    """Position of the article among those rendered (from 0), or ``None``
    (:func:`newsparse.fit` renders one article)."""

    title: str | None = None
    """Title of the article."""

    source: str | None = None
    """Name of the input the article was read from, when known."""

    def __str__(self) -> str:
        prefix = article_prefix(self.source, self.index, self.title)
        return f"{prefix}dropped {self.field} ({_shown(self.value)}): {self.reason}"


def _shown(value: object) -> str:
    """Return ``value`` short, for a message: a date in ISO 8601, an image by its set parts."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Image):
        parts = (f"{name}={getattr(value, name)!r}" for name in _IMAGE_PARTS)
        text = f"Image({', '.join(part for part in parts if not part.endswith('=None'))})"
        return clip(text)
    return short_repr(value)


DropHandler: TypeAlias = Callable[[DroppedField], None]
"""Receives each :class:`DroppedField` when rendering may drop what a format cannot hold."""

_NAME = re.compile(r"[A-Za-z_]\w*")
_STEP = re.compile(r"\[(\d+)\]|\[('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\]|\.([A-Za-z_]\w*)")
_OPTIONAL_VALUES = frozenset({"published", "modified", "url", "publisher", "language", "summary"})
_LISTS = frozenset({"authors", "topics", "images"})
_IMAGE_PARTS = ("url", "alt", "caption", "credit")


def field_path(field: str) -> tuple[str | int, ...] | None:
    """Split a :attr:`RenderError.field <newsparse.RenderError.field>` into its steps.

    ``"images[2].url"`` gives ``("images", 2, "url")`` and ``"meta['tt.number']"``
    gives ``("meta", "tt.number")``; a field that is not such a path gives ``None``.
    """
    first = _NAME.match(field)
    if first is None:
        return None
    steps: list[str | int] = [first.group()]
    position = first.end()
    while position < len(field):
        step = _STEP.match(field, position)
        if step is None:
            return None
        number, key, name = step.groups()
        if number is not None:
            steps.append(int(number))
        elif key is not None:
            steps.append(ast.literal_eval(key))
        else:
            steps.append(name)
        position = step.end()
    return tuple(steps)


def fit_article(
    article: Article, try_render: Callable[[Article], object]
) -> tuple[Article, tuple[DroppedField, ...], RenderError | None]:
    """Drop from ``article`` each part that ``try_render`` refuses, until it accepts it.

    ``try_render`` renders the article alone and raises the format's
    :class:`~newsparse.RenderError`.  Returns the article as accepted, what
    was dropped, and ``None``; or, when a refusal names nothing that can be
    dropped, the article as far as it got, what was dropped, and that
    refusal.  Paths in what was dropped are those of the article given (an
    image dropped after another keeps its first index).
    """
    dropped: list[DroppedField] = []
    places = _Places(article)
    while True:
        try:
            try_render(article)
        except RenderError as error:
            found = drop_refused(article, error)
            if found is None:
                return article, tuple(dropped), error
            article, note = found
            dropped.append(places.dropped(note, error))
        else:
            return article, tuple(dropped), None


def drop_refused(article: Article, error: RenderError) -> tuple[Article, DroppedField] | None:
    """Return ``article`` without the part ``error`` refuses, and what was dropped.

    Returns ``None`` when the error names nothing that can be dropped (see
    the module docstring).
    """
    path = field_path(error.field)
    if path is None:
        return None
    dropped = _drop(article, path, missing=error.missing)
    if dropped is None:
        return None
    changed, field, value = dropped
    note = DroppedField(
        format=error.format, field=field, value=value, reason=error.problem, title=article.title
    )
    return changed, note


class _Places:
    """The first positions of the authors, topics and images left, as parts are dropped."""

    def __init__(self, article: Article) -> None:
        self._first = {name: list(range(len(getattr(article, name)))) for name in _LISTS}

    def dropped(self, note: DroppedField, error: RenderError) -> DroppedField:
        """Return ``note`` with the paths of the first article; forget a dropped item."""
        field = self._first_path(note.field)
        cause = self._first_path(error.field)
        if cause != error.field:
            error = RenderError(error.format, cause, error.reason, missing=error.missing)
        path = field_path(note.field)
        if path is not None and path[0] in self._first:
            name = str(path[0])
            if len(path) == 1:
                self._first[name] = []
            elif len(path) == 2 and isinstance(path[1], int):
                del self._first[name][path[1]]
        return attrs.evolve(note, field=field, reason=error.problem)

    def _first_path(self, field: str) -> str:
        path = field_path(field)
        if path is None or len(path) < 2 or path[0] not in self._first:
            return field
        name, index = str(path[0]), path[1]
        if not isinstance(index, int) or not 0 <= index < len(self._first[name]):
            return field
        rest = field[field.index("]") + 1 :]
        return f"{name}[{self._first[name][index]}]{rest}"


_Dropped: TypeAlias = tuple[Article, str, object]


def _drop(article: Article, path: tuple[str | int, ...], *, missing: bool) -> _Dropped | None:
    match path:
        case ("meta", str(key)):
            return _drop_meta(article, key)
        case (str(name),):
            return None if missing else _drop_whole(article, name)
        case (str(name), int(index)) if name in _LISTS:
            return _drop_item(article, name, index)
        case ("images", int(index), str(part)) if part in _IMAGE_PARTS:
            return _drop_image_part(article, index, part, missing=missing)
        case _:
            return None


def _drop_meta(article: Article, key: str) -> _Dropped | None:
    if key not in article.meta:
        return None
    meta = {name: value for name, value in article.meta.items() if name != key}
    return attrs.evolve(article, meta=meta), f"meta[{key!r}]", article.meta[key]


def _drop_whole(article: Article, name: str) -> _Dropped | None:
    """Drop an optional value, or a whole list (``authors``, ``topics``, ``images``)."""
    if name not in _OPTIONAL_VALUES and name not in _LISTS:
        return None
    value = getattr(article, name)
    if not value:  # None, or an empty tuple
        return None
    changes: dict[str, Any] = {name: None if name in _OPTIONAL_VALUES else ()}
    return attrs.evolve(article, **changes), name, value


def _drop_item(article: Article, name: str, index: int) -> _Dropped | None:
    values: tuple[object, ...] = getattr(article, name)
    if not 0 <= index < len(values):
        return None
    changes: dict[str, Any] = {name: values[:index] + values[index + 1 :]}
    return attrs.evolve(article, **changes), f"{name}[{index}]", values[index]


def _drop_image_part(article: Article, index: int, part: str, *, missing: bool) -> _Dropped | None:
    if not 0 <= index < len(article.images):
        return None
    image = article.images[index]
    value = getattr(image, part)
    if missing:  # the format requires this part: the image cannot be written without it
        return _drop_item(article, "images", index)
    if value is None:
        return None
    try:
        smaller = attrs.evolve(image, **{part: None})
    except ValidationError:  # nothing would be left of the image
        return _drop_item(article, "images", index)
    images = (*article.images[:index], smaller, *article.images[index + 1 :])
    return attrs.evolve(article, images=images), f"images[{index}].{part}", value
