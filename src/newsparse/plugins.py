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
from datetime import date
from importlib import metadata
from types import MappingProxyType
from typing import Any, NoReturn

import attrs
import pluggy

from newsparse import hookspecs
from newsparse.errors import PluginError
from newsparse.format import Format
from newsparse.registry import FormatRegistry, RegisteredFormat
from newsparse.sites import RegisteredSiteParser, SiteParserRegistry

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

logger = logging.getLogger("newsparse.plugins")


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
    site_parsers: tuple[str, ...] = ()
    """Names of the site parsers it registered (one entry per version)."""

    @property
    def ok(self) -> bool:
        """Whether the plugin loaded and registered without error."""
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """Return the information as plain data (for ``newsparse plugins --json``)."""
        return attrs.asdict(self)


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
        self._site_parsers: dict[tuple[str, date | None], RegisteredSiteParser] = {}
        self._plugins: dict[str, PluginInfo] = {}
        self._lock = threading.RLock()
        from newsparse.builtin_formats import builtin  # noqa: PLC0415 - avoids an import cycle

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

    @property
    def site_parsers(self) -> tuple[RegisteredSiteParser, ...]:
        """Every registered site parser version, with the plugin that registered it."""
        with self._lock:
            return tuple(self._site_parsers.values())

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
                self._manager.register(plugin, name=name)
            except (ValueError, pluggy.PluginValidationError) as error:
                self._fail(
                    name, error, "cannot be registered", version=version, distribution=distribution
                )
            hooks = tuple(
                sorted(caller.name for caller in self._manager.get_hookcallers(plugin) or ())
            )
            try:
                self._check_hooks(name, plugin)
                added = self._call_register_formats(name, plugin)
                added_parsers = self._call_register_site_parsers(name, plugin)
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
            self._site_parsers.update(added_parsers)
            parser_names = tuple(
                f"{parser_name}@{since}" if since else parser_name
                for parser_name, since in added_parsers
            )
            info = PluginInfo(
                name, version, distribution, hooks, tuple(added), site_parsers=parser_names
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
            for key in [k for k, e in self._site_parsers.items() if e.plugin == name]:
                del self._site_parsers[key]

    def _check_hooks(self, name: str, plugin: object) -> None:
        for caller in self._manager.get_hookcallers(plugin) or ():
            if not caller.has_spec():
                raise PluginError(name, f"implements unknown hook {caller.name!r}")

    def _call_register_formats(self, name: str, plugin: object) -> dict[str, RegisteredFormat]:
        registry = FormatRegistry(name, self._formats)
        for impl in self._manager.hook.newsparse_register_formats.get_hookimpls():
            if impl.plugin is plugin:
                impl.function(registry=registry)
        return registry.added()

    def _call_register_site_parsers(
        self, name: str, plugin: object
    ) -> dict[tuple[str, date | None], RegisteredSiteParser]:
        registry = SiteParserRegistry(name, self._site_parsers)
        for impl in self._manager.hook.newsparse_register_site_parsers.get_hookimpls():
            if impl.plugin is plugin:
                impl.function(registry=registry)
        return registry.added()

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
        self._plugins[name] = PluginInfo(name, version, distribution, hooks, (), reason)
        logger.warning("newsparse plugin %r %s: %s", name, what, reason)
        raise PluginError(name, f"{what}: {reason}") from error


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
    >>> from newsparse.plugins import registered
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
