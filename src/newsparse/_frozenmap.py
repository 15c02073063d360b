"""An immutable, hashable mapping, used for :attr:`newsparse.Article.meta`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TypeVar

__all__ = ["FrozenMap"]

_IMMUTABLE = (
    "FrozenMap is immutable; make a new one instead, such as FrozenMap({**old, key: value})"
)
_set = object.__setattr__  # the only way __init__ sets the two slots

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
        _set(self, "_items", dict(items))
        _set(self, "_hash", None)

    _items: dict[K, V]
    _hash: int | None

    def __setattr__(self, name: str, value: object) -> None:
        raise TypeError(f"FrozenMap is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise TypeError(f"FrozenMap is immutable: cannot delete {name!r}")

    def __setitem__(self, key: K, value: V) -> None:
        raise TypeError(_IMMUTABLE)

    def __delitem__(self, key: K) -> None:
        raise TypeError(_IMMUTABLE)

    def __ior__(self, other: object) -> FrozenMap[K, V]:
        raise TypeError(_IMMUTABLE)

    def _refuse(self, *args: object, **kwargs: object) -> None:
        raise TypeError(_IMMUTABLE)

    update = setdefault = pop = popitem = clear = _refuse
    """Mutating :class:`dict` methods: each raises :class:`TypeError`."""

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __hash__(self) -> int:
        cached = self._hash
        if cached is None:
            cached = hash(frozenset(self._items.items()))
            _set(self, "_hash", cached)
        return cached

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
