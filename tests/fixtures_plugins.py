"""Helpers that give a test its own plugin host and its own fake plugins.

Tests in one process share the cached :class:`~newsparse.plugin.PluginHost`,
and whatever plugins happen to be installed (a first-party plugin in CI, say)
would otherwise show up in it.  Each test module that depends on the host
uses :func:`isolated_host` in an autouse fixture: only the built-in formats
exist, and the host is forgotten again afterwards.

:class:`FakeDists` makes real distributions on disk (a module plus a
``.dist-info`` folder with ``METADATA`` and ``entry_points.txt``) so that the
host's entry-point loading runs for real, with versions and distribution
names, while the entry points of the environment stay out of the way.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

from newsparse._plugins import ENV_DISABLE_AUTOLOAD, ENV_STRICT, reset_host

__all__ = [
    "BROKEN_IMPORT_SOURCE",
    "BROKEN_REGISTER_SOURCE",
    "FAULTY_SOURCE",
    "GOOD_SOURCE",
    "UNKNOWN_HOOK_SOURCE",
    "FakeDists",
    "fake_dists",
    "isolated_host",
]


GOOD_SOURCE = textwrap.dedent(
    '''
    """A working plugin: the parse+render format "{format_name}" (one title per line)."""

    from newsparse import Article, Format, hookimpl


    class LinesFormat(Format):
        name = "{format_name}"
        label = "Titles, one per line"
        extensions = (".{format_name}",)

        def sniff(self, sample):
            return 0.0

        def parse(self, stream, source):
            for line in stream:
                if line.strip():
                    yield Article(title=line.strip())

        def render(self, articles, out):
            for article in articles:
                out.write(article.title + "\\n")


    @hookimpl
    def newsparse_register_formats(registry):
        registry.add(LinesFormat())
    '''
)
"""A plugin module registering a working format; ``format(format_name=...)`` it."""

FAULTY_SOURCE = textwrap.dedent(
    '''
    """A plugin whose format "faulty" has bugs: input holding "boom" and titles "crash"."""

    from newsparse import Article, Format, hookimpl


    class FaultyFormat(Format):
        name = "faulty"
        label = "A format with bugs"

        def sniff(self, sample):
            return 1.0 if sample.startswith("FAULTY") else 0.0

        def parse(self, stream, source):
            for line in stream:
                if "boom" in line:
                    raise ZeroDivisionError("boom in parse")
                if line.strip() and line.strip() != "FAULTY":
                    yield Article(title=line.strip())

        def render(self, articles, out):
            for article in articles:
                if article.title == "crash":
                    raise ZeroDivisionError("crash in render")
                out.write(article.title + "\\n")


    @hookimpl
    def newsparse_register_formats(registry):
        registry.add(FaultyFormat())
    '''
)
"""A plugin module whose format raises ZeroDivisionError on "boom" input or a "crash" title."""

BROKEN_IMPORT_SOURCE = 'raise RuntimeError("cannot import me: {reason}")\n'
"""A plugin module that fails at import; ``format(reason=...)`` it."""

BROKEN_REGISTER_SOURCE = textwrap.dedent(
    """
    from newsparse import hookimpl


    @hookimpl
    def newsparse_register_formats(registry):
        raise KeyError("{reason}")
    """
)
"""A plugin module whose registration hook fails; ``format(reason=...)`` it."""

UNKNOWN_HOOK_SOURCE = textwrap.dedent(
    """
    from newsparse import hookimpl


    @hookimpl
    def newsparse_register_formatz(registry):
        pass
    """
)
"""A plugin module with a misspelt hook name."""


def _set_env(monkeypatch: pytest.MonkeyPatch, *, autoload: bool, strict: bool) -> None:
    if autoload:
        monkeypatch.delenv(ENV_DISABLE_AUTOLOAD, raising=False)
    else:
        monkeypatch.setenv(ENV_DISABLE_AUTOLOAD, "1")
    if strict:
        monkeypatch.setenv(ENV_STRICT, "1")
    else:
        monkeypatch.delenv(ENV_STRICT, raising=False)


@contextmanager
def isolated_host(
    monkeypatch: pytest.MonkeyPatch, *, autoload: bool = False, strict: bool = False
) -> Iterator[None]:
    """Run the block with a fresh host made from the given environment."""
    _set_env(monkeypatch, autoload=autoload, strict=strict)
    reset_host()
    try:
        yield
    finally:
        reset_host()


class FakeDists:
    """Installed-looking plugin distributions in one folder of ``sys.path``.

    Only the distributions made here are seen by the host's entry-point
    loading (``importlib.metadata.entry_points`` is narrowed to this folder).
    """

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root = root
        self.modules: list[str] = []
        self._monkeypatch = monkeypatch

    def add(
        self,
        *,
        dist: str,
        version: str,
        entry_point: str,
        module: str,
        source: str,
    ) -> None:
        """Make the distribution ``dist`` whose entry point loads ``module``."""
        (self.root / f"{module}.py").write_text(source, encoding="utf-8")
        info = self.root / f"{dist.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8"
        )
        (info / "entry_points.txt").write_text(
            f"[newsparse]\n{entry_point} = {module}\n", encoding="utf-8"
        )
        self.modules.append(module)

    def use(self, *, strict: bool = False) -> None:
        """Make the next host load these distributions (and ``strict`` or not)."""
        _set_env(self._monkeypatch, autoload=True, strict=strict)
        reset_host()


@contextmanager
def fake_dists(root: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDists]:
    """Give the block a :class:`FakeDists` in ``root``; undo everything afterwards."""
    root.mkdir(parents=True, exist_ok=True)
    monkeypatch.syspath_prepend(str(root))

    def entry_points(**selection: Any) -> metadata.EntryPoints:
        found = [
            entry_point
            for dist in metadata.distributions(path=[str(root)])
            for entry_point in dist.entry_points
        ]
        return metadata.EntryPoints(found).select(**selection)

    monkeypatch.setattr(metadata, "entry_points", entry_points)
    dists = FakeDists(root, monkeypatch)
    with isolated_host(monkeypatch):
        try:
            yield dists
        finally:
            for module in dists.modules:
                sys.modules.pop(module, None)
