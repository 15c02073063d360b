"""An immutable, hashable mapping, used for :attr:`newsparse.Article.meta`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TypeVar

__all__ = ["FrozenMap"]

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V]):
    """A read-only mapping that keeps insertion order and can be hashed.

    It compares equal to any mapping with the same items (order does not
    matter, as with :class:`dict`), and its hash depends only on its items, so
    articles holding one can live in sets and serve as dict keys.

    >>> from newsparse import FrozenMap
    >>> meta = FrozenMap({"tt.number": "20"})
    >>> meta["tt.number"]
    '20'
    >>> meta == {"tt.number": "20"}
    True
    """

    __slots__ = ("_hash", "_items")

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = (), /) -> None:
        self._items: dict[K, V] = dict(items)
        self._hash: int | None = None

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._items.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._items == other._items
        if isinstance(other, Mapping):
            return self._items == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._items!r})"

    def __reduce__(self) -> tuple[type[FrozenMap[K, V]], tuple[dict[K, V]]]:
        return (type(self), (self._items,))

    def to_dict(self) -> dict[K, V]:
        """Return a new, ordinary :class:`dict` with the same items."""
        return dict(self._items)
