"""Finding, loading and registering plugins.

newsparse owns one :class:`PluginHost` per process, made on first use.  It
registers the built-in formats through the same hook as any plugin, then loads
the ``newsparse`` entry points one at a time: a plugin that fails to import or
to register is recorded (see :attr:`PluginHost.plugins`) and logged, and every
other plugin keeps working.

Two environment variables, read when the host is made, change that:

``NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD=1``
    Load no entry points; only built-in formats and plugins registered at run
    time exist.  For tests and locked-down deployments.
``NEWSPARSE_STRICT_PLUGINS=1``
    A plugin that fails to load raises :class:`~newsparse.PluginError`
    instead of being recorded.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from importlib import metadata
from types import MappingProxyType
from typing import Any, NoReturn

import attrs
import pluggy

from newsparse import _hookspecs as hookspecs
from newsparse._errors import PluginError
from newsparse._format import Format
from newsparse._formats import builtin
from newsparse._registry import Extension, FormatRegistry, Registered, RegisteredFormat, Registry

__all__ = [
    "ENTRY_POINT_GROUP",
    "ENV_DISABLE_AUTOLOAD",
    "ENV_STRICT",
    "PluginHost",
    "PluginInfo",
    "get_host",
    "registered",
    "reset_host",
]

ENTRY_POINT_GROUP = "newsparse"
"""The entry-point group plugins register under."""
ENV_DISABLE_AUTOLOAD = "NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD"
"""Environment variable: set to ``1`` to load no entry points."""
ENV_STRICT = "NEWSPARSE_STRICT_PLUGINS"
"""Environment variable: set to ``1`` to make plugin failures errors."""

BUILTIN_PLUGIN = "newsparse.builtin"
"""Name under which the built-in formats are registered."""

logger = logging.getLogger("newsparse._plugins")


def _read_only(value: Mapping[str, tuple[str, ...]]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType(dict(value))


@attrs.frozen
class PluginInfo:
    """What newsparse knows about one plugin, loaded or failed."""

    name: str
    """Entry-point name, or the name given to :meth:`PluginHost.register`."""
    version: str | None
    """Version of the distribution that provides it, if known."""
    distribution: str | None
    """Name of that distribution, if known."""
    hooks: tuple[str, ...]
    """Names of the hooks it implements."""
    formats: tuple[str, ...]
    """Names of the formats it registered."""
    error: str | None = None
    """Why it failed to load (``"ExceptionType: message"``), or ``None``."""
    extensions: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, converter=_read_only)
    """What it registered through each format's extension, by extension name
    (:attr:`~newsparse.plugin.Extension.name`), such as ``"site_parsers"``;
    every extension declared so far has an entry, empty when the plugin
    registered nothing through it."""

    @property
    def ok(self) -> bool:
        """Whether the plugin loaded and registered without error."""
        return self.error is None

    @property
    def site_parsers(self) -> tuple[str, ...]:
        """Names of the site parsers it registered (one entry per version).

        The same as ``extensions.get("site_parsers", ())``: the ``html``
        format's extension, kept as an attribute of its own.
        """
        return self.extensions.get("site_parsers", ())

    def to_dict(self) -> dict[str, Any]:
        """Return the information as plain data (for ``newsparse plugins --json``).

        Each extension is a key of its own, after ``error``.
        """
        data = attrs.asdict(self, filter=lambda field, _: field.name != "extensions")
        data.update({name: list(names) for name, names in self.extensions.items()})
        return data


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


class PluginHost:
    """The plugin manager and the formats its plugins registered.

    Args:
        autoload: load entry points; defaults to ``True`` unless
            ``NEWSPARSE_DISABLE_PLUGIN_AUTOLOAD`` is set.
        strict: raise on plugin failures; defaults to ``True`` when
            ``NEWSPARSE_STRICT_PLUGINS`` is set.
    """

    def __init__(self, *, autoload: bool | None = None, strict: bool | None = None) -> None:
        self.autoload = not _env_flag(ENV_DISABLE_AUTOLOAD) if autoload is None else autoload
        self.strict = _env_flag(ENV_STRICT) if strict is None else strict
        self._manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self._manager.add_hookspecs(hookspecs)
        self._formats: dict[str, RegisteredFormat] = {}
        self._extensions: dict[str, _Declared] = {}
        self._plugins: dict[str, PluginInfo] = {}
        self._lock = threading.RLock()
        self.register(builtin, name=BUILTIN_PLUGIN, distribution="newsparse")
        if self.autoload:
            self.load_entry_points()

    @property
    def manager(self) -> pluggy.PluginManager:
        """The underlying :class:`pluggy.PluginManager`."""
        return self._manager

    @property
    def formats(self) -> Mapping[str, Format]:
        """Every registered format by name (a read-only snapshot)."""
        with self._lock:
            return MappingProxyType({name: entry.format for name, entry in self._formats.items()})

    def format(self, name: str) -> Format | None:
        """Return the format called ``name``, if one is registered (cheaper than ``formats``)."""
        with self._lock:
            entry = self._formats.get(name)
            return None if entry is None else entry.format

    def extension_entries(self, extension: str) -> tuple[Any, ...]:
        """Every entry registered through the extension called ``extension``.

        Raises:
            KeyError: no format declared an extension of that name.
        """
        with self._lock:
            return tuple(self._extensions[extension].collection)

    @property
    def site_parsers(self) -> tuple[Any, ...]:
        """Every registered site parser version, with the plugin that registered it.

        The same as ``extension_entries("site_parsers")``: the
        ``RegisteredSiteParser`` entries of the ``html``
        format's extension (none when no format declares it).
        """
        with self._lock:
            declared = self._extensions.get("site_parsers")
            return () if declared is None else tuple(declared.collection)

    @property
    def plugins(self) -> tuple[PluginInfo, ...]:
        """Every plugin tried, in load order, failed ones included."""
        with self._lock:
            return tuple(self._plugins.values())

    def plugin_of(self, format_name: str) -> str:
        """Return the name of the plugin that registered ``format_name``."""
        with self._lock:
            return self._formats[format_name].plugin

    def load_entry_points(self) -> None:
        """Load every plugin of the ``newsparse`` entry-point group, one at a time."""
        seen: set[str] = set()
        for entry_point in sorted(_entry_points(), key=lambda ep: ep.name):
            if entry_point.name in seen or entry_point.name in self._plugins:
                continue
            seen.add(entry_point.name)
            self._load_entry_point(entry_point)

    def _load_entry_point(self, entry_point: metadata.EntryPoint) -> None:
        dist = getattr(entry_point, "dist", None)
        dist_name = dist.metadata["Name"] if dist is not None else None
        version = dist.version if dist is not None else None
        try:
            try:
                plugin = entry_point.load()
            except Exception as error:
                self._fail(
                    entry_point.name,
                    error,
                    "failed to import",
                    version=version,
                    distribution=dist_name,
                )
            self.register(plugin, name=entry_point.name, distribution=dist_name, version=version)
        except PluginError:
            if self.strict:
                raise

    def register(
        self,
        plugin: object,
        *,
        name: str,
        distribution: str | None = None,
        version: str | None = None,
    ) -> PluginInfo:
        """Register ``plugin`` (a module or object with hook implementations).

        Its formats take effect at once.  Failures are recorded in
        :attr:`plugins`, logged, and raised.

        Raises:
            PluginError: the name is taken, a hook implementation has no
                matching hook, or the plugin's registration hook failed.
        """
        with self._lock:
            if name in self._plugins and self._plugins[name].ok:
                raise PluginError(name, "a plugin of that name is already registered")
            if version is None and distribution is not None:
                version = _version_of(distribution)
            try:
                _check_hashable(plugin)
                self._manager.register(plugin, name=name)
            except (ValueError, TypeError, pluggy.PluginValidationError) as error:
                self._fail(
                    name, error, "cannot be registered", version=version, distribution=distribution
                )
            hooks = tuple(
                sorted(caller.name for caller in self._manager.get_hookcallers(plugin) or ())
            )
            try:
                self._check_hooks(name, plugin)
                formats = FormatRegistry(name, self._formats)
                self._call(plugin, "newsparse_register_formats", formats)
                added = formats.added()
                declared = self._new_extensions(name, formats)
                extended = {
                    ext: known.extension.registry(name, known.collection.by_key)
                    for ext, known in self._extensions.items()
                }
                for ext, registry in extended.items():
                    self._call(plugin, self._extensions[ext].extension.hook, registry)
            except Exception as error:
                self._manager.unregister(plugin)
                self._fail(
                    name,
                    error,
                    "failed to register",
                    version=version,
                    distribution=distribution,
                    hooks=hooks,
                )
            self._formats.update(added)
            for ext, registry in extended.items():
                self._extensions[ext].collection.update(registry.added())
            for ext, (extension, collection) in declared.items():
                self._manager.add_hookspecs(extension.hookspecs)
                self._extensions[ext] = _Declared(extension, collection, name)
            listed = {
                ext: tuple(registry.describe(key) for key in registry.added())
                for ext, registry in extended.items()
            }
            info = PluginInfo(
                name,
                version,
                distribution,
                hooks,
                tuple(added),
                extensions={ext: listed.get(ext, ()) for ext in self._extensions},
            )
            self._plugins[name] = info
            return info

    def unregister(self, name: str) -> None:
        """Remove the plugin called ``name`` and the formats it registered."""
        with self._lock:
            plugin = self._manager.get_plugin(name)
            if plugin is not None:
                self._manager.unregister(plugin)
            self._plugins.pop(name, None)
            for format_name in [n for n, e in self._formats.items() if e.plugin == name]:
                del self._formats[format_name]
            for declared in self._extensions.values():
                declared.collection.remove_plugin(name)

    def _check_hooks(self, name: str, plugin: object) -> None:
        for caller in self._manager.get_hookcallers(plugin) or ():
            if not caller.has_spec():
                raise PluginError(name, f"implements unknown hook {caller.name!r}")

    def _call(self, plugin: object, hook: str, registry: Registry[Any, Any, Any]) -> None:
        """Call ``plugin``'s implementation of ``hook`` alone, through pluggy.

        The registry is the plugin's own (it names the plugin in errors).
        Calling one plugin at a time is what lets newsparse say which plugin
        registered what, and keep a failing plugin from stopping the others
        (see ``docs/explanation/architecture.md``).
        """
        impls = self._hook(hook).get_hookimpls()
        if any(impl.plugin is plugin for impl in impls):
            others = [impl.plugin for impl in impls if impl.plugin is not plugin]
            self._manager.subset_hook_caller(hook, remove_plugins=others)(registry=registry)

    def _hook(self, hook: str) -> pluggy.HookCaller:
        caller: pluggy.HookCaller = getattr(self._manager.hook, hook)
        return caller

    def _new_extensions(
        self, name: str, formats: FormatRegistry
    ) -> dict[str, tuple[Extension, Registered[Any, Any]]]:
        """Return the extensions the plugin's formats declare, checked against the known ones."""
        declared = formats.extensions()
        for ext, (extension, _) in declared.items():
            known = self._extensions.get(ext)
            if known is not None:
                raise PluginError(
                    name, f"extension {ext!r} is already declared by plugin {known.plugin!r}"
                )
            if not extension.hook.startswith(hookspecs.PROJECT_NAME + "_"):
                raise PluginError(
                    name, f"extension hook {extension.hook!r} must start with 'newsparse_'"
                )
            if hasattr(self._manager.hook, extension.hook):
                raise PluginError(name, f"extension hook {extension.hook!r} is already a hook")
        return declared

    def _fail(
        self,
        name: str,
        error: BaseException,
        what: str,
        *,
        version: str | None,
        distribution: str | None,
        hooks: tuple[str, ...] = (),
    ) -> NoReturn:
        reason = (
            str(error) if isinstance(error, PluginError) else f"{type(error).__name__}: {error}"
        )
        if isinstance(error, PluginError):
            reason = error.detail
        nothing = dict.fromkeys(self._extensions, ())
        self._plugins[name] = PluginInfo(
            name, version, distribution, hooks, (), reason, extensions=nothing
        )
        logger.warning("newsparse plugin %r %s: %s", name, what, reason)
        raise PluginError(name, f"{what}: {reason}") from error


@attrs.frozen
class _Declared:
    """An extension a format declared, what was registered through it, and by whom."""

    extension: Extension
    collection: Registered[Any, Any]
    plugin: str


def _check_hashable(plugin: object) -> None:
    """Refuse a plugin object that cannot be in a set.

    The host calls one plugin's hook through pluggy by leaving every other
    plugin out (``subset_hook_caller``), which puts them in a set.
    """
    try:
        hash(plugin)
    except TypeError:
        raise TypeError(
            f"{type(plugin).__name__} objects are unhashable; a plugin must be hashable"
            " (a module, or an object whose class keeps the default __hash__)"
        ) from None


def _entry_points() -> list[metadata.EntryPoint]:
    return list(metadata.entry_points(group=ENTRY_POINT_GROUP))


def _version_of(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


_host: PluginHost | None = None
_host_lock = threading.Lock()


def get_host() -> PluginHost:
    """Return the process-wide :class:`PluginHost`, making it on first use."""
    global _host  # noqa: PLW0603 - one lazily made host per process
    host = _host
    if host is None:
        with _host_lock:
            if _host is None:
                _host = PluginHost()
            host = _host
    return host


def reset_host() -> None:
    """Forget the process-wide host; the next use makes a new one.

    Tests use this after changing the environment variables.
    """
    global _host  # noqa: PLW0603
    with _host_lock:
        _host = None


@contextmanager
def registered(plugin: object, *, name: str) -> Iterator[PluginInfo]:
    """Register ``plugin`` for the duration of a ``with`` block (for tests).

    >>> from newsparse import hookimpl
    >>> from newsparse._plugins import registered
    >>> class Plugin:
    ...     @hookimpl
    ...     def newsparse_register_formats(self, registry):
    ...         pass
    >>> with registered(Plugin(), name="demo") as info:
    ...     info.hooks
    ('newsparse_register_formats',)
    """
    host = get_host()
    try:
        info = host.register(plugin, name=name)
    except PluginError:
        if any(info.name == name and not info.ok for info in host.plugins):
            host.unregister(name)  # leave no failure record behind
        raise
    try:
        yield info
    finally:
        host.unregister(name)
