"""The registries a plugin fills in through its hooks.

One generic :class:`Registry` collects what one plugin adds of one kind of
thing, checks each item, and refuses a key another plugin took (naming both
plugins).  :class:`FormatRegistry` is the registry of formats, the one kind of
thing the core knows.  A format can let plugins register things of their own
for it: it declares an :class:`Extension` (a hook of its own and a registry
for it) with :meth:`FormatRegistry.add_extension`, and receives the
:class:`Registered` collection that the host fills, one plugin at a time.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Hashable, Iterator, Mapping
from types import MappingProxyType, ModuleType
from typing import Any, Generic, Protocol, TypeVar

import attrs

from newsparse._errors import PluginError
from newsparse._format import Format

__all__ = [
    "Extension",
    "FormatRegistry",
    "Registered",
    "RegisteredFormat",
    "Registry",
]


class _Entry(Protocol):
    @property
    def plugin(self) -> str: ...


T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
E = TypeVar("E", bound=_Entry)


class Registry(ABC, Generic[T, K, E]):
    """Collects the items of one kind that one plugin registers.

    A plugin receives one in a registration hook and calls :meth:`add`.  What
    it adds takes effect only once its hook has returned without error, so a
    plugin that fails half-way registers nothing.  A subclass says what an
    item is: :meth:`entry` checks it and returns its key and its entry (the
    item with the plugin's name); :meth:`taken` words the refusal of a key
    that is already registered.

    Args:
        plugin: name of the plugin this registry collects for.
        existing: what other plugins registered before, by key.
    """

    def __init__(self, plugin: str, existing: Mapping[K, E]) -> None:
        self._plugin = plugin
        self._existing = existing
        self._added: dict[K, E] = {}

    @property
    def plugin(self) -> str:
        """Name of the plugin this registry collects for."""
        return self._plugin

    @abstractmethod
    def entry(self, item: T) -> tuple[K, E]:
        """Check ``item`` and return its key and entry.

        Raises:
            PluginError: ``item`` cannot be registered.
        """

    @abstractmethod
    def taken(self, key: K, by: str) -> str:
        """Return why ``key`` cannot be registered: plugin ``by`` has it."""

    @staticmethod
    def describe(key: K) -> str:
        """Return how :attr:`~newsparse.plugin.PluginInfo` lists ``key``."""
        return str(key)

    def add(self, item: T) -> None:
        """Register ``item``.

        Raises:
            PluginError: :meth:`entry` refuses it, or its key is taken (the
                message names both plugins).
        """
        key, entry = self.entry(item)
        for taken in (self._existing.get(key), self._added.get(key)):
            if taken is not None:
                raise PluginError(self._plugin, self.taken(key, taken.plugin))
        self._added[key] = entry

    def added(self) -> dict[K, E]:
        """Return what was added, by key."""
        return dict(self._added)


class Registered(Generic[K, E]):
    """What plugins registered through one :class:`Extension`, as it is now.

    The format that declared the extension reads it; the plugin host writes
    it, one plugin at a time.  Each change replaces the whole mapping, so a
    reader never sees a plugin's entries half-added.
    """

    def __init__(self) -> None:
        self._by_key: Mapping[K, E] = MappingProxyType({})

    @property
    def by_key(self) -> Mapping[K, E]:
        """Every entry by key (a read-only snapshot)."""
        return self._by_key

    def __iter__(self) -> Iterator[E]:
        """Iterate over a snapshot of the entries, in registration order."""
        return iter(tuple(self._by_key.values()))

    def __len__(self) -> int:
        """Return how many entries there are."""
        return len(self._by_key)

    def update(self, added: Mapping[K, E]) -> None:
        """Add one plugin's entries (the plugin host calls this)."""
        self._by_key = MappingProxyType({**self._by_key, **added})

    def remove_plugin(self, plugin: str) -> None:
        """Remove the entries of ``plugin`` (the plugin host calls this)."""
        kept = {key: entry for key, entry in self._by_key.items() if entry.plugin != plugin}
        self._by_key = MappingProxyType(kept)


@attrs.frozen
class Extension:
    """A kind of thing a format lets plugins register, through a hook of its own.

    The format's plugin declares it with :meth:`FormatRegistry.add_extension`
    while it registers the format; from then on, every plugin registered
    later that implements :attr:`hook` is called with a new
    ``registry(plugin, existing)``, and what it adds is listed in its
    :attr:`~newsparse.plugin.PluginInfo.extensions` under :attr:`name`.
    """

    name: str
    """Key in :attr:`~newsparse.plugin.PluginInfo.extensions`, such as ``"site_parsers"``."""
    hookspecs: ModuleType | type
    """The module or class holding :attr:`hook`'s specification, marked with
    :data:`newsparse.plugin.hookspec` (given to ``add_hookspecs``)."""
    hook: str
    """Name of the hook, which must start with ``newsparse_``."""
    registry: Callable[[str, Mapping[Any, Any]], Registry[Any, Any, Any]]
    """Makes the registry one plugin's hook receives, from the plugin's name
    and what other plugins registered before (a :class:`Registry` subclass)."""


@attrs.frozen
class RegisteredFormat:
    """A format together with the plugin that registered it."""

    format: Format
    """The format instance."""
    plugin: str
    """Name of the plugin that registered it."""


class FormatRegistry(Registry[Format, str, RegisteredFormat]):
    """Collects the formats one plugin registers.

    A plugin receives one in :func:`~newsparse.plugin.newsparse_register_formats`
    and calls :meth:`add`.  What it adds takes effect only once its hook has
    returned without error, so a plugin that fails half-way registers nothing.
    """

    def __init__(self, plugin: str, existing: Mapping[str, RegisteredFormat]) -> None:
        super().__init__(plugin, existing)
        self._extensions: dict[str, tuple[Extension, Registered[Any, Any]]] = {}

    def entry(self, item: Format) -> tuple[str, RegisteredFormat]:
        """Check that ``item`` is a named :class:`~newsparse.Format` instance.

        Raises:
            PluginError: ``item`` is not a :class:`~newsparse.Format`
                instance, or has no name.
        """
        if not isinstance(item, Format):
            raise PluginError(
                self._plugin, f"registered {item!r}, which is not a newsparse.Format instance"
            )
        name = getattr(item, "name", None)
        if not isinstance(name, str):
            raise PluginError(self._plugin, f"format {item!r} has no name")
        return name, RegisteredFormat(item, self._plugin)

    def taken(self, key: str, by: str) -> str:
        """Return why the format name ``key`` is refused."""
        return f"format name {key!r} is already registered by plugin {by!r}"

    def add_extension(self, extension: Extension) -> Registered[Any, Any]:
        """Declare ``extension`` and return what plugins will register through it.

        The returned collection starts empty; the host fills it as it
        registers the plugins that implement the extension's hook.  Give it
        to the format that reads it.

        Raises:
            PluginError: an extension of that name or hook is already declared.
        """
        for name, (declared, _) in self._extensions.items():
            if extension.name == name or extension.hook == declared.hook:
                raise PluginError(self._plugin, f"declares extension {name!r} twice")
        collection: Registered[Any, Any] = Registered()
        self._extensions[extension.name] = (extension, collection)
        return collection

    def extensions(self) -> dict[str, tuple[Extension, Registered[Any, Any]]]:
        """Return the extensions declared, by name, each with its collection."""
        return dict(self._extensions)
